//! Plain Rust: the customer method's data and rules. No browser, no clock:
//! every rule takes `today` as a parameter.

pub mod abc_analysis;
pub mod board;
pub mod call_card;
pub mod class;
pub mod class_change;
pub mod contact;
pub mod customer;
pub mod customer_search;
pub mod dataset;
pub mod dates;
pub mod demo;
pub mod demo_names;
pub mod drill;
pub mod group_session;
pub mod hook;
pub mod ids;
pub mod money;
pub mod outreach;
pub mod phone;
pub mod playbook;
pub mod playbook_exchange;
pub mod practice;
pub mod practice_progress;
pub mod practice_queue;
pub mod scheduling;
pub mod settings;
pub mod starter_playbook;
pub mod text_fold;
pub mod timeline;
pub mod validation;
pub mod word_diff;
