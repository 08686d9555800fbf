use super::super::actions;
use super::super::clock;
use super::super::file_io::{download, read_chosen_file};
use super::super::i18n::{backup_message, storage_message, texts};
use super::super::state::app_state;
use crate::domain::dataset::Dataset;
use crate::domain::dates::{format_date, format_date_time};
use crate::domain::demo::demo_dataset;
use crate::domain::money::{format_count, format_percent};
use crate::storage::backup::{backup_json, parse_backup};
use crate::storage::persist::PersistState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Chromium's and Firefox's local storage quota, in UTF-16 units.
const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// Loads the demo data set; with customers present it asks first.
#[component]
pub fn DemoLoadButton() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let confirming = RwSignal::new(false);
    let load = move || {
        if actions::replace_all(&state, demo_dataset(clock::today())).is_ok() {
            state.show_notice(t.demo_loaded);
        }
        confirming.set(false);
    };
    view! {
        <button
            class="button-primary"
            data-testid="demo-load"
            on:click=move |_| {
                if state.data.with_untracked(Dataset::is_empty) { load() } else { confirming.set(true) }
            }
        >
            {t.empty_demo}
        </button>
        <Show when=move || confirming.get()>
            <div class="banner banner-warning" role="alertdialog" aria-label=t.empty_demo>
                <span>{t.demo_replace_warning}</span>
                <div class="button-row">
                    <button class="button-secondary" on:click=move |_| confirming.set(false)>{t.cancel}</button>
                    <button class="button-danger" data-testid="demo-load-confirm" on:click=move |_| load()>{t.empty_demo}</button>
                </div>
            </div>
        </Show>
    }
}

/// Demo data, backup, storage use, persistence and quarantine.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let pending_restore = RwSignal::new(None::<(Dataset, String)>);

    let export = move |_| {
        let now = clock::now();
        let json = state.data.with_untracked(|d| backup_json(d, now));
        let file_name = format!(
            "klassenblick-backup-{}.json",
            crate::domain::dates::iso_date(now.date())
        );
        match json
            .map_err(|e| backup_message(&e))
            .and_then(|json| download(&file_name, "application/json", &json))
        {
            Ok(()) => actions::record_backup(&state),
            Err(message) => state.show_error(message),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = read_chosen_file(&input).await;
            input.set_value("");
            match text.map(|text| parse_backup(&text)) {
                None => state.show_error(t.err_file_read.into()),
                Some(Err(e)) => state.show_error(backup_message(&e)),
                Some(Ok((dataset, exported_at))) => {
                    pending_restore.set(Some((dataset, format_date_time(exported_at))));
                }
            }
        });
    };
    let apply_restore = move |_| {
        if let Some((dataset, _)) = pending_restore.get_untracked() {
            let count = dataset.customers.len();
            if actions::replace_all(&state, dataset).is_ok() {
                state.show_notice((t.data_restored)(count));
            }
        }
        pending_restore.set(None);
    };
    let used = move || {
        state.data.track();
        state
            .store
            .with_value(|s| s.as_ref().map(|s| s.used_units()))
            .and_then(Result::ok)
            .unwrap_or(0)
    };
    let backup_line = move || {
        state.data.with(|d| match d.backup.last_backup {
            Some(day) => (t.data_backup_last)(&format_date(day)),
            None => t.data_backup_never.to_string(),
        })
    };
    let reminder = move || {
        state.data.with(|d| {
            d.backup
                .reminder_due(&d.settings, clock::today(), !d.is_empty())
        })
    };

    view! {
        <section class="page-head"><h1>{t.data_title}</h1></section>
        <div class="data-grid">
            <section class="panel">
                <h2>{t.data_backup_title}</h2>
                <p class="muted">{t.data_backup_text}</p>
                <Show when=reminder>
                    <p class="banner banner-info" data-testid="backup-reminder">{t.data_backup_reminder}</p>
                </Show>
                <p data-testid="backup-last">{backup_line}</p>
                <p class="muted small">{move || (t.data_backup_changes)(state.data.with(|d| d.backup.changes_since))}</p>
                <div class="button-row">
                    <button class="button-primary" data-testid="backup-export" on:click=export>{t.data_backup_export}</button>
                    <label class="button-secondary file-button">
                        {t.data_backup_import}
                        <input type="file" accept=".json,application/json" data-testid="backup-import" class="visually-hidden" on:change=import/>
                    </label>
                </div>
                {move || pending_restore.get().map(|(dataset, exported)| view! {
                    <div class="banner banner-warning" role="alertdialog" aria-label=t.data_backup_import data-testid="restore-preview">
                        <span>{(t.data_restore_confirm)(dataset.customers.len(), dataset.contact_count(), &exported)}</span>
                        <div class="button-row">
                            <button class="button-secondary" on:click=move |_| pending_restore.set(None)>{t.cancel}</button>
                            <button class="button-danger" data-testid="restore-apply" on:click=apply_restore>{t.data_restore_apply}</button>
                        </div>
                    </div>
                })}
            </section>
            <section class="panel">
                <h2>{t.data_storage_title}</h2>
                <p data-testid="storage-used">{move || {
                    let used = used();
                    (t.data_storage_used)(
                        &format_count(used),
                        &format_count(QUOTA_UNITS),
                        &format_percent(used as f64 * 100.0 / QUOTA_UNITS as f64),
                    )
                }}</p>
                <meter min="0" max=QUOTA_UNITS.to_string() value=move || used().to_string() aria-label=t.data_storage_title></meter>
                <p class="muted small">{move || state.data.with(|d| (t.data_storage_counts)(d.customers.len(), d.contact_count()))}</p>
                <p data-testid="persist-state">{move || match state.persist.get() {
                    None => t.data_persist_pending,
                    Some(PersistState::Granted) => t.data_persist_granted,
                    Some(PersistState::Denied) => t.data_persist_denied,
                    Some(PersistState::Unsupported) => t.data_persist_unsupported,
                }}</p>
            </section>
            <section class="panel">
                <h2>{t.data_demo_title}</h2>
                <p class="muted">{t.data_demo_text}</p>
                <DemoLoadButton/>
            </section>
            <section class="panel">
                <h2>{t.data_quarantine_title}</h2>
                <p class="muted">{t.data_quarantine_text}</p>
                <ul class="quarantine-list" data-testid="quarantine-list">
                    {move || state.quarantine.get().into_iter().map(|entry| {
                        let key = entry.key.clone();
                        let file_name = format!("quarantaene-{}.txt", entry.original_key.replace(':', "_"));
                        let save = move |_| {
                            let raw = state.store.with_value(|s| s.as_ref().map(|s| s.quarantined_value(&key)));
                            match raw {
                                Some(Ok(Some(raw))) => {
                                    if let Err(message) = download(&file_name, "text/plain", &raw) {
                                        state.show_error(message);
                                    }
                                }
                                Some(Err(e)) => state.show_error(storage_message(&e)),
                                _ => {}
                            }
                        };
                        view! {
                            <li data-testid="quarantine-entry" data-key=entry.original_key.clone()>
                                <span>{(t.data_quarantine_entry)(&entry.original_key, &stamp_text(&entry.stamp), &format_count(entry.units))}</span>
                                {entry.in_place.then(|| view! { <span class="muted small">{t.data_quarantine_in_place}</span> })}
                                <button class="button-link" on:click=save>{t.data_quarantine_download}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || state.quarantine.with(Vec::is_empty)>
                    <p class="muted">{t.data_quarantine_empty}</p>
                </Show>
            </section>
        </div>
    }
}

/// "20261127T101500" as "27.11.2026 10:15"; an unexpected stamp is shown as it is.
fn stamp_text(stamp: &str) -> String {
    let part = |range: std::ops::Range<usize>| stamp.get(range).and_then(|p| p.parse::<u32>().ok());
    let parsed = (|| {
        let date = chrono::NaiveDate::from_ymd_opt(part(0..4)? as i32, part(4..6)?, part(6..8)?)?;
        date.and_hms_opt(part(9..11)?, part(11..13)?, part(13..15)?)
    })();
    parsed
        .map(format_date_time)
        .unwrap_or_else(|| stamp.to_string())
}
