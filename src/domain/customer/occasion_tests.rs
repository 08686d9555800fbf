use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn occasion(kind: OccasionKind) -> Occasion {
    Occasion::new(OccasionId(1), kind)
}

fn contract(renewal: NaiveDate, notice_months: u32, yearly: bool) -> Occasion {
    occasion(OccasionKind::ContractRenewal {
        contract: "Kfz-Versicherung".into(),
        renewal,
        notice_months,
        yearly,
    })
}

#[test]
fn a_birthday_comes_next_on_its_day_this_year_or_next() {
    let birthday = occasion(OccasionKind::Birthday {
        date: d(1970, 5, 12),
    });
    let next = birthday.next(d(2026, 5, 1)).expect("a next birthday");
    assert_eq!(
        (next.date, next.moment),
        (d(2026, 5, 12), Moment::Birthday { age: 56 })
    );
    assert_eq!(birthday.days_until(d(2026, 5, 1)), Some(11));
    assert_eq!(birthday.days_until(d(2026, 5, 12)), Some(0), "today counts");
    let after = birthday.next(d(2026, 5, 13)).expect("next year");
    assert_eq!(
        (after.date, after.moment),
        (d(2027, 5, 12), Moment::Birthday { age: 57 })
    );
}

#[test]
fn the_29th_of_february_falls_on_the_28th_in_other_years() {
    let leap = occasion(OccasionKind::Birthday {
        date: d(1988, 2, 29),
    });
    assert_eq!(
        leap.next(d(2026, 1, 1)).map(|o| o.date),
        Some(d(2026, 2, 28))
    );
    assert_eq!(
        leap.next(d(2028, 1, 1)).map(|o| o.date),
        Some(d(2028, 2, 29))
    );
    assert_eq!(
        leap.next(d(2027, 3, 1)).map(|o| o.date),
        Some(d(2028, 2, 29)),
        "the next leap year has its own day back"
    );
}

#[test]
fn the_deadline_is_the_renewal_minus_the_notice_across_a_year_boundary() {
    assert_eq!(
        cancellation_deadline(d(2027, 1, 1), 3),
        Some(d(2026, 10, 1))
    );
    let kfz = contract(d(2027, 1, 1), 3, false);
    let next = kfz.next(d(2026, 9, 1)).expect("deadline ahead");
    assert_eq!(next.date, d(2026, 10, 1));
    assert_eq!(
        next.moment,
        Moment::CancellationDeadline {
            contract: "Kfz-Versicherung".into(),
            renewal: d(2027, 1, 1)
        }
    );
    let after_deadline = kfz
        .next(d(2026, 10, 2))
        .expect("the renewal is still ahead");
    assert_eq!(after_deadline.date, d(2027, 1, 1));
    assert!(matches!(
        after_deadline.moment,
        Moment::ContractRenewal { yearly: false, .. }
    ));
    assert_eq!(kfz.next(d(2027, 1, 2)), None, "a one-off contract is over");
}

#[test]
fn month_ends_follow_calendar_months() {
    assert_eq!(
        d(2027, 1, 31).checked_add_months(Months::new(1)),
        Some(d(2027, 2, 28))
    );
    assert_eq!(
        cancellation_deadline(d(2027, 3, 31), 1),
        Some(d(2027, 2, 28))
    );
    assert_eq!(
        cancellation_deadline(d(2028, 3, 31), 1),
        Some(d(2028, 2, 29))
    );
    assert_eq!(
        cancellation_deadline(d(2026, 12, 31), 6),
        Some(d(2026, 6, 30))
    );
    let yearly = contract(d(2027, 3, 31), 1, true);
    let deadlines: Vec<NaiveDate> = yearly
        .occurrences(d(2027, 1, 1), d(2029, 12, 31))
        .into_iter()
        .filter(|o| o.moment.is_deadline())
        .map(|o| o.date)
        .collect();
    assert_eq!(
        deadlines,
        vec![d(2027, 2, 28), d(2028, 2, 29), d(2029, 2, 28)]
    );
}

#[test]
fn a_yearly_contract_rolls_its_renewal_and_deadline_forward() {
    let kfz = contract(d(2025, 1, 1), 3, true);
    let next = kfz.next(d(2026, 11, 27)).expect("yearly always has a next");
    assert_eq!(next.date, d(2027, 1, 1), "this year's deadline has passed");
    assert!(matches!(
        next.moment,
        Moment::ContractRenewal { yearly: true, .. }
    ));
    let later = kfz.next(d(2027, 1, 2)).expect("next year");
    assert_eq!(later.date, d(2027, 10, 1));
    assert_eq!(
        later.moment,
        Moment::CancellationDeadline {
            contract: "Kfz-Versicherung".into(),
            renewal: d(2028, 1, 1)
        }
    );
}

#[test]
fn anniversaries_count_years_and_mark_round_ones() {
    let since = occasion(OccasionKind::CustomerSince {
        date: d(2016, 3, 1),
    });
    let next = since.next(d(2026, 2, 1)).expect("anniversary");
    assert_eq!(
        next.moment,
        Moment::CustomerAnniversary {
            years: 10,
            round: true
        }
    );
    let moments: Vec<Moment> = since
        .occurrences(d(2016, 1, 1), d(2021, 12, 31))
        .into_iter()
        .map(|o| o.moment)
        .collect();
    assert_eq!(moments.len(), 5, "the first day itself is no anniversary");
    assert_eq!(
        moments[4],
        Moment::CustomerAnniversary {
            years: 5,
            round: true
        }
    );
    assert_eq!(
        moments[0],
        Moment::CustomerAnniversary {
            years: 1,
            round: false
        }
    );
}

#[test]
fn own_occasions_repeat_only_when_asked() {
    let once = occasion(OccasionKind::Custom {
        label: "Praxiseröffnung".into(),
        date: d(2026, 12, 5),
        yearly: false,
    });
    assert_eq!(once.days_until(d(2026, 11, 27)), Some(8));
    assert_eq!(once.next(d(2026, 12, 6)), None);
    let yearly = occasion(OccasionKind::Custom {
        label: "Hochzeitstag".into(),
        date: d(2020, 6, 20),
        yearly: true,
    });
    assert_eq!(
        yearly.next(d(2026, 6, 21)).map(|o| o.date),
        Some(d(2027, 6, 20))
    );
}

#[test]
fn around_today_sorts_by_closeness_and_keeps_recent_ones() {
    let today = d(2026, 11, 27);
    let occasions = vec![
        Occasion::new(
            OccasionId(1),
            OccasionKind::Birthday {
                date: d(1980, 11, 25),
            },
        ),
        Occasion::new(
            OccasionId(2),
            OccasionKind::ContractRenewal {
                contract: "Hausrat".into(),
                renewal: d(2027, 1, 6),
                notice_months: 1,
                yearly: true,
            },
        ),
        Occasion::new(
            OccasionId(3),
            OccasionKind::Birthday {
                date: d(1990, 11, 10),
            },
        ),
    ];
    let hits = occasions_around(&occasions, today, RECENT_DAYS, NEAR_DAYS);
    let seen: Vec<(u64, i64)> = hits
        .iter()
        .map(|h| (h.occurrence.occasion.0, h.days))
        .collect();
    assert_eq!(
        seen,
        vec![(1, -2), (2, 9)],
        "17 days ago is no longer recent"
    );
    let nearest = nearest_ahead(&occasions, today).expect("the deadline is near");
    assert_eq!(nearest.days, 9);
    assert!(nearest.occurrence.moment.is_deadline());
    assert_eq!(nearest.occurrence.moment.hook(), HookKind::Occasion);
}

#[test]
fn stored_occasions_read_back() {
    let kinds = vec![
        OccasionKind::Birthday {
            date: d(1970, 5, 12),
        },
        OccasionKind::ContractRenewal {
            contract: "Kfz".into(),
            renewal: d(2027, 1, 1),
            notice_months: 3,
            yearly: true,
        },
        OccasionKind::CustomerSince {
            date: d(2016, 3, 1),
        },
        OccasionKind::Custom {
            label: "Jubiläum".into(),
            date: d(2026, 6, 1),
            yearly: false,
        },
    ];
    for kind in kinds {
        let stored = occasion(kind);
        let text = serde_json::to_string(&stored).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Occasion>(&text).expect("reads"),
            stored
        );
    }
    let minimal: Occasion = serde_json::from_str(
        r#"{"id":4,"kind":{"type":"contract_renewal","contract":"Kfz","renewal":"2027-01-01"}}"#,
    )
    .expect("notice and yearly default");
    assert_eq!(
        minimal.kind,
        OccasionKind::ContractRenewal {
            contract: "Kfz".into(),
            renewal: d(2027, 1, 1),
            notice_months: 0,
            yearly: false
        }
    );
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2090, 1u32..=12, 1u32..=31).prop_map(|(y, m, day)| {
        NaiveDate::from_ymd_opt(y, m, day)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .expect("28 is in every month")
    })
}

fn any_kind() -> impl Strategy<Value = OccasionKind> {
    prop_oneof![
        any_day().prop_map(|date| OccasionKind::Birthday { date }),
        any_day().prop_map(|date| OccasionKind::CustomerSince { date }),
        (any_day(), 0u32..=80, any::<bool>()).prop_map(|(renewal, notice_months, yearly)| {
            OccasionKind::ContractRenewal {
                contract: "V".into(),
                renewal,
                notice_months,
                yearly,
            }
        }),
        (any_day(), any::<bool>()).prop_map(|(date, yearly)| OccasionKind::Custom {
            label: "X".into(),
            date,
            yearly
        }),
    ]
}

proptest! {
    #[test]
    fn the_next_day_is_on_or_after_today_and_nothing_lies_between(
        kind in any_kind(),
        today in any_day(),
    ) {
        let occasion = occasion(kind);
        match occasion.next(today) {
            Some(next) => {
                prop_assert!(next.date >= today);
                let before = occasion.occurrences(today, next.date);
                prop_assert_eq!(before.first().map(|o| o.date), Some(next.date));
                prop_assert_eq!(occasion.days_until(today), Some((next.date - today).num_days()));
            }
            None => {
                prop_assert!(!occasion.kind.is_yearly(), "a yearly occasion always comes back");
                prop_assert!(occasion.kind.date() < today);
            }
        }
    }

    #[test]
    fn a_yearly_occasion_falls_once_in_every_year_after_it_started(
        date in any_day(),
        year_offset in 1i32..60,
    ) {
        let birthday = occasion(OccasionKind::Birthday { date });
        let year = date.year() + year_offset;
        let days = birthday.occurrences(d(year, 1, 1), d(year, 12, 31));
        prop_assert_eq!(days.len(), 1);
        prop_assert_eq!(days[0].date.month(), date.month(), "never moved to another month");
        prop_assert_eq!(days[0].moment.clone(), Moment::Birthday { age: year_offset as u32 });
    }

    #[test]
    fn each_deadline_lies_its_notice_before_its_renewal(
        renewal in any_day(),
        notice in 1u32..=24,
        today in any_day(),
    ) {
        let kfz = contract(renewal, notice, true);
        let to = today + chrono::Duration::days(800);
        for occurrence in kfz.occurrences(today, to) {
            if let Moment::CancellationDeadline { renewal: ends, .. } = occurrence.moment {
                prop_assert_eq!(cancellation_deadline(ends, notice), Some(occurrence.date));
                prop_assert!(ends > occurrence.date);
                prop_assert_eq!((ends.month(), ends.year() >= renewal.year()), (renewal.month(), true));
            }
        }
    }
}
