//! A call announced by an address (`/anruf?nummer=…`). The tab that opened the address
//! tells the app's other tabs over a `BroadcastChannel`, so a tab that was open already
//! shows the caller too; the number never leaves the browser.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "klassenblick-anruf";

/// The latest announced caller's number. `seq` changes with every call, so the same
/// number calling twice pops up twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announced {
    pub seq: u32,
    pub number: String,
}

#[derive(Clone, Copy)]
pub struct IncomingCall {
    pub latest: RwSignal<Option<Announced>>,
    channel: StoredValue<Option<BroadcastChannel>, LocalStorage>,
}

impl IncomingCall {
    /// Shows the call in this tab.
    pub fn show(&self, number: String) {
        let seq = self
            .latest
            .with_untracked(|l| l.as_ref().map_or(0, |l| l.seq + 1));
        self.latest.set(Some(Announced { seq, number }));
    }

    /// Shows the call here and in every other open tab of the app.
    pub fn announce(&self, number: String) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                // A tab that cannot be told still has its own lookup; nothing to report.
                let _ = channel.post_message(&JsValue::from_str(&number));
            }
        });
        self.show(number);
    }

    pub fn clear(&self) {
        self.latest.set(None);
    }
}

pub fn incoming_call() -> IncomingCall {
    expect_context::<IncomingCall>()
}

/// Opens the channel the app's tabs share; call before the router is built, so every
/// screen sees the same call.
pub fn provide_incoming_call() {
    let channel = BroadcastChannel::new(CHANNEL).ok();
    provide_context(IncomingCall {
        latest: RwSignal::new(None),
        channel: StoredValue::new_local(channel),
    });
}

/// Listens for calls other tabs announce and opens the call screen for them. Sits inside
/// the router, which it needs for that.
#[component]
pub fn IncomingCallRelay() -> impl IntoView {
    let incoming = incoming_call();
    let Some(channel) = incoming.channel.get_value() else {
        return;
    };
    let navigate = use_navigate();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(number) = event.data().as_string() {
            incoming.show(number);
            navigate("/anruf", Default::default());
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The relay lives as long as the app.
    on_message.forget();
}
