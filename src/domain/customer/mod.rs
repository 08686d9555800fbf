//! A customer and what happened with them: class, fields, contacts, hooks, occasions, history,
//! the form's checks, and finding a customer by name or number.

pub mod builder;
pub mod class;
pub mod class_change;
pub mod contact;
pub mod duplicate_keys;
pub mod duplicates;
pub mod hook;
pub mod lookup;
pub mod merge;
pub mod occasion;
pub mod occasion_draft;
pub mod phone;
pub mod record;
pub mod search;
pub mod timeline;
pub mod validation;
