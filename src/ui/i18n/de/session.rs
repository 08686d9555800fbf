//! The German texts of the projector rounds of a training session.

use super::super::keys::SessionTexts;

pub const SESSION: SessionTexts = SessionTexts {
    title: "Gruppensitzung",
    intro: "Für den Schulungsraum: große Schrift für den Beamer, jede Runde eine zufällige Situation, die Teilnehmenden reihum. Die Trainerin deckt auf und vermerkt, wie es lief.",
    who: "Wer macht mit? (ohne Auswahl: alle)",
    start: "Sitzung starten",
    round: |n| format!("Runde {n}"),
    turn: |name| format!("{name} ist dran"),
    mark_good: "Gelungen",
    mark_again: "Noch üben",
    next: "Nächste Runde",
    end: "Sitzung beenden",
    summary: "Zusammenfassung der Sitzung",
    trainee: "Teilnehmer",
    rounds: "Runden",
    succeeded: "gelungen",
    nothing_agreed: "Es gibt noch keine verbindlichen Einstiegssätze. Markieren Sie im Leitfaden Zeilen als verbindlich.",
};
