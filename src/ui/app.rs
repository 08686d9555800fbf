//! The shell: opening storage, navigation, banners and routes.

use super::actions;
use super::clock;
use super::components::banner::InfoBanner;
use super::components::banner::{ErrorBanner, NoticeBar};
use super::components::incoming_call::{provide_incoming_call, IncomingCallRelay};
use super::components::lazy_screen::LazyScreen;
use super::components::link::app_base;
use super::components::nav::{CallShortcut, TopNav};
use super::components::pwa::UpdateNotice;
use super::i18n::{set_language, storage_message, texts};
use super::pages::board::BoardPage;
use super::pages::call::CallPage;
use super::pages::customer_file::CustomerFilePage;
use super::pages::customer_list::CustomerListPage;
use super::pages::customer_new::CustomerNewPage;
use super::pages::not_built::NotBuilt;
use super::pages::split_screens::{
    data_screen, outreach_screen, playbook_screen, practice_screen, settings_screen,
};
use super::state::AppState;
use super::state::AppStore;
use crate::domain::playbook::starter::{starter_playbook, starter_written};
use crate::storage::backend::{CutOffStore, KeyValueStore, MemoryStore};
use crate::storage::engine::{Opened, Store};
use crate::storage::local::LocalStore;
use crate::storage::{lock, persist, tab_session, test_switch};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// What the start found, read under the cross-tab lock before the first paint.
pub struct Boot {
    store: AppStore,
    opened: Opened,
    error: Option<String>,
}

/// Opens local storage (memory for this session if the browser blocks it), puts back
/// an unfinished write, migrates, and reads everything, all while holding the lock.
pub async fn open_storage() -> Boot {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("kb-open-start");
    }
    let boot = lock::exclusive(|| {
        let (backend, blocked): (Box<dyn KeyValueStore>, _) = match LocalStore::open() {
            Ok(local) => match test_switch::cut_off_after() {
                Some(budget) => (Box::new(CutOffStore::new(local, budget)), None),
                None => (Box::new(local), None),
            },
            Err(e) => (Box::new(MemoryStore::default()), Some(e)),
        };
        let mut store = Store::new(backend);
        store.set_decode_watch(crate::storage::decode_marker::watch);
        let mut opened = store.open(&clock::stamp());
        set_language(opened.dataset.settings.language);
        let mut error = blocked
            .as_ref()
            .or(opened.problems.first())
            .map(storage_message)
            .or_else(|| tab_session::take_set_aside_key().map(|key| (texts().err.set_aside)(&key)));
        if opened.fresh {
            // The team starts from the method's own lines and makes them its own.
            let starter = starter_playbook(starter_written());
            match store.save_playbook(&starter) {
                Ok(_) => opened.dataset.playbook = starter,
                Err(e) => error = Some(storage_message(&e)),
            }
        }
        Boot {
            store,
            opened,
            error,
        }
    })
    .await;
    // A User Timing entry, so benchmarks can compare start-up with reading the data.
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("kb-open", "kb-open-start");
    }
    boot
}

/// Provides the app state to every screen.
#[component]
pub fn App(boot: Boot) -> impl IntoView {
    let state = app_state_from(boot);
    provide_context(state);
    let t = texts();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", t.html_lang);
    }
    if actions::listen_to_other_tabs(state).is_err() {
        state.show_error(t.err.tab_listener.to_string());
    }
    leptos::task::spawn_local(async move {
        let granted = persist::request_persistence().await;
        state.persist.set(Some(granted));
    });

    provide_incoming_call();

    view! {
        <Router base=app_base()>
            <a class="skip-link" href="#main">{t.skip_to_content}</a>
            <TopNav/>
            <CallShortcut/>
            <IncomingCallRelay/>
            <ErrorBanner/>
            <InfoBanner/>
            <main id="main" class="page" tabindex="-1">
                <UpdateNotice/>
                <Routes fallback=|| view! { <NotBuilt/> }>
                    <Route path=path!("/") view=BoardPage/>
                    <Route path=path!("/kunden") view=CustomerListPage/>
                    <Route path=path!("/kunden/neu") view=CustomerNewPage/>
                    <Route path=path!("/kunden/:id") view=CustomerFilePage/>
                    <Route path=path!("/anruf") view=CallPage/>
                    <Route path=path!("/ansprache") view=|| view! { <LazyScreen load=outreach_screen/> }/>
                    <Route path=path!("/leitfaden") view=|| view! { <LazyScreen load=playbook_screen/> }/>
                    <Route path=path!("/ueben") view=|| view! { <LazyScreen load=practice_screen/> }/>
                    <Route path=path!("/daten") view=|| view! { <LazyScreen load=data_screen/> }/>
                    <Route path=path!("/einstellungen") view=|| view! { <LazyScreen load=settings_screen/> }/>
                </Routes>
            </main>
            <NoticeBar/>
        </Router>
    }
}

fn app_state_from(boot: Boot) -> AppState {
    let Boot {
        store,
        opened,
        error,
    } = boot;
    let t = texts();
    let info = if let Some(recovered) = &opened.recovered {
        Some((t.storage_recovered)(recovered.keys.len()))
    } else if opened.migrated && opened.legacy_copy {
        Some(t.storage_migrated.to_string())
    } else if lock::locks_missing() {
        Some(t.locks_missing.to_string())
    } else {
        None
    };
    let mut dataset = opened.dataset;
    // The trainee belongs to the tab; a new tab starts with the one chosen last.
    if let Some(mine) = dataset.practice.still_listed(tab_session::active_trainee()) {
        dataset.practice.active = Some(mine);
    }
    let state = AppState::new(dataset, store);
    state.quarantine.set(opened.quarantine);
    state.error.set(error);
    state.info.set(info);
    state.legacy_copy.set(opened.legacy_copy);
    state
}
