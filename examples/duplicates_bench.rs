//! Times finding duplicates among 1,000 and 10,000 generated customers with planted
//! duplicates, and prints the median of several runs for each size side by side.
//!
//! `cargo run --release --example duplicates_bench`

use chrono::NaiveDate;
use klassenblick::domain::customer::duplicates::find_duplicates;
use klassenblick::domain::customer::record::Customer;
use klassenblick::domain::demo::dataset::large_dataset;
use klassenblick::domain::ids::CustomerId;
use std::time::Instant;

const RUNS: usize = 15;

/// The generated book plus one planted twin for every 50th customer: the same phone
/// in another form, an e-mail in capitals, or the name with one letter changed.
fn book(size: usize) -> Vec<Customer> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default();
    let dataset = large_dataset(size, 2, 7, today);
    let mut customers: Vec<Customer> = dataset.customers.into_values().collect();
    let planted: Vec<Customer> = customers
        .iter()
        .step_by(50)
        .enumerate()
        .map(|(n, original)| {
            let mut twin = original.clone();
            twin.id = CustomerId(u64::MAX - n as u64);
            twin.contacts.clear();
            match n % 3 {
                0 => {
                    twin.fields.phones = original
                        .fields
                        .phones
                        .iter()
                        .map(|p| p.replace(' ', "/"))
                        .collect();
                }
                1 => twin.fields.email = original.fields.email.to_uppercase(),
                _ => twin.fields.name = original.fields.name.replacen('e', "a", 1),
            }
            twin
        })
        .collect();
    customers.extend(planted);
    customers
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
