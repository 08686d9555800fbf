//! The British English texts of the data page: backups, restore and storage.

use super::super::keys::DataTexts;
use super::count;

pub const DATA: DataTexts = DataTexts {
    title: "Data",
    demo_title: "Demo data",
    demo_text: "A realistic, fictitious data set with 60 customers, contacts, notes and a starter playbook.",
    backup_title: "Backup",
    backup_text: "Saves all customers, contacts, the playbook, practice progress and settings in one JSON file.",
    backup_export: "Export backup",
    backup_import: "Restore backup",
    backup_last: |d| format!("Last backup: {d}"),
    backup_never: "No backup created yet.",
    backup_changes: |n| match n { 1 => "1 change since the last backup.".to_string(), n => format!("{n} changes since the last backup.") },
    backup_reminder: "Time for a backup.",
    restored: |n| format!("Backup restored: {}.", count(n, "customer", "customers")),
    restore_confirm: |n, contacts, d| format!("The backup from {d} contains {} with {}.", count(n, "customer", "customers"), count(contacts, "contact", "contacts")),
    storage_title: "Storage",
    storage_used: |used, quota, percent| format!("{used} of {quota} characters used ({percent}%)."),
    storage_counts: |customers, contacts| format!("{}, {}.", count(customers, "customer", "customers"), count(contacts, "contact", "contacts")),
    persist_granted: "The browser keeps this data permanently.",
    persist_denied: "The browser may delete this data when space runs low. Regular backups protect against this.",
    persist_unsupported: "This browser cannot promise permanent storage. Regular backups protect your data.",
    persist_pending: "Requesting permanent storage …",
    quarantine_title: "Quarantine",
    quarantine_text: "Unreadable values are kept here, never deleted. Download them to have them checked.",
    quarantine_empty: "No unreadable values.",
    quarantine_entry: |key, stamp, size| format!("{key} · found {stamp} · {size} characters"),
    quarantine_in_place: "stays where it is (storage full); this area will not be overwritten",
    quarantine_download: "Download",
};
