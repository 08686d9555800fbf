//! Dates, amounts and counts in the format of the language in force: 27.11.2026 and
//! 1.234,56 € in German, 27/11/2026 and €1,234.56 in English.

use super::i18n::language;
use crate::domain::format::english_format as en;
use crate::domain::format::{dates, money};
use crate::domain::settings::Language;
use chrono::{NaiveDate, NaiveDateTime};

fn english() -> bool {
    language() == Language::English
}

pub fn format_date(date: NaiveDate) -> String {
    if english() {
        en::format_date_en(date)
    } else {
        dates::format_date(date)
    }
}

pub fn format_date_time(at: NaiveDateTime) -> String {
    if english() {
        en::format_date_time_en(at)
    } else {
        dates::format_date_time(at)
    }
}

pub fn format_euro(cents: i64) -> String {
    if english() {
        en::format_euro_en(cents)
    } else {
        money::format_euro(cents)
    }
}

pub fn format_euro_rounded(cents: i64) -> String {
    if english() {
        en::format_euro_rounded_en(cents)
    } else {
        money::format_euro_rounded(cents)
    }
}

pub fn format_amount(cents: i64) -> String {
    if english() {
        en::format_amount_en(cents)
    } else {
        money::format_amount(cents)
    }
}

pub fn format_count(value: usize) -> String {
    if english() {
        en::format_count_en(value)
    } else {
        money::format_count(value)
    }
}

pub fn format_percent(value: f64) -> String {
    if english() {
        en::format_percent_en(value)
    } else {
        money::format_percent(value)
    }
}

/// A whole percentage: "92 %" in German, "92%" in English.
pub fn format_whole_percent(value: u8) -> String {
    if english() {
        format!("{value}%")
    } else {
        format!("{value} %")
    }
}

/// An amount typed in the form, rewritten the way the domain's form rules read it
/// (German). Text that is no amount passes unchanged, so the form names the error.
pub fn amount_for_validation(text: &str) -> String {
    if !english() {
        return text.to_string();
    }
    match en::parse_euro_cents_en(text) {
        Ok(cents) => money::format_amount(cents),
        Err(_) => text.to_string(),
    }
}

/// The form shows an amount in the language's format.
pub fn amount_for_form(german: &str) -> String {
    if !english() {
        return german.to_string();
    }
    match money::parse_euro_cents(german) {
        Ok(0) if german.trim().is_empty() => String::new(),
        Ok(cents) => en::format_amount_en(cents),
        Err(_) => german.to_string(),
    }
}
