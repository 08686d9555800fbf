//! The storage engine against the real local storage of headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::NaiveDate;
use klassenblick::domain::customer::record::CustomerFields;
use klassenblick::domain::demo::dataset::{demo_dataset, large_dataset};
use klassenblick::storage::backend::KeyValueStore;
use klassenblick::storage::engine::Store;
use klassenblick::storage::error::{SaveError, StorageError};
use klassenblick::storage::keys;
use klassenblick::storage::local::LocalStore;
use klassenblick::storage::tab_sync::{listen, ForeignWrite};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const QUOTA_UNITS: usize = 5_242_880;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date")
}

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test browser")
}

fn fresh_store() -> Store<LocalStore> {
    local().clear().expect("clear");
    Store::new(LocalStore::open().expect("local storage opens"))
}

/// Fills local storage until the browser refuses, with halving chunk sizes so that
/// (almost) nothing is left; returns each filler key with its size.
fn fill_quota() -> Vec<(String, usize)> {
    let storage = local();
    let mut fillers = Vec::new();
    let mut size = 1 << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        loop {
            let key = format!("filler-{}", fillers.len());
            if storage.set_item(&key, &chunk).is_err() {
                break;
            }
            fillers.push((key, size));
        }
        size /= 2;
    }
    fillers
}

#[wasm_bindgen_test]
fn data_written_to_local_storage_reads_back_identically() {
    let store = fresh_store();
    let demo = demo_dataset(today());
    store.replace_all(&demo).expect("demo fits");
    let mut reopened = Store::new(LocalStore::open().expect("opens"));
    let opened = reopened.open("20261127T100000");
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.dataset, demo);
}

#[wasm_bindgen_test]
fn ten_thousand_customers_fit_and_one_edit_writes_one_small_bucket() {
    let store = fresh_store();
    let large = large_dataset(10_000, 5, 7, today());
    assert_eq!(large.contact_count(), 50_000);
    store
        .replace_all(&large)
        .expect("10,000 customers fit in the quota");
    let used = store.used_units().expect("measurable");
    let Some((&id, customer)) = large.customers.iter().nth(4_321) else {
        panic!("the data set has 10,000 customers");
    };
    let fields = CustomerFields {
        notes: format!("{} – geändert", customer.fields.notes),
        ..customer.fields.clone()
    };
    let actor = klassenblick::domain::customer::record::Actor {
        who: "Test".into(),
        at: today().and_hms_opt(9, 0, 0).expect("valid"),
    };
    let write = store
        .update_customer(id, |stored| {
            let stored = stored.ok_or(SaveError::Missing)?;
            Ok(Some(stored.apply_edit(stored.rev, fields, "", &actor)?))
        })
        .expect("edit saves");
    console_log!(
        "capacity: 10000 customers x 5 contacts = {} UTF-16 units ({:.1} % of {}), {:.0} units per customer; one edit wrote {} units ({} bytes) in bucket {} of {} customers",
        used,
        used as f64 * 100.0 / QUOTA_UNITS as f64,
        QUOTA_UNITS,
        used as f64 / 10_000.0,
        write.units_written,
        write.units_written * 2,
        write.bucket,
        write.customers.len()
    );
    assert!(used < QUOTA_UNITS / 2, "room to spare: {used} units");
    assert!(
        write.units_written * 2 <= 64 * 1024,
        "bounded write: {} units",
        write.units_written
    );
    local().clear().expect("clear");
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_nothing_changes() {
    let store = fresh_store();
    let demo = demo_dataset(today());
    store.replace_all(&demo).expect("demo fits");
    let storage = local();
    fill_quota();
    let Some((&id, customer)) = demo.customers.iter().next() else {
        panic!("demo data has customers");
    };
    let before = storage
        .get_item(&keys::bucket_key(keys::bucket_of(id)))
        .expect("readable");
    let noise: String = (0..20_000u32)
        .map(|i| char::from_u32(0x4e00 + (i * 7919) % 5000).unwrap_or('x'))
        .collect();
    let fields = CustomerFields {
        notes: noise,
        ..customer.fields.clone()
    };
    let result = store.update_customer(id, |stored| {
        let mut next = stored.cloned().ok_or(SaveError::Missing)?;
        next.fields = fields;
        Ok(Some(next))
    });
    assert_eq!(result, Err(SaveError::Storage(StorageError::QuotaExceeded)));
    let after = storage
        .get_item(&keys::bucket_key(keys::bucket_of(id)))
        .expect("readable");
    assert_eq!(before, after);
    storage.clear().expect("clear");
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_moved_to_quarantine_in_real_storage() {
    let store = fresh_store();
    store.replace_all(&demo_dataset(today())).expect("fits");
    let storage = local();
    storage.set_item("kb:c:017", "{kaputt").expect("plant");
    let mut reopened = Store::new(LocalStore::open().expect("opens"));
    let opened = reopened.open("20261127T101500");
    assert_eq!(opened.quarantine.len(), 1);
    assert_eq!(opened.quarantine[0].original_key, "kb:c:017");
    assert_eq!(
        storage
            .get_item("kb:q:20261127T101500:kb:c:017")
            .expect("readable"),
        Some("{kaputt".to_string())
    );
    assert_eq!(storage.get_item("kb:c:017").expect("readable"), None);
    storage.clear().expect("clear");
}

#[wasm_bindgen_test]
fn a_storage_event_reaches_the_listener_decoded() {
    let heard: Rc<RefCell<Vec<ForeignWrite>>> = Rc::default();
    let sink = heard.clone();
    listen(move |write| sink.borrow_mut().push(write)).expect("listens");
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("kb:c:003"));
    init.set_new_value(Some("[]"));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("event");
    let window = web_sys::window().expect("window");
    window.dispatch_event(&event).expect("dispatch");
    assert_eq!(
        heard.borrow().as_slice(),
        &[ForeignWrite {
            key: Some("kb:c:003".into()),
            value: Some("[]".into())
        }]
    );
}

#[wasm_bindgen_test]
fn the_local_store_lists_and_removes_keys() {
    let store = LocalStore::open().expect("opens");
    local().clear().expect("clear");
    store.set("kb:meta", "{\"schema\":1}").expect("set");
    assert_eq!(store.keys(), Ok(vec!["kb:meta".to_string()]));
    store.remove("kb:meta").expect("remove");
    assert_eq!(store.get("kb:meta"), Ok(None));
}

/// Calls a Storage method with JavaScript values, which can hold lone surrogates.
fn storage_call(name: &str, args: &[wasm_bindgen::JsValue]) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsCast;
    let storage = local();
    let function: js_sys::Function = js_sys::Reflect::get(&storage, &name.into())
        .expect("a Storage method")
        .dyn_into()
        .expect("a function");
    function
        .apply(&storage, &args.iter().collect::<js_sys::Array>())
        .expect("the call succeeds")
}

#[wasm_bindgen_test]
fn quarantine_copies_a_lone_surrogate_exactly() {
    let mut store = fresh_store();
    store
        .backend()
        .set("kb:meta", "{\"schema\":1}")
        .expect("set");
    let planted =
        js_sys::JsString::from("[{\"id\":").concat(&js_sys::JsString::from_char_code1(0xD800));
    storage_call("setItem", &["kb:c:009".into(), planted.clone().into()]);
    let opened = store.open("20261127T101500");
    assert_eq!(opened.quarantine.len(), 1);
    let kept = storage_call("getItem", &["kb:q:20261127T101500:kb:c:009".into()]);
    assert_eq!(kept, wasm_bindgen::JsValue::from(planted));
    assert!(storage_call("getItem", &["kb:c:009".into()]).is_null());
    assert_eq!(
        store.backend().copy_exact("kb:c:404", "kb:c:405"),
        Ok(false),
        "a missing key is not copied"
    );
    local().clear().expect("clear");
}

/// Every `kb:` key with its value, to compare storage before and after.
fn kb_snapshot() -> Vec<(String, Option<String>)> {
    let storage = local();
    let count = storage.length().expect("length");
    let mut entries: Vec<(String, Option<String>)> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with("kb:"))
        .map(|k| {
            let v = storage.get_item(&k).ok().flatten();
            (k, v)
        })
        .collect();
    entries.sort();
    entries
}

#[wasm_bindgen_test]
fn a_csv_import_that_does_not_fit_stores_nothing() {
    use klassenblick::domain::customer::record::Actor;
    use klassenblick::domain::exchange::csv_apply::{apply_import, DuplicateChoice};
    use klassenblick::domain::exchange::csv_import::{plan_import, read_csv};
    use klassenblick::domain::exchange::csv_mapping::guess_mapping;
    use klassenblick::domain::ids::CustomerId;
    let store = fresh_store();
    let demo = demo_dataset(today());
    store.replace_all(&demo).expect("demo fits");
    let storage = local();
    // Fill the quota, then free about 32,000 units: room for the first buckets of the
    // import, not for all of them, so it fails midway.
    let room = fill_quota()
        .into_iter()
        .find(|(_, size)| *size == 1 << 15)
        .map(|(key, _)| key)
        .expect("a 32,768-unit filler was written");
    storage.remove_item(&room).expect("removable");
    let mut csv = String::from("Name;Firma;Telefon;E-Mail;Jahresumsatz;Klasse;Notizen\n");
    for i in 0..5_000 {
        csv.push_str(&format!(
            "Kundin {i};Betrieb {i} GmbH;0171 {:07};k{i}@example.de;{},50;B;Notiz mit etwas Text {i}\n",
            1_000_000 + i,
            i * 13
        ));
    }
    let table = read_csv(csv.as_bytes()).expect("readable CSV");
    let plan = plan_import(&table, &guess_mapping(&table.headers), &demo, today());
    assert_eq!(plan.good.len(), 5_000);
    let actor = Actor {
        who: "Test".into(),
        at: today().and_hms_opt(9, 0, 0).expect("valid"),
    };
    let mut next = 10_000_000u64;
    let outcome = apply_import(&plan, DuplicateChoice::Skip, &demo, &actor, || {
        next += 1;
        CustomerId(next)
    });
    assert_eq!(outcome.added, 5_000);
    let before = kb_snapshot();
    let result = store.put_customers(&outcome.customers_to_write);
    assert_eq!(result.map(|_| ()), Err(StorageError::QuotaExceeded));
    assert_eq!(kb_snapshot(), before, "not one bucket changed");
    storage.clear().expect("clear");
}

#[wasm_bindgen_test]
fn the_schema1_profile_migrates_in_real_local_storage() {
    use klassenblick::domain::customer::record::Customer;
    use klassenblick::domain::practice::state::PracticeState;
    use klassenblick::storage::codec::decode;
    use klassenblick::storage::migration::same_practice;
    use std::collections::BTreeMap;
    let fixture: BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/schema1-profile.json")).expect("fixture");
    let storage = local();
    storage.clear().expect("clear");
    let mut customers = BTreeMap::new();
    let mut practice = PracticeState::default();
    for (key, value) in &fixture {
        storage.set_item(key, value).expect("plant");
        if key.starts_with("kb:c:") {
            for c in decode::<Vec<Customer>>(value).expect("schema-1 bucket") {
                customers.insert(c.id, c);
            }
        } else if key == "kb:practice" {
            practice = decode(value).expect("schema-1 practice");
        }
    }
    for round in 0..2 {
        let opened = Store::new(LocalStore::open().expect("opens")).open("20261201T100000");
        assert!(
            opened.problems.is_empty(),
            "round {round}: {:?}",
            opened.problems
        );
        assert!(opened.quarantine.is_empty(), "round {round}");
        assert_eq!(opened.migrated, round == 0);
        assert_eq!(opened.dataset.customers, customers);
        assert!(same_practice(&opened.dataset.practice, &practice));
        assert_eq!(opened.dataset.practice.active, practice.active);
    }
    assert_eq!(
        storage.get_item("kb:practice").expect("readable").as_ref(),
        fixture.get("kb:practice"),
        "the schema-1 copy is kept"
    );
    storage.clear().expect("clear");
}

#[wasm_bindgen_test]
async fn jobs_under_the_lock_run_one_at_a_time_in_order() {
    use klassenblick::storage::lock::exclusive;
    let order: Rc<RefCell<Vec<u32>>> = Rc::default();
    let running = Rc::new(std::cell::Cell::new(false));
    let jobs: Vec<_> = (0..20)
        .map(|n| {
            let order = order.clone();
            let running = running.clone();
            exclusive(move || {
                assert!(!running.replace(true), "two jobs at once");
                order.borrow_mut().push(n);
                running.set(false);
                n * 2
            })
        })
        .collect();
    let mut results = Vec::new();
    for job in jobs {
        results.push(job.await);
    }
    assert_eq!(results, (0..20).map(|n| n * 2).collect::<Vec<_>>());
    assert_eq!(*order.borrow(), (0..20).collect::<Vec<_>>());
    // The jobs ran under the browser's Web Lock, which this tab still holds a moment.
    let navigator = web_sys::window().expect("window").navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).expect("Web Locks");
    let query: js_sys::Function = js_sys::Reflect::get(&locks, &"query".into())
        .expect("query")
        .into();
    let snapshot = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(
        query.call0(&locks).expect("query runs"),
    ))
    .await
    .expect("a snapshot");
    let held = js_sys::Array::from(&js_sys::Reflect::get(&snapshot, &"held".into()).expect("held"));
    let names: Vec<String> = held
        .iter()
        .filter_map(|l| js_sys::Reflect::get(&l, &"name".into()).ok()?.as_string())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n == klassenblick::storage::lock::LOCK_NAME),
        "held locks: {names:?}"
    );
}
