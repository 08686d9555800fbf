//! Dated occasions (Anlässe) in a customer's life and contracts: birthdays, contract
//! renewals with their cancellation deadline, customer anniversaries and the user's own
//! dates. They are hooks: a near one is a reason to call.
//!
//! Every date rule works with whole calendar months, as chrono's `checked_add_months`
//! and `checked_sub_months` do: a day the target month lacks becomes that month's last
//! day. So 31 January plus one month is the end of February, and 29 February in a year
//! without it is 28 February. 28 February rather than 1 March because the occasion then
//! stays in its own month (a February birthday is still celebrated in February), and
//! because a deadline counted in months ends on the month's last day when the day is
//! missing (§ 188 Abs. 3 BGB), which is the rule a cancellation deadline follows.

use crate::domain::customer::hook::HookKind;
use crate::domain::ids::OccasionId;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How far ahead an occasion counts as near: it ranks up the due list and shows on the
/// call card.
pub const NEAR_DAYS: i64 = 30;

/// How long after it passed an occasion still shows on the call card
/// ("Geburtstag war vorgestern").
pub const RECENT_DAYS: i64 = 7;

/// Longer notice periods are treated as this many months, so that a mistyped value never
/// makes the date rules search for years.
pub const MAX_NOTICE_MONTHS: u32 = 60;

/// Every fifth year as a customer is a round anniversary, worth a mention.
pub const ROUND_ANNIVERSARY_YEARS: u32 = 5;

/// One dated occasion of a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occasion {
    pub id: OccasionId,
    pub kind: OccasionKind,
}

/// What the occasion is, with the dates it is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OccasionKind {
    /// Yearly, from the day of birth.
    Birthday { date: NaiveDate },
    /// A contract that ends or renews on `renewal`; it can be cancelled until
    /// `notice_months` before that day. A yearly contract renews on the same day every
    /// year, so its next renewal and deadline roll forward.
    ContractRenewal {
        contract: String,
        renewal: NaiveDate,
        #[serde(default)]
        notice_months: u32,
        #[serde(default)]
        yearly: bool,
    },
    /// Yearly anniversary of the day the customer relationship began.
    CustomerSince { date: NaiveDate },
    /// The user's own occasion.
    Custom {
        label: String,
        date: NaiveDate,
        #[serde(default)]
        yearly: bool,
    },
}

/// What happens on one day of an occasion, in parts the UI turns into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moment {
    /// The customer turns `age` (years since the stored birth date).
    Birthday {
        age: u32,
    },
    /// The last day to cancel the contract before it renews on `renewal`.
    CancellationDeadline {
        contract: String,
        renewal: NaiveDate,
    },
    /// The day the contract ends or renews.
    ContractRenewal {
        contract: String,
        yearly: bool,
    },
    /// `years` as a customer; `round` for every fifth year.
    CustomerAnniversary {
        years: u32,
        round: bool,
    },
    Custom {
        label: String,
    },
}

/// One day an occasion falls on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub occasion: OccasionId,
    pub date: NaiveDate,
    pub moment: Moment,
}

/// An occurrence seen from today: `days` until it, negative when it has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccasionHit {
    pub occurrence: Occurrence,
    pub days: i64,
}

/// The last day to cancel a contract that ends on `renewal` with `notice_months` notice.
/// `None` only beyond chrono's date range.
pub fn cancellation_deadline(renewal: NaiveDate, notice_months: u32) -> Option<NaiveDate> {
    renewal.checked_sub_months(Months::new(notice_months.min(MAX_NOTICE_MONTHS)))
}

/// The day `years` after `base`, 29 February becoming 28 February (see the module note).
pub fn years_after(base: NaiveDate, years: u32) -> Option<NaiveDate> {
    base.checked_add_months(Months::new(years.checked_mul(12)?))
}

/// A sequence of days: one day, or one day a year counted from a base day and then moved
/// back by whole months (a deadline before each renewal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Once(NaiveDate),
    Yearly {
        base: NaiveDate,
        back_months: u32,
        /// The first year counted: 1 for birthdays and anniversaries, whose day zero is
        /// no occasion.
        first: u32,
    },
}

impl Series {
    /// The `n`-th day of the series and its count of years.
    fn nth(self, n: u32) -> Option<(u32, NaiveDate)> {
        match self {
            Series::Once(day) => (n == 0).then_some((0, day)),
            Series::Yearly {
                base,
                back_months,
                first,
            } => {
                let years = first.checked_add(n)?;
                let day = years_after(base, years)?
                    .checked_sub_months(Months::new(back_months.min(MAX_NOTICE_MONTHS)))?;
                Some((years, day))
            }
        }
    }

    /// The first day of the series on or after `day`, with its count of years.
    pub fn first_on_or_after(self, day: NaiveDate) -> Option<(u32, NaiveDate)> {
        match self {
            Series::Once(once) => (once >= day).then_some((0, once)),
            Series::Yearly { base, first, .. } => {
                // Every day of the series lies on or before its year's renewal, so a year
                // that ends before `day` is never the answer; start just below it.
                let behind = u32::try_from(day.year() - base.year())
                    .unwrap_or(0)
                    .saturating_sub(1);
                let start = behind.saturating_sub(first);
                let bound = start + MAX_NOTICE_MONTHS / 12 + 4;
                (start..bound)
                    .filter_map(|n| self.nth(n))
                    .find(|(_, d)| *d >= day)
            }
        }
    }

    /// Every day of the series from `from` to `to`, both included, in order.
    pub fn between(self, from: NaiveDate, to: NaiveDate) -> Vec<(u32, NaiveDate)> {
        let mut days = Vec::new();
        let Some((years, day)) = self.first_on_or_after(from) else {
            return days;
        };
        if day > to {
            return days;
        }
        days.push((years, day));
        if let Series::Yearly { first, .. } = self {
            let mut n = years.saturating_sub(first) + 1;
            while let Some((years, day)) = self.nth(n) {
                if day > to {
                    break;
                }
                days.push((years, day));
                n += 1;
            }
        }
        days
    }

    pub fn is_yearly(self) -> bool {
        matches!(self, Series::Yearly { .. })
    }
}

impl OccasionKind {
    /// Whether the occasion comes back every year.
    pub fn is_yearly(&self) -> bool {
        match self {
            Self::Birthday { .. } | Self::CustomerSince { .. } => true,
            Self::ContractRenewal { yearly, .. } | Self::Custom { yearly, .. } => *yearly,
        }
    }

    /// The stored date the occasion is computed from.
    pub fn date(&self) -> NaiveDate {
        match self {
            Self::Birthday { date } | Self::CustomerSince { date } | Self::Custom { date, .. } => {
                *date
            }
            Self::ContractRenewal { renewal, .. } => *renewal,
        }
    }

    /// The occasion's day sequences, each with what happens on its days. A contract has
    /// two: its cancellation deadline (when it has a notice period) and its renewal.
    pub fn series(&self) -> Vec<(Series, MomentTemplate)> {
        let yearly_from = |base: NaiveDate, back_months: u32, first: u32| Series::Yearly {
            base,
            back_months,
            first,
        };
        match self {
            Self::Birthday { date } => vec![(yearly_from(*date, 0, 1), MomentTemplate::Birthday)],
            Self::CustomerSince { date } => {
                vec![(yearly_from(*date, 0, 1), MomentTemplate::Anniversary)]
            }
            Self::Custom {
                label,
                date,
                yearly,
            } => {
                let series = if *yearly {
                    yearly_from(*date, 0, 0)
                } else {
                    Series::Once(*date)
                };
                vec![(series, MomentTemplate::Custom(label.clone()))]
            }
            Self::ContractRenewal {
                contract,
                renewal,
                notice_months,
                yearly,
            } => {
                let at = |back: u32| {
                    if *yearly {
                        Some(yearly_from(*renewal, back, 0))
                    } else {
                        cancellation_deadline(*renewal, back).map(Series::Once)
                    }
                };
                let mut series = Vec::new();
                if *notice_months > 0 {
                    if let Some(deadline) = at(*notice_months) {
                        series.push((deadline, MomentTemplate::Deadline(contract.clone())));
                    }
                }
                if let Some(renewing) = at(0) {
                    series.push((renewing, MomentTemplate::Renewal(contract.clone(), *yearly)));
                }
                series
            }
        }
    }
}

/// What happens on a series' days, before the day's count of years is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MomentTemplate {
    Birthday,
    Anniversary,
    Deadline(String),
    Renewal(String, bool),
    Custom(String),
}

impl Occasion {
    pub fn new(id: OccasionId, kind: OccasionKind) -> Occasion {
        Occasion { id, kind }
    }

    /// What happens on a day `years` into one of this occasion's series. A deadline
    /// names the renewal it comes before, counted from the stored renewal itself so
    /// that month ends come out right both ways.
    pub fn moment_of(&self, template: &MomentTemplate, years: u32) -> Moment {
        match template {
            MomentTemplate::Birthday => Moment::Birthday { age: years },
            MomentTemplate::Anniversary => Moment::CustomerAnniversary {
                years,
                round: years > 0 && years.is_multiple_of(ROUND_ANNIVERSARY_YEARS),
            },
            MomentTemplate::Deadline(contract) => {
                let renewal = match &self.kind {
                    OccasionKind::ContractRenewal {
                        renewal,
                        yearly: true,
                        ..
                    } => years_after(*renewal, years).unwrap_or(*renewal),
                    other => other.date(),
                };
                Moment::CancellationDeadline {
                    contract: contract.clone(),
                    renewal,
                }
            }
            MomentTemplate::Renewal(contract, yearly) => Moment::ContractRenewal {
                contract: contract.clone(),
                yearly: *yearly,
            },
            MomentTemplate::Custom(label) => Moment::Custom {
                label: label.clone(),
            },
        }
    }

    /// Every day of this occasion from `from` to `to`, both included, in date order.
    pub fn occurrences(&self, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
        let mut all: Vec<Occurrence> = self
            .kind
            .series()
            .into_iter()
            .flat_map(|(series, template)| {
                series
                    .between(from, to)
                    .into_iter()
                    .map(move |(years, date)| (template.clone(), years, date))
            })
            .map(|(template, years, date)| Occurrence {
                occasion: self.id,
                date,
                moment: self.moment_of(&template, years),
            })
            .collect();
        all.sort_by_key(|o| o.date);
        all
    }

    /// The next day of this occasion on or after `today`: for a contract, its next
    /// cancellation deadline or renewal, whichever comes first.
    pub fn next(&self, today: NaiveDate) -> Option<Occurrence> {
        self.kind
            .series()
            .into_iter()
            .filter_map(|(series, template)| {
                let (years, date) = series.first_on_or_after(today)?;
                Some(Occurrence {
                    occasion: self.id,
                    date,
                    moment: self.moment_of(&template, years),
                })
            })
            .min_by_key(|o| o.date)
    }

    /// Days from `today` until the next day of this occasion.
    pub fn days_until(&self, today: NaiveDate) -> Option<i64> {
        self.next(today).map(|o| (o.date - today).num_days())
    }
}

impl Moment {
    /// The playbook hook that opens a talk about this moment.
    pub fn hook(&self) -> HookKind {
        HookKind::Occasion
    }

    /// A deadline is the one occasion that passes for good: it weighs most.
    pub fn is_deadline(&self) -> bool {
        matches!(self, Moment::CancellationDeadline { .. })
    }
}

/// Every occurrence of `occasions` from `past_days` before `today` to `ahead_days` after
/// it, the closest first (a tie goes to the one still ahead).
pub fn occasions_around(
    occasions: &[Occasion],
    today: NaiveDate,
    past_days: i64,
    ahead_days: i64,
) -> Vec<OccasionHit> {
    let from = today - chrono::Duration::days(past_days.max(0));
    let to = today + chrono::Duration::days(ahead_days.max(0));
    let mut hits: Vec<OccasionHit> = occasions
        .iter()
        .flat_map(|o| o.occurrences(from, to))
        .map(|occurrence| OccasionHit {
            days: (occurrence.date - today).num_days(),
            occurrence,
        })
        .collect();
    hits.sort_by_key(|h| (h.days.abs(), h.days < 0, h.occurrence.occasion));
    hits
}

/// The nearest occurrence from today up to [`NEAR_DAYS`] ahead: the one that ranks a
/// potential customer up on the due list.
pub fn nearest_ahead(occasions: &[Occasion], today: NaiveDate) -> Option<OccasionHit> {
    occasions_around(occasions, today, 0, NEAR_DAYS)
        .into_iter()
        .next()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "occasion_tests.rs"]
mod tests;
