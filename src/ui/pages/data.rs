use super::super::actions;
use super::super::clock;
use super::super::components::csv_import::CsvImport;
use super::super::components::restore_preview::RestorePreview;
use super::super::components::storage_meter::StorageMeter;
use super::super::file_io::{dated_file_name, download, on_text_chosen};
use super::super::i18n::{backup_message, storage_message, texts};
use super::super::state::app_state;
use crate::domain::dataset::{contact_count, Dataset};
use crate::domain::demo::dataset::demo_dataset;
use crate::domain::exchange::csv_export::{contacts_csv, customers_csv};
use crate::domain::format::dates::parse_stamp;
use crate::storage::backup::{backup_json, parse_backup};
use crate::storage::persist::PersistState;
use crate::ui::locale::format_count;
use crate::ui::locale::{format_date, format_date_time};
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvKind {
    Customers,
    Contacts,
}

/// Loads the demo data set; with customers present it asks first.
#[component]
pub fn DemoLoadButton() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let confirming = RwSignal::new(false);
    let load = move || {
        confirming.set(false);
        leptos::task::spawn_local(async move {
            if actions::replace_all(state, demo_dataset(clock::today()))
                .await
                .is_ok()
            {
                state.show_notice(t.demo_loaded);
            }
        });
    };
    view! {
        <button
            class="button-primary"
            data-testid="demo-load"
            on:click=move |_| {
                if state.customers.with_untracked(|all| all.is_empty()) { load() } else { confirming.set(true) }
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
        let json = backup_json(&state.dataset_untracked(), now);
        let file_name = dated_file_name("backup", now.date(), "json");
        match json
            .map_err(|e| backup_message(&e))
            .and_then(|json| download(&file_name, "application/json", &json))
        {
            Ok(()) => actions::spawn(actions::record_backup(state)),
            Err(message) => state.show_error(message),
        }
    };
    let import = move |ev: leptos::ev::Event| {
        on_text_chosen(&ev, move |text| {
            match text.map(|text| parse_backup(&text)) {
                None => state.show_error(t.err.file_read.into()),
                Some(Err(e)) => state.show_error(backup_message(&e)),
                Some(Ok((dataset, exported_at))) => {
                    pending_restore.set(Some((dataset, format_date_time(exported_at))));
                }
            }
        });
    };
    let export_csv = move |kind: CsvKind| {
        let today = clock::today();
        let d = state.dataset_untracked();
        let (csv, name) = match kind {
            CsvKind::Customers => (customers_csv(&d), t.file_customers),
            CsvKind::Contacts => (contacts_csv(&d), t.file_contacts),
        };
        let file_name = dated_file_name(name, today, "csv");
        if let Err(message) = csv
            .map_err(|e| (t.err.csv_export)(&e.0))
            .and_then(|csv| download(&file_name, "text/csv;charset=utf-8", &csv))
        {
            state.show_error(message);
        }
    };
    let backup_line = move || {
        state.backup.with(|backup| match backup.last_backup {
            Some(day) => (t.data.backup_last)(&format_date(day)),
            None => t.data.backup_never.to_string(),
        })
    };
    let reminder = move || {
        state.backup.with(|backup| {
            let has_data = state.customers.with(|all| !all.is_empty());
            state
                .settings
                .with(|s| backup.reminder_due(s, clock::today(), has_data))
        })
    };

    let remove_legacy = move |_| {
        leptos::task::spawn_local(async move {
            if actions::remove_legacy_copy(state).await.is_ok() {
                state.show_notice(t.legacy_removed);
            }
        });
    };

    view! {
        <section class="page-head"><h1>{t.data.title}</h1></section>
        <Show when=move || state.legacy_copy.get()>
            <section class="panel legacy-copy" data-testid="legacy-copy">
                <h2>{t.legacy_title}</h2>
                <p class="muted">{t.legacy_text}</p>
                <button class="button-secondary" data-testid="legacy-copy-remove" on:click=remove_legacy>
                    {t.legacy_remove}
                </button>
            </section>
        </Show>
        <CsvImport/>
        <div class="data-grid">
            <section class="panel">
                <h2>{t.data.backup_title}</h2>
                <p class="muted">{t.data.backup_text}</p>
                <Show when=reminder fallback=move || view! { <p data-testid="backup-last">{backup_line}</p> }>
                    <p class="banner banner-info" data-testid="backup-reminder">
                        <span>{t.data.backup_reminder} " " <span data-testid="backup-last">{backup_line}</span></span>
                    </p>
                </Show>
                <p class="muted small">{move || (t.data.backup_changes)(state.backup.with(|b| b.changes_since))}</p>
                <div class="button-row">
                    <button class="button-primary" data-testid="backup-export" on:click=export>{t.data.backup_export}</button>
                    <label class="button-secondary file-button">
                        {t.data.backup_import}
                        <input type="file" accept=".json,application/json" data-testid="backup-import" class="visually-hidden" on:change=import/>
                    </label>
                </div>
                <RestorePreview pending=pending_restore/>
            </section>
            <section class="panel">
                <h2>{t.data.storage_title}</h2>
                <StorageMeter/>
                <p class="muted small">{move || state.customers.with(|all| (t.data.storage_counts)(all.len(), contact_count(all)))}</p>
                <p data-testid="persist-state">{move || match state.persist.get() {
                    None => t.data.persist_pending,
                    Some(PersistState::Granted) => t.data.persist_granted,
                    Some(PersistState::Denied) => t.data.persist_denied,
                    Some(PersistState::Unsupported) => t.data.persist_unsupported,
                }}</p>
            </section>
            <section class="panel">
                <h2>{t.csv.export_title}</h2>
                <p class="muted">{t.csv.export_text}</p>
                <div class="button-row">
                    <button class="button-secondary" data-testid="csv-export-customers" on:click=move |_| export_csv(CsvKind::Customers)>{t.csv.export_customers}</button>
                    <button class="button-secondary" data-testid="csv-export-contacts" on:click=move |_| export_csv(CsvKind::Contacts)>{t.csv.export_contacts}</button>
                </div>
            </section>
            <section class="panel">
                <h2>{t.data.demo_title}</h2>
                <p class="muted">{t.data.demo_text}</p>
                <DemoLoadButton/>
            </section>
            <section class="panel">
                <h2>{t.data.quarantine_title}</h2>
                <p class="muted">{t.data.quarantine_text}</p>
                <ul class="quarantine-list" data-testid="quarantine-list">
                    {move || state.quarantine.get().into_iter().map(|entry| {
                        let key = entry.key.clone();
                        let file_name = format!("{}-{}.txt", t.file_quarantine, entry.original_key.replace(':', "_"));
                        let save = move |_| {
                            let raw = state.store.with_value(|s| s.quarantined_value(&key));
                            match raw {
                                Ok(Some(raw)) => {
                                    if let Err(message) = download(&file_name, "text/plain", &raw) {
                                        state.show_error(message);
                                    }
                                }
                                Err(e) => state.show_error(storage_message(&e)),
                                Ok(None) => {}
                            }
                        };
                        view! {
                            <li data-testid="quarantine-entry" data-key=entry.original_key.clone()>
                                <span>{(t.data.quarantine_entry)(&entry.original_key, &stamp_text(&entry.stamp), &format_count(entry.units))}</span>
                                {entry.in_place.then(|| view! { <span class="muted small">{t.data.quarantine_in_place}</span> })}
                                <button class="button-link" on:click=save>{t.data.quarantine_download}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || state.quarantine.with(Vec::is_empty)>
                    <p class="muted">{t.data.quarantine_empty}</p>
                </Show>
            </section>
        </div>
    }
}

/// "20261127T101500" as "27.11.2026 10:15"; an unexpected stamp is shown as it is.
fn stamp_text(stamp: &str) -> String {
    parse_stamp(stamp)
        .map(format_date_time)
        .unwrap_or_else(|| stamp.to_string())
}
