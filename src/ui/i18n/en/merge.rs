//! The British English texts of merging two customers.

use super::super::keys::MergeTexts;
use crate::domain::format::english_format::format_count_en;

pub const MERGE: MergeTexts = MergeTexts {
    title: "Merge",
    intro: "Choose the value that stays for each field. Preselected is the only filled-in or the newer value.",
    side_kept: "stays",
    side_other: "is merged into it",
    created: |date| format!("created {date}"),
    keeps_all: |contacts| format!("Both timelines are kept{}, every class change, plan and occasion, every phone number and tag, and both notes. The timeline records the merge.", match contacts { 0 => String::new(), 1 => " with their one contact".to_string(), n => format!(" with all {} contacts", format_count_en(n)) }),
    same: "the same in both",
    empty: "(empty)",
    flag_set: "marked",
    flag_unset: "not marked",
    confirm: "Merge",
    done: |name| format!("Merged “{name}”."),
    undone: "Merge taken back: both records are as they were.",
    conflict: |name| format!("“{name}” was changed in another tab meanwhile. Nothing was merged; please check the choices and merge again."),
    undo_refused: "This merge can no longer be taken back: the customer was changed since.",
};
