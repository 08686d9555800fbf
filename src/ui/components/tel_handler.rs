//! Klassenblick as the browser's handler for `tel:` links, so a click on a phone number
//! anywhere opens the caller's card here.

use super::super::i18n::texts;
use super::link::app_base;
use leptos::prelude::*;

/// What came of asking the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Registration {
    Asked,
    Unsupported,
    Refused,
}

/// The handler address, `%s` standing for the whole `tel:` URI.
fn handler_url() -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    Some(format!("{origin}{}/anruf?nummer=%s", app_base()))
}

fn register() -> Registration {
    let Some(window) = web_sys::window() else {
        return Registration::Unsupported;
    };
    let navigator = window.navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &"registerProtocolHandler".into()).unwrap_or(false);
    match handler_url() {
        Some(url) if supported => {
            match navigator.register_protocol_handler("tel", &url, "Klassenblick") {
                Ok(()) => Registration::Asked,
                Err(_) => Registration::Refused,
            }
        }
        _ => Registration::Unsupported,
    }
}

#[component]
pub fn TelHandlerSetting() -> impl IntoView {
    let t = texts();
    let outcome = RwSignal::new(None::<Registration>);
    view! {
        <fieldset class="form-section">
            <legend>{t.settings.calls}</legend>
            <p class="muted small">{t.settings.calls_hint}</p>
            <div class="form-actions">
                <button type="button" class="button-secondary" data-testid="settings-tel-handler"
                    on:click=move |_| outcome.set(Some(register()))>
                    {t.settings.tel_handler}
                </button>
            </div>
            {move || outcome.get().map(|o| {
                let text = match o {
                    Registration::Asked => t.settings.tel_handler_asked,
                    Registration::Unsupported => t.settings.tel_handler_unsupported,
                    Registration::Refused => t.settings.tel_handler_refused,
                };
                view! { <p role="status" data-testid="settings-tel-handler-status" data-outcome=format!("{o:?}").to_lowercase()>{text}</p> }
            })}
        </fieldset>
    }
}
