//! Which spreadsheet column holds which customer field, guessed from German and English
//! header names and then adjusted by the user.

use super::text_fold::fold;

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
    Note,
}

impl CsvField {
    pub const ALL: [CsvField; 10] = [
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

/// Guesses the mapping from header names. First every header that is exactly a known
/// name is taken, then headers that start with one ("Telefon privat", "Umsatz 2025").
/// Without a name column the company column stands in, as business lists often name
/// customers by company only.
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let words: Vec<Vec<String>> = headers.iter().map(|h| header_words(h)).collect();
    let joined: Vec<String> = words.iter().map(|w| w.concat()).collect();
    let mut mapping = Mapping::default();
    let exact = |column: usize, known: &str| joined[column] == known;
    let leading = |column: usize, known: &str| words[column].first().is_some_and(|w| w == known);
    for matches in [&exact as &dyn Fn(usize, &str) -> bool, &leading] {
        for field in CsvField::ALL {
            if mapping.column(field).is_some() {
                continue;
            }
            let known: Vec<String> = field
                .header_names()
                .iter()
                .map(|n| header_words(n).concat())
                .collect();
            let free = (0..headers.len())
                .find(|c| mapping.field_of(*c).is_none() && known.iter().any(|k| matches(*c, k)));
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
