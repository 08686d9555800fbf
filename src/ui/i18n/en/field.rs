//! The British English texts of the customer form's fields.

use super::super::keys::FieldTexts;

pub const FIELD: FieldTexts = FieldTexts {
    name: "Name",
    company: "Company",
    postcode: "Postcode",
    contact_person: "Contact person",
    phone: "Phone",
    phone_add: "Add another number",
    phone_remove: "Remove number",
    email: "Email",
    number: "Customer number",
    revenue: "Annual revenue (EUR)",
    potential_amount: "Estimated potential (EUR)",
    class: "Class",
    class_reason: "Reason for the class change (optional)",
    potential: "Mark as potential customer",
    tags: "Tags / products",
    tags_hint: "Separate with commas, e.g. motor, home contents",
    notes: "Notes",
};
