//! Conformance against the English spec files of Microsoft Recognizers-Text.
//!
//! The cases live outside the crate, in `../shared/conformance/recognizers-en/*.jsonl` (one JSON
//! object per line; the format is described in `../shared/conformance/README.md`). When that
//! folder is absent the test prints a `SKIPPED` line and passes, except under `CI=true`, where
//! the folder must exist.
//!
//! Only the public API is used: [`claimcheck::extract`] and
//! [`claimcheck::report::ClaimRecord`], read back through `serde_json`.
//!
//! # Matching policy (lenient)
//!
//! * An expected entity is **matched** by an extracted claim whose byte span overlaps the
//!   expected span (the spec's inclusive character offsets are converted to byte offsets) and
//!   whose value agrees. One claim may match several entities ("between 3 and 5" matches both
//!   the `3` and the `5` of the number model).
//! * A single expected value agrees with a claim when it equals the claim's `low` or `high`,
//!   with relative tolerance 1e-9; 1e-6 for fractions (the spec rounds `1/3` to 15 digits) and
//!   durations. The claim's qualifier is not checked.
//! * A `numberrange` value agrees when its bounds equal the claim's `low` and `high`. A one-sided
//!   range must also have the matching qualifier: `(20,)` is `more_than` 20, `[20,)` is
//!   `at_least` 20, `(,20)` is `fewer_than` 20 and `(,20]` is `at_most` 20. Inclusivity of
//!   two-sided ranges is not checked (the spec writes "between 20 and 30" as `[20,30)`).
//! * Units: currency names map to ISO 4217 codes (the spec's `iso_currency` when it gives one,
//!   else the table [`CURRENCIES`]; `Cent`, `Pence` and `Penny` are hundredths of USD or GBP;
//!   unknown currencies never match). Percentages need unit `percent`, ages the time unit
//!   (`Year` → `year`, …), ordinals a claim of kind `ordinal`. Durations are compared in
//!   seconds (year = 365 days, month = 30 days), dimensions by unit name with British spelling.
//!   Number and number-range entities accept a claim of any kind and unit.
//! * A case with an empty `expected` list (a negative case) passes when no claim of the file's
//!   category is extracted (see [`Category::claims`]): a date found in " the May 4th " does
//!   not fail the number model, a count does.
//! * A case passes when every expected entity is matched. Extra claims on positive cases are
//!   not penalised.
//! * Entities we do not model (`ordinal.relative` such as "next" or "penultimate", a bare
//!   currency word or "percent" with no number) are out of scope: a case that fails only on
//!   them is counted as "excluded" (reported in the table, left out of the rate), as the
//!   conformance README suggests for out-of-scope types.
//! * Cases whose `not_supported` (or `not_supported_by_design`) list contains `dotnet` fail on
//!   every reference implementation; they are counted as "excluded" and left out of the rate.
//!
//! Files `number`, `numberrange`, `ordinal`, `percent`, `currency` and `age` are in scope and
//! have floors ([`FLOOR`], [`FILE_FLOORS`]); `duration` and `dimension` are reported as extras.
//! The table goes to stderr and `target/conformance-report.txt`; every failing case, with what
//! was extracted, goes to `target/conformance-failures.txt`.

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test harness: a failure aborts with its context"
)]

use claimcheck::report::ClaimRecord;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
use std::error::Error;
use std::fmt::{self, Write as _};
use std::fs;
use std::path::{Path, PathBuf};

/// Errors carry their context (file, line, input) as text.
type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Overall in-scope pass rate floor, in percent (measured rate rounded down).
const FLOOR: u32 = 89;

/// Per-file pass rate floors, in percent (measured rates rounded down).
const FILE_FLOORS: &[(Category, u32)] = &[
    (Category::Number, 83),
    (Category::NumberRange, 97),
    (Category::Ordinal, 75),
    (Category::Percent, 100),
    (Category::Currency, 94),
    (Category::Age, 100),
];

/// Spec currency names (lower-cased) without an `iso_currency`: accepted ISO codes and the
/// factor from the spec's value to an amount in those codes.
const CURRENCIES: &[(&str, &[&str], f64)] = &[
    ("dollar", &["USD"], 1.0),
    ("finnish markka", &["FIM"], 1.0),
    ("peseta", &["ESP"], 1.0),
    ("netherlands guilder", &["NLG"], 1.0),
    ("united states dollar", &["USD"], 1.0),
    ("canadian dollar", &["CAD"], 1.0),
    ("australian dollar", &["AUD"], 1.0),
    ("hong kong dollar", &["HKD"], 1.0),
    ("new zealand dollar", &["NZD"], 1.0),
    ("euro", &["EUR"], 1.0),
    ("pound", &["GBP"], 1.0),
    ("british pound", &["GBP"], 1.0),
    ("japanese yen", &["JPY"], 1.0),
    ("chinese yuan", &["CNY"], 1.0),
    ("swiss franc", &["CHF"], 1.0),
    // The spec leaves "francs" unqualified; in its sentences they are mostly French.
    ("franc", &["CHF", "FRF"], 1.0),
    ("rupee", &["INR"], 1.0),
    ("cent", &["USD"], 0.01),
    ("pence", &["GBP"], 0.01),
    ("penny", &["GBP"], 0.01),
];

/// Seconds per time unit, as the spec counts them.
const SECONDS: &[(&str, f64)] = &[
    ("year", 31_536_000.0),
    ("month", 2_592_000.0),
    ("week", 604_800.0),
    ("day", 86_400.0),
    ("hour", 3_600.0),
    ("minute", 60.0),
    ("second", 1.0),
];

/// One spec file, and the kind of claim it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    Number,
    NumberRange,
    Ordinal,
    Percent,
    Currency,
    Age,
    Duration,
    Dimension,
}

impl Category {
    const ALL: [Category; 8] = [
        Category::Number,
        Category::NumberRange,
        Category::Ordinal,
        Category::Percent,
        Category::Currency,
        Category::Age,
        Category::Duration,
        Category::Dimension,
    ];

    fn file(self) -> &'static str {
        match self {
            Category::Number => "number.jsonl",
            Category::NumberRange => "numberrange.jsonl",
            Category::Ordinal => "ordinal.jsonl",
            Category::Percent => "percent.jsonl",
            Category::Currency => "currency.jsonl",
            Category::Age => "age.jsonl",
            Category::Duration => "duration.jsonl",
            Category::Dimension => "dimension.jsonl",
        }
    }

    fn in_scope(self) -> bool {
        !matches!(self, Category::Duration | Category::Dimension)
    }

    /// Whether a claim belongs to this category, for negative cases.
    fn claims(self, f: &Found) -> bool {
        let numeric = matches!(f.kind.as_str(), "count" | "number" | "fraction");
        match self {
            Category::Number => numeric,
            Category::NumberRange => {
                numeric
                    && matches!(
                        f.qualifier.as_str(),
                        "range" | "at_least" | "more_than" | "at_most" | "fewer_than"
                    )
            }
            Category::Ordinal => f.kind == "ordinal",
            Category::Percent => f.kind == "percent",
            Category::Currency => f.kind == "money",
            Category::Age => f.kind == "age",
            Category::Duration => f.kind == "duration",
            Category::Dimension => f.kind == "measure",
        }
    }
}

/// Why a case failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    Missed,
    WrongValue,
    WrongUnit,
    Spurious,
    OutOfScope,
}

impl Reason {
    const ALL: [Reason; 5] = [
        Reason::Missed,
        Reason::WrongValue,
        Reason::WrongUnit,
        Reason::Spurious,
        Reason::OutOfScope,
    ];
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reason::Missed => "missed entity",
            Reason::WrongValue => "wrong value",
            Reason::WrongUnit => "wrong unit/kind",
            Reason::Spurious => "spurious claim (negative case)",
            Reason::OutOfScope => "out-of-scope type",
        })
    }
}

/// One line of a spec file.
#[derive(Deserialize)]
struct Case {
    input: String,
    expected: Vec<Expected>,
    #[serde(default)]
    not_supported: Option<String>,
    #[serde(default)]
    not_supported_by_design: Option<String>,
}

impl Case {
    /// No reference implementation passes these.
    fn excluded(&self) -> bool {
        [&self.not_supported, &self.not_supported_by_design]
            .into_iter()
            .flatten()
            .any(|platforms| platforms.contains("dotnet"))
    }
}

/// One expected entity (the `resolution` copy is not read).
#[derive(Deserialize, Serialize)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: Option<String>,
    unit: Option<String>,
    range: Option<SpecRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subtype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iso_currency: Option<String>,
    /// First character.
    start: usize,
    /// Last character (inclusive).
    end: usize,
}

impl Expected {
    /// The span as UTF-8 byte offsets, end exclusive.
    fn byte_span(&self, input: &str) -> Option<(usize, usize)> {
        let mut bounds = input.char_indices().map(|(b, _)| b).chain([input.len()]);
        let start = bounds.nth(self.start)?;
        let end = bounds.nth(self.end.checked_sub(self.start)?)?;
        Some((start, end))
    }
}

/// The bounds of a `numberrange` value; an open side is null.
#[derive(Deserialize, Serialize)]
struct SpecRange {
    min: Option<String>,
    max: Option<String>,
    min_inclusive: Option<bool>,
    max_inclusive: Option<bool>,
}

/// The fields of a [`ClaimRecord`] the matcher reads.
#[derive(Deserialize, Serialize)]
struct Found {
    start: usize,
    end: usize,
    text: String,
    kind: String,
    low: Value,
    high: Value,
    qualifier: String,
    unit: Option<String>,
}

/// What the library extracts from `input`, read back from the JSON record.
fn found(input: &str) -> Result<Vec<Found>> {
    claimcheck::extract(input)
        .iter()
        .map(|c| {
            let json = serde_json::to_value(ClaimRecord::new("conformance", c))?;
            Ok(serde_json::from_value(json)?)
        })
        .collect()
}

/// One side of an interval.
#[derive(Clone, Copy)]
struct Bound {
    value: f64,
    inclusive: bool,
}

/// What an expected value says, in numbers.
enum Target {
    Point(f64),
    Interval { min: Option<Bound>, max: Option<Bound> },
}

impl Target {
    fn matches(&self, f: &Found, scale: f64, tol: f64) -> bool {
        let low = f.low.as_f64().map(|x| x * scale);
        let high = f.high.as_f64().map(|x| x * scale);
        let near = |got: Option<f64>, want: f64| got.is_some_and(|g| close(g, want, tol));
        let q = f.qualifier.as_str();
        match *self {
            Target::Point(v) => near(low, v) || near(high, v),
            Target::Interval { min: Some(min), max: Some(max) } => {
                near(low, min.value) && near(high, max.value)
            }
            Target::Interval { min: Some(min), max: None } => {
                near(low, min.value)
                    && high.is_none()
                    && q == if min.inclusive { "at_least" } else { "more_than" }
            }
            Target::Interval { min: None, max: Some(max) } => {
                near(high, max.value)
                    && low.is_none()
                    && q == if max.inclusive { "at_most" } else { "fewer_than" }
            }
            Target::Interval { min: None, max: None } => false,
        }
    }
}

fn close(got: f64, want: f64, tol: f64) -> bool {
    (got - want).abs() <= tol * got.abs().max(want.abs())
}

/// What unit (or kind) an expected entity needs.
enum UnitRule {
    Any,
    Codes(Vec<String>),
    Exact(String),
    Ordinal,
    /// Compare durations in seconds.
    Seconds,
    /// A unit we cannot map: never matches.
    Unknown,
}

/// An expected entity, read as numbers and a unit rule.
struct Want {
    target: Target,
    unit: UnitRule,
    tol: f64,
}

impl Want {
    /// `None` when the entity is out of scope (no number, or a relative ordinal).
    fn new(category: Category, e: &Expected) -> Option<Want> {
        if e.kind == "ordinal.relative" {
            return None;
        }
        let mut scale = 1.0;
        let unit = match category {
            Category::Number | Category::NumberRange => UnitRule::Any,
            Category::Ordinal => UnitRule::Ordinal,
            Category::Percent => UnitRule::Exact("percent".into()),
            Category::Currency => match currency(e) {
                Some((codes, s)) => {
                    scale = s;
                    UnitRule::Codes(codes)
                }
                None => UnitRule::Unknown,
            },
            Category::Age => match e.unit.as_deref() {
                // "a man of age 87": the spec's unit is "Age", meaning years.
                Some("Age") => UnitRule::Exact("year".into()),
                Some(u) => UnitRule::Exact(u.to_lowercase()),
                None => UnitRule::Unknown,
            },
            Category::Duration => UnitRule::Seconds,
            Category::Dimension => e.unit.as_deref().map_or(UnitRule::Unknown, |u| {
                UnitRule::Exact(
                    u.to_lowercase()
                        .replace("metric ton", "tonne")
                        .replace("meter", "metre")
                        .replace("liter", "litre"),
                )
            }),
        };
        let target = match &e.range {
            Some(r) => Target::Interval {
                min: bound(r.min.as_deref(), r.min_inclusive)?,
                max: bound(r.max.as_deref(), r.max_inclusive)?,
            },
            None => Target::Point(number(e.value.as_deref()?)? * scale),
        };
        let loose = e.subtype.as_deref() == Some("fraction") || category == Category::Duration;
        Some(Want { target, unit, tol: if loose { 1e-6 } else { 1e-9 } })
    }

    fn verdict(&self, f: &Found) -> Verdict {
        let scale = match &self.unit {
            UnitRule::Seconds => {
                match SECONDS.iter().find(|(u, _)| Some(*u) == f.unit.as_deref()) {
                    Some((_, s)) => *s,
                    None => return Verdict::WrongUnit,
                }
            }
            _ => 1.0,
        };
        let unit_ok = match &self.unit {
            UnitRule::Any | UnitRule::Seconds => true,
            UnitRule::Codes(codes) => codes.iter().any(|c| Some(c.as_str()) == f.unit.as_deref()),
            UnitRule::Exact(u) => f.unit.as_deref() == Some(u.as_str()),
            UnitRule::Ordinal => f.kind == "ordinal",
            UnitRule::Unknown => false,
        };
        let tol = if f.kind == "fraction" { self.tol.max(1e-6) } else { self.tol };
        if !unit_ok {
            Verdict::WrongUnit
        } else if self.target.matches(f, scale, tol) {
            Verdict::Match
        } else {
            Verdict::WrongValue
        }
    }
}

/// How one claim fares against one expected entity; better verdicts sort first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Match,
    WrongValue,
    WrongUnit,
}

/// The spec's value as a number: "1234", "1E-12", "20%"; `None` for "null" and "end-1".
fn number(value: &str) -> Option<f64> {
    value.strip_suffix('%').unwrap_or(value).parse().ok()
}

/// A range side: `Some(None)` when open, `None` when unreadable.
fn bound(value: Option<&str>, inclusive: Option<bool>) -> Option<Option<Bound>> {
    match value {
        None => Some(None),
        Some(v) => Some(Some(Bound { value: number(v)?, inclusive: inclusive.unwrap_or(true) })),
    }
}

/// Accepted ISO codes and the scale from the spec's value, or `None` for an unknown currency.
fn currency(e: &Expected) -> Option<(Vec<String>, f64)> {
    if let Some(iso) = &e.iso_currency {
        return Some((vec![iso.clone()], 1.0));
    }
    let name = e.unit.as_deref()?.to_lowercase();
    CURRENCIES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, codes, scale)| (codes.iter().map(|c| (*c).to_string()).collect(), *scale))
}

/// Judges one expected entity against the claims found: `None` when matched.
fn judge(
    category: Category,
    e: &Expected,
    input: &str,
    claims: &[Found],
) -> Result<Option<Reason>> {
    let Some(want) = Want::new(category, e) else {
        return Ok(Some(Reason::OutOfScope));
    };
    let (start, end) = e
        .byte_span(input)
        .ok_or_else(|| format!("span {}..={} lies outside {input:?}", e.start, e.end))?;
    let best =
        claims.iter().filter(|f| f.start < end && start < f.end).map(|f| want.verdict(f)).min();
    Ok(match best {
        None => Some(Reason::Missed),
        Some(Verdict::Match) => None,
        Some(Verdict::WrongValue) => Some(Reason::WrongValue),
        Some(Verdict::WrongUnit) => Some(Reason::WrongUnit),
    })
}

/// The outcome of one case.
struct Outcome {
    line: usize,
    case: Case,
    claims: Vec<Found>,
    excluded: bool,
    /// Per expected entity (in order), or one `Spurious` for a failed negative case.
    reasons: Vec<(Option<usize>, Reason)>,
}

impl Outcome {
    fn passed(&self) -> bool {
        !self.excluded && self.reasons.is_empty()
    }

    fn failed(&self) -> bool {
        !self.excluded && !self.reasons.is_empty()
    }

    fn has(&self, reason: Reason) -> bool {
        self.failed() && self.reasons.iter().any(|(_, r)| *r == reason)
    }

    fn reason_set(&self) -> BTreeSet<Reason> {
        self.reasons.iter().map(|(_, r)| *r).collect()
    }
}

fn run_case(category: Category, line: usize, case: Case) -> Result<Outcome> {
    let claims = found(&case.input)?;
    let mut reasons = Vec::new();
    if case.expected.is_empty() {
        if claims.iter().any(|f| category.claims(f)) {
            reasons.push((None, Reason::Spurious));
        }
    } else {
        for (i, e) in case.expected.iter().enumerate() {
            if let Some(reason) = judge(category, e, &case.input, &claims)? {
                reasons.push((Some(i), reason));
            }
        }
    }
    let only_out_of_scope =
        !reasons.is_empty() && reasons.iter().all(|(_, r)| *r == Reason::OutOfScope);
    Ok(Outcome { line, excluded: case.excluded() || only_out_of_scope, case, claims, reasons })
}

/// All cases of one file.
struct FileRun {
    category: Category,
    outcomes: Vec<Outcome>,
}

impl FileRun {
    fn load(dir: &Path, category: Category) -> Result<FileRun> {
        let path = dir.join(category.file());
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let outcomes = (1..)
            .zip(text.lines())
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| {
                let at = |e: &dyn fmt::Display| format!("{}:{n}: {e}", path.display());
                let case: Case = serde_json::from_str(l).map_err(|e| at(&e))?;
                run_case(category, n, case).map_err(|e| at(&e).into())
            })
            .collect::<Result<_>>()?;
        Ok(FileRun { category, outcomes })
    }

    fn cases(&self) -> usize {
        self.outcomes.len()
    }

    fn passed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.passed()).count()
    }

    fn failed(&self) -> usize {
        self.outcomes.iter().filter(|o| o.failed()).count()
    }

    fn excluded(&self) -> usize {
        self.outcomes.iter().filter(|o| o.excluded).count()
    }

    fn with_reason(&self, reason: Reason) -> usize {
        self.outcomes.iter().filter(|o| o.has(reason)).count()
    }
}

/// Passed over counted cases, in percent.
fn rate(passed: usize, failed: usize) -> f64 {
    let counted = passed.saturating_add(failed);
    if counted == 0 {
        100.0
    } else {
        100.0 * passed as f64 / counted as f64
    }
}

fn floor_of(category: Category) -> Option<u32> {
    FILE_FLOORS.iter().find(|(c, _)| *c == category).map(|(_, f)| *f)
}

fn in_scope_rate(runs: &[FileRun]) -> f64 {
    let scoped = || runs.iter().filter(|r| r.category.in_scope());
    rate(scoped().map(FileRun::passed).sum(), scoped().map(FileRun::failed).sum())
}

fn render_report(runs: &[FileRun]) -> Result<String> {
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "conformance: Recognizers-Text English specs (lenient; see tests/conformance.rs)")?;
    writeln!(
        w,
        "{:<18} {:<9} {:>5} {:>6} {:>6} {:>8} {:>9} {:>5}",
        "file", "scope", "cases", "passed", "failed", "excluded", "pass rate", "floor"
    )?;
    for r in runs {
        let floor = floor_of(r.category).map_or("-".to_string(), |f| format!("{f}%"));
        writeln!(
            w,
            "{:<18} {:<9} {:>5} {:>6} {:>6} {:>8} {:>8.1}% {:>5}",
            r.category.file(),
            if r.category.in_scope() { "in scope" } else { "extra" },
            r.cases(),
            r.passed(),
            r.failed(),
            r.excluded(),
            rate(r.passed(), r.failed()),
            floor,
        )?;
    }
    writeln!(
        w,
        "{:<57} {:>8.1}% {:>5}",
        "overall (in scope)",
        in_scope_rate(runs),
        format!("{FLOOR}%")
    )?;
    writeln!(w)?;
    writeln!(w, "failing cases by reason (a case counts once per reason it shows)")?;
    write!(w, "{:<31}", "reason")?;
    for r in runs {
        write!(w, " {:>11}", r.category.file().trim_end_matches(".jsonl"))?;
    }
    writeln!(w, " {:>6}", "total")?;
    for reason in Reason::ALL {
        write!(w, "{:<31}", reason.to_string())?;
        for r in runs {
            write!(w, " {:>11}", r.with_reason(reason))?;
        }
        let total: usize = runs.iter().map(|r| r.with_reason(reason)).sum();
        writeln!(w, " {total:>6}")?;
    }
    Ok(out)
}

fn render_failures(runs: &[FileRun]) -> Result<String> {
    let mut out = String::new();
    let w = &mut out;
    for r in runs {
        for o in r.outcomes.iter().filter(|o| o.failed()) {
            let reasons: Vec<String> = o.reason_set().iter().map(Reason::to_string).collect();
            writeln!(w, "[{}:{}] {}", r.category.file(), o.line, reasons.join(", "))?;
            writeln!(w, "  input:     {}", compact(&o.case.input))?;
            for (i, reason) in &o.reasons {
                if let Some(e) = i.and_then(|i| o.case.expected.get(i)) {
                    writeln!(w, "  expected:  {} <- {reason}", compact(e))?;
                }
            }
            if o.case.expected.is_empty() {
                writeln!(w, "  expected:  []")?;
            }
            writeln!(w, "  extracted: {}", compact(&o.claims))?;
            writeln!(w)?;
        }
    }
    Ok(out)
}

/// One-line JSON (these types always serialise; a failure would show in the text).
fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("<not serialisable: {e}>"))
}

/// Writes `target/<name>`.
fn write_target(name: &str, contents: &str) -> Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(name);
    fs::write(&path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/recognizers-en")
}

#[test]
fn recognizers_en() -> Result<()> {
    let dir = suite_dir();
    if !dir.is_dir() {
        let on_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !on_ci,
            "conformance: ../shared/conformance/recognizers-en not found ({}), and CI=true",
            dir.display()
        );
        eprintln!("conformance: SKIPPED — ../shared/conformance/recognizers-en not found");
        return Ok(());
    }

    let runs = Category::ALL.iter().map(|&c| FileRun::load(&dir, c)).collect::<Result<Vec<_>>>()?;
    let report = render_report(&runs)?;
    eprintln!("{report}");
    write_target("conformance-report.txt", &report)?;
    write_target("conformance-failures.txt", &render_failures(&runs)?)?;

    let mut below = Vec::new();
    let overall = in_scope_rate(&runs);
    if overall < f64::from(FLOOR) {
        below.push(format!("overall in-scope rate {overall:.1}% < floor {FLOOR}%"));
    }
    for r in &runs {
        if let Some(floor) = floor_of(r.category) {
            let got = rate(r.passed(), r.failed());
            if got < f64::from(floor) {
                below.push(format!("{}: {got:.1}% < floor {floor}%", r.category.file()));
            }
        }
    }
    assert!(
        below.is_empty(),
        "conformance regressed (see target/conformance-failures.txt):\n{}",
        below.join("\n")
    );
    Ok(())
}
