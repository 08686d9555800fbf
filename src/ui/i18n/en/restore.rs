//! The British English texts of the restore preview.

use super::super::keys::RestoreTexts;
use super::count;
use crate::domain::format::english_format::format_count_en;

pub const RESTORE: RestoreTexts = RestoreTexts {
    title: "Restore preview",
    added: |n| format!("{} new", count(n, "customer", "customers")),
    changed: |n| format!("{} changed", count(n, "customer", "customers")),
    removed: |n| format!("{} only here, not in the backup", count(n, "customer", "customers")),
    contacts: |n| match n { 1 => "1 contact will be added".to_string(), n => format!("{} contacts will be added", format_count_en(n)) },
    more: |n| format!("and {n} more"),
    mode: "How should it be restored?",
    merge: "Merge",
    merge_hint: "keeps all customers, contacts and practice progress from both sides; where something has changed, the newer version applies. Settings stay as they are here.",
    replace: "Replace",
    replace_hint: |removed| match removed { 1 => "makes the data exactly match the backup; 1 customer that exists only here will be lost.".to_string(), n => format!("makes the data exactly match the backup; {} customers that exist only here will be lost.", format_count_en(n)) },
    apply_merge: "Merge",
    apply_replace: "Replace everything",
};
