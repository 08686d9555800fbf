//! ABC analysis: classes proposed from each customer's share of total revenue.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::settings::Settings;
use chrono::NaiveDate;

/// One proposed class change, with what the user needs to judge it.
#[derive(Debug, Clone, PartialEq)]
pub struct AbcProposal {
    pub id: CustomerId,
    pub from: CustomerClass,
    pub to: CustomerClass,
    pub revenue_cents: i64,
    /// The customer's own share of total revenue, in percent.
    pub share_percent: f64,
    /// Cumulative share of all customers ranked above and including this one, in percent.
    pub cumulative_percent: f64,
    /// The user set the class by hand recently: shown, but not pre-selected.
    pub recently_set_by_hand: bool,
}

/// The class every customer with revenue would get. Customers are ranked by revenue;
/// a customer is A while the revenue ranked above it is below the A threshold, B while
/// below the B threshold, C after that. The first customer is therefore always A, and
/// customers with equal revenue always share a class. Customers without revenue (zero
/// or negative) get no class here: they stay as they are, usually O.
pub fn abc_classes(
    customers: &[(CustomerId, i64)],
    a_percent: u8,
    b_percent: u8,
) -> Vec<(CustomerId, CustomerClass)> {
    let mut ranked: Vec<(CustomerId, i64)> =
        customers.iter().copied().filter(|(_, r)| *r > 0).collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: i128 = ranked.iter().map(|(_, r)| i128::from(*r)).sum();
    let mut above: i128 = 0;
    let mut classes = Vec::with_capacity(ranked.len());
    let mut previous: Option<(i64, CustomerClass)> = None;
    for (id, revenue) in ranked {
        let class = match previous {
            Some((prev_revenue, prev_class)) if prev_revenue == revenue => prev_class,
            _ => {
                // Compare above/total with percent/100 in integers, so ties never depend on rounding.
                if above * 100 < total * i128::from(a_percent) {
                    CustomerClass::A
                } else if above * 100 < total * i128::from(b_percent) {
                    CustomerClass::B
                } else {
                    CustomerClass::C
                }
            }
        };
        classes.push((id, class));
        above += i128::from(revenue);
        previous = Some((revenue, class));
    }
    classes
}

/// The changes the analysis proposes for the given customers, largest revenue first.
pub fn abc_proposals<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<AbcProposal> {
    let customers: Vec<&Customer> = customers.into_iter().collect();
    let revenues: Vec<(CustomerId, i64)> = customers
        .iter()
        .map(|c| (c.id, c.fields.revenue_cents))
        .collect();
    let total: i64 = revenues.iter().map(|(_, r)| (*r).max(0)).sum();
    let classes = abc_classes(&revenues, settings.abc_a_percent, settings.abc_b_percent);
    let by_id: std::collections::HashMap<CustomerId, &Customer> =
        customers.iter().map(|c| (c.id, *c)).collect();
    let mut cumulative: i64 = 0;
    let mut proposals = Vec::new();
    for (id, to) in classes {
        let Some(customer) = by_id.get(&id) else {
            continue;
        };
        let revenue = customer.fields.revenue_cents;
        cumulative += revenue;
        if customer.class() == to {
            continue;
        }
        let recently_set_by_hand = customer.last_manual_class_change().is_some_and(|day| {
            (today - day).num_days() < i64::from(settings.abc_respect_manual_days)
        });
        proposals.push(AbcProposal {
            id,
            from: customer.class(),
            to,
            revenue_cents: revenue,
            share_percent: percent(revenue, total),
            cumulative_percent: percent(cumulative, total),
            recently_set_by_hand,
        });
    }
    proposals
}

/// The proposals offered as chosen: all but those for customers whose class the user set
/// by hand recently, which are shown for a second look.
pub fn preselected(proposals: &[AbcProposal]) -> std::collections::BTreeSet<CustomerId> {
    proposals
        .iter()
        .filter(|p| !p.recently_set_by_hand)
        .map(|p| p.id)
        .collect()
}

/// The chosen proposals, as the moves to make.
pub fn accepted(
    proposals: &[AbcProposal],
    chosen: &std::collections::BTreeSet<CustomerId>,
) -> Vec<(CustomerId, CustomerClass)> {
    proposals
        .iter()
        .filter(|p| chosen.contains(&p.id))
        .map(|p| (p.id, p.to))
        .collect()
}

fn percent(part: i64, total: i64) -> f64 {
    if total <= 0 {
        0.0
    } else {
        part as f64 * 100.0 / total as f64
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::{manual_change, CustomerBuilder};

    use proptest::prelude::*;
    use CustomerClass::{A, B, C, O};

    fn classes(revenues: &[i64]) -> Vec<CustomerClass> {
        let input: Vec<_> = revenues
            .iter()
            .enumerate()
            .map(|(i, r)| (CustomerId(i as u64), *r))
            .collect();
        let mut out = abc_classes(&input, 80, 95);
        out.sort_unstable_by_key(|(id, _)| *id);
        let mut result = vec![O; revenues.len()];
        for (id, class) in out {
            result[id.0 as usize] = class;
        }
        result
    }

    #[test]
    fn the_textbook_split() {
        // 70 + 15 + 10 + 5 = 100: A until 80 % is reached, B until 95 %, then C.
        assert_eq!(classes(&[70, 15, 10, 5]), vec![A, A, B, C]);
        assert_eq!(classes(&[50, 30, 15, 5]), vec![A, A, B, C]);
    }

    #[test]
    fn one_customer_is_a() {
        assert_eq!(classes(&[1]), vec![A]);
    }

    #[test]
    fn zero_and_negative_revenue_get_no_class() {
        assert_eq!(classes(&[100, 0, -50]), vec![A, O, O]);
        assert_eq!(classes(&[0, 0]), vec![O, O]);
    }

    #[test]
    fn ties_share_a_class() {
        assert_eq!(classes(&[10, 10, 10, 10, 10]), vec![A, A, A, A, A]);
        assert_eq!(classes(&[90, 5, 5]), vec![A, B, B]);
    }

    fn customer(id: u64, class: CustomerClass, revenue: i64) -> Customer {
        CustomerBuilder::new(id, &format!("K{id}"))
            .class(class)
            .revenue(revenue)
            .build()
    }

    #[test]
    fn proposals_list_only_changes_and_respect_recent_manual_choices() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        let mut manual = customer(2, C, 1_500);
        let nine = today.and_hms_opt(9, 0, 0).expect("valid");
        manual
            .class_changes
            .push(manual_change(nine, "Anna", B, C, "lehnt ab"));
        let all = [
            customer(1, A, 7_000),
            manual,
            customer(3, O, 1_000),
            customer(4, O, 500),
            customer(5, O, 0),
        ];
        let proposals = abc_proposals(all.iter(), &Settings::default(), today);
        let summary: Vec<_> = proposals
            .iter()
            .map(|p| (p.id.0, p.from, p.to, p.recently_set_by_hand))
            .collect();
        assert_eq!(
            summary,
            vec![(2, C, A, true), (3, O, B, false), (4, O, C, false)]
        );
        assert!((proposals[0].share_percent - 15.0).abs() < 1e-9);
        assert!((proposals[0].cumulative_percent - 85.0).abs() < 1e-9);
    }

    #[test]
    fn a_class_set_by_hand_recently_is_offered_but_not_chosen() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        let mut manual = customer(2, C, 1_500);
        let nine = today.and_hms_opt(9, 0, 0).expect("valid");
        manual
            .class_changes
            .push(manual_change(nine, "Anna", B, C, ""));
        let all = [customer(1, A, 7_000), manual, customer(3, O, 1_000)];
        let proposals = abc_proposals(all.iter(), &Settings::default(), today);
        let chosen = preselected(&proposals);
        assert_eq!(chosen.iter().map(|id| id.0).collect::<Vec<_>>(), vec![3]);
        assert_eq!(accepted(&proposals, &chosen), vec![(CustomerId(3), B)]);
        assert!(accepted(&proposals, &Default::default()).is_empty());
    }

    fn rank(class: CustomerClass) -> u8 {
        match class {
            A => 0,
            B => 1,
            C => 2,
            O => 3,
        }
    }

    proptest! {
        #[test]
        fn every_customer_with_revenue_gets_exactly_one_class(revenues in proptest::collection::vec(-100i64..10_000, 0..60)) {
            let input: Vec<_> = revenues.iter().enumerate().map(|(i, r)| (CustomerId(i as u64), *r)).collect();
            let out = abc_classes(&input, 80, 95);
            let with_revenue = revenues.iter().filter(|r| **r > 0).count();
            prop_assert_eq!(out.len(), with_revenue);
            let mut ids: Vec<_> = out.iter().map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), with_revenue);
        }

        #[test]
        fn more_revenue_never_means_a_worse_class(revenues in proptest::collection::vec(1i64..10_000, 1..60)) {
            let result = classes(&revenues);
            for i in 0..revenues.len() {
                for j in 0..revenues.len() {
                    if revenues[i] > revenues[j] {
                        prop_assert!(rank(result[i]) <= rank(result[j]));
                    }
                }
            }
        }

        #[test]
        fn higher_thresholds_never_worsen_a_class(
            revenues in proptest::collection::vec(1i64..10_000, 1..60),
            a in 1u8..99, b_extra in 0u8..20, raise in 0u8..20,
        ) {
            let b = a.saturating_add(b_extra).min(100);
            let input: Vec<_> = revenues.iter().enumerate().map(|(i, r)| (CustomerId(i as u64), *r)).collect();
            let low: std::collections::HashMap<_, _> = abc_classes(&input, a, b).into_iter().collect();
            let high: std::collections::HashMap<_, _> = abc_classes(&input, a.saturating_add(raise).min(100), b.saturating_add(raise).min(100)).into_iter().collect();
            for (id, class) in &low {
                prop_assert!(rank(high[id]) <= rank(*class));
            }
        }
    }
}
