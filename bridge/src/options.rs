//! The command line, read by hand: the bridge has no dependencies.

use std::fmt;
use std::time::Duration;

/// The call monitor's port on every FRITZ!Box.
pub const CALL_MONITOR_PORT: u16 = 1012;
pub const DEFAULT_BOX: &str = "fritz.box";
pub const DEFAULT_APP: &str = "http://127.0.0.1:8080/";
pub const DEFAULT_RECONNECT_SECONDS: u64 = 10;

pub const HELP: &str = "\
klassenblick-bridge: öffnet Klassenblick bei jedem eingehenden Anruf, den der
Anrufmonitor der FRITZ!Box meldet (einschalten am Telefon mit #96*5*).

Aufruf: klassenblick-bridge [Optionen]

  --box HOST[:PORT]     FRITZ!Box (Vorgabe fritz.box:1012; ohne Port 1012)
  --app URL             Adresse von Klassenblick (Vorgabe http://127.0.0.1:8080/)
  --reconnect SEKUNDEN  Wartezeit vor jedem neuen Verbindungsversuch (Vorgabe 10)
  --print               Adresse ausgeben statt den Browser zu öffnen
  --once                nach dem Ende der ersten Verbindung beenden
  --nummer NUMMER       nur die Anrufseite für diese Nummer öffnen und beenden
                        (für Softphones, die bei einem Anruf ein Programm starten)
  -h, --help            diese Hilfe
";

/// Where the call monitor listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxAddress {
    pub host: String,
    pub port: u16,
}

impl BoxAddress {
    /// `HOST`, `HOST:PORT`, `[IPv6]`, `[IPv6]:PORT` or a bare IPv6 address.
    pub fn parse(text: &str) -> Result<Self, OptionsError> {
        let bad = || OptionsError::BoxAddress(text.to_string());
        // A URL or a typo with a space is no host; saying so beats "not a port".
        if text.contains(|c: char| c.is_whitespace() || c == '/') {
            return Err(bad());
        }
        let (host, port) = if let Some(rest) = text.strip_prefix('[') {
            let (host, after) = rest.split_once(']').ok_or_else(bad)?;
            match after {
                "" => (host, None),
                _ => (host, Some(after.strip_prefix(':').ok_or_else(bad)?)),
            }
        } else {
            match text.matches(':').count() {
                0 => (text, None),
                1 => text
                    .split_once(':')
                    .map_or((text, None), |(h, p)| (h, Some(p))),
                // More than one colon without brackets can only be an IPv6 address.
                _ => (text, None),
            }
        };
        if host.is_empty() {
            return Err(bad());
        }
        let port = match port {
            None => CALL_MONITOR_PORT,
            Some(p) => match p.parse::<u16>() {
                Ok(port) if port != 0 => port,
                _ => return Err(OptionsError::Port(p.to_string())),
            },
        };
        Ok(BoxAddress {
            host: host.to_string(),
            port,
        })
    }
}

impl fmt::Display for BoxAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub box_address: BoxAddress,
    pub app: String,
    pub reconnect: Duration,
    pub print: bool,
    pub once: bool,
    /// Set: open the call page for this one number and end, without the call monitor.
    pub number: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            box_address: BoxAddress {
                host: DEFAULT_BOX.to_string(),
                port: CALL_MONITOR_PORT,
            },
            app: DEFAULT_APP.to_string(),
            reconnect: Duration::from_secs(DEFAULT_RECONNECT_SECONDS),
            print: false,
            once: false,
            number: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Run(Options),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    UnknownOption(String),
    MissingValue(&'static str),
    UnexpectedValue(&'static str),
    BoxAddress(String),
    Port(String),
    Reconnect(String),
    App(String),
    EmptyNumber,
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::UnknownOption(o) => write!(f, "Unbekannte Option „{o}“"),
            OptionsError::MissingValue(o) => write!(f, "{o} braucht einen Wert"),
            OptionsError::UnexpectedValue(o) => write!(f, "{o} nimmt keinen Wert"),
            OptionsError::BoxAddress(a) => {
                write!(f, "--box erwartet HOST oder HOST:PORT, nicht „{a}“")
            }
            OptionsError::Port(p) => write!(f, "„{p}“ ist kein Port (1 bis 65535)"),
            OptionsError::Reconnect(s) => {
                write!(f, "--reconnect erwartet ganze Sekunden, nicht „{s}“")
            }
            OptionsError::App(a) => write!(
                f,
                "--app erwartet eine Adresse wie {DEFAULT_APP} (ohne ? und #), nicht „{a}“"
            ),
            OptionsError::EmptyNumber => write!(f, "--nummer braucht eine Rufnummer"),
        }
    }
}

impl std::error::Error for OptionsError {}

/// The arguments after the program name.
pub fn parse<I>(args: I) -> Result<Command, OptionsError>
where
    I: IntoIterator<Item = String>,
{
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // `--box=fritz.box` and `--box fritz.box` mean the same.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |option: &'static str| match inline.clone() {
            Some(v) => Ok(v),
            None => args.next().ok_or(OptionsError::MissingValue(option)),
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "--box" => options.box_address = BoxAddress::parse(&value("--box")?)?,
            "--app" => options.app = app_address(value("--app")?)?,
            "--reconnect" => {
                let seconds = value("--reconnect")?;
                let parsed = seconds
                    .parse::<u64>()
                    .map_err(|_| OptionsError::Reconnect(seconds.clone()))?;
                options.reconnect = Duration::from_secs(parsed);
            }
            "--nummer" => {
                let number = value("--nummer")?.trim().to_string();
                if number.is_empty() {
                    return Err(OptionsError::EmptyNumber);
                }
                options.number = Some(number);
            }
            "--print" | "--once" if inline.is_some() => {
                return Err(OptionsError::UnexpectedValue(if name == "--print" {
                    "--print"
                } else {
                    "--once"
                }))
            }
            "--print" => options.print = true,
            "--once" => options.once = true,
            _ => return Err(OptionsError::UnknownOption(arg)),
        }
    }
    Ok(Command::Run(options))
}

/// Only a plain http(s) address: the call page's query is appended to it, so one of its
/// own would end up in the wrong place.
fn app_address(text: String) -> Result<String, OptionsError> {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"));
    match rest {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !text.contains(['?', '#'])
                && !text.contains(char::is_whitespace) =>
        {
            Ok(text)
        }
        _ => Err(OptionsError::App(text)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, OptionsError> {
        match parse(args.iter().map(|a| a.to_string()))? {
            Command::Run(options) => Ok(options),
            Command::Help => panic!("help instead of options for {args:?}"),
        }
    }

    #[test]
    fn no_arguments_give_the_defaults() {
        let o = run(&[]).unwrap();
        assert_eq!(o.box_address.to_string(), "fritz.box:1012");
        assert_eq!(o.app, "http://127.0.0.1:8080/");
        assert_eq!(o.reconnect, Duration::from_secs(10));
        assert!(!o.print && !o.once);
        assert_eq!(o.number, None);
    }

    #[test]
    fn every_option_is_read() {
        let o = run(&[
            "--box",
            "192.168.178.1:1013",
            "--app",
            "https://example.org/klassenblick/",
            "--reconnect",
            "0",
            "--print",
            "--once",
        ])
        .unwrap();
        assert_eq!(
            o.box_address,
            BoxAddress {
                host: "192.168.178.1".into(),
                port: 1013
            }
        );
        assert_eq!(o.app, "https://example.org/klassenblick/");
        assert_eq!(o.reconnect, Duration::ZERO);
        assert!(o.print && o.once);
    }

    #[test]
    fn an_equals_sign_works_like_a_separate_value() {
        let o = run(&["--box=fritz.box", "--reconnect=3", "--nummer=+49 171"]).unwrap();
        assert_eq!(o.box_address.to_string(), "fritz.box:1012");
        assert_eq!(o.reconnect, Duration::from_secs(3));
        assert_eq!(o.number.as_deref(), Some("+49 171"));
    }

    #[test]
    fn a_box_without_port_gets_the_call_monitor_port() {
        assert_eq!(run(&["--box", "fritz.box"]).unwrap().box_address.port, 1012);
        let v6 = BoxAddress::parse("fd00::1").unwrap();
        assert_eq!((v6.host.as_str(), v6.port), ("fd00::1", 1012));
        assert_eq!(v6.to_string(), "[fd00::1]:1012");
        let v6 = BoxAddress::parse("[fd00::1]:1013").unwrap();
        assert_eq!((v6.host.as_str(), v6.port), ("fd00::1", 1013));
    }

    #[test]
    fn a_bad_box_address_is_named() {
        for bad in [
            "",
            ":1012",
            "[fd00::1",
            "[fd00::1]1012",
            "fritz box",
            "http://fritz.box",
        ] {
            assert!(
                matches!(BoxAddress::parse(bad), Err(OptionsError::BoxAddress(_))),
                "{bad:?}"
            );
        }
        for bad in [
            "fritz.box:",
            "fritz.box:0",
            "fritz.box:65536",
            "fritz.box:x",
        ] {
            assert!(
                matches!(BoxAddress::parse(bad), Err(OptionsError::Port(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_bad_reconnect_delay_is_named() {
        for bad in ["-1", "1.5", "zehn", ""] {
            assert_eq!(
                run(&["--reconnect", bad]),
                Err(OptionsError::Reconnect(bad.into()))
            );
        }
    }

    #[test]
    fn the_app_must_be_a_plain_web_address() {
        assert!(run(&["--app", "HTTP://kb.local"]).is_ok());
        for bad in [
            "127.0.0.1:8080",
            "ftp://example.org/",
            "http://",
            "http:///anruf",
            "http://x/?a=b",
            "http://x/#top",
            "http://x/a b",
        ] {
            assert_eq!(run(&["--app", bad]), Err(OptionsError::App(bad.into())));
        }
    }

    #[test]
    fn a_missing_value_an_unknown_option_and_a_stray_value_are_errors() {
        assert_eq!(run(&["--box"]), Err(OptionsError::MissingValue("--box")));
        assert_eq!(run(&["--app"]), Err(OptionsError::MissingValue("--app")));
        assert_eq!(
            run(&["--fritz"]),
            Err(OptionsError::UnknownOption("--fritz".into()))
        );
        assert_eq!(
            run(&["fritz.box"]),
            Err(OptionsError::UnknownOption("fritz.box".into()))
        );
        assert_eq!(
            run(&["--print=ja"]),
            Err(OptionsError::UnexpectedValue("--print"))
        );
        assert_eq!(run(&["--nummer", " "]), Err(OptionsError::EmptyNumber));
    }

    #[test]
    fn help_wins_over_everything_before_it() {
        let args = ["--box", "fritz.box", "--help"].map(String::from);
        assert_eq!(parse(args), Ok(Command::Help));
        assert_eq!(parse(["-h".to_string()]), Ok(Command::Help));
    }

    #[test]
    fn errors_read_in_german() {
        assert_eq!(
            OptionsError::Reconnect("zehn".into()).to_string(),
            "--reconnect erwartet ganze Sekunden, nicht „zehn“"
        );
    }
}
