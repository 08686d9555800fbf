use super::super::actions;
use super::super::clock;
use super::super::format::{direction_label, hook_label};
use super::super::i18n::texts;
use super::super::state::app_state;
use super::class_badge::{class_name, BadgeSize, ClassBadge};
use super::nav::is_typing;
use crate::domain::customer::class::CustomerClass;
use crate::domain::playbook::lines::line_by_id;
use crate::domain::practice::drill::{drill_round_or_demo, Dice, DrillChoice, DrillRound};
use crate::ui::locale::format_euro_rounded;
use leptos::prelude::*;

/// How long the customer card stays uncovered: a glance, as when the phone rings.
const GLANCE_MILLIS: u32 = 1500;

#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    class_pick: CustomerClass,
    line_pick: DrillChoice,
    millis: u32,
}

/// The class-glance drill: a customer card flashes up, the trainee picks the class
/// first, then the fitting opening line. Timed; the record is kept per trainee.
#[component]
pub fn DrillPanel() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let round = RwSignal::new(None::<DrillRound>);
    let shown_at = StoredValue::new(0.0f64);
    let covered = RwSignal::new(false);
    let class_pick = RwSignal::new(None::<(CustomerClass, u32)>);
    let outcome = RwSignal::new(None::<Outcome>);
    let from_demo = RwSignal::new(false);
    let nothing_fits = RwSignal::new(false);
    // Each round's cover timer only acts on its own round.
    let generation = StoredValue::new(0u32);
    let trainee = Memo::new(move |_| state.practice.with(|p| p.active_trainee().map(|t| t.id)));

    let next = move || {
        let today = clock::today();
        let mut dice = Dice::new(clock::random_id());
        let found = state.customers.with_untracked(|customers| {
            state.playbook.with_untracked(|playbook| {
                drill_round_or_demo(customers, playbook, &mut dice, today)
            })
        });
        class_pick.set(None);
        outcome.set(None);
        covered.set(false);
        from_demo.set(found.as_ref().is_some_and(|(_, demo)| *demo));
        nothing_fits.set(found.is_none());
        round.set(found.map(|(r, _)| r));
        shown_at.set_value(clock::millis());
        generation.update_value(|g| *g = g.wrapping_add(1));
        let this_round = generation.get_value();
        set_timeout(
            move || {
                // The trainee may have left the drill meanwhile: then there is nothing to cover.
                let current = generation.try_get_value() == Some(this_round);
                if current && class_pick.try_get_untracked() == Some(None) {
                    covered.try_set(true);
                }
            },
            std::time::Duration::from_millis(u64::from(GLANCE_MILLIS)),
        );
    };
    let pick_class = move |class: CustomerClass| {
        if round.with_untracked(Option::is_none) || class_pick.get_untracked().is_some() {
            return;
        }
        let millis = (clock::millis() - shown_at.get_value()).max(0.0) as u32;
        class_pick.set(Some((class, millis)));
        covered.set(true);
    };
    let pick_line = move |line: DrillChoice| {
        let (Some(r), Some((class, millis)), Some(trainee)) = (
            round.get_untracked(),
            class_pick.get_untracked(),
            trainee.get_untracked(),
        ) else {
            return;
        };
        if outcome.with_untracked(Option::is_some) {
            return;
        }
        let attempt = r.attempt(trainee, clock::now(), class, line, millis);
        leptos::task::spawn_local(async move {
            if actions::record_practice(state, trainee, move |p| p.drills.push(attempt))
                .await
                .is_ok()
            {
                outcome.set(Some(Outcome {
                    class_pick: class,
                    line_pick: line,
                    millis,
                }));
                // Uncovered again, so the trainee sees what the card said.
                covered.set(false);
            }
        });
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if round.with_untracked(Option::is_none)
            || is_typing(&ev)
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        let key = ev.key();
        if class_pick.get_untracked().is_none() {
            if let Some(class) = CustomerClass::from_letter(&key.to_uppercase()) {
                ev.prevent_default();
                pick_class(class);
            }
        } else if outcome.with_untracked(Option::is_none) {
            let option = key.parse::<usize>().ok().and_then(|n| {
                round.with_untracked(|r| {
                    r.as_ref()
                        .and_then(|r| r.options.get(n.checked_sub(1)?).copied())
                })
            });
            if let Some(line) = option {
                ev.prevent_default();
                pick_line(line);
            }
        }
    });
    on_cleanup(move || handle.remove());

    // The option's words, and the class it belongs to.
    let choice_text = move |choice: DrillChoice| {
        state.playbook.with(|playbook| {
            let text = match choice {
                DrillChoice::Line(id) => line_by_id(playbook, id)
                    .map(|l| l.text.clone())
                    .unwrap_or_default(),
                DrillChoice::NoApproach => t.drill.no_approach.to_string(),
            };
            (text, choice.class(playbook).unwrap_or(CustomerClass::O))
        })
    };
    let choice_key = |choice: DrillChoice| match choice {
        DrillChoice::Line(id) => id.to_string(),
        DrillChoice::NoApproach => "none".to_string(),
    };

    view! {
        <section class="panel drill">
            <h2>{t.drill.title}</h2>
            <p class="muted">{t.drill.intro}</p>
            <button class="button-primary" data-testid="drill-start" disabled=move || trainee.get().is_none()
                on:click=move |_| next()>{move || if round.with(Option::is_some) { t.drill.next } else { t.drill.start }}</button>
            <Show when=move || trainee.get().is_none()>
                <p class="muted">{t.practice.no_trainee}</p>
            </Show>
            <Show when=move || nothing_fits.get()>
                <p class="banner banner-info" role="status" data-testid="drill-nothing">{t.drill.nothing_fits}</p>
            </Show>
        </section>
        {move || round.get().map(|r| {
            let hook = r.hook.as_ref().map(|h| hook_label(t, h));
            let options = r.options.clone();
            view! {
                <section class="panel drill-round">
                    <Show when=move || from_demo.get()>
                        <p class="muted small">{t.drill.demo_note}</p>
                    </Show>
                    <article class="drill-card" data-testid="drill-card" data-class=r.class.letter()
                        data-covered=move || covered.get().to_string()>
                        <div class="drill-card-face" class:covered=move || covered.get() aria-hidden=move || covered.get().to_string()>
                            <ClassBadge class=r.class size=BadgeSize::Large/>
                            <div>
                                <p class="drill-name">{r.name.clone()}</p>
                                <p class="muted">{r.company.clone()}</p>
                                <p>{direction_label(t, r.direction)} " · " {format_euro_rounded(r.revenue_cents)}
                                    {r.potential.then(|| view! { " · " <span class="potential-flag">{t.potential_flag}</span> })}</p>
                                {hook.clone().map(|h| view! { <p class="drill-hook">{h} ": " {r.note.clone()}</p> })}
                            </div>
                        </div>
                        <Show when=move || covered.get()>
                            <p class="drill-cover">{t.drill.covered}</p>
                        </Show>
                    </article>
                    <div class="drill-step" role="group" aria-label=t.drill.pick_class>
                        <p><strong>"1 · "</strong>{t.drill.pick_class}</p>
                        <div class="button-row">
                            {CustomerClass::BOARD_ORDER.into_iter().map(|c| view! {
                                <button class=format!("class-pick class-pick-{}", c.letter().to_lowercase())
                                    data-testid=format!("drill-class-{}", c.letter())
                                    aria-pressed=move || (class_pick.get().map(|(p, _)| p) == Some(c)).to_string()
                                    disabled=move || class_pick.get().is_some()
                                    title=class_name(c)
                                    on:click=move |_| pick_class(c)>{c.letter()}</button>
                            }).collect_view()}
                        </div>
                    </div>
                    <Show when=move || class_pick.get().is_some()>
                        <div class="drill-step" role="group" aria-label=t.drill.pick_line>
                            <p><strong>"2 · "</strong>{t.drill.pick_line}</p>
                            <ol class="drill-options">
                                {options.clone().into_iter().map(|id| {
                                    let (text, class) = choice_text(id);
                                    let is_correct = id == r.correct;
                                    let answered = move || outcome.with(Option::is_some);
                                    view! {
                                        <li>
                                            <button class="drill-option" class:drill-option-correct=move || answered() && is_correct
                                                data-testid="drill-option" data-line-id=choice_key(id) data-class=class.letter()
                                                aria-pressed=move || (outcome.get().map(|o| o.line_pick) == Some(id)).to_string()
                                                disabled=answered
                                                on:click=move |_| pick_line(id)>
                                                {text}
                                                <Show when=move || answered() && is_correct>
                                                    <span class="fits-chip">{t.drill.fits}</span>
                                                </Show>
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </div>
                    </Show>
                    {move || outcome.get().map(|o| {
                        let verdict = r.verdict(o.class_pick, o.line_pick);
                        let (class_right, line_right, right) = (verdict.class_correct, verdict.line_correct, verdict.correct());
                        view! {
                            <div class=if right { "banner banner-success" } else { "banner banner-warning" } role="status"
                                data-testid="drill-result" data-correct=right.to_string() data-class-correct=class_right.to_string()>
                                <strong>{if right { t.drill.right } else { t.drill.wrong }}</strong>
                                " " {(t.drill.result)(r.class.letter(), o.millis)}
                                {(!line_right).then(|| view! { <p class="small">{t.drill.right_line} " " {choice_text(r.correct).0}</p> })}
                            </div>
                        }
                    })}
                </section>
            }
        })}
    }
}
