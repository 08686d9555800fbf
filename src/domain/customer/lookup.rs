//! The caller lookup across keystrokes. While a query only grows ("sch" → "schn"), every
//! customer it can match was a hit of the query before, so the next keystroke searches those
//! hits instead of the whole book. The first keystrokes still scan every customer; the later
//! ones, which match few, scan only what is left.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::domain::customer::record::Customer;
use crate::domain::customer::search::{Query, Rank, SearchEntry};
use crate::domain::ids::CustomerId;

/// Every customer's search keys in name order, with a stamp that tells one index from the
/// next: hits remembered by position are only valid for the index they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    entries: Vec<SearchEntry>,
    stamp: u64,
}

static NEXT_STAMP: AtomicU64 = AtomicU64::new(1);

impl SearchIndex {
    pub fn new<'a>(customers: impl IntoIterator<Item = &'a Customer>) -> Self {
        let mut entries: Vec<SearchEntry> = customers.into_iter().map(SearchEntry::new).collect();
        // In the order results are shown within a rank, so hits come out of a scan sorted.
        entries.sort_unstable_by(|a, b| a.sort_name.cmp(&b.sort_name).then(a.id.cmp(&b.id)));
        SearchIndex {
            entries,
            stamp: NEXT_STAMP.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// By folded name, then id.
    pub fn entries(&self) -> &[SearchEntry] {
        &self.entries
    }
}

/// The previous keystroke's query and every customer it matched, by position in the index.
#[derive(Debug)]
struct LastHits {
    stamp: u64,
    query: Query,
    positions: Vec<u32>,
}

/// The caller lookup of one search field: [`crate::domain::customer::search::ranked_search`]
/// with the previous keystroke's hits kept.
#[derive(Debug, Default)]
pub struct Lookup {
    last: Option<LastHits>,
}

impl Lookup {
    /// The same result as `ranked_search(index.entries(), text, limit)`.
    pub fn ranked(
        &mut self,
        index: &SearchIndex,
        text: &str,
        limit: usize,
    ) -> Vec<(CustomerId, Rank)> {
        let query = Query::new(text);
        if query.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let entries = index.entries();
        let rank_at = |position: u32| {
            let entry = entries.get(position as usize)?;
            entry.rank(&query).map(|rank| (rank, position))
        };
        let hits: Vec<(Rank, u32)> = match self.last.take() {
            Some(last) if last.stamp == index.stamp && query.narrows(&last.query) => {
                last.positions.into_iter().filter_map(rank_at).collect()
            }
            _ => (0..entries.len() as u32).filter_map(rank_at).collect(),
        };
        let ranked = first_of_each_rank(entries, &hits, limit);
        let positions = hits.into_iter().map(|(_, position)| position).collect();
        self.last = Some(LastHits {
            stamp: index.stamp,
            query,
            positions,
        });
        ranked
    }
}

/// The best `limit` hits: the hits come in name order, so the first few of each rank, best
/// rank first, are the answer without sorting thousands of names.
fn first_of_each_rank(
    entries: &[SearchEntry],
    hits: &[(Rank, u32)],
    limit: usize,
) -> Vec<(CustomerId, Rank)> {
    let mut best: Vec<(CustomerId, Rank)> = Vec::with_capacity(limit);
    for wanted in [Rank::Exact, Rank::Prefix, Rank::Contains] {
        let room = limit - best.len();
        best.extend(
            hits.iter()
                .filter(|(rank, _)| *rank == wanted)
                .filter_map(|&(rank, position)| Some((entries.get(position as usize)?.id, rank)))
                .take(room),
        );
    }
    best
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::CustomerBuilder;
    use crate::domain::customer::search::ranked_search;
    use proptest::prelude::*;

    fn book(names: &[(&str, &str)]) -> Vec<Customer> {
        names
            .iter()
            .enumerate()
            .map(|(i, (name, phone))| {
                CustomerBuilder::new(i as u64 + 1, name)
                    .phone(phone)
                    .number(&format!("K-{i}"))
                    .build()
            })
            .collect()
    }

    #[test]
    fn a_growing_query_finds_what_a_fresh_search_finds() {
        let customers = book(&[
            ("Jana Schneider", "0171 2345678"),
            ("Peter Schnell", "030 1234567"),
            ("Aylin Schmidt", "0221 998877"),
        ]);
        let index = SearchIndex::new(&customers);
        let mut lookup = Lookup::default();
        for text in [
            "s", "sc", "sch", "schn", "schne", "schn", "x", "0171", "01712",
        ] {
            assert_eq!(
                lookup.ranked(&index, text, 8),
                ranked_search(index.entries(), text, 8),
                "{text}"
            );
        }
    }

    #[test]
    fn a_new_index_is_searched_whole() {
        let mut customers = book(&[("Jana Schneider", ""), ("Peter Schnell", "")]);
        let mut lookup = Lookup::default();
        let before = SearchIndex::new(&customers);
        assert_eq!(lookup.ranked(&before, "schn", 8).len(), 2);
        customers.push(CustomerBuilder::new(3, "Ole Schneider").build());
        let after = SearchIndex::new(&customers);
        let found = lookup.ranked(&after, "schne", 8);
        assert!(
            found.iter().any(|(id, _)| *id == CustomerId(3)),
            "the customer added meanwhile is found although the query only grew: {found:?}"
        );
        assert_eq!(found, ranked_search(after.entries(), "schne", 8));
    }

    #[test]
    fn digits_that_lose_a_trunk_prefix_do_not_narrow() {
        // "004" is the digits "4", "0049" none: the longer text is not the narrower query.
        let older = Query::new("004");
        assert!(!Query::new("0049").narrows(&older));
        assert!(Query::new("0171").narrows(&Query::new("017")));
        assert!(Query::new("mueller").narrows(&Query::new("mu")));
        assert!(!Query::new("mu").narrows(&Query::new("mueller")));
        assert!(Query::new("jana schn").narrows(&Query::new("schn")));
    }

    /// Few letters, umlaut spellings, digits and separators, so that names, numbers and typed
    /// queries collide often and the narrowing is tested where it could go wrong.
    fn text_from(alphabet: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(alphabet), 0..7).prop_map(|p| p.concat())
    }

    const NAME_PARTS: &[&str] = &[
        "a", "e", "u", "ue", "ü", "au", "s", "ss", "ß", " ", "0", "4",
    ];
    const QUERY_PARTS: &[&str] = &[
        "a", "e", "u", "ue", "ü", "s", "ß", " ", "0", "00", "4", "9", "1", "+", "-",
    ];

    proptest! {
        #[test]
        fn typing_and_deleting_give_the_fresh_search(
            people in proptest::collection::vec(
                (text_from(NAME_PARTS), text_from(&["0", "1", "4", "9", "+", " "]), text_from(NAME_PARTS)),
                1..25,
            ),
            typed in text_from(QUERY_PARTS),
            deleted in 0usize..4,
            limit in 1usize..6,
        ) {
            let customers: Vec<Customer> = people
                .iter()
                .enumerate()
                .map(|(i, (name, phone, number))| {
                    CustomerBuilder::new(i as u64 + 1, name).phone(phone).number(number).build()
                })
                .collect();
            let index = SearchIndex::new(&customers);
            let mut lookup = Lookup::default();
            let chars: Vec<char> = typed.chars().collect();
            let mut steps: Vec<String> = (1..=chars.len()).map(|n| chars[..n].iter().collect()).collect();
            let kept = chars.len().saturating_sub(deleted);
            steps.extend((kept..chars.len()).rev().map(|n| chars[..n].iter().collect::<String>()));
            for text in steps {
                prop_assert_eq!(
                    lookup.ranked(&index, &text, limit),
                    ranked_search(index.entries(), &text, limit),
                    "after typing {:?}", text
                );
            }
        }
    }
}
