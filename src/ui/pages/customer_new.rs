use super::super::components::customer_form::CustomerForm;
use super::super::i18n::texts;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// An empty customer file; saving creates the customer and opens its file. An unknown
/// caller's number arrives as `?telefon=…` and is filled in.
#[component]
pub fn CustomerNewPage() -> impl IntoView {
    let phone = use_query_map()
        .with_untracked(|q| q.get("telefon"))
        .unwrap_or_default();
    view! {
        <section class="page-head">
            <h1>{texts().customer_new_title}</h1>
        </section>
        <CustomerForm customer=None phone=phone/>
    }
}
