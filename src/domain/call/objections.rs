//! Objections at call time: the team's agreed answers, found by a few typed letters and
//! ranked for the caller on the line.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::hook::HookKind;
use crate::domain::format::text_fold::fold;
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::{LineStatus, PlaybookLine};

/// Who is on the line, as far as the choice of answer goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller<'a> {
    pub class: CustomerClass,
    /// The hook of the current note while it is valid.
    pub hook: Option<&'a HookKind>,
}

/// One result: the objection, and whether its answer is meant for this caller. An
/// answer written for another class or hook is still offered, after the fitting ones,
/// since a close answer beats none while the customer waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectionHit {
    pub id: LineId,
    pub fits: bool,
}

/// The agreed objections, folded once per playbook change so a keystroke only scans.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectionIndex {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    id: LineId,
    class: Option<CustomerClass>,
    hook: Option<HookKind>,
    /// The folded title, each word behind a marker: "starts a word" is one substring test.
    title_words: String,
    /// The folded title and customer line: what a customer might say.
    said: String,
    sort_title: String,
}

const WORD_MARK: char = '\u{2}';

fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn marked(folded: &str) -> String {
    words(folded).fold(String::with_capacity(folded.len() + 8), |mut acc, w| {
        acc.push(WORD_MARK);
        acc.push_str(w);
        acc
    })
}

/// How the typed words were found; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TextMatch {
    /// Every word starts a word of the title.
    TitleWords,
    Title,
    /// Somewhere in the title or the customer's own words.
    Said,
}

/// How closely an entry's reach matches the caller; lower is more specific.
fn closeness<T: PartialEq>(own: Option<T>, caller: Option<T>) -> u8 {
    match own {
        Some(own) if Some(&own) == caller.as_ref() => 0,
        None => 1,
        Some(_) => 2,
    }
}

impl ObjectionIndex {
    /// Only agreed objections: at call time the answer must be the binding one.
    pub fn new(playbook: &[PlaybookLine]) -> Self {
        let entries = playbook
            .iter()
            .filter(|l| l.is_objection() && l.status == LineStatus::Agreed)
            .map(|l| {
                let title = fold(&l.title);
                Entry {
                    id: l.id,
                    class: l.for_class(),
                    hook: l.for_hook().cloned(),
                    title_words: marked(&title),
                    said: format!("{title}\u{1}{}", fold(&l.customer_line)),
                    sort_title: title,
                }
            })
            .collect();
        ObjectionIndex { entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The objections matching every typed word (umlauts folded as in the caller
    /// lookup), at most `limit`: first those meant for this caller's class (or every
    /// class) and hook (or any), then the rest; within each, title matches before the
    /// customer's words, then the answer written for this very class and hook before
    /// the general one, then by title. An empty query lists them all in that order.
    pub fn search(&self, query: &str, caller: Caller<'_>, limit: usize) -> Vec<ObjectionHit> {
        let folded = fold(query);
        let typed: Vec<&str> = words(&folded).collect();
        let needles: Vec<String> = typed.iter().map(|w| format!("{WORD_MARK}{w}")).collect();
        let mut hits: Vec<_> = self
            .entries
            .iter()
            .filter_map(|e| {
                let text = if needles.iter().all(|n| e.title_words.contains(n.as_str())) {
                    TextMatch::TitleWords
                } else if typed.iter().all(|w| e.sort_title.contains(w)) {
                    TextMatch::Title
                } else if typed.iter().all(|w| e.said.contains(w)) {
                    TextMatch::Said
                } else {
                    return None;
                };
                let class = closeness(e.class, Some(caller.class));
                let hook = closeness(e.hook.as_ref(), caller.hook);
                let fits = class < 2 && hook < 2;
                Some((
                    (!fits, text, class, hook, e.sort_title.as_str(), e.id),
                    fits,
                ))
            })
            .collect();
        // A playbook holds tens of objections: picking the best few one by one costs
        // less code than a sort, and the bundle is tight.
        let mut ranked = Vec::with_capacity(limit.min(hits.len()));
        while ranked.len() < limit {
            let best = hits.iter().enumerate().min_by(|a, b| a.1 .0.cmp(&b.1 .0));
            let Some((at, _)) = best else { break };
            let ((.., id), fits) = hits.swap_remove(at);
            ranked.push(ObjectionHit { id, fits });
        }
        ranked
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    use crate::domain::playbook::builder::LineBuilder;
    use crate::domain::playbook::lines::{LineKind, Reach};
    use crate::domain::playbook::starter::starter_playbook;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn entry(
        id: u64,
        title: &str,
        class: Option<CustomerClass>,
        hook: Option<HookKind>,
    ) -> PlaybookLine {
        let reach = Reach {
            all_classes: class.is_none(),
            any_hook: hook.is_none(),
        };
        LineBuilder::objection(id, reach)
            .class(class.unwrap_or(CustomerClass::A))
            .hook(hook.unwrap_or(HookKind::ExtraBenefit))
            .title(title)
            .text(&format!("Antwort {id}"))
            .changed(NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid"))
            .build()
    }

    fn ids(index: &ObjectionIndex, query: &str, caller: Caller<'_>) -> Vec<u64> {
        index
            .search(query, caller, 10)
            .iter()
            .map(|h| h.id.0)
            .collect()
    }

    const B_LEGAL: Caller<'static> = Caller {
        class: CustomerClass::B,
        hook: Some(&HookKind::LegalChange),
    };

    #[test]
    fn typing_part_of_an_objection_finds_it_with_folded_umlauts() {
        let lines = [
            entry(1, "Zu teuer", None, None),
            entry(2, "Kein Interesse", None, None),
            entry(3, "Schon bei Ihnen – und zufrieden", None, None),
            PlaybookLine {
                customer_line: "Das ist mir zu teuer.".into(),
                ..entry(4, "Kein Geld", None, None)
            },
        ];
        let index = ObjectionIndex::new(&lines);
        assert_eq!(ids(&index, "teuer", B_LEGAL), vec![1, 4]);
        assert_eq!(ids(&index, "TEU", B_LEGAL), vec![1, 4]);
        assert_eq!(ids(&index, "zufrieden", B_LEGAL), vec![3]);
        assert_eq!(ids(&index, "zufreiden", B_LEGAL), Vec::<u64>::new());
        assert_eq!(ids(&index, "zufriedén", B_LEGAL), vec![3]);
        assert_eq!(ids(&index, "kein interesse", B_LEGAL), vec![2]);
        assert_eq!(ids(&index, "interesse kein", B_LEGAL), vec![2]);
        assert_eq!(ids(&index, "  ", B_LEGAL).len(), 4);
        let umlauts = ObjectionIndex::new(&[entry(5, "Über mich weiß er alles", None, None)]);
        for typed in ["ueber", "uber", "über", "weiss", "weiß", "UEBER MICH"] {
            assert_eq!(ids(&umlauts, typed, B_LEGAL), vec![5], "{typed}");
        }
    }

    #[test]
    fn answers_for_the_caller_s_class_and_hook_rank_first() {
        let lines = [
            entry(1, "Zu teuer", Some(CustomerClass::O), None),
            entry(2, "Zu teuer", None, None),
            entry(3, "Zu teuer", Some(CustomerClass::B), None),
            entry(
                4,
                "Zu teuer",
                Some(CustomerClass::B),
                Some(HookKind::LegalChange),
            ),
            entry(5, "Zu teuer", None, Some(HookKind::SpecialAdvantage)),
        ];
        let index = ObjectionIndex::new(&lines);
        // Among the rest the class counts before the hook: the class comes first.
        assert_eq!(ids(&index, "teuer", B_LEGAL), vec![4, 3, 2, 5, 1]);
        let fits: Vec<bool> = index
            .search("teuer", B_LEGAL, 10)
            .iter()
            .map(|h| h.fits)
            .collect();
        assert_eq!(fits, vec![true, true, true, false, false]);
        let o_without_hook = Caller {
            class: CustomerClass::O,
            hook: None,
        };
        assert_eq!(ids(&index, "teuer", o_without_hook), vec![1, 2, 5, 3, 4]);
        assert_eq!(index.search("teuer", B_LEGAL, 2).len(), 2);
    }

    #[test]
    fn a_title_match_beats_the_customer_s_words_among_fitting_answers() {
        let lines = [
            PlaybookLine {
                customer_line: "Ich habe schon einen Berater.".into(),
                ..entry(1, "Versorgt", Some(CustomerClass::B), None)
            },
            entry(2, "Mein Berater macht das", None, None),
            entry(3, "Habe schon Berater", None, None),
        ];
        let index = ObjectionIndex::new(&lines);
        assert_eq!(ids(&index, "berater", B_LEGAL), vec![3, 2, 1]);
        assert_eq!(ids(&index, "erater", B_LEGAL), vec![3, 2, 1]);
    }

    #[test]
    fn opening_lines_and_proposals_are_never_offered() {
        let lines = starter_playbook(NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid"));
        let index = ObjectionIndex::new(&lines);
        let listed = index.search("", B_LEGAL, usize::MAX);
        let agreed_objections = lines
            .iter()
            .filter(|l| l.is_objection() && l.status == LineStatus::Agreed)
            .count();
        assert_eq!(listed.len(), agreed_objections);
        assert!(agreed_objections >= 8);
        let teuer = ids(
            &index,
            "teuer",
            Caller {
                class: CustomerClass::B,
                hook: None,
            },
        );
        assert_eq!(teuer, vec![2002, 2003]);
        let teuer = ids(
            &index,
            "teuer",
            Caller {
                class: CustomerClass::O,
                hook: None,
            },
        );
        assert_eq!(teuer, vec![2003, 2002]);
        assert!(ObjectionIndex::new(&[]).is_empty());
    }

    fn any_line() -> impl Strategy<Value = PlaybookLine> {
        let class = prop_oneof![
            Just(None),
            Just(Some(CustomerClass::A)),
            Just(Some(CustomerClass::B)),
            Just(Some(CustomerClass::O)),
        ];
        let hook = prop_oneof![
            Just(None),
            Just(Some(HookKind::LegalChange)),
            Just(Some(HookKind::ExtraBenefit)),
        ];
        (
            1u64..40,
            "[a-zäöüß ]{0,14}",
            "[a-zäöüß ]{0,14}",
            class,
            hook,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(id, title, said, class, hook, opening, agreed)| {
                let mut line = entry(id, &title, class, hook);
                line.customer_line = said;
                if opening {
                    line.kind = LineKind::Opening;
                }
                if !agreed {
                    line.status = LineStatus::Proposed;
                }
                line
            })
    }

    proptest! {
        #[test]
        fn results_are_agreed_objections_holding_every_typed_word_fitting_ones_first(
            lines in proptest::collection::vec(any_line(), 0..16),
            query in "[a-zäöüAEOU ]{0,6}",
            class in prop_oneof![Just(CustomerClass::A), Just(CustomerClass::B), Just(CustomerClass::O)],
            legal in any::<bool>(),
        ) {
            let lines: Vec<PlaybookLine> = lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| PlaybookLine { id: LineId(i as u64 + 1), ..l })
                .collect();
            let hook = legal.then_some(HookKind::LegalChange);
            let caller = Caller { class, hook: hook.as_ref() };
            let index = ObjectionIndex::new(&lines);
            let hits = index.search(&query, caller, usize::MAX);
            let folded = fold(&query);
            for hit in &hits {
                let line = lines.iter().find(|l| l.id == hit.id);
                let line = line.filter(|l| l.is_objection() && l.status == LineStatus::Agreed);
                prop_assert!(line.is_some(), "{:?} is no agreed objection", hit.id);
                let Some(line) = line else { continue };
                let (title, said) = (fold(&line.title), fold(&line.customer_line));
                for word in words(&folded) {
                    prop_assert!(title.contains(word) || said.contains(word), "{word} in {line:?}");
                }
                let fits = line.for_class().is_none_or(|c| c == class)
                    && line.for_hook().is_none_or(|h| Some(h) == hook.as_ref());
                prop_assert_eq!(hit.fits, fits);
            }
            let first_misfit = hits.iter().position(|h| !h.fits).unwrap_or(hits.len());
            prop_assert!(hits[first_misfit..].iter().all(|h| !h.fits));
            // Neither case nor the spelling of an umlaut changes what is found. (After
            // an "a" or "e" sound, "ue" reads as a diphthong: "aue" stays "aue".)
            prop_assert_eq!(&index.search(&query.to_uppercase(), caller, usize::MAX), &hits);
            let lower: Vec<char> = query.to_lowercase().chars().collect();
            if !lower.windows(2).any(|w| w[1] == 'ü' && "aäe".contains(w[0])) {
                let spelled = query.replace('ü', "ue").replace('ö', "oe").replace('ä', "ae");
                prop_assert_eq!(&index.search(&spelled, caller, usize::MAX), &hits);
            }
            prop_assert!(index.search(&query, caller, 3).len() <= 3);
        }
    }
}
