//! Compact values: JSON, deflated, then packed 15 bits per UTF-16 unit.
//!
//! Local storage counts UTF-16 units, so packing 15 bits into each (kept below the
//! surrogate range) stores compressed bytes at about 1.07 bytes per unit, where base64
//! would need 1.33 units per byte.

use serde::de::DeserializeOwned;
use serde::Serialize;

const PACKED_MARK: char = 'Z';
const UNIT_OFFSET: u32 = 0x20;
const BITS_PER_UNIT: u32 = 15;
/// Refuses to inflate beyond this, so a damaged value cannot exhaust memory.
const MAX_INFLATED_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    Json(String),
    Packing(PackingError),
    Inflate(String),
}

/// Why a packed value ("Z<byte count>:<units>") was refused. Stored values can be damaged
/// by hand edits, other tools or a disk fault, so every way they can be off is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackingError {
    /// Not a packed value at all.
    MissingMark,
    /// No ':' after the byte count.
    MissingLength,
    /// The byte count is empty, not plain decimal digits, or too large to count.
    BadLength,
    /// The value does not hold the number of units its byte count needs.
    LengthMismatch { count: usize, units: usize },
    /// A unit outside 0x20..=0x801F; a lone surrogate read from the browser arrives as
    /// U+FFFD and lands here too.
    UnitOutOfRange { position: usize },
    /// The unused bits of the last unit are not zero, so `pack` did not write it.
    Padding,
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Json(e) => write!(f, "JSON: {e}"),
            Self::Packing(e) => write!(f, "packing: {e}"),
            Self::Inflate(e) => write!(f, "inflate: {e}"),
        }
    }
}

impl std::fmt::Display for PackingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MissingMark => write!(f, "no packing mark"),
            Self::MissingLength => write!(f, "missing length"),
            Self::BadLength => write!(f, "bad length"),
            Self::LengthMismatch { count, units } => {
                write!(f, "{units} units do not hold {count} bytes")
            }
            Self::UnitOutOfRange { position } => write!(f, "unit {position} out of range"),
            Self::Padding => write!(f, "padding bits set"),
        }
    }
}

pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<String, CodecError> {
    let json = serde_json::to_vec(value).map_err(|e| CodecError::Json(e.to_string()))?;
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 6);
    Ok(pack(&deflated))
}

/// Compact JSON text. All JSON in the app goes through these two functions, so the
/// serde code is generated once per type, which keeps the wasm bundle small.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, CodecError> {
    let bytes = serde_json::to_vec(value).map_err(|e| CodecError::Json(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| CodecError::Json(e.to_string()))
}

pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, CodecError> {
    serde_json::from_slice(text.as_bytes()).map_err(|e| CodecError::Json(e.to_string()))
}

/// Reads packed values and, for values written by hand or by tests, plain JSON.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, CodecError> {
    let json = if text.starts_with(PACKED_MARK) {
        let deflated = unpack(text).map_err(CodecError::Packing)?;
        miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED_BYTES)
            .map_err(|e| CodecError::Inflate(format!("{:?}", e.status)))?
    } else {
        text.as_bytes().to_vec()
    };
    serde_json::from_slice(&json).map_err(|e| CodecError::Json(e.to_string()))
}

/// "Z<byte count>:" followed by the bits, 15 per char.
fn pack(bytes: &[u8]) -> String {
    let mut out = format!("{PACKED_MARK}{}:", bytes.len());
    let mut buffer: u32 = 0;
    let mut bits: u32 = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        if bits >= BITS_PER_UNIT {
            bits -= BITS_PER_UNIT;
            push_unit(&mut out, (buffer >> bits) & 0x7FFF);
            buffer &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push_unit(&mut out, (buffer << (BITS_PER_UNIT - bits)) & 0x7FFF);
    }
    out
}

fn push_unit(out: &mut String, value: u32) {
    // Offset values stay in 0x20..=0x801F: printable, never a surrogate.
    if let Some(ch) = char::from_u32(value + UNIT_OFFSET) {
        out.push(ch);
    }
}

/// Reads "Z<byte count>:<units>". The byte count is only trusted once the units that
/// back it are all there, so a damaged count can never size an allocation.
fn unpack(text: &str) -> Result<Vec<u8>, PackingError> {
    let body = text
        .strip_prefix(PACKED_MARK)
        .ok_or(PackingError::MissingMark)?;
    let (count, units) = body.split_once(':').ok_or(PackingError::MissingLength)?;
    let count = parse_count(count)?;
    let needed = units_for(count).ok_or(PackingError::BadLength)?;
    let found = units.chars().count();
    if found != needed {
        return Err(PackingError::LengthMismatch {
            count,
            units: found,
        });
    }
    // `count` is now at most 15/8 of the units actually present.
    let mut bytes = Vec::with_capacity(count);
    let mut buffer: u32 = 0;
    let mut bits: u32 = 0;
    for (position, ch) in units.chars().enumerate() {
        let value = unit_value(ch).ok_or(PackingError::UnitOutOfRange { position })?;
        // `bits` is below 15 here, so the buffer holds at most 29 bits: no overflow.
        buffer = (buffer << BITS_PER_UNIT) | value;
        bits += BITS_PER_UNIT;
        while bits >= 8 && bytes.len() < count {
            bits -= 8;
            bytes.push(((buffer >> bits) & 0xFF) as u8);
        }
        buffer &= low_bits(bits);
    }
    // The exact unit count leaves fewer than 15 bits over: `pack` writes them as zeros.
    if buffer != 0 {
        return Err(PackingError::Padding);
    }
    Ok(bytes)
}

/// Plain decimal digits only: `str::parse` would also take a leading '+'.
fn parse_count(digits: &str) -> Result<usize, PackingError> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PackingError::BadLength);
    }
    digits.parse().map_err(|_| PackingError::BadLength)
}

/// Units needed for `count` bytes at 15 bits each; `None` when the bit count overflows.
fn units_for(count: usize) -> Option<usize> {
    count.checked_mul(8).map(|bits| bits.div_ceil(15))
}

fn unit_value(ch: char) -> Option<u32> {
    u32::from(ch)
        .checked_sub(UNIT_OFFSET)
        .filter(|v| *v <= 0x7FFF)
}

fn low_bits(bits: u32) -> u32 {
    1u32.checked_shl(bits).map_or(u32::MAX, |bit| bit - 1)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_json_is_still_readable() {
        let value: Vec<u32> = decode("[1,2,3]").expect("plain JSON");
        assert_eq!(value, vec![1, 2, 3]);
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let good = encode(&vec!["Müller"; 50]).expect("encodes");
        let truncated: String = good.chars().take(good.chars().count() / 2).collect();
        assert!(decode::<Vec<String>>(&truncated).is_err());
        assert!(decode::<Vec<String>>("Zabc").is_err());
        assert!(decode::<Vec<String>>("Z5:\u{1}").is_err());
        assert!(decode::<Vec<String>>("{kaputt").is_err());
    }

    #[test]
    fn repetitive_text_shrinks() {
        let text = vec!["Schön, dass Sie anrufen".to_string(); 200];
        let encoded = encode(&text).expect("encodes");
        let json_units = serde_json::to_string(&text)
            .expect("json")
            .encode_utf16()
            .count();
        assert!(encoded.encode_utf16().count() * 10 < json_units);
    }

    proptest! {
        #[test]
        fn any_bytes_survive_pack_and_unpack(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let packed = pack(&bytes);
            prop_assert!(packed.chars().all(|c| !(0xD800..=0xDFFF).contains(&u32::from(c))));
            prop_assert_eq!(unpack(&packed), Ok(bytes));
        }

        #[test]
        fn any_strings_survive_encode_and_decode(items in proptest::collection::vec(".*", 0..20)) {
            let encoded = encode(&items).expect("encodes");
            prop_assert_eq!(decode::<Vec<String>>(&encoded), Ok(items));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "codec_damage_tests.rs"]
mod damage_tests;
