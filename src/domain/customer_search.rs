//! The searchable customer list: one folded haystack per customer, matched per keystroke.

use super::customer::Customer;
use super::ids::CustomerId;
use super::phone::{looks_like_phone, normalize_phone};
use super::text_fold::fold;

/// Prepared search keys for one customer, built once per change, not per keystroke.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchEntry {
    pub id: CustomerId,
    text: String,
    phones: Vec<String>,
}

impl SearchEntry {
    pub fn new(customer: &Customer) -> Self {
        let f = &customer.fields;
        let text = fold(
            &[
                f.name.as_str(),
                &f.company,
                &f.contact_person,
                &f.number,
                &f.email,
                &f.tags.join(" "),
            ]
            .join("\u{1}"),
        );
        let phones = f
            .phones
            .iter()
            .map(|p| normalize_phone(p))
            .filter(|p| !p.is_empty())
            .collect();
        SearchEntry {
            id: customer.id,
            text,
            phones,
        }
    }

    /// Every word of the query must appear; a phone-like query matches by digits.
    pub fn matches(&self, query: &Query) -> bool {
        if let Some(digits) = &query.phone_digits {
            if self.phones.iter().any(|p| p.contains(digits.as_str())) {
                return true;
            }
        }
        !query.words.is_empty() && query.words.iter().all(|w| self.text.contains(w.as_str()))
    }
}

/// A query folded once, then tested against many entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    words: Vec<String>,
    phone_digits: Option<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let phone_digits = looks_like_phone(text).then(|| normalize_phone(text));
        let words = fold(text).split_whitespace().map(str::to_string).collect();
        Query {
            words,
            phone_digits,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phone_digits.is_none()
    }
}

/// Ids of the customers matching `text`, in the order given.
pub fn search<'a>(
    entries: impl IntoIterator<Item = &'a SearchEntry>,
    text: &str,
) -> Vec<CustomerId> {
    let query = Query::new(text);
    entries
        .into_iter()
        .filter(|e| query.is_empty() || e.matches(&query))
        .map(|e| e.id)
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerFields;
    use chrono::NaiveDate;

    fn customer(id: u64, name: &str, company: &str, phone: &str) -> Customer {
        let fields = CustomerFields {
            name: name.into(),
            company: company.into(),
            phones: vec![phone.into()],
            number: format!("K-{id:04}"),
            ..Default::default()
        };
        Customer::new(
            CustomerId(id),
            fields,
            NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid"),
        )
    }

    fn entries() -> Vec<SearchEntry> {
        [
            customer(1, "Jana Müller", "Müller Bau GmbH", "+49 171 2345678"),
            customer(2, "Peter Straßmann", "Kanzlei Straßmann", "030 1234567"),
            customer(3, "Aylin Demir", "", "0221 998877"),
        ]
        .iter()
        .map(SearchEntry::new)
        .collect()
    }

    #[test]
    fn names_match_with_folded_umlauts() {
        let e = entries();
        assert_eq!(search(&e, "mueller"), vec![CustomerId(1)]);
        assert_eq!(search(&e, "strassm"), vec![CustomerId(2)]);
        assert_eq!(search(&e, "demir aylin"), vec![CustomerId(3)]);
        assert_eq!(search(&e, "k-0002"), vec![CustomerId(2)]);
        assert!(search(&e, "niemand").is_empty());
    }

    #[test]
    fn phones_match_in_any_format() {
        let e = entries();
        assert_eq!(search(&e, "0171/2345678"), vec![CustomerId(1)]);
        assert_eq!(search(&e, "2345678"), vec![CustomerId(1)]);
        assert_eq!(search(&e, "0049 171 234 56 78"), vec![CustomerId(1)]);
    }

    #[test]
    fn empty_query_lists_everyone() {
        assert_eq!(search(&entries(), "  ").len(), 3);
    }
}
