use super::agenda::*;
use super::downgrade::*;
use super::due_list::*;
use super::frequency::*;
use crate::domain::customer::builder::CustomerBuilder;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Channel;
use crate::domain::customer::contact::PlannedContact;
use crate::domain::customer::contact::{Contact, ContactResult, Direction};
use crate::domain::customer::hook::CurrentNote;
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Customer;
use crate::domain::ids::PlanId;
use crate::domain::ids::{ContactId, LineId};
use crate::domain::settings::ContactIntervals;
use chrono::NaiveDate;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
}

fn days_ago(n: i64) -> NaiveDate {
    today() - chrono::Duration::days(n)
}

fn contact(
    id: u64,
    day: NaiveDate,
    direction: Direction,
    result: ContactResult,
    hook: Option<HookKind>,
) -> Contact {
    Contact {
        id: ContactId(id),
        at: day.and_hms_opt(10, id as u32 % 60, 0).expect("valid"),
        who: "Anna".into(),
        channel: Channel::Phone,
        direction,
        reason: format!("Versuch {id}"),
        hook,
        line: None,
        result,
        follow_up: None,
        note: String::new(),
        interval_override: None,
        objection: None,
    }
}

fn customer(id: u64, class: CustomerClass, contacts: Vec<Contact>) -> Customer {
    CustomerBuilder::new(id, &format!("K{id}"))
        .class(class)
        .created(days_ago(400))
        .contacts(contacts)
        .build()
}

fn outbound(id: u64, ago: i64) -> Contact {
    contact(
        id,
        days_ago(ago),
        Direction::Outbound,
        ContactResult::Reached,
        None,
    )
}

#[test]
fn the_due_list_explains_and_ranks() {
    let intervals = ContactIntervals::default();
    let mut promo = customer(3, CustomerClass::O, vec![outbound(1, 120)]);
    promo.fields.current_note = Some(CurrentNote {
        written: days_ago(10),
        hook: HookKind::TimeLimitedPromotion,
        text: "Aktion".into(),
        valid_until: Some(today() + chrono::Duration::days(6)),
    });
    let customers = [
        customer(1, CustomerClass::B, vec![outbound(1, 94)]),
        customer(2, CustomerClass::B, vec![outbound(1, 10)]),
        promo,
        customer(4, CustomerClass::C, vec![]),
        customer(5, CustomerClass::A, vec![outbound(1, 31)]),
    ];
    let due = due_list(customers.iter(), &intervals, today());
    let ids: Vec<u64> = due.iter().map(|d| d.id.0).collect();
    assert_eq!(ids, vec![3, 1, 5]);
    assert_eq!(due[0].hook_ends_in, Some(6));
    assert_eq!(due[1].days_since_contact, Some(94));
}

#[test]
fn an_inbound_call_resets_the_due_clock_but_never_warns() {
    let intervals = ContactIntervals::default();
    let called = customer(
        1,
        CustomerClass::B,
        vec![
            outbound(1, 200),
            contact(
                2,
                days_ago(3),
                Direction::Inbound,
                ContactResult::Reached,
                None,
            ),
        ],
    );
    assert!(due_list([&called], &intervals, today()).is_empty());
    assert_eq!(
        frequency_warning(&called, Direction::Inbound, today(), &intervals),
        None
    );
    assert_eq!(
        frequency_warning(&called, Direction::Outbound, today(), &intervals),
        None
    );
}

#[test]
fn frequency_warnings_name_the_last_proactive_contact() {
    let intervals = ContactIntervals::default();
    let c = customer(1, CustomerClass::B, vec![outbound(7, 5)]);
    match frequency_warning(&c, Direction::Outbound, today(), &intervals) {
        Some(FrequencyWarning::TooSoon {
            last,
            days_since,
            interval,
        }) => {
            assert_eq!((last.id.0, days_since, interval), (7, 5, 45));
        }
        other => panic!("expected a warning, got {other:?}"),
    }
    let c_class = customer(2, CustomerClass::C, vec![]);
    assert_eq!(
        frequency_warning(&c_class, Direction::Outbound, today(), &intervals),
        Some(FrequencyWarning::NotProactive)
    );
}

#[test]
fn c_is_never_due_even_with_an_interval() {
    let intervals = ContactIntervals {
        c: Some(10),
        ..ContactIntervals::default()
    };
    let c = customer(1, CustomerClass::C, vec![outbound(1, 300)]);
    assert!(due_list([&c], &intervals, today()).is_empty());
}

#[test]
fn a_line_used_before_is_found_with_its_date() {
    let mut used = outbound(1, 12);
    used.line = Some(LineId(1001));
    let c = customer(1, CustomerClass::B, vec![used, outbound(2, 3)]);
    assert_eq!(line_used_before(&c, LineId(1001)), Some(days_ago(12)));
    assert_eq!(line_used_before(&c, LineId(1002)), None);
}

#[test]
fn an_objection_heard_before_is_found_with_its_latest_date() {
    let heard = |id, ago, objection| Contact {
        objection,
        ..contact(
            id,
            days_ago(ago),
            Direction::Inbound,
            ContactResult::Refused,
            None,
        )
    };
    let c = customer(
        1,
        CustomerClass::B,
        vec![
            heard(1, 40, Some(LineId(2002))),
            heard(2, 15, Some(LineId(2001))),
            heard(3, 8, Some(LineId(2002))),
            heard(4, 2, None),
        ],
    );
    assert_eq!(objection_heard_before(&c, LineId(2002)), Some(days_ago(8)));
    assert_eq!(objection_heard_before(&c, LineId(2005)), None);
    assert_eq!(
        objections_heard(&c),
        vec![(LineId(2002), days_ago(8)), (LineId(2001), days_ago(15))]
    );
    assert!(objections_heard(&customer(2, CustomerClass::O, vec![outbound(5, 3)])).is_empty());
}

#[test]
fn a_hook_used_before_is_found_with_its_date() {
    let c = customer(
        1,
        CustomerClass::B,
        vec![
            contact(
                1,
                days_ago(30),
                Direction::Outbound,
                ContactResult::Reached,
                Some(HookKind::LegalChange),
            ),
            contact(
                2,
                days_ago(9),
                Direction::Inbound,
                ContactResult::Reached,
                Some(HookKind::LegalChange),
            ),
        ],
    );
    assert_eq!(
        hook_used_before(&c, &HookKind::LegalChange),
        Some(days_ago(9))
    );
    assert_eq!(hook_used_before(&c, &HookKind::ExtraBenefit), None);
}

fn refusal(id: u64, day: NaiveDate) -> Contact {
    contact(id, day, Direction::Outbound, ContactResult::Refused, None)
}

#[test]
fn downgrade_needs_refusals_on_distinct_days() {
    let one = customer(1, CustomerClass::O, vec![refusal(1, days_ago(3))]);
    assert_eq!(downgrade_suggestion(&one, 3), None);
    assert_eq!(
        downgrade_suggestion(&one, 1),
        None,
        "the setting never goes below 2"
    );
    let same_day = customer(
        2,
        CustomerClass::O,
        vec![
            refusal(1, days_ago(3)),
            refusal(2, days_ago(3)),
            refusal(3, days_ago(3)),
        ],
    );
    assert_eq!(downgrade_suggestion(&same_day, 3), None);
    let three_days = customer(
        3,
        CustomerClass::O,
        vec![
            refusal(1, days_ago(30)),
            refusal(2, days_ago(20)),
            refusal(3, days_ago(10)),
        ],
    );
    let suggestion = downgrade_suggestion(&three_days, 3).expect("three refusals on three days");
    assert_eq!(suggestion.refusals.len(), 3);
    let mut b = three_days.clone();
    b.fields.class = CustomerClass::B;
    assert_eq!(downgrade_suggestion(&b, 3), None, "only O customers");
}

#[test]
fn a_dismissal_holds_until_a_new_refusal() {
    let mut c = customer(
        3,
        CustomerClass::O,
        vec![
            refusal(1, days_ago(30)),
            refusal(2, days_ago(20)),
            refusal(3, days_ago(10)),
        ],
    );
    c.downgrade_dismissed = Some(days_ago(5).and_hms_opt(12, 0, 0).expect("valid"));
    assert_eq!(downgrade_suggestion(&c, 3), None);
    c.contacts.push(contact(
        4,
        days_ago(1),
        Direction::Outbound,
        ContactResult::Reached,
        None,
    ));
    assert_eq!(
        downgrade_suggestion(&c, 3),
        None,
        "a contact that was not refused changes nothing"
    );
    c.contacts.push(refusal(5, days_ago(1)));
    assert!(downgrade_suggestion(&c, 3).is_some());
}

#[test]
fn suggestions_come_for_every_refusing_o_customer_until_dismissed() {
    let refusing = |id| {
        customer(
            id,
            CustomerClass::O,
            vec![
                refusal(id * 10 + 1, days_ago(30)),
                refusal(id * 10 + 2, days_ago(20)),
                refusal(id * 10 + 3, days_ago(10)),
            ],
        )
    };
    let quiet = customer(9, CustomerClass::O, vec![]);
    let customers = vec![refusing(1), quiet, refusing(2)];
    let ids = |list: Vec<DowngradeSuggestion>| list.iter().map(|s| s.id.0).collect::<Vec<_>>();
    assert_eq!(ids(downgrade_suggestions(&customers, 3)), vec![1, 2]);
    let at = days_ago(5).and_hms_opt(12, 0, 0).expect("valid");
    let dismissed = customers[0].dismiss_downgrade(at);
    assert_eq!(dismissed.downgrade_dismissed, Some(at));
    assert_eq!(
        ids(downgrade_suggestions([&dismissed, &customers[2]], 3)),
        vec![2]
    );
}

#[test]
fn the_agenda_sorts_plans_and_open_follow_ups_by_day() {
    let mut c = customer(1, CustomerClass::B, vec![]);
    let mut with_follow_up = outbound(1, 20);
    with_follow_up.follow_up = Some(today());
    c.contacts.push(with_follow_up);
    for (id, offset) in [(1u64, -2i64), (2, 3), (3, 10)] {
        c.plans.push(PlannedContact {
            id: PlanId(id),
            due: today() + chrono::Duration::days(offset),
            reason: format!("Plan {id}"),
            hook: None,
            line: None,
            interval_override: None,
        });
    }
    let a = agenda([&c], today());
    assert_eq!(
        a.overdue
            .iter()
            .map(|i| i.reason.as_str())
            .collect::<Vec<_>>(),
        vec!["Plan 1"]
    );
    assert_eq!(
        a.today
            .iter()
            .map(|i| i.reason.as_str())
            .collect::<Vec<_>>(),
        vec!["Versuch 1"]
    );
    assert_eq!(
        a.week.iter().map(|i| i.reason.as_str()).collect::<Vec<_>>(),
        vec!["Plan 2"]
    );
    c.contacts.push(outbound(2, 1));
    assert!(
        agenda([&c], today()).today.is_empty(),
        "a later contact closes the follow-up"
    );
}

fn arb_customers() -> impl Strategy<Value = Vec<Customer>> {
    proptest::collection::vec(
        (
            0u8..4,
            proptest::collection::vec((0i64..300, any::<bool>()), 0..5),
        ),
        0..40,
    )
    .prop_map(|specs| {
        let classes = [
            CustomerClass::A,
            CustomerClass::B,
            CustomerClass::O,
            CustomerClass::C,
        ];
        specs
            .into_iter()
            .enumerate()
            .map(|(i, (class, contacts))| {
                let contacts = contacts
                    .into_iter()
                    .enumerate()
                    .map(|(j, (ago, inbound))| {
                        let direction = if inbound {
                            Direction::Inbound
                        } else {
                            Direction::Outbound
                        };
                        contact(
                            j as u64,
                            days_ago(ago),
                            direction,
                            ContactResult::Reached,
                            None,
                        )
                    })
                    .collect();
                customer(i as u64, classes[class as usize], contacts)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn nobody_inside_the_interval_and_no_c_is_ever_due(customers in arb_customers(), c_interval in proptest::option::of(1u32..100)) {
        let intervals = ContactIntervals { c: c_interval, ..ContactIntervals::default() };
        let due = due_list(customers.iter(), &intervals, today());
        for entry in &due {
            let c = &customers[entry.id.0 as usize];
            prop_assert_ne!(c.class(), CustomerClass::C);
            let interval = i64::from(intervals.for_class(c.class()).unwrap_or(0));
            if let Some(day) = last_contact_day(c) {
                prop_assert!((today() - day).num_days() >= interval);
            }
        }
        let again = due_list(customers.iter().rev(), &intervals, today());
        prop_assert_eq!(due, again, "ranking does not depend on input order");
    }

    #[test]
    fn warnings_appear_exactly_inside_the_interval(ago in 0i64..200, class in 0u8..3) {
        let classes = [CustomerClass::A, CustomerClass::B, CustomerClass::O];
        let intervals = ContactIntervals::default();
        let c = customer(1, classes[class as usize], vec![outbound(1, ago)]);
        let interval = i64::from(intervals.for_class(c.class()).unwrap_or(0));
        let warned = frequency_warning(&c, Direction::Outbound, today(), &intervals).is_some();
        prop_assert_eq!(warned, ago < interval);
        prop_assert!(frequency_warning(&c, Direction::Inbound, today(), &intervals).is_none());
    }
}
