//! The keys of the restore preview.

pub struct RestoreTexts {
    pub title: &'static str,
    pub added: fn(usize) -> String,
    pub changed: fn(usize) -> String,
    pub removed: fn(usize) -> String,
    pub contacts: fn(usize) -> String,
    pub more: fn(usize) -> String,
    pub mode: &'static str,
    pub merge: &'static str,
    pub merge_hint: &'static str,
    pub replace: &'static str,
    pub replace_hint: fn(usize) -> String,
    pub apply_merge: &'static str,
    pub apply_replace: &'static str,
}
