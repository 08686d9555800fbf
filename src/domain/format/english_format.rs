//! Amounts, counts and dates the British way (en-GB): €1,234.56 and 27/11/2026.
//! Amounts stay in euros: the language changes, the money does not.

use crate::domain::format::money::{grouped, parse_euro_cents, AmountError};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// "€1,234.56"
pub fn format_euro_en(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}€{}.{:02}", group(abs / 100), abs % 100)
}

/// "1,234.56" without the currency sign, as form fields want it.
pub fn format_amount_en(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", group(abs / 100), abs % 100)
}

/// "€1,235", for sums where cents are noise.
pub fn format_euro_rounded_en(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}€{}", group((cents.unsigned_abs() + 50) / 100))
}

/// "5,242,880"
pub fn format_count_en(value: usize) -> String {
    group(value as u64)
}

/// "26.6"
pub fn format_percent_en(value: f64) -> String {
    format!("{value:.1}")
}

/// "27/11/2026"
pub fn format_date_en(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// "27/11/2026 14:05"
pub fn format_date_time_en(at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date_en(at.date()),
        at.hour(),
        at.minute()
    )
}

/// Reads "1,234.56", "€1,234", "12.5" or "-20": commas group thousands, the point is
/// the decimal point.
pub fn parse_euro_cents_en(text: &str) -> Result<i64, AmountError> {
    let trimmed = text.trim().trim_start_matches('€').trim_start_matches('-');
    let negative = text.trim().starts_with('-') || text.trim().starts_with("€-");
    if trimmed.contains(',') && trimmed.contains('.') && trimmed.rfind(',') > trimmed.rfind('.') {
        return Err(AmountError::NotANumber(text.trim().to_string()));
    }
    let german: String = trimmed
        .chars()
        .filter(|c| *c != ',')
        .map(|c| if c == '.' { ',' } else { c })
        .collect();
    parse_euro_cents(&german)
        .map(|cents| if negative { -cents } else { cents })
        .map_err(|e| match e {
            AmountError::NotANumber(_) => AmountError::NotANumber(text.trim().to_string()),
            other => other,
        })
}

fn group(value: u64) -> String {
    grouped(value, ',')
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn british_amounts_counts_and_dates() {
        assert_eq!(format_euro_en(123_456), "€1,234.56");
        assert_eq!(format_euro_en(-5), "-€0.05");
        assert_eq!(format_amount_en(123_456_789), "1,234,567.89");
        assert_eq!(format_euro_rounded_en(123_450), "€1,235");
        assert_eq!(format_count_en(5_242_880), "5,242,880");
        assert_eq!(format_percent_en(26.64), "26.6");
        let date = NaiveDate::from_ymd_opt(2026, 11, 7).expect("valid");
        assert_eq!(format_date_en(date), "07/11/2026");
        assert_eq!(
            format_date_time_en(date.and_hms_opt(9, 5, 0).expect("valid")),
            "07/11/2026 09:05"
        );
    }

    #[test]
    fn british_amounts_read_back() {
        assert_eq!(parse_euro_cents_en("1,234.56"), Ok(123_456));
        assert_eq!(parse_euro_cents_en("€1,234"), Ok(123_400));
        assert_eq!(parse_euro_cents_en("12.5"), Ok(1_250));
        assert_eq!(parse_euro_cents_en("-20"), Ok(-2_000));
        assert_eq!(parse_euro_cents_en(""), Ok(0));
        assert!(parse_euro_cents_en("1.234,56").is_err());
        assert!(parse_euro_cents_en("twelve").is_err());
        for cents in [0, 5, 99, 100, 123_456, 987_654_321] {
            assert_eq!(parse_euro_cents_en(&format_amount_en(cents)), Ok(cents));
        }
    }
}
