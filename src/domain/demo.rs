//! Fictional German customers for a first look, and large sets for benchmarks.
