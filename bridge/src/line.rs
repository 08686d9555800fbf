//! One line of the FRITZ!Box call monitor.
//!
//! The box writes one line per call event, fields separated by `;`:
//! `date time;KIND;connection id;…`. Only an incoming call (`RING`) matters here; its
//! fourth field is the caller's number, empty when the caller withholds it.

/// What a call-monitor line means for the bridge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// An incoming call with the caller's number as the box sent it.
    Ring { caller: String },
    /// An incoming call whose caller withheld the number: there is nobody to look up.
    RingWithheld,
    /// Outgoing calls, connects, disconnects and anything unreadable.
    Other,
}

/// Reads one line, with or without its `\r\n` or `\n`.
pub fn parse(line: &str) -> Event {
    let mut fields = line.split(';');
    let (Some(_stamp), Some(kind), Some(connection), Some(caller)) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Event::Other;
    };
    // The connection id is always a number; demanding one keeps stray text that happens
    // to contain "RING" from opening a page.
    if kind != "RING" || connection.is_empty() || !connection.bytes().all(|b| b.is_ascii_digit()) {
        return Event::Other;
    }
    // The line end stays on the last field; the caller is that field only in a line cut
    // short, and trimming it covers both `\r\n` and `\n`.
    let caller = caller.trim();
    if caller.is_empty() {
        Event::RingWithheld
    } else {
        Event::Ring {
            caller: caller.to_string(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn ring(caller: &str) -> Event {
        Event::Ring {
            caller: caller.to_string(),
        }
    }

    #[test]
    fn an_incoming_call_gives_the_callers_number() {
        assert_eq!(
            parse("01.12.26 15:40:01;RING;0;01712345678;5551234;SIP0;\n"),
            ring("01712345678")
        );
    }

    #[test]
    fn a_crlf_line_gives_the_same_number() {
        assert_eq!(
            parse("01.12.26 15:40:01;RING;0;01712345678;5551234;SIP0;\r\n"),
            ring("01712345678")
        );
        // Cut short after the caller, the line end would otherwise stick to the number.
        assert_eq!(
            parse("01.12.26 15:40:01;RING;0;01712345678\r\n"),
            ring("01712345678")
        );
        assert_eq!(parse("01.12.26 15:40:01;RING;0;\r\n"), Event::RingWithheld);
    }

    #[test]
    fn a_line_without_its_end_is_read_too() {
        assert_eq!(
            parse("01.12.26 15:40:01;RING;3;+491712345678;5551234;SIP0;"),
            ring("+491712345678")
        );
    }

    #[test]
    fn an_outgoing_call_is_ignored() {
        assert_eq!(
            parse("01.12.26 15:40:01;CALL;1;0;5551234;01712345678;SIP0;\r\n"),
            Event::Other
        );
    }

    #[test]
    fn connect_and_disconnect_are_ignored() {
        assert_eq!(
            parse("01.12.26 15:40:09;CONNECT;0;0;01712345678;\r\n"),
            Event::Other
        );
        assert_eq!(
            parse("01.12.26 15:41:30;DISCONNECT;0;12;\r\n"),
            Event::Other
        );
    }

    #[test]
    fn a_withheld_number_is_no_caller() {
        assert_eq!(
            parse("01.12.26 15:40:01;RING;0;;5551234;SIP0;\r\n"),
            Event::RingWithheld
        );
        assert_eq!(
            parse("01.12.26 15:40:01;RING;0; ;5551234;SIP0;\n"),
            Event::RingWithheld
        );
    }

    #[test]
    fn garbage_is_ignored() {
        for line in [
            "",
            "\r\n",
            "hello",
            "RING",
            "01.12.26 15:40:01;RING",
            "01.12.26 15:40:01;RING;0",
            "the phone went RING;RING;now;01712345678;",
            "01.12.26 15:40:01;ring;0;01712345678;5551234;SIP0;",
            "\u{fffd}\u{fffd};RING;;01712345678;",
        ] {
            assert_eq!(parse(line), Event::Other, "{line:?}");
        }
    }
}
