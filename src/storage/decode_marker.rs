//! Names the stored key being decoded in session storage, for [`Store::set_decode_watch`].
//!
//! A panic in wasm cannot be caught, and with `panic = "abort"` it ends the app. If that
//! happens while a value is decoded, `kb-decoding` still names its key, and the page's
//! recovery script (`pwa/recovery.js`) moves that value into quarantine before the next
//! start, so one bad value cannot lock the user out. Session storage is used because it
//! survives a reload of this tab but is never shared with other tabs.
//!
//! [`Store::set_decode_watch`]: super::engine::Store::set_decode_watch

/// The session-storage key of the marker; `pwa/recovery.js` reads the same name.
pub const MARKER_KEY: &str = "kb-decoding";

/// Test switch in local storage: when it holds the key being decoded, decoding that key
/// panics, so the recovery path can be tested end to end. It lies outside the `kb:`
/// prefix, so the engine never reads, moves or backs it up.
pub const TEST_PANIC_KEY: &str = "kb-test-panic";

/// `Some(key)`: decoding of `key` starts; `None`: decoding is over.
pub fn watch(key: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Best effort: without session storage there is no marker, and the app still starts.
    if let Some(session) = window.session_storage().ok().flatten() {
        let _marker_is_best_effort = match key {
            Some(key) => session.set_item(MARKER_KEY, key),
            None => session.remove_item(MARKER_KEY),
        };
    }
    if let Some(key) = key {
        let forced = window
            .local_storage()
            .ok()
            .flatten()
            .and_then(|local| local.get_item(TEST_PANIC_KEY).ok().flatten());
        if forced.as_deref() == Some(key) {
            panic!("forced test panic while decoding {key}");
        }
    }
}
