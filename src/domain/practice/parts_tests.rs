use super::*;
use crate::domain::practice::state::Rating;
use chrono::NaiveDate;
use proptest::prelude::*;

fn at(minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 20)
        .and_then(|d| d.and_hms_opt(9, minute % 60, 0))
        .expect("a valid time")
}

fn log(trainee: u64, line: u64, minute: u32) -> ReviewLog {
    ReviewLog {
        trainee: TraineeId(trainee),
        line: LineId(line),
        at: at(minute),
        rating: Rating::Good,
        similarity: None,
        cram: false,
    }
}

#[test]
fn changes_name_new_logs_and_changed_cards_per_trainee() {
    let mut before = PracticeState::default();
    before.reviews.push(log(1, 1, 1));
    let mut after = before.clone();
    after.reviews.push(log(1, 2, 2));
    after.reviews.push(log(2, 2, 3));
    let changes = changes_between(&before, &after);
    assert_eq!(changes.by_trainee.len(), 2);
    assert_eq!(
        changes.by_trainee[&TraineeId(1)].reviews,
        vec![log(1, 2, 2)]
    );
    assert_eq!(
        changes.by_trainee[&TraineeId(2)].reviews,
        vec![log(2, 2, 3)]
    );
    assert!(changes_between(&after, &after).by_trainee.is_empty());
}

#[test]
fn a_change_on_the_working_copy_names_only_what_it_adds() {
    use crate::domain::playbook::builder::LineBuilder;

    use crate::domain::practice::scheduling::rehearse;
    let line = LineBuilder::opening(1)
        .title("Zeile")
        .text("Worte")
        .changed(at(0).date())
        .build();
    let mut practice = PracticeState::default();
    for id in [1, 2] {
        practice.trainees.push(Trainee {
            id: TraineeId(id),
            name: format!("T{id}"),
            created: at(0).date(),
        });
        rehearse(
            &mut practice,
            TraineeId(id),
            &line,
            Rating::Good,
            None,
            at(1),
            false,
        );
    }
    let before = practice.working_copy(TraineeId(1));
    assert_eq!(before.trainees.len(), 2);
    assert!(before.cards.iter().all(|c| c.trainee == TraineeId(1)));
    assert_eq!(before.cards.len(), 1);
    assert!(before.reviews.is_empty() && before.drills.is_empty());
    let mut after = before.clone();
    rehearse(
        &mut after,
        TraineeId(1),
        &line,
        Rating::Easy,
        Some(80),
        at(30),
        false,
    );
    let changes = changes_between(&before, &after);
    assert_eq!(changes.by_trainee.len(), 1);
    let mine = &changes.by_trainee[&TraineeId(1)];
    assert_eq!((mine.cards.len(), mine.reviews.len()), (1, 1));
    assert!(changes.new_trainees.is_empty());
}

proptest! {
    #[test]
    fn absorbing_counts_every_log_once(
        mine in proptest::collection::vec((1u64..3, 1u64..4, 0u32..30), 0..40),
        theirs in proptest::collection::vec((1u64..3, 1u64..4, 0u32..30), 0..40),
    ) {
        let mut state = PracticeState::default();
        state.absorb_reviews(mine.iter().map(|&(t, l, m)| log(t, l, m)));
        state.absorb_reviews(theirs.iter().map(|&(t, l, m)| log(t, l, m)));
        let once = state.clone();
        state.absorb_reviews(theirs.iter().map(|&(t, l, m)| log(t, l, m)));
        prop_assert_eq!(&state, &once);
        let distinct: BTreeSet<_> = mine.iter().chain(theirs.iter()).collect();
        prop_assert_eq!(state.reviews.len(), distinct.len());
        prop_assert!(state.reviews.windows(2).all(|w| w[0].at <= w[1].at));
    }
}
