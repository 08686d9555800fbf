//! The keys of the customer form's fields.

pub struct FieldTexts {
    pub name: &'static str,
    pub company: &'static str,
    pub postcode: &'static str,
    pub contact_person: &'static str,
    pub phone: &'static str,
    pub phone_add: &'static str,
    pub phone_remove: &'static str,
    pub email: &'static str,
    pub number: &'static str,
    pub revenue: &'static str,
    pub potential_amount: &'static str,
    pub class: &'static str,
    pub class_reason: &'static str,
    pub potential: &'static str,
    pub tags: &'static str,
    pub tags_hint: &'static str,
    pub notes: &'static str,
}
