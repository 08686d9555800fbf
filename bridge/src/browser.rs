//! Opening an address in the default browser.

use std::io;
use std::process::{Command, Stdio};
use std::thread;

/// Starts the system's opener and returns without waiting for it: `xdg-open` may keep
/// running as long as the browser it started, and the next call must not wait for that.
pub fn open(url: &str) -> io::Result<()> {
    let mut command = opener(url);
    let mut child = command.stdin(Stdio::null()).stdout(Stdio::null()).spawn()?;
    // Waited for on the side so that no finished opener is left as a zombie.
    thread::spawn(move || match child.wait() {
        Ok(status) if !status.success() => {
            eprintln!("Der Browser-Aufruf endete mit {status}");
        }
        Ok(_) => {}
        Err(error) => eprintln!("Der Browser-Aufruf ist nicht zu verfolgen: {error}"),
    });
    Ok(())
}

fn opener(url: &str) -> Command {
    if cfg!(target_os = "windows") {
        // `start` takes its first quoted argument as a window title, hence the empty one.
        let mut command = Command::new("cmd");
        command.args(["/C", "start", "", url]);
        command
    } else if cfg!(target_os = "macos") {
        let mut command = Command::new("open");
        command.arg(url);
        command
    } else {
        let mut command = Command::new("xdg-open");
        command.arg(url);
        command
    }
}
