//! Which column becomes which field, and how the potential and current-note columns
//! are read and written.

use super::*;

// --- mapping ---

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn mapped(mapping: &Mapping) -> Vec<(CsvField, usize)> {
    CsvField::ALL
        .into_iter()
        .filter_map(|f| mapping.column(f).map(|c| (f, c)))
        .collect()
}

#[test]
fn german_headers_are_recognised() {
    let m = guess_mapping(&headers(&[
        "Kd.-Nr.",
        "Kunde",
        "Unternehmen",
        "Kontaktperson",
        "Tel.",
        "E-Mail-Adresse",
        "Jahresumsatz (EUR)",
        "ABC-Klasse",
        "Schlagwörter",
        "Bemerkungen",
        "Letzter Kontakt",
    ]));
    use CsvField::*;
    assert_eq!(
        mapped(&m),
        vec![
            (Name, 1),
            (Company, 2),
            (ContactPerson, 3),
            (Phone, 4),
            (Email, 5),
            (Number, 0),
            (Revenue, 6),
            (Class, 7),
            (Tags, 8),
            (Note, 9)
        ]
    );
    assert_eq!(m.field_of(10), None);
}

#[test]
fn english_and_odd_spellings_are_recognised() {
    let m = guess_mapping(&headers(&[
        "CUSTOMER NUMBER",
        "Customer",
        "Phone",
        "email",
        "Revenue",
        "Notes",
        "Telefon privat",
    ]));
    use CsvField::*;
    assert_eq!(
        mapped(&m),
        vec![
            (Name, 1),
            (Phone, 2),
            (Email, 3),
            (Number, 0),
            (Revenue, 4),
            (Note, 5)
        ]
    );
    let umlauts = guess_mapping(&headers(&["NAME", "SCHLAGWOERTER", "telefon (mobil)"]));
    assert_eq!(mapped(&umlauts), vec![(Name, 0), (Phone, 2), (Tags, 1)]);
}

#[test]
fn each_column_once_and_company_stands_in_for_a_missing_name() {
    let m = guess_mapping(&headers(&[
        "Firma",
        "Ansprechpartner",
        "Telefon",
        "Telefon",
    ]));
    use CsvField::*;
    assert_eq!(mapped(&m), vec![(Name, 0), (ContactPerson, 1), (Phone, 2)]);
    let mut m = m;
    m.set(Company, Some(2));
    assert_eq!(m.column(Phone), None, "a column serves one field");
    assert_eq!(m.field_of(2), Some(Company));
    m.set(Company, None);
    assert_eq!(m.field_of(2), None);
    assert_eq!(CsvField::from_key("contact_person"), Some(ContactPerson));
    let keys: HashSet<_> = CsvField::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(keys.len(), CsvField::ALL.len());
}

#[test]
fn the_export_header_maps_every_field() {
    let m = guess_mapping(&headers(&CUSTOMER_HEADERS));
    for (i, field) in CsvField::ALL.into_iter().enumerate() {
        assert_eq!(m.column(field), Some(i), "{field:?}");
    }
}

#[test]
fn longer_names_keep_their_columns_from_shorter_ones() {
    let m = guess_mapping(&headers(&[
        "Vermerk gültig bis (Datum)",
        "Vermerk vom 2026",
        "Vermerk (Text)",
        "Potenzialkunde?",
        "Potenzial in EUR",
        "Aufhaenger",
        "Customer number 2",
    ]));
    use CsvField::*;
    assert_eq!(
        mapped(&m),
        vec![
            (Number, 6),
            (PotentialAmount, 4),
            (PotentialFlag, 3),
            (NoteHook, 5),
            (NoteText, 2),
            (NoteValidUntil, 0),
            (NoteWritten, 1)
        ]
    );
    let no_text = guess_mapping(&headers(&["Name", "Vermerk gültig bis", "Vermerk vom x"]));
    assert_eq!(no_text.column(NoteText), None, "no column holds the text");
    let english = guess_mapping(&headers(&[
        "Name",
        "Note",
        "Note text",
        "Note valid until",
        "Note date",
        "Hook",
        "Potential",
        "Potential customer",
    ]));
    assert_eq!(
        mapped(&english),
        vec![
            (Name, 0),
            (Note, 1),
            (PotentialAmount, 6),
            (PotentialFlag, 7),
            (NoteHook, 5),
            (NoteText, 2),
            (NoteValidUntil, 3),
            (NoteWritten, 4)
        ]
    );
}

// --- potential and current note ---

#[test]
fn potential_flag_in_the_usual_spellings() {
    for yes in [
        "ja", "JA", " Ja ", "yes", "Y", "x", "X", "1", "true", "TRUE", "WAHR",
    ] {
        assert_eq!(parse_potential_flag(yes), Some(true), "{yes}");
    }
    for no in ["nein", "Nein", "no", "NO", "0", "false", "FALSCH", "", "  "] {
        assert_eq!(parse_potential_flag(no), Some(false), "{no}");
    }
    for unclear in ["vielleicht", "2", "ja!", "xx", "-"] {
        assert_eq!(parse_potential_flag(unclear), None, "{unclear}");
    }
    let p = plan(
        "Name;Potenzialkunde;Potenzial
         Ja-Kunde;ja;12.000
         Nein-Kunde;nein;
         Leer;;€ 1.500,50
         Unklar;vielleicht;viel
",
        &Dataset::default(),
    );
    let flags: Vec<_> = p
        .good
        .iter()
        .map(|r| (r.fields.potential, r.fields.potential_cents))
        .collect();
    assert_eq!(flags, vec![(true, 1_200_000), (false, 0), (false, 150_050)]);
    assert_eq!(
        p.good[1].provided,
        vec![CsvField::Name, CsvField::PotentialFlag],
        "\"nein\" is a value an update writes"
    );
    assert_eq!(
        p.bad[0].reasons,
        vec![
            BadRowReason::PotentialFlagUnknown("vielleicht".into()),
            BadRowReason::AmountUnparsable("viel".into())
        ]
    );
}

#[test]
fn hook_labels_and_keys_read_back_and_other_text_is_an_own_hook() {
    for hook in HookKind::NAMED {
        let label = hook_label(&hook);
        assert_eq!(parse_hook(&label), Some(hook.clone()), "{label}");
        assert_eq!(parse_hook(&label.to_uppercase()), Some(hook.clone()));
        assert_eq!(parse_hook(&hook.key()), Some(hook.clone()));
    }
    assert_eq!(hook_label(&HookKind::LegalChange), "Gesetzliche Änderung");
    assert_eq!(
        parse_hook(" gesetzliche aenderung "),
        Some(HookKind::LegalChange)
    );
    assert_eq!(
        parse_hook("PROMOTION"),
        Some(HookKind::TimeLimitedPromotion)
    );
    assert_eq!(
        parse_hook("Jubiläum"),
        Some(HookKind::Custom("Jubiläum".into()))
    );
    assert_eq!(
        parse_hook("custom:Jubiläum"),
        Some(HookKind::Custom("custom:Jubiläum".into())),
        "only built-in keys are read as keys"
    );
    assert_eq!(hook_label(&HookKind::Custom("Jubiläum".into())), "Jubiläum");
    assert_eq!(parse_hook("  "), None);
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid")
}

const NOTE_FILE: &str = "Name;Aufhänger;Vermerk;Vermerk gültig bis;Vermerk vom\n\
     Voll;Gesetzliche Änderung;Neue Regel ab Januar;31.01.2027;01.11.2026\n\
     Heute;Jubiläum;'=10 Jahre;;\n\
     Kein Vermerk;;;;\n\
     Ohne Aufhänger;;Text allein;;\n\
     Ohne Text;promotion;;;\n\
     Nur Datum;;;;01.11.2026\n\
     Ende unlesbar;promotion;Aktion;bald;\n\
     Ende zu früh;promotion;Aktion;01.10.2026;01.11.2026\n\
     Ende vor heute;promotion;Aktion;26.11.2026;\n\
     Datum unlesbar;promotion;Aktion;01.10.2026;gestern\n";

#[test]
fn current_notes_are_read_with_their_hook_and_dates() {
    let p = plan(NOTE_FILE, &Dataset::default());
    let notes: Vec<_> = p
        .good
        .iter()
        .map(|r| (r.fields.name.as_str(), r.fields.current_note.clone()))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "Voll",
                Some(CurrentNote {
                    written: day(2026, 11, 1),
                    hook: HookKind::LegalChange,
                    text: "Neue Regel ab Januar".into(),
                    valid_until: Some(day(2027, 1, 31)),
                })
            ),
            (
                "Heute",
                Some(CurrentNote {
                    written: today(),
                    hook: HookKind::Custom("Jubiläum".into()),
                    text: "=10 Jahre".into(),
                    valid_until: None,
                })
            ),
            ("Kein Vermerk", None),
        ]
    );
    use CsvField::*;
    assert_eq!(
        p.good[0].provided,
        vec![Name, NoteHook, NoteText, NoteValidUntil, NoteWritten]
    );
    let reasons: Vec<_> = p
        .bad
        .iter()
        .map(|b| (b.row_number, b.reasons.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (5, vec![BadRowReason::NoteHookMissing]),
            (6, vec![BadRowReason::NoteTextMissing]),
            (7, vec![BadRowReason::NoteTextMissing]),
            (
                8,
                vec![BadRowReason::NoteValidUntilUnparsable("bald".into())]
            ),
            (
                9,
                vec![BadRowReason::NoteValidUntilBeforeWritten(
                    "01.10.2026".into()
                )]
            ),
            (
                10,
                vec![BadRowReason::NoteValidUntilBeforeWritten(
                    "26.11.2026".into()
                )]
            ),
            (
                11,
                vec![BadRowReason::NoteWrittenUnparsable("gestern".into())]
            ),
        ]
    );
}

#[test]
fn update_overwrites_potential_and_replaces_the_note() {
    let mut ds = known();
    let written = day(2026, 10, 1);
    {
        let jana = &mut ds.customers.get_mut(&CustomerId(10)).expect("known").fields;
        jana.potential = true;
        jana.potential_cents = 500_000;
        jana.current_note = Some(CurrentNote {
            written,
            hook: HookKind::LegalChange,
            text: "Neue Regel".into(),
            valid_until: Some(day(2026, 12, 31)),
        });
        let otto = &mut ds.customers.get_mut(&CustomerId(20)).expect("known").fields;
        otto.current_note = Some(CurrentNote {
            written,
            hook: HookKind::LegalChange,
            text: "Alt".into(),
            valid_until: None,
        });
    }
    let p = plan(
        "Name;Kundennummer;Telefon;Potenzialkunde;Potenzial;Aufhänger;Vermerk;Vermerk gültig bis\n\
         Jana Müller;K-0007;;nein;;legal_change;Neue Regel;\n\
         Otto Weber;;+49 221 998877;;1.000;Rundum-Beratung;Neu;31.12.2026\n",
        &ds,
    );
    assert!(p.bad.is_empty(), "{:?}", p.bad);
    let out = apply_import(&p, DuplicateChoice::Update, &ds, &actor(), counter());
    assert_eq!((out.updated, out.customers_to_write.len()), (2, 2));
    let jana = &out.customers_to_write[0].fields;
    assert_eq!((jana.potential, jana.potential_cents), (false, 500_000));
    assert_eq!(
        jana.current_note,
        Some(CurrentNote {
            written,
            hook: HookKind::LegalChange,
            text: "Neue Regel".into(),
            valid_until: None,
        }),
        "same hook and text keep their date; the empty end date is the row's"
    );
    let otto = &out.customers_to_write[1].fields;
    assert_eq!((otto.potential, otto.potential_cents), (false, 100_000));
    assert_eq!(
        otto.current_note,
        Some(CurrentNote {
            written: today(),
            hook: HookKind::ComprehensiveConsultation,
            text: "Neu".into(),
            valid_until: Some(day(2026, 12, 31)),
        })
    );
    // A row without note cells leaves the stored note alone.
    let p = plan("Name;Kundennummer;Vermerk\nJana;K-0007;\n", &ds);
    let out = apply_import(&p, DuplicateChoice::Update, &ds, &actor(), counter());
    assert_eq!(
        out.customers_to_write[0].fields.current_note,
        ds.customers[&CustomerId(10)].fields.current_note
    );
}

#[test]
fn the_export_writes_the_flag_and_the_current_note() {
    let ds = dataset_of(vec![customer(
        1,
        CustomerFields {
            name: "Jana".into(),
            potential: true,
            potential_cents: 250_000,
            current_note: Some(CurrentNote {
                written: day(2026, 11, 1),
                hook: HookKind::TimeLimitedPromotion,
                text: "=Aktion; \"bis\" Jahresende".into(),
                valid_until: Some(day(2026, 12, 31)),
            }),
            ..Default::default()
        },
    )]);
    let text = customers_csv(&ds).expect("exports");
    assert!(text.contains(
        ";2500,00;ja;Zeitlich begrenzte Aktion;\"'=Aktion; \"\"bis\"\" Jahresende\";\
         31.12.2026;01.11.2026;;;;;;;04.03.2025;\r\n"
    ));
}

// --- occasions ---

#[test]
fn occasion_headers_are_recognised() {
    use CsvField::*;
    let m = guess_mapping(&headers(&[
        "Name",
        "Geburtsdatum",
        "Sparte",
        "Ablauf",
        "Kündigungsfrist",
    ]));
    assert_eq!(
        mapped(&m),
        vec![
            (Name, 0),
            (Birthday, 1),
            (Contract, 2),
            (RenewalDate, 3),
            (NoticeMonths, 4)
        ]
    );
}

#[test]
fn occasions_survive_export_and_import() {
    use crate::domain::customer::occasion::{Occasion, OccasionKind};
    use crate::domain::ids::OccasionId;
    let occasions = vec![
        Occasion::new(
            OccasionId(1),
            OccasionKind::Birthday {
                date: day(1970, 5, 12),
            },
        ),
        Occasion::new(
            OccasionId(2),
            OccasionKind::ContractRenewal {
                contract: "Kfz-Versicherung".into(),
                renewal: day(2027, 1, 1),
                notice_months: 3,
                yearly: true,
            },
        ),
    ];
    let ds = dataset_of(vec![customer(
        1,
        CustomerFields {
            name: "Jörg Meier".into(),
            phones: vec!["+49 89 1234567".into()],
            occasions: occasions.clone(),
            ..Default::default()
        },
    )]);
    let text = customers_csv(&ds).expect("exports");
    assert!(text.contains(";12.05.1970;Kfz-Versicherung;01.01.2027;3;ja;"));
    let imported = plan(&text, &Dataset::default());
    assert!(imported.bad.is_empty(), "{:?}", imported.bad);
    assert_eq!(imported.good[0].fields.occasions, occasions);
    assert_eq!(imported.good[0].fields.phones, vec!["+49 89 1234567"]);
}

// --- postcode ---

#[test]
fn postcode_headers_are_recognised() {
    use CsvField::*;
    for header in [
        "PLZ",
        "Postleitzahl",
        "Postcode",
        "ZIP",
        "Zip code",
        "Postal code",
    ] {
        let m = guess_mapping(&headers(&["Name", header]));
        assert_eq!(mapped(&m), vec![(Name, 0), (Postcode, 1)], "{header}");
    }
}

#[test]
fn the_postcode_survives_export_and_import_with_its_leading_zero() {
    let ds = dataset_of(vec![
        customer(
            1,
            CustomerFields {
                name: "Jörg Meier".into(),
                postcode: "01067".into(),
                ..Default::default()
            },
        ),
        customer(
            2,
            CustomerFields {
                name: "Otto Weber".into(),
                postcode: "=1+1".into(),
                ..Default::default()
            },
        ),
    ]);
    let text = customers_csv(&ds).expect("exports");
    assert!(text.contains(";Verlängert sich jährlich;PLZ;Angelegt;"));
    // Digits as they are; anything a spreadsheet would run keeps its guard.
    assert!(text.contains(";;01067;04.03.2025;"));
    assert!(text.contains(";;'=1+1;04.03.2025;"));
    let imported = plan(&text, &Dataset::default());
    assert!(imported.bad.is_empty(), "{:?}", imported.bad);
    let postcodes: Vec<&str> = imported
        .good
        .iter()
        .map(|r| r.fields.postcode.as_str())
        .collect();
    assert_eq!(postcodes, vec!["01067", "=1+1"]);
}

#[test]
fn an_update_sets_the_postcode_only_from_a_postcode_column() {
    let mut ds = known();
    ds.customers
        .get_mut(&CustomerId(10))
        .expect("known")
        .fields
        .postcode = "80331".into();
    let p = plan("Name;Kundennummer;PLZ\nJana Müller;K-0007; 80333 \n", &ds);
    let out = apply_import(&p, DuplicateChoice::Update, &ds, &actor(), counter());
    assert_eq!(out.customers_to_write[0].fields.postcode, "80333");
    let p = plan(
        "Name;Kundennummer;E-Mail\nJana Müller;K-0007;jana@neu.de\n",
        &ds,
    );
    let out = apply_import(&p, DuplicateChoice::Update, &ds, &actor(), counter());
    let jana = &out.customers_to_write[0].fields;
    assert_eq!(
        (jana.email.as_str(), jana.postcode.as_str()),
        ("jana@neu.de", "80331")
    );
}
