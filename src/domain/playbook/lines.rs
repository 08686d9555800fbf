//! The team's written, binding lines ("Gesprächsleitfaden"): opening lines, and the
//! agreed answers to objections customers raise.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::LineId;
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

/// What an entry of the playbook is.
///
/// Objections came after the first playbooks were stored, backed up and shared as files.
/// A line without a kind is an opening line, and an opening line is written without
/// one, so every earlier value reads unchanged and needs no rewriting; an opening-only
/// playbook stays byte for byte what it was. Only the schema version moves (4, see
/// `storage/schema.rs`), since an older build would write objections back as opening
/// lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Opens the talk in its one situation.
    #[default]
    Opening,
    /// `title` names the objection, `customer_line` is how a customer puts it, and
    /// `text` is the team's agreed answer. Objections come up whoever called, so the
    /// situation's direction is not asked.
    Objection(Reach),
}

/// Which customers an objection's answer is for. A set flag means the situation's
/// class or hook is not asked; it is kept so that narrowing again restores it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reach {
    #[serde(default)]
    pub all_classes: bool,
    #[serde(default)]
    pub any_hook: bool,
}

impl Reach {
    /// The usual objection: said by anyone, whatever the hook.
    pub const EVERYONE: Reach = Reach {
        all_classes: true,
        any_hook: true,
    };
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaybookLine {
    pub id: LineId,
    #[serde(default, skip_serializing_if = "LineKind::is_opening")]
    pub kind: LineKind,
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

impl LineKind {
    pub fn is_opening(&self) -> bool {
        *self == LineKind::Opening
    }
}

impl PlaybookLine {
    pub fn is_opening(&self) -> bool {
        self.kind.is_opening()
    }

    pub fn is_objection(&self) -> bool {
        !self.is_opening()
    }

    /// The class this entry is for; `None` for an objection that holds for every class.
    pub fn for_class(&self) -> Option<CustomerClass> {
        match self.kind {
            LineKind::Objection(Reach {
                all_classes: true, ..
            }) => None,
            _ => Some(self.situation.class),
        }
    }

    /// The hook this entry is for; `None` for an objection that holds for any hook.
    pub fn for_hook(&self) -> Option<&HookKind> {
        match self.kind {
            LineKind::Objection(Reach { any_hook: true, .. }) => None,
            _ => Some(&self.situation.hook),
        }
    }

    /// The direction this entry is for; `None` for an objection, which comes up either way.
    pub fn for_direction(&self) -> Option<Direction> {
        self.is_opening().then_some(self.situation.direction)
    }

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

/// The lines a filter shows, grouped by situation: opening lines before objections,
/// class in board order (an objection for every class first), inbound before outbound,
/// then hook (any hook first) and title. A filter shows what was written for its value:
/// an objection for every class, or for either direction, only without that filter.
pub fn filtered_lines(
    lines: &[PlaybookLine],
    class: Option<CustomerClass>,
    direction: Option<Direction>,
) -> Vec<&PlaybookLine> {
    let class_rank = |c: Option<CustomerClass>| {
        c.and_then(|c| CustomerClass::BOARD_ORDER.iter().position(|x| *x == c))
    };
    let mut shown: Vec<&PlaybookLine> = lines
        .iter()
        .filter(|l| class.is_none_or(|c| l.for_class() == Some(c)))
        .filter(|l| direction.is_none_or(|d| l.for_direction() == Some(d)))
        .collect();
    shown.sort_unstable_by(|a, b| {
        a.is_objection()
            .cmp(&b.is_objection())
            .then_with(|| class_rank(a.for_class()).cmp(&class_rank(b.for_class())))
            .then(a.for_direction().cmp(&b.for_direction()))
            .then_with(|| {
                a.for_hook()
                    .map(HookKind::key)
                    .cmp(&b.for_hook().map(HookKind::key))
            })
            .then_with(|| a.title.cmp(&b.title))
            .then(a.id.cmp(&b.id))
    });
    shown
}

impl PlaybookLine {
    /// A copy to adapt: a new proposal, not yet binding.
    pub fn duplicate(&self, id: LineId, copy_suffix: &str, today: NaiveDate) -> PlaybookLine {
        PlaybookLine {
            id,
            title: format!("{}{copy_suffix}", self.title),
            status: LineStatus::Proposed,
            version: 1,
            changed: today,
            ..self.clone()
        }
    }

    /// Saves an edit: the date always moves, the version only when the words change.
    pub fn edited(&self, edit: PlaybookLine, today: NaiveDate) -> PlaybookLine {
        let text = edit.text.clone();
        let mut next = PlaybookLine {
            id: self.id,
            text: self.text.clone(),
            version: self.version,
            changed: today,
            ..edit
        }
        .with_text(&text, today);
        next.changed = today;
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

/// The best agreed opening line for a situation: the exact situation first, then the
/// same class and direction with any hook, then any class in the same direction.
/// Without a hook (no current note, or an expired one) no line is exact.
pub fn best_line<'a>(
    lines: &'a [PlaybookLine],
    class: CustomerClass,
    direction: Direction,
    hook: Option<&HookKind>,
) -> Option<(&'a PlaybookLine, LineFit)> {
    lines
        .iter()
        .filter(|l| l.is_opening())
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

/// The lines a planned contact can open with: agreed lines for calling this class
/// ourselves, since B and O customers are approached differently.
pub fn approaches(
    lines: &[PlaybookLine],
    class: CustomerClass,
) -> impl Iterator<Item = &PlaybookLine> {
    lines.iter().filter(move |l| {
        l.is_opening()
            && l.situation.direction == Direction::Outbound
            && l.situation.class == class
            && l.status == LineStatus::Agreed
    })
}

/// The hook a chosen line is written for: choosing an approach brings its hook along.
pub fn approach_hook(lines: &[PlaybookLine], chosen: Option<LineId>) -> Option<&HookKind> {
    lines
        .iter()
        .find(|l| Some(l.id) == chosen)
        .map(|l| &l.situation.hook)
}

/// The line with this id, if the playbook still has it.
pub fn line_by_id(lines: &[PlaybookLine], id: LineId) -> Option<&PlaybookLine> {
    lines.iter().find(|l| l.id == id)
}

/// Takes a line out of the playbook; an id it no longer has changes nothing.
pub fn remove_line(lines: &mut Vec<PlaybookLine>, id: LineId) {
    lines.retain(|l| l.id != id);
}

/// Whether the playbook has any objection at all, agreed or proposed: one begun before
/// objections existed has none and is offered the starter ones.
pub fn has_objections(lines: &[PlaybookLine]) -> bool {
    lines.iter().any(PlaybookLine::is_objection)
}

/// Whether any objection's answer is agreed; until one is, the call screen says that
/// the answers it finds are only proposals.
pub fn has_agreed_objection(lines: &[PlaybookLine]) -> bool {
    lines
        .iter()
        .any(|l| l.is_objection() && l.status == LineStatus::Agreed)
}

impl PlaybookLine {
    /// What the customer says in a practice prompt: an objection in its own words, or
    /// at least its name; an opening line's scene-setting line, which may be empty.
    pub fn customer_says(&self) -> &str {
        if self.is_objection() && self.customer_line.is_empty() {
            &self.title
        } else {
            &self.customer_line
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::playbook::builder::LineBuilder;

    fn line(id: u64, class: CustomerClass, hook: HookKind) -> PlaybookLine {
        LineBuilder::opening(id).class(class).hook(hook).build()
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
    fn filtering_groups_by_situation() {
        let mut outbound = line(4, CustomerClass::B, HookKind::ExtraBenefit);
        outbound.situation.direction = Direction::Outbound;
        let lines = vec![
            line(1, CustomerClass::O, HookKind::LegalChange),
            outbound,
            line(3, CustomerClass::B, HookKind::LegalChange),
            line(2, CustomerClass::A, HookKind::LegalChange),
        ];
        let ids = |v: Vec<&PlaybookLine>| v.iter().map(|l| l.id.0).collect::<Vec<_>>();
        assert_eq!(ids(filtered_lines(&lines, None, None)), vec![2, 3, 4, 1]);
        assert_eq!(
            ids(filtered_lines(&lines, Some(CustomerClass::B), None)),
            vec![3, 4]
        );
        assert_eq!(
            ids(filtered_lines(&lines, None, Some(Direction::Outbound))),
            vec![4]
        );
    }

    #[test]
    fn duplicates_are_proposals_and_edits_version_only_new_words() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        let original = line(1, CustomerClass::B, HookKind::LegalChange);
        let copy = original.duplicate(LineId(9), " (Kopie)", today);
        assert_eq!(
            (copy.id.0, copy.status, copy.version),
            (9, LineStatus::Proposed, 1)
        );
        assert_eq!(copy.title, "Zeile 1 (Kopie)");
        let retitled = original.edited(
            PlaybookLine {
                title: "Neu".into(),
                ..original.clone()
            },
            today,
        );
        assert_eq!(
            (retitled.version, retitled.changed, retitled.title.as_str()),
            (1, today, "Neu")
        );
        let reworded = original.edited(
            PlaybookLine {
                text: "Anders".into(),
                ..original.clone()
            },
            today,
        );
        assert_eq!(reworded.version, 2);
    }

    #[test]
    fn approaches_are_agreed_outbound_lines_for_the_class() {
        let mut outbound_b = line(1, CustomerClass::B, HookKind::LegalChange);
        outbound_b.situation.direction = Direction::Outbound;
        let mut outbound_o = line(2, CustomerClass::O, HookKind::ExtraBenefit);
        outbound_o.situation.direction = Direction::Outbound;
        let mut proposed = outbound_b.clone();
        proposed.id = LineId(3);
        proposed.status = LineStatus::Proposed;
        let inbound_b = line(4, CustomerClass::B, HookKind::LegalChange);
        let lines = vec![outbound_b, outbound_o, proposed, inbound_b];
        let ids = |class| {
            approaches(&lines, class)
                .map(|l| l.id.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(CustomerClass::B), vec![1]);
        assert_eq!(ids(CustomerClass::O), vec![2]);
        assert!(ids(CustomerClass::C).is_empty());
        assert_eq!(
            approach_hook(&lines, Some(LineId(2))),
            Some(&HookKind::ExtraBenefit)
        );
        assert_eq!(approach_hook(&lines, Some(LineId(9))), None);
        assert_eq!(approach_hook(&lines, None), None);
    }

    #[test]
    fn text_change_bumps_version() {
        let l = line(1, CustomerClass::B, HookKind::LegalChange);
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        assert_eq!(l.with_text(&l.text, today).version, 1);
        let changed = l.with_text("Neu", today);
        assert_eq!((changed.version, changed.changed), (2, today));
    }

    fn objection(id: u64, reach: Reach) -> PlaybookLine {
        PlaybookLine {
            kind: LineKind::Objection(reach),
            title: format!("Einwand {id}"),
            ..line(id, CustomerClass::B, HookKind::LegalChange)
        }
    }

    #[test]
    fn a_stored_line_without_a_kind_is_an_opening_line() {
        let stored = r#"{"id":7,"situation":{"class":"B","direction":"Inbound","hook":"LegalChange"},
            "title":"Alt","text":"Schön, dass Sie anrufen.","status":"Agreed","version":3,"changed":"2026-01-05"}"#;
        let old: PlaybookLine = serde_json::from_str(stored).expect("decodes");
        assert_eq!(old.kind, LineKind::Opening);
        assert_eq!(
            (old.for_class(), old.for_hook(), old.version),
            (Some(CustomerClass::B), Some(&HookKind::LegalChange), 3)
        );
        let written = serde_json::to_string(&old).expect("encodes");
        assert!(!written.contains("kind"), "{written}");
    }

    #[test]
    fn an_objection_keeps_its_reach_through_storage() {
        for reach in [
            Reach::EVERYONE,
            Reach::default(),
            Reach {
                all_classes: true,
                any_hook: false,
            },
        ] {
            let line = objection(1, reach);
            let json = serde_json::to_string(&line).expect("encodes");
            assert!(json.contains(r#""kind":{"objection""#), "{json}");
            assert_eq!(serde_json::from_str::<PlaybookLine>(&json).ok(), Some(line));
        }
    }

    #[test]
    fn an_objection_asks_for_no_class_or_hook_where_it_holds_for_all() {
        let general = objection(1, Reach::EVERYONE);
        assert_eq!(
            (
                general.for_class(),
                general.for_hook(),
                general.for_direction()
            ),
            (None, None, None)
        );
        let narrow = objection(2, Reach::default());
        assert_eq!(
            (
                narrow.for_class(),
                narrow.for_hook(),
                narrow.for_direction()
            ),
            (Some(CustomerClass::B), Some(&HookKind::LegalChange), None)
        );
        let opening = line(3, CustomerClass::B, HookKind::LegalChange);
        assert_eq!(opening.for_direction(), Some(Direction::Inbound));
        assert_eq!(opening.for_class(), Some(CustomerClass::B));
    }

    #[test]
    fn an_objection_is_never_the_opening_line_and_is_listed_after_them() {
        let lines = vec![
            objection(1, Reach::EVERYONE),
            line(2, CustomerClass::O, HookKind::ExtraBenefit),
            line(3, CustomerClass::A, HookKind::ExtraBenefit),
        ];
        assert_eq!(
            best_line(
                &lines,
                CustomerClass::B,
                Direction::Inbound,
                Some(&HookKind::LegalChange)
            )
            .map(|(l, fit)| (l.id.0, fit)),
            Some((2, LineFit::SameDirection))
        );
        let ids: Vec<u64> = filtered_lines(&lines, None, None)
            .iter()
            .map(|l| l.id.0)
            .collect();
        assert_eq!(ids, vec![3, 2, 1]);
        let ids: Vec<u64> = filtered_lines(&lines, Some(CustomerClass::O), None)
            .iter()
            .map(|l| l.id.0)
            .collect();
        assert_eq!(ids, vec![2]);
        assert!(filtered_lines(&lines, None, Some(Direction::Outbound)).is_empty());
    }

    #[test]
    fn a_playbook_of_openings_has_no_objection_until_one_is_added() {
        let mut lines = vec![line(1, CustomerClass::B, HookKind::LegalChange)];
        assert!(!has_objections(&lines));
        assert!(!has_agreed_objection(&lines));
        lines.push(
            LineBuilder::objection(2, Reach::EVERYONE)
                .status(LineStatus::Proposed)
                .build(),
        );
        assert!(has_objections(&lines));
        assert!(!has_agreed_objection(&lines), "a proposal is not agreed");
        lines.push(LineBuilder::objection(3, Reach::EVERYONE).build());
        assert!(has_agreed_objection(&lines));
    }

    #[test]
    fn lines_are_found_and_removed_by_id() {
        let mut lines = vec![
            line(1, CustomerClass::B, HookKind::LegalChange),
            line(2, CustomerClass::O, HookKind::LegalChange),
        ];
        assert_eq!(line_by_id(&lines, LineId(2)).map(|l| l.id.0), Some(2));
        assert_eq!(line_by_id(&lines, LineId(9)), None);
        remove_line(&mut lines, LineId(9));
        assert_eq!(lines.len(), 2);
        remove_line(&mut lines, LineId(1));
        assert_eq!(lines.iter().map(|l| l.id.0).collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn a_silent_objection_is_said_by_its_name_an_opening_by_its_own_line() {
        let named = LineBuilder::objection(1, Reach::EVERYONE).title("Zu teuer");
        assert_eq!(named.clone().build().customer_says(), "Zu teuer");
        let worded = named.customer_line("Das ist mir zu teuer.").build();
        assert_eq!(worded.customer_says(), "Das ist mir zu teuer.");
        let opening = line(2, CustomerClass::B, HookKind::LegalChange);
        assert_eq!(opening.customer_says(), "");
    }
}
