//! Which spreadsheet column holds which customer field, guessed from German and English
//! header names and then adjusted by the user.

use crate::domain::format::text_fold::fold;

/// A customer field a CSV column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CsvField {
    Name,
    Company,
    ContactPerson,
    Phone,
    Email,
    Number,
    Revenue,
    Class,
    Tags,
    /// The free notes field.
    Note,
    /// The estimated potential in euros.
    PotentialAmount,
    /// Whether the customer is marked as a potential customer.
    PotentialFlag,
    /// The current note's hook ("Aufhänger"), as its German label or its key.
    NoteHook,
    /// The current note's text ("Vermerk").
    NoteText,
    /// The last day the current note applies.
    NoteValidUntil,
    /// The day the current note was written.
    NoteWritten,
    /// The customer's birthday (an occasion).
    Birthday,
    /// The name of the contract whose renewal the next two columns give.
    Contract,
    /// The day the contract ends or renews.
    RenewalDate,
    /// The contract's notice period in months ("3", "3 Monate").
    NoticeMonths,
    /// Whether the contract renews every year (ja/nein).
    RenewsYearly,
    /// The postcode (PLZ). Last, as it came last: earlier fields keep their place.
    Postcode,
}

impl CsvField {
    pub const ALL: [CsvField; 22] = [
        Self::Name,
        Self::Company,
        Self::ContactPerson,
        Self::Phone,
        Self::Email,
        Self::Number,
        Self::Revenue,
        Self::Class,
        Self::Tags,
        Self::Note,
        Self::PotentialAmount,
        Self::PotentialFlag,
        Self::NoteHook,
        Self::NoteText,
        Self::NoteValidUntil,
        Self::NoteWritten,
        Self::Birthday,
        Self::Contract,
        Self::RenewalDate,
        Self::NoticeMonths,
        Self::RenewsYearly,
        Self::Postcode,
    ];

    /// Stable key for forms and test ids (`csv-map-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Company => "company",
            Self::ContactPerson => "contact_person",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Number => "number",
            Self::Revenue => "revenue",
            Self::Class => "class",
            Self::Tags => "tags",
            Self::Note => "note",
            Self::PotentialAmount => "potential_amount",
            Self::PotentialFlag => "potential",
            Self::NoteHook => "note_hook",
            Self::NoteText => "note_text",
            Self::NoteValidUntil => "note_valid_until",
            Self::NoteWritten => "note_written",
            Self::Birthday => "birthday",
            Self::Contract => "contract",
            Self::RenewalDate => "renewal_date",
            Self::NoticeMonths => "notice_months",
            Self::RenewsYearly => "renews_yearly",
            Self::Postcode => "postcode",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Header names this field is known by, written as they appear; they are folded
    /// the same way as the headers before comparing.
    fn header_names(self) -> &'static [&'static str] {
        match self {
            Self::Name => &[
                "Name",
                "Kunde",
                "Kundenname",
                "Customer",
                "Customer name",
                "Full name",
            ],
            Self::Company => &[
                "Firma",
                "Firmenname",
                "Unternehmen",
                "Company",
                "Organisation",
                "Organization",
            ],
            Self::ContactPerson => &[
                "Ansprechpartner",
                "Ansprechpartnerin",
                "Ansprechperson",
                "Kontaktperson",
                "Contact",
                "Contact person",
                "Contact name",
            ],
            Self::Phone => &[
                "Telefon",
                "Telefonnummer",
                "Tel",
                "Tel.-Nr.",
                "Mobil",
                "Mobilnummer",
                "Handy",
                "Phone",
                "Phone number",
                "Mobile",
            ],
            Self::Email => &["E-Mail", "E-Mail-Adresse", "Mail", "Email address"],
            Self::Number => &[
                "Kundennummer",
                "Kundennr",
                "Kd.-Nr.",
                "KNr",
                "Nummer",
                "Customer number",
                "Customer no",
                "Customer ID",
                "Number",
            ],
            Self::Revenue => &[
                "Umsatz",
                "Jahresumsatz",
                "Revenue",
                "Annual revenue",
                "Sales",
            ],
            Self::Class => &[
                "Klasse",
                "Kundenklasse",
                "ABC",
                "ABC-Klasse",
                "Class",
                "Customer class",
            ],
            Self::Tags => &[
                "Tags",
                "Tag",
                "Schlagworte",
                "Schlagwörter",
                "Stichworte",
                "Produkte",
                "Keywords",
            ],
            Self::Note => &[
                "Notiz",
                "Notizen",
                "Bemerkung",
                "Bemerkungen",
                "Anmerkung",
                "Anmerkungen",
                "Kommentar",
                "Note",
                "Notes",
                "Comment",
            ],
            Self::PotentialAmount => &[
                "Potenzial",
                "Potenzial (EUR)",
                "Geschätztes Potenzial",
                "Geschätztes Potenzial (EUR)",
                "Potential",
                "Potential (EUR)",
                "Estimated potential",
            ],
            Self::PotentialFlag => &["Potenzialkunde", "Potenzial-Kunde", "Potential customer"],
            Self::NoteHook => &["Aufhänger", "Vermerk Aufhänger", "Hook", "Note hook"],
            Self::NoteText => &[
                "Vermerk",
                "Aktueller Vermerk",
                "Vermerk Text",
                "Current note",
                "Note text",
            ],
            // Not a bare "Gültig bis": a list may mean a contract by it.
            Self::NoteValidUntil => &["Vermerk gültig bis", "Vermerk bis", "Note valid until"],
            Self::NoteWritten => &[
                "Vermerk vom",
                "Vermerkt am",
                "Vermerk Datum",
                "Note written",
                "Note date",
            ],
            Self::Birthday => &[
                "Geburtstag",
                "Geburtsdatum",
                "Geb.-Datum",
                "Geboren am",
                "Birthday",
                "Date of birth",
                "Birth date",
            ],
            Self::Contract => &["Vertrag", "Vertragsart", "Sparte", "Contract"],
            Self::RenewalDate => &[
                "Vertragsende",
                "Vertragsablauf",
                "Ablauf",
                "Ablaufdatum",
                "Hauptfälligkeit",
                "Verlängerung am",
                "Renewal date",
                "Contract end",
            ],
            Self::NoticeMonths => &[
                "Kündigungsfrist",
                "Kündigungsfrist (Monate)",
                "Notice period",
                "Notice months",
            ],
            Self::RenewsYearly => &[
                "Verlängert sich jährlich",
                "Jährliche Verlängerung",
                "Renews yearly",
            ],
            Self::Postcode => &[
                "PLZ",
                "Postleitzahl",
                "Postcode",
                "Post code",
                "Postal code",
                "ZIP",
                "ZIP code",
                "Zipcode",
            ],
        }
    }
}

/// For each field, the column (0-based) it is read from, if any. No column serves two
/// fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mapping {
    columns: [Option<usize>; CsvField::ALL.len()],
}

impl Mapping {
    pub fn column(&self, field: CsvField) -> Option<usize> {
        self.columns[field.index()]
    }

    /// The field a column is mapped to, for showing the choice beside each column.
    pub fn field_of(&self, column: usize) -> Option<CsvField> {
        CsvField::ALL
            .into_iter()
            .find(|f| self.column(*f) == Some(column))
    }

    /// Maps `field` to `column`; a field that had this column before loses it, so the
    /// user's latest choice wins.
    pub fn set(&mut self, field: CsvField, column: Option<usize>) {
        if column.is_some() {
            for slot in self.columns.iter_mut().filter(|c| **c == column) {
                *slot = None;
            }
        }
        self.columns[field.index()] = column;
    }
}

/// Header text reduced to comparable words: folded umlauts, case and punctuation gone.
fn header_words(header: &str) -> Vec<String> {
    fold(header)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How closely a header matches a known name: the number of the name's words the
/// header starts with, or `None` when it starts with none of them.
fn leading_match(header: &[String], known: &[String]) -> Option<usize> {
    let starts_with_words = !known.is_empty() && header.starts_with(known);
    let first_is_joined = header.first().is_some_and(|w| *w == known.concat());
    (starts_with_words || first_is_joined).then_some(known.len())
}

/// Guesses the mapping from header names. First every header that is exactly a known
/// name is taken, then headers that start with one ("Telefon privat", "Umsatz 2025").
/// A header that starts with the longer name of another field is left to that field,
/// so "Vermerk gültig bis 2026" is not read as the note's text ("Vermerk") and
/// "Customer number 2" not as the name ("Customer").
/// Without a name column the company column stands in, as business lists often name
/// customers by company only.
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let words: Vec<Vec<String>> = headers.iter().map(|h| header_words(h)).collect();
    let joined: Vec<String> = words.iter().map(|w| w.concat()).collect();
    let known: Vec<Vec<Vec<String>>> = CsvField::ALL
        .into_iter()
        .map(|f| f.header_names().iter().map(|n| header_words(n)).collect())
        .collect();
    // How many words of a field's closest name lead the header, if any do.
    let closeness = |field: CsvField, column: usize| {
        known[field.index()]
            .iter()
            .filter_map(|k| leading_match(&words[column], k))
            .max()
    };
    let closest = |column: usize| {
        CsvField::ALL
            .into_iter()
            .filter_map(|f| closeness(f, column))
            .max()
    };
    let exact = |field: CsvField, column: usize| {
        known[field.index()]
            .iter()
            .any(|k| joined[column] == k.concat())
    };
    let leading = |field: CsvField, column: usize| {
        closeness(field, column).is_some_and(|n| Some(n) == closest(column))
    };
    let mut mapping = Mapping::default();
    for matches in [&exact as &dyn Fn(CsvField, usize) -> bool, &leading] {
        for field in CsvField::ALL {
            if mapping.column(field).is_some() {
                continue;
            }
            let free =
                (0..headers.len()).find(|c| mapping.field_of(*c).is_none() && matches(field, *c));
            if free.is_some() {
                mapping.set(field, free);
            }
        }
    }
    if mapping.column(CsvField::Name).is_none() {
        let company = mapping.column(CsvField::Company);
        mapping.set(CsvField::Name, company);
    }
    mapping
}
