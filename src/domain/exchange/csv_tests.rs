use super::*;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Channel, Contact, ContactResult, Direction};
use crate::domain::customer::hook::{CurrentNote, HookKind};
use crate::domain::customer::record::{Actor, Customer, CustomerFields};
use crate::domain::customer::validation::split_tags;
use crate::domain::dataset::Dataset;
use crate::domain::exchange::csv_apply::{
    apply_import, DuplicateChoice, ImportCounts, ImportOutcome,
};
use crate::domain::exchange::csv_decode::{decode_text, detect_separator, TextEncoding};
use crate::domain::exchange::csv_export::{
    contacts_csv, customers_csv, guard_formula, hook_label, strip_formula_guard, CUSTOMER_HEADERS,
};
use crate::domain::exchange::csv_mapping::{guess_mapping, CsvField, Mapping};
use crate::domain::ids::{ContactId, CustomerId};
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use std::collections::HashSet;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
}

fn actor() -> Actor {
    Actor {
        who: "Anna".into(),
        at: today().and_hms_opt(9, 30, 0).expect("valid"),
    }
}

fn customer(id: u64, fields: CustomerFields) -> Customer {
    Customer::new(
        CustomerId(id),
        fields,
        NaiveDate::from_ymd_opt(2025, 3, 4).expect("valid"),
    )
}

fn dataset_of(customers: Vec<Customer>) -> Dataset {
    let mut ds = Dataset::default();
    for c in customers {
        ds.customers.insert(c.id, c);
    }
    ds
}

fn known() -> Dataset {
    dataset_of(vec![
        customer(
            10,
            CustomerFields {
                name: "Jana Müller".into(),
                number: "K-0007".into(),
                email: "Jana@Example.de".into(),
                phones: vec!["0171 2345678".into()],
                tags: vec!["Kfz".into()],
                class: CustomerClass::B,
                ..Default::default()
            },
        ),
        customer(
            20,
            CustomerFields {
                name: "Otto Weber".into(),
                phones: vec!["+49 221 998877".into()],
                ..Default::default()
            },
        ),
    ])
}

fn table(text: &str) -> CsvTable {
    parse_csv(text).expect("readable csv")
}

fn plan(text: &str, existing: &Dataset) -> ImportPlan {
    let t = table(text);
    plan_import(&t, &guess_mapping(&t.headers), existing, today())
}

/// Ids 1000, 1001, … for new customers.
fn counter() -> impl FnMut() -> CustomerId {
    let mut next = 1000;
    move || {
        next += 1;
        CustomerId(next)
    }
}

// --- amounts, classes, dates ---

#[test]
fn german_amounts_with_and_without_currency() {
    let cases = [
        ("12.345,67", 1_234_567),
        ("12345,67", 1_234_567),
        ("12345", 1_234_500),
        ("1.234", 123_400),
        ("€ 1.234,50", 123_450),
        ("1.234,50 €", 123_450),
        ("1.234,50 EUR", 123_450),
        ("EUR 99", 9_900),
        ("-5,00", -500),
        ("'-5,00", -500),
        ("", 0),
    ];
    for (text, cents) in cases {
        assert_eq!(parse_import_amount(text), Ok(cents), "{text}");
    }
    assert!(parse_import_amount("zwölf").is_err());
}

#[test]
fn bad_rows_name_every_reason_with_the_text_as_written() {
    let p = plan(
        "Name;Umsatz;Klasse;E-Mail\n\
         ;12,00;A;\n\
         Müller;zwölf;X;\n\
         Weber;1.234,50;b;weber@\n\
         Schulz;;;\n",
        &Dataset::default(),
    );
    assert_eq!(p.row_count(), 4);
    assert_eq!(p.bad.len(), 3);
    assert_eq!(
        p.bad[0],
        BadRow {
            row_number: 2,
            reasons: vec![BadRowReason::NameMissing]
        }
    );
    assert_eq!(p.bad[1].row_number, 3);
    assert!(p.bad[1]
        .reasons
        .contains(&BadRowReason::AmountUnparsable("zwölf".into())));
    assert!(p.bad[1]
        .reasons
        .contains(&BadRowReason::ClassUnknown("X".into())));
    assert_eq!(
        p.bad[2].reasons,
        vec![BadRowReason::EmailInvalid("weber@".into())]
    );
    let schulz = &p.good[0];
    assert_eq!(schulz.row_number, 5);
    assert_eq!(schulz.fields.class, CustomerClass::O, "empty class is O");
    assert_eq!(schulz.fields.revenue_cents, 0, "empty amount is 0");
    assert_eq!(schulz.provided, vec![CsvField::Name]);
}

#[test]
fn class_cells_in_several_spellings() {
    let p = plan(
        "Name;Klasse\nA1;a\nA2;A-Kunde\nA3;Klasse C\nA4;0\nA5;AB\n",
        &Dataset::default(),
    );
    let classes: Vec<_> = p.good.iter().map(|r| r.fields.class).collect();
    use CustomerClass::{A, C, O};
    assert_eq!(classes, vec![A, A, C, O]);
    assert_eq!(
        p.bad[0].reasons,
        vec![BadRowReason::ClassUnknown("AB".into())]
    );
}

#[test]
fn exports_write_german_dates_and_decimal_commas() {
    let mut c = customer(
        1,
        CustomerFields {
            name: "Jana Müller".into(),
            revenue_cents: 1_234_567,
            potential_cents: -250,
            ..Default::default()
        },
    );
    c.contacts.push(Contact {
        who: "Anna".into(),
        hook: Some(HookKind::LegalChange),
        result: ContactResult::Appointment,
        follow_up: NaiveDate::from_ymd_opt(2026, 12, 1),
        note: "=HYPERLINK(\"x\")".into(),
        ..Contact::call(
            ContactId(5),
            today().and_hms_opt(14, 5, 0).expect("valid"),
            Direction::Outbound,
            "Kfz-Wechsel",
        )
    });
    let ds = dataset_of(vec![c]);
    let customers = customers_csv(&ds).expect("exports");
    assert!(customers.starts_with("\u{feff}Name;Firma;"));
    assert!(customers.ends_with("\r\n"));
    assert!(customers
        .contains("Jana Müller;;;;;;12345,67;O;;;-2,50;nein;;;;;;;;;;;04.03.2025;27.11.2026\r\n"));
    let contacts = contacts_csv(&ds).expect("exports");
    assert!(contacts.contains(
        ";Jana Müller;27.11.2026;14:05;Anna;Telefon;ausgehend;Kfz-Wechsel;\
         Gesetzliche Änderung;;Termin vereinbart;01.12.2026;\"'=HYPERLINK(\"\"x\"\")\";\r\n"
    ));
}

// --- encoding and separators ---

#[test]
fn utf8_with_and_without_bom() {
    let with_bom = decode_text("\u{feff}Name;Größe".as_bytes());
    assert_eq!(with_bom.encoding, TextEncoding::Utf8WithBom);
    assert_eq!(with_bom.text, "Name;Größe");
    let plain = decode_text("Name;Größe".as_bytes());
    assert_eq!(
        (plain.encoding, plain.text.as_str()),
        (TextEncoding::Utf8, "Name;Größe")
    );
    let t = read_csv("\u{feff}Name;Firma\nMüller;X\n".as_bytes()).expect("readable");
    assert_eq!(t.headers, vec!["Name", "Firma"]);
    assert_eq!(t.encoding, TextEncoding::Utf8WithBom);
}

#[test]
fn windows_1252_bytes_become_umlauts_and_the_euro_sign() {
    let bytes = b"Name;Umsatz\nM\xFCller;\x80 12,50\nStra\xDFe \x84x\x93;1\n";
    let t = read_csv(bytes).expect("readable");
    assert_eq!(t.encoding, TextEncoding::Windows1252);
    assert_eq!(t.rows[0].cells, vec!["Müller", "€ 12,50"]);
    assert_eq!(t.rows[1].cell(0), "Straße „x“");
    let p = plan_import(&t, &guess_mapping(&t.headers), &Dataset::default(), today());
    assert_eq!(p.good[0].fields.revenue_cents, 1_250);
}

#[test]
fn utf16_from_excel_unicode_text() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Name\tTelefon\r\nÖzil\t0171\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let t = read_csv(&bytes).expect("readable");
    assert_eq!((t.encoding, t.separator), (TextEncoding::Utf16Le, b'\t'));
    assert_eq!(t.rows[0].cells, vec!["Özil", "0171"]);
}

#[test]
fn separator_from_the_header_outside_quotes() {
    assert_eq!(detect_separator("Name;Firma;Umsatz\n1,2,3,4,5"), b';');
    assert_eq!(detect_separator("Name,Company,Revenue"), b',');
    assert_eq!(detect_separator("Name\tFirma"), b'\t');
    assert_eq!(detect_separator("\"Umsatz, netto\";Name"), b';');
    assert_eq!(detect_separator("\"a;b;c\",Name,Firma"), b',');
    assert_eq!(detect_separator("Name"), b';');
    assert_eq!(detect_separator(""), b';');
    let hinted = table("sep=,\nName;Firma,Umsatz\nA;B,1\n");
    assert_eq!(hinted.separator, b',');
    assert_eq!(hinted.headers, vec!["Name;Firma", "Umsatz"]);
    assert_eq!(hinted.rows[0].number, 2);
}

#[test]
fn unreadable_input_is_a_typed_error() {
    assert_eq!(parse_csv(""), Err(CsvReadError::Empty));
    assert_eq!(parse_csv("\u{feff}\r\n\n  \n"), Err(CsvReadError::Empty));
    assert_eq!(read_csv(b""), Err(CsvReadError::Empty));
    assert_eq!(parse_csv(";;;\nA;B\n"), Err(CsvReadError::NoHeader));
    assert_eq!(parse_csv("sep=;\n"), Err(CsvReadError::Empty));
}

// --- quoting and row numbers ---

#[test]
fn quoted_fields_hold_separators_quotes_and_line_breaks() {
    let t = table(
        "Name;Notiz;Telefon\r\n\
         \"Müller; Söhne\";\"Zeile 1\r\nZeile 2\";0171\r\n\
         \r\n\
         \"Der \"\"Chef\"\"\";\"a\nb\nc\";\r\n\
         Kurz\r\n\
         ;;\r\n",
    );
    assert_eq!(t.rows.len(), 3, "the all-blank row is left out");
    assert_eq!(
        t.rows[0].cells,
        vec!["Müller; Söhne", "Zeile 1\r\nZeile 2", "0171"]
    );
    assert_eq!(t.rows[1].cells, vec!["Der \"Chef\"", "a\nb\nc", ""]);
    assert_eq!(t.rows[2].cells, vec!["Kurz"]);
    assert_eq!(t.rows[2].cell(2), "");
    // Spreadsheet rows: header 1, Müller 2, blank line 3, Chef 4, Kurz 5.
    let numbers: Vec<_> = t.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, vec![2, 4, 5]);
    let p = plan_import(&t, &guess_mapping(&t.headers), &Dataset::default(), today());
    assert_eq!(p.good[0].fields.notes, "Zeile 1\r\nZeile 2");
    assert_eq!(p.good[2].fields.name, "Kurz");
}

#[test]
fn several_phone_numbers_in_one_cell() {
    assert_eq!(
        split_phones("0171/2345678, +49 221 998877; 030 123\n040 5"),
        vec!["0171/2345678", "+49 221 998877", "030 123", "040 5"]
    );
    assert!(split_phones(" , ").is_empty());
}

// --- formula injection ---

#[test]
fn formula_starts_get_a_guard_that_the_import_takes_off() {
    for text in [
        "=SUM(A1)",
        "+4917123",
        "-1",
        "@x",
        "\t=1",
        "\r=1",
        " =1",
        "'=1",
        "''+",
        "+49 171 =1",
        "+49 171 @x",
        "+49 171 Zentrale",
        "-123",
        "+1",
        "-",
        "+49 171,",
    ] {
        let guarded = guard_formula(text);
        assert_eq!(guarded, format!("'{text}"));
        assert_eq!(strip_formula_guard(&guarded), text);
    }
    // An earlier export guarded phone numbers too: the import still takes that off.
    assert_eq!(strip_formula_guard("'+49 171 2345678"), "+49 171 2345678");
    for text in [
        "Müller",
        "'Hallo",
        "0171",
        "",
        "a=b",
        "'",
        "1-2",
        "+49 171",
        "+49 89 1234567",
        "+49-89-1234567",
        "+49 (0)89 123",
        "(089) 123-456",
        "+49/89/123",
        "+49 171 2345678, 0221 998877",
    ] {
        assert_eq!(guard_formula(text), text);
        assert_eq!(strip_formula_guard(text), text);
    }
}

#[test]
fn exported_cells_are_neutralised_but_amounts_stay_numbers() {
    let ds = dataset_of(vec![customer(
        1,
        CustomerFields {
            name: "=cmd|' /C calc'!A0".into(),
            company: "@Firma".into(),
            phones: vec!["+49 171 2345678".into(), "0221 99".into()],
            revenue_cents: -1_000,
            tags: vec!["-rabatt".into()],
            ..Default::default()
        },
    )]);
    let text = customers_csv(&ds).expect("exports");
    let row = text.lines().nth(1).expect("one row");
    assert!(row
        .starts_with("'=cmd|' /C calc'!A0;'@Firma;;+49 171 2345678, 0221 99;;;-10,00;O;'-rabatt;"));
}

// --- duplicates ---

#[test]
fn duplicates_by_number_email_and_phone() {
    let p = plan(
        "Name;Kundennummer;E-Mail;Telefon\n\
         Jana M.; k-0007 ;;\n\
         J. Müller;;JANA@example.DE;\n\
         Otto;;;0049 (0)221/998877\n\
         Otto 2;;;+49 171 2345678\n\
         Neu;K-9;neu@example.de;030 1234\n\
         Leer;;;-\n",
        &known(),
    );
    let dup = |i: usize| p.good[i].duplicate;
    let existing = |id, key| {
        Some(Duplicate {
            of: DuplicateOf::Existing(CustomerId(id)),
            key,
        })
    };
    assert_eq!(dup(0), existing(10, DuplicateKey::Number));
    assert_eq!(dup(1), existing(10, DuplicateKey::Email));
    assert_eq!(dup(2), existing(20, DuplicateKey::Phone));
    assert_eq!(dup(3), existing(10, DuplicateKey::Phone));
    assert_eq!(dup(4), None);
    assert_eq!(dup(5), None, "a phone cell without digits matches nothing");
    assert_eq!(p.duplicates().count(), 4);
}

#[test]
fn later_rows_duplicate_earlier_ones_of_the_same_file() {
    let p = plan(
        "Name;Kundennummer;E-Mail;Telefon\n\
         Anna;;anna@example.de;\n\
         Anna B.;;ANNA@example.de;0171 111\n\
         Anna C.;;;+49171111\n\
         Jana;K-0007;anna@example.de;\n",
        &known(),
    );
    let of = |i: usize| p.good[i].duplicate.map(|d| (d.of, d.key));
    assert_eq!(of(0), None);
    assert_eq!(
        of(1),
        Some((DuplicateOf::EarlierRow(2), DuplicateKey::Email))
    );
    assert_eq!(
        of(2),
        Some((DuplicateOf::EarlierRow(3), DuplicateKey::Phone))
    );
    assert_eq!(
        of(3),
        Some((DuplicateOf::Existing(CustomerId(10)), DuplicateKey::Number)),
        "a known customer matches before an earlier row"
    );
}

// --- applying ---

const UPDATE_FILE: &str = "Name;Kundennummer;Telefon;Klasse;Schlagworte;Notizen;Umsatz\n\
     Jana Müller-Schulz;K-0007;0171/2345678, 0160 555;A;kfz, Rente;;\n\
     Neu GmbH;K-0100;;;;Erstkontakt;1.000\n\
     Neu GmbH Filiale;K-0100;;;;;\n\
     ;;;;;;\n\
     Ohne Namen;;;;;x;\n\
     ;K-1;;;;;\n";

#[test]
fn skip_leaves_duplicates_alone() {
    let ds = known();
    let p = plan(UPDATE_FILE, &ds);
    let out = apply_import(&p, DuplicateChoice::Skip, &ds, &actor(), counter());
    assert_eq!((out.added, out.updated, out.skipped, out.bad), (2, 0, 2, 1));
    let names: Vec<_> = out
        .customers_to_write
        .iter()
        .map(|c| c.fields.name.as_str())
        .collect();
    assert_eq!(names, vec!["Neu GmbH", "Ohne Namen"]);
    let neu = &out.customers_to_write[0];
    assert_eq!(
        (neu.id, neu.rev, neu.created),
        (CustomerId(1001), 1, today())
    );
    assert_eq!(neu.fields.revenue_cents, 100_000);
}

#[test]
fn update_overwrites_only_what_the_row_has() {
    let mut ds = known();
    let jana = ds.customers.get_mut(&CustomerId(10)).expect("known");
    jana.fields.notes = "Alte Notiz".into();
    jana.contacts.push(Contact {
        who: "Anna".into(),
        channel: Channel::Email,
        ..Contact::call(ContactId(1), actor().at, Direction::Inbound, "Frage")
    });
    let before = ds.customers[&CustomerId(10)].clone();
    let p = plan(UPDATE_FILE, &ds);
    let out = apply_import(&p, DuplicateChoice::Update, &ds, &actor(), counter());
    assert_eq!((out.added, out.updated, out.skipped, out.bad), (2, 2, 0, 1));
    assert_eq!(out.customers_to_write.len(), 3);
    let updated = &out.customers_to_write[0];
    assert_eq!(updated.id, CustomerId(10));
    assert_eq!(updated.rev, before.rev + 1);
    assert_eq!(updated.fields.name, "Jana Müller-Schulz");
    assert_eq!(updated.fields.email, before.fields.email, "not in the file");
    assert_eq!(
        updated.fields.notes, "Alte Notiz",
        "empty cell keeps the value"
    );
    assert_eq!(updated.fields.phones, vec!["0171 2345678", "0160 555"]);
    assert_eq!(updated.fields.tags, vec!["Kfz", "Rente"]);
    assert_eq!(updated.contacts, before.contacts);
    assert_eq!(updated.class_changes.len(), 1);
    let change = &updated.class_changes[0];
    assert_eq!(
        (change.from, change.to, change.source, change.at),
        (
            CustomerClass::B,
            CustomerClass::A,
            crate::domain::customer::class_change::ChangeSource::Import,
            actor().at
        )
    );
    // The branch row updates the customer its earlier row created.
    let neu = &out.customers_to_write[1];
    assert_eq!((neu.fields.name.as_str(), neu.rev), ("Neu GmbH Filiale", 1));
    assert_eq!(neu.fields.notes, "Erstkontakt");
    assert!(neu.class_changes.is_empty());
}

#[test]
fn an_update_that_changes_nothing_is_counted_but_not_written() {
    let ds = known();
    let p = plan("Name;Kundennummer\nJana Müller;K-0007\n", &ds);
    let out = apply_import(&p, DuplicateChoice::Update, &ds, &actor(), counter());
    assert_eq!((out.updated, out.customers_to_write.len()), (1, 0));
}

#[test]
fn import_as_new_ignores_duplicates_and_never_reuses_ids() {
    let ds = known();
    let p = plan(UPDATE_FILE, &ds);
    // A source that keeps offering taken ids must not stall the import.
    let out = apply_import(&p, DuplicateChoice::ImportAsNew, &ds, &actor(), || {
        CustomerId(10)
    });
    assert_eq!((out.added, out.updated, out.skipped, out.bad), (4, 0, 0, 1));
    let ids: HashSet<_> = out.customers_to_write.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 4);
    assert!(ids
        .iter()
        .all(|id| !ds.customers.contains_key(id) && id.0 != 0));
}

#[test]
fn contacts_export_custom_hooks_and_times_to_the_minute() {
    // Contacts keep their time of day; a second past the minute is dropped, not rounded.
    let at: NaiveDateTime = today().and_hms_opt(23, 59, 59).expect("valid");
    let mut c = customer(
        1,
        CustomerFields {
            name: "Spät".into(),
            ..Default::default()
        },
    );
    c.contacts.push(Contact {
        id: ContactId(1),
        at,
        who: String::new(),
        channel: Channel::Other,
        direction: Direction::Inbound,
        reason: String::new(),
        hook: Some(HookKind::Custom("Jubiläum".into())),
        line: None,
        result: ContactResult::NotReached,
        follow_up: None,
        note: String::new(),
        interval_override: None,
        objection: None,
    });
    let text = contacts_csv(&dataset_of(vec![c])).expect("exports");
    assert!(text
        .contains(";Spät;27.11.2026;23:59;;Sonstiges;eingehend;;Jubiläum;;nicht erreicht;;;\r\n"));
}

#[test]
fn the_objection_heard_is_the_last_contact_column_by_its_title() {
    use crate::domain::playbook::starter::starter_playbook;
    let at = NaiveDate::from_ymd_opt(2026, 11, 12)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("valid");
    let mut c = Customer::new(
        CustomerId(3),
        CustomerFields {
            name: "Berta".into(),
            ..Default::default()
        },
        at.date(),
    );
    c.contacts.push(Contact {
        result: ContactResult::Refused,
        objection: Some(crate::domain::ids::LineId(2002)),
        ..Contact::call(ContactId(1), at, Direction::Inbound, "Rückruf")
    });
    let mut ds = dataset_of(vec![c]);
    ds.playbook = starter_playbook(at.date());
    let text = contacts_csv(&ds).expect("exports");
    assert!(text.contains(";Einwand\r\n"), "{text}");
    assert!(text.contains(";abgelehnt;;;Zu teuer\r\n"), "{text}");
}

// Round trips and robustness, on generated input.
#[path = "csv_property_tests.rs"]
mod properties;

// Column mapping, and the potential and current-note columns.
#[path = "csv_field_tests.rs"]
mod fields;
