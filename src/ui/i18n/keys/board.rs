//! The keys of the board.

pub struct BoardTexts {
    pub filter_label: &'static str,
    pub filter_text: &'static str,
    pub filter_text_hint: &'static str,
    pub filter_tag: &'static str,
    pub filter_tag_all: &'static str,
    pub filter_potential: &'static str,
    pub view_potential: &'static str,
    pub filter_reset: &'static str,
    pub column_empty: &'static str,
    pub show_more: fn(usize) -> String,
    pub move_card: fn(&str) -> String,
    pub move_to: fn(&str) -> String,
    pub moved: fn(&str, &str, &str) -> String,
    pub drag_hint: &'static str,
    pub tabs_label: &'static str,
}
