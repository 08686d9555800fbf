use super::super::actions::{self, LastMove};
use super::super::i18n::texts;
use super::super::state::app_state;
use leptos::prelude::*;

/// After a move: an optional reason and an undo, without blocking the board.
#[component]
pub fn MovePanel(last_move: RwSignal<Option<LastMove>>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let reason = RwSignal::new(String::new());
    Effect::new(move |_| {
        last_move.track();
        reason.set(String::new());
    });
    let save_reason = move || {
        if let Some(last) = last_move.get_untracked() {
            let reason = reason.get_untracked();
            leptos::task::spawn_local(async move {
                if actions::set_move_reason(state, last, reason).await.is_ok() {
                    state.show_notice(t.move_reason_saved);
                    last_move.set(None);
                }
            });
        }
    };
    let undo = move |_| {
        if let Some(last) = last_move.get_untracked() {
            leptos::task::spawn_local(async move {
                if actions::undo_move(state, last).await.is_ok() {
                    state.show_notice(t.move_undone);
                    last_move.set(None);
                }
            });
        }
    };
    view! {
        {move || last_move.get().map(|last| view! {
            <form
                class="move-panel"
                data-testid="move-panel"
                aria-live="polite"
                on:submit=move |ev| {
                    ev.prevent_default();
                    save_reason();
                }
            >
                <p class="move-summary">
                    <strong>{(t.board.moved)(&last.name, last.change.from.letter(), last.change.to.letter())}</strong>
                </p>
                <label class="visually-hidden" for="move-reason">{t.move_reason}</label>
                <input
                    id="move-reason"
                    type="text"
                    data-testid="move-reason"
                    placeholder=t.move_reason
                    prop:value=reason
                    on:input=move |ev| reason.set(event_target_value(&ev))
                />
                <button type="submit" class="button-secondary" data-testid="move-reason-save">{t.move_reason_save}</button>
                <button type="button" class="button-secondary" data-testid="move-undo" on:click=undo>{t.move_undo}</button>
                <button type="button" class="button-quiet" aria-label=t.dismiss on:click=move |_| last_move.set(None)>"×"</button>
            </form>
        })}
    }
}
