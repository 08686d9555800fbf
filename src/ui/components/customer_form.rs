use super::super::actions::{self, ActionError};
use super::super::clock;
use super::super::format::hook_label;
use super::super::i18n::{field_message, texts};
use super::super::state::app_state;
use super::class_badge::class_name;
use super::occasion_fields::OccasionFields;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Customer;
use crate::domain::customer::validation::{CustomerDraft, FieldError};
use crate::domain::dataset::next_customer_number;
use crate::domain::ids::CustomerId;
use crate::ui::locale::{amount_for_form, amount_for_validation};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The customer form, for a new customer (`None`) or a stored one. It follows changes
/// from other tabs while untouched, and shows a conflict instead of overwriting.
#[component]
pub fn CustomerForm(
    /// The customer to edit; `None` creates a new one.
    customer: Option<CustomerId>,
    /// A phone number to start a new customer with.
    #[prop(optional)]
    phone: String,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let stored = Memo::new(move |_| {
        customer.and_then(|id| state.customers.with(|all| all.get(&id).cloned()))
    });
    let initial = stored.get_untracked();
    let draft = RwSignal::new(match &initial {
        Some(c) => draft_of(&c.fields),
        None => CustomerDraft {
            number: state.customers.with_untracked(next_customer_number),
            phones: vec![phone],
            ..Default::default()
        },
    });
    let base_rev = RwSignal::new(initial.as_ref().map_or(0, |c| c.rev));
    let dirty = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let conflict = RwSignal::new(None::<Customer>);
    let class_reason = RwSignal::new(String::new());
    let saved_flash = RwSignal::new(false);

    // While the user has not touched the form, it follows saves from other tabs.
    Effect::new(move |_| {
        if let Some(c) = stored.get() {
            if c.rev != base_rev.get_untracked() && !dirty.get_untracked() {
                draft.set(draft_of(&c.fields));
                base_rev.set(c.rev);
            }
        }
    });
    let changed_elsewhere =
        move || dirty.get() && stored.with(|c| c.as_ref().is_some_and(|c| c.rev != base_rev.get()));
    let class_changed = move || {
        stored.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.class() != draft.with(|d| d.class))
        })
    };

    let edit = move |change: &dyn Fn(&mut CustomerDraft)| {
        draft.update(|d| change(d));
        dirty.set(true);
        saved_flash.set(false);
    };

    // A failed save shows its reason beside the button, and the form keeps what was typed.
    let save_error = RwSignal::new(None::<String>);
    let failed = move |error: &ActionError| match error {
        ActionError::Conflict(c) => conflict.set(Some(*c.stored.clone())),
        other => save_error.set(Some(other.message())),
    };
    let after_save = move |saved: Option<Customer>| {
        save_error.set(None);
        if let Some(c) = saved {
            draft.set(draft_of(&c.fields));
            base_rev.set(c.rev);
        }
        dirty.set(false);
        conflict.set(None);
        class_reason.set(String::new());
        saved_flash.set(true);
    };

    let navigate = use_navigate();
    let save = move || {
        let previous_note =
            stored.with_untracked(|c| c.as_ref().and_then(|c| c.fields.current_note.clone()));
        let fields = match for_rules(draft.get_untracked())
            .validate(previous_note.as_ref(), clock::today())
        {
            Ok(fields) => fields,
            Err(found) => {
                errors.set(found);
                return;
            }
        };
        errors.set(Vec::new());
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match customer {
                None => match actions::create_customer(state, fields).await {
                    Ok(id) => {
                        save_error.set(None);
                        dirty.set(false);
                        state.show_notice(t.saved);
                        navigate(&format!("/kunden/{id}"), Default::default());
                    }
                    Err(e) => failed(&e),
                },
                Some(id) => {
                    let saved = actions::save_edit(
                        state,
                        id,
                        actions::EditBase::Revision(base_rev.get_untracked()),
                        fields,
                        class_reason.get_untracked(),
                    )
                    .await;
                    match saved {
                        Ok(saved) => after_save(saved),
                        Err(e) => failed(&e),
                    }
                }
            }
        });
    };
    let keep_mine = move |_| {
        let Some(id) = customer else { return };
        let previous_note =
            stored.with_untracked(|c| c.as_ref().and_then(|c| c.fields.current_note.clone()));
        if let Ok(fields) =
            for_rules(draft.get_untracked()).validate(previous_note.as_ref(), clock::today())
        {
            leptos::task::spawn_local(async move {
                let class_reason = class_reason.get_untracked();
                match actions::save_edit(
                    state,
                    id,
                    actions::EditBase::Overwrite,
                    fields,
                    class_reason,
                )
                .await
                {
                    Ok(saved) => after_save(saved),
                    Err(e) => failed(&e),
                }
            });
        }
    };
    let take_theirs = move |_| {
        if let Some(c) = stored.get_untracked() {
            draft.set(draft_of(&c.fields));
            base_rev.set(c.rev);
        }
        dirty.set(false);
        conflict.set(None);
    };

    let text_input = move |id: &'static str,
                           label: &'static str,
                           kind: &'static str,
                           get: fn(&CustomerDraft) -> String,
                           set: fn(&mut CustomerDraft, String)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type=kind
                    data-testid=id
                    prop:value=move || draft.with(get)
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit(&|d| set(d, value.clone()));
                    }
                />
            </div>
        }
    };

    view! {
        <form
            class="customer-form"
            data-testid="customer-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save();
            }
        >
            <Show when=changed_elsewhere>
                <p class="banner banner-info" data-testid="customer-changed-elsewhere">{t.changed_elsewhere}</p>
            </Show>
            <Show when=move || customer.is_some() && stored.with(Option::is_none)>
                <p class="banner banner-error" data-testid="customer-deleted-elsewhere">{t.deleted_elsewhere}</p>
            </Show>
            {move || conflict.get().map(|theirs| view! {
                <div class="banner banner-warning conflict" role="alert" data-testid="customer-conflict">
                    <strong>{t.conflict_title}</strong>
                    <p>{(t.conflict_text)(&theirs.fields.name)}</p>
                    <div class="button-row">
                        <button type="button" class="button-secondary" data-testid="conflict-take-theirs" on:click=take_theirs>
                            {t.conflict_take_theirs}
                        </button>
                        <button type="button" class="button-primary" data-testid="conflict-keep-mine" on:click=keep_mine>
                            {t.conflict_keep_mine}
                        </button>
                    </div>
                </div>
            })}
            <Show when=move || errors.with(|e| !e.is_empty())>
                <ul class="form-errors" role="alert" data-testid="form-errors">
                    {move || errors.get().iter().map(|e| view! { <li>{field_message(e)}</li> }).collect_view()}
                </ul>
            </Show>

            <fieldset class="form-section">
                <legend>{t.section_master}</legend>
                <div class="grid-2">
                    {text_input("customer-name", t.field.name, "text", |d| d.name.clone(), |d, v| d.name = v)}
                    {text_input("customer-company", t.field.company, "text", |d| d.company.clone(), |d, v| d.company = v)}
                    <div class="field field-postcode">
                        <label for="customer-postcode">{t.field.postcode}</label>
                        <input
                            id="customer-postcode"
                            type="text"
                            autocomplete="postal-code"
                            data-testid="customer-postcode"
                            prop:value=move || draft.with(|d| d.postcode.clone())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                edit(&|d| d.postcode = value.clone());
                            }
                        />
                    </div>
                    {text_input("customer-contact-person", t.field.contact_person, "text", |d| d.contact_person.clone(), |d, v| d.contact_person = v)}
                    {text_input("customer-email", t.field.email, "email", |d| d.email.clone(), |d, v| d.email = v)}
                    {text_input("customer-number", t.field.number, "text", |d| d.number.clone(), |d, v| d.number = v)}
                    <PhoneFields draft=draft dirty=dirty/>
                    {text_input("customer-revenue", t.field.revenue, "text", |d| d.revenue.clone(), |d, v| d.revenue = v)}
                    {text_input("customer-potential-amount", t.field.potential_amount, "text", |d| d.potential_amount.clone(), |d, v| d.potential_amount = v)}
                    <div class="field">
                        <label for="customer-class">{t.field.class}</label>
                        <select
                            id="customer-class"
                            data-testid="customer-class"
                            prop:value=move || draft.with(|d| d.class.letter())
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                if let Some(class) = CustomerClass::from_letter(&value) {
                                    edit(&|d| d.class = class);
                                }
                            }
                        >
                            {CustomerClass::BOARD_ORDER
                                .into_iter()
                                .map(|c| view! { <option value=c.letter()>{format!("{} – {}", c.letter(), class_name(c))}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field field-check">
                        <input
                            id="customer-potential"
                            type="checkbox"
                            data-testid="customer-potential"
                            prop:checked=move || draft.with(|d| d.potential)
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                edit(&|d| d.potential = checked);
                            }
                        />
                        <label for="customer-potential">{t.field.potential}</label>
                    </div>
                    <Show when=class_changed>
                        <div class="field span-2">
                            <label for="customer-class-reason">{t.field.class_reason}</label>
                            <input
                                id="customer-class-reason"
                                type="text"
                                data-testid="customer-class-reason"
                                prop:value=class_reason
                                on:input=move |ev| class_reason.set(event_target_value(&ev))
                            />
                        </div>
                    </Show>
                    <div class="field span-2">
                        <label for="customer-tags">{t.field.tags}</label>
                        <input
                            id="customer-tags"
                            type="text"
                            data-testid="customer-tags"
                            placeholder=t.field.tags_hint
                            prop:value=move || draft.with(|d| d.tags.clone())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                edit(&|d| d.tags = value.clone());
                            }
                        />
                    </div>
                    <div class="field span-2">
                        <label for="customer-notes">{t.field.notes}</label>
                        <textarea
                            id="customer-notes"
                            rows="3"
                            data-testid="customer-notes"
                            prop:value=move || draft.with(|d| d.notes.clone())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                edit(&|d| d.notes = value.clone());
                            }
                        ></textarea>
                    </div>
                </div>
            </fieldset>

            <fieldset class="form-section note-section">
                <legend>{t.section_note}</legend>
                <p class="muted small">{t.section_note_hint}</p>
                <div class="grid-2">
                    <div class="field">
                        <label for="note-hook">{t.note_hook}</label>
                        <select
                            id="note-hook"
                            data-testid="note-hook"
                            prop:value=move || draft.with(|d| d.note_hook.clone())
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                edit(&|d| d.note_hook = value.clone());
                            }
                        >
                            <option value="">{t.hook_choose}</option>
                            {HookKind::BUILT_IN
                                .into_iter()
                                .map(|h| view! { <option value=h.key()>{hook_label(t, &h)}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    {text_input("note-valid-until", t.note_valid_until_label, "date", |d| d.note_valid_until.clone(), |d, v| d.note_valid_until = v)}
                    <div class="field span-2">
                        <label for="note-text">{t.note_text}</label>
                        <textarea
                            id="note-text"
                            rows="2"
                            data-testid="note-text"
                            prop:value=move || draft.with(|d| d.note_text.clone())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                edit(&|d| d.note_text = value.clone());
                            }
                        ></textarea>
                    </div>
                </div>
            </fieldset>

            <OccasionFields draft=draft dirty=dirty/>

            <div class="form-actions">
                <button type="submit" class="button-primary" data-testid="customer-save">{t.save}</button>
                <Show when=move || saved_flash.get() && !dirty.get()>
                    <span class="saved-flash" data-testid="save-status" role="status">"✓ " {t.saved}</span>
                </Show>
                {move || save_error.get().map(|message| view! {
                    <p class="save-error" role="alert" data-testid="customer-save-error">{message}</p>
                })}
            </div>
        </form>
    }
}

/// One input per phone number; the first carries the `customer-phone` hook.
#[component]
fn PhoneFields(draft: RwSignal<CustomerDraft>, dirty: RwSignal<bool>) -> impl IntoView {
    let t = texts();
    let count = Memo::new(move |_| draft.with(|d| d.phones.len().max(1)));
    view! {
        <div class="field">
            <label for="customer-phone">{t.field.phone}</label>
            {move || {
                (0..count.get())
                    .map(|i| {
                        let id = if i == 0 { "customer-phone".to_string() } else { format!("customer-phone-{}", i + 1) };
                        let testid = if i == 0 { "customer-phone" } else { "customer-phone-extra" };
                        view! {
                            <div class="phone-row">
                                <input
                                    id=id
                                    type="tel"
                                    data-testid=testid
                                    aria-label=format!("{} {}", t.field.phone, i + 1)
                                    prop:value=move || draft.with(|d| d.phones.get(i).cloned().unwrap_or_default())
                                    on:input=move |ev| {
                                        let value = event_target_value(&ev);
                                        draft.update(|d| {
                                            if d.phones.len() <= i {
                                                d.phones.resize(i + 1, String::new());
                                            }
                                            d.phones[i] = value;
                                        });
                                        dirty.set(true);
                                    }
                                />
                                <Show when=move || { i > 0 }>
                                    <button
                                        type="button"
                                        class="button-quiet"
                                        aria-label=t.field.phone_remove
                                        on:click=move |_| {
                                            draft.update(|d| {
                                                if i < d.phones.len() {
                                                    d.phones.remove(i);
                                                }
                                            });
                                            dirty.set(true);
                                        }
                                    >
                                        "×"
                                    </button>
                                </Show>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                class="button-link"
                data-testid="customer-phone-add"
                on:click=move |_| {
                    draft.update(|d| d.phones.push(String::new()));
                    dirty.set(true);
                }
            >
                "+ "
                {t.field.phone_add}
            </button>
        </div>
    }
}

/// The form's text for stored fields, amounts in the language's format.
fn draft_of(fields: &crate::domain::customer::record::CustomerFields) -> CustomerDraft {
    let draft = CustomerDraft::from_fields(fields);
    CustomerDraft {
        revenue: amount_for_form(&draft.revenue),
        potential_amount: amount_for_form(&draft.potential_amount),
        ..draft
    }
}

/// The form's text as the domain's rules read it.
fn for_rules(draft: CustomerDraft) -> CustomerDraft {
    CustomerDraft {
        revenue: amount_for_validation(&draft.revenue),
        potential_amount: amount_for_validation(&draft.potential_amount),
        ..draft
    }
}
