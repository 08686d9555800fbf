use super::super::actions;
use super::super::i18n::texts;
use super::super::state::{app_state, Undo};
use leptos::prelude::*;

/// The visible error banner: red, specific, and saying what to do.
#[component]
pub fn ErrorBanner() -> impl IntoView {
    let state = app_state();
    view! {
        <Show when=move || state.error.with(Option::is_some)>
            <div class="banner banner-error" role="alert" data-testid="storage-error">
                <span class="banner-text">{move || state.error.get().unwrap_or_default()}</span>
                <button class="button-quiet" on:click=move |_| state.error.set(None)>
                    {texts().dismiss}
                </button>
            </div>
        </Show>
    }
}

/// A calm banner: what the start put right, or a caveat of this browser.
#[component]
pub fn InfoBanner() -> impl IntoView {
    let state = app_state();
    view! {
        <Show when=move || state.info.with(Option::is_some)>
            <div class="banner banner-info" role="status" data-testid="storage-info">
                <span class="banner-text">{move || state.info.get().unwrap_or_default()}</span>
                <button class="button-quiet" on:click=move |_| state.info.set(None)>
                    {texts().dismiss}
                </button>
            </div>
        </Show>
    }
}

/// Quiet confirmation at the bottom; a deletion or a merge offers undo.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = app_state();
    // Quiet feedback goes away by itself; an undo offer stays a little longer.
    Effect::new(move |_| {
        let Some(notice) = state.notice.get() else {
            return;
        };
        let delay = if notice.undo.is_some() || notice.alert {
            12_000
        } else {
            5_000
        };
        set_timeout(
            move || {
                if state.notice.get_untracked().as_ref() == Some(&notice) {
                    state.notice.set(None);
                }
            },
            std::time::Duration::from_millis(delay),
        );
    });
    let undo = move |_| match state.notice.get_untracked().and_then(|n| n.undo) {
        Some(Undo::Delete(customer)) => {
            actions::spawn(actions::undo_delete(state, *customer));
        }
        Some(Undo::Merge(before)) => {
            actions::spawn(actions::undo_merge(state, *before));
        }
        None => {}
    };
    view! {
        <div class="notice-area" aria-live="polite">
            {move || {
                state
                    .notice
                    .get()
                    .map(|notice| {
                        let has_undo = notice.undo.is_some();
                        let undo_id = match notice.undo {
                            Some(Undo::Merge(_)) => "merge-undo",
                            _ => "undo",
                        };
                        let alert = notice.alert;
                        view! {
                            <div
                                class="notice"
                                class:notice-alert=alert
                                role=alert.then_some("alert")
                                data-testid="notice"
                                data-alert=alert.then_some("true")
                            >
                                <span>{notice.text}</span>
                                <Show when=move || has_undo>
                                    <button class="button-link" data-testid=undo_id on:click=undo>
                                        {texts().undo}
                                    </button>
                                </Show>
                                <button
                                    class="button-quiet"
                                    aria-label=texts().dismiss
                                    on:click=move |_| state.notice.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
