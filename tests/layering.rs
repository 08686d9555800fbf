//! The layers point one way: ui → storage → domain. A `use` the wrong way, or a
//! browser crate in the domain, fails here with the file that has it, tests included.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn offenders(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&Path::new("src").join(layer), &mut files);
    assert!(files.len() > 5, "found the {layer} sources");
    let mut found = Vec::new();
    for file in files {
        let source = fs::read_to_string(&file).expect("readable");
        for (number, line) in source.lines().enumerate() {
            if let Some(word) = forbidden.iter().find(|word| line.contains(*word)) {
                found.push(format!("{}:{}: {word}", file.display(), number + 1));
            }
        }
    }
    found
}

#[test]
fn the_domain_knows_neither_storage_nor_ui_nor_the_browser() {
    let found = offenders(
        "domain",
        &[
            "crate::storage",
            "crate::ui",
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
        ],
    );
    assert!(found.is_empty(), "the domain reaches out: {found:#?}");
}

#[test]
fn storage_knows_no_ui() {
    let found = offenders("storage", &["crate::ui", "leptos::"]);
    assert!(found.is_empty(), "storage reaches into the UI: {found:#?}");
}
