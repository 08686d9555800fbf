//! When the app panics, the page's recovery script takes over.
//!
//! With `panic = "abort"` a panic ends the wasm app for good, so nothing in Rust can show
//! an error after it. The hook runs just before the abort and hands the message to
//! `window.kbShowRecovery` (`pwa/recovery.js`, plain JavaScript), which replaces the page
//! with a way back: a raw backup, a start without the damaged value, a reload.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = JsValue::from_str(&info.to_string());
        let global = js_sys::global();
        if let Ok(console) = Reflect::get(&global, &JsValue::from_str("console")) {
            call(&console, "error", &message);
        }
        call(&global, "kbShowRecovery", &message);
    }));
}

/// Calls `target[name](argument)` if it is a function; a page without the recovery script
/// (a test harness, say) simply gets nothing.
fn call(target: &JsValue, name: &str, argument: &JsValue) {
    let function = Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(function) = function {
        let _shown_or_not = function.call1(target, argument);
    }
}
