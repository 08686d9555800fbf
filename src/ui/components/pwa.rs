//! The notice that the service worker (`pwa/sw.js`) has a new version ready; the start
//! script (`pwa/start.js`) reports it.

use super::super::i18n::texts;
use leptos::prelude::*;

/// A quiet notice when the service worker has a newer version waiting; reloading hands over
/// to it. Without the notice, the new version takes over on the next start.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let t = texts();
    let waiting = document()
        .document_element()
        .and_then(|html| html.get_attribute("data-update"))
        .is_some_and(|state| state == "available");
    let available = RwSignal::new(waiting);
    let handle = window_event_listener_untyped("kb-update-available", move |_| available.set(true));
    on_cleanup(move || handle.remove());
    let reload = move |_| {
        if let Ok(event) = web_sys::Event::new("kb-update-apply") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <div role="status">
            <Show when=move || available.get()>
                <div class="banner banner-info" data-testid="update-available">
                    <span class="banner-text">{t.update_available}</span>
                    <button class="button-quiet" data-testid="update-reload" on:click=reload>
                        {t.update_reload}
                    </button>
                </div>
            </Show>
        </div>
    }
}
