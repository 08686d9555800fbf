//! Leptos components. Views call domain rules and storage actions; they hold no
//! business rules of their own.

pub mod actions;
pub mod app;
pub mod clock;
pub mod components;
pub mod file_io;
pub mod format;
pub mod i18n;
pub mod locale;
pub mod pages;
pub mod recovery;
pub mod state;

/// Opens storage, then mounts the app on the page body.
pub fn mount() {
    // First, so a panic anywhere after it still leaves the user a way back.
    recovery::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        let opened = app::open_storage().await;
        // The page shows a bare top bar while the app loads; the app takes its place.
        if let Some(boot) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("boot"))
        {
            boot.remove();
        }
        leptos::mount::mount_to_body(move || leptos::view! { <app::App boot=opened/> });
    });
}
