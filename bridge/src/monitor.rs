//! Connecting to the call monitor, reading its lines and connecting again.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::net::{TcpStream, ToSocketAddrs};
use std::thread;
use std::time::Duration;

use crate::line::{self, Event};
use crate::options::{BoxAddress, Options};
use crate::url;

/// A call-monitor line is well under 200 bytes; this only bounds what a wrong peer could
/// make the bridge hold in memory.
const MAX_LINE: u64 = 4096;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Monitor {
    pub address: BoxAddress,
    pub app: String,
    /// Wait after a dropped connection or a failed attempt.
    pub reconnect: Duration,
    pub connect_timeout: Duration,
    /// A FRITZ!Box that restarts never closes the old connection, and the bridge only
    /// reads, so a silent connection may be dead. After this long without a line the
    /// bridge connects again at once.
    pub idle_limit: Duration,
}

impl Monitor {
    pub fn new(options: &Options) -> Self {
        Monitor {
            address: options.box_address.clone(),
            app: options.app.clone(),
            reconnect: options.reconnect,
            connect_timeout: Duration::from_secs(10),
            idle_limit: Duration::from_secs(30 * 60),
        }
    }
}

/// What happened, for the log and for deciding whether to go on.
#[derive(Debug)]
pub enum Status {
    Connected {
        address: String,
    },
    ConnectFailed {
        address: String,
        error: io::Error,
        retry: Duration,
    },
    /// `error` is `None` when the box closed the connection.
    Lost {
        error: Option<io::Error>,
        retry: Duration,
    },
    Idle {
        address: String,
        silent: Duration,
    },
    Call {
        caller: String,
        url: String,
    },
    Withheld,
    OpenFailed {
        url: String,
        error: io::Error,
    },
}

impl Status {
    /// The connection is over: a failed attempt, a drop, or a silent one given up.
    pub fn ends_connection(&self) -> bool {
        matches!(
            self,
            Status::ConnectFailed { .. } | Status::Lost { .. } | Status::Idle { .. }
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Connected { address } => write!(f, "Verbunden mit {address}"),
            Status::ConnectFailed {
                address,
                error,
                retry,
            } => {
                write!(
                    f,
                    "Keine Verbindung zu {address} ({error}), neuer Versuch in {}",
                    seconds(*retry)
                )?;
                // A box that answers but refuses has the call monitor switched off.
                if error.kind() == io::ErrorKind::ConnectionRefused {
                    write!(f, " (Anrufmonitor eingeschaltet? Am Telefon #96*5* wählen)")?;
                }
                Ok(())
            }
            Status::Lost { error: None, retry } => {
                write!(
                    f,
                    "Verbindung verloren, neuer Versuch in {}",
                    seconds(*retry)
                )
            }
            Status::Lost {
                error: Some(error),
                retry,
            } => write!(
                f,
                "Verbindung verloren ({error}), neuer Versuch in {}",
                seconds(*retry)
            ),
            Status::Idle { address, silent } => write!(
                f,
                "Seit {} nichts von {address} gehört, verbinde neu",
                seconds(*silent)
            ),
            Status::Call { caller, url } => write!(f, "Anruf von {caller}: öffne {url}"),
            Status::Withheld => write!(f, "Anruf mit unterdrückter Nummer: nichts zu öffnen"),
            Status::OpenFailed { url, error } => {
                write!(f, "Konnte {url} nicht öffnen: {error}")
            }
        }
    }
}

fn seconds(d: Duration) -> String {
    let secs = d.as_secs();
    if d.subsec_millis() != 0 {
        format!("{} ms", d.as_millis())
    } else if secs >= 60 && secs.is_multiple_of(60) {
        format!("{} min", secs / 60)
    } else {
        format!("{secs} s")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

impl Monitor {
    /// Runs until `observe` answers [`Flow::Stop`] and returns the status it stopped on.
    /// `open` gets the call page's address for every call with a number; `observe` sees
    /// every [`Status`], a call before it is opened. Without a stop it runs forever.
    pub fn run<O, S>(&self, mut open: O, mut observe: S) -> Status
    where
        O: FnMut(&str) -> io::Result<()>,
        S: FnMut(&Status) -> Flow,
    {
        let address = self.address.to_string();
        loop {
            let ended = match self.connect() {
                Err(error) => Status::ConnectFailed {
                    address: address.clone(),
                    error,
                    retry: self.reconnect,
                },
                Ok(stream) => {
                    let connected = Status::Connected {
                        address: address.clone(),
                    };
                    if observe(&connected) == Flow::Stop {
                        return connected;
                    }
                    match self.read(stream, &mut open, &mut observe) {
                        Session::Stopped(status) => return status,
                        Session::Ended(status) => status,
                    }
                }
            };
            if observe(&ended) == Flow::Stop {
                return ended;
            }
            // A silent connection is replaced at once; the box is probably there.
            if !matches!(ended, Status::Idle { .. }) {
                thread::sleep(self.reconnect);
            }
        }
    }

    fn connect(&self) -> io::Result<TcpStream> {
        let mut last = io::Error::new(io::ErrorKind::NotFound, "Name nicht aufgelöst");
        for addr in (self.address.host.as_str(), self.address.port).to_socket_addrs()? {
            match TcpStream::connect_timeout(&addr, self.connect_timeout) {
                Ok(stream) => return Ok(stream),
                Err(error) => last = error,
            }
        }
        Err(last)
    }

    fn read<O, S>(&self, stream: TcpStream, open: &mut O, observe: &mut S) -> Session
    where
        O: FnMut(&str) -> io::Result<()>,
        S: FnMut(&Status) -> Flow,
    {
        // A zero timeout is an error for the socket; one millisecond is as good as none.
        let limit = self.idle_limit.max(Duration::from_millis(1));
        if let Err(error) = stream.set_read_timeout(Some(limit)) {
            return Session::Ended(Status::Lost {
                error: Some(error),
                retry: self.reconnect,
            });
        }
        let mut reader = BufReader::new(stream);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match (&mut reader).take(MAX_LINE).read_until(b'\n', &mut buf) {
                Ok(0) => {
                    return Session::Ended(Status::Lost {
                        error: None,
                        retry: self.reconnect,
                    })
                }
                Ok(_) => {
                    if let Some(stopped) = self.handle(&buf, open, observe) {
                        return Session::Stopped(stopped);
                    }
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    return Session::Ended(Status::Idle {
                        address: self.address.to_string(),
                        silent: limit,
                    })
                }
                Err(error) => {
                    return Session::Ended(Status::Lost {
                        error: Some(error),
                        retry: self.reconnect,
                    })
                }
            }
        }
    }

    /// One line; `Some` with the status the observer stopped on.
    fn handle<O, S>(&self, raw: &[u8], open: &mut O, observe: &mut S) -> Option<Status>
    where
        O: FnMut(&str) -> io::Result<()>,
        S: FnMut(&Status) -> Flow,
    {
        match line::parse(&String::from_utf8_lossy(raw)) {
            Event::Other => None,
            Event::RingWithheld => {
                let status = Status::Withheld;
                (observe(&status) == Flow::Stop).then_some(status)
            }
            Event::Ring { caller } => {
                let url = url::call_page(&self.app, &caller);
                let call = Status::Call {
                    caller,
                    url: url.clone(),
                };
                // A stop after this call still opens it: the caller is on the line.
                let flow = observe(&call);
                if let Err(error) = open(&url) {
                    let failed = Status::OpenFailed { url, error };
                    if observe(&failed) == Flow::Stop {
                        return Some(failed);
                    }
                }
                (flow == Flow::Stop).then_some(call)
            }
        }
    }
}

enum Session {
    /// The observer asked to stop while the connection was open.
    Stopped(Status),
    /// The connection ended on its own.
    Ended(Status),
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_log_reads_in_german() {
        let retry = Duration::from_secs(10);
        assert_eq!(
            Status::Connected {
                address: "fritz.box:1012".into()
            }
            .to_string(),
            "Verbunden mit fritz.box:1012"
        );
        assert_eq!(
            Status::Lost { error: None, retry }.to_string(),
            "Verbindung verloren, neuer Versuch in 10 s"
        );
        assert_eq!(
            Status::ConnectFailed {
                address: "fritz.box:1012".into(),
                error: io::Error::from(io::ErrorKind::ConnectionRefused),
                retry: Duration::from_millis(250),
            }
            .to_string(),
            "Keine Verbindung zu fritz.box:1012 (connection refused), neuer Versuch in \
             250 ms (Anrufmonitor eingeschaltet? Am Telefon #96*5* wählen)"
        );
        assert_eq!(
            Status::Call {
                caller: "01712345678".into(),
                url: "http://127.0.0.1:8080/anruf?nummer=01712345678".into()
            }
            .to_string(),
            "Anruf von 01712345678: öffne http://127.0.0.1:8080/anruf?nummer=01712345678"
        );
        assert_eq!(
            Status::Idle {
                address: "fritz.box:1012".into(),
                silent: Duration::from_secs(30 * 60)
            }
            .to_string(),
            "Seit 30 min nichts von fritz.box:1012 gehört, verbinde neu"
        );
    }
}
