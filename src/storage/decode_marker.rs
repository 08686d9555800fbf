//! Placeholder until the recovery screen lands: notes nothing.

pub fn watch(_key: Option<&str>) {}
