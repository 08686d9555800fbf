//! A group session in the training room: a random situation each round, trainees in
//! turn, the trainer reveals the agreed line and marks how it went.

use crate::domain::ids::{LineId, TraineeId};
use crate::domain::playbook::lines::{LineStatus, PlaybookLine};
use crate::domain::practice::drill::Dice;
use crate::domain::practice::state::{Rating, Trainee};

#[derive(Debug, Clone, PartialEq)]
pub struct SessionRound {
    pub trainee: TraineeId,
    pub line: LineId,
    /// Set by the trainer after the reveal.
    pub succeeded: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupSession {
    pub trainees: Vec<TraineeId>,
    pub rounds: Vec<SessionRound>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub trainee: TraineeId,
    pub rounds: usize,
    pub succeeded: usize,
}

/// Who takes part: the trainees chosen, or everyone when nobody was chosen.
pub fn taking_part(chosen: &[TraineeId], trainees: &[Trainee]) -> Vec<TraineeId> {
    if chosen.is_empty() {
        trainees.iter().map(|t| t.id).collect()
    } else {
        chosen.to_vec()
    }
}

/// A session rehearses agreed lines only, so it needs one.
pub fn has_agreed_line(lines: &[PlaybookLine]) -> bool {
    lines.iter().any(|l| l.status == LineStatus::Agreed)
}

/// The trainer's mark as a rating: it went well, or the line needs another go.
pub fn mark_rating(succeeded: bool) -> Rating {
    if succeeded {
        Rating::Good
    } else {
        Rating::Again
    }
}

impl GroupSession {
    pub fn new(trainees: Vec<TraineeId>) -> GroupSession {
        GroupSession {
            trainees,
            rounds: Vec::new(),
        }
    }

    /// The next round: the next trainee in turn and a random agreed opening line, never the same
    /// line twice in a row when there is a choice.
    pub fn next_round(&mut self, lines: &[PlaybookLine], dice: &mut Dice) -> Option<&SessionRound> {
        let trainee = *self
            .trainees
            .get(self.rounds.len() % self.trainees.len().max(1))?;
        let previous = self.rounds.last().map(|r| r.line);
        // The projector shows a situation to open; objections are rehearsed one by one.
        let agreed: Vec<LineId> = lines
            .iter()
            .filter(|l| l.is_opening() && l.status == LineStatus::Agreed)
            .map(|l| l.id)
            .collect();
        let fresh: Vec<LineId> = agreed
            .iter()
            .copied()
            .filter(|id| Some(*id) != previous)
            .collect();
        let pool = if fresh.is_empty() { agreed } else { fresh };
        let line = *pool.get(dice.below(pool.len()))?;
        self.rounds.push(SessionRound {
            trainee,
            line,
            succeeded: None,
        });
        self.rounds.last()
    }

    /// The round on screen, while the trainer has not marked it: each round is marked once.
    pub fn unmarked_round(&self) -> Option<&SessionRound> {
        self.rounds.last().filter(|r| r.succeeded.is_none())
    }

    pub fn mark_current(&mut self, succeeded: bool) {
        if let Some(round) = self.rounds.last_mut() {
            round.succeeded = Some(succeeded);
        }
    }

    pub fn summary(&self) -> Vec<SessionSummary> {
        self.trainees
            .iter()
            .map(|&trainee| {
                let mine = self.rounds.iter().filter(|r| r.trainee == trainee);
                SessionSummary {
                    trainee,
                    rounds: mine.clone().count(),
                    succeeded: mine.filter(|r| r.succeeded == Some(true)).count(),
                }
            })
            .collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::playbook::starter::{starter_playbook, starter_written};
    use chrono::NaiveDate;

    fn trainee(id: u64) -> Trainee {
        Trainee {
            id: TraineeId(id),
            name: format!("T{id}"),
            created: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid"),
        }
    }

    #[test]
    fn nobody_chosen_means_everyone() {
        let all = [trainee(1), trainee(2)];
        assert_eq!(taking_part(&[], &all), vec![TraineeId(1), TraineeId(2)]);
        assert_eq!(taking_part(&[TraineeId(2)], &all), vec![TraineeId(2)]);
        assert!(taking_part(&[], &[]).is_empty());
    }

    #[test]
    fn a_round_is_marked_once_as_good_or_again() {
        let mut lines = starter_playbook(starter_written());
        assert!(has_agreed_line(&lines));
        let mut session = GroupSession::new(vec![TraineeId(1)]);
        assert_eq!(session.unmarked_round(), None);
        session.next_round(&lines, &mut Dice::new(1));
        assert!(session.unmarked_round().is_some());
        session.mark_current(true);
        assert_eq!(session.unmarked_round(), None);
        assert_eq!(
            (mark_rating(true), mark_rating(false)),
            (Rating::Good, Rating::Again)
        );
        for line in &mut lines {
            line.status = LineStatus::Proposed;
        }
        assert!(!has_agreed_line(&lines));
    }
}
