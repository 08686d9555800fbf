use super::super::format::{channel_label, direction_label, hook_label, result_label};
use super::super::i18n::texts;
use super::super::state::AppState;
use crate::domain::customer::record::Customer;
use crate::domain::customer::timeline::{has_history, timeline, TimelineEntry};
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::{line_by_id, PlaybookLine};
use crate::ui::locale::{format_date, format_date_time};
use leptos::prelude::*;

/// Every contact and class change of one customer, newest first.
#[component]
pub fn Timeline(
    /// The customer whose history is shown.
    #[prop(into)]
    customer: Signal<Option<Customer>>,
) -> impl IntoView {
    let t = texts();
    // Outside the app (a component test) there is no playbook to name lines from.
    let state = use_context::<AppState>();
    view! {
        <ol class="timeline" data-testid="timeline">
            {move || {
                customer
                    .with(|c| {
                        let Some(c) = c else { return Vec::new() };
                        let entries = |playbook: &[PlaybookLine]| {
                            let title = |id| line_by_id(playbook, id).map(|l| l.title.as_str());
                            timeline(c).into_iter().map(|entry| entry_view(&entry, &title)).collect::<Vec<_>>()
                        };
                        match state {
                            Some(state) => state.playbook.with(|lines| entries(lines)),
                            None => entries(&[]),
                        }
                    })
            }}
        </ol>
        <Show when=move || customer.with(|c| c.as_ref().is_some_and(|c| !has_history(c)))>
            <p class="muted">{t.timeline_empty}</p>
        </Show>
    }
}

/// One entry; `title` names a playbook line by its id.
fn entry_view<'a>(entry: &TimelineEntry<'_>, title: &dyn Fn(LineId) -> Option<&'a str>) -> AnyView {
    let t = texts();
    match entry {
        TimelineEntry::Contact(c) => {
            let meta = format!(
                "{} · {} · {}",
                channel_label(t, c.channel),
                direction_label(t, c.direction),
                (t.timeline_by)(&c.who)
            );
            let hook = c
                .hook
                .as_ref()
                .map(|h| view! { <span class="hook-chip">{hook_label(t, h)}</span> });
            let follow_up = c.follow_up.map(|d| view! { <span class="follow-up">" · "{(t.timeline_follow_up)(&format_date(d))}</span> });
            let override_note = c.interval_override.as_ref().map(|reason| view! {
                <p class="timeline-override" data-testid="timeline-override">{(t.timeline_override)(reason)}</p>
            });
            let objection = c.objection.map(|id| {
                let text = title(id).map_or_else(|| t.timeline_objection_gone.to_string(), t.timeline_objection);
                view! { <span class="objection-chip" data-testid="timeline-objection" data-line-id=id.to_string()>{text}</span> }
            });
            let note = (!c.note.is_empty())
                .then(|| view! { <p class="timeline-note">{c.note.clone()}</p> });
            view! {
                <li class="timeline-entry" data-testid="timeline-entry" data-kind="contact">
                    <time>{format_date_time(c.at)}</time>
                    <div class="timeline-body">
                        <p>
                            <strong>{c.reason.clone()}</strong>
                            " · "
                            <span class=format!("result result-{}", super::super::format::result_key(c.result))>{result_label(t, c.result)}</span>
                            {hook}
                            {objection}
                        </p>
                        <p class="muted small">{meta} {follow_up}</p>
                        {note}
                        {override_note}
                    </div>
                </li>
            }
            .into_any()
        }
        TimelineEntry::Merge(merge) => view! {
            <li class="timeline-entry timeline-merge" data-testid="timeline-entry" data-kind="merge">
                <time>{format_date_time(merge.at)}</time>
                <div class="timeline-body">
                    <p><strong>{(t.timeline_merged)(&merge.other_name)}</strong></p>
                    <p class="muted small">{(t.timeline_by)(&merge.who)}</p>
                </div>
            </li>
        }
        .into_any(),
        TimelineEntry::ClassChange(change) => {
            let reason = (!change.reason.is_empty()).then(|| format!(" · {}", change.reason));
            view! {
                <li class="timeline-entry timeline-class" data-testid="timeline-entry" data-kind="class-change">
                    <time>{format_date_time(change.at)}</time>
                    <div class="timeline-body">
                        <p>
                            <strong>{(t.timeline_class_change)(change.from.letter(), change.to.letter())}</strong>
                            {reason}
                        </p>
                        <p class="muted small">{(t.timeline_by)(&change.who)}</p>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
