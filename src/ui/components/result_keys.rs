//! The keyboard over a search field's results: the arrows move the highlight within
//! the list, Enter picks the highlighted row. The caller lookup and the objection
//! search share it, so both lists answer the keys alike.

use leptos::prelude::*;

/// Handles one key press in the field; `count` is how many results are listed now.
pub fn on_result_keys(
    ev: &leptos::ev::KeyboardEvent,
    count: usize,
    highlighted: RwSignal<usize>,
    pick: impl Fn(usize),
) {
    match ev.key().as_str() {
        "ArrowDown" if count > 0 => {
            ev.prevent_default();
            highlighted.update(|h| *h = (*h + 1).min(count - 1));
        }
        "ArrowUp" if count > 0 => {
            ev.prevent_default();
            highlighted.update(|h| *h = h.saturating_sub(1));
        }
        "Enter" => {
            ev.prevent_default();
            pick(highlighted.get_untracked());
        }
        _ => {}
    }
}
