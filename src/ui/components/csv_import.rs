use super::super::actions;
use super::super::clock;
use super::super::file_io::on_bytes_chosen;
use super::super::i18n::{bad_row_reason, csv_read_message, duplicate_key_label, texts, Texts};
use super::super::state::app_state;
use super::class_badge::ClassBadge;
use crate::domain::exchange::csv_apply::{apply_import, DuplicateChoice, ImportCounts};
use crate::domain::exchange::csv_import::{plan_import, read_csv, CsvTable, DuplicateOf};
use crate::domain::exchange::csv_mapping::{guess_mapping, CsvField, Mapping};
use crate::domain::ids::CustomerId;
use crate::ui::locale::format_euro;
use leptos::prelude::*;

/// Rows shown in the preview: enough to check the mapping at a glance.
const PREVIEW_ROWS: usize = 5;

fn field_label(t: &Texts, field: CsvField) -> &'static str {
    match field {
        CsvField::Name => t.field.name,
        CsvField::Company => t.field.company,
        CsvField::Postcode => t.field.postcode,
        CsvField::ContactPerson => t.field.contact_person,
        CsvField::Phone => t.field.phone,
        CsvField::Email => t.field.email,
        CsvField::Number => t.field.number,
        CsvField::Revenue => t.field.revenue,
        CsvField::Class => t.field.class,
        CsvField::Tags => t.field.tags,
        CsvField::Note => t.field.notes,
        CsvField::PotentialAmount => t.field.potential_amount,
        CsvField::PotentialFlag => t.field.potential,
        CsvField::NoteHook => t.note_hook,
        CsvField::NoteText => t.note_text,
        CsvField::NoteValidUntil => t.note_valid_until_label,
        CsvField::NoteWritten => t.csv.field_note_written,
        CsvField::Birthday => t.csv.field_birthday,
        CsvField::Contract => t.csv.field_contract,
        CsvField::RenewalDate => t.csv.field_renewal_date,
        CsvField::NoticeMonths => t.csv.field_notice_months,
        CsvField::RenewsYearly => t.csv.field_renews_yearly,
    }
}

fn choice_key(choice: DuplicateChoice) -> &'static str {
    match choice {
        DuplicateChoice::Skip => "skip",
        DuplicateChoice::Update => "update",
        DuplicateChoice::ImportAsNew => "new",
    }
}

/// CSV import in steps on one screen: choose a file, map its columns (guessed from the
/// headers), check the preview, the bad rows and the duplicates, then confirm. Nothing
/// is stored before the confirmation, and then everything at once or nothing.
#[component]
pub fn CsvImport() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let table = RwSignal::new(None::<(String, CsvTable)>);
    let mapping = RwSignal::new(Mapping::default());
    let choice = RwSignal::new(DuplicateChoice::Skip);
    let plan = Memo::new(move |_| {
        let map = mapping.get();
        table.with(|loaded| {
            loaded
                .as_ref()
                .map(|(_, table)| plan_import(table, &map, &state.dataset(), clock::today()))
        })
    });

    let choose = move |ev: leptos::ev::Event| {
        on_bytes_chosen(&ev, move |name, bytes| match bytes.map(|b| read_csv(&b)) {
            None => state.show_error(t.err.file_read.into()),
            Some(Err(e)) => state.show_error(csv_read_message(&e)),
            Some(Ok(read)) => {
                mapping.set(guess_mapping(&read.headers));
                choice.set(DuplicateChoice::Skip);
                table.set(Some((name, read)));
            }
        });
    };
    let confirm = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        let outcome = apply_import(
            &plan,
            choice.get_untracked(),
            &state.dataset_untracked(),
            &actions::actor(&state),
            || CustomerId(clock::random_id()),
        );
        let counts = (outcome.added, outcome.updated, outcome.not_imported());
        leptos::task::spawn_local(async move {
            if actions::import_customers(state, outcome.customers_to_write)
                .await
                .is_ok()
            {
                state.show_notice((t.csv.done)(counts.0, counts.1, counts.2));
                table.set(None);
            }
        });
    };

    view! {
        <section class="panel csv-import" aria-labelledby="csv-import-title">
            <h2 id="csv-import-title">{t.csv.import_title}</h2>
            <p class="muted">{t.csv.import_text}</p>
            <label class="button-secondary file-button">
                {t.csv.import_choose}
                <input type="file" accept=".csv,text/csv,text/plain" data-testid="csv-import-file" class="visually-hidden" on:change=choose/>
            </label>
            {move || table.with(|loaded| loaded.as_ref().map(|(name, read)| {
                let headers = read.headers.clone();
                view! {
                    <div class="csv-steps">
                        <p class="muted small" data-testid="csv-file-info">{(t.csv.file_info)(name, read.rows.len(), char::from(read.separator))}</p>
                        <h3>{t.csv.mapping_title}</h3>
                        <div class="csv-mapping">
                            {CsvField::ALL.into_iter().map(|field| {
                                let id = format!("csv-map-{}", field.key());
                                let headers = headers.clone();
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>{field_label(t, field)}</label>
                                        <select id=id.clone() data-testid=id
                                            prop:value=move || mapping.get().column(field).map(|c| c.to_string()).unwrap_or_default()
                                            on:change=move |ev| {
                                                let column = event_target_value(&ev).parse::<usize>().ok();
                                                mapping.update(|m| m.set(field, column));
                                            }>
                                            <option value="">{t.csv.not_imported}</option>
                                            {headers.into_iter().enumerate().map(|(i, h)| view! {
                                                <option value=i.to_string()>{if h.trim().is_empty() { (t.csv.column)(i + 1) } else { h }}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </div>
                }
            }))}
            {move || plan.get().map(|plan| {
                let counts = ImportCounts::of(&plan);
                let duplicates = counts.duplicates;
                let to_import = move || counts.rows_to_import(choice.get());
                view! {
                    <h3>{t.csv.preview_title}</h3>
                    <div class="table-scroll">
                        <table class="table csv-preview">
                            <thead><tr>
                                <th scope="col">{t.csv.row}</th>
                                <th scope="col">{t.field.class}</th>
                                <th scope="col">{t.field.name}</th>
                                <th scope="col">{t.field.company}</th>
                                <th scope="col">{t.field.phone}</th>
                                <th scope="col">{t.field.email}</th>
                                <th scope="col">{t.field.number}</th>
                                <th scope="col" class="num">{t.field.revenue}</th>
                                <th scope="col">{t.field.tags}</th>
                            </tr></thead>
                            <tbody>
                                {plan.good.iter().take(PREVIEW_ROWS).map(|row| {
                                    let f = &row.fields;
                                    view! {
                                        <tr data-testid="csv-preview-row" data-row=row.row_number.to_string()>
                                            <td>{row.row_number}</td>
                                            <td><ClassBadge class=f.class/></td>
                                            <td>{f.name.clone()}</td>
                                            <td>{f.company.clone()}</td>
                                            <td>{f.phones.join(", ")}</td>
                                            <td>{f.email.clone()}</td>
                                            <td>{f.number.clone()}</td>
                                            <td class="num">{format_euro(f.revenue_cents)}</td>
                                            <td>{f.tags.join(", ")}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(!plan.bad.is_empty()).then(|| view! {
                        <div class="csv-bad" role="group" aria-label=t.csv.bad_title>
                            <h3>{(t.csv.bad_title_count)(plan.bad.len())}</h3>
                            <ul>
                                {plan.bad.iter().map(|bad| view! {
                                    <li data-testid="csv-bad-row" data-row=bad.row_number.to_string()>
                                        <strong>{(t.csv.row_number)(bad.row_number)}</strong> ": "
                                        {bad.reasons.iter().map(bad_row_reason).collect::<Vec<_>>().join("; ")}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })}
                    {(duplicates > 0).then(|| {
                        let rows: Vec<_> = plan.duplicates().cloned().collect();
                        view! {
                            <div class="csv-duplicates">
                                <h3>{(t.csv.duplicates_title)(duplicates)}</h3>
                                <ul>
                                    {rows.into_iter().map(|row| {
                                        let Some(dup) = row.duplicate else { return ().into_any() };
                                        let of = match dup.of {
                                            DuplicateOf::Existing(id) => state.customers.with_untracked(|all| all.get(&id).map(|c| c.fields.name.clone())).unwrap_or_default(),
                                            DuplicateOf::EarlierRow(n) => (t.csv.row_number)(n),
                                        };
                                        view! {
                                            <li data-testid="csv-duplicate" data-row=row.row_number.to_string()>
                                                {(t.csv.duplicate_line)(row.row_number, &row.fields.name, &of, duplicate_key_label(dup.key))}
                                            </li>
                                        }.into_any()
                                    }).collect_view()}
                                </ul>
                                <div class="field">
                                    <label for="csv-duplicate-choice">{t.csv.duplicate_choice}</label>
                                    <select id="csv-duplicate-choice" data-testid="csv-duplicate-choice"
                                        prop:value=move || choice_key(choice.get())
                                        on:change=move |ev| choice.set(match event_target_value(&ev).as_str() {
                                            "update" => DuplicateChoice::Update,
                                            "new" => DuplicateChoice::ImportAsNew,
                                            _ => DuplicateChoice::Skip,
                                        })>
                                        <option value="skip">{t.csv.choice_skip}</option>
                                        <option value="update">{t.csv.choice_update}</option>
                                        <option value="new">{t.csv.choice_new}</option>
                                    </select>
                                </div>
                            </div>
                        }
                    })}
                    <div class="form-actions">
                        <button class="button-primary" data-testid="csv-import-confirm" disabled=move || to_import() == 0 on:click=confirm>
                            {move || (t.csv.confirm)(to_import())}
                        </button>
                        <button class="button-secondary" data-testid="csv-import-cancel" on:click=move |_| table.set(None)>{t.cancel}</button>
                    </div>
                }
            })}
        </section>
    }
}
