//! Markdown: a summary table, then per subject a timeline and the findings with quotes.

use super::{Finding, Report, ReportError};
use indexmap::IndexMap;
use std::io::Write;

/// Renders the report as Markdown.
///
/// # Errors
/// Writing failed.
///
/// # Example
/// ```
/// use claimcheck::{Checker, report::render_markdown};
/// let mut checker = Checker::new();
/// checker.add_text("a.txt", "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.")?;
/// checker.add_text("b.txt", "---\npublished: 2024-09-11\n---\nIt killed 17 workers.")?;
/// let mut out = Vec::new();
/// render_markdown(&checker.report(), &mut out)?;
/// let md = String::from_utf8(out)?;
/// assert!(md.contains("| worker killed | 1 | 0 | 0 | 0 | 0 |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_markdown(report: &Report, w: &mut dyn Write) -> Result<(), ReportError> {
    let s = &report.summary;
    writeln!(w, "# claimcheck report\n")?;
    writeln!(
        w,
        "{} sources, {} claims: **{} contradictions**, {} changes over time, {} refinements, {} agreements, {} not comparable.\n",
        s.sources, s.claims, s.contradictions, s.changes_over_time, s.refinements, s.agreements, s.not_comparable
    )?;
    writeln!(w, "## Sources\n")?;
    writeln!(w, "| Source | Outlet | Published | Claims |")?;
    writeln!(w, "|---|---|---|---:|")?;
    for src in &report.sources {
        writeln!(
            w,
            "| `{}` | {} | {} | {} |",
            src.name,
            cell(src.outlet.as_deref().unwrap_or("")),
            src.published.map_or("undated".to_string(), |d| d.to_string()),
            src.claims
        )?;
    }
    // Findings per subject, in the report's order of first appearance.
    let mut by_subject: IndexMap<&str, Vec<&Finding>> = IndexMap::new();
    for f in &report.findings {
        by_subject
            .entry(f.subject.as_deref().unwrap_or("(figures across subjects)"))
            .or_default()
            .push(f);
    }
    writeln!(w, "\n## Summary\n")?;
    writeln!(w, "| Subject | Contradictions | Changes over time | Refinements | Agreements | Not comparable |")?;
    writeln!(w, "|---|---:|---:|---:|---:|---:|")?;
    for (subject, fs) in &by_subject {
        let n = |k: crate::reconcile::FindingKind| fs.iter().filter(|f| f.kind == k).count();
        use crate::reconcile::FindingKind as K;
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |",
            cell(subject),
            n(K::Contradiction),
            n(K::ChangeOverTime),
            n(K::Refinement),
            n(K::Agreement),
            n(K::NotComparable)
        )?;
    }
    for (subject, fs) in &by_subject {
        writeln!(w, "\n## {}\n", cell(subject))?;
        for t in report.timelines.iter().filter(|t| t.subject == *subject) {
            writeln!(w, "Timeline ({}):\n", t.kind)?;
            writeln!(w, "| When | Value | Source | Quote |")?;
            writeln!(w, "|---|---|---|---|")?;
            for p in &t.points {
                writeln!(
                    w,
                    "| {} | {} | `{}:{}:{}` | \u{201c}{}\u{201d} |",
                    p.time.map_or("unknown".to_string(), |t| t.to_string()),
                    cell(&p.value),
                    p.source,
                    p.line,
                    p.column,
                    cell(&p.text)
                )?;
            }
            writeln!(w)?;
        }
        for f in fs {
            writeln!(
                w,
                "- **{}** ({}): {}",
                f.kind.as_str().replace('_', " "),
                f.severity.as_str(),
                cell(&f.explanation)
            )?;
            for c in &f.claims {
                writeln!(
                    w,
                    "  - `{}:{}:{}` \u{201c}{}\u{201d}",
                    c.source,
                    c.line,
                    c.column,
                    cell(&c.text)
                )?;
            }
        }
    }
    Ok(())
}

/// Escapes characters that would break a table cell or inline Markdown.
fn cell(s: &str) -> String {
    super::one_line(s).replace('|', "\\|")
}
