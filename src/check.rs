//! The [`Checker`]: collects sources, reconciles their claims and builds a [`Report`].

mod pass;
mod rank;

use crate::claim::{Claim, Kind};
use crate::date::Period;
use crate::extract::{Extraction, Extractor};
use crate::load::{LoadError, LoadOptions};
use crate::reconcile::{age_time, date_of, self_checks, FindingKind, Judgement, Severity, Verdict};
use crate::report::{
    describe_value, ClaimRecord, Excerpt, Finding, Report, SourceRecord, Summary, Timeline,
    TimelinePoint, SCHEMA_VERSION,
};
use crate::source::{FrontMatterError, Metadata, Source};
use foldhash::fast::RandomState as Seeded;
use indexmap::{IndexMap, IndexSet};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// Maps keyed by claims' own fields: insertion-ordered, so iteration is deterministic whatever
/// the hasher's seed, and hashed with foldhash, several times cheaper than SipHash on short
/// keys. The seed is random so that article text cannot craft colliding keys (subject keys,
/// units and places come from the articles) and make interning quadratic; the checker's
/// interned sets use the same hasher.
type KeyMap<K, V> = IndexMap<K, V, Seeded>;

/// A claim's group: kind, subject key (its index in the checker's key set) and whether the
/// claim states a change ("rose 9%") rather than a level. Rises and falls share a group: their
/// direction is part of the statement, and they are judged on one signed scale.
type GroupKey = (Kind, usize, bool);

/// What makes two claims of one group say the same thing: the quantity, the date a date claim
/// gives, unit, rate, the time it speaks of, place (strings as indices in the checker's word
/// set) and the direction of a change. Claims of a group with the same statement form one
/// cluster.
type Statement = (
    Option<crate::claim::Quantity>,
    Option<Period>,
    Option<usize>,
    Option<usize>,
    Option<Period>,
    Option<usize>,
    Option<crate::claim::Change>,
);

/// What reconciling needs to know of a claim that is compared with other sources, worked out
/// when the claim is added: its group and statement (indices in the checker's sets), and the
/// time it speaks of. Reconciling groups and clusters claims with these integers alone, without
/// reading the claims.
#[derive(Clone, Copy, Debug)]
struct Slot {
    group: usize,
    statement: usize,
    as_of: Option<Period>,
    /// The time an age speaks of (see `reconcile::age_time`).
    age_time: Option<Period>,
}

/// One source's claims, kept without its text (only a bounded excerpt per claim).
#[derive(Clone, Debug)]
struct Checked {
    name: String,
    metadata: Metadata,
    claims: Vec<Claim>,
    excerpts: Vec<Excerpt>,
    /// Each claim's group and statement, or `None` when it is compared with no other source:
    /// worked out while the claim is fresh in memory, so that reconciling reads no strings.
    slots: Vec<Option<Slot>>,
    /// The source checked against itself (see [`self_checks`]): cited claims and verdict.
    own: Vec<(Vec<usize>, Verdict)>,
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
    /// Every subject key seen, interned. Indices depend on the order sources were added, so
    /// they are used only for equality, never for ordering.
    keys: IndexSet<Box<str>, Seeded>,
    /// Units, rates and places, interned for [`Statement`]s.
    words: IndexSet<Box<str>, Seeded>,
    /// Every group seen; a [`Slot`] holds an index into it.
    groups: IndexSet<GroupKey, Seeded>,
    /// The number of claims in each group.
    group_sizes: Vec<usize>,
    /// Every statement seen; a [`Slot`] holds an index into it.
    statements: IndexSet<Statement, Seeded>,
}

impl Checker {
    /// A checker with the default extractor.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// A checker with a custom extractor (for example with an extended lexicon).
    pub fn with_extractor(extractor: Extractor) -> Checker {
        Checker { extractor, ..Checker::default() }
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
        let slots = extraction.claims.iter().map(|c| self.slot(c)).collect();
        let own = self_checks(&extraction.claims);
        self.sources.push(Checked {
            name: source.name().to_string(),
            metadata: source.metadata().clone(),
            claims: extraction.claims,
            excerpts,
            slots,
            own,
        });
        self
    }

    /// Claims are grouped by (kind, subject, whether a change): units are compared inside a
    /// group so that different currencies for one subject are reported as not comparable.
    fn group_key(&mut self, c: &Claim) -> Option<GroupKey> {
        let subject = c.subject.as_ref()?;
        // "A fifth American" counts within its own article (see `self_checks`); across
        // articles it is not a figure about the story.
        let personal_ordinal = c.kind == Kind::Ordinal
            && (subject.key.ends_with(" national") || subject.key.ends_with(" detainee"));
        if matches!(c.kind, Kind::Number) || personal_ordinal {
            return None;
        }
        let key = intern(&mut self.keys, &subject.key);
        Some((c.kind, key, c.change.is_some()))
    }

    /// The claim's [`Slot`], interning its group and statement.
    fn slot(&mut self, c: &Claim) -> Option<Slot> {
        let group = self.group_key(c)?;
        let (group, _) = self.groups.insert_full(group);
        match self.group_sizes.get_mut(group) {
            Some(n) => *n = n.saturating_add(1),
            None => self.group_sizes.push(1),
        }
        let mut word = |w: Option<&str>| w.map(|w| intern(&mut self.words, w));
        let place = c.subject.as_ref().and_then(|s| s.place.as_deref());
        let statement = (
            c.quantity().cloned(),
            date_of(c),
            word(c.unit.as_deref()),
            word(c.per.as_deref()),
            statement_time(c),
            word(place),
            c.change,
        );
        let (statement, _) = self.statements.insert_full(statement);
        Some(Slot { group, statement, as_of: c.time.as_of(), age_time: age_time(c) })
    }

    /// Adds an article file, or every `*.txt` article in a folder (recursively, sorted; each
    /// file once, as [`crate::load::expand`] lists them).
    ///
    /// # Errors
    /// The first file that cannot be read (see [`LoadError`]). The files before it, in sorted
    /// order, stay added; a caller that wants all or nothing loads the files itself
    /// ([`crate::load::expand`], [`crate::load::load`]) and adds them with
    /// [`Checker::add_source`] once every one has loaded.
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
    /// order in which sources were added. Same as `self.reconcile().into_report()`.
    pub fn report(&self) -> Report {
        self.reconcile().into_report()
    }

    /// Reconciles every claim: the findings, pointing at the claims, before they are put into
    /// words (see [`Reconciliation`]). The result does not depend on the order in which
    /// sources were added.
    pub fn reconcile(&self) -> Reconciliation<'_> {
        pass::reconcile(self)
    }
}

/// A claim's position in the sorted sources.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
struct At {
    source: usize,
    claim: usize,
}

/// The claims a finding cites: most findings cite a pair, held inline; a longer list is a
/// range of the reconciliation's shared list of cited claims, so findings allocate nothing.
#[derive(Clone, Debug)]
enum Cited {
    Pair([At; 2]),
    Many(Range<usize>),
}

impl Cited {
    /// The claims, with `shared` the reconciliation's shared list.
    fn slice<'s>(&'s self, shared: &'s [At]) -> &'s [At] {
        match self {
            Cited::Pair(p) => p,
            Cited::Many(r) => shared.get(r.clone()).unwrap_or_default(),
        }
    }

    /// Appends `claims` to `shared` and cites them.
    fn many(shared: &mut Vec<At>, claims: impl IntoIterator<Item = At>) -> Cited {
        let start = shared.len();
        shared.extend(claims);
        Cited::Many(start..shared.len())
    }
}

/// Why a finding was made; put into words only when a report is written.
#[derive(Clone, Debug)]
enum Why {
    /// Two claims of a subject compared.
    Pair(Judgement),
    /// A cluster of claims from this many sources saying the same thing.
    Cluster(usize),
    /// The same money or measure figure under different or unknown subjects.
    Figure,
    /// A source checked against itself: the index of the check in the source's list.
    Own(usize),
}

/// A finding that points at the claims it cites.
#[derive(Clone, Debug)]
struct Pending {
    kind: FindingKind,
    severity: Severity,
    /// The subject key's position among all subjects in byte order, for sorting without comparing
    /// strings (`None`, no subject, sorts first).
    rank: Option<usize>,
    claims: Cited,
    why: Why,
}

/// A subject whose claims speak of more than one time: its claims in time order.
#[derive(Clone, Debug)]
struct PendingTimeline<'a> {
    subject: &'a str,
    kind: Kind,
    /// The group's first claim: timelines are listed in the order their groups first appear.
    first: Option<At>,
    /// The range of the reconciliation's shared list of timeline points.
    points: Range<usize>,
}

/// What reconciliation found, pointing at the checker's claims: the findings in report order,
/// each put into words only on demand. [`Reconciliation::into_report`] writes the [`Report`].
///
/// # Example
/// ```
/// use claimcheck::{Checker, FindingKind};
/// let mut checker = Checker::new();
/// checker.add_text("a.txt", "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.")?;
/// checker.add_text("b.txt", "---\npublished: 2024-09-11\n---\nOfficials said 17 workers were killed.")?;
/// let found = checker.reconcile();
/// assert_eq!(found.summary().contradictions, 1);
/// let f = found.findings().next().unwrap();
/// assert_eq!(f.kind(), FindingKind::Contradiction);
/// let quotes: Vec<_> = f.claims().map(|(source, c)| (source, c.provenance.text.as_str())).collect();
/// assert_eq!(quotes, [("a.txt", "14 workers"), ("b.txt", "17 workers")]);
/// assert!(f.explanation().contains("cannot both hold"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Reconciliation<'a> {
    sources: Vec<&'a Checked>,
    /// Every subject key a finding names, sorted: a finding's `rank` indexes it.
    subjects: Vec<&'a str>,
    /// The findings in the order they were found.
    findings: Vec<Pending>,
    /// Report order: indices into `findings`.
    order: Vec<usize>,
    timelines: Vec<PendingTimeline<'a>>,
    /// The claims of findings citing more than two, one range per finding (see [`Cited`]).
    cited: Vec<At>,
    /// Every timeline's points, (time, claim) in time order, one range per timeline.
    points: Vec<(Option<Period>, At)>,
    summary: Summary,
}

/// One finding of a [`Reconciliation`], borrowing its claims.
#[derive(Clone, Copy, Debug)]
pub struct FindingRef<'r> {
    found: &'r Reconciliation<'r>,
    finding: &'r Pending,
}

impl<'r> FindingRef<'r> {
    /// What was found.
    pub fn kind(&self) -> FindingKind {
        self.finding.kind
    }

    /// How strong it is.
    pub fn severity(&self) -> Severity {
        self.finding.severity
    }

    /// The subject key the claims share, or `None` for a figure match across subjects.
    pub fn subject(&self) -> Option<&'r str> {
        self.finding.rank.and_then(|r| self.found.subjects.get(r).copied())
    }

    /// The claims cited, each with the name of its source.
    pub fn claims(&self) -> impl Iterator<Item = (&'r str, &'r Claim)> + 'r {
        let sources: &'r [&'r Checked] = &self.found.sources;
        self.finding.claims.slice(&self.found.cited).iter().filter_map(move |at| {
            let s = sources.get(at.source)?;
            Some((s.name.as_str(), s.claims.get(at.claim)?))
        })
    }

    /// Why, in one sentence.
    pub fn explanation(&self) -> String {
        let mut claims = self.claims().map(|(_, c)| c);
        let (a, b) = (claims.next(), claims.next());
        match (&self.finding.why, a, b) {
            (Why::Own(check), ..) => {
                let source =
                    self.finding.claims.slice(&self.found.cited).first().map(|at| at.source);
                let own = source.and_then(|s| self.found.sources.get(s)?.own.get(*check));
                own.map(|(_, v)| v.explanation.clone()).unwrap_or_default()
            }
            (Why::Pair(j), Some(a), Some(b)) => j.explain(a, b),
            (Why::Cluster(n), Some(first), _) => {
                let when = match first.time.as_of() {
                    Some(p) => format!(" ({p})"),
                    None => String::new(),
                };
                format!("{n} sources say {}{when}", describe_value(first))
            }
            (Why::Figure, Some(a), Some(b)) => {
                let subject_text = |c: &Claim| {
                    c.subject
                        .as_ref()
                        .map_or("no subject".to_string(), |s| format!("\u{201c}{}\u{201d}", s.text))
                };
                format!(
                    "the same figure, {} and {}, appears in both with different or unknown subjects ({} and {})",
                    describe_value(a),
                    describe_value(b),
                    subject_text(a),
                    subject_text(b)
                )
            }
            _ => String::new(),
        }
    }
}

impl<'a> Reconciliation<'a> {
    /// Counts of sources, claims and findings by kind.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The findings in report order: contradictions first, then changes over time,
    /// refinements, agreements and incomparable pairs; within a kind by severity, subject and
    /// position.
    pub fn findings(&self) -> impl Iterator<Item = FindingRef<'_>> {
        // `order` is a permutation of the indices of `findings`: nothing is skipped.
        self.order
            .iter()
            .filter_map(move |&i| Some(FindingRef { found: self, finding: self.findings.get(i)? }))
    }

    /// The number of findings.
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// Writes the report: every finding in words, each cited claim as one shared record.
    pub fn into_report(self) -> Report {
        let sources = &self.sources;
        let mut records: Vec<Vec<Option<Arc<ClaimRecord>>>> =
            sources.iter().map(|s| vec![None; s.claims.len()]).collect();
        let mut record = |at: &At| -> Option<Arc<ClaimRecord>> {
            let slot = records.get_mut(at.source)?.get_mut(at.claim)?;
            if let Some(r) = slot {
                return Some(Arc::clone(r));
            }
            let s = sources.get(at.source)?;
            let mut r = ClaimRecord::new(&s.name, s.claims.get(at.claim)?);
            r.excerpt = s.excerpts.get(at.claim).cloned();
            let r = Arc::new(r);
            *slot = Some(Arc::clone(&r));
            Some(r)
        };
        let findings = self
            .findings()
            .map(|f| Finding {
                kind: f.kind(),
                severity: f.severity(),
                subject: f.subject().map(str::to_string),
                explanation: f.explanation(),
                claims: f
                    .finding
                    .claims
                    .slice(&self.cited)
                    .iter()
                    .filter_map(&mut record)
                    .collect(),
            })
            .collect();
        let claim = |at: At| sources.get(at.source).and_then(|s| s.claims.get(at.claim));
        let timelines = self
            .timelines
            .iter()
            .map(|t| (t, self.points.get(t.points.clone()).unwrap_or_default()))
            .map(|(t, points)| Timeline {
                subject: t.subject.to_string(),
                kind: t.kind,
                unit: points
                    .first()
                    .and_then(|p| claim(p.1))
                    .and_then(|c| c.unit.as_deref().map(str::to_owned)),
                points: points
                    .iter()
                    .filter_map(|&(time, at)| {
                        let c = claim(at)?;
                        Some(TimelinePoint {
                            time,
                            value: describe_value(c),
                            source: sources.get(at.source)?.name.clone(),
                            line: c.provenance.line,
                            column: c.provenance.column,
                            text: c.provenance.text.clone(),
                        })
                    })
                    .collect(),
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
            summary: self.summary,
            findings,
            timelines,
        }
    }
}

/// The index of `word` in `set`, inserting it if new (without allocating when it is there).
fn intern(set: &mut IndexSet<Box<str>, Seeded>, word: &str) -> usize {
    match set.get_index_of(word) {
        Some(i) => i,
        None => set.insert_full(word.into()).0,
    }
}

/// The time a claim speaks of, for its [`Statement`]. The same age said in the same year is
/// the same statement; in other years it is compared.
fn statement_time(c: &Claim) -> Option<Period> {
    if c.kind == Kind::Age {
        c.time.reported.and_then(|d| Period::year(d.year()))
    } else {
        c.time.as_of()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lazy findings and the written report say the same things, in the same order.
    #[test]
    fn reconciliation_and_report_agree() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/cases/iran-detainees-2018-2022");
        let mut checker = Checker::new();
        assert!(checker.add_path(dir).is_ok());
        let found = checker.reconcile();
        let report = checker.report();
        assert_eq!(found.summary(), &report.summary);
        assert!(report.findings.len() > 10);
        assert_eq!(found.len(), report.findings.len());
        assert_eq!(found.findings().count(), found.len());
        for (lazy, written) in found.findings().zip(&report.findings) {
            assert_eq!(lazy.kind(), written.kind);
            assert_eq!(lazy.severity(), written.severity);
            assert_eq!(lazy.subject(), written.subject.as_deref());
            assert_eq!(lazy.explanation(), written.explanation);
            let quotes: Vec<(&str, &str)> =
                lazy.claims().map(|(s, c)| (s, c.provenance.text.as_str())).collect();
            let written: Vec<(&str, &str)> =
                written.claims.iter().map(|r| (r.source.as_str(), r.text.as_str())).collect();
            assert_eq!(quotes, written);
        }
    }
}
