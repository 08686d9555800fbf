//! The schema version stored in `kb:meta`, and what to do with what is found.
//!
//! - Version 1: all practice in one key, `kb:practice`.
//! - Version 2: practice per trainee (`storage::practice_store`); the schema-1 value
//!   stays as the old copy until the user removes it (`storage::migration`).
//! - Version 3: customers may carry dated occasions (`CustomerFields::occasions`) and
//!   the pairs the user marked "Keine Dublette" (`Customer::not_duplicates`). Both are
//!   serde-default fields, so schema-2 values decode unchanged and the step rewrites
//!   no customer. The bump is still needed: serde skips fields it does not know, so an
//!   older build would read a schema-3 bucket, drop the occasions and write the bucket
//!   back without them on the next edit. With version 3 in `kb:meta` an older build
//!   reads nothing and writes nothing (`SchemaAction::Newer`) instead of losing data.
//!
//! A later schema bumps [`CURRENT_SCHEMA`], adds its step to `migration.rs`, and keeps
//! the frozen profiles of every earlier schema under `tests/fixtures/`.

use serde::{Deserialize, Serialize};

pub const CURRENT_SCHEMA: u32 = 3;

/// The layout of playbook files. Schema 2 changed only how practice is kept in local
/// storage and schema 3 only customers, so playbook files stay at version 1 and older
/// versions still read them.
pub const FILE_SCHEMA: u32 = 1;

/// The layout of backup files. Version 2 may hold occasions and "Keine Dublette" marks
/// on customers. An older build would restore such a file without them and say
/// nothing, so it refuses it as newer instead; version-1 files read as before.
pub const BACKUP_SCHEMA: u32 = 2;

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
            schema_action(Some(&Meta { schema: 2 })),
            SchemaAction::Migrate { from: 2 }
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
