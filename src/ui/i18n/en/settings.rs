//! The British English texts of the settings page.

use super::super::keys::SettingsTexts;

pub const SETTINGS: SettingsTexts = SettingsTexts {
    calls: "Calls",
    calls_hint: "A click on a phone number (tel: link) in mail, calendar or a web page then opens the customer's card here. Softphones and the FRITZ!Box open incoming calls through …/anruf?nummer=<number>; the README explains how.",
    tel_handler: "Use Klassenblick for tel: links",
    tel_handler_asked: "The browser now asks whether Klassenblick may open tel: links. Please agree there.",
    tel_handler_unsupported: "This browser doesn't let web apps open tel: links. Installed as an app, Klassenblick takes them over in Chrome and Edge by itself.",
    tel_handler_refused: "The browser refused. You can allow it in the browser settings under \"protocol handlers\".",
    title: "Settings",
    user_name: "Your name",
    user_name_hint: "Recorded with contacts and class changes.",
    abc: "ABC analysis",
    abc_a: "A up to cumulative share (%)",
    abc_b: "B up to cumulative share (%)",
    abc_manual_days: "Do not preselect manually set classes for this many days",
    intervals: "Minimum interval between proactive contacts (days)",
    interval_never: "blank = never proactively",
    downgrade: "Declined expansion attempts before suggesting O → C (at least 2)",
    backup_changes: "Backup reminder after this many changes",
    backup_days: "Backup reminder after this many days",
    saved: "Settings saved",
    language: "Language",
    language_hint: "The interface and the date and number formats follow the language. The playbook and demo data stay as they were written.",
    practice: "Practice phase",
    new_cards: "New lines per day and person",
};
