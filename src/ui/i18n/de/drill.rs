//! The German texts of the class-glance drill.

use super::super::keys::DrillTexts;

pub const DRILL: DrillTexts = DrillTexts {
    title: "Klassenblick-Training",
    intro: "Eine Kundenkarte blitzt auf wie bei einem echten Anruf. Zuerst die Klasse wählen (Taste A, B, O oder C), dann den passenden Einstieg (Taste 1–4).",
    start: "Training starten",
    next: "Nächste Karte",
    demo_note: "Karte aus den Demodaten: Ihre eigenen Kunden reichen für diese Runde nicht aus.",
    covered: "Karte verdeckt – welche Klasse war es?",
    pick_class: "Welche Klasse?",
    pick_line: "Welcher Einstieg passt?",
    right: "Richtig.",
    wrong: "Nicht ganz.",
    result: |class, millis| format!("Klasse {class} · Klasse gewählt nach {},{} s", millis / 1000, (millis % 1000) / 100),
    right_line: "Passender Einstieg:",
    fits: "✓ passt",
    nothing_fits: "Für diese Kunden gibt es keine passenden verbindlichen Einstiegssätze. Markieren Sie im Leitfaden Zeilen für A, B oder O als verbindlich.",
    no_approach: "Kein Einstiegssatz – das Anliegen freundlich und zügig erledigen.",
};
