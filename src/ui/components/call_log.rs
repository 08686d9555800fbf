use super::super::actions;
use super::super::clock;
use super::super::format::reach_label;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::contact_details::{ContactDetailFields, ContactDetails, ContactWay, DetailIds};
use super::outreach_warnings::check_draft;
use super::outreach_warnings::ObjectionWarnings;
use crate::domain::call::card::current_hook;
use crate::domain::call::objections::{Caller, ObjectionIndex};
use crate::domain::customer::contact::{Channel, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::{CustomerId, LineId};
use crate::domain::outreach::contact_draft::ContactDraft;
use crate::domain::playbook::lines::line_by_id;
use leptos::prelude::*;

/// Logs the call from the card in a few clicks: reason, hook, result, follow-up, and
/// the objection that came up.
#[component]
pub fn CallLogForm(
    /// The caller.
    customer: CustomerId,
    /// The objection whose answer the card shows; preselected, and followed while the
    /// user searches.
    #[prop(into)]
    objection: Signal<Option<LineId>>,
    /// Runs once the call is stored.
    #[prop(optional)]
    on_logged: Option<Callback<()>>,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let today = clock::today();
    let (default_hook, objections) = state.customers.with_untracked(|customers| {
        let playbook = state.playbook.read_untracked();
        let caller = customers.get(&customer);
        let hook = caller.and_then(|c| current_hook(c, today));
        // The agreed objections, those meant for this caller first.
        let listed = caller.map_or_else(Vec::new, |c| {
            let who = Caller {
                class: c.class(),
                hook,
            };
            ObjectionIndex::new(&playbook)
                .search("", who, usize::MAX)
                .into_iter()
                .filter_map(|hit| {
                    let line = line_by_id(&playbook, hit.id)?;
                    let label = if hit.fits {
                        line.title.clone()
                    } else {
                        format!("{} ({})", line.title, reach_label(t, line))
                    };
                    Some((hit.id, label))
                })
                .collect::<Vec<_>>()
        });
        (hook.map(HookKind::key).unwrap_or_default(), listed)
    });
    let noted = RwSignal::new(String::new());
    // What the card shows is what came up, unless the user says otherwise here.
    Effect::new(move |_| {
        noted.set(objection.get().map(|id| id.to_string()).unwrap_or_default());
    });
    let noted_id = Signal::derive(move || noted.with(|v| v.parse::<LineId>().ok()));
    let details = ContactDetails::new(t.call.log_default_reason, default_hook);
    let ContactDetails {
        reason,
        follow_up,
        note,
        ..
    } = details;
    let problem = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let actor = actions::actor(&state);
        let why = reason.get_untracked();
        // The caller reached out: an inbound call, logged now, is never too soon.
        let draft = ContactDraft {
            direction: Direction::Inbound,
            day: Some(actor.at.date()),
            reason: &why,
            override_reason: "",
        };
        let Some(checked) = check_draft(customer, &draft, problem) else {
            return;
        };
        let way = ContactWay {
            channel: Channel::Phone,
            direction: Direction::Inbound,
            objection: noted_id.get_untracked(),
        };
        let contact = details.contact(checked, actor, way);
        leptos::task::spawn_local(async move {
            if actions::log_contact(state, customer, contact).await.is_ok() {
                state.show_notice(t.call.logged);
                if let Some(done) = on_logged {
                    done.run(());
                }
                reason.set(t.call.log_default_reason.to_string());
                follow_up.set(String::new());
                note.set(String::new());
            }
        });
    };
    view! {
        <form class="call-log" data-testid="call-log" on:submit=save>
            <h3>{t.call.log_title}</h3>
            {move || problem.get().map(|p| view! { <p class="form-errors" role="alert">{p}</p> })}
            <div class="grid-2">
                <ContactDetailFields details=details note_class="field" ids=DetailIds {
                    reason: "call-log-reason",
                    hook: "call-log-hook",
                    result: "call-log-result",
                    follow_up: "call-log-followup",
                    note: "call-log-note",
                }/>
                <div class="field span-2">
                    <label for="call-log-objection">{t.kind_objection}</label>
                    <select id="call-log-objection" data-testid="call-log-objection" prop:value=move || noted.get()
                        on:change=move |ev| noted.set(event_target_value(&ev))>
                        <option value="">{t.call.log_objection_none}</option>
                        {objections.into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <ObjectionWarnings customer=customer chosen=noted_id/>
            <div class="form-actions">
                <button type="submit" class="button-primary" data-testid="call-log-save">{t.contact.save}</button>
            </div>
        </form>
    }
}
