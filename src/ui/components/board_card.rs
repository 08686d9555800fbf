use super::super::clock;
use super::super::format::hook_label;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::class_badge::ClassBadge;
use super::link::A;
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::hook::NoteValidity;
use crate::domain::ids::CustomerId;
use crate::ui::locale::format_euro_rounded;
use leptos::prelude::*;

/// One customer on the board: draggable, and movable by its menu for keyboard and touch.
#[component]
pub fn BoardCard(
    /// The customer shown.
    id: CustomerId,
    /// Called with the target class when the user moves the card by its menu.
    on_move: Callback<(CustomerId, CustomerClass)>,
    /// The card that was just moved is highlighted.
    #[prop(into)]
    highlighted: Signal<bool>,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let customer = Memo::new(move |_| state.customers.with(|all| all.get(&id).cloned()));
    let menu_open = RwSignal::new(false);
    // Touch and pen drag by the handle: HTML5 drag and drop does not reach touch screens.
    let drag_offset = RwSignal::new(None::<(f64, f64)>);
    let drag_start = StoredValue::new((0.0f64, 0.0f64));
    let on_pointer_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            return;
        }
        ev.prevent_default();
        capture_pointer(&ev);
        drag_start.set_value((f64::from(ev.client_x()), f64::from(ev.client_y())));
        drag_offset.set(Some((0.0, 0.0)));
    };
    let on_pointer_move = move |ev: leptos::ev::PointerEvent| {
        if drag_offset.get_untracked().is_some() {
            let (x, y) = drag_start.get_value();
            drag_offset.set(Some((
                f64::from(ev.client_x()) - x,
                f64::from(ev.client_y()) - y,
            )));
        }
    };
    let on_pointer_up = move |ev: leptos::ev::PointerEvent| {
        if drag_offset.get_untracked().is_none() {
            return;
        }
        drag_offset.set(None);
        if let Some(target) = column_at(ev.client_x(), ev.client_y()) {
            on_move.run((id, target));
        }
    };
    let class = Signal::derive(move || {
        customer.with(|c| c.as_ref().map_or(CustomerClass::O, |c| c.class()))
    });
    let today = clock::today();

    view! {
        {move || customer.get().map(|c| {
            let letter = c.class().letter();
            let name = c.fields.name.clone();
            let hook = c.fields.current_note.as_ref().map(|note| {
                let (marker, css) = match note.validity(today) {
                    NoteValidity::Expired { .. } => (Some(t.card_hook_expired.to_string()), "hook-chip hook-expired"),
                    NoteValidity::ExpiringSoon { days_left } => (Some((t.card_hook_expiring)(days_left)), "hook-chip hook-expiring"),
                    _ => (None, "hook-chip"),
                };
                view! {
                    <span class=css data-testid="board-card-hook">
                        {hook_label(t, &note.hook)}
                        {marker.map(|m| view! { <span class="hook-marker">" · " {m}</span> })}
                    </span>
                }
            });
            let contact = match c.days_since_last_contact(today) {
                Some(days) => (t.card_days_since)(days),
                None => t.card_no_contact.to_string(),
            };
            let menu_label = (t.board.move_card)(&name);
            view! {
                <li
                    class=format!("board-card class-edge-{}", letter.to_lowercase())
                    class:just-moved=move || highlighted.get()
                    class:touch-dragging=move || drag_offset.get().is_some()
                    style:transform=move || drag_offset.get().map(|(x, y)| format!("translate({x}px, {y}px)"))
                    data-testid="board-card"
                    data-customer-id=id.to_string()
                    data-class=letter
                    draggable="true"
                    on:dragstart=move |ev: leptos::ev::DragEvent| {
                        if let Some(transfer) = ev.data_transfer() {
                            let _ = transfer.set_data("text/plain", &id.to_string());
                            transfer.set_effect_allowed("move");
                        }
                    }
                >
                    <div class="card-top">
                        <span
                            class="drag-handle"
                            data-testid="board-drag-handle"
                            aria-hidden="true"
                            on:pointerdown=on_pointer_down
                            on:pointermove=on_pointer_move
                            on:pointerup=on_pointer_up
                            on:pointercancel=move |_| drag_offset.set(None)
                        >
                            "⠿"
                        </span>
                        <A href=format!("/kunden/{id}") attr:class="card-name">{name}</A>
                        <button
                            type="button"
                            class="card-menu-button"
                            data-testid="board-move-menu"
                            aria-label=menu_label
                            aria-expanded=move || menu_open.get().to_string()
                            on:click=move |_| menu_open.update(|open| *open = !*open)
                        >
                            "⋯"
                        </button>
                    </div>
                    <p class="card-company muted small">{c.fields.company.clone()}</p>
                    <p class="card-facts">
                        <span class="card-revenue">{format_euro_rounded(c.fields.revenue_cents)}</span>
                        {c.fields.potential.then(|| view! { <span class="potential-chip" title=t.potential_flag>"★"</span> })}
                        <span class="muted small">{contact}</span>
                    </p>
                    {hook}
                    <Show when=move || menu_open.get()>
                        <div class="move-menu" role="group" aria-label=t.board.drag_hint>
                            {class
                                .get_untracked()
                                .move_targets()
                                .map(|target| view! {
                                    <button
                                        type="button"
                                        class=format!("move-target move-target-{}", target.letter().to_lowercase())
                                        data-testid=format!("board-move-to-{}", target.letter())
                                        on:click=move |_| {
                                            menu_open.set(false);
                                            on_move.run((id, target));
                                        }
                                    >
                                        <ClassBadge class=target/>
                                        {(t.board.move_to)(target.letter())}
                                    </button>
                                })
                                .collect_view()}
                        </div>
                    </Show>
                </li>
            }
        })}
    }
}

fn capture_pointer(ev: &leptos::ev::PointerEvent) {
    use wasm_bindgen::JsCast;
    if let Some(element) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        // A synthetic or already-ended pointer cannot be captured; dragging still works.
        let _ = element.set_pointer_capture(ev.pointer_id());
    }
}

/// The class of the board column under a point, if any.
fn column_at(x: i32, y: i32) -> Option<CustomerClass> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(x as f32, y as f32)?;
    let column = element.closest("[data-testid=board-column]").ok()??;
    CustomerClass::from_letter(&column.get_attribute("data-class")?)
}
