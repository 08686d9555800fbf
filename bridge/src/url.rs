//! The address of the app's call page for one caller.

/// `<app>/anruf?nummer=<caller>`. The app may live under a base path
/// (`https://example.org/klassenblick/`), so exactly one slash joins the two, whether or
/// not the app address ends in one.
pub fn call_page(app: &str, caller: &str) -> String {
    format!(
        "{}/anruf?nummer={}",
        app.trim_end_matches('/'),
        percent_encode(caller)
    )
}

/// Everything but RFC 3986's unreserved characters is encoded, byte by byte of the UTF-8
/// text. A `+` left as it is would reach the app as a space, and an encoded number also
/// passes unchanged through the shell commands that open the browser.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_local_app_with_a_trailing_slash() {
        assert_eq!(
            call_page("http://127.0.0.1:8080/", "01712345678"),
            "http://127.0.0.1:8080/anruf?nummer=01712345678"
        );
    }

    #[test]
    fn the_local_app_without_a_trailing_slash() {
        assert_eq!(
            call_page("http://127.0.0.1:8080", "01712345678"),
            "http://127.0.0.1:8080/anruf?nummer=01712345678"
        );
    }

    #[test]
    fn a_base_path_with_and_without_a_trailing_slash() {
        let want = "https://example.org/klassenblick/anruf?nummer=5551234";
        assert_eq!(
            call_page("https://example.org/klassenblick/", "5551234"),
            want
        );
        assert_eq!(
            call_page("https://example.org/klassenblick", "5551234"),
            want
        );
        assert_eq!(
            call_page("https://example.org/klassenblick//", "5551234"),
            want
        );
    }

    #[test]
    fn an_international_number_with_spaces_is_encoded() {
        assert_eq!(
            call_page("http://127.0.0.1:8080/", "+49 171 2345678"),
            "http://127.0.0.1:8080/anruf?nummer=%2B49%20171%202345678"
        );
    }

    #[test]
    fn characters_a_url_or_a_shell_would_read_are_encoded() {
        assert_eq!(percent_encode("**610#"), "%2A%2A610%23");
        assert_eq!(percent_encode("a&b=c?d/e"), "a%26b%3Dc%3Fd%2Fe");
        assert_eq!(percent_encode("%\"^|<>"), "%25%22%5E%7C%3C%3E");
        assert_eq!(percent_encode("ü"), "%C3%BC");
        assert_eq!(percent_encode("Az09-._~"), "Az09-._~");
    }
}
