//! What a logged contact says besides when, how and which way: reason, hook, result,
//! follow-up and note. The contact form and the call log share these fields and build
//! the contact from them the same way.

use super::super::clock;
use super::super::i18n::texts;
use super::contact_fields::{HookSelect, ResultSelect};
use crate::domain::customer::contact::{Channel, Contact, ContactResult, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Actor;
use crate::domain::format::dates::parse_date;
use crate::domain::ids::{ContactId, LineId};
use crate::domain::outreach::contact_draft::CheckedDraft;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ContactDetails {
    pub reason: RwSignal<String>,
    pub hook: RwSignal<String>,
    pub result: RwSignal<ContactResult>,
    pub follow_up: RwSignal<String>,
    pub note: RwSignal<String>,
}

/// How a contact came about, beyond what the fields say.
pub struct ContactWay {
    pub channel: Channel,
    pub direction: Direction,
    /// The objection that came up, noted from the call card.
    pub objection: Option<LineId>,
}

impl ContactDetails {
    /// Empty fields but the reason, with this hook's key preselected.
    pub fn new(reason: &str, hook: String) -> ContactDetails {
        ContactDetails {
            reason: RwSignal::new(reason.to_string()),
            hook: RwSignal::new(hook),
            result: RwSignal::new(ContactResult::Reached),
            follow_up: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
        }
    }

    /// The contact the fields describe, once the draft passed its check, as logged
    /// by `actor` now.
    pub fn contact(&self, checked: CheckedDraft, actor: Actor, way: ContactWay) -> Contact {
        Contact {
            id: ContactId(clock::random_id()),
            at: checked.at(actor.at),
            who: actor.who,
            channel: way.channel,
            direction: way.direction,
            reason: checked.reason,
            hook: HookKind::from_key(&self.hook.get_untracked()),
            line: None,
            result: self.result.get_untracked(),
            follow_up: parse_date(&self.follow_up.get_untracked()),
            note: self.note.get_untracked().trim().to_string(),
            interval_override: checked.interval_override,
            objection: way.objection,
        }
    }
}

/// Each field's element id, which is also its test id.
pub struct DetailIds {
    pub reason: &'static str,
    pub hook: &'static str,
    pub result: &'static str,
    pub follow_up: &'static str,
    pub note: &'static str,
}

/// The five fields, as cells of the form's grid; `note_class` sizes the note's cell.
#[component]
pub fn ContactDetailFields(
    details: ContactDetails,
    ids: DetailIds,
    note_class: &'static str,
) -> impl IntoView {
    let t = texts();
    let ContactDetails {
        reason,
        hook,
        result,
        follow_up,
        note,
    } = details;
    view! {
        <div class="field span-2">
            <label for=ids.reason>{t.contact.reason}</label>
            <input id=ids.reason type="text" data-testid=ids.reason prop:value=reason
                on:input=move |ev| reason.set(event_target_value(&ev))/>
        </div>
        <div class="field">
            <label for=ids.hook>{t.contact.hook}</label>
            <HookSelect id=ids.hook.to_string() testid=ids.hook value=hook/>
        </div>
        <div class="field">
            <label for=ids.result>{t.contact.result}</label>
            <ResultSelect id=ids.result.to_string() testid=ids.result value=result/>
        </div>
        <div class="field">
            <label for=ids.follow_up>{t.contact.follow_up}</label>
            <input id=ids.follow_up type="date" data-testid=ids.follow_up prop:value=follow_up
                on:input=move |ev| follow_up.set(event_target_value(&ev))/>
        </div>
        <div class=note_class>
            <label for=ids.note>{t.contact.note}</label>
            <input id=ids.note type="text" data-testid=ids.note prop:value=note
                on:input=move |ev| note.set(event_target_value(&ev))/>
        </div>
    }
}
