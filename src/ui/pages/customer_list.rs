use super::super::components::class_badge::ClassBadge;
use super::super::components::duplicate_list::DuplicateList;
use super::super::components::link::A;
use super::super::components::merge_view::MergeView;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::record::Customer;
use crate::domain::customer::search::{search, sorted_by_name};
use crate::domain::ids::CustomerId;
use crate::ui::locale::format_euro_rounded;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Rows rendered at once; the rest is reached by refining the search.
const PAGE_SIZE: usize = 200;

/// What one row shows. Rows are keyed by it, so an edit renders the rows it changed
/// and leaves the others in place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ListRow {
    id: CustomerId,
    class: CustomerClass,
    name: String,
    company: String,
    number: String,
    revenue_cents: i64,
}

impl ListRow {
    fn new(c: &Customer) -> Self {
        ListRow {
            id: c.id,
            class: c.class(),
            name: c.fields.name.clone(),
            company: c.fields.company.clone(),
            number: c.fields.number.clone(),
            revenue_cents: c.fields.revenue_cents,
        }
    }
}

/// The searchable customer list.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let (query, set_query) = signal(String::new());
    let sorted_matches = Memo::new(move |_| {
        let ids = state
            .search_index
            .with(|index| search(index.entries(), &query.get()));
        state.customers.with(|all| sorted_by_name(&ids, all))
    });
    let rows = Memo::new(move |_| {
        sorted_matches.with(|ids| {
            state.customers.with(|all| {
                ids.iter()
                    .take(PAGE_SIZE)
                    .filter_map(|id| all.get(id).map(ListRow::new))
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = move || state.customers.with(|all| all.len());
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
            <For each=move || rows.get() key=|row| row.clone() let(row)>
                <li
                    class=format!("customer-row class-edge-{}", row.class.letter().to_lowercase())
                    data-testid="customer-row"
                    data-customer-id=row.id.to_string()
                    data-class=row.class.letter()
                >
                    <ClassBadge class=row.class/>
                    <A href=format!("/kunden/{}", row.id) attr:class="row-main">
                        <span class="row-name">{row.name}</span>
                        <span class="row-company muted">{row.company}</span>
                    </A>
                    <span class="row-number muted">{row.number}</span>
                    <span class="row-revenue">{format_euro_rounded(row.revenue_cents)}</span>
                </li>
            </For>
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
