use super::super::actions;
use super::super::clock;
use super::super::format::{kind_label as entry_kind, situation_label};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::answer_diff::DiffWords;
use super::class_badge::ClassBadge;
use crate::domain::ids::LineId;
use crate::domain::playbook::exchange::{
    apply_changes, change_counts, playbook_changes, preselected, ChangeKind, LineChange,
};
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::word_diff::score_answer;
use leptos::prelude::*;

/// What an imported playbook would change: added, changed (with the words that differ)
/// and removed lines. Nothing changes until the user applies all or some of them.
#[component]
pub fn PlaybookImportPreview(incoming: RwSignal<Option<Vec<PlaybookLine>>>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    // The comparison is taken when the file is read, so a save meanwhile in another tab
    // neither changes the list nor resets the user's choices.
    let changes = Memo::new(move |_| {
        incoming.with(|theirs| {
            theirs.as_ref().map(|theirs| {
                state
                    .playbook
                    .with_untracked(|lines| playbook_changes(lines, theirs))
            })
        })
    });
    let chosen = RwSignal::new(Vec::<LineId>::new());
    Effect::new(move |_| {
        chosen.set(changes.with(|c| c.as_deref().map(preselected).unwrap_or_default()));
    });
    let apply = move |_| {
        let Some(list) = changes.get_untracked() else {
            return;
        };
        let picked = chosen.get_untracked();
        let count = picked.len();
        let today = clock::today();
        leptos::task::spawn_local(async move {
            let applied = actions::change_playbook(state, move |lines| {
                *lines = apply_changes(lines, &list, &picked, today);
            })
            .await;
            if applied.is_ok() {
                state.show_notice((t.playbook.import_applied)(count));
                incoming.set(None);
            }
        });
    };
    view! {
        {move || changes.get().map(|list| view! {
            <section class="panel playbook-import no-print" data-testid="playbook-import-preview" aria-label=t.playbook.import_title>
                <h2>{t.playbook.import_title}</h2>
                {if list.is_empty() {
                    view! { <p data-testid="playbook-import-nothing">{t.playbook.import_nothing}</p> }.into_any()
                } else {
                    let counts = change_counts(&list);
                    view! {
                        <p class="muted">{(t.playbook.import_summary)(counts.added, counts.changed, counts.removed)}</p>
                        <ul class="change-list">
                            {list.into_iter().map(|change| view! { <ChangeRow change=change chosen=chosen/> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <div class="form-actions">
                    <button class="button-primary" data-testid="playbook-import-apply" on:click=apply
                        disabled=move || chosen.with(Vec::is_empty)>{move || (t.playbook.import_apply)(chosen.with(Vec::len))}</button>
                    <button class="button-secondary" data-testid="playbook-import-cancel" on:click=move |_| incoming.set(None)>{t.cancel}</button>
                </div>
            </section>
        })}
    }
}

#[component]
fn ChangeRow(change: LineChange, chosen: RwSignal<Vec<LineId>>) -> impl IntoView {
    let t = texts();
    let id = change.id;
    let (kind_key, kind_label) = match change.kind {
        ChangeKind::Added => ("added", t.playbook.change_added),
        ChangeKind::Changed => ("changed", t.playbook.change_changed),
        ChangeKind::Removed => ("removed", t.playbook.change_removed),
    };
    let Some(shown) = change.theirs.clone().or_else(|| change.ours.clone()) else {
        return ().into_any();
    };
    let checkbox_id = format!("import-{id}");
    let body = match change.reworded() {
        Some((ours, theirs)) => {
            let diff = score_answer(ours, theirs);
            view! {
                <DiffWords words=diff.words
                    missing=("word-removed", t.playbook.word_removed) extra=("word-added", t.playbook.word_added)/>
            }
            .into_any()
        }
        None => view! { <p class="line-text small">{shown.text.clone()}</p> }.into_any(),
    };
    view! {
        <li class=format!("change change-{kind_key}") data-testid="playbook-import-change" data-kind=kind_key data-line-id=id.to_string()>
            <input type="checkbox" id=checkbox_id.clone() data-testid="playbook-import-choice"
                prop:checked=move || chosen.with(|c| c.contains(&id))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                }/>
            <div>
                <label for=checkbox_id class="change-head">
                    <span class="status-chip">{kind_label}</span>
                    {shown.for_class().filter(|_| shown.is_opening()).map(|class| view! { <ClassBadge class=class/> })}
                    <strong>{shown.title.clone()}</strong>
                    <span class="muted small">{entry_kind(t, &shown)} " · " {situation_label(t, &shown)}</span>
                </label>
                {body}
            </div>
        </li>
    }
    .into_any()
}
