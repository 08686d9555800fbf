//! The customer form's occasions: the stored ones listed with their next day, and a
//! small form to add one or to change one in place ("Bearbeiten" loads it into the
//! fields, "Übernehmen" puts it back under its id). They belong to the form's draft,
//! so they are saved (and meet the conflict rule) together with the other fields.

use super::super::clock;
use super::super::format::{occasion_choice_label, occasion_description, occasion_next_text};
use super::super::i18n::{occasion_message, texts};
use crate::domain::customer::occasion_draft::{OccasionChoice, OccasionDraft, OccasionError};
use crate::domain::customer::validation::CustomerDraft;
use crate::domain::ids::OccasionId;
use leptos::prelude::*;

/// Focuses the element with this id once the list is drawn again, so keyboard users
/// land where they were after an edit (the list is redrawn on every change).
fn focus_later(selector: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

fn edit_button_of(id: OccasionId) -> String {
    format!("[data-occasion-id=\"{id}\"] [data-testid=\"occasion-edit\"]")
}

#[component]
pub fn OccasionFields(draft: RwSignal<CustomerDraft>, dirty: RwSignal<bool>) -> impl IntoView {
    let t = texts();
    let today = clock::today();
    let new = RwSignal::new(OccasionDraft::default());
    let errors = RwSignal::new(Vec::<OccasionError>::new());
    // The occasion loaded into the fields for a change; `None` while adding.
    let editing = RwSignal::new(None::<OccasionId>);
    let kind_select = NodeRef::<leptos::html::Select>::new();
    // Back to adding, the kind picked last kept as a convenience.
    let clear_fields = move || {
        new.update(|n| {
            *n = OccasionDraft {
                choice: n.choice,
                ..OccasionDraft::default()
            }
        });
        errors.set(Vec::new());
    };
    let choice = Memo::new(move |_| new.with(|n| n.choice));
    let needs_label = move || {
        matches!(
            choice.get(),
            OccasionChoice::ContractRenewal | OccasionChoice::Custom
        )
    };
    let is_renewal = move || choice.get() == OccasionChoice::ContractRenewal;

    let stop_editing = move || {
        if let Some(id) = editing.get_untracked() {
            editing.set(None);
            clear_fields();
            focus_later(edit_button_of(id));
        }
    };
    let apply = move |id: OccasionId| {
        let mut result = Ok(());
        draft.update(|d| result = new.get_untracked().save_over(&mut d.occasions, id));
        match result {
            Ok(()) => {
                editing.set(None);
                clear_fields();
                dirty.set(true);
                focus_later(edit_button_of(id));
            }
            Err(found) => errors.set(found),
        }
    };
    let add = move || {
        if let Some(id) = editing.get_untracked() {
            apply(id);
            return;
        }
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
                clear_fields();
                dirty.set(true);
            }
            Err(found) => errors.set(found),
        }
    };
    let remove = move |id: OccasionId| {
        draft.update(|d| d.occasions.retain(|o| o.id != id));
        dirty.set(true);
        if editing.get_untracked() == Some(id) {
            editing.set(None);
            clear_fields();
        }
    };
    let start_editing = move |id: OccasionId| {
        let Some(occasion) =
            draft.with_untracked(|d| d.occasions.iter().find(|o| o.id == id).cloned())
        else {
            return;
        };
        new.set(OccasionDraft::from_occasion(&occasion));
        errors.set(Vec::new());
        editing.set(Some(id));
        if let Some(select) = kind_select.get_untracked() {
            let _ = select.focus();
        }
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
                    let remove_label = (t.occasion.remove)(&description);
                    let edit_label = (t.occasion.edit_label)(&description);
                    let is_edited = move || editing.get() == Some(id);
                    view! {
                        <li
                            class="occasion-item"
                            class:occasion-editing=is_edited
                            data-testid="occasion-item"
                            data-occasion-id=id.to_string()
                            data-editing=move || is_edited().to_string()
                        >
                            <div class="occasion-text">
                                <span class="occasion-what">{description}</span>
                                <span class="muted small" data-testid="occasion-next">{next}</span>
                                <Show when=is_edited>
                                    <span class="occasion-editing-note small">{t.occasion.editing}</span>
                                </Show>
                            </div>
                            <button
                                type="button"
                                class="button-link occasion-edit"
                                data-testid="occasion-edit"
                                aria-label=edit_label
                                on:click=move |_| start_editing(id)
                            >
                                {t.occasion.edit}
                            </button>
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
        OccasionChoice::Birthday => t.occasion.birth_date,
        OccasionChoice::ContractRenewal => t.occasion.renewal_date,
        OccasionChoice::CustomerSince => t.occasion.since_date,
        OccasionChoice::Custom => t.occasion.date,
    };

    view! {
        <fieldset class="form-section occasion-section" data-testid="occasion-section">
            <legend>{t.section_occasions}</legend>
            <p class="muted small">{t.section_occasions_hint}</p>
            <Show when=move || draft.with(|d| d.occasions.is_empty())>
                <p class="muted small" data-testid="occasion-none">{t.occasion.none}</p>
            </Show>
            <ul class="occasion-list">{listed}</ul>
            <div
                class="occasion-new"
                role="group"
                aria-labelledby="occasion-new-title"
                class:occasion-new-editing=move || editing.get().is_some()
                on:keydown=move |ev| {
                    // Enter in these inputs adds (or applies) the occasion rather than
                    // saving the form; Escape leaves a change without applying it.
                    let in_input = ev
                        .target()
                        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                        .is_some();
                    if ev.key() == "Enter" && in_input {
                        ev.prevent_default();
                        add();
                    } else if ev.key() == "Escape" && editing.get_untracked().is_some() {
                        ev.prevent_default();
                        stop_editing();
                    }
                }
            >
                <h3 id="occasion-new-title" class="occasion-new-title">
                    {move || if editing.get().is_some() { t.occasion.edit_title } else { t.occasion.new }}
                </h3>
                <Show when=move || errors.with(|e| !e.is_empty())>
                    <ul class="form-errors" role="alert" data-testid="occasion-errors">
                        {move || errors.get().iter().map(|e| view! { <li>{occasion_message(e)}</li> }).collect_view()}
                    </ul>
                </Show>
                <div class="grid-2">
                    <div class="field">
                        <label for="occasion-kind">{t.occasion.kind}</label>
                        <select
                            id="occasion-kind"
                            data-testid="occasion-kind"
                            node_ref=kind_select
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
                                {move || if is_renewal() { t.occasion.contract } else { t.occasion.label }}
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
                            <label for="occasion-notice-months">{t.occasion.notice_months}</label>
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
                                {move || if is_renewal() { t.occasion.renews_yearly } else { t.occasion.repeats_yearly }}
                            </label>
                        </div>
                    </Show>
                </div>
                <div class="button-row occasion-actions">
                    <button type="button" class="button-secondary" data-testid="occasion-add" on:click=move |_| add()>
                        {move || if editing.get().is_some() { t.occasion.apply.to_string() } else { format!("+ {}", t.occasion.add) }}
                    </button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" class="button-quiet" data-testid="occasion-edit-cancel" on:click=move |_| stop_editing()>
                            {t.cancel}
                        </button>
                    </Show>
                    <span class="muted small">{t.occasion.added_hint}</span>
                </div>
            </div>
        </fieldset>
    }
}
