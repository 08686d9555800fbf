//! Opens Klassenblick's call page when the FRITZ!Box call monitor reports an incoming
//! call. Standard library only, so it builds anywhere a Rust toolchain runs.

pub mod browser;
pub mod line;
pub mod monitor;
pub mod options;
pub mod url;
