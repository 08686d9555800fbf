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
}
