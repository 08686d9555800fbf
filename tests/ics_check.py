"""Reads the calendar file that tests/calendar_file.rs writes with Python's icalendar
package, a real RFC 5545 parser, and checks its events, UIDs and yearly rules.

Usage: python3 tests/ics_check.py FILE.ics [EXPECTED.json]

Without EXPECTED.json the events of tests/calendar_file.rs are expected. The end-to-end
test passes its own, as {uid: [start "YYYY-MM-DD", summary, rrule or null]}.
"""
import json
import sys
from datetime import date

from icalendar import Calendar

EXPECTED = {
    # uid: (start, summary, rrule or None)
    "plan-42-7@klassenblick": (
        date(2026, 9, 3),
        "B · Geplanter Kontakt: Angebot, Hausrat; besprechen · Jörg Meier",
        None,
    ),
    "follow-up-5-11@klassenblick": (
        date(2026, 9, 10),
        "O · Wiedervorlage: Rückruf · Berta Schulz",
        None,
    ),
    "occasion-42-1-deadline@klassenblick": (
        date(2026, 10, 1),
        "B · Kündigungsfrist Kfz-Versicherung · Jörg Meier",
        None,
    ),
    "occasion-42-1@klassenblick": (
        date(2027, 1, 1),
        "B · Vertragsablauf Kfz-Versicherung · Jörg Meier",
        None,
    ),
    "occasion-5-3@klassenblick": (
        date(2026, 10, 15),
        "O · Kundenjubiläum · Berta Schulz",
        {"FREQ": ["YEARLY"]},
    ),
    "occasion-42-2@klassenblick": (
        date(2027, 2, 28),
        "B · Geburtstag · Jörg Meier",
        {"FREQ": ["YEARLY"], "BYMONTH": [2], "BYMONTHDAY": [-1]},
    ),
    "occasion-42-3@klassenblick": (
        date(2026, 9, 20),
        "B · Sehr langer Anlass mit Umlauten äöüß, Kommas, Semikolons; und noch mehr Text · Jörg Meier",
        {"FREQ": ["YEARLY"]},
    ),
}


def read_expected(path):
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    return {
        uid: (date.fromisoformat(start), summary, rrule)
        for uid, (start, summary, rrule) in raw.items()
    }


def main(path, expected=EXPECTED):
    with open(path, "rb") as f:
        raw = f.read()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "CRLF only"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0"
    assert "PRODID" in cal
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == set(expected), f"UIDs differ: {sorted(events)}"
    for uid, (start, summary, rrule) in expected.items():
        event = events[uid]
        assert "DTSTAMP" in event, uid
        got_start = event["DTSTART"].dt
        assert got_start == start and type(got_start) is date, (uid, got_start)
        assert str(event["SUMMARY"]) == summary, (uid, str(event["SUMMARY"]))
        got_rule = event.get("RRULE")
        if rrule is None:
            assert got_rule is None, (uid, got_rule)
        else:
            assert dict(got_rule) == rrule, (uid, dict(got_rule))
    print(f"ics check: {len(events)} events read by icalendar, UIDs and yearly rules as expected")


if __name__ == "__main__":
    main(sys.argv[1], read_expected(sys.argv[2]) if len(sys.argv) > 2 else EXPECTED)
