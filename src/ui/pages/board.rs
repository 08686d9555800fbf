use super::super::actions::{self, LastMove};
use super::super::components::abc_panel::AbcPanel;
use super::super::components::board_column::BoardColumnView;
use super::super::components::class_badge::ClassBadge;
use super::super::components::link::A;
use super::super::components::move_panel::MovePanel;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::data::DemoLoadButton;
use crate::domain::board::columns::{all_tags, board_columns, column_index, BoardFilter};
use crate::domain::customer::class::CustomerClass;
use crate::domain::ids::CustomerId;
use crate::ui::locale::format_count;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The home screen: the classification board, or the first-start offer when empty.
#[component]
pub fn BoardPage() -> impl IntoView {
    let state = app_state();
    let is_empty = move || state.customers.with(|all| all.is_empty());
    view! {
        <Show when=move || !is_empty() fallback=|| view! { <EmptyState/> }>
            <Board/>
        </Show>
    }
}

/// The filter as the URL holds it: `?q=…&tag=…&markiert=1&ansicht=potenzial`.
fn filter_url(filter: &BoardFilter) -> String {
    let mut params = Vec::new();
    let encode = |v: &str| String::from(js_sys::encode_uri_component(v));
    if !filter.text.is_empty() {
        params.push(format!("q={}", encode(&filter.text)));
    }
    if !filter.tag.is_empty() {
        params.push(format!("tag={}", encode(&filter.tag)));
    }
    if filter.potential_flag {
        params.push("markiert=1".to_string());
    }
    if filter.potential_view {
        params.push("ansicht=potenzial".to_string());
    }
    if params.is_empty() {
        "/".to_string()
    } else {
        format!("/?{}", params.join("&"))
    }
}

#[component]
fn Board() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| BoardFilter {
            text: q.get("q").unwrap_or_default(),
            tag: q.get("tag").unwrap_or_default(),
            potential_flag: q.get("markiert").as_deref() == Some("1"),
            potential_view: q.get("ansicht").as_deref() == Some("potenzial"),
        })
    });
    let navigate = use_navigate();
    let set_filter = move |change: &dyn Fn(&mut BoardFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        navigate(
            &filter_url(&next),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    // One pass over the customers per change; each column is its own memo, so only
    // the columns a move changed render again.
    let columns = Memo::new(move |_| {
        let filter = filter.get();
        // A User Timing mark, so the state benchmark can count how often this runs.
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("kb-board-columns");
        }
        state
            .customers
            .with(|all| board_columns(all.values(), &filter))
    });
    let column_of = CustomerClass::BOARD_ORDER
        .map(|class| Memo::new(move |_| columns.with(|c| c[column_index(class)].clone())));
    let column_of = move |class: CustomerClass| column_of[column_index(class)];
    // Read when the board opens and whenever the tag list is about to be used, not on
    // every move: with 10,000 customers that would cost more than a frame.
    let tags = RwSignal::new(state.customers.with_untracked(|all| all_tags(all.values())));
    let refresh_tags = move || {
        let fresh = state.customers.with_untracked(|all| all_tags(all.values()));
        if tags.with_untracked(|t| *t != fresh) {
            tags.set(fresh);
        }
    };
    let last_move = RwSignal::new(None::<LastMove>);
    let pinned = Signal::derive(move || last_move.with(|m| m.as_ref().map(|m| m.id)));
    let on_move = Callback::new(move |(id, to): (CustomerId, CustomerClass)| {
        leptos::task::spawn_local(async move {
            if let Ok(Some(moved)) = actions::move_customer(state, id, to).await {
                last_move.set(Some(moved));
            }
        });
    });
    let abc_open = RwSignal::new(false);
    let chosen_class = RwSignal::new(CustomerClass::A);
    let phone_class = Memo::new(move |_| {
        let chosen = chosen_class.get();
        filter.with(|f| f.phone_class(chosen))
    });

    let set_text = set_filter.clone();
    let set_tag = set_filter.clone();
    let set_flag = set_filter.clone();
    let set_view = set_filter.clone();
    let reset = set_filter;

    view! {
        <section class="board-head">
            <div class="row-between">
                <h1>{t.nav_board}</h1>
                <button type="button" class="button-secondary" data-testid="abc-propose" on:click=move |_| abc_open.set(true)>
                    {t.abc_propose}
                </button>
            </div>
            <div class="board-filters" role="search" aria-label=t.board.filter_label>
                <div class="field">
                    <label for="board-filter-text">{t.board.filter_text}</label>
                    <input
                        id="board-filter-text"
                        type="search"
                        data-testid="board-filter-text"
                        placeholder=t.board.filter_text_hint
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            set_text(&|f| f.text = value.clone());
                        }
                    />
                </div>
                <div class="field">
                    <label for="board-filter-tag">{t.board.filter_tag}</label>
                    <select
                        id="board-filter-tag"
                        data-testid="board-filter-tag"
                        on:focus=move |_| refresh_tags()
                        on:pointerdown=move |_| refresh_tags()
                        prop:value=move || filter.with(|f| f.tag.clone())
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            set_tag(&|f| f.tag = value.clone());
                        }
                    >
                        <option value="">{t.board.filter_tag_all}</option>
                        {move || tags.get().into_iter().map(|tag| {
                            let selected = filter.with_untracked(|f| f.tag == tag);
                            view! { <option value=tag.clone() selected=selected>{tag.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="board-filter-potential"
                        prop:checked=move || filter.with(|f| f.potential_flag)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            set_flag(&|f| f.potential_flag = on);
                        }
                    />
                    {t.board.filter_potential}
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="board-view-potential"
                        prop:checked=move || filter.with(|f| f.potential_view)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            set_view(&|f| f.potential_view = on);
                        }
                    />
                    {t.board.view_potential}
                </label>
                <Show when=move || filter.with(BoardFilter::is_active)>
                    <button type="button" class="button-link" data-testid="board-filter-reset" on:click={
                        let reset = reset.clone();
                        move |_| reset(&|f| *f = BoardFilter::default())
                    }>
                        {t.board.filter_reset}
                    </button>
                </Show>
            </div>
            <p class="muted small">{t.board.drag_hint}</p>
        </section>
        <Show when=move || abc_open.get()>
            <AbcPanel open=abc_open/>
        </Show>
        // On a phone one class shows at a time; the tabs carry each column's count.
        <div class="board-tabs" role="tablist" aria-label=t.board.tabs_label>
            {CustomerClass::BOARD_ORDER
                .into_iter()
                .map(|class| {
                    let count = move || column_of(class).with(|c| format_count(c.ids.len()));
                    view! {
                        <Show when=move || filter.with(|f| f.shows_class(class))>
                            <button
                                type="button"
                                role="tab"
                                class="board-tab"
                                data-testid="board-tab"
                                data-class=class.letter()
                                aria-selected=move || (phone_class.get() == class).to_string()
                                on:click=move |_| chosen_class.set(class)
                            >
                                <ClassBadge class=class/>
                                <span class="board-tab-count">{count}</span>
                            </button>
                        </Show>
                    }
                })
                .collect_view()}
        </div>
        <div class="board" data-phone-class=move || phone_class.get().letter()>
            {CustomerClass::BOARD_ORDER
                .into_iter()
                .map(|class| {
                    let column = column_of(class);
                    view! {
                        <Show when=move || filter.with(|f| f.shows_class(class))>
                            <BoardColumnView class=class column=column pinned=pinned on_move=on_move/>
                        </Show>
                    }
                })
                .collect_view()}
        </div>
        <MovePanel last_move=last_move/>
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
