//! Two records of one customer side by side, field by field: where they differ the user
//! picks the value that stays (the domain's default preselected), where they agree the
//! value shows once. Lists (phone numbers, tags, occasions, notes, the whole history)
//! are joined, and the view says so.

use super::class_badge::{class_name, ClassBadge};
use crate::domain::customer::merge::{
    default_choices, which_stays, MergeChoices, MergeField, Side,
};
use crate::domain::customer::record::{Customer, CustomerFields};
use crate::domain::ids::CustomerId;
use crate::ui::actions::{self, Seen};
use crate::ui::format::hook_label;
use crate::ui::i18n::{texts, Texts};
use crate::ui::locale::{format_date, format_euro};
use crate::ui::state::app_state;
use leptos::html;
use leptos::prelude::*;

fn field_key(field: MergeField) -> &'static str {
    match field {
        MergeField::Name => "name",
        MergeField::Company => "company",
        MergeField::Postcode => "postcode",
        MergeField::ContactPerson => "contact_person",
        MergeField::Email => "email",
        MergeField::Number => "number",
        MergeField::Revenue => "revenue",
        MergeField::PotentialAmount => "potential_amount",
        MergeField::Class => "class",
        MergeField::PotentialFlag => "potential",
        MergeField::CurrentNote => "current_note",
    }
}

fn field_label(t: &Texts, field: MergeField) -> &'static str {
    match field {
        MergeField::Name => t.field.name,
        MergeField::Company => t.field.company,
        MergeField::Postcode => t.field.postcode,
        MergeField::ContactPerson => t.field.contact_person,
        MergeField::Email => t.field.email,
        MergeField::Number => t.field.number,
        MergeField::Revenue => t.field.revenue,
        MergeField::PotentialAmount => t.field.potential_amount,
        MergeField::Class => t.field.class,
        MergeField::PotentialFlag => t.potential_flag,
        MergeField::CurrentNote => t.call.note_title,
    }
}

/// The value as text; `None` for an empty one.
fn field_text(t: &Texts, field: MergeField, f: &CustomerFields) -> Option<String> {
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_string());
    match field {
        MergeField::Name => text(&f.name),
        MergeField::Company => text(&f.company),
        MergeField::Postcode => text(&f.postcode),
        MergeField::ContactPerson => text(&f.contact_person),
        MergeField::Email => text(&f.email),
        MergeField::Number => text(&f.number),
        MergeField::Revenue => (f.revenue_cents != 0).then(|| format_euro(f.revenue_cents)),
        MergeField::PotentialAmount => {
            (f.potential_cents != 0).then(|| format_euro(f.potential_cents))
        }
        MergeField::Class => Some(class_name(f.class).to_string()),
        MergeField::PotentialFlag => Some(if f.potential {
            t.merge.flag_set.to_string()
        } else {
            t.merge.flag_unset.to_string()
        }),
        MergeField::CurrentNote => f
            .current_note
            .as_ref()
            .map(|n| format!("{}: {}", hook_label(t, &n.hook), n.text)),
    }
}

/// A value as shown in an option or a row: the class with its badge, an empty value
/// said in words.
fn value_view(t: &'static Texts, field: MergeField, f: &CustomerFields) -> impl IntoView {
    // The class name is the text; the badge beside it is the picture of it.
    let badge = (field == MergeField::Class)
        .then(|| view! { <span aria-hidden="true"><ClassBadge class=f.class/></span> });
    match field_text(t, field, f) {
        Some(text) => {
            view! { <span class="merge-value">{badge}<span>{text}</span></span> }.into_any()
        }
        None => view! { <span class="merge-value muted">{t.merge.empty}</span> }.into_any(),
    }
}

fn side_head(t: &'static Texts, c: &Customer, role: &'static str) -> impl IntoView {
    view! {
        <div class="merge-side">
            <p class="merge-side-role muted small">{role}</p>
            <p class="merge-side-name">
                <ClassBadge class=c.class()/>
                <strong>{c.fields.name.clone()}</strong>
            </p>
            <p class="muted small">
                {(t.merge.created)(&format_date(c.created))} " · " {(t.duplicate_contacts)(c.contacts.len())}
            </p>
        </div>
    }
}

/// The merge form for two customers; closes itself through `on_close` after a merge
/// or when the user cancels.
#[component]
pub fn MergeView(a: CustomerId, b: CustomerId, on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    // Both as this tab has them now: another tab's save shows here, and the merge
    // carries the revisions the user saw.
    let pair = Memo::new(move |_| {
        state
            .customers
            .with(|all| match (all.get(&a), all.get(&b)) {
                (Some(x), Some(y)) => {
                    let (kept, other) = which_stays(x, y);
                    Some((kept.clone(), other.clone()))
                }
                _ => None,
            })
    });
    let choices = RwSignal::new(
        pair.with_untracked(|p| p.as_ref().map(|(k, o)| default_choices(k, o)))
            .unwrap_or_default(),
    );
    let busy = RwSignal::new(false);
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let merge = move |_| {
        let Some((kept, other)) = pair.get_untracked() else {
            return;
        };
        busy.set(true);
        let chosen: MergeChoices = choices.get_untracked();
        leptos::task::spawn_local(async move {
            let result = actions::merge_pair(
                state,
                Seen {
                    id: kept.id,
                    rev: kept.rev,
                },
                Seen {
                    id: other.id,
                    rev: other.rev,
                },
                chosen,
            )
            .await;
            busy.set(false);
            if result.is_ok() {
                on_close.run(());
            }
        });
    };
    let rows = move || {
        let Some((kept, other)) = pair.get() else {
            return view! { <p class="muted">{t.customer_not_found}</p> }.into_any();
        };
        let differing = MergeChoices::differing(&kept, &other);
        MergeField::ALL
            .into_iter()
            .filter_map(|field| {
                let label = field_label(t, field);
                if !differing.contains(&field) {
                    field_text(t, field, &kept.fields)?;
                    return Some(view! {
                        <div class="merge-row merge-row-same" data-field=field_key(field)>
                            <span class="merge-label">{label}</span>
                            {value_view(t, field, &kept.fields)}
                            <span class="muted small merge-same">{t.merge.same}</span>
                        </div>
                    }.into_any());
                }
                let option = |side: Side, fields: &CustomerFields| {
                    view! {
                        <label class="merge-option">
                            <input
                                type="radio"
                                name=format!("merge-{}", field_key(field))
                                data-testid="duplicate-field-choice"
                                data-field=field_key(field)
                                data-side=match side { Side::Kept => "kept", Side::Other => "other" }
                                prop:checked=move || choices.with(|c| c.side(field) == side)
                                on:change=move |_| choices.update(|c| c.set(field, side))
                            />
                            {value_view(t, field, fields)}
                        </label>
                    }
                };
                Some(view! {
                    <fieldset class="merge-row merge-row-choice" data-field=field_key(field)>
                        <legend class="merge-label">{label}</legend>
                        {option(Side::Kept, &kept.fields)}
                        {option(Side::Other, &other.fields)}
                    </fieldset>
                }.into_any())
            })
            .collect_view()
            .into_any()
    };
    let heads = move || {
        pair.get().map(|(kept, other)| {
            view! {
                <div class="merge-row merge-heads">
                    <span class="merge-label"></span>
                    {side_head(t, &kept, t.merge.side_kept)}
                    {side_head(t, &other, t.merge.side_other)}
                </div>
                <p class="merge-keeps small">
                    {(t.merge.keeps_all)(kept.contacts.len() + other.contacts.len())}
                </p>
            }
        })
    };
    view! {
        <section class="panel merge-view" data-testid="merge-view" aria-labelledby="merge-title">
            <h2 id="merge-title" tabindex="-1" node_ref=heading>{t.merge.title}</h2>
            <p class="muted small">{t.merge.intro}</p>
            {heads}
            <div class="merge-fields">{rows}</div>
            <div class="form-actions">
                <button
                    type="button"
                    class="button-primary"
                    data-testid="duplicate-merge-confirm"
                    prop:disabled=move || busy.get() || pair.with(Option::is_none)
                    on:click=merge
                >
                    {t.merge.confirm}
                </button>
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="duplicate-merge-cancel"
                    on:click=move |_| on_close.run(())
                >
                    {t.cancel}
                </button>
            </div>
        </section>
    }
}
