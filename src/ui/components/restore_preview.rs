use super::super::actions;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::dataset::Dataset;
use crate::domain::exchange::restore_merge::{merge, restore_preview, CustomerRef};
use leptos::prelude::*;

/// Names shown per list before "and n more".
const NAMES_SHOWN: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Merge,
    Replace,
}

/// What a backup would change, before anything does: customers added, changed and
/// removed, contacts added. Merge (the default) keeps both sides' records; replace
/// makes the data exactly the backup.
#[component]
pub fn RestorePreview(pending: RwSignal<Option<(Dataset, String)>>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let mode = RwSignal::new(Mode::Merge);
    // Every new file starts from the safe choice, whatever was picked for the last one.
    Effect::new(move |_| {
        pending.track();
        mode.set(Mode::Merge);
    });
    let preview = Memo::new(move |_| {
        pending.with(|p| {
            p.as_ref()
                .map(|(backup, _)| restore_preview(&state.dataset(), backup))
        })
    });
    let apply = move |_| {
        let Some((backup, _)) = pending.get_untracked() else {
            return;
        };
        let next = match mode.get_untracked() {
            Mode::Merge => merge(&state.dataset_untracked(), &backup),
            Mode::Replace => backup,
        };
        let count = next.customers.len();
        leptos::task::spawn_local(async move {
            if actions::replace_all(state, next).await.is_ok() {
                state.show_notice((t.data.restored)(count));
                pending.set(None);
            }
        });
    };
    let names = move |list: &[CustomerRef]| {
        let mut shown: Vec<String> = list
            .iter()
            .take(NAMES_SHOWN)
            .map(|c| c.name.clone())
            .collect();
        if list.len() > NAMES_SHOWN {
            shown.push((t.restore.more)(list.len() - NAMES_SHOWN));
        }
        shown.join(", ")
    };
    view! {
        {move || pending.get().zip(preview.get()).map(|((backup, exported), p)| view! {
            <div class="restore-preview panel-inset" role="region" aria-label=t.restore.title data-testid="restore-preview">
                <h3>{t.restore.title}</h3>
                <p>{(t.data.restore_confirm)(backup.customers.len(), backup.contact_count(), &exported)}</p>
                <ul class="restore-counts">
                    <li data-testid="restore-added" data-count=p.customers_added.len().to_string()>
                        <strong>{(t.restore.added)(p.customers_added.len())}</strong>
                        <span class="muted small">" " {names(&p.customers_added)}</span>
                    </li>
                    <li data-testid="restore-changed" data-count=p.customers_changed.len().to_string()>
                        <strong>{(t.restore.changed)(p.customers_changed.len())}</strong>
                        <span class="muted small">" " {names(&p.customers_changed)}</span>
                    </li>
                    <li data-testid="restore-removed" data-count=p.customers_removed.len().to_string()>
                        <strong>{(t.restore.removed)(p.customers_removed.len())}</strong>
                        <span class="muted small">" " {names(&p.customers_removed)}</span>
                    </li>
                    <li data-testid="restore-contacts" data-count=p.contacts_added.to_string()>
                        <strong>{(t.restore.contacts)(p.contacts_added)}</strong>
                    </li>
                </ul>
                <fieldset class="restore-modes">
                    <legend>{t.restore.mode}</legend>
                    <label class="check">
                        <input type="radio" name="restore-mode" data-testid="restore-mode-merge" prop:checked=move || mode.get() == Mode::Merge
                            on:change=move |_| mode.set(Mode::Merge)/>
                        <span><strong>{t.restore.merge}</strong> " – " {t.restore.merge_hint}</span>
                    </label>
                    <label class="check">
                        <input type="radio" name="restore-mode" data-testid="restore-mode-replace" prop:checked=move || mode.get() == Mode::Replace
                            on:change=move |_| mode.set(Mode::Replace)/>
                        <span><strong>{t.restore.replace}</strong> " – " {(t.restore.replace_hint)(p.customers_removed.len())}</span>
                    </label>
                </fieldset>
                <div class="button-row">
                    <button class=move || if mode.get() == Mode::Replace { "button-danger" } else { "button-primary" }
                        data-testid="restore-apply" on:click=apply>
                        {move || if mode.get() == Mode::Replace { t.restore.apply_replace } else { t.restore.apply_merge }}
                    </button>
                    <button class="button-secondary" data-testid="restore-cancel" on:click=move |_| pending.set(None)>{t.cancel}</button>
                </div>
            </div>
        })}
    }
}
