//! Damaged stored values: every input decodes to `Ok` or `Err`, never a panic.
//!
//! In the browser a panic aborts the whole app (`panic = "abort"`), so one bad value
//! would lock the user out until it is removed by hand. These properties feed the
//! decoder arbitrary text and real stored values (the frozen schema-1 profile) with
//! damaged length prefixes, units and JSON, decoded as every type the app stores.

use super::*;
use crate::domain::customer::record::Customer;
use crate::domain::dataset::BackupStatus;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::PracticeState;
use crate::domain::settings::Settings;
use crate::storage::schema::Meta;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;
use std::collections::BTreeMap;

/// Cases per property; eight properties make 128,000 cases in all.
const CASES: u32 = 16_000;

const PROFILE: &str = include_str!("../../tests/fixtures/schema1-profile.json");

/// Decodes `text` as everything the app stores, the way the engine reads it. Reaching
/// the end of this function without a panic is the property.
fn decode_as_every_stored_type(text: &str) {
    let _ = decode::<Vec<Customer>>(text);
    let _ = decode::<Vec<PlaybookLine>>(text);
    let _ = decode::<PracticeState>(text);
    let _ = decode::<Settings>(text).map(Settings::sanitized);
    let _ = decode::<BackupStatus>(text);
    let _ = from_json::<Meta>(text);
}

/// Every stored value of the frozen profile, as the app wrote it.
fn profile_values() -> Vec<String> {
    let profile: BTreeMap<String, String> =
        serde_json::from_str(PROFILE).expect("the fixture profile is valid JSON");
    profile.into_values().collect()
}

fn packed_values() -> Vec<String> {
    profile_values()
        .into_iter()
        .filter(|v| v.starts_with(PACKED_MARK))
        .collect()
}

/// The JSON text inside each stored value.
fn json_values() -> Vec<String> {
    profile_values()
        .iter()
        .map(|v| {
            let value: Value = decode(v).expect("the fixture profile decodes");
            serde_json::to_string(&value).expect("JSON values serialise")
        })
        .collect()
}

/// Packs JSON text as `encode` would, whether or not it is valid JSON.
fn pack_json(json: &str) -> String {
    pack(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6))
}

fn split_packed(value: &str) -> (&str, &str) {
    let body = value.strip_prefix(PACKED_MARK).expect("a packed value");
    body.split_once(':').expect("a packed value has a length")
}

/// Characters that matter to the decoder, and high code points, in about equal shares.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        Just('Z'),
        Just(':'),
        proptest::char::range('0', '9'),
        proptest::char::range('\u{0}', '\u{1F}'),
        proptest::char::range('\u{20}', '\u{801F}'),
        proptest::char::range('\u{8020}', '\u{FFFF}'),
        proptest::char::range('\u{10000}', '\u{10FFFF}'),
        Just('\u{FFFD}'),
        Just('-'),
        Just('+'),
    ]
}

/// Units a packed value must never hold: below 0x20 or above 0x801F.
fn invalid_unit() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('\u{0}', '\u{1F}'),
        proptest::char::range('\u{8020}', '\u{D7FF}'),
        proptest::char::range('\u{E000}', '\u{10FFFF}'),
        Just('\u{FFFD}'),
    ]
}

fn damaged_length() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("18446744073709551615".to_string()),
        Just("18446744073709551616".to_string()),
        Just("99999999999999999999".to_string()),
        Just("4294967295".to_string()),
        Just("99999999999".to_string()),
        Just("-1".to_string()),
        Just("-0".to_string()),
        Just("+12".to_string()),
        Just(" 12".to_string()),
        Just(String::new()),
        "[0-9]{1,30}",
        "-?[0-9a-fx.eE+]{0,12}",
    ]
}

/// A leaf or branch of a JSON document, of any shape.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        "[0-9+-]{1,7}-[0-9]{1,3}-[0-9]{1,3}(T[0-9:.]{1,12})?".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the `index`-th node (depth first, modulo the node count) with `with`, so a
/// valid stored document gets a value of the wrong type or range in one place.
fn replace_node(root: &mut Value, index: usize, with: Value) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(v: &mut Value, target: &mut usize, with: &mut Option<Value>) {
        if *target == 0 {
            if let Some(new) = with.take() {
                *v = new;
            }
            return;
        }
        *target -= 1;
        match v {
            Value::Array(a) => a.iter_mut().for_each(|c| walk(c, target, with)),
            Value::Object(o) => o.values_mut().for_each(|c| walk(c, target, with)),
            _ => {}
        }
    }
    let mut target = index % count(root);
    walk(root, &mut target, &mut Some(with));
}

fn char_prefix(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

fn config() -> Config {
    Config {
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..Config::with_cases(CASES)
    }
}

#[test]
fn absurd_length_prefixes_are_errors() {
    let units = "\u{4E00}\u{4E01}\u{4E02}";
    for count in [
        "18446744073709551615",
        "99999999999999999999",
        "99999999999",
    ] {
        let text = format!("Z{count}:{units}");
        assert!(matches!(
            unpack(&text),
            Err(PackingError::BadLength | PackingError::LengthMismatch { .. })
        ));
        assert!(decode::<Vec<Customer>>(&text).is_err());
    }
    for count in ["-1", "", "+1", "1e3"] {
        assert_eq!(
            unpack(&format!("Z{count}:{units}")),
            Err(PackingError::BadLength)
        );
    }
}

#[test]
fn more_units_than_the_count_needs_are_an_error() {
    // 1 byte needs 1 unit; before, extra units overflowed the bit buffer's shift.
    let text = format!("Z1:{}", "\u{7FFF}".repeat(40));
    assert_eq!(
        unpack(&text),
        Err(PackingError::LengthMismatch {
            count: 1,
            units: 40
        })
    );
}

#[test]
fn set_padding_bits_are_an_error() {
    // One byte 0xFF packs as 0x7F80 + 0x20; any of the 7 low bits set is not ours.
    assert_eq!(unpack("Z1:\u{7FA0}"), Ok(vec![0xFF]));
    assert_eq!(unpack("Z1:\u{7FA1}"), Err(PackingError::Padding));
}

#[test]
fn every_fixture_value_still_decodes() {
    for value in profile_values() {
        assert!(decode::<Value>(&value).is_ok(), "{value}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        decode_as_every_stored_type(&text);
    }

    #[test]
    fn text_of_tricky_characters_never_panics(
        chars in proptest::collection::vec(tricky_char(), 0..80),
        packed in any::<bool>(),
    ) {
        let mut text: String = chars.into_iter().collect();
        if packed {
            text.insert(0, PACKED_MARK);
        }
        decode_as_every_stored_type(&text);
    }

    #[test]
    fn damaged_length_prefixes_never_panic(
        value in proptest::sample::select(packed_values()),
        length in damaged_length(),
        delta in -20i64..=20,
        use_delta in any::<bool>(),
    ) {
        let (count, units) = split_packed(&value);
        let length = match (use_delta, count.parse::<i64>()) {
            (true, Ok(n)) => (n + delta).to_string(),
            _ => length,
        };
        let text = format!("{PACKED_MARK}{length}:{units}");
        decode_as_every_stored_type(&text);
        // A count the units cannot back is refused before anything is allocated.
        let backed = parse_count(&length).ok().and_then(units_for) == Some(units.chars().count());
        if !backed {
            prop_assert!(unpack(&text).is_err());
        }
    }

    #[test]
    fn truncated_and_extended_units_never_panic(
        value in proptest::sample::select(packed_values()),
        keep in 0.0f64..=1.0,
        extra in proptest::collection::vec(proptest::char::range('\u{20}', '\u{801F}'), 0..40),
    ) {
        let (count, units) = split_packed(&value);
        let kept = (units.chars().count() as f64 * keep) as usize;
        let mut text = format!("{PACKED_MARK}{count}:{}", char_prefix(units, kept));
        text.extend(extra.iter());
        decode_as_every_stored_type(&text);
        // Any change in the number of units is refused by the packing itself.
        if kept + extra.len() != units.chars().count() {
            let refused = matches!(unpack(&text), Err(PackingError::LengthMismatch { .. }));
            prop_assert!(refused, "{} units accepted for {}", kept + extra.len(), count);
        }
        // Cutting the whole value anywhere, the mark and length included.
        let cut = char_prefix(&value, (value.chars().count() as f64 * keep) as usize);
        decode_as_every_stored_type(&cut);
    }

    #[test]
    fn invalid_units_never_panic(
        value in proptest::sample::select(packed_values()),
        at in 0.0f64..1.0,
        bad in invalid_unit(),
        replace in any::<bool>(),
    ) {
        let (count, units) = split_packed(&value);
        let mut chars: Vec<char> = units.chars().collect();
        let index = (chars.len() as f64 * at) as usize;
        if replace && index < chars.len() {
            chars[index] = bad;
        } else {
            chars.insert(index.min(chars.len()), bad);
        }
        let text = format!("{PACKED_MARK}{count}:{}", chars.into_iter().collect::<String>());
        decode_as_every_stored_type(&text);
        prop_assert!(unpack(&text).is_err());
    }

    #[test]
    fn damaged_json_never_panics(
        json in proptest::sample::select(json_values()),
        keep in 0.0f64..=1.0,
        insert in prop_oneof![Just(String::new()), "[\\[\\]{}\":,0-9a-z\\\\-]{1,4}", ".{1,3}"],
        at in 0.0f64..=1.0,
    ) {
        let mut chars: Vec<char> = json.chars().collect();
        chars.truncate((chars.len() as f64 * keep) as usize);
        let index = (chars.len() as f64 * at) as usize;
        chars.splice(index..index, insert.chars());
        let damaged: String = chars.into_iter().collect();
        decode_as_every_stored_type(&damaged);
        decode_as_every_stored_type(&pack_json(&damaged));
    }

    #[test]
    fn valid_json_of_the_wrong_shape_never_panics(
        json in proptest::sample::select(json_values()),
        node in any::<usize>(),
        with in any_json(),
        whole in any_json(),
    ) {
        let mut document: Value = serde_json::from_str(&json).expect("fixture JSON");
        replace_node(&mut document, node, with);
        let text = serde_json::to_string(&document).expect("JSON values serialise");
        decode_as_every_stored_type(&text);
        decode_as_every_stored_type(&pack_json(&text));
        let other = serde_json::to_string(&whole).expect("JSON values serialise");
        decode_as_every_stored_type(&other);
        decode_as_every_stored_type(&pack_json(&other));
    }

    #[test]
    fn damaged_deflate_streams_never_panic(
        value in proptest::sample::select(packed_values()),
        flips in proptest::collection::vec((any::<usize>(), 0u8..8), 1..4),
        noise in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut deflated = unpack(&value).expect("fixture values unpack");
        for (index, bit) in flips {
            let len = deflated.len();
            if len > 0 {
                deflated[index % len] ^= 1 << bit;
            }
        }
        decode_as_every_stored_type(&pack(&deflated));
        decode_as_every_stored_type(&pack(&noise));
    }
}
