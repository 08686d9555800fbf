use super::super::actions;
use super::super::clock;
use super::super::components::class_badge::{class_name, BadgeSize, ClassBadge};
use super::super::components::contact_form::ContactForm;
use super::super::components::customer_form::CustomerForm;
use super::super::components::link::A;
use super::super::components::plan_form::{PlanFormWhenOpen, PlanOpenButton};
use super::super::components::timeline::Timeline;
use super::super::format::{hook_label, occasion_hit_text, validity_text};
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::customer::class::CustomerClass;
use crate::domain::format::details::details_line;
use crate::domain::ids::CustomerId;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The customer file (Kundenakte): class first, then the data, the current note and
/// the timeline with its contact form.
#[component]
pub fn CustomerFilePage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<CustomerId>().ok())));
    move || match id.get() {
        Some(id) => view! { <CustomerFile id=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let t = texts();
    view! {
        <section class="panel">
            <p>{t.customer_not_found}</p>
            <A href="/kunden">{t.customer_back}</A>
        </section>
    }
}

#[component]
fn CustomerFile(id: CustomerId) -> impl IntoView {
    let state = app_state();
    let t = texts();
    let customer = Memo::new(move |_| state.customers.with(|all| all.get(&id).cloned()));
    let exists_at_start = customer.with_untracked(Option::is_some);
    let class = Signal::derive(move || {
        customer.with(|c| c.as_ref().map_or(CustomerClass::O, |c| c.class()))
    });
    let logging = RwSignal::new(false);
    let planning = RwSignal::new(false);
    let confirming_delete = RwSignal::new(false);
    let navigate = use_navigate();
    let delete = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if actions::delete_customer(state, id).await.is_ok() {
                navigate("/kunden", Default::default());
            }
        });
    };
    let last_contact = move || {
        customer.with(|c| {
            c.as_ref()
                .map(|c| match c.days_since_last_contact(clock::today()) {
                    Some(days) => (t.last_contact)(days),
                    None => t.no_contact_yet.to_string(),
                })
        })
    };

    if !exists_at_start {
        return view! { <NotFound/> }.into_any();
    }
    view! {
        <article class="customer-file" data-testid="customer-file" data-customer-id=id.to_string()>
            <header class="file-head">
                <ClassBadge class=class size=BadgeSize::Large/>
                <div class="file-title">
                    <p class="class-name" data-testid="customer-file-class">{move || class_name(class.get())}
                        <Show when=move || customer.with(|c| c.as_ref().is_some_and(|c| c.fields.potential))>
                            <span class="potential-chip" data-testid="potential-flag">"★ " {t.potential_flag}</span>
                        </Show>
                    </p>
                    <h1 data-testid="customer-file-name">{move || customer.with(|c| c.as_ref().map(|c| c.fields.name.clone()))}</h1>
                    <p class="muted" data-testid="customer-file-details">
                        {move || {
                            let company = customer.with(|c| c.as_ref().map(|c| c.fields.company.clone()).unwrap_or_default());
                            let postcode = customer.with(|c| c.as_ref().map(|c| c.fields.postcode.clone()).unwrap_or_default());
                            let postcode = if postcode.is_empty() { postcode } else { (t.file_postcode)(&postcode) };
                            let last = last_contact().unwrap_or_default();
                            details_line([company.as_str(), postcode.as_str(), last.as_str()])
                        }}
                    </p>
                </div>
                <div class="file-actions">
                    <button class="button-danger-quiet" data-testid="customer-delete" on:click=move |_| confirming_delete.set(true)>
                        {t.delete}
                    </button>
                </div>
            </header>
            {move || customer.get().and_then(|c| c.fields.current_note).map(|note| {
                let today = clock::today();
                let expired = note.is_expired(today);
                view! {
                    <section class="note-summary" class:note-expired=expired data-testid="customer-file-note" data-expired=expired.to_string()>
                        <p class="note-summary-head">
                            <span class="hook-chip">{hook_label(t, &note.hook)}</span>
                            <span class="muted small">{validity_text(t, note.validity(today), note.valid_until)}</span>
                        </p>
                        <p class="note-summary-text">{note.text.clone()}</p>
                    </section>
                }
            })}
            <NearOccasions customer=customer/>
            <Show when=move || confirming_delete.get()>
                <div class="banner banner-warning" role="alertdialog" aria-label=t.delete data-testid="delete-confirm-panel">
                    <span>{move || (t.delete_confirm_question)(&customer.with(|c| c.as_ref().map(|c| c.fields.name.clone()).unwrap_or_default()))}</span>
                    <div class="button-row">
                        <button class="button-secondary" on:click=move |_| confirming_delete.set(false)>{t.cancel}</button>
                        <button class="button-danger" data-testid="customer-delete-confirm" on:click=delete.clone()>{t.delete_confirm}</button>
                    </div>
                </div>
            </Show>
            <div class="file-columns">
                <div class="file-main">
                    <CustomerForm customer=Some(id)/>
                </div>
                <aside class="file-side">
                    <section class="panel">
                        <div class="row-between">
                            <h2>{t.section_timeline}</h2>
                            <button class="button-primary" data-testid="contact-log-open" on:click=move |_| logging.update(|l| *l = !*l)>
                                {t.contact.log_open}
                            </button>
                        </div>
                        <div class="button-row">
                            <PlanOpenButton open=planning/>
                        </div>
                        <PlanFormWhenOpen customer=id open=planning/>
                        <Show when=move || logging.get()>
                            <ContactForm customer=id on_done=Callback::new(move |_| logging.set(false))/>
                        </Show>
                        <AlreadyTold customer=customer/>
                        <Timeline customer=customer/>
                    </section>
                </aside>
            </div>
        </article>
    }
    .into_any()
}

/// The hooks already used with this customer, newest first: the same story is not told twice.
#[component]
fn AlreadyTold(
    #[prop(into)] customer: Signal<Option<crate::domain::customer::record::Customer>>,
) -> impl IntoView {
    let t = texts();
    let used = move || {
        customer.with(|c| {
            c.as_ref()
                .map(crate::domain::call::card::used_hooks)
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !used().is_empty()>
            <div class="already-told" data-testid="already-told">
                <span class="muted small">{t.call.used_title} ":"</span>
                {move || used().into_iter().map(|(hook, day)| view! {
                    <span class="hook-chip" data-testid="already-told-item">
                        {hook_label(t, &hook)} " · " {crate::ui::locale::format_date(day)}
                    </span>
                }).collect_view()}
            </div>
        </Show>
    }
}

/// The occasions near today or of the last week, as the call card names them; every
/// occasion with its next day is listed in the form below.
#[component]
fn NearOccasions(
    #[prop(into)] customer: Signal<Option<crate::domain::customer::record::Customer>>,
) -> impl IntoView {
    let t = texts();
    let near = move || {
        customer.with(|c| {
            c.as_ref()
                .map(|c| {
                    let hits = crate::domain::call::card::call_occasions(c, clock::today());
                    hits.iter()
                        .take(3)
                        .map(|hit| occasion_hit_text(t, hit, &c.fields.occasions))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !near().is_empty()>
            <div class="already-told near-occasions" data-testid="customer-file-occasions">
                <span class="muted small">{t.section_occasions} ":"</span>
                {move || near().into_iter().map(|text| view! {
                    <span class="hook-chip occasion-chip">{text}</span>
                }).collect_view()}
            </div>
        </Show>
    }
}
