//! Dates the German way: 27.11.2026.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

pub fn format_date_time(at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// Reads "27.11.2026", "1.2.2026" or the ISO form "2026-11-27" that date inputs give.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (day, month, year) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (d, m, y)
    } else {
        let (d, rest) = text.split_once('.')?;
        let (m, y) = rest.split_once('.')?;
        (d, m, y)
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// The ISO form an `<input type="date">` expects.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A moment as a key-safe stamp, "20261127T101500": it names quarantine entries, which
/// then sort by time.
pub fn stamp(at: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The moment a [`stamp`] names; `None` for anything else. What follows the stamp, such
/// as the "-2" of a second quarantine entry in the same second, is left aside.
pub fn parse_stamp(stamp: &str) -> Option<NaiveDateTime> {
    let part = |range: std::ops::Range<usize>| stamp.get(range)?.parse::<u32>().ok();
    let year = i32::try_from(part(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, part(4..6)?, part(6..8)?)?.and_hms_opt(
        part(9..11)?,
        part(11..13)?,
        part(13..15)?,
    )
}

/// Whole days from `earlier` to `today`; negative when `earlier` lies ahead.
pub fn days_between(earlier: NaiveDate, today: NaiveDate) -> i64 {
    (today - earlier).num_days()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn german_and_iso_forms() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        assert_eq!(format_date(date), "27.11.2026");
        assert_eq!(parse_date("27.11.2026"), Some(date));
        assert_eq!(parse_date(" 2026-11-27 "), Some(date));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("1.2.2026"), NaiveDate::from_ymd_opt(2026, 2, 1));
        assert_eq!(parse_date("27.11.26"), None);
        assert_eq!(parse_date("heute"), None);
        let at = date.and_hms_opt(9, 5, 0).expect("valid");
        assert_eq!(format_date_time(at), "27.11.2026 09:05");
        assert_eq!(days_between(date, date + chrono::Days::new(3)), 3);
    }

    #[test]
    fn stamps_name_a_moment() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(10, 15, 0))
            .expect("valid");
        assert_eq!(stamp(at), "20261127T101500");
        assert_eq!(parse_stamp("20261127T101500"), Some(at));
        assert_eq!(parse_stamp("20261127T101500-2"), Some(at));
        assert_eq!(parse_stamp("20261327T101500"), None);
        assert_eq!(parse_stamp("20261127T1015"), None);
        assert_eq!(parse_stamp("kaputt"), None);
        assert_eq!(parse_stamp(""), None);
    }

    proptest! {
        #[test]
        fn stamps_parse_back(days in 0i64..80_000, seconds in 0u32..86_400) {
            let at = (NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid") + chrono::Duration::days(days))
                .and_hms_opt(seconds / 3600, seconds / 60 % 60, seconds % 60)
                .expect("valid");
            prop_assert_eq!(parse_stamp(&stamp(at)), Some(at));
        }

        /// Whatever a damaged key holds, reading its stamp is an answer, never a panic.
        #[test]
        fn any_text_is_a_stamp_or_not(text in "\\PC{0,20}") {
            let _ = parse_stamp(&text);
        }

        #[test]
        fn formatted_dates_parse_back(days in 0i64..80_000) {
            let date = NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid") + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_date(date)), Some(date));
            prop_assert_eq!(parse_date(&iso_date(date)), Some(date));
        }
    }
}
