//! "Dubletten finden": groups of likely duplicates with why each pair was linked, and
//! per pair a merge and a "Keine Dublette".

use super::class_badge::ClassBadge;
use super::link::A;
use crate::domain::customer::duplicates::{find_duplicates, DuplicateGroup, DuplicateReason};
use crate::domain::customer::phone::normalize_phone;
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::ui::actions;
use crate::ui::i18n::{texts, Texts};
use crate::ui::state::app_state;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Groups rendered at once; most books have few, an import gone wrong may have many.
const GROUPS_PAGE: usize = 50;

/// Two customers of a group and every reason found between them.
struct Pair {
    a: CustomerId,
    b: CustomerId,
    reasons: Vec<DuplicateReason>,
}

fn pairs(group: &DuplicateGroup) -> Vec<Pair> {
    let mut by_pair: BTreeMap<(CustomerId, CustomerId), Vec<DuplicateReason>> = BTreeMap::new();
    for link in &group.links {
        by_pair
            .entry((link.a, link.b))
            .or_default()
            .push(link.reason.clone());
    }
    by_pair
        .into_iter()
        .map(|((a, b), reasons)| Pair { a, b, reasons })
        .collect()
}

/// The reason in words; a phone number as the first record wrote it.
fn reason_text(t: &Texts, reason: &DuplicateReason, a: Option<&Customer>) -> String {
    match reason {
        DuplicateReason::SameNumber(number) => (t.duplicate_reason_number)(number),
        DuplicateReason::SameEmail(email) => (t.duplicate_reason_email)(email),
        DuplicateReason::SamePhone(digits) => {
            let written = a
                .and_then(|c| {
                    c.fields
                        .phones
                        .iter()
                        .find(|p| normalize_phone(p) == *digits)
                })
                .cloned()
                .unwrap_or_else(|| digits.clone());
            (t.duplicate_reason_phone)(&written)
        }
        DuplicateReason::SimilarName { company, .. } => (t.duplicate_reason_name)(company),
        DuplicateReason::SimilarNameAtPostcode { postcode, .. } => {
            (t.duplicate_reason_postcode)(postcode)
        }
    }
}

fn reason_kind(reason: &DuplicateReason) -> &'static str {
    match reason {
        DuplicateReason::SameNumber(_) => "number",
        DuplicateReason::SameEmail(_) => "email",
        DuplicateReason::SamePhone(_) => "phone",
        DuplicateReason::SimilarName { .. } => "name",
        DuplicateReason::SimilarNameAtPostcode { .. } => "postcode",
    }
}

/// What tells the records apart at a glance: company, number, e-mail, phone numbers.
fn member_details(c: &Customer) -> String {
    let f = &c.fields;
    [f.company.as_str(), f.number.as_str(), f.email.as_str()]
        .into_iter()
        .map(str::to_string)
        .chain(f.phones.iter().cloned())
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Moves the keyboard focus to the first customer of the group at `index` (from 0) once it
/// is on the page: the button that showed it may be gone, and the reader goes on there.
fn focus_group(index: usize) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let selector = format!(
            ".duplicate-groups > [data-testid=\"duplicate-group\"]:nth-child({}) .row-name",
            index + 1
        );
        let link = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.focus();
        }
    });
}

/// The found groups, recomputed whenever the customers change (a merge, a dismissal,
/// another tab), so what was settled goes away.
#[component]
pub fn DuplicateList(
    /// A pair chosen for merging: the two ids, in any order.
    on_merge: Callback<(CustomerId, CustomerId)>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let groups = Memo::new(move |_| state.customers.with(|all| find_duplicates(all.values())));
    let limit = RwSignal::new(GROUPS_PAGE);
    let group_view = move |group: DuplicateGroup| {
        let members: Vec<Customer> = state.customers.with_untracked(|all| {
            group
                .members
                .iter()
                .filter_map(|id| all.get(id).cloned())
                .collect()
        });
        let name_of = |id: CustomerId| {
            members
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.fields.name.clone())
                .unwrap_or_default()
        };
        let many = members.len() > 2;
        let pair_views = pairs(&group)
            .into_iter()
            .map(|pair| {
                let first = members.iter().find(|c| c.id == pair.a);
                let reasons = pair
                    .reasons
                    .iter()
                    .map(|r| {
                        view! {
                            <span class="status-chip duplicate-reason" data-testid="duplicate-reason" data-reason=reason_kind(r)>
                                {reason_text(t, r, first)}
                            </span>
                        }
                    })
                    .collect_view();
                let label = many.then(|| (t.duplicate_pair)(&name_of(pair.a), &name_of(pair.b)));
                let (a, b) = (pair.a, pair.b);
                view! {
                    <div class="duplicate-pair" data-testid="duplicate-pair" data-a=a.to_string() data-b=b.to_string()>
                        <p class="duplicate-reasons">
                            {label.map(|l| view! { <strong class="duplicate-pair-name">{l}</strong> })}
                            {reasons}
                        </p>
                        <div class="button-row">
                            <button
                                type="button"
                                class="button-secondary"
                                data-testid="duplicate-merge"
                                on:click=move |_| on_merge.run((a, b))
                            >
                                {t.duplicate_merge}
                            </button>
                            <button
                                type="button"
                                class="button-quiet"
                                data-testid="duplicate-not"
                                on:click=move |_| {
                                    actions::spawn(actions::dismiss_duplicate(state, a, b));
                                }
                            >
                                {t.duplicate_not}
                            </button>
                        </div>
                    </div>
                }
            })
            .collect_view();
        let member_views = members
            .iter()
            .map(|c| {
                let class = c.class();
                let name = c.fields.name.clone();
                view! {
                    <li class=format!("duplicate-member class-edge-{}", class.letter().to_lowercase()) data-customer-id=c.id.to_string()>
                        <ClassBadge class=class/>
                        <div class="duplicate-member-text">
                            <A href=format!("/kunden/{}", c.id) attr:class="row-name">{name}</A>
                            <span class="muted small">{member_details(c)}</span>
                            <span class="muted small">{(t.duplicate_contacts)(c.contacts.len())}</span>
                        </div>
                    </li>
                }
            })
            .collect_view();
        let ids = group
            .members
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <li class="duplicate-group" data-testid="duplicate-group" data-members=ids>
                <ul class="duplicate-members">{member_views}</ul>
                {pair_views}
            </li>
        }
    };
    view! {
        <section class="panel duplicates" data-testid="duplicates" aria-labelledby="duplicates-title">
            <div class="row-between">
                <h2 id="duplicates-title">{t.duplicates_title}</h2>
                <button type="button" class="button-quiet" data-testid="duplicates-close" on:click=move |_| on_close.run(())>
                    {t.dismiss}
                </button>
            </div>
            <p class="muted small">{t.duplicates_hint}</p>
            <p class="duplicates-count" data-testid="duplicates-count" aria-live="polite">
                {move || {
                    let n = groups.with(Vec::len);
                    if n == 0 { t.duplicates_none.to_string() } else { (t.duplicates_count)(n) }
                }}
            </p>
            <ul class="duplicate-groups">
                {move || {
                    // Only the groups shown are copied out of the memo, not all of them.
                    let shown = limit.get();
                    let page: Vec<DuplicateGroup> =
                        groups.with(|all| all.iter().take(shown).cloned().collect());
                    page.into_iter().map(group_view).collect_view()
                }}
            </ul>
            <Show when=move || { groups.with(Vec::len) > limit.get() }>
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="duplicates-more"
                    on:click=move |_| {
                        let first_new = limit.get_untracked();
                        limit.update(|l| *l += GROUPS_PAGE);
                        focus_group(first_new);
                    }
                >
                    {move || (t.duplicates_more)(groups.with(Vec::len).saturating_sub(limit.get()).min(GROUPS_PAGE))}
                </button>
            </Show>
        </section>
    }
}
