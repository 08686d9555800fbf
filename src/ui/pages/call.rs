use super::super::components::call_card::CallCard;
use super::super::components::class_badge::ClassBadge;
use super::super::components::incoming_call::incoming_call;
use super::super::components::result_keys::on_result_keys;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::call::caller_link::{caller_number, callers_of, Callers};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::lookup::Lookup;
use crate::domain::customer::record::Customer;
use crate::domain::customer::search::is_unknown_number;
use crate::domain::format::details::details_line;
use crate::domain::ids::CustomerId;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Results shown at once; the caller is almost always among the first few.
const RESULT_LIMIT: usize = 8;

/// What one result line shows; small, so a keystroke copies little.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ResultRow {
    id: CustomerId,
    class: CustomerClass,
    name: String,
    details: String,
}

impl ResultRow {
    fn new(c: &Customer) -> Self {
        let f = &c.fields;
        let details = details_line([
            f.company.as_str(),
            f.phones.first().map_or("", String::as_str),
            f.number.as_str(),
        ]);
        ResultRow {
            id: c.id,
            class: f.class,
            name: f.name.clone(),
            details,
        }
    }
}

/// What the call screen says about a call announced by an address.
#[derive(Debug, Clone, PartialEq)]
enum CallerMatch {
    /// One customer has the number: their card is open.
    One(String),
    Several(String, Vec<ResultRow>),
    Unknown(String),
}

/// Call mode: find the caller with a few keystrokes and see the class first.
#[component]
pub fn CallPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let (query, set_query) = signal(String::new());
    let selected = RwSignal::new(None::<CustomerId>);
    let highlighted = RwSignal::new(0usize);
    // The shared index, built once per change of the customers; each keystroke only
    // scans it, and while the query grows only the previous keystroke's hits.
    let lookup = StoredValue::new(Lookup::default());
    let results = Memo::new(move |_| {
        let text = query.get();
        state.search_index.with(|index| {
            lookup
                .try_update_value(|lookup| lookup.ranked(index, &text, RESULT_LIMIT))
                .unwrap_or_default()
        })
    });
    let rows = Memo::new(move |_| {
        let hits = results.get();
        state.customers.with(|all| {
            hits.iter()
                .filter_map(|(id, _)| all.get(id).map(ResultRow::new))
                .collect::<Vec<_>>()
        })
    });
    let navigate = use_navigate();
    let incoming = incoming_call();
    let caller = RwSignal::new(None::<CallerMatch>);
    // `?nummer=` is read once and then removed from the address, so a reload or a
    // bookmark never opens an old call again.
    let query_map = use_query_map();
    let clean_address = navigate.clone();
    Effect::new(move |_| {
        let Some(raw) = query_map.with(|q| q.get("nummer")) else {
            return;
        };
        if let Some(number) = caller_number(&raw) {
            incoming.announce(number);
        }
        clean_address(
            "/anruf",
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    // Matched when the call comes in, not on every later change of the data, so a
    // customer picked by hand afterwards stays picked.
    Effect::new(move |_| {
        let Some(call) = incoming.latest.get() else {
            return;
        };
        let number = call.number;
        let (shown, picked) =
            state
                .customers
                .with_untracked(move |all| match callers_of(all.values(), &number) {
                    Callers::One(id) => (CallerMatch::One(number), Some(id)),
                    Callers::Unknown => (CallerMatch::Unknown(number), None),
                    Callers::Several(ids) => {
                        let rows = ids
                            .iter()
                            .filter_map(|id| all.get(id).map(ResultRow::new))
                            .collect();
                        (CallerMatch::Several(number, rows), None)
                    }
                });
        set_query.set(String::new());
        selected.set(picked);
        caller.set(Some(shown));
    });
    let unknown_number = move || {
        let text = query.get();
        is_unknown_number(&text, results.with(Vec::is_empty)).then_some(text)
    };
    let pick = move |index: usize| {
        if let Some((id, _)) = results.with_untracked(|r| r.get(index).copied()) {
            selected.set(Some(id));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        on_result_keys(&ev, results.with_untracked(Vec::len), highlighted, pick);
    };

    view! {
        <div class="call-layout">
            <section class="call-lookup" aria-labelledby="call-title">
                <h1 id="call-title">{t.call.title}</h1>
                <label for="call-search" class="call-search-label">{t.call.search}</label>
                <input
                    id="call-search"
                    type="search"
                    autocomplete="off"
                    autofocus
                    data-testid="call-search"
                    role="combobox"
                    aria-expanded=move || results.with(|r| !r.is_empty()).to_string()
                    aria-controls="call-results"
                    aria-activedescendant=move || {
                        results.with(|r| r.get(highlighted.get()).map(|(id, _)| format!("call-result-{id}")))
                    }
                    placeholder=t.call.search_hint
                    prop:value=query
                    on:input=move |ev| {
                        set_query.set(event_target_value(&ev));
                        highlighted.set(0);
                        caller.set(None);
                        incoming.clear();
                    }
                    on:keydown=on_keydown
                />
                <p class="muted small">{t.call.shortcut} " " {t.call.pick_hint}</p>
                {move || caller.get().map(|shown| view! { <IncomingCaller shown=shown selected=selected/> })}
                <ul
                    id="call-results"
                    class="call-results"
                    role="listbox"
                    aria-label=t.call.results_label
                    data-testid="call-results"
                    hidden=move || rows.with(Vec::is_empty)
                    data-query=query
                >
                    // Every line there is room for is drawn once, hidden while empty: a
                    // keystroke only changes texts and shows or hides lines, which costs far
                    // less than drawing lines anew on the first keystrokes.
                    {(0..RESULT_LIMIT)
                        .map(|position| view! {
                            <ResultLine rows=rows position=position highlighted=highlighted selected=selected/>
                        })
                        .collect_view()}
                </ul>
                <Show when=move || !query.with(|q| q.trim().is_empty()) && results.with(Vec::is_empty)>
                    <p class="muted">{t.call.no_results}</p>
                </Show>
                {move || unknown_number().map(|number| view! { <CreateUnknown number=number/> })}
            </section>
            <section class="call-card-area" aria-live="polite">
                {move || selected.get().map(|id| view! { <CallCard id=id/> })}
            </section>
        </div>
    }
}

/// One line of the lookup's results, at `position`, showing whichever customer is there now;
/// hidden, and without the test id of a result, while there is none.
#[component]
fn ResultLine(
    rows: Memo<Vec<ResultRow>>,
    position: usize,
    highlighted: RwSignal<usize>,
    selected: RwSignal<Option<CustomerId>>,
) -> impl IntoView {
    let row = Memo::new(move |_| rows.with(|r| r.get(position).cloned()));
    let id = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.id)));
    let class =
        Signal::derive(move || row.with(|r| r.as_ref().map_or(CustomerClass::O, |r| r.class)));
    let text = move |pick: fn(&ResultRow) -> &str| {
        move || row.with(|r| r.as_ref().map(|r| pick(r).to_string()).unwrap_or_default())
    };
    view! {
        <li
            id=move || id.get().map(|id| format!("call-result-{id}"))
            role="option"
            class="call-result"
            hidden=move || id.get().is_none()
            class:highlighted=move || highlighted.get() == position
            aria-selected=move || (id.get().is_some() && selected.get() == id.get()).to_string()
            data-testid=move || id.get().map(|_| "call-result")
            data-customer-id=move || id.get().map(|id| id.to_string())
            on:click=move |_| {
                highlighted.set(position);
                if let Some(id) = id.get_untracked() {
                    selected.set(Some(id));
                }
            }
        >
            <ClassBadge class=class/>
            <span class="call-result-text">
                <span class="row-name">{text(|r| &r.name)}</span>
                <span class="muted small">{text(|r| &r.details)}</span>
            </span>
        </li>
    }
}

/// Who an announced call is from: the number, and whom it belongs to.
#[component]
fn IncomingCaller(shown: CallerMatch, selected: RwSignal<Option<CustomerId>>) -> impl IntoView {
    let t = texts();
    let (number, body) = match shown {
        CallerMatch::One(number) => (number, None),
        CallerMatch::Unknown(number) => {
            let body = view! {
                <p>{t.call.incoming_unknown}</p>
                <CreateUnknown number=number.clone()/>
            }
            .into_any();
            (number, Some(body))
        }
        CallerMatch::Several(number, rows) => {
            let body = view! {
                <p id="call-pick-label">{t.call.incoming_several}</p>
                <ul class="call-pick-list" aria-labelledby="call-pick-label">
                    {rows.into_iter().map(|row| {
                        let id = row.id;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="call-pick"
                                    class:picked=move || selected.get() == Some(id)
                                    aria-pressed=move || (selected.get() == Some(id)).to_string()
                                    data-testid="call-pick"
                                    data-customer-id=id.to_string()
                                    on:click=move |_| selected.set(Some(id))
                                >
                                    <ClassBadge class=row.class/>
                                    <span class="call-result-text">
                                        <span class="row-name">{row.name}</span>
                                        <span class="muted small">{row.details}</span>
                                    </span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any();
            (number, Some(body))
        }
    };
    view! {
        <section class="call-incoming" data-testid="call-incoming" data-number=number.clone() aria-live="assertive">
            <p class="call-incoming-head"><span aria-hidden="true">"☎ "</span>{(t.call.incoming_from)(&number)}</p>
            {body}
        </section>
    }
}

/// The offer to take an unknown caller on as a new O customer, number filled in.
#[component]
fn CreateUnknown(number: String) -> impl IntoView {
    let t = texts();
    let navigate = use_navigate();
    let href = format!(
        "/kunden/neu?telefon={}",
        String::from(js_sys::encode_uri_component(&number))
    );
    view! {
        <button
            type="button"
            class="button-primary"
            data-testid="call-create-unknown"
            on:click=move |_| navigate(&href, Default::default())
        >
            {(t.call.create_unknown)(&number)}
        </button>
    }
}
