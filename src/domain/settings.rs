use crate::domain::customer::class::CustomerClass;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    German,
    English,
}

/// Minimum days between proactive contacts, per class; `None` means never proactively.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactIntervals {
    pub a: Option<u32>,
    pub b: Option<u32>,
    pub o: Option<u32>,
    pub c: Option<u32>,
}

impl Default for ContactIntervals {
    fn default() -> Self {
        ContactIntervals {
            a: Some(30),
            b: Some(45),
            o: Some(90),
            c: None,
        }
    }
}

impl ContactIntervals {
    /// An interval as typed in the settings: whole days, and an empty field (or anything
    /// that is no number of days) means never proactively.
    pub fn days_from_text(text: &str) -> Option<u32> {
        text.trim().parse().ok()
    }

    pub fn for_class(&self, class: CustomerClass) -> Option<u32> {
        match class {
            CustomerClass::A => self.a,
            CustomerClass::B => self.b,
            CustomerClass::O => self.o,
            CustomerClass::C => self.c,
        }
    }
}

pub const MIN_DOWNGRADE_REFUSALS: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recorded as "who" on contacts and class changes.
    pub user_name: String,
    /// Cumulative revenue share up to which customers are A, in percent.
    pub abc_a_percent: u8,
    /// Cumulative revenue share up to which customers are B, in percent.
    pub abc_b_percent: u8,
    /// Classes set by hand within these days are not pre-selected by the ABC analysis.
    pub abc_respect_manual_days: u32,
    pub intervals: ContactIntervals,
    /// Refused expansion attempts on different days before O→C is suggested.
    pub downgrade_refusals: u32,
    pub backup_after_changes: u32,
    pub backup_after_days: u32,
    pub new_cards_per_day: u32,
    pub language: Language,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            user_name: String::new(),
            abc_a_percent: 80,
            abc_b_percent: 95,
            abc_respect_manual_days: 90,
            intervals: ContactIntervals::default(),
            downgrade_refusals: 3,
            backup_after_changes: 50,
            backup_after_days: 14,
            new_cards_per_day: 10,
            language: Language::German,
        }
    }
}

impl Settings {
    /// Brings hand-edited or imported values back into their meaningful ranges.
    pub fn sanitized(mut self) -> Settings {
        self.abc_a_percent = self.abc_a_percent.clamp(1, 99);
        self.abc_b_percent = self.abc_b_percent.clamp(self.abc_a_percent, 100);
        self.downgrade_refusals = self.downgrade_refusals.max(MIN_DOWNGRADE_REFUSALS);
        self.backup_after_changes = self.backup_after_changes.max(1);
        self.backup_after_days = self.backup_after_days.max(1);
        self.user_name = self.user_name.trim().to_string();
        self
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn defaults_follow_the_method() {
        let s = Settings::default();
        assert_eq!((s.abc_a_percent, s.abc_b_percent), (80, 95));
        assert_eq!(s.intervals.for_class(CustomerClass::B), Some(45));
        assert_eq!(s.intervals.for_class(CustomerClass::C), None);
        assert_eq!(s.downgrade_refusals, 3);
    }

    #[test]
    fn an_empty_interval_means_never() {
        assert_eq!(ContactIntervals::days_from_text(" 30 "), Some(30));
        assert_eq!(ContactIntervals::days_from_text(""), None);
        assert_eq!(ContactIntervals::days_from_text("-5"), None);
    }

    proptest! {
        #[test]
        fn sanitized_settings_keep_their_invariants(a in 0u8..=255, b in 0u8..=255, refusals in 0u32..10) {
            let s = Settings { abc_a_percent: a, abc_b_percent: b, downgrade_refusals: refusals, ..Settings::default() }.sanitized();
            prop_assert!(s.abc_a_percent >= 1 && s.abc_a_percent <= s.abc_b_percent && s.abc_b_percent <= 100);
            prop_assert!(s.downgrade_refusals >= MIN_DOWNGRADE_REFUSALS);
        }
    }
}
