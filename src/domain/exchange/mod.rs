//! Data in and out: spreadsheet CSV (decode, map, check, apply, export, occasion
//! columns), an import written over what is stored now, the calendar file, and what a
//! backup would change, with a merge that keeps both sides.

pub mod csv_apply;
mod csv_decode;
pub mod csv_export;
pub mod csv_import;
pub mod csv_mapping;
pub mod csv_occasions;
pub mod ics;
pub mod import_merge;
pub mod restore_merge;
