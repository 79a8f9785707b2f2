//! Reports: the serialisable model of what a check found, and its three renderers.
//!
//! The JSON form is a public contract (see README, "JSON output"): its top level is
//! `{"version", "sources", "summary", "findings", "timelines"}` and each finding is
//! `{"kind", "severity", "subject", "explanation", "claims"}` where every claim has the fields of
//! [`ClaimRecord`]. Adding fields is a compatible change; renaming or repurposing one bumps
//! [`SCHEMA_VERSION`].

mod claims;
mod markdown;
mod record;
mod text;

pub use record::{describe_value, Bound, ClaimRecord, Excerpt, TimeRecord};

use crate::date::{Date, Period};
use crate::reconcile::{FindingKind, Severity};
use serde::Serialize;
use std::io::Write;
use std::sync::Arc;

/// Version of the JSON report schema. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything a check found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub version: u32,
    /// The sources, sorted by name.
    pub sources: Vec<SourceRecord>,
    /// Counts by finding kind.
    pub summary: Summary,
    /// Findings: contradictions first, then changes over time, refinements, agreements and
    /// incomparable pairs; within a kind by severity, subject and position.
    pub findings: Vec<Finding>,
    /// For each subject whose claims speak of more than one time, its claims in time order.
    pub timelines: Vec<Timeline>,
}

impl Report {
    /// True when at least one finding is a contradiction (the CLI exits 1).
    pub fn has_contradictions(&self) -> bool {
        self.summary.contradictions > 0
    }
}

/// One source in a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRecord {
    /// The name (path as given).
    pub name: String,
    /// From front matter.
    pub outlet: Option<String>,
    /// From front matter.
    pub title: Option<String>,
    /// From front matter.
    pub url: Option<String>,
    /// From front matter; null when the source is undated (findings that depend on time say so).
    pub published: Option<Date>,
    /// Number of claims extracted.
    pub claims: usize,
}

/// Counts of findings by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sources checked.
    pub sources: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Contradictions.
    pub contradictions: usize,
    /// Changes over time.
    pub changes_over_time: usize,
    /// Refinements.
    pub refinements: usize,
    /// Agreements.
    pub agreements: usize,
    /// Pairs that could not be compared.
    pub not_comparable: usize,
}

/// One finding about two or more claims (or one claim checked against its own list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What was found.
    pub kind: FindingKind,
    /// How strong it is.
    pub severity: Severity,
    /// The subject key the claims share, or null for a figure match across subjects.
    pub subject: Option<String>,
    /// Why, in one sentence.
    pub explanation: String,
    /// The claims, each citing its source, position and exact words. A claim cited by several
    /// findings is one shared record.
    pub claims: Vec<Arc<ClaimRecord>>,
}

/// A subject's claims in time order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The subject key.
    pub subject: String,
    /// The kind of the claims.
    pub kind: crate::claim::Kind,
    /// Their unit, when they share one.
    pub unit: Option<String>,
    /// The points, earliest first.
    pub points: Vec<TimelinePoint>,
}

/// One point of a timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelinePoint {
    /// The time the claim speaks of.
    pub time: Option<Period>,
    /// The value, in words.
    pub value: String,
    /// The source name.
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The exact words.
    pub text: String,
}

/// Writes the report as pretty-printed JSON followed by a newline. The fields are a contract
/// (README.md lists them); `version` changes with any incompatible change.
///
/// # Errors
/// Writing or serialisation failed.
///
/// # Example
/// ```
/// use claimcheck::{Checker, report::render_json};
/// let mut checker = Checker::new();
/// checker.add_text("a.txt", "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.")?;
/// checker.add_text("b.txt", "---\npublished: 2024-09-11\n---\nIt killed 17 workers.")?;
/// let mut out = Vec::new();
/// render_json(&checker.report(), &mut out)?;
/// let json: serde_json::Value = serde_json::from_slice(&out)?;
/// assert_eq!(json["version"], 1);
/// let finding = &json["findings"][0];
/// assert_eq!((finding["kind"].as_str(), finding["severity"].as_str()), (Some("contradiction"), Some("high")));
/// assert_eq!(finding["claims"][1]["text"], "17 workers");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_json(report: &Report, w: &mut dyn Write) -> Result<(), ReportError> {
    // serde_json writes a token at a time: a buffer of a known type takes them without a
    // virtual call each, and hands `w` large blocks.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut buffered, report)?;
    writeln!(buffered)?;
    buffered.flush()?;
    Ok(())
}

pub use claims::{render_claims_jsonl, render_claims_text};
pub use markdown::render_markdown;
pub use text::{render_text, TextStyle};

/// Errors while rendering a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// Writing failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// JSON serialisation failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// A quote on one line, for the reports' one-line citations: a quote of hard-wrapped text
/// keeps its line breaks (the exact words), which would break the line it is cited in.
fn one_line(quote: &str) -> std::borrow::Cow<'_, str> {
    if quote.contains(['\n', '\r']) {
        quote.replace(['\n', '\r'], " ").into()
    } else {
        quote.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_cited_on_one_line() {
        assert_eq!(one_line("$2\nmillion"), "$2 million");
        assert_eq!(one_line("four American\r\ncitizens"), "four American  citizens");
        assert!(matches!(one_line("212 people"), std::borrow::Cow::Borrowed("212 people")));
    }
}
