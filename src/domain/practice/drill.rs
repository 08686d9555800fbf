//! The class-glance drill ("Klassenblick-Training"): a customer card flashes up as in a
//! real call; the trainee picks the class first, then the fitting opening line.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Customer;
use crate::domain::demo::dataset::demo_dataset;
use crate::domain::ids::{CustomerId, LineId, TraineeId};
use crate::domain::playbook::lines::{best_line, LineStatus, PlaybookLine};
use crate::domain::practice::state::DrillAttempt;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct DrillRound {
    pub customer: CustomerId,
    pub name: String,
    pub company: String,
    pub revenue_cents: i64,
    pub potential: bool,
    pub class: CustomerClass,
    pub direction: Direction,
    /// The customer's current hook, if its note is still valid.
    pub hook: Option<HookKind>,
    pub note: String,
    /// Three or four choices in random order; exactly one is `correct`.
    pub options: Vec<DrillChoice>,
    pub correct: DrillChoice,
}

/// An answer in the drill: an opening line, or none at all. A C customer is served
/// well but not developed, so for C the right answer is to make no approach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillChoice {
    Line(LineId),
    NoApproach,
}

impl DrillChoice {
    /// The class this answer belongs to: a line's own class, and C for making no
    /// approach. `None` for a line no longer in the playbook.
    pub fn class(self, lines: &[PlaybookLine]) -> Option<CustomerClass> {
        match self {
            DrillChoice::Line(id) => lines.iter().find(|l| l.id == id).map(|l| l.situation.class),
            DrillChoice::NoApproach => Some(CustomerClass::C),
        }
    }
}

/// How a trainee answered a round: the class first, then the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrillVerdict {
    pub class_correct: bool,
    pub line_correct: bool,
}

impl DrillVerdict {
    /// A round counts as right only with both: the class decides the line.
    pub fn correct(self) -> bool {
        self.class_correct && self.line_correct
    }
}

impl DrillRound {
    pub fn verdict(&self, class: CustomerClass, line: DrillChoice) -> DrillVerdict {
        DrillVerdict {
            class_correct: class == self.class,
            line_correct: line == self.correct,
        }
    }

    /// The round as the trainee's record keeps it; `millis` is the time to the class pick.
    pub fn attempt(
        &self,
        trainee: TraineeId,
        at: NaiveDateTime,
        class: CustomerClass,
        line: DrillChoice,
        millis: u32,
    ) -> DrillAttempt {
        let verdict = self.verdict(class, line);
        DrillAttempt {
            trainee,
            at,
            correct: verdict.correct(),
            class_correct: verdict.class_correct,
            millis,
        }
    }
}

/// A small deterministic generator, so a round is reproducible from its seed in tests.
#[derive(Debug, Clone)]
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed)
    }

    /// splitmix64: well spread even for consecutive seeds.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next_u64() % bound as u64) as usize
        }
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A round from the given customers, or `None` when no customer can be drilled: a
/// customer needs an agreed line for its class, or to be a C customer (who gets none).
/// Wrong lines come from other classes, so the class decides.
pub fn drill_round(
    customers: &BTreeMap<CustomerId, Customer>,
    lines: &[PlaybookLine],
    dice: &mut Dice,
    today: NaiveDate,
) -> Option<DrillRound> {
    // The drill trains the first words of a talk; objections come later in it.
    let agreed: Vec<&PlaybookLine> = lines
        .iter()
        .filter(|l| l.is_opening() && l.status == LineStatus::Agreed)
        .collect();
    let has_line = |class: CustomerClass, direction: Direction| {
        agreed
            .iter()
            .any(|l| l.situation.class == class && l.situation.direction == direction)
    };
    let direction = if dice.below(2) == 0 {
        Direction::Inbound
    } else {
        Direction::Outbound
    };
    let fitting: Vec<&Customer> = customers
        .values()
        .filter(|c| has_line(c.class(), direction) || c.class() == CustomerClass::C)
        .collect();
    let customer = *fitting.get(dice.below(fitting.len()))?;
    let class = customer.class();
    let note = customer
        .fields
        .current_note
        .as_ref()
        .filter(|n| !n.is_expired(today));
    let hook = note.map(|n| n.hook.clone());
    let correct = if has_line(class, direction) {
        DrillChoice::Line(best_line(lines, class, direction, hook.as_ref())?.0.id)
    } else {
        DrillChoice::NoApproach
    };
    let mut others: Vec<&PlaybookLine> = agreed
        .iter()
        .copied()
        .filter(|l| l.situation.class != class)
        .collect();
    // Same direction first: those are the tempting wrong answers.
    dice.shuffle(&mut others);
    others.sort_by_key(|l| l.situation.direction != direction);
    let wrong_lines = if correct == DrillChoice::NoApproach {
        3
    } else {
        2
    };
    let mut options: Vec<DrillChoice> = others
        .iter()
        .take(wrong_lines)
        .map(|l| DrillChoice::Line(l.id))
        .collect();
    if options.len() < 2 {
        return None;
    }
    if correct != DrillChoice::NoApproach {
        options.push(DrillChoice::NoApproach);
    }
    options.push(correct);
    dice.shuffle(&mut options);
    Some(DrillRound {
        customer: customer.id,
        name: customer.fields.name.clone(),
        company: customer.fields.company.clone(),
        revenue_cents: customer.fields.revenue_cents,
        potential: customer.fields.potential,
        class,
        direction,
        hook,
        note: note.map(|n| n.text.clone()).unwrap_or_default(),
        options,
        correct,
    })
}

/// A round from the team's own customers, or, while none of them fits yet, from the demo
/// customers, so the drill works from the first day. `true` marks a demo round.
pub fn drill_round_or_demo(
    customers: &BTreeMap<CustomerId, Customer>,
    lines: &[PlaybookLine],
    dice: &mut Dice,
    today: NaiveDate,
) -> Option<(DrillRound, bool)> {
    match drill_round(customers, lines, dice, today) {
        Some(round) => Some((round, false)),
        None => drill_round(&demo_dataset(today).customers, lines, dice, today)
            .map(|round| (round, true)),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::playbook::starter::{starter_playbook, starter_written};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
    }

    #[test]
    fn without_own_customers_the_demo_ones_are_drilled() {
        let lines = starter_playbook(starter_written());
        let (round, demo) =
            drill_round_or_demo(&BTreeMap::new(), &lines, &mut Dice::new(7), today())
                .expect("the demo customers fit the starter lines");
        assert!(demo);
        assert!(demo_dataset(today())
            .customers
            .contains_key(&round.customer));
        let own = demo_dataset(today()).customers;
        let (_, demo) =
            drill_round_or_demo(&own, &lines, &mut Dice::new(7), today()).expect("fits");
        assert!(!demo);
        assert_eq!(
            drill_round_or_demo(&own, &[], &mut Dice::new(7), today()),
            None
        );
    }

    #[test]
    fn a_round_is_right_only_with_class_and_line() {
        let lines = starter_playbook(starter_written());
        let customers = demo_dataset(today()).customers;
        let round = drill_round(&customers, &lines, &mut Dice::new(3), today()).expect("fits");
        let wrong_class = CustomerClass::BOARD_ORDER
            .into_iter()
            .find(|c| *c != round.class)
            .expect("four classes");
        let wrong_line = round
            .options
            .iter()
            .copied()
            .find(|o| *o != round.correct)
            .expect("several options");
        let at = today().and_hms_opt(10, 0, 0).expect("valid");
        let attempt = |class, line| round.attempt(TraineeId(1), at, class, line, 900);
        let right = attempt(round.class, round.correct);
        assert!(right.correct && right.class_correct);
        assert_eq!(right.millis, 900);
        let class_only = attempt(round.class, wrong_line);
        assert!(!class_only.correct && class_only.class_correct);
        let line_only = attempt(wrong_class, round.correct);
        assert!(!line_only.correct && !line_only.class_correct);
        assert_eq!(
            round.verdict(wrong_class, round.correct),
            DrillVerdict {
                class_correct: false,
                line_correct: true
            }
        );
    }

    #[test]
    fn making_no_approach_is_the_answer_for_c() {
        let lines = starter_playbook(starter_written());
        assert_eq!(
            DrillChoice::NoApproach.class(&lines),
            Some(CustomerClass::C)
        );
        let first = &lines[0];
        assert_eq!(
            DrillChoice::Line(first.id).class(&lines),
            Some(first.situation.class)
        );
        assert_eq!(DrillChoice::Line(LineId(u64::MAX)).class(&lines), None);
    }
}
