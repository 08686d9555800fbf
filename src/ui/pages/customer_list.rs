use super::super::components::class_badge::ClassBadge;
use super::super::components::duplicate_list::DuplicateList;
use super::super::components::link::A;
use super::super::components::merge_view::MergeView;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::customer::record::Customer;
use crate::domain::customer::search::{search, sorted_by_name, SearchEntry};
use crate::domain::ids::CustomerId;
use crate::ui::locale::format_euro_rounded;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Rows rendered at once; the rest is reached by refining the search.
const PAGE_SIZE: usize = 200;

/// The searchable customer list.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let (query, set_query) = signal(String::new());
    let entries = Memo::new(move |_| {
        state.data.with(|d| {
            d.customers
                .values()
                .map(SearchEntry::new)
                .collect::<Vec<_>>()
        })
    });
    let sorted_matches = Memo::new(move |_| {
        let ids = entries.with(|e| search(e, &query.get()));
        state.data.with(|d| sorted_by_name(&ids, &d.customers))
    });
    let total = move || state.data.with(|d| d.customers.len());
    let navigate = use_navigate();
    // "Dubletten finden" opens the groups; a pair chosen there opens the merge view.
    let finding = RwSignal::new(false);
    let merging = RwSignal::new(None::<(CustomerId, CustomerId)>);
    let on_merge = Callback::new(move |pair| merging.set(Some(pair)));
    let close_list = Callback::new(move |()| finding.set(false));
    let close_merge = Callback::new(move |()| merging.set(None));

    view! {
        <section class="page-head row-between">
            <h1>{t.customers_title}</h1>
            <div class="button-row">
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="duplicates-find"
                    aria-expanded=move || finding.get().to_string()
                    on:click=move |_| {
                        merging.set(None);
                        finding.set(true);
                    }
                >
                    {t.duplicates_find}
                </button>
                <button
                    class="button-primary"
                    data-testid="customer-new"
                    on:click=move |_| navigate("/kunden/neu", Default::default())
                >
                    {t.customers_new}
                </button>
            </div>
        </section>
        {move || match (finding.get(), merging.get()) {
            (true, Some((a, b))) => view! { <MergeView a=a b=b on_close=close_merge/> }.into_any(),
            (true, None) => view! { <DuplicateList on_merge=on_merge on_close=close_list/> }.into_any(),
            (false, _) => ().into_any(),
        }}
        <div class="search-box">
            <label for="customer-search">{t.customers_search}</label>
            <input
                id="customer-search"
                type="search"
                data-testid="customer-search"
                placeholder=t.customers_search_hint
                prop:value=query
                on:input=move |ev| set_query.set(event_target_value(&ev))
            />
            <p class="muted small" data-testid="customer-count">
                {move || (t.customers_count)(sorted_matches.with(Vec::len), total())}
            </p>
        </div>
        <ul class="customer-list" data-testid="customer-list">
            {move || {
                let ids = sorted_matches.get();
                let shown: Vec<_> = ids.iter().take(PAGE_SIZE).copied().collect();
                let rows: Vec<Customer> = state
                    .data
                    .with(|d| shown.iter().filter_map(|id| d.customers.get(id).cloned()).collect());
                rows.into_iter()
                    .map(|c| {
                        let class = c.class();
                        let href = format!("/kunden/{}", c.id);
                        view! {
                            <li
                                class=format!("customer-row class-edge-{}", class.letter().to_lowercase())
                                data-testid="customer-row"
                                data-customer-id=c.id.to_string()
                                data-class=class.letter()
                            >
                                <ClassBadge class=class/>
                                <A href=href attr:class="row-main">
                                    <span class="row-name">{c.fields.name}</span>
                                    <span class="row-company muted">{c.fields.company}</span>
                                </A>
                                <span class="row-number muted">{c.fields.number}</span>
                                <span class="row-revenue">{format_euro_rounded(c.fields.revenue_cents)}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <Show when=move || { sorted_matches.with(Vec::is_empty) && total() > 0 }>
            <p class="muted">{t.customers_none_found}</p>
        </Show>
        <Show when=move || { sorted_matches.with(Vec::len) > PAGE_SIZE }>
            <p class="muted">{move || (t.customers_more)(sorted_matches.with(Vec::len) - PAGE_SIZE)}</p>
        </Show>
        <Show when=move || total() == 0>
            <super::board::EmptyState/>
        </Show>
    }
}
