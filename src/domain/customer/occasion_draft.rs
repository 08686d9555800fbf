//! One occasion as the customer form holds it while typed, checked into an [`Occasion`].

use crate::domain::customer::occasion::{Occasion, OccasionKind, MAX_NOTICE_MONTHS};
use crate::domain::format::dates::{iso_date, parse_date};
use crate::domain::ids::OccasionId;

/// Which kind the form's kind picker shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OccasionChoice {
    #[default]
    Birthday,
    ContractRenewal,
    CustomerSince,
    Custom,
}

impl OccasionChoice {
    pub const ALL: [OccasionChoice; 4] = [
        Self::Birthday,
        Self::ContractRenewal,
        Self::CustomerSince,
        Self::Custom,
    ];

    /// A stable key for the picker's option values.
    pub fn key(self) -> &'static str {
        match self {
            Self::Birthday => "birthday",
            Self::ContractRenewal => "contract_renewal",
            Self::CustomerSince => "customer_since",
            Self::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The occasion fields as typed. `label` is the contract's name for a renewal and the
/// occasion's name for an own one; the other kinds ignore it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OccasionDraft {
    pub choice: OccasionChoice,
    pub label: String,
    pub date: String,
    pub notice_months: String,
    /// For a renewal: renews every year. For an own occasion: repeats every year.
    pub yearly: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OccasionError {
    DateInvalid,
    LabelMissing,
    /// Not a whole number of months from 0 to [`MAX_NOTICE_MONTHS`].
    NoticeInvalid,
}

impl OccasionDraft {
    pub fn from_occasion(occasion: &Occasion) -> OccasionDraft {
        let date = iso_date(occasion.kind.date());
        match &occasion.kind {
            OccasionKind::Birthday { .. } => OccasionDraft {
                date,
                ..OccasionDraft::default()
            },
            OccasionKind::CustomerSince { .. } => OccasionDraft {
                choice: OccasionChoice::CustomerSince,
                date,
                ..OccasionDraft::default()
            },
            OccasionKind::ContractRenewal {
                contract,
                notice_months,
                yearly,
                ..
            } => OccasionDraft {
                choice: OccasionChoice::ContractRenewal,
                label: contract.clone(),
                date,
                notice_months: notice_months.to_string(),
                yearly: *yearly,
            },
            OccasionKind::Custom { label, yearly, .. } => OccasionDraft {
                choice: OccasionChoice::Custom,
                label: label.clone(),
                date,
                notice_months: String::new(),
                yearly: *yearly,
            },
        }
    }

    /// Checks every field and returns all problems at once, so the form can mark each.
    pub fn validate(&self, id: OccasionId) -> Result<Occasion, Vec<OccasionError>> {
        let mut errors = Vec::new();
        let date = parse_date(&self.date);
        if date.is_none() {
            errors.push(OccasionError::DateInvalid);
        }
        let label = self.label.trim().to_string();
        let needs_label = matches!(
            self.choice,
            OccasionChoice::ContractRenewal | OccasionChoice::Custom
        );
        if needs_label && label.is_empty() {
            errors.push(OccasionError::LabelMissing);
        }
        let notice = self.notice_months.trim();
        let notice_months = if notice.is_empty() {
            Some(0)
        } else {
            notice
                .parse::<u32>()
                .ok()
                .filter(|m| *m <= MAX_NOTICE_MONTHS)
        };
        if self.choice == OccasionChoice::ContractRenewal && notice_months.is_none() {
            errors.push(OccasionError::NoticeInvalid);
        }
        let (Some(date), true) = (date, errors.is_empty()) else {
            return Err(errors);
        };
        let kind = match self.choice {
            OccasionChoice::Birthday => OccasionKind::Birthday { date },
            OccasionChoice::CustomerSince => OccasionKind::CustomerSince { date },
            OccasionChoice::ContractRenewal => OccasionKind::ContractRenewal {
                contract: label,
                renewal: date,
                notice_months: notice_months.unwrap_or(0),
                yearly: self.yearly,
            },
            OccasionChoice::Custom => OccasionKind::Custom {
                label,
                date,
                yearly: self.yearly,
            },
        };
        Ok(Occasion::new(id, kind))
    }

    /// Checks the draft as an edit of the occasion `id` and puts it in that occasion's
    /// place, so the list keeps its order and the calendar its UID. An occasion removed
    /// meanwhile comes back at the end rather than losing the edit. On an error the
    /// list is left as it was.
    pub fn save_over(
        &self,
        occasions: &mut Vec<Occasion>,
        id: OccasionId,
    ) -> Result<(), Vec<OccasionError>> {
        let edited = self.validate(id)?;
        match occasions.iter_mut().find(|o| o.id == id) {
            Some(slot) => *slot = edited,
            None => occasions.push(edited),
        }
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_typed_renewal_is_checked_into_an_occasion_and_back() {
        let draft = OccasionDraft {
            choice: OccasionChoice::ContractRenewal,
            label: " Kfz-Versicherung ".into(),
            date: "01.01.2027".into(),
            notice_months: "3".into(),
            yearly: true,
        };
        let occasion = draft.validate(OccasionId(5)).expect("valid");
        assert_eq!(
            occasion.kind,
            OccasionKind::ContractRenewal {
                contract: "Kfz-Versicherung".into(),
                renewal: NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid"),
                notice_months: 3,
                yearly: true,
            }
        );
        let again = OccasionDraft::from_occasion(&occasion);
        assert_eq!(again.validate(OccasionId(5)), Ok(occasion));
    }

    #[test]
    fn an_edit_replaces_the_occasion_in_its_place_with_its_id() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        let birthday = Occasion::new(
            OccasionId(1),
            OccasionKind::Birthday {
                date: day(1970, 5, 12),
            },
        );
        let renewal = Occasion::new(
            OccasionId(2),
            OccasionKind::ContractRenewal {
                contract: "Kfz-Versicherung".into(),
                renewal: day(2027, 1, 1),
                notice_months: 1,
                yearly: true,
            },
        );
        let since = Occasion::new(
            OccasionId(3),
            OccasionKind::CustomerSince {
                date: day(2016, 3, 1),
            },
        );
        let mut list = vec![birthday.clone(), renewal.clone(), since.clone()];
        let mut draft = OccasionDraft::from_occasion(&renewal);
        draft.date = "2027-02-01".into();
        draft.notice_months = "3".into();
        draft.save_over(&mut list, OccasionId(2)).expect("valid");
        let edited = Occasion::new(
            OccasionId(2),
            OccasionKind::ContractRenewal {
                contract: "Kfz-Versicherung".into(),
                renewal: day(2027, 2, 1),
                notice_months: 3,
                yearly: true,
            },
        );
        assert_eq!(list, vec![birthday.clone(), edited.clone(), since.clone()]);

        // A wrong edit changes nothing.
        draft.date = "31.02.2027".into();
        assert_eq!(
            draft.save_over(&mut list, OccasionId(2)),
            Err(vec![OccasionError::DateInvalid])
        );
        assert_eq!(list, vec![birthday.clone(), edited.clone(), since.clone()]);

        // Removed while being edited: the edit is not lost.
        list.retain(|o| o.id != OccasionId(1));
        let mut draft = OccasionDraft::from_occasion(&birthday);
        draft.date = "1970-05-13".into();
        draft.save_over(&mut list, OccasionId(1)).expect("valid");
        assert_eq!(list.len(), 3);
        assert_eq!(list[2].id, OccasionId(1));
        assert_eq!(list[2].kind.date(), day(1970, 5, 13));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let draft = OccasionDraft {
            choice: OccasionChoice::ContractRenewal,
            label: "  ".into(),
            date: "31.02.2027".into(),
            notice_months: "drei".into(),
            yearly: false,
        };
        assert_eq!(
            draft.validate(OccasionId(1)),
            Err(vec![
                OccasionError::DateInvalid,
                OccasionError::LabelMissing,
                OccasionError::NoticeInvalid
            ])
        );
        let birthday = OccasionDraft {
            date: "1970-05-12".into(),
            ..OccasionDraft::default()
        };
        assert!(birthday.validate(OccasionId(2)).is_ok(), "no label needed");
        for choice in OccasionChoice::ALL {
            assert_eq!(OccasionChoice::from_key(choice.key()), Some(choice));
        }
    }
}
