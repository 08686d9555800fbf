use super::super::format::{hook_label, result_key, result_label};
use super::super::i18n::texts;
use crate::domain::customer::contact::ContactResult;
use crate::domain::customer::hook::HookKind;
use leptos::prelude::*;

/// The option that asks for a hook kind of the team's own.
const CUSTOM_OPTION: &str = "__custom";

/// A `<select>` of the hook kinds, "no hook" first and "own hook …" last; the value is
/// the hook's key. An own hook is named in a text field below and keyed `custom:<name>`.
#[component]
pub fn HookSelect(
    /// Element id.
    id: String,
    /// Test id; the text field for an own hook gets `<testid>-custom`.
    testid: &'static str,
    /// The chosen hook's key, empty for none.
    value: RwSignal<String>,
    /// What the empty choice is called, when it means more than "no hook".
    #[prop(into, default = None)]
    none_label: Option<&'static str>,
) -> impl IntoView {
    let t = texts();
    let picking_custom = RwSignal::new(false);
    let is_custom =
        move || picking_custom.get() || value.with(|v| HookKind::custom_name(v).is_some());
    let custom_id = format!("{id}-custom");
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if chosen == CUSTOM_OPTION {
            picking_custom.set(true);
            value.set(String::new());
        } else {
            picking_custom.set(false);
            value.set(chosen);
        }
    };
    view! {
        <select id=id data-testid=testid on:change=on_change
            prop:value=move || if is_custom() { CUSTOM_OPTION.to_string() } else { value.get() }>
            <option value="">{none_label.unwrap_or(t.contact.hook_none)}</option>
            {HookKind::NAMED
                .into_iter()
                .map(|h| view! { <option value=h.key()>{hook_label(t, &h)}</option> })
                .collect_view()}
            <option value=CUSTOM_OPTION>{t.hook_custom_option}</option>
        </select>
        <Show when=is_custom>
            <label class="visually-hidden" for=custom_id.clone()>{t.hook_custom_label}</label>
            <input id=custom_id.clone() type="text" class="hook-custom" data-testid=format!("{testid}-custom")
                placeholder=t.hook_custom_label
                prop:value=move || value.with(|v| HookKind::custom_name(v).unwrap_or_default().to_string())
                on:input=move |ev| value.set(HookKind::custom_key(&event_target_value(&ev)))/>
        </Show>
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
