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
//! - Version 4: the playbook may hold objections (`PlaybookLine::kind`, with their
//!   reach) and a contact may name the objection heard (`Contact::objection`). Both are
//!   serde defaults again, left out when unset, so schema-3 values decode unchanged and
//!   the step rewrites nothing but `kb:meta`. The bump is for the same reason as 3's:
//!   an older build would write objections back as opening lines (and offer an answer
//!   as the opening of a call) and drop the objections noted on contacts.
//! - Version 5: a customer may carry a postcode (`CustomerFields::postcode`), a serde
//!   default left out when empty, so schema-4 values decode unchanged and the step
//!   rewrites nothing but `kb:meta`. The bump is for the same reason as 3's: an older
//!   build would drop the postcode on the next edit of its bucket.
//!
//! A later schema bumps [`CURRENT_SCHEMA`], adds its step to `migration.rs`, and keeps
//! the frozen profiles of every earlier schema under `tests/fixtures/`.

use serde::{Deserialize, Serialize};

pub const CURRENT_SCHEMA: u32 = 5;

/// The layout of playbook files. Schema 2 changed only how practice is kept in local
/// storage and schema 3 only customers; version 2 may hold objections, which an older
/// build would import as opening lines, so it refuses the file as newer instead.
/// Version-1 files read as before.
pub const FILE_SCHEMA: u32 = 2;

/// The layout of backup files. Version 2 may hold occasions and "Keine Dublette" marks
/// on customers, version 3 objections in the playbook and on contacts, version 4
/// postcodes on customers. An older build
/// would restore such a file without them and say nothing, so it refuses it as newer
/// instead; earlier files read as before.
pub const BACKUP_SCHEMA: u32 = 4;

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
            schema_action(Some(&Meta { schema: 3 })),
            SchemaAction::Migrate { from: 3 }
        );
        assert_eq!(
            schema_action(Some(&Meta { schema: 4 })),
            SchemaAction::Migrate { from: 4 }
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
