//! The [`Checker`]: collects sources, reconciles their claims and builds a [`Report`].

use crate::claim::{Claim, Kind};
use crate::date::Period;
use crate::extract::{Extraction, Extractor};
use crate::load::{LoadError, LoadOptions};
use crate::reconcile::{
    age_time, date_of, effective, interval, judge_facts, self_checks, Fact, FindingKind, Judgement,
    Severity, Verdict, PAIRWISE_LIMIT,
};
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

/// A claim's group: kind, subject key (its index in the checker's key set) and change.
type GroupKey = (Kind, usize, Option<crate::claim::Change>);

/// What makes two claims of one group say the same thing: the quantity, the date a date claim
/// gives, unit, rate, the time it speaks of, and place (strings as indices in the checker's
/// word set). Claims of a group with the same statement form one cluster.
type Statement = (
    Option<crate::claim::Quantity>,
    Option<Period>,
    Option<usize>,
    Option<usize>,
    Option<Period>,
    Option<usize>,
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

    /// Claims are grouped by (kind, subject, change): units are compared inside a group so
    /// that different currencies for one subject are reported as not comparable.
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
        Some((c.kind, key, c.change))
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
        );
        let (statement, _) = self.statements.insert_full(statement);
        Some(Slot { group, statement, as_of: c.time.as_of(), age_time: age_time(c) })
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
    /// order in which sources were added. Same as `self.reconcile().into_report()`.
    pub fn report(&self) -> Report {
        self.reconcile().into_report()
    }

    /// Reconciles every claim: the findings, pointing at the claims, before they are put into
    /// words (see [`Reconciliation`]). The result does not depend on the order in which
    /// sources were added.
    pub fn reconcile(&self) -> Reconciliation<'_> {
        reconcile(self)
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
                unit: points.first().and_then(|p| claim(p.1)).and_then(|c| c.unit.clone()),
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

fn reconcile<'a>(checker: &'a Checker) -> Reconciliation<'a> {
    let Checker { sources: unsorted, keys, groups: group_keys, group_sizes, statements, .. } =
        checker;
    let statement_count = statements.len();
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

    // Group the claims (see `Checker::slot`): groups in the order of their ids, members in
    // source order, bucketed by counting (no hashing) with the sizes counted as claims were
    // added. Group ids depend on the order sources were added, so nothing in the report may
    // depend on the order groups are visited: findings are sorted (with no ties between
    // groups) and timelines are sorted by their first claim below.
    let slots =
        |s: &'a Checked| s.slots.iter().enumerate().filter_map(|(ci, slot)| Some((ci, (*slot)?)));
    let mut starts = group_sizes.clone();
    counts_to_starts(&mut starts);
    let total = starts.last().copied().unwrap_or(0);
    let mut fill = starts.clone();
    // Each member carries its slot, so that a group is read from one contiguous run.
    let mut members: Vec<(At, Slot)> = Vec::new();
    if let Some(first) = sources.iter().find_map(|s| slots(s).next()) {
        members.resize(total, (At { source: 0, claim: 0 }, first.1));
    }
    for (si, s) in sources.iter().enumerate() {
        for (ci, slot) in slots(s) {
            let Some(next) = fill.get_mut(slot.group) else { continue };
            if let Some(m) = members.get_mut(*next) {
                *m = (At { source: si, claim: ci }, slot);
            }
            *next = next.saturating_add(1);
        }
    }
    let group_members = |pos: usize| -> &[(At, Slot)] {
        match (starts.get(pos), starts.get(pos.saturating_add(1))) {
            (Some(&a), Some(&b)) => members.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    };
    let slot_of =
        |at: At| sources.get(at.source).and_then(|s| s.slots.get(at.claim)).copied().flatten();
    let key_text = |k: usize| keys.get_index(k).map_or("", |k| &**k);

    // Every subject named by a finding, in byte order: findings sort by rank, not by string.
    // One sort of the distinct names gives each interned group key its rank, so that groups
    // need no string search.
    let mut named: Vec<(&str, Option<usize>)> = Vec::new();
    let mut seen = vec![false; keys.len()];
    for &(_, k, _) in group_keys {
        if let Some(s) = seen.get_mut(k).filter(|s| !**s) {
            *s = true;
            named.push((key_text(k), Some(k)));
        }
    }
    let self_subject = |si: usize, ci: usize| {
        sources.get(si).and_then(|s| s.claims.get(ci)).and_then(|c| c.subject.as_ref())
    };
    for (si, s) in sources.iter().enumerate() {
        for (idx, _) in &s.own {
            if let Some(s) = idx.first().and_then(|&ci| self_subject(si, ci)) {
                named.push((s.key.as_str(), None));
            }
        }
    }
    named.sort_unstable();
    let mut subjects: Vec<&str> = Vec::with_capacity(named.len());
    let mut rank_by_key: Vec<Option<usize>> = vec![None; keys.len()];
    for (text, key) in named {
        if subjects.last() != Some(&text) {
            subjects.push(text);
        }
        if let Some(slot) = key.and_then(|k| rank_by_key.get_mut(k)) {
            *slot = subjects.len().checked_sub(1);
        }
    }
    let rank_of = |s: &str| subjects.binary_search(&s).ok();

    let mut findings: Vec<Pending> = Vec::new();
    let mut timelines = Vec::new();
    let mut points = Vec::new();
    let mut cited = Vec::new();
    // Per statement: the group (its position plus one) that last saw it, and its cluster
    // there. The buffers below are reused from group to group.
    let mut seen_in: Vec<(usize, usize)> = vec![(0, 0); statement_count];
    // Each member's cluster, then where each cluster starts in `clustered`, which holds the
    // members cluster by cluster (in source order within a cluster).
    let mut cluster_of: Vec<usize> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut clustered: Vec<At> = Vec::new();
    // The first member of each cluster: its representative.
    let mut firsts: Vec<(At, Slot)> = Vec::new();
    // The representatives with what judging reads of them.
    let mut reps: Vec<(At, Fact<usize>)> = Vec::new();
    for (pos, &(kind, key_id, _)) in group_keys.iter().enumerate() {
        let members = group_members(pos);
        let key = key_text(key_id);
        let rank = rank_by_key.get(key_id).copied().flatten();
        // Claims that say the same thing (same statement: bounds, unit, time and place) form
        // one cluster: one agreement lists them all, and one representative is compared with
        // the others.
        let stamp = pos.saturating_add(1);
        firsts.clear();
        cluster_of.clear();
        starts.clear();
        for &(at, slot) in members {
            let Some(seen) = seen_in.get_mut(slot.statement) else { continue };
            if seen.0 != stamp {
                *seen = (stamp, firsts.len());
                firsts.push((at, slot));
                starts.push(0);
            }
            cluster_of.push(seen.1);
            if let Some(n) = starts.get_mut(seen.1) {
                *n = n.saturating_add(1);
            }
        }
        // Sizes become start offsets, then fill positions (counting sort by cluster).
        counts_to_starts(&mut starts);
        let total = starts.last().copied().unwrap_or(0);
        clustered.clear();
        clustered.resize(total, At { source: 0, claim: 0 });
        for (&(at, _), &c) in members.iter().zip(&cluster_of) {
            let Some(next) = starts.get_mut(c) else { continue };
            if let Some(place) = clustered.get_mut(*next) {
                *place = at;
            }
            *next = next.saturating_add(1);
        }
        // Each start has moved to the next cluster's start: cluster k is starts[k-1]..starts[k].
        let mut from = 0usize;
        for &to in starts.iter().take(firsts.len()) {
            let cluster = clustered.get(from..to).unwrap_or_default();
            from = to;
            // A source restating its own figure is not news: agreement needs two sources.
            // Members are in source order, so distinct sources are counted in one pass.
            let distinct =
                cluster.windows(2).filter(|w| matches!(w, [a, b] if a.source != b.source)).count();
            let sources_in = distinct.saturating_add(1);
            if sources_in < 2 {
                continue;
            }
            findings.push(Pending {
                kind: FindingKind::Agreement,
                severity: Severity::Info,
                rank,
                claims: Cited::many(&mut cited, cluster.iter().copied()),
                why: Why::Cluster(sources_in),
            });
        }
        // One representative per cluster, with what judging reads of it.
        let fact = |(at, slot): (At, Slot)| -> Option<(At, Fact<usize>)> {
            let (quantity, date, unit, per, _, place) = statements.get_index(slot.statement)?;
            let (unit, per, place) = (*unit, *per, *place);
            let quantity = *quantity;
            let (as_of, age_time) = (slot.as_of, slot.age_time);
            let effective = quantity.as_ref().and_then(|q| interval(kind, q));
            let fact =
                Fact { kind, quantity, date: *date, unit, per, place, as_of, age_time, effective };
            Some((at, fact))
        };
        let large = firsts.len() > PAIRWISE_LIMIT;
        if large {
            // Large groups are compared between neighbours in (time, value) order (n log n).
            let low = |slot: &Slot| {
                statements.get_index(slot.statement).and_then(|s| s.0.as_ref()).and_then(|q| q.low)
            };
            firsts.sort_by_cached_key(|(at, slot)| (slot.as_of, low(slot), *at));
        }
        reps.clear();
        reps.reserve(firsts.len());
        reps.extend(firsts.iter().filter_map(|m| fact(*m)));
        let mut judged = |(a, fa): &(At, Fact<usize>), (b, fb): &(At, Fact<usize>)| {
            let j = judge_facts(fa, fb);
            findings.push(Pending {
                kind: j.kind,
                severity: j.severity,
                rank,
                claims: Cited::Pair([*a, *b]),
                why: Why::Pair(j),
            });
        };
        if !large {
            for (i, a) in reps.iter().enumerate() {
                for b in reps.get(i.saturating_add(1)..).unwrap_or_default() {
                    judged(a, b);
                }
            }
        } else {
            for w in reps.windows(2) {
                if let [a, b] = w {
                    judged(a, b);
                }
            }
        }
        // A timeline when the group's claims speak of more than one time: some of known time
        // and some of unknown, or two different known times.
        if kind == Kind::Date {
            continue;
        }
        let mut times = members.iter().map(|(_, slot)| slot.as_of);
        let first = times.next().flatten();
        let (mut unknown, mut known) = (first.is_none(), first);
        let several = times.any(|t| match (t, known) {
            (None, _) => {
                unknown = true;
                known.is_some()
            }
            (Some(t), None) => {
                known = Some(t);
                unknown
            }
            (Some(t), Some(k)) => t != k,
        });
        if several {
            let start = points.len();
            points.extend(members.iter().map(|(at, slot)| (slot.as_of, *at)));
            if let Some(new) = points.get_mut(start..) {
                new.sort_unstable();
            }
            let first = members.first().map(|m| m.0);
            timelines.push(PendingTimeline {
                subject: key,
                kind,
                first,
                points: start..points.len(),
            });
        }
    }

    // Timelines in the order their groups first appear in the sorted sources (each group has
    // its own first claim, so there are no ties).
    timelines.sort_unstable_by_key(|t| t.first);

    // Figure matches across subjects: the same amount of money or measure in two sources,
    // when their subjects differ or are unknown. Only agreements are reported this way; a
    // contradiction needs a shared subject.
    type FigureKey<'a> = (Kind, Option<&'a str>, Option<&'a str>);
    let mut by_unit: KeyMap<FigureKey<'_>, Vec<At>> = KeyMap::default();
    for (si, s) in sources.iter().enumerate() {
        for (ci, c) in s.claims.iter().enumerate() {
            if matches!(c.kind, Kind::Money | Kind::Measure) && c.change.is_none() {
                by_unit
                    .entry((c.kind, c.unit.as_deref(), c.per.as_deref()))
                    .or_default()
                    .push(At { source: si, claim: ci });
            }
        }
    }
    let group = |at: At| slot_of(at).map(|s| s.group);
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
            let same_group = group(a).is_some_and(|g| group(b) == Some(g));
            if a.source == b.source || same_group || !ia.overlaps(ib) {
                continue;
            }
            findings.push(Pending {
                kind: FindingKind::Agreement,
                severity: Severity::Info,
                rank: None,
                claims: Cited::Pair([a, b]),
                why: Why::Figure,
            });
        }
    }

    // Each source against itself.
    for (si, s) in sources.iter().enumerate() {
        for (check, (idx, v)) in s.own.iter().enumerate() {
            let subject = idx.first().and_then(|&ci| self_subject(si, ci)).map(|s| s.key.as_str());
            findings.push(Pending {
                kind: v.kind,
                severity: v.severity,
                rank: subject.and_then(rank_of),
                claims: Cited::many(&mut cited, idx.iter().map(|&claim| At { source: si, claim })),
                why: Why::Own(check),
            });
        }
    }

    // Report order: (kind, severity, subject rank, cited positions, index). Each finding's
    // key packs all but the cited claims after the second into one integer, so that the sort
    // compares integers and reaches into the findings only on ties (findings citing more
    // than two claims that share the first two). Claims are numbered in source order.
    // (profile_report spread 10^6, 3.4 million findings: the sort took 0.46-0.65 s with keys
    // of three u128 and an index.)
    let mut offsets = Vec::with_capacity(sources.len());
    let mut next = 0usize;
    for s in &sources {
        offsets.push(next);
        next = next.saturating_add(s.claims.len());
    }
    let order = report_order(&findings, &cited, &offsets, subjects.len());
    let mut summary = Summary {
        sources: sources.len(),
        claims: sources.iter().map(|s| s.claims.len()).sum(),
        ..Summary::default()
    };
    for f in &findings {
        let counter = match f.kind {
            FindingKind::Contradiction => &mut summary.contradictions,
            FindingKind::ChangeOverTime => &mut summary.changes_over_time,
            FindingKind::Refinement => &mut summary.refinements,
            FindingKind::Agreement => &mut summary.agreements,
            FindingKind::NotComparable => &mut summary.not_comparable,
        };
        *counter = counter.saturating_add(1);
    }
    Reconciliation { sources, subjects, findings, order, timelines, cited, points, summary }
}

/// The findings' indices in report order: by (kind, severity, subject rank, cited claims,
/// index). `offsets` holds the number of each source's first claim (claims numbered in source
/// order), `ranks` the number of subject ranks and `shared` the list that [`Cited::Many`]
/// ranges index.
///
/// One counting pass places the findings in buckets of one (kind, severity, rank): all of a
/// subject's findings of one kind and severity, usually a handful. Each bucket is then sorted
/// on the numbers of its first two cited claims packed in a `u64`, breaking ties on the whole
/// cited list (findings citing more than two claims, and claim numbers past `u32::MAX`,
/// which saturate) and then on the index.
fn report_order(
    findings: &[Pending],
    shared: &[At],
    offsets: &[usize],
    ranks: usize,
) -> Vec<usize> {
    const CLASSES: usize = 5 * 4;
    let width = ranks.saturating_add(1);
    let buckets = CLASSES.saturating_mul(width);
    let bucket = |f: &Pending| {
        let class = (f.kind as usize).saturating_mul(4).saturating_add(f.severity as usize);
        let rank = f.rank.map_or(0, |r| r.saturating_add(1)).min(ranks);
        class.saturating_mul(width).saturating_add(rank)
    };
    let cited = |i: usize| findings.get(i).map(|f| f.claims.slice(shared));
    if buckets > findings.len().saturating_mul(4).saturating_add(1 << 12) {
        // Far more subjects than findings: counting would cost more than sorting.
        let full = |i: usize| findings.get(i).map(|f| (f.kind, f.severity, f.rank));
        let mut order: Vec<usize> = (0..findings.len()).collect();
        order.sort_unstable_by(|&x, &y| {
            full(x).cmp(&full(y)).then_with(|| cited(x).cmp(&cited(y))).then(x.cmp(&y))
        });
        return order;
    }
    let mut starts = vec![0usize; buckets];
    for f in findings {
        if let Some(n) = starts.get_mut(bucket(f)) {
            *n = n.saturating_add(1);
        }
    }
    counts_to_starts(&mut starts);
    let number = |at: Option<&At>| -> u64 {
        let n = at.and_then(|a| offsets.get(a.source).map(|first| first.saturating_add(a.claim)));
        n.map_or(0, |n| u64::try_from(n).unwrap_or(u64::MAX).saturating_add(1).min(u32::MAX.into()))
    };
    let mut keyed = vec![(0u64, 0usize); findings.len()];
    let mut next = starts.clone();
    for (i, f) in findings.iter().enumerate() {
        let Some(pos) = next.get_mut(bucket(f)) else { continue };
        let claims = f.claims.slice(shared);
        if let Some(slot) = keyed.get_mut(*pos) {
            *slot = (number(claims.first()).wrapping_shl(32) | number(claims.get(1)), i);
        }
        *pos = pos.saturating_add(1);
    }
    for w in starts.windows(2) {
        let (Some(&a), Some(&b)) = (w.first(), w.get(1)) else { continue };
        if let Some(run) = keyed.get_mut(a..b) {
            run.sort_unstable_by(|x, y| {
                x.0.cmp(&y.0).then_with(|| cited(x.1).cmp(&cited(y.1))).then(x.1.cmp(&y.1))
            });
        }
    }
    keyed.into_iter().map(|k| k.1).collect()
}

/// Turns counts into start offsets (each the sum of the counts before it) and appends the total,
/// so that in a counting sort the items counted at `k` go to `starts[k]..starts[k + 1]`.
fn counts_to_starts(counts: &mut Vec<usize>) {
    let mut total = 0usize;
    for n in counts.iter_mut() {
        let count = *n;
        *n = total;
        total = total.saturating_add(count);
    }
    counts.push(total);
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

    /// The integer sort keys order kinds and severities as their derived `Ord` does.
    #[test]
    fn report_order_is_the_derived_order() {
        use FindingKind::*;
        let kinds = [Contradiction, ChangeOverTime, Refinement, Agreement, NotComparable];
        let severities = [Severity::High, Severity::Medium, Severity::Low, Severity::Info];
        let at = |source, claim| At { source, claim };
        let mut shared = Vec::new();
        let mut findings = Vec::new();
        for &kind in kinds.iter().rev() {
            for &severity in &severities {
                for rank in [Some(7), None, Some(0)] {
                    for claims in [
                        Cited::Pair([at(0, 1), at(2, 0)]),
                        Cited::Pair([at(1, 0), at(0, 0)]),
                        Cited::many(&mut shared, [at(0, 1)]),
                        Cited::many(&mut shared, [at(1, 0), at(0, 0), at(2, 1)]),
                    ] {
                        findings.push(Pending { kind, severity, rank, claims, why: Why::Figure });
                    }
                }
            }
        }
        let mut derived: Vec<usize> = (0..findings.len()).collect();
        derived.sort_by_key(|&i| {
            let f = &findings[i];
            (f.kind, f.severity, f.rank, f.claims.slice(&shared).to_vec(), i)
        });
        // Counting into buckets, and (with a huge number of ranks) sorting directly.
        for ranks in [8, usize::MAX / 2] {
            assert_eq!(report_order(&findings, &shared, &[0, 2, 4], ranks), derived, "{ranks}");
        }
    }

    #[test]
    fn report_order_is_exact_even_when_keys_saturate() {
        use FindingKind::*;
        let at = |source, claim| At { source, claim };
        let mut shared = Vec::new();
        let mut finding = |kind, rank, claims: Vec<At>| Pending {
            kind,
            severity: Severity::Info,
            rank,
            claims: Cited::many(&mut shared, claims),
            why: Why::Figure,
        };
        let findings = vec![
            finding(Agreement, Some(1), vec![at(1, 0), at(1, 1), at(2, 1)]),
            finding(Agreement, Some(1), vec![at(1, 0), at(1, 1), at(2, 0)]),
            finding(Contradiction, Some(2), vec![at(0, 1), at(2, 0)]),
            finding(Agreement, None, vec![at(2, 0), at(2, 1)]),
            finding(Agreement, Some(1), vec![at(1, 0), at(1, 1), at(2, 0)]),
            finding(Agreement, Some(1), vec![at(0, 3)]),
        ];
        let mut derived: Vec<usize> = (0..findings.len()).collect();
        derived.sort_by_key(|&i| {
            let f = &findings[i];
            (f.kind, f.severity, f.rank, f.claims.slice(&shared).to_vec(), i)
        });
        assert_eq!(derived, [2, 3, 5, 1, 4, 0]);
        // Claim numbers that fit, and numbers past u32::MAX that saturate the packed keys.
        for offsets in [[0, 4, 6], [0, 1 << 40, (1 << 40) + 9]] {
            for ranks in [3, usize::MAX] {
                let order = report_order(&findings, &shared, &offsets, ranks);
                assert_eq!(order, derived, "{offsets:?}");
            }
        }
    }

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
