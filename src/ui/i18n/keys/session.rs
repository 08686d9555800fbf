//! The keys of the projector rounds of a training session.

pub struct SessionTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub who: &'static str,
    pub start: &'static str,
    pub round: fn(usize) -> String,
    pub turn: fn(&str) -> String,
    pub mark_good: &'static str,
    pub mark_again: &'static str,
    pub next: &'static str,
    pub end: &'static str,
    pub summary: &'static str,
    pub trainee: &'static str,
    pub rounds: &'static str,
    pub succeeded: &'static str,
    pub nothing_agreed: &'static str,
}
