//! Rendering extracted claims: one line each (text) or JSON Lines.

use super::{describe_value, ClaimRecord, ReportError};
use crate::claim::{Claim, Kind};
use std::io::Write;

/// Writes one line per claim: `source:line:col: kind value subject "quote" @time`.
///
/// # Errors
/// Writing failed.
///
/// # Example
/// ```
/// let claims = claimcheck::extract("Iran holds at least four Americans.");
/// let mut out = Vec::new();
/// claimcheck::report::render_claims_text("a.txt", &claims, &mut out)?;
/// assert_eq!(
///     String::from_utf8(out)?,
///     "a.txt:1:12: count    \u{2265} 4                      american detainee            \"at least four Americans\"\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_claims_text(
    source: &str,
    claims: &[Claim],
    w: &mut dyn Write,
) -> Result<(), ReportError> {
    for c in claims {
        let subject = c.subject.as_ref().map_or("-", |s| s.key.as_str());
        let time = match (c.kind, c.time.period) {
            (Kind::Date, _) | (_, None) => String::new(),
            (_, Some(p)) => format!("  @{p}"),
        };
        let extra = if c.members.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = c.members.iter().map(|m| m.name.as_str()).collect();
            format!("  names: {}", names.join(", "))
        };
        writeln!(
            w,
            "{source}:{}:{}: {:<8} {:<24} {:<28} {:?}{time}{extra}",
            c.provenance.line,
            c.provenance.column,
            c.kind.as_str(),
            describe_value(c),
            subject,
            c.provenance.text,
        )?;
    }
    Ok(())
}

/// Writes one [`ClaimRecord`] JSON object per line (JSON Lines).
///
/// # Errors
/// Writing or serialisation failed.
///
/// # Example
/// ```
/// use claimcheck::report::render_claims_jsonl;
/// let claims = claimcheck::extract("At least four Americans are held. Talks cost $7bn.");
/// let mut out = Vec::new();
/// render_claims_jsonl("wire.txt", &claims, &mut out)?;
/// let lines: Vec<serde_json::Value> =
///     out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(serde_json::from_slice).collect::<Result<_, _>>()?;
/// assert_eq!(lines.len(), 2);
/// assert_eq!((lines[0]["qualifier"].as_str(), lines[0]["low"].as_i64()), (Some("at_least"), Some(4)));
/// assert_eq!((lines[1]["unit"].as_str(), lines[1]["low"].as_i64()), (Some("USD"), Some(7_000_000_000)));
/// assert_eq!(lines[1]["source"], "wire.txt");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_claims_jsonl(
    source: &str,
    claims: &[Claim],
    w: &mut dyn Write,
) -> Result<(), ReportError> {
    // Each record is serialised into one buffer and written whole: serde_json writes a token
    // at a time, and a `dyn Write` would pay a virtual call for each.
    let mut line = Vec::with_capacity(1024);
    for c in claims {
        line.clear();
        serde_json::to_writer(&mut line, &ClaimRecord::new(source, c))?;
        line.push(b'\n');
        w.write_all(&line)?;
    }
    Ok(())
}
