//! Likely duplicates ("Dubletten") and the "Keine Dublette" answer.
//!
//! Customers are never compared pair by pair across the whole book: each one goes into
//! buckets by blocking keys (customer number, e-mail, phone number, company or postcode
//! and name initial; see [`crate::domain::customer::duplicate_keys`]), and only customers sharing
//! a bucket are compared. Linked customers are grouped with a union-find. Finding and
//! merging are separate: merging lives in [`crate::domain::customer::merge`].

use crate::domain::customer::duplicate_keys::{blocks, fnv1a, KeyHash, KeyKind};
use crate::domain::customer::record::Customer;
use crate::domain::format::text_fold::fold;
use crate::domain::ids::CustomerId;
use std::collections::HashMap;

/// Names at the same company this similar (Jaro-Winkler of the folded names, words in
/// order) count as the same person: "Jörg Meier" and "Joerg Maier", not "Jörg Meier" and
/// "Jens Meier".
pub const NAME_SIMILARITY: f64 = 0.92;

/// A bucket this large says more about the key than about the customers: one switchboard
/// number, one office address for a whole firm. It links nobody.
pub const MAX_BUCKET: usize = 50;

/// Why two customers look like one.
#[derive(Debug, Clone, PartialEq)]
pub enum DuplicateReason {
    SameNumber(String),
    /// The e-mail address, lower-cased.
    SameEmail(String),
    /// The phone number's national digits.
    SamePhone(String),
    /// Similar names at the same company; `score` is the Jaro-Winkler similarity.
    SimilarName {
        company: String,
        score: f64,
    },
    /// Similar names at the same postcode, as [`DuplicateReason::SimilarName`] but
    /// without a shared company: private customers have none.
    SimilarNameAtPostcode {
        postcode: String,
        score: f64,
    },
}

/// Two customers of a group and why they were linked.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateLink {
    pub a: CustomerId,
    pub b: CustomerId,
    pub reason: DuplicateReason,
}

/// Customers that look like one, ids ascending, with every link found between them.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateGroup {
    pub members: Vec<CustomerId>,
    pub links: Vec<DuplicateLink>,
}

/// Whether the user answered "Keine Dublette" for these two, on either record.
pub fn is_dismissed(a: &Customer, b: &Customer) -> bool {
    a.not_duplicates.contains(&b.id) || b.not_duplicates.contains(&a.id)
}

/// Both records with the "Keine Dublette" answer for each other, to be written together.
pub fn dismiss_pair(a: &Customer, b: &Customer) -> (Customer, Customer) {
    let mut a2 = a.clone();
    let mut b2 = b.clone();
    if a.id != b.id {
        a2.not_duplicates.insert(b.id);
        b2.not_duplicates.insert(a.id);
    }
    (a2, b2)
}

/// The name's words folded and in order; both "Meier, Jörg" and "Jörg Meier" give
/// "jorg meier".
fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.join(" ")
}

/// The postcode as the blocking key compares it, for tests of the postcode rule.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn postcode_key(postcode: &str) -> String {
    let mut key = String::new();
    crate::domain::customer::duplicate_keys::postcode_into(postcode, &mut key);
    key
}

/// Jaro-Winkler similarity from 0 (nothing alike) to 1 (equal), on characters.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    jaro_winkler_chars(&a, &b)
}

/// [`jaro_winkler`] on names already split into characters: a bucket compares each
/// name with every other, so it splits each once.
fn jaro_winkler_chars(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_matched = vec![false; a.len()];
    let mut b_matched = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let from = i.saturating_sub(window);
        let to = (i + window + 1).min(b.len());
        for j in from..to {
            if !b_matched[j] && b[j] == *ca {
                a_matched[i] = true;
                b_matched[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let in_a = a
        .iter()
        .zip(&a_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let in_b = b
        .iter()
        .zip(&b_matched)
        .filter(|(_, m)| **m)
        .map(|(c, _)| c);
    let transpositions = in_a.zip(in_b).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// Whether names of these lengths can reach [`NAME_SIMILARITY`] at all. Jaro is at most
/// (2 + shorter / longer) / 3, and the Winkler prefix adds at most 0.4 of the rest, so a
/// score of 0.92 needs the shorter name to be at least 0.6 of the longer one.
fn lengths_can_reach(a: usize, b: usize) -> bool {
    let (short, long) = (a.min(b) as f64, a.max(b) as f64);
    long == 0.0 || 0.6 * (2.0 + short / long) / 3.0 + 0.4 >= NAME_SIMILARITY
}

/// Links of one pair in a fixed order, without formatting each reason for every
/// comparison (a large group sorts thousands of links).
fn reason_order(reason: &DuplicateReason) -> (u8, &str) {
    match reason {
        DuplicateReason::SameEmail(key) => (0, key),
        DuplicateReason::SameNumber(key) => (1, key),
        DuplicateReason::SamePhone(key) => (2, key),
        DuplicateReason::SimilarName { company, .. } => (3, company),
        DuplicateReason::SimilarNameAtPostcode { postcode, .. } => (4, postcode),
    }
}

/// A customer's position and folded name, split into characters, in a company bucket.
type NamedAt = (usize, Vec<char>);

/// Union-find over positions, with path halving.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Groups of likely duplicates, each with its links, ordered by their smallest id. A
/// pair the user answered "Keine Dublette" for is never linked, though both may still
/// sit in one group through a third customer that links to each.
pub fn find_duplicates<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
) -> Vec<DuplicateGroup> {
    find_with(customers, fnv1a)
}

/// [`find_duplicates`] with the blocking keys hashed by `hash`.
fn find_with<'a>(
    customers: impl IntoIterator<Item = &'a Customer>,
    hash: KeyHash,
) -> Vec<DuplicateGroup> {
    let mut all: Vec<&Customer> = customers.into_iter().collect();
    all.sort_unstable_by_key(|c| c.id);
    all.dedup_by_key(|c| c.id);
    let mut links: Vec<(usize, usize, DuplicateReason)> = Vec::new();
    let mut link = |x: usize, y: usize, reason: DuplicateReason| {
        if !is_dismissed(all[x], all[y]) {
            links.push((x.min(y), x.max(y), reason));
        }
    };
    for block in blocks(&all, hash) {
        if block.members.len() > MAX_BUCKET {
            continue;
        }
        let members = &block.members;
        if matches!(block.kind, KeyKind::Company | KeyKind::Postcode) {
            let named: Vec<NamedAt> = members
                .iter()
                .map(|&i| (i, name_key(&all[i].fields.name).chars().collect()))
                .collect();
            for (n, (x, name_x)) in named.iter().enumerate() {
                for (y, name_y) in &named[n + 1..] {
                    if !lengths_can_reach(name_x.len(), name_y.len()) {
                        continue;
                    }
                    let score = jaro_winkler_chars(name_x, name_y);
                    if score >= NAME_SIMILARITY {
                        let f = &all[*x].fields;
                        let reason = if block.kind == KeyKind::Company {
                            let company = f.company.trim().to_string();
                            DuplicateReason::SimilarName { company, score }
                        } else {
                            let postcode = f.postcode.trim().to_string();
                            DuplicateReason::SimilarNameAtPostcode { postcode, score }
                        };
                        link(*x, *y, reason);
                    }
                }
            }
            continue;
        }
        for (n, &x) in members.iter().enumerate() {
            for &y in &members[n + 1..] {
                let reason = match block.kind {
                    KeyKind::Number => {
                        DuplicateReason::SameNumber(all[x].fields.number.trim().to_string())
                    }
                    KeyKind::Email => DuplicateReason::SameEmail(block.key.clone()),
                    _ => DuplicateReason::SamePhone(block.key.clone()),
                };
                link(x, y, reason);
            }
        }
    }
    let mut groups = Groups::new(all.len());
    for (x, y, _) in &links {
        groups.join(*x, *y);
    }
    let mut by_root: HashMap<usize, DuplicateGroup> = HashMap::new();
    for (x, y, reason) in links {
        let root = groups.root(x);
        let group = by_root.entry(root).or_insert_with(|| DuplicateGroup {
            members: Vec::new(),
            links: Vec::new(),
        });
        group.links.push(DuplicateLink {
            a: all[x].id,
            b: all[y].id,
            reason,
        });
    }
    let mut found: Vec<DuplicateGroup> = by_root
        .into_values()
        .map(|mut group| {
            let mut members: Vec<CustomerId> =
                group.links.iter().flat_map(|l| [l.a, l.b]).collect();
            members.sort_unstable();
            members.dedup();
            group.members = members;
            group.links.sort_by(|p, q| {
                (p.a, p.b, reason_order(&p.reason)).cmp(&(q.a, q.b, reason_order(&q.reason)))
            });
            group
        })
        .collect();
    found.sort_unstable_by_key(|g| g.members.first().copied());
    found
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "duplicates_tests.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "duplicates_postcode_tests.rs"]
mod postcode_tests;
