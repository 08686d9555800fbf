//! Spreadsheet files as text: which encoding they were saved in, and which separator
//! their columns use. German Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252
//! with semicolons, "CSV UTF-8" with a byte order mark; LibreOffice asks the user.

/// How the bytes of a file were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8WithBom,
    Utf8,
    /// Excel's "Unicode-Text" export.
    Utf16Le,
    Utf16Be,
    /// Anything that is not valid UTF-8: what older Excel versions write on Windows.
    Windows1252,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    pub encoding: TextEncoding,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a file's bytes as text. Never fails: every byte sequence is valid Windows-1252,
/// so a file of unknown origin at worst shows odd characters the user can see.
pub fn decode_text(bytes: &[u8]) -> DecodedText {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return DecodedText {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: TextEncoding::Utf8WithBom,
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, TextEncoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => DecodedText {
            text: text.to_string(),
            encoding: TextEncoding::Utf8,
        },
        Err(_) => DecodedText {
            text: bytes.iter().map(|b| windows_1252_char(*b)).collect(),
            encoding: TextEncoding::Windows1252,
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, encoding: TextEncoding) -> DecodedText {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    DecodedText { text, encoding }
}

/// Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts typographic characters
/// (€, „ “, –) instead of control codes. The five unassigned bytes keep their control
/// code, as browsers decode them.
fn windows_1252_char(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        other => char::from(other),
    }
}

/// Excel writes and honours a first line "sep=;" naming the separator. Returns that
/// separator and the text after the line, or `None` and the whole text.
pub fn split_separator_hint(text: &str) -> (Option<u8>, &str) {
    let (first, rest) = match text.find('\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    };
    let hint = first.trim_end_matches('\r');
    match hint
        .strip_prefix("sep=")
        .or_else(|| hint.strip_prefix("SEP="))
    {
        Some(sep) if sep.len() == 1 && sep.is_ascii() => (sep.bytes().next(), rest),
        _ => (None, text),
    }
}

/// The separator the header line uses most: `;`, `,` or tab, counting only outside
/// quotes so that a header like `"Umsatz, netto";Name` is not taken for comma-separated.
/// A tie or a single-column header gives `;`, the German default.
pub fn detect_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(sep, _)| *sep == byte) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    // max_by_key keeps the last maximum; reversing keeps the first, i.e. `;` on a tie.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map_or(b';', |(sep, _)| *sep)
}
