//! An import written over customers as stored now. The import was planned against this
//! tab's copy; another tab may have logged a contact meanwhile, and contacts are only
//! ever added, so the stored ones the import's copy lacks are kept.

use crate::domain::customer::record::Customer;

/// The import's record of a customer, with every contact `stored` holds that it lacks.
pub fn imported_over(incoming: &Customer, stored: &Customer) -> Customer {
    let mut next = incoming.clone();
    for contact in &stored.contacts {
        if !next.contacts.iter().any(|c| c.id == contact.id) {
            next.contacts.push(contact.clone());
        }
    }
    next
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::contact::{Contact, Direction};
    use crate::domain::customer::record::CustomerFields;
    use crate::domain::ids::{ContactId, CustomerId};
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn with_contacts(name: &str, ids: &BTreeSet<u64>) -> Customer {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid");
        let fields = CustomerFields {
            name: name.into(),
            ..Default::default()
        };
        let mut c = Customer::new(CustomerId(1), fields, day);
        for id in ids {
            c = c.with_contact(Contact::call(
                ContactId(*id),
                day.and_hms_opt(9, (*id % 60) as u32, 0).expect("valid"),
                Direction::Inbound,
                "Rückfrage",
            ));
        }
        c
    }

    #[test]
    fn a_contact_logged_meanwhile_survives_the_import() {
        let planned_from = with_contacts("Alt", &BTreeSet::from([1]));
        let stored = with_contacts("Alt", &BTreeSet::from([1, 2]));
        let incoming = Customer {
            fields: CustomerFields {
                name: "Neu".into(),
                ..planned_from.fields.clone()
            },
            ..planned_from
        };
        let written = imported_over(&incoming, &stored);
        assert_eq!(written.fields.name, "Neu");
        assert_eq!(
            written.contacts.iter().map(|c| c.id.0).collect::<Vec<_>>(),
            vec![1, 2]
        );
    }

    proptest! {
        /// The import's fields win; every contact of either side is there, once.
        #[test]
        fn no_contact_is_lost_or_doubled(
            ours in prop::collection::btree_set(1u64..40, 0..10),
            theirs in prop::collection::btree_set(1u64..40, 0..10),
        ) {
            let incoming = with_contacts("Import", &ours);
            let stored = with_contacts("Gespeichert", &theirs);
            let written = imported_over(&incoming, &stored);
            prop_assert_eq!(&written.fields, &incoming.fields);
            let ids: Vec<u64> = written.contacts.iter().map(|c| c.id.0).collect();
            let unique: BTreeSet<u64> = ids.iter().copied().collect();
            prop_assert_eq!(ids.len(), unique.len());
            prop_assert_eq!(unique, ours.union(&theirs).copied().collect::<BTreeSet<_>>());
        }
    }
}
