//! The British English texts of the projector rounds of a training session.

use super::super::keys::SessionTexts;

pub const SESSION: SessionTexts = SessionTexts {
    title: "Group session",
    intro: "For the training room: large print for the projector, a random situation each round, participants taking turns. The trainer reveals the answer and notes how it went.",
    who: "Who is taking part? (no selection: everyone)",
    start: "Start session",
    round: |n| format!("Round {n}"),
    turn: |name| format!("{name}’s turn"),
    mark_good: "Well done",
    mark_again: "Needs practice",
    next: "Next round",
    end: "End session",
    summary: "Session summary",
    trainee: "Participant",
    rounds: "Rounds",
    succeeded: "successful",
    nothing_agreed: "There are no agreed opening lines yet. Mark lines as agreed in the playbook.",
};
