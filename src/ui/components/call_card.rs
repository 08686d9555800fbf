use super::super::clock;
use super::super::format::{hook_label, occasion_hit_text, result_label, validity_text};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::call_log::CallLogForm;
use super::class_badge::{class_name, BadgeSize, ClassBadge};
use super::link::A;
use super::objection_panel::{ObjectionPanel, ObjectionSearch};
use crate::domain::call::card::{
    call_occasions, current_hook, occasion_opening_line, opening_line, recent_contacts, used_hooks,
};
use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::playbook::lines::LineFit;
use crate::ui::locale::format_date;
use leptos::prelude::*;

/// Occasions named on the card at most: the nearest, so the card stays short.
const OCCASIONS_SHOWN: usize = 3;

/// The occasions near today or of the last week ("50. Geburtstag war vorgestern"), and
/// the agreed line for opening with one when the playbook has it.
fn occasion_view(customer: &Customer, today: chrono::NaiveDate) -> Option<impl IntoView> {
    let state = app_state();
    let t = texts();
    let hits = call_occasions(customer, today);
    if hits.is_empty() {
        return None;
    }
    // The same line as the card's opening line is offered once, there.
    let line = state.playbook.with(|playbook| {
        let general = opening_line(customer, playbook, today).map(|(line, _)| line.id);
        occasion_opening_line(customer, playbook, today)
            .filter(|line| Some(line.id) != general)
            .cloned()
    });
    let items = hits
        .iter()
        .take(OCCASIONS_SHOWN)
        .map(|hit| {
            view! {
                <li data-testid="call-occasion" data-days=hit.days.to_string() class:occasion-past=hit.days < 0>
                    {occasion_hit_text(t, hit, &customer.fields.occasions)}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="call-occasions">
            <h3>{t.call.occasion_title}</h3>
            <ul class="plain-list">{items}</ul>
            {line.map(|line| view! {
                <div class="call-occasion-line" data-testid="call-occasion-line" data-line-id=line.id.to_string()>
                    <p class="line-fit muted small">{t.call.occasion_line}</p>
                    <blockquote class="line-text">{line.text.clone()}</blockquote>
                </div>
            })}
        </section>
    })
}

/// The call card. Its order is deliberate: the class first, large and coloured; then the
/// current note with its hook and the occasions near today; then the agreed opening line and, a key away, the answer
/// to an objection; then what was said before.
#[component]
pub fn CallCard(
    /// The caller.
    id: CustomerId,
) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let customer = Memo::new(move |_| state.customers.with(|all| all.get(&id).cloned()));
    let class = Signal::derive(move || {
        customer.with(|c| c.as_ref().map_or(CustomerClass::O, |c| c.class()))
    });
    let today = clock::today();
    let caller = Signal::derive(move || {
        customer.with(|c| {
            c.as_ref().map_or((CustomerClass::O, None), |c| {
                (c.class(), current_hook(c, today).cloned())
            })
        })
    });
    let objections = ObjectionSearch::new(caller);

    move || {
        customer.get().map(|c| {
            let note = c.fields.current_note.clone().map(|note| {
                let expired = note.is_expired(today);
                view! {
                    <section class="call-note" class:note-expired=expired data-testid="call-note" data-expired=expired.to_string()>
                        <h3>{t.call.note_title}</h3>
                        <p class="note-summary-head">
                            <span class="hook-chip" data-testid="call-hook">{hook_label(t, &note.hook)}</span>
                            <span class="muted small">{validity_text(t, note.validity(today), note.valid_until)}</span>
                        </p>
                        <p class="note-summary-text">{note.text.clone()}</p>
                    </section>
                }
            });
            let occasions = occasion_view(&c, today);
            let line = state.playbook.with(|playbook| {
                opening_line(&c, playbook, today).map(|(line, fit)| (line.clone(), fit))
            });
            let line_view = match line {
                Some((line, fit)) => {
                    let (label, key) = match fit {
                        LineFit::Exact => (t.call.line_exact, "exact"),
                        LineFit::SameClassAndDirection => (t.call.line_class, "class"),
                        LineFit::SameDirection => (t.call.line_any, "any"),
                    };
                    let situation = (t.call.line_situation)(line.situation.class.letter(), &hook_label(t, &line.situation.hook));
                    view! {
                        <section class="call-line" data-testid="call-opening-line" data-match=key data-line-id=line.id.to_string()>
                            <h3>{t.call.line_title}</h3>
                            <p class="line-fit muted small">{label} " · " {situation}</p>
                            <blockquote class="line-text">{line.text.clone()}</blockquote>
                        </section>
                    }
                    .into_any()
                }
                None => view! {
                    <section class="call-line" data-testid="call-opening-line" data-match="none">
                        <h3>{t.call.line_title}</h3>
                        <p class="muted">{t.call.line_none}</p>
                        <A href="/leitfaden">{t.call.line_write}</A>
                    </section>
                }
                .into_any(),
            };
            let recent = recent_contacts(&c, 3)
                .into_iter()
                .map(|contact| view! {
                    <li data-testid="call-recent-contact">
                        <time>{format_date(contact.date())}</time>
                        " · "
                        <span>{contact.reason.clone()}</span>
                        " · "
                        <span class="muted">{result_label(t, contact.result)}</span>
                    </li>
                })
                .collect_view();
            let used = used_hooks(&c);
            let used_empty = used.is_empty();
            let used_view = used
                .into_iter()
                .map(|(hook, day)| view! {
                    <li data-testid="call-used-hook">
                        <span class="hook-chip">{hook_label(t, &hook)}</span>
                        <span class="muted small">{format_date(day)}</span>
                    </li>
                })
                .collect_view();
            view! {
                <article class="call-card panel" data-testid="call-card" data-customer-id=id.to_string() data-class=c.class().letter()>
                    <header class="call-card-head">
                        <span data-testid="call-class-badge">
                            <ClassBadge class=class size=BadgeSize::Large/>
                        </span>
                        <div>
                            <p class="class-name">
                                {class_name(c.class())}
                                {c.fields.potential.then(|| view! { <span class="potential-chip">"★ " {t.potential_flag}</span> })}
                            </p>
                            <h2 class="call-name">{c.fields.name.clone()}</h2>
                            <p class="muted">{c.fields.company.clone()}</p>
                        </div>
                        <A href=format!("/kunden/{id}") attr:class="call-open-file">{t.call.open_file}</A>
                    </header>
                    {note}
                    {occasions}
                    {line_view}
                    <ObjectionPanel search=objections/>
                    <div class="call-history">
                        <section>
                            <h3>{t.call.recent_title}</h3>
                            <ul class="plain-list">{recent}</ul>
                            {c.contacts.is_empty().then(|| view! { <p class="muted small">{t.no_contact_yet}</p> })}
                        </section>
                        <section>
                            <h3>{t.call.used_title}</h3>
                            <ul class="plain-list">{used_view}</ul>
                            {used_empty.then(|| view! { <p class="muted small">{t.call.used_none}</p> })}
                        </section>
                    </div>
                    <CallLogForm customer=id objection=objections.shown on_logged=Callback::new(move |_| objections.clear())/>
                </article>
            }
        })
    }
}
