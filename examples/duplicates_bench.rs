//! Times finding duplicates among 1,000 and 10,000 generated customers with planted
//! duplicates, and prints the median of several runs for each size side by side.
//!
//! `cargo run --release --example duplicates_bench`

use chrono::NaiveDate;
use klassenblick::domain::customer::duplicates::find_duplicates;
use klassenblick::domain::customer::record::Customer;
use klassenblick::domain::demo::dataset::{large_dataset, plant_twins};
use std::time::Instant;

const RUNS: usize = 15;

/// The generated book plus one planted twin for every 50th customer.
fn book(size: usize) -> Vec<Customer> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let mut dataset = large_dataset(size, 2, 7, today);
    plant_twins(&mut dataset, 50);
    dataset.customers.into_values().collect()
}

fn median_ms(customers: &[Customer]) -> (f64, usize) {
    let mut times = Vec::with_capacity(RUNS);
    let mut groups = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        groups = find_duplicates(customers.iter()).len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], groups)
}

fn main() {
    println!("customers  median ms  groups");
    let mut previous: Option<(usize, f64)> = None;
    for size in [1_000, 10_000] {
        let customers = book(size);
        let (ms, groups) = median_ms(&customers);
        print!("{:>9}  {:>9.2}  {:>6}", customers.len(), ms, groups);
        if let Some((n, t)) = previous {
            print!(
                "   ×{:.1} the time for ×{:.1} the customers",
                ms / t,
                customers.len() as f64 / n as f64
            );
        }
        println!();
        previous = Some((customers.len(), ms));
    }
}
