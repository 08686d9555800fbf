//! Every earlier schema up to the current one, on the frozen profiles in `tests/fixtures/`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::NaiveDate;
use klassenblick::domain::customer::occasion::{Occasion, OccasionKind};
use klassenblick::domain::customer::record::Customer;
use klassenblick::domain::ids::{CustomerId, OccasionId};
use klassenblick::domain::practice::state::PracticeState;
use klassenblick::storage::backend::{CutOffStore, KeyValueStore, MemoryStore};
use klassenblick::storage::codec::decode;
use klassenblick::storage::engine::Store;
use klassenblick::storage::keys;
use klassenblick::storage::migration::{read_practice, same_practice};
use klassenblick::storage::open::Opened;
use std::collections::BTreeMap;

const STAMP: &str = "20261201T100000";

fn fixture() -> BTreeMap<String, String> {
    let text = include_str!("fixtures/schema1-profile.json");
    serde_json::from_str(text).expect("the fixture is a key → value object")
}

fn planted() -> MemoryStore {
    let memory = MemoryStore::default();
    for (key, value) in fixture() {
        memory.set(&key, &value).expect("fits");
    }
    memory
}

/// What schema 1 held, decoded the schema-1 way.
fn schema1_content() -> (BTreeMap<u64, Customer>, PracticeState) {
    let mut customers = BTreeMap::new();
    let mut practice = PracticeState::default();
    for (key, value) in fixture() {
        if key.starts_with("kb:c:") {
            for c in decode::<Vec<Customer>>(&value).expect("schema-1 bucket") {
                customers.insert(c.id.0, c);
            }
        } else if key == "kb:practice" {
            practice = decode(&value).expect("schema-1 practice");
        }
    }
    (customers, practice)
}

#[test]
fn the_schema1_profile_opens_under_the_current_schema_with_everything_intact() {
    let memory = planted();
    let (customers, practice) = schema1_content();
    assert!(customers.len() > 60 && practice.trainees.len() == 2 && practice.reviews.len() > 10);
    for round in ["first start", "reload"] {
        let opened = Store::new(&memory).open(STAMP);
        assert!(
            opened.quarantine.is_empty(),
            "{round}: {:?}",
            opened.quarantine
        );
        assert!(opened.problems.is_empty(), "{round}: {:?}", opened.problems);
        assert_eq!(opened.migrated, round == "first start");
        assert!(opened.legacy_copy, "{round}: the schema-1 copy stays");
        let ds = opened.dataset;
        assert_eq!(ds.customers.len(), customers.len());
        for (id, customer) in &customers {
            assert_eq!(
                ds.customers
                    .get(&klassenblick::domain::ids::CustomerId(*id)),
                Some(customer)
            );
        }
        assert!(
            same_practice(&ds.practice, &practice),
            "{round}: practice differs"
        );
        assert_eq!(ds.practice.reviews.len(), practice.reviews.len());
        assert_eq!(ds.practice.drills.len(), practice.drills.len());
        assert_eq!(
            ds.practice.active, practice.active,
            "the last trainee is remembered"
        );
    }
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":5}"#.into())));
    assert_eq!(
        memory.get(keys::LEGACY_PRACTICE),
        Ok(fixture().get("kb:practice").cloned())
    );
    Store::new(&memory).remove_legacy_copy().expect("removes");
    let after = Store::new(&memory).open(STAMP);
    assert!(!after.legacy_copy);
    assert!(same_practice(&after.dataset.practice, &practice));
}

#[test]
fn a_migration_cut_off_at_any_step_is_finished_on_the_next_start() {
    let (customers, practice) = schema1_content();
    let mut steps = 0;
    loop {
        let memory = planted();
        let dying = CutOffStore::new(&memory, steps);
        let first = Store::new(&dying).open(STAMP);
        let finished = first.problems.is_empty();
        let opened = Store::new(&memory).open(STAMP);
        assert!(
            opened.problems.is_empty(),
            "cut after {steps}: {:?}",
            opened.problems
        );
        assert!(opened.quarantine.is_empty(), "cut after {steps}");
        assert_eq!(opened.dataset.customers.len(), customers.len());
        assert!(
            same_practice(&opened.dataset.practice, &practice),
            "cut after {steps}"
        );
        assert_eq!(memory.get(keys::JOURNAL), Ok(None));
        if finished {
            break;
        }
        steps += 1;
        assert!(steps < 200, "the migration never finished");
    }
    assert!(
        steps > 3,
        "the cut points covered the migration's writes ({steps})"
    );
}

fn schema2_fixture() -> BTreeMap<String, String> {
    let text = include_str!("fixtures/schema2-profile.json");
    serde_json::from_str(text).expect("the fixture is a key → value object")
}

#[test]
fn the_schema2_profile_opens_under_the_current_schema_with_every_value_untouched() {
    let memory = MemoryStore::default();
    for (key, value) in schema2_fixture() {
        memory.set(&key, &value).expect("fits");
    }
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":2}"#.into())));
    let practice = read_practice(&memory).expect("schema-2 practice");
    let mut customers = BTreeMap::new();
    for (key, value) in schema2_fixture() {
        if key.starts_with("kb:c:") {
            for c in decode::<Vec<Customer>>(&value).expect("schema-2 bucket") {
                customers.insert(c.id, c);
            }
        }
    }
    assert!(customers.len() > 60);
    assert!(customers.values().all(|c| c.fields.occasions.is_empty()));
    for round in ["first start", "reload"] {
        let opened = Store::new(&memory).open(STAMP);
        assert!(opened.quarantine.is_empty(), "{round}");
        assert!(opened.problems.is_empty(), "{round}: {:?}", opened.problems);
        assert_eq!(opened.migrated, round == "first start");
        assert!(
            !opened.legacy_copy,
            "schema 2 → 3 → 4 leaves no old copy behind"
        );
        assert_eq!(opened.dataset.customers, customers);
        assert!(same_practice(&opened.dataset.practice, &practice));
    }
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":5}"#.into())));
    for (key, value) in schema2_fixture() {
        if key != keys::META {
            assert_eq!(memory.get(&key), Ok(Some(value)), "{key} was rewritten");
        }
    }
}

#[test]
fn occasions_saved_under_schema3_survive_a_reload() {
    let memory = MemoryStore::default();
    for (key, value) in schema2_fixture() {
        memory.set(&key, &value).expect("fits");
    }
    let opened = Store::new(&memory).open(STAMP);
    let id = *opened.dataset.customers.keys().next().expect("customers");
    let birthday = Occasion::new(
        OccasionId(9),
        OccasionKind::Birthday {
            date: NaiveDate::from_ymd_opt(1970, 5, 12).expect("valid"),
        },
    );
    let store = Store::new(&memory);
    store
        .update_customer(id, |stored| {
            let mut next = stored.cloned().expect("stored");
            next.fields.occasions.push(birthday.clone());
            Ok(Some(next))
        })
        .expect("saves");
    let reopened = Store::new(&memory).open(STAMP);
    assert!(reopened.problems.is_empty());
    assert_eq!(
        reopened.dataset.customers[&id].fields.occasions,
        vec![birthday]
    );
}

#[test]
fn a_newer_schema_is_left_alone() {
    let memory = MemoryStore::default();
    for (key, value) in schema2_fixture() {
        memory.set(&key, &value).expect("fits");
    }
    memory.set(keys::META, r#"{"schema":6}"#).expect("fits");
    let opened = Store::new(&memory).open(STAMP);
    assert!(!opened.problems.is_empty(), "a newer schema is reported");
    assert!(opened.dataset.customers.is_empty(), "and nothing is read");
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":6}"#.into())));
}

#[test]
fn the_schema1_playbook_and_contacts_read_as_opening_lines_without_objections() {
    use klassenblick::domain::playbook::lines::{LineKind, PlaybookLine};
    let stored = fixture();
    let playbook: Vec<PlaybookLine> =
        decode(stored.get(keys::PLAYBOOK).expect("a stored playbook")).expect("decodes");
    assert!(playbook.len() > 10);
    assert!(playbook.iter().all(|l| l.kind == LineKind::Opening));
    let (customers, _) = schema1_content();
    let contacts = customers.values().flat_map(|c| &c.contacts);
    assert!(contacts.clone().count() > 50);
    assert!(contacts.clone().all(|c| c.objection.is_none()));
    let opened = Store::new(&planted()).open(STAMP);
    assert_eq!(opened.dataset.playbook, playbook);
}

/// The customers of a fixture's buckets.
fn customers_in(stored: &BTreeMap<String, String>) -> BTreeMap<CustomerId, Customer> {
    stored
        .iter()
        .filter(|(key, _)| key.starts_with("kb:c:"))
        .flat_map(|(key, value)| decode::<Vec<Customer>>(value).expect(key))
        .map(|c| (c.id, c))
        .collect()
}

/// Opens `memory` twice, as a first start under the current schema and a reload: both
/// without a problem and passing `check`, only the first migrating, and every stored
/// value of the fixture `stored` but `kb:meta` left as it was.
fn opens_twice_rewriting_only_meta(
    memory: &MemoryStore,
    stored: BTreeMap<String, String>,
    check: impl Fn(&Opened),
) {
    for round in ["first start", "reload"] {
        let opened = Store::new(memory).open(STAMP);
        assert!(opened.problems.is_empty(), "{round}: {:?}", opened.problems);
        assert!(opened.quarantine.is_empty(), "{round}");
        assert_eq!(opened.migrated, round == "first start");
        check(&opened);
    }
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":5}"#.into())));
    for (key, value) in stored {
        if key != keys::META {
            assert_eq!(memory.get(&key), Ok(Some(value)), "{key} was rewritten");
        }
    }
}

fn schema3_fixture() -> BTreeMap<String, String> {
    let text = include_str!("fixtures/schema3-profile.json");
    serde_json::from_str(text).expect("the fixture is a key → value object")
}

fn planted_schema3() -> MemoryStore {
    let memory = MemoryStore::default();
    for (key, value) in schema3_fixture() {
        memory.set(&key, &value).expect("fits");
    }
    memory
}

#[test]
fn the_schema3_profile_opens_under_the_current_schema_with_only_the_version_rewritten() {
    use klassenblick::domain::playbook::lines::{LineKind, PlaybookLine};
    let memory = planted_schema3();
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":3}"#.into())));
    let stored = schema3_fixture();
    let playbook: Vec<PlaybookLine> =
        decode(stored.get(keys::PLAYBOOK).expect("a stored playbook")).expect("decodes");
    assert!(playbook.iter().all(|l| l.kind == LineKind::Opening));
    let customers = customers_in(&stored);
    assert!(customers.values().any(|c| !c.fields.occasions.is_empty()));
    assert!(customers.values().any(|c| !c.not_duplicates.is_empty()));
    assert!(customers
        .values()
        .flat_map(|c| &c.contacts)
        .all(|c| c.objection.is_none()));
    opens_twice_rewriting_only_meta(&memory, stored, |opened| {
        assert_eq!(opened.dataset.customers, customers);
        assert_eq!(opened.dataset.playbook, playbook);
    });
}

#[test]
fn objections_saved_under_schema4_survive_a_reload() {
    use klassenblick::domain::ids::LineId;
    use klassenblick::domain::playbook::starter::starter_playbook;
    let memory = planted_schema3();
    let opened = Store::new(&memory).open(STAMP);
    let store = Store::new(&memory);
    let playbook = starter_playbook(NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid"));
    let objection = playbook
        .iter()
        .find(|l| l.is_objection())
        .expect("starter objections")
        .id;
    store.save_playbook(&playbook).expect("saves");
    let (id, contact) = opened
        .dataset
        .customers
        .iter()
        .find_map(|(id, c)| c.contacts.first().map(|k| (*id, k.id)))
        .expect("a contact");
    store
        .update_customer(id, |stored| {
            let mut next = stored.cloned().expect("stored");
            if let Some(k) = next.contacts.iter_mut().find(|k| k.id == contact) {
                k.objection = Some(objection);
            }
            Ok(Some(next))
        })
        .expect("saves");
    let reopened = Store::new(&memory).open(STAMP);
    assert!(reopened.problems.is_empty());
    assert_eq!(reopened.dataset.playbook, playbook);
    let noted = reopened.dataset.customers[&id]
        .contacts
        .iter()
        .find(|k| k.id == contact)
        .and_then(|k| k.objection);
    assert_eq!(noted, Some(objection));
    assert_ne!(noted, Some(LineId(0)));
}

fn schema4_fixture() -> BTreeMap<String, String> {
    let text = include_str!("fixtures/schema4-profile.json");
    serde_json::from_str(text).expect("the fixture is a key → value object")
}

fn planted_schema4() -> MemoryStore {
    let memory = MemoryStore::default();
    for (key, value) in schema4_fixture() {
        memory.set(&key, &value).expect("fits");
    }
    memory
}

#[test]
fn the_schema4_profile_opens_under_schema5_with_only_the_version_rewritten() {
    let memory = planted_schema4();
    assert_eq!(memory.get(keys::META), Ok(Some(r#"{"schema":4}"#.into())));
    let stored = schema4_fixture();
    let customers = customers_in(&stored);
    // Schema 4's own data is there, and no customer had a postcode yet.
    assert!(customers
        .values()
        .flat_map(|c| &c.contacts)
        .any(|c| c.objection.is_some()));
    assert!(customers.values().any(|c| !c.fields.company.is_empty()));
    assert!(customers.values().all(|c| c.fields.postcode.is_empty()));
    opens_twice_rewriting_only_meta(&memory, stored, |opened| {
        assert_eq!(opened.dataset.customers, customers);
    });
}

#[test]
fn a_postcode_saved_under_schema5_survives_a_reload() {
    let memory = planted_schema4();
    let opened = Store::new(&memory).open(STAMP);
    let id = *opened.dataset.customers.keys().next().expect("customers");
    Store::new(&memory)
        .update_customer(id, |stored| {
            let mut next = stored.cloned().expect("stored");
            next.fields.postcode = "01067".into();
            Ok(Some(next))
        })
        .expect("saves");
    let reopened = Store::new(&memory).open(STAMP);
    assert!(reopened.problems.is_empty());
    assert_eq!(reopened.dataset.customers[&id].fields.postcode, "01067");
}
