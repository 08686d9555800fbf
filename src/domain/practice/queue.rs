//! What a trainee rehearses next: due cards first, then new lines up to the daily limit.
//! Opening lines and objections alike are cards: an objection's answer is rehearsed as
//! an opening line is.

use crate::domain::customer::class::CustomerClass;
use crate::domain::ids::{LineId, TraineeId};
use crate::domain::playbook::lines::{LineStatus, PlaybookLine};
use crate::domain::practice::scheduling::is_due;
use crate::domain::practice::state::PracticeState;
use chrono::NaiveDateTime;

/// Which lines take part: only agreed ones unless the trainee asks for proposals too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueOptions {
    pub include_proposed: bool,
    pub new_per_day: u32,
}

/// Line ids in the order they come up: the most overdue first, then new lines, the most
/// recently changed first, as many as today's allowance of new cards leaves.
pub fn practice_queue(
    practice: &PracticeState,
    trainee: TraineeId,
    lines: &[PlaybookLine],
    options: QueueOptions,
    now: NaiveDateTime,
) -> Vec<LineId> {
    let eligible = lines
        .iter()
        .filter(|l| options.include_proposed || l.status == LineStatus::Agreed);
    let mut due = Vec::new();
    let mut new = Vec::new();
    for line in eligible {
        match practice.card(trainee, line.id) {
            Some(card) if is_due(card, line, now) => due.push((card.due, line.id)),
            Some(_) => {}
            None => new.push((line.changed, line.id)),
        }
    }
    due.sort_unstable();
    // The team's latest decisions first; among equals, playbook order.
    new.sort_by_key(|(changed, _)| std::cmp::Reverse(*changed));
    let introduced_today = practice
        .cards
        .iter()
        .filter(|c| c.trainee == trainee && c.introduced == now.date())
        .count();
    let allowance = (options.new_per_day as usize).saturating_sub(introduced_today);
    due.into_iter()
        .map(|(_, id)| id)
        .chain(new.into_iter().take(allowance).map(|(_, id)| id))
        .collect()
}

/// Cram: every chosen line, whatever its schedule, in playbook order. A class takes
/// what was written for it; an objection for every class comes with all classes.
pub fn cram_queue(
    lines: &[PlaybookLine],
    class: Option<CustomerClass>,
    include_proposed: bool,
) -> Vec<LineId> {
    lines
        .iter()
        .filter(|l| include_proposed || l.status == LineStatus::Agreed)
        .filter(|l| class.is_none_or(|c| l.for_class() == Some(c)))
        .map(|l| l.id)
        .collect()
}
