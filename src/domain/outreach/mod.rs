//! The active system: who is worth contacting now, how often is too often, what was
//! already told, what is planned and how a plan is completed, which occasions are near,
//! and when an O customer
//! should become C.

pub mod agenda;
pub mod contact_draft;
pub mod downgrade;
pub mod due_list;
pub mod frequency;
pub mod plans;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod occasion_tests;
