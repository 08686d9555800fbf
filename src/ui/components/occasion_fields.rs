//! The customer form's occasions: the stored ones listed with their next day, and a
//! small form to add one. They belong to the form's draft, so they are saved (and meet
//! the conflict rule) together with the other fields.

use super::super::clock;
use super::super::format::{occasion_choice_label, occasion_description, occasion_next_text};
use super::super::i18n::{occasion_message, texts};
use crate::domain::customer::occasion_draft::{OccasionChoice, OccasionDraft, OccasionError};
use crate::domain::customer::validation::CustomerDraft;
use crate::domain::ids::OccasionId;
use leptos::prelude::*;

#[component]
pub fn OccasionFields(draft: RwSignal<CustomerDraft>, dirty: RwSignal<bool>) -> impl IntoView {
    let t = texts();
    let today = clock::today();
    let new = RwSignal::new(OccasionDraft::default());
    let errors = RwSignal::new(Vec::<OccasionError>::new());
    let choice = Memo::new(move |_| new.with(|n| n.choice));
    let needs_label = move || {
        matches!(
            choice.get(),
            OccasionChoice::ContractRenewal | OccasionChoice::Custom
        )
    };
    let is_renewal = move || choice.get() == OccasionChoice::ContractRenewal;

    let add = move || {
        // Unique within the customer; the id keeps a calendar event's UID stable.
        let taken: Vec<OccasionId> =
            draft.with_untracked(|d| d.occasions.iter().map(|o| o.id).collect());
        let mut id = OccasionId(clock::random_id());
        while taken.contains(&id) {
            id = OccasionId(clock::random_id());
        }
        match new.get_untracked().validate(id) {
            Ok(occasion) => {
                draft.update(|d| d.occasions.push(occasion));
                new.update(|n| {
                    *n = OccasionDraft {
                        choice: n.choice,
                        ..OccasionDraft::default()
                    }
                });
                errors.set(Vec::new());
                dirty.set(true);
            }
            Err(found) => errors.set(found),
        }
    };
    let remove = move |id: OccasionId| {
        draft.update(|d| d.occasions.retain(|o| o.id != id));
        dirty.set(true);
    };
    let edit = move |change: &dyn Fn(&mut OccasionDraft)| new.update(|n| change(n));

    let listed = move || {
        draft.with(|d| {
            d.occasions
                .iter()
                .map(|occasion| {
                    let id = occasion.id;
                    let description = occasion_description(t, &occasion.kind);
                    let next = occasion_next_text(t, occasion, today);
                    let remove_label = (t.occasion_remove)(&description);
                    view! {
                        <li class="occasion-item" data-testid="occasion-item" data-occasion-id=id.to_string()>
                            <div class="occasion-text">
                                <span class="occasion-what">{description}</span>
                                <span class="muted small" data-testid="occasion-next">{next}</span>
                            </div>
                            <button
                                type="button"
                                class="button-quiet"
                                data-testid="occasion-remove"
                                aria-label=remove_label.clone()
                                title=remove_label
                                on:click=move |_| remove(id)
                            >
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let date_label = move || match choice.get() {
        OccasionChoice::Birthday => t.occasion_birth_date,
        OccasionChoice::ContractRenewal => t.occasion_renewal_date,
        OccasionChoice::CustomerSince => t.occasion_since_date,
        OccasionChoice::Custom => t.occasion_date,
    };

    view! {
        <fieldset class="form-section occasion-section" data-testid="occasion-section">
            <legend>{t.section_occasions}</legend>
            <p class="muted small">{t.section_occasions_hint}</p>
            <Show when=move || draft.with(|d| d.occasions.is_empty())>
                <p class="muted small" data-testid="occasion-none">{t.occasion_none}</p>
            </Show>
            <ul class="occasion-list">{listed}</ul>
            <div
                class="occasion-new"
                role="group"
                aria-labelledby="occasion-new-title"
                on:keydown=move |ev| {
                    // Enter in these inputs adds the occasion rather than saving the form.
                    let in_input = ev
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                        .is_some();
                    if ev.key() == "Enter" && in_input {
                        ev.prevent_default();
                        add();
                    }
                }
            >
                <h3 id="occasion-new-title" class="occasion-new-title">{t.occasion_new}</h3>
                <Show when=move || errors.with(|e| !e.is_empty())>
                    <ul class="form-errors" role="alert" data-testid="occasion-errors">
                        {move || errors.get().iter().map(|e| view! { <li>{occasion_message(e)}</li> }).collect_view()}
                    </ul>
                </Show>
                <div class="grid-2">
                    <div class="field">
                        <label for="occasion-kind">{t.occasion_kind}</label>
                        <select
                            id="occasion-kind"
                            data-testid="occasion-kind"
                            prop:value=move || choice.get().key()
                            on:change=move |ev| {
                                if let Some(picked) = OccasionChoice::from_key(&event_target_value(&ev)) {
                                    edit(&|n| n.choice = picked);
                                    errors.set(Vec::new());
                                }
                            }
                        >
                            {OccasionChoice::ALL
                                .into_iter()
                                .map(|c| view! { <option value=c.key()>{occasion_choice_label(t, c)}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <Show when=needs_label>
                        <div class="field">
                            <label for="occasion-label">
                                {move || if is_renewal() { t.occasion_contract } else { t.occasion_label }}
                            </label>
                            <input
                                id="occasion-label"
                                type="text"
                                data-testid="occasion-label"
                                prop:value=move || new.with(|n| n.label.clone())
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    edit(&|n| n.label = value.clone());
                                }
                            />
                        </div>
                    </Show>
                    <div class="field">
                        <label for="occasion-date">{date_label}</label>
                        <input
                            id="occasion-date"
                            type="date"
                            data-testid="occasion-date"
                            prop:value=move || new.with(|n| n.date.clone())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                edit(&|n| n.date = value.clone());
                            }
                        />
                    </div>
                    <Show when=is_renewal>
                        <div class="field">
                            <label for="occasion-notice-months">{t.occasion_notice_months}</label>
                            <input
                                id="occasion-notice-months"
                                type="number"
                                min="0"
                                max="60"
                                step="1"
                                inputmode="numeric"
                                placeholder="0"
                                data-testid="occasion-notice-months"
                                prop:value=move || new.with(|n| n.notice_months.clone())
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    edit(&|n| n.notice_months = value.clone());
                                }
                            />
                        </div>
                    </Show>
                    <Show when=needs_label>
                        <div class="field field-check">
                            <input
                                id="occasion-yearly"
                                type="checkbox"
                                data-testid="occasion-yearly"
                                prop:checked=move || new.with(|n| n.yearly)
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    edit(&|n| n.yearly = checked);
                                }
                            />
                            <label for="occasion-yearly">
                                {move || if is_renewal() { t.occasion_renews_yearly } else { t.occasion_repeats_yearly }}
                            </label>
                        </div>
                    </Show>
                </div>
                <div class="button-row occasion-actions">
                    <button type="button" class="button-secondary" data-testid="occasion-add" on:click=move |_| add()>
                        "+ " {t.occasion_add}
                    </button>
                    <span class="muted small">{t.occasion_added_hint}</span>
                </div>
            </div>
        </fieldset>
    }
}
