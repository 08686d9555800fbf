//! Listens for values other tabs write. The `storage` event fires only in the tabs
//! that did not write, so a tab never hears its own changes back.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The key and new value of a change made in another tab.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignWrite {
    pub key: Option<String>,
    pub value: Option<String>,
}

/// Calls `on_write` for every change other tabs make to local storage, for as long as
/// the page lives. An error means this tab will not hear of other tabs' changes.
pub fn listen(on_write: impl Fn(ForeignWrite) + 'static) -> Result<(), wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or(wasm_bindgen::JsValue::NULL)?;
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            on_write(ForeignWrite {
                key: event.key(),
                value: event.new_value(),
            });
        });
    window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref())?;
    // The listener lives as long as the page.
    handler.forget();
    Ok(())
}
