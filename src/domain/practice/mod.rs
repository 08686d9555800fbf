//! Rehearsing the playbook: trainees and their cards, FSRS scheduling, the queue, typed
//! answers with word diff, class drills, projector rounds, progress and bounded logs.

mod archive;
pub mod drill;
pub mod group_session;
pub mod parts;
pub mod progress;
pub mod queue;
pub mod scheduling;
pub mod state;
pub mod word_diff;
