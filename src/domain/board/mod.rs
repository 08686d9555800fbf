//! The board: customers in columns A, B, O and C with filters, counts and sums,
//! and the ABC analysis that proposes classes from revenue share.

pub mod abc_analysis;
pub mod columns;
