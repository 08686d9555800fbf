//! Components mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly

use chrono::NaiveDate;
use klassenblick::domain::customer::class::CustomerClass;
use klassenblick::domain::customer::contact::{Channel, Contact, ContactResult, Direction};
use klassenblick::domain::customer::record::{Customer, CustomerFields};
use klassenblick::domain::ids::{ContactId, CustomerId};
use klassenblick::ui::components::class_badge::ClassBadge;
use klassenblick::ui::components::timeline::Timeline;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let div = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div.dyn_into().expect("html element")
}

#[wasm_bindgen_test]
fn the_class_badge_shows_the_letter_and_the_name() {
    let root = container();
    let handle = leptos::mount::mount_to(
        root.clone(),
        || view! { <ClassBadge class=CustomerClass::O/> },
    );
    let badge = root
        .query_selector("[data-testid=class-badge]")
        .expect("query")
        .expect("badge");
    assert_eq!(badge.text_content().as_deref(), Some("O"));
    assert_eq!(badge.get_attribute("data-class").as_deref(), Some("O"));
    assert!(badge.class_name().contains("class-o"));
    assert!(badge
        .get_attribute("title")
        .is_some_and(|t| t.starts_with("O-Kunde")));
    drop(handle);
}

#[wasm_bindgen_test]
fn markup_in_contact_text_renders_as_plain_text() {
    let at = NaiveDate::from_ymd_opt(2026, 11, 27)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("valid");
    let mut customer = Customer::new(CustomerId(1), CustomerFields::default(), at.date());
    customer.contacts.push(Contact {
        id: ContactId(1),
        at,
        who: "<b>Eve</b>".into(),
        channel: Channel::Phone,
        direction: Direction::Inbound,
        reason: "<img src=x onerror=\"window.__pwned=1\">".into(),
        hook: None,
        line: None,
        result: ContactResult::Reached,
        follow_up: None,
        note: "<script>window.__pwned=2</script>".into(),
        interval_override: None,
        objection: None,
    });
    let root = container();
    let shown = Signal::stored(Some(customer));
    let handle =
        leptos::mount::mount_to(root.clone(), move || view! { <Timeline customer=shown/> });
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("<img src=x onerror="), "{text}");
    assert!(text.contains("<script>"), "{text}");
    assert!(root.query_selector("img").expect("query").is_none());
    assert!(root.query_selector("script").expect("query").is_none());
    assert!(root.query_selector("b").expect("query").is_none());
    drop(handle);
}

#[wasm_bindgen_test]
fn the_answer_diff_marks_missing_and_extra_words_and_the_score() {
    use klassenblick::domain::practice::word_diff::score_answer;
    use klassenblick::ui::components::answer_diff::AnswerDiff;
    let score = score_answer(
        "Schön, dass Sie anrufen, ich habe etwas für Sie.",
        "Schön dass Sie anrufen, ich habe heute etwas",
    );
    let root = container();
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <AnswerDiff score=score.clone()/> },
    );
    let shown = root
        .query_selector("[data-testid=practice-score]")
        .expect("query")
        .expect("score");
    let similarity: u8 = shown
        .get_attribute("data-similarity")
        .and_then(|s| s.parse().ok())
        .expect("a similarity");
    assert!((60..100).contains(&similarity), "{similarity}");
    assert!(shown
        .text_content()
        .unwrap_or_default()
        .contains(&format!("{similarity} %")));
    let words = |mark: &str| {
        let found = root
            .query_selector_all(&format!("[data-mark={mark}]"))
            .expect("query");
        (0..found.length())
            .filter_map(|i| found.item(i).and_then(|n| n.text_content()))
            .map(|t| t.rsplit(": ").next().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(words("word-missing"), vec!["für", "Sie."]);
    assert_eq!(words("word-extra"), vec!["heute"]);
    drop(handle);
}
