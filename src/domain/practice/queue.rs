//! What a trainee rehearses next: due cards first, then new lines up to the daily limit;
//! within a round, the next line still in the playbook, and cram's lines that come again.
//! Opening lines and objections alike are cards: an objection's answer is rehearsed as
//! an opening line is.

use crate::domain::customer::class::CustomerClass;
use crate::domain::ids::{LineId, TraineeId};
use crate::domain::playbook::lines::{LineStatus, PlaybookLine};
use crate::domain::practice::scheduling::is_due;
use crate::domain::practice::state::{PracticeState, Rating};
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

/// The next queued line from `from` on that is still in the playbook, with its place in
/// the queue: a line deleted meanwhile (in any tab) is skipped, not shown empty.
pub fn next_in_queue<'a>(
    queue: &[LineId],
    from: usize,
    lines: &'a [PlaybookLine],
) -> Option<(usize, &'a PlaybookLine)> {
    queue
        .iter()
        .enumerate()
        .skip(from)
        .find_map(|(index, id)| lines.iter().find(|l| l.id == *id).map(|l| (index, l)))
}

/// Lines left in the round, the one at `index` included.
pub fn remaining(queue: &[LineId], index: usize) -> usize {
    queue.len().saturating_sub(index)
}

/// Cram repeats what did not sit yet: a line rated "again" comes back at the end of the
/// round. A scheduled round leaves that to FSRS, which brings it back within minutes.
pub fn requeue_after_rating(queue: &mut Vec<LineId>, line: LineId, rating: Rating, cram: bool) {
    if cram && rating == Rating::Again {
        queue.push(line);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    use crate::domain::playbook::builder::LineBuilder;

    use proptest::prelude::*;

    fn line(id: u64) -> PlaybookLine {
        LineBuilder::opening(id).text("Worte").build()
    }

    #[test]
    fn a_deleted_line_is_skipped() {
        let lines = vec![line(1), line(3)];
        let queue = vec![LineId(1), LineId(2), LineId(3)];
        let at = |from| next_in_queue(&queue, from, &lines).map(|(i, l)| (i, l.id.0));
        assert_eq!(at(0), Some((0, 1)));
        assert_eq!(at(1), Some((2, 3)));
        assert_eq!(at(3), None);
        assert_eq!(remaining(&queue, 1), 2);
        assert_eq!(remaining(&queue, 7), 0);
    }

    #[test]
    fn only_cram_brings_an_again_back_at_the_end() {
        let mut queue = vec![LineId(1), LineId(2)];
        requeue_after_rating(&mut queue, LineId(1), Rating::Good, true);
        requeue_after_rating(&mut queue, LineId(1), Rating::Again, false);
        assert_eq!(queue, vec![LineId(1), LineId(2)]);
        requeue_after_rating(&mut queue, LineId(1), Rating::Again, true);
        assert_eq!(queue, vec![LineId(1), LineId(2), LineId(1)]);
    }

    proptest! {
        /// A cram round ends: each rating moves on by one, and only an "again" adds a
        /// line, so a round of n lines with k "again"s takes n + k ratings.
        #[test]
        fn a_cram_round_takes_one_rating_per_line_and_again(
            count in 1u64..8,
            ratings in prop::collection::vec(prop::sample::select(Rating::ALL.to_vec()), 0..40),
        ) {
            let lines: Vec<PlaybookLine> = (1..=count).map(line).collect();
            let mut queue = cram_queue(&lines, None, false);
            let mut position = 0;
            let mut rated = 0;
            let mut again = 0;
            let mut script = ratings.into_iter();
            while let Some((index, current)) = next_in_queue(&queue, position, &lines) {
                let rating = script.next().unwrap_or(Rating::Good);
                if rating == Rating::Again {
                    again += 1;
                }
                requeue_after_rating(&mut queue, current.id, rating, true);
                position = index + 1;
                rated += 1;
                prop_assert!(rated <= 200, "the round must end");
            }
            prop_assert_eq!(rated, count as usize + again);
            prop_assert_eq!(queue.len(), rated);
        }
    }
}
