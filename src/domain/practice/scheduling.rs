//! Spaced repetition through `rs-fsrs`: our `ReviewCard` goes in, FSRS decides the next
//! due date, and the updated card comes back. Times are naive local times; FSRS only
//! needs them to be consistent, so they pass through as if they were UTC.

use crate::domain::ids::TraineeId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::{CardPhase, Rating, ReviewCard};
use chrono::{NaiveDateTime, TimeZone, Utc};
use rs_fsrs::{Card, Parameters, FSRS};

/// The next state of a trainee's card for `line` after a rating. `card` is `None` the
/// first time the trainee rehearses the line.
pub fn review(
    card: Option<&ReviewCard>,
    trainee: TraineeId,
    line: &PlaybookLine,
    rating: Rating,
    now: NaiveDateTime,
) -> ReviewCard {
    let fsrs = FSRS::new(Parameters {
        enable_fuzz: false,
        ..Parameters::default()
    });
    let before = card.map(to_fsrs).unwrap_or_else(|| Card {
        due: as_utc(now),
        last_review: as_utc(now),
        ..Card::default()
    });
    let after = fsrs.next(before, as_utc(now), to_fsrs_rating(rating)).card;
    ReviewCard {
        trainee,
        line: line.id,
        line_version: line.version,
        due: after.due.naive_utc(),
        stability: after.stability,
        difficulty: after.difficulty,
        reps: u32::try_from(after.reps).unwrap_or(0),
        lapses: u32::try_from(after.lapses).unwrap_or(0),
        last_review: Some(now),
        phase: from_fsrs_state(after.state),
        scheduled_days: after.scheduled_days,
        introduced: card.map_or(now.date(), |c| c.introduced),
    }
}

/// Minutes until the line would come again after each rating, for the rating buttons.
pub fn next_intervals(
    card: Option<&ReviewCard>,
    trainee: TraineeId,
    line: &PlaybookLine,
    now: NaiveDateTime,
) -> [(Rating, i64); 4] {
    Rating::ALL.map(|rating| {
        let due = review(card, trainee, line, rating, now).due;
        (rating, (due - now).num_minutes())
    })
}

/// A card is due when its date has come, or when the line's words changed since it was
/// last rehearsed: the history stays, but the new wording is practised soon.
pub fn is_due(card: &ReviewCard, line: &PlaybookLine, now: NaiveDateTime) -> bool {
    card.due <= now || line.version > card.line_version
}

fn to_fsrs(card: &ReviewCard) -> Card {
    let last = card.last_review.unwrap_or(card.due);
    Card {
        due: as_utc(card.due),
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: 0,
        scheduled_days: card.scheduled_days,
        reps: i32::try_from(card.reps).unwrap_or(i32::MAX),
        lapses: i32::try_from(card.lapses).unwrap_or(i32::MAX),
        state: to_fsrs_state(card.phase),
        last_review: as_utc(last),
    }
}

fn as_utc(at: NaiveDateTime) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&at)
}

fn to_fsrs_rating(rating: Rating) -> rs_fsrs::Rating {
    match rating {
        Rating::Again => rs_fsrs::Rating::Again,
        Rating::Hard => rs_fsrs::Rating::Hard,
        Rating::Good => rs_fsrs::Rating::Good,
        Rating::Easy => rs_fsrs::Rating::Easy,
    }
}

fn to_fsrs_state(phase: CardPhase) -> rs_fsrs::State {
    match phase {
        CardPhase::New => rs_fsrs::State::New,
        CardPhase::Learning => rs_fsrs::State::Learning,
        CardPhase::Review => rs_fsrs::State::Review,
        CardPhase::Relearning => rs_fsrs::State::Relearning,
    }
}

fn from_fsrs_state(state: rs_fsrs::State) -> CardPhase {
    match state {
        rs_fsrs::State::New => CardPhase::New,
        rs_fsrs::State::Learning => CardPhase::Learning,
        rs_fsrs::State::Review => CardPhase::Review,
        rs_fsrs::State::Relearning => CardPhase::Relearning,
    }
}

/// Records one rehearsal. A scheduled one moves the card through FSRS; a cram one is
/// logged as practice and leaves the schedule exactly as it was.
pub fn rehearse(
    practice: &mut crate::domain::practice::state::PracticeState,
    trainee: TraineeId,
    line: &PlaybookLine,
    rating: Rating,
    similarity: Option<u8>,
    now: NaiveDateTime,
    cram: bool,
) {
    let log = crate::domain::practice::state::ReviewLog {
        trainee,
        line: line.id,
        at: now,
        rating,
        similarity,
        cram,
    };
    if cram {
        practice.reviews.push(log);
        return;
    }
    let card = review(practice.card(trainee, line.id), trainee, line, rating, now);
    practice.record_review(card, log);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    use crate::domain::playbook::builder::LineBuilder;

    use chrono::NaiveDate;

    #[test]
    fn the_buttons_show_longer_intervals_for_better_ratings() {
        let line = LineBuilder::opening(1).title("Zeile").text("Worte").build();
        let now = NaiveDate::from_ymd_opt(2026, 11, 27)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("valid");
        let trainee = TraineeId(1);
        let learned = review(None, trainee, &line, Rating::Good, now);
        for card in [None, Some(&learned)] {
            let at = card.map_or(now, |c| c.due);
            let minutes = next_intervals(card, trainee, &line, at);
            assert_eq!(minutes.map(|(r, _)| r), Rating::ALL);
            assert!(minutes.iter().all(|(_, m)| *m > 0), "{minutes:?}");
            assert!(minutes.windows(2).all(|w| w[0].1 <= w[1].1), "{minutes:?}");
            assert!(minutes[0].1 < minutes[3].1);
        }
    }
}
