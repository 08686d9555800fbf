use super::super::actions;
use super::super::clock;
use super::super::format::{kind_key, kind_label, situation_label};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::answer_diff::AnswerDiff;
use super::class_badge::{class_name, BadgeSize, ClassBadge};
use super::nav::is_typing;
use crate::domain::customer::class::CustomerClass;
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::queue::{
    cram_queue, next_in_queue, practice_queue, remaining, requeue_after_rating, QueueOptions,
};
use crate::domain::practice::scheduling::{next_intervals, rehearse};
use crate::domain::practice::state::Rating;
use crate::domain::practice::word_diff::typed_score;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Scheduled,
    Cram,
}

/// Rehearsal: a prompt, the trainee's own opening (typed or spoken), the agreed line
/// revealed with a word diff, and a rating that FSRS turns into the next due date. An
/// objection is rehearsed the same way: the customer objects, the trainee answers.
/// Cram runs the same loop over chosen lines without touching the schedule.
#[component]
pub fn Rehearse() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let queue = RwSignal::new(Vec::<LineId>::new());
    let position = RwSignal::new(0usize);
    let mode = RwSignal::new(None::<Mode>);
    let answer = RwSignal::new(String::new());
    let revealed = RwSignal::new(false);
    let include_proposed = RwSignal::new(false);
    let cram_class = RwSignal::new(String::new());
    let done_count = RwSignal::new(0usize);
    let trainee = Memo::new(move |_| state.practice.with(|p| p.active_trainee().map(|t| t.id)));
    // The trainee a round was started for; choosing someone else ends the round, so no
    // rating lands on the wrong person's cards.
    let round_trainee = RwSignal::new(None::<crate::domain::ids::TraineeId>);
    Effect::new(move |_| {
        if trainee.get() != round_trainee.get_untracked() {
            mode.set(None);
        }
    });
    let current = Memo::new(move |_| {
        let from = position.get();
        queue.with(|q| {
            state
                .playbook
                .with(|lines| next_in_queue(q, from, lines).map(|(index, l)| (index, l.clone())))
        })
    });

    let start = move |chosen: Mode| {
        let Some(trainee) = trainee.get_untracked() else {
            return;
        };
        let now = clock::now();
        let lines = {
            let playbook = state.playbook.read_untracked();
            let options = QueueOptions {
                include_proposed: include_proposed.get_untracked(),
                new_per_day: state.settings.with_untracked(|s| s.new_cards_per_day),
            };
            match chosen {
                Mode::Scheduled => state.practice.with_untracked(|practice| {
                    practice_queue(practice, trainee, &playbook, options, now)
                }),
                Mode::Cram => cram_queue(
                    &playbook,
                    CustomerClass::from_letter(&cram_class.get_untracked()),
                    options.include_proposed,
                ),
            }
        };
        queue.set(lines);
        round_trainee.set(Some(trainee));
        position.set(0);
        done_count.set(0);
        answer.set(String::new());
        revealed.set(false);
        mode.set(Some(chosen));
    };
    let rate = move |rating: Rating| {
        let (Some((index, line)), Some(trainee), Some(chosen)) = (
            current.get_untracked(),
            round_trainee.get_untracked(),
            mode.get_untracked(),
        ) else {
            return;
        };
        if !revealed.get_untracked() {
            return;
        }
        let typed = answer.get_untracked();
        let similarity = typed_score(&line.text, &typed).map(|score| score.similarity);
        let now = clock::now();
        let line_id = line.id;
        // The round moves on at once; the rating is stored under the lock meanwhile. One
        // that could not be stored was reported, and its line comes again at the end.
        done_count.update(|n| *n += 1);
        queue.update(|q| requeue_after_rating(q, line_id, rating, chosen == Mode::Cram));
        position.set(index + 1);
        answer.set(String::new());
        revealed.set(false);
        leptos::task::spawn_local(async move {
            let saved = actions::record_practice(state, trainee, move |p| {
                rehearse(
                    p,
                    trainee,
                    &line,
                    rating,
                    similarity,
                    now,
                    chosen == Mode::Cram,
                )
            })
            .await;
            if saved.is_err() {
                done_count.update(|n| *n = n.saturating_sub(1));
                queue.update(|q| q.push(line_id));
            }
        });
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !revealed.get_untracked()
            || is_typing(&ev)
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        if let Some(rating) = Rating::from_digit(&ev.key()) {
            ev.prevent_default();
            rate(rating);
        }
    });
    on_cleanup(move || handle.remove());

    let intervals = move |line: &PlaybookLine| -> Vec<(Rating, String)> {
        let (Some(trainee), Some(Mode::Scheduled)) =
            (round_trainee.get_untracked(), mode.get_untracked())
        else {
            return Rating::ALL.iter().map(|r| (*r, String::new())).collect();
        };
        let now = clock::now();
        state.practice.with_untracked(|practice| {
            next_intervals(practice.card(trainee, line.id), trainee, line, now)
                .into_iter()
                .map(|(r, minutes)| (r, (t.practice.interval)(minutes)))
                .collect()
        })
    };

    view! {
        <section class="panel rehearse">
            <h2>{t.practice.rehearse_title}</h2>
            <p class="muted">{t.practice.rehearse_intro}</p>
            <div class="practice-options">
                <label class="check">
                    <input type="checkbox" data-testid="practice-include-proposed" prop:checked=move || include_proposed.get()
                        on:change=move |ev| include_proposed.set(event_target_checked(&ev))/>
                    {t.practice.include_proposed}
                </label>
                <div class="field">
                    <label for="practice-cram-class">{t.practice.cram_class}</label>
                    <select id="practice-cram-class" data-testid="practice-cram-class" on:change=move |ev| cram_class.set(event_target_value(&ev))>
                        <option value="">{t.playbook.all}</option>
                        {CustomerClass::BOARD_ORDER.into_iter().map(|c| view! { <option value=c.letter()>{class_name(c)}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="button-row">
                <button class="button-primary" data-testid="practice-start" disabled=move || trainee.get().is_none()
                    on:click=move |_| start(Mode::Scheduled)>{t.practice.start}</button>
                <button class="button-secondary" data-testid="practice-cram" disabled=move || trainee.get().is_none()
                    on:click=move |_| start(Mode::Cram)>{t.practice.cram}</button>
            </div>
            <Show when=move || trainee.get().is_none()>
                <p class="muted" data-testid="practice-no-trainee">{t.practice.no_trainee}</p>
            </Show>
        </section>
        {move || mode.get().map(|chosen| match current.get() {
            None => view! {
                <section class="panel practice-done" data-testid="practice-done">
                    <h2>{if done_count.get() == 0 { t.practice.nothing_due } else { t.practice.done }}</h2>
                    <p>{(t.practice.done_count)(done_count.get())}</p>
                </section>
            }.into_any(),
            Some((index, line)) => {
                let left = queue.with(|q| remaining(q, index));
                let agreed_text = line.text.clone();
                let for_intervals = line.clone();
                let objection = line.is_objection();
                let said = line.customer_says().to_string();
                let situation = if objection {
                    format!("{} · {}", kind_label(t, &line), situation_label(t, &line))
                } else {
                    situation_label(t, &line)
                };
                view! {
                    <section class="panel practice-card" class:practice-objection=objection data-testid="practice-prompt"
                        data-line-id=line.id.to_string() data-kind=kind_key(&line) data-mode=if chosen == Mode::Cram { "cram" } else { "scheduled" }>
                        <header class="practice-situation">
                            {match line.for_class() {
                                Some(class) => view! { <ClassBadge class=class size=BadgeSize::Large/> }.into_any(),
                                None => view! { <span class="class-badge class-all badge-large" aria-hidden="true">"∗"</span> }.into_any(),
                            }}
                            <div>
                                <p class="situation-line">{situation}</p>
                                <p class="muted small">{(t.practice.remaining)(left)} {(chosen == Mode::Cram).then_some(t.practice.cram_badge)}</p>
                            </div>
                        </header>
                        {(!said.is_empty()).then(|| view! {
                            <p class="customer-says">
                                <span class="muted">{if objection { t.practice.customer_objects } else { t.practice.customer_says }}</span>
                                " " {(t.quoted)(&said)}
                            </p>
                        })}
                        <div class="field">
                            <label for="practice-answer">{if objection { t.practice.objection_answer_label } else { t.practice.answer_label }}</label>
                            <textarea id="practice-answer" rows="3" data-testid="practice-answer" readonly=move || revealed.get()
                                prop:value=move || answer.get() on:input=move |ev| answer.set(event_target_value(&ev))></textarea>
                        </div>
                        <Show when=move || !revealed.get()>
                            <button class="button-primary" data-testid="practice-reveal" on:click=move |_| revealed.set(true)>{t.practice.reveal}</button>
                        </Show>
                        <Show when=move || revealed.get()>
                            <div class="practice-reveal">
                                <p class="muted small">{if objection { t.objection_answer_label } else { t.practice.agreed_label }}</p>
                                <blockquote class="line-text" data-testid="practice-agreed-line">{agreed_text.clone()}</blockquote>
                                {
                                    let agreed = agreed_text.clone();
                                    move || {
                                        typed_score(&agreed, &answer.get()).map(|score| view! { <AnswerDiff score=score/> })
                                    }
                                }
                                <div class="rating-row" role="group" aria-label=t.practice.rate_label>
                                    {intervals(&for_intervals).into_iter().enumerate().map(|(i, (rating, interval))| view! {
                                        <button class=format!("rating rating-{}", rating.key()) data-testid=format!("practice-rate-{}", rating.key())
                                            on:click=move |_| rate(rating)>
                                            <span class="rating-key">{i + 1}</span>
                                            <span>{(t.practice.rating)(rating)}</span>
                                            <span class="muted small">{interval}</span>
                                        </button>
                                    }).collect_view()}
                                </div>
                                <p class="muted small">{t.practice.keys_hint}</p>
                            </div>
                        </Show>
                    </section>
                }.into_any()
            }
        })}
    }
}
