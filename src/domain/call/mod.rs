//! The reactive system: what the call card shows while a customer is on the line, which
//! customers a call announced by an address belongs to, and the agreed answer when
//! they object.

pub mod caller_link;
pub mod card;
pub mod objections;
