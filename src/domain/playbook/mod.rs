//! The team's opening lines: filtering and versioned edits, the German starter set,
//! and what changed between two playbooks.

pub mod exchange;
pub mod lines;
pub mod starter;
