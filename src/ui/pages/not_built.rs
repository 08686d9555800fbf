use super::super::i18n::texts;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotBuiltArea {
    Practice,
    Unknown,
}

/// A screen that is planned but not built yet says so plainly.
#[component]
pub fn NotBuilt(
    /// Which screen this stands in for.
    area: NotBuiltArea,
) -> impl IntoView {
    let t = texts();
    let (title, text) = match area {
        NotBuiltArea::Practice => (t.nav_practice, t.not_built_practice),
        NotBuiltArea::Unknown => (t.not_built_title, t.not_built_text),
    };
    view! {
        <section class="panel not-built" data-testid="not-built">
            <h1>{title}</h1>
            <p class="status-tag">{t.not_built_title}</p>
            <p>{text}</p>
        </section>
    }
}
