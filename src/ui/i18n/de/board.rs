//! The German texts of the board.

use super::super::keys::BoardTexts;
use crate::domain::format::money::format_count;

pub const BOARD: BoardTexts = BoardTexts {
    filter_label: "Board filtern",
    filter_text: "Suchen",
    filter_text_hint: "Name, Firma, Nummer, Telefon",
    filter_tag: "Schlagwort",
    filter_tag_all: "alle Schlagworte",
    filter_potential: "nur markierte Potenzialkunden",
    view_potential: "nur B und O",
    filter_reset: "Filter zurücksetzen",
    column_empty: "Keine Kunden in dieser Ansicht.",
    show_more: |n| format!("{} weitere anzeigen", format_count(n)),
    move_card: |name| format!("„{name}“ verschieben"),
    move_to: |class| format!("Nach {class}"),
    moved: |name, from, to| format!("„{name}“: {from} → {to}"),
    drag_hint: "Karten per Ziehen, mit dem Menü ⋯ oder per Tastatur verschieben.",
    tabs_label: "Klasse zeigen",
};
