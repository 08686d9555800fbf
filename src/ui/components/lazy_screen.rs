//! A screen whose code arrives in its own chunk the first time it is opened.

use super::super::i18n::texts;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

/// The chunk of a screen could not be fetched, e.g. offline before the service worker
/// had stored it. Loading again is always safe: a failed load is not remembered.
#[derive(Debug)]
pub struct ChunkLoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkLoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkLoadFailed
    }
}

/// Shows a short loading line while `load` fetches the screen's chunk, then the screen.
/// A failed fetch shows a German message with a button that tries again.
#[component]
pub fn LazyScreen<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkLoadFailed>> + 'static,
{
    let t = texts();
    let attempt = RwSignal::new(0u32);
    let loading = RwSignal::new(true);
    let screen = move || {
        attempt.track();
        loading.set(true);
        // The chunk loader is not Send; the app runs on one thread, so the wrapper holds.
        let pending = SendWrapper::new(load());
        Suspend::new(async move {
            let outcome = pending.await;
            loading.set(false);
            match outcome {
                Ok(view) => view,
                Err(ChunkLoadFailed) => view! {
                    <section class="panel chunk-failed" role="alert" data-testid="chunk-failed">
                        <h1>{t.chunk_failed_title}</h1>
                        <p>{t.chunk_failed_text}</p>
                        <button
                            type="button"
                            class="button-primary"
                            data-testid="chunk-retry"
                            on:click=move |_| attempt.update(|n| *n += 1)
                        >
                            {t.chunk_retry}
                        </button>
                    </section>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Show when=move || loading.get()>
            <p class="chunk-loading" role="status" data-testid="chunk-loading">{t.chunk_loading}</p>
        </Show>
        {screen}
    }
}
