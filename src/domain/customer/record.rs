use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::class_change::{ChangeSource, ClassChange};
use crate::domain::customer::contact::{Contact, PlannedContact};
use crate::domain::customer::hook::CurrentNote;
use crate::domain::customer::occasion::Occasion;
use crate::domain::format::dates::days_between;
use crate::domain::ids::CustomerId;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Everything the user edits in the customer form. Contacts and class history are
/// appended, never edited, so they live beside these fields in [`Customer`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerFields {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// The postcode (PLZ) as typed, leading zeros kept. Absent in records written
    /// before it existed; a similar name at the same postcode is a likely duplicate.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub postcode: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_person: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// Annual revenue in euro cents.
    pub revenue_cents: i64,
    /// Estimated additional potential in euro cents.
    #[serde(skip_serializing_if = "is_zero")]
    pub potential_cents: i64,
    pub class: CustomerClass,
    #[serde(skip_serializing_if = "is_false")]
    pub potential: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_note: Option<CurrentNote>,
    /// Dated occasions. Edited in the form, so they share the fields' revision and its
    /// conflict rule; absent in records written before occasions existed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occasions: Vec<Occasion>,
}

fn is_zero(value: &i64) -> bool {
    *value == 0
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    /// Bumped on every field edit; a save based on an older revision is a conflict.
    pub rev: u32,
    pub created: NaiveDate,
    pub fields: CustomerFields,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub class_changes: Vec<ClassChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<PlannedContact>,
    /// The day the user dismissed the O→C suggestion, so it is not offered again for
    /// the same refusals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downgrade_dismissed: Option<NaiveDateTime>,
    /// Customers the user marked "Keine Dublette" against this one. Kept on both
    /// records, so either side's bucket, a backup or a merge of backups carries the mark.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub not_duplicates: BTreeSet<CustomerId>,
    /// Merges this record took in ("zusammengeführt mit …"), for the timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<MergeRecord>,
}

/// One merge a customer record took in: when, by whom, and the other record's name and
/// id, so the timeline can say "zusammengeführt mit …".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeRecord {
    pub at: NaiveDateTime,
    pub who: String,
    pub other: CustomerId,
    pub other_name: String,
}

/// Another tab saved this customer after the form was opened.
#[derive(Debug, Clone, PartialEq)]
pub struct EditConflict {
    pub base_rev: u32,
    pub stored: Box<Customer>,
}

/// Who made a change and when, recorded in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub who: String,
    pub at: NaiveDateTime,
}

impl Customer {
    pub fn new(id: CustomerId, fields: CustomerFields, created: NaiveDate) -> Self {
        Customer {
            id,
            rev: 1,
            created,
            fields,
            contacts: Vec::new(),
            class_changes: Vec::new(),
            plans: Vec::new(),
            downgrade_dismissed: None,
            not_duplicates: BTreeSet::new(),
            merges: Vec::new(),
        }
    }

    pub fn class(&self) -> CustomerClass {
        self.fields.class
    }

    /// Applies a form edit made on revision `base_rev` to this stored record.
    /// Contacts logged meanwhile (in any tab) are kept; a class change is recorded.
    pub fn apply_edit(
        &self,
        base_rev: u32,
        fields: CustomerFields,
        class_reason: &str,
        actor: &Actor,
    ) -> Result<Customer, EditConflict> {
        if base_rev != self.rev {
            return Err(EditConflict {
                base_rev,
                stored: Box::new(self.clone()),
            });
        }
        Ok(self.overwrite_fields(fields, class_reason, actor))
    }

    /// Saves the form over whatever is stored: the user chose to keep their version.
    pub fn overwrite_fields(
        &self,
        fields: CustomerFields,
        class_reason: &str,
        actor: &Actor,
    ) -> Customer {
        let mut next = self.clone();
        if fields.class != self.fields.class {
            next.class_changes.push(ClassChange {
                at: actor.at,
                who: actor.who.clone(),
                from: self.fields.class,
                to: fields.class,
                reason: class_reason.trim().to_string(),
                source: ChangeSource::Manual,
            });
        }
        next.fields = fields;
        next.rev = self.rev.wrapping_add(1);
        next
    }

    /// Moves the customer to another class and records why and by whom. Moving to the
    /// class it already has changes nothing.
    pub fn move_to(
        &self,
        to: CustomerClass,
        reason: &str,
        source: ChangeSource,
        actor: &Actor,
    ) -> Customer {
        if to == self.fields.class {
            return self.clone();
        }
        let mut next = self.clone();
        next.class_changes.push(ClassChange {
            at: actor.at,
            who: actor.who.clone(),
            from: self.fields.class,
            to,
            reason: reason.trim().to_string(),
            source,
        });
        next.fields.class = to;
        next.rev = self.rev.wrapping_add(1);
        next
    }

    /// Adds the reason the user gave after a move to that move's record.
    pub fn with_change_reason(&self, change: &ClassChange, reason: &str) -> Customer {
        let mut next = self.clone();
        if let Some(recorded) = next.class_changes.iter_mut().rev().find(|c| *c == change) {
            recorded.reason = reason.trim().to_string();
        }
        next
    }

    /// Takes a move back: the class returns and the move's record goes, as if it had not
    /// happened. Only while the move is still the customer's latest class change.
    pub fn undo_move(&self, change: &ClassChange) -> Option<Customer> {
        let last = self.class_changes.last()?;
        if last.at != change.at
            || last.from != change.from
            || last.to != change.to
            || self.fields.class != change.to
        {
            return None;
        }
        let mut next = self.clone();
        next.class_changes.pop();
        next.fields.class = change.from;
        next.rev = self.rev.wrapping_add(1);
        Some(next)
    }

    pub fn with_contact(&self, contact: Contact) -> Customer {
        let mut next = self.clone();
        if !next.contacts.iter().any(|c| c.id == contact.id) {
            next.contacts.push(contact);
            next.contacts.sort_unstable_by_key(|c| c.at);
        }
        next
    }

    pub fn last_contact(&self) -> Option<&Contact> {
        self.contacts.iter().max_by_key(|c| c.at)
    }

    /// Whole days since the last contact; `None` before the first.
    pub fn days_since_last_contact(&self, today: NaiveDate) -> Option<i64> {
        self.last_contact().map(|c| days_between(c.date(), today))
    }

    /// The day of the last manual class change, which the ABC analysis respects.
    pub fn last_manual_class_change(&self) -> Option<NaiveDate> {
        self.class_changes
            .iter()
            .filter(|c| c.source == ChangeSource::Manual)
            .map(|c| c.at.date())
            .max()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::{actor, in_november};
    use crate::domain::customer::contact::Direction;
    use crate::domain::ids::ContactId;

    fn at(day: u32) -> NaiveDateTime {
        in_november(day, 10)
    }

    fn customer() -> Customer {
        let fields = CustomerFields {
            name: "Müller".into(),
            ..Default::default()
        };
        Customer::new(CustomerId(7), fields, at(1).date())
    }

    fn contact(id: u64, day: u32) -> Contact {
        Contact {
            who: "Anna".into(),
            ..Contact::call(ContactId(id), at(day), Direction::Inbound, "Rückfrage")
        }
    }

    #[test]
    fn edit_on_current_revision_bumps_it_and_records_class_change() {
        let stored = customer();
        let mut fields = stored.fields.clone();
        fields.class = CustomerClass::B;
        let saved = stored
            .apply_edit(stored.rev, fields, " mehr möglich ", &actor("Anna", at(27)))
            .expect("no conflict on the current revision");
        assert_eq!(saved.rev, stored.rev + 1);
        assert_eq!(saved.class(), CustomerClass::B);
        assert_eq!(saved.class_changes.len(), 1);
        assert_eq!(saved.class_changes[0].from, CustomerClass::O);
        assert_eq!(saved.class_changes[0].reason, "mehr möglich");
        assert_eq!(saved.last_manual_class_change(), Some(at(27).date()));
    }

    #[test]
    fn edit_on_stale_revision_is_a_conflict_carrying_the_stored_record() {
        let stored = customer();
        let newer = stored.overwrite_fields(stored.fields.clone(), "", &actor("Anna", at(27)));
        let conflict = newer
            .apply_edit(
                stored.rev,
                stored.fields.clone(),
                "",
                &actor("Anna", at(27)),
            )
            .expect_err("stale revision must conflict");
        assert_eq!(*conflict.stored, newer);
        assert_eq!(conflict.base_rev, stored.rev);
    }

    #[test]
    fn field_edits_keep_contacts_logged_meanwhile() {
        let stored = customer().with_contact(contact(1, 3));
        let mut fields = stored.fields.clone();
        fields.notes = "neu".into();
        let saved = stored
            .apply_edit(stored.rev, fields, "", &actor("Anna", at(27)))
            .expect("no conflict");
        assert_eq!(saved.contacts.len(), 1);
    }

    #[test]
    fn a_move_is_recorded_can_get_a_reason_and_can_be_undone() {
        let stored = customer();
        let moved = stored.move_to(
            CustomerClass::A,
            "",
            ChangeSource::Manual,
            &actor("Anna", at(27)),
        );
        assert_eq!(
            (moved.class(), moved.rev),
            (CustomerClass::A, stored.rev + 1)
        );
        let change = moved.class_changes[0].clone();
        assert_eq!(
            (change.from, change.to, change.who.as_str()),
            (CustomerClass::O, CustomerClass::A, "Anna")
        );
        let reasoned = moved.with_change_reason(&change, " Großauftrag ");
        assert_eq!(reasoned.class_changes[0].reason, "Großauftrag");
        let undone = moved.undo_move(&change).expect("latest move can be undone");
        assert_eq!(undone.class(), CustomerClass::O);
        assert!(undone.class_changes.is_empty());
        let moved_on = moved.move_to(
            CustomerClass::B,
            "",
            ChangeSource::Manual,
            &actor("Anna", at(27)),
        );
        assert_eq!(
            moved_on.undo_move(&change),
            None,
            "an older move is history"
        );
        assert_eq!(
            stored.move_to(
                CustomerClass::O,
                "",
                ChangeSource::Manual,
                &actor("Anna", at(27))
            ),
            stored
        );
    }

    #[test]
    fn contacts_stay_sorted_and_unique() {
        let c = customer()
            .with_contact(contact(2, 9))
            .with_contact(contact(1, 3))
            .with_contact(contact(2, 9));
        let ids: Vec<_> = c.contacts.iter().map(|c| c.id.0).collect();
        assert_eq!(ids, vec![1, 2]);
        assert_eq!(c.last_contact().map(|c| c.id.0), Some(2));
        assert_eq!(c.days_since_last_contact(at(27).date()), Some(18));
        assert_eq!(customer().days_since_last_contact(at(27).date()), None);
    }
}
