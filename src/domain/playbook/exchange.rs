//! Team exchange: compare an imported playbook with ours and take over all or some of
//! its changes.

use crate::domain::ids::LineId;
use crate::domain::playbook::lines::PlaybookLine;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Changed,
    Removed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChange {
    pub kind: ChangeKind,
    pub id: LineId,
    pub ours: Option<PlaybookLine>,
    pub theirs: Option<PlaybookLine>,
}

/// Lines count as changed only when what the team says or agreed differs; a different
/// version number or date alone is no change.
pub fn playbook_changes(ours: &[PlaybookLine], theirs: &[PlaybookLine]) -> Vec<LineChange> {
    let mut changes = Vec::new();
    for incoming in theirs {
        match ours.iter().find(|l| l.id == incoming.id) {
            None => changes.push(LineChange {
                kind: ChangeKind::Added,
                id: incoming.id,
                ours: None,
                theirs: Some(incoming.clone()),
            }),
            Some(current) if !same_content(current, incoming) => changes.push(LineChange {
                kind: ChangeKind::Changed,
                id: incoming.id,
                ours: Some(current.clone()),
                theirs: Some(incoming.clone()),
            }),
            Some(_) => {}
        }
    }
    for current in ours {
        if !theirs.iter().any(|l| l.id == current.id) {
            changes.push(LineChange {
                kind: ChangeKind::Removed,
                id: current.id,
                ours: Some(current.clone()),
                theirs: None,
            });
        }
    }
    changes
}

/// Our playbook with the chosen changes taken over. A taken-over text counts as a new
/// version here, so practice brings the line back soon.
pub fn apply_changes(
    ours: &[PlaybookLine],
    changes: &[LineChange],
    chosen: &[LineId],
    today: NaiveDate,
) -> Vec<PlaybookLine> {
    let mut lines = ours.to_vec();
    for change in changes.iter().filter(|c| chosen.contains(&c.id)) {
        match (change.kind, &change.theirs) {
            (ChangeKind::Added, Some(theirs)) if !lines.iter().any(|l| l.id == theirs.id) => {
                lines.push(theirs.clone());
            }
            (ChangeKind::Changed, Some(theirs)) => {
                if let Some(line) = lines.iter_mut().find(|l| l.id == theirs.id) {
                    let version = if line.text != theirs.text {
                        theirs.version.max(line.version + 1)
                    } else {
                        line.version
                    };
                    *line = PlaybookLine {
                        version,
                        changed: today,
                        ..theirs.clone()
                    };
                }
            }
            (ChangeKind::Removed, _) => lines.retain(|l| l.id != change.id),
            _ => {}
        }
    }
    lines
}

/// How many lines an import adds, changes and removes, for the preview's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChangeCounts {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

pub fn change_counts(changes: &[LineChange]) -> ChangeCounts {
    let mut counts = ChangeCounts::default();
    for change in changes {
        match change.kind {
            ChangeKind::Added => counts.added += 1,
            ChangeKind::Changed => counts.changed += 1,
            ChangeKind::Removed => counts.removed += 1,
        }
    }
    counts
}

/// The changes offered as chosen: added and changed lines. Removing one of our own lines
/// is only done when the user asks for it.
pub fn preselected(changes: &[LineChange]) -> Vec<LineId> {
    changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Removed)
        .map(|c| c.id)
        .collect()
}

impl LineChange {
    /// Our words and theirs, when the import rewords the line.
    pub fn reworded(&self) -> Option<(&str, &str)> {
        match (&self.ours, &self.theirs) {
            (Some(ours), Some(theirs)) if ours.text != theirs.text => {
                Some((ours.text.as_str(), theirs.text.as_str()))
            }
            _ => None,
        }
    }
}

fn same_content(a: &PlaybookLine, b: &PlaybookLine) -> bool {
    a.kind == b.kind
        && a.situation == b.situation
        && a.title == b.title
        && a.text == b.text
        && a.customer_line == b.customer_line
        && a.status == b.status
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::playbook::builder::LineBuilder;
    use crate::domain::playbook::lines::{LineKind, Reach};
    use crate::domain::playbook::starter::starter_playbook;

    #[test]
    fn an_objection_added_or_turned_into_another_kind_is_a_change() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        let theirs = starter_playbook(today);
        let ours: Vec<PlaybookLine> = theirs.iter().filter(|l| l.is_opening()).cloned().collect();
        let changes = playbook_changes(&ours, &theirs);
        assert!(!changes.is_empty());
        assert!(changes.iter().all(|c| c.kind == ChangeKind::Added
            && c.theirs.as_ref().is_some_and(PlaybookLine::is_objection)));
        let chosen: Vec<LineId> = changes.iter().map(|c| c.id).collect();
        assert_eq!(apply_changes(&ours, &changes, &chosen, today), theirs);

        let mut widened = theirs.clone();
        widened[0].kind = LineKind::Objection(Reach::EVERYONE);
        let changes = playbook_changes(&theirs, &widened);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].kind, changes[0].id),
            (ChangeKind::Changed, theirs[0].id)
        );
        let applied = apply_changes(&theirs, &changes, &[theirs[0].id], today);
        assert_eq!((applied[0].kind, applied[0].version), (widened[0].kind, 1));
    }

    fn line(id: u64, title: &str, text: &str) -> PlaybookLine {
        LineBuilder::opening(id).title(title).text(text).build()
    }

    #[test]
    fn the_preview_counts_offers_and_shows_rewording() {
        let ours = vec![
            line(1, "Alt", "Worte"),
            line(2, "Gleich", "Worte"),
            line(3, "Weg", "x"),
        ];
        let theirs = vec![
            line(1, "Alt", "Neue Worte"),
            line(2, "Neu betitelt", "Worte"),
            line(4, "Dazu", "y"),
        ];
        let changes = playbook_changes(&ours, &theirs);
        assert_eq!(
            change_counts(&changes),
            ChangeCounts {
                added: 1,
                changed: 2,
                removed: 1
            }
        );
        let mut offered = preselected(&changes);
        offered.sort();
        assert_eq!(offered, vec![LineId(1), LineId(2), LineId(4)]);
        let reworded: Vec<_> = changes.iter().filter_map(|c| c.reworded()).collect();
        assert_eq!(reworded, vec![("Worte", "Neue Worte")]);
    }
}
