//! Restoring a backup: what it would change, and merging it into the current data so
//! that nothing either side holds is lost.
//!
//! Two records with the same customer id are the same customer only when they were
//! created on the same day. Ids are random (53 bits), but the demo data derives its
//! ids from a fixed seed, so two profiles that each loaded the demo on different days
//! hold different records under equal ids. Such a pair is an id collision: merge keeps
//! both and gives the backup's record a new id.

use crate::domain::customer::class_change::ClassChange;
use crate::domain::customer::contact::Contact;
use crate::domain::customer::record::Customer;
use crate::domain::dataset::Dataset;
use crate::domain::ids::{ContactId, CustomerId};
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::PracticeState;
use std::collections::{BTreeMap, HashSet};

/// A customer named in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRef {
    pub id: CustomerId,
    pub name: String,
}

impl CustomerRef {
    fn of(customer: &Customer) -> Self {
        CustomerRef {
            id: customer.id,
            name: customer.fields.name.clone(),
        }
    }
}

/// What the backup holds compared with the current data, for the user to choose between
/// replacing and merging. Lists are sorted by name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RestorePreview {
    /// In the backup only (or colliding with a different current customer): both
    /// replace and merge bring them in.
    pub customers_added: Vec<CustomerRef>,
    /// In both, but the records differ: replace takes the backup's version, merge
    /// combines the two.
    pub customers_changed: Vec<CustomerRef>,
    /// In the current data only: replace drops them, merge keeps them.
    pub customers_removed: Vec<CustomerRef>,
    /// Contacts in the backup the current data does not hold.
    pub contacts_added: usize,
}

/// How a customer of either side pairs with the other side.
enum Pairing<'a> {
    Same {
        current: &'a Customer,
        backup: &'a Customer,
    },
    /// The backup's customer collided with a different current one and goes in under
    /// a new id.
    Moved {
        backup: &'a Customer,
        to: CustomerId,
    },
    CurrentOnly(&'a Customer),
    BackupOnly(&'a Customer),
}

fn pairings<'a>(current: &'a Dataset, backup: &'a Dataset) -> Vec<Pairing<'a>> {
    let mut partnered: HashSet<CustomerId> = HashSet::new();
    let mut assigned: HashSet<u64> = HashSet::new();
    let mut pairs = Vec::new();
    for then in backup.customers.values() {
        match current.customers.get(&then.id) {
            Some(now) if now.created == then.created => {
                partnered.insert(now.id);
                pairs.push(Pairing::Same {
                    current: now,
                    backup: then,
                });
            }
            Some(_) => {
                let pairing = resolve_collision(then, current, backup, &partnered, &mut assigned);
                if let Pairing::Same { current: twin, .. } = pairing {
                    partnered.insert(twin.id);
                }
                pairs.push(pairing);
            }
            None => pairs.push(Pairing::BackupOnly(then)),
        }
    }
    pairs.extend(
        current
            .customers
            .values()
            .filter(|now| !partnered.contains(&now.id))
            .map(Pairing::CurrentOnly),
    );
    pairs
}

/// Walks the new ids derived from the colliding id. The first one that is free becomes
/// the customer's; but when a current customer there is this very customer, moved by
/// an earlier merge of the same backup, the two are paired, so merging twice adds
/// nothing. "This very customer": created the same day and with the same name or a
/// shared contact, as contact ids are random.
fn resolve_collision<'a>(
    then: &'a Customer,
    current: &'a Dataset,
    backup: &'a Dataset,
    partnered: &HashSet<CustomerId>,
    assigned: &mut HashSet<u64>,
) -> Pairing<'a> {
    for candidate in derived_ids(then.id.0) {
        let id = CustomerId(candidate);
        if backup.customers.contains_key(&id) || assigned.contains(&candidate) {
            continue;
        }
        match current.customers.get(&id) {
            None => {
                assigned.insert(candidate);
                return Pairing::Moved {
                    backup: then,
                    to: id,
                };
            }
            Some(twin) if !partnered.contains(&id) && is_moved_copy(twin, then) => {
                return Pairing::Same {
                    current: twin,
                    backup: then,
                };
            }
            Some(_) => {}
        }
    }
    // derived_ids visits every id below 2^53, so a free one is always found first.
    Pairing::BackupOnly(then)
}

fn is_moved_copy(twin: &Customer, original: &Customer) -> bool {
    twin.created == original.created
        && (twin.fields.name == original.fields.name
            || twin
                .contacts
                .iter()
                .any(|k| original.contacts.iter().any(|c| c.id == k.id)))
}

/// The customer as the backup has it, under the id it is paired with now.
fn with_id(customer: &Customer, id: CustomerId) -> Customer {
    Customer {
        id,
        ..customer.clone()
    }
}

pub fn restore_preview(current: &Dataset, backup: &Dataset) -> RestorePreview {
    let mut preview = RestorePreview::default();
    for pairing in pairings(current, backup) {
        match pairing {
            Pairing::Same { current, backup } => {
                if *current != with_id(backup, current.id) {
                    preview.customers_changed.push(CustomerRef::of(backup));
                }
                preview.contacts_added += new_contacts(&current.contacts, &backup.contacts).len();
            }
            Pairing::Moved { backup, .. } | Pairing::BackupOnly(backup) => {
                preview.customers_added.push(CustomerRef::of(backup));
                preview.contacts_added += backup.contacts.len();
            }
            Pairing::CurrentOnly(current) => {
                preview.customers_removed.push(CustomerRef::of(current));
            }
        }
    }
    for list in [
        &mut preview.customers_added,
        &mut preview.customers_changed,
        &mut preview.customers_removed,
    ] {
        list.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    }
    preview
}

/// The union of both sides. A customer in both keeps the fields of the higher revision
/// (current on a tie) and every contact, class change and plan of either side.
/// Playbook lines are united by id, the newer version winning; practice progress is
/// united per trainee (see [`merge_practice`]); settings and the backup status stay as
/// they are now.
pub fn merge(current: &Dataset, backup: &Dataset) -> Dataset {
    let mut customers: BTreeMap<CustomerId, Customer> = BTreeMap::new();
    for pairing in pairings(current, backup) {
        let customer = match pairing {
            Pairing::Same { current, backup } => merge_customer(current, backup),
            Pairing::Moved { backup, to } => with_id(backup, to),
            Pairing::CurrentOnly(only) | Pairing::BackupOnly(only) => only.clone(),
        };
        customers.insert(customer.id, customer);
    }
    Dataset {
        customers,
        playbook: merge_playbook(&current.playbook, &backup.playbook),
        practice: merge_practice(&current.practice, &backup.practice),
        settings: current.settings.clone(),
        backup: current.backup.clone(),
    }
}

fn merge_customer(current: &Customer, backup: &Customer) -> Customer {
    let mut merged = if backup.rev > current.rev {
        with_id(backup, current.id)
    } else {
        current.clone()
    };
    merged.contacts = current.contacts.clone();
    merged
        .contacts
        .extend(new_contacts(&current.contacts, &backup.contacts));
    merged.contacts.sort_by_key(|c| c.at);
    merged.class_changes = current.class_changes.clone();
    for change in &backup.class_changes {
        // A reason can be added to a change later, so the reason is not part of what
        // makes two records the same change; the current one's wording stays.
        let same_change = |c: &ClassChange| {
            c.at == change.at
                && c.from == change.from
                && c.to == change.to
                && c.who == change.who
                && c.source == change.source
        };
        if !merged.class_changes.iter().any(same_change) {
            merged.class_changes.push(change.clone());
        }
    }
    merged.class_changes.sort_by_key(|c| c.at);
    merged.plans = current.plans.clone();
    for plan in &backup.plans {
        if !merged.plans.iter().any(|p| p.id == plan.id) {
            merged.plans.push(plan.clone());
        }
    }
    merged.plans.sort_by_key(|p| p.due);
    merged.downgrade_dismissed = current.downgrade_dismissed.max(backup.downgrade_dismissed);
    // A "Keine Dublette" mark or a merge note from either side stays: both are answers
    // the user gave and must not be asked again.
    merged.not_duplicates = current
        .not_duplicates
        .union(&backup.not_duplicates)
        .copied()
        .collect();
    merged.merges = current.merges.clone();
    for record in &backup.merges {
        if !merged.merges.contains(record) {
            merged.merges.push(record.clone());
        }
    }
    merged.merges.sort_by_key(|m| m.at);
    merged
}

/// The backup's contacts the current list lacks. Contacts are never edited, so two with
/// one id are one contact; should their content differ, the ids collided and the
/// backup's contact gets a new id, unless an earlier merge already brought it in so.
fn new_contacts(current: &[Contact], backup: &[Contact]) -> Vec<Contact> {
    let mut taken: HashSet<u64> = current.iter().chain(backup).map(|c| c.id.0).collect();
    let mut added = Vec::new();
    for contact in backup {
        match current.iter().find(|c| c.id == contact.id) {
            None => added.push(contact.clone()),
            Some(same) if same == contact => {}
            Some(_) => {
                let moved_before = current.iter().any(|c| {
                    Contact {
                        id: c.id,
                        ..contact.clone()
                    } == *c
                });
                if !moved_before {
                    let mut moved = contact.clone();
                    moved.id = ContactId(free_id(contact.id.0, &mut taken));
                    added.push(moved);
                }
            }
        }
    }
    added
}

fn merge_playbook(current: &[PlaybookLine], backup: &[PlaybookLine]) -> Vec<PlaybookLine> {
    let mut merged = current.to_vec();
    for line in backup {
        match merged.iter_mut().find(|l| l.id == line.id) {
            Some(mine) => {
                if (line.version, line.changed) > (mine.version, mine.changed) {
                    *mine = line.clone();
                }
            }
            None => merged.push(line.clone()),
        }
    }
    merged
}

/// Ids stay below 2^53 so that they remain exact in JavaScript numbers.
const ID_LIMIT: u64 = 1 << 53;

/// New ids derived from `old`, so that merging the same files gives the same result.
/// A full-period generator modulo 2^53: it visits every id before repeating.
fn derived_ids(old: u64) -> impl Iterator<Item = u64> {
    std::iter::successors(Some(old % ID_LIMIT), |x| {
        Some(
            x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .wrapping_add(0x2545_F491_4F6C_DD1D)
                % ID_LIMIT,
        )
    })
    .skip(1)
    .take(usize::try_from(ID_LIMIT).unwrap_or(usize::MAX))
    .filter(|id| *id != 0)
}

/// The first derived id nothing in `taken` uses; it is taken from then on.
fn free_id(old: u64, taken: &mut HashSet<u64>) -> u64 {
    derived_ids(old).find(|id| taken.insert(*id)).unwrap_or(old)
}

/// True when `merged` holds `contact` for a customer made from `source`: under the same
/// id, or under the new id a collision gave it (found by name and creation day).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn holds(merged: &Dataset, source: &Customer, contact: &Contact) -> bool {
    merged
        .customers
        .values()
        .filter(|c| {
            c.created == source.created && c.fields.name == source.fields.name || c.id == source.id
        })
        .any(|c| {
            c.contacts.iter().any(|k| {
                Contact {
                    id: contact.id,
                    ..k.clone()
                } == *contact
            })
        })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "restore_merge_tests.rs"]
mod tests;

/// Trainees, review and drill logs of both sides, each once; for a card both sides
/// hold, the one rehearsed more recently (more repetitions on a tie) wins.
pub fn merge_practice(current: &PracticeState, backup: &PracticeState) -> PracticeState {
    let mut merged = current.clone();
    for trainee in &backup.trainees {
        if !merged.trainees.iter().any(|t| t.id == trainee.id) {
            merged.trainees.push(trainee.clone());
        }
    }
    for card in &backup.cards {
        match merged
            .cards
            .iter_mut()
            .find(|c| c.trainee == card.trainee && c.line == card.line)
        {
            Some(mine) => {
                if (card.last_review, card.reps) > (mine.last_review, mine.reps) {
                    *mine = card.clone();
                }
            }
            None => merged.cards.push(card.clone()),
        }
    }
    merged.absorb_reviews(backup.reviews.iter().cloned());
    crate::domain::practice::state::sort_reviews(&mut merged.reviews);
    merged.absorb_drills(backup.drills.iter().cloned());
    crate::domain::practice::state::sort_drills(&mut merged.drills);
    // Folded totals: per trainee the side that folded further counts; logs it counts
    // are then dropped, so nothing is counted twice.
    for theirs in &backup.archive {
        match merged
            .archive
            .iter_mut()
            .find(|a| a.trainee == theirs.trainee)
        {
            Some(mine) if theirs.until > mine.until => *mine = theirs.clone(),
            Some(_) => {}
            None => merged.archive.push(theirs.clone()),
        }
    }
    merged.drop_archived_logs();
    merged
}
