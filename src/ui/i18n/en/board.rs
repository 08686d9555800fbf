//! The British English texts of the board.

use super::super::keys::BoardTexts;
use crate::domain::format::english_format::format_count_en;

pub const BOARD: BoardTexts = BoardTexts {
    filter_label: "Filter board",
    filter_text: "Search",
    filter_text_hint: "Name, company, number, phone",
    filter_tag: "Tag",
    filter_tag_all: "all tags",
    filter_potential: "marked potential customers only",
    view_potential: "B and O only",
    filter_reset: "Reset filters",
    column_empty: "No customers in this view.",
    show_more: |n| format!("Show {} more", format_count_en(n)),
    move_card: |name| format!("Move “{name}”"),
    move_to: |class| format!("Move to {class}"),
    moved: |name, from, to| format!("“{name}”: {from} → {to}"),
    drag_hint: "Move cards by dragging, with the ⋯ menu or with the keyboard.",
    tabs_label: "Show class",
};
