//! The JSON record for one claim: the contract shared by `extract --format json` and the
//! `claims` of every finding in `check --format json`.

use crate::claim::{Change, Claim, Kind, Lean, ListKind, Qualifier, TimeBasis, Value};
use crate::date::Date;
use crate::number::Number;
use serde::Serialize;

/// A bound in JSON: a number for quantities, an ISO 8601 day for dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Bound {
    /// A numeric bound (an integer when exact, else the nearest float).
    Number(Number),
    /// A day.
    Date(Date),
}

/// The time a claim speaks of, in JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeRecord {
    /// First day, ISO 8601, or null when unknown.
    pub start: Option<Date>,
    /// Last day, ISO 8601, or null when unknown.
    pub end: Option<Date>,
    /// `stated` (a date in the sentence), `published` (the source's date) or `unknown`.
    pub basis: TimeBasis,
    /// The source's publication date, or null.
    pub reported: Option<Date>,
}

/// One claim as a flat JSON object.
///
/// Fields (a public contract; see README "JSON output"): `source`, `start`, `end` (UTF-8 byte
/// offsets), `line`, `column` (1-based; column in characters), `text`, `kind`, `low`, `high`,
/// `qualifier`, `unit`, `change`, `subject`, `subject_text`; and the extensions `lean`, `per`,
/// `relative`, `time`, `members`, `list`.
///
/// # Example
/// ```
/// use claimcheck::{extract, report::ClaimRecord};
/// let claims = extract("Iran is holding at least four Americans.");
/// let json = serde_json::to_value(ClaimRecord::new("a.txt", &claims[0]))?;
/// assert_eq!(json["low"], 4);
/// assert_eq!(json["high"], serde_json::Value::Null);
/// assert_eq!(json["qualifier"], "at_least");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimRecord {
    /// The source's name (the path as given on the command line).
    pub source: String,
    /// First byte of the quote.
    pub start: usize,
    /// One past the last byte of the quote.
    pub end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The exact words quoted.
    pub text: String,
    /// What the claim quantifies.
    pub kind: Kind,
    /// Lower bound stated by the words (number, or ISO day for dates), or null.
    pub low: Option<Bound>,
    /// Upper bound stated by the words, or null.
    pub high: Option<Bound>,
    /// How the words bound the value.
    pub qualifier: Qualifier,
    /// ISO 4217 code, `percent`, a time unit, a canonical measure unit, or null.
    pub unit: Option<String>,
    /// Null for a level, else `up` or `down`.
    pub change: Option<Change>,
    /// The normalised subject key, or null.
    pub subject: Option<String>,
    /// The subject's words as written, or null.
    pub subject_text: Option<String>,
    /// Where the clause places the subject ("held in Dunmarch" → `dunmarch`), or null.
    pub place: Option<String>,
    /// For approximations: `either`, `below` ("nearly") or `above` ("just over"); else null.
    pub lean: Option<Lean>,
    /// For rates ("barrels a day"), the period unit; else null.
    pub per: Option<String>,
    /// For dates: true when the words were relative ("last May").
    pub relative: bool,
    /// The time the claim speaks of.
    pub time: TimeRecord,
    /// Names enumerated after a count.
    pub members: Vec<String>,
    /// `complete` or `partial` when a list follows the count; else null.
    pub list: Option<ListKind>,
    /// The line around the quote, for rendering; not part of the JSON.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

/// A bounded window of the line a claim is on, for snippets: at most
/// [`Excerpt::CONTEXT`] bytes either side of the quote, so that memory grows with the number
/// of claims and not with the length of the texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The window's text (a part of one line).
    pub text: String,
    /// Byte range of the quote within `text`.
    pub quote: std::ops::Range<usize>,
    /// Characters of the line before the window (0 when the window starts the line).
    pub prefix_chars: usize,
    /// True when the window ends before the line's end.
    pub clipped_end: bool,
}

impl Excerpt {
    /// Bytes of context kept on each side of a quote.
    pub const CONTEXT: usize = 90;

    /// The window of `text` around `span` (which must lie on char boundaries); `column` is the
    /// claim's 1-based column, so the line need not be scanned back to its start.
    pub fn around(text: &str, span: crate::claim::Span, column: usize) -> Excerpt {
        let lo = span.start.saturating_sub(Self::CONTEXT);
        let hi = span.end.saturating_add(Self::CONTEXT).min(text.len());
        // Line breaks are only looked for within the window.
        let mut from = text
            .get(lo..span.start)
            .and_then(|b| b.rfind('\n'))
            .map_or(lo, |i| lo.saturating_add(i).saturating_add(1));
        while from > 0 && !text.is_char_boundary(from) {
            from = from.saturating_sub(1);
        }
        let mut to = text
            .get(span.end..hi)
            .and_then(|a| a.find('\n'))
            .map_or(hi, |i| span.end.saturating_add(i));
        while to < text.len() && !text.is_char_boundary(to) {
            to = to.saturating_add(1);
        }
        let window = text.get(from..to).unwrap_or("").trim_end_matches('\r');
        let before_quote = text.get(from..span.start).map_or(0, |b| b.chars().count());
        let quote_end = span.end.saturating_sub(from).min(window.len());
        Excerpt {
            text: window.to_string(),
            quote: span.start.saturating_sub(from)..quote_end,
            prefix_chars: column.saturating_sub(1).saturating_sub(before_quote),
            clipped_end: to < text.len()
                && text.as_bytes().get(to) != Some(&b'\n')
                && text.as_bytes().get(to) != Some(&b'\r'),
        }
    }
}

impl ClaimRecord {
    /// Flattens a claim for JSON.
    pub fn new(source: &str, c: &Claim) -> ClaimRecord {
        let (low, high, qualifier, lean, relative) = match &c.value {
            Value::Quantity(q) => (
                q.low.map(Bound::Number),
                q.high.map(Bound::Number),
                q.qualifier,
                (q.qualifier == Qualifier::Approximate).then_some(q.lean),
                false,
            ),
            Value::Date { period, relative } => (
                period.map(|p| Bound::Date(p.start())),
                period.map(|p| Bound::Date(p.end())),
                Qualifier::Exact,
                None,
                *relative,
            ),
        };
        ClaimRecord {
            source: source.to_string(),
            start: c.provenance.span.start,
            end: c.provenance.span.end,
            line: c.provenance.line,
            column: c.provenance.column,
            text: c.provenance.text.clone(),
            kind: c.kind,
            low,
            high,
            qualifier,
            unit: c.unit.as_deref().map(str::to_owned),
            change: c.change,
            subject: c.subject.as_ref().map(|s| s.key.clone()),
            subject_text: c.subject.as_ref().map(|s| s.text.clone()),
            place: c.subject.as_ref().and_then(|s| s.place.clone()),
            lean,
            per: c.per.as_deref().map(str::to_owned),
            relative,
            time: TimeRecord {
                start: c.time.period.map(|p| p.start()),
                end: c.time.period.map(|p| p.end()),
                basis: c.time.basis,
                reported: c.time.reported,
            },
            members: c.members.iter().map(|m| m.name.clone()).collect(),
            list: c.list,
            excerpt: None,
        }
    }
}

/// A short human rendering of a claim's value: "4", "≥ 4", "> 10 year", "about 6000000000 USD",
/// "2016-10".
pub fn describe_value(c: &Claim) -> String {
    let unit = c.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let per = c.per.as_deref().map(|p| format!("/{p}")).unwrap_or_default();
    match &c.value {
        Value::Date { period: Some(p), .. } => p.to_string(),
        Value::Date { period: None, .. } => "unresolved relative date".into(),
        Value::Quantity(q) => {
            let n = |x: &Option<Number>| x.map_or("?".into(), |v| v.to_string());
            let core = match q.qualifier {
                Qualifier::Exact => n(&q.low),
                Qualifier::AtLeast => format!("\u{2265} {}", n(&q.low)),
                Qualifier::MoreThan => format!("> {}", n(&q.low)),
                Qualifier::AtMost => format!("\u{2264} {}", n(&q.high)),
                Qualifier::FewerThan => format!("< {}", n(&q.high)),
                Qualifier::Approximate => match q.lean {
                    Lean::Below => format!("nearly {}", n(&q.low)),
                    Lean::Above => format!("just over {}", n(&q.low)),
                    Lean::Either => format!("about {}", n(&q.low)),
                },
                Qualifier::Range => format!("{}\u{2013}{}", n(&q.low), n(&q.high)),
                Qualifier::Vague => format!("{}\u{2013}{} (vague)", n(&q.low), n(&q.high)),
            };
            let change = match c.change {
                Some(Change::Up) => "+",
                Some(Change::Down) => "\u{2212}",
                None => "",
            };
            let factor = if c.kind == Kind::Factor { "\u{d7}" } else { "" };
            format!("{change}{factor}{core}{unit}{per}")
        }
    }
}
