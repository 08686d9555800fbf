//! Values read and written the German way (euro cents, dates), the en-GB forms, and
//! search folding of umlauts.

pub mod dates;
pub mod english_format;
pub mod money;
pub mod text_fold;
