//! The reactive system: what the call card shows while a customer is on the line.

pub mod card;
