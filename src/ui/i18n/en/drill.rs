//! The British English texts of the class-glance drill.

use super::super::keys::DrillTexts;

pub const DRILL: DrillTexts = DrillTexts {
    title: "Class-glance drill",
    intro: "A customer card flashes up, just as in a real call. First choose the class (key A, B, O or C), then the matching opening line (keys 1–4).",
    start: "Start drill",
    next: "Next card",
    demo_note: "Card from the demo data: there are not enough of your own customers for this round.",
    covered: "Card hidden – which class was it?",
    pick_class: "Which class?",
    pick_line: "Which opening line fits?",
    right: "Correct.",
    wrong: "Not quite.",
    result: |class, millis| format!("Class {class} · class chosen after {}.{} s", millis / 1000, (millis % 1000) / 100),
    right_line: "Matching opening line:",
    fits: "✓ fits",
    nothing_fits: "No agreed opening lines fit these customers. Mark lines for A, B or O as agreed in the playbook.",
    no_approach: "No opening line – handle the request kindly and quickly.",
};
