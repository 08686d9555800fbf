//! Word lists for the fictional demo and benchmark data, the seeded dice that pick from
//! them, and how a made-up person's name, firm, phone and mail are put together. Kept
//! apart so that the stories told in `demo.rs` stay readable. Every name and firm is
//! made up; mail domains are reserved example domains.

use crate::domain::customer::class::CustomerClass;
use crate::domain::customer::contact::{Channel, ContactResult};
use crate::domain::customer::hook::{CurrentNote, HookKind};
use crate::domain::customer::record::CustomerFields;
use chrono::{NaiveDate, TimeDelta};

pub const FEMALE_FIRST: &[&str] = &[
    "Anna",
    "Sabine",
    "Petra",
    "Claudia",
    "Monika",
    "Julia",
    "Katharina",
    "Birgit",
    "Ursula",
    "Heike",
    "Sandra",
    "Nicole",
    "Stefanie",
    "Martina",
    "Andrea",
    "Susanne",
    "Lea",
    "Sophie",
    "Marie",
    "Hannah",
    "Jana",
    "Ayşe",
    "Elif",
    "Agnieszka",
    "Bärbel",
    "Dörte",
    "Gülsen",
    "Christiane",
    "Renate",
    "Franziska",
    "Kerstin",
];

pub const MALE_FIRST: &[&str] = &[
    "Thomas",
    "Michael",
    "Andreas",
    "Stefan",
    "Frank",
    "Markus",
    "Christian",
    "Uwe",
    "Klaus",
    "Wolfgang",
    "Jörg",
    "Günter",
    "Matthias",
    "Tobias",
    "Florian",
    "Sebastian",
    "Jan",
    "Lukas",
    "Felix",
    "Niklas",
    "Mehmet",
    "Murat",
    "Piotr",
    "Björn",
    "Sören",
    "Jens",
    "Dirk",
    "Ralf",
    "Holger",
    "Bernd",
    "Karl-Heinz",
    "Hans-Peter",
];

pub const LAST: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Schmitz",
    "Krause",
    "Meier",
    "Lehmann",
    "Köhler",
    "Herrmann",
    "König",
    "Walter",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Vogel",
    "Keller",
    "Günther",
    "Berger",
    "Winkler",
    "Roth",
    "Beck",
    "Lorenz",
    "Baumann",
    "Franke",
    "Albrecht",
    "Böhm",
    "Winter",
    "Krämer",
    "Vogt",
    "Jäger",
    "Sommer",
    "Groß",
    "Seidel",
    "Brandt",
    "Haas",
    "Graf",
    "Dietrich",
    "Kühn",
    "Pohl",
    "Engel",
    "Horn",
    "Busch",
    "Voigt",
    "Strauß",
    "Öztürk",
    "Yılmaz",
    "Nowak",
    "Kowalski",
    "Dąbrowski",
    "Papadopoulos",
    "Fußmann",
    "Brückner",
    "Thießen",
    "Löwe",
];

/// Firm names; `{L}` stands for the owner's last name. Each firm carries the products a
/// business of its kind typically has with an adviser.
pub const FIRMS: &[(&str, &[&str])] = &[
    (
        "{L} Haustechnik GmbH",
        &["Betriebshaftpflicht", "Kfz-Flotte"],
    ),
    ("Elektro {L}", &["Betriebshaftpflicht", "Inhalt"]),
    ("Malerbetrieb {L}", &["Betriebshaftpflicht", "Kfz"]),
    ("Tischlerei {L}", &["Inhalt", "Betriebsunterbrechung"]),
    ("Dachdeckerei {L} & Söhne", &["Betriebshaftpflicht", "bAV"]),
    ("Kfz-Werkstatt {L}", &["Betriebshaftpflicht", "Inhalt"]),
    ("Zahnarztpraxis Dr. {L}", &["Praxisinhalt", "BU"]),
    ("Physiotherapie {L}", &["Berufshaftpflicht", "Praxisinhalt"]),
    ("Tierarztpraxis {L}", &["Berufshaftpflicht", "Praxisinhalt"]),
    (
        "Kanzlei {L} & Partner",
        &["Vermögensschaden-Haftpflicht", "bAV"],
    ),
    (
        "Steuerberatung {L}",
        &["Vermögensschaden-Haftpflicht", "Cyber"],
    ),
    ("Café {L}", &["Inhalt", "Betriebsunterbrechung"]),
    ("Gasthaus {L}", &["Inhalt", "Betriebshaftpflicht"]),
    ("Bäckerei {L}", &["Inhalt", "Betriebsunterbrechung", "bAV"]),
    ("{L} Logistik GmbH", &["Kfz-Flotte", "Transport"]),
    ("{L} IT-Service GmbH", &["Cyber", "Betriebshaftpflicht"]),
    (
        "{L} Immobilien GmbH",
        &["Vermögensschaden-Haftpflicht", "Wohngebäude"],
    ),
    ("Blumen {L}", &["Inhalt", "Glas"]),
    ("Optik {L} e. K.", &["Inhalt", "Betriebshaftpflicht"]),
    ("Friseursalon {L}", &["Inhalt", "Betriebshaftpflicht"]),
];

/// Products of private customers, roughly from the entry product to the big ones.
pub const PRIVATE_PRODUCTS: &[&str] = &[
    "Kfz",
    "Haftpflicht",
    "Hausrat",
    "Rechtsschutz",
    "Wohngebäude",
    "Unfall",
    "Krankenzusatz",
    "BU",
    "Altersvorsorge",
    "Riester",
    "Fondssparplan",
    "Risikoleben",
    "Pflegezusatz",
    "Baufinanzierung",
];

pub const MOBILE_PREFIXES: &[&str] = &[
    "151", "152", "157", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176",
    "177", "178", "179",
];

/// Area codes without the leading zero, with the length of local numbers there.
pub const AREA_CODES: &[(&str, u32)] = &[
    ("30", 7),
    ("40", 7),
    ("89", 8),
    ("221", 7),
    ("69", 7),
    ("711", 7),
    ("211", 6),
    ("351", 7),
    ("341", 6),
    ("511", 7),
    ("911", 6),
    ("421", 6),
    ("6131", 6),
    ("7721", 5),
];

pub const MAIL_DOMAINS: &[&str] = &[
    "beispiel.de",
    "example.com",
    "example.org",
    "example.net",
    "mail.beispiel.de",
];

/// The team: whoever logged a contact or changed a class.
pub const STAFF: &[&str] = &["Anna Becker", "Jonas Krüger", "Selin Öztürk"];

pub const NOTE_FRAGMENTS: &[&str] = &[
    "Ruft am liebsten vormittags an.",
    "Bevorzugt Kontakt per E-Mail.",
    "Zwei Kinder, die Tochter beginnt bald ihre Ausbildung.",
    "Hat im Frühjahr ein Reihenhaus gekauft, Finanzierung über die Hausbank.",
    "Betrieb mit sechs Mitarbeitern, sucht Lösung für die Mitarbeiterbindung.",
    "Empfohlen von einem Bestandskunden.",
    "Ehepartner ist bei Terminen gern dabei.",
    "Plant in drei Jahren den Ruhestand, Nachfolge im Betrieb noch offen.",
    "Fährt viel beruflich, Rückruf am besten nach 17 Uhr.",
    "Hat die Altersvorsorge bisher aufgeschoben.",
    "Sehr preisbewusst, vergleicht gern online.",
    "Selbstständig seit zwei Jahren, Einkommen schwankt noch.",
    "Sohn studiert im Ausland.",
    "Möchte Unterlagen immer schriftlich.",
    "Hund im Haushalt – Tierhalterhaftpflicht fehlt noch.",
    "Neues Firmenfahrzeug in Planung.",
    "War mit der Schadenregulierung sehr zufrieden.",
    "Spricht auch Englisch, Unterlagen gern zweisprachig.",
    "Erbschaft angedeutet, Anlagebedarf möglich.",
    "Ist im Vorstand des örtlichen Sportvereins.",
];

/// Texts of current notes, per hook kind, in the words a colleague would leave.
pub fn note_texts(hook: &HookKind) -> &'static [&'static str] {
    match hook {
        HookKind::ExtraBenefit => &[
            "Kfz und Hausrat bündeln: Schutzbrief ohne Aufpreis anbieten.",
            "Hausrat um Fahrraddiebstahl rund um die Uhr ergänzen.",
            "Haftpflicht: neuer Tarif deckt jetzt auch Schlüsselverlust ab.",
            "Unfallversicherung mit Reha-Management als Zusatz vorschlagen.",
        ],
        HookKind::LegalChange => &[
            "Neue gesetzliche Regeln zur Altersvorsorge: Auswirkungen durchgehen.",
            "Gesetzesänderung bei der betrieblichen Altersvorsorge: Arbeitgeberzuschuss ansprechen.",
            "Neue Vorgaben zur Heizung: Wohngebäude-Deckung prüfen.",
            "Änderung beim Sonderausgabenabzug: Vorsorge-Beiträge neu rechnen.",
        ],
        HookKind::TimeLimitedPromotion => &[
            "Aktion Wohngebäude: Beitragsvorteil bei Abschluss bis Aktionsende.",
            "BU-Aktion mit vereinfachten Gesundheitsfragen – nur befristet.",
            "Aktion Kfz: Rabattschutz für ein Jahr gratis.",
            "Aktion Rechtsschutz: drei Monate beitragsfrei.",
        ],
        HookKind::SpecialAdvantage => &[
            "Treuebonus für Kunden mit drei oder mehr Verträgen möglich.",
            "Sondertarif für Kammerberufe anbieten.",
            "Beitragsvorteil durch Wechsel auf jährliche Zahlweise.",
            "Exklusiver Rahmenvertrag für Handwerksbetriebe verfügbar.",
        ],
        HookKind::ComprehensiveConsultation => &[
            "Rundum-Beratung vorschlagen: Vorsorge, Absicherung und Vermögen in einem Termin.",
            "Exklusivpaket für Familien vorstellen, Preisrahmen vorher klären.",
            "Gesamtcheck aller Verträge anbieten, viel liegt noch woanders.",
            "Jahresgespräch mit Bestandsaufnahme vereinbaren.",
        ],
        HookKind::Occasion | HookKind::Custom(_) => &[
            "Zehn Jahre Kunde: kleines Dankeschön persönlich vorbeibringen.",
            "Runder Geburtstag im nächsten Monat: Glückwunsch und Gesprächsangebot.",
        ],
    }
}

/// Where a current note stands against its end date, as the demo wants it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// No end date.
    Open,
    Expired,
    /// Ends within the two weeks that count as "expiring soon".
    Soon,
    Later,
}

/// A current note with a fitting text, written some days before `today`.
pub fn current_note(
    rng: &mut Rng,
    today: NaiveDate,
    hook: HookKind,
    validity: Validity,
) -> CurrentNote {
    let text = rng.pick(note_texts(&hook)).to_string();
    let (written_ago, ends_in) = match validity {
        Validity::Open => (rng.between(1, 60), None),
        Validity::Expired => {
            let ended = rng.between(1, 25);
            (ended + rng.between(14, 45), Some(-ended))
        }
        Validity::Soon => (rng.between(3, 30), Some(rng.between(1, 13))),
        Validity::Later => (rng.between(1, 20), Some(rng.between(30, 90))),
    };
    let shift = |days: i64| {
        today
            .checked_add_signed(TimeDelta::days(days))
            .unwrap_or(today)
    };
    CurrentNote {
        written: shift(-written_ago),
        hook,
        text,
        valid_until: ends_in.map(shift),
    }
}

/// Why a customer got in touch on their own.
pub const INBOUND_REASONS: &[&str] = &[
    "Frage zur Beitragsrechnung",
    "Adressänderung mitgeteilt",
    "Schadenmeldung Wasserschaden",
    "Schadenmeldung Glasbruch",
    "Fahrzeugwechsel gemeldet",
    "Rückfrage zur Jahresmitteilung",
    "Bitte um Versicherungsbestätigung",
    "Frage zur Kündigungsfrist",
    "Neue Bankverbindung",
    "Termin verschoben",
    "Frage zum Steuerbescheid und Vorsorge",
    "Geburt eines Kindes gemeldet",
];

/// Why we got in touch, per hook kind; `None` stands for contacts without a hook.
pub fn outbound_reasons(hook: Option<&HookKind>) -> &'static [&'static str] {
    match hook {
        Some(HookKind::ExtraBenefit) => &[
            "Bündelangebot Kfz mit Schutzbrief vorgestellt",
            "Zusatzbaustein Fahrraddiebstahl angeboten",
            "Reha-Management zur Unfallversicherung erklärt",
        ],
        Some(HookKind::LegalChange) => &[
            "Hinweis auf neue Regeln zur Altersvorsorge",
            "Gesetzesänderung bAV angesprochen",
            "Neue Heizungsvorgaben und Wohngebäude besprochen",
        ],
        Some(HookKind::TimeLimitedPromotion) => &[
            "Aktion Wohngebäude angeboten",
            "Befristete BU-Aktion vorgestellt",
            "Kfz-Aktion Rabattschutz angeboten",
        ],
        Some(HookKind::SpecialAdvantage) => &[
            "Treuebonus angeboten",
            "Sondertarif für Kammerberufe vorgestellt",
            "Rahmenvertrag für Handwerk erläutert",
        ],
        Some(HookKind::Occasion) => &[
            "Zum Geburtstag gratuliert",
            "An die Kündigungsfrist erinnert",
        ],
        Some(HookKind::ComprehensiveConsultation) => &[
            "Rundum-Beratung vorgeschlagen",
            "Exklusivpaket Vorsorge und Absicherung vorgestellt",
            "Gesamtcheck aller Verträge angeboten",
        ],
        Some(HookKind::Custom(_)) => &["Glückwunsch zum Jubiläum"],
        None => &[
            "Nachfass zum Angebot",
            "Terminbestätigung",
            "Unterlagen für Antrag angefordert",
            "Rückruf wie vereinbart",
        ],
    }
}

pub const REFUSAL_NOTES: &[&str] = &[
    "Kein Interesse, möchte nur den bestehenden Vertrag behalten.",
    "Hat schon einen Berater bei der Bank.",
    "Lehnt weitere Beratung ab, bitte nicht mehr anrufen.",
    "Gerade ungünstig, aber grundsätzlich kein Bedarf.",
];

/// A short remark that fits how the contact went.
fn contact_notes(result: ContactResult) -> &'static [&'static str] {
    match result {
        ContactResult::Reached => &[
            "War in Eile, kurz gehalten.",
            "Unterlagen kommen per Post.",
            "Alles geklärt.",
        ],
        ContactResult::Interested => &[
            "Angebot per E-Mail geschickt.",
            "Sehr offen, fragt nach Vergleichsrechnung.",
            "Will erst mit dem Ehepartner sprechen.",
        ],
        ContactResult::Appointment => &[
            "Termin im Büro vereinbart.",
            "Ehepartner soll beim Termin dabei sein.",
            "Termin beim Kunden vor Ort.",
        ],
        ContactResult::Refused => REFUSAL_NOTES,
        ContactResult::NotReached => &[
            "Mailbox, Nachricht hinterlassen.",
            "Besetzt, später erneut versuchen.",
            "Laut Büro ab 17 Uhr erreichbar.",
        ],
    }
}

/// Why a contact happened and, sometimes, a remark on how it went. A caller's own topic
/// comes first; a hook is what we brought up after it.
pub fn contact_texts(
    rng: &mut Rng,
    inbound: bool,
    hook: Option<&HookKind>,
    result: ContactResult,
) -> (String, String) {
    let reason = match (inbound, hook) {
        (true, None) => rng.pick(INBOUND_REASONS).to_string(),
        (true, Some(hook)) => format!(
            "{}; {}",
            rng.pick(INBOUND_REASONS),
            rng.pick(outbound_reasons(Some(hook)))
        ),
        (false, hook) => rng.pick(outbound_reasons(hook)).to_string(),
    };
    let note = if rng.chance(35) {
        rng.pick(contact_notes(result)).to_string()
    } else {
        String::new()
    };
    (reason, note)
}

pub const INBOUND_CHANNELS: &[(Channel, u64)] = &[
    (Channel::Phone, 60),
    (Channel::Email, 25),
    (Channel::Visit, 10),
    (Channel::Letter, 3),
    (Channel::Other, 2),
];

pub const OUTBOUND_CHANNELS: &[(Channel, u64)] = &[
    (Channel::Phone, 55),
    (Channel::Email, 25),
    (Channel::Letter, 10),
    (Channel::Visit, 5),
    (Channel::Other, 5),
];

/// A caller rarely says no outright; we hear it more often when we call.
pub const INBOUND_RESULTS: &[(ContactResult, u64)] = &[
    (ContactResult::Reached, 60),
    (ContactResult::Interested, 20),
    (ContactResult::Appointment, 15),
    (ContactResult::Refused, 5),
];

pub const OUTBOUND_RESULTS: &[(ContactResult, u64)] = &[
    (ContactResult::Reached, 25),
    (ContactResult::Interested, 20),
    (ContactResult::Appointment, 20),
    (ContactResult::NotReached, 25),
    (ContactResult::Refused, 10),
];

pub fn change_reason(from: CustomerClass, to: CustomerClass) -> &'static str {
    use CustomerClass::{A, B, C, O};
    match (from, to) {
        (O, B) => "Zweiter Vertrag abgeschlossen, Ertrag deutlich gestiegen",
        (B, A) => "Gewerbeabsicherung und bAV abgeschlossen",
        (O, C) => "Ausbau mehrfach abgelehnt, nur noch Grundbetreuung",
        (B, C) => "Betrieb verkleinert, Ertrag stark gesunken",
        (A, B) => "Großen Vertrag gekündigt, weiter ertragreich",
        _ => "Einstufung nach Jahresgespräch angepasst",
    }
}

/// SplitMix64's output function: a cheap, well-spread mix of 64 bits.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64: a few lines, no crate, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn seeded(seed: u64) -> Self {
        Rng(mix64(seed))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Inclusive on both ends.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = high.saturating_sub(low).max(0) as u64 + 1;
        low + (self.next_u64() % span) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// Only ever called with constant, non-empty lists.
    pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }

    pub fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.next_u64() % total.max(1);
        let mut chosen = items[0].0;
        for &(item, weight) in items {
            chosen = item;
            if roll < weight {
                break;
            }
            roll -= weight;
        }
        chosen
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Who a customer is and how to reach them: a person with the given last name. A
/// `business` owner also gets a firm with its typical products, reached at the office
/// first, while private customers are reached on their mobile.
pub fn identity(rng: &mut Rng, last: &str, business: bool) -> CustomerFields {
    let female = rng.chance(50);
    let first = rng.pick(if female { FEMALE_FIRST } else { MALE_FIRST });
    let mut phones = Vec::with_capacity(2);
    if business {
        let (pattern, products) = rng.pick(FIRMS);
        let company = pattern.replace("{L}", last);
        let contact_person = if rng.chance(50) {
            let salutation = if rng.chance(70) { "Frau" } else { "Herr" };
            let role = rng.pick(&["Büro", "Buchhaltung", "Sekretariat", "Prokura"]);
            format!("{salutation} {} ({role})", rng.pick(LAST))
        } else {
            String::new()
        };
        let mailbox = rng.pick(&["info", "kontakt", "buero"]);
        let email = format!("{mailbox}@{}.example", ascii_slug(&company, '-'));
        phones.push(phone(rng, false));
        if rng.chance(60) {
            phones.push(phone(rng, true));
        }
        return CustomerFields {
            name: format!("{first} {last}"),
            company,
            contact_person,
            email,
            phones,
            tags: products.iter().map(|p| p.to_string()).collect(),
            ..CustomerFields::default()
        };
    }
    let contact_person = match (rng.chance(15), female) {
        (false, _) => String::new(),
        (true, true) => format!("Ehemann {}", rng.pick(MALE_FIRST)),
        (true, false) => format!("Ehefrau {}", rng.pick(FEMALE_FIRST)),
    };
    let email = if rng.chance(80) {
        let domain = rng.pick(MAIL_DOMAINS);
        let (f, l) = (ascii_slug(first, '-'), ascii_slug(last, '-'));
        match rng.below(3) {
            0 => format!("{f}.{l}@{domain}"),
            1 => format!("{f}{l}@{domain}"),
            _ => format!("{}.{l}@{domain}", f.get(..1).unwrap_or_default()),
        }
    } else {
        String::new()
    };
    phones.push(phone(rng, true));
    if rng.chance(35) {
        phones.push(phone(rng, false));
    }
    CustomerFields {
        name: format!("{first} {last}"),
        contact_person,
        email,
        phones,
        ..CustomerFields::default()
    }
}

/// German numbers in the many ways people write them down.
pub fn phone(rng: &mut Rng, mobile: bool) -> String {
    if mobile {
        let prefix = rng.pick(MOBILE_PREFIXES);
        let n = rng.between(1_000_000, 9_999_999).to_string();
        match rng.below(4) {
            0 => format!("+49 {prefix} {n}"),
            1 => format!("0{prefix}/{n}"),
            2 => format!("0{prefix} {n}"),
            _ => format!("0{prefix} {} {} {}", &n[..3], &n[3..5], &n[5..]),
        }
    } else {
        let (area, digits) = rng.pick(AREA_CODES);
        let low = 2 * 10_i64.pow(digits - 1);
        let n = rng.between(low, 10_i64.pow(digits) - 1);
        match rng.below(3) {
            0 => format!("0{area} {n}"),
            1 => format!("0{area}/{n}"),
            _ => format!("+49 {area} {n}"),
        }
    }
}

/// Lower-case ASCII for mail addresses: umlauts spelt out, everything else a separator.
pub fn ascii_slug(text: &str, separator: char) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for ch in text.chars().flat_map(char::to_lowercase) {
        match ch {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ş' => out.push('s'),
            'ą' => out.push('a'),
            'a'..='z' | '0'..='9' => out.push(ch),
            _ if !out.is_empty() && !out.ends_with(separator) => out.push(separator),
            _ => {}
        }
    }
    while out.ends_with(separator) {
        out.pop();
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::customer::phone::normalize_phone;

    #[test]
    fn slugs_spell_out_umlauts() {
        let slug = |text| ascii_slug(text, '-');
        assert_eq!(
            slug("Dachdeckerei Weiß & Söhne"),
            "dachdeckerei-weiss-soehne"
        );
        assert_eq!(slug("Dr. Öztürk-Yılmaz, Ayşe"), "dr-oeztuerk-yilmaz-ayse");
        for name in FEMALE_FIRST.iter().chain(MALE_FIRST).chain(LAST) {
            assert!(!slug(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn phones_normalize_to_plausible_german_numbers() {
        let mut rng = Rng::seeded(3);
        for _ in 0..500 {
            let mobile = rng.chance(50);
            let number = phone(&mut rng, mobile);
            let digits = normalize_phone(&number);
            assert!((8..=11).contains(&digits.len()), "{number} → {digits}");
            assert_eq!(digits.starts_with('1'), mobile, "{number}");
        }
    }

    #[test]
    fn dice_stay_in_range_and_are_repeatable() {
        let (mut one, mut two) = (Rng::seeded(9), Rng::seeded(9));
        for _ in 0..1_000 {
            let value = one.between(-3, 3);
            assert!((-3..=3).contains(&value));
            assert_eq!(value, two.between(-3, 3));
        }
        assert_eq!(one.below(0), 0);
        let picks: Vec<u8> = (0..200).map(|_| one.weighted(&[(1, 1), (2, 0)])).collect();
        assert!(picks.iter().all(|&p| p == 1));
    }
}
