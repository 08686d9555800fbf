use super::super::format::{hook_label, result_key, result_label};
use super::super::i18n::texts;
use crate::domain::contact::ContactResult;
use crate::domain::hook::HookKind;
use leptos::prelude::*;

/// A `<select>` of the hook kinds, "no hook" first; the value is the hook's key.
#[component]
pub fn HookSelect(
    /// Element id.
    id: String,
    /// Test id.
    testid: &'static str,
    /// The chosen hook's key, empty for none.
    value: RwSignal<String>,
) -> impl IntoView {
    let t = texts();
    view! {
        <select id=id data-testid=testid prop:value=value on:change=move |ev| value.set(event_target_value(&ev))>
            <option value="">{t.contact_hook_none}</option>
            {HookKind::BUILT_IN
                .into_iter()
                .map(|h| view! { <option value=h.key()>{hook_label(t, &h)}</option> })
                .collect_view()}
        </select>
    }
}

/// A `<select>` of contact results.
#[component]
pub fn ResultSelect(
    /// Element id.
    id: String,
    /// Test id.
    testid: &'static str,
    value: RwSignal<ContactResult>,
) -> impl IntoView {
    let t = texts();
    view! {
        <select
            id=id
            data-testid=testid
            prop:value=move || result_key(value.get())
            on:change=move |ev| {
                let key = event_target_value(&ev);
                if let Some(r) = ContactResult::ALL.into_iter().find(|r| result_key(*r) == key) {
                    value.set(r);
                }
            }
        >
            {ContactResult::ALL
                .into_iter()
                .map(|r| view! { <option value=result_key(r)>{result_label(t, r)}</option> })
                .collect_view()}
        </select>
    }
}
