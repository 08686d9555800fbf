//! The one place the UI reads the wall clock; domain rules get `today` from here.

use chrono::{NaiveDate, NaiveDateTime};

pub fn now() -> NaiveDateTime {
    let date = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .and_then(|d| d.and_hms_opt(date.get_hours(), date.get_minutes(), date.get_seconds()))
    .unwrap_or_default()
}

/// The moment in UTC, for stamps other programs read (the calendar file's `DTSTAMP`).
pub fn now_utc() -> NaiveDateTime {
    let date = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        date.get_utc_full_year() as i32,
        date.get_utc_month() + 1,
        date.get_utc_date(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            date.get_utc_hours(),
            date.get_utc_minutes(),
            date.get_utc_seconds(),
        )
    })
    .unwrap_or_default()
}

pub fn today() -> NaiveDate {
    now().date()
}

/// Names quarantine entries: "20261127T101500".
pub fn stamp() -> String {
    crate::domain::format::dates::stamp(now())
}

/// A random id; 53 bits, so it survives any trip through JavaScript numbers.
pub fn random_id() -> u64 {
    let high = (js_sys::Math::random() * f64::from(1u32 << 26)) as u64;
    let low = (js_sys::Math::random() * f64::from(1u32 << 27)) as u64;
    ((high << 27) | low).max(1)
}

/// A monotonic millisecond clock for reaction times.
pub fn millis() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}
