//! Customers for tests and benchmarks, built in one readable line instead of a
//! twelve-field literal: `CustomerBuilder::new(7, "Berta").class(B).revenue(120_000).build()`.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::class_change::{ChangeSource, ClassChange};
use crate::domain::customer::contact::Contact;
use crate::domain::customer::occasion::{Occasion, OccasionKind};
use crate::domain::customer::record::{Actor, Customer, CustomerFields};
use crate::domain::ids::{CustomerId, OccasionId};
use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone)]
pub struct CustomerBuilder {
    customer: Customer,
}

impl CustomerBuilder {
    /// A customer of the default class, created on 1 January 2026, with nothing logged.
    pub fn new(id: u64, name: &str) -> CustomerBuilder {
        let fields = CustomerFields {
            name: name.into(),
            ..CustomerFields::default()
        };
        let created = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        CustomerBuilder {
            customer: Customer::new(CustomerId(id), fields, created),
        }
    }

    pub fn class(mut self, class: CustomerClass) -> CustomerBuilder {
        self.customer.fields.class = class;
        self
    }

    pub fn revenue(mut self, cents: i64) -> CustomerBuilder {
        self.customer.fields.revenue_cents = cents;
        self
    }

    pub fn company(mut self, company: &str) -> CustomerBuilder {
        self.customer.fields.company = company.into();
        self
    }

    pub fn postcode(mut self, postcode: &str) -> CustomerBuilder {
        self.customer.fields.postcode = postcode.into();
        self
    }

    pub fn phone(mut self, phone: &str) -> CustomerBuilder {
        self.customer.fields.phones.push(phone.into());
        self
    }

    pub fn number(mut self, number: &str) -> CustomerBuilder {
        self.customer.fields.number = number.into();
        self
    }

    pub fn created(mut self, day: NaiveDate) -> CustomerBuilder {
        self.customer.created = day;
        self
    }

    pub fn rev(mut self, rev: u32) -> CustomerBuilder {
        self.customer.rev = rev;
        self
    }

    pub fn contacts(mut self, contacts: Vec<Contact>) -> CustomerBuilder {
        self.customer.contacts = contacts;
        self
    }

    pub fn occasion(mut self, id: u64, kind: OccasionKind) -> CustomerBuilder {
        self.customer
            .fields
            .occasions
            .push(Occasion::new(OccasionId(id), kind));
        self
    }

    /// Any other field, for the rare test that needs one.
    pub fn fields(mut self, edit: impl FnOnce(&mut CustomerFields)) -> CustomerBuilder {
        edit(&mut self.customer.fields);
        self
    }

    pub fn build(self) -> Customer {
        self.customer
    }
}

/// A class change someone made by hand, for a customer's history in a test.
pub fn manual_change(
    at: NaiveDateTime,
    who: &str,
    from: CustomerClass,
    to: CustomerClass,
    reason: &str,
) -> ClassChange {
    ClassChange {
        at,
        who: who.into(),
        from,
        to,
        reason: reason.into(),
        source: ChangeSource::Manual,
    }
}

/// `hour` o'clock on `day` November 2026, the month the test histories are set in.
pub fn in_november(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .unwrap_or_default()
}

/// Who acts in a test, and when.
pub fn actor(who: &str, at: NaiveDateTime) -> Actor {
    Actor {
        who: who.into(),
        at,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn builds_what_it_was_told() {
        let day = NaiveDate::from_ymd_opt(2025, 5, 6).expect("valid");
        let customer = CustomerBuilder::new(7, "Berta")
            .class(CustomerClass::B)
            .revenue(120_000)
            .phone("0171 2345678")
            .created(day)
            .rev(3)
            .build();
        assert_eq!(customer.id, CustomerId(7));
        assert_eq!(customer.fields.name, "Berta");
        assert_eq!(customer.class(), CustomerClass::B);
        assert_eq!(customer.fields.revenue_cents, 120_000);
        assert_eq!(customer.fields.phones, vec!["0171 2345678".to_string()]);
        assert_eq!((customer.created, customer.rev), (day, 3));
        assert!(customer.contacts.is_empty());
    }
}
