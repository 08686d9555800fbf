use super::super::i18n::texts;
use super::super::state::app_state;
use crate::storage::capacity::{Capacity, ALARM_UNITS, QUOTA_UNITS, WARN_UNITS};
use crate::ui::locale::{format_count, format_percent};
use leptos::prelude::*;

/// How full local storage is, and how many more customers fit at today's average size.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let used = Memo::new(move |_| {
        state.track_data();
        state.store.with_value(|s| s.used_units()).unwrap_or(0)
    });
    let customers = Memo::new(move |_| state.customers.with(|all| all.len()));
    let capacity = move || Capacity::of(used.get(), customers.get());
    view! {
        <div class="storage-meter" data-testid="storage-meter" data-used=move || used.get().to_string()
            data-quota=QUOTA_UNITS.to_string() data-fits-more=move || capacity().fits_more.map(|n| n.to_string()).unwrap_or_default()>
            <p data-testid="storage-used">{move || (t.data.storage_used)(
                &format_count(used.get()),
                &format_count(QUOTA_UNITS),
                &format_percent(capacity().percent),
            )}</p>
            <meter min="0" max=QUOTA_UNITS.to_string() low=WARN_UNITS.to_string() high=ALARM_UNITS.to_string()
                optimum="0" value=move || used.get().to_string() aria-label=t.data.storage_title></meter>
            <p class="muted small">{move || match capacity().fits_more {
                Some(n) => (t.storage_fits_more)(&format_count(n)),
                None => t.storage_fits_unknown.to_string(),
            }}</p>
        </div>
    }
}
