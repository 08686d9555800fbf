use super::super::i18n::texts;
use crate::domain::practice::word_diff::{AnswerScore, DiffWord, WordMark};
use crate::ui::locale::format_whole_percent;
use leptos::prelude::*;

/// A typed answer against the agreed line: missing words underlined, extra words struck
/// through, so the marks read without colour too.
#[component]
pub fn AnswerDiff(score: AnswerScore) -> impl IntoView {
    let t = texts();
    let (missing, extra) = score.missing_and_extra();
    view! {
        <div class="answer-diff">
            <p class="score" data-testid="practice-score" data-similarity=score.similarity.to_string()>
                <strong>{format_whole_percent(score.similarity)}</strong>
                " " {t.practice.similarity}
                <span class="muted small">" · " {(t.practice.diff_counts)(missing, extra)}</span>
            </p>
            <DiffWords words=score.words testid="practice-diff"
                missing=("word-missing", t.practice.word_missing) extra=("word-extra", t.practice.word_extra)/>
            <p class="muted small">{t.practice.diff_legend}</p>
        </div>
    }
}

/// Words of a diff in reading order. Missing and extra words carry their CSS class and a
/// label, spoken by screen readers and shown as a tooltip, so no mark is colour alone.
#[component]
pub fn DiffWords(
    words: Vec<DiffWord>,
    /// Test id of the paragraph, if any.
    #[prop(optional)]
    testid: &'static str,
    /// Class and label of a word only in the first text.
    missing: (&'static str, &'static str),
    /// Class and label of a word only in the second text.
    extra: (&'static str, &'static str),
) -> impl IntoView {
    view! {
        <p class="diff-words" data-testid=(!testid.is_empty()).then_some(testid)>
            {words.into_iter().map(|w| {
                let (class, label) = match w.mark {
                    WordMark::Same => ("word-same", ""),
                    WordMark::Missing => missing,
                    WordMark::Extra => extra,
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
    }
}
