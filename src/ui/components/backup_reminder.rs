use super::super::clock;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::link::A;
use crate::ui::locale::format_date;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A calm reminder in the header once enough changed or enough days passed since the
/// last backup. On the data page itself the page says it, so the header stays quiet.
#[component]
pub fn BackupReminderChip() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let location = use_location();
    let due = move || {
        !location.pathname.get().ends_with("/daten")
            && state.backup.with(|backup| {
                let has_data = state.customers.with(|all| !all.is_empty());
                state
                    .settings
                    .with(|s| backup.reminder_due(s, clock::today(), has_data))
            })
    };
    let last = move || {
        state.backup.with(|backup| match backup.last_backup {
            Some(day) => (t.backup_chip_last)(&format_date(day)),
            None => t.backup_chip_never.to_string(),
        })
    };
    view! {
        <Show when=due>
            <A href="/daten" attr:class="backup-chip" attr:data-testid="backup-reminder">
                <span aria-hidden="true">"⟳ "</span>
                {t.backup_chip} <span class="muted small">" · " {last}</span>
            </A>
        </Show>
    }
}
