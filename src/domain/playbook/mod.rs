//! The team's opening lines: filtering and versioned edits, writing a line, what the
//! playbook screen lists, the German starter set, and what changed between two playbooks.

pub mod builder;
pub mod edit;
pub mod exchange;
pub mod lines;
pub mod listing;
pub mod starter;
