//! The built program, run as a user would, against a fake call monitor on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fake_box;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use fake_box::{serve, Step, CALL, CONNECT, DISCONNECT, RING};

const BRIDGE: &str = env!("CARGO_BIN_EXE_klassenblick-bridge");
const TIMEOUT: Duration = Duration::from_secs(20);

/// The running program; killed when the test ends, passed or failed, so that none is
/// left behind.
struct Bridge {
    child: Child,
    stdout: mpsc::Receiver<String>,
    stderr: Option<thread::JoinHandle<String>>,
}

impl Bridge {
    fn start(args: &[&str]) -> Bridge {
        let mut child = Command::new(BRIDGE)
            .args(args)
            // No browser opener can be found, so a test that reaches one by mistake fails
            // instead of starting a browser on the machine that runs the tests.
            .env("PATH", "")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (lines, stdout) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                if lines.send(line.unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut err = child.stderr.take().unwrap();
        let stderr = thread::spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        });
        Bridge {
            child,
            stdout,
            stderr: Some(stderr),
        }
    }

    fn next_line(&self) -> String {
        self.stdout
            .recv_timeout(TIMEOUT)
            .expect("no line from the bridge in time")
    }

    fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the bridge did not end in time");
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Ends the program if it still runs and returns the rest of stdout and all stderr.
    fn finish(mut self) -> (Vec<String>, String) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let rest = self.stdout.iter().collect();
        let stderr = self.stderr.take().map(|h| h.join().unwrap());
        (rest, stderr.unwrap_or_default())
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_program_prints_the_call_page_for_a_ring() {
    let fake = serve(vec![vec![
        Step::Send(CALL),
        Step::Send(RING),
        Step::Send(CONNECT),
        Step::Send(DISCONNECT),
        // Open until the test is done, as a real box would stay.
        Step::Pause(TIMEOUT),
    ]]);
    let bridge = Bridge::start(&[
        "--print",
        "--box",
        &fake.address(),
        "--app",
        "http://127.0.0.1:8080/",
    ]);
    assert_eq!(
        bridge.next_line(),
        "http://127.0.0.1:8080/anruf?nummer=01712345678"
    );
    let (rest, stderr) = bridge.finish();
    assert_eq!(rest, Vec::<String>::new(), "only the one call is printed");
    assert!(
        stderr.contains(&format!("Verbunden mit {}", fake.address())),
        "{stderr}"
    );
    assert!(
        stderr.contains("Anruf von 01712345678: öffne http://127.0.0.1:8080/anruf?nummer="),
        "{stderr}"
    );
}

#[test]
fn with_once_the_program_ends_when_the_box_hangs_up() {
    let fake = serve(vec![vec![Step::Send(
        "01.12.26 15:40:01;RING;0;+491712345678;5551234;SIP0;\n",
    )]]);
    let mut bridge = Bridge::start(&[
        "--print",
        "--once",
        "--reconnect",
        "0",
        "--box",
        &fake.address(),
        "--app",
        "https://example.org/klassenblick/",
    ]);
    assert!(bridge.wait().success());
    let (out, stderr) = bridge.finish();
    assert_eq!(
        out,
        ["https://example.org/klassenblick/anruf?nummer=%2B491712345678"]
    );
    assert!(
        stderr.contains("Verbindung verloren, neuer Versuch in 0 s"),
        "{stderr}"
    );
}

#[test]
fn with_once_and_no_box_the_program_fails() {
    let port = fake_box::closed_port();
    let mut bridge = Bridge::start(&["--print", "--once", "--box", &format!("127.0.0.1:{port}")]);
    assert_eq!(bridge.wait().code(), Some(1));
    let (out, stderr) = bridge.finish();
    assert!(out.is_empty());
    assert!(
        stderr.contains(&format!("Keine Verbindung zu 127.0.0.1:{port}")),
        "{stderr}"
    );
}

#[test]
fn a_number_on_the_command_line_prints_its_call_page_and_ends() {
    let mut bridge = Bridge::start(&[
        "--print",
        "--app",
        "https://example.org/klassenblick",
        "--nummer",
        "+49 171 2345678",
    ]);
    assert!(bridge.wait().success());
    let (out, _) = bridge.finish();
    assert_eq!(
        out,
        ["https://example.org/klassenblick/anruf?nummer=%2B49%20171%202345678"]
    );
}

#[test]
fn a_bad_option_ends_with_code_2_and_says_why_in_german() {
    let mut bridge = Bridge::start(&["--reconnect", "zehn"]);
    assert_eq!(bridge.wait().code(), Some(2));
    let (out, stderr) = bridge.finish();
    assert!(out.is_empty());
    assert!(
        stderr.starts_with("--reconnect erwartet ganze Sekunden, nicht „zehn“"),
        "{stderr}"
    );
}

#[test]
fn help_is_printed_in_german() {
    let mut bridge = Bridge::start(&["--help"]);
    assert!(bridge.wait().success());
    let (out, _) = bridge.finish();
    assert!(out
        .iter()
        .any(|l| l.starts_with("Aufruf: klassenblick-bridge")));
    assert!(out.iter().any(|l| l.contains("--box HOST[:PORT]")));
}
