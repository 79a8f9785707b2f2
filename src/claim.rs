//! The typed facts that extraction produces.
//!
//! A [`Claim`] is one quantity stated in a text, with its provenance (where), its value (what,
//! with exact interval semantics), its subject (of what) and its time (when).

use crate::date::Period;
use crate::number::Number;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// A byte range `start..end` into a source's text, always on `char` boundaries.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span; callers keep `start <= end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing with `str::get`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Where a claim was read: byte span, 1-based line and column (in characters), and the exact
/// surface text.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Provenance {
    /// Byte span into the source text (front matter included).
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in Unicode scalar values.
    pub column: usize,
    /// The text of the span, exactly as in the source.
    pub text: String,
}

/// What a claim quantifies.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// A number of things or people ("three American hostages").
    Count,
    /// An amount of money ("$7bn").
    Money,
    /// A percentage ("15%", "15 per cent").
    Percent,
    /// A fraction ("two-thirds").
    Fraction,
    /// A measure with a physical unit ("2,000 acres").
    Measure,
    /// An age ("22-year-old", "Baquer Namazi, 81").
    Age,
    /// A length of time ("two months", "more than a decade").
    Duration,
    /// A date or period ("October 2016", "last May").
    Date,
    /// A rank ("the seventh round", "a fifth American").
    Ordinal,
    /// A multiplicative change ("doubled").
    Factor,
    /// A bare number with nothing to attach it to.
    Number,
}

impl Kind {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Measure => "measure",
            Kind::Age => "age",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Ordinal => "ordinal",
            Kind::Factor => "factor",
            Kind::Number => "number",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the words bound the value.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// "four", "exactly four", "all four".
    Exact,
    /// "at least four", "no fewer than four", "four or more": `>= low`.
    AtLeast,
    /// "more than four", "over four": `> low`.
    MoreThan,
    /// "at most ten", "up to ten", "no more than ten": `<= high`.
    AtMost,
    /// "fewer than ten", "less than ten", "under ten": `< high`.
    FewerThan,
    /// "about", "around", "nearly", "some", "an estimated" …
    Approximate,
    /// "between 3 and 5", "3-5", "three or four".
    Range,
    /// "dozens", "several", "a handful": a documented interval.
    Vague,
}

impl Qualifier {
    /// The snake_case name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::FewerThan => "fewer_than",
            Qualifier::Approximate => "approximate",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// Which side of the stated value an approximation leans to.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lean {
    /// "about", "around", "roughly", "some": either side.
    Either,
    /// "nearly", "almost", "just under", "close to": at or a little below.
    Below,
    /// "just over", "a little more than": a little above.
    Above,
}

/// Direction of a change ("rose 2%" is up, "fell by 3 points" is down).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// An increase.
    Up,
    /// A decrease.
    Down,
}

/// A quantity with the bounds the words state.
///
/// `low`/`high` are what the text says, not a guess: "four" is 4..=4, "at least four" is 4..,
/// "about 6 billion" is 6e9..=6e9 with [`Qualifier::Approximate`]. The reconciler widens
/// approximate and vague values by documented tolerances (see [`crate::reconcile`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
pub struct Quantity {
    /// Lower bound, `None` when the words give none ("up to ten").
    pub low: Option<Number>,
    /// Upper bound, `None` when the words give none ("at least four").
    pub high: Option<Number>,
    /// How the words bound the value.
    pub qualifier: Qualifier,
    /// For approximations, which way they lean.
    pub lean: Lean,
}

impl Quantity {
    /// An exact value.
    pub fn exact(n: Number) -> Quantity {
        Quantity { low: Some(n), high: Some(n), qualifier: Qualifier::Exact, lean: Lean::Either }
    }
}

/// The value of a claim: a quantity, or for dates a period of days.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A number with bounds.
    Quantity(Quantity),
    /// A date: the period it names, or `None` when it is relative and the source has no date.
    Date {
        /// The days the date covers.
        period: Option<Period>,
        /// True when the words were relative ("last May") and needed the source's date.
        relative: bool,
    },
}

/// What a quantity counts or measures.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Subject {
    /// The normalised key: e.g. `american detainee`, `round`, `baquer namazi`.
    pub key: String,
    /// The words the key was built from, as written.
    pub text: String,
    /// Where those words are.
    pub span: Span,
    /// True when the subject is a dual national ("Iranian-American").
    pub dual: bool,
    /// Where the clause places the group ("held in Dunmarch"), normalised; claims placed in
    /// different places are not compared.
    pub place: Option<String>,
}

/// Where a claim's time came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    /// A date stated in the claim's sentence.
    Stated,
    /// The source's publication date.
    Published,
    /// Neither: the source has no date and the sentence states none (or only a relative one).
    Unknown,
}

/// The time a claim speaks of.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct TimeScope {
    /// The days, when known.
    pub period: Option<Period>,
    /// Where they came from.
    pub basis: TimeBasis,
    /// The span of the stated date, when [`TimeBasis::Stated`].
    pub span: Option<Span>,
    /// The source's publication date: the day the figure was reported.
    pub reported: Option<crate::date::Date>,
}

impl TimeScope {
    /// Days a stated date must precede publication for the figure to be a fixed historical
    /// fact rather than a running tally as of publication.
    pub const HISTORICAL_DAYS: i64 = 7;

    /// The time a figure is *as of*, for comparing claims: a stated date well before
    /// publication ("in 2016", "last May") or after it ("by 2030") fixes it; a recent or no
    /// stated date ("in Monday's fire") makes it a report as of the publication date, which
    /// later reports may revise.
    pub fn as_of(&self) -> Option<Period> {
        match (self.basis, self.period, self.reported) {
            (TimeBasis::Stated, Some(p), Some(r)) => {
                let historical =
                    p.end().to_days().saturating_add(Self::HISTORICAL_DAYS) < r.to_days();
                let future = p.start() > r;
                Some(if historical || future { p } else { Period::day(r) })
            }
            (_, _, Some(r)) => Some(Period::day(r)),
            (_, p, None) => p,
        }
    }
}

/// How a claim introduces the list that follows it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// "four people: A, B, C and D": the list is the whole group.
    Complete,
    /// "at least four, including A, B …": the list is part of the group.
    Partial,
}

/// A name enumerated after a count.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Member {
    /// The name as written.
    pub name: String,
    /// Where it is.
    pub span: Span,
}

/// One numeric or factual claim read from a text.
///
/// # Example
/// ```
/// use claimcheck::{extract, Kind, Qualifier};
/// let claims = extract("Iran is holding at least four Americans.");
/// let c = &claims[0];
/// assert_eq!(c.kind, Kind::Count);
/// assert_eq!(c.provenance.text, "at least four Americans");
/// assert_eq!(c.quantity().unwrap().qualifier, Qualifier::AtLeast);
/// assert_eq!(c.subject.as_ref().unwrap().key, "american detainee");
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Claim {
    /// Where the claim was read.
    pub provenance: Provenance,
    /// What it quantifies.
    pub kind: Kind,
    /// Its value.
    pub value: Value,
    /// Canonical unit: an ISO 4217 code for money, `percent`, `year`/`month`/`week`/`day`/…
    /// for ages and durations, a canonical unit name for measures, `None` for counts.
    /// Borrowed from the grammar's own names when extracted (no allocation per claim).
    pub unit: Option<Cow<'static, str>>,
    /// For rates ("1.2 million barrels a day"), the period unit ("day").
    pub per: Option<Cow<'static, str>>,
    /// `None` for a level, else the direction of a change.
    pub change: Option<Change>,
    /// What it counts or measures.
    pub subject: Option<Subject>,
    /// When it speaks of.
    pub time: TimeScope,
    /// Names enumerated after the claim ("including A, B and C").
    pub members: Vec<Member>,
    /// Whether the list after the claim is the whole group or part of it.
    pub list: Option<ListKind>,
    /// Indices (into the same extraction's claims) of counts given as parts of this total.
    pub parts: Vec<usize>,
}

impl Claim {
    /// The quantity, for every kind but dates.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.value {
            Value::Quantity(q) => Some(q),
            Value::Date { .. } => None,
        }
    }

    /// The byte span.
    pub fn span(&self) -> Span {
        self.provenance.span
    }
}

/// Something extraction noticed but could not turn into a claim.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Diagnostic {
    /// Where.
    pub span: Span,
    /// What.
    pub kind: DiagnosticKind,
}

/// The kinds of extraction diagnostics.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A number too large for exact arithmetic (beyond about 10^38).
    TooLarge,
    /// A relative date ("last May") in a source with no publication date.
    UnresolvedRelativeDate,
    /// A relative date that, resolved against the publication date, falls outside the years
    /// 1000 to 2999 ("last May" in a source published in January 1000).
    RelativeDateOutOfRange,
    /// Digits claimcheck does not read (full-width "１２", other scripts); no claim was made.
    UnsupportedDigits,
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiagnosticKind::TooLarge => {
                f.write_str("number too large for exact arithmetic; no claim was made from it")
            }
            DiagnosticKind::UnresolvedRelativeDate => {
                f.write_str("relative date cannot be resolved: the source has no `published` date")
            }
            DiagnosticKind::RelativeDateOutOfRange => f.write_str(
                "relative date cannot be resolved: against the `published` date it falls outside the years 1000 to 2999",
            ),
            DiagnosticKind::UnsupportedDigits => f.write_str(
                "digits in a form claimcheck does not read (only ASCII digits are); no claim was made",
            ),
        }
    }
}
