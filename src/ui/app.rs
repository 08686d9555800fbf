//! The shell: opening storage, navigation, banners and routes.

use super::actions;
use super::clock;
use super::components::banner::{ErrorBanner, NoticeBar};
use super::components::link::app_base;
use super::components::nav::{CallShortcut, TopNav};
use super::components::pwa::UpdateNotice;
use super::i18n::{set_language, storage_message, texts};
use super::pages::board::BoardPage;
use super::pages::call::CallPage;
use super::pages::customer_file::CustomerFilePage;
use super::pages::customer_list::CustomerListPage;
use super::pages::customer_new::CustomerNewPage;
use super::pages::data::DataPage;
use super::pages::not_built::NotBuilt;
use super::pages::outreach::OutreachPage;
use super::pages::playbook::PlaybookPage;
use super::pages::practice::PracticePage;
use super::pages::settings::SettingsPage;
use super::state::AppState;
use crate::domain::dataset::Dataset;
use crate::domain::starter_playbook::{starter_playbook, starter_written};
use crate::storage::engine::Store;
use crate::storage::local::LocalStore;
use crate::storage::{persist, tab_sync};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Opens storage once and provides the app state to every screen.
#[component]
pub fn App() -> impl IntoView {
    let state = open_state();
    provide_context(state);
    let t = texts();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", t.html_lang);
    }
    tab_sync::listen(move |write| actions::apply_foreign_write(&state, write));
    leptos::task::spawn_local(async move {
        let granted = persist::request_persistence().await;
        state.persist.set(Some(granted));
    });

    view! {
        <Router base=app_base()>
            <a class="skip-link" href="#main">{t.skip_to_content}</a>
            <TopNav/>
            <CallShortcut/>
            <ErrorBanner/>
            <main id="main" class="page" tabindex="-1">
                <UpdateNotice/>
                <Routes fallback=|| view! { <NotBuilt/> }>
                    <Route path=path!("/") view=BoardPage/>
                    <Route path=path!("/kunden") view=CustomerListPage/>
                    <Route path=path!("/kunden/neu") view=CustomerNewPage/>
                    <Route path=path!("/kunden/:id") view=CustomerFilePage/>
                    <Route path=path!("/anruf") view=CallPage/>
                    <Route path=path!("/ansprache") view=OutreachPage/>
                    <Route path=path!("/leitfaden") view=PlaybookPage/>
                    <Route path=path!("/ueben") view=PracticePage/>
                    <Route path=path!("/daten") view=DataPage/>
                    <Route path=path!("/einstellungen") view=SettingsPage/>
                </Routes>
            </main>
            <NoticeBar/>
        </Router>
    }
}

fn open_state() -> AppState {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("kb-open-start");
    }
    let (store, dataset, quarantine, error) = match LocalStore::open() {
        Ok(local) => {
            let mut store = Store::new(local);
            store.set_decode_watch(crate::storage::decode_marker::watch);
            let mut opened = store.open(&clock::stamp());
            set_language(opened.dataset.settings.language);
            let mut error = opened.problems.first().map(storage_message);
            if opened.fresh {
                // The team starts from the method's own lines and makes them its own.
                let starter = starter_playbook(starter_written());
                match store.save_playbook(&starter) {
                    Ok(_) => opened.dataset.playbook = starter,
                    Err(e) => error = Some(storage_message(&e)),
                }
            }
            (Some(store), opened.dataset, opened.quarantine, error)
        }
        Err(e) => (
            None,
            Dataset::default(),
            Vec::new(),
            Some(storage_message(&e)),
        ),
    };
    // A User Timing entry, so benchmarks can compare start-up with reading the data.
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("kb-open", "kb-open-start");
    }
    AppState {
        data: RwSignal::new(dataset),
        quarantine: RwSignal::new(quarantine),
        error: RwSignal::new(error),
        notice: RwSignal::new(None),
        persist: RwSignal::new(None),
        store: StoredValue::new_local(store),
    }
}
