//! Reading a customer list from a spreadsheet: the file as a table, each row checked
//! into customer fields or refused with its reasons, and duplicates found before
//! anything is written.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::phone::normalize_phone;
use crate::domain::customer::record::CustomerFields;
use crate::domain::customer::validation::{CustomerDraft, FieldError};
use crate::domain::dataset::Dataset;
use crate::domain::exchange::csv_decode::{
    decode_text, detect_separator, split_separator_hint, TextEncoding,
};
use crate::domain::exchange::csv_export::{hook_label, strip_formula_guard};
use crate::domain::exchange::csv_mapping::{CsvField, Mapping};
use crate::domain::exchange::csv_occasions::read_occasions;
use crate::domain::format::dates::parse_date;
use crate::domain::format::money::{parse_euro_cents, AmountError};
use crate::domain::format::text_fold::fold;
use crate::domain::ids::CustomerId;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One data row with the number a spreadsheet shows for it (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub number: usize,
    pub cells: Vec<String>,
}

impl CsvRow {
    /// The cell in `column`, empty when the row is shorter.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// The file as read: header names and the data rows. Rows whose cells are all blank,
/// as spreadsheets append them, are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
    pub separator: u8,
    pub encoding: TextEncoding,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvReadError {
    /// No text at all, or only blank lines.
    Empty,
    /// The first line holds no column names.
    NoHeader,
    Malformed {
        row: usize,
        message: String,
    },
}

/// Decodes the bytes of a file (see [`decode_text`]) and reads them as a table.
pub fn read_csv(bytes: &[u8]) -> Result<CsvTable, CsvReadError> {
    let decoded = decode_text(bytes);
    let mut table = parse_csv(&decoded.text)?;
    table.encoding = decoded.encoding;
    Ok(table)
}

/// Reads CSV text: separator from a "sep=" line or else guessed from the header,
/// quoted fields may hold separators, quotes and line breaks, rows may be ragged.
pub fn parse_csv(text: &str) -> Result<CsvTable, CsvReadError> {
    let text = text.trim_start_matches('\u{feff}');
    let (hint, text) = split_separator_hint(text);
    if text.trim().is_empty() {
        return Err(CsvReadError::Empty);
    }
    let separator = hint.unwrap_or_else(|| detect_separator(text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let mut headers = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvReadError::Malformed {
            row: e.position().map_or(0, |p| lines.row_at(p.byte())),
            message: e.to_string(),
        })?;
        let number = lines.row_at(record.position().map_or(0, |p| p.byte()));
        lines.skip_breaks_in(&record);
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if headers.is_none() {
            headers = Some(cells.iter().map(|h| h.trim().to_string()).collect());
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push(CsvRow { number, cells });
        }
    }
    let headers: Vec<String> = headers.ok_or(CsvReadError::Empty)?;
    if headers.iter().all(String::is_empty) {
        return Err(CsvReadError::NoHeader);
    }
    Ok(CsvTable {
        headers,
        rows,
        separator,
        encoding: TextEncoding::Utf8,
    })
}

/// Spreadsheet row numbers from byte offsets. A spreadsheet shows a quoted multi-line
/// cell as one row, so line breaks inside cells do not count; blank lines do.
struct LineCounter<'a> {
    text: &'a str,
    counted_to: usize,
    line_breaks: usize,
    breaks_in_cells: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            counted_to: 0,
            line_breaks: 0,
            breaks_in_cells: 0,
        }
    }

    /// The row of the record at `byte`. The reader may report a record as starting on
    /// the `\n` of the previous line's `\r\n`, so line breaks there are skipped.
    fn row_at(&mut self, byte: u64) -> usize {
        let bytes = self.text.as_bytes();
        let mut start = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.counted_to {
            self.line_breaks += line_breaks(bytes, self.counted_to..start);
            self.counted_to = start;
        }
        (1 + self.line_breaks)
            .saturating_sub(self.breaks_in_cells)
            .max(1)
    }

    fn skip_breaks_in(&mut self, record: &csv::StringRecord) {
        self.breaks_in_cells += record
            .iter()
            .map(|cell| line_breaks(cell.as_bytes(), 0..cell.len()))
            .sum::<usize>();
    }
}

/// `\n`, `\r\n` and a lone `\r` (old Mac files) each end one line.
fn line_breaks(bytes: &[u8], range: std::ops::Range<usize>) -> usize {
    range
        .filter(|i| match bytes[*i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        })
        .count()
}

/// How an imported row matches a customer already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DuplicateKey {
    Number,
    Email,
    Phone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateOf {
    Existing(CustomerId),
    /// An earlier row of the same file, by its spreadsheet row number.
    EarlierRow(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub of: DuplicateOf,
    pub key: DuplicateKey,
}

/// A row that reads cleanly into customer fields.
#[derive(Debug, Clone, PartialEq)]
pub struct GoodRow {
    pub row_number: usize,
    /// Complete fields for a new customer; unmapped or empty cells give defaults.
    pub fields: CustomerFields,
    /// The mapped fields this row has a value for: what an update overwrites.
    pub provided: Vec<CsvField>,
    pub duplicate: Option<Duplicate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadRowReason {
    NameMissing,
    /// The revenue or potential cell as written.
    AmountUnparsable(String),
    /// The class cell as written.
    ClassUnknown(String),
    /// The e-mail cell as written; the customer form would refuse it too.
    EmailInvalid(String),
    /// The potential-customer cell as written: neither yes nor no.
    PotentialFlagUnknown(String),
    /// A current note's text without a hook.
    NoteHookMissing,
    /// A hook or a date of a current note without its text.
    NoteTextMissing,
    /// The note's end date as written: not a date.
    NoteValidUntilUnparsable(String),
    /// The note's end date as written: before the day the note was written (the import
    /// day when the row gives none); the customer form would refuse it too.
    NoteValidUntilBeforeWritten(String),
    /// The note's written date as written: not a date.
    NoteWrittenUnparsable(String),
    /// The birthday cell as written: not a date.
    BirthdayUnparsable(String),
    /// The renewal day cell as written: not a date.
    RenewalUnparsable(String),
    /// The notice period as written: not a whole number of months.
    NoticeUnparsable(String),
    /// The "renews yearly" cell as written: neither yes nor no.
    RenewsYearlyUnknown(String),
    /// A contract name, notice period or yearly flag without the renewal day.
    RenewalMissing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub row_number: usize,
    /// Every problem of the row at once, never empty.
    pub reasons: Vec<BadRowReason>,
}

/// What an import would do, shown before anything is written. Both lists keep file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    pub good: Vec<GoodRow>,
    pub bad: Vec<BadRow>,
}

impl ImportPlan {
    pub fn row_count(&self) -> usize {
        self.good.len() + self.bad.len()
    }

    pub fn duplicates(&self) -> impl Iterator<Item = &GoodRow> {
        self.good.iter().filter(|r| r.duplicate.is_some())
    }
}

/// Checks every row and looks for duplicates among the known customers and earlier rows.
/// `today` dates a current note whose row does not say when it was written.
pub fn plan_import(
    table: &CsvTable,
    mapping: &Mapping,
    existing: &Dataset,
    today: NaiveDate,
) -> ImportPlan {
    let known = DuplicateIndex::of_dataset(existing);
    let mut earlier = DuplicateIndex::default();
    let mut plan = ImportPlan::default();
    for row in &table.rows {
        match read_row(row, mapping, today) {
            Ok((fields, provided)) => {
                let keys = DuplicateKeys::of(&fields);
                let duplicate = known
                    .find(&keys)
                    .map(|(key, id)| Duplicate {
                        of: DuplicateOf::Existing(CustomerId(id)),
                        key,
                    })
                    .or_else(|| {
                        earlier.find(&keys).map(|(key, row)| Duplicate {
                            of: DuplicateOf::EarlierRow(row as usize),
                            key,
                        })
                    });
                earlier.add(&keys, row.number as u64);
                plan.good.push(GoodRow {
                    row_number: row.number,
                    fields,
                    provided,
                    duplicate,
                });
            }
            Err(reasons) => plan.bad.push(BadRow {
                row_number: row.number,
                reasons,
            }),
        }
    }
    plan
}

/// A mapped cell, trimmed, with the export's formula guard taken off again.
fn mapped_cell(row: &CsvRow, mapping: &Mapping, field: CsvField) -> String {
    mapping
        .column(field)
        .map(|c| strip_formula_guard(row.cell(c).trim()).trim().to_string())
        .unwrap_or_default()
}

type RowResult = Result<(CustomerFields, Vec<CsvField>), Vec<BadRowReason>>;

/// The row through the same checks as the customer form, plus class, amount, flag, hook
/// and date forms the form never sees.
///
/// A current note needs its text and its hook; without "Vermerk vom" it is dated
/// `today`, as a note typed into the form would be.
fn read_row(row: &CsvRow, mapping: &Mapping, today: NaiveDate) -> RowResult {
    let cell = |field| mapped_cell(row, mapping, field);
    let provided: Vec<CsvField> = CsvField::ALL
        .into_iter()
        .filter(|f| !cell(*f).is_empty())
        .collect();
    let mut reasons = Vec::new();
    let class_text = cell(CsvField::Class);
    let class = parse_class(&class_text).unwrap_or_else(|| {
        reasons.push(BadRowReason::ClassUnknown(class_text.clone()));
        CustomerClass::O
    });
    let flag_text = cell(CsvField::PotentialFlag);
    let potential = parse_potential_flag(&flag_text).unwrap_or_else(|| {
        reasons.push(BadRowReason::PotentialFlagUnknown(flag_text.clone()));
        false
    });
    let note = read_note(&cell, today, &mut reasons);
    let occasions = read_occasions(&cell, &mut reasons);
    let revenue_text = cell(CsvField::Revenue);
    let potential_text = cell(CsvField::PotentialAmount);
    let draft = CustomerDraft {
        name: cell(CsvField::Name),
        company: cell(CsvField::Company),
        postcode: cell(CsvField::Postcode),
        contact_person: cell(CsvField::ContactPerson),
        phones: split_phones(&cell(CsvField::Phone)),
        email: cell(CsvField::Email),
        number: cell(CsvField::Number),
        revenue: without_currency(&revenue_text).to_string(),
        potential_amount: without_currency(&potential_text).to_string(),
        class,
        potential,
        tags: cell(CsvField::Tags),
        notes: cell(CsvField::Note),
        note_written: (!note.text.is_empty()).then_some(note.written),
        note_hook: note.hook_key,
        note_text: note.text,
        note_valid_until: note.valid_until.clone(),
        occasions,
    };
    // The form's date only stamps a new current note: here the day it was written.
    let fields = draft.validate(None, note.written);
    for error in fields.as_ref().err().into_iter().flatten() {
        reasons.push(match error {
            FieldError::NameMissing => BadRowReason::NameMissing,
            FieldError::EmailInvalid => BadRowReason::EmailInvalid(draft.email.clone()),
            FieldError::RevenueInvalid(_) => BadRowReason::AmountUnparsable(revenue_text.clone()),
            FieldError::PotentialInvalid(_) => {
                BadRowReason::AmountUnparsable(potential_text.clone())
            }
            // `read_note` passes a text only with a hook it has read.
            FieldError::NoteHookUnknown => BadRowReason::NoteHookMissing,
            FieldError::NoteValidUntilInvalid => {
                BadRowReason::NoteValidUntilUnparsable(note.valid_until.clone())
            }
            FieldError::NoteValidUntilBeforeWritten => {
                BadRowReason::NoteValidUntilBeforeWritten(note.valid_until.clone())
            }
        });
    }
    match fields {
        Ok(fields) if reasons.is_empty() => Ok((fields, provided)),
        _ => Err(reasons),
    }
}

/// The current note's cells, checked and put in the form's terms.
struct NoteCells {
    /// A [`HookKind`] key, empty when the note has no hook.
    hook_key: String,
    /// Empty when there is no note, or when its cells are refused.
    text: String,
    /// The end date as written.
    valid_until: String,
    written: NaiveDate,
}

fn read_note(
    cell: &dyn Fn(CsvField) -> String,
    today: NaiveDate,
    reasons: &mut Vec<BadRowReason>,
) -> NoteCells {
    let hook_text = cell(CsvField::NoteHook);
    let text = cell(CsvField::NoteText);
    let valid_until = cell(CsvField::NoteValidUntil);
    let written_text = cell(CsvField::NoteWritten);
    let written = match written_text.as_str() {
        "" => today,
        // The row is refused; the earliest day keeps the end date from being refused
        // as well, for a date that is not known.
        raw => parse_date(raw).unwrap_or_else(|| {
            reasons.push(BadRowReason::NoteWrittenUnparsable(written_text.clone()));
            NaiveDate::MIN
        }),
    };
    let hook = parse_hook(&hook_text);
    let mut note = NoteCells {
        hook_key: String::new(),
        text: String::new(),
        valid_until: String::new(),
        written,
    };
    if text.is_empty() {
        if !(hook_text.is_empty() && valid_until.is_empty() && written_text.is_empty()) {
            reasons.push(BadRowReason::NoteTextMissing);
        }
        return note;
    }
    match hook {
        Some(hook) => {
            note.hook_key = hook.key();
            note.text = text;
            note.valid_until = valid_until;
        }
        None => reasons.push(BadRowReason::NoteHookMissing),
    }
    note
}

/// "ja", "nein", "x", "1", "WAHR" …: what spreadsheets and people write for yes and no,
/// in any case; an empty cell is no. `None` for anything else.
pub fn parse_potential_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "x" | "1" | "true" | "wahr" => Some(true),
        "" | "nein" | "n" | "no" | "0" | "false" | "falsch" => Some(false),
        _ => None,
    }
}

/// A hook by its German label as the app and the export show it, or by its key
/// ("legal_change"), in any case and umlaut spelling; any other text is a custom hook
/// of that name. `None` for an empty cell.
pub fn parse_hook(text: &str) -> Option<HookKind> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let folded = fold(text);
    let built_in = HookKind::NAMED
        .into_iter()
        .find(|h| fold(&hook_label(h)) == folded || fold(&h.key()) == folded);
    Some(built_in.unwrap_or_else(|| HookKind::Custom(text.to_string())))
}

/// "A", "b", "A-Kunde", "Klasse C" or "O"; an empty cell means not yet classified (O),
/// as for a customer created by hand.
fn parse_class(text: &str) -> Option<CustomerClass> {
    if text.trim().is_empty() {
        return Some(CustomerClass::O);
    }
    let folded = fold(text);
    let core = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !["klasse", "kunde", "class", "customer"].contains(w))
        .collect::<Vec<_>>();
    match core.as_slice() {
        [letter] => CustomerClass::from_letter(letter),
        _ => None,
    }
}

/// "€ 1.234,50", "1.234,50 EUR" → "1.234,50"; the rest is [`parse_euro_cents`]' work.
fn without_currency(text: &str) -> &str {
    text.trim()
        .trim_start_matches(['€', ' ', '\u{a0}'])
        .trim_start_matches("EUR")
        .trim_end_matches("EUR")
        .trim_end_matches(['€', ' ', '\u{a0}'])
        .trim()
}

/// Reads an amount as the import does: currency signs around it, German or plain digits.
pub fn parse_import_amount(text: &str) -> Result<i64, AmountError> {
    parse_euro_cents(without_currency(strip_formula_guard(text.trim())))
}

/// Several numbers in one cell are separated by `,`, `;` or line breaks, as the export
/// writes them. A `/` never separates: German numbers use it after the area code
/// ("0171/2345678").
pub fn split_phones(cell: &str) -> Vec<String> {
    cell.split([',', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// The values a duplicate is recognised by, normalised.
struct DuplicateKeys {
    number: String,
    email: String,
    phones: Vec<String>,
}

impl DuplicateKeys {
    fn of(fields: &CustomerFields) -> Self {
        DuplicateKeys {
            number: fields.number.trim().to_lowercase(),
            email: fields.email.trim().to_lowercase(),
            phones: fields
                .phones
                .iter()
                .map(|p| normalize_phone(p))
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }
}

/// Lookup from each key to the first record (customer id or row number) holding it.
#[derive(Default)]
struct DuplicateIndex {
    by_key: HashMap<(DuplicateKey, String), u64>,
}

impl DuplicateIndex {
    fn of_dataset(dataset: &Dataset) -> Self {
        let mut index = DuplicateIndex::default();
        for customer in dataset.customers.values() {
            index.add(&DuplicateKeys::of(&customer.fields), customer.id.0);
        }
        index
    }

    fn add(&mut self, keys: &DuplicateKeys, owner: u64) {
        let number = (!keys.number.is_empty()).then_some((DuplicateKey::Number, &keys.number));
        let email = (!keys.email.is_empty()).then_some((DuplicateKey::Email, &keys.email));
        let phones = keys.phones.iter().map(|p| (DuplicateKey::Phone, p));
        for (key, value) in number.into_iter().chain(email).chain(phones) {
            self.by_key.entry((key, value.clone())).or_insert(owner);
        }
    }

    /// The strongest match: customer number, then e-mail, then any phone number.
    fn find(&self, keys: &DuplicateKeys) -> Option<(DuplicateKey, u64)> {
        let lookup = |key: DuplicateKey, value: &String| {
            (!value.is_empty())
                .then(|| self.by_key.get(&(key, value.clone())))
                .flatten()
                .map(|owner| (key, *owner))
        };
        lookup(DuplicateKey::Number, &keys.number)
            .or_else(|| lookup(DuplicateKey::Email, &keys.email))
            .or_else(|| {
                keys.phones
                    .iter()
                    .find_map(|p| lookup(DuplicateKey::Phone, p))
            })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "csv_tests.rs"]
mod tests;
