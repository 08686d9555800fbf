//! Turning an import plan into the customers to write, after the user chose what to do
//! with duplicates. Pure: ids come from the caller, nothing is stored here.

use crate::domain::customer::class_change::{ChangeSource, ClassChange};
use crate::domain::customer::occasion::{Occasion, OccasionKind};
use crate::domain::customer::phone::normalize_phone;
use crate::domain::customer::record::{Actor, Customer, CustomerFields};
use crate::domain::dataset::Dataset;
use crate::domain::exchange::csv_import::{DuplicateOf, GoodRow, ImportPlan};
use crate::domain::exchange::csv_mapping::CsvField;
use crate::domain::exchange::csv_occasions::merge_imported;
use crate::domain::ids::CustomerId;
use std::collections::{HashMap, HashSet};

/// What to do with a row that matches a known customer or an earlier row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateChoice {
    Skip,
    /// Overwrite the matched customer's fields the row has values for.
    Update,
    ImportAsNew,
}

/// The customers to store, and what happened to each row. Every row of the plan is
/// counted once: `added + updated + skipped + bad == plan.row_count()`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportOutcome {
    /// New customers and changed existing ones, each once, in final form.
    pub customers_to_write: Vec<Customer>,
    pub added: usize,
    pub updated: usize,
    pub skipped: usize,
    pub bad: usize,
}

impl ImportOutcome {
    /// Rows that brought nothing in: skipped duplicates and bad rows.
    pub fn not_imported(&self) -> usize {
        self.skipped + self.bad
    }
}

/// A plan's good rows and duplicates, for what the confirmation button promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportCounts {
    pub good: usize,
    pub duplicates: usize,
}

impl ImportCounts {
    pub fn of(plan: &ImportPlan) -> ImportCounts {
        ImportCounts {
            good: plan.good.len(),
            duplicates: plan.duplicates().count(),
        }
    }

    /// How many rows the import takes in with `choice`: every good row, less the
    /// duplicates when they are skipped.
    pub fn rows_to_import(self, choice: DuplicateChoice) -> usize {
        match choice {
            DuplicateChoice::Skip => self.good - self.duplicates,
            DuplicateChoice::Update | DuplicateChoice::ImportAsNew => self.good,
        }
    }
}

/// Attempts at a fresh id from `next_id` before counting up from 1 instead, so that a
/// poor source of ids can never loop forever.
const FRESH_ID_ATTEMPTS: usize = 100;

/// Applies the plan to `dataset` without changing it.
///
/// With [`DuplicateChoice::Update`] a row overwrites the scalar fields it has values
/// for; phone numbers and tags are added to the known ones, since one cell cannot say
/// which of several numbers it replaces. A row with a current note replaces the whole
/// note (hook, text, end date); without "Vermerk vom" the stored note keeps its date
/// when hook and text are unchanged, as in the customer form. Contacts, plans and
/// history are kept, the revision goes up once per customer, and a class change is
/// recorded as an import.
/// A row matching an earlier row updates whatever that row went into. Rows that change
/// nothing count as updated but are not written.
pub fn apply_import(
    plan: &ImportPlan,
    choice: DuplicateChoice,
    dataset: &Dataset,
    actor: &Actor,
    mut next_id: impl FnMut() -> CustomerId,
) -> ImportOutcome {
    let mut outcome = ImportOutcome {
        bad: plan.bad.len(),
        ..ImportOutcome::default()
    };
    let mut used: HashSet<CustomerId> = dataset.customers.keys().copied().collect();
    let mut written: Vec<Customer> = Vec::new();
    let mut slot_of: HashMap<CustomerId, usize> = HashMap::new();
    let mut went_into: HashMap<usize, CustomerId> = HashMap::new();
    for row in &plan.good {
        let duplicate_of = row.duplicate.map(|d| d.of);
        let target = match (choice, duplicate_of) {
            (DuplicateChoice::Skip, Some(_)) => {
                outcome.skipped += 1;
                continue;
            }
            (DuplicateChoice::Update, Some(DuplicateOf::Existing(id))) => Some(id),
            (DuplicateChoice::Update, Some(DuplicateOf::EarlierRow(number))) => {
                went_into.get(&number).copied()
            }
            _ => None,
        };
        // A plan made against other data may name a customer that is gone: the row
        // is then imported as new rather than lost.
        let slot = target.and_then(|id| slot_for(id, dataset, &mut written, &mut slot_of));
        let id = match slot {
            Some(slot) => {
                let customer = &mut written[slot];
                let is_known = dataset.customers.contains_key(&customer.id);
                update_customer(customer, row, is_known.then_some(actor));
                outcome.updated += 1;
                customer.id
            }
            None => {
                let id = fresh_id(&mut used, &mut next_id);
                written.push(Customer::new(id, row.fields.clone(), actor.at.date()));
                slot_of.insert(id, written.len() - 1);
                outcome.added += 1;
                id
            }
        };
        went_into.insert(row.row_number, id);
    }
    outcome.customers_to_write = written
        .into_iter()
        .filter(|c| {
            dataset
                .customers
                .get(&c.id)
                .is_none_or(|stored| stored.fields != c.fields)
        })
        .collect();
    outcome
}

/// Where `id` sits among the customers to write; a known customer is taken in on first
/// use, with its revision raised once for the whole import.
fn slot_for(
    id: CustomerId,
    dataset: &Dataset,
    written: &mut Vec<Customer>,
    slot_of: &mut HashMap<CustomerId, usize>,
) -> Option<usize> {
    if let Some(slot) = slot_of.get(&id) {
        return Some(*slot);
    }
    let stored = dataset.customers.get(&id)?;
    let mut next = stored.clone();
    next.rev = stored.rev.wrapping_add(1);
    written.push(next);
    slot_of.insert(id, written.len() - 1);
    Some(written.len() - 1)
}

fn fresh_id(
    used: &mut HashSet<CustomerId>,
    next_id: &mut impl FnMut() -> CustomerId,
) -> CustomerId {
    let offered = (0..FRESH_ID_ATTEMPTS)
        .map(|_| next_id())
        .find(|id| id.0 != 0 && !used.contains(id));
    let id = offered.unwrap_or_else(|| {
        (1..)
            .map(CustomerId)
            .find(|id| !used.contains(id))
            .unwrap_or(CustomerId(u64::MAX))
    });
    used.insert(id);
    id
}

/// Overwrites what the row provides. `recorder` is set for customers already stored,
/// whose class change belongs in their history; a customer new in this import just
/// takes the class.
fn update_customer(customer: &mut Customer, row: &GoodRow, recorder: Option<&Actor>) {
    let from = customer.fields.class;
    overwrite_provided(&mut customer.fields, &row.fields, &row.provided);
    let to = customer.fields.class;
    if let (Some(actor), true) = (recorder, from != to) {
        customer.class_changes.push(ClassChange {
            at: actor.at,
            who: actor.who.clone(),
            from,
            to,
            reason: String::new(),
            source: ChangeSource::Import,
        });
    }
}

fn overwrite_provided(fields: &mut CustomerFields, row: &CustomerFields, provided: &[CsvField]) {
    for field in provided {
        match field {
            CsvField::Name => fields.name = row.name.clone(),
            CsvField::Company => fields.company = row.company.clone(),
            CsvField::Postcode => fields.postcode = row.postcode.clone(),
            CsvField::ContactPerson => fields.contact_person = row.contact_person.clone(),
            CsvField::Email => fields.email = row.email.clone(),
            CsvField::Number => fields.number = row.number.clone(),
            CsvField::Revenue => fields.revenue_cents = row.revenue_cents,
            CsvField::Class => fields.class = row.class,
            CsvField::Note => fields.notes = row.notes.clone(),
            CsvField::PotentialAmount => fields.potential_cents = row.potential_cents,
            CsvField::PotentialFlag => fields.potential = row.potential,
            CsvField::NoteText => {
                let stored = fields.current_note.take();
                let mut note = row.current_note.clone();
                if let (Some(note), Some(stored), false) = (
                    note.as_mut(),
                    stored,
                    provided.contains(&CsvField::NoteWritten),
                ) {
                    if note.hook == stored.hook && note.text == stored.text {
                        note.written = stored.written;
                    }
                }
                fields.current_note = note;
            }
            // A note's other cells come only with its text (see `read_row`), which
            // brings the whole note.
            CsvField::NoteHook | CsvField::NoteValidUntil | CsvField::NoteWritten => {}
            CsvField::Birthday | CsvField::RenewalDate => {
                let wanted = |o: &&Occasion| match o.kind {
                    OccasionKind::Birthday { .. } => *field == CsvField::Birthday,
                    OccasionKind::ContractRenewal { .. } => *field == CsvField::RenewalDate,
                    _ => false,
                };
                let incoming: Vec<Occasion> =
                    row.occasions.iter().filter(wanted).cloned().collect();
                merge_imported(&mut fields.occasions, &incoming);
            }
            // A contract's other cells come only with its renewal day.
            CsvField::Contract | CsvField::NoticeMonths | CsvField::RenewsYearly => {}
            CsvField::Phone => {
                for phone in &row.phones {
                    let number = normalize_phone(phone);
                    if !fields.phones.iter().any(|p| normalize_phone(p) == number) {
                        fields.phones.push(phone.clone());
                    }
                }
            }
            CsvField::Tags => {
                for tag in &row.tags {
                    if !fields.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                        fields.tags.push(tag.clone());
                    }
                }
            }
        }
    }
}
