//! The [`Checker`]: collects sources, reconciles their claims and builds a [`Report`].

use crate::claim::{Claim, Kind};
use crate::extract::{Extraction, Extractor};
use crate::load::{LoadError, LoadOptions};
use crate::reconcile::{
    compare, effective, self_checks, FindingKind, Severity, Verdict, PAIRWISE_LIMIT,
};
use crate::report::{
    describe_value, ClaimRecord, Excerpt, Finding, Report, SourceRecord, Summary, Timeline,
    TimelinePoint, SCHEMA_VERSION,
};
use crate::source::{FrontMatterError, Metadata, Source};
use indexmap::IndexMap;
use std::path::Path;

/// One source's claims, kept without its text (only a bounded excerpt per claim).
#[derive(Clone, Debug)]
struct Checked {
    name: String,
    metadata: Metadata,
    claims: Vec<Claim>,
    excerpts: Vec<Excerpt>,
}

/// Reconciles the claims of several sources.
///
/// # Example
/// ```
/// use claimcheck::{Checker, FindingKind};
/// let mut checker = Checker::new();
/// checker.add_text("a.txt", "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.")?;
/// checker.add_text("b.txt", "---\npublished: 2024-09-11\n---\nOfficials said 17 workers were killed.")?;
/// let report = checker.report();
/// assert!(report.has_contradictions());
/// let f = &report.findings[0];
/// assert_eq!(f.kind, FindingKind::Contradiction);
/// assert_eq!(f.subject.as_deref(), Some("worker killed"));
/// assert_eq!(f.claims[0].text, "14 workers");
/// assert_eq!((f.claims[1].source.as_str(), f.claims[1].line, f.claims[1].column), ("b.txt", 4, 16));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Checker {
    extractor: Extractor,
    sources: Vec<Checked>,
}

impl Checker {
    /// A checker with the default extractor.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// A checker with a custom extractor (for example with an extended lexicon).
    pub fn with_extractor(extractor: Extractor) -> Checker {
        Checker { extractor, sources: Vec::new() }
    }

    /// Adds an article's text, reading its front matter.
    ///
    /// # Errors
    /// Malformed front matter.
    pub fn add_text(
        &mut self,
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<&mut Self, FrontMatterError> {
        let source = Source::parse(name, text)?;
        Ok(self.add_source(&source))
    }

    /// Adds a parsed source.
    pub fn add_source(&mut self, source: &Source) -> &mut Self {
        let extraction = self.extractor.extract_source(source);
        self.add_extraction(source, extraction)
    }

    /// Adds a source whose claims were already extracted (for callers that extract in
    /// parallel). Only the claims and a short excerpt per claim are kept, not the text.
    pub fn add_extraction(&mut self, source: &Source, extraction: Extraction) -> &mut Self {
        let excerpts = extraction
            .claims
            .iter()
            .map(|c| Excerpt::around(source.text(), c.span(), c.provenance.column))
            .collect();
        self.sources.push(Checked {
            name: source.name().to_string(),
            metadata: source.metadata().clone(),
            claims: extraction.claims,
            excerpts,
        });
        self
    }

    /// Adds an article file, or every `*.txt` article in a folder (recursively, sorted).
    ///
    /// # Errors
    /// The first file that cannot be read (see [`LoadError`]).
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, LoadError> {
        let (files, mut errors) = crate::load::expand(&[path.as_ref().to_path_buf()]);
        if !errors.is_empty() {
            return Err(errors.remove(0));
        }
        for f in files {
            let (source, _warnings) = crate::load::load(&f, LoadOptions::default())?;
            self.add_source(&source);
        }
        Ok(self)
    }

    /// Reconciles every claim and returns the report. The result does not depend on the
    /// order in which sources were added.
    pub fn report(&self) -> Report {
        build_report(&self.sources)
    }
}

/// A claim's position in the sorted sources.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
struct At {
    source: usize,
    claim: usize,
}

fn build_report(unsorted: &[Checked]) -> Report {
    let mut sources: Vec<&Checked> = unsorted.iter().collect();
    // A total order, so that sources with the same name still sort the same whatever the
    // order they were added in.
    sources.sort_by(|a, b| {
        let meta = |s: &Checked| {
            (
                s.metadata.published,
                s.metadata.outlet.clone(),
                s.metadata.title.clone(),
                s.metadata.url.clone(),
            )
        };
        a.name.cmp(&b.name).then_with(|| meta(a).cmp(&meta(b))).then_with(|| {
            a.claims
                .iter()
                .map(|c| (c.span(), c.provenance.text.as_str()))
                .cmp(b.claims.iter().map(|c| (c.span(), c.provenance.text.as_str())))
        })
    });
    let claim = |at: At| sources.get(at.source).and_then(|s| s.claims.get(at.claim));
    let record = |at: At| -> Option<ClaimRecord> {
        let s = sources.get(at.source)?;
        let mut r = ClaimRecord::new(&s.name, s.claims.get(at.claim)?);
        r.excerpt = s.excerpts.get(at.claim).cloned();
        Some(r)
    };

    // Group by (kind, subject, change): units are compared inside a group so that different
    // currencies for one subject are reported as not comparable.
    let mut groups: IndexMap<(Kind, String, Option<crate::claim::Change>), Vec<At>> =
        IndexMap::new();
    for (si, s) in sources.iter().enumerate() {
        for (ci, c) in s.claims.iter().enumerate() {
            let Some(subject) = &c.subject else { continue };
            // "A fifth American" counts within its own article (see `self_checks`); across
            // articles it is not a figure about the story.
            let personal_ordinal = c.kind == Kind::Ordinal
                && (subject.key.ends_with(" national") || subject.key.ends_with(" detainee"));
            if matches!(c.kind, Kind::Number) || personal_ordinal {
                continue;
            }
            groups
                .entry((c.kind, subject.key.clone(), c.change))
                .or_default()
                .push(At { source: si, claim: ci });
        }
    }

    let mut findings: Vec<(Vec<At>, Option<String>, Verdict)> = Vec::new();
    let mut group_of: std::collections::HashMap<At, usize> = std::collections::HashMap::new();
    let mut timelines = Vec::new();
    for (gi, ((kind, key, _), members)) in groups.iter().enumerate() {
        for at in members {
            group_of.insert(*at, gi);
        }
        // Claims that say the same thing (same bounds, unit, time and place) form one cluster:
        // one agreement lists them all, and one representative is compared with the others.
        let mut clusters: IndexMap<Signature, Vec<At>> = IndexMap::new();
        for at in members {
            if let Some(c) = claim(*at) {
                clusters.entry(signature(c)).or_default().push(*at);
            }
        }
        for cluster in clusters.values() {
            let sources_in: std::collections::BTreeSet<usize> =
                cluster.iter().map(|at| at.source).collect();
            // A source restating its own figure is not news: agreement needs two sources.
            if sources_in.len() < 2 {
                continue;
            }
            let Some(first) = cluster.first().and_then(|at| claim(*at)) else { continue };
            let when = match first.time.as_of() {
                Some(p) => format!(" ({p})"),
                None => String::new(),
            };
            let v = Verdict {
                kind: FindingKind::Agreement,
                severity: Severity::Info,
                explanation: format!(
                    "{} sources say {}{when}",
                    sources_in.len(),
                    describe_value(first)
                ),
            };
            findings.push((cluster.clone(), Some(key.clone()), v));
        }
        let reps: Vec<At> = clusters.values().filter_map(|c| c.first().copied()).collect();
        let pairs: Vec<(At, At)> = if reps.len() <= PAIRWISE_LIMIT {
            reps.iter()
                .enumerate()
                .flat_map(|(i, a)| reps.iter().skip(i.saturating_add(1)).map(move |b| (*a, *b)))
                .collect()
        } else {
            // Large groups: sort by time and value, then compare neighbours (n log n).
            let mut sorted = reps.clone();
            sorted.sort_by_key(|at| {
                let c = claim(*at);
                (
                    c.and_then(|c| c.time.as_of()),
                    c.and_then(|c| c.quantity()).and_then(|q| q.low),
                    *at,
                )
            });
            sorted.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect()
        };
        for (a, b) in pairs {
            let (Some(ca), Some(cb)) = (claim(a), claim(b)) else { continue };
            findings.push((vec![a, b], Some(key.clone()), compare(ca, cb)));
        }
        // Timeline when the group's claims speak of more than one time.
        let mut points: Vec<At> = members.clone();
        points.sort_by_key(|at| (claim(*at).and_then(|c| c.time.as_of()), *at));
        let times: std::collections::BTreeSet<_> =
            points.iter().filter_map(|at| claim(*at).and_then(|c| c.time.as_of())).collect();
        if times.len() > 1 && *kind != Kind::Date {
            let unit = claim(points.first().copied().unwrap_or(At { source: 0, claim: 0 }))
                .and_then(|c| c.unit.clone());
            timelines.push(Timeline {
                subject: key.clone(),
                kind: *kind,
                unit,
                points: points
                    .iter()
                    .filter_map(|at| {
                        let c = claim(*at)?;
                        Some(TimelinePoint {
                            time: c.time.as_of(),
                            value: describe_value(c),
                            source: sources.get(at.source)?.name.clone(),
                            line: c.provenance.line,
                            column: c.provenance.column,
                            text: c.provenance.text.clone(),
                        })
                    })
                    .collect(),
            });
        }
    }

    // Figure matches across subjects: the same amount of money or measure in two sources,
    // when their subjects differ or are unknown. Only agreements are reported this way; a
    // contradiction needs a shared subject.
    let mut by_unit: IndexMap<(Kind, Option<String>, Option<String>), Vec<At>> = IndexMap::new();
    for (si, s) in sources.iter().enumerate() {
        for (ci, c) in s.claims.iter().enumerate() {
            if matches!(c.kind, Kind::Money | Kind::Measure) && c.change.is_none() {
                by_unit
                    .entry((c.kind, c.unit.clone(), c.per.clone()))
                    .or_default()
                    .push(At { source: si, claim: ci });
            }
        }
    }
    for members in by_unit.values() {
        let mut sorted: Vec<(At, crate::reconcile::Interval)> = members
            .iter()
            .filter_map(|at| Some((*at, effective(claim(*at)?)?)))
            .filter(|(_, iv)| iv.lo.is_some() && iv.hi.is_some())
            .collect();
        sorted.sort_by(|x, y| {
            x.1.lo.map(|e| e.value).cmp(&y.1.lo.map(|e| e.value)).then(x.0.cmp(&y.0))
        });
        // Neighbours in value order only: each claim is linked to the next figure that overlaps
        // it, so the number of findings stays linear in the claims.
        for pair in sorted.windows(2) {
            let (Some((a, ia)), Some((b, ib))) = (pair.first(), pair.get(1)) else { continue };
            let (a, b) = ((*a).min(*b), (*a).max(*b));
            let same_group = group_of.get(&a).is_some_and(|g| group_of.get(&b) == Some(g));
            if a.source == b.source || same_group || !ia.overlaps(ib) {
                continue;
            }
            let (Some(ca), Some(cb)) = (claim(a), claim(b)) else { continue };
            let subject_text = |c: &Claim| {
                c.subject
                    .as_ref()
                    .map_or("no subject".to_string(), |s| format!("\u{201c}{}\u{201d}", s.text))
            };
            let v = Verdict {
                kind: FindingKind::Agreement,
                severity: Severity::Info,
                explanation: format!(
                    "the same figure, {} and {}, appears in both with different or unknown subjects ({} and {})",
                    describe_value(ca),
                    describe_value(cb),
                    subject_text(ca),
                    subject_text(cb)
                ),
            };
            findings.push((vec![a, b], None, v));
        }
    }

    // Each source against itself.
    for (si, s) in sources.iter().enumerate() {
        for (idx, v) in self_checks(&s.claims) {
            let ats: Vec<At> = idx.into_iter().map(|claim| At { source: si, claim }).collect();
            let subject = ats
                .first()
                .and_then(|at| claim(*at))
                .and_then(|c| c.subject.as_ref())
                .map(|s| s.key.clone());
            findings.push((ats, subject, v));
        }
    }

    findings.sort_by(|x, y| {
        (x.2.kind, x.2.severity, &x.1, &x.0).cmp(&(y.2.kind, y.2.severity, &y.1, &y.0))
    });
    let mut summary = Summary {
        sources: sources.len(),
        claims: sources.iter().map(|s| s.claims.len()).sum(),
        ..Summary::default()
    };
    let findings: Vec<Finding> = findings
        .into_iter()
        .map(|(ats, subject, v)| {
            let counter = match v.kind {
                FindingKind::Contradiction => &mut summary.contradictions,
                FindingKind::ChangeOverTime => &mut summary.changes_over_time,
                FindingKind::Refinement => &mut summary.refinements,
                FindingKind::Agreement => &mut summary.agreements,
                FindingKind::NotComparable => &mut summary.not_comparable,
            };
            *counter = counter.saturating_add(1);
            Finding {
                kind: v.kind,
                severity: v.severity,
                subject,
                explanation: v.explanation,
                claims: ats.into_iter().filter_map(record).collect(),
            }
        })
        .collect();
    Report {
        version: SCHEMA_VERSION,
        sources: sources
            .iter()
            .map(|s| SourceRecord {
                name: s.name.clone(),
                outlet: s.metadata.outlet.clone(),
                title: s.metadata.title.clone(),
                url: s.metadata.url.clone(),
                published: s.metadata.published,
                claims: s.claims.len(),
            })
            .collect(),
        summary,
        findings,
        timelines,
    }
}

/// What makes two claims of one group say the same thing.
type Signature = (
    Option<crate::claim::Quantity>,
    Option<crate::date::Period>,
    Option<String>,
    Option<String>,
    Option<crate::date::Period>,
    Option<String>,
);

fn signature(c: &Claim) -> Signature {
    let date = match c.value {
        crate::claim::Value::Date { period, .. } => period,
        crate::claim::Value::Quantity(_) => None,
    };
    let place = c.subject.as_ref().and_then(|s| s.place.clone());
    // The same age said in the same year is the same statement; in other years it is compared.
    let time = if c.kind == Kind::Age {
        c.time.reported.and_then(|d| crate::date::Period::year(d.year()))
    } else {
        c.time.as_of()
    };
    (c.quantity().cloned(), date, c.unit.clone(), c.per.clone(), time, place)
}
