//! A call announced by an address: `…/anruf?nummer=<number>` from a softphone, the
//! FRITZ!Box bridge or a `tel:` link. The number arrives in any form a person or a
//! phone system writes; which customers it belongs to is decided by digits.

use crate::domain::customer::phone::normalize_phone;
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;

/// The caller's number from the `nummer` parameter, or `None` for a suppressed number.
/// Accepts plain numbers and `tel:` URIs (RFC 3966) with visual separators and
/// parameters such as `;ext=12`: the extension is the callee's side, not the caller's.
pub fn caller_number(raw: &str) -> Option<String> {
    let decoded = plus_restored(&percent_decoded(raw));
    let text = decoded.trim();
    let without_scheme = match text.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => &text[4..],
        _ => text,
    };
    let number = without_scheme
        .trim_start_matches('/')
        .split(';')
        .next()
        .unwrap_or_default()
        .trim();
    number
        .chars()
        .any(|c| c.is_ascii_digit())
        .then(|| number.to_string())
}

/// The customers with this number among their phones, in id order.
pub fn callers_with_number<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    number: &str,
) -> Vec<CustomerId> {
    let digits = normalize_phone(number);
    if digits.is_empty() {
        return Vec::new();
    }
    let mut ids: Vec<CustomerId> = customers
        .into_iter()
        .filter(|c| c.fields.phones.iter().any(|p| normalize_phone(p) == digits))
        .map(|c| c.id)
        .collect();
    ids.sort_unstable();
    ids
}

/// Whom an announced call belongs to, which decides what the call screen opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callers {
    /// One customer has the number: their card opens at once.
    One(CustomerId),
    /// Several share it, in id order: the user picks.
    Several(Vec<CustomerId>),
    /// Nobody has it yet: the caller is offered as a new customer.
    Unknown,
}

pub fn callers_of<'a>(customers: impl IntoIterator<Item = &'a Customer>, number: &str) -> Callers {
    let ids = callers_with_number(customers, number);
    if ids.len() > 1 {
        Callers::Several(ids)
    } else {
        ids.first().map_or(Callers::Unknown, |id| Callers::One(*id))
    }
}

/// A softphone that puts `+49…` into the address unencoded hands over ` 49…`: a query
/// reads `+` as a space. A national number starts with 0, so a space before a digit 1–9
/// can only have been the `+`.
fn plus_restored(text: &str) -> String {
    let rest = text.trim_start();
    let lost_plus = rest.len() < text.len() && rest.starts_with(|c: char| matches!(c, '1'..='9'));
    if lost_plus {
        format!("+{rest}")
    } else {
        text.to_string()
    }
}

/// A `tel:` URI handed over by a protocol handler is percent-encoded once more than a
/// typed address; `%2B` is the `+` of an international number.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::CustomerBuilder;
    use proptest::prelude::*;

    #[test]
    fn plain_numbers_pass_as_written() {
        for form in [
            "+49 171 2345678",
            "0049 171 2345678",
            "0171/2345678",
            "01712345678",
            "(0171) 234-5678",
        ] {
            assert_eq!(caller_number(form).as_deref(), Some(form));
        }
    }

    #[test]
    fn tel_uris_lose_scheme_and_parameters() {
        assert_eq!(
            caller_number("tel:+49-171-2345678").as_deref(),
            Some("+49-171-2345678")
        );
        assert_eq!(
            caller_number("TEL:+49.171.2345678;ext=12").as_deref(),
            Some("+49.171.2345678")
        );
        assert_eq!(
            caller_number("tel:0171(234)5678;phone-context=+49").as_deref(),
            Some("0171(234)5678")
        );
        assert_eq!(
            caller_number("tel%3A%2B49%20171%202345678").as_deref(),
            Some("+49 171 2345678")
        );
        assert_eq!(
            caller_number("tel://01712345678").as_deref(),
            Some("01712345678")
        );
    }

    #[test]
    fn a_plus_read_as_a_space_is_a_plus_again() {
        assert_eq!(
            caller_number(" 49 171 2345678").as_deref(),
            Some("+49 171 2345678")
        );
        assert_eq!(
            caller_number(" 0171 2345678").as_deref(),
            Some("0171 2345678")
        );
        let customers = [CustomerBuilder::new(1, "Meier")
            .phone("0171 2345678")
            .build()];
        let number = caller_number(" 491712345678").expect("a number");
        assert_eq!(
            callers_with_number(&customers, &number),
            vec![CustomerId(1)]
        );
    }

    #[test]
    fn a_suppressed_number_is_no_caller() {
        for raw in ["", "  ", "tel:", "anonymous", "tel:;ext=1", "%"] {
            assert_eq!(caller_number(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn every_format_finds_the_same_customer() {
        let customers = [
            CustomerBuilder::new(1, "Meier")
                .phone("0171 2345678")
                .build(),
            CustomerBuilder::new(2, "Schulz")
                .phone("030 1234567")
                .build(),
            CustomerBuilder::new(3, "Kaya")
                .phone("0171 2345679")
                .build(),
        ];
        for form in [
            "+49 171 2345678",
            "0049 171 2345678",
            "0171/2345678",
            "01712345678",
            "tel:+49-171-2345678;ext=3",
        ] {
            let number = caller_number(form).expect("a number");
            assert_eq!(
                callers_with_number(&customers, &number),
                vec![CustomerId(1)],
                "{form}"
            );
        }
    }

    #[test]
    fn a_shared_number_finds_every_holder_and_a_prefix_finds_none() {
        let customers = [
            CustomerBuilder::new(5, "Praxis Dr. Lang")
                .phone("0221 55501")
                .build(),
            CustomerBuilder::new(2, "Lang privat")
                .phone("0171 1")
                .phone("+49 221 55501")
                .build(),
            CustomerBuilder::new(9, "Lang Filiale")
                .phone("0221 555012")
                .build(),
        ];
        assert_eq!(
            callers_with_number(&customers, "022155501"),
            vec![CustomerId(2), CustomerId(5)]
        );
        assert!(callers_with_number(&customers, "0221").is_empty());
        assert_eq!(
            callers_of(&customers, "022155501"),
            Callers::Several(vec![CustomerId(2), CustomerId(5)])
        );
        assert_eq!(
            callers_of(&customers, "0221 555012"),
            Callers::One(CustomerId(9))
        );
        assert_eq!(callers_of(&customers, "0221"), Callers::Unknown);
    }

    proptest! {
        #[test]
        fn decoding_never_panics_and_keeps_digits(raw in "\\PC{0,40}") {
            if let Some(number) = caller_number(&raw) {
                prop_assert!(number.chars().any(|c| c.is_ascii_digit()));
                prop_assert!(!number.contains(';'));
            }
        }

        #[test]
        fn any_written_form_of_a_number_matches_it(
            national in "[1-9][0-9]{6,10}",
            form in 0usize..4,
        ) {
            let written = match form {
                0 => format!("0{national}"),
                1 => format!("+49 {national}"),
                2 => format!("0049{national}"),
                _ => format!("tel:+49-{national};ext=7"),
            };
            let customers = [CustomerBuilder::new(1, "X").phone(&format!("0{national}")).build()];
            let number = caller_number(&written).expect("a number");
            prop_assert_eq!(callers_with_number(&customers, &number), vec![CustomerId(1)]);
        }
    }
}
