//! Scores a typed opening line against the agreed one, word by word. Case, punctuation
//! and umlaut spelling do not count against the trainee; missing and extra words do.

use crate::domain::format::text_fold::fold;

/// Far beyond any opening line; keeps a pasted essay from building a huge table.
const MAX_WORDS: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMark {
    Same,
    /// In the agreed line, not in the answer.
    Missing,
    /// In the answer, not in the agreed line.
    Extra,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffWord {
    /// As written, punctuation included, so the diff reads like the original text.
    pub word: String,
    pub mark: WordMark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerScore {
    pub words: Vec<DiffWord>,
    /// Shared words over the average length of both texts, in percent (Dice coefficient).
    pub similarity: u8,
}

/// Longest-common-subsequence alignment of the two word lists. Opening lines are a few
/// dozen words, so the quadratic table is tiny.
pub fn score_answer(agreed: &str, answer: &str) -> AnswerScore {
    let expected: Vec<&str> = agreed.split_whitespace().take(MAX_WORDS).collect();
    let given: Vec<&str> = answer.split_whitespace().take(MAX_WORDS).collect();
    let expected_keys: Vec<String> = expected.iter().map(|w| word_key(w)).collect();
    let given_keys: Vec<String> = given.iter().map(|w| word_key(w)).collect();
    let (n, m) = (expected.len(), given.len());
    let mut table = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if expected_keys[i] == given_keys[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let mut words = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && expected_keys[i] == given_keys[j] {
            words.push(mark(expected[i], WordMark::Same));
            i += 1;
            j += 1;
        } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
            words.push(mark(given[j], WordMark::Extra));
            j += 1;
        } else {
            words.push(mark(expected[i], WordMark::Missing));
            i += 1;
        }
    }
    let common = usize::from(table[0][0]);
    let similarity = if n + m == 0 {
        100
    } else {
        ((200 * common) as f64 / (n + m) as f64).round() as u8
    };
    AnswerScore { words, similarity }
}

/// The score of a typed answer; a spoken one, with nothing typed, has none.
pub fn typed_score(agreed: &str, typed: &str) -> Option<AnswerScore> {
    (!typed.trim().is_empty()).then(|| score_answer(agreed, typed))
}

impl AnswerScore {
    /// Words of the agreed line the answer left out, and words it added.
    pub fn missing_and_extra(&self) -> (usize, usize) {
        self.words
            .iter()
            .fold((0, 0), |(missing, extra), w| match w.mark {
                WordMark::Missing => (missing + 1, extra),
                WordMark::Extra => (missing, extra + 1),
                WordMark::Same => (missing, extra),
            })
    }
}

fn word_key(word: &str) -> String {
    fold(word).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn mark(word: &str, mark: WordMark) -> DiffWord {
    DiffWord {
        word: word.to_string(),
        mark,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_spoken_answer_has_no_score() {
        assert_eq!(typed_score("Guten Tag", "  "), None);
        let typed = typed_score("Guten Tag Frau Meier", "Guten Tag Herr").expect("typed");
        assert_eq!(typed.missing_and_extra(), (2, 1));
    }

    proptest! {
        /// Every word of either text is marked once: shared, missing or extra.
        #[test]
        fn missing_and_extra_account_for_every_word(
            agreed in "[a-e]{1,3}( [a-e]{1,3}){0,8}",
            answer in "[a-e]{1,3}( [a-e]{1,3}){0,8}",
        ) {
            let score = typed_score(&agreed, &answer).expect("typed");
            let (missing, extra) = score.missing_and_extra();
            let same = score.words.iter().filter(|w| w.mark == WordMark::Same).count();
            prop_assert_eq!(same + missing, agreed.split_whitespace().count());
            prop_assert_eq!(same + extra, answer.split_whitespace().count());
        }
    }
}
