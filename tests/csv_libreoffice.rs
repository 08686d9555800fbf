//! The customer export opened by LibreOffice Calc under a German locale: phone numbers
//! arrive as the text written, without a visible `'`, while a formula is still
//! neutralised. Runs when `soffice` is installed and says so plainly when it is not;
//! `scripts/test` sets `KB_REQUIRE_LIBREOFFICE=1` when LibreOffice is present, so that
//! there the check cannot be skipped.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::NaiveDate;
use klassenblick::domain::customer::builder::CustomerBuilder;
use klassenblick::domain::dataset::Dataset;
use klassenblick::domain::exchange::csv_export::customers_csv;
use std::path::Path;
use std::process::Command;

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    })
}

fn sample() -> Dataset {
    let mut ds = Dataset::default();
    let rows = [
        (1, "Anna Phone", "+49 89 1234567"),
        (2, "Berta Slash", "0171/2345678"),
        (3, "Carl Brackets", "+49 (0)221 998877"),
        (4, "Dora Dashes", "+49-30-123456"),
        (5, "Emil Plain", "+4989123456"),
        (
            6,
            "=HYPERLINK(\"http://example.invalid\";\"klick\")",
            "-123",
        ),
    ];
    for (id, name, phone) in rows {
        let customer = CustomerBuilder::new(id, name)
            .phone(phone)
            .created(NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid"))
            .build();
        ds.customers.insert(customer.id, customer);
    }
    ds
}

/// Text and value type of every cell of a flat ODS file, row by row.
fn cells(fods: &str) -> Vec<Vec<(String, String)>> {
    let unescape = |s: &str| {
        s.replace("&apos;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let strip_tags = |s: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in s.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        unescape(out.trim())
    };
    fods.split("<table:table-row")
        .skip(1)
        .map(|row| {
            let row = row.split("</table:table-row>").next().unwrap_or_default();
            row.split("<table:table-cell")
                .skip(1)
                .flat_map(|cell| {
                    let (attrs, body) = cell.split_once('>').unwrap_or((cell, ""));
                    let kind = attrs
                        .split("office:value-type=\"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .unwrap_or("empty")
                        .to_string();
                    let body = body.split("</table:table-cell>").next().unwrap_or_default();
                    // Runs of equal cells are written once with a repeat count.
                    let repeated = attrs
                        .split("table:number-columns-repeated=\"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .and_then(|n| n.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    vec![(kind, strip_tags(body)); repeated]
                })
                .collect()
        })
        .collect()
}

fn convert(soffice: &str, csv: &Path, out: &Path) -> String {
    // 59 = ';', 34 = '"', 76 = UTF-8, from line 1, standard columns, language 1031 =
    // German (Germany): the locale decides what is read as a number.
    let status = Command::new(soffice)
        .env("HOME", out)
        .args([
            "--headless",
            "--norestore",
            "--infilter=CSV:59,34,76,1,,1031",
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(out)
        .arg(csv)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed: {status}");
    std::fs::read_to_string(out.join("customers.fods")).expect("converted file")
}

#[test]
fn libreoffice_shows_phone_numbers_as_written_and_formulas_as_text() {
    let Some(soffice) = soffice() else {
        assert!(
            std::env::var_os("KB_REQUIRE_LIBREOFFICE").is_none(),
            "KB_REQUIRE_LIBREOFFICE is set but soffice is missing"
        );
        eprintln!(
            "LibreOffice (soffice) is not installed: the CSV check in LibreOffice is skipped. \
             Install libreoffice-calc-nogui to run it."
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("kb-csv-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("customers.csv");
    std::fs::write(&csv, customers_csv(&sample()).expect("exports")).expect("written");
    let rows = cells(&convert(soffice, &csv, &dir));
    let phone_of = |name_start: &str| {
        rows.iter()
            .find(|row| row.first().is_some_and(|(_, n)| n.starts_with(name_start)))
            .and_then(|row| row.get(3).cloned())
            .unwrap_or_else(|| panic!("no row for {name_start}: {rows:?}"))
    };
    for (name, phone) in [
        ("Anna", "+49 89 1234567"),
        ("Berta", "0171/2345678"),
        ("Carl", "+49 (0)221 998877"),
        ("Dora", "+49-30-123456"),
    ] {
        assert_eq!(
            phone_of(name),
            ("string".to_string(), phone.to_string()),
            "{name}"
        );
    }
    // Without a separator LibreOffice would read a number and drop the "+": still guarded.
    assert_eq!(
        phone_of("Emil"),
        ("string".to_string(), "'+4989123456".to_string())
    );
    let hyperlink = phone_of("'=HYPERLINK");
    assert_eq!(hyperlink, ("string".to_string(), "'-123".to_string()));
    let name = &rows
        .iter()
        .find(|row| row.first().is_some_and(|(_, n)| n.contains("HYPERLINK")))
        .expect("the formula row")[0];
    assert_eq!(name.0, "string");
    assert!(
        name.1.starts_with("'=HYPERLINK("),
        "still neutralised: {name:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
