//! The German texts of the settings page.

use super::super::keys::SettingsTexts;

pub const SETTINGS: SettingsTexts = SettingsTexts {
    calls: "Anrufe",
    calls_hint: "Ein Klick auf eine Telefonnummer (tel:-Link) in Mail, Kalender oder Webseite öffnet dann hier die Kundenkarte. Softphones und die FRITZ!Box öffnen eingehende Anrufe über …/anruf?nummer=<Nummer>; das README beschreibt es.",
    tel_handler: "Klassenblick für tel:-Links verwenden",
    tel_handler_asked: "Der Browser fragt jetzt, ob Klassenblick tel:-Links öffnen darf. Stimmen Sie dort zu.",
    tel_handler_unsupported: "Dieser Browser lässt Web-Apps keine tel:-Links öffnen. Als installierte App übernimmt Klassenblick sie in Chrome und Edge von selbst.",
    tel_handler_refused: "Der Browser hat die Anmeldung abgelehnt. In den Browser-Einstellungen unter „Protokoll-Handler“ lässt sie sich erlauben.",
    title: "Einstellungen",
    user_name: "Ihr Name",
    user_name_hint: "Wird bei Kontakten und Klassenwechseln vermerkt.",
    abc: "ABC-Analyse",
    abc_a: "A bis kumuliert (%)",
    abc_b: "B bis kumuliert (%)",
    abc_manual_days: "Von Hand gesetzte Klassen so viele Tage nicht vorauswählen",
    intervals: "Mindestabstand proaktiver Kontakte (Tage)",
    interval_never: "leer = nie proaktiv",
    downgrade: "Abgelehnte Ausbauversuche bis zum Vorschlag O → C (mindestens 2)",
    backup_changes: "Backup-Erinnerung nach Änderungen",
    backup_days: "Backup-Erinnerung nach Tagen",
    saved: "Einstellungen gespeichert",
    language: "Sprache",
    language_hint: "Die Oberfläche, Datums- und Zahlenformate folgen der Sprache. Leitfaden und Demodaten bleiben, wie sie geschrieben sind.",
    practice: "Übungsphase",
    new_cards: "Neue Sätze pro Tag und Person",
};
