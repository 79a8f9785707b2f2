//! Terminal text: findings as compiler-style diagnostics with annotated source snippets.

use super::{ClaimRecord, Finding, Report, ReportError};
use crate::reconcile::FindingKind;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::io::Write;

/// Plain (for files, pipes and tests) or styled (ANSI colours, for terminals).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextStyle {
    /// No escape codes.
    Plain,
    /// ANSI colours.
    Styled,
}

/// Renders the report as text: a summary, then every finding but agreements as a diagnostic
/// quoting each claim in its source (file:line:col, the words underlined), then agreements one
/// line each.
///
/// # Errors
/// Writing failed.
///
/// # Example
/// ```
/// use claimcheck::{Checker, report::{render_text, TextStyle}};
/// let mut checker = Checker::new();
/// checker.add_text("a.txt", "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.")?;
/// checker.add_text("b.txt", "---\npublished: 2024-09-11\n---\nIt killed 17 workers.")?;
/// let mut out = Vec::new();
/// render_text(&checker.report(), TextStyle::Plain, &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("error[contradiction]: worker killed"));
/// assert!(text.contains("--> a.txt:4:17"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_text(
    report: &Report,
    style: TextStyle,
    w: &mut dyn Write,
) -> Result<(), ReportError> {
    let renderer = match style {
        TextStyle::Plain => Renderer::plain(),
        TextStyle::Styled => Renderer::styled(),
    };
    let s = &report.summary;
    writeln!(
        w,
        "claimcheck: {} sources, {} claims: {} contradiction{}, {} change{} over time, {} refinement{}, {} agreement{}, {} not comparable",
        s.sources,
        s.claims,
        s.contradictions,
        plural(s.contradictions),
        s.changes_over_time,
        plural(s.changes_over_time),
        s.refinements,
        plural(s.refinements),
        s.agreements,
        plural(s.agreements),
        s.not_comparable
    )?;
    for src in &report.sources {
        if src.published.is_none() {
            writeln!(w, "note: {} has no `published` date: its relative dates are unresolved and time-dependent findings say so", src.name)?;
        }
    }
    for f in report.findings.iter().filter(|f| f.kind != FindingKind::Agreement) {
        writeln!(w)?;
        let title = title(f);
        let level = match f.kind {
            FindingKind::Contradiction => Level::ERROR,
            FindingKind::ChangeOverTime => Level::WARNING,
            FindingKind::NotComparable => Level::NOTE,
            _ => Level::INFO,
        };
        let excerpts: Vec<(String, &ClaimRecord)> =
            f.claims.iter().map(|c| (excerpt_text(c), &**c)).collect();
        let mut group = Group::with_title(level.primary_title(title.as_str()).id(f.kind.as_str()));
        for (i, (text, c)) in excerpts.iter().enumerate() {
            let quote = quote_range(c, text);
            let kind = if i == 0 { AnnotationKind::Primary } else { AnnotationKind::Context };
            group = group.element(
                Snippet::source(text.as_str())
                    .path(c.source.as_str())
                    .line_start(c.line)
                    .annotation(kind.span(quote).label(label(c))),
            );
        }
        let report_groups = [group];
        writeln!(w, "{}", renderer.render(&report_groups))?;
    }
    let agreements: Vec<&Finding> =
        report.findings.iter().filter(|f| f.kind == FindingKind::Agreement).collect();
    if !agreements.is_empty() {
        writeln!(w, "\nagreements:")?;
        for f in agreements {
            let cites: Vec<String> = f
                .claims
                .iter()
                .map(|c| {
                    let quote = super::one_line(&c.text);
                    format!("{}:{}:{} \u{201c}{quote}\u{201d}", c.source, c.line, c.column)
                })
                .collect();
            writeln!(
                w,
                "  = {}: {} [{}]",
                f.subject.as_deref().unwrap_or("figure"),
                f.explanation,
                cites.join(" ~ ")
            )?;
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn title(f: &Finding) -> String {
    let subject = f.subject.as_deref().unwrap_or("figure");
    format!("{subject} [{}]: {}", f.severity.as_str(), f.explanation)
}

/// The excerpt as a line whose clipped start is blank, so that the renderer's columns are
/// the source's own (the renderer trims the blank margin).
fn excerpt_text(c: &ClaimRecord) -> String {
    match &c.excerpt {
        Some(e) => format!("{}{}", " ".repeat(e.prefix_chars), e.text),
        None => c.text.clone(),
    }
}

fn quote_range(c: &ClaimRecord, text: &str) -> std::ops::Range<usize> {
    match &c.excerpt {
        Some(e) => {
            e.quote.start.saturating_add(e.prefix_chars)
                ..e.quote.end.saturating_add(e.prefix_chars).min(text.len())
        }
        None => 0..text.len(),
    }
}

fn label(c: &ClaimRecord) -> String {
    let when = match (c.time.start, c.time.end) {
        (Some(s), Some(e)) if s == e => format!(" \u{b7} {s}"),
        (Some(s), Some(e)) => format!(" \u{b7} {s}..{e}"),
        _ => " \u{b7} time unknown".to_string(),
    };
    format!("{}{when}", c.kind.as_str())
}
