//! Domain values as the UI shows them, in the words of the message catalog.

use super::i18n::Texts;
use crate::domain::customer::contact::{Channel, ContactResult, Direction};
use crate::domain::customer::hook::{HookKind, NoteValidity};
use crate::domain::playbook::lines::PlaybookLine;
use crate::ui::locale::format_date;

pub fn hook_label(t: &Texts, hook: &HookKind) -> String {
    match hook {
        HookKind::ExtraBenefit => t.hook_extra_benefit.into(),
        HookKind::LegalChange => t.hook_legal_change.into(),
        HookKind::TimeLimitedPromotion => t.hook_promotion.into(),
        HookKind::SpecialAdvantage => t.hook_special_advantage.into(),
        HookKind::ComprehensiveConsultation => t.hook_consultation.into(),
        HookKind::Occasion => t.hook_occasion.into(),
        HookKind::Custom(label) => label.clone(),
    }
}

pub fn channel_label(t: &Texts, channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => t.channel_phone,
        Channel::Email => t.channel_email,
        Channel::Visit => t.channel_visit,
        Channel::Letter => t.channel_letter,
        Channel::Other => t.channel_other,
    }
}

pub fn direction_label(t: &Texts, direction: Direction) -> &'static str {
    match direction {
        Direction::Inbound => t.direction_inbound,
        Direction::Outbound => t.direction_outbound,
    }
}

pub fn result_label(t: &Texts, result: ContactResult) -> &'static str {
    match result {
        ContactResult::Reached => t.result_reached,
        ContactResult::Interested => t.result_interested,
        ContactResult::Appointment => t.result_appointment,
        ContactResult::Refused => t.result_refused,
        ContactResult::NotReached => t.result_not_reached,
    }
}

pub fn channel_key(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "phone",
        Channel::Email => "email",
        Channel::Visit => "visit",
        Channel::Letter => "letter",
        Channel::Other => "other",
    }
}

pub fn direction_key(direction: Direction) -> &'static str {
    match direction {
        Direction::Inbound => "in",
        Direction::Outbound => "out",
    }
}

pub fn direction_from_key(key: &str) -> Option<Direction> {
    match key {
        "in" => Some(Direction::Inbound),
        "out" => Some(Direction::Outbound),
        _ => None,
    }
}

pub fn result_key(result: ContactResult) -> &'static str {
    match result {
        ContactResult::Reached => "reached",
        ContactResult::Interested => "interested",
        ContactResult::Appointment => "appointment",
        ContactResult::Refused => "refused",
        ContactResult::NotReached => "not_reached",
    }
}

/// "läuft in 5 Tagen ab (bis 02.12.2026)" and the like; `until` is the note's end date.
pub fn validity_text(
    t: &Texts,
    validity: NoteValidity,
    until: Option<chrono::NaiveDate>,
) -> String {
    let until = until.map(format_date).unwrap_or_default();
    match validity {
        NoteValidity::Open => t.note_open.into(),
        NoteValidity::Valid { .. } => (t.note_valid_until)(&until),
        NoteValidity::ExpiringSoon { days_left } => (t.note_expiring)(days_left, &until),
        NoteValidity::Expired { days_ago } => (t.note_expired)(days_ago, &until),
    }
}

/// What a playbook entry is, in words: shown as text, so the kind never rests on colour.
pub fn kind_label(t: &Texts, line: &PlaybookLine) -> &'static str {
    if line.is_objection() {
        t.kind_objection
    } else {
        t.kind_opening
    }
}

pub fn kind_key(line: &PlaybookLine) -> &'static str {
    if line.is_objection() {
        "objection"
    } else {
        "opening"
    }
}

/// Whom an objection's answer is for: "B-Kunden · jeder Aufhänger".
pub fn reach_label(t: &Texts, line: &PlaybookLine) -> String {
    let class = line.for_class().map_or_else(
        || t.reach_all_classes.to_string(),
        |c| (t.reach_class)(c.letter()),
    );
    let hook = line
        .for_hook()
        .map_or_else(|| t.reach_any_hook.to_string(), |h| hook_label(t, h));
    format!("{class} · {hook}")
}

/// Where an entry belongs, for lists: the direction and hook of an opening line, the
/// reach of an objection.
pub fn situation_label(t: &Texts, line: &PlaybookLine) -> String {
    if line.is_objection() {
        reach_label(t, line)
    } else {
        format!(
            "{} · {}",
            direction_label(t, line.situation.direction),
            hook_label(t, &line.situation.hook)
        )
    }
}
