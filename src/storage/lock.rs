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
}

thread_local! {
    static STATE: RefCell<LockState> = RefCell::default();
}

/// Runs `work` while this tab holds the lock and returns what it returned.
pub async fn exclusive<R: 'static>(work: impl FnOnce() -> R + 'static) -> R {
    let (sender, receiver) = oneshot::channel();
    let mut work = Some(work);
    let mut sender = Some(sender);
    // Every job runs exactly once; the receiver gets its result.
    submit(Box::new(move || {
        if let (Some(work), Some(sender)) = (work.take(), sender.take()) {
            let _receiver_gone_means_nobody_waits = sender.send(work());
        }
    }));
    match receiver.await {
        Ok(result) => result,
        // Unreachable by construction: a job is never dropped unrun.
        Err(_) => std::future::pending().await,
    }
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

fn request() {
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
    let jobs: Vec<Job> = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.missing = true;
        s.requested = false;
        s.queue.drain(..).collect()
    });
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
