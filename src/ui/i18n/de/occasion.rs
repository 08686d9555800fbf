//! The German texts of occasions (Anlässe) in the customer form and file.

use super::super::keys::OccasionTexts;

pub const OCCASION: OccasionTexts = OccasionTexts {
    none: "Noch keine Anlässe.",
    new: "Anlass hinzufügen",
    kind: "Art des Anlasses",
    kind_birthday: "Geburtstag",
    kind_renewal: "Vertragsverlängerung",
    kind_since: "Kunde seit",
    kind_custom: "Eigener Anlass",
    date: "Datum",
    birth_date: "Geburtsdatum",
    renewal_date: "Vertragsende",
    since_date: "Kunde seit dem",
    contract: "Vertrag",
    label: "Bezeichnung",
    notice_months: "Kündigungsfrist (Monate)",
    renews_yearly: "Verlängert sich jährlich",
    repeats_yearly: "Jedes Jahr wieder",
    add: "Anlass hinzufügen",
    added_hint: "Hinzugefügte, geänderte und entfernte Anlässe werden mit „Speichern“ übernommen.",
    edit: "Bearbeiten",
    edit_label: |what| format!("Anlass „{what}“ bearbeiten"),
    edit_title: "Anlass bearbeiten",
    apply: "Übernehmen",
    editing: "wird bearbeitet",
    remove: |what| format!("Anlass „{what}“ entfernen"),
    err_date: "Bitte ein gültiges Datum für den Anlass angeben.",
    err_label: "Bitte den Vertrag bzw. den Anlass benennen.",
    err_notice: "Die Kündigungsfrist bitte in ganzen Monaten angeben (0 bis 60).",
    yearly: "jährlich",
    notice: |months| match months {
        1 => "1 Monat Kündigungsfrist".to_string(),
        n => format!("{n} Monate Kündigungsfrist"),
    },
    next: |what, date, when| format!("Als Nächstes: {what} am {date} ({when})"),
    none_ahead: "vorbei, kein weiterer Termin",
    when: |days| match days {
        0 => "heute".to_string(),
        1 => "morgen".to_string(),
        2 => "übermorgen".to_string(),
        -1 => "war gestern".to_string(),
        -2 => "war vorgestern".to_string(),
        n if n < 0 => format!("war vor {} Tagen", -n),
        n => format!("in {n} Tagen"),
    },
    contract_ends: |date, yearly| {
        if yearly {
            format!("(Vertrag verlängert sich am {date})")
        } else {
            format!("(Vertrag läuft am {date} aus)")
        }
    },
};
