//! Everything one browser profile holds, as plain data.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::record::Customer;
use crate::domain::ids::CustomerId;
use crate::domain::playbook::lines::PlaybookLine;
use crate::domain::practice::state::PracticeState;
use crate::domain::settings::Settings;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When the last backup was made and how much changed since, for the reminder.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupStatus {
    pub last_backup: Option<NaiveDate>,
    pub changes_since: u32,
}

impl BackupStatus {
    pub fn reminder_due(&self, settings: &Settings, today: NaiveDate, has_data: bool) -> bool {
        if !has_data {
            return false;
        }
        let too_many_changes = self.changes_since >= settings.backup_after_changes;
        let too_long = match self.last_backup {
            Some(day) => (today - day).num_days() >= i64::from(settings.backup_after_days),
            None => self.changes_since > 0,
        };
        too_many_changes || too_long
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    pub customers: BTreeMap<CustomerId, Customer>,
    pub playbook: Vec<PlaybookLine>,
    pub practice: PracticeState,
    pub settings: Settings,
    pub backup: BackupStatus,
}

/// Count and revenue of one class, for headers and overviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassSummary {
    pub count: usize,
    pub revenue_cents: i64,
}

impl Dataset {
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    pub fn class_summary(&self, class: CustomerClass) -> ClassSummary {
        self.customers.values().filter(|c| c.class() == class).fold(
            ClassSummary::default(),
            |acc, c| ClassSummary {
                count: acc.count + 1,
                revenue_cents: acc.revenue_cents + c.fields.revenue_cents,
            },
        )
    }

    pub fn contact_count(&self) -> usize {
        contact_count(&self.customers)
    }

    pub fn next_customer_number(&self) -> String {
        next_customer_number(&self.customers)
    }
}

/// Every contact logged with any of `customers`.
pub fn contact_count(customers: &BTreeMap<CustomerId, Customer>) -> usize {
    customers.values().map(|c| c.contacts.len()).sum()
}

/// A customer number that no customer uses yet: "K-0001", "K-0002", …
pub fn next_customer_number(customers: &BTreeMap<CustomerId, Customer>) -> String {
    let highest = customers
        .values()
        .filter_map(|c| c.fields.number.strip_prefix("K-"))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("K-{:04}", highest + 1)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::builder::CustomerBuilder;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid")
    }

    fn add(ds: &mut Dataset, id: u64, class: CustomerClass, revenue: i64, number: &str) {
        let customer = CustomerBuilder::new(id, &format!("Kunde {id}"))
            .class(class)
            .revenue(revenue)
            .number(number)
            .created(day(1))
            .build();
        ds.customers.insert(CustomerId(id), customer);
    }

    #[test]
    fn summaries_count_and_sum_per_class() {
        let mut ds = Dataset::default();
        add(&mut ds, 1, CustomerClass::A, 500, "K-0007");
        add(&mut ds, 2, CustomerClass::A, 250, "X-1");
        add(&mut ds, 3, CustomerClass::O, 0, "");
        assert_eq!(
            ds.class_summary(CustomerClass::A),
            ClassSummary {
                count: 2,
                revenue_cents: 750
            }
        );
        assert_eq!(ds.class_summary(CustomerClass::C).count, 0);
        assert_eq!(ds.next_customer_number(), "K-0008");
    }

    #[test]
    fn backup_reminder_after_changes_or_days() {
        let settings = Settings::default();
        let fresh = BackupStatus {
            last_backup: Some(day(20)),
            changes_since: 3,
        };
        assert!(!fresh.reminder_due(&settings, day(27), true));
        let old = BackupStatus {
            last_backup: Some(day(1)),
            changes_since: 0,
        };
        assert!(old.reminder_due(&settings, day(27), true));
        let busy = BackupStatus {
            last_backup: Some(day(26)),
            changes_since: settings.backup_after_changes,
        };
        assert!(busy.reminder_due(&settings, day(27), true));
        assert!(!busy.reminder_due(&settings, day(27), false));
    }
}
