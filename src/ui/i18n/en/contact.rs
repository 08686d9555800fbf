//! The British English texts of logging and planning contacts.

use super::super::keys::ContactTexts;

pub const CONTACT: ContactTexts = ContactTexts {
    log_open: "Log contact",
    form_title: "Log contact",
    date: "Date",
    channel: "Channel",
    direction: "Direction",
    reason: "Reason",
    hook: "Hook",
    hook_none: "no hook",
    result: "Outcome",
    follow_up: "Follow-up (optional)",
    note: "Note (optional)",
    save: "Save contact",
    saved: "Contact saved",
    reason_missing: "Please enter a reason.",
    date_invalid: "Please enter a valid date.",
};
