use super::super::actions;
use super::super::components::tel_handler::TelHandlerSetting;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::settings::{ContactIntervals, Language, Settings};
use leptos::prelude::*;

/// Settings the rules read: names, thresholds, intervals and reminders.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let draft = RwSignal::new(state.settings.get_untracked());
    let saved = RwSignal::new(false);
    let number = move |id: &'static str,
                       label: &'static str,
                       get: fn(&Settings) -> String,
                       set: fn(&mut Settings, &str)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" min="0" data-testid=id prop:value=move || draft.with(get)
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|s| set(s, &value));
                        saved.set(false);
                    }/>
            </div>
        }
    };
    // The switch applies at once: it stores the choice and starts the app again in the
    // new language, so every screen and format follows it.
    let switch_language = move |ev: leptos::ev::Event| {
        let language = match event_target_value(&ev).as_str() {
            "en" => Language::English,
            _ => Language::German,
        };
        let mut settings = state.settings.get_untracked();
        settings.language = language;
        leptos::task::spawn_local(async move {
            if actions::save_settings(state, settings).await.is_ok() {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        leptos::task::spawn_local(async move {
            if actions::save_settings(state, draft.get_untracked())
                .await
                .is_ok()
            {
                draft.set(state.settings.get_untracked());
                saved.set(true);
            }
        });
    };
    view! {
        <section class="page-head"><h1>{t.settings.title}</h1></section>
        <div class="settings-form">
            <fieldset class="form-section">
                <legend>{t.settings.language}</legend>
                <div class="field">
                    <label for="lang-switch">{t.settings.language}</label>
                    <select id="lang-switch" data-testid="lang-switch" on:change=switch_language
                        prop:value=move || language_key(state.settings.with(|s| s.language))>
                        <option value="de" lang="de">{t.language_german}</option>
                        <option value="en" lang="en">{t.language_english}</option>
                    </select>
                    <p class="muted small">{t.settings.language_hint}</p>
                </div>
            </fieldset>
            <TelHandlerSetting/>
        </div>
        <form class="settings-form" on:submit=save>
            <fieldset class="form-section">
                <legend>{t.settings.user_name}</legend>
                <div class="field">
                    <label for="settings-user-name">{t.settings.user_name}</label>
                    <input id="settings-user-name" type="text" data-testid="settings-user-name"
                        prop:value=move || draft.with(|s| s.user_name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|s| s.user_name = v); saved.set(false); }/>
                    <p class="muted small">{t.settings.user_name_hint}</p>
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t.settings.abc}</legend>
                <div class="grid-3">
                    {number("settings-abc-a", t.settings.abc_a, |s| s.abc_a_percent.to_string(), |s, v| if let Ok(n) = v.parse() { s.abc_a_percent = n })}
                    {number("settings-abc-b", t.settings.abc_b, |s| s.abc_b_percent.to_string(), |s, v| if let Ok(n) = v.parse() { s.abc_b_percent = n })}
                    {number("settings-abc-manual-days", t.settings.abc_manual_days, |s| s.abc_respect_manual_days.to_string(), |s, v| if let Ok(n) = v.parse() { s.abc_respect_manual_days = n })}
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t.settings.practice}</legend>
                <div class="grid-3">
                    {number("settings-new-cards", t.settings.new_cards, |s| s.new_cards_per_day.to_string(), |s, v| if let Ok(n) = v.parse() { s.new_cards_per_day = n })}
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t.settings.intervals}</legend>
                <p class="muted small">{t.settings.interval_never}</p>
                <div class="grid-4">
                    {number("settings-interval-a", "A", |s| interval(s.intervals.a), |s, v| s.intervals.a = parse_interval(v))}
                    {number("settings-interval-b", "B", |s| interval(s.intervals.b), |s, v| s.intervals.b = parse_interval(v))}
                    {number("settings-interval-o", "O", |s| interval(s.intervals.o), |s, v| s.intervals.o = parse_interval(v))}
                    {number("settings-interval-c", "C", |s| interval(s.intervals.c), |s, v| s.intervals.c = parse_interval(v))}
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t.settings.downgrade}</legend>
                <div class="grid-3">
                    {number("settings-downgrade", t.settings.downgrade, |s| s.downgrade_refusals.to_string(), |s, v| if let Ok(n) = v.parse() { s.downgrade_refusals = n })}
                    {number("settings-backup-changes", t.settings.backup_changes, |s| s.backup_after_changes.to_string(), |s, v| if let Ok(n) = v.parse() { s.backup_after_changes = n })}
                    {number("settings-backup-days", t.settings.backup_days, |s| s.backup_after_days.to_string(), |s, v| if let Ok(n) = v.parse() { s.backup_after_days = n })}
                </div>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button-primary" data-testid="settings-save">{t.save}</button>
                <Show when=move || saved.get()>
                    <span class="saved-flash" role="status">"✓ " {t.settings.saved}</span>
                </Show>
            </div>
        </form>
    }
}

fn interval(days: Option<u32>) -> String {
    days.map(|d| d.to_string()).unwrap_or_default()
}

fn parse_interval(text: &str) -> Option<u32> {
    ContactIntervals::days_from_text(text)
}

fn language_key(language: Language) -> &'static str {
    match language {
        Language::German => "de",
        Language::English => "en",
    }
}
