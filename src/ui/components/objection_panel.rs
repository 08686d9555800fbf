use super::super::format::reach_label;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::link::A;
use super::nav::is_typing;
use super::result_keys::on_result_keys;
use crate::domain::call::objections::{Caller, ObjectionIndex};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::{has_agreed_objection, line_by_id};
use leptos::prelude::*;

/// Results shown at once: the answer is wanted now, not a list to read.
const RESULT_LIMIT: usize = 6;

/// One result line, small, so a keystroke copies little.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: LineId,
    title: String,
    reach: String,
    fits: bool,
}

/// What the user typed and chose on one call card. It lives as long as the card, so
/// a card redrawn after a logged call keeps the answer on screen.
#[derive(Debug, Clone, Copy)]
pub struct ObjectionSearch {
    query: RwSignal<String>,
    highlighted: RwSignal<usize>,
    picked: RwSignal<Option<LineId>>,
    /// The objection whose answer is on screen: the highlighted result while there is a
    /// query, else the one last picked. The call log preselects it.
    pub shown: Memo<Option<LineId>>,
    hits: Memo<Vec<Row>>,
}

impl ObjectionSearch {
    /// A search for a caller of `class` whose current note has `hook`.
    pub fn new(caller: Signal<(CustomerClass, Option<HookKind>)>) -> Self {
        let state = app_state();
        let query = RwSignal::new(String::new());
        let highlighted = RwSignal::new(0usize);
        let picked = RwSignal::new(None::<LineId>);
        let index = Memo::new(move |_| state.playbook.with(|lines| ObjectionIndex::new(lines)));
        let t = texts();
        let hits = Memo::new(move |_| {
            let text = query.get();
            if text.trim().is_empty() {
                return Vec::new();
            }
            let (class, hook) = caller.get();
            let caller = Caller {
                class,
                hook: hook.as_ref(),
            };
            let found = index.with(|i| i.search(&text, caller, RESULT_LIMIT));
            state.playbook.with(|lines| {
                found
                    .into_iter()
                    .filter_map(|hit| {
                        let line = line_by_id(lines, hit.id)?;
                        Some(Row {
                            id: hit.id,
                            title: line.title.clone(),
                            reach: reach_label(t, line),
                            fits: hit.fits,
                        })
                    })
                    .collect()
            })
        });
        let shown = Memo::new(move |_| {
            if query.with(|q| q.trim().is_empty()) {
                picked.get()
            } else {
                hits.with(|h| h.get(highlighted.get()).map(|row| row.id))
            }
        });
        ObjectionSearch {
            query,
            highlighted,
            picked,
            shown,
            hits,
        }
    }
}

impl ObjectionSearch {
    /// Back to an empty field once the call is logged: that objection is dealt with.
    pub fn clear(&self) {
        self.query.set(String::new());
        self.highlighted.set(0);
        self.picked.set(None);
    }
}

/// Moves the focus to the objection field and selects what it holds, so the next
/// objection is typed over the last one.
fn focus_objection_search() {
    use wasm_bindgen::JsCast;
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("objection-search"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        input.select();
    }
}

fn reveal_answer() {
    let section = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("call-objections"));
    if let Some(section) = section {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        section.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The team's agreed answers to objections, one key (E) away on the call card: type a
/// few letters of what the customer said, and the fitting answer shows large enough to
/// read aloud.
#[component]
pub fn ObjectionPanel(
    /// The card's search, kept by the card.
    search: ObjectionSearch,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let ObjectionSearch {
        query,
        highlighted,
        picked,
        shown,
        hits,
    } = search;
    let answer = move || {
        let id = shown.get()?;
        state.playbook.with(|lines| {
            line_by_id(lines, id)
                .map(|l| (id, l.title.clone(), l.customer_line.clone(), l.text.clone()))
        })
    };
    let none_agreed = move || state.playbook.with(|lines| !has_agreed_objection(lines));
    let pick = move |index: usize| {
        if let Some(id) = hits.with_untracked(|h| h.get(index).map(|row| row.id)) {
            highlighted.set(index);
            picked.set(Some(id));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        on_result_keys(&ev, hits.with_untracked(Vec::len), highlighted, pick);
    };
    // A new answer below the fold is scrolled up with its field, just far enough to
    // read both.
    Effect::new(move |_| {
        if shown.get().is_some() {
            request_animation_frame(reveal_answer);
        }
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
        if plain && ev.key().eq_ignore_ascii_case("e") && !is_typing(&ev) {
            ev.prevent_default();
            focus_objection_search();
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <section id="call-objections" class="call-objections" aria-labelledby="objection-title">
            <h3 id="objection-title">{t.objection_title}</h3>
            <div class="objection-field">
                <label for="objection-search">{t.objection_search} <kbd class="nav-kbd">"E"</kbd></label>
                <input
                    id="objection-search"
                    type="search"
                    autocomplete="off"
                    data-testid="objection-search"
                    role="combobox"
                    aria-autocomplete="list"
                    aria-keyshortcuts="E"
                    aria-describedby="objection-hint"
                    aria-expanded=move || hits.with(|r| !r.is_empty()).to_string()
                    aria-controls="objection-results"
                    aria-activedescendant=move || {
                        hits.with(|h| h.get(highlighted.get()).map(|row| format!("objection-{}", row.id)))
                    }
                    placeholder=t.objection_search_hint
                    prop:value=query
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        highlighted.set(0);
                    }
                    on:keydown=on_keydown
                />
                <p id="objection-hint" class="muted small">{t.objection_shortcut}</p>
            </div>
            <ul id="objection-results" class="objection-results" role="listbox" aria-label=t.objection_title>
                // A handful of rows, redrawn per keystroke: cheaper in bytes than a keyed list.
                {move || hits.get().into_iter().enumerate().map(|(i, row)| {
                    let id = row.id;
                    view! {
                        <li
                            id=format!("objection-{id}")
                            role="option"
                            class="objection-item"
                            class:highlighted=move || highlighted.get() == i
                            aria-selected=move || (shown.get() == Some(id)).to_string()
                            data-testid="objection-item"
                            data-line-id=id.to_string()
                            on:click=move |_| pick(i)
                        >
                            <span class="row-name">{row.title}</span>
                            <span class="muted small">
                                {row.reach}
                                {(!row.fits).then(|| format!(" · {}", t.objection_other_customers))}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || !query.with(|q| q.trim().is_empty()) && hits.with(Vec::is_empty)>
                <p class="muted">{t.objection_no_match}</p>
            </Show>
            <Show when=none_agreed>
                <p class="muted small">{t.objection_none_yet} " " <A href="/leitfaden">{t.objection_write}</A></p>
            </Show>
            {move || answer().map(|(id, title, customer_line, text)| view! {
                <div class="objection-answer" data-testid="objection-answer" data-line-id=id.to_string()>
                    <p class="objection-answer-head">
                        <span class="status-chip">{t.objection_answer_label}</span>
                        <strong>{title}</strong>
                    </p>
                    {(!customer_line.is_empty()).then(|| view! {
                        <p class="muted small">{t.practice.customer_says} " " {(t.quoted)(&customer_line)}</p>
                    })}
                    <blockquote class="objection-answer-text">{text}</blockquote>
                </div>
            })}
        </section>
    }
}
