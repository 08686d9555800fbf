//! Plain Rust: the customer method's data and rules. No browser, no clock:
//! every rule takes `today` as a parameter. One folder per feature; `ids`, `dataset`
//! and `settings` are shared by all of them.

pub mod board;
pub mod call;
pub mod customer;
pub mod dataset;
pub mod demo;
pub mod exchange;
pub mod format;
pub mod ids;
pub mod outreach;
pub mod playbook;
pub mod practice;
pub mod settings;
