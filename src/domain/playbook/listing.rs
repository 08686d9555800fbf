//! What the playbook screen lists: the lines a filter shows, the hooks the hook filter
//! offers, and the printed training handout.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::playbook::lines::{filtered_lines, LineStatus, PlaybookLine};

/// The lines a filter shows ([`filtered_lines`]), narrowed to one hook when one is chosen.
pub fn shown_lines<'a>(
    lines: &'a [PlaybookLine],
    class: Option<CustomerClass>,
    direction: Option<Direction>,
    hook: Option<&HookKind>,
) -> Vec<&'a PlaybookLine> {
    let mut shown = filtered_lines(lines, class, direction);
    if let Some(hook) = hook {
        // An objection for any hook shows under no single hook.
        shown.retain(|l| l.for_hook() == Some(hook));
    }
    shown
}

/// Every named hook, then each custom hook a line uses, once, in the order first used:
/// the filter offers what can be found.
pub fn hooks_in_use(lines: &[PlaybookLine]) -> Vec<HookKind> {
    let mut kinds = HookKind::NAMED.to_vec();
    for hook in lines.iter().filter_map(PlaybookLine::for_hook) {
        if !kinds.contains(hook) {
            kinds.push(hook.clone());
        }
    }
    kinds
}

/// One section of the handout: the agreed lines for one class and direction.
pub type PrintGroup = ((CustomerClass, Direction), Vec<PlaybookLine>);

/// The training handout: every agreed line, whatever the screen's filters show, grouped
/// by class and direction in the order the screen lists situations.
pub fn print_groups(lines: &[PlaybookLine]) -> Vec<PrintGroup> {
    let mut groups: Vec<PrintGroup> = Vec::new();
    for line in filtered_lines(lines, None, None)
        .into_iter()
        .filter(|l| l.is_opening() && l.status == LineStatus::Agreed)
    {
        let key = (line.situation.class, line.situation.direction);
        match groups.last_mut() {
            Some((last, group)) if *last == key => group.push(line.clone()),
            _ => groups.push((key, vec![line.clone()])),
        }
    }
    groups
}

/// The handout's objections: every agreed one, in the screen's order.
pub fn print_objections(lines: &[PlaybookLine]) -> Vec<PlaybookLine> {
    filtered_lines(lines, None, None)
        .into_iter()
        .filter(|l| l.is_objection() && l.status == LineStatus::Agreed)
        .cloned()
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::class::CustomerClass::{A, B, O};
    use crate::domain::customer::contact::Direction::{Inbound, Outbound};
    use crate::domain::customer::hook::HookKind::{ExtraBenefit, LegalChange};

    use crate::domain::playbook::builder::LineBuilder;

    use proptest::prelude::*;

    fn line(id: u64, class: CustomerClass, direction: Direction, hook: HookKind) -> PlaybookLine {
        LineBuilder::opening(id)
            .class(class)
            .direction(direction)
            .hook(hook)
            .text("Worte")
            .build()
    }

    fn ids(lines: &[&PlaybookLine]) -> Vec<u64> {
        lines.iter().map(|l| l.id.0).collect()
    }

    #[test]
    fn the_hook_filter_narrows_what_the_other_filters_show() {
        let lines = vec![
            line(1, B, Inbound, LegalChange),
            line(2, B, Outbound, ExtraBenefit),
            line(3, A, Inbound, LegalChange),
        ];
        let legal = HookKind::LegalChange;
        assert_eq!(
            ids(&shown_lines(&lines, None, None, Some(&legal))),
            vec![3, 1]
        );
        assert_eq!(
            ids(&shown_lines(
                &lines,
                Some(CustomerClass::B),
                None,
                Some(&legal)
            )),
            vec![1]
        );
        assert_eq!(ids(&shown_lines(&lines, None, None, None)), vec![3, 1, 2]);
    }

    #[test]
    fn custom_hooks_in_use_follow_the_named_ones_once() {
        let own = HookKind::Custom("Jubiläum".into());
        let lines = vec![
            line(1, B, Inbound, own.clone()),
            line(2, A, Inbound, LegalChange),
            line(3, O, Inbound, own.clone()),
        ];
        let mut expected = HookKind::NAMED.to_vec();
        expected.push(own);
        assert_eq!(hooks_in_use(&lines), expected);
    }

    #[test]
    fn the_handout_groups_agreed_lines_by_class_and_direction() {
        let mut proposed = line(5, A, Inbound, LegalChange);
        proposed.status = LineStatus::Proposed;
        let lines = vec![
            line(1, B, Outbound, ExtraBenefit),
            line(2, A, Inbound, ExtraBenefit),
            line(3, B, Outbound, LegalChange),
            proposed,
        ];
        let groups: Vec<((CustomerClass, Direction), Vec<u64>)> = print_groups(&lines)
            .into_iter()
            .map(|(key, group)| (key, group.iter().map(|l| l.id.0).collect()))
            .collect();
        assert_eq!(
            groups,
            vec![
                ((CustomerClass::A, Direction::Inbound), vec![2]),
                ((CustomerClass::B, Direction::Outbound), vec![1, 3]),
            ]
        );
    }

    fn any_line() -> impl Strategy<Value = PlaybookLine> {
        (
            1u64..40,
            prop::sample::select(CustomerClass::BOARD_ORDER.to_vec()),
            any::<bool>(),
            prop::sample::select(HookKind::BUILT_IN.to_vec()),
            any::<bool>(),
        )
            .prop_map(|(id, class, outbound, hook, agreed)| {
                let direction = if outbound {
                    Direction::Outbound
                } else {
                    Direction::Inbound
                };
                let mut l = line(id, class, direction, hook);
                if !agreed {
                    l.status = LineStatus::Proposed;
                }
                l
            })
    }

    proptest! {
        /// The handout holds each agreed line exactly once, and no situation twice.
        #[test]
        fn the_handout_holds_every_agreed_line_once(lines in prop::collection::vec(any_line(), 0..20)) {
            let groups = print_groups(&lines);
            let printed: usize = groups.iter().map(|(_, g)| g.len()).sum();
            let agreed = lines.iter().filter(|l| l.status == LineStatus::Agreed).count();
            prop_assert_eq!(printed, agreed);
            let mut keys: Vec<_> = groups.iter().map(|(k, _)| *k).collect();
            let before = keys.len();
            keys.sort();
            keys.dedup();
            prop_assert_eq!(keys.len(), before);
            for ((class, direction), group) in &groups {
                prop_assert!(group.iter().all(|l| l.situation.class == *class && l.situation.direction == *direction));
            }
        }
    }
}
