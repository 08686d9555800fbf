use super::super::actions;
use super::super::clock;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::contact_fields::HookSelect;
use super::outreach_warnings::{check_draft, ContactWarnings};
use crate::domain::customer::contact::{Direction, PlannedContact};
use crate::domain::customer::hook::HookKind;
use crate::domain::format::dates::{iso_date, parse_date};
use crate::domain::ids::{CustomerId, LineId, PlanId};
use crate::domain::outreach::contact_draft::ContactDraft;
use crate::domain::playbook::lines::{approach_hook, approaches};
use leptos::prelude::*;

/// Opens and closes the plan form of [`PlanFormWhenOpen`] with the same `open` signal.
#[component]
pub fn PlanOpenButton(open: RwSignal<bool>) -> impl IntoView {
    let t = texts();
    view! {
        <button class="button-secondary" data-testid="plan-contact-open" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {t.plan_open}
        </button>
    }
}

/// The plan form while `open` is set; saving or cancelling closes it.
#[component]
pub fn PlanFormWhenOpen(customer: CustomerId, open: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <PlanForm customer=customer on_done=Callback::new(move |_| open.set(false))/>
        </Show>
    }
}

/// Plans a proactive contact: date, reason, hook and an approach from the playbook.
#[component]
pub fn PlanForm(customer: CustomerId, on_done: Callback<()>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let date = RwSignal::new(iso_date(clock::today()));
    let reason = RwSignal::new(String::new());
    let hook = RwSignal::new(String::new());
    let approach = RwSignal::new(String::new());
    let override_reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let offered = state.customers.with_untracked(|customers| {
        customers
            .get(&customer)
            .map(|c| {
                approaches(&state.playbook.read_untracked(), c.class())
                    .map(|l| (l.id, l.title.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let choose_approach = move |value: String| {
        let chosen = value.parse::<LineId>().ok();
        let line_hook = state
            .playbook
            .with_untracked(|lines| approach_hook(lines, chosen).map(HookKind::key));
        if let Some(key) = line_hook {
            hook.set(key);
        }
        approach.set(value);
    };
    let day = Signal::derive(move || parse_date(&date.get()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (why, override_text) = (reason.get_untracked(), override_reason.get_untracked());
        let draft = ContactDraft {
            direction: Direction::Outbound,
            day: day.get_untracked(),
            reason: &why,
            override_reason: &override_text,
        };
        let Some(checked) = check_draft(customer, &draft, problem) else {
            return;
        };
        let plan = PlannedContact::from_draft(
            PlanId(clock::random_id()),
            checked,
            HookKind::from_key(&hook.get_untracked()),
            approach.get_untracked().parse().ok(),
        );
        leptos::task::spawn_local(async move {
            if actions::plan_contact(state, customer, plan).await.is_ok() {
                state.show_notice(t.plan_saved);
                on_done.run(());
            }
        });
    };
    view! {
        <form class="plan-form" data-testid="plan-form" on:submit=save>
            <h3>{t.plan_title}</h3>
            {move || problem.get().map(|p| view! { <p class="form-errors" role="alert">{p}</p> })}
            <div class="grid-2">
                <div class="field">
                    <label for=format!("plan-date-{customer}")>{t.plan_date}</label>
                    <input id=format!("plan-date-{customer}") type="date" data-testid="plan-date" prop:value=date
                        on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=format!("plan-approach-{customer}")>{t.plan_approach}</label>
                    <select id=format!("plan-approach-{customer}") data-testid="plan-approach"
                        on:change=move |ev| choose_approach(event_target_value(&ev))>
                        <option value="">{t.plan_approach_none}</option>
                        {offered.into_iter().map(|(id, title)| view! { <option value=id.to_string()>{title}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("plan-reason-{customer}")>{t.plan_reason}</label>
                    <input id=format!("plan-reason-{customer}") type="text" data-testid="plan-reason" prop:value=reason
                        on:input=move |ev| reason.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=format!("plan-hook-{customer}")>{t.contact.hook}</label>
                    <HookSelect id=format!("plan-hook-{customer}") testid="plan-hook" value=hook/>
                </div>
            </div>
            <ContactWarnings
                customer=customer
                direction=Signal::stored(Direction::Outbound)
                day=day
                hook=Signal::derive(move || HookKind::from_key(&hook.get()))
                line=Signal::derive(move || approach.get().parse::<LineId>().ok())
                override_reason=override_reason
            />
            <div class="form-actions">
                <button type="submit" class="button-primary" data-testid="plan-save">{t.plan_save}</button>
                <button type="button" class="button-secondary" on:click=move |_| on_done.run(())>{t.cancel}</button>
            </div>
        </form>
    }
}
