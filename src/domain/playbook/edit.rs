//! Writing a line: the editor's draft, the check before it is saved, and saving it over
//! the playbook as stored now, where a new line is added and an edited one versioned.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::{LineKind, LineStatus, PlaybookLine, Reach, Situation};
use chrono::NaiveDate;

/// The line being written: a new one (`id` None) or an edit of a stored one.
#[derive(Debug, Clone, PartialEq)]
pub struct LineDraft {
    pub id: Option<LineId>,
    /// An objection and its answer rather than an opening line.
    pub objection: bool,
    /// An objection for every class; `class` is then kept for narrowing again.
    pub all_classes: bool,
    /// The hook an edited line had stored: an objection for any hook keeps it, so
    /// narrowing it again starts from there.
    pub kept_hook: Option<HookKind>,
    pub class: CustomerClass,
    pub direction: Direction,
    pub hook: Option<HookKind>,
    pub title: String,
    pub text: String,
    pub customer_line: String,
    pub agreed: bool,
}

/// A line is said in a situation, so it needs a hook, and it needs a title and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineIncomplete;

/// A draft that passed the check, with the line it replaces, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedLine {
    pub line: PlaybookLine,
    pub edits: Option<LineId>,
}

impl LineDraft {
    /// A new line starts in the situation the filters show, so the team writes where it
    /// looks; without a filter it is a B line for a call coming in, with the most common
    /// hook. It is a proposal until the team agrees on it.
    pub fn new(class: Option<CustomerClass>, direction: Option<Direction>) -> LineDraft {
        LineDraft {
            id: None,
            objection: false,
            all_classes: false,
            kept_hook: None,
            class: class.unwrap_or(CustomerClass::B),
            direction: direction.unwrap_or(Direction::Inbound),
            hook: Some(HookKind::ExtraBenefit),
            title: String::new(),
            text: String::new(),
            customer_line: String::new(),
            agreed: false,
        }
    }

    pub fn of(line: &PlaybookLine) -> LineDraft {
        LineDraft {
            id: Some(line.id),
            objection: line.is_objection(),
            all_classes: line.for_class().is_none(),
            kept_hook: Some(line.situation.hook.clone()),
            class: line.situation.class,
            direction: line.situation.direction,
            hook: line.for_hook().cloned(),
            title: line.title.clone(),
            text: line.text.clone(),
            customer_line: line.customer_line.clone(),
            agreed: line.status == LineStatus::Agreed,
        }
    }

    /// The line to save, trimmed; a new line takes `new_id`. Its version is settled when
    /// it is saved over what is stored ([`CheckedLine::save_into`]).
    pub fn checked(&self, new_id: LineId, today: NaiveDate) -> Result<CheckedLine, LineIncomplete> {
        let (title, text) = (self.title.trim(), self.text.trim());
        // An objection without a hook holds for any hook; an opening line needs one.
        let kind = if self.objection {
            LineKind::Objection(Reach {
                all_classes: self.all_classes,
                any_hook: self.hook.is_none(),
            })
        } else {
            LineKind::Opening
        };
        let hook = match (self.hook.clone(), self.objection) {
            (Some(chosen), _) => Some(chosen),
            (None, true) => Some(self.kept_hook.clone().unwrap_or(HookKind::ExtraBenefit)),
            (None, false) => None,
        };
        let hook = hook
            .filter(|_| !title.is_empty() && !text.is_empty())
            .ok_or(LineIncomplete)?;
        Ok(CheckedLine {
            line: PlaybookLine {
                id: self.id.unwrap_or(new_id),
                kind,
                situation: Situation {
                    class: self.class,
                    direction: self.direction,
                    hook,
                },
                title: title.to_string(),
                text: text.to_string(),
                customer_line: self.customer_line.trim().to_string(),
                status: if self.agreed {
                    LineStatus::Agreed
                } else {
                    LineStatus::Proposed
                },
                version: 1,
                changed: today,
            },
            edits: self.id,
        })
    }
}

impl CheckedLine {
    /// Saves over the playbook as stored now: an edit replaces its line, with a new
    /// version only when the words changed; a new line is added, and so is an edit whose
    /// line another tab deleted meanwhile, so nothing typed is lost.
    pub fn save_into(self, lines: &mut Vec<PlaybookLine>, today: NaiveDate) {
        match lines.iter_mut().find(|l| Some(l.id) == self.edits) {
            Some(existing) => *existing = existing.edited(self.line, today),
            None => lines.push(self.line),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::playbook::builder::LineBuilder;
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).expect("a valid day")
    }

    fn stored(id: u64) -> PlaybookLine {
        LineBuilder::opening(id)
            .class(CustomerClass::O)
            .direction(Direction::Outbound)
            .hook(HookKind::LegalChange)
            .title("Neue Regel")
            .text("Ab Januar gilt etwas Neues.")
            .version(3)
            .changed(day(1))
            .build()
    }

    #[test]
    fn a_new_line_starts_where_the_filters_look() {
        let unfiltered = LineDraft::new(None, None);
        assert_eq!(
            (unfiltered.class, unfiltered.direction, unfiltered.hook),
            (
                CustomerClass::B,
                Direction::Inbound,
                Some(HookKind::ExtraBenefit)
            )
        );
        assert!(!unfiltered.agreed);
        let filtered = LineDraft::new(Some(CustomerClass::O), Some(Direction::Outbound));
        assert_eq!(
            (filtered.class, filtered.direction),
            (CustomerClass::O, Direction::Outbound)
        );
    }

    #[test]
    fn a_line_needs_a_hook_a_title_and_words() {
        let complete = LineDraft {
            title: " Titel ".into(),
            text: " Worte ".into(),
            ..LineDraft::new(None, None)
        };
        let checked = complete.checked(LineId(5), day(2)).expect("complete");
        assert_eq!(
            (checked.line.id, checked.edits, checked.line.title.as_str()),
            (LineId(5), None, "Titel")
        );
        assert_eq!(checked.line.status, LineStatus::Proposed);
        for incomplete in [
            LineDraft {
                hook: None,
                ..complete.clone()
            },
            LineDraft {
                title: "  ".into(),
                ..complete.clone()
            },
            LineDraft {
                text: String::new(),
                ..complete.clone()
            },
        ] {
            assert_eq!(incomplete.checked(LineId(5), day(2)), Err(LineIncomplete));
        }
    }

    #[test]
    fn an_edit_keeps_its_id_and_is_versioned_only_for_new_words() {
        let mut lines = vec![stored(1), stored(2)];
        let retitled = LineDraft {
            title: "Anders betitelt".into(),
            ..LineDraft::of(&lines[0])
        };
        let checked = retitled.checked(LineId(99), day(5)).expect("complete");
        assert_eq!(checked.edits, Some(LineId(1)));
        checked.save_into(&mut lines, day(5));
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[0].id, lines[0].version, lines[0].changed),
            (LineId(1), 3, day(5))
        );
        let reworded = LineDraft {
            text: "Ganz neue Worte.".into(),
            ..LineDraft::of(&lines[0])
        };
        reworded
            .checked(LineId(99), day(6))
            .expect("complete")
            .save_into(&mut lines, day(6));
        assert_eq!(
            (lines[0].version, lines[0].text.as_str()),
            (4, "Ganz neue Worte.")
        );
    }

    #[test]
    fn an_edit_of_a_line_deleted_meanwhile_comes_back_as_new() {
        let gone = stored(1);
        let mut lines = vec![stored(2)];
        LineDraft::of(&gone)
            .checked(LineId(99), day(5))
            .expect("complete")
            .save_into(&mut lines, day(5));
        assert_eq!(lines.iter().map(|l| l.id.0).collect::<Vec<_>>(), vec![2, 1]);
    }

    proptest! {
        /// Saving a line's own draft unchanged leaves the playbook as it was, apart from
        /// the date of the edit.
        #[test]
        fn an_unchanged_draft_changes_nothing_but_the_date(
            version in 1u32..50,
            agreed in any::<bool>(),
            title in "[A-Za-zÄÖÜäöüß]{1,12}",
            text in "[A-Za-zÄÖÜäöüß]{1,12}( [a-zäöü]{1,8}){0,5}",
            customer_line in "[a-z ]{0,10}",
        ) {
            let line = PlaybookLine {
                version,
                status: if agreed { LineStatus::Agreed } else { LineStatus::Proposed },
                title,
                text,
                customer_line: customer_line.trim().to_string(),
                ..stored(1)
            };
            let mut lines = vec![stored(7), line.clone()];
            LineDraft::of(&line)
                .checked(LineId(99), day(9))
                .expect("a stored line passes its own check")
                .save_into(&mut lines, day(9));
            prop_assert_eq!(lines.len(), 2);
            prop_assert_eq!(&lines[1], &PlaybookLine { changed: day(9), ..line });
        }

        /// A new line is always added, whatever is stored, under the id it was given.
        #[test]
        fn a_new_line_is_added_once(count in 0usize..6, new_id in 100u64..1000) {
            let mut lines: Vec<PlaybookLine> = (1..=count as u64).map(stored).collect();
            let draft = LineDraft {
                title: "T".into(),
                text: "W".into(),
                ..LineDraft::new(None, None)
            };
            draft
                .checked(LineId(new_id), day(3))
                .expect("complete")
                .save_into(&mut lines, day(3));
            prop_assert_eq!(lines.len(), count + 1);
            prop_assert_eq!(lines.iter().filter(|l| l.id == LineId(new_id)).count(), 1);
        }
    }
}
