use super::*;
use crate::domain::customer::class::CustomerClass;
use crate::domain::demo::dataset::demo_dataset;
use crate::domain::playbook::builder::LineBuilder;
use crate::domain::playbook::exchange::{apply_changes, playbook_changes, ChangeKind};
use crate::domain::playbook::lines::{LineStatus, PlaybookLine};
use crate::domain::playbook::starter::starter_playbook;
use crate::domain::practice::drill::{drill_round, Dice};
use crate::domain::practice::group_session::GroupSession;
use crate::domain::practice::progress::progress;
use crate::domain::practice::queue::{cram_queue, practice_queue, QueueOptions};
use crate::domain::practice::scheduling::{rehearse, review};
use crate::domain::practice::word_diff::{score_answer, WordMark};
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("valid test date")
}

fn at(d: u32, hour: u32) -> NaiveDateTime {
    day(d).and_hms_opt(hour, 0, 0).expect("valid test time")
}

fn line(id: u64, class: CustomerClass, status: LineStatus) -> PlaybookLine {
    LineBuilder::opening(id)
        .class(class)
        .status(status)
        .text("Schön, dass Sie anrufen – ich habe etwas für Sie.")
        .changed(day(1))
        .build()
}

const ANNA: TraineeId = TraineeId(1);

/// Anna's practice after one scheduled rating of `line`.
fn rated_by_anna(line: &PlaybookLine, rating: Rating, now: NaiveDateTime) -> PracticeState {
    let mut practice = PracticeState::default();
    rehearse(&mut practice, ANNA, line, rating, None, now, false);
    practice
}
const BEN: TraineeId = TraineeId(2);

#[test]
fn identical_answer_scores_full_marks() {
    let text = "Schön, dass Sie anrufen. Ich habe gerade etwas für Sie.";
    let score = score_answer(text, text);
    assert_eq!(score.similarity, 100);
    assert!(score.words.iter().all(|w| w.mark == WordMark::Same));
}

#[test]
fn case_punctuation_and_umlaut_spelling_do_not_count() {
    let score = score_answer("Schön, dass Sie anrufen!", "schoen dass sie anrufen");
    assert_eq!(score.similarity, 100);
}

#[test]
fn paraphrases_score_by_shared_words() {
    let agreed = "Schön, dass Sie anrufen – ich wollte mich ohnehin bei Ihnen melden.";
    // One word swapped: 11 of 12 words shared on each side.
    let close = score_answer(
        agreed,
        "Schön, dass Sie anrufen – ich wollte mich sowieso bei Ihnen melden.",
    );
    assert_eq!(close.similarity, 92);
    let missing: Vec<_> = close
        .words
        .iter()
        .filter(|w| w.mark == WordMark::Missing)
        .collect();
    let extra: Vec<_> = close
        .words
        .iter()
        .filter(|w| w.mark == WordMark::Extra)
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].word, "ohnehin");
    assert_eq!(extra.len(), 1);
    assert_eq!(extra[0].word, "sowieso");
    // Only the first half said: 6 of 12 and 6 of 6 → 2·6 / 18.
    let half = score_answer(agreed, "Schön, dass Sie anrufen – ich");
    assert_eq!(half.similarity, 67);
    // A different sentence altogether.
    let other = score_answer(agreed, "Guten Tag, was kann ich tun?");
    assert!(other.similarity < 25, "{}", other.similarity);
    assert_eq!(score_answer(agreed, "").similarity, 0);
}

proptest! {
    #[test]
    fn similarity_stays_within_bounds_and_the_diff_keeps_every_word(
        agreed in "[a-zäöü ,.]{0,60}", answer in "[a-zäöü ,.]{0,60}"
    ) {
        let score = score_answer(&agreed, &answer);
        prop_assert!(score.similarity <= 100);
        let kept = score.words.iter().filter(|w| w.mark != WordMark::Extra).count();
        prop_assert_eq!(kept, agreed.split_whitespace().count());
        let given = score.words.iter().filter(|w| w.mark != WordMark::Missing).count();
        prop_assert_eq!(given, answer.split_whitespace().count());
    }
}

#[test]
fn again_comes_back_sooner_than_good_and_good_sooner_than_easy() {
    let l = line(1, CustomerClass::B, LineStatus::Agreed);
    let now = at(10, 9);
    let due = |rating| review(None, ANNA, &l, rating, now).due;
    assert!(due(Rating::Again) < due(Rating::Good));
    assert!(due(Rating::Good) < due(Rating::Easy));
    // And once the card is in review, the same order holds.
    let learned = review(None, ANNA, &l, Rating::Good, now);
    let later = learned.due;
    let again = review(Some(&learned), ANNA, &l, Rating::Again, later).due;
    let good = review(Some(&learned), ANNA, &l, Rating::Good, later).due;
    let easy = review(Some(&learned), ANNA, &l, Rating::Easy, later).due;
    assert!(again < good && good < easy, "{again} {good} {easy}");
    assert!(learned.due > now);
}

#[test]
fn cram_leaves_the_schedule_unchanged() {
    let l = line(1, CustomerClass::B, LineStatus::Agreed);
    let mut practice = rated_by_anna(&l, Rating::Good, at(10, 9));
    let cards_before = practice.cards.clone();
    for rating in Rating::ALL {
        rehearse(&mut practice, ANNA, &l, rating, Some(50), at(10, 10), true);
    }
    assert_eq!(practice.cards, cards_before);
    assert_eq!(practice.reviews.len(), 5);
    assert!(practice.reviews[1..].iter().all(|r| r.cram));
}

#[test]
fn due_cards_come_before_new_ones_and_new_ones_respect_the_daily_limit() {
    let lines: Vec<_> = (1..=6)
        .map(|i| line(i, CustomerClass::B, LineStatus::Agreed))
        .chain([line(7, CustomerClass::O, LineStatus::Proposed)])
        .collect();
    let mut practice = rated_by_anna(&lines[3], Rating::Again, at(9, 9));
    let options = QueueOptions {
        include_proposed: false,
        new_per_day: 2,
    };
    let queue = practice_queue(&practice, ANNA, &lines, options, at(10, 9));
    assert_eq!(queue, vec![LineId(4), LineId(1), LineId(2)]);
    // Two new cards introduced today use up today's allowance.
    rehearse(
        &mut practice,
        ANNA,
        &lines[0],
        Rating::Good,
        None,
        at(10, 9),
        false,
    );
    rehearse(
        &mut practice,
        ANNA,
        &lines[1],
        Rating::Good,
        None,
        at(10, 9),
        false,
    );
    let queue = practice_queue(&practice, ANNA, &lines, options, at(10, 9));
    assert!(!queue.contains(&LineId(3)), "{queue:?}");
    let with_proposed = QueueOptions {
        include_proposed: true,
        new_per_day: 20,
    };
    assert!(practice_queue(&practice, ANNA, &lines, with_proposed, at(10, 9)).contains(&LineId(7)));
    assert!(!practice_queue(
        &practice,
        ANNA,
        &lines,
        QueueOptions {
            new_per_day: 20,
            ..options
        },
        at(10, 9)
    )
    .contains(&LineId(7)));
}

#[test]
fn an_edited_line_keeps_its_history_but_comes_back_at_once() {
    let l = line(1, CustomerClass::B, LineStatus::Agreed);
    let mut practice = rated_by_anna(&l, Rating::Easy, at(10, 9));
    let options = QueueOptions {
        include_proposed: false,
        new_per_day: 10,
    };
    assert!(practice_queue(
        &practice,
        ANNA,
        std::slice::from_ref(&l),
        options,
        at(10, 10)
    )
    .is_empty());
    let edited = l.with_text("Ganz neue Worte.", day(10));
    assert_eq!(
        practice_queue(
            &practice,
            ANNA,
            std::slice::from_ref(&edited),
            options,
            at(10, 10)
        ),
        vec![LineId(1)]
    );
    let reps_before = practice.cards[0].reps;
    rehearse(
        &mut practice,
        ANNA,
        &edited,
        Rating::Good,
        None,
        at(10, 10),
        false,
    );
    assert_eq!(practice.cards[0].reps, reps_before + 1);
    assert_eq!(practice.cards[0].line_version, 2);
}

#[test]
fn cram_takes_the_chosen_class_whatever_the_schedule() {
    let lines = vec![
        line(1, CustomerClass::B, LineStatus::Agreed),
        line(2, CustomerClass::O, LineStatus::Agreed),
        line(3, CustomerClass::B, LineStatus::Proposed),
    ];
    assert_eq!(
        cram_queue(&lines, Some(CustomerClass::B), false),
        vec![LineId(1)]
    );
    assert_eq!(cram_queue(&lines, None, true).len(), 3);
}

#[test]
fn objections_are_cards_like_opening_lines_and_cram_takes_those_written_for_the_class() {
    let lines = starter_playbook(day(1));
    let options = QueueOptions {
        include_proposed: false,
        new_per_day: 100,
    };
    let queue = practice_queue(&PracticeState::default(), ANNA, &lines, options, at(10, 9));
    let agreed_objections: Vec<LineId> = lines
        .iter()
        .filter(|l| l.is_objection() && l.status == LineStatus::Agreed)
        .map(|l| l.id)
        .collect();
    assert!(agreed_objections.len() >= 8);
    assert!(agreed_objections.iter().all(|id| queue.contains(id)));
    let mut practice = PracticeState::default();
    let objection = lines
        .iter()
        .find(|l| l.is_objection())
        .expect("starter objections");
    rehearse(
        &mut practice,
        ANNA,
        objection,
        Rating::Good,
        Some(70),
        at(10, 9),
        false,
    );
    let later = practice_queue(&practice, ANNA, &lines, options, at(10, 9));
    assert!(
        !later.contains(&objection.id),
        "rated Good, it is not due at once"
    );
    let cram_b = cram_queue(&lines, Some(CustomerClass::B), false);
    for line in lines
        .iter()
        .filter(|l| l.is_objection() && l.status == LineStatus::Agreed)
    {
        let for_b = line.for_class() == Some(CustomerClass::B);
        assert_eq!(cram_b.contains(&line.id), for_b, "{}", line.title);
    }
}

#[test]
fn progress_is_kept_per_trainee() {
    let lines = starter_playbook(day(1));
    let mut practice = PracticeState::default();
    for l in lines.iter().take(3) {
        rehearse(
            &mut practice,
            ANNA,
            l,
            Rating::Good,
            Some(80),
            at(9, 9),
            false,
        );
        rehearse(
            &mut practice,
            ANNA,
            l,
            Rating::Good,
            Some(90),
            at(10, 9),
            false,
        );
    }
    rehearse(
        &mut practice,
        BEN,
        &lines[0],
        Rating::Again,
        Some(40),
        at(10, 9),
        false,
    );
    practice.drills.push(DrillAttempt {
        trainee: BEN,
        at: at(10, 9),
        correct: true,
        class_correct: true,
        millis: 900,
    });
    practice.drills.push(DrillAttempt {
        trainee: BEN,
        at: at(10, 9),
        correct: false,
        class_correct: true,
        millis: 1500,
    });
    practice.drills.push(DrillAttempt {
        trainee: BEN,
        at: at(10, 9),
        correct: true,
        class_correct: true,
        millis: 1200,
    });
    let anna = progress(&practice, ANNA, &lines, day(10));
    let ben = progress(&practice, BEN, &lines, day(10));
    assert_eq!(
        (anna.lines_started, anna.repetitions, anna.typed_accuracy),
        (3, 6, Some(85))
    );
    assert_eq!(anna.streak_days, 2);
    assert_eq!(anna.drill_rounds, 0);
    assert_eq!(
        (ben.lines_started, ben.repetitions, ben.typed_accuracy),
        (1, 1, Some(40))
    );
    assert_eq!(
        (
            ben.drill_rounds,
            ben.drill_accuracy,
            ben.drill_median_millis
        ),
        (3, Some(66), Some(1200))
    );
    assert_eq!(ben.streak_days, 1);
    assert_eq!(progress(&practice, ANNA, &lines, day(13)).streak_days, 0);
}

#[test]
fn a_trainee_chosen_stays_only_while_listed() {
    let mut practice = PracticeState::default();
    let anna = Trainee {
        id: ANNA,
        name: "Anna".into(),
        created: day(1),
    };
    assert_eq!(practice.still_listed(Some(ANNA)), None);
    practice.trainees.push(anna);
    assert_eq!(practice.still_listed(Some(ANNA)), Some(ANNA));
    assert_eq!(practice.still_listed(Some(TraineeId(999))), None);
    assert_eq!(practice.still_listed(None), None);
}

#[test]
fn trainee_names_are_unique_and_the_new_one_becomes_active() {
    let mut practice = PracticeState::default();
    let trainee = |id, name: &str| Trainee {
        id: TraineeId(id),
        name: name.into(),
        created: day(1),
    };
    assert_eq!(practice.add_trainee(trainee(1, " Anna ")), Ok(()));
    assert_eq!(
        practice.add_trainee(trainee(2, "anna")),
        Err(TraineeError::NameTaken)
    );
    assert_eq!(
        practice.add_trainee(trainee(3, "  ")),
        Err(TraineeError::EmptyName)
    );
    assert_eq!(practice.add_trainee(trainee(4, "Ben")), Ok(()));
    assert_eq!(
        practice.active_trainee().map(|t| t.name.as_str()),
        Some("Ben")
    );
    assert_eq!(practice.trainees[0].name, "Anna");
}

#[test]
fn drill_rounds_offer_one_right_answer_among_other_classes() {
    use crate::domain::practice::drill::DrillChoice;
    let data = demo_dataset(day(27));
    let lines = starter_playbook(day(1));
    let mut seen_c = false;
    for seed in 0..200 {
        let round = drill_round(&data.customers, &lines, &mut Dice::new(seed), day(27))
            .expect("demo data has customers for every practised class");
        assert_eq!(round.options.len(), 4);
        assert_eq!(
            round
                .options
                .iter()
                .filter(|c| **c == round.correct)
                .count(),
            1
        );
        match round.correct {
            DrillChoice::Line(id) => {
                let correct = lines
                    .iter()
                    .find(|l| l.id == id)
                    .expect("correct line exists");
                assert_eq!(correct.situation.class, round.class);
                assert_eq!(correct.situation.direction, round.direction);
                assert!(round.options.contains(&DrillChoice::NoApproach));
            }
            DrillChoice::NoApproach => {
                // The starter playbook has no C lines: a C customer gets no approach.
                assert_eq!(round.class, CustomerClass::C);
                seen_c = true;
            }
        }
        for choice in round.options.iter().filter(|c| **c != round.correct) {
            if let DrillChoice::Line(id) = choice {
                let other = lines.iter().find(|l| l.id == *id).expect("option exists");
                assert_ne!(other.situation.class, round.class);
            }
        }
        for choice in &round.options {
            if let DrillChoice::Line(id) = choice {
                assert!(lines.iter().any(|l| l.id == *id && l.is_opening()));
            }
        }
    }
    assert!(seen_c, "C customers take part in the drill");
}

#[test]
fn a_group_session_takes_trainees_in_turn_and_sums_up_per_trainee() {
    let lines = starter_playbook(day(1));
    let mut session = GroupSession::new(vec![ANNA, BEN]);
    let mut dice = Dice::new(7);
    let mut previous = None;
    for round in 0..5 {
        let current = session
            .next_round(&lines, &mut dice)
            .expect("agreed lines exist")
            .clone();
        assert_eq!(current.trainee, if round % 2 == 0 { ANNA } else { BEN });
        assert_ne!(Some(current.line), previous);
        assert!(lines.iter().any(|l| l.id == current.line && l.is_opening()));
        previous = Some(current.line);
        session.mark_current(round != 1);
    }
    let summary = session.summary();
    assert_eq!((summary[0].rounds, summary[0].succeeded), (3, 3));
    assert_eq!((summary[1].rounds, summary[1].succeeded), (2, 1));
}

#[test]
fn playbook_exchange_shows_added_changed_and_removed_and_applies_the_chosen() {
    let ours = vec![
        line(1, CustomerClass::B, LineStatus::Agreed),
        line(2, CustomerClass::O, LineStatus::Agreed),
        line(3, CustomerClass::A, LineStatus::Proposed),
    ];
    let mut theirs = ours.clone();
    theirs[0] = theirs[0].with_text("Neue Worte für B.", day(5));
    theirs[1].version = 9; // a version bump alone is no change
    theirs.remove(2);
    theirs.push(line(4, CustomerClass::O, LineStatus::Agreed));
    let changes = playbook_changes(&ours, &theirs);
    let kinds: Vec<_> = changes.iter().map(|c| (c.id.0, c.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (1, ChangeKind::Changed),
            (4, ChangeKind::Added),
            (3, ChangeKind::Removed)
        ]
    );
    let some = apply_changes(&ours, &changes, &[LineId(1), LineId(4)], day(6));
    assert_eq!(some.len(), 4);
    assert_eq!(some[0].text, "Neue Worte für B.");
    assert_eq!(some[0].version, 2);
    let all = apply_changes(&ours, &changes, &[LineId(1), LineId(3), LineId(4)], day(6));
    assert!(all.iter().all(|l| l.id != LineId(3)));
    assert_eq!(all.len(), 3);
}

#[test]
fn a_freshly_agreed_line_is_the_first_new_card() {
    let mut lines: Vec<_> = (1..=4)
        .map(|i| line(i, CustomerClass::B, LineStatus::Agreed))
        .collect();
    lines[2].changed = day(20);
    let options = QueueOptions {
        include_proposed: false,
        new_per_day: 2,
    };
    let queue = practice_queue(&PracticeState::default(), ANNA, &lines, options, at(20, 9));
    assert_eq!(queue, vec![LineId(3), LineId(1)]);
}

#[test]
fn folding_old_logs_keeps_progress_whole_and_a_merge_counts_nothing_twice() {
    use crate::domain::exchange::restore_merge::merge_practice;
    let lines = starter_playbook(day(1));
    let mut practice = PracticeState::default();
    for i in 0..50u32 {
        let l = &lines[(i as usize) % lines.len()];
        let similarity = Some(60 + (i % 5) as u8 * 10);
        rehearse(
            &mut practice,
            ANNA,
            l,
            Rating::Good,
            similarity,
            at(1 + i / 10, 8 + i % 10),
            true,
        );
    }
    for i in 0..10u32 {
        rehearse(
            &mut practice,
            BEN,
            &lines[0],
            Rating::Hard,
            None,
            at(20, 8 + i),
            true,
        );
    }
    for i in 0..6u32 {
        practice.drills.push(DrillAttempt {
            trainee: BEN,
            at: at(21, 8 + i),
            correct: i % 3 != 0,
            class_correct: true,
            millis: 700 + i * 100,
        });
    }
    let before_anna = progress(&practice, ANNA, &lines, day(21));
    let before_ben = progress(&practice, BEN, &lines, day(21));
    let original = practice.clone();
    practice.compact(20, 2);
    assert_eq!(practice.reviews.len(), 20);
    assert_eq!(practice.drills.len(), 2);
    let after_anna = progress(&practice, ANNA, &lines, day(21));
    let after_ben = progress(&practice, BEN, &lines, day(21));
    assert_eq!(after_anna.repetitions, before_anna.repetitions);
    assert_eq!(after_anna.typed_accuracy, before_anna.typed_accuracy);
    assert_eq!(after_ben.repetitions, before_ben.repetitions);
    assert_eq!(after_ben.drill_rounds, before_ben.drill_rounds);
    assert_eq!(after_ben.drill_accuracy, before_ben.drill_accuracy);
    // Another tab still holding every log: uniting the two counts each log once.
    for merged in [
        merge_practice(&practice, &original),
        merge_practice(&original, &practice),
    ] {
        assert_eq!(progress(&merged, ANNA, &lines, day(21)).repetitions, 50);
        assert_eq!(progress(&merged, BEN, &lines, day(21)).drill_rounds, 6);
    }
}
