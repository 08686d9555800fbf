//! The schema version stored in `kb:meta`, and what to do with what is found.
//!
//! Version 1 is the first schema, so no migration exists yet. A future schema bumps
//! [`CURRENT_SCHEMA`] and handles `SchemaAction::Migrate` in the engine, writing the
//! migrated values through a [`super::transaction::Transaction`] so that the old
//! values stay until every new one has been written.

use serde::{Deserialize, Serialize};

pub const CURRENT_SCHEMA: u32 = 1;

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
mod tests {
    use super::*;

    #[test]
    fn versions_are_sorted_into_actions() {
        assert_eq!(schema_action(None), SchemaAction::Fresh);
        assert_eq!(schema_action(Some(&Meta::current())), SchemaAction::Current);
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
