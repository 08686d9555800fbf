//! The German texts of merging two customers.

use super::super::keys::MergeTexts;
use crate::domain::format::money::format_count;

pub const MERGE: MergeTexts = MergeTexts {
    title: "Zusammenführen",
    intro: "Wählen Sie je Feld den Wert, der bleibt. Vorausgewählt ist der einzige ausgefüllte oder der neuere Wert.",
    side_kept: "bleibt",
    side_other: "geht darin auf",
    created: |date| format!("angelegt am {date}"),
    keeps_all: |contacts| format!("Erhalten bleiben beide Chroniken{}, alle Klassenwechsel, Pläne und Anlässe, jede Telefonnummer, jedes Schlagwort und beide Notizen. Die Chronik vermerkt die Zusammenführung.", match contacts { 0 => String::new(), 1 => " mit dem einen Kontakt".to_string(), n => format!(" mit allen {} Kontakten", format_count(n)) }),
    same: "in beiden gleich",
    empty: "(leer)",
    flag_set: "markiert",
    flag_unset: "nicht markiert",
    confirm: "Zusammenführen",
    done: |name| format!("„{name}“ wurde zusammengeführt."),
    undone: "Zusammenführung zurückgenommen: Beide Datensätze sind wieder wie vorher.",
    conflict: |name| format!("„{name}“ wurde inzwischen in einem anderen Tab geändert. Nichts wurde zusammengeführt; bitte die Auswahl prüfen und noch einmal zusammenführen."),
    undo_refused: "Die Zusammenführung lässt sich nicht mehr zurücknehmen: Der Kunde wurde seitdem geändert.",
};
