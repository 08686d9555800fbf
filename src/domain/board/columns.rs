//! The classification board: which customers a filter shows, in which column and order.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::record::Customer;
use crate::domain::customer::search::{Query, SearchEntry};
use crate::domain::format::text_fold::fold;
use crate::domain::ids::CustomerId;

/// What the user narrowed the board to. Kept in the URL, so a view can be bookmarked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardFilter {
    pub text: String,
    pub tag: String,
    /// Only customers marked as potential customers.
    pub potential_flag: bool,
    /// The "potential" view: B and O only.
    pub potential_view: bool,
}

impl BoardFilter {
    pub fn shows_class(&self, class: CustomerClass) -> bool {
        !self.potential_view || class.is_potential_class()
    }

    pub fn is_active(&self) -> bool {
        *self != BoardFilter::default()
    }

    /// The one column a phone shows: the tab chosen, or, when the filter hides that
    /// class, the first class in board order it still shows.
    pub fn phone_class(&self, chosen: CustomerClass) -> CustomerClass {
        if self.shows_class(chosen) {
            chosen
        } else {
            CustomerClass::BOARD_ORDER
                .into_iter()
                .find(|c| self.shows_class(*c))
                .unwrap_or(chosen)
        }
    }
}

/// One column's visible customers, best first, with their count and revenue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BoardColumn {
    pub ids: Vec<CustomerId>,
    pub revenue_cents: i64,
}

impl BoardColumn {
    /// The cards rendered: the first `limit` of the ranking, and the card just moved
    /// here (`pinned`) first, so it is seen at once wherever its rank puts it.
    pub fn window(&self, pinned: Option<CustomerId>, limit: usize) -> Vec<CustomerId> {
        let mut ids: Vec<CustomerId> = Vec::with_capacity(limit + 1);
        if let Some(p) = pinned.filter(|p| self.ids.contains(p)) {
            ids.push(p);
        }
        ids.extend(
            self.ids
                .iter()
                .copied()
                .filter(|id| Some(*id) != pinned)
                .take(limit),
        );
        ids
    }

    /// Cards left out of a window of `shown` cards; the count and sum stay exact.
    pub fn hidden(&self, shown: usize) -> usize {
        self.ids.len().saturating_sub(shown)
    }
}

/// Filters `customers` into the four columns in board order (A, B, O, C). Cards are
/// ordered by revenue, highest first, then by name, so the board reads like a ranking.
pub fn board_columns<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    filter: &BoardFilter,
) -> [BoardColumn; 4] {
    let query = Query::new(&filter.text);
    let tag = fold(filter.tag.trim());
    let mut rows: [Vec<&Customer>; 4] = Default::default();
    for customer in customers {
        let class = customer.class();
        if !filter.shows_class(class)
            || (filter.potential_flag && !customer.fields.potential)
            || (!query.is_empty() && !SearchEntry::new(customer).matches(&query))
            || (!tag.is_empty() && !customer.fields.tags.iter().any(|t| fold(t) == tag))
        {
            continue;
        }
        rows[column_index(class)].push(customer);
    }
    rows.map(|mut column| {
        // Runs on every move with thousands of cards, so names compare as written,
        // without allocating a lower-case copy each.
        column.sort_unstable_by(|a, b| {
            b.fields
                .revenue_cents
                .cmp(&a.fields.revenue_cents)
                .then_with(|| a.fields.name.cmp(&b.fields.name))
                .then(a.id.cmp(&b.id))
        });
        BoardColumn {
            revenue_cents: column.iter().map(|c| c.fields.revenue_cents).sum(),
            ids: column.into_iter().map(|c| c.id).collect(),
        }
    })
}

pub fn column_index(class: CustomerClass) -> usize {
    match class {
        CustomerClass::A => 0,
        CustomerClass::B => 1,
        CustomerClass::O => 2,
        CustomerClass::C => 3,
    }
}

/// Every tag in use, sorted, for the tag filter; spellings that fold together are one tag.
/// Runs on every change of a large data set, so it folds each distinct spelling once.
pub fn all_tags<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> Vec<String> {
    let spellings: std::collections::HashSet<&str> = customers
        .into_iter()
        .flat_map(|c| c.fields.tags.iter().map(String::as_str))
        .collect();
    let mut by_key: std::collections::BTreeMap<String, &str> = std::collections::BTreeMap::new();
    for tag in spellings {
        let entry = by_key.entry(fold(tag)).or_insert(tag);
        // The same choice whatever order the set yields: the smallest spelling wins.
        if tag < *entry {
            *entry = tag;
        }
    }
    by_key.into_values().map(str::to_string).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::CustomerBuilder;

    use proptest::prelude::*;

    fn customer(
        id: u64,
        class: CustomerClass,
        revenue: i64,
        potential: bool,
        tags: &[&str],
    ) -> Customer {
        CustomerBuilder::new(id, &format!("Kunde {id:02}"))
            .class(class)
            .revenue(revenue)
            .fields(|f| {
                f.potential = potential;
                f.tags = tags.iter().map(|t| t.to_string()).collect();
            })
            .build()
    }

    fn columns(customers: &[Customer], filter: &BoardFilter) -> [BoardColumn; 4] {
        board_columns(customers.iter(), filter)
    }

    fn sample() -> Vec<Customer> {
        vec![
            customer(1, CustomerClass::A, 500, false, &["Kfz"]),
            customer(2, CustomerClass::A, 900, false, &[]),
            customer(3, CustomerClass::B, 300, true, &["Hausrat"]),
            customer(4, CustomerClass::O, 0, true, &["Kfz"]),
            customer(5, CustomerClass::C, 10, false, &[]),
        ]
    }

    #[test]
    fn columns_follow_board_order_with_sums_and_ranking() {
        let cols = columns(&sample(), &BoardFilter::default());
        let ids: Vec<Vec<u64>> = cols
            .iter()
            .map(|c| c.ids.iter().map(|i| i.0).collect())
            .collect();
        assert_eq!(ids, vec![vec![2, 1], vec![3], vec![4], vec![5]]);
        assert_eq!(cols[0].revenue_cents, 1_400);
    }

    #[test]
    fn filters_narrow_the_board() {
        let potential_view = BoardFilter {
            potential_view: true,
            ..Default::default()
        };
        let cols = columns(&sample(), &potential_view);
        assert!(cols[0].ids.is_empty() && cols[3].ids.is_empty());
        let tag = BoardFilter {
            tag: "kfz".into(),
            ..Default::default()
        };
        let cols = columns(&sample(), &tag);
        assert_eq!((cols[0].ids.len(), cols[2].ids.len()), (1, 1));
        let flag = BoardFilter {
            potential_flag: true,
            ..Default::default()
        };
        assert_eq!(
            columns(&sample(), &flag)
                .iter()
                .map(|c| c.ids.len())
                .sum::<usize>(),
            2
        );
        let text = BoardFilter {
            text: "kunde 05".into(),
            ..Default::default()
        };
        assert_eq!(columns(&sample(), &text)[3].ids, vec![CustomerId(5)]);
    }

    #[test]
    fn a_phone_shows_the_chosen_class_unless_the_filter_hides_it() {
        let all = BoardFilter::default();
        assert_eq!(all.phone_class(CustomerClass::C), CustomerClass::C);
        let potential = BoardFilter {
            potential_view: true,
            ..Default::default()
        };
        assert_eq!(potential.phone_class(CustomerClass::A), CustomerClass::B);
        assert_eq!(potential.phone_class(CustomerClass::O), CustomerClass::O);
    }

    #[test]
    fn the_card_just_moved_comes_first_in_the_window() {
        let column = BoardColumn {
            ids: (1..=5).map(CustomerId).collect(),
            revenue_cents: 0,
        };
        let ids = |v: Vec<CustomerId>| v.iter().map(|i| i.0).collect::<Vec<_>>();
        assert_eq!(ids(column.window(None, 2)), vec![1, 2]);
        assert_eq!(ids(column.window(Some(CustomerId(4)), 2)), vec![4, 1, 2]);
        assert_eq!(ids(column.window(Some(CustomerId(9)), 2)), vec![1, 2]);
        assert_eq!(column.hidden(3), 2);
        assert_eq!(column.hidden(8), 0);
    }

    #[test]
    fn tags_are_listed_once() {
        assert_eq!(all_tags(sample().iter()), vec!["Hausrat", "Kfz"]);
    }

    proptest! {
        /// A window holds each card at most once, only cards of the column, at most one
        /// more than the limit, and the pinned card whenever it is in the column.
        #[test]
        fn a_window_is_a_part_of_its_column(
            count in 0u64..30,
            limit in 0usize..40,
            pinned in proptest::option::of(0u64..40),
        ) {
            let column = BoardColumn { ids: (1..=count).map(CustomerId).collect(), revenue_cents: 0 };
            let pinned = pinned.map(CustomerId);
            let window = column.window(pinned, limit);
            let unique: std::collections::BTreeSet<_> = window.iter().collect();
            prop_assert_eq!(unique.len(), window.len());
            prop_assert!(window.iter().all(|id| column.ids.contains(id)));
            prop_assert!(window.len() <= limit + 1);
            if let Some(p) = pinned.filter(|p| column.ids.contains(p)) {
                prop_assert_eq!(window.first(), Some(&p));
            }
            prop_assert_eq!(column.hidden(window.len()), column.ids.len() - window.len());
        }

        #[test]
        fn without_a_filter_every_customer_is_on_the_board_exactly_once(
            spec in proptest::collection::vec((0u8..4, 0i64..1_000), 0..80)
        ) {
            let classes = [CustomerClass::A, CustomerClass::B, CustomerClass::O, CustomerClass::C];
            let customers: Vec<_> = spec.iter().enumerate()
                .map(|(i, (c, r))| customer(i as u64, classes[*c as usize], *r, false, &[]))
                .collect();
            let cols = columns(&customers, &BoardFilter::default());
            let total: usize = cols.iter().map(|c| c.ids.len()).sum();
            prop_assert_eq!(total, customers.len());
            let sum: i64 = cols.iter().map(|c| c.revenue_cents).sum();
            prop_assert_eq!(sum, customers.iter().map(|c| c.fields.revenue_cents).sum::<i64>());
            for (index, column) in cols.iter().enumerate() {
                for id in &column.ids {
                    prop_assert_eq!(column_index(customers[id.0 as usize].class()), index);
                }
            }
        }
    }
}
