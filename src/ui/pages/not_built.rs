use super::super::i18n::texts;
use leptos::prelude::*;

/// An address the app does not know says so plainly.
#[component]
pub fn NotBuilt() -> impl IntoView {
    let t = texts();
    view! {
        <section class="panel not-built" data-testid="not-built">
            <h1>{t.not_built_title}</h1>
            <p>{t.not_built_text}</p>
        </section>
    }
}
