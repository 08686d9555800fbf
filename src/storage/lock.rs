//! One writer at a time across tabs. Every read-modify-write of stored keys runs as a
//! job while this tab holds the exclusive Web Lock [`LOCK_NAME`]; the job re-reads
//! what it changes, so it works on what another tab committed.
//!
//! Chromium hands a write to the other tabs' copies of local storage a few milliseconds
//! later, over another channel than the lock's grant. So a tab keeps the lock for
//! [`SETTLE_MS`] after its last job: its writes reach the next holder before that holder
//! reads. Jobs that come while the lock is held run at once, so a burst of writes from
//! one tab waits for the lock only once.
//!
//! Without Web Locks (very old browsers) jobs run directly and [`locks_missing`] says
//! so, for a quiet notice that two tabs at once are less safe there.

use futures_channel::oneshot;
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub const LOCK_NAME: &str = "klassenblick-data";
const SETTLE_MS: f64 = 50.0;

type Job = Box<dyn FnOnce()>;

#[derive(Default)]
struct LockState {
    held: bool,
    requested: bool,
    missing: bool,
    queue: VecDeque<Job>,
    last_job_at: f64,
    listening: bool,
}

thread_local! {
    static STATE: RefCell<LockState> = RefCell::default();
}

/// Runs `work` while this tab holds the lock and returns what it returned.
pub async fn exclusive<R: 'static>(work: impl FnOnce() -> R + 'static) -> R {
    let result = std::rc::Rc::new(RefCell::new(None));
    let slot = result.clone();
    run_job(Box::new(move || *slot.borrow_mut() = Some(work()))).await;
    let done = result.borrow_mut().take();
    match done {
        Some(result) => result,
        // Unreachable by construction: a job always runs before its future completes.
        None => std::future::pending().await,
    }
}

/// The one non-generic path, so each kind of result costs no extra code.
async fn run_job(job: Job) {
    let (sender, receiver) = oneshot::channel::<()>();
    submit(Box::new(move || {
        job();
        let _nobody_waits_if_dropped = sender.send(());
    }));
    let _ran = receiver.await;
}

/// The browser has no Web Locks: writes from two tabs at once are less safe.
pub fn locks_missing() -> bool {
    STATE.with(|s| s.borrow().missing)
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn submit(job: Job) {
    enum Next {
        RunNow(Job),
        Request,
        Wait,
    }
    let next = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.held || s.missing {
            s.last_job_at = now();
            Next::RunNow(job)
        } else {
            s.queue.push_back(job);
            if s.requested {
                Next::Wait
            } else {
                s.requested = true;
                Next::Request
            }
        }
    });
    match next {
        Next::RunNow(job) => job(),
        Next::Request => request(),
        Next::Wait => {}
    }
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// A page going away runs what it still has queued, rather than lose a save the user
/// made a moment before closing or navigating.
fn run_queue_on_pagehide() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let drain = Closure::<dyn Fn()>::new(run_queued);
    if window
        .add_event_listener_with_callback("pagehide", drain.as_ref().unchecked_ref())
        .is_ok()
    {
        // Listens for as long as the page lives.
        drain.forget();
    }
}

fn request() {
    let first = STATE.with(|s| !std::mem::replace(&mut s.borrow_mut().listening, true));
    if first {
        run_queue_on_pagehide();
    }
    let Some(locks) = lock_manager() else {
        run_without_lock();
        return;
    };
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request else {
        run_without_lock();
        return;
    };
    let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue { on_granted().into() });
    match request.call2(&locks, &JsValue::from_str(LOCK_NAME), &granted) {
        Ok(promise) => {
            // A refused request (e.g. a sandboxed frame) must not strand the jobs.
            let refused = Closure::once_into_js(move |_error: JsValue| run_without_lock());
            let catch = js_sys::Reflect::get(&promise, &JsValue::from_str("catch"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            if let Some(catch) = catch {
                let _handled = catch.call1(&promise, &refused);
            }
        }
        Err(_) => run_without_lock(),
    }
}

fn run_without_lock() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.missing = true;
        s.requested = false;
    });
    run_queued();
}

/// Runs every waiting job now, outside the state's borrow, as jobs may queue more.
fn run_queued() {
    let jobs: Vec<Job> = STATE.with(|s| s.borrow_mut().queue.drain(..).collect());
    jobs.into_iter().for_each(|job| job());
}

/// Runs the waiting jobs, then holds the lock until [`SETTLE_MS`] have passed without
/// a job; the returned promise releases it.
fn on_granted() -> js_sys::Promise {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.held = true;
        s.requested = false;
    });
    loop {
        let job = STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.last_job_at = now();
            s.queue.pop_front()
        });
        match job {
            Some(job) => job(),
            None => break,
        }
    }
    js_sys::Promise::new(&mut |resolve, _reject| release_when_settled(resolve))
}

fn release_when_settled(resolve: js_sys::Function) {
    let idle = STATE.with(|s| now() - s.borrow().last_job_at);
    if idle >= SETTLE_MS {
        let rerequest = STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.held = false;
            // Jobs never queue while the lock is held; this only guards the invariant.
            !s.queue.is_empty() && !std::mem::replace(&mut s.requested, true)
        });
        let _released = resolve.call0(&JsValue::UNDEFINED);
        if rerequest {
            request();
        }
        return;
    }
    let wait = (SETTLE_MS - idle).ceil() as i32;
    let again = Closure::once_into_js(move || release_when_settled(resolve));
    let scheduled = web_sys::window().map(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), wait)
    });
    if !matches!(scheduled, Some(Ok(_))) {
        STATE.with(|s| s.borrow_mut().held = false);
    }
}
