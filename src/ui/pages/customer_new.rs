use super::super::components::customer_form::CustomerForm;
use super::super::i18n::texts;
use leptos::prelude::*;

/// An empty customer file; saving creates the customer and opens its file.
#[component]
pub fn CustomerNewPage() -> impl IntoView {
    view! {
        <section class="page-head">
            <h1>{texts().customer_new_title}</h1>
        </section>
        <CustomerForm customer=None/>
    }
}
