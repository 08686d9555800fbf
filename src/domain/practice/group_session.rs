//! A group session in the training room: a random situation each round, trainees in
//! turn, the trainer reveals the agreed line and marks how it went.

use crate::domain::ids::{LineId, TraineeId};
use crate::domain::playbook::lines::{LineStatus, PlaybookLine};
use crate::domain::practice::drill::Dice;

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
