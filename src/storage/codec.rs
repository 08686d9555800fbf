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
    Packing(&'static str),
    Inflate(String),
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
        let deflated = unpack(text)?;
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

fn unpack(text: &str) -> Result<Vec<u8>, CodecError> {
    let body = &text[PACKED_MARK.len_utf8()..];
    let (count, units) = body
        .split_once(':')
        .ok_or(CodecError::Packing("missing length"))?;
    let count: usize = count
        .parse()
        .map_err(|_| CodecError::Packing("bad length"))?;
    let mut bytes = Vec::with_capacity(count);
    let mut buffer: u32 = 0;
    let mut bits: u32 = 0;
    for ch in units.chars() {
        let value = u32::from(ch)
            .checked_sub(UNIT_OFFSET)
            .filter(|v| *v <= 0x7FFF)
            .ok_or(CodecError::Packing("unit out of range"))?;
        buffer = (buffer << BITS_PER_UNIT) | value;
        bits += BITS_PER_UNIT;
        while bits >= 8 && bytes.len() < count {
            bits -= 8;
            bytes.push(((buffer >> bits) & 0xFF) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    if bytes.len() != count {
        return Err(CodecError::Packing("truncated"));
    }
    Ok(bytes)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
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
