//! The customer form as typed, checked into [`CustomerFields`] with typed errors.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::hook::{CurrentNote, HookKind};
use crate::domain::customer::occasion::Occasion;
use crate::domain::customer::record::CustomerFields;
use crate::domain::format::dates::parse_date;
use crate::domain::format::money::{format_amount, parse_euro_cents, AmountError};
use chrono::NaiveDate;

/// What the form shows: text as typed, so that a half-typed amount is not lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomerDraft {
    pub name: String,
    pub company: String,
    pub postcode: String,
    pub contact_person: String,
    pub phones: Vec<String>,
    pub email: String,
    pub number: String,
    pub revenue: String,
    pub potential_amount: String,
    pub class: CustomerClass,
    pub potential: bool,
    pub tags: String,
    pub notes: String,
    pub note_hook: String,
    pub note_text: String,
    pub note_valid_until: String,
    /// The day the current note was written; kept when its text is unchanged.
    pub note_written: Option<NaiveDate>,
    /// The occasions as the form holds them; each is checked when added
    /// ([`crate::domain::customer::occasion_draft`]), so they pass through unchanged.
    pub occasions: Vec<Occasion>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    NameMissing,
    RevenueInvalid(AmountError),
    PotentialInvalid(AmountError),
    EmailInvalid,
    NoteHookUnknown,
    NoteValidUntilInvalid,
    NoteValidUntilBeforeWritten,
}

impl CustomerDraft {
    pub fn from_fields(fields: &CustomerFields) -> Self {
        let note = fields.current_note.as_ref();
        CustomerDraft {
            name: fields.name.clone(),
            company: fields.company.clone(),
            postcode: fields.postcode.clone(),
            contact_person: fields.contact_person.clone(),
            phones: if fields.phones.is_empty() {
                vec![String::new()]
            } else {
                fields.phones.clone()
            },
            email: fields.email.clone(),
            number: fields.number.clone(),
            revenue: amount_text(fields.revenue_cents),
            potential_amount: amount_text(fields.potential_cents),
            class: fields.class,
            potential: fields.potential,
            tags: fields.tags.join(", "),
            notes: fields.notes.clone(),
            note_hook: note.map(|n| n.hook.key()).unwrap_or_default(),
            note_text: note.map(|n| n.text.clone()).unwrap_or_default(),
            note_valid_until: note
                .and_then(|n| n.valid_until)
                .map(crate::domain::format::dates::iso_date)
                .unwrap_or_default(),
            note_written: note.map(|n| n.written),
            occasions: fields.occasions.clone(),
        }
    }

    /// Checks every field; returns all problems at once so the form can mark each.
    pub fn validate(
        &self,
        previous_note: Option<&CurrentNote>,
        today: NaiveDate,
    ) -> Result<CustomerFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push(FieldError::NameMissing);
        }
        let revenue_cents = parse_euro_cents(&self.revenue)
            .map_err(|e| errors.push(FieldError::RevenueInvalid(e)))
            .unwrap_or(0);
        let potential_cents = parse_euro_cents(&self.potential_amount)
            .map_err(|e| errors.push(FieldError::PotentialInvalid(e)))
            .unwrap_or(0);
        let email = self.email.trim().to_string();
        if !email.is_empty() && !looks_like_email(&email) {
            errors.push(FieldError::EmailInvalid);
        }
        let current_note = match self.current_note(previous_note, today) {
            Ok(note) => note,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CustomerFields {
            name,
            company: self.company.trim().to_string(),
            postcode: self.postcode.trim().to_string(),
            contact_person: self.contact_person.trim().to_string(),
            phones: self
                .phones
                .iter()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            email,
            number: self.number.trim().to_string(),
            revenue_cents,
            potential_cents,
            class: self.class,
            potential: self.potential,
            tags: split_tags(&self.tags),
            notes: self.notes.trim().to_string(),
            current_note,
            occasions: self.occasions.clone(),
        })
    }

    fn current_note(
        &self,
        previous: Option<&CurrentNote>,
        today: NaiveDate,
    ) -> Result<Option<CurrentNote>, FieldError> {
        let text = self.note_text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let hook = HookKind::from_key(&self.note_hook).ok_or(FieldError::NoteHookUnknown)?;
        let valid_until = match self.note_valid_until.trim() {
            "" => None,
            raw => Some(parse_date(raw).ok_or(FieldError::NoteValidUntilInvalid)?),
        };
        let unchanged = previous.filter(|p| p.text == text && p.hook == hook);
        let written = unchanged.map(|p| p.written).unwrap_or(today);
        if valid_until.is_some_and(|until| until < written) {
            return Err(FieldError::NoteValidUntilBeforeWritten);
        }
        Ok(Some(CurrentNote {
            written,
            hook,
            text: text.to_string(),
            valid_until,
        }))
    }
}

fn amount_text(cents: i64) -> String {
    if cents == 0 {
        String::new()
    } else {
        format_amount(cents)
    }
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// "Kfz, Haftpflicht ,  ,Rente" → ["Kfz", "Haftpflicht", "Rente"], without duplicates.
pub fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid")
    }

    fn draft() -> CustomerDraft {
        CustomerDraft {
            name: " Jana Müller ".into(),
            postcode: " 01067 ".into(),
            phones: vec!["0171 2345678".into(), " ".into()],
            revenue: "12.345,67".into(),
            tags: "Kfz, Rente, kfz".into(),
            ..Default::default()
        }
    }

    #[test]
    fn valid_draft_becomes_clean_fields() {
        let fields = draft().validate(None, today()).expect("valid draft");
        assert_eq!(fields.name, "Jana Müller");
        assert_eq!(fields.postcode, "01067");
        assert_eq!(fields.phones, vec!["0171 2345678"]);
        assert_eq!(fields.revenue_cents, 1_234_567);
        assert_eq!(fields.tags, vec!["Kfz", "Rente"]);
        assert_eq!(fields.current_note, None);
    }

    #[test]
    fn all_errors_are_reported_together() {
        let bad = CustomerDraft {
            name: "  ".into(),
            revenue: "viel".into(),
            email: "jana@".into(),
            ..Default::default()
        };
        let errors = bad.validate(None, today()).expect_err("invalid draft");
        assert_eq!(errors.len(), 3);
        assert_eq!(errors[0], FieldError::NameMissing);
        assert!(errors.contains(&FieldError::EmailInvalid));
    }

    #[test]
    fn note_keeps_its_date_until_its_text_changes() {
        let written = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid");
        let previous = CurrentNote {
            written,
            hook: HookKind::LegalChange,
            text: "Neue Regelung ab Januar".into(),
            valid_until: None,
        };
        let mut d = draft();
        d.note_hook = "legal_change".into();
        d.note_text = previous.text.clone();
        let kept = d.validate(Some(&previous), today()).expect("valid");
        assert_eq!(kept.current_note.map(|n| n.written), Some(written));
        d.note_text = "Andere Regelung".into();
        let fresh = d.validate(Some(&previous), today()).expect("valid");
        assert_eq!(fresh.current_note.map(|n| n.written), Some(today()));
    }

    #[test]
    fn note_end_before_its_date_is_refused() {
        let mut d = draft();
        d.note_hook = "promotion".into();
        d.note_text = "Aktion".into();
        d.note_valid_until = "2026-11-01".into();
        assert_eq!(
            d.validate(None, today()),
            Err(vec![FieldError::NoteValidUntilBeforeWritten])
        );
    }

    proptest! {
        #[test]
        fn fields_survive_a_round_trip_through_the_form(
            name in "[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß ]{0,20}[a-z]",
            revenue in 0i64..1_000_000_000,
            class in prop_oneof![Just(CustomerClass::A), Just(CustomerClass::B), Just(CustomerClass::C), Just(CustomerClass::O)],
        ) {
            let fields = CustomerFields { name, revenue_cents: revenue, class, ..Default::default() };
            let back = CustomerDraft::from_fields(&fields).validate(None, today());
            prop_assert_eq!(back, Ok(fields));
        }
    }
}
