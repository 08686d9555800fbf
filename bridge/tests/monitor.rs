//! The monitor loop against a fake call monitor on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fake_box;

use std::io;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use fake_box::{serve, Step, CALL, CONNECT, DISCONNECT, RING, RING_WITHHELD};
use klassenblick_bridge::monitor::{Flow, Monitor, Status};
use klassenblick_bridge::options::BoxAddress;

const APP: &str = "http://127.0.0.1:8080/";
const RING_URL: &str = "http://127.0.0.1:8080/anruf?nummer=01712345678";
/// Far longer than any of these runs takes; only reached when the loop fails to stop.
const WATCHDOG: Duration = Duration::from_secs(20);

fn monitor(port: u16, app: &str) -> Monitor {
    Monitor {
        address: BoxAddress {
            host: "127.0.0.1".into(),
            port,
        },
        app: app.into(),
        reconnect: Duration::from_millis(20),
        connect_timeout: Duration::from_secs(2),
        idle_limit: Duration::from_secs(10),
    }
}

/// What one run did: the addresses opened and every status, in order.
struct Run {
    opened: Vec<String>,
    log: Vec<String>,
    last: Status,
}

/// Runs the monitor in a thread until `stop` says so; fails instead of hanging if the
/// loop never stops.
fn run_until(
    monitor: Monitor,
    open_result: fn() -> io::Result<()>,
    mut stop: impl FnMut(&Status) -> bool + Send + 'static,
) -> Run {
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        let mut opened = Vec::new();
        let mut log = Vec::new();
        let last = monitor.run(
            |url| {
                opened.push(url.to_string());
                open_result()
            },
            |status| {
                log.push(status.to_string());
                if stop(status) {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            },
        );
        let _ = done.send(Run { opened, log, last });
    });
    finished
        .recv_timeout(WATCHDOG)
        .expect("the monitor did not stop")
}

fn opens() -> io::Result<()> {
    Ok(())
}

/// Stops when the n-th connection has been dropped by the box.
fn after_drops(n: usize) -> impl FnMut(&Status) -> bool + Send + 'static {
    let mut drops = 0;
    move |status| {
        if matches!(status, Status::Lost { error: None, .. }) {
            drops += 1;
        }
        drops == n
    }
}

#[test]
fn a_ring_opens_exactly_the_call_page() {
    let fake = serve(vec![vec![Step::Send(RING)]]);
    let run = run_until(monitor(fake.port, APP), opens, after_drops(1));
    assert_eq!(run.opened, [RING_URL]);
    assert_eq!(
        run.log,
        [
            format!("Verbunden mit {}", fake.address()),
            format!("Anruf von 01712345678: öffne {RING_URL}"),
            "Verbindung verloren, neuer Versuch in 20 ms".to_string(),
        ]
    );
}

#[test]
fn an_international_number_reaches_an_app_under_a_base_path_encoded() {
    let fake = serve(vec![vec![Step::Send(
        "01.12.26 15:40:01;RING;2;+491712345678;5551234;SIP1;\n",
    )]]);
    let app = "https://example.org/klassenblick";
    let run = run_until(monitor(fake.port, app), opens, after_drops(1));
    assert_eq!(
        run.opened,
        ["https://example.org/klassenblick/anruf?nummer=%2B491712345678"]
    );
}

#[test]
fn an_outgoing_call_and_its_connect_and_disconnect_open_nothing() {
    let fake = serve(vec![vec![
        Step::Send(CALL),
        Step::Send(CONNECT),
        Step::Send(DISCONNECT),
    ]]);
    let run = run_until(monitor(fake.port, APP), opens, after_drops(1));
    assert_eq!(run.opened, Vec::<String>::new());
    assert_eq!(run.log.len(), 2, "{:?}", run.log);
    assert!(matches!(run.last, Status::Lost { error: None, .. }));
}

#[test]
fn a_withheld_number_opens_nothing() {
    let fake = serve(vec![vec![Step::Send(RING_WITHHELD)]]);
    let run = run_until(monitor(fake.port, APP), opens, after_drops(1));
    assert_eq!(run.opened, Vec::<String>::new());
    assert_eq!(
        run.log[1],
        "Anruf mit unterdrückter Nummer: nichts zu öffnen"
    );
}

#[test]
fn after_a_drop_the_bridge_connects_again_and_opens_the_next_call() {
    let fake = serve(vec![
        vec![Step::Send(CALL), Step::Send(RING)],
        vec![Step::Send(
            "01.12.26 15:52:17;RING;0;0309876543;5551234;SIP0;\r\n",
        )],
    ]);
    let run = run_until(monitor(fake.port, APP), opens, after_drops(2));
    assert_eq!(fake.accepted(), 2);
    assert_eq!(
        run.opened,
        [RING_URL, "http://127.0.0.1:8080/anruf?nummer=0309876543"]
    );
    let connects = run
        .log
        .iter()
        .filter(|l| l.starts_with("Verbunden"))
        .count();
    assert_eq!(connects, 2, "{:?}", run.log);
}

#[test]
fn a_box_that_is_not_there_is_tried_again_and_again() {
    let port = fake_box::closed_port();
    let mut failures = 0;
    let run = run_until(monitor(port, APP), opens, move |status| {
        if matches!(status, Status::ConnectFailed { .. }) {
            failures += 1;
        }
        failures == 3
    });
    assert_eq!(run.log.len(), 3, "{:?}", run.log);
    for line in &run.log {
        assert!(
            line.starts_with(&format!("Keine Verbindung zu 127.0.0.1:{port}")),
            "{line}"
        );
    }
    assert!(run.opened.is_empty());
}

#[test]
fn a_silent_connection_is_replaced_and_the_next_one_delivers() {
    // The first connection stays open and says nothing, like one to a box that restarted.
    let fake = serve(vec![
        vec![Step::Pause(Duration::from_secs(10))],
        vec![Step::Send(RING)],
    ]);
    let mut m = monitor(fake.port, APP);
    m.idle_limit = Duration::from_millis(200);
    let run = run_until(m, opens, |status| matches!(status, Status::Call { .. }));
    assert_eq!(run.opened, [RING_URL]);
    assert_eq!(fake.accepted(), 2);
    assert_eq!(
        run.log[1],
        format!(
            "Seit 200 ms nichts von {} gehört, verbinde neu",
            fake.address()
        )
    );
}

#[test]
fn a_line_split_across_packets_is_one_call() {
    let fake = serve(vec![vec![
        Step::Send("01.12.26 15:40:01;RI"),
        Step::Pause(Duration::from_millis(50)),
        Step::Send("NG;0;01712345678;5551234;SIP0;\r\n"),
    ]]);
    let run = run_until(monitor(fake.port, APP), opens, after_drops(1));
    assert_eq!(run.opened, [RING_URL]);
}

#[test]
fn a_browser_that_fails_is_reported_and_the_next_call_still_comes() {
    let fake = serve(vec![vec![
        Step::Send(RING),
        Step::Send("01.12.26 15:52:17;RING;1;0309876543;5551234;SIP0;\r\n"),
    ]]);
    let run = run_until(
        monitor(fake.port, APP),
        || Err(io::Error::new(io::ErrorKind::NotFound, "kein Browser")),
        after_drops(1),
    );
    assert_eq!(run.opened.len(), 2);
    assert_eq!(
        run.log[2],
        format!("Konnte {RING_URL} nicht öffnen: kein Browser")
    );
}
