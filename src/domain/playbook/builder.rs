//! Playbook lines for tests and benchmarks, built in one readable line instead of an
//! eleven-field literal: `LineBuilder::opening(3).class(B).hook(LegalChange).build()`.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::Direction;
use crate::domain::customer::hook::HookKind;
use crate::domain::ids::LineId;
use crate::domain::playbook::lines::{LineKind, LineStatus, PlaybookLine, Reach, Situation};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct LineBuilder {
    line: PlaybookLine,
}

impl LineBuilder {
    /// An agreed opening line "Zeile {id}" for a B customer who calls in about an extra
    /// benefit, at version 1 and written on 1 January 2026.
    pub fn opening(id: u64) -> LineBuilder {
        LineBuilder {
            line: PlaybookLine {
                id: LineId(id),
                kind: LineKind::Opening,
                situation: Situation {
                    class: CustomerClass::B,
                    direction: Direction::Inbound,
                    hook: HookKind::ExtraBenefit,
                },
                title: format!("Zeile {id}"),
                text: "Schön, dass Sie anrufen.".into(),
                customer_line: String::new(),
                status: LineStatus::Agreed,
                version: 1,
                changed: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            },
        }
    }

    /// The same, as an objection with this reach.
    pub fn objection(id: u64, reach: Reach) -> LineBuilder {
        LineBuilder::opening(id).kind(LineKind::Objection(reach))
    }

    pub fn kind(mut self, kind: LineKind) -> LineBuilder {
        self.line.kind = kind;
        self
    }

    pub fn class(mut self, class: CustomerClass) -> LineBuilder {
        self.line.situation.class = class;
        self
    }

    pub fn direction(mut self, direction: Direction) -> LineBuilder {
        self.line.situation.direction = direction;
        self
    }

    pub fn hook(mut self, hook: HookKind) -> LineBuilder {
        self.line.situation.hook = hook;
        self
    }

    pub fn title(mut self, title: &str) -> LineBuilder {
        self.line.title = title.into();
        self
    }

    pub fn text(mut self, text: &str) -> LineBuilder {
        self.line.text = text.into();
        self
    }

    pub fn customer_line(mut self, said: &str) -> LineBuilder {
        self.line.customer_line = said.into();
        self
    }

    pub fn status(mut self, status: LineStatus) -> LineBuilder {
        self.line.status = status;
        self
    }

    pub fn version(mut self, version: u32) -> LineBuilder {
        self.line.version = version;
        self
    }

    pub fn changed(mut self, day: NaiveDate) -> LineBuilder {
        self.line.changed = day;
        self
    }

    pub fn build(self) -> PlaybookLine {
        self.line
    }
}
