//! Practice in schema 2: a small shared trainee list (`kb:p`), and per trainee a head
//! (`kb:p:<id>`: cards, folded totals, which log chunks exist) and log chunks
//! (`kb:p:<id>:r<n>`, `kb:p:<id>:d<n>`) of at most [`CHUNK`] entries.
//!
//! A rating rewrites the head and the newest chunk, so it writes a bounded amount
//! however long the history is. Beyond [`KEPT_CHUNKS`] chunks the oldest is folded into
//! the trainee's totals and removed.

use super::backend::KeyValueStore;
use super::codec::decode;
use super::codec::CodecError;
use super::error::StorageError;
use super::keys;
use super::keys::KeyKind;
use super::stored::{encoded, read_or_default};
use super::transaction::Write;
use crate::domain::ids::TraineeId;
use crate::domain::practice::parts::TraineeChanges;
use crate::domain::practice::state::ArchivedProgress;
use crate::domain::practice::state::{DrillAttempt, PracticeState, ReviewCard, ReviewLog, Trainee};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Log entries per chunk: a few thousand UTF-16 units when stored.
pub const CHUNK: usize = 500;
/// Chunks kept in full per trainee and log: 20,000 review logs.
pub const KEPT_CHUNKS: u32 = 40;

/// Which chunks of one log exist: `first..next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChunkSpan {
    pub first: u32,
    pub next: u32,
}

impl ChunkSpan {
    fn len(self) -> u32 {
        self.next.saturating_sub(self.first)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TraineeHead {
    pub cards: Vec<ReviewCard>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<ArchivedProgress>,
    pub reviews: ChunkSpan,
    pub drills: ChunkSpan,
}

/// What recording a trainee's changes stored, for this tab's memory.
#[derive(Debug, Clone, PartialEq)]
pub struct TraineeWrite {
    pub trainee: TraineeId,
    pub head: TraineeHead,
    pub reviews: Vec<ReviewLog>,
    pub drills: Vec<DrillAttempt>,
}

/// The keys and values that hold `practice` in this layout.
pub fn layout_writes(practice: &PracticeState) -> Result<Vec<Write>, StorageError> {
    let trainees = if practice.trainees.is_empty() {
        None
    } else {
        Some(encoded(&practice.trainees)?)
    };
    let mut writes = vec![(keys::TRAINEES.to_string(), trainees)];
    for trainee in practice.trainees_with_data() {
        let part = practice.trainee_part(trainee);
        let mut head = TraineeHead {
            cards: part.cards,
            archive: part.archive,
            ..TraineeHead::default()
        };
        let mut reviews = part.reviews;
        crate::domain::practice::state::sort_reviews(&mut reviews);
        let mut drills = part.drills;
        crate::domain::practice::state::sort_drills(&mut drills);
        for chunk in reviews.chunks(CHUNK) {
            writes.push((
                keys::review_chunk_key(trainee, head.reviews.next),
                Some(encoded(chunk)?),
            ));
            head.reviews.next += 1;
        }
        for chunk in drills.chunks(CHUNK) {
            writes.push((
                keys::drill_chunk_key(trainee, head.drills.next),
                Some(encoded(chunk)?),
            ));
            head.drills.next += 1;
        }
        writes.push((keys::trainee_head_key(trainee), Some(encoded(&head)?)));
    }
    Ok(writes)
}

/// Adds a trainee to the list as stored now; the name must be free there too.
pub fn add_trainee_writes(
    store: &impl KeyValueStore,
    trainee: Trainee,
) -> Result<Result<(Vec<Trainee>, Write), crate::domain::practice::state::TraineeError>, StorageError>
{
    let stored: Vec<Trainee> = read_or_default(store, keys::TRAINEES)?;
    let mut practice = PracticeState {
        trainees: stored,
        ..PracticeState::default()
    };
    if let Err(e) = practice.add_trainee(trainee) {
        return Ok(Err(e));
    }
    let write = (
        keys::TRAINEES.to_string(),
        Some(encoded(&practice.trainees)?),
    );
    Ok(Ok((practice.trainees, write)))
}

/// Appends one trainee's changes to what is stored now: the head and the newest chunks
/// only, folding the oldest chunk away once there are too many.
pub fn record_writes(
    store: &impl KeyValueStore,
    trainee: TraineeId,
    changes: &TraineeChanges,
) -> Result<(TraineeWrite, Vec<Write>), StorageError> {
    let head_key = keys::trainee_head_key(trainee);
    let mut head: TraineeHead = read_or_default(store, &head_key)?;
    for card in &changes.cards {
        match head.cards.iter_mut().find(|c| c.line == card.line) {
            Some(stored) => *stored = card.clone(),
            None => head.cards.push(card.clone()),
        }
    }
    let mut writes = Vec::new();
    append(
        store,
        &mut head.reviews,
        &changes.reviews,
        |n| keys::review_chunk_key(trainee, n),
        &mut writes,
    )?;
    append(
        store,
        &mut head.drills,
        &changes.drills,
        |n| keys::drill_chunk_key(trainee, n),
        &mut writes,
    )?;
    let archive = head
        .archive
        .get_or_insert_with(|| ArchivedProgress::empty(trainee));
    fold_oldest(
        store,
        &mut head.reviews,
        |n| keys::review_chunk_key(trainee, n),
        |log: &ReviewLog| archive.count_review(log),
        &mut writes,
    )?;
    fold_oldest(
        store,
        &mut head.drills,
        |n| keys::drill_chunk_key(trainee, n),
        |attempt: &DrillAttempt| archive.count_drill(attempt),
        &mut writes,
    )?;
    if head.archive.as_ref().is_some_and(|a| a.until.is_none()) {
        head.archive = None;
    }
    writes.push((head_key, Some(encoded(&head)?)));
    let write = TraineeWrite {
        trainee,
        head,
        reviews: changes.reviews.clone(),
        drills: changes.drills.clone(),
    };
    Ok((write, writes))
}

/// Folds the oldest chunks of a log into the totals while more than [`KEPT_CHUNKS`]
/// remain, and removes them.
fn fold_oldest<T: DeserializeOwned>(
    store: &impl KeyValueStore,
    span: &mut ChunkSpan,
    key_of: impl Fn(u32) -> String,
    mut count: impl FnMut(&T),
    writes: &mut Vec<Write>,
) -> Result<(), StorageError> {
    while span.len() > KEPT_CHUNKS {
        let key = key_of(span.first);
        let folded: Vec<T> = read_or_default(store, &key)?;
        folded.iter().for_each(&mut count);
        writes.push((key, None));
        span.first += 1;
    }
    Ok(())
}

/// Adds `entries` to the newest chunk of a log, opening new chunks as each fills.
fn append<T: Serialize + DeserializeOwned + Clone>(
    store: &impl KeyValueStore,
    span: &mut ChunkSpan,
    entries: &[T],
    key_of: impl Fn(u32) -> String,
    writes: &mut Vec<Write>,
) -> Result<(), StorageError> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut chunk: Vec<T> = if span.len() > 0 {
        read_or_default(store, &key_of(span.next - 1))?
    } else {
        Vec::new()
    };
    let mut number = if span.len() > 0 {
        span.next - 1
    } else {
        span.next
    };
    if chunk.len() >= CHUNK {
        chunk.clear();
        number = span.next;
    }
    for entry in entries {
        if chunk.len() >= CHUNK {
            writes.push((key_of(number), Some(encoded(&chunk)?)));
            chunk.clear();
            number += 1;
        }
        chunk.push(entry.clone());
    }
    writes.push((key_of(number), Some(encoded(&chunk)?)));
    span.next = number + 1;
    Ok(())
}

/// The practice a set of loaded parts makes up, logs in time order.
#[derive(Debug, Default)]
pub struct PracticeLoader {
    pub state: PracticeState,
}

impl PracticeLoader {
    /// Takes in one stored practice value. `None`: `kind` is not a practice key.
    pub fn load(&mut self, kind: KeyKind, raw: &str) -> Option<Result<(), CodecError>> {
        let state = &mut self.state;
        Some(match kind {
            KeyKind::Trainees => decode(raw).map(|trainees| state.trainees = trainees),
            KeyKind::TraineeHead(trainee) => decode(raw).map(|head: TraineeHead| {
                state.cards.extend(head.cards);
                state
                    .archive
                    .extend(head.archive.map(|a| ArchivedProgress { trainee, ..a }));
            }),
            KeyKind::ReviewChunk(..) => {
                decode(raw).map(|logs: Vec<ReviewLog>| state.reviews.extend(logs))
            }
            KeyKind::DrillChunk(..) => {
                decode(raw).map(|attempts: Vec<DrillAttempt>| state.drills.extend(attempts))
            }
            _ => return None,
        })
    }

    pub fn finish(mut self) -> PracticeState {
        crate::domain::practice::state::sort_reviews(&mut self.state.reviews);
        crate::domain::practice::state::sort_drills(&mut self.state.drills);
        self.state.drop_archived_logs();
        self.state
    }
}
