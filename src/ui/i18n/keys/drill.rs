//! The keys of the class-glance drill.

pub struct DrillTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub start: &'static str,
    pub next: &'static str,
    pub demo_note: &'static str,
    pub covered: &'static str,
    pub pick_class: &'static str,
    pub pick_line: &'static str,
    pub right: &'static str,
    pub wrong: &'static str,
    pub result: fn(&str, u32) -> String,
    pub right_line: &'static str,
    pub fits: &'static str,
    pub nothing_fits: &'static str,
    pub no_approach: &'static str,
}
