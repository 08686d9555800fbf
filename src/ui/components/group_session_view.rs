use super::super::actions;
use super::super::clock;
use super::super::format::{direction_label, hook_label};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::class_badge::{class_name, BadgeSize, ClassBadge};
use crate::domain::ids::TraineeId;
use crate::domain::playbook::lines::line_by_id;
use crate::domain::practice::drill::Dice;
use crate::domain::practice::group_session::{
    has_agreed_line, mark_rating, taking_part, GroupSession,
};
use crate::domain::practice::scheduling::rehearse;
use leptos::portal::Portal;
use leptos::prelude::*;

/// The training-room view: large type and high contrast for a projector. Each round a
/// random situation goes to the next trainee; the trainer reveals the agreed line and
/// marks how it went. The marks count as practice for each trainee without touching
/// their schedules.
#[component]
pub fn GroupSessionView() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let session = RwSignal::new(None::<GroupSession>);
    let dice = StoredValue::new(Dice::new(0));
    let revealed = RwSignal::new(false);
    let finished = RwSignal::new(false);
    let nothing_agreed = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<TraineeId>::new());
    let trainees = Memo::new(move |_| state.practice.with(|p| p.trainees.clone()));
    let name_of = move |id: TraineeId| {
        trainees.with(|all| {
            all.iter()
                .find(|t| t.id == id)
                .map(|t| t.name.clone())
                .unwrap_or_default()
        })
    };

    let next_round = move || {
        let lines = state.playbook.get_untracked();
        let mut d = dice.get_value();
        session.update(|s| {
            if let Some(s) = s {
                s.next_round(&lines, &mut d);
            }
        });
        dice.set_value(d);
        revealed.set(false);
    };
    let start = move |_| {
        let chosen = chosen.get_untracked();
        let who = trainees.with_untracked(|all| taking_part(&chosen, all));
        let has_lines = state
            .playbook
            .with_untracked(|lines| has_agreed_line(lines));
        nothing_agreed.set(!has_lines);
        if who.is_empty() || !has_lines {
            return;
        }
        dice.set_value(Dice::new(clock::random_id()));
        session.set(Some(GroupSession::new(who)));
        finished.set(false);
        next_round();
        focus_in_projector("session-reveal");
    };
    // While the projector view is open, the page behind it takes no focus or clicks.
    Effect::new(move |_| {
        let open = session.with(Option::is_some) && !finished.get();
        set_background_inert(open);
    });
    on_cleanup(|| set_background_inert(false));
    // Escape leaves the projector view for the summary, as from any dialog.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let open = session.try_with_untracked(Option::is_some) == Some(true)
            && finished.try_get_untracked() == Some(false);
        if open && ev.key() == "Escape" {
            ev.prevent_default();
            finished.set(true);
        }
    });
    on_cleanup(move || handle.remove());
    let mark = move |succeeded: bool| {
        let Some(round) =
            session.with_untracked(|s| s.as_ref().and_then(|s| s.unmarked_round().cloned()))
        else {
            return;
        };
        let Some(line) = state
            .playbook
            .with_untracked(|lines| line_by_id(lines, round.line).cloned())
        else {
            return;
        };
        let rating = mark_rating(succeeded);
        let now = clock::now();
        let trainee = round.trainee;
        actions::spawn(actions::record_practice(state, trainee, move |p| {
            rehearse(p, trainee, &line, rating, None, now, true)
        }));
        session.update(|s| {
            if let Some(s) = s {
                s.mark_current(succeeded)
            }
        });
    };
    let current = Memo::new(move |_| {
        let round = session.with(|s| s.as_ref().and_then(|s| s.rounds.last().cloned()))?;
        let line = state
            .playbook
            .with(|lines| line_by_id(lines, round.line).cloned())?;
        Some((round, line))
    });
    let round_number = move || session.with(|s| s.as_ref().map_or(0, |s| s.rounds.len()));

    view! {
        <section class="panel">
            <h2>{t.session.title}</h2>
            <p class="muted">{t.session.intro}</p>
            <fieldset class="session-trainees">
                <legend>{t.session.who}</legend>
                {move || trainees.get().into_iter().map(|trainee| {
                    let id = trainee.id;
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="session-trainee" prop:checked=move || chosen.with(|c| c.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                                }/>
                            {trainee.name.clone()}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <button class="button-primary" data-testid="session-start" disabled=move || trainees.with(Vec::is_empty) on:click=start>{t.session.start}</button>
            <Show when=move || trainees.with(Vec::is_empty)>
                <p class="muted">{t.practice.no_trainee}</p>
            </Show>
            <Show when=move || nothing_agreed.get()>
                <p class="banner banner-info" role="status">{t.session.nothing_agreed}</p>
            </Show>
        </section>
        <Show when=move || session.with(Option::is_some) && !finished.get()>
            <Portal>
            <div class="projector" data-testid="session-view" role="dialog" aria-modal="true" aria-label=t.session.title>
                {move || current.get().map(|(round, line)| view! {
                    <div class="projector-head">
                        <span>{(t.session.round)(round_number())}</span>
                        <span class="projector-turn" data-testid="session-turn">{(t.session.turn)(&name_of(round.trainee))}</span>
                    </div>
                    <div class="projector-situation" data-testid="session-situation" data-class=line.situation.class.letter()>
                        <ClassBadge class=line.situation.class size=BadgeSize::Large/>
                        <div>
                            <p class="projector-class">{class_name(line.situation.class)}</p>
                            <p>{direction_label(t, line.situation.direction)} " · " {hook_label(t, &line.situation.hook)}</p>
                        </div>
                    </div>
                    {(!line.customer_line.is_empty()).then(|| view! {
                        <p class="projector-customer">{t.practice.customer_says} " " {(t.quoted)(&line.customer_line)}</p>
                    })}
                    <Show when=move || revealed.get() fallback=move || view! {
                        <button class="projector-button" data-testid="session-reveal" on:click=move |_| { revealed.set(true); focus_in_projector("session-mark-good"); }>{t.practice.reveal}</button>
                    }>
                        <blockquote class="projector-line" data-testid="session-agreed-line">{line.text.clone()}</blockquote>
                        <div class="projector-actions">
                            <button class="projector-button" data-testid="session-mark-good" aria-pressed=move || (current.get().and_then(|(r, _)| r.succeeded) == Some(true)).to_string()
                                on:click=move |_| mark(true)>{t.session.mark_good}</button>
                            <button class="projector-button" data-testid="session-mark-again" aria-pressed=move || (current.get().and_then(|(r, _)| r.succeeded) == Some(false)).to_string()
                                on:click=move |_| mark(false)>{t.session.mark_again}</button>
                        </div>
                    </Show>
                })}
                <div class="projector-foot">
                    <button class="projector-button" data-testid="session-next" on:click=move |_| { next_round(); focus_in_projector("session-reveal"); }>{t.session.next}</button>
                    <button class="projector-button projector-quiet" data-testid="session-end" on:click=move |_| finished.set(true)>{t.session.end}</button>
                </div>
            </div>
            </Portal>
        </Show>
        <Show when=move || finished.get()>
            <section class="panel" data-testid="session-summary">
                <h2>{t.session.summary}</h2>
                <table class="table">
                    <thead><tr><th scope="col">{t.session.trainee}</th><th scope="col">{t.session.rounds}</th><th scope="col">{t.session.succeeded}</th></tr></thead>
                    <tbody>
                        {move || session.with(|s| s.as_ref().map(|s| s.summary()).unwrap_or_default()).into_iter().map(|row| view! {
                            <tr data-testid="session-summary-row" data-trainee-id=row.trainee.to_string()>
                                <th scope="row">{name_of(row.trainee)}</th>
                                <td>{row.rounds}</td>
                                <td>{row.succeeded}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </Show>
    }
}

/// Puts the keyboard focus on a projector button once it is on the page, so the trainer
/// can go on with Enter.
fn focus_in_projector(testid: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let button = document()
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    });
}

/// Marks the page behind the projector view inert (or not); the view itself is mounted
/// outside `main`, so it stays usable.
fn set_background_inert(inert: bool) {
    for selector in [".topbar", ".skip-link", "main"] {
        if let Ok(Some(element)) = document().query_selector(selector) {
            let _ = if inert {
                element.set_attribute("inert", "")
            } else {
                element.remove_attribute("inert")
            };
        }
    }
}
