//! The calendar file read back by a real iCalendar parser: Python's `icalendar`
//! package, through `tests/ics_check.py`. Runs when the interpreter in `KB_ICS_PYTHON`
//! (or `python3`) can import icalendar and says so plainly when it cannot;
//! `scripts/test` installs it into a virtual environment and sets
//! `KB_REQUIRE_ICALENDAR=1`, so that there the check cannot be skipped. Beside it, the
//! events and the file's form, checked here on the same sample.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::{NaiveDate, NaiveDateTime};
use klassenblick::domain::customer::builder::CustomerBuilder;
use klassenblick::domain::customer::class::CustomerClass;
use klassenblick::domain::customer::contact::{Contact, Direction, PlannedContact};
use klassenblick::domain::customer::occasion::{Occasion, OccasionKind};
use klassenblick::domain::customer::record::Customer;
use klassenblick::domain::exchange::ics::{calendar_events, calendar_file, CalendarWords, Repeat};
use klassenblick::domain::ids::{ContactId, OccasionId, PlanId};
use std::process::Command;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid")
}

/// An open plan, a follow-up and one occasion of every kind, one of them beyond the
/// next twelve months.
fn sample() -> Vec<Customer> {
    let mut meier = CustomerBuilder::new(42, "Jörg Meier")
        .class(CustomerClass::B)
        .occasion(
            1,
            OccasionKind::ContractRenewal {
                contract: "Kfz-Versicherung".into(),
                renewal: d(2027, 1, 1),
                notice_months: 3,
                yearly: false,
            },
        )
        .occasion(
            2,
            OccasionKind::Birthday {
                date: d(1988, 2, 29),
            },
        )
        .build();
    meier.plans.push(PlannedContact {
        id: PlanId(7),
        due: d(2026, 9, 3),
        reason: "Angebot, Hausrat; besprechen".into(),
        hook: None,
        line: None,
        interval_override: None,
    });
    let berta = CustomerBuilder::new(5, "Berta Schulz")
        .class(CustomerClass::O)
        .occasion(
            3,
            OccasionKind::CustomerSince {
                date: d(2016, 10, 15),
            },
        )
        .occasion(
            4,
            OccasionKind::Custom {
                label: "Praxiseröffnung".into(),
                date: d(2028, 1, 1),
                yearly: false,
            },
        )
        .build()
        .with_contact(Contact {
            follow_up: Some(d(2026, 9, 10)),
            ..Contact::call(
                ContactId(11),
                d(2026, 8, 20).and_hms_opt(9, 0, 0).expect("valid"),
                Direction::Outbound,
                "Rückruf",
            )
        });
    vec![meier, berta]
}

#[test]
fn the_events_carry_stable_uids_class_letters_and_yearly_rules() {
    let events = calendar_events(sample().iter(), today(), &CalendarWords::german());
    let seen: Vec<(&str, NaiveDate, &str, Repeat)> = events
        .iter()
        .map(|e| (e.uid.as_str(), e.date, e.summary.as_str(), e.repeat))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "plan-42-7@klassenblick",
                d(2026, 9, 3),
                "B · Geplanter Kontakt: Angebot, Hausrat; besprechen · Jörg Meier",
                Repeat::Once
            ),
            (
                "follow-up-5-11@klassenblick",
                d(2026, 9, 10),
                "O · Wiedervorlage: Rückruf · Berta Schulz",
                Repeat::Once
            ),
            (
                "occasion-42-1-deadline@klassenblick",
                d(2026, 10, 1),
                "B · Kündigungsfrist Kfz-Versicherung · Jörg Meier",
                Repeat::Once
            ),
            (
                "occasion-5-3@klassenblick",
                d(2026, 10, 15),
                "O · Kundenjubiläum · Berta Schulz",
                Repeat::Yearly
            ),
            (
                "occasion-42-1@klassenblick",
                d(2027, 1, 1),
                "B · Vertragsablauf Kfz-Versicherung · Jörg Meier",
                Repeat::Once
            ),
            (
                "occasion-42-2@klassenblick",
                d(2027, 2, 28),
                "B · Geburtstag · Jörg Meier",
                Repeat::YearlyEndOfFebruary
            ),
        ],
        "the one-off occasion in 2028 lies beyond twelve months"
    );
    assert_eq!(events[2].description, "Vertrag läuft aus am 01.01.2027");
}

#[test]
fn the_file_follows_rfc_5545() {
    let text = calendar_file(sample().iter(), today(), stamp(), &CalendarWords::german());
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    assert!(text.contains("DTSTAMP:20260901T083000Z\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20261001\r\nDTEND;VALUE=DATE:20261002\r\n"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"));
    assert!(text.contains("SUMMARY:B · Geplanter Kontakt: Angebot\\, Hausrat\\; besprechen"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 6);
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
}

fn today() -> NaiveDate {
    d(2026, 9, 1)
}

fn stamp() -> NaiveDateTime {
    today().and_hms_opt(8, 30, 0).expect("valid")
}

/// The sample and a yearly occasion whose long label must be folded and escaped.
/// Must match `EXPECTED` in `tests/ics_check.py`.
fn sample_for_the_parser() -> Vec<Customer> {
    let mut customers = sample();
    customers[0].fields.occasions.push(Occasion {
        id: OccasionId(3),
        kind: OccasionKind::Custom {
            label: "Sehr langer Anlass mit Umlauten äöüß, Kommas, Semikolons; und noch mehr Text"
                .into(),
            date: d(2020, 9, 20),
            yearly: true,
        },
    });
    customers
}

fn python_with_icalendar() -> Option<String> {
    let python = std::env::var("KB_ICS_PYTHON").unwrap_or_else(|_| "python3".into());
    Command::new(&python)
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|out| out.status.success())
        .then_some(python)
}

#[test]
fn a_real_parser_reads_the_events_uids_and_yearly_rules() {
    let text = calendar_file(
        sample_for_the_parser().iter(),
        today(),
        stamp(),
        &CalendarWords::german(),
    );
    let path = std::env::temp_dir().join(format!("kb-calendar-{}.ics", std::process::id()));
    std::fs::write(&path, &text).expect("written");
    let Some(python) = python_with_icalendar() else {
        assert!(
            std::env::var_os("KB_REQUIRE_ICALENDAR").is_none(),
            "KB_REQUIRE_ICALENDAR is set but icalendar cannot be imported"
        );
        eprintln!(
            "Python's icalendar package is missing: the calendar file was written to {} but \
             not checked with a real parser. `pip install icalendar` (or scripts/test) runs it.",
            path.display()
        );
        return;
    };
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ics_check.py");
    let out = Command::new(python)
        .arg(script)
        .arg(&path)
        .output()
        .expect("python runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "ics_check.py failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprint!("{}", String::from_utf8_lossy(&out.stdout));
}
