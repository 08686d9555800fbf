use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The reason ("Aufhänger") a conversation is opened with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HookKind {
    ExtraBenefit,
    LegalChange,
    TimeLimitedPromotion,
    SpecialAdvantage,
    ComprehensiveConsultation,
    /// A dated occasion in the customer's life or contracts: a birthday, a cancellation
    /// deadline, an anniversary (`customer::occasion`).
    Occasion,
    /// A kind the team adds itself.
    Custom(String),
}

impl HookKind {
    /// The kinds a current note is written with.
    pub const BUILT_IN: [HookKind; 5] = [
        Self::ExtraBenefit,
        Self::LegalChange,
        Self::TimeLimitedPromotion,
        Self::SpecialAdvantage,
        Self::ComprehensiveConsultation,
    ];

    /// Every kind the app names itself: the note kinds and the occasion hook, which a
    /// dated occasion brings rather than a note. Contacts and playbook lines choose
    /// from these.
    pub const NAMED: [HookKind; 6] = [
        Self::ExtraBenefit,
        Self::LegalChange,
        Self::TimeLimitedPromotion,
        Self::SpecialAdvantage,
        Self::ComprehensiveConsultation,
        Self::Occasion,
    ];

    /// A stable key for forms and files; custom kinds carry their own label.
    pub fn key(&self) -> String {
        match self {
            Self::ExtraBenefit => "extra_benefit".into(),
            Self::LegalChange => "legal_change".into(),
            Self::TimeLimitedPromotion => "promotion".into(),
            Self::SpecialAdvantage => "special_advantage".into(),
            Self::ComprehensiveConsultation => "consultation".into(),
            Self::Occasion => "occasion".into(),
            Self::Custom(label) => format!("custom:{label}"),
        }
    }

    /// The key for a kind the team names itself, as it is typed; no name, no hook.
    pub fn custom_key(name: &str) -> String {
        if name.trim().is_empty() {
            String::new()
        } else {
            format!("custom:{name}")
        }
    }

    /// The name in a custom kind's key, as typed; `None` for any other key.
    pub fn custom_name(key: &str) -> Option<&str> {
        key.strip_prefix("custom:")
    }

    pub fn from_key(key: &str) -> Option<Self> {
        let kind = match key {
            "extra_benefit" => Self::ExtraBenefit,
            "legal_change" => Self::LegalChange,
            "promotion" => Self::TimeLimitedPromotion,
            "special_advantage" => Self::SpecialAdvantage,
            "consultation" => Self::ComprehensiveConsultation,
            "occasion" => Self::Occasion,
            other => {
                let label = other.strip_prefix("custom:")?.trim();
                if label.is_empty() {
                    return None;
                }
                Self::Custom(label.to_string())
            }
        };
        Some(kind)
    }
}

/// The current note ("aktueller Vermerk") the user sees first when the customer calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentNote {
    pub written: NaiveDate,
    pub hook: HookKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
}

/// How a note's validity looks from `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteValidity {
    /// No end date: the note stays current until replaced.
    Open,
    Valid {
        days_left: i64,
    },
    /// Still valid, but ends within [`EXPIRING_SOON_DAYS`].
    ExpiringSoon {
        days_left: i64,
    },
    Expired {
        days_ago: i64,
    },
}

pub const EXPIRING_SOON_DAYS: i64 = 14;

impl CurrentNote {
    pub fn validity(&self, today: NaiveDate) -> NoteValidity {
        let Some(until) = self.valid_until else {
            return NoteValidity::Open;
        };
        let days_left = (until - today).num_days();
        if days_left < 0 {
            NoteValidity::Expired {
                days_ago: -days_left,
            }
        } else if days_left <= EXPIRING_SOON_DAYS {
            NoteValidity::ExpiringSoon { days_left }
        } else {
            NoteValidity::Valid { days_left }
        }
    }

    pub fn is_expired(&self, today: NaiveDate) -> bool {
        matches!(self.validity(today), NoteValidity::Expired { .. })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid test date")
    }

    fn note(until: Option<NaiveDate>) -> CurrentNote {
        CurrentNote {
            written: day(1),
            hook: HookKind::TimeLimitedPromotion,
            text: "Aktion".into(),
            valid_until: until,
        }
    }

    #[test]
    fn validity_follows_the_end_date() {
        assert_eq!(note(None).validity(day(27)), NoteValidity::Open);
        assert_eq!(
            note(Some(day(27))).validity(day(27)),
            NoteValidity::ExpiringSoon { days_left: 0 }
        );
        assert_eq!(
            note(Some(day(26))).validity(day(27)),
            NoteValidity::Expired { days_ago: 1 }
        );
        assert!(note(Some(day(26))).is_expired(day(27)));
        assert_eq!(
            note(Some(day(30))).validity(day(1)),
            NoteValidity::Valid { days_left: 29 }
        );
    }

    #[test]
    fn hook_keys_round_trip() {
        let mut kinds = HookKind::NAMED.to_vec();
        kinds.push(HookKind::Custom("Jubiläum".into()));
        for kind in kinds {
            assert_eq!(HookKind::from_key(&kind.key()), Some(kind));
        }
        assert_eq!(HookKind::from_key("custom:  "), None);
        assert_eq!(HookKind::from_key("nonsense"), None);
    }

    #[test]
    fn a_custom_hook_needs_a_name() {
        assert_eq!(HookKind::custom_key("  "), "");
        assert_eq!(HookKind::custom_key("Jubiläum "), "custom:Jubiläum ");
        assert_eq!(HookKind::custom_name("custom:Jubiläum "), Some("Jubiläum "));
        assert_eq!(HookKind::custom_name("legal_change"), None);
    }

    proptest::proptest! {
        /// What is typed as an own hook's name comes back as typed, and is the hook's
        /// label without its surrounding spaces.
        #[test]
        fn a_typed_name_round_trips(name in "[ a-zA-Zäöü]{0,12}") {
            let key = HookKind::custom_key(&name);
            if name.trim().is_empty() {
                proptest::prop_assert_eq!(HookKind::from_key(&key), None);
            } else {
                proptest::prop_assert_eq!(HookKind::custom_name(&key), Some(name.as_str()));
                proptest::prop_assert_eq!(
                    HookKind::from_key(&key),
                    Some(HookKind::Custom(name.trim().to_string()))
                );
            }
        }
    }
}
