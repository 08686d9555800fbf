use super::super::actions;
use super::super::clock;
use super::super::components::class_badge::{class_name, ClassBadge};
use super::super::components::contact_fields::HookSelect;
use super::super::components::playbook_import::PlaybookImportPreview;
use super::super::file_io::{dated_file_name, download, on_text_chosen};
use super::super::format::{
    direction_from_key, direction_key, direction_label, hook_label, kind_key, kind_label,
    reach_label, situation_label,
};
use super::super::i18n::playbook_file_message;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::LineId;
use crate::domain::playbook::edit::LineDraft;
use crate::domain::playbook::lines::{has_objections, remove_line, LineStatus, PlaybookLine};
use crate::domain::playbook::listing::{hooks_in_use, print_groups, print_objections, shown_lines};
use crate::domain::playbook::starter::add_missing_objections;
use crate::storage::playbook_file::{parse_playbook_file, playbook_json};
use crate::ui::locale::format_date;
use leptos::prelude::*;

/// The team's binding opening lines and objection answers: filter, write, edit,
/// duplicate, delete and print.
#[component]
pub fn PlaybookPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let class_filter = RwSignal::new(String::new());
    let direction_filter = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<LineDraft>);
    let hook = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let confirm_delete = RwSignal::new(None::<LineId>);
    let hook_filter = RwSignal::new(String::new());
    let hooks_in_use = Memo::new(move |_| state.playbook.with(|lines| hooks_in_use(lines)));
    let shown = Memo::new(move |_| {
        let class = CustomerClass::from_letter(&class_filter.get());
        let direction = direction_from_key(&direction_filter.get());
        let hook = HookKind::from_key(&hook_filter.get());
        state.playbook.with(|lines| {
            shown_lines(lines, class, direction, hook.as_ref())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let start_new = move |_| {
        hook.set(HookKind::ExtraBenefit.key());
        problem.set(false);
        editing.set(Some(LineDraft::new(
            CustomerClass::from_letter(&class_filter.get_untracked()),
            direction_from_key(&direction_filter.get_untracked()),
        )));
    };
    let start_edit = move |line: &PlaybookLine| {
        hook.set(line.for_hook().map(HookKind::key).unwrap_or_default());
        problem.set(false);
        editing.set(Some(LineDraft::of(line)));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(draft) = editing.get_untracked() else {
            return;
        };
        let today = clock::today();
        let draft = LineDraft {
            hook: HookKind::from_key(&hook.get_untracked()),
            ..draft
        };
        let Ok(checked) = draft.checked(LineId(clock::random_id()), today) else {
            problem.set(true);
            return;
        };
        leptos::task::spawn_local(async move {
            let saved =
                actions::change_playbook(state, move |lines| checked.save_into(lines, today)).await;
            if saved.is_ok() {
                state.show_notice(t.playbook.saved);
                editing.set(None);
            }
        });
    };
    let duplicate = move |line: &PlaybookLine| {
        let copy = line.duplicate(
            LineId(clock::random_id()),
            t.playbook.copy_suffix,
            clock::today(),
        );
        actions::spawn(actions::change_playbook(state, move |lines| {
            lines.push(copy)
        }));
    };
    let delete = move |id: LineId| {
        leptos::task::spawn_local(async move {
            if actions::change_playbook(state, move |lines| remove_line(lines, id))
                .await
                .is_ok()
            {
                state.show_notice(t.playbook.deleted);
            }
        });
    };
    // A playbook begun before objections existed can take the starter ones over.
    let has_objections = Memo::new(move |_| state.playbook.with(|lines| has_objections(lines)));
    let add_starter_objections = move |_| {
        leptos::task::spawn_local(async move {
            let added = std::rc::Rc::new(std::cell::Cell::new(0usize));
            let count = added.clone();
            let saved = actions::change_playbook(state, move |lines| {
                count.set(add_missing_objections(lines));
            })
            .await;
            if saved.is_ok() {
                state.show_notice((t.playbook.starter_objections_added)(added.get()));
            }
        });
    };
    let incoming = RwSignal::new(None::<Vec<PlaybookLine>>);
    let export = move |_| {
        let now = clock::now();
        let json = state
            .playbook
            .with_untracked(|lines| playbook_json(lines, now));
        let file_name = dated_file_name(t.file_playbook, now.date(), "json");
        if let Err(message) = json
            .map_err(|e| playbook_file_message(&e))
            .and_then(|json| download(&file_name, "application/json", &json))
        {
            state.show_error(message);
        }
    };
    let import = move |ev: leptos::ev::Event| {
        on_text_chosen(&ev, move |text| {
            match text.map(|text| parse_playbook_file(&text)) {
                None => state.show_error(t.err.file_read.into()),
                Some(Err(e)) => state.show_error(playbook_file_message(&e)),
                Some(Ok(lines)) => incoming.set(Some(lines)),
            }
        });
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let set = move |change: &dyn Fn(&mut LineDraft)| {
        editing.update(|e| {
            if let Some(e) = e {
                change(e)
            }
        })
    };

    view! {
        <section class="page-head row-between">
            <div>
                <h1>{t.playbook.title}</h1>
                <p class="muted">{t.playbook.intro}</p>
            </div>
            <div class="button-row no-print">
                <button class="button-secondary" data-testid="playbook-export" on:click=export>{t.playbook.export}</button>
                <label class="button-secondary file-button">
                    {t.playbook.import}
                    <input type="file" accept=".json,application/json" data-testid="playbook-import" class="visually-hidden" on:change=import/>
                </label>
                <button class="button-secondary" data-testid="playbook-print" on:click=print>{t.playbook.print}</button>
                <button class="button-primary" data-testid="playbook-new" on:click=start_new>{t.playbook.new}</button>
            </div>
        </section>
        <Show when=move || !has_objections.get()>
            <p class="no-print">
                <button class="button-secondary" data-testid="playbook-starter-objections" on:click=add_starter_objections>
                    {t.playbook.starter_objections}
                </button>
            </p>
        </Show>
        <PlaybookImportPreview incoming=incoming/>
        <div class="board-filters no-print">
            <div class="field">
                <label for="playbook-filter-class">{t.playbook.filter_class}</label>
                <select id="playbook-filter-class" data-testid="playbook-filter-class" on:change=move |ev| class_filter.set(event_target_value(&ev))>
                    <option value="">{t.playbook.all}</option>
                    {CustomerClass::BOARD_ORDER.into_iter().map(|c| view! { <option value=c.letter()>{class_name(c)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="playbook-filter-direction">{t.playbook.filter_direction}</label>
                <select id="playbook-filter-direction" data-testid="playbook-filter-direction" on:change=move |ev| direction_filter.set(event_target_value(&ev))>
                    <option value="">{t.playbook.all}</option>
                    <option value="in">{direction_label(t, Direction::Inbound)}</option>
                    <option value="out">{direction_label(t, Direction::Outbound)}</option>
                </select>
            </div>
            <div class="field">
                <label for="playbook-filter-hook">{t.note_hook}</label>
                <select id="playbook-filter-hook" data-testid="playbook-filter-hook" on:change=move |ev| hook_filter.set(event_target_value(&ev))>
                    <option value="">{t.playbook.all}</option>
                    {move || hooks_in_use.get().into_iter().map(|h| view! { <option value=h.key()>{hook_label(t, &h)}</option> }).collect_view()}
                </select>
            </div>
        </div>
        {move || editing.get().map(|draft| view! {
            <form class="panel playbook-editor no-print" data-testid="playbook-editor" on:submit=save>
                <h2>{if draft.id.is_some() { t.playbook.editor_edit } else { t.playbook.editor_new }}</h2>
                <Show when=move || problem.get()>
                    <p class="form-errors" role="alert">{if draft.objection { t.playbook.objection_missing } else { t.playbook.missing }}</p>
                </Show>
                <div class="grid-3">
                    <div class="field">
                        <label for="playbook-kind">{t.playbook.kind}</label>
                        <select id="playbook-kind" data-testid="playbook-kind" prop:value=if draft.objection { "objection" } else { "opening" }
                            on:change=move |ev| {
                                let objection = event_target_value(&ev) == "objection";
                                // Most objections are heard from anyone, whatever the hook: a new one starts so.
                                if draft.id.is_none() {
                                    hook.set(if objection { String::new() } else { HookKind::ExtraBenefit.key() });
                                }
                                set(&|e| {
                                    e.objection = objection;
                                    if e.id.is_none() { e.all_classes = objection; }
                                });
                            }>
                            <option value="opening">{t.kind_opening}</option>
                            <option value="objection">{t.kind_objection}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="playbook-class">{t.playbook.filter_class}</label>
                        <select id="playbook-class" data-testid="playbook-class"
                            prop:value=if draft.objection && draft.all_classes { "" } else { draft.class.letter() }
                            on:change=move |ev| {
                                let chosen = CustomerClass::from_letter(&event_target_value(&ev));
                                set(&|e| {
                                    e.all_classes = chosen.is_none();
                                    if let Some(c) = chosen { e.class = c; }
                                });
                            }>
                            {draft.objection.then(|| view! { <option value="">{t.reach_all_classes}</option> })}
                            {CustomerClass::BOARD_ORDER.into_iter().map(|c| view! { <option value=c.letter()>{class_name(c)}</option> }).collect_view()}
                        </select>
                    </div>
                    {(!draft.objection).then(|| view! {
                        <div class="field">
                            <label for="playbook-direction">{t.playbook.filter_direction}</label>
                            <select id="playbook-direction" data-testid="playbook-direction" prop:value=direction_key(draft.direction)
                                on:change=move |ev| { if let Some(d) = direction_from_key(&event_target_value(&ev)) { set(&|e| e.direction = d); } }>
                                <option value="in">{direction_label(t, Direction::Inbound)}</option>
                                <option value="out">{direction_label(t, Direction::Outbound)}</option>
                            </select>
                        </div>
                    })}
                    <div class="field">
                        <label for="playbook-hook">{t.note_hook}</label>
                        <HookSelect id="playbook-hook".to_string() testid="playbook-hook" value=hook
                            none_label=draft.objection.then_some(t.reach_any_hook)/>
                    </div>
                    <div class="field span-2">
                        <label for="playbook-title">{if draft.objection { t.playbook.field_objection } else { t.playbook.field_title }}</label>
                        <input id="playbook-title" type="text" data-testid="playbook-title" prop:value=draft.title.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); set(&|e| e.title = v.clone()); }/>
                    </div>
                    <label class="check">
                        <input type="checkbox" data-testid="playbook-agreed" prop:checked=draft.agreed
                            on:change=move |ev| { let on = event_target_checked(&ev); set(&|e| e.agreed = on); }/>
                        {t.playbook.status_agreed}
                    </label>
                    <div class="field span-3">
                        <label for="playbook-text">{if draft.objection { t.objection_answer_label } else { t.playbook.field_text }}</label>
                        <textarea id="playbook-text" rows="3" data-testid="playbook-text" prop:value=draft.text.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); set(&|e| e.text = v.clone()); }></textarea>
                    </div>
                    <div class="field span-3">
                        <label for="playbook-customer-line">{if draft.objection { t.playbook.field_objection_customer_line } else { t.playbook.field_customer_line }}</label>
                        <input id="playbook-customer-line" type="text" data-testid="playbook-customer-line" prop:value=draft.customer_line.clone()
                            on:input=move |ev| { let v = event_target_value(&ev); set(&|e| e.customer_line = v.clone()); }/>
                    </div>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button-primary" data-testid="playbook-save">{t.save}</button>
                    <button type="button" class="button-secondary" on:click=move |_| editing.set(None)>{t.cancel}</button>
                </div>
            </form>
        })}
        <Show when=move || shown.with(Vec::is_empty)>
            <p class="muted">{t.playbook.empty}</p>
        </Show>
        <PrintSheet/>
        <div class="playbook-list">
            {move || shown.get().into_iter().map(|line| {
                let id = line.id;
                let situation = match line.for_class() {
                    Some(class) if line.is_opening() => format!("{} · {}", class.letter(), situation_label(t, &line)),
                    _ => situation_label(t, &line),
                };
                let edge = line.for_class().map_or("all".to_string(), |c| c.letter().to_lowercase());
                let agreed = line.status == LineStatus::Agreed;
                let for_edit = line.clone();
                let for_copy = line.clone();
                view! {
                    <article
                        class=format!("playbook-line class-edge-{edge}")
                        class:playbook-objection=line.is_objection()
                        data-testid="playbook-line"
                        data-line-id=id.to_string()
                        data-kind=kind_key(&line)
                        data-class=line.for_class().map_or("all", CustomerClass::letter)
                        data-direction=line.for_direction().map_or("any", direction_key)
                        data-hook=line.for_hook().map_or_else(|| "any".to_string(), HookKind::key)
                        data-status=if agreed { "agreed" } else { "proposed" }
                    >
                        <header class="playbook-line-head">
                            {match line.for_class() {
                                Some(class) => view! { <ClassBadge class=class/> }.into_any(),
                                None => view! { <span class="class-badge class-all badge-small" aria-hidden="true">"∗"</span> }.into_any(),
                            }}
                            <div>
                                <p class="kind-label small">{kind_label(t, &line)}</p>
                                <h3>{line.title.clone()}</h3>
                                <p class="muted small">{situation}</p>
                            </div>
                            <span class=if agreed { "status-chip status-agreed" } else { "status-chip" }>
                                {if agreed { t.playbook.status_agreed } else { t.playbook.status_proposed }}
                            </span>
                        </header>
                        {(line.is_objection() && !line.customer_line.is_empty()).then(|| view! {
                            <p class="muted small">{t.practice.customer_says} " " {(t.quoted)(&line.customer_line)}</p>
                        })}
                        <blockquote class="line-text">{line.text.clone()}</blockquote>
                        {(line.is_opening() && !line.customer_line.is_empty()).then(|| view! { <p class="muted small">{(t.quoted)(&line.customer_line)}</p> })}
                        <footer class="row-between">
                            <span class="muted small">{(t.playbook.version)(line.version, &format_date(line.changed))}</span>
                            <div class="button-row no-print">
                                <button class="button-link" data-testid="playbook-edit" on:click=move |_| start_edit(&for_edit)>{t.playbook.edit}</button>
                                <button class="button-link" data-testid="playbook-duplicate" on:click=move |_| duplicate(&for_copy)>{t.playbook.duplicate}</button>
                                <Show
                                    when=move || confirm_delete.get() == Some(id)
                                    fallback=move || view! {
                                        <button class="button-link" data-testid="playbook-delete" on:click=move |_| confirm_delete.set(Some(id))>{t.playbook.delete}</button>
                                    }
                                >
                                    <button class="button-danger" data-testid="playbook-delete-confirm" on:click=move |_| delete(id)>{t.playbook.delete_confirm}</button>
                                </Show>
                            </div>
                        </footer>
                    </article>
                }
            }).collect_view()}
        </div>
    }
}

/// The training handout: every agreed line, grouped by class and direction, then the
/// objections with their answers, whatever the screen's filters show. Only visible when
/// printing.
#[component]
fn PrintSheet() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let objections = Memo::new(move |_| state.playbook.with(|lines| print_objections(lines)));
    let groups = Memo::new(move |_| state.playbook.with(|lines| print_groups(lines)));
    view! {
        <div class="print-sheet" data-testid="playbook-print-sheet">
            {move || groups.get().into_iter().map(|((class, direction), lines)| view! {
                <section>
                    <h2>{class_name(class)} " · " {direction_label(t, direction)}</h2>
                    {lines.into_iter().map(|line| view! {
                        <article class="print-line" data-testid="print-line" data-line-id=line.id.to_string()>
                            <h3>{line.title.clone()} <span class="muted small">" · " {hook_label(t, &line.situation.hook)}</span></h3>
                            <p>{line.text.clone()}</p>
                            <p class="muted small">{(t.playbook.version)(line.version, &format_date(line.changed))}</p>
                        </article>
                    }).collect_view()}
                </section>
            }).collect_view()}
            <Show when=move || !objections.with(Vec::is_empty)>
                <section>
                    <h2>{t.objection_title}</h2>
                    {move || objections.get().into_iter().map(|line| view! {
                        <article class="print-line" data-testid="print-line" data-line-id=line.id.to_string()>
                            <h3>{line.title.clone()} <span class="muted small">" · " {reach_label(t, &line)}</span></h3>
                            {(!line.customer_line.is_empty()).then(|| view! {
                                <p class="muted small">{t.practice.customer_says} " " {(t.quoted)(&line.customer_line)}</p>
                            })}
                            <p>{line.text.clone()}</p>
                            <p class="muted small">{(t.playbook.version)(line.version, &format_date(line.changed))}</p>
                        </article>
                    }).collect_view()}
                </section>
            </Show>
        </div>
    }
}
