//! The reconciliation pass: the checker's slots in, findings that cite claims by position out.
//!
//! [`reconcile`] runs the phases in order, each its own function:
//!
//! 1. [`sorted_sources`]: the sources in a total order, so that nothing depends on the order
//!    they were added in;
//! 2. [`Members::bucket`]: the compared claims bucketed into their groups by counting;
//! 3. [`Subjects::rank`]: every subject a finding names, ranked in byte order, so that findings
//!    sort on integers;
//! 4. [`GroupPass::run`], group by group: clusters of claims that say the same thing (one
//!    agreement each), their representatives judged against each other, and a timeline;
//! 5. [`figure_matches`]: the same money or measure figure under different subjects;
//! 6. [`own_checks`]: each source against itself (worked out when the source was added);
//! 7. [`report_order`] and [`summarize`].
//!
//! Group ids depend on the order sources were added, so nothing in the report may depend on the
//! order groups are visited: findings are sorted (with no ties between groups) and timelines
//! are sorted by their first claim.

use super::rank::{counts_to_starts, scatter, stable_by_key, time_key, COUNTING_FROM};
use super::{At, Checked, Checker, Cited, KeyMap, Pending, PendingTimeline, Reconciliation, Slot};
use super::{GroupKey, Seeded, Statement, Why};
use crate::claim::{Change, Kind, Subject};
use crate::date::Period;
use crate::number::Number;
use crate::reconcile::{
    effective, interval, judge_facts, signed, unit_size, Fact, FindingKind, Interval, Severity,
    PAIRWISE_LIMIT,
};
use crate::report::Summary;
use indexmap::IndexSet;

/// Reconciles the checker's sources: see the [module documentation](self).
pub(super) fn reconcile(checker: &Checker) -> Reconciliation<'_> {
    let sources = sorted_sources(&checker.sources);
    let members = Members::bucket(&sources, &checker.group_sizes);
    let subjects = Subjects::rank(&sources, &checker.keys, &checker.groups);
    let mut found = Found::default();
    let mut pass = GroupPass::new(checker.statements.len());
    for (pos, &(kind, key, _)) in checker.groups.iter().enumerate() {
        let group = Group {
            kind,
            key: key_text(&checker.keys, key),
            rank: subjects.of_key(key),
            members: members.group(pos),
        };
        pass.run(pos, &group, &checker.statements, &checker.words, &mut found);
    }
    // Timelines in the order their groups first appear in the sorted sources (each group has
    // its own first claim, so there are no ties).
    found.timelines.sort_unstable_by_key(|t| t.first);
    figure_matches(&sources, &mut found.findings);
    own_checks(&sources, &subjects, &mut found);
    let order =
        report_order(&found.findings, &found.cited, &first_numbers(&sources), subjects.len());
    let summary = summarize(&sources, &found.findings);
    let Found { findings, cited, timelines, points } = found;
    let subjects = subjects.names;
    Reconciliation { sources, subjects, findings, order, timelines, cited, points, summary }
}

/// What the phases append to.
#[derive(Default)]
struct Found<'a> {
    /// The findings in the order they were found.
    findings: Vec<Pending>,
    /// The claims of findings citing more than two (see [`Cited`]).
    cited: Vec<At>,
    timelines: Vec<PendingTimeline<'a>>,
    /// Every timeline's points, one range per timeline.
    points: Vec<(Option<Period>, At)>,
}

/// The sources sorted by name. The order is total, so that sources with the same name still
/// sort the same whatever the order they were added in.
fn sorted_sources(sources: &[Checked]) -> Vec<&Checked> {
    let mut sorted: Vec<&Checked> = sources.iter().collect();
    sorted.sort_by(|a, b| {
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
    sorted
}

/// The compared claims (those with a [`Slot`]) group by group: each group's members are one
/// contiguous run, in source order, each with its slot, so that a group is read without
/// reaching back into the sources.
struct Members {
    /// Group `g`'s members are `members[starts[g]..starts[g + 1]]`.
    starts: Vec<usize>,
    members: Vec<(At, Slot)>,
}

impl Members {
    /// Buckets the claims by counting (no hashing), with the group sizes counted as claims
    /// were added.
    fn bucket(sources: &[&Checked], group_sizes: &[usize]) -> Members {
        let mut starts = group_sizes.to_vec();
        counts_to_starts(&mut starts);
        let total = starts.last().copied().unwrap_or(0);
        let mut fill = starts.clone();
        let mut members: Vec<(At, Slot)> = Vec::new();
        if let Some(first) = sources.iter().find_map(|s| slotted(s).next()) {
            members.resize(total, (At { source: 0, claim: 0 }, first.1));
        }
        let claims = sources.iter().enumerate().flat_map(|(si, s)| {
            slotted(s).map(move |(ci, slot)| (slot.group, (At { source: si, claim: ci }, slot)))
        });
        scatter(claims, &mut fill, &mut members);
        Members { starts, members }
    }

    /// The members of group `pos`.
    fn group(&self, pos: usize) -> &[(At, Slot)] {
        match (self.starts.get(pos), self.starts.get(pos.saturating_add(1))) {
            (Some(&a), Some(&b)) => self.members.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// A source's compared claims: their positions and slots.
fn slotted(s: &Checked) -> impl Iterator<Item = (usize, Slot)> + '_ {
    s.slots.iter().enumerate().filter_map(|(ci, slot)| Some((ci, (*slot)?)))
}

/// Every subject named by a finding, in byte order: a finding holds its subject's rank and
/// findings sort by rank, not by string.
struct Subjects<'a> {
    names: Vec<&'a str>,
    /// The rank of each interned subject key that names a group.
    by_key: Vec<Option<usize>>,
}

impl<'a> Subjects<'a> {
    /// Ranks the subjects of the groups and of the sources' own checks. One sort of the
    /// distinct names gives each interned group key its rank, so that groups need no string
    /// search.
    fn rank(
        sources: &[&'a Checked],
        keys: &'a IndexSet<Box<str>, Seeded>,
        groups: &IndexSet<GroupKey, Seeded>,
    ) -> Subjects<'a> {
        let mut named: Vec<(&str, Option<usize>)> = Vec::new();
        let mut seen = vec![false; keys.len()];
        for &(_, k, _) in groups {
            if let Some(s) = seen.get_mut(k).filter(|s| !**s) {
                *s = true;
                named.push((key_text(keys, k), Some(k)));
            }
        }
        for s in sources {
            for (idx, _) in &s.own {
                if let Some(subject) = own_subject(s, idx) {
                    named.push((subject.key.as_str(), None));
                }
            }
        }
        named.sort_unstable();
        let mut names: Vec<&str> = Vec::with_capacity(named.len());
        let mut by_key: Vec<Option<usize>> = vec![None; keys.len()];
        for (text, key) in named {
            if names.last() != Some(&text) {
                names.push(text);
            }
            if let Some(slot) = key.and_then(|k| by_key.get_mut(k)) {
                *slot = names.len().checked_sub(1);
            }
        }
        Subjects { names, by_key }
    }

    /// The rank of the interned subject key `key`.
    fn of_key(&self, key: usize) -> Option<usize> {
        self.by_key.get(key).copied().flatten()
    }

    /// The rank of a subject named by the text of its key.
    fn of_text(&self, key: &str) -> Option<usize> {
        self.names.binary_search(&key).ok()
    }

    /// The number of ranks.
    fn len(&self) -> usize {
        self.names.len()
    }
}

/// The text of the interned subject key `key`.
fn key_text(keys: &IndexSet<Box<str>, Seeded>, key: usize) -> &str {
    keys.get_index(key).map_or("", |k| &**k)
}

/// The subject of a source's own check: that of the first claim it cites.
fn own_subject<'a>(source: &'a Checked, cited: &[usize]) -> Option<&'a Subject> {
    let first = *cited.first()?;
    source.claims.get(first)?.subject.as_ref()
}

/// One group's claims, ready to be judged.
struct Group<'a, 'm> {
    kind: Kind,
    /// The subject key's text.
    key: &'a str,
    rank: Option<usize>,
    members: &'m [(At, Slot)],
}

/// Judges groups one after another, with buffers reused from group to group.
struct GroupPass {
    /// Per statement: the group (its position plus one) that last saw it, and its cluster
    /// there.
    seen_in: Vec<(usize, usize)>,
    /// Each member's cluster.
    cluster_of: Vec<usize>,
    /// Where each cluster starts in `clustered` while it is filled; then where each ends, so
    /// that cluster `k` is `clustered[starts[k - 1]..starts[k]]` (from 0 for the first).
    starts: Vec<usize>,
    /// The members cluster by cluster (in source order within a cluster).
    clustered: Vec<At>,
    /// The first member of each cluster: its representative.
    firsts: Vec<(At, Slot)>,
    /// Room for reordering `firsts`.
    scratch: Vec<(At, Slot)>,
    /// A small group's representatives with what judging reads of them (every pair is
    /// judged).
    reps: Vec<(At, Fact<usize>)>,
}

impl GroupPass {
    /// Buffers for a checker with `statements` interned statements.
    fn new(statements: usize) -> GroupPass {
        GroupPass {
            seen_in: vec![(0, 0); statements],
            cluster_of: Vec::new(),
            starts: Vec::new(),
            clustered: Vec::new(),
            firsts: Vec::new(),
            scratch: Vec::new(),
            reps: Vec::new(),
        }
    }

    /// Judges group number `pos`: its clusters, its representatives and its timeline.
    fn run<'a>(
        &mut self,
        pos: usize,
        group: &Group<'a, '_>,
        statements: &IndexSet<Statement, Seeded>,
        words: &IndexSet<Box<str>, Seeded>,
        found: &mut Found<'a>,
    ) {
        self.cluster(pos, group.members);
        self.agreements(group.rank, found);
        self.judge(group, statements, words, &mut found.findings);
        if group.kind != Kind::Date {
            timeline(group, found);
        }
    }

    /// Claims that say the same thing (the same statement: bounds, unit, time and place) form
    /// one cluster. Clusters are numbered in the order their first member appears, and
    /// `clustered` is filled by counting.
    fn cluster(&mut self, pos: usize, members: &[(At, Slot)]) {
        let stamp = pos.saturating_add(1);
        self.firsts.clear();
        self.cluster_of.clear();
        self.starts.clear();
        for &(at, slot) in members {
            let Some(seen) = self.seen_in.get_mut(slot.statement) else { continue };
            if seen.0 != stamp {
                *seen = (stamp, self.firsts.len());
                self.firsts.push((at, slot));
                self.starts.push(0);
            }
            self.cluster_of.push(seen.1);
            if let Some(n) = self.starts.get_mut(seen.1) {
                *n = n.saturating_add(1);
            }
        }
        // Sizes become start offsets, then fill positions.
        counts_to_starts(&mut self.starts);
        let total = self.starts.last().copied().unwrap_or(0);
        self.clustered.clear();
        self.clustered.resize(total, At { source: 0, claim: 0 });
        let ats = self.cluster_of.iter().copied().zip(members.iter().map(|m| m.0));
        scatter(ats, &mut self.starts, &mut self.clustered);
        // Each start has moved to the next cluster's start, so `starts[k]` is where cluster `k`
        // ends.
    }

    /// One agreement per cluster that spans two sources or more.
    fn agreements(&self, rank: Option<usize>, found: &mut Found<'_>) {
        let mut from = 0usize;
        for &to in self.starts.iter().take(self.firsts.len()) {
            let cluster = self.clustered.get(from..to).unwrap_or_default();
            from = to;
            // A source restating its own figure is not news: agreement needs two sources.
            // Members are in source order, so distinct sources are counted in one pass.
            let distinct =
                cluster.windows(2).filter(|w| matches!(w, [a, b] if a.source != b.source)).count();
            let sources_in = distinct.saturating_add(1);
            if sources_in < 2 {
                continue;
            }
            found.findings.push(Pending {
                kind: FindingKind::Agreement,
                severity: Severity::Info,
                rank,
                claims: Cited::many(&mut found.cited, cluster.iter().copied()),
                why: Why::Cluster(sources_in),
            });
        }
    }

    /// Judges the clusters' representatives against each other: every pair up to
    /// [`PAIRWISE_LIMIT`] clusters, neighbours in (time, value) order beyond (n log n), so that
    /// findings grow linearly.
    fn judge(
        &mut self,
        group: &Group<'_, '_>,
        statements: &IndexSet<Statement, Seeded>,
        words: &IndexSet<Box<str>, Seeded>,
        findings: &mut Vec<Pending>,
    ) {
        let kind = group.kind;
        // A measure unit's dimension and size, to compare two units of one dimension.
        let size = |unit: Option<usize>| {
            let unit = words.get_index(unit?)?;
            (kind == Kind::Measure).then(|| unit_size(unit)).flatten()
        };
        let fact = |(at, slot): (At, Slot)| -> Option<(At, Fact<usize>)> {
            let (quantity, date, unit, per, _, place, change) =
                statements.get_index(slot.statement)?;
            let (unit, per, place, change) = (*unit, *per, *place, *change);
            let quantity = *quantity;
            let (as_of, age_time) = (slot.as_of, slot.age_time);
            let effective =
                quantity.as_ref().and_then(|q| interval(kind, q)).and_then(|iv| signed(iv, change));
            let fact = Fact {
                kind,
                quantity,
                date: *date,
                unit,
                per,
                place,
                as_of,
                age_time,
                change,
                size: size(unit),
                effective,
            };
            Some((at, fact))
        };
        let large = self.firsts.len() > PAIRWISE_LIMIT;
        if large {
            // The low end on the signed scale (a fall's size, negated, from its high end), in
            // the base unit of a measure's dimension.
            let low = |slot: &Slot| {
                let s = statements.get_index(slot.statement)?;
                let q = s.0.as_ref()?;
                let low = match s.6 {
                    Some(Change::Down) => q.high.and_then(|h| Number::ZERO.checked_sub(h)),
                    _ => q.low,
                }?;
                match size(s.2) {
                    Some((_, f)) => low.checked_mul(f),
                    None => Some(low),
                }
            };
            if self.firsts.len() < COUNTING_FROM {
                self.firsts.sort_by_cached_key(|(at, slot)| (slot.as_of, low(slot), *at));
            } else {
                // Already in claim order: a stable pass by time, then each time's run (a
                // handful of claims when times vary) by value.
                debug_assert!(self.firsts.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
                stable_by_key(&mut self.firsts, &mut self.scratch, |(_, s)| time_key(s.as_of));
                for run in self.firsts.chunk_by_mut(|(_, a), (_, b)| a.as_of == b.as_of) {
                    run.sort_by_cached_key(|(at, slot)| (low(slot), *at));
                }
            }
        }
        let mut judged = |(a, fa): &(At, Fact<usize>), (b, fb): &(At, Fact<usize>)| {
            let j = judge_facts(fa, fb);
            findings.push(Pending {
                kind: j.kind,
                severity: j.severity,
                rank: group.rank,
                claims: Cited::Pair([*a, *b]),
                why: Why::Pair(j),
            });
        };
        if large {
            // Each representative against the next: its facts are worked out as it is reached
            // and kept only until the next one is judged, not stored for the whole group (a
            // few hundred bytes a representative, a hundred megabytes in a group of a quarter
            // of a million).
            let mut last: Option<(At, Fact<usize>)> = None;
            for cur in self.firsts.iter().filter_map(|m| fact(*m)) {
                if let Some(prev) = &last {
                    judged(prev, &cur);
                }
                last = Some(cur);
            }
        } else {
            self.reps.clear();
            self.reps.extend(self.firsts.iter().filter_map(|m| fact(*m)));
            for (i, a) in self.reps.iter().enumerate() {
                for b in self.reps.get(i.saturating_add(1)..).unwrap_or_default() {
                    judged(a, b);
                }
            }
        }
    }
}

/// A timeline when the group's claims speak of more than one time: some of known time and
/// some of unknown, or two different known times.
fn timeline<'a>(group: &Group<'a, '_>, found: &mut Found<'a>) {
    let members = group.members;
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
    if !several {
        return;
    }
    let points = &mut found.points;
    let start = points.len();
    points.extend(members.iter().map(|(at, slot)| (slot.as_of, *at)));
    if let Some(new) = points.get_mut(start..) {
        if new.len() < COUNTING_FROM {
            new.sort_unstable();
        } else {
            // Already in claim order: a stable pass on the time alone.
            debug_assert!(new.windows(2).all(|w| matches!(w, [a, b] if a.1 < b.1)));
            stable_by_key(new, &mut Vec::new(), |&(time, _)| time_key(time));
        }
    }
    found.timelines.push(PendingTimeline {
        subject: group.key,
        kind: group.kind,
        first: members.first().map(|m| m.0),
        points: start..points.len(),
    });
}

/// Figure matches across subjects: the same amount of money or measure in two sources, when
/// their subjects differ or are unknown. Only agreements are reported this way; a
/// contradiction needs a shared subject.
fn figure_matches(sources: &[&Checked], findings: &mut Vec<Pending>) {
    type FigureKey<'a> = (Kind, Option<&'a str>, Option<&'a str>);
    let mut by_unit: KeyMap<FigureKey<'_>, Vec<(At, Interval)>> = KeyMap::default();
    for (si, s) in sources.iter().enumerate() {
        for (ci, c) in s.claims.iter().enumerate() {
            if !matches!(c.kind, Kind::Money | Kind::Measure) || c.change.is_some() {
                continue;
            }
            let Some(iv) = effective(c).filter(|iv| iv.lo.is_some() && iv.hi.is_some()) else {
                continue;
            };
            by_unit
                .entry((c.kind, c.unit.as_deref(), c.per.as_deref()))
                .or_default()
                .push((At { source: si, claim: ci }, iv));
        }
    }
    let group = |at: At| {
        let slot = sources.get(at.source).and_then(|s| s.slots.get(at.claim)).copied().flatten();
        slot.map(|s| s.group)
    };
    for sorted in by_unit.values_mut() {
        sorted.sort_by(|x, y| {
            x.1.lo.map(|e| e.value).cmp(&y.1.lo.map(|e| e.value)).then(x.0.cmp(&y.0))
        });
        // Neighbours in value order only: each claim is linked to the next figure that overlaps
        // it, so the number of findings stays linear in the claims.
        for pair in sorted.windows(2) {
            let [(a, ia), (b, ib)] = pair else { continue };
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
}

/// Each source against itself: the checks worked out when it was added.
fn own_checks(sources: &[&Checked], subjects: &Subjects<'_>, found: &mut Found<'_>) {
    for (si, s) in sources.iter().enumerate() {
        for (check, (idx, v)) in s.own.iter().enumerate() {
            let rank = own_subject(s, idx).and_then(|subject| subjects.of_text(&subject.key));
            found.findings.push(Pending {
                kind: v.kind,
                severity: v.severity,
                rank,
                claims: Cited::many(
                    &mut found.cited,
                    idx.iter().map(|&claim| At { source: si, claim }),
                ),
                why: Why::Own(check),
            });
        }
    }
}

/// The number of each source's first claim, with claims numbered in source order.
fn first_numbers(sources: &[&Checked]) -> Vec<usize> {
    let mut next = 0usize;
    sources
        .iter()
        .map(|s| {
            let first = next;
            next = next.saturating_add(s.claims.len());
            first
        })
        .collect()
}

/// Counts of sources, claims and findings by kind.
fn summarize(sources: &[&Checked], findings: &[Pending]) -> Summary {
    let mut summary = Summary {
        sources: sources.len(),
        claims: sources.iter().map(|s| s.claims.len()).sum(),
        ..Summary::default()
    };
    for f in findings {
        let counter = match f.kind {
            FindingKind::Contradiction => &mut summary.contradictions,
            FindingKind::ChangeOverTime => &mut summary.changes_over_time,
            FindingKind::Refinement => &mut summary.refinements,
            FindingKind::Agreement => &mut summary.agreements,
            FindingKind::NotComparable => &mut summary.not_comparable,
        };
        *counter = counter.saturating_add(1);
    }
    summary
}

/// The findings' indices in report order: by (kind, severity, subject rank, cited claims,
/// index). `offsets` holds the number of each source's first claim (claims numbered in source
/// order), `ranks` the number of subject ranks and `shared` the list that [`Cited::Many`]
/// ranges index.
///
/// The sort compares integers and reaches into the findings only on ties (findings citing more
/// than two claims that share the first two). (profile_report spread 10^6, 3.4 million
/// findings: sorting on keys of three `u128` and an index took 0.46-0.65 s.)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A group past [`COUNTING_FROM`] claims, ordered by counting: its timeline runs earliest
    /// first, then in source order, and the report is the same whatever order the sources
    /// were added in.
    #[test]
    fn large_groups_sort_by_time_then_source() {
        // Two sources a date, one saying 10 and the other 11 (the first source says 10 on
        // every other date): every source makes a distinct statement, so that the group's
        // representatives (one per statement) also take the counting path, and each date's run
        // holds two values. Dates are shuffled (37 is prime to the number of pairs), so that
        // claim order is not time order.
        let sources = COUNTING_FROM + 40;
        let pairs = sources / 2;
        let article = |i: usize| {
            let d = (i / 2) * 37 % pairs;
            let (year, month, day) = (2020 + d / 336, 1 + (d / 28) % 12, 1 + d % 28);
            let (miners, rescued) = (10 + (i + d) % 2, 5 + i % 9);
            let text = format!(
                "---\npublished: {year}-{month:02}-{day:02}\n---\n{miners} miners were killed in the \
                 collapse. At least {rescued} miners were rescued.\n"
            );
            (format!("s{i:04}.txt"), text)
        };
        let (mut forward, mut backward) = (Checker::new(), Checker::new());
        for i in 0..sources {
            let (name, text) = article(i);
            assert!(forward.add_text(name, text).is_ok());
        }
        for i in (0..sources).rev() {
            let (name, text) = article(i);
            assert!(backward.add_text(name, text).is_ok());
        }
        let report = forward.report();
        assert_eq!(report, backward.report());
        let long = report.timelines.iter().filter(|t| t.points.len() >= COUNTING_FROM);
        let mut checked = 0;
        for t in long {
            checked += 1;
            for w in t.points.windows(2) {
                let [a, b] = w else { continue };
                assert!((a.time, &a.source, a.line) < (b.time, &b.source, b.line), "{a:?} {b:?}");
            }
        }
        assert!(checked >= 1, "no timeline took the counting path");
        // Within a time, representatives are judged in value order: a finding on two figures
        // of one time cites the lower first.
        let mut pairs = 0;
        for f in &report.findings {
            let [a, b] = f.claims.as_slice() else { continue };
            if a.time == b.time && a.text != b.text && a.subject.as_deref() == Some("miner killed")
            {
                pairs += 1;
                assert!(a.text < b.text, "{:?} before {:?}", a.text, b.text);
            }
        }
        assert!(pairs > COUNTING_FROM / 4, "{pairs} pairs of one time");
    }

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
}
