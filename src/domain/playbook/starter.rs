//! The German starter playbook the team begins with and then makes its own.
//!
//! Every built-in hook kind is covered for the potential classes B and O, inbound
//! (the reactive habit) and outbound (the active approach), so that call mode, outreach
//! and practice find a fitting line from the first day. A few lines for A customers
//! show that the top customers get their own tone.
//!
//! The usual objections follow, each with an answer in the method's spirit: a B
//! customer is led to one product and an appointment, an O customer to the
//! Rundum-Beratung. Most hold for every class; where B and O need different answers,
//! each class has its own.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::{LineKind, LineStatus, PlaybookLine, Reach, Situation};
use chrono::NaiveDate;

use CustomerClass::{A, B, O};
use Direction::{Inbound, Outbound};
use HookKind::{
    ComprehensiveConsultation as Consultation, ExtraBenefit, LegalChange,
    SpecialAdvantage as Advantage, TimeLimitedPromotion as Promotion,
};
use LineStatus::{Agreed, Proposed};

/// One row of the starter table: id, situation, status, title, text, customer line.
type Row = (
    u64,
    CustomerClass,
    Direction,
    HookKind,
    LineStatus,
    &'static str,
    &'static str,
    &'static str,
);

/// The ids are fixed so that an imported or edited playbook can be matched line by line
/// against the starter set, and practice cards survive a re-seed.
fn rows() -> [Row; 23] {
    [
        (
            1001, B, Inbound, ExtraBenefit, Agreed,
            "Anruf mit frischem Vermerk",
            "Gut, dass Sie sich melden – in Ihrer Kundenakte steht gerade ein ganz neuer Hinweis für Sie. Wir wollten Sie ohnehin in den nächsten Tagen anrufen: Ich habe einen Vorschlag, der Ihnen ohne Mehraufwand zusätzlichen Nutzen bringt.",
            "Guten Tag, ich wollte nur meine neue Bankverbindung durchgeben.",
        ),
        (
            1002, B, Inbound, LegalChange, Agreed,
            "Anruf: Gesetzesänderung ansprechen",
            "Schön, dass wir gerade sprechen – seit Kurzem gelten neue gesetzliche Regeln, die auch Ihre Verträge betreffen. Wenn Ihr Anliegen erledigt ist: Darf ich Ihnen in zwei Minuten erklären, was das für Sie bedeutet?",
            "Ich habe eine Frage zu meiner Beitragsrechnung.",
        ),
        (
            1003, B, Inbound, Promotion, Agreed,
            "Anruf während einer Aktion",
            "Da haben Sie einen guten Moment erwischt: Für Kunden wie Sie läuft gerade eine Aktion, die nur noch kurze Zeit gilt. Wenn Sie mögen, schauen wir gleich nach Ihrer Frage gemeinsam darauf.",
            "Ich muss einen Schaden melden, mein Fahrrad wurde gestohlen.",
        ),
        (
            1004, B, Inbound, Advantage, Agreed,
            "Anruf: Vorteil für Bestandskunden",
            "Schön, von Ihnen zu hören! Weil Sie schon mehrere Verträge bei uns haben, steht Ihnen inzwischen ein besonderer Vorteil zu – das wollte ich Ihnen ohnehin noch sagen.",
            "Können Sie mir eine Versicherungsbestätigung schicken?",
        ),
        (
            1005, O, Inbound, ExtraBenefit, Agreed,
            "Anruf eines O-Kunden: Vermerk nutzen",
            "Danke für Ihren Anruf – ich habe Ihre Unterlagen vor mir und sehe einen aktuellen Vermerk, den wir eigens für Sie notiert haben. Es geht um eine Ergänzung, die Ihren bestehenden Schutz sinnvoll erweitert. Haben Sie nach Ihrer Frage noch fünf Minuten?",
            "Ich ziehe um und wollte die neue Adresse mitteilen.",
        ),
        (
            1006, O, Inbound, Consultation, Agreed,
            "Anruf: Rundum-Check anbieten",
            "Wo Sie gerade anrufen: Bisher kennen wir nur einen kleinen Ausschnitt Ihrer Situation. Ich würde Ihnen gern einen Rundum-Check anbieten, damit nichts doppelt oder gar nicht abgesichert ist.",
            "Ich habe nur eine kurze Frage zu meiner Kfz-Versicherung.",
        ),
        (
            1007, O, Inbound, Promotion, Agreed,
            "Anruf: befristete Aktion erwähnen",
            "Gut, dass Sie anrufen – bei Ihnen ist eine Aktion vermerkt, die nur noch wenige Tage läuft. Ich möchte nicht, dass Sie die verpassen; darf ich sie Ihnen kurz erklären?",
            "Ich brauche eine Kopie meines Vertrags.",
        ),
        (
            1008, O, Inbound, LegalChange, Proposed,
            "Anruf: neue Regeln als Anlass",
            "Gut, dass wir sprechen: Durch eine gesetzliche Neuerung lohnt es sich, Ihre Absicherung einmal neu anzuschauen. Das geht schnell, und danach wissen Sie genau, woran Sie sind.",
            "Ich habe Post von Ihnen bekommen und verstehe sie nicht ganz.",
        ),
        (
            1009, B, Outbound, ExtraBenefit, Agreed,
            "B-Ansprache: ein Produkt als Terminanlass",
            "Guten Tag, ich melde mich aus Ihrem Beratungsbüro, weil Sie Ihren Hausrat mit einem kleinen Zusatzbaustein deutlich besser absichern können. Passt es Ihnen, wenn wir dafür nächste Woche einen kurzen Termin machen?",
            "Ja, bitte?",
        ),
        (
            1010, B, Outbound, LegalChange, Agreed,
            "B-Ansprache: Gesetzesänderung, Termin vereinbaren",
            "Ich rufe wegen einer gesetzlichen Änderung an, die Ihre Altersvorsorge direkt betrifft. Damit Sie keinen Vorteil verschenken, würde ich das gern in einem kurzen Termin mit Ihnen durchgehen – passt Ihnen eher Dienstag oder Donnerstag?",
            "Worum geht es denn?",
        ),
        (
            1011, B, Outbound, Promotion, Agreed,
            "B-Ansprache: Aktion mit Enddatum",
            "Ich melde mich, weil gerade eine Aktion läuft, die genau zu Ihrem Vertrag passt – allerdings nur noch bis Monatsende. Lassen Sie uns einen kurzen Termin ausmachen, dann rechne ich Ihnen den Vorteil konkret vor.",
            "Ich habe eigentlich gerade wenig Zeit.",
        ),
        (
            1012, B, Outbound, Advantage, Proposed,
            "B-Ansprache: Sondervorteil für treue Kunden",
            "Sie sind schon lange bei uns, deshalb kann ich Ihnen bei der Berufsunfähigkeitsversicherung einen besonderen Vorteil anbieten. Das möchte ich Ihnen gern in Ruhe zeigen – haben Sie nächste Woche eine halbe Stunde?",
            "Aha, was für ein Vorteil?",
        ),
        (
            1013, O, Outbound, Consultation, Agreed,
            "O-Ansprache: Rundum-Beratung mit Exklusivpaket",
            "Ich melde mich, weil wir Kunden, die wir umfassend betreuen, ein exklusives Paket mit zusätzlichen Leistungen anbieten. Dafür würde ich mir einmal Ihre ganze Situation ansehen – Vorsorge, Absicherung und Vermögen in einem Gespräch. Wann hätten Sie dafür eine Stunde Zeit?",
            "Ich bin doch schon bei Ihnen versichert.",
        ),
        (
            1014, O, Outbound, Advantage, Agreed,
            "O-Ansprache: preislicher Spielraum bei Bündelung",
            "Wenn wir mehrere Ihrer Verträge zusammen betreuen, habe ich beim Preis deutlich mehr Spielraum als bei einem einzelnen Vertrag. Ich würde gern prüfen, wie viel Sie dadurch sparen – darf ich Ihnen einen Termin vorschlagen?",
            "Meine anderen Versicherungen habe ich woanders.",
        ),
        (
            1015, O, Outbound, LegalChange, Agreed,
            "O-Ansprache: neuer Anlauf zu besserer Zeit",
            "Als wir zuletzt gesprochen haben, passte es Ihnen zeitlich nicht – das verstehe ich gut. Inzwischen gibt es eine gesetzliche Änderung, die für Sie interessant ist; darf ich Ihnen kurz sagen, worum es geht?",
            "Sie hatten doch schon mal angerufen.",
        ),
        (
            1016, O, Outbound, Promotion, Agreed,
            "O-Ansprache: Aktion als Einstieg in die Rundum-Beratung",
            "Zurzeit läuft eine befristete Aktion, von der Sie mit einem Rundum-Check zusätzlich profitieren. Ich würde Ihnen das gern persönlich erklären – passt Ihnen ein Termin in den nächsten zwei Wochen?",
            "Schicken Sie mir doch einfach etwas per Post.",
        ),
        (
            1017, O, Outbound, ExtraBenefit, Agreed,
            "O-Ansprache: Zusatznutzen zum bestehenden Vertrag",
            "Zu Ihrer Kfz-Versicherung gibt es einen Baustein, der Ihnen im Schadenfall viel Ärger erspart, etwa einen Ersatzwagen ab dem ersten Tag. Den würde ich Ihnen gern zusammen mit einem kurzen Blick auf Ihre übrige Absicherung zeigen.",
            "Ich bin mit meiner Versicherung eigentlich zufrieden.",
        ),
        (
            1018, B, Outbound, Consultation, Agreed,
            "B-Ansprache: Jahresgespräch",
            "Wir betreuen Sie nun schon eine Weile, und bei Ihnen hat sich sicher einiges getan. Ich würde gern ein Jahresgespräch vereinbaren, in dem wir alles auf den aktuellen Stand bringen.",
            "Es hat sich eigentlich nichts geändert.",
        ),
        (
            1019, A, Inbound, Advantage, Agreed,
            "A-Kunde ruft an",
            "Schön, dass Sie anrufen! Für Sie als langjährigen Kunden habe ich gerade einen Vermerk zu einem besonderen Vorteil – den möchte ich Ihnen gern persönlich erläutern.",
            "Hallo, ich wollte mich nur kurz wegen des Termins melden.",
        ),
        (
            1020, A, Outbound, Consultation, Agreed,
            "A-Kunde: persönliches Strategiegespräch",
            "Ich möchte mir Zeit für ein persönliches Gespräch mit Ihnen nehmen, in dem wir Ihre Absicherung und Ihre Pläne für die nächsten Jahre durchgehen. Wo passt es Ihnen besser, bei Ihnen im Betrieb oder bei uns im Büro?",
            "Worum soll es denn gehen?",
        ),
        (
            1021, A, Outbound, LegalChange, Proposed,
            "A-Kunde: Gesetzesänderung vorab erklären",
            "Bevor die neuen gesetzlichen Regeln greifen, möchte ich Sie als einen unserer wichtigsten Kunden vorab informieren. Ich habe schon durchgerechnet, was das für Sie bedeutet – wann darf ich es Ihnen zeigen?",
            "Davon habe ich noch gar nichts gehört.",
        ),
        (
            1022, B, Inbound, Consultation, Agreed,
            "Anruf: Rundum-Beratung anbieten",
            "Schön, dass Sie anrufen – Ihr Anliegen erledige ich gleich. Bei der Gelegenheit: Wir haben Ihre Unterlagen länger nicht gemeinsam angesehen. Darf ich Ihnen einen Termin für einen ruhigen Rundum-Blick anbieten?",
            "Ich rufe wegen meiner Adressänderung an.",
        ),
        (
            1023, O, Inbound, Advantage, Agreed,
            "Anruf eines O-Kunden: besonderer Vorteil",
            "Danke für Ihren Anruf! Zu Ihnen ist bei uns ein Vermerk zu einem besonderen Vorteil hinterlegt, den wir nur wenigen Kunden anbieten. Wenn Ihre Frage geklärt ist, erzähle ich Ihnen gern in zwei Minuten davon.",
            "Ich hätte eine kurze Frage zu meiner Rechnung.",
        ),
    ]
}

/// One objection of the starter table: id, class (`None`: every class), hook (`None`:
/// any), status, title, how the customer says it, the agreed answer.
type ObjectionRow = (
    u64,
    Option<CustomerClass>,
    Option<HookKind>,
    LineStatus,
    &'static str,
    &'static str,
    &'static str,
);

fn objection_rows() -> [ObjectionRow; 11] {
    [
        (
            2001, None, None, Agreed,
            "Kein Interesse",
            "Danke, aber ich habe kein Interesse.",
            "Das verstehe ich gut – Sie wissen ja noch gar nicht genau, worum es geht. Darf ich Ihnen in einem Satz sagen, was Sie davon hätten? Wenn es dann nicht passt, ist das völlig in Ordnung.",
        ),
        (
            2002, Some(B), None, Agreed,
            "Zu teuer",
            "Das ist mir zu teuer.",
            "Gut, dass Sie das offen sagen. Lassen Sie uns in einem kurzen Termin nachrechnen, was der Baustein Sie im Monat wirklich kostet und was er Ihnen bringt – oft ist es weniger, als man denkt. Passt Ihnen eher Dienstag oder Donnerstag?",
        ),
        (
            2003, Some(O), None, Agreed,
            "Zu teuer",
            "Mehr Geld möchte ich dafür nicht ausgeben.",
            "Das kann ich gut verstehen. Gerade deshalb lohnt sich ein Rundum-Blick: Wenn wir mehrere Ihrer Verträge zusammen betreuen, habe ich beim Preis deutlich mehr Spielraum als bei einem einzelnen. Darf ich Ihnen dafür einen Termin vorschlagen?",
        ),
        (
            2004, None, None, Agreed,
            "Ich habe schon einen Berater",
            "Ich habe schon einen Berater, der sich darum kümmert.",
            "Das ist gut, dann wissen Sie, was eine gute Beratung wert ist. Ich möchte niemanden ersetzen, sondern Ihnen mit einem Rundum-Check einen zweiten Blick anbieten, ob alles zusammenpasst. Wann hätten Sie dafür eine halbe Stunde Zeit?",
        ),
        (
            2005, None, None, Agreed,
            "Schicken Sie mir was zu",
            "Schicken Sie mir doch einfach etwas zu.",
            "Sehr gern – damit es wirklich zu Ihnen passt, gehe ich die Unterlagen am liebsten kurz mit Ihnen gemeinsam durch. Dann bleiben keine Fragen offen, und Sie entscheiden in Ruhe. Passt Ihnen ein Termin in der nächsten Woche?",
        ),
        (
            2006, None, None, Agreed,
            "Keine Zeit",
            "Ich habe gerade überhaupt keine Zeit.",
            "Dann will ich Sie nicht aufhalten. Wann erreiche ich Sie besser – eher morgen Vormittag oder am Nachmittag? Es dauert nur zehn Minuten.",
        ),
        (
            2007, Some(B), None, Agreed,
            "Erst zu Hause besprechen",
            "Das möchte ich erst zu Hause besprechen.",
            "Das ist sehr vernünftig, so etwas entscheidet man gemeinsam. Wollen wir gleich einen Termin ausmachen, zu dem Sie beide dabei sein können? Dann beantworte ich alle Fragen direkt.",
        ),
        (
            2008, Some(O), None, Agreed,
            "Ich bin zufrieden, wie es ist",
            "Ich bin eigentlich zufrieden, so wie es ist.",
            "Das freut mich zu hören. Damit es so bleibt, biete ich Ihnen eine Rundum-Beratung an: Wir schauen einmal, ob alles noch zu Ihrer jetzigen Situation passt, und Sie entscheiden danach in Ruhe. Darf ich Ihnen dafür einen Termin vorschlagen?",
        ),
        (
            2009, Some(O), None, Agreed,
            "Ich bin doch schon bei Ihnen",
            "Ich bin doch schon bei Ihnen versichert.",
            "Genau deshalb melde ich mich – bisher kennen wir nur einen kleinen Teil Ihrer Situation. Kunden, die wir rundum betreuen, bieten wir ein Exklusivpaket mit zusätzlichen Leistungen. Darf ich Ihnen das in einem persönlichen Termin zeigen?",
        ),
        (
            2010, None, Some(LegalChange), Agreed,
            "Betrifft mich nicht",
            "Die neue Regelung betrifft mich doch gar nicht.",
            "Das dachten viele unserer Kunden zuerst auch. Ich habe mir Ihre Unterlagen angesehen, und bei Ihnen wirkt sich die Änderung auf einen Vertrag aus. In einem kurzen Termin zeige ich Ihnen genau, was das für Sie bedeutet.",
        ),
        (
            2011, Some(B), Some(Promotion), Proposed,
            "Ich warte lieber ab",
            "Ich warte lieber noch ab, vielleicht kommt ja etwas Besseres.",
            "Das kann ich verstehen, nur gilt die Aktion lediglich bis zum vermerkten Datum. Lassen Sie uns vorher kurz einen Termin machen, dann rechne ich Ihnen den Vorteil konkret vor. Entscheiden können Sie danach immer noch in Ruhe.",
        ),
    ]
}

/// The day the starter lines were written. Dating them by their authorship rather than
/// by the day a team receives them lets the team's own, newer lines come first in
/// practice.
pub fn starter_written() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()
}

/// The starter lines, opening lines first, then the objections; all at version 1 and
/// dated `today`.
pub fn starter_playbook(today: NaiveDate) -> Vec<PlaybookLine> {
    let openings = rows().into_iter().map(
        |(id, class, direction, hook, status, title, text, customer_line)| PlaybookLine {
            id: LineId(id),
            kind: LineKind::Opening,
            situation: Situation {
                class,
                direction,
                hook,
            },
            title: title.to_string(),
            text: text.to_string(),
            customer_line: customer_line.to_string(),
            status,
            version: 1,
            changed: today,
        },
    );
    openings.chain(starter_objections(today)).collect()
}

/// The starter objections alone, for a playbook begun before objections existed.
pub fn starter_objections(today: NaiveDate) -> impl Iterator<Item = PlaybookLine> {
    objection_rows().into_iter().map(
        move |(id, class, hook, status, title, customer_line, answer)| PlaybookLine {
            id: LineId(id),
            kind: LineKind::Objection(Reach {
                all_classes: class.is_none(),
                any_hook: hook.is_none(),
            }),
            // What a set flag leaves unasked; narrowing in the editor starts from it.
            situation: Situation {
                class: class.unwrap_or(B),
                direction: Inbound,
                hook: hook.unwrap_or(ExtraBenefit),
            },
            title: title.to_string(),
            text: answer.to_string(),
            customer_line: customer_line.to_string(),
            status,
            version: 1,
            changed: today,
        },
    )
}

/// Tops a playbook up with the starter objections it lacks (by id), dated when they
/// were written; a line the team already has, changed or not, is kept as it is.
/// Returns how many were added.
pub fn add_missing_objections(lines: &mut Vec<PlaybookLine>) -> usize {
    let fresh: Vec<PlaybookLine> = starter_objections(starter_written())
        .filter(|o| !lines.iter().any(|l| l.id == o.id))
        .collect();
    let added = fresh.len();
    lines.extend(fresh);
    added
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn all() -> Vec<PlaybookLine> {
        starter_playbook(NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid date"))
    }

    fn lines() -> Vec<PlaybookLine> {
        all().into_iter().filter(PlaybookLine::is_opening).collect()
    }

    fn objections() -> Vec<PlaybookLine> {
        all()
            .into_iter()
            .filter(PlaybookLine::is_objection)
            .collect()
    }

    #[test]
    fn covers_every_built_in_hook_for_b_and_o() {
        let lines = lines();
        for hook in HookKind::BUILT_IN {
            for class in [B, O] {
                for direction in [Inbound, Outbound] {
                    assert!(
                        lines.iter().any(|l| l.situation
                            == Situation {
                                class,
                                direction,
                                hook: hook.clone()
                            }),
                        "no line for {class:?} {direction:?} {hook:?}"
                    );
                }
            }
        }
        for class in [B, O] {
            for direction in [Inbound, Outbound] {
                assert!(lines
                    .iter()
                    .any(|l| l.situation.class == class && l.situation.direction == direction));
            }
        }
        assert!(lines.iter().any(|l| l.situation.class == A));
    }

    #[test]
    fn ids_and_situations_are_distinct() {
        let ids: HashSet<_> = all().iter().map(|l| l.id).collect();
        assert_eq!(ids.len(), all().len());
        let lines = lines();
        let situations: HashSet<_> = lines.iter().map(|l| l.situation.clone()).collect();
        assert_eq!(situations.len(), lines.len());
        assert!((16..=24).contains(&lines.len()));
    }

    #[test]
    fn mostly_agreed_lines_with_texts_and_customer_lines() {
        let lines = lines();
        let agreed = lines.iter().filter(|l| l.status == Agreed).count();
        let proposed = lines.len() - agreed;
        assert!(agreed > proposed && proposed >= 2);
        for line in &lines {
            assert_eq!(line.version, 1);
            assert!(!line.title.is_empty() && !line.customer_line.is_empty());
            let sentences = line.text.matches(['.', '?', '!']).count();
            assert!((1..=3).contains(&sentences), "{}: {sentences}", line.title);
        }
    }

    #[test]
    fn every_potential_outbound_situation_has_an_agreed_line() {
        let lines = lines();
        for class in [B, O] {
            let agreed_hooks: HashSet<_> = lines
                .iter()
                .filter(|l| l.situation.class == class && l.situation.direction == Outbound)
                .filter(|l| l.status == Agreed)
                .map(|l| l.situation.hook.clone())
                .collect();
            assert!(agreed_hooks.len() >= 4, "{class:?}: {agreed_hooks:?}");
        }
    }

    #[test]
    fn about_ten_objections_answer_in_the_method_s_way() {
        let objections = objections();
        assert!((8..=12).contains(&objections.len()));
        assert!(objections.iter().all(|o| o.version == 1));
        let agreed = objections.iter().filter(|o| o.status == Agreed).count();
        assert!(agreed + 2 >= objections.len());
        for o in &objections {
            assert!(
                !o.title.is_empty() && !o.customer_line.is_empty(),
                "{}",
                o.title
            );
            let sentences = o.text.matches(['.', '?', '!']).count();
            assert!((2..=3).contains(&sentences), "{}: {sentences}", o.title);
            assert!(
                o.text.contains("Sie") || o.text.contains("Ihnen"),
                "{}",
                o.title
            );
        }
        let general = objections
            .iter()
            .filter(|o| o.for_class().is_none())
            .count();
        assert!(general >= 4);
        let for_class = |class| {
            objections
                .iter()
                .filter(move |o| o.for_class() == Some(class))
        };
        // B: one product and an appointment; O: the Rundum-Beratung.
        assert!(for_class(B).any(|o| o.text.contains("Termin")));
        assert!(for_class(O).any(|o| o.text.contains("Rundum")));
        assert!(objections.iter().any(|o| o.for_hook().is_some()));
        for usual in [
            "Kein Interesse",
            "Zu teuer",
            "Ich habe schon einen Berater",
            "Schicken Sie mir was zu",
        ] {
            assert!(objections.iter().any(|o| o.title == usual), "{usual}");
        }
    }

    #[test]
    fn the_top_up_adds_only_the_starter_objections_a_playbook_lacks() {
        let mut lines = lines();
        let openings = lines.len();
        let count = objections().len();
        assert_eq!(add_missing_objections(&mut lines), count);
        assert_eq!(lines.len(), openings + count);
        assert!(lines[openings..]
            .iter()
            .all(|l| l.is_objection() && l.changed == starter_written()));
        // A team's own rewording of a starter objection stays as it is.
        lines[openings].text = "Unsere Antwort".into();
        lines.remove(openings + 1);
        assert_eq!(add_missing_objections(&mut lines), 1);
        assert_eq!(lines[openings].text, "Unsere Antwort");
        assert_eq!(add_missing_objections(&mut lines), 0);
        assert_eq!(lines.len(), openings + count);
    }
}
