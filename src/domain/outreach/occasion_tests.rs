//! How occasions feed the due list and the agenda.

use super::agenda::*;
use super::due_list::*;
use crate::domain::customer::builder::CustomerBuilder;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Contact, Direction};
use crate::domain::customer::occasion::{Moment, OccasionKind};
use crate::domain::customer::record::Customer;
use crate::domain::ids::{ContactId, CustomerId};
use crate::domain::settings::ContactIntervals;
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
}

fn in_days(n: i64) -> NaiveDate {
    today() + Duration::days(n)
}

fn called(days_ago: i64) -> Contact {
    let at = (today() - Duration::days(days_ago))
        .and_hms_opt(10, 0, 0)
        .expect("valid");
    Contact::call(ContactId(1), at, Direction::Outbound, "Gespräch")
}

fn renewal_in(days: i64, notice_months: u32) -> OccasionKind {
    OccasionKind::ContractRenewal {
        contract: "Kfz-Versicherung".into(),
        renewal: in_days(days),
        notice_months,
        yearly: true,
    }
}

fn customer(id: u64, class: CustomerClass, last_call: i64) -> CustomerBuilder {
    CustomerBuilder::new(id, &format!("K{id}"))
        .class(class)
        .created(today() - Duration::days(400))
        .contacts(vec![called(last_call)])
}

#[test]
fn a_near_deadline_ranks_a_b_customer_up_and_says_why() {
    let intervals = ContactIntervals::default();
    let plain = customer(1, CustomerClass::B, 120).build();
    // The acceptance case: renewal in 40 days, one month's notice.
    let renewing = customer(2, CustomerClass::B, 50)
        .occasion(7, renewal_in(40, 1))
        .build();
    let due = due_list([&plain, &renewing], &intervals, today());
    let ids: Vec<u64> = due.iter().map(|d| d.id.0).collect();
    assert_eq!(ids, vec![2, 1], "the deadline outranks a longer wait");
    let hit = due[0].occasion.as_ref().expect("the reason is given");
    let deadline = in_days(40)
        .checked_sub_months(chrono::Months::new(1))
        .expect("valid");
    assert_eq!(hit.occurrence.date, deadline);
    assert_eq!(hit.days, (deadline - today()).num_days());
    assert_eq!(
        hit.occurrence.moment,
        Moment::CancellationDeadline {
            contract: "Kfz-Versicherung".into(),
            renewal: in_days(40)
        }
    );
    assert_eq!(due[1].occasion, None);
}

#[test]
fn an_occasion_never_beats_the_interval_or_lists_a_c_customer() {
    let intervals = ContactIntervals::default();
    let too_soon = customer(1, CustomerClass::B, 10)
        .occasion(1, renewal_in(12, 0))
        .build();
    let c_class = customer(2, CustomerClass::C, 400)
        .occasion(1, renewal_in(12, 0))
        .build();
    assert!(due_list([&too_soon, &c_class], &intervals, today()).is_empty());
}

#[test]
fn an_a_customer_is_listed_as_before_without_an_occasion_boost() {
    let intervals = ContactIntervals::default();
    let plain = customer(1, CustomerClass::A, 40).build();
    let birthday = customer(2, CustomerClass::A, 40)
        .occasion(
            1,
            OccasionKind::Birthday {
                date: NaiveDate::from_ymd_opt(1970, 11, 29).expect("valid"),
            },
        )
        .build();
    let due = due_list([&plain, &birthday], &intervals, today());
    assert_eq!(due.len(), 2);
    assert_eq!(due[0].score, due[1].score);
    assert!(due.iter().all(|d| d.occasion.is_none()));
}

#[test]
fn far_occasions_do_not_count() {
    let intervals = ContactIntervals::default();
    let later = customer(1, CustomerClass::O, 200)
        .occasion(1, renewal_in(120, 2))
        .build();
    let due = due_list([&later], &intervals, today());
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].occasion, None, "the deadline is 60 days away");
}

#[test]
fn the_agenda_week_holds_the_next_seven_days_of_occasions() {
    let birthday_today = customer(2, CustomerClass::A, 1)
        .occasion(
            1,
            OccasionKind::Birthday {
                date: NaiveDate::from_ymd_opt(1980, 11, 27).expect("valid"),
            },
        )
        .build();
    let deadline_in_six = customer(1, CustomerClass::B, 1)
        .occasion(1, renewal_in(37, 1))
        .build();
    let own_in_seven = customer(3, CustomerClass::O, 1)
        .occasion(
            1,
            OccasionKind::Custom {
                label: "Praxisjubiläum".into(),
                date: in_days(7),
                yearly: false,
            },
        )
        .build();
    let yesterday = customer(4, CustomerClass::B, 1)
        .occasion(
            1,
            OccasionKind::CustomerSince {
                date: NaiveDate::from_ymd_opt(2016, 11, 26).expect("valid"),
            },
        )
        .build();
    let all = [birthday_today, deadline_in_six, own_in_seven, yesterday];
    let week = week_occasions(all.iter(), today());
    let seen: Vec<(u64, i64)> = week.iter().map(|o| (o.id.0, o.hit.days)).collect();
    let deadline_days = (in_days(37)
        .checked_sub_months(chrono::Months::new(1))
        .expect("valid")
        - today())
    .num_days();
    assert_eq!(seen, vec![(2, 0), (1, deadline_days)]);
}

fn any_class() -> impl Strategy<Value = CustomerClass> {
    prop::sample::select(vec![
        CustomerClass::A,
        CustomerClass::B,
        CustomerClass::C,
        CustomerClass::O,
    ])
}

proptest! {
    #[test]
    fn occasions_change_the_rank_never_the_membership(
        people in prop::collection::vec((any_class(), 0i64..200, prop::option::of((-5i64..60, 0u32..4))), 1..12),
    ) {
        let intervals = ContactIntervals::default();
        let with: Vec<Customer> = people
            .iter()
            .enumerate()
            .map(|(i, (class, last, occasion))| {
                let builder = customer(i as u64, *class, *last);
                match occasion {
                    Some((days, notice)) => builder.occasion(1, renewal_in(*days, *notice)),
                    None => builder,
                }
                .build()
            })
            .collect();
        let without: Vec<Customer> = with
            .iter()
            .map(|c| {
                let mut plain = c.clone();
                plain.fields.occasions.clear();
                plain
            })
            .collect();
        let listed = |list: &[DueEntry]| {
            let mut ids: Vec<CustomerId> = list.iter().map(|d| d.id).collect();
            ids.sort();
            ids
        };
        let due_with = due_list(with.iter(), &intervals, today());
        let due_without = due_list(without.iter(), &intervals, today());
        prop_assert_eq!(listed(&due_with), listed(&due_without));
        for entry in &due_with {
            prop_assert!(entry.class != CustomerClass::C);
            if entry.occasion.is_some() {
                prop_assert!(entry.class.is_potential_class());
            }
            let plain = due_without.iter().find(|d| d.id == entry.id).expect("listed");
            prop_assert!(entry.score >= plain.score);
        }
    }
}
