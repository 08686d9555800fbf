use super::super::clock;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::practice::progress::progress;
use crate::ui::locale::format_whole_percent;
use leptos::prelude::*;

/// Per trainee: lines mastered, repetitions, typed-answer accuracy, drill accuracy and
/// speed, and the streak of practice days.
#[component]
pub fn ProgressPanel() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let rows = Memo::new(move |_| {
        let today = clock::today();
        let playbook = state.playbook.read();
        state.practice.with(|practice| {
            practice
                .trainees
                .iter()
                .map(|trainee| {
                    (
                        trainee.clone(),
                        progress(practice, trainee.id, &playbook, today),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let percent = |value: Option<u8>| value.map_or_else(|| "–".to_string(), format_whole_percent);
    view! {
        <section class="panel">
            <h2>{t.progress_title}</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted">{t.practice.no_trainee}</p>
            </Show>
            <div class="progress-grid">
                {move || rows.get().into_iter().map(|(trainee, p)| view! {
                    <article class="progress-card" data-testid="progress-trainee" data-trainee-id=trainee.id.to_string()
                        data-mastered=p.lines_mastered.to_string() data-repetitions=p.repetitions.to_string()
                        data-drill-rounds=p.drill_rounds.to_string()>
                        <h3>{trainee.name.clone()}</h3>
                        <dl class="stats">
                            <div><dt>{t.progress_mastered}</dt><dd>{(t.progress_of)(p.lines_mastered, p.lines_started)}</dd></div>
                            <div><dt>{t.progress_repetitions}</dt><dd data-testid="progress-repetitions">{p.repetitions}</dd></div>
                            <div><dt>{t.progress_typed}</dt><dd>{percent(p.typed_accuracy)}</dd></div>
                            <div><dt>{t.progress_drill}</dt><dd>{percent(p.drill_accuracy)}</dd><dd class="muted small">{(t.progress_rounds)(p.drill_rounds)}</dd></div>
                            <div><dt>{t.progress_speed}</dt><dd>{p.drill_median_millis.map_or_else(|| "–".to_string(), |ms| (t.seconds)(ms))}</dd></div>
                            <div><dt>{t.progress_streak}</dt><dd>{(t.progress_days)(p.streak_days)}</dd></div>
                        </dl>
                    </article>
                }).collect_view()}
            </div>
        </section>
    }
}
