//! A call announced by an address (`/anruf?nummer=…`). The tab that opened the address
//! tells the app's other tabs over a `BroadcastChannel`, so a tab that was open already
//! shows the caller too; the number never leaves the browser.
//!
//! A softphone or the bridge opens a new tab for every call. When a tab that was open
//! already shows the call where the user can see it, the new tab closes again, so calls
//! don't pile up windows. (The installed app gets the same from the manifest's
//! `launch_handler`.)

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent, VisibilityState};

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
    /// The token of the call this tab announced, until another tab answers.
    announced: StoredValue<Option<String>>,
}

/// What the tabs tell each other.
enum Message {
    /// A new tab received a call.
    Call { token: String, number: String },
    /// An older tab shows it now; `visible`: where the user sees it.
    Shown { token: String, visible: bool },
}

impl Message {
    fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&object, &key.into(), &value);
        };
        match self {
            Message::Call { token, number } => {
                set("kind", "call".into());
                set("token", token.into());
                set("number", number.into());
            }
            Message::Shown { token, visible } => {
                set("kind", "shown".into());
                set("token", token.into());
                set("visible", (*visible).into());
            }
        }
        object.into()
    }

    fn from_js(value: &JsValue) -> Option<Message> {
        let get = |key: &str| js_sys::Reflect::get(value, &key.into()).ok();
        let text = |key: &str| get(key).and_then(|v| v.as_string());
        let token = text("token")?;
        match text("kind")?.as_str() {
            "call" => Some(Message::Call {
                token,
                number: text("number")?,
            }),
            "shown" => Some(Message::Shown {
                token,
                visible: get("visible").and_then(|v| v.as_bool()).unwrap_or(false),
            }),
            _ => None,
        }
    }
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
        let token = format!("{:x}", (js_sys::Math::random() * 4_294_967_296.0) as u64);
        self.announced.set_value(Some(token.clone()));
        self.post(&Message::Call {
            token,
            number: number.clone(),
        });
        self.show(number);
    }

    pub fn clear(&self) {
        self.latest.set(None);
    }

    fn post(&self, message: &Message) {
        self.channel.with_value(|channel| {
            if let Some(channel) = channel {
                // A tab that cannot be told still has its own lookup; nothing to report.
                let _ = channel.post_message(&message.to_js());
            }
        });
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
        announced: StoredValue::new(None),
    });
}

fn user_sees_this_tab() -> bool {
    document().visibility_state() == VisibilityState::Visible
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
        match Message::from_js(&event.data()) {
            Some(Message::Call { token, number }) => {
                incoming.show(number);
                navigate("/anruf", Default::default());
                incoming.post(&Message::Shown {
                    token,
                    visible: user_sees_this_tab(),
                });
            }
            Some(Message::Shown { token, visible }) => {
                let ours = incoming
                    .announced
                    .with_value(|t| t.as_deref() == Some(&token));
                if ours && visible {
                    incoming.announced.set_value(None);
                    // Browsers close only a tab that has no history of its own; any
                    // other stays open and shows the call as well.
                    if let Some(window) = web_sys::window() {
                        let _ = window.close();
                    }
                }
            }
            None => {}
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The relay lives as long as the app.
    on_message.forget();
}
