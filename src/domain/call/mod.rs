//! The reactive system: what the call card shows while a customer is on the line,
//! and which customers a call announced by an address belongs to.

pub mod caller_link;
pub mod card;
