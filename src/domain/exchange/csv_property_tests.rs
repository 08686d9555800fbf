//! Generated customers through export and import, and generated malformed files
//! through every step of the import.

use super::*;

// --- round trip ---

/// Text as the customer form saves it: trimmed, with the characters CSV and
/// spreadsheets find hardest.
fn text(max: usize) -> impl Strategy<Value = String> {
    let pattern = format!("[a-zA-ZäöüÄÖÜß0-9 ;,\"'=+@\\-\\n\\r\\t€]{{0,{max}}}");
    proptest::string::string_regex(&pattern)
        .expect("valid pattern")
        .prop_map(|s| s.trim().to_string())
}

fn name() -> impl Strategy<Value = String> {
    ("[=+@'\\-]?[A-Za-zÄÖÜäöüß\"]", text(20)).prop_map(|(start, rest)| format!("{start}{rest}"))
}

fn phone() -> impl Strategy<Value = String> {
    "[+0-9'=@\\-][0-9 /()\\-]{2,14}[0-9]"
}

/// German postcodes (leading zeros too), foreign ones with letters, and whatever else
/// a user might type there, formula starts included.
fn postcode() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{5}",
        "0[0-9]{4}",
        "[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}",
        text(8),
    ]
}

fn email() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z0-9.+_-]{1,10}@[a-z]{1,8}\\.(de|com)"
    ]
}

fn class() -> impl Strategy<Value = CustomerClass> {
    prop_oneof![
        Just(CustomerClass::A),
        Just(CustomerClass::B),
        Just(CustomerClass::C),
        Just(CustomerClass::O)
    ]
}

/// A hook as a user picks it: built in, or an own label that names no built-in hook.
fn hook() -> impl Strategy<Value = HookKind> {
    let custom = ("[=+@'\\-]?[A-Za-zÄÖÜäöüß]", text(15))
        .prop_map(|(start, rest)| format!("{start}{rest}"))
        .prop_filter("names no built-in hook", |label| {
            parse_hook(label) == Some(HookKind::Custom(label.clone()))
        })
        .prop_map(HookKind::Custom);
    prop_oneof![prop::sample::select(HookKind::BUILT_IN.to_vec()), custom]
}

fn current_note() -> impl Strategy<Value = CurrentNote> {
    (
        hook(),
        ("[=+@'\\-]?[A-Za-zÄÖÜäöüß\";]", text(60)),
        0i64..4_000,
        prop::option::of(0i64..500),
    )
        .prop_map(|(hook, (start, rest), written, lasts)| {
            let written = NaiveDate::from_ymd_opt(2018, 1, 1).expect("valid")
                + chrono::Duration::days(written);
            CurrentNote {
                written,
                hook,
                text: format!("{start}{rest}"),
                valid_until: lasts.map(|days| written + chrono::Duration::days(days)),
            }
        })
}

fn fields() -> impl Strategy<Value = CustomerFields> {
    (
        (
            name(),
            text(15),
            text(15),
            prop::collection::vec(phone(), 0..3),
        ),
        (
            email(),
            text(10),
            -100_000_000_000i64..100_000_000_000,
            class(),
            postcode(),
        ),
        (
            prop::collection::vec("[=+\\-@]?[a-zA-ZäöüÄÖÜß\" ]{1,10}", 0..4),
            text(60),
        ),
        (
            -100_000_000_000i64..100_000_000_000,
            any::<bool>(),
            prop::option::of(current_note()),
        ),
    )
        .prop_map(
            |(
                (name, company, person, phones),
                (email, number, revenue, class, postcode),
                (tags, notes),
                (potential_cents, potential, current_note),
            )| {
                CustomerFields {
                    name,
                    company,
                    postcode,
                    contact_person: person,
                    phones,
                    email,
                    number,
                    revenue_cents: revenue,
                    potential_cents,
                    class,
                    potential,
                    tags: split_tags(&tags.join(",")),
                    notes,
                    current_note,
                    occasions: Vec::new(),
                }
            },
        )
}

fn sorted(mut all: Vec<CustomerFields>) -> Vec<CustomerFields> {
    all.sort_by_cached_key(|f| format!("{f:?}"));
    all
}

proptest! {
    #[test]
    fn export_then_import_gives_every_field_back(all in prop::collection::vec(fields(), 1..8)) {
        let customers = all.iter().cloned().enumerate().map(|(i, f)| customer(i as u64 + 1, f)).collect();
        let ds = dataset_of(customers);
        let text = customers_csv(&ds).expect("exports");
        let t = read_csv(text.as_bytes()).expect("reads back");
        prop_assert_eq!(t.encoding, TextEncoding::Utf8WithBom);
        prop_assert_eq!(t.separator, b';');
        let p = plan_import(&t, &guess_mapping(&t.headers), &Dataset::default(), today());
        prop_assert!(p.bad.is_empty(), "{:?}", p.bad);
        let out = apply_import(&p, DuplicateChoice::ImportAsNew, &Dataset::default(), &actor(), counter());
        let back: Vec<CustomerFields> = out.customers_to_write.into_iter().map(|c| c.fields).collect();
        prop_assert_eq!(sorted(back), sorted(all));
    }
}

// --- robustness ---

fn sample_export() -> Vec<u8> {
    customers_csv(&known()).expect("exports").into_bytes()
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, u8),
    Delete(usize, usize),
    Replace(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let special = prop_oneof![
        Just(b'"'),
        Just(b';'),
        Just(b','),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'\t'),
        Just(b'\''),
        Just(0xFC),
        Just(0x80),
        Just(0xFF),
        Just(0),
        any::<u8>()
    ];
    prop_oneof![
        (any::<usize>(), special.clone()).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..20).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), special).prop_map(|(at, b)| Edit::Replace(at, b)),
    ]
}

fn mutated(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Edit::Delete(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Edit::Replace(at, b) => {
                if let Some(slot) = bytes.get_mut(at % len) {
                    *slot = b;
                }
            }
        }
    }
    bytes
}

fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        "[a-zA-Zü;,\"\\n\\r\\t' =+0-9.€-]{0,200}".prop_map(String::into_bytes),
        prop::collection::vec(edit(), 0..12).prop_map(|edits| mutated(sample_export(), &edits)),
    ]
}

fn check_outcome(
    plan: &ImportPlan,
    out: &ImportOutcome,
    choice: DuplicateChoice,
    ds: &Dataset,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        out.added + out.updated + out.skipped + out.bad,
        plan.row_count()
    );
    prop_assert!(out.customers_to_write.len() <= out.added + out.updated);
    // The confirmation button promises what the import then takes in.
    prop_assert_eq!(
        ImportCounts::of(plan).rows_to_import(choice),
        out.added + out.updated
    );
    prop_assert_eq!(
        out.not_imported(),
        plan.row_count() - out.added - out.updated
    );
    let ids: HashSet<_> = out.customers_to_write.iter().map(|c| c.id).collect();
    prop_assert_eq!(ids.len(), out.customers_to_write.len());
    let new = out
        .customers_to_write
        .iter()
        .filter(|c| !ds.customers.contains_key(&c.id))
        .count();
    prop_assert_eq!(new, out.added);
    prop_assert!(out
        .customers_to_write
        .iter()
        .all(|c| !c.fields.name.is_empty()));
    match choice {
        DuplicateChoice::Skip => prop_assert_eq!(out.updated, 0),
        DuplicateChoice::Update => prop_assert_eq!(out.skipped, 0),
        DuplicateChoice::ImportAsNew => prop_assert_eq!(out.updated + out.skipped, 0),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_bytes_give_an_error_or_a_consistent_import(
        bytes in input_bytes(),
        remap in prop::collection::vec(prop::option::of(0usize..20), CsvField::ALL.len()),
        use_guess in any::<bool>(),
    ) {
        let ds = known();
        let Ok(t) = read_csv(&bytes) else { return Ok(()); };
        prop_assert!(!t.headers.is_empty());
        let numbers: Vec<usize> = t.rows.iter().map(|r| r.number).collect();
        prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(numbers.iter().all(|n| *n >= 2));
        let mapping = if use_guess {
            guess_mapping(&t.headers)
        } else {
            let mut m = Mapping::default();
            for (field, column) in CsvField::ALL.into_iter().zip(remap) {
                m.set(field, column);
            }
            m
        };
        let p = plan_import(&t, &mapping, &ds, today());
        prop_assert_eq!(p.row_count(), t.rows.len());
        prop_assert!(p.bad.iter().all(|b| !b.reasons.is_empty()));
        for choice in [DuplicateChoice::Skip, DuplicateChoice::Update, DuplicateChoice::ImportAsNew] {
            let out = apply_import(&p, choice, &ds, &actor(), counter());
            check_outcome(&p, &out, choice, &ds)?;
        }
    }
}
