//! The keys of occasions (Anlässe) in the customer form and file.

pub struct OccasionTexts {
    pub none: &'static str,
    pub new: &'static str,
    pub kind: &'static str,
    pub kind_birthday: &'static str,
    pub kind_renewal: &'static str,
    pub kind_since: &'static str,
    pub kind_custom: &'static str,
    pub date: &'static str,
    pub birth_date: &'static str,
    pub renewal_date: &'static str,
    pub since_date: &'static str,
    pub contract: &'static str,
    pub label: &'static str,
    pub notice_months: &'static str,
    pub renews_yearly: &'static str,
    pub repeats_yearly: &'static str,
    pub add: &'static str,
    pub added_hint: &'static str,
    pub remove: fn(&str) -> String,
    /// The visible word on each occasion's edit button.
    pub edit: &'static str,
    /// The edit button's full name for screen readers, with the occasion.
    pub edit_label: fn(&str) -> String,
    /// The occasion fields' title while one is changed.
    pub edit_title: &'static str,
    /// The add button while one is changed: puts the change into the list.
    pub apply: &'static str,
    /// Beside the occasion being changed.
    pub editing: &'static str,
    pub err_date: &'static str,
    pub err_label: &'static str,
    pub err_notice: &'static str,
    pub yearly: &'static str,
    pub notice: fn(u32) -> String,
    pub next: fn(&str, &str, &str) -> String,
    pub none_ahead: &'static str,
    pub when: fn(i64) -> String,
    pub contract_ends: fn(&str, bool) -> String,
}
