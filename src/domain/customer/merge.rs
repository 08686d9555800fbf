//! Two records of one customer merged into one. The user picks each field's value; the
//! history of both (contacts, class changes, plans, occasions, notes) is kept whole,
//! and the timeline says "zusammengeführt mit …".
//!
//! The merge is pure: the caller writes the merged record and removes the other in one
//! all-or-nothing write, and keeps both stored records to undo it by writing them back.

use crate::domain::customer::class_change::{ChangeSource, ClassChange};
use crate::domain::customer::occasion::Occasion;
use crate::domain::customer::phone::normalize_phone;
use crate::domain::customer::record::{Actor, Customer, CustomerFields, MergeRecord};
use crate::domain::ids::{ContactId, OccasionId, PlanId};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Which record a field's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The record that stays (its id survives).
    #[default]
    Kept,
    /// The record merged into it.
    Other,
}

/// The fields that hold one value, so the user picks one. Phone numbers, tags,
/// occasions and free notes hold several and are joined instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeField {
    Name,
    Company,
    Postcode,
    ContactPerson,
    Email,
    Number,
    Revenue,
    PotentialAmount,
    Class,
    PotentialFlag,
    CurrentNote,
}

impl MergeField {
    pub const ALL: [MergeField; 11] = [
        Self::Name,
        Self::Company,
        Self::Postcode,
        Self::ContactPerson,
        Self::Email,
        Self::Number,
        Self::Revenue,
        Self::PotentialAmount,
        Self::Class,
        Self::PotentialFlag,
        Self::CurrentNote,
    ];

    fn is_empty_in(self, fields: &CustomerFields) -> bool {
        match self {
            Self::Name => fields.name.trim().is_empty(),
            Self::Company => fields.company.trim().is_empty(),
            Self::Postcode => fields.postcode.trim().is_empty(),
            Self::ContactPerson => fields.contact_person.trim().is_empty(),
            Self::Email => fields.email.trim().is_empty(),
            Self::Number => fields.number.trim().is_empty(),
            Self::Revenue => fields.revenue_cents == 0,
            Self::PotentialAmount => fields.potential_cents == 0,
            // Every class is a value; O is the class of the unclassified.
            Self::Class => false,
            Self::PotentialFlag => !fields.potential,
            Self::CurrentNote => fields.current_note.is_none(),
        }
    }

    fn same_in(self, a: &CustomerFields, b: &CustomerFields) -> bool {
        let mut copy = a.clone();
        self.take(&mut copy, b);
        copy == *a
    }

    fn take(self, into: &mut CustomerFields, from: &CustomerFields) {
        match self {
            Self::Name => into.name = from.name.clone(),
            Self::Company => into.company = from.company.clone(),
            Self::Postcode => into.postcode = from.postcode.clone(),
            Self::ContactPerson => into.contact_person = from.contact_person.clone(),
            Self::Email => into.email = from.email.clone(),
            Self::Number => into.number = from.number.clone(),
            Self::Revenue => into.revenue_cents = from.revenue_cents,
            Self::PotentialAmount => into.potential_cents = from.potential_cents,
            Self::Class => into.class = from.class,
            Self::PotentialFlag => into.potential = from.potential,
            Self::CurrentNote => into.current_note = from.current_note.clone(),
        }
    }
}

/// The side each single-value field comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeChoices {
    choices: Vec<(MergeField, Side)>,
}

impl MergeChoices {
    pub fn side(&self, field: MergeField) -> Side {
        self.choices
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(Side::Kept, |(_, s)| *s)
    }

    pub fn set(&mut self, field: MergeField, side: Side) {
        self.choices.retain(|(f, _)| *f != field);
        self.choices.push((field, side));
    }

    /// The fields whose values differ, so the form shows a choice only where there is one.
    pub fn differing(kept: &Customer, other: &Customer) -> Vec<MergeField> {
        MergeField::ALL
            .into_iter()
            .filter(|f| !f.same_in(&kept.fields, &other.fields))
            .collect()
    }
}

/// The last day anything happened with a record: created, contacted, reclassified.
pub fn last_activity(customer: &Customer) -> NaiveDate {
    let contacted = customer.contacts.iter().map(|c| c.date()).max();
    let moved = customer.class_changes.iter().map(|c| c.at.date()).max();
    [Some(customer.created), contacted, moved]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(customer.created)
}

/// Which of two records stays and which is merged into it: the one created first stays
/// (its id is the one other tabs, backups and links have known longest), the smaller
/// id on the same day.
pub fn which_stays<'a>(a: &'a Customer, b: &'a Customer) -> (&'a Customer, &'a Customer) {
    if (b.created, b.id) < (a.created, a.id) {
        (b, a)
    } else {
        (a, b)
    }
}

/// The default: a value only one record has, else the value of the record with the
/// later activity (the kept one on a tie).
pub fn default_choices(kept: &Customer, other: &Customer) -> MergeChoices {
    let other_newer = last_activity(other) > last_activity(kept);
    let mut choices = MergeChoices::default();
    for field in MergeField::ALL {
        let side = match (
            field.is_empty_in(&kept.fields),
            field.is_empty_in(&other.fields),
        ) {
            (true, false) => Side::Other,
            (false, true) => Side::Kept,
            _ if other_newer => Side::Other,
            _ => Side::Kept,
        };
        choices.set(field, side);
    }
    choices
}

/// `other` merged into `kept`: the chosen values, both records' phone numbers, tags,
/// occasions and notes, and every contact, class change and plan of both. An id of the
/// other record that the kept one already uses for something else gets a fresh one, so
/// nothing is dropped as a repeat. The merge is recorded for the timeline, and a class
/// that changes is recorded as a class change.
pub fn merge_customers(
    kept: &Customer,
    other: &Customer,
    choices: &MergeChoices,
    actor: &Actor,
) -> Customer {
    let mut merged = kept.clone();
    let mut fields = kept.fields.clone();
    for field in MergeField::ALL {
        if choices.side(field) == Side::Other {
            field.take(&mut fields, &other.fields);
        }
    }
    for phone in &other.fields.phones {
        let digits = normalize_phone(phone);
        if !fields.phones.iter().any(|p| normalize_phone(p) == digits) {
            fields.phones.push(phone.clone());
        }
    }
    for tag in &other.fields.tags {
        if !fields
            .tags
            .iter()
            .any(|t| t.to_lowercase() == tag.to_lowercase())
        {
            fields.tags.push(tag.clone());
        }
    }
    let (a, b) = (kept.fields.notes.trim(), other.fields.notes.trim());
    fields.notes = match (a.is_empty(), b.is_empty()) {
        (_, true) => kept.fields.notes.clone(),
        (true, false) => other.fields.notes.clone(),
        _ if a == b || a.contains(b) => kept.fields.notes.clone(),
        _ => format!("{a}\n\n{b}"),
    };
    fields.occasions = merged_occasions(&kept.fields.occasions, &other.fields.occasions);
    if fields.class != kept.fields.class {
        merged.class_changes.push(ClassChange {
            at: actor.at,
            who: actor.who.clone(),
            from: kept.fields.class,
            to: fields.class,
            reason: String::new(),
            source: ChangeSource::Manual,
        });
    }
    merged.fields = fields;
    let mut contact_ids: HashSet<ContactId> = kept.contacts.iter().map(|c| c.id).collect();
    for contact in &other.contacts {
        if kept.contacts.contains(contact) {
            continue;
        }
        let mut contact = contact.clone();
        if !contact_ids.insert(contact.id) {
            contact.id = fresh(&contact_ids, |c| c.0, ContactId);
            contact_ids.insert(contact.id);
        }
        merged.contacts.push(contact);
    }
    merged.contacts.sort_by_key(|c| c.at);
    for change in &other.class_changes {
        if !merged.class_changes.contains(change) {
            merged.class_changes.push(change.clone());
        }
    }
    merged.class_changes.sort_by_key(|c| c.at);
    let mut plan_ids: HashSet<PlanId> = kept.plans.iter().map(|p| p.id).collect();
    for plan in &other.plans {
        if kept.plans.contains(plan) {
            continue;
        }
        let mut plan = plan.clone();
        if !plan_ids.insert(plan.id) {
            plan.id = fresh(&plan_ids, |p| p.0, PlanId);
            plan_ids.insert(plan.id);
        }
        merged.plans.push(plan);
    }
    merged.plans.sort_by_key(|p| p.due);
    merged.downgrade_dismissed = kept.downgrade_dismissed.max(other.downgrade_dismissed);
    merged
        .not_duplicates
        .extend(other.not_duplicates.iter().copied());
    merged.not_duplicates.remove(&kept.id);
    merged.not_duplicates.remove(&other.id);
    for record in &other.merges {
        if !merged.merges.contains(record) {
            merged.merges.push(record.clone());
        }
    }
    merged.merges.push(MergeRecord {
        at: actor.at,
        who: actor.who.clone(),
        other: other.id,
        other_name: other.fields.name.clone(),
    });
    merged.merges.sort_by_key(|m| m.at);
    merged.created = kept.created.min(other.created);
    merged.rev = kept.rev.wrapping_add(1);
    merged
}

/// Both lists, the same occasion once; an id taken twice gets a fresh one.
fn merged_occasions(kept: &[Occasion], other: &[Occasion]) -> Vec<Occasion> {
    let mut all = kept.to_vec();
    let mut ids: HashSet<OccasionId> = kept.iter().map(|o| o.id).collect();
    for occasion in other {
        if all.iter().any(|o| o.kind == occasion.kind) {
            continue;
        }
        let mut occasion = occasion.clone();
        if !ids.insert(occasion.id) {
            occasion.id = fresh(&ids, |o| o.0, OccasionId);
            ids.insert(occasion.id);
        }
        all.push(occasion);
    }
    all
}

/// The smallest id above every one taken.
fn fresh<T: Copy>(taken: &HashSet<T>, raw: impl Fn(&T) -> u64, make: impl Fn(u64) -> T) -> T {
    make(taken.iter().map(raw).max().unwrap_or(0).wrapping_add(1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "merge_tests.rs"]
mod tests;
