use super::*;
use proptest::prelude::*;

#[test]
fn text_is_escaped() {
    assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
}

#[test]
fn folding_keeps_utf8_sequences_whole() {
    let line = format!("SUMMARY:{}", "ä".repeat(60));
    let folded = fold_line(&line);
    let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(parts.len(), 2);
    assert!(parts[0].len() <= 75 && parts[0].len() >= 74);
    assert!(parts[1].starts_with(' '));
    assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    assert_eq!(fold_line("VERSION:2.0"), "VERSION:2.0\r\n");
}

proptest! {
    #[test]
    fn any_line_folds_within_75_octets_and_unfolds_to_itself(text in "\\PC{0,300}") {
        let line = format!("SUMMARY:{}", escape_text(&text));
        let folded = fold_line(&line);
        prop_assert!(folded.ends_with("\r\n"));
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(part.len() <= 75);
        }
        prop_assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
    }
}
