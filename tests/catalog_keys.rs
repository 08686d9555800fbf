//! Both message catalogs define every key of `Texts`, none of them blank. The compiler
//! already refuses a missing field; this names the missing or blank key in plain words,
//! and also catches an English entry left in German.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use std::collections::BTreeSet;
use std::fs;

/// The catalog's files: the main one, and one per screen or topic in the folder of the
/// same name, each with the prefix its keys are reached by (`csv.` for `t.csv.…`).
fn parts(name: &str) -> Vec<(String, String)> {
    let main = format!("src/ui/i18n/{name}.rs");
    let mut parts = vec![(
        String::new(),
        fs::read_to_string(&main).expect("catalog file"),
    )];
    let mut folder: Vec<_> = fs::read_dir(format!("src/ui/i18n/{name}"))
        .expect("catalog folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    folder.sort();
    for path in folder {
        let topic = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name");
        parts.push((
            format!("{topic}."),
            fs::read_to_string(&path).expect("catalog part"),
        ));
    }
    parts
}

/// The keys of one key struct; fields holding a topic's own struct are not keys.
fn struct_keys(prefix: &str, source: &str) -> Vec<String> {
    let start = source.find("pub struct ").expect("key struct");
    let body = &source[start..];
    let end = body.find("\n}\n").expect("end of key struct");
    body[..end]
        .lines()
        .skip(1)
        .filter_map(|line| line.trim().strip_prefix("pub "))
        .filter_map(|rest| rest.split_once(':'))
        .filter(|(key, ty)| !key.contains(' ') && !ty.trim().ends_with("Texts,"))
        .map(|(key, _)| format!("{prefix}{}", key.trim()))
        .collect()
}

fn all_keys() -> Vec<String> {
    parts("keys")
        .iter()
        .flat_map(|(prefix, source)| struct_keys(prefix, source))
        .collect()
}

/// `key: value` entries at the top level of a catalog constant, with their first line of
/// value; entries that hold a topic's constant are not keys.
fn catalog_entries(prefix: &str, source: &str) -> Vec<(String, String)> {
    let start = source.find("pub const ").expect("catalog constant");
    source[start..]
        .lines()
        .skip(1)
        .filter(|line| line.starts_with("    ") && !line.starts_with("     "))
        .filter_map(|line| line.trim().split_once(": "))
        .filter(|(key, value)| {
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                && *value != format!("{key}::{},", key.to_uppercase())
        })
        .map(|(key, value)| (format!("{prefix}{key}"), value.to_string()))
        .collect()
}

fn check(catalog: &str, keys: &[String]) -> Vec<(String, String)> {
    let entries: Vec<(String, String)> = parts(catalog)
        .iter()
        .flat_map(|(prefix, source)| catalog_entries(prefix, source))
        .collect();
    let defined: BTreeSet<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !defined.contains(k.as_str()))
        .collect();
    assert!(missing.is_empty(), "{catalog}: missing keys {missing:?}");
    let wanted: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    let unknown: Vec<&str> = defined.difference(&wanted).copied().collect();
    assert!(
        unknown.is_empty(),
        "{catalog}: keys not in Texts {unknown:?}"
    );
    let blank: Vec<&str> = entries
        .iter()
        .filter(|(_, v)| v.trim_end_matches(',') == "\"\"")
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(blank.is_empty(), "{catalog}: blank entries {blank:?}");
    entries
}

#[test]
fn every_key_is_in_both_languages_and_none_is_blank() {
    let keys = all_keys();
    assert!(keys.len() > 400, "found only {} keys", keys.len());
    let german = check("de", &keys);
    let english = check("en", &keys);
    // Words that only German uses: an English entry holding them was not translated.
    let untranslated: Vec<&str> = english
        .iter()
        .filter(|(k, v)| {
            !k.starts_with("language_")
                && [
                    " und ", " der ", " die ", " nicht ", "Kunden", "ä", "ö", "ü", "ß",
                ]
                .iter()
                .any(|w| v.contains(w))
        })
        .map(|(k, _)| k.as_str())
        .collect();
    assert!(untranslated.is_empty(), "en: still German {untranslated:?}");
    assert_eq!(german.len(), english.len());
}

/// Every Rust source file outside the catalogs, as one text.
fn code_outside_catalogs() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for entry in fs::read_dir(dir).expect("readable source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let catalog = ["keys", "de", "en"].iter().any(|name| {
                    path.ends_with(format!("i18n/{name}.rs"))
                        || path
                            .parent()
                            .is_some_and(|p| p.ends_with(format!("i18n/{name}")))
                });
                if !catalog {
                    out.push_str(&fs::read_to_string(&path).expect("readable source"));
                }
            }
        }
    }
    let mut code = String::new();
    walk(std::path::Path::new("src"), &mut code);
    code
}

#[test]
fn every_key_is_used_somewhere() {
    let keys = all_keys();
    let code = code_outside_catalogs();
    let used = |key: &str| {
        let field = format!(".{key}");
        code.match_indices(&field).any(|(at, _)| {
            !code[at + field.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    let unused: Vec<&String> = keys.iter().filter(|k| !used(k)).collect();
    assert!(unused.is_empty(), "catalog keys no code uses: {unused:?}");
}

/// `data-testid="…"` and `testid="…"` values in the views; ids built with `format!` are
/// listed in TESTIDS.md by their fixed part.
fn test_ids_in_code(code: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for marker in ["data-testid=\"", "testid=\""] {
        for (at, _) in code.match_indices(marker) {
            let rest = &code[at + marker.len()..];
            if let Some(end) = rest.find('"') {
                ids.insert(rest[..end].to_string());
            }
        }
    }
    ids
}

#[test]
fn every_test_id_in_the_code_is_documented() {
    let mut code = code_outside_catalogs();
    code.push_str(&fs::read_to_string("pwa/recovery.js").expect("recovery script"));
    let documented = fs::read_to_string("tests/e2e/TESTIDS.md").expect("TESTIDS.md");
    let ids = test_ids_in_code(&code);
    assert!(ids.len() > 100, "found only {} ids", ids.len());
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !documented.contains(&format!("`{id}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "test ids missing in TESTIDS.md: {missing:?}"
    );
}
