//! A stand-in for the FRITZ!Box call monitor on 127.0.0.1: it accepts connections one
//! after another and plays one script on each, in the box's line format.
// Each test file uses a different part of it.
#![allow(dead_code)]

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

pub const RING: &str = "01.12.26 15:40:01;RING;0;01712345678;5551234;SIP0;\r\n";
pub const RING_WITHHELD: &str = "01.12.26 15:40:01;RING;0;;5551234;SIP0;\r\n";
pub const CALL: &str = "01.12.26 15:40:01;CALL;1;0;5551234;01712345678;SIP0;\r\n";
pub const CONNECT: &str = "01.12.26 15:40:09;CONNECT;0;0;01712345678;\r\n";
pub const DISCONNECT: &str = "01.12.26 15:41:30;DISCONNECT;0;12;\r\n";

pub enum Step {
    Send(&'static str),
    Pause(Duration),
}

pub struct FakeBox {
    pub port: u16,
    accepted: Arc<AtomicUsize>,
}

impl FakeBox {
    /// Connections accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }

    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

/// Plays `scripts[n]` on the n-th connection and then closes it, which is how the bridge
/// sees a dropped connection. Each connection has its own thread, so a silent one does
/// not hold up the next. After the last script the listener closes too.
pub fn serve(scripts: Vec<Vec<Step>>) -> FakeBox {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&accepted);
    thread::spawn(move || {
        for script in scripts {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            count.fetch_add(1, Ordering::SeqCst);
            thread::spawn(move || play(stream, script));
        }
    });
    FakeBox { port, accepted }
}

fn play(mut stream: TcpStream, script: Vec<Step>) {
    for step in script {
        match step {
            Step::Send(text) => {
                if stream
                    .write_all(text.as_bytes())
                    .and_then(|()| stream.flush())
                    .is_err()
                {
                    return;
                }
            }
            Step::Pause(d) => thread::sleep(d),
        }
    }
}

/// A port on 127.0.0.1 with nobody listening, for a box that is not there.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
