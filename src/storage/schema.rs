//! The schema version stored in `kb:meta`, and what to do with what is found.
//!
//! - Version 1: all practice in one key, `kb:practice`.
//! - Version 2: practice per trainee (`storage::practice_store`); the schema-1 value
//!   stays as the old copy until the user removes it (`storage::migration`).
//!
//! A later schema bumps [`CURRENT_SCHEMA`], adds its step to `migration.rs`, and keeps
//! the frozen profiles of every earlier schema under `tests/fixtures/`.

use serde::{Deserialize, Serialize};

pub const CURRENT_SCHEMA: u32 = 2;

/// The layout of backup and playbook files. Schema 2 changed only how practice is
/// kept in local storage, so files stay at version 1 and older versions still read them.
pub const FILE_SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub schema: u32,
}

impl Meta {
    pub fn current() -> Self {
        Meta {
            schema: CURRENT_SCHEMA,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaAction {
    /// Nothing stored yet: start fresh and record the current version.
    Fresh,
    Current,
    Migrate {
        from: u32,
    },
    /// Written by a newer app: read nothing, write nothing.
    Newer {
        found: u32,
    },
}

pub fn schema_action(stored: Option<&Meta>) -> SchemaAction {
    match stored {
        None => SchemaAction::Fresh,
        Some(meta) if meta.schema == CURRENT_SCHEMA => SchemaAction::Current,
        Some(meta) if meta.schema > CURRENT_SCHEMA => SchemaAction::Newer { found: meta.schema },
        Some(meta) => SchemaAction::Migrate { from: meta.schema },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_sorted_into_actions() {
        assert_eq!(schema_action(None), SchemaAction::Fresh);
        assert_eq!(schema_action(Some(&Meta::current())), SchemaAction::Current);
        assert_eq!(
            schema_action(Some(&Meta { schema: 1 })),
            SchemaAction::Migrate { from: 1 }
        );
        assert_eq!(
            schema_action(Some(&Meta { schema: 7 })),
            SchemaAction::Newer { found: 7 }
        );
        assert_eq!(
            schema_action(Some(&Meta { schema: 0 })),
            SchemaAction::Migrate { from: 0 }
        );
    }
}
