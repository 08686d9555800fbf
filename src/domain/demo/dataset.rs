//! Fictional German customers for a first look, and large sets for benchmarks.
//!
//! Everything is derived from a seed and `today`, never from the clock: the demo looks
//! fresh on any day, and the same seed always gives the same data, so benchmarks and
//! tests can compare runs.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::class_change::{ChangeSource, ClassChange};
use crate::domain::customer::contact::{Channel, Contact, ContactResult, Direction};
use crate::domain::customer::hook::HookKind;
use crate::domain::customer::record::{Customer, CustomerFields};
use crate::domain::dataset::Dataset;
use crate::domain::demo::names::{self as words, Rng, Validity};
use crate::domain::ids::{ContactId, CustomerId, LineId};
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::playbook::starter::{starter_playbook, starter_written};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

use CustomerClass::{A, B, C, O};

const DEMO_SEED: u64 = 0x4B4C_4153_5345_4E42;
const DEMO_CLASSES: [(CustomerClass, usize); 4] = [(A, 10), (B, 18), (O, 20), (C, 12)];
const LARGE_CLASSES: [(CustomerClass, u64); 4] = [(A, 10), (B, 25), (O, 45), (C, 20)];

/// Ids stay below 2^53 so that they remain exact should they ever pass through a
/// JavaScript number.
const ID_MASK: u64 = (1 << 53) - 1;

/// A bijection on 53-bit numbers, so ids look random yet can never collide.
fn scramble53(mut x: u64) -> u64 {
    x &= ID_MASK;
    x ^= x >> 26;
    x = x.wrapping_mul(0x5_DEEC_E66D) & ID_MASK;
    x ^= x >> 29;
    x = x.wrapping_mul(0x2545_F491_4F6C_DD1D) & ID_MASK;
    x ^ (x >> 26)
}

/// The `index`-th id of a series: distinct for every index, and never zero.
fn spread_id(base: u64, index: u64) -> u64 {
    scramble53(((base % ID_MASK).wrapping_add(index)) % ID_MASK + 1)
}

/// How one customer's story is told; the demo sets it by hand, the benchmark at random.
#[derive(Default)]
struct Plan {
    class: CustomerClass,
    note: Option<(HookKind, Validity)>,
    contacts: usize,
    /// Outbound expansion attempts the customer refused, each on its own day.
    refusals: usize,
    /// Off for the demo's O customers, so only the planned ones earn an O→C suggestion.
    allow_refusal: bool,
    change_from: Option<CustomerClass>,
    brand_new: bool,
}

struct Generator {
    rng: Rng,
    today: NaiveDate,
    playbook: Vec<PlaybookLine>,
    customer_base: u64,
    contact_base: u64,
    contacts_made: u64,
}

impl Generator {
    fn new(seed: u64, today: NaiveDate) -> Self {
        let mut rng = Rng::seeded(seed);
        let customer_base = rng.next_u64();
        let contact_base = rng.next_u64();
        Generator {
            rng,
            today,
            playbook: starter_playbook(starter_written()),
            customer_base,
            contact_base,
            contacts_made: 0,
        }
    }

    fn days_ago(&self, days: i64) -> NaiveDate {
        self.today
            .checked_sub_signed(TimeDelta::days(days))
            .unwrap_or(self.today)
    }

    /// Nobody in the demo office works weekends, so contacts fall on the Friday before.
    fn moment(&mut self, days: i64) -> NaiveDateTime {
        let date = self.days_ago(days);
        let back = match date.weekday() {
            Weekday::Sat => 1,
            Weekday::Sun => 2,
            _ => 0,
        };
        let date = date
            .checked_sub_signed(TimeDelta::days(back))
            .unwrap_or(date);
        let minutes = self.rng.between(8 * 12, 18 * 12) * 5;
        date.and_hms_opt((minutes / 60) as u32, (minutes % 60) as u32, 0)
            .unwrap_or_else(|| date.and_time(NaiveTime::MIN))
    }

    fn staff(&mut self) -> String {
        self.rng.pick(words::STAFF).to_string()
    }

    fn customer(&mut self, index: usize, last: &'static str, plan: Plan) -> Customer {
        let id = CustomerId(spread_id(self.customer_base, index as u64));
        let mut fields = self.fields(index, plan.class, last);
        let mut contacts = Vec::with_capacity(plan.contacts + plan.refusals);
        for _ in 0..plan.contacts {
            let days = self.rng.between(1, 400);
            let at = self.moment(days);
            contacts.push(self.contact(plan.class, at, plan.allow_refusal));
        }
        // At least 25 days apart: a fresh attempt each time, never the same day twice.
        let latest_refusal = self.rng.between(10, 60);
        let mut ago = latest_refusal;
        for _ in 0..plan.refusals {
            let at = self.moment(ago);
            contacts.push(self.refusal(at));
            ago += self.rng.between(25, 80);
        }
        contacts.sort_unstable_by_key(|c| c.at);

        let class_changes: Vec<ClassChange> = match plan.change_from {
            Some(from) => {
                // Far enough after the latest refusal that a weekend shift cannot swap them.
                let days = if plan.refusals > 0 {
                    latest_refusal - self.rng.between(3, 9)
                } else {
                    self.rng.between(30, 300)
                };
                let at = self.moment(days);
                vec![ClassChange {
                    at,
                    who: self.staff(),
                    from,
                    to: plan.class,
                    reason: words::change_reason(from, plan.class).to_string(),
                    source: ChangeSource::Manual,
                }]
            }
            None => Vec::new(),
        };

        let (rng, today) = (&mut self.rng, self.today);
        fields.current_note = plan
            .note
            .map(|(hook, until)| words::current_note(rng, today, hook, until));
        let created = if plan.brand_new {
            let days = self.rng.between(2, 6);
            let created = self.days_ago(days);
            if let Some(note) = fields.current_note.as_mut() {
                note.written = created;
            }
            created
        } else {
            let earliest = contacts
                .iter()
                .map(Contact::date)
                .chain(class_changes.iter().map(|c| c.at.date()))
                .chain(fields.current_note.iter().map(|n| n.written))
                .min()
                .unwrap_or(self.today);
            earliest
                .checked_sub_signed(TimeDelta::days(self.rng.between(20, 900)))
                .unwrap_or(earliest)
        };

        let mut customer = Customer::new(id, fields, created);
        customer.contacts = contacts;
        customer.class_changes = class_changes;
        customer
    }

    fn fields(&mut self, index: usize, class: CustomerClass, last: &'static str) -> CustomerFields {
        let business = self.rng.chance(match class {
            A => 70,
            B => 45,
            O => 30,
            C => 25,
        });
        let mut fields = words::identity(&mut self.rng, last, business);
        let (products, pool) = match class {
            A => (self.rng.between(3, 6), words::PRIVATE_PRODUCTS.len()),
            B => (self.rng.between(2, 4), 11),
            O => (self.rng.between(1, 2), 5),
            C => (self.rng.between(1, 2), 5),
        };
        for _ in 0..products {
            let product = words::PRIVATE_PRODUCTS[self.rng.below(pool)];
            if !fields.tags.iter().any(|t| t == product) {
                fields.tags.push(product.to_string());
            }
        }
        let euros = |rng: &mut Rng, low, high| rng.between(low, high) * 100;
        fields.revenue_cents = match class {
            A => euros(&mut self.rng, 8_000, 25_000),
            B => euros(&mut self.rng, 1_500, 5_000),
            O if self.rng.chance(55) => 0,
            O => euros(&mut self.rng, 40, 400),
            C => euros(&mut self.rng, 80, 900),
        };
        fields.potential_cents = match class {
            A if self.rng.chance(30) => euros(&mut self.rng, 2_000, 10_000),
            B => euros(&mut self.rng, 1_000, 8_000),
            O if self.rng.chance(80) => euros(&mut self.rng, 500, 6_000),
            _ => 0,
        };
        fields.potential = match class {
            A => self.rng.chance(10),
            B => self.rng.chance(75),
            O => fields.potential_cents > 0 && self.rng.chance(70),
            C => false,
        };
        let fragments = self.rng.below(3);
        let notes: Vec<&str> = (0..fragments)
            .map(|_| self.rng.pick(words::NOTE_FRAGMENTS))
            .collect();
        fields.number = format!("K-{:04}", index + 1);
        fields.class = class;
        fields.notes = notes.join(" ");
        fields
    }

    fn next_contact_id(&mut self) -> ContactId {
        let id = ContactId(spread_id(self.contact_base, self.contacts_made));
        self.contacts_made += 1;
        id
    }

    fn line_for(
        &mut self,
        class: CustomerClass,
        direction: Direction,
        hook: &HookKind,
    ) -> Option<LineId> {
        if !self.rng.chance(50) {
            return None;
        }
        self.playbook
            .iter()
            .find(|l| {
                l.is_opening()
                    && l.situation.class == class
                    && l.situation.direction == direction
                    && l.situation.hook == *hook
            })
            .map(|l| l.id)
    }

    fn contact(&mut self, class: CustomerClass, at: NaiveDateTime, allow_refusal: bool) -> Contact {
        use Channel::{Phone, Visit};
        use ContactResult::{Appointment, Interested, NotReached, Reached, Refused};
        let inbound = self.rng.chance(if class == C { 60 } else { 40 });
        let (direction, channel, hook_chance) = if inbound {
            let channel = self.rng.weighted(words::INBOUND_CHANNELS);
            (Direction::Inbound, channel, 25)
        } else {
            let channel = self.rng.weighted(words::OUTBOUND_CHANNELS);
            (Direction::Outbound, channel, 65)
        };
        let hook = if self.rng.chance(hook_chance) {
            Some(if class == O && self.rng.chance(40) {
                HookKind::ComprehensiveConsultation
            } else {
                self.rng.pick(&HookKind::BUILT_IN)
            })
        } else {
            None
        };
        let mut result = self.rng.weighted(if inbound {
            words::INBOUND_RESULTS
        } else {
            words::OUTBOUND_RESULTS
        });
        if result == Refused && !allow_refusal {
            result = if inbound { Reached } else { NotReached };
        }
        if result == NotReached && !matches!(channel, Phone | Visit) {
            result = Reached;
        }
        let follow_up =
            if matches!(result, Interested | Appointment | NotReached) && self.rng.chance(70) {
                let days = self.rng.between(2, 30);
                at.date().checked_add_signed(TimeDelta::days(days))
            } else {
                None
            };
        let (reason, note) = words::contact_texts(&mut self.rng, inbound, hook.as_ref(), result);
        let line = match &hook {
            Some(h) => self.line_for(class, direction, h),
            None => None,
        };
        Contact {
            id: self.next_contact_id(),
            at,
            who: self.staff(),
            channel,
            direction,
            reason,
            hook,
            line,
            result,
            follow_up,
            note,
            interval_override: None,
            objection: None,
        }
    }

    /// An outbound expansion attempt on an O customer that was turned down.
    fn refusal(&mut self, at: NaiveDateTime) -> Contact {
        let hook = self.rng.pick(&HookKind::BUILT_IN);
        let line = self.line_for(O, Direction::Outbound, &hook);
        let result = ContactResult::Refused;
        let (reason, note) = words::contact_texts(&mut self.rng, false, Some(&hook), result);
        Contact {
            id: self.next_contact_id(),
            at,
            who: self.staff(),
            channel: self
                .rng
                .weighted(&[(Channel::Phone, 85), (Channel::Visit, 15)]),
            direction: Direction::Outbound,
            reason,
            hook: Some(hook),
            line,
            result,
            follow_up: None,
            note,
            interval_override: None,
            objection: None,
        }
    }
}

/// Which story the `rank`-th demo customer of a class tells.
fn demo_plan(generator: &mut Generator, class: CustomerClass, rank: usize) -> Plan {
    let rng = &mut generator.rng;
    let contacts = match class {
        A => rng.between(4, 8),
        B => rng.between(3, 7),
        O => rng.between(1, 4),
        C => rng.between(1, 3),
    } as usize;
    let mut plan = Plan {
        class,
        contacts,
        allow_refusal: class != O,
        ..Plan::default()
    };
    match (class, rank) {
        (A, 0 | 1) => plan.change_from = Some(B),
        (B, 0..=2) => plan.change_from = Some(O),
        // Three or more refusals reach the default threshold; two stay just below it.
        (O, 0..=3) => {
            plan.refusals = [3, 4, 2, 3][rank];
            plan.contacts = rng.between(1, 3) as usize;
        }
        (O, 4) => {
            plan.brand_new = true;
            plan.contacts = 0;
        }
        // A single refusal that must never trigger the O→C suggestion.
        (O, 5) => plan.refusals = 1,
        (C, 0) => {
            plan.change_from = Some(O);
            plan.refusals = 3;
            plan.contacts = 1;
        }
        (C, 1) => plan.change_from = Some(B),
        _ => {}
    }
    plan
}

/// About sixty fictional customers across all classes, with notes, hooks, contacts,
/// class changes and O customers who refused more than once.
pub fn demo_dataset(today: NaiveDate) -> Dataset {
    const NOTE_CYCLE: [HookKind; 6] = [
        HookKind::TimeLimitedPromotion,
        HookKind::ExtraBenefit,
        HookKind::LegalChange,
        HookKind::TimeLimitedPromotion,
        HookKind::SpecialAdvantage,
        HookKind::ComprehensiveConsultation,
    ];
    const PROMOTION_CYCLE: [Validity; 3] = [Validity::Soon, Validity::Expired, Validity::Later];

    let mut generator = Generator::new(DEMO_SEED, today);
    let mut classes: Vec<CustomerClass> = DEMO_CLASSES
        .iter()
        .flat_map(|&(class, count)| std::iter::repeat_n(class, count))
        .collect();
    generator.rng.shuffle(&mut classes);
    let mut last_names = words::LAST.to_vec();
    generator.rng.shuffle(&mut last_names);

    let mut ranks = std::collections::BTreeMap::new();
    let (mut notes_made, mut promotions_made) = (0usize, 0usize);
    let mut dataset = Dataset {
        playbook: starter_playbook(starter_written()),
        ..Dataset::default()
    };
    for (index, &class) in classes.iter().enumerate() {
        let rank = *ranks.entry(class).and_modify(|r| *r += 1).or_insert(0);
        let mut plan = demo_plan(&mut generator, class, rank);
        let has_note = match class {
            A => rank % 2 == 0,
            B => rank < 15,
            O => rank % 4 != 3,
            C => rank % 4 == 1,
        };
        plan.note = if plan.brand_new {
            Some((HookKind::ComprehensiveConsultation, Validity::Open))
        } else if class == A && rank == 1 {
            Some((HookKind::Custom("Jubiläum".into()), Validity::Open))
        } else if has_note {
            let hook = NOTE_CYCLE[notes_made % NOTE_CYCLE.len()].clone();
            notes_made += 1;
            let validity = if hook == HookKind::TimeLimitedPromotion {
                promotions_made += 1;
                PROMOTION_CYCLE[(promotions_made - 1) % PROMOTION_CYCLE.len()]
            } else {
                Validity::Open
            };
            Some((hook, validity))
        } else {
            None
        };
        let last = last_names[index % last_names.len()];
        let customer = generator.customer(index, last, plan);
        dataset.customers.insert(customer.id, customer);
    }
    dataset
}

/// Many customers for benchmarks: `customers` × `contacts_per_customer` contacts, with
/// the class mix of a real book (about 10 % A, 25 % B, 45 % O, 20 % C).
pub fn large_dataset(
    customers: usize,
    contacts_per_customer: usize,
    seed: u64,
    today: NaiveDate,
) -> Dataset {
    let mut generator = Generator::new(seed, today);
    let mut dataset = Dataset {
        playbook: starter_playbook(starter_written()),
        ..Dataset::default()
    };
    for index in 0..customers {
        let class = generator.rng.weighted(&LARGE_CLASSES);
        let mut plan = Plan {
            class,
            contacts: contacts_per_customer,
            allow_refusal: true,
            ..Plan::default()
        };
        if generator.rng.chance(60) {
            let hook = if generator.rng.chance(3) {
                HookKind::Custom("Jubiläum".into())
            } else {
                generator.rng.pick(&HookKind::BUILT_IN)
            };
            let validity = if hook == HookKind::TimeLimitedPromotion {
                generator
                    .rng
                    .pick(&[Validity::Expired, Validity::Soon, Validity::Later])
            } else {
                Validity::Open
            };
            plan.note = Some((hook, validity));
        }
        if generator.rng.chance(10) {
            let from = generator.rng.pick(&CustomerClass::BOARD_ORDER);
            plan.change_from = (from != class).then_some(from);
        }
        let last = generator.rng.pick(words::LAST);
        let customer = generator.customer(index, last, plan);
        dataset.customers.insert(customer.id, customer);
    }
    dataset
}

/// A twin for every `every`-th customer, as an import gone wrong leaves them: the same
/// phone number written another way, the e-mail in capitals, or the name with one letter
/// changed; without contacts. Twins take ids from the top of the range, so they never
/// meet a generated one. Returns how many were planted.
pub fn plant_twins(dataset: &mut Dataset, every: usize) -> usize {
    if every == 0 {
        return 0;
    }
    let twins: Vec<Customer> = dataset
        .customers
        .values()
        .step_by(every)
        .enumerate()
        .map(|(n, original)| {
            let mut twin = original.clone();
            twin.id = CustomerId(u64::MAX - n as u64);
            twin.contacts.clear();
            match n % 3 {
                0 => {
                    twin.fields.phones = original
                        .fields
                        .phones
                        .iter()
                        .map(|p| p.replace(' ', "/"))
                        .collect();
                }
                1 => twin.fields.email = original.fields.email.to_uppercase(),
                _ => twin.fields.name = original.fields.name.replacen('e', "a", 1),
            }
            twin
        })
        .collect();
    let planted = twins.len();
    dataset
        .customers
        .extend(twins.into_iter().map(|twin| (twin.id, twin)));
    planted
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "dataset_tests.rs"]
mod tests;
