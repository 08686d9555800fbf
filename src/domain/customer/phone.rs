//! Phone numbers compared by digits, whatever way they were written.

/// Reduces a number to its national digits: "+49 171 2345678", "0049 171 2345678",
/// "0171/2345678" and "0171 234 56 78" all become "1712345678".
pub fn normalize_phone(text: &str) -> String {
    let mut out = String::new();
    normalize_phone_into(text, &mut out);
    out
}

/// [`normalize_phone`] into a buffer the caller keeps, emptied first: finding duplicates
/// reduces every number of the book and keeps only the few that are shared.
pub fn normalize_phone_into(text: &str, out: &mut String) {
    out.clear();
    out.extend(text.chars().filter(char::is_ascii_digit));
    let plus = text.trim_start().starts_with('+');
    let digits = out.as_str();
    let national = if plus {
        strip_country_code(digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        strip_country_code(rest)
    } else {
        digits.strip_prefix('0').unwrap_or(digits)
    };
    // What is stripped is always a prefix: the national digits are the end of `out`.
    let prefix = out.len() - national.len();
    out.drain(..prefix);
}

/// German numbers are the common case; other country codes stay as written so that
/// a foreign number never collides with a German one.
/// "+49 (0)171 …" keeps the trunk zero in brackets; it goes too.
fn strip_country_code(digits: &str) -> &str {
    match digits.strip_prefix("49") {
        Some(national) => national.strip_prefix('0').unwrap_or(national),
        None => digits,
    }
}

/// True when the typed text looks like (part of) a phone number rather than a name.
pub fn looks_like_phone(text: &str) -> bool {
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    digits >= 3
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +/-().".contains(c))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn german_formats_are_the_same_number() {
        let forms = [
            "+49 171 2345678",
            "0049 171 2345678",
            "0171/2345678",
            "0171 234 56 78",
            "01712345678",
            "(0171) 234-5678",
            "+49 (0)171 2345678",
            "+49-171-2345678",
            "0049171/2345678",
        ];
        for form in forms {
            assert_eq!(normalize_phone(form), "1712345678", "{form}");
        }
    }

    #[test]
    fn extensions_keep_the_main_number_as_prefix() {
        let with_extension = normalize_phone("0221 998877-12");
        assert!(with_extension.starts_with(&normalize_phone("0221 998877")));
        assert_eq!(normalize_phone("+49 221 998877 - 0"), "2219988770");
    }

    #[test]
    fn foreign_numbers_keep_their_country_code() {
        assert_eq!(normalize_phone("+43 660 1234567"), "436601234567");
    }

    #[test]
    fn reducing_into_a_used_buffer_forgets_what_was_there() {
        let mut buffer = String::from("0891234");
        normalize_phone_into("+49 171 2345678", &mut buffer);
        assert_eq!(buffer, "1712345678");
        normalize_phone_into("Zentrale", &mut buffer);
        assert_eq!(buffer, "");
    }

    #[test]
    fn phone_detection() {
        assert!(looks_like_phone("0171 23"));
        assert!(!looks_like_phone("Müller 12"));
        assert!(!looks_like_phone("12"));
    }

    proptest! {
        #[test]
        fn separators_never_change_the_number(
            digits in "[1-9][0-9]{5,10}",
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just("/"), Just("-"), Just("")], 12),
        ) {
            let mut written = String::from("0");
            for (i, ch) in digits.chars().enumerate() {
                written.push(ch);
                written.push_str(seps[i % seps.len()]);
            }
            prop_assert_eq!(normalize_phone(&written), digits.clone());
            prop_assert_eq!(normalize_phone(&format!("+49 {digits}")), digits);
        }
    }
}
