use super::super::i18n::texts;
use super::board_card::BoardCard;
use super::class_badge::{class_name, ClassBadge};
use crate::domain::board::columns::BoardColumn as ColumnData;
use crate::domain::customer::class::CustomerClass;
use crate::domain::ids::CustomerId;
use crate::ui::locale::{format_count, format_euro_rounded};
use leptos::prelude::*;

/// Cards rendered per column at first; more on request. Counts and sums stay exact.
const WINDOW: usize = 40;

/// One class column: header with count and revenue, a window of cards, and a drop zone.
#[component]
pub fn BoardColumnView(
    class: CustomerClass,
    /// The filtered customers of this column, in order.
    #[prop(into)]
    column: Signal<ColumnData>,
    /// Shown first, so a card just moved here is visible at once.
    #[prop(into)]
    pinned: Signal<Option<CustomerId>>,
    on_move: Callback<(CustomerId, CustomerClass)>,
) -> impl IntoView {
    let t = texts();
    let limit = RwSignal::new(WINDOW);
    let drag_over = RwSignal::new(false);
    let visible = Memo::new(move |_| {
        let pinned = pinned.get();
        column.with(|c| c.window(pinned, limit.get()))
    });
    let hidden = move || column.with(|c| c.hidden(visible.with(Vec::len)));
    let letter = class.letter().to_lowercase();
    let heading_id = format!("board-column-{letter}");
    let labelled_by = heading_id.clone();

    view! {
        <section
            class=format!("board-column column-{letter}")
            class:drag-over=drag_over
            data-testid="board-column"
            data-class=class.letter()
            aria-labelledby=labelled_by
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                drag_over.set(true);
            }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                drag_over.set(false);
                let id = ev
                    .data_transfer()
                    .and_then(|t| t.get_data("text/plain").ok())
                    .and_then(|text| text.parse::<CustomerId>().ok());
                if let Some(id) = id {
                    on_move.run((id, class));
                }
            }
        >
            <header class="column-head">
                <ClassBadge class=class/>
                <h2 id=heading_id>{class_name(class)}</h2>
                <p class="column-stats">
                    <span class="column-count" data-testid="board-column-count">{move || column.with(|c| format_count(c.ids.len()))}</span>
                    <span class="column-revenue" data-testid="board-column-revenue">{move || column.with(|c| format_euro_rounded(c.revenue_cents))}</span>
                </p>
            </header>
            <ul class="column-cards">
                <For each=move || visible.get() key=|id| *id let(id)>
                    <BoardCard id=id on_move=on_move highlighted=Signal::derive(move || pinned.get() == Some(id))/>
                </For>
            </ul>
            <Show when=move || column.with(|c| c.ids.is_empty())>
                <p class="column-empty muted small">{t.board.column_empty}</p>
            </Show>
            <Show when=move || { hidden() > 0 }>
                <button
                    type="button"
                    class="button-secondary column-more"
                    data-testid="board-column-more"
                    on:click=move |_| limit.update(|l| *l += WINDOW * 5)
                >
                    {move || (t.board.show_more)(hidden())}
                </button>
            </Show>
        </section>
    }
}
