//! Fictional German customers for a first look, and large seeded sets for benchmarks.

pub mod dataset;
mod names;
