use super::*;
use crate::domain::customer::builder::CustomerBuilder;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Direction, PlannedContact};
use crate::domain::ids::{ContactId, PlanId};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid")
}

fn today() -> NaiveDate {
    d(2026, 9, 1)
}

fn stamp() -> NaiveDateTime {
    today().and_hms_opt(8, 30, 0).expect("valid")
}

pub(super) fn sample() -> Vec<Customer> {
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
    let mut berta = CustomerBuilder::new(5, "Berta Schulz")
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
        .build();
    berta = berta.with_contact(Contact {
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

#[test]
fn text_is_escaped() {
    assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
}

#[test]
fn folding_keeps_utf8_sequences_whole() {
    let line = format!("SUMMARY:{}", "ä".repeat(60));
    let folded = fold_line(&line);
    let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(parts.len(), 2);
    assert!(parts[0].len() <= 75 && parts[0].len() >= 74);
    assert!(parts[1].starts_with(' '));
    assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    assert_eq!(fold_line("VERSION:2.0"), "VERSION:2.0\r\n");
}

proptest! {
    #[test]
    fn any_line_folds_within_75_octets_and_unfolds_to_itself(text in "\\PC{0,300}") {
        let line = format!("SUMMARY:{}", escape_text(&text));
        let folded = fold_line(&line);
        prop_assert!(folded.ends_with("\r\n"));
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(part.len() <= 75);
        }
        prop_assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
    }
}
