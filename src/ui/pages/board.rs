use super::super::components::class_badge::{class_name, ClassBadge};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::data::DemoLoadButton;
use crate::domain::class::CustomerClass;
use crate::domain::money::format_euro_rounded;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home screen. Until the board is built it shows the classes with count and
/// revenue, and the first-start offer of demo data.
#[component]
pub fn BoardPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let is_empty = move || state.data.with(|d| d.is_empty());
    view! {
        <Show when=move || !is_empty() fallback=|| view! { <EmptyState/> }>
            <section class="page-head">
                <h1>{t.board_title}</h1>
                <p class="muted">{t.board_coming}</p>
            </section>
            <div class="class-overview">
                {CustomerClass::BOARD_ORDER
                    .into_iter()
                    .map(|class| {
                        let summary = move || state.data.with(|d| d.class_summary(class));
                        view! {
                            <article
                                class=format!("class-tile class-edge-{}", class.letter().to_lowercase())
                                data-testid="class-tile"
                                data-class=class.letter()
                            >
                                <ClassBadge class=class/>
                                <div>
                                    <h2>{class_name(class)}</h2>
                                    <p class="tile-count">{move || (t.board_customers)(summary().count)}</p>
                                    <p class="tile-sum">{move || format_euro_rounded(summary().revenue_cents)}</p>
                                </div>
                            </article>
                        }
                    })
                    .collect_view()}
            </div>
        </Show>
    }
}

/// "Noch keine Kunden": what to do next, with one primary action.
#[component]
pub fn EmptyState() -> impl IntoView {
    let t = texts();
    view! {
        <section class="empty-state" data-testid="empty-state">
            <div class="empty-badges" aria-hidden="true">
                <span class="class-badge class-a badge-small">"A"</span>
                <span class="class-badge class-b badge-small">"B"</span>
                <span class="class-badge class-o badge-small">"O"</span>
                <span class="class-badge class-c badge-small">"C"</span>
            </div>
            <h1>{t.empty_title}</h1>
            <p class="muted">{t.app_tagline}</p>
            <div class="empty-actions">
                <DemoLoadButton/>
                <A href="/daten">{t.empty_csv}</A>
            </div>
        </section>
    }
}
