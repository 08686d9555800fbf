//! The German texts of logging and planning contacts.

use super::super::keys::ContactTexts;

pub const CONTACT: ContactTexts = ContactTexts {
    log_open: "Kontakt erfassen",
    form_title: "Kontakt erfassen",
    date: "Datum",
    channel: "Kanal",
    direction: "Richtung",
    reason: "Anlass",
    hook: "Aufhänger",
    hook_none: "kein Aufhänger",
    result: "Ergebnis",
    follow_up: "Wiedervorlage (optional)",
    note: "Notiz (optional)",
    save: "Kontakt speichern",
    saved: "Kontakt gespeichert",
    reason_missing: "Bitte einen Anlass angeben.",
    date_invalid: "Bitte ein gültiges Datum angeben.",
};
