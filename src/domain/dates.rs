//! Dates the German way: 27.11.2026.

use chrono::{NaiveDate, NaiveDateTime};

pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

pub fn format_date_time(at: NaiveDateTime) -> String {
    at.format("%d.%m.%Y %H:%M").to_string()
}

/// Reads "27.11.2026", "1.2.2026" or the ISO form "2026-11-27" that date inputs give.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

/// The ISO form an `<input type="date">` expects.
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Whole days from `earlier` to `today`; negative when `earlier` lies ahead.
pub fn days_between(earlier: NaiveDate, today: NaiveDate) -> i64 {
    (today - earlier).num_days()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
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
        assert_eq!(days_between(date, date + chrono::Days::new(3)), 3);
    }

    proptest! {
        #[test]
        fn formatted_dates_parse_back(days in 0i64..80_000) {
            let date = NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid") + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_date(date)), Some(date));
            prop_assert_eq!(parse_date(&iso_date(date)), Some(date));
        }
    }
}
