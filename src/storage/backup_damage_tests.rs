//! Damaged backup files: whatever a file holds, reading it gives all or nothing, and
//! what it gives merges without losing a contact.

use super::*;
use crate::domain::demo::dataset::demo_dataset;
use crate::domain::exchange::restore_merge::{holds, merge};
use chrono::NaiveDate;
use proptest::prelude::*;

fn at(minute: u32) -> NaiveDateTime {
    today().and_hms_opt(10, minute, 0).expect("valid")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
}

fn current() -> Dataset {
    demo_dataset(today())
}

fn sample_backup() -> String {
    backup_json(&current(), at(0)).expect("exports")
}

#[derive(Debug, Clone)]
enum Edit {
    Truncate(usize),
    Insert(usize, String),
    Replace(usize, char),
    /// A letter or digit for another: mostly still JSON, often still a backup.
    Retype(usize, char),
}

fn retype() -> impl Strategy<Value = Edit> {
    (
        any::<usize>(),
        prop::char::ranges(vec!['a'..='z', '0'..='9'].into()),
    )
        .prop_map(|(at, c)| Edit::Retype(at, c))
}

fn edit() -> impl Strategy<Value = Edit> {
    let snippet = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("null".to_string()),
        Just("1e999".to_string()),
        Just("\"schema\":3,".to_string()),
        Just("\\u00".to_string()),
        "\\PC{0,6}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), snippet).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
        retype(),
    ]
}

/// Applies edits at char boundaries, so the result is still a `str`.
fn mutated(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len();
        match e {
            Edit::Truncate(at) => chars.truncate(at % (len + 1)),
            Edit::Insert(at, s) => {
                let at = at % (len + 1);
                chars.splice(at..at, s.chars());
            }
            Edit::Replace(at, c) => {
                if len > 0 {
                    chars[at % len] = *c;
                }
            }
            Edit::Retype(at, c) => {
                if let Some(slot) = chars.get_mut(at % len.max(1)) {
                    if slot.is_ascii_alphanumeric() {
                        *slot = *c;
                    }
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn backup_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,200}",
        "[\\[\\]{}\":,0-9a-z ]{0,120}",
        prop::collection::vec(edit(), 1..6).prop_map(|edits| mutated(&sample_backup(), &edits)),
        prop::collection::vec(retype(), 0..4).prop_map(|edits| mutated(&sample_backup(), &edits)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn malformed_backups_are_refused_whole_or_read_whole(text in backup_text()) {
        // An error hands back nothing, so no half-read data can reach storage.
        let Ok((restored, _)) = parse_backup(&text) else { return Ok(()); };
        for (id, c) in &restored.customers {
            prop_assert_eq!(*id, c.id);
        }
        let again = backup_json(&restored, at(0)).expect("exports");
        prop_assert_eq!(parse_backup(&again).map(|(ds, _)| ds), Ok(restored.clone()));
        let current = current();
        let merged = merge(&current, &restored);
        for source in current.customers.values() {
            for contact in &source.contacts {
                prop_assert!(holds(&merged, source, contact));
            }
        }
    }
}
