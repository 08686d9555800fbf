//! Values read and written the German way (euro cents, dates), the en-GB forms, the
//! details line under a name, and search folding of umlauts.

pub mod dates;
pub mod details;
pub mod english_format;
pub mod money;
pub mod text_fold;
