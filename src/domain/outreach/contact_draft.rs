//! A contact about to be logged, planned or completed, checked in one place: it needs a
//! date and a reason, and one that comes sooner than the class's minimum interval needs a
//! reason for that too, which is recorded with it.

use crate::domain::customer::contact::Direction;
use crate::domain::customer::record::Customer;
use crate::domain::outreach::frequency::frequency_warning;
use crate::domain::settings::ContactIntervals;
use chrono::{NaiveDate, NaiveDateTime};

/// What the user typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactDraft<'a> {
    pub direction: Direction,
    /// `None`: the date field holds no valid date.
    pub day: Option<NaiveDate>,
    pub reason: &'a str,
    /// Why the contact comes sooner than the interval allows, if it does.
    pub override_reason: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    DateInvalid,
    ReasonMissing,
    /// Too soon for the customer's class, and no reason given for that.
    OverrideMissing,
}

/// A draft that passed: the values to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDraft {
    pub day: NaiveDate,
    pub reason: String,
    pub interval_override: Option<String>,
}

impl CheckedDraft {
    /// When the contact is recorded: on the chosen day, at the time it is logged, so
    /// that contacts logged for the same day keep the order they were logged in.
    pub fn at(&self, now: NaiveDateTime) -> NaiveDateTime {
        self.day.and_time(now.time())
    }
}

impl ContactDraft<'_> {
    pub fn check(
        &self,
        customer: Option<&Customer>,
        intervals: &ContactIntervals,
    ) -> Result<CheckedDraft, DraftProblem> {
        let day = self.day.ok_or(DraftProblem::DateInvalid)?;
        let reason = self.reason.trim();
        if reason.is_empty() {
            return Err(DraftProblem::ReasonMissing);
        }
        let too_soon = customer
            .and_then(|c| frequency_warning(c, self.direction, day, intervals))
            .is_some();
        let override_reason = self.override_reason.trim();
        if too_soon && override_reason.is_empty() {
            return Err(DraftProblem::OverrideMissing);
        }
        Ok(CheckedDraft {
            day,
            reason: reason.to_string(),
            interval_override: too_soon.then(|| override_reason.to_string()),
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::class::CustomerClass;
    use crate::domain::customer::contact::Contact;
    use crate::domain::customer::record::CustomerFields;
    use crate::domain::ids::{ContactId, CustomerId};

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).expect("a valid day")
    }

    /// A B customer (45 days between proactive contacts) last called on 1 November.
    fn called_on_the_first() -> Customer {
        let fields = CustomerFields {
            name: "Frieda".into(),
            class: CustomerClass::B,
            ..Default::default()
        };
        Customer::new(CustomerId(1), fields, day(1)).with_contact(Contact {
            who: "Ich".into(),
            ..Contact::call(
                ContactId(1),
                day(1).and_hms_opt(10, 0, 0).expect("a valid time"),
                Direction::Outbound,
                "Angebot",
            )
        })
    }

    fn draft<'a>(on: u32, reason: &'a str, override_reason: &'a str) -> ContactDraft<'a> {
        ContactDraft {
            direction: Direction::Outbound,
            day: Some(day(on)),
            reason,
            override_reason,
        }
    }

    #[test]
    fn a_contact_too_soon_needs_a_reason_for_that_which_is_recorded() {
        let customer = called_on_the_first();
        let intervals = ContactIntervals::default();
        assert_eq!(
            draft(20, "Nachfassen", " ").check(Some(&customer), &intervals),
            Err(DraftProblem::OverrideMissing)
        );
        let checked = draft(20, " Nachfassen ", "Kunde bat darum")
            .check(Some(&customer), &intervals)
            .expect("a reason was given");
        assert_eq!(checked.reason, "Nachfassen");
        assert_eq!(
            checked.interval_override.as_deref(),
            Some("Kunde bat darum")
        );
    }

    #[test]
    fn an_inbound_contact_or_one_in_time_needs_no_override() {
        let customer = called_on_the_first();
        let intervals = ContactIntervals::default();
        let inbound = ContactDraft {
            direction: Direction::Inbound,
            ..draft(2, "Rückruf", "")
        };
        assert!(inbound.check(Some(&customer), &intervals).is_ok());
        let later = NaiveDate::from_ymd_opt(2026, 12, 20).expect("a valid day");
        let in_time = ContactDraft {
            day: Some(later),
            ..draft(1, "Nachfassen", "überflüssig")
        };
        assert_eq!(
            in_time
                .check(Some(&customer), &intervals)
                .map(|c| c.interval_override),
            Ok(None)
        );
    }

    #[test]
    fn a_contact_is_recorded_on_its_day_at_the_time_it_was_logged() {
        let checked = draft(3, "Rückruf", "")
            .check(None, &ContactIntervals::default())
            .expect("complete");
        let now = day(20).and_hms_opt(14, 5, 0).expect("a valid time");
        assert_eq!(
            checked.at(now),
            day(3).and_hms_opt(14, 5, 0).expect("a valid time")
        );
    }

    #[test]
    fn date_and_reason_come_first() {
        let intervals = ContactIntervals::default();
        let no_date = ContactDraft {
            day: None,
            ..draft(1, "x", "")
        };
        assert_eq!(
            no_date.check(None, &intervals),
            Err(DraftProblem::DateInvalid)
        );
        assert_eq!(
            draft(1, "  ", "").check(None, &intervals),
            Err(DraftProblem::ReasonMissing)
        );
    }
}
