//! The keys of logging and planning contacts.

pub struct ContactTexts {
    pub log_open: &'static str,
    pub form_title: &'static str,
    pub date: &'static str,
    pub channel: &'static str,
    pub direction: &'static str,
    pub reason: &'static str,
    pub hook: &'static str,
    pub hook_none: &'static str,
    pub result: &'static str,
    pub follow_up: &'static str,
    pub note: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub reason_missing: &'static str,
    pub date_invalid: &'static str,
}
