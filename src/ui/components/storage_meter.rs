use super::super::i18n::texts;
use super::super::state::app_state;
use crate::ui::locale::{format_count, format_percent};
use leptos::prelude::*;

/// Chromium's and Firefox's local storage quota, in UTF-16 units.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// How full local storage is, and how many more customers fit at today's average size.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let used = Memo::new(move |_| {
        state.data.track();
        state.store.with_value(|s| s.used_units()).unwrap_or(0)
    });
    let customers = Memo::new(move |_| state.data.with(|d| d.customers.len()));
    // The whole store divided by the customers: playbook and practice included, so the
    // estimate errs on the safe side.
    let fits_more = move || {
        let free = QUOTA_UNITS.saturating_sub(used.get());
        match used.get().checked_div(customers.get()) {
            Some(average) if average > 0 => Some(free / average),
            _ => None,
        }
    };
    let percent = move || used.get() as f64 * 100.0 / QUOTA_UNITS as f64;
    view! {
        <div class="storage-meter" data-testid="storage-meter" data-used=move || used.get().to_string()
            data-quota=QUOTA_UNITS.to_string() data-fits-more=move || fits_more().map(|n| n.to_string()).unwrap_or_default()>
            <p data-testid="storage-used">{move || (t.data_storage_used)(
                &format_count(used.get()),
                &format_count(QUOTA_UNITS),
                &format_percent(percent()),
            )}</p>
            <meter min="0" max=QUOTA_UNITS.to_string() low=(QUOTA_UNITS * 7 / 10).to_string() high=(QUOTA_UNITS * 9 / 10).to_string()
                optimum="0" value=move || used.get().to_string() aria-label=t.data_storage_title></meter>
            <p class="muted small">{move || match fits_more() {
                Some(n) => (t.storage_fits_more)(&format_count(n)),
                None => t.storage_fits_unknown.to_string(),
            }}</p>
        </div>
    }
}
