//! One chronological story per customer: contacts, class changes and merges together.

use crate::domain::customer::class_change::ClassChange;
use crate::domain::customer::contact::Contact;
use crate::domain::customer::record::{Customer, MergeRecord};
use chrono::NaiveDateTime;

#[derive(Debug, Clone, PartialEq)]
pub enum TimelineEntry<'a> {
    Contact(&'a Contact),
    ClassChange(&'a ClassChange),
    /// Another record was merged into this one ("zusammengeführt mit …").
    Merge(&'a MergeRecord),
}

impl TimelineEntry<'_> {
    pub fn at(&self) -> NaiveDateTime {
        match self {
            Self::Contact(c) => c.at,
            Self::ClassChange(c) => c.at,
            Self::Merge(m) => m.at,
        }
    }
}

/// Whether the customer has any history to show yet: the timeline's entries come from
/// contacts, class changes and merges alone.
pub fn has_history(customer: &Customer) -> bool {
    !customer.contacts.is_empty()
        || !customer.class_changes.is_empty()
        || !customer.merges.is_empty()
}

/// Newest first, as a user reads a history.
pub fn timeline(customer: &Customer) -> Vec<TimelineEntry<'_>> {
    let mut entries: Vec<_> = customer
        .contacts
        .iter()
        .map(TimelineEntry::Contact)
        .chain(
            customer
                .class_changes
                .iter()
                .map(TimelineEntry::ClassChange),
        )
        .chain(customer.merges.iter().map(TimelineEntry::Merge))
        .collect();
    entries.sort_unstable_by_key(|e| std::cmp::Reverse(e.at()));
    entries
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::{in_november, manual_change};
    use crate::domain::customer::class::CustomerClass;
    use crate::domain::customer::contact::Direction;
    use crate::domain::customer::record::CustomerFields;
    use crate::domain::ids::{ContactId, CustomerId};

    fn at(day: u32) -> NaiveDateTime {
        in_november(day, 9)
    }

    fn o_to_b_on_the_10th() -> ClassChange {
        manual_change(at(10), "A", CustomerClass::O, CustomerClass::B, "")
    }

    #[test]
    fn merges_contacts_and_class_changes_newest_first() {
        let mut c = Customer::new(CustomerId(1), CustomerFields::default(), at(1).date());
        assert!(!has_history(&c));
        for (id, day) in [(1, 2), (2, 20)] {
            c.contacts.push(Contact {
                who: "A".into(),
                ..Contact::call(ContactId(id), at(day), Direction::Outbound, "x")
            });
        }
        c.class_changes.push(o_to_b_on_the_10th());
        let days: Vec<_> = timeline(&c).iter().map(|e| e.at()).collect();
        assert_eq!(days, vec![at(20), at(10), at(2)]);
        assert!(matches!(timeline(&c)[1], TimelineEntry::ClassChange(_)));
    }

    #[test]
    fn a_merge_shows_in_the_timeline() {
        use crate::domain::customer::record::MergeRecord;
        let mut c = Customer::new(CustomerId(1), CustomerFields::default(), at(1).date());
        c.merges.push(MergeRecord {
            at: at(5),
            who: "Anna".into(),
            other: CustomerId(2),
            other_name: "J. Meier".into(),
        });
        let entries = timeline(&c);
        assert!(matches!(entries[0], TimelineEntry::Merge(m) if m.other_name == "J. Meier"));
        assert_eq!(entries[0].at(), at(5));
    }

    #[test]
    fn a_class_change_alone_is_history() {
        let mut c = Customer::new(CustomerId(1), CustomerFields::default(), at(1).date());
        c.class_changes.push(o_to_b_on_the_10th());
        assert!(has_history(&c));
        assert_eq!(has_history(&c), !timeline(&c).is_empty());
    }
}
