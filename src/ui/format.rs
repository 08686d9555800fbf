//! Domain values as the UI shows them, in the words of the message catalog.

use super::i18n::Texts;
use crate::domain::customer::contact::{Channel, ContactResult, Direction};
use crate::domain::customer::hook::{HookKind, NoteValidity};
use crate::domain::customer::occasion::{Moment, Occasion, OccasionHit, OccasionKind};
use crate::domain::customer::occasion_draft::OccasionChoice;
use crate::domain::exchange::ics::CalendarWords;
use crate::domain::playbook::lines::PlaybookLine;
use crate::ui::locale::format_date;
use chrono::NaiveDate;

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

/// What happens on an occasion's day: "50. Geburtstag", "Kündigungsfrist Kfz-Versicherung".
pub fn moment_label(t: &Texts, moment: &Moment) -> String {
    match moment {
        Moment::Birthday { age } => (t.moment_birthday)(*age),
        Moment::CancellationDeadline { contract, .. } => (t.moment_deadline)(contract),
        Moment::ContractRenewal { contract, yearly } => (t.moment_renewal)(contract, *yearly),
        Moment::CustomerAnniversary { years, round } => (t.moment_anniversary)(*years, *round),
        Moment::Custom { label } => label.clone(),
    }
}

/// An occasion seen from today, as the due list, the call card and the agenda say it:
/// "Kündigungsfrist Kfz-Versicherung in 12 Tagen (Vertrag läuft am 01.01.2027 aus)",
/// "50. Geburtstag war vorgestern". `occasions` are the customer's, to tell whether a
/// deadline's contract renews by itself.
pub fn occasion_hit_text(t: &Texts, hit: &OccasionHit, occasions: &[Occasion]) -> String {
    let moment = &hit.occurrence.moment;
    let mut text = format!(
        "{} {}",
        moment_label(t, moment),
        (t.occasion.when)(hit.days)
    );
    if let Moment::CancellationDeadline { renewal, .. } = moment {
        let yearly = occasions
            .iter()
            .find(|o| o.id == hit.occurrence.occasion)
            .is_some_and(|o| o.kind.is_yearly());
        text.push(' ');
        text.push_str(&(t.occasion.contract_ends)(&format_date(*renewal), yearly));
    }
    text
}

pub fn occasion_choice_label(t: &Texts, choice: OccasionChoice) -> &'static str {
    match choice {
        OccasionChoice::Birthday => t.occasion.kind_birthday,
        OccasionChoice::ContractRenewal => t.occasion.kind_renewal,
        OccasionChoice::CustomerSince => t.occasion.kind_since,
        OccasionChoice::Custom => t.occasion.kind_custom,
    }
}

/// A stored occasion as the form lists it: "Vertragsverlängerung · Kfz-Versicherung ·
/// 01.01.2027 · 1 Monat Kündigungsfrist · jährlich".
pub fn occasion_description(t: &Texts, kind: &OccasionKind) -> String {
    let mut parts: Vec<String> = Vec::new();
    match kind {
        OccasionKind::Birthday { date } => {
            parts.push(t.occasion.kind_birthday.into());
            parts.push(format_date(*date));
        }
        OccasionKind::CustomerSince { date } => {
            parts.push(t.occasion.kind_since.into());
            parts.push(format_date(*date));
        }
        OccasionKind::ContractRenewal {
            contract,
            renewal,
            notice_months,
            yearly,
        } => {
            parts.push(t.occasion.kind_renewal.into());
            parts.push(contract.clone());
            parts.push(format_date(*renewal));
            if *notice_months > 0 {
                parts.push((t.occasion.notice)(*notice_months));
            }
            if *yearly {
                parts.push(t.occasion.yearly.into());
            }
        }
        OccasionKind::Custom {
            label,
            date,
            yearly,
        } => {
            parts.push(label.clone());
            parts.push(format_date(*date));
            if *yearly {
                parts.push(t.occasion.yearly.into());
            }
        }
    }
    parts.join(" · ")
}

/// The next day of an occasion from today: "Als Nächstes: 50. Geburtstag am 03.12.2026
/// (übermorgen)".
pub fn occasion_next_text(t: &Texts, occasion: &Occasion, today: NaiveDate) -> String {
    match occasion.next(today) {
        Some(next) => (t.occasion.next)(
            &moment_label(t, &next.moment),
            &format_date(next.date),
            &(t.occasion.when)((next.date - today).num_days()),
        ),
        None => t.occasion.none_ahead.into(),
    }
}

/// The calendar file's words in the language in force.
pub fn calendar_words(t: &'static Texts) -> CalendarWords<'static> {
    CalendarWords {
        birthday: t.occasion.kind_birthday,
        deadline: t.calendar_deadline,
        renewal: t.calendar_renewal,
        anniversary: t.calendar_anniversary,
        planned: t.calendar_planned,
        follow_up: t.agenda_follow_up,
        contract_ends: t.calendar_contract_ends,
    }
}
