//! The blocking keys of "Dubletten finden" and the blocks of customers sharing one.
//!
//! Every customer gives a few keys: the customer number and the e-mail (trimmed,
//! lower-cased), each phone number's national digits, and the folded company and the
//! postcode, each with the name's initial. A map from key text to customers would allocate a string and a list for
//! each of some 35,000 keys at 10,000 customers, and nearly all of them are held by one
//! customer only. Instead each key is written into one reused buffer and kept only as a
//! 64-bit hash beside its customer's position; one sort of those pairs brings equal keys
//! together. Only a run of equal hashes (a few hundred in a whole book) has its key texts
//! written out again, and grouped by the text itself, so two keys whose hashes collide are
//! never taken for one.

use crate::domain::customer::phone::normalize_phone_into;
use crate::domain::customer::record::Customer;
use crate::domain::format::text_fold::fold_into;

/// Phone numbers shorter than this (national digits) are too unspecific to link anyone.
const MIN_PHONE_DIGITS: usize = 6;

/// Which field a block's customers share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyKind {
    Number,
    Email,
    Phone,
    /// The folded company and the initial of the folded name's first word in order.
    Company,
    /// The postcode without spaces and case, and the same initial.
    Postcode,
}

impl KeyKind {
    fn tag(self) -> u8 {
        match self {
            KeyKind::Number => 0,
            KeyKind::Email => 1,
            KeyKind::Phone => 2,
            KeyKind::Company => 3,
            KeyKind::Postcode => 4,
        }
    }
}

/// Customers (positions in the slice given to [`blocks`], ascending) with one key.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: KeyKind,
    /// The key as compared: lower-cased number or e-mail, phone digits, or the folded
    /// company, a NUL and the initial.
    pub key: String,
    pub members: Vec<usize>,
}

/// A key's hash from its kind and text.
pub type KeyHash = fn(KeyKind, &str) -> u64;

/// FNV-1a over the kind and the key's bytes: short keys, no table, the same on every
/// platform.
pub fn fnv1a(kind: KeyKind, key: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in std::iter::once(kind.tag()).chain(key.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// One key of one customer: which field, and for a phone which of the numbers.
#[derive(Debug, Clone, Copy)]
struct Slot {
    kind: KeyKind,
    phone: usize,
}

/// Scratch text reused for every key of every customer.
#[derive(Default)]
struct Buffers {
    key: String,
    name: String,
}

/// Lower-cases `text` into `out`, byte by byte when it is ASCII (customer numbers and
/// e-mails nearly always are) and as [`str::to_lowercase`] otherwise.
fn lower_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// The postcode without spaces and case: "D-80331" stays itself, " 80 331 " is "80331".
pub(crate) fn postcode_into(postcode: &str, out: &mut String) {
    out.clear();
    out.extend(
        postcode
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase),
    );
}

/// The first letter of the alphabetically first word of a folded name: the initial of the
/// name written with its words in order, so "Meier, Jörg" and "Jörg Meier" share it.
pub fn name_initial(folded: &str) -> Option<char> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .min()
        .and_then(|w| w.chars().next())
}

/// Writes the customer's key for `slot` into `buffers.key`; false when the customer has
/// none there (an empty field, a too short phone number, a name without letters).
fn write_key(customer: &Customer, slot: Slot, buffers: &mut Buffers) -> bool {
    let f = &customer.fields;
    let out = &mut buffers.key;
    match slot.kind {
        KeyKind::Number => lower_into(f.number.trim(), out),
        KeyKind::Email => lower_into(f.email.trim(), out),
        KeyKind::Phone => match f.phones.get(slot.phone) {
            Some(phone) => {
                normalize_phone_into(phone, out);
                if out.len() < MIN_PHONE_DIGITS {
                    return false;
                }
            }
            None => return false,
        },
        KeyKind::Company | KeyKind::Postcode => {
            if slot.kind == KeyKind::Company {
                fold_into(f.company.trim(), out);
            } else {
                postcode_into(&f.postcode, out);
            }
            if out.is_empty() {
                return false;
            }
            fold_into(&f.name, &mut buffers.name);
            match name_initial(&buffers.name) {
                // The initial is always the last character and the NUL just before it,
                // so no other company and initial can give the same text.
                Some(initial) => {
                    out.push('\0');
                    out.push(initial);
                }
                None => return false,
            }
        }
    }
    !out.is_empty()
}

/// Every key slot a customer may fill.
fn slots(customer: &Customer) -> impl Iterator<Item = Slot> {
    let phones = customer.fields.phones.len();
    [
        KeyKind::Number,
        KeyKind::Email,
        KeyKind::Company,
        KeyKind::Postcode,
    ]
    .into_iter()
    .map(|kind| Slot { kind, phone: 0 })
    .chain((0..phones).map(|phone| Slot {
        kind: KeyKind::Phone,
        phone,
    }))
}

/// A key by its hash, with where it came from.
struct Hashed {
    hash: u64,
    at: usize,
    slot: Slot,
}

/// The blocks of two or more customers sharing a key, in a fixed order (kind, key). A
/// customer is in a block once, even with the same number written twice. `hash` is
/// [`fnv1a`] outside tests; a test passes one that makes every key collide.
pub fn blocks(all: &[&Customer], hash: KeyHash) -> Vec<Block> {
    let mut buffers = Buffers::default();
    let mut hashed: Vec<Hashed> = Vec::with_capacity(all.len() * 4);
    for (at, customer) in all.iter().enumerate() {
        for slot in slots(customer) {
            if write_key(customer, slot, &mut buffers) {
                hashed.push(Hashed {
                    hash: hash(slot.kind, &buffers.key),
                    at,
                    slot,
                });
            }
        }
    }
    hashed.sort_unstable_by_key(|h| h.hash);
    let mut found: Vec<Block> = Vec::new();
    for run in hashed.chunk_by(|x, y| x.hash == y.hash) {
        if run.len() < 2 {
            continue;
        }
        // The texts of this run only, grouped by the text: equal hashes, unequal keys
        // are no match.
        let mut keyed: Vec<(KeyKind, String, usize)> = Vec::with_capacity(run.len());
        for h in run {
            if write_key(all[h.at], h.slot, &mut buffers) {
                keyed.push((h.slot.kind, buffers.key.clone(), h.at));
            }
        }
        keyed.sort_unstable();
        keyed.dedup();
        for same in keyed.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
            if let [(kind, key, _), _, ..] = same {
                found.push(Block {
                    kind: *kind,
                    key: key.clone(),
                    members: same.iter().map(|(_, _, at)| *at).collect(),
                });
            }
        }
    }
    found.sort_unstable_by(|p, q| (p.kind, &p.key).cmp(&(q.kind, &q.key)));
    found
}
