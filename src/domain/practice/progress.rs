//! Per-trainee progress: what is mastered, how much was practised, how well.

use crate::domain::ids::TraineeId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::ArchivedProgress;
use crate::domain::practice::state::PracticeState;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// A line counts as mastered once FSRS expects it to be remembered for three weeks.
pub const MASTERED_STABILITY_DAYS: f64 = 21.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub lines_started: usize,
    pub lines_mastered: usize,
    pub repetitions: usize,
    /// Mean word similarity of typed answers, when there were any.
    pub typed_accuracy: Option<u8>,
    pub drill_rounds: usize,
    pub drill_accuracy: Option<u8>,
    pub drill_median_millis: Option<u32>,
    /// Days in a row with practice, ending today (or yesterday, if today is still open).
    pub streak_days: u32,
}

pub fn progress(
    practice: &PracticeState,
    trainee: TraineeId,
    lines: &[PlaybookLine],
    today: NaiveDate,
) -> Progress {
    let cards: Vec<_> = practice
        .cards
        .iter()
        .filter(|c| c.trainee == trainee && lines.iter().any(|l| l.id == c.line))
        .collect();
    let reviews: Vec<_> = practice
        .reviews
        .iter()
        .filter(|r| r.trainee == trainee)
        .collect();
    let typed: Vec<u32> = reviews
        .iter()
        .filter_map(|r| r.similarity.map(u32::from))
        .collect();
    let drills: Vec<_> = practice
        .drills
        .iter()
        .filter(|d| d.trainee == trainee)
        .collect();
    // Folded logs count through their totals; reaction times are the kept rounds'.
    let archived = practice
        .archived(trainee)
        .cloned()
        .unwrap_or_else(|| ArchivedProgress::empty(trainee));
    let drill_rounds = drills.len() + archived.drill_rounds as usize;
    let drill_correct =
        drills.iter().filter(|d| d.correct).count() + archived.drill_correct as usize;
    let mut millis: Vec<u32> = drills.iter().map(|d| d.millis).collect();
    millis.sort_unstable();
    let active_days: BTreeSet<NaiveDate> = reviews
        .iter()
        .map(|r| r.at.date())
        .chain(drills.iter().map(|d| d.at.date()))
        .collect();
    Progress {
        lines_started: cards.len(),
        lines_mastered: cards
            .iter()
            .filter(|c| c.stability >= MASTERED_STABILITY_DAYS)
            .count(),
        repetitions: reviews.len() + archived.repetitions as usize,
        typed_accuracy: percent_mean(
            typed.iter().map(|v| u64::from(*v)).sum::<u64>() + archived.typed_sum,
            typed.len() as u64 + u64::from(archived.typed_count),
        ),
        drill_rounds,
        drill_accuracy: (drill_rounds > 0).then(|| (drill_correct * 100 / drill_rounds) as u8),
        drill_median_millis: millis.get(millis.len() / 2).copied(),
        streak_days: streak(&active_days, today),
    }
}

fn percent_mean(sum: u64, count: u64) -> Option<u8> {
    (count > 0).then(|| (sum / count).min(100) as u8)
}

fn streak(days: &BTreeSet<NaiveDate>, today: NaiveDate) -> u32 {
    let mut day = if days.contains(&today) {
        today
    } else {
        match today.pred_opt() {
            Some(yesterday) => yesterday,
            None => return 0,
        }
    };
    let mut count = 0;
    while days.contains(&day) {
        count += 1;
        match day.pred_opt() {
            Some(previous) => day = previous,
            None => break,
        }
    }
    count
}
