//! The class-glance drill ("Klassenblick-Training"): a customer card flashes up as in a
//! real call; the trainee picks the class first, then the fitting opening line.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::Customer;
use crate::domain::ids::{CustomerId, LineId};
use crate::domain::playbook::lines::{best_line, LineStatus, PlaybookLine};
use chrono::NaiveDate;
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
