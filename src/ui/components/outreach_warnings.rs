use super::super::format::hook_label;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::CustomerId;
use crate::domain::ids::LineId;
use crate::domain::outreach::contact_draft::{CheckedDraft, ContactDraft, DraftProblem};
use crate::domain::outreach::frequency::{
    frequency_warning, hook_used_before, line_used_before, objection_heard_before,
    objections_heard, FrequencyWarning,
};
use crate::domain::playbook::lines::line_by_id;
use crate::ui::locale::format_date;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The frequency warning for a contact about to be planned or logged, if any.
pub fn current_warning(
    customer: CustomerId,
    direction: Direction,
    day: Option<NaiveDate>,
) -> Option<FrequencyWarning> {
    let state = app_state();
    let day = day?;
    state.customers.with(|customers| {
        customers.get(&customer).and_then(|c| {
            state
                .settings
                .with(|s| frequency_warning(c, direction, day, &s.intervals))
        })
    })
}

/// Checks a contact about to be stored against the customer as this tab knows them. A
/// problem is shown through `problem`, in the catalog's words.
pub fn check_draft(
    customer: CustomerId,
    draft: &ContactDraft<'_>,
    problem: RwSignal<Option<&'static str>>,
) -> Option<CheckedDraft> {
    let t = texts();
    let state = app_state();
    let checked = state.customers.with_untracked(|customers| {
        state
            .settings
            .with_untracked(|s| draft.check(customers.get(&customer), &s.intervals))
    });
    let shown = checked.as_ref().err().map(|found| match found {
        DraftProblem::DateInvalid => t.contact.date_invalid,
        DraftProblem::ReasonMissing => t.contact.reason_missing,
        DraftProblem::OverrideMissing => t.frequency_override_missing,
    });
    problem.set(shown);
    checked.ok()
}

/// Warns before a contact comes too soon or repeats a story; a too-soon contact needs a
/// reason, which is recorded with it.
#[component]
pub fn ContactWarnings(
    customer: CustomerId,
    #[prop(into)] direction: Signal<Direction>,
    #[prop(into)] day: Signal<Option<NaiveDate>>,
    #[prop(into)] hook: Signal<Option<HookKind>>,
    /// The playbook line chosen as the approach, if any.
    #[prop(optional, into)]
    line: Signal<Option<LineId>>,
    override_reason: RwSignal<String>,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let warning = Memo::new(move |_| current_warning(customer, direction.get(), day.get()));
    let repeated = Memo::new(move |_| {
        let hook = hook.get()?;
        state.customers.with(|customers| {
            customers
                .get(&customer)
                .and_then(|c| hook_used_before(c, &hook))
                .map(|used| (hook, used))
        })
    });
    let line_repeated = Memo::new(move |_| {
        let line = line.get()?;
        let title = state
            .playbook
            .with(|lines| Some(line_by_id(lines, line)?.title.clone()))?;
        state.customers.with(|customers| {
            customers
                .get(&customer)
                .and_then(|c| line_used_before(c, line))
                .map(|used| (title, used))
        })
    });
    view! {
        {move || line_repeated.get().map(|(title, used)| view! {
            <p class="banner banner-warning" role="status" data-testid="repeat-warning" data-used=crate::domain::format::dates::iso_date(used)>
                {(t.repeat_warning)(&title, &format_date(used))}
            </p>
        })}
        {move || warning.get().map(|w| {
            let text = match w {
                FrequencyWarning::TooSoon { last, days_since, interval } => {
                    (t.frequency_too_soon)(&format_date(last.date()), &last.reason, days_since, interval)
                }
                FrequencyWarning::NotProactive => t.frequency_not_proactive.to_string(),
            };
            view! {
                <div class="banner banner-warning warning-block" role="alert" data-testid="frequency-warning">
                    <span>{text}</span>
                    <div class="field">
                        <label for="frequency-override-reason">{t.frequency_override}</label>
                        <input
                            id="frequency-override-reason"
                            type="text"
                            data-testid="frequency-override-reason"
                            prop:value=override_reason
                            on:input=move |ev| override_reason.set(event_target_value(&ev))
                        />
                    </div>
                </div>
            }
        })}
        {move || repeated.get().map(|(hook, used)| view! {
            <p class="banner banner-warning" role="status" data-testid="repeat-warning" data-used=crate::domain::format::dates::iso_date(used)>
                {(t.repeat_warning)(&hook_label(t, &hook), &format_date(used))}
            </p>
        })}
        {move || (direction.get() == Direction::Outbound).then(|| view! { <ObjectionWarnings customer=customer/> })}
    }
}

/// Objections this customer raised before, so the next talk is ready for them: the
/// one just noted when `chosen` is given, else every one heard, newest first. An
/// objection no longer in the playbook has no answer to prepare, so it is left out.
#[component]
pub fn ObjectionWarnings(
    customer: CustomerId,
    /// The objection being noted with a contact, if the form asks for one.
    #[prop(optional, into)]
    chosen: Option<Signal<Option<LineId>>>,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let heard = move || {
        let chosen = chosen.map(|c| c.get());
        let playbook = state.playbook.read();
        state.customers.with(|customers| {
            let Some(c) = customers.get(&customer) else {
                return Vec::new();
            };
            let heard = match chosen {
                Some(Some(id)) => objection_heard_before(c, id)
                    .map(|day| (id, day))
                    .into_iter()
                    .collect(),
                Some(None) => Vec::new(),
                None => objections_heard(c),
            };
            heard
                .into_iter()
                .filter_map(|(id, day)| {
                    let title = line_by_id(&playbook, id)?.title.clone();
                    Some((id, title, day))
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        heard()
            .into_iter()
            .map(|(id, title, day)| view! {
                <p class="banner banner-warning" role="status" data-testid="objection-warning"
                    data-line-id=id.to_string() data-used=crate::domain::format::dates::iso_date(day)>
                    {(t.objection_heard)(&title, &format_date(day))}
                </p>
            })
            .collect_view()
    }
}
