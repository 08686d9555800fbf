//! Klassenblick: customer classes A/B/C/O, potential customers, playbook and practice.
//!
//! Layers point one way only: `ui` → `storage` → `domain`.

pub mod domain;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
