//! The keys of merging two customers.

pub struct MergeTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub side_kept: &'static str,
    pub side_other: &'static str,
    pub created: fn(&str) -> String,
    pub keeps_all: fn(usize) -> String,
    pub same: &'static str,
    pub empty: &'static str,
    pub flag_set: &'static str,
    pub flag_unset: &'static str,
    pub confirm: &'static str,
    pub done: fn(&str) -> String,
    pub undone: &'static str,
    pub conflict: fn(&str) -> String,
    pub undo_refused: &'static str,
}
