//! Asks the browser to keep this origin's data even under storage pressure.

use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersistState {
    Granted,
    Denied,
    /// The browser has no storage manager (older Safari, some webviews).
    Unsupported,
}

pub async fn request_persistence() -> PersistState {
    let Some(window) = web_sys::window() else {
        return PersistState::Unsupported;
    };
    let manager = window.navigator().storage();
    let Ok(promise) = manager.persist() else {
        return PersistState::Unsupported;
    };
    match JsFuture::from(promise).await {
        Ok(value) if value.as_bool() == Some(true) => PersistState::Granted,
        Ok(_) => PersistState::Denied,
        Err(_) => PersistState::Unsupported,
    }
}
