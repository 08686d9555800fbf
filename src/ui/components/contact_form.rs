use super::super::actions;
use super::super::clock;
use super::super::format::{
    channel_key, channel_label, direction_from_key, direction_key, direction_label,
};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::contact_details::{ContactDetailFields, ContactDetails, ContactWay, DetailIds};
use super::outreach_warnings::{check_draft, ContactWarnings};
use crate::domain::customer::contact::{Channel, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::format::dates::{iso_date, parse_date};
use crate::domain::ids::CustomerId;
use crate::domain::outreach::contact_draft::ContactDraft;
use leptos::prelude::*;

/// Logs one contact: when, how, why, with which hook, and how it went.
#[component]
pub fn ContactForm(
    /// The customer the contact belongs to.
    customer: CustomerId,
    /// Called after the contact is saved.
    on_done: Callback<()>,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let date = RwSignal::new(iso_date(clock::today()));
    let channel = RwSignal::new(Channel::Phone);
    let direction = RwSignal::new(Direction::Inbound);
    let details = ContactDetails::new("", String::new());
    let ContactDetails { reason, hook, .. } = details;
    let problem = RwSignal::new(None::<&'static str>);
    let override_reason = RwSignal::new(String::new());
    let day = Signal::derive(move || parse_date(&date.get()));

    let save = move || {
        let (why, override_text) = (reason.get_untracked(), override_reason.get_untracked());
        let draft = ContactDraft {
            direction: direction.get_untracked(),
            day: day.get_untracked(),
            reason: &why,
            override_reason: &override_text,
        };
        let Some(checked) = check_draft(customer, &draft, problem) else {
            return;
        };
        let actor = actions::actor(&state);
        let way = ContactWay {
            channel: channel.get_untracked(),
            direction: direction.get_untracked(),
            objection: None,
        };
        let contact = details.contact(checked, actor, way);
        leptos::task::spawn_local(async move {
            if actions::log_contact(state, customer, contact).await.is_ok() {
                state.show_notice(t.contact.saved);
                on_done.run(());
            }
        });
    };

    view! {
        <form
            class="contact-form panel"
            data-testid="contact-form"
            on:submit=move |ev| {
                ev.prevent_default();
                save();
            }
        >
            <h3>{t.contact.form_title}</h3>
            {move || problem.get().map(|p| view! { <p class="form-errors" role="alert">{p}</p> })}
            <div class="grid-3">
                <div class="field">
                    <label for="contact-date">{t.contact.date}</label>
                    <input id="contact-date" type="date" data-testid="contact-date" prop:value=date
                        on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="contact-channel">{t.contact.channel}</label>
                    <select id="contact-channel" data-testid="contact-channel"
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            if let Some(c) = Channel::ALL.into_iter().find(|c| channel_key(*c) == key) {
                                channel.set(c);
                            }
                        }>
                        {Channel::ALL.into_iter().map(|c| view! {
                            <option value=channel_key(c) selected=move || channel.get() == c>{channel_label(t, c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="contact-direction">{t.contact.direction}</label>
                    <select id="contact-direction" data-testid="contact-direction"
                        on:change=move |ev| direction.set(direction_from_key(&event_target_value(&ev)).unwrap_or(Direction::Inbound))>
                        <option value=direction_key(Direction::Inbound)>{direction_label(t, Direction::Inbound)}</option>
                        <option value=direction_key(Direction::Outbound)>{direction_label(t, Direction::Outbound)}</option>
                    </select>
                </div>
                <ContactDetailFields details=details note_class="field span-3" ids=DetailIds {
                    reason: "contact-reason",
                    hook: "contact-hook",
                    result: "contact-result",
                    follow_up: "contact-follow-up",
                    note: "contact-note",
                }/>
            </div>
            <ContactWarnings
                customer=customer
                direction=direction
                day=day
                hook=Signal::derive(move || HookKind::from_key(&hook.get()))
                override_reason=override_reason
            />
            <div class="form-actions">
                <button type="submit" class="button-primary" data-testid="contact-save">{t.contact.save}</button>
                <button type="button" class="button-secondary" on:click=move |_| on_done.run(())>{t.cancel}</button>
            </div>
        </form>
    }
}
