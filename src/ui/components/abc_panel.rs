use super::super::actions;
use super::super::clock;
use super::super::i18n::texts;
use super::super::state::app_state;
use super::class_badge::ClassBadge;
use crate::domain::board::abc_analysis::{abc_proposals, accepted, preselected, AbcProposal};
use crate::domain::customer::class::CustomerClass;
use crate::domain::ids::CustomerId;
use crate::ui::locale::{format_euro_rounded, format_percent};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The ABC analysis as a preview: each proposed change with revenue and share. Nothing
/// changes until the user accepts one row or the selected rows.
#[component]
pub fn AbcPanel(open: RwSignal<bool>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    // Computed once when opened: a preview must not shift while the user reads it.
    let proposals: Vec<AbcProposal> = state.customers.with_untracked(|customers| {
        state
            .settings
            .with_untracked(|s| abc_proposals(customers.values(), s, clock::today()))
    });
    let (a_percent, b_percent) = state
        .settings
        .with_untracked(|s| (s.abc_a_percent, s.abc_b_percent));
    let rows = RwSignal::new(proposals);
    let selected = RwSignal::new(rows.with_untracked(|r| preselected(r)));
    let names = move |id: CustomerId| {
        state.customers.with_untracked(|customers| {
            customers
                .get(&id)
                .map(|c| c.fields.name.clone())
                .unwrap_or_default()
        })
    };
    let apply = move |accepted: Vec<(CustomerId, CustomerClass)>| {
        if accepted.is_empty() {
            return;
        }
        let done: BTreeSet<CustomerId> = accepted.iter().map(|(id, _)| *id).collect();
        leptos::task::spawn_local(async move {
            if let Ok(count) = actions::accept_abc(state, accepted).await {
                rows.update(|r| r.retain(|p| !done.contains(&p.id)));
                selected.update(|s| s.retain(|id| !done.contains(id)));
                state.show_notice((t.abc_applied)(count));
            }
        });
    };
    let accept_selected = move |_| {
        let chosen = selected.get_untracked();
        apply(rows.with_untracked(|r| accepted(r, &chosen)));
    };

    view! {
        <section class="panel abc-panel" data-testid="abc-panel" aria-labelledby="abc-title">
            <div class="row-between">
                <h2 id="abc-title">{t.abc_title}</h2>
                <button type="button" class="button-quiet" aria-label=t.dismiss on:click=move |_| open.set(false)>"×"</button>
            </div>
            <p class="muted small">{(t.abc_explain)(a_percent, b_percent)}</p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p data-testid="abc-none">{t.abc_none}</p>
            </Show>
            <Show when=move || rows.with(|r| !r.is_empty())>
                <table class="abc-table">
                    <tbody>
                        <For each=move || rows.get() key=|p| p.id let(p)>
                            {
                                let id = p.id;
                                let name = names(id);
                                let to = p.to;
                                view! {
                                    <tr
                                        data-testid="abc-row"
                                        data-customer-id=id.to_string()
                                        data-from=p.from.letter()
                                        data-to=p.to.letter()
                                    >
                                        <td>
                                            <input
                                                type="checkbox"
                                                data-testid="abc-select"
                                                aria-label=(t.abc_select)(&name)
                                                prop:checked=move || selected.with(|s| s.contains(&id))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                                }
                                            />
                                        </td>
                                        <td class="abc-name">
                                            {name}
                                            {p.recently_set_by_hand.then(|| view! { <span class="muted small">" · " {t.abc_manual_hint}</span> })}
                                        </td>
                                        <td class="abc-change"><ClassBadge class=p.from/>" → "<ClassBadge class=p.to/></td>
                                        <td class="abc-revenue">{format_euro_rounded(p.revenue_cents)}</td>
                                        <td class="muted small">{(t.abc_share)(&format_percent(p.share_percent), &format_percent(p.cumulative_percent))}</td>
                                        <td>
                                            <button type="button" class="button-secondary" data-testid="abc-accept" on:click=move |_| apply(vec![(id, to)])>
                                                {t.abc_accept}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <div class="form-actions">
                    <button type="button" class="button-primary" data-testid="abc-accept-all" on:click=accept_selected>
                        {move || (t.abc_accept_selected)(selected.with(BTreeSet::len))}
                    </button>
                </div>
            </Show>
        </section>
    }
}
