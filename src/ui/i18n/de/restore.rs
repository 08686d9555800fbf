//! The German texts of the restore preview.

use super::super::keys::RestoreTexts;

pub const RESTORE: RestoreTexts = RestoreTexts {
    title: "Vorschau der Wiederherstellung",
    added: |n| format!("{n} Kunden neu"),
    changed: |n| format!("{n} Kunden geändert"),
    removed: |n| format!("{n} Kunden nur hier, nicht im Backup"),
    contacts: |n| format!("{n} Kontakte kommen hinzu"),
    more: |n| format!("und {n} weitere"),
    mode: "Wie wiederherstellen?",
    merge: "Zusammenführen",
    merge_hint: "behält alle Kunden, Kontakte und den Übungsstand beider Seiten; bei Änderungen gilt die neuere Fassung. Die Einstellungen bleiben wie hier.",
    replace: "Ersetzen",
    replace_hint: |removed| format!("macht die Daten genau zum Backup; {removed} Kunden, die nur hier stehen, gehen verloren."),
    apply_merge: "Zusammenführen",
    apply_replace: "Alles ersetzen",
};
