use super::super::i18n::texts;
use crate::domain::word_diff::{AnswerScore, WordMark};
use crate::ui::locale::format_whole_percent;
use leptos::prelude::*;

/// A typed answer against the agreed line: missing words underlined, extra words struck
/// through, so the marks read without colour too.
#[component]
pub fn AnswerDiff(score: AnswerScore) -> impl IntoView {
    let t = texts();
    let missing = score
        .words
        .iter()
        .filter(|w| w.mark == WordMark::Missing)
        .count();
    let extra = score
        .words
        .iter()
        .filter(|w| w.mark == WordMark::Extra)
        .count();
    view! {
        <div class="answer-diff">
            <p class="score" data-testid="practice-score" data-similarity=score.similarity.to_string()>
                <strong>{format_whole_percent(score.similarity)}</strong>
                " " {t.practice_similarity}
                <span class="muted small">" · " {(t.practice_diff_counts)(missing, extra)}</span>
            </p>
            <p class="diff-words" data-testid="practice-diff">
                {score.words.into_iter().map(|w| {
                    let (class, label) = match w.mark {
                        WordMark::Same => ("word-same", ""),
                        WordMark::Missing => ("word-missing", t.practice_word_missing),
                        WordMark::Extra => ("word-extra", t.practice_word_extra),
                    };
                    view! {
                        <span class=class data-mark=class title=label>
                            {(!label.is_empty()).then(|| view! { <span class="visually-hidden">{label} ": "</span> })}
                            {w.word}
                        </span>
                        " "
                    }
                }).collect_view()}
            </p>
            <p class="muted small">{t.practice_diff_legend}</p>
        </div>
    }
}
