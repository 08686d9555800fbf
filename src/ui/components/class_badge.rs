use super::super::i18n::texts;
use crate::domain::customer::class::CustomerClass;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeSize {
    Small,
    Large,
}

pub fn class_name(class: CustomerClass) -> &'static str {
    let t = texts();
    match class {
        CustomerClass::A => t.class_name_a,
        CustomerClass::B => t.class_name_b,
        CustomerClass::C => t.class_name_c,
        CustomerClass::O => t.class_name_o,
    }
}

/// The class letter on its class colour; the letter is always there, so colour is
/// never the only signal.
#[component]
pub fn ClassBadge(
    /// The class to show.
    #[prop(into)]
    class: Signal<CustomerClass>,
    /// Small in lists, large on the customer file.
    #[prop(default = BadgeSize::Small)]
    size: BadgeSize,
) -> impl IntoView {
    let css = move || {
        let size = match size {
            BadgeSize::Small => "badge-small",
            BadgeSize::Large => "badge-large",
        };
        format!(
            "class-badge class-{} {size}",
            class.get().letter().to_lowercase()
        )
    };
    view! {
        <span
            class=css
            data-testid="class-badge"
            data-class=move || class.get().letter()
            title=move || class_name(class.get())
            aria-label=move || class_name(class.get())
        >
            {move || class.get().letter()}
        </span>
    }
}
