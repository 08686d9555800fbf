use super::super::i18n::texts;
use super::backup_reminder::BackupReminderChip;
use super::link::A;
use leptos::prelude::*;

/// The top bar: product name and one link per screen. On a phone the links sit behind a
/// menu button, two columns of them, so every screen is one tap away and no label is cut.
#[component]
pub fn TopNav() -> impl IntoView {
    let t = texts();
    let open = RwSignal::new(false);
    let links: [(&str, &str, &str); 8] = [
        ("/", t.nav_board, "nav-board"),
        ("/kunden", t.nav_customers, "nav-customers"),
        ("/anruf", t.nav_call, "nav-call"),
        ("/ansprache", t.nav_outreach, "nav-outreach"),
        ("/leitfaden", t.nav_playbook, "nav-playbook"),
        ("/ueben", t.nav_practice, "nav-practice"),
        ("/daten", t.nav_data, "nav-data"),
        ("/einstellungen", t.nav_settings, "nav-settings"),
    ];
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"K"</span>
                <span class="brand-name">{t.app_name}</span>
            </div>
            <button
                type="button"
                class="nav-toggle button-secondary"
                data-testid="nav-menu"
                aria-controls="nav-links"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {t.nav_menu}
            </button>
            <nav aria-label=t.nav_label on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
                <ul id="nav-links" class="nav-links" class:open=move || open.get()>
                    {links
                        .into_iter()
                        .map(|(href, label, testid)| {
                            view! {
                                <li on:click=move |_| open.set(false)>
                                    <A href=href exact=true attr:data-testid=testid>
                                        {label}
                                        {(testid == "nav-call").then(|| view! { <kbd class="nav-kbd" title=t.shortcut_hint>"/"</kbd> })}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <BackupReminderChip/>
        </header>
    }
}

/// `/` and Ctrl+K (⌘K) open the caller lookup from any screen, except while typing.
#[component]
pub fn CallShortcut() -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let slash = ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key();
        let ctrl_k = (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("k");
        if !(slash || ctrl_k) || (slash && is_typing(&ev)) {
            return;
        }
        ev.prevent_default();
        navigate("/anruf", Default::default());
        focus_call_search();
    });
    on_cleanup(move || handle.remove());
}

pub fn is_typing(ev: &leptos::ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

/// Focuses the lookup once the call screen is on the page.
pub fn focus_call_search() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let input = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("call-search"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            let _ = input.focus();
        }
    });
}
