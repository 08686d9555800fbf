//! The calendar file (iCalendar, RFC 5545): planned contacts, open follow-ups and the
//! occasions of the next twelve months, for Outlook, Thunderbird, Apple or Google.
//!
//! Written by hand rather than with a crate: the few rules it needs (CRLF line ends,
//! lines folded at 75 octets, text escaping, all-day dates) are shorter than any
//! dependency's wasm cost. Every event has a `UID` made of the customer's id and the
//! occasion's, plan's or contact's id, so importing a newer file updates events
//! instead of adding them twice. A calendar only learns what a file holds: an event
//! that is done (a plan completed, an occasion removed) stays in the calendar until the
//! user deletes it there.

use crate::domain::customer::contact::Contact;
use crate::domain::customer::occasion::{Moment, OccasionKind, Series};
use crate::domain::customer::record::Customer;
use crate::domain::format::dates::format_date;
use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};

/// The words of the summaries, so the UI can pass the language in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarWords<'a> {
    pub birthday: &'a str,
    pub deadline: &'a str,
    pub renewal: &'a str,
    pub anniversary: &'a str,
    pub planned: &'a str,
    pub follow_up: &'a str,
    /// Before the day a contract ends, in a deadline's description.
    pub contract_ends: &'a str,
}

impl CalendarWords<'static> {
    /// The words the German app shows.
    pub fn german() -> CalendarWords<'static> {
        CalendarWords {
            birthday: "Geburtstag",
            deadline: "Kündigungsfrist",
            renewal: "Vertragsablauf",
            anniversary: "Kundenjubiläum",
            planned: "Geplanter Kontakt",
            follow_up: "Wiedervorlage",
            contract_ends: "Vertrag läuft aus am",
        }
    }
}

/// How an event repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    Once,
    Yearly,
    /// Yearly on the last day of February: an occasion of 29 February, which falls on
    /// the 28th in other years (see `customer::occasion`).
    YearlyEndOfFebruary,
}

/// One all-day event of the calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub repeat: Repeat,
}

const DOMAIN: &str = "klassenblick";

/// The events of the file: open plans and follow-ups at their day, each occasion from
/// its next day on (a yearly one repeating), one-off occasions only within the next
/// twelve months. In date order, then by `UID`.
pub fn calendar_events<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    today: NaiveDate,
    words: &CalendarWords<'_>,
) -> Vec<CalendarEvent> {
    let horizon = today
        .checked_add_months(Months::new(12))
        .unwrap_or(NaiveDate::MAX);
    let mut events = Vec::new();
    for customer in customers {
        let who = |what: &str| {
            format!(
                "{} · {} · {}",
                customer.class().letter(),
                what,
                customer.fields.name
            )
        };
        for plan in &customer.plans {
            events.push(CalendarEvent {
                uid: format!("plan-{}-{}@{DOMAIN}", customer.id, plan.id),
                date: plan.due,
                summary: who(&labelled(words.planned, &plan.reason)),
                description: String::new(),
                repeat: Repeat::Once,
            });
        }
        if let Some(contact) = open_follow_up(customer) {
            if let Some(due) = contact.follow_up {
                events.push(CalendarEvent {
                    uid: format!("follow-up-{}-{}@{DOMAIN}", customer.id, contact.id),
                    date: due,
                    summary: who(&labelled(words.follow_up, &contact.reason)),
                    description: String::new(),
                    repeat: Repeat::Once,
                });
            }
        }
        for occasion in &customer.fields.occasions {
            let series = occasion.kind.series();
            let several = series.len() > 1;
            for (series_of, template) in series {
                let Some((years, date)) = series_of.first_on_or_after(today) else {
                    continue;
                };
                if !series_of.is_yearly() && date > horizon {
                    continue;
                }
                let moment = occasion.moment_of(&template, years);
                let suffix = match (several, &moment) {
                    (true, Moment::CancellationDeadline { .. }) => "-deadline",
                    _ => "",
                };
                events.push(CalendarEvent {
                    uid: format!("occasion-{}-{}{suffix}@{DOMAIN}", customer.id, occasion.id),
                    date,
                    summary: who(&moment_words(&moment, words)),
                    // A yearly event's renewal moves every year; a one-off names it.
                    description: match &moment {
                        Moment::CancellationDeadline { renewal, .. } if !series_of.is_yearly() => {
                            format!("{} {}", words.contract_ends, format_date(*renewal))
                        }
                        _ => String::new(),
                    },
                    repeat: repeat_of(series_of, &occasion.kind, date),
                });
            }
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
    events
}

/// The follow-up of the latest contact: later contacts close earlier follow-ups, as
/// in the agenda.
fn open_follow_up(customer: &Customer) -> Option<&Contact> {
    customer
        .last_contact()
        .filter(|contact| contact.follow_up.is_some())
}

fn labelled(label: &str, reason: &str) -> String {
    if reason.trim().is_empty() {
        label.to_string()
    } else {
        format!("{label}: {}", reason.trim())
    }
}

/// Summaries stay the same every year, since one yearly event carries them all: the
/// anniversary does not count its years, the birthday not the age.
fn moment_words(moment: &Moment, words: &CalendarWords<'_>) -> String {
    match moment {
        Moment::Birthday { .. } => words.birthday.to_string(),
        Moment::CancellationDeadline { contract, .. } => format!("{} {contract}", words.deadline),
        Moment::ContractRenewal { contract, .. } => format!("{} {contract}", words.renewal),
        Moment::CustomerAnniversary { .. } => words.anniversary.to_string(),
        Moment::Custom { label } => label.clone(),
    }
}

fn repeat_of(series: Series, kind: &OccasionKind, first: NaiveDate) -> Repeat {
    if !series.is_yearly() {
        return Repeat::Once;
    }
    // The day the rule aims at: the stored day, or for a deadline the renewal's day.
    let aimed = kind.date().day();
    if first.month() == 2 && aimed >= 29 {
        Repeat::YearlyEndOfFebruary
    } else {
        Repeat::Yearly
    }
}

/// TEXT as RFC 5545 § 3.3.11 wants it: backslash, semicolon and comma escaped, line
/// breaks as `\n`.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line exceeds 75 octets (RFC 5545 § 3.1); a
/// fold never splits a UTF-8 sequence. Each line ends with CRLF.
pub fn fold_line(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for ch in line.chars() {
        let width = ch.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            // The leading space counts towards the continuation line's 75.
            used = 1;
        }
        out.push(ch);
        used += width;
    }
    out.push_str("\r\n");
    out
}

fn ics_date(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// The whole file. `stamp` is the moment of the export in UTC (`DTSTAMP`).
pub fn write_ics(events: &[CalendarEvent], stamp: NaiveDateTime) -> String {
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Klassenblick//Klassenblick//DE".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for event in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", event.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(event.date)));
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(next_day)));
        match event.repeat {
            Repeat::Once => {}
            Repeat::Yearly => lines.push("RRULE:FREQ=YEARLY".into()),
            Repeat::YearlyEndOfFebruary => {
                lines.push("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1".into())
            }
        }
        lines.push(format!("SUMMARY:{}", escape_text(&event.summary)));
        if !event.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape_text(&event.description)));
        }
        // An occasion marks a day; it does not make the adviser busy.
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold_line(l)).collect()
}

/// The calendar file of `customers` as seen on `today`.
pub fn calendar_file<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    today: NaiveDate,
    stamp: NaiveDateTime,
    words: &CalendarWords<'_>,
) -> String {
    write_ics(&calendar_events(customers, today, words), stamp)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "ics_tests.rs"]
mod tests;
