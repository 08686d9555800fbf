use std::io::{self, Write};
use std::process::ExitCode;

use klassenblick_bridge::monitor::{Flow, Monitor, Status};
use klassenblick_bridge::options::{self, Command, Options};
use klassenblick_bridge::{browser, url};

fn main() -> ExitCode {
    // A non-UTF-8 argument is reported as unknown rather than ending in a panic.
    let args = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    match options::parse(args) {
        Ok(Command::Help) => {
            print!("{}", options::HELP);
            ExitCode::SUCCESS
        }
        Ok(Command::Run(options)) => run(&options),
        Err(error) => {
            eprintln!("{error}\nHilfe: klassenblick-bridge --help");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> ExitCode {
    let print = options.print;
    let open = move |url: &str| {
        if print {
            // Written at once, so that a reader of the pipe sees each call as it rings.
            let mut out = io::stdout().lock();
            writeln!(out, "{url}").and_then(|()| out.flush())
        } else {
            browser::open(url)
        }
    };
    if let Some(number) = &options.number {
        return open_once(&url::call_page(&options.app, number), open);
    }
    let once = options.once;
    let last = Monitor::new(options).run(open, |status| {
        eprintln!("{status}");
        if once && status.ends_connection() {
            Flow::Stop
        } else {
            Flow::Continue
        }
    });
    match last {
        Status::ConnectFailed { .. } => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

fn open_once(url: &str, mut open: impl FnMut(&str) -> io::Result<()>) -> ExitCode {
    match open(url) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Konnte {url} nicht öffnen: {error}");
            ExitCode::FAILURE
        }
    }
}
