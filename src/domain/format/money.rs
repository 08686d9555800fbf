//! Euro amounts as integer cents, written the German way (1.234,56 €).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    NotANumber(String),
    TooLarge,
}

/// Reads "12.345,67", "12345,5", "1234.50", "-20" or "1.000 €" into cents.
/// A single dot followed by exactly two digits is taken as a decimal point, as
/// English-style exports write it; otherwise dots group thousands.
pub fn parse_euro_cents(text: &str) -> Result<i64, AmountError> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('€')
        .trim_end_matches("EUR")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if cleaned.is_empty() {
        return Ok(0);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let (whole, fraction) = split_decimal(digits);
    let whole = whole.replace('.', "");
    let bad = || AmountError::NotANumber(text.trim().to_string());
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
    {
        return Err(bad());
    }
    let euros: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AmountError::TooLarge)?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse().map_err(|_| bad())?,
    };
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(AmountError::TooLarge)?;
    Ok(if negative { -total } else { total })
}

fn split_decimal(digits: &str) -> (&str, &str) {
    if let Some((whole, fraction)) = digits.rsplit_once(',') {
        return (whole, fraction);
    }
    if digits.matches('.').count() == 1 {
        if let Some((whole, fraction)) = digits.rsplit_once('.') {
            if fraction.len() != 3 {
                return (whole, fraction);
            }
        }
    }
    (digits, "")
}

/// "1.234,56 €"
pub fn format_euro(cents: i64) -> String {
    format!("{} €", format_amount(cents))
}

/// "1.234,56" without the currency sign, as form fields and CSV want it.
pub fn format_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02}", group_thousands(abs / 100), abs % 100)
}

/// "1.235 €", for sums where cents are noise.
pub fn format_euro_rounded(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let euros = (cents.unsigned_abs() + 50) / 100;
    format!("{sign}{} €", group_thousands(euros))
}

/// "5.242.880": counts the German way.
pub fn format_count(value: usize) -> String {
    group_thousands(value as u64)
}

/// "26,6": one decimal with a decimal comma.
pub fn format_percent(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}

fn group_thousands(value: u64) -> String {
    grouped(value, '.')
}

/// Digits in groups of three: `.` between them in German, `,` in English.
pub(crate) fn grouped(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_german_and_plain_amounts() {
        assert_eq!(parse_euro_cents("12.345,67"), Ok(1_234_567));
        assert_eq!(parse_euro_cents("12345,5"), Ok(1_234_550));
        assert_eq!(parse_euro_cents("1234.50"), Ok(123_450));
        assert_eq!(parse_euro_cents("1.000"), Ok(100_000));
        assert_eq!(parse_euro_cents("1.000.000 €"), Ok(100_000_000));
        assert_eq!(parse_euro_cents("-20"), Ok(-2_000));
        assert_eq!(parse_euro_cents(""), Ok(0));
        assert!(matches!(
            parse_euro_cents("zwölf"),
            Err(AmountError::NotANumber(_))
        ));
        assert!(parse_euro_cents("1,234").is_err());
    }

    #[test]
    fn formats_the_german_way() {
        assert_eq!(format_euro(123_456_789), "1.234.567,89 €");
        assert_eq!(format_euro(5), "0,05 €");
        assert_eq!(format_euro(-100_000), "-1.000,00 €");
        assert_eq!(format_euro_rounded(123_450), "1.235 €");
        assert_eq!(format_count(5_242_880), "5.242.880");
        assert_eq!(format_count(12), "12");
        assert_eq!(format_percent(26.64), "26,6");
    }

    proptest! {
        #[test]
        fn formatted_amounts_parse_back(cents in -10_000_000_000i64..10_000_000_000i64) {
            prop_assert_eq!(parse_euro_cents(&format_euro(cents)), Ok(cents));
        }
    }
}
