use super::super::actions;
use super::super::clock;
use super::super::components::class_badge::ClassBadge;
use super::super::components::contact_fields::ResultSelect;
use super::super::components::link::A;
use super::super::components::outreach_warnings::{check_draft, ContactWarnings};
use super::super::components::plan_form::{PlanFormWhenOpen, PlanOpenButton};
use super::super::file_io::download;
use super::super::format::{calendar_words, hook_label, occasion_hit_text};
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::customer::contact::{ContactResult, Direction};
use crate::domain::customer::occasion::Occasion;
use crate::domain::exchange::ics::calendar_file;
use crate::domain::ids::{ContactId, CustomerId};
use crate::domain::outreach::agenda::{agenda, week_occasions, AgendaItem, AgendaOccasion};
use crate::domain::outreach::downgrade::downgrade_suggestions;
use crate::domain::outreach::due_list::{due_list, DueEntry};
use crate::ui::locale::format_date;
use leptos::prelude::*;

/// One name for every export, so a calendar that subscribes to the file or imports it
/// again finds the same file; the events' UIDs do the rest.
const CALENDAR_FILE: &str = "klassenblick-kalender.ics";

/// Entries of the due list rendered at once.
const DUE_SHOWN: usize = 50;

/// The active system: agenda, O → C suggestions and the due list.
#[component]
pub fn OutreachPage() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let today = clock::today();
    let due = Memo::new(move |_| {
        state.customers.with(|customers| {
            state
                .settings
                .with(|s| due_list(customers.values(), &s.intervals, today))
        })
    });
    let plan = Memo::new(move |_| state.customers.with(|all| agenda(all.values(), today)));
    let downgrades = Memo::new(move |_| {
        let refusals = state.settings.with(|s| s.downgrade_refusals);
        state
            .customers
            .with(|all| downgrade_suggestions(all.values(), refusals))
    });
    let week = Memo::new(move |_| {
        state
            .customers
            .with(|customers| week_occasions(customers.values(), today))
    });
    let export_calendar = move |_| {
        let words = calendar_words(t);
        let ics = state.customers.with_untracked(|customers| {
            calendar_file(customers.values(), clock::today(), clock::now_utc(), &words)
        });
        match download(CALENDAR_FILE, "text/calendar;charset=utf-8", &ics) {
            Ok(()) => state.show_notice(t.calendar_exported),
            Err(message) => state.show_error(message),
        }
    };
    let name = move |id: CustomerId| {
        state.customers.with_untracked(|all| {
            all.get(&id)
                .map(|c| c.fields.name.clone())
                .unwrap_or_default()
        })
    };

    view! {
        <section class="page-head">
            <h1>{t.outreach_title}</h1>
            <p class="muted">{t.outreach_intro}</p>
        </section>
        <div class="outreach-layout">
            <div>
                <For each=move || downgrades.get() key=|s| (s.id, s.refusals.len()) let(suggestion)>
                    {
                        let id = suggestion.id;
                        let count = suggestion.refusals.len();
                        view! {
                            <section class="panel downgrade" data-testid="downgrade-suggestion" data-customer-id=id.to_string()>
                                <h2>
                                    <ClassBadge class=crate::domain::customer::class::CustomerClass::O/>
                                    " → "
                                    <ClassBadge class=crate::domain::customer::class::CustomerClass::C/>
                                    " "
                                    <A href=format!("/kunden/{id}")>{name(id)}</A>
                                </h2>
                                <p class="muted">{(t.downgrade_text)(count)}</p>
                                <ul class="plain-list">
                                    {suggestion.refusals.iter().map(|c| view! {
                                        <li>{format_date(c.date())} " · " {c.reason.clone()} " · " <span class="muted">{(t.timeline_by)(&c.who)}</span></li>
                                    }).collect_view()}
                                </ul>
                                <div class="button-row">
                                    <button class="button-primary" data-testid="downgrade-confirm" on:click=move |_| {
                                        let done = (t.downgrade_done)(&name(id));
                                        leptos::task::spawn_local(async move {
                                            if actions::confirm_downgrade(state, id, (t.downgrade_reason)(count)).await.is_ok() {
                                                state.show_notice(done);
                                            }
                                        });
                                    }>{t.downgrade_confirm}</button>
                                    <button class="button-secondary" data-testid="downgrade-dismiss" on:click=move |_| {
                                        actions::spawn(actions::dismiss_downgrade(state, id));
                                    }>{t.downgrade_dismiss}</button>
                                </div>
                            </section>
                        }
                    }
                </For>
                <section class="panel">
                    <div class="row-between agenda-head">
                        <h2>{t.agenda_title}</h2>
                        <button class="button-secondary" data-testid="calendar-export" on:click=export_calendar>
                            {t.calendar_export}
                        </button>
                    </div>
                    <AgendaGroup title=t.agenda_overdue testid="agenda-overdue" items=Signal::derive(move || plan.with(|a| a.overdue.clone()))/>
                    <AgendaGroup title=t.agenda_today testid="agenda-today" items=Signal::derive(move || plan.with(|a| a.today.clone()))/>
                    <AgendaGroup title=t.agenda_week testid="agenda-week" items=Signal::derive(move || plan.with(|a| a.week.clone()))/>
                    <AgendaOccasions items=week/>
                    <p class="muted small calendar-hint">{t.calendar_export_hint}</p>
                </section>
            </div>
            <section class="panel">
                <h2>{t.due_title}</h2>
                <Show when=move || due.with(Vec::is_empty)>
                    <p class="muted">{t.due_empty}</p>
                </Show>
                <ul class="due-list">
                    <For each=move || due.get().into_iter().take(DUE_SHOWN) key=|e| e.id let(entry)>
                        {
                            let (customer_name, occasions) = state.customers.with_untracked(|customers| {
                                customers
                                    .get(&entry.id)
                                    .map(|c| (c.fields.name.clone(), c.fields.occasions.clone()))
                                    .unwrap_or_default()
                            });
                            let reason = due_reason(&entry, &occasions);
                            view! { <DueItem entry=entry name=customer_name reason=reason/> }
                        }
                    </For>
                </ul>
            </section>
        </div>
    }
}

/// "B · letzter Kontakt vor 94 Tagen · Aktion endet in 6 Tagen"; a near occasion comes
/// first, since it is why the customer ranks up: "B · Kündigungsfrist Kfz-Versicherung
/// in 12 Tagen (Vertrag läuft am 01.01.2027 aus) · …".
fn due_reason(entry: &DueEntry, occasions: &[Occasion]) -> String {
    let t = texts();
    let mut parts = vec![entry.class.letter().to_string()];
    if let Some(hit) = &entry.occasion {
        parts.push(occasion_hit_text(t, hit, occasions));
    }
    parts.push(match entry.days_since_contact {
        Some(days) => (t.due_days)(days),
        None => (t.due_never)(entry.days_known),
    });
    match entry.hook_ends_in {
        Some(days) => parts.push((t.due_hook_ends)(days)),
        None if entry.has_open_hook => parts.push(t.due_open_hook.to_string()),
        None => {}
    }
    if entry.potential {
        parts.push(format!("★ {}", t.potential_flag));
    }
    parts.join(" · ")
}

#[component]
fn DueItem(entry: DueEntry, name: String, reason: String) -> impl IntoView {
    let planning = RwSignal::new(false);
    let id = entry.id;
    view! {
        <li class=format!("due-item class-edge-{}", entry.class.letter().to_lowercase()) data-testid="outreach-due-item" data-customer-id=id.to_string() data-class=entry.class.letter()>
            <div class="due-main">
                <ClassBadge class=entry.class/>
                <div>
                    <A href=format!("/kunden/{id}") attr:class="row-name">{name}</A>
                    <p class="muted small" data-testid="outreach-due-reason">{reason}</p>
                </div>
                <PlanOpenButton open=planning/>
            </div>
            <PlanFormWhenOpen customer=id open=planning/>
        </li>
    }
}

#[component]
fn AgendaGroup(
    title: &'static str,
    testid: &'static str,
    #[prop(into)] items: Signal<Vec<AgendaItem>>,
) -> impl IntoView {
    let t = texts();
    view! {
        <section class="agenda-group" data-testid=testid>
            <h3>{title}</h3>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="muted small">{t.agenda_empty}</p>
            </Show>
            <ul class="plain-list">
                <For each=move || items.get() key=|i| (i.id, i.plan, i.due) let(item)>
                    <AgendaEntry item=item/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn AgendaEntry(item: AgendaItem) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let completing = RwSignal::new(false);
    let result = RwSignal::new(ContactResult::Reached);
    let problem = RwSignal::new(None::<&'static str>);
    // A reason given when planning still counts; completing early may need one anew.
    let override_reason = RwSignal::new(state.customers.with_untracked(|all| {
        all.get(&item.id)
            .zip(item.plan)
            .and_then(|(c, plan)| c.plan(plan))
            .and_then(|p| p.interval_override.clone())
            .unwrap_or_default()
    }));
    let name = state.customers.with_untracked(|all| {
        all.get(&item.id)
            .map(|c| (c.fields.name.clone(), c.class()))
    });
    let (name, class) = name.unwrap_or_default();
    let id = item.id;
    let plan = item.plan;
    let complete = move |_| {
        let Some(planned) = plan.and_then(|plan_id| {
            state
                .customers
                .with_untracked(|all| all.get(&id)?.plan(plan_id).cloned())
        }) else {
            return;
        };
        let plan_id = planned.id;
        let actor = actions::actor(&state);
        let override_text = override_reason.get_untracked();
        let draft = planned.completion_draft(actor.at.date(), &override_text);
        let Some(checked) = check_draft(id, &draft, problem) else {
            return;
        };
        let contact = planned.done(
            ContactId(clock::random_id()),
            &actor,
            checked,
            result.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            if actions::complete_plan(state, id, plan_id, contact)
                .await
                .is_ok()
            {
                state.show_notice(t.agenda_completed);
            }
        });
    };
    view! {
        <li class="agenda-item" data-testid="agenda-item" data-customer-id=id.to_string()>
            <div class="agenda-line">
                <ClassBadge class=class/>
                <time>{format_date(item.due)}</time>
                <A href=format!("/kunden/{id}")>{name}</A>
                <span class="muted">{item.reason.clone()}</span>
                {item.hook.as_ref().map(|h| view! { <span class="hook-chip">{hook_label(t, h)}</span> })}
                {plan.is_none().then(|| view! { <span class="muted small">{t.agenda_follow_up}</span> })}
                {plan.is_some().then(|| view! {
                    <button class="button-link" data-testid="agenda-complete" on:click=move |_| completing.update(|c| *c = !*c)>
                        {t.agenda_complete}
                    </button>
                })}
            </div>
            <Show when=move || completing.get()>
                {move || problem.get().map(|p| view! { <p class="form-errors" role="alert" data-testid="agenda-problem">{p}</p> })}
                <ContactWarnings
                    customer=id
                    direction=Direction::Outbound
                    day=Signal::derive(move || Some(clock::today()))
                    hook=Signal::derive({
                        let hook = item.hook.clone();
                        move || hook.clone()
                    })
                    override_reason=override_reason
                />
                <div class="button-row agenda-complete">
                    <label class="visually-hidden" for=format!("agenda-result-{id}")>{t.contact.result}</label>
                    <ResultSelect id=format!("agenda-result-{id}") testid="agenda-result" value=result/>
                    <button class="button-primary" data-testid="agenda-complete-save" on:click=complete>{t.contact.save}</button>
                </div>
            </Show>
        </li>
    }
}

/// This week's occasions: the same seven days as "Heute" and "Diese Woche".
#[component]
fn AgendaOccasions(#[prop(into)] items: Signal<Vec<AgendaOccasion>>) -> impl IntoView {
    let state = app_state();
    let t = texts();
    view! {
        <section class="agenda-group" data-testid="agenda-occasions">
            <h3>{t.agenda_occasions}</h3>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="muted small">{t.agenda_occasions_empty}</p>
            </Show>
            <ul class="plain-list">
                {move || items.get().into_iter().map(|item| {
                    let id = item.id;
                    let (name, class, occasions) = state.customers.with_untracked(|customers| {
                        customers
                            .get(&id)
                            .map(|c| (c.fields.name.clone(), c.class(), c.fields.occasions.clone()))
                            .unwrap_or_default()
                    });
                    let text = occasion_hit_text(t, &item.hit, &occasions);
                    view! {
                        <li class="agenda-item" data-testid="agenda-occasion" data-customer-id=id.to_string()>
                            <div class="agenda-occasion-line">
                                <ClassBadge class=class/>
                                <p>
                                    <time>{format_date(item.hit.occurrence.date)}</time>
                                    <A href=format!("/kunden/{id}")>{name}</A>
                                </p>
                                <p class="muted small">{text}</p>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
