//! Writes the local-storage contents of a large generated data set as one JSON object
//! (key → value), for the browser benchmarks to load before the app starts.
//!
//! `cargo run --release --example bench_data -- 10000 5 > bench/data-10000.json`; a third
//! number plants a twin for every n-th customer (`-- 10000 2 50`, for the duplicates).
//! With `--backup` first it writes the same data set as a backup file instead, the plain
//! JSON that start-up is compared with.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark tool may stop at a bad constant

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use klassenblick::domain::demo::dataset::{large_dataset, plant_twins};
    use klassenblick::storage::backend::MemoryStore;
    use klassenblick::storage::engine::Store;

    let mut args = std::env::args().skip(1).peekable();
    let as_backup = args.next_if(|a| a == "--backup").is_some();
    let customers: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let contacts: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("a valid constant date");
    let twins_every: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let mut dataset = large_dataset(customers, contacts, 42, today);
    plant_twins(&mut dataset, twins_every);
    if as_backup {
        let exported_at = today.and_hms_opt(12, 0, 0).expect("a valid constant time");
        match klassenblick::storage::backup::backup_json(&dataset, exported_at) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("could not write the backup: {e:?}");
                std::process::exit(1);
            }
        }
        return;
    }
    let memory = MemoryStore::default();
    if let Err(e) = Store::new(&memory).replace_all(&dataset) {
        eprintln!("could not store the data set: {e}");
        std::process::exit(1);
    }
    match serde_json::to_string(&memory.snapshot()) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("could not write JSON: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
