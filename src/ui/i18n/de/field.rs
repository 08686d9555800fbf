//! The German texts of the customer form's fields.

use super::super::keys::FieldTexts;

pub const FIELD: FieldTexts = FieldTexts {
    name: "Name",
    company: "Firma",
    postcode: "PLZ",
    contact_person: "Ansprechpartner",
    phone: "Telefon",
    phone_add: "Weitere Nummer",
    phone_remove: "Nummer entfernen",
    email: "E-Mail",
    number: "Kundennummer",
    revenue: "Jahresumsatz (EUR)",
    potential_amount: "Geschätztes Potenzial (EUR)",
    class: "Klasse",
    class_reason: "Grund für den Klassenwechsel (optional)",
    potential: "Potenzialkunde markieren",
    tags: "Schlagworte / Produkte",
    tags_hint: "Mit Komma trennen, z. B. Kfz, Hausrat",
    notes: "Notizen",
};
