//! Customers and contacts as CSV for German Excel and LibreOffice: UTF-8 with a byte
//! order mark (without it Excel reads Windows-1252), `;` between cells, decimal commas,
//! dates as 27.11.2026.
//!
//! # Formula injection
//! A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage
//! return before one) as a formula, so such text cells get a leading `'`. Phone
//! numbers are the exception ([`is_plain_phone_text`]): a cell of nothing but digits,
//! spaces and `+ - / ( )` names no function and reaches no other cell, so it cannot
//! do harm, and LibreOffice shows the `'` of a guarded one. Such a cell is written as it
//! is, but only while it also has a separator inside ("+49 89 1234567"): LibreOffice
//! (checked under a German locale, `scripts/csv-libreoffice-check.py`) then keeps it
//! as text, where "+4989123456" or "-123" would become a number and lose its sign, so
//! those stay guarded. Amounts are not guarded: we write them ourselves as plain digits with an
//! optional minus, which spreadsheets read as numbers, and guarding them would turn
//! them into text that cannot be summed. The import takes the `'` off again (see
//! [`strip_formula_guard`]), so export followed by import gives back the same text.

use crate::domain::customer::contact::{Channel, Contact, ContactResult, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Customer;
use crate::domain::dataset::Dataset;
use crate::domain::exchange::csv_occasions::occasion_cells;
use crate::domain::format::dates::format_date;
use crate::domain::format::text_fold::fold;
use crate::domain::ids::LineId;
use chrono::Timelike;

/// The customer columns. All but the last two are what the import's mapping recognises,
/// in the order of [`CsvField::ALL`](crate::domain::exchange::csv_mapping::CsvField::ALL); the creation
/// day and the last contact are for reading in the spreadsheet and are ignored on import.
pub const CUSTOMER_HEADERS: [&str; 24] = [
    "Name",
    "Firma",
    "Ansprechpartner",
    "Telefon",
    "E-Mail",
    "Kundennummer",
    "Jahresumsatz",
    "Klasse",
    "Schlagworte",
    "Notizen",
    "Potenzial",
    "Potenzialkunde",
    "Aufhänger",
    "Vermerk",
    "Vermerk gültig bis",
    "Vermerk vom",
    "Geburtstag",
    "Vertrag",
    "Vertragsende",
    "Kündigungsfrist (Monate)",
    "Verlängert sich jährlich",
    "PLZ",
    "Angelegt",
    "Letzter Kontakt",
];

/// The objection comes last: it was added later, and earlier columns keep their place.
pub const CONTACT_HEADERS: [&str; 14] = [
    "Kundennummer",
    "Kunde",
    "Datum",
    "Uhrzeit",
    "Wer",
    "Kanal",
    "Richtung",
    "Anlass",
    "Aufhänger",
    "Gesprächseinstieg",
    "Ergebnis",
    "Wiedervorlage",
    "Notiz",
    "Einwand",
];

const BOM: &str = "\u{feff}";
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Writing to memory has no failure of its own; this carries what the CSV writer
/// reports should that ever change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvExportError(pub String);

/// True when a spreadsheet could take `text` for a formula, or when it begins with a
/// guard the import would take off (so a name like "'=x" survives the round trip).
fn needs_guard(text: &str) -> bool {
    starts_like_formula(text) && !is_plain_phone_text(text)
}

/// Phone numbers, several joined by ", ", each of digits and `+ - / ( )` and spaces
/// only, starting with a digit, `+` or `(`, with at least three digits and a separator
/// after the first character: text to every spreadsheet, never a formula or a number.
pub fn is_plain_phone_text(text: &str) -> bool {
    !text.is_empty()
        && text.split(", ").all(|number| {
            let digits = number.chars().filter(char::is_ascii_digit).count();
            let allowed = number
                .chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c));
            let starts = number.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(');
            let separated = number.chars().skip(1).any(|c| " +-/()".contains(c));
            allowed && starts && separated && digits >= 3 && number.trim() == number
        })
}

/// The old guard rule, before phone numbers were let through: also what the import
/// takes a `'` off, so files written either way read back the same.
fn starts_like_formula(mut text: &str) -> bool {
    loop {
        if text.trim_start_matches(' ').starts_with(FORMULA_STARTS) {
            return true;
        }
        match text.strip_prefix('\'') {
            Some(rest) => text = rest,
            None => return false,
        }
    }
}

/// The cell as written to the file: a `'` before anything a spreadsheet would run.
pub fn guard_formula(text: &str) -> String {
    if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Takes off the `'` [`guard_formula`] put before a cell, or an earlier export put
/// before a phone number; any other text is left as is.
pub fn strip_formula_guard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => text,
    }
}

/// "12345,67" or "-5,00": no thousands dots, so every spreadsheet reads a number.
fn plain_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

fn write_table(headers: &[&str], rows: Vec<Vec<String>>) -> Result<String, CsvExportError> {
    let failed = |e: csv::Error| CsvExportError(e.to_string());
    let mut buffer = BOM.as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut buffer);
        writer.write_record(headers).map_err(failed)?;
        for row in rows {
            writer.write_record(&row).map_err(failed)?;
        }
        writer.flush().map_err(|e| CsvExportError(e.to_string()))?;
    }
    String::from_utf8(buffer).map_err(|e| CsvExportError(e.to_string()))
}

/// Customers sorted by name, so the file reads like the customer list.
fn sorted_customers(dataset: &Dataset) -> Vec<&Customer> {
    let mut customers: Vec<&Customer> = dataset.customers.values().collect();
    customers.sort_by_cached_key(|c| (fold(&c.fields.name), c.id));
    customers
}

/// "ja" or "nein", as the import reads it back (see `parse_potential_flag`).
fn yes_no(flag: bool) -> &'static str {
    if flag {
        "ja"
    } else {
        "nein"
    }
}

/// Every customer, one row each; phone numbers and tags joined with ", ". The current
/// note takes four columns: its hook as the app shows it, its text, the day it ends
/// and the day it was written; all four are empty without a note.
pub fn customers_csv(dataset: &Dataset) -> Result<String, CsvExportError> {
    let rows = sorted_customers(dataset)
        .into_iter()
        .map(|c| {
            let f = &c.fields;
            let note = f.current_note.as_ref();
            let [birthday, contract, renewal, notice, yearly] = occasion_cells(&f.occasions);
            vec![
                guard_formula(&f.name),
                guard_formula(&f.company),
                guard_formula(&f.contact_person),
                guard_formula(&f.phones.join(", ")),
                guard_formula(&f.email),
                guard_formula(&f.number),
                plain_amount(f.revenue_cents),
                f.class.letter().to_string(),
                guard_formula(&f.tags.join(", ")),
                guard_formula(&f.notes),
                plain_amount(f.potential_cents),
                yes_no(f.potential).to_string(),
                guard_formula(&note.map(|n| hook_label(&n.hook)).unwrap_or_default()),
                guard_formula(note.map_or("", |n| n.text.as_str())),
                note.and_then(|n| n.valid_until)
                    .map(format_date)
                    .unwrap_or_default(),
                note.map(|n| format_date(n.written)).unwrap_or_default(),
                birthday,
                guard_formula(&contract),
                renewal,
                notice,
                yearly,
                // Digits pass the guard untouched; anything else typed here is guarded.
                guard_formula(&f.postcode),
                format_date(c.created),
                c.last_contact()
                    .map(|k| format_date(k.date()))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    write_table(&CUSTOMER_HEADERS, rows)
}

/// Every contact, grouped by customer and oldest first, with the words the app shows.
pub fn contacts_csv(dataset: &Dataset) -> Result<String, CsvExportError> {
    let mut rows = Vec::new();
    for customer in sorted_customers(dataset) {
        let mut contacts: Vec<&Contact> = customer.contacts.iter().collect();
        contacts.sort_by_key(|k| (k.at, k.id));
        for contact in contacts {
            let title = |line: Option<LineId>| {
                line.and_then(|id| dataset.playbook.iter().find(|l| l.id == id))
                    .map(|l| l.title.as_str())
                    .unwrap_or_default()
            };
            rows.push(vec![
                guard_formula(&customer.fields.number),
                guard_formula(&customer.fields.name),
                format_date(contact.date()),
                format!("{:02}:{:02}", contact.at.hour(), contact.at.minute()),
                guard_formula(&contact.who),
                channel_word(contact.channel).to_string(),
                direction_word(contact.direction).to_string(),
                guard_formula(&contact.reason),
                guard_formula(&contact.hook.as_ref().map(hook_label).unwrap_or_default()),
                guard_formula(title(contact.line)),
                result_word(contact.result).to_string(),
                contact.follow_up.map(format_date).unwrap_or_default(),
                guard_formula(&contact.note),
                guard_formula(title(contact.objection)),
            ]);
        }
    }
    write_table(&CONTACT_HEADERS, rows)
}

// The domain has no message catalog; these are the German words the app shows, so the
// file reads the same as the screen.

fn channel_word(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "Telefon",
        Channel::Email => "E-Mail",
        Channel::Visit => "Besuch",
        Channel::Letter => "Brief",
        Channel::Other => "Sonstiges",
    }
}

fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::Inbound => "eingehend",
        Direction::Outbound => "ausgehend",
    }
}

fn result_word(result: ContactResult) -> &'static str {
    match result {
        ContactResult::Reached => "erreicht",
        ContactResult::Interested => "interessiert",
        ContactResult::Appointment => "Termin vereinbart",
        ContactResult::Refused => "abgelehnt",
        ContactResult::NotReached => "nicht erreicht",
    }
}

/// The hook as the German catalog names it; a custom hook by its own label. The import
/// reads these labels back (see `parse_hook`).
pub fn hook_label(hook: &HookKind) -> String {
    match hook {
        HookKind::ExtraBenefit => "Vorschlag mit Zusatznutzen".into(),
        HookKind::LegalChange => "Gesetzliche Änderung".into(),
        HookKind::TimeLimitedPromotion => "Zeitlich begrenzte Aktion".into(),
        HookKind::SpecialAdvantage => "Besonderer Vorteil".into(),
        HookKind::ComprehensiveConsultation => "Rundum-Beratung".into(),
        HookKind::Occasion => "Anlass".into(),
        HookKind::Custom(label) => label.clone(),
    }
}
