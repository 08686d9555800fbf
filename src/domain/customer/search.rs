//! The searchable customer list: one folded haystack per customer, matched per keystroke.

use crate::domain::customer::phone::{looks_like_phone, normalize_phone};
use crate::domain::customer::record::Customer;
use crate::domain::format::text_fold::fold;
use crate::domain::ids::CustomerId;

/// Prepared search keys for one customer, built once per change, not per keystroke.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchEntry {
    pub id: CustomerId,
    text: String,
    /// The same words, each behind a marker, so "starts a word" is one substring search.
    word_starts: String,
    phones: Vec<String>,
    number: String,
    /// Folded name, for a stable order within a rank.
    pub sort_name: String,
    /// Which bytes `text` holds, and which bytes begin a word: most customers are ruled in
    /// or out by these alone on the first keystrokes, which match nearly everyone.
    bytes: ByteSet,
    initials: ByteSet,
}

const WORD_MARK: char = '\u{2}';

/// A set of bytes: exact for ASCII, while every other byte counts as one shared member, so
/// "not in the set" is always true and "in the set" is true for ASCII.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ByteSet(u128);

impl ByteSet {
    fn bit(byte: u8) -> u128 {
        1 << if byte.is_ascii() { byte } else { 0 }
    }

    fn with(self, byte: u8) -> Self {
        ByteSet(self.0 | Self::bit(byte))
    }

    fn of(bytes: &[u8]) -> Self {
        bytes.iter().fold(ByteSet::default(), |set, &b| set.with(b))
    }

    fn holds_all(self, other: ByteSet) -> bool {
        self.0 & other.0 == other.0
    }

    fn holds(self, byte: u8) -> bool {
        self.0 & Self::bit(byte) != 0
    }
}

/// Whether `needle` occurs in `text`, right after the byte `behind` when one is given. The
/// texts are short and there are thousands of them: a byte search for the needle's first
/// byte costs less per text than setting up a substring searcher, which is what
/// `str::contains` does on every call in wasm.
fn holds(text: &str, needle: &str, behind: Option<u8>) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(found) = hay.get(from..).and_then(|tail| memchr::memchr(first, tail)) {
        let at = from + found;
        let after_behind =
            behind.is_none_or(|b| at.checked_sub(1).and_then(|i| hay.get(i)) == Some(&b));
        if after_behind && hay.get(at + 1..).is_some_and(|tail| tail.starts_with(rest)) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// A lone ASCII byte other than NUL, for which a [`ByteSet`] answers exactly.
fn lone_ascii(word: &str) -> Option<u8> {
    match word.as_bytes() {
        [b] if b.is_ascii() && *b != 0 => Some(*b),
        _ => None,
    }
}

/// How well a customer matches what the caller lookup was given; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The whole phone number or customer number.
    Exact,
    /// Every typed word starts a word of the customer's data.
    Prefix,
    Contains,
}

impl SearchEntry {
    pub fn new(customer: &Customer) -> Self {
        let f = &customer.fields;
        let text = fold(
            &[
                f.name.as_str(),
                &f.company,
                &f.contact_person,
                &f.number,
                &f.email,
                &f.tags.join(" "),
            ]
            .join("\u{1}"),
        );
        let phones = f
            .phones
            .iter()
            .map(|p| normalize_phone(p))
            .filter(|p| !p.is_empty())
            .collect();
        let word_starts = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .fold(String::with_capacity(text.len() + 8), |mut acc, word| {
                acc.push(WORD_MARK);
                acc.push_str(word);
                acc
            });
        let mark = WORD_MARK as u8;
        let initials = word_starts
            .as_bytes()
            .windows(2)
            .filter(|pair| pair[0] == mark)
            .fold(ByteSet::default(), |set, pair| set.with(pair[1]));
        SearchEntry {
            id: customer.id,
            bytes: ByteSet::of(text.as_bytes()),
            initials,
            text,
            word_starts,
            phones,
            number: fold(f.number.trim()),
            sort_name: fold(&f.name),
        }
    }

    /// The rank of this customer for `query`, or `None` when it does not match.
    pub fn rank(&self, query: &Query) -> Option<Rank> {
        if let Some(digits) = &query.phone_digits {
            if self.phones.iter().any(|p| p == digits) {
                return Some(Rank::Exact);
            }
        }
        if !self.number.is_empty() && query.joined == self.number {
            return Some(Rank::Exact);
        }
        if let Some(digits) = &query.phone_digits {
            if self.phones.iter().any(|p| p.starts_with(digits.as_str())) {
                return Some(Rank::Prefix);
            }
            if self.phones.iter().any(|p| p.contains(digits.as_str())) {
                return Some(Rank::Contains);
            }
        }
        // A word that starts a word of the text is in the text: most hits of a growing
        // query are found by that one search.
        if query.words_start_in(self) {
            Some(Rank::Prefix)
        } else if query.words_in(self) {
            Some(Rank::Contains)
        } else {
            None
        }
    }

    /// Every word of the query must appear; a phone-like query matches by digits.
    pub fn matches(&self, query: &Query) -> bool {
        if let Some(digits) = &query.phone_digits {
            if self.phones.iter().any(|p| p.contains(digits.as_str())) {
                return true;
            }
        }
        query.words_in(self)
    }
}

/// A query folded once, then tested against many entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    words: Vec<String>,
    /// The bytes of each word, to rule customers out before searching their text.
    word_bytes: Vec<ByteSet>,
    /// The folded query as one string, for exact customer numbers.
    joined: String,
    phone_digits: Option<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        let phone_digits = looks_like_phone(text).then(|| normalize_phone(text));
        let folded = fold(text);
        let words: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        let word_bytes = words.iter().map(|w| ByteSet::of(w.as_bytes())).collect();
        Query {
            words,
            word_bytes,
            joined: folded.trim().to_string(),
            phone_digits,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phone_digits.is_none()
    }

    /// Every word of the query is somewhere in the entry's text; an empty query matches
    /// nothing.
    fn words_in(&self, entry: &SearchEntry) -> bool {
        !self.words.is_empty()
            && self
                .words
                .iter()
                .zip(&self.word_bytes)
                .all(|(word, bytes)| {
                    entry.bytes.holds_all(*bytes)
                        && (lone_ascii(word).is_some() || holds(&entry.text, word, None))
                })
    }

    /// Every word of the query begins a word of the entry's text; an empty query matches
    /// nothing, and neither does a word holding the word marker, which no text has.
    fn words_start_in(&self, entry: &SearchEntry) -> bool {
        !self.words.is_empty()
            && self.words.iter().all(|word| match lone_ascii(word) {
                Some(byte) => entry.initials.holds(byte),
                None => {
                    !word.contains(WORD_MARK)
                        && word.bytes().next().is_some_and(|b| entry.initials.holds(b))
                        && holds(&entry.word_starts, word, Some(WORD_MARK as u8))
                }
            })
    }

    /// Whether every customer this query matches also matched `previous`, so that only the
    /// previous hits need searching. A customer matches by digits or by words: digits that
    /// hold the previous digits, and words that each hold a previous word, only narrow.
    pub fn narrows(&self, previous: &Query) -> bool {
        let digits_narrow = match (&self.phone_digits, &previous.phone_digits) {
            (None, _) => true,
            (Some(now), Some(before)) => now.contains(before.as_str()),
            (Some(_), None) => false,
        };
        let words_narrow = self.words.is_empty()
            || (!previous.words.is_empty()
                && previous
                    .words
                    .iter()
                    .all(|before| self.words.iter().any(|now| now.contains(before.as_str()))));
        digits_narrow && words_narrow
    }
}

/// Ids of the customers matching `text`, in the order given.
pub fn search<'a>(
    entries: impl IntoIterator<Item = &'a SearchEntry>,
    text: &str,
) -> Vec<CustomerId> {
    let query = Query::new(text);
    entries
        .into_iter()
        .filter(|e| query.is_empty() || e.matches(&query))
        .map(|e| e.id)
        .collect()
}

/// The customer list's order: by name, ignoring case.
pub fn sorted_by_name(
    ids: &[CustomerId],
    customers: &std::collections::BTreeMap<CustomerId, Customer>,
) -> Vec<CustomerId> {
    let mut rows: Vec<&Customer> = ids.iter().filter_map(|id| customers.get(id)).collect();
    rows.sort_unstable_by(|a, b| {
        a.fields
            .name
            .to_lowercase()
            .cmp(&b.fields.name.to_lowercase())
    });
    rows.into_iter().map(|c| c.id).collect()
}

/// A phone number the lookup found nobody for: the caller is offered as a new customer.
pub fn is_unknown_number(text: &str, nobody_found: bool) -> bool {
    looks_like_phone(text) && nobody_found
}

/// The caller lookup: matching customers, best rank first, then by name; at most `limit`.
pub fn ranked_search(entries: &[SearchEntry], text: &str, limit: usize) -> Vec<(CustomerId, Rank)> {
    let query = Query::new(text);
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(Rank, &SearchEntry)> = entries
        .iter()
        .filter_map(|e| e.rank(&query).map(|r| (r, e)))
        .collect();
    let limit = limit.min(hits.len());
    if limit == 0 {
        return Vec::new();
    }
    let order = |a: &(Rank, &SearchEntry), b: &(Rank, &SearchEntry)| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.sort_name.cmp(&b.1.sort_name))
            .then(a.1.id.cmp(&b.1.id))
    };
    // Only the first few are shown, so they are selected before the rest is ordered.
    if limit < hits.len() {
        hits.select_nth_unstable_by(limit - 1, order);
        hits.truncate(limit);
    }
    hits.sort_unstable_by(order);
    hits.into_iter().map(|(rank, e)| (e.id, rank)).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::CustomerBuilder;

    fn customer(id: u64, name: &str, company: &str, phone: &str) -> Customer {
        CustomerBuilder::new(id, name)
            .company(company)
            .phone(phone)
            .number(&format!("K-{id:04}"))
            .build()
    }

    fn entries() -> Vec<SearchEntry> {
        [
            customer(1, "Jana Müller", "Müller Bau GmbH", "+49 171 2345678"),
            customer(2, "Peter Straßmann", "Kanzlei Straßmann", "030 1234567"),
            customer(3, "Aylin Demir", "", "0221 998877"),
        ]
        .iter()
        .map(SearchEntry::new)
        .collect()
    }

    #[test]
    fn names_match_with_folded_umlauts() {
        let e = entries();
        assert_eq!(search(&e, "mueller"), vec![CustomerId(1)]);
        assert_eq!(search(&e, "strassm"), vec![CustomerId(2)]);
        assert_eq!(search(&e, "demir aylin"), vec![CustomerId(3)]);
        assert_eq!(search(&e, "k-0002"), vec![CustomerId(2)]);
        assert!(search(&e, "niemand").is_empty());
    }

    #[test]
    fn phones_match_in_any_format() {
        let e = entries();
        assert_eq!(search(&e, "0171/2345678"), vec![CustomerId(1)]);
        assert_eq!(search(&e, "2345678"), vec![CustomerId(1)]);
        assert_eq!(search(&e, "0049 171 234 56 78"), vec![CustomerId(1)]);
    }

    #[test]
    fn the_list_goes_by_name_ignoring_case() {
        let customers: std::collections::BTreeMap<CustomerId, Customer> = [
            customer(1, "müller", "", ""),
            customer(2, "Becker", "", ""),
            customer(3, "aydin", "", ""),
        ]
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
        let ids = [CustomerId(1), CustomerId(2), CustomerId(3), CustomerId(9)];
        assert_eq!(
            sorted_by_name(&ids, &customers),
            vec![CustomerId(3), CustomerId(2), CustomerId(1)],
            "a customer gone meanwhile is left out"
        );
    }

    #[test]
    fn only_a_number_nobody_has_is_unknown() {
        let e = entries();
        let unknown = |text: &str| is_unknown_number(text, ranked_search(&e, text, 8).is_empty());
        assert!(unknown("0176 5550001"));
        assert!(!unknown("0171 2345678"), "Jana has it");
        assert!(!unknown("Becker"), "no number");
    }

    fn ranked(entries: &[SearchEntry], text: &str) -> Vec<(u64, Rank)> {
        ranked_search(entries, text, 10)
            .into_iter()
            .map(|(id, r)| (id.0, r))
            .collect()
    }

    #[test]
    fn exact_numbers_rank_before_prefixes_before_the_rest() {
        let e = [
            customer(1, "Jana Müller", "Müller Bau GmbH", "+49 171 2345678"),
            customer(2, "Peter Straßmann", "Kanzlei Straßmann", "030 1234567"),
            customer(3, "Tim Kammüller", "", "0221 998877"),
            customer(4, "Müllermann", "", "0171 23456789"),
        ]
        .iter()
        .map(SearchEntry::new)
        .collect::<Vec<_>>();
        assert_eq!(
            ranked(&e, "0171/2345678"),
            vec![(1, Rank::Exact), (4, Rank::Prefix)]
        );
        assert_eq!(ranked(&e, "K-0002"), vec![(2, Rank::Exact)]);
        assert_eq!(
            ranked(&e, "mül"),
            vec![(1, Rank::Prefix), (4, Rank::Prefix), (3, Rank::Contains)]
        );
        assert_eq!(
            ranked(&e, "45678"),
            vec![(1, Rank::Contains), (4, Rank::Contains)]
        );
        assert_eq!(ranked(&e, ""), vec![]);
        assert_eq!(ranked_search(&e, "mül", 1).len(), 1);
    }

    proptest::proptest! {
        /// The byte sets only shortcut the search: the same words are found, and found at
        /// the start of a word, as by searching the text for each. Few letters, so typed
        /// words and stored texts collide; ñ and ł hold bytes that a careless set would
        /// take for ASCII letters and digits.
        #[test]
        fn byte_sets_agree_with_searching_the_text(
            name in "[aeuäöüßs01 .+\u{e9}\u{142}\u{f1}-]{0,10}",
            company in "[aes1 -]{0,5}",
            typed in "[aeusäü01\u{f1}\u{142}-]{1,2}( [aes01]{1,2})?",
        ) {
            let entry = SearchEntry::new(&CustomerBuilder::new(1, &name).company(&company).build());
            let query = Query::new(&typed);
            let in_text = !query.words.is_empty()
                && query.words.iter().all(|w| entry.text.contains(w.as_str()));
            proptest::prop_assert_eq!(query.words_in(&entry), in_text);
            let at_word_start = query
                .words
                .iter()
                .all(|w| entry.word_starts.contains(&format!("{WORD_MARK}{w}")));
            proptest::prop_assert_eq!(query.words_start_in(&entry), at_word_start && in_text);
            if query.phone_digits.is_none() && query.joined != entry.number {
                let expected = match (in_text, at_word_start) {
                    (false, _) => None,
                    (true, true) => Some(Rank::Prefix),
                    (true, false) => Some(Rank::Contains),
                };
                proptest::prop_assert_eq!(entry.rank(&query), expected);
            }
        }
    }

    #[test]
    fn empty_query_lists_everyone() {
        assert_eq!(search(&entries(), "  ").len(), 3);
    }
}
