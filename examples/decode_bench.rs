//! How long decoding the stored customers takes natively, and how much of it is the JSON:
//! reads `bench-results/data-10000.json` (written by `bench/harness.mjs` through the
//! `bench_data` example), decodes every bucket, then parses the same customers from plain
//! JSON. `cargo run --release --example decode_bench`
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use klassenblick::domain::customer::record::Customer;
    use klassenblick::storage::codec::{decode, from_json, to_json};
    let text = std::fs::read_to_string("bench-results/data-10000.json")
        .expect("bench-results/data-10000.json: run node bench/start.mjs once to write it");
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
    let buckets: Vec<&String> = map
        .iter()
        .filter(|(k, _)| k.starts_with("kb:c:"))
        .map(|(_, v)| v)
        .collect();
    let t = std::time::Instant::now();
    let decoded: Vec<Vec<Customer>> = buckets.iter().map(|v| decode(v).unwrap()).collect();
    let full = t.elapsed();
    let jsons: Vec<String> = decoded.iter().map(|c| to_json(c).unwrap()).collect();
    let t = std::time::Instant::now();
    let n: usize = jsons
        .iter()
        .map(|j| from_json::<Vec<Customer>>(j).unwrap().len())
        .sum();
    let parse = t.elapsed();
    let total_json: usize = jsons.iter().map(|j| j.len()).sum();
    let stored: usize = buckets.iter().map(|v| v.len()).sum();
    println!("{} buckets, {n} customers: decode all {:?}, of which JSON parse alone {:?}; json {} bytes, stored {} chars", buckets.len(), full, parse, total_json, stored);
}
#[cfg(target_arch = "wasm32")]
fn main() {}
