//! Deterministic synthetic news-like articles, shared by the benches (`#[path]`-included) and
//! by `examples/gen_corpus.rs`.
//!
//! Everything is driven by [`Rng`] (SplitMix64) from a caller-given seed, so a seed always
//! produces the same bytes on every platform. The prose mixes sentences assembled from word
//! lists (no numbers) with claim sentences drawn from templates covering the claim kinds the
//! extractor knows: counts with subjects, money in several spellings, percentages, ages,
//! durations, dates, measures, ordinals, qualifiers, vague quantities and ranges. The density
//! is about one claim per 150–300 bytes, like the bundled corpus.
#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "benchmark harness; each target uses a part of this module"
)]

use std::fmt::Write as _;

/// SplitMix64: tiny, fast, good enough for generating text, and identical everywhere.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`; the modulo bias is irrelevant here).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T: ?Sized>(&mut self, xs: &[&'a T]) -> &'a T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists.

/// Made-up outlets for front matter.
pub const OUTLETS: &[&str] = &[
    "Harbor Gazette",
    "Northern Wire",
    "Continental Dispatch",
    "Levant Ledger",
    "Crescent Post",
    "Ridgeline Wire",
    "Coastal Bulletin",
    "Ironvale Gazette",
    "Tarn Valley Post",
    "Kestrel Morning News",
    "Granite City Post",
    "Ashford Times",
    "Eastbrook Observer",
    "Lorne Standard",
    "Vellhaven Tribune",
    "Atlas Brief",
];

const FIRST: &[&str] = &[
    "Baquer",
    "Siamak",
    "Morad",
    "Emad",
    "Nazanin",
    "Kylie",
    "Anoosheh",
    "Jolie",
    "Mahsa",
    "Catherine",
    "Robert",
    "Ned",
    "Jake",
    "Ali",
    "Saeed",
    "Babak",
    "Elena",
    "Tomas",
    "Ingrid",
    "Marta",
    "Oskar",
    "Lucia",
    "Henrik",
    "Amara",
    "Kenji",
    "Priya",
    "Dmitri",
    "Fatima",
    "Jonas",
    "Leila",
    "Pablo",
    "Sofia",
    "Yusuf",
    "Greta",
    "Hamid",
    "Irene",
    "Viktor",
    "Noor",
    "Felix",
    "Ana",
    "Rahul",
    "Ming",
    "Olga",
    "Samir",
    "Clara",
    "Idris",
    "Wanjiru",
    "Tariq",
    "Esther",
    "Mateo",
];

const LAST: &[&str] = &[
    "Namazi",
    "Tahbaz",
    "Shargi",
    "Zaghari",
    "Moore",
    "Ashoori",
    "Malley",
    "Colonna",
    "Price",
    "Sullivan",
    "Rabiei",
    "Khatibzadeh",
    "Lindqvist",
    "Okafor",
    "Novak",
    "Haddad",
    "Brennan",
    "Castillo",
    "Duarte",
    "Eriksen",
    "Fischer",
    "Guerrero",
    "Hoffmann",
    "Ibrahim",
    "Jansen",
    "Kowalski",
    "Laurent",
    "Mendoza",
    "Nakamura",
    "Olsen",
    "Petrov",
    "Quinn",
    "Rossi",
    "Sato",
    "Takahashi",
    "Umarov",
    "Vasquez",
    "Wagner",
    "Xu",
    "Yilmaz",
    "Zimmermann",
    "Abbasi",
    "Barros",
    "Cohen",
    "Dimitrov",
    "Esposito",
    "Farouk",
    "Gallagher",
    "Horvath",
    "Iqbal",
    "Jovanovic",
    "Kuznetsov",
    "Lambert",
    "Mwangi",
    "Nilsson",
    "Ortega",
    "Pereira",
    "Rahimi",
    "Schmidt",
    "Tanaka",
];

/// Plural head nouns for counted groups (each keeps its own subject key).
pub const NOUNS: &[&str] = &[
    "miners",
    "workers",
    "passengers",
    "residents",
    "students",
    "soldiers",
    "civilians",
    "nurses",
    "doctors",
    "firefighters",
    "police officers",
    "protesters",
    "journalists",
    "children",
    "villagers",
    "fishermen",
    "tourists",
    "migrants",
    "farmers",
    "engineers",
    "pilots",
    "sailors",
    "climbers",
    "hikers",
    "drivers",
    "guards",
    "teachers",
    "volunteers",
    "patients",
    "pilgrims",
    "divers",
    "crew members",
    "contractors",
    "employees",
    "inmates",
    "refugees",
    "spectators",
    "athletes",
    "officials",
    "staff",
];

/// Clause words that give a count its role (all known to the default lexicon).
pub const ROLES: &[&str] = &[
    "were killed",
    "were injured",
    "were rescued",
    "were evacuated",
    "remain missing",
    "were displaced",
    "were detained",
    "were released",
    "were arrested",
    "were wounded",
];

const NATIONALITIES: &[&str] = &[
    "American",
    "Iranian",
    "French",
    "British",
    "German",
    "Austrian",
    "Swedish",
    "Canadian",
    "Australian",
    "Belgian",
    "Dutch",
    "Italian",
];

const DETAINEE_NOUNS: &[&str] = &["detainees", "hostages", "prisoners", "nationals", "citizens"];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: &[&str] =
    &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const SMALL: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const ORDINALS: &[&str] =
    &["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

const QUALIFIERS: &[&str] = &[
    "at least ",
    "more than ",
    "nearly ",
    "about ",
    "up to ",
    "fewer than ",
    "almost ",
    "some ",
    "roughly ",
    "over ",
    "",
    "",
    "",
    "",
];

const VAGUE: &[&str] =
    &["dozens of", "several", "hundreds of", "a handful of", "scores of", "many", "a few"];

const SOURCES: &[&str] = &[
    "officials said",
    "the ministry said",
    "according to local media",
    "a spokesperson told reporters",
    "rights groups say",
    "the company confirmed",
    "police said",
    "state television reported",
    "the agency said in a statement",
    "witnesses said",
];

const PLACES: &[&str] = &[
    "the capital",
    "the northern province",
    "the coastal town",
    "the border region",
    "the mining district",
    "the river valley",
    "the old quarter",
    "the industrial zone",
    "the southern highlands",
    "the port city",
];

// Filler: subject + verb phrase + object + tail, none containing a number or number word.
const F_SUBJ: &[&str] = &[
    "Officials in the region",
    "The government",
    "Local residents",
    "The opposition",
    "Rights groups",
    "The company",
    "Analysts",
    "Diplomats",
    "Emergency services",
    "The prime minister",
    "A senior official",
    "The foreign ministry",
    "Investigators",
    "Union leaders",
    "The regional governor",
    "Critics of the plan",
    "Community leaders",
    "The embassy",
];

const F_VERB: &[&str] = &[
    "declined to comment on",
    "called for an inquiry into",
    "expressed concern about",
    "have long criticised",
    "said they were still assessing",
    "promised a swift response to",
    "were briefed on",
    "warned of delays in",
    "played down reports of",
    "welcomed",
    "pledged to review",
    "did not respond to questions about",
    "have repeatedly denied",
    "pointed to",
];

const F_OBJ: &[&str] = &[
    "the investigation",
    "the negotiations",
    "the safety record of the site",
    "the handling of the crisis",
    "the proposed agreement",
    "the conditions in the detention centre",
    "the relief effort",
    "the sanctions regime",
    "the rescue operation",
    "the new regulations",
    "the cost of reconstruction",
    "the allegations",
    "the talks in Vienna",
    "the reports from the scene",
];

const F_TAIL: &[&str] = &[
    "",
    "",
    " as pressure mounted on the authorities",
    " in a statement released late in the evening",
    ", saying more details would follow",
    " during a press conference",
    " amid growing public anger",
    ", according to people familiar with the matter",
    " while the weather made access difficult",
    " and urged calm",
    " after a meeting with families",
    ", though few details were given",
];

const TITLE_A: &[&str] = &[
    "Rescuers race against time",
    "Talks on prisoner exchange stall",
    "Families demand answers",
    "Officials revise figures",
    "Markets react",
    "Investigation widens",
    "Storm leaves trail of damage",
    "Government under pressure",
];

const TITLE_B: &[&str] = &[
    "after disaster",
    "as deadline nears",
    "amid conflicting reports",
    "in the border region",
    "over detainee deal",
    "as death toll rises",
    "after weeks of protests",
];

// ---------------------------------------------------------------------------------------------
// Number renderings.

/// A count as words (up to twenty, sometimes) or digits (with thousands separators).
fn count(rng: &mut Rng, n: u64, capital: bool) -> String {
    let s = if n <= 20 && rng.chance(50) { SMALL[n as usize].to_string() } else { grouped(n) };
    if capital {
        capitalise(&s)
    } else {
        s
    }
}

/// `1234567` → `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A plausible count: mostly small, sometimes hundreds or thousands.
fn amount(rng: &mut Rng) -> u64 {
    match rng.below(10) {
        0..=4 => rng.range(2, 20),
        5..=7 => rng.range(21, 300),
        8 => rng.range(301, 5000),
        _ => rng.range(5001, 250_000),
    }
}

fn money(rng: &mut Rng) -> String {
    let n = rng.range(1, 950);
    let dec = rng.range(1, 9);
    match rng.below(10) {
        0 => format!("${n}bn"),
        1 => format!("US${n} billion"),
        2 => format!("{n} billion dollars"),
        3 => format!("€{n}m"),
        4 => format!("£{}", grouped(n * 1000)),
        5 => format!("${n}.{dec} million"),
        6 => format!("€{n} million"),
        7 => format!("£{n}.{dec}bn"),
        8 => format!("{n} million euros"),
        _ => format!("${}", grouped(n * 10_000)),
    }
}

fn percent(rng: &mut Rng) -> String {
    let n = rng.range(1, 99);
    match rng.below(4) {
        0 => format!("{n}%"),
        1 => format!("{n} percent"),
        2 => format!("{n}.{} per cent", rng.range(1, 9)),
        _ => format!("{n} per cent"),
    }
}

fn duration(rng: &mut Rng) -> String {
    let n = rng.range(2, 12) as usize;
    match rng.below(7) {
        0 => "more than a decade".to_string(),
        1 => format!("{} months", SMALL[n]),
        2 => format!("{n} years"),
        3 => format!("nearly {} weeks", SMALL[n]),
        4 => "almost two decades".to_string(),
        5 => format!("{} days", SMALL[n]),
        _ => format!("about {n} years"),
    }
}

fn date(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => format!("last {}", rng.pick(MONTHS)),
        1 => format!("on {}", rng.pick(WEEKDAYS)),
        2 => format!("in {}", rng.range(2005, 2023)),
        3 => format!("in {} {}", rng.pick(MONTHS), rng.range(2005, 2023)),
        4 => format!("on {} {}", rng.range(1, 28), rng.pick(MONTHS)),
        5 => "last week".to_string(),
        6 => format!("on {} {}, {}", rng.pick(MONTHS), rng.range(1, 28), rng.range(2010, 2023)),
        _ => "earlier this month".to_string(),
    }
}

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

/// The `i`-th distinct person name (`FIRST × LAST`, then numbered generations).
pub fn nth_name(i: usize) -> String {
    let first = FIRST[i % FIRST.len()];
    let last = LAST[(i / FIRST.len()) % LAST.len()];
    let gen = i / (FIRST.len() * LAST.len());
    if gen == 0 {
        format!("{first} {last}")
    } else {
        // Extra generations get a made-up middle name so the subject key stays distinct.
        format!("{first} {} {last}", syllables(gen))
    }
}

/// A pronounceable made-up word for `n` (bijective base-12 over syllables).
fn syllables(mut n: usize) -> String {
    const S: &[&str] = &["ka", "lo", "ri", "ve", "su", "ta", "mi", "no", "da", "pe", "zo", "bu"];
    let mut out = String::new();
    while n > 0 {
        n -= 1;
        out.push_str(S[n % S.len()]);
        n /= S.len();
    }
    capitalise(&out)
}

// ---------------------------------------------------------------------------------------------
// Sentences.

fn filler(rng: &mut Rng) -> String {
    format!("{} {} {}{}.", rng.pick(F_SUBJ), rng.pick(F_VERB), rng.pick(F_OBJ), rng.pick(F_TAIL))
}

/// A sentence with one to three claims.
fn claim_sentence(rng: &mut Rng) -> String {
    let src = rng.pick(SOURCES);
    let place = rng.pick(PLACES);
    match rng.below(20) {
        0 => {
            let n = amount(rng);
            format!(
                "{}{} {} {} in {place} {}, {src}.",
                capitalise(rng.pick(QUALIFIERS)),
                count(rng, n, false),
                rng.pick(NOUNS),
                rng.pick(ROLES),
                date(rng)
            )
        }
        1 => {
            let n = amount(rng);
            let q = rng.pick(QUALIFIERS);
            format!(
                "{} {q}{} {} {}.",
                capitalise(src),
                count(rng, n, false),
                rng.pick(NOUNS),
                rng.pick(ROLES)
            )
        }
        2 => {
            let n = rng.range(2, 20);
            format!(
                "There are {} {} {} held in Iran, and {} dual nationals remain in custody.",
                count(rng, n, false),
                rng.pick(NATIONALITIES),
                rng.pick(DETAINEE_NOUNS),
                format_args!("at least {}", rng.range(3, 40))
            )
        }
        3 => format!(
            "The deal would free up {} in frozen funds, {src}, and the talks began {}.",
            money(rng),
            date(rng)
        ),
        4 => format!(
            "The company reported revenue of {}, up from {} a year earlier.",
            money(rng),
            money(rng)
        ),
        5 => format!(
            "Support for the plan stood at {}, while {} of those polled were opposed.",
            percent(rng),
            percent(rng)
        ),
        6 => {
            let age = rng.range(19, 88);
            format!("{}, {age}, has been held for {}, {src}.", name(rng), duration(rng))
        }
        7 => {
            let age = rng.range(16, 70);
            format!(
                "A {age}-year-old {} died in {place} {}.",
                rng.pick(&["student", "teacher", "driver", "woman", "man", "nurse"]),
                date(rng)
            )
        }
        8 => format!(
            "{} {} {} near {place}, {src}.",
            capitalise(rng.pick(VAGUE)),
            rng.pick(NOUNS),
            rng.pick(ROLES)
        ),
        9 => {
            let lo = rng.range(2, 30);
            let hi = lo + rng.range(1, 10);
            format!(
                "Between {lo} and {hi} {} {}, and {} more were unaccounted for.",
                rng.pick(NOUNS),
                rng.pick(ROLES),
                rng.pick(&["many", "several", "a few", "dozens"])
            )
        }
        10 => format!(
            "Winds of {} mph tore through {place}, and the fire burned {} acres.",
            rng.range(40, 160),
            grouped(rng.range(50, 90_000))
        ),
        11 => format!(
            "The {}.{}-magnitude earthquake struck {place} {}.",
            rng.range(4, 8),
            rng.range(0, 9),
            date(rng)
        ),
        12 => format!(
            "Negotiators will meet for the {} round of talks {}.",
            rng.pick(ORDINALS),
            date(rng)
        ),
        13 => format!(
            "Inflation rose {} in {}, and unemployment fell by {}.",
            percent(rng),
            rng.pick(MONTHS),
            percent(rng)
        ),
        14 => format!(
            "{} was sentenced to {} years in prison {} and fined {}.",
            name(rng),
            rng.range(2, 15),
            date(rng),
            money(rng)
        ),
        15 => {
            let n = amount(rng);
            format!(
                "{} {} {} and {} others were injured when the {} collapsed.",
                count(rng, n, true),
                rng.pick(NOUNS),
                rng.pick(&["were killed", "died", "lost their lives"]),
                rng.pick(&["many", "several", "dozens of", "a few", "scores of"]),
                rng.pick(&["mine shaft", "bridge", "building", "stand", "roof"])
            )
        }
        16 => format!(
            "The authorities have spent {} on the programme over {}.",
            money(rng),
            duration(rng)
        ),
        17 => format!(
            "{} in {} {}, the toll had reached {}.",
            capitalise(src),
            rng.pick(MONTHS),
            rng.range(2010, 2023),
            grouped(amount(rng))
        ),
        18 => {
            let n = rng.range(2, 9) as usize;
            format!(
                "All {} {} {} had been freed by {}.",
                SMALL[n],
                rng.pick(NATIONALITIES),
                rng.pick(DETAINEE_NOUNS),
                rng.pick(WEEKDAYS)
            )
        }
        _ => format!(
            "Shares {} {} after the announcement, erasing {} in market value.",
            rng.pick(&["rose", "fell", "dropped", "climbed"]),
            percent(rng),
            money(rng)
        ),
    }
}

fn push_date(out: &mut String, rng: &mut Rng) {
    let _ =
        write!(out, "{:04}-{:02}-{:02}", rng.range(2012, 2024), rng.range(1, 12), rng.range(1, 28));
}

fn front_matter(out: &mut String, rng: &mut Rng, i: usize) {
    let outlet = rng.pick(OUTLETS);
    out.push_str("---\npublished: ");
    push_date(out, rng);
    let _ = write!(
        out,
        "\noutlet: {outlet}\ntitle: {} {}\nurl: https://example.com/synthetic/{i}\n---\n\n",
        rng.pick(TITLE_A),
        rng.pick(TITLE_B)
    );
}

/// Article number `i` of a synthetic corpus: front matter, then four to nine paragraphs of
/// two to five sentences, about a quarter of them with claims (one to three claims each).
pub fn article(rng: &mut Rng, i: usize) -> String {
    let mut out = String::with_capacity(3000);
    front_matter(&mut out, rng, i);
    let paragraphs = rng.range(4, 9);
    for _ in 0..paragraphs {
        let sentences = rng.range(2, 5);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            if rng.chance(25) {
                out.push_str(&claim_sentence(rng));
            } else {
                out.push_str(&filler(rng));
            }
        }
        out.push_str("\n\n");
    }
    out
}

/// At least `bytes` bytes of articles (concatenated, each with its front matter) from `seed`.
pub fn corpus(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&article(&mut rng, i));
        i += 1;
    }
    out
}

/// Article bodies only (no front matter), at least `bytes` long: the text `extract` sees when
/// a caller passes prose.
pub fn prose(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        out.push_str(&claim_sentence(&mut rng));
        out.push(' ');
        out.push_str(&filler(&mut rng));
        out.push(' ');
        out.push_str(&filler(&mut rng));
        out.push(if rng.chance(25) { '\n' } else { ' ' });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Inputs for reconciliation.

/// How the claims of a reconciliation input are spread over subjects.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// About eight claims per subject: many small groups.
    Spread,
    /// Four subjects share every claim: a few huge groups.
    Concentrated,
}

/// One claim sentence about subject `s`: a count (`NOUNS × ROLES`) or, past those, the age of
/// a distinct person.
fn subject_claim(rng: &mut Rng, s: usize) -> String {
    let pairs = NOUNS.len() * ROLES.len();
    if s < pairs {
        let noun = NOUNS[s % NOUNS.len()];
        let role = ROLES[s / NOUNS.len()];
        let n = rng.range(10, 40);
        let q = rng.pick(&["", "", "at least ", "more than ", "about ", "nearly "]);
        format!("Officials said {q}{n} {noun} {role} in the region.")
    } else {
        let age = rng.range(30, 80);
        format!("{}, {age}, remains in custody.", nth_name(s - pairs))
    }
}

/// Synthetic articles holding `claims` claims in total (`per_article` each), for
/// `Checker::add_text`. Returns `(name, text)` pairs; published dates vary over four years.
pub fn reconcile_inputs(
    claims: usize,
    per_article: usize,
    shape: Shape,
    seed: u64,
) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let subjects = match shape {
        Shape::Spread => (claims / 8).max(1),
        Shape::Concentrated => 4,
    };
    let articles = claims.div_ceil(per_article);
    let mut out = Vec::with_capacity(articles);
    for a in 0..articles {
        let mut text = String::with_capacity(64 + per_article * 64);
        text.push_str("---\npublished: ");
        push_date(&mut text, &mut rng);
        text.push_str("\n---\n");
        for _ in 0..per_article {
            let s = rng.below(subjects);
            text.push_str(&subject_claim(&mut rng, s));
            text.push(' ');
        }
        text.push('\n');
        out.push((format!("a{a:07}.txt"), text));
    }
    out
}
