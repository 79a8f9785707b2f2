//! Judging two claims: the interval semantics of quantities, the verdict on a pair
//! ([`judge`], [`compare`]) and each source's self-checks. Grouping the claims of many sources
//! and choosing which pairs to judge is the pass in `check/pass.rs`.
//!
//! # Interval semantics
//!
//! Every quantity becomes an *effective interval* with inclusive or strict ends:
//!
//! | words | interval |
//! |---|---|
//! | "four" | [4, 4] |
//! | "at least four" / "more than four" | [4, ∞) / (4, ∞) |
//! | "up to ten" / "fewer than ten" | [0, 10] / [0, 10) |
//! | "about 6 billion" | [6e9 × 0.9, 6e9 × 1.1] (counts: at least ±1) |
//! | "nearly 6 billion" / "just over 6 billion" | [6e9 × 0.9, 6e9] / [6e9, 6e9 × 1.1] |
//! | "between 3 and 5", "dozens" | [3, 5], [24, 99] |
//!
//! Two claims with overlapping intervals agree (or, when one interval lies inside the other,
//! one refines the other). Disjoint intervals contradict when the claims speak of overlapping
//! times, and are a change over time otherwise. Exact money, measures, percentages and counts of
//! a thousand or more are also compared after rounding at their last significant digit, so
//! "$5.9 billion" refines "$6 billion" rather than contradicting it. Ages are compared as birth
//! years, so "81" in 2018 agrees with "85" in 2022.
//!
//! Measures in two units of one dimension are compared in a common unit ("10 km" against
//! "6.2 miles", "5,000 acres" against "2,000 hectares"), with exact factors ([`unit_size`]).
//!
//! A change is signed: "rose 9%" is +9 and "fell 12%" is −12 (the interval of its size,
//! mirrored below zero), so a rise and a fall of one subject at one time contradict, and at
//! different times are a change over time. A change and a level ("rose 9%", "stood at 9%") are
//! not compared.

use crate::claim::{Change, Claim, Kind, Lean, ListKind, Qualifier, Quantity, Value};
use crate::date::Period;
use crate::number::Number;
use serde::Serialize;
use std::cmp::Ordering;

/// Relative tolerance for approximations ("about", "nearly"): 10 %.
pub const APPROX_TOLERANCE: (i64, i64) = (1, 10);

/// Groups with more distinct statements than this are compared only between neighbours in
/// (time, value) order, so
/// that reconciliation stays near-linear.
pub const PAIRWISE_LIMIT: usize = 12;

/// What a finding says about its claims.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// The claims cannot both hold for the same subject at the same time.
    Contradiction,
    /// The values differ and the claims speak of different times.
    ChangeOverTime,
    /// One claim is more precise than, and consistent with, the other.
    Refinement,
    /// The claims are consistent.
    Agreement,
    /// Same subject, but the claims cannot be compared (different currencies or units, or an
    /// unknown time where time matters).
    NotComparable,
}

impl FindingKind {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            FindingKind::Contradiction => "contradiction",
            FindingKind::ChangeOverTime => "change_over_time",
            FindingKind::Refinement => "refinement",
            FindingKind::Agreement => "agreement",
            FindingKind::NotComparable => "not_comparable",
        }
    }
}

/// How strongly a finding should be trusted: exact against exact is stronger than vague
/// against approximate.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Exact figures on both sides.
    High,
    /// A bound or an approximation on one side.
    Medium,
    /// A vague quantity involved.
    Low,
    /// Not a problem: agreements, refinements, changes, incomparable pairs.
    Info,
}

impl Severity {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }
}

/// One end of an interval: the value and whether it is excluded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct End {
    /// The value.
    pub value: Number,
    /// True when the interval excludes the value.
    pub strict: bool,
}

/// An interval of numbers with open, inclusive or strict ends.
///
/// # Example
/// ```
/// use claimcheck::reconcile::Interval;
/// use claimcheck::Number;
/// let four = Interval::point(Number::from_int(4));
/// let at_least_four = Interval::at_least(Number::from_int(4), false);
/// assert!(at_least_four.contains(&four));
/// assert!(four.overlaps(&at_least_four));
/// assert!(!Interval::point(Number::from_int(3)).overlaps(&at_least_four));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Interval {
    /// Lower end, `None` for unbounded.
    pub lo: Option<End>,
    /// Upper end, `None` for unbounded.
    pub hi: Option<End>,
}

impl Interval {
    /// `[v, v]`.
    pub fn point(v: Number) -> Interval {
        Interval {
            lo: Some(End { value: v, strict: false }),
            hi: Some(End { value: v, strict: false }),
        }
    }

    /// `[v, ∞)` or `(v, ∞)`.
    pub fn at_least(v: Number, strict: bool) -> Interval {
        Interval { lo: Some(End { value: v, strict }), hi: None }
    }

    /// `[lo, hi]`.
    pub fn closed(lo: Number, hi: Number) -> Interval {
        Interval {
            lo: Some(End { value: lo, strict: false }),
            hi: Some(End { value: hi, strict: false }),
        }
    }

    /// True when the two intervals share at least one value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        below_or_touching(self.lo, other.hi) && below_or_touching(other.lo, self.hi)
    }

    /// True when every value of `other` is in `self`.
    pub fn contains(&self, other: &Interval) -> bool {
        let lo_ok = match (self.lo, other.lo) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => match a.value.cmp(&b.value) {
                Ordering::Less => true,
                Ordering::Equal => !a.strict || b.strict,
                Ordering::Greater => false,
            },
        };
        let hi_ok = match (self.hi, other.hi) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => match a.value.cmp(&b.value) {
                Ordering::Greater => true,
                Ordering::Equal => !a.strict || b.strict,
                Ordering::Less => false,
            },
        };
        lo_ok && hi_ok
    }

    /// The interval with every value multiplied by `f`, which is positive.
    pub(crate) fn times(&self, f: Number) -> Option<Interval> {
        // The usual case, two claims in one unit: nothing to multiply.
        if f == Number::ONE {
            return Some(*self);
        }
        let mul = |e: Option<End>| match e {
            None => Some(None),
            Some(e) => e.value.checked_mul(f).map(|value| Some(End { value, ..e })),
        };
        Some(Interval { lo: mul(self.lo)?, hi: mul(self.hi)? })
    }

    /// The interval of the negated values: `[a, b)` becomes `(−b, −a]`.
    pub(crate) fn negated(&self) -> Option<Interval> {
        let neg = |e: Option<End>| match e {
            None => Some(None),
            Some(e) => Number::ZERO.checked_sub(e.value).map(|value| Some(End { value, ..e })),
        };
        Some(Interval { lo: neg(self.hi)?, hi: neg(self.lo)? })
    }
}

/// What a measure's unit measures, for comparing two units of one dimension.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Dimension {
    Length,
    Area,
    Mass,
    Volume,
    Speed,
    Power,
    Energy,
}

/// A measure unit's dimension and its size in that dimension's base unit (metre, square metre,
/// kilogram, litre, kilometre per hour, kilowatt, kilowatt hour), exactly (the international
/// yard and pound). `None` for a unit with no single size ("ton", "gallon", "barrel" differ
/// between the US and Britain; "calorie" is often a kilocalorie), for temperatures (not a
/// multiple of one another), and for anything else.
pub(crate) fn unit_size(unit: &str) -> Option<(Dimension, Number)> {
    use Dimension::*;
    let (dim, num, den): (Dimension, i128, i128) = match unit {
        "millimetre" => (Length, 1, 1000),
        "centimetre" => (Length, 1, 100),
        "metre" => (Length, 1, 1),
        "kilometre" => (Length, 1000, 1),
        "inch" => (Length, 254, 10_000),
        "foot" => (Length, 3048, 10_000),
        "yard" => (Length, 9144, 10_000),
        "mile" => (Length, 1_609_344, 1000),
        "square metre" => (Area, 1, 1),
        "square foot" => (Area, 9_290_304, 100_000_000),
        "hectare" => (Area, 10_000, 1),
        "acre" => (Area, 40_468_564_224, 10_000_000),
        "square kilometre" => (Area, 1_000_000, 1),
        "square mile" => (Area, 2_589_988_110_336, 1_000_000),
        "gram" => (Mass, 1, 1000),
        "ounce" => (Mass, 28_349_523_125, 1_000_000_000_000),
        "pound" => (Mass, 45_359_237, 100_000_000),
        "kilogram" => (Mass, 1, 1),
        "tonne" => (Mass, 1000, 1),
        "millilitre" => (Volume, 1, 1000),
        "litre" => (Volume, 1, 1),
        "cubic metre" => (Volume, 1000, 1),
        "kilometre per hour" => (Speed, 1, 1),
        "mile per hour" => (Speed, 1_609_344, 1_000_000),
        "metre per second" => (Speed, 36, 10),
        "knot" => (Speed, 1852, 1000),
        "kilowatt" => (Power, 1, 1),
        "megawatt" => (Power, 1000, 1),
        "gigawatt" => (Power, 1_000_000, 1),
        "kilowatt hour" => (Energy, 1, 1),
        "megawatt hour" => (Energy, 1000, 1),
        "gigawatt hour" => (Energy, 1_000_000, 1),
        "terawatt hour" => (Energy, 1_000_000_000, 1),
        _ => return None,
    };
    Some((dim, Number::new(num, den)?))
}

/// The factors that bring two facts' intervals to one unit: `(1, 1)` for the same unit, the
/// units' sizes for two units of one dimension, `None` when the units cannot be compared.
fn common_unit<W: PartialEq>(a: &Fact<W>, b: &Fact<W>) -> Option<(Number, Number)> {
    if a.per != b.per {
        return None;
    }
    if a.unit == b.unit {
        return Some((Number::ONE, Number::ONE));
    }
    match (a.size, b.size) {
        (Some((da, fa)), Some((db, fb))) if da == db => Some((fa, fb)),
        _ => None,
    }
}

/// How one of two units of a dimension converts into the other, for an explanation: "1 mile =
/// 1.609344 kilometre". The larger unit comes first unless only the other way prints exactly.
fn conversion(a: &str, b: &str) -> Option<String> {
    let ((_, fa), (_, fb)) = (unit_size(a)?, unit_size(b)?);
    let (ab, ba) = (fa.checked_div(fb)?, fb.checked_div(fa)?);
    let (ab_text, ba_text) = (ab.to_string(), ba.to_string());
    let a_first = match (ab_text.contains('/'), ba_text.contains('/')) {
        (false, true) => true,
        (true, false) => false,
        _ => ab >= Number::ONE,
    };
    Some(if a_first { format!("1 {a} = {ab_text} {b}") } else { format!("1 {b} = {ba_text} {a}") })
}

/// `iv`, the interval of a quantity's size, on the signed scale of `change`: a fall is
/// mirrored below zero; a rise and a level stay as they are.
pub(crate) fn signed(iv: Interval, change: Option<Change>) -> Option<Interval> {
    match change {
        Some(Change::Down) => iv.negated(),
        Some(Change::Up) | None => Some(iv),
    }
}

/// `lo <= hi` with strictness: equal values touch only when both ends are inclusive.
fn below_or_touching(lo: Option<End>, hi: Option<End>) -> bool {
    match (lo, hi) {
        (Some(l), Some(h)) => match l.value.cmp(&h.value) {
            Ordering::Less => true,
            Ordering::Equal => !l.strict && !h.strict,
            Ordering::Greater => false,
        },
        _ => true,
    }
}

/// The interval the words allow, widened for approximations (see the module docs).
pub fn effective(c: &Claim) -> Option<Interval> {
    interval(c.kind, c.quantity()?)
}

/// The effective interval of a quantity of the given kind (see [`effective`]).
pub(crate) fn interval(kind: Kind, q: &Quantity) -> Option<Interval> {
    let zero = Some(End { value: Number::ZERO, strict: false });
    let (tn, td) = APPROX_TOLERANCE;
    Some(match q.qualifier {
        Qualifier::Exact => Interval::point(q.low?),
        Qualifier::AtLeast => Interval::at_least(q.low?, false),
        Qualifier::MoreThan => Interval::at_least(q.low?, true),
        Qualifier::AtMost => Interval { lo: zero, hi: Some(End { value: q.high?, strict: false }) },
        Qualifier::FewerThan => {
            Interval { lo: zero, hi: Some(End { value: q.high?, strict: true }) }
        }
        Qualifier::Range | Qualifier::Vague => Interval::closed(q.low?, q.high?),
        Qualifier::Approximate => {
            let v = q.low?;
            let mut d = v.scale(tn, td)?;
            if matches!(kind, Kind::Count | Kind::Number) && d < Number::ONE {
                d = Number::ONE;
            }
            let lo = v.checked_sub(d)?;
            let hi = v.checked_add(d)?;
            match q.lean {
                Lean::Either => Interval::closed(lo, hi),
                Lean::Below => Interval::closed(lo, v),
                Lean::Above => Interval::closed(v, hi),
            }
        }
    })
}

/// For an exact value, the interval it stands for if rounded at its last significant digit:
/// 7,000,000,000 → [6.5e9, 7.5e9]; 5.9e9 → [5.85e9, 5.95e9].
fn rounding_interval(kind: Kind, q: &Quantity) -> Option<Interval> {
    if q.qualifier != Qualifier::Exact {
        return None;
    }
    let v = q.low?;
    let applies = match kind {
        Kind::Money | Kind::Measure | Kind::Percent => true,
        Kind::Count => v >= Number::from_int(1000),
        _ => false,
    };
    if !applies || v == Number::ZERO {
        return None;
    }
    // Unit of the last significant digit.
    let unit = if v.is_integer() {
        let mut n = v.numer().unsigned_abs();
        let mut u: i128 = 1;
        while n % 10 == 0 && n > 0 {
            n /= 10;
            u = u.checked_mul(10)?;
        }
        Number::new(u, 1)?
    } else {
        // 10^-k where k is the number of decimals.
        let mut den: i128 = 1;
        let mut k = 0u32;
        while !v.checked_mul(Number::new(den, 1)?)?.is_integer() && k < 12 {
            den = den.checked_mul(10)?;
            k = k.saturating_add(1);
        }
        Number::new(1, den)?
    };
    let half = unit.checked_div(Number::from_int(2))?;
    Some(Interval::closed(v.checked_sub(half)?, v.checked_add(half)?))
}

/// Years in which a person aged `low` to `high` at some time in `when` can have been born.
fn birth_years(low: Number, high: Number, when: Period) -> Option<(i32, i32)> {
    let year = |n: Number| i32::try_from(n.to_i64()?).ok();
    let lo = when.start().year().checked_sub(year(high)?)?.checked_sub(1)?;
    let hi = when.end().year().checked_sub(year(low)?)?;
    Some((lo, hi))
}

/// An age as the reports write it: "45", or "40–49" for an age by decade.
fn age_text(low: Number, high: Number) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low}\u{2013}{high}")
    }
}

/// The outcome of comparing two claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The kind of finding.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    /// A sentence saying why.
    pub explanation: String,
}

fn verdict(kind: FindingKind, severity: Severity, explanation: String) -> Verdict {
    Verdict { kind, severity, explanation }
}

fn when(c: &Claim) -> String {
    match c.time.as_of() {
        Some(p) => p.to_string(),
        None => "an unknown date".into(),
    }
}

fn strength(q: Option<&Quantity>) -> u8 {
    match q.map(|q| q.qualifier) {
        Some(Qualifier::Exact) | Some(Qualifier::Range) | None => 2,
        Some(Qualifier::Vague) => 0,
        Some(_) => 1,
    }
}

/// The time an age speaks of: the report's date ("Shargi, 61, arrested in 2018" is 61 now),
/// else a stated time.
pub(crate) fn age_time(c: &Claim) -> Option<Period> {
    c.time.reported.map(Period::day).or(c.time.period)
}

/// Two ages (low and high: "in his 40s" is 40 to 49), their times and the birth years they
/// allow.
struct Ages {
    x: (Number, Number),
    y: (Number, Number),
    ta: Period,
    tb: Period,
    ba: (i32, i32),
    bb: (i32, i32),
}

fn ages<W>(a: &Fact<W>, b: &Fact<W>) -> Option<Ages> {
    let (ta, tb) = (a.age_time?, b.age_time?);
    let range = |q: Quantity| Some((q.low?, q.high.or(q.low)?));
    let (x, y) = (range(a.quantity?)?, range(b.quantity?)?);
    Some(Ages { x, y, ta, tb, ba: birth_years(x.0, x.1, ta)?, bb: birth_years(y.0, y.1, tb)? })
}

/// Why two claims were judged as they were: what [`Judgement::explain`] puts into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    Units,
    Places,
    SameDate,
    DatesOverlap,
    DatesDiffer,
    UnresolvedDate,
    UndatedAge,
    AgesFit,
    AgesClash,
    TooLarge,
    ChangeAndLevel,
    SameWords { apart: bool },
    Refines { a_is_finer: bool, apart: bool },
    Consistent { apart: bool },
    Rounded,
    Changed { a_first: bool },
    Clash { same_time: bool },
}

/// The outcome of comparing two claims, before it is put into words.
///
/// Judging is cheap and allocates nothing; [`Judgement::explain`] writes the sentence when a
/// report needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// The kind of finding.
    pub kind: FindingKind,
    /// Its severity.
    pub severity: Severity,
    reason: Reason,
}

fn judgement(kind: FindingKind, severity: Severity, reason: Reason) -> Judgement {
    Judgement { kind, severity, reason }
}

impl Judgement {
    /// The sentence saying why; `a` and `b` must be the claims judged, in the same order.
    /// Values compared across two units say how the units convert.
    pub fn explain(&self, a: &Claim, b: &Claim) -> String {
        let text = self.explain_values(a, b);
        let compared = matches!(
            self.reason,
            Reason::Refines { .. }
                | Reason::Consistent { .. }
                | Reason::Rounded
                | Reason::Changed { .. }
                | Reason::Clash { .. }
        );
        match (a.unit.as_deref(), b.unit.as_deref()) {
            (Some(ua), Some(ub)) if compared && ua != ub => match conversion(ua, ub) {
                Some(how) => format!("{text}; {how}"),
                None => text,
            },
            _ => text,
        }
    }

    /// [`Judgement::explain`] without the conversion of units.
    fn explain_values(&self, a: &Claim, b: &Claim) -> String {
        use crate::report::describe_value as dv;
        let apart = |apart: bool| {
            if apart {
                format!(" ({} and {})", when(a), when(b))
            } else {
                String::new()
            }
        };
        let date = |c: &Claim| match &c.value {
            Value::Date { period: Some(p), .. } => p.to_string(),
            _ => "an unknown date".into(),
        };
        match self.reason {
            Reason::Units => format!(
                "{} and {} are in different units ({} vs {}); no conversion is assumed",
                dv(a),
                dv(b),
                a.unit.as_deref().unwrap_or("no unit"),
                b.unit.as_deref().unwrap_or("no unit")
            ),
            Reason::Places => {
                let place = |c: &Claim| {
                    c.subject.as_ref().and_then(|s| s.place.clone()).unwrap_or_default()
                };
                format!(
                    "{} in {} and {} in {} are about different places",
                    dv(a),
                    place(a),
                    dv(b),
                    place(b)
                )
            }
            Reason::SameDate => format!("both date it to {}", date(a)),
            Reason::DatesOverlap => {
                format!("{} and {} overlap; one is more precise", date(a), date(b))
            }
            Reason::DatesDiffer => {
                format!("dated {} in one source and {} in the other", date(a), date(b))
            }
            Reason::UnresolvedDate => {
                "a relative date could not be resolved: the source has no publication date".into()
            }
            Reason::UndatedAge => {
                "an age without a date cannot be compared: the source has no publication date"
                    .into()
            }
            Reason::AgesFit | Reason::AgesClash => {
                let Some(Ages { x, y, ta, tb, ba, bb }) = ages(&Fact::of(a), &Fact::of(b)) else {
                    return String::new();
                };
                let (x_text, y_text) = (age_text(x.0, x.1), age_text(y.0, y.1));
                if self.reason == Reason::AgesClash {
                    return format!(
                        "age {x_text} in {ta} means born {}\u{2013}{}, but age {y_text} in {tb} means born {}\u{2013}{}",
                        ba.0, ba.1, bb.0, bb.1
                    );
                }
                let how = if x == y {
                    "the same age".to_string()
                } else {
                    format!("ages {x_text} ({ta}) and {y_text} ({tb}) fit")
                };
                format!("{how}: born in {}\u{2013}{}", ba.0.max(bb.0), ba.1.min(bb.1))
            }
            Reason::TooLarge => "a value is too large to compare exactly".into(),
            Reason::ChangeAndLevel => {
                let (change, level) = if a.change.is_some() { (a, b) } else { (b, a) };
                format!(
                    "{} is a change and {} a level; one is not compared with the other",
                    dv(change),
                    dv(level)
                )
            }
            Reason::SameWords { apart: far } => format!("both say {}{}", dv(a), apart(far)),
            Reason::Refines { a_is_finer, apart: far } => {
                let (fine, coarse) = if a_is_finer { (a, b) } else { (b, a) };
                format!(
                    "{} is consistent with {} and more precise{}",
                    dv(fine),
                    dv(coarse),
                    apart(far)
                )
            }
            Reason::Consistent { apart: far } => {
                format!("{} and {} are consistent{}", dv(a), dv(b), apart(far))
            }
            Reason::Rounded => {
                format!("{} and {} are consistent after rounding", dv(a), dv(b))
            }
            Reason::Changed { a_first } => {
                let (early, late) = if a_first { (a, b) } else { (b, a) };
                format!("{} ({}) became {} ({})", dv(early), when(early), dv(late), when(late))
            }
            Reason::Clash { same_time } => {
                let time = if same_time {
                    format!("for the same time ({})", when(a))
                } else {
                    "and the time is unknown, so they are taken to overlap".into()
                };
                format!("{} and {} cannot both hold {time}", dv(a), dv(b))
            }
        }
    }
}

/// Compares two claims of the same subject and kind, and says why.
///
/// Symmetric: `compare(a, b)` and `compare(b, a)` give the same kind and severity. A claim
/// compared with itself is an agreement. This is [`judge`] followed by
/// [`Judgement::explain`].
///
/// # Example
/// ```
/// use claimcheck::{extract, reconcile::compare, FindingKind};
/// let a = extract("---\npublished: 2021-07-13\n---\nIran holds four Americans.");
/// let b = extract("---\npublished: 2021-07-13\n---\nIran holds at least four Americans.");
/// let v = compare(&a[0], &b[0]);
/// assert_eq!(v.kind, FindingKind::Refinement);
/// assert_eq!(v.explanation, "4 is consistent with ≥ 4 and more precise");
/// ```
pub fn compare(a: &Claim, b: &Claim) -> Verdict {
    let j = judge(a, b);
    Verdict { kind: j.kind, severity: j.severity, explanation: j.explain(a, b) }
}

/// What judging reads of a claim: kind, value, words and times. `W` holds the unit, the rate
/// and the place: their text when claims are judged one pair at a time, indices of interned
/// words inside the [`Checker`](crate::Checker), which judges millions of pairs without
/// reading a string or a claim.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fact<W> {
    pub(crate) kind: Kind,
    /// The quantity; `None` for a date.
    pub(crate) quantity: Option<Quantity>,
    /// The date a date claim gives.
    pub(crate) date: Option<Period>,
    pub(crate) unit: Option<W>,
    pub(crate) per: Option<W>,
    pub(crate) place: Option<W>,
    /// The time the claim speaks of ([`TimeScope::as_of`](crate::claim::TimeScope::as_of)).
    pub(crate) as_of: Option<Period>,
    /// The time an age speaks of (see [`age_time`]).
    pub(crate) age_time: Option<Period>,
    /// The direction of a change ("rose 9%"); `None` for a level.
    pub(crate) change: Option<Change>,
    /// A measure unit's dimension and size ([`unit_size`]), to compare it with another unit.
    pub(crate) size: Option<(Dimension, Number)>,
    /// The effective interval ([`effective`]), on the signed scale of `change` ([`signed`]),
    /// worked out once per fact.
    pub(crate) effective: Option<Interval>,
}

impl<'a> Fact<&'a str> {
    /// The fact a claim states.
    pub(crate) fn of(c: &'a Claim) -> Self {
        Fact {
            kind: c.kind,
            quantity: c.quantity().copied(),
            date: date_of(c),
            unit: c.unit.as_deref(),
            per: c.per.as_deref(),
            place: c.subject.as_ref().and_then(|s| s.place.as_deref()),
            as_of: c.time.as_of(),
            age_time: age_time(c),
            change: c.change,
            size: c.unit.as_deref().filter(|_| c.kind == Kind::Measure).and_then(unit_size),
            effective: effective(c).and_then(|iv| signed(iv, c.change)),
        }
    }
}

/// The date a date claim gives (`None` for quantities and unresolved dates).
pub(crate) fn date_of(c: &Claim) -> Option<Period> {
    match c.value {
        Value::Date { period, .. } => period,
        Value::Quantity(_) => None,
    }
}

/// Judges two claims of the same subject and kind, without putting the result into words.
pub fn judge(a: &Claim, b: &Claim) -> Judgement {
    judge_facts(&Fact::of(a), &Fact::of(b))
}

/// [`judge`] on what it reads of the two claims.
pub(crate) fn judge_facts<W: PartialEq>(a: &Fact<W>, b: &Fact<W>) -> Judgement {
    if a.change.is_some() != b.change.is_some() {
        return judgement(FindingKind::NotComparable, Severity::Info, Reason::ChangeAndLevel);
    }
    let Some((fa, fb)) = common_unit(a, b) else {
        return judgement(FindingKind::NotComparable, Severity::Info, Reason::Units);
    };
    if let (Some(pa), Some(pb)) = (&a.place, &b.place) {
        if pa != pb {
            return judgement(FindingKind::NotComparable, Severity::Info, Reason::Places);
        }
    }
    let times_overlap = match (a.as_of, b.as_of) {
        (Some(x), Some(y)) => Some(x.overlaps(&y)),
        _ => None,
    };
    let apart = times_overlap == Some(false);
    match (a.quantity, b.quantity, a.date, b.date) {
        (None, None, Some(pa), Some(pb)) => {
            return if pa == pb {
                judgement(FindingKind::Agreement, Severity::Info, Reason::SameDate)
            } else if pa.overlaps(&pb) {
                judgement(FindingKind::Refinement, Severity::Info, Reason::DatesOverlap)
            } else {
                judgement(FindingKind::Contradiction, Severity::High, Reason::DatesDiffer)
            };
        }
        (None, ..) | (_, None, ..) => {
            return judgement(FindingKind::NotComparable, Severity::Info, Reason::UnresolvedDate);
        }
        _ => {}
    }
    if a.kind == Kind::Age {
        if a.age_time.is_none() || b.age_time.is_none() {
            return judgement(FindingKind::NotComparable, Severity::Info, Reason::UndatedAge);
        }
        if let Some(Ages { x, y, ba, bb, .. }) = ages(a, b) {
            // An age by decade ("in his 40s") that holds an exact one is refined by it.
            let within = |(l, h): (i32, i32), (l2, h2): (i32, i32)| l2 <= l && h <= h2;
            let refines =
                (x.0 != x.1 || y.0 != y.1) && ba != bb && (within(ba, bb) || within(bb, ba));
            return if refines {
                judgement(FindingKind::Refinement, Severity::Info, Reason::AgesFit)
            } else if ba.0.max(bb.0) <= ba.1.min(bb.1) {
                judgement(FindingKind::Agreement, Severity::Info, Reason::AgesFit)
            } else {
                judgement(FindingKind::Contradiction, Severity::High, Reason::AgesClash)
            };
        }
    }
    // In one unit: the same one, or the base unit of both.
    let (Some(ia), Some(ib)) =
        (a.effective.and_then(|iv| iv.times(fa)), b.effective.and_then(|iv| iv.times(fb)))
    else {
        return judgement(FindingKind::NotComparable, Severity::Info, Reason::TooLarge);
    };
    if a.quantity == b.quantity && a.change == b.change && a.unit == b.unit {
        return judgement(FindingKind::Agreement, Severity::Info, Reason::SameWords { apart });
    }
    if ia.overlaps(&ib) {
        let a_in_b = ib.contains(&ia);
        let b_in_a = ia.contains(&ib);
        let both_loose = strength(a.quantity.as_ref()) < 2
            && strength(b.quantity.as_ref()) < 2
            && a.quantity.map(|q| q.qualifier) == b.quantity.map(|q| q.qualifier);
        return if a_in_b != b_in_a && !both_loose {
            judgement(
                FindingKind::Refinement,
                Severity::Info,
                Reason::Refines { a_is_finer: a_in_b, apart },
            )
        } else {
            judgement(FindingKind::Agreement, Severity::Info, Reason::Consistent { apart })
        };
    }
    // A round figure ("2,000 acres") stands for a range: consistent with "over 2000 acres" or
    // "$5.9 billion" once rounding is allowed for.
    let rounding = |f: &Fact<W>, factor: Number| {
        signed(rounding_interval(f.kind, f.quantity.as_ref()?)?, f.change)?.times(factor)
    };
    let consistent_rounded = match (rounding(a, fa), rounding(b, fb)) {
        (Some(ra), Some(rb)) => ra.overlaps(&rb),
        (Some(ra), None) => ra.overlaps(&ib),
        (None, Some(rb)) => rb.overlaps(&ia),
        (None, None) => false,
    };
    if consistent_rounded {
        return judgement(FindingKind::Refinement, Severity::Info, Reason::Rounded);
    }
    match times_overlap {
        Some(false) => judgement(
            FindingKind::ChangeOverTime,
            Severity::Info,
            Reason::Changed { a_first: a.as_of <= b.as_of },
        ),
        overlap => {
            let severity = match strength(a.quantity.as_ref()).min(strength(b.quantity.as_ref())) {
                2 => Severity::High,
                1 => Severity::Medium,
                _ => Severity::Low,
            };
            judgement(
                FindingKind::Contradiction,
                severity,
                Reason::Clash { same_time: overlap == Some(true) },
            )
        }
    }
}

/// Checks a source against itself: a count against the names it lists, a total against its
/// parts, an ordinal against an earlier count. Returns `(claim indices, verdict)`.
pub fn self_checks(claims: &[Claim]) -> Vec<(Vec<usize>, Verdict)> {
    let mut out = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let Some(iv) = effective(c) else { continue };
        if !c.members.is_empty() {
            let n = Number::from_int(i64::try_from(c.members.len()).unwrap_or(i64::MAX));
            let names = c.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
            let count = Interval::point(n);
            let v = match c.list {
                Some(ListKind::Complete) if iv.contains(&count) => verdict(
                    FindingKind::Agreement,
                    Severity::Info,
                    format!("the {} names listed ({names}) match the count", c.members.len()),
                ),
                Some(ListKind::Complete) => verdict(
                    FindingKind::Contradiction,
                    if strength(c.quantity()) == 2 { Severity::High } else { Severity::Medium },
                    format!(
                        "{} counted, but {} named: {names}",
                        crate::report::describe_value(c),
                        c.members.len()
                    ),
                ),
                _ if iv.hi.is_none_or(|h| {
                    Interval::at_least(n, false).overlaps(&Interval { lo: None, hi: Some(h) })
                }) =>
                {
                    verdict(
                        FindingKind::Agreement,
                        Severity::Info,
                        format!(
                            "{} named ({names}), consistent with {}",
                            c.members.len(),
                            crate::report::describe_value(c)
                        ),
                    )
                }
                _ => verdict(
                    FindingKind::Contradiction,
                    Severity::High,
                    format!(
                        "more people named ({names}) than counted ({})",
                        crate::report::describe_value(c)
                    ),
                ),
            };
            out.push((vec![i], v));
        }
        if !c.parts.is_empty() {
            let mut sum = Some(Number::ZERO);
            for &p in &c.parts {
                let v = claims
                    .get(p)
                    .and_then(|pc| pc.quantity())
                    .filter(|q| q.qualifier == Qualifier::Exact)
                    .and_then(|q| q.low);
                sum = match (sum, v) {
                    (Some(s), Some(v)) => s.checked_add(v),
                    _ => None,
                };
            }
            if let Some(total) = sum {
                let mut idx = vec![i];
                idx.extend(c.parts.iter().copied());
                let fits = if c.list == Some(ListKind::Complete) {
                    iv.contains(&Interval::point(total))
                } else {
                    Interval::at_least(total, false).overlaps(&iv) || iv.hi.is_none()
                };
                let v = if fits {
                    verdict(
                        FindingKind::Agreement,
                        Severity::Info,
                        format!(
                            "the parts add up to {total}, consistent with {}",
                            crate::report::describe_value(c)
                        ),
                    )
                } else {
                    verdict(
                        FindingKind::Contradiction,
                        Severity::High,
                        format!(
                            "the parts add up to {total}, not {}",
                            crate::report::describe_value(c)
                        ),
                    )
                };
                out.push((idx, v));
            }
        }
        if c.kind == Kind::Ordinal {
            let Some(key) = c.subject.as_ref().map(|s| s.key.as_str()) else { continue };
            let Some(n) = c.quantity().and_then(|q| q.low) else { continue };
            // "a fifth American" continues a count of Americans, held or not, but not a count
            // of another status ("two permanent residents").
            let nat = key.strip_suffix(" national");
            let same_group = |k: &str| {
                k == key
                    || nat.is_some_and(|n| {
                        k == format!("{n} detainee") || k == format!("{n} national")
                    })
            };
            let mut earlier = claims.iter().enumerate().take(i).filter(|(_, o)| {
                o.kind == Kind::Count && o.subject.as_ref().is_some_and(|s| same_group(&s.key))
            });
            if let Some((j, count)) = earlier.next_back() {
                let Some(ci) = effective(count) else { continue };
                let prev = n.checked_sub(Number::ONE).unwrap_or(n);
                let dv = crate::report::describe_value(count);
                let v = if ci.overlaps(&Interval::at_least(n, false)) {
                    verdict(
                        FindingKind::Agreement,
                        Severity::Info,
                        format!("\"{}\" fits the count of {dv}", c.provenance.text),
                    )
                } else if ci.overlaps(&Interval::point(prev)) {
                    verdict(
                        FindingKind::Refinement,
                        Severity::Info,
                        format!(
                            "\"{}\" adds one to the count of {dv}: at least {n} in all",
                            c.provenance.text
                        ),
                    )
                } else {
                    verdict(
                        FindingKind::Contradiction,
                        Severity::Medium,
                        format!(
                            "\"{}\" implies at least {n}, but the count before it is {dv}",
                            c.provenance.text
                        ),
                    )
                };
                out.push((vec![j, i], v));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;

    fn one(text: &str) -> Claim {
        let mut c = extract(&format!("---\npublished: 2021-07-13\n---\n{text}"));
        assert!(!c.is_empty(), "no claim in {text:?}");
        c.remove(0)
    }

    /// The first claim that is not a date in `text`, published on `published`.
    fn at(published: &str, text: &str) -> Claim {
        let claims = extract(&format!("---\npublished: {published}\n---\n{text}"));
        claims.into_iter().find(|c| c.kind != Kind::Date).expect("a non-date claim")
    }

    fn kind(a: &str, b: &str) -> (FindingKind, Severity) {
        let v = compare(&one(a), &one(b));
        (v.kind, v.severity)
    }

    #[test]
    fn compare_rows() {
        use FindingKind::*;
        for (a, b, want) in [
            (
                "Iran holds four Americans.",
                "Iran holds four Americans.",
                (Agreement, Severity::Info),
            ),
            (
                "Iran holds four Americans.",
                "Iran holds at least four Americans.",
                (Refinement, Severity::Info),
            ),
            (
                "Iran holds four Americans.",
                "Iran holds three Americans.",
                (Contradiction, Severity::High),
            ),
            (
                "Iran holds at least 15 Americans.",
                "Iran holds 15 Americans.",
                (Refinement, Severity::Info),
            ),
            (
                "Iran holds at least 15 Americans.",
                "Iran holds 12 Americans.",
                (Contradiction, Severity::Medium),
            ),
            (
                "It cost about 6 billion dollars.",
                "It cost nearly $6 billion.",
                (Agreement, Severity::Info),
            ),
            ("It cost $7bn.", "It cost $7 billion.", (Agreement, Severity::Info)),
            ("It cost $5.9bn.", "It cost $6 billion.", (Refinement, Severity::Info)),
            ("It cost $5 million.", "It cost \u{20ac}5 million.", (NotComparable, Severity::Info)),
            (
                "Several journalists were held.",
                "15 journalists were held.",
                (Contradiction, Severity::Low),
            ),
            (
                "Up to 10,000 people marched.",
                "12,000 people marched.",
                (Contradiction, Severity::Medium),
            ),
        ] {
            assert_eq!(kind(a, b), want, "{a:?} vs {b:?}");
            assert_eq!(kind(b, a), want, "symmetry: {b:?} vs {a:?}");
        }
    }

    #[test]
    fn change_over_time_needs_different_times() {
        let a = at("2023-01-10", "In 2021 Iran held four Americans.");
        let b = at("2023-01-10", "In 2022 Iran held three Americans.");
        assert_eq!(compare(&a, &b).kind, FindingKind::ChangeOverTime);
        // Reported on different days with no stated date: the later report revises the earlier.
        let a = at("2024-09-10", "Twelve miners were killed.");
        let b = at("2024-09-12", "Forty miners were killed.");
        assert_eq!(compare(&a, &b).kind, FindingKind::ChangeOverTime);
        // A recent stated date is still "as of" the report: same day, so a contradiction.
        let a = at("2024-11-19", "Fourteen workers were killed in Monday's fire.");
        let b = at("2024-11-19", "A total of 17 workers were killed.");
        assert_eq!(compare(&a, &b).kind, FindingKind::Contradiction);
    }

    #[test]
    fn measures_convert_between_units_of_one_dimension() {
        let v = |a: &str, b: &str| {
            let (a, b) = (one(a), one(b));
            let v = compare(&a, &b);
            (v.kind, v.explanation)
        };
        let (kind, why) =
            v("The fire burned 5,000 acres.", "The fire burned about 2,000 hectares.");
        assert_eq!(kind, FindingKind::Refinement);
        assert_eq!(
            why,
            "5000 acre is consistent with about 2000 hectare and more precise; \
             1 acre = 0.40468564224 hectare"
        );
        let (kind, _) = v("The fire burned 5,000 acres.", "The fire burned 3,000 hectares.");
        assert_eq!(kind, FindingKind::Contradiction);
        // 6.2 miles is 9.98 km; "10 km" stands for 5 to 15 km once rounding is allowed for.
        let (kind, why) = v("The pipeline is 10 km long.", "The pipeline is 6.2 miles long.");
        assert_eq!(kind, FindingKind::Refinement);
        assert!(why.ends_with("; 1 mile = 1.609344 kilometre"), "{why}");
        let (kind, why) = v("The pipeline is 10.5 km long.", "The pipeline is 6.2 miles long.");
        assert_eq!(kind, FindingKind::Contradiction, "{why}");
        // Winds: 100 mph is 160.9 km/h.
        let (kind, _) = v("Winds reached 100 mph.", "Winds reached 161 km/h.");
        assert_eq!(kind, FindingKind::Refinement);
        let (kind, _) = v("The catch weighed 5 kg.", "The catch weighed 5 lbs.");
        assert_eq!(kind, FindingKind::Contradiction);
        // Different dimensions, and units with no single size, stay apart.
        for (a, b) in [
            ("The pipeline is 5 km long.", "The pipeline is 5 kg."),
            ("The ship carried 500 tons.", "The ship carried 500 tonnes."),
        ] {
            let (kind, why) = v(a, b);
            assert_eq!(kind, FindingKind::NotComparable, "{a} / {b}");
            assert!(why.ends_with("no conversion is assumed"), "{why}");
        }
    }

    #[test]
    fn every_unit_with_a_size_is_one_the_grammar_reads() {
        // Each phrase is read as a measure in the unit named, and that unit has a size: the
        // table of sizes uses the grammar's canonical names.
        for (phrase, unit) in [
            ("4 millimetres", "millimetre"),
            ("4 centimetres", "centimetre"),
            ("4 metres", "metre"),
            ("4 kilometres", "kilometre"),
            ("4 inches", "inch"),
            ("4 feet", "foot"),
            ("4 yards", "yard"),
            ("4 miles", "mile"),
            ("4 square metres", "square metre"),
            ("4 square feet", "square foot"),
            ("4 hectares", "hectare"),
            ("4 acres", "acre"),
            ("4 square kilometres", "square kilometre"),
            ("4 square miles", "square mile"),
            ("4 grams", "gram"),
            ("4 ounces", "ounce"),
            ("4 lbs", "pound"),
            ("4 kilograms", "kilogram"),
            ("4 tonnes", "tonne"),
            ("4 ml", "millilitre"),
            ("4 millilitres", "millilitre"),
            ("4 mm", "millimetre"),
            ("4 litres", "litre"),
            ("4 cubic metres", "cubic metre"),
            ("4 km/h", "kilometre per hour"),
            ("4 mph", "mile per hour"),
            ("4 m/s", "metre per second"),
            ("4 knots", "knot"),
            ("4 kilowatts", "kilowatt"),
            ("4 megawatts", "megawatt"),
            ("4 gigawatts", "gigawatt"),
            ("4 kWh", "kilowatt hour"),
            ("4 MWh", "megawatt hour"),
            ("4 GWh", "gigawatt hour"),
            ("4 TWh", "terawatt hour"),
        ] {
            let c = one(&format!("The plant reported {phrase} on Monday."));
            assert_eq!((c.kind, c.unit.as_deref()), (Kind::Measure, Some(unit)), "{phrase}");
            assert!(unit_size(unit).is_some(), "{unit}");
        }
        for unit in ["ton", "gallon", "barrel", "calorie", "degree Celsius", "magnitude"] {
            assert_eq!(unit_size(unit), None, "{unit}");
        }
    }

    #[test]
    fn rises_and_falls_share_one_signed_scale() {
        let rose = at("2025-02-19", "Factory output rose 4 percent in January.");
        let fell = at("2025-02-20", "Factory output fell 3 percent in January.");
        let v = compare(&rose, &fell);
        assert_eq!((v.kind, v.severity), (FindingKind::Contradiction, Severity::High));
        assert_eq!(
            v.explanation,
            "+4 percent and −3 percent cannot both hold for the same time (2025-01)"
        );
        // The same size in opposite directions is no agreement.
        let fell4 = at("2025-02-20", "Factory output fell 4 percent in January.");
        assert_eq!(compare(&rose, &fell4).kind, FindingKind::Contradiction);
        // A fall's bounds are mirrored: "fell about 3" (−3.3..−2.7) holds −3, "fell at least 3"
        // (..−3) holds "fell 4" (−4) and not "fell 2" (−2).
        let about3 = at("2025-02-21", "Factory output fell about 3 percent in January.");
        assert_eq!(compare(&fell, &about3).kind, FindingKind::Refinement);
        let at_least3 = at("2025-02-21", "Factory output fell at least 3 percent in January.");
        let fell2 = at("2025-02-21", "Factory output fell 2 percent in January.");
        assert_eq!(compare(&fell4, &at_least3).kind, FindingKind::Refinement);
        assert_eq!(compare(&fell2, &at_least3).kind, FindingKind::Contradiction);
        // A rise one month and a fall the next is a change over time.
        let feb = at("2025-03-19", "Factory output fell 1.5 percent in February.");
        let v = compare(&rose, &feb);
        assert_eq!(v.kind, FindingKind::ChangeOverTime);
        assert_eq!(v.explanation, "+4 percent (2025-01) became −1.5 percent (2025-02)");
        // A change is not compared with a level.
        let level = at("2025-02-19", "Factory output was 4 percent of the economy in January.");
        let v = compare(&level, &rose);
        assert_eq!(v.kind, FindingKind::NotComparable);
        assert_eq!(
            v.explanation,
            "+4 percent is a change and 4 percent a level; one is not compared with the other"
        );
    }

    #[test]
    fn ages_move_with_the_year() {
        let a =
            extract("---\npublished: 2018-01-25\n---\nBaquer Namazi, 81, was jailed.").remove(0);
        let b = extract("---\npublished: 2022-03-10\n---\nBaquer Namazi, 85, was freed.").remove(0);
        let c = extract("---\npublished: 2022-03-10\n---\nBaquer Namazi, 80, was freed.").remove(0);
        assert_eq!(compare(&a, &b).kind, FindingKind::Agreement);
        assert_eq!(compare(&a, &c).kind, FindingKind::Contradiction);
    }

    #[test]
    fn interval_strictness() {
        let four = Number::from_int(4);
        let more_than_four = Interval::at_least(four, true);
        assert!(!more_than_four.overlaps(&Interval::point(four)));
        assert!(Interval::at_least(four, false).overlaps(&Interval::point(four)));
        assert!(Interval::at_least(four, false).contains(&more_than_four));
        assert!(!more_than_four.contains(&Interval::at_least(four, false)));
    }

    #[test]
    fn self_checks_rows() {
        let text = "---\npublished: 2021-07-13\n---\nFour aid workers were held: Ann Lee, Bo Park and Cy Ross.";
        let claims = extract(text);
        let checks = self_checks(&claims);
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].1.kind, FindingKind::Contradiction);
        let text = "---\npublished: 2021-07-13\n---\nIran holds at least four Americans, including Ann Lee, Bo Park, Cy Ross and Di Wu.";
        assert_eq!(self_checks(&extract(text))[0].1.kind, FindingKind::Agreement);
        let text = "---\npublished: 2021-07-13\n---\n12 people were detained: seven Britons and four Germans.";
        assert_eq!(self_checks(&extract(text))[0].1.kind, FindingKind::Contradiction);
    }
}
