//! The message catalog. Every UI string lives here, so a second language is a second
//! `Texts` value: a missing entry is a compile error, never a blank label.

mod de;
mod en;
mod keys;
mod messages;

pub use de::DE;
pub use en::EN;
pub use keys::Texts;
pub use messages::*;

use crate::domain::settings::Language;

thread_local! {
    static LANGUAGE: std::cell::Cell<Language> = const { std::cell::Cell::new(Language::German) };
}

/// Chooses the catalog and formats for everything rendered from now on.
pub fn set_language(language: Language) {
    LANGUAGE.with(|l| l.set(language));
}

pub fn language() -> Language {
    LANGUAGE.with(std::cell::Cell::get)
}

/// The catalog in force.
pub fn texts() -> &'static Texts {
    match language() {
        Language::German => &DE,
        Language::English => &EN,
    }
}
