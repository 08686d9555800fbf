//! The German texts of the data page: backups, restore and storage.

use super::super::keys::DataTexts;

pub const DATA: DataTexts = DataTexts {
    title: "Daten",
    demo_title: "Demodaten",
    demo_text: "Ein realistischer, fiktiver Datenbestand mit 60 Kunden, Kontakten, Vermerken und einem Start-Leitfaden.",
    backup_title: "Backup",
    backup_text: "Sichert alle Kunden, Kontakte, den Leitfaden, den Übungsstand und die Einstellungen in einer JSON-Datei.",
    backup_export: "Backup exportieren",
    backup_import: "Backup einspielen",
    backup_last: |d| format!("Letztes Backup: {d}"),
    backup_never: "Noch kein Backup erstellt.",
    backup_changes: |n| match n { 1 => "1 Änderung seit dem letzten Backup.".to_string(), n => format!("{n} Änderungen seit dem letzten Backup.") },
    backup_reminder: "Zeit für ein Backup.",
    restored: |n| format!("Backup eingespielt: {n} Kunden."),
    restore_confirm: |n, contacts, d| format!("Das Backup vom {d} enthält {n} Kunden mit {contacts} Kontakten."),
    storage_title: "Speicher",
    storage_used: |used, quota, percent| format!("{used} von {quota} Zeichen belegt ({percent} %)."),
    storage_counts: |customers, contacts| format!("{customers} Kunden, {contacts} Kontakte."),
    persist_granted: "Der Browser hält diese Daten dauerhaft vor.",
    persist_denied: "Der Browser darf diese Daten bei Platzmangel löschen. Regelmäßige Backups schützen davor.",
    persist_unsupported: "Dieser Browser kann keinen dauerhaften Speicher zusagen. Regelmäßige Backups schützen Ihre Daten.",
    persist_pending: "Dauerhafter Speicher wird angefragt …",
    quarantine_title: "Quarantäne",
    quarantine_text: "Unlesbare Werte werden hier aufbewahrt, nie gelöscht. Laden Sie sie herunter, um sie prüfen zu lassen.",
    quarantine_empty: "Keine unlesbaren Werte.",
    quarantine_entry: |key, stamp, size| format!("{key} · gefunden {stamp} · {size} Zeichen"),
    quarantine_in_place: "bleibt an Ort und Stelle (Speicher voll); dieser Bereich wird nicht überschrieben",
    quarantine_download: "Herunterladen",
};
