//! The team's written, binding opening lines ("Gesprächsleitfaden").

use super::class::CustomerClass;
use super::contact::Direction;
use super::hook::HookKind;
use super::ids::LineId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// When a line is meant to be said: which class, who called whom, and the hook.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Situation {
    pub class: CustomerClass,
    pub direction: Direction,
    pub hook: HookKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineStatus {
    Proposed,
    /// Agreed by the team and binding ("verbindlich").
    Agreed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaybookLine {
    pub id: LineId,
    pub situation: Situation,
    pub title: String,
    pub text: String,
    /// A short customer line that sets the scene in practice prompts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer_line: String,
    pub status: LineStatus,
    pub version: u32,
    pub changed: NaiveDate,
}

impl PlaybookLine {
    /// A text change starts a new version, so practice shows the line again soon.
    pub fn with_text(&self, text: &str, today: NaiveDate) -> PlaybookLine {
        let mut next = self.clone();
        if next.text != text {
            next.text = text.to_string();
            next.version += 1;
            next.changed = today;
        }
        next
    }
}

/// How well a line fits the situation asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LineFit {
    Exact,
    SameClassAndDirection,
    SameDirection,
}

/// The best agreed line for a situation: the exact situation first, then the same class
/// and direction with any hook, then any class in the same direction. Without a hook
/// (no current note, or an expired one) no line is exact.
pub fn best_line<'a>(
    lines: &'a [PlaybookLine],
    class: CustomerClass,
    direction: Direction,
    hook: Option<&HookKind>,
) -> Option<(&'a PlaybookLine, LineFit)> {
    lines
        .iter()
        .filter(|l| l.status == LineStatus::Agreed && l.situation.direction == direction)
        .map(|l| {
            let fit = if l.situation.class == class && Some(&l.situation.hook) == hook {
                LineFit::Exact
            } else if l.situation.class == class {
                LineFit::SameClassAndDirection
            } else {
                LineFit::SameDirection
            };
            (l, fit)
        })
        .min_by_key(|(l, fit)| (*fit, l.id))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn line(id: u64, class: CustomerClass, hook: HookKind) -> PlaybookLine {
        PlaybookLine {
            id: LineId(id),
            situation: Situation {
                class,
                direction: Direction::Inbound,
                hook,
            },
            title: format!("Zeile {id}"),
            text: "Schön, dass Sie anrufen.".into(),
            customer_line: String::new(),
            status: LineStatus::Agreed,
            version: 1,
            changed: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid"),
        }
    }

    #[test]
    fn best_line_prefers_exact_then_class_then_any() {
        let lines = vec![
            line(1, CustomerClass::O, HookKind::LegalChange),
            line(2, CustomerClass::B, HookKind::ExtraBenefit),
            line(3, CustomerClass::B, HookKind::LegalChange),
        ];
        let pick = |class, hook: Option<HookKind>| {
            best_line(&lines, class, Direction::Inbound, hook.as_ref()).map(|(l, f)| (l.id.0, f))
        };
        assert_eq!(
            pick(CustomerClass::B, Some(HookKind::LegalChange)),
            Some((3, LineFit::Exact))
        );
        assert_eq!(
            pick(CustomerClass::B, Some(HookKind::SpecialAdvantage)),
            Some((2, LineFit::SameClassAndDirection))
        );
        assert_eq!(
            pick(CustomerClass::B, None),
            Some((2, LineFit::SameClassAndDirection))
        );
        assert_eq!(
            pick(CustomerClass::A, Some(HookKind::SpecialAdvantage)),
            Some((1, LineFit::SameDirection))
        );
        assert_eq!(
            best_line(&lines, CustomerClass::B, Direction::Outbound, None),
            None
        );
    }

    #[test]
    fn proposed_lines_are_not_offered_as_binding() {
        let mut proposed = line(1, CustomerClass::B, HookKind::LegalChange);
        proposed.status = LineStatus::Proposed;
        let hook = proposed.situation.hook.clone();
        assert_eq!(
            best_line(
                &[proposed],
                CustomerClass::B,
                Direction::Inbound,
                Some(&hook)
            ),
            None
        );
    }

    #[test]
    fn text_change_bumps_version() {
        let l = line(1, CustomerClass::B, HookKind::LegalChange);
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        assert_eq!(l.with_text(&l.text, today).version, 1);
        let changed = l.with_text("Neu", today);
        assert_eq!((changed.version, changed.changed), (2, today));
    }
}
