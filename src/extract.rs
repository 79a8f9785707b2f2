//! Extraction: runs the grammar over a text and normalises what it reads into [`Claim`]s.
//!
//! The grammar ([`crate::grammar`]) returns surface claims. This module attaches subjects (with
//! the [`Lexicon`]), resolves dates against the source's publication date, gives every claim
//! the time it speaks of, and links counts to the names or parts listed after them.

use crate::claim::{
    Claim, Diagnostic, DiagnosticKind, Kind, ListKind, Member, Provenance, Qualifier, Span,
    Subject, TimeBasis, TimeScope, Value,
};
use crate::date::{Date, Period};
use crate::grammar::time::{CalUnit, RawDate, Rel};
use crate::grammar::{self, RawClaim, RawKind};
use crate::lexicon::Lexicon;
use crate::source::{parse_front_matter, Source};
use crate::subject::{self, ClauseWords, NounPhrase};
use std::borrow::Cow;

/// The result of extraction: claims in text order, and what could not become a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Extraction {
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// What could not become a claim: numbers too large to represent exactly, relative dates
    /// with no publication date to resolve them, digits of other scripts. Sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts claims with a lexicon and options.
///
/// # Example
/// ```
/// use claimcheck::{Extractor, Lexicon, Source};
/// let text = "---\npublished: 2018-01-25\n---\nHe was arrested last May.\n";
/// let source = Source::parse("a.txt", text)?;
/// let extraction = Extractor::new().extract_source(&source);
/// let date = &extraction.claims[0];
/// assert_eq!(date.provenance.text, "last May");
/// assert_eq!(serde_json::to_string(&date.value)?, r#"{"date":{"period":{"start":"2017-05-01","end":"2017-05-31"},"relative":true}}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    lexicon: Lexicon,
}

impl Extractor {
    /// An extractor with the built-in lexicon.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// An extractor with a custom lexicon.
    pub fn with_lexicon(lexicon: Lexicon) -> Extractor {
        Extractor { lexicon }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Extracts from a text that may begin with front matter. Malformed front matter is not an
    /// error here: the whole text is read as the body (use [`Source::parse`] to be strict).
    pub fn extract(&self, text: &str) -> Extraction {
        match parse_front_matter(text) {
            Ok((meta, body)) => self.run(text, body, meta.published),
            Err(_) => self.run(text, 0, None),
        }
    }

    /// Extracts from a parsed source, resolving relative dates against its `published` date.
    pub fn extract_source(&self, source: &Source) -> Extraction {
        self.run(source.text(), source.body_start(), source.metadata().published)
    }

    fn run(&self, text: &str, body_start: usize, published: Option<Date>) -> Extraction {
        self.run_in_stretches(text, body_start, published, STRETCH_BYTES)
    }

    /// [`Extractor::run`], reading `stretch` bytes of text at a time: the result does not
    /// depend on `stretch`.
    fn run_in_stretches(
        &self,
        given: &str,
        body_start: usize,
        published: Option<Date>,
        stretch: usize,
    ) -> Extraction {
        // Hard-wrapped lines are read as the paragraphs they were cut from; the joined text has
        // the same bytes but for line breaks, so its offsets are the given text's.
        let joined = crate::wrap::join_wrapped_lines(given, body_start);
        let text: &str = &joined;
        let lines = Layout::new(given, text);
        let sentences = sentence_starts(text, body_start, lines.line_starts());
        let mut out = Extraction::default();
        let mut too_large = Vec::new();
        let mut relative = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut clause = ClauseWords::new(text);
        // The text is read a stretch at a time: its claims are found, then given their
        // subjects, so that only one stretch's raw claims are held, not the whole text's.
        let mut scanner = grammar::Scanner::new(text, body_start);
        let mut found = grammar::Scan::default();
        let mut until = body_start;
        let mut more = true;
        while more {
            until = until.saturating_add(stretch.max(1));
            found.claims.clear();
            found.too_large.clear();
            more = scanner.scan_until(until, &mut found);
            too_large.extend(found.too_large.iter().map(|d| Diagnostic {
                span: Span::new(d.start, d.end),
                kind: DiagnosticKind::TooLarge,
            }));
            // At most one claim per raw claim (the vector still grows by doubling).
            out.claims.reserve(found.claims.len());
            ends.reserve(found.claims.len());
            for raw in &found.claims {
                let Some(np_end) =
                    self.normalize(text, raw, published, &lines, &mut clause, &mut out.claims)
                else {
                    continue;
                };
                if let Some(
                    claim @ Claim { value: Value::Date { period: None, relative: true }, .. },
                ) = out.claims.last()
                {
                    // Resolution fails only without a date to resolve against, or past the
                    // years a `Date` holds.
                    let kind = if published.is_some() {
                        DiagnosticKind::RelativeDateOutOfRange
                    } else {
                        DiagnosticKind::UnresolvedRelativeDate
                    };
                    relative.push(Diagnostic { span: claim.span(), kind });
                }
                ends.push(np_end);
            }
        }
        // Give the thread its word memo back.
        drop(scanner);
        // In the order they were always listed in before sorting (the sort is stable).
        out.diagnostics = too_large;
        for span in unsupported_digits(text, body_start) {
            out.diagnostics.push(Diagnostic { span, kind: DiagnosticKind::UnsupportedDigits });
        }
        out.diagnostics.append(&mut relative);
        assign_times(text, &sentences, &mut out.claims, published);
        link_lists(text, &sentences, &mut out.claims, &ends);
        resolve_surnames(text, &mut out.claims);
        out.diagnostics.sort_by_key(|d| d.span);
        out
    }

    /// Builds a claim from a raw one and pushes it onto `out`, which spares a copy of the claim
    /// (a few hundred bytes) through a return value. Returns where its subject phrase ends
    /// when it pushed a claim (then the last of `out`), `None` when it pushed none.
    fn normalize<'t>(
        &self,
        text: &'t str,
        raw: &RawClaim,
        published: Option<Date>,
        lines: &Layout<'_>,
        clause: &mut ClauseWords<'t>,
        out: &mut Vec<Claim>,
    ) -> Option<usize> {
        let lex = &self.lexicon;
        let mut kind = match raw.kind {
            RawKind::Count => Kind::Count,
            RawKind::Money => Kind::Money,
            RawKind::Percent => Kind::Percent,
            RawKind::Fraction => Kind::Fraction,
            RawKind::Measure => Kind::Measure,
            RawKind::Age => Kind::Age,
            RawKind::Duration => Kind::Duration,
            RawKind::Date => Kind::Date,
            RawKind::Ordinal => Kind::Ordinal,
            RawKind::Factor => Kind::Factor,
        };
        let mut start = raw.start;
        let mut end = raw.end;
        let mut qualifier = raw.qualifier;
        let mut high = raw.high;
        let mut unit = raw.unit.map(Cow::Borrowed);
        let mut subject: Option<Subject> = None;
        let mut np_end = raw.end;
        let mk_subject = |np: &NounPhrase, fallback: Span| -> Option<Subject> {
            let key = np.key()?;
            let span = np.span.unwrap_or(fallback);
            Some(Subject {
                key,
                text: text.get(span.range()).unwrap_or("").to_string(),
                span,
                dual: np.dual,
                place: None,
            })
        };
        match raw.kind {
            RawKind::Count | RawKind::Ordinal | RawKind::Fraction => {
                // Ages written "Baquer Namazi, 81,".
                if raw.bare && raw.kind == RawKind::Count {
                    let found = comma_age(text, raw).map(|(span, name)| (span, name, None));
                    // "A woman, 29,": a person named by a noun.
                    let found = found.or_else(|| {
                        let (span, key) = comma_age_of_noun(text, raw)?;
                        Some((span, text.get(span.range())?.to_string(), Some(key)))
                    });
                    if let Some((span, name, key)) = found {
                        kind = Kind::Age;
                        unit = Some("year".into());
                        start = span.start;
                        subject = Some(Subject {
                            key: key.unwrap_or_else(|| name.to_ascii_lowercase()),
                            text: name,
                            span,
                            dual: false,
                            place: None,
                        });
                    }
                }
                // "a 737", "an 18 in the list": digits after an article name a thing (a
                // model, a route, a label), never how many of something there are.
                let label = raw.bare
                    && !raw.words
                    && grammar::token::prev_word(text, raw.start).is_some_and(|(_, w)| {
                        w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")
                    });
                if subject.is_none() && !label {
                    let allow_of = raw.qualifier == Qualifier::Vague
                        || raw.kind == RawKind::Fraction
                        || raw.words;
                    let mut np = subject::phrase_after(clause, raw.end, lex, allow_of, false);
                    if np.frequency {
                        return None;
                    }
                    if np.span.is_none() && raw.kind == RawKind::Ordinal {
                        // "the next, and seventh, round".
                        if let Some(after_comma) =
                            text.get(raw.end..).and_then(|r| r.strip_prefix(','))
                        {
                            let pos = text.len().saturating_sub(after_comma.len());
                            np = subject::phrase_after(clause, pos, lex, false, false);
                        }
                    }
                    // "two of the 12 miners were killed": the part counts what the whole
                    // does, and the clause's role is the part's.
                    let mut part = false;
                    if np.span.is_none() && raw.bare && raw.kind == RawKind::Count {
                        if let Some(whole_end) = partitive_whole_after(text, raw.end) {
                            np = subject::phrase_after(clause, whole_end, lex, false, false);
                            part = np.span.is_some();
                        }
                    }
                    if np.span.is_none() && raw.bare {
                        np = of_lookback(clause, raw.start, lex);
                    }
                    if np.span.is_none() && raw.kind == RawKind::Count {
                        np = people_in_role(text, raw.end, lex);
                    }
                    if np.span.is_none() && raw.kind == RawKind::Count {
                        np = lookback_noun(clause, raw.start, lex);
                    } else if let Some(s) = np.span {
                        // The part's quote stays its own words, apart from the whole's.
                        if s.start >= raw.end && !part {
                            end = end.max(s.end);
                        }
                        np_end = np.end;
                    }
                    // The whole of a partitive takes no role from its clause's predicate: in
                    // "none of the 12 miners was hurt" the miners were not hurt. Only a
                    // relative clause after it speaks of it ("two of the three journalists it
                    // has held").
                    let whole = raw.kind == RawKind::Count && is_partitive_whole(text, raw.start);
                    if whole && np.role_after {
                        np.role = None;
                    }
                    if raw.kind == RawKind::Count && np.span.is_some() && np.role.is_none() {
                        np.role = if whole {
                            subject::whole_role(clause, np.end, lex, 12)
                        } else {
                            subject::clause_role(clause, raw.start, np.end, lex, 12)
                        };
                    }
                    if raw.kind == RawKind::Count && np.role.is_some() {
                        np.event = subject::clause_event(clause, raw.start, np.end, lex);
                    }
                    if np.in_particular && qualifier == Qualifier::Exact {
                        qualifier = Qualifier::AtLeast;
                        high = None;
                    }
                    subject = mk_subject(&np, Span::new(raw.start, raw.end));
                }
            }
            RawKind::Money | RawKind::Percent | RawKind::Measure => {
                let np =
                    subject::phrase_after(clause, raw.end, lex, true, raw.kind == RawKind::Money);
                let np = if np.span.is_some() {
                    if np.span.is_some_and(|s| s.start >= raw.end) {
                        np_end = np.end;
                    }
                    np
                } else {
                    lookback_noun(clause, raw.start, lex)
                };
                subject = mk_subject(&np, Span::new(raw.start, raw.end));
            }
            RawKind::Age => {
                // "a man in his 40s", "Vell, in his eighties": whose age comes before "in".
                let decade_of = grammar::decade_lead(text, raw.start).and_then(|(lead, _)| {
                    if let Some((at, w)) = grammar::token::prev_word(text, lead) {
                        let key = subject::singular(&w.to_ascii_lowercase());
                        if subject::is_person_noun(&key) {
                            let span = Span::new(at, at.saturating_add(w.len()));
                            return Some((span, w.to_string(), key));
                        }
                    }
                    // "Tomas Vell, in his late 70s,".
                    let before = text.get(..lead)?.trim_end();
                    let (span, name) = subject::name_before(text, before.len())?;
                    let key = name.to_ascii_lowercase();
                    Some((span, name, key))
                });
                let found = if raw.adjectival {
                    subject::name_after(text, raw.end)
                } else {
                    subject::name_before(text, raw.start)
                };
                if let Some((span, name, key)) = decade_of {
                    subject = Some(Subject { key, text: name, span, dual: false, place: None });
                } else if let Some((span, name)) = found {
                    subject = Some(Subject {
                        key: name.to_ascii_lowercase(),
                        text: name,
                        span,
                        dual: false,
                        place: None,
                    });
                    if raw.adjectival {
                        end = end.max(span.end);
                    }
                } else if raw.adjectival {
                    let np = subject::phrase_after(clause, raw.end, lex, false, false);
                    subject = mk_subject(&np, Span::new(raw.start, raw.end));
                }
            }
            RawKind::Duration => {
                let np = subject::phrase_after(clause, raw.end, lex, !raw.adjectival, false);
                if raw.adjectival
                    || np.span.is_some_and(|s| {
                        text.get(raw.end..s.start).is_some_and(|g| g.contains("of"))
                    })
                {
                    subject = mk_subject(&np, Span::new(raw.start, raw.end));
                    if raw.adjectival {
                        if let Some(s) = np.span {
                            end = end.max(s.end);
                        }
                    }
                }
            }
            RawKind::Date => {
                // "the 2016 prisoner swap", "the 1979 Islamic Revolution".
                let article = grammar::token::prev_word(text, raw.start).is_some_and(|(_, w)| {
                    ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a))
                });
                if matches!(raw.date, Some(RawDate::Absolute(_))) && article {
                    let np = subject::phrase_after(clause, raw.end, lex, false, false);
                    subject = mk_subject(&np, Span::new(raw.start, raw.end));
                }
            }
            RawKind::Factor => {
                let np = lookback_noun(clause, raw.start, lex);
                subject = mk_subject(&np, Span::new(raw.start, raw.end));
            }
        }
        if kind == Kind::Count && subject.is_none() {
            kind = Kind::Number;
        }
        if matches!(kind, Kind::Count | Kind::Ordinal) {
            if let Some(s) = subject.as_mut() {
                s.place = subject::clause_place(clause, raw.start, np_end.max(end), lex);
            }
        }
        let value = match raw.date {
            Some(d) => {
                let (period, relative) =
                    resolve(d, published, || looks_ahead(text, lines.line_starts(), raw.start));
                Value::Date { period, relative }
            }
            None => Value::Quantity(crate::claim::Quantity {
                low: raw.low,
                high,
                qualifier,
                lean: raw.lean,
            }),
        };
        let span = Span::new(start, end);
        let (line, column) = lines.line_col(start);
        out.push(Claim {
            provenance: Provenance {
                span,
                line,
                column,
                // The exact words, line breaks and all.
                text: lines.quote(span).to_string(),
            },
            kind,
            value,
            unit,
            per: raw.per.map(Cow::Borrowed),
            change: raw.change,
            subject,
            time: TimeScope {
                period: None,
                basis: TimeBasis::Unknown,
                span: None,
                reported: published,
            },
            members: Vec::new(),
            list: None,
            parts: Vec::new(),
        });
        Some(np_end.max(end))
    }
}

/// "Baquer Namazi, 81," / "(81)": a bare number between commas right after a name.
fn comma_age(text: &str, raw: &RawClaim) -> Option<(Span, String)> {
    let before = comma_age_at(text, raw)?;
    let (span, name) = subject::name_before(text, before)?;
    Some((span, name))
}

/// "A woman, 29,", "the driver, 54,": a bare number between commas right after an article and
/// a noun for one person ([`subject::is_person_noun`]), which is what it is the age of. Returns
/// the noun's span and its lower-case form, the subject key.
fn comma_age_of_noun(text: &str, raw: &RawClaim) -> Option<(Span, String)> {
    let before = comma_age_at(text, raw)?;
    let (noun_start, noun) = grammar::token::prev_word(text, before.saturating_sub(1))?;
    let noun_end = noun_start.saturating_add(noun.len());
    // The comma right after the noun, and an article before it.
    if text.get(noun_end..before) != Some(",") {
        return None;
    }
    let key = noun.to_ascii_lowercase();
    if !subject::is_person_noun(&key) {
        return None;
    }
    let (_, article) = grammar::token::prev_word(text, noun_start)?;
    if !["a", "an", "the"].iter().any(|a| article.eq_ignore_ascii_case(a)) {
        return None;
    }
    Some((Span::new(noun_start, noun_end), key))
}

/// Where the text before a bare number ends when the number stands between commas (or in
/// brackets) as an age, as in "Baquer Namazi, 81," and "Tomas Vell, now 85,": just after the
/// comma or bracket before it.
fn comma_age_at(text: &str, raw: &RawClaim) -> Option<usize> {
    let v = raw.low?.to_i64()?;
    if !(1..=120).contains(&v) || raw.words {
        return None;
    }
    let mut before = text.get(..raw.start)?.trim_end_matches(grammar::token::is_space);
    // "Tomas Vell, now 85,".
    if let Some(b) = before.strip_suffix("now").filter(|b| b.ends_with(grammar::token::is_space)) {
        before = b.trim_end_matches(grammar::token::is_space);
    }
    if !(before.ends_with(',') || before.ends_with('(')) {
        return None;
    }
    let after = text.get(raw.end..)?;
    if !after.starts_with([',', ')', ';']) && !after.starts_with(". ") && !after.starts_with(".\n")
    {
        return None;
    }
    Some(before.len())
}

/// "at least 20 injured", "seven were freed", "41 have died": a bare count followed by a role
/// counts people in that role.
fn people_in_role<'l>(text: &str, end: usize, lex: &'l Lexicon) -> NounPhrase<'l> {
    let words = subject::words_after(text, end, 5);
    let mut iter = words.iter().peekable();
    while iter.peek().is_some_and(|w| {
        matches!(
            &*w.lower,
            "were"
                | "are"
                | "was"
                | "is"
                | "have"
                | "has"
                | "had"
                | "been"
                | "being"
                | "now"
                | "reportedly"
        )
    }) {
        iter.next();
    }
    let Some(w) = iter.next() else { return NounPhrase::default() };
    // A verb with a number for its object ("3 killed two guards", "a 737 killed 12 people")
    // is what the counted did, not what was done to them.
    let object = iter.peek().is_some_and(|o| {
        text.get(w.span.end..o.span.start).is_some_and(|g| g.trim().is_empty())
            && (o.text.starts_with(|c: char| c.is_ascii_digit())
                || grammar::number::small_number_word(&o.lower).is_some()
                || matches!(&*o.lower, "dozens" | "hundreds" | "thousands" | "scores"))
    });
    if object {
        return NounPhrase::default();
    }
    // Only right after the number (no punctuation between) and only participles ("injured",
    // "held"), not nouns that happen to be roles ("prison").
    let gap_ok =
        text.get(end..w.span.start).is_some_and(|g| !g.contains([',', '.', ';', ':', '(']));
    let participle =
        w.lower.ends_with("ed") || matches!(&*w.lower, "held" | "hurt" | "dead" | "missing");
    match lex.role(&w.lower) {
        Some(role) if gap_ok && participle => NounPhrase {
            span: Some(w.span),
            person: Some("person"),
            role: Some(role),
            end: w.span.end,
            ..NounPhrase::default()
        },
        _ => NounPhrase::default(),
    }
}

/// Words for a part of a whole before "of the …": a number ("two of the 12 miners"), a
/// fraction or a quantifier. Not "all", "each", "both" or "every", which take the whole.
fn is_part_word(w: &str) -> bool {
    grammar::number::small_number_word(w).is_some()
        || matches!(
            w,
            "half"
                | "most"
                | "some"
                | "many"
                | "none"
                | "several"
                | "few"
                | "majority"
                | "minority"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "fifth"
                | "fifths"
                | "dozens"
                | "scores"
                | "hundreds"
                | "thousands"
                | "any"
        )
}

/// `s` without the word `w` (ASCII, any case) at its end, when it ends with that whole word.
fn strip_last_word<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(w.len())?;
    let (rest, last) = (s.get(..cut)?, s.get(cut..)?);
    let whole_word = !rest.ends_with(|c: char| c.is_alphanumeric() || c == '-');
    (last.eq_ignore_ascii_case(w) && whole_word).then_some(rest)
}

/// Whether the count at `start` is the whole of a partitive: "of", maybe "the", "these" or
/// "those", and before them a number or a part word ([`is_part_word`]): "two of the 12
/// miners", "3 of the 10 suspects", "half of the 40 detainees".
fn is_partitive_whole(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    // "of", "the", "these" and "those" end in 'f' or 'e': most counts are settled here.
    if !before.ends_with(['e', 'E', 'f', 'F']) {
        return false;
    }
    let before = ["the", "these", "those"]
        .iter()
        .find_map(|d| strip_last_word(before, d))
        .map_or(before, str::trim_end);
    let Some(before) = strip_last_word(before, "of") else { return false };
    let token = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let digits = token.starts_with(|c: char| c.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    digits || grammar::token::with_lower(token, is_part_word).unwrap_or(false)
}

/// After a count ending at `end`, "of the 12" (or "of these twelve", "of 12"): where the
/// whole's number ends, so that the count is read as a part of what the whole counts.
fn partitive_whole_after(text: &str, end: usize) -> Option<usize> {
    use grammar::token::{kw, ws};
    let (r, _) = ws(text.get(end..)?).ok()?;
    let (r, _) = kw("of")(r).ok()?;
    let (mut r, _) = ws(r).ok()?;
    for d in ["the", "these", "those"] {
        if let Ok((after, _)) = kw(d)(r).and_then(|(r2, _)| ws(r2)) {
            r = after;
            break;
        }
    }
    let token = r.split(char::is_whitespace).next().unwrap_or("");
    let digits = token.starts_with(|c: char| c.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let word =
        grammar::token::with_lower(token, |w| grammar::number::small_number_word(w).is_some())
            == Some(true);
    (digits || word).then(|| text.len().saturating_sub(r.len()).saturating_add(token.len()))
}

/// "the only detained American of six": the subject is the phrase before "of".
fn of_lookback<'t, 'l>(
    clause: &mut ClauseWords<'t>,
    start: usize,
    lex: &'l Lexicon,
) -> NounPhrase<'l> {
    let before = clause.before(start, 4);
    if before.first().is_none_or(|w| w.lower != "of") {
        return NounPhrase::default();
    }
    let mut first = None;
    for w in before.iter().skip(1) {
        if matches!(&*w.lower, "the" | "only" | "a" | "an" | "one" | "all" | "each" | "every") {
            break;
        }
        first = Some(w.span.start);
    }
    match first {
        Some(p) => subject::phrase_after(clause, p, lex, false, false),
        None => NounPhrase::default(),
    }
}

/// "turnout was 48%", "winds of 100 mph", "the quake had a magnitude of 6.8", "the number of
/// miners killed rose to at least 30": the noun before a linking word or verb.
///
/// Only used when a linking word stands between the noun and the quantity; a bare verb or
/// adverb before a quantity never becomes its subject.
fn lookback_noun<'t, 'l>(
    clause: &mut ClauseWords<'t>,
    start: usize,
    lex: &'l Lexicon,
) -> NounPhrase<'l> {
    let text = clause.text();
    // Where the phrase starts, if one is found; read after the words are no longer borrowed.
    let mut found = None;
    let before = clause.before(start, 8);
    let mut linked = false;
    // Whether a verb links the noun to the number ("was", "rose to"), not only "of" or "at".
    let mut verb_linked = false;
    // A capital in mid-sentence is a name, not the noun measured; at the sentence's start it is
    // just a capital ("Turnout was 48%"). A line starts a sentence too (the body's first line,
    // after front matter, included).
    let usable = |w: &subject::NpWord<'_>| {
        let sentence_initial = text
            .get(..w.span.start)
            .map(|b| {
                b.trim_end_matches(|c: char| {
                    (c.is_whitespace() && c != '\n') || matches!(c, '"' | '\u{201c}' | '\u{feff}')
                })
            })
            .is_none_or(|b| b.is_empty() || b.ends_with(['.', '!', '?', '\n']));
        !w.text.starts_with(|c: char| c.is_ascii_uppercase())
            || lex.nationality(&w.lower).is_some()
            || sentence_initial
    };
    for (n, w) in before.iter().enumerate() {
        let gap = text.get(w.span.end..start).unwrap_or("");
        if gap.contains([',', ':', '(']) {
            break;
        }
        let l = &*w.lower;
        // "the number of X … rose to N", "a total of N X".
        let counted = before
            .get(n.saturating_add(1))
            .is_some_and(|p| matches!(p.lower.as_ref(), "number" | "total" | "count"));
        if l == "of" && counted && n > 0 {
            if let Some(first) = before.get(n.saturating_sub(1)) {
                found = Some(first.span.start);
                break;
            }
        }
        let linking = matches!(
            l,
            "was"
                | "were"
                | "is"
                | "are"
                | "of"
                | "at"
                | "to"
                | "reached"
                | "hit"
                | "stood"
                | "totalled"
                | "totaled"
                | "worth"
                | "measured"
                | "measuring"
                | "been"
                | "had"
                | "has"
                | "have"
                | "rose"
                | "fell"
                | "climbed"
                | "topped"
                | "exceeded"
                | "a"
                | "an"
        );
        if linking {
            linked = true;
            verb_linked |= !matches!(l, "of" | "at" | "to" | "a" | "an" | "worth");
            continue;
        }
        if matches!(
            l,
            "about"
                | "around"
                | "nearly"
                | "some"
                | "roughly"
                | "approximately"
                | "almost"
                | "over"
                | "under"
                | "than"
                | "more"
                | "less"
                | "least"
                | "most"
                | "up"
                | "just"
                | "now"
        ) {
            continue;
        }
        let verbish =
            l.ends_with("ly") || l.ends_with("ing") || (l.ends_with("ed") && lex.role(l).is_none());
        if !linked || l.len() < 3 || verbish {
            break;
        }
        // "Turnout in the referendum was 48%", "Deaths in Dornick rose to 40": what was
        // measured is the noun the prepositional phrase hangs on, not the phrase's own noun
        // (not so for "a loan of 35 lakh", whose noun is the head).
        let mut k = if verb_linked { n.saturating_add(1) } else { usize::MAX };
        if before.get(k).is_some_and(|d| matches!(&*d.lower, "the" | "a" | "an" | "this" | "its")) {
            k = k.saturating_add(1);
        }
        let hung_on = before
            .get(k)
            .filter(|p| matches!(&*p.lower, "in" | "for" | "at" | "on" | "during" | "among"))
            .and(before.get(k.saturating_add(1)))
            .filter(|h| {
                let hl = &*h.lower;
                hl.len() >= 3
                    && !subject::is_stop(hl)
                    && !(hl.ends_with("ly") || hl.ends_with("ing") || hl.ends_with("ed"))
                    && text.get(h.span.end..start).is_some_and(|g| !g.contains([',', ':', '(']))
                    && usable(h)
            });
        if let Some(h) = hung_on {
            found = Some(h.span.start);
            break;
        }
        if !usable(w) {
            break;
        }
        found = Some(w.span.start);
        break;
    }
    match found {
        Some(p) => subject::phrase_after(clause, p, lex, false, false),
        None => NounPhrase::default(),
    }
}

/// Runs of non-ASCII decimal digits ("１２", "١٢"): reported, not silently skipped.
fn unsupported_digits(text: &str, from: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let Some(body) = text.get(from..) else { return out };
    if body.is_ascii() {
        return out;
    }
    // Only chars starting with a lead byte of those digits are decoded. Lead bytes always start
    // a char, and memchr finds them without a per-byte loop: one pass for three of the bytes,
    // one for the fourth, merged in text order.
    let bytes = body.as_bytes();
    let [b0, b1, b2, b3] = DIGIT_LEAD_BYTES;
    let mut three = memchr::memchr3_iter(b0, b1, b2, bytes).peekable();
    let mut fourth = memchr::memchr_iter(b3, bytes).peekable();
    let leads = std::iter::from_fn(|| match (three.peek(), fourth.peek()) {
        (Some(a), Some(b)) if b < a => fourth.next(),
        (Some(_), _) => three.next(),
        (None, _) => fourth.next(),
    });
    for at in leads {
        let c = body.get(at..).and_then(|r| r.chars().next());
        let len = c.map_or(1, char::len_utf8);
        if c.is_some_and(is_decimal_digit) {
            let start = from.saturating_add(at);
            let end = start.saturating_add(len);
            match out.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => out.push(Span::new(start, end)),
            }
        }
    }
    out
}

/// The first UTF-8 byte of every digit [`is_decimal_digit`] accepts: D9 and DB (Arabic-Indic),
/// E0 (Devanagari), EF (full-width). A test keeps the two in step.
const DIGIT_LEAD_BYTES: [u8; 4] = [0xD9, 0xDB, 0xE0, 0xEF];

/// Decimal digits of other forms and scripts: full-width, Arabic-Indic, Devanagari.
fn is_decimal_digit(c: char) -> bool {
    matches!(c, '\u{ff10}'..='\u{ff19}' | '\u{0660}'..='\u{0669}' | '\u{06f0}'..='\u{06f9}' | '\u{0966}'..='\u{096f}')
}

/// Resolves a raw date against the publication date. A bare month, day of a month or weekday
/// is the last one on or before publication, or with `ahead` (the clause speaks of the future:
/// [`looks_ahead`]) the next one on or after it.
fn resolve(
    d: RawDate,
    published: Option<Date>,
    ahead: impl FnOnce() -> bool,
) -> (Option<Period>, bool) {
    match d {
        RawDate::Absolute(p) => (Some(p), false),
        other => {
            let resolved = published.and_then(|pubd| {
                let forward = resolve_ahead(other, pubd).filter(|_| ahead());
                forward.or_else(|| resolve_relative(other, pubd))
            });
            (resolved, true)
        }
    }
}

/// Words before the date at `start` in its sentence (and on its line: `line_starts`) that put
/// it in the future: "will rule on March 12", "the vote is due on Friday", "scheduled for May",
/// "expected to rule on Friday". Not "due to" (a cause: "cancelled due to a storm on Monday"),
/// nor "set", "expected" or "planned" alone (past forms as often: "they set fire to it on
/// Monday"). Read on bytes from at most 120 bytes back, only for the dates it can change.
fn looks_ahead(text: &str, line_starts: &[usize], start: usize) -> bool {
    let line = line_starts.partition_point(|&s| s <= start).saturating_sub(1);
    let from = line_starts.get(line).copied().unwrap_or(0).max(start.saturating_sub(120));
    let bytes = text.as_bytes().get(from..start).unwrap_or_default();
    // The sentence's own words: after its last '.', '!', '?' or ';' before the date.
    let cut = bytes
        .iter()
        .rposition(|b| matches!(b, b'.' | b'!' | b'?' | b';'))
        .map_or(0, |i| i.saturating_add(1));
    let clause = bytes.get(cut..).unwrap_or_default();
    let mut words = clause
        .split(|b| !(b.is_ascii_alphabetic() || *b == b'\'' || *b >= 0x80))
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        let is = |k: &[u8]| w.eq_ignore_ascii_case(k);
        let next_is_to = words.peek().is_some_and(|n| n.eq_ignore_ascii_case(b"to"));
        let future = is(b"will")
            || is(b"shall")
            || is(b"scheduled")
            || is(b"upcoming")
            || is(b"forthcoming")
            || (is(b"due") && !next_is_to)
            || ((is(b"expected") || is(b"plans") || is(b"planned") || is(b"set")) && next_is_to)
            || w.ends_with(b"'ll")
            || w.ends_with("\u{2019}ll".as_bytes());
        if future {
            return true;
        }
    }
    false
}

/// [`resolve_relative`] for a bare month, day of a month or weekday read as the next one on or
/// after `p`; `None` for every other date.
fn resolve_ahead(d: RawDate, p: Date) -> Option<Period> {
    let (py, pm) = (p.year(), p.month());
    match d {
        RawDate::Month { month, rel: Rel::Recent } => {
            let y = if month >= pm { py } else { py.checked_add(1)? };
            Period::month(y, month)
        }
        RawDate::MonthDay { month, day } => {
            let y = if (month, day) >= (pm, p.day()) { py } else { py.checked_add(1)? };
            Date::new(y, month, day).map(Period::day)
        }
        RawDate::Weekday { weekday, rel: Rel::Recent } => {
            let ahead = i64::from(weekday).saturating_sub(i64::from(p.weekday())).rem_euclid(7);
            p.add_days(ahead).map(Period::day)
        }
        _ => None,
    }
}

#[allow(
    clippy::arithmetic_side_effects,
    reason = "operands are weekdays (0-6), months (1-12) and offsets of a few units; years stay within YEARS"
)]
fn resolve_relative(d: RawDate, p: Date) -> Option<Period> {
    let (py, pm) = (p.year(), p.month());
    match d {
        RawDate::Absolute(per) => Some(per),
        RawDate::Month { month, rel } => {
            let y = match rel {
                Rel::Recent => {
                    if month <= pm {
                        py
                    } else {
                        py.checked_sub(1)?
                    }
                }
                Rel::Last => {
                    if month < pm {
                        py
                    } else {
                        py.checked_sub(1)?
                    }
                }
                Rel::This => py,
                Rel::Next => {
                    if month > pm {
                        py
                    } else {
                        py.checked_add(1)?
                    }
                }
            };
            Period::month(y, month)
        }
        RawDate::MonthDay { month, day } => {
            let y = if (month, day) <= (pm, p.day()) { py } else { py.checked_sub(1)? };
            Date::new(y, month, day).map(Period::day)
        }
        RawDate::Weekday { weekday, rel } => {
            let pw = i64::from(p.weekday());
            let w = i64::from(weekday);
            let back = (pw - w).rem_euclid(7);
            let delta = match rel {
                Rel::Recent => -back,
                Rel::Last => {
                    if back == 0 {
                        -7
                    } else {
                        -back
                    }
                }
                Rel::Next => {
                    let f = (w - pw).rem_euclid(7);
                    if f == 0 {
                        7
                    } else {
                        f
                    }
                }
                Rel::This => w - pw,
            };
            p.add_days(delta).map(Period::day)
        }
        RawDate::Unit { unit, offset } => {
            let off = i64::from(offset);
            match unit {
                CalUnit::Day => p.add_days(off).map(Period::day),
                CalUnit::Week => {
                    let monday =
                        p.add_days(-i64::from(p.weekday()))?.add_days(off.checked_mul(7)?)?;
                    Period::new(monday, monday.add_days(6)?)
                }
                CalUnit::Month => {
                    let idx = i64::from(py)
                        .checked_mul(12)?
                        .checked_add(i64::from(pm) - 1)?
                        .checked_add(off)?;
                    let y = i32::try_from(idx.div_euclid(12)).ok()?;
                    let m = u8::try_from(idx.rem_euclid(12) + 1).ok()?;
                    Period::month(y, m)
                }
                CalUnit::Year => Period::year(py.checked_add(i32::from(offset))?),
            }
        }
        RawDate::Weekend { rel } => {
            // The Saturday–Sunday of the publication week ("over the weekend" read on a Monday
            // is the one just past).
            let wd = i64::from(p.weekday());
            let saturday = match rel {
                Rel::Recent | Rel::Last => p.add_days(
                    -((wd - 5).rem_euclid(7) + if wd >= 5 && rel == Rel::Last { 7 } else { 0 }),
                )?,
                Rel::This => p.add_days(5 - wd)?,
                Rel::Next => p.add_days(12 - wd)?,
            };
            Period::new(saturday, saturday.add_days(1)?)
        }
        RawDate::Season { season, rel } => {
            // Meteorological seasons: spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb.
            let start_month = [3u8, 6, 9, 12].get(usize::from(season)).copied()?;
            let period_for = |y: i32| -> Option<Period> {
                let s = Date::new(y, start_month, 1)?;
                let (ey, em) = if start_month == 12 {
                    (y.checked_add(1)?, 2u8)
                } else {
                    (y, start_month.saturating_add(2))
                };
                let e = Date::new(ey, em, crate::date::days_in_month(ey, em))?;
                Period::new(s, e)
            };
            let this = period_for(py)?;
            match rel {
                Rel::Last => {
                    if this.end() < p {
                        Some(this)
                    } else {
                        period_for(py.checked_sub(1)?)
                    }
                }
                Rel::Next => {
                    if this.start() > p {
                        Some(this)
                    } else {
                        period_for(py.checked_add(1)?)
                    }
                }
                Rel::This | Rel::Recent => Some(this),
            }
        }
    }
}

/// Whether the word before a period (its letters and inner periods) makes the period an
/// abbreviation's, not a sentence's end: one capital ("J."), a word with periods in it
/// ("U.S."), or a title, a company suffix or a month's short form. Read on bytes: a non-ASCII
/// char before the word ends it as any other mark does.
fn ends_abbreviation(before: &[u8]) -> bool {
    // The word's last letters; it holds a period exactly when one stands right before them
    // (the word is the run of letters and periods that ends here), so the rest of the word
    // need not be read.
    let start =
        before.iter().rposition(|&c| !c.is_ascii_alphabetic()).map_or(0, |p| p.saturating_add(1));
    let word = before.get(start..).unwrap_or_default();
    let after_period = start.checked_sub(1).and_then(|p| before.get(p)) == Some(&b'.');
    after_period
        || (word.len() == 1 && word.first().is_some_and(u8::is_ascii_uppercase))
        || matches!(
            word,
            b"Mr"
                | b"Mrs"
                | b"Ms"
                | b"Dr"
                | b"St"
                | b"Jr"
                | b"Sr"
                | b"Gen"
                | b"Sen"
                | b"Rep"
                | b"Gov"
                | b"Lt"
                | b"Col"
                | b"No"
                | b"vs"
                | b"Inc"
                | b"Corp"
                | b"Co"
                | b"Ltd"
                | b"Jan"
                | b"Feb"
                | b"Aug"
                | b"Sept"
                | b"Sep"
                | b"Oct"
                | b"Nov"
                | b"Dec"
        )
}

/// How many bytes of text [`Extractor`] scans before it gives the claims found their subjects.
///
/// Holding one stretch's raw claims instead of a long text's saves memory traffic. Measured
/// with `examples/profile_extract.rs` (best of interleaved runs): 100 MB of synthetic news ran
/// at 66.1-67.4 MB/s in one stretch and 68.8-70.7 MB/s in stretches of 512 KiB to 4 MiB.
/// Shorter stretches cost more than they save: the scan's word memo and the subject readers'
/// tables evict each other from the cache at every switch (1 MB of news: 84.7 MB/s in one
/// stretch, 80.0 MB/s in stretches of 64 KiB, 77.4 MB/s in stretches of 8 KiB).
const STRETCH_BYTES: usize = 1024 * 1024;

/// Byte offsets where sentences start, from `from` on; `line_starts` are the text's line
/// starts ([`LineIndex::starts`]).
fn sentence_starts(text: &str, from: usize, line_starts: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let body = bytes.get(from..).unwrap_or_default();
    let mut starts = vec![from];
    // Every line starts a sentence; '.', '!' and '?' end one only before a space (memchr finds
    // the few candidates, so the loop below runs per mark, not per byte). Both lists come out
    // in order, so they are merged as the marks are read rather than sorted afterwards.
    let after = line_starts.partition_point(|&s| s <= from);
    let mut lines = line_starts.get(after..).unwrap_or_default().iter().copied().peekable();
    for off in memchr::memchr3_iter(b'.', b'!', b'?', body) {
        let i = from.saturating_add(off);
        if ends_sentence(bytes, from, i) {
            let next = i.saturating_add(1);
            while let Some(line) = lines.next_if(|&l| l <= next) {
                starts.push(line);
            }
            starts.push(next);
        }
    }
    starts.extend(lines);
    starts
}

/// Whether the '.', '!' or '?' at byte `i` of `bytes` ends a sentence: it is followed by a
/// space (or, after '!' and '?', a quote), and a period does not end an abbreviation in the
/// body that starts at `from`.
fn ends_sentence(bytes: &[u8], from: usize, i: usize) -> bool {
    let next = i.saturating_add(1);
    match bytes.get(i).copied().unwrap_or(0) {
        b'!' | b'?' => {
            bytes.get(next).is_some_and(|c| c.is_ascii_whitespace() || matches!(c, b'"' | b'\''))
        }
        b'.' => {
            bytes.get(next).is_some_and(u8::is_ascii_whitespace)
                && !ends_abbreviation(bytes.get(from..i).unwrap_or_default())
        }
        _ => false,
    }
}

/// The sentence around byte `pos` of a text of `len` bytes, as (start, end), with `starts` the
/// sentence starts. `hint` is the previous answer's place in `starts`: claims are visited in
/// text order, so the next answer is usually where the last one was.
fn sentence_of(starts: &[usize], pos: usize, len: usize, hint: &mut usize) -> (usize, usize) {
    let idx = partition_near(starts, pos, *hint);
    *hint = idx;
    let s = idx.checked_sub(1).and_then(|i| starts.get(i)).copied().unwrap_or(0);
    let e = starts.get(idx).copied().unwrap_or(len);
    (s, e)
}

/// Gives each claim the time it speaks of: the nearest date in its sentence, else the
/// publication date.
fn assign_times(text: &str, sentences: &[usize], claims: &mut [Claim], published: Option<Date>) {
    // Dates, and durations that date other claims ("Two years ago, …"; the duration itself
    // stays a duration, timed like any claim).
    let dates: Vec<(Span, Option<Period>)> = claims
        .iter()
        .filter_map(|c| match c.value {
            Value::Date { period, .. } => Some((c.span(), period)),
            _ => published.and_then(|p| ago(text, c, p)).map(|period| (c.span(), Some(period))),
        })
        .collect();
    let stated = |period: Option<Period>, span: Span| TimeScope {
        period,
        basis: if period.is_some() { TimeBasis::Stated } else { TimeBasis::Unknown },
        span: Some(span),
        reported: published,
    };
    let mut sentence = 0;
    let mut date = 0;
    for c in claims.iter_mut() {
        if let Value::Date { period, .. } = c.value {
            c.time = stated(period, c.span());
            continue;
        }
        let here = c.span();
        let (s, e) = sentence_of(sentences, here.start, text.len(), &mut sentence);
        // Dates are in text order: look at the nearest one before the claim and the first
        // few after it, within the sentence and within reach.
        // Claims come in text order: the last claim's place is usually a few dates away.
        let idx = partition_near_by(&dates, date, |(sp, _)| sp.start < here.start);
        date = idx;
        let before = idx.checked_sub(1).and_then(|i| dates.get(i)).filter(|(sp, _)| sp.start >= s);
        let after = dates
            .iter()
            .skip(idx)
            .take(8)
            .take_while(|(sp, _)| {
                sp.end <= e && sp.start.saturating_sub(here.end) <= MAX_DATE_REACH
            })
            .filter(|(sp, _)| *sp != here)
            .find(|(sp, _)| !starts_new_clause(text.get(here.end..sp.start).unwrap_or("")));
        let distance = |sp: &Span| {
            if sp.start >= here.end {
                sp.start.saturating_sub(here.end)
            } else {
                here.start.saturating_sub(sp.end)
            }
        };
        let nearest = match (before, after) {
            (Some(b), Some(a)) => Some(if distance(&a.0) < distance(&b.0) { a } else { b }),
            (b, a) => b.or(a),
        };
        c.time = match (nearest, published) {
            (Some((sp, period)), _) => stated(*period, *sp),
            (None, Some(p)) => TimeScope {
                period: Some(Period::day(p)),
                basis: TimeBasis::Published,
                span: None,
                reported: published,
            },
            (None, None) => {
                TimeScope { period: None, basis: TimeBasis::Unknown, span: None, reported: None }
            }
        };
    }
}

/// The period a duration followed by "ago" points back to from `published`: "two years ago"
/// is the calendar year two before, "three months ago" the month, "two weeks ago" the week,
/// "five days ago" (or some hours) the day. Only for a stated number of whole units, exact
/// or approximate ("about two years ago"); "more than a decade ago" names no period.
fn ago(text: &str, c: &Claim, published: Date) -> Option<Period> {
    let q = c.quantity().filter(|_| c.kind == Kind::Duration)?;
    if !matches!(q.qualifier, Qualifier::Exact | Qualifier::Approximate) || q.low != q.high {
        return None;
    }
    let after = text.get(c.span().end..)?.trim_start_matches([' ', '\u{a0}']);
    let rest = after.get(..3).filter(|w| w.eq_ignore_ascii_case("ago")).and(after.get(3..))?;
    if rest.starts_with(|ch: char| ch.is_alphanumeric()) {
        return None;
    }
    let n = q.low?.to_i64()?;
    let (unit, n) = match c.unit.as_deref()? {
        "year" => (CalUnit::Year, n),
        "month" => (CalUnit::Month, n),
        "week" => (CalUnit::Week, n),
        "day" => (CalUnit::Day, n),
        "hour" | "minute" | "second" => (CalUnit::Day, 0),
        _ => return None,
    };
    let offset = i8::try_from(n).ok()?.checked_neg()?;
    resolve_relative(RawDate::Unit { unit, offset }, published)
}

/// Longest list of names read after a count, in bytes.
const MAX_LIST_BYTES: usize = 600;

/// Bytes after a claim within which a later date in the same sentence can still time it.
const MAX_DATE_REACH: usize = 400;

/// True when the words between a claim and a later date start another event ("while Washington
/// tries …", "which Trump abandoned in 2018"): then the date does not time the claim.
fn starts_new_clause(gap: &str) -> bool {
    // Words are runs of ASCII letters, so the bytes of any other char separate them as the
    // char would.
    gap.contains([';', '\u{2014}'])
        || gap.as_bytes().split(|c| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                b"while"
                    | b"whereas"
                    | b"because"
                    | b"although"
                    | b"though"
                    | b"but"
                    | b"even"
                    | b"unlike"
                    | b"before"
                    | b"which"
            )
        })
}

/// Links a count to the list after it: "at least four, including A, B, C and D" (names) or
/// "12 people: seven Britons and four Germans" (parts).
fn link_lists(text: &str, sentences: &[usize], claims: &mut [Claim], ends: &[usize]) {
    let mut sentence = 0;
    for idx in 0..claims.len() {
        let Some(c) = claims.get(idx) else { continue };
        if !matches!(c.kind, Kind::Count) {
            continue;
        }
        let from = ends.get(idx).copied().unwrap_or(c.span().end);
        let (_, sent_end) = sentence_of(sentences, c.span().start, text.len(), &mut sentence);
        let Some((kind, list_start)) = list_intro(text, from, sent_end) else { continue };
        // The list runs to the end of the sentence, or to the next claim that is not in it.
        // Claims are in text order: the candidates are a contiguous run.
        let first =
            claims.partition_point(|o| o.span().start < list_start).max(idx.saturating_add(1));
        // A list is short: parts lie within MAX_LIST_BYTES of its start.
        let list_end = sent_end.min(list_start.saturating_add(MAX_LIST_BYTES));
        let last = claims.partition_point(|o| o.span().start < list_end);
        // Parts follow one another joined only by ",", "and", "or" or ";": "seven Britons and
        // four Germans". The first count not joined that way ends the list.
        let mut parts: Vec<usize> = Vec::new();
        let mut edge = list_start;
        for j in first..last {
            let Some(o) = claims.get(j) else { break };
            if o.kind != Kind::Count {
                continue;
            }
            let gap = text.get(edge..o.span().start).unwrap_or("");
            let joined =
                gap.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).all(|w| {
                    matches!(
                        w,
                        "," | "and"
                            | ",and"
                            | "or"
                            | ";"
                            | "plus"
                            | "the"
                            | "a"
                            | "an"
                            | "as"
                            | "well"
                    )
                }) && gap.len() <= 24
                    && (parts.is_empty()
                        || gap
                            .split(|c: char| c.is_whitespace() || c == ',')
                            .any(|w| matches!(w, "and" | "or" | "plus"))
                        || gap.contains([',', ';']));
            if !joined {
                break;
            }
            parts.push(j);
            edge = ends.get(j).copied().unwrap_or(o.span().end).max(o.span().end);
        }
        // Counts after the colon that are not its parts mean this is no list of names either.
        let has_counts =
            (first..last).any(|j| claims.get(j).is_some_and(|o| o.kind == Kind::Count));
        if parts.is_empty() && has_counts {
            continue;
        }
        // Parts never exceed their total: "the two tolls: the 12 soldiers … the 12 civilians"
        // lists no parts of "two".
        let total_high = claims.get(idx).and_then(|c| c.quantity()).and_then(|q| q.high);
        let fits = |j: &usize| {
            let part = claims.get(*j).and_then(|p| p.quantity()).and_then(|q| q.low);
            match (part, total_high) {
                (Some(p), Some(t)) => p <= t,
                _ => total_high.is_none(),
            }
        };
        if !parts.iter().all(fits) {
            continue;
        }
        let members =
            if parts.is_empty() { list_names(text, list_start, sent_end) } else { Vec::new() };
        if parts.is_empty() && members.is_empty() {
            continue;
        }
        if let Some(c) = claims.get_mut(idx) {
            c.list = Some(kind);
            c.parts = parts;
            c.members = members;
        }
    }
}

/// Finds ", including" or ":" (or a dash) within a few words after a count's subject.
fn list_intro(text: &str, from: usize, sent_end: usize) -> Option<(ListKind, usize)> {
    let region = text.get(from..sent_end)?;
    let bytes = region.as_bytes();
    let mut words = 0usize;
    // Read on bytes: every mark sought is ASCII but the em dash, and the bytes inside any
    // other char are never ASCII, so they pass as the char would.
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b':' => return Some((ListKind::Complete, from.saturating_add(i).saturating_add(1))),
            0xE2 if bytes.get(i.saturating_add(1)..i.saturating_add(3)) == Some(&[0x80, 0x94]) => {
                return Some((ListKind::Complete, from.saturating_add(i).saturating_add(3)))
            }
            b'(' | b')' | b';' => return None,
            b if b.is_ascii_digit() => return None,
            b if b.is_ascii_alphabetic() => {
                // ASCII letters are one byte each: the word is a slice, not a copy.
                let len = grammar::token::letters(bytes.get(i..).unwrap_or_default());
                let w = region.get(i..i.saturating_add(len)).unwrap_or("");
                let partial = ["including", "include", "includes", "included"];
                if partial.iter().any(|p| w.eq_ignore_ascii_case(p))
                    || w.eq_ignore_ascii_case("namely")
                {
                    let kind = if w.eq_ignore_ascii_case("namely") {
                        ListKind::Complete
                    } else {
                        ListKind::Partial
                    };
                    return Some((kind, from.saturating_add(i).saturating_add(len)));
                }
                words = words.saturating_add(1);
                if words > 14 {
                    return None;
                }
                i = i.saturating_add(len);
                continue;
            }
            _ => {}
        }
        i = i.saturating_add(1);
    }
    None
}

/// The names in a list: items split on ";" (or "," and "and"), each item's first run of
/// capitalised words.
fn list_names(text: &str, start: usize, end: usize) -> Vec<Member> {
    // A list of names is short; never read more than this of a (possibly huge) sentence.
    let mut end = end.min(start.saturating_add(MAX_LIST_BYTES));
    while end > start && !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    let Some(region) = text.get(start..end) else { return Vec::new() };
    let use_semicolons = region.contains(';');
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut item_start = 0usize;
    let bytes = region.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let sep_len = if use_semicolons {
            usize::from(bytes.get(i) == Some(&b';'))
        } else if bytes.get(i) == Some(&b',') {
            1
        } else if region.get(i..).is_some_and(|r| r.starts_with(" and ")) {
            4
        } else {
            0
        };
        if sep_len > 0 {
            items.push((item_start, region.get(item_start..i).unwrap_or("")));
            i = i.saturating_add(sep_len);
            item_start = i;
        } else {
            i = i.saturating_add(1);
        }
    }
    items.push((item_start, region.get(item_start..).unwrap_or("")));
    let mut out: Vec<Member> = Vec::new();
    let mut shares_surname: Vec<bool> = Vec::new();
    for (off, item) in items {
        let base = start.saturating_add(off);
        let words = subject::words_after(text, base, 8);
        let mut span: Option<Span> = None;
        let in_item: Vec<_> =
            words.iter().filter(|w| w.span.end <= base.saturating_add(item.len())).collect();
        // A name comes first or after a short description ("the businessman", "his son").
        let first_cap =
            in_item.iter().position(|w| w.text.starts_with(|c: char| c.is_ascii_uppercase()));
        if first_cap.is_none_or(|p| p > 3) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        for w in in_item {
            let cap = w.text.starts_with(|c: char| c.is_ascii_uppercase());
            if cap {
                if let Some(s) = span {
                    if text
                        .get(s.end..w.span.start)
                        .is_some_and(|g| !g.trim_matches(grammar::token::is_space).is_empty())
                    {
                        break;
                    }
                }
                span = Some(Span::new(span.map_or(w.span.start, |s| s.start), w.span.end));
            } else if span.is_some() {
                break;
            }
        }
        if let Some(s) = span {
            let name = text.get(s.range()).unwrap_or("").trim_end_matches('.').to_string();
            let first = name.split(' ').next().unwrap_or("");
            if !matches!(first, "The" | "A" | "An" | "He" | "She" | "They" | "It" | "In" | "On") {
                // "Baquer and Siamak Namazi": a lone first name joined by "and" to a full name
                // shares its surname.
                let rest = region.get(off.saturating_add(item.len())..).unwrap_or("");
                let before_and_name = rest
                    .strip_prefix(" and ")
                    .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_uppercase()));
                shares_surname.push(!name.contains(' ') && before_and_name);
                out.push(Member { name, span: s });
            }
        }
    }
    for i in 0..out.len() {
        let surname = out
            .get(i.saturating_add(1))
            .filter(|n| n.name.contains(' '))
            .and_then(|n| n.name.rsplit(' ').next())
            .map(str::to_string);
        if let (Some(true), Some(surname), Some(m)) =
            (shares_surname.get(i).copied(), surname, out.get_mut(i))
        {
            m.name = format!("{} {surname}", m.name);
        }
    }
    out
}

/// Replaces a surname-only person key with the full name, when the source names exactly one
/// person with that surname ("Namazi, 85," after "Baquer Namazi" elsewhere).
fn resolve_surnames(text: &str, claims: &mut [Claim]) {
    // One scan of the text per distinct surname, however many claims name it.
    let mut known: std::collections::BTreeMap<String, Option<String>> =
        std::collections::BTreeMap::new();
    for c in claims.iter_mut() {
        if c.kind != Kind::Age {
            continue;
        }
        let Some(s) = c.subject.as_mut() else { continue };
        // Only a capitalised word can be a surname ("a woman, 29," is no one's).
        if s.key.contains(' ') || !s.text.starts_with(|ch: char| ch.is_ascii_uppercase()) {
            continue;
        }
        let surname = s.text.clone();
        if let Some(resolved) = known.get(&surname) {
            if let Some(full) = resolved {
                s.key.clone_from(full);
            }
            continue;
        }
        let mut full: Vec<String> = Vec::new();
        for (pos, _) in text.match_indices(surname.as_str()) {
            let Some((_, first)) = grammar::token::prev_word(text, pos) else { continue };
            let gap = text.get(pos.saturating_sub(1)..pos).unwrap_or("");
            if gap == " "
                && first.starts_with(|ch: char| ch.is_ascii_uppercase())
                && first.len() > 1
                && !subject::is_title(&first.to_ascii_lowercase())
            {
                let name = format!("{first} {surname}").to_ascii_lowercase();
                if !full.contains(&name) {
                    full.push(name);
                }
            }
        }
        let resolved = if let [only] = full.as_slice() { Some(only.clone()) } else { None };
        if let Some(full) = &resolved {
            s.key.clone_from(full);
        }
        known.insert(surname, resolved);
    }
}

/// The number of items of the sorted `starts` at or before `pos` (what
/// `starts.partition_point(|&s| s <= pos)` gives), looked for from `hint`, a previous answer
/// ([`partition_near_by`]).
fn partition_near(starts: &[usize], pos: usize, hint: usize) -> usize {
    partition_near_by(starts, hint, |&s| s <= pos)
}

/// `items.partition_point(first)` for a predicate true on a prefix of `items`, looked for
/// from `hint` by galloping: steps of 1, 2, 4… away from it bracket the answer, then a binary
/// search inside the bracket finds it. An answer `d` items from the hint costs about
/// `2 log2 d` probes, all near the hint: claims come in text order, so the next line or
/// sentence is usually a few items on, and one far off (a long stretch with no claim) costs
/// at most about twice a binary search over the whole slice.
fn partition_near_by<T>(items: &[T], hint: usize, first: impl Fn(&T) -> bool) -> usize {
    let in_prefix = |i: usize| items.get(i).is_some_and(&first);
    let i = hint.min(items.len());
    let mut step = 1usize;
    // The answer is in `lo..=hi`.
    let (lo, hi) = if in_prefix(i) {
        let mut lo = i.saturating_add(1);
        loop {
            let probe = lo.saturating_add(step).saturating_sub(1);
            if probe >= items.len() {
                break (lo, items.len());
            }
            if !in_prefix(probe) {
                break (lo, probe);
            }
            lo = probe.saturating_add(1);
            step = step.saturating_mul(2);
        }
    } else {
        let mut hi = i;
        loop {
            if hi == 0 {
                break (0, 0);
            }
            let probe = hi.saturating_sub(step);
            if in_prefix(probe) {
                break (probe.saturating_add(1), hi);
            }
            hi = probe;
            step = step.saturating_mul(2);
        }
    };
    lo.saturating_add(items.get(lo..hi).map_or(0, |s| s.partition_point(&first)))
}

/// 0 and the byte after each line feed of `text`.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i.saturating_add(1)));
    starts
}

/// A text as given and as read, which differ only where hard-wrapped lines were joined
/// ([`crate::wrap::join_wrapped_lines`]): claims report their line, column and words from the
/// given text, and sentences end at the line breaks of the text as read.
struct Layout<'t> {
    given: &'t str,
    lines: LineIndex,
    /// The line starts of the text as read, when some line breaks were joined.
    read_starts: Option<Vec<usize>>,
}

impl<'t> Layout<'t> {
    /// `given` and the text `read` from it (the same text, or with wrapped lines joined).
    fn new(given: &'t str, read: &str) -> Layout<'t> {
        let joined = !std::ptr::eq(given, read);
        Layout {
            given,
            lines: LineIndex::new(given),
            read_starts: joined.then(|| line_starts(read)),
        }
    }

    /// Where the lines of the text as read start.
    fn line_starts(&self) -> &[usize] {
        self.read_starts.as_deref().unwrap_or(self.lines.starts())
    }

    /// The 1-based line and column of byte `pos` in the given text.
    fn line_col(&self, pos: usize) -> (usize, usize) {
        self.lines.line_col(self.given, pos)
    }

    /// The given text's words at `span`.
    fn quote(&self, span: Span) -> &'t str {
        self.given.get(span.range()).unwrap_or("")
    }
}

/// Line starts, for 1-based line and column numbers. Claims are numbered in text order, so the
/// line is searched from the last one and columns are counted in characters from a cursor
/// that only moves forward: numbering every claim of a text costs one pass over it, even when
/// the text is a single long line or has millions of lines.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// The last position numbered, its count of characters from its line's start, and the
    /// number of line starts at or before it.
    cursor: std::cell::Cell<(usize, usize, usize)>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        LineIndex { starts: line_starts(text), cursor: std::cell::Cell::new((0, 0, 0)) }
    }

    /// Where each line starts: 0 and the byte after each line feed.
    pub(crate) fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line and column (in chars) of byte `pos`.
    pub(crate) fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let (cpos, cchars, cline) = self.cursor.get();
        let line = partition_near(&self.starts, pos, cline).max(1);
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        // Resume from the last position when it is on the same line and not after `pos`.
        let (from, base) = if cpos >= start && cpos <= pos { (cpos, cchars) } else { (start, 0) };
        // Between two claims the text is short and mostly ASCII, where bytes are chars.
        let count = |s: &str| if s.is_ascii() { s.len() } else { s.chars().count() };
        let chars = text.get(from..pos).map_or(0, count).saturating_add(base);
        self.cursor.set((pos, chars, line));
        (line, chars.saturating_add(1))
    }
}

/// Extracts claims from `text` with the default lexicon. Front matter, when present and valid,
/// is skipped and its `published` date used for relative dates. The default lexicon is built on
/// the first call and shared by all later ones, on any thread.
///
/// # Example
/// ```
/// let claims = claimcheck::extract("Activists believe some two dozen Westerners are held.");
/// assert_eq!(claims.len(), 1);
/// assert_eq!(claims[0].provenance.text, "some two dozen Westerners");
/// assert_eq!(claims[0].subject.as_ref().unwrap().key, "western detainee");
/// ```
pub fn extract(text: &str) -> Vec<Claim> {
    // Building the default lexicon costs about as much as extracting from a short article, so
    // it is built once per process.
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);
    DEFAULT.extract(text).claims
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Neither clause reader of `subject` crosses a sentence start as `sentence_starts`
        /// finds them: not between `pos` and the first word, nor between consecutive words.
        #[test]
        fn clause_words_stay_in_the_sentence(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "Cd", "x", "U.S.", "Mr.", ".", ". ", ",", " ", "! ", "?", ";", "\n", "'",
                "\"", "\u{201c}", "\u{2019}", "-",
            ]), 0..24),
            pos in 0usize..64,
        ) {
            let text = parts.concat();
            let pos = pos.min(text.len());
            let starts = sentence_starts(&text, 0, LineIndex::new(&text).starts());
            let crosses = |a: usize, b: usize| starts.iter().any(|&s| a < s && s <= b);
            let mut edge = pos;
            for w in subject::sentence_words_after(&text, pos, 24) {
                proptest::prop_assert!(!crosses(edge, w.span.start), "{w:?}");
                edge = w.span.end;
            }
            let mut edge = pos;
            for w in subject::words_before(&text, pos, 24) {
                proptest::prop_assert!(!crosses(w.span.end, edge), "{w:?}");
                edge = w.span.start;
            }
        }
    }

    #[test]
    fn a_duration_ago_dates_the_other_claims_of_its_sentence() {
        let ex = Extractor::new();
        let text = "---\npublished: 2022-02-10\n---\nTwo years ago, Veltran held four \
                    American citizens. About three months ago 12 workers were detained. More \
                    than a decade ago, 40 people died. Five days ago 7 ships sank.";
        let claims = ex.extract(text).claims;
        let time_of = |words: &str| {
            let c = claims.iter().find(|c| c.provenance.text.starts_with(words));
            c.and_then(|c| c.time.period).map(|p| p.to_string())
        };
        assert_eq!(time_of("four").as_deref(), Some("2020"));
        assert_eq!(time_of("12").as_deref(), Some("2021-11"));
        assert_eq!(time_of("7").as_deref(), Some("2022-02-05"));
        // No stated number of units, no period: the publication date times the claim.
        assert_eq!(time_of("40").as_deref(), Some("2022-02-10"));
        // The durations stay durations, timed as before.
        let two = claims.iter().find(|c| c.provenance.text == "Two years");
        assert!(two.is_some_and(|c| c.kind == Kind::Duration), "{claims:?}");
        assert_eq!(time_of("Two years").as_deref(), Some("2022-02-10"));
    }

    #[test]
    fn ages_after_a_title_or_now_belong_to_the_named_person() {
        let ex = Extractor::new();
        let text = "Guards detained the engineer Tomas Vell on Monday. Mr Vell, 74, is ill. \
                    Dr. Amara Osei, 61, and Lina Varga, now 85, were not. Gen Ruth Adair, 58, \
                    spoke.";
        let ages: Vec<(String, String)> = ex
            .extract(text)
            .claims
            .iter()
            .filter(|c| c.kind == Kind::Age)
            .map(|c| {
                (
                    c.provenance.text.clone(),
                    c.subject.as_ref().map_or(String::new(), |s| s.key.clone()),
                )
            })
            .collect();
        let want = [
            ("Vell, 74", "tomas vell"),
            ("Amara Osei, 61", "amara osei"),
            ("Lina Varga, now 85", "lina varga"),
            ("Ruth Adair, 58", "ruth adair"),
        ];
        let want: Vec<(String, String)> =
            want.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect();
        assert_eq!(ages, want);
    }

    #[test]
    fn ages_between_commas_after_a_noun_for_one_person() {
        let ex = Extractor::new();
        let ages = |text: &str| -> Vec<(String, String, String)> {
            ex.extract(text)
                .claims
                .iter()
                .map(|c| {
                    let key = c.subject.as_ref().map_or(String::new(), |s| s.key.clone());
                    (c.provenance.text.clone(), format!("{:?}", c.kind), key)
                })
                .collect()
        };
        let one = |a: &str, b: &str, c: &str| vec![(a.to_string(), b.to_string(), c.to_string())];
        assert_eq!(ages("A woman, 29, was arrested."), one("woman, 29", "Age", "woman"));
        // At the start of the text "The" is no first name of a "driver".
        assert_eq!(ages("The driver, 54, was hurt."), one("driver, 54", "Age", "driver"));
        assert_eq!(ages("Police said a man, 34, was charged."), one("man, 34", "Age", "man"));
        // Not a noun for one person (a place, a plural, no noun), or a space before the comma:
        // no age.
        assert_eq!(ages("In the town, 12, were injured."), one("12", "Number", ""));
        assert_eq!(
            ages("The suspects, 19, were held.").first().map(|a| a.1.clone()),
            Some("Number".into())
        );
        assert_eq!(ages("Of those hurt, 12, were children."), one("12", "Number", ""));
        assert_eq!(
            ages("Only the woman , 29, spoke.").first().map(|a| a.1.clone()),
            Some("Number".into())
        );
    }

    #[test]
    fn the_noun_a_prepositional_phrase_hangs_on_is_what_was_measured() {
        let ex = Extractor::new();
        for (text, want) in [
            ("Officials said turnout in the referendum was 48%.", "turnout"),
            ("Deaths in Dornick rose to 40 on Monday.", "death killed"),
            ("Support for the plan stood at 42%.", "support"),
            // Linked by "of" alone, the noun before the number is the head.
            ("Am I eligible for a loan of 35 lakh rupees", "loan"),
        ] {
            let claims = ex.extract(text).claims;
            let key = claims.first().and_then(|c| c.subject.as_ref()).map(|s| s.key.as_str());
            assert_eq!(key, Some(want), "{text:?}");
        }
    }

    #[test]
    fn a_bare_date_in_a_clause_about_the_future_is_the_next_one() {
        let ex = Extractor::new();
        // Published on Thursday 10 March 2022.
        let text = "---\npublished: 2022-03-10\n---\nThe court will rule on March 12. The vote is \
                    due on Friday. Elections are scheduled in May. He was arrested on March 12 \
                    and freed on Friday. They\u{2019}ll meet in January. Talks began in May. Flights \
                    were cancelled due to a storm on Monday.";
        let dates: Vec<String> = ex
            .extract(text)
            .claims
            .iter()
            .filter_map(|c| match c.value {
                Value::Date { period, .. } => period.map(|p| format!("{} {p}", c.provenance.text)),
                _ => None,
            })
            .collect();
        let want = [
            "March 12 2022-03-12",
            "Friday 2022-03-11",
            "May 2022-05",
            "March 12 2021-03-12",
            "Friday 2022-03-04",
            "January 2023-01",
            "May 2021-05",
            "Monday 2022-03-07",
        ];
        assert_eq!(dates, want);
    }

    #[test]
    fn a_count_that_includes_names_lists_them() {
        let ex = Extractor::new();
        let text = "The four detainees include Dana Pell, Luis Marto, Karen Wyse and Otto Brand.";
        let claims = ex.extract(text).claims;
        let c = claims.first().expect("a claim");
        let names: Vec<&str> = c.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Dana Pell", "Luis Marto", "Karen Wyse", "Otto Brand"]);
        assert_eq!(c.list, Some(ListKind::Partial));
    }

    #[test]
    fn an_age_by_decade_is_the_age_of_who_comes_before_in() {
        for (text, key) in [
            ("A man in his 40s was arrested.", "man"),
            ("A woman in her early thirties was hurt.", "woman"),
            ("Tomas Vell, in his late 70s, was freed.", "tomas vell"),
        ] {
            let claims = extract(text);
            assert_eq!(claims.len(), 1, "{text}");
            assert_eq!(claims[0].kind, Kind::Age, "{text}");
            assert_eq!(claims[0].subject.as_ref().map(|s| &*s.key), Some(key), "{text}");
        }
    }

    #[test]
    fn a_role_after_a_comma_and_a_conjunction_is_another_clauses() {
        let keys = |text: &str| -> Vec<String> {
            extract(text).iter().filter_map(|c| Some(c.subject.as_ref()?.key.clone())).collect()
        };
        // The 190 are not missing, nor are the 40 in custody.
        assert_eq!(
            keys("Rescue crews brought 190 passengers ashore, and 14 people remained missing."),
            ["passenger", "person missing"]
        );
        assert_eq!(
            keys("Police freed 40 protesters, but 12 people remain in custody."),
            ["person released", "detainee"]
        );
        // Items of a list share the predicate after it; an aside after one comma is read.
        assert_eq!(
            keys("The ferry carried 212 passengers, 12 crew, and 3 officers were rescued."),
            ["passenger rescued", "crew rescued", "officer rescued"]
        );
        assert_eq!(keys("Iran holds three Americans, all held in Evin."), ["american detainee"]);
    }

    #[test]
    fn a_number_broken_at_its_hyphen_by_a_line_end_is_one_number() {
        // (quote, low) of each claim.
        let read = |text: &str| -> Vec<(String, Option<crate::number::Number>)> {
            extract(text)
                .into_iter()
                .map(|c| (c.provenance.text.clone(), c.quantity().and_then(|q| q.low)))
                .collect()
        };
        let n = |v: i64| Some(crate::number::Number::from_int(v));
        // A wrapped paragraph (joined, the break read as a space) and a text whose lines are
        // kept as they are.
        let wrapped = "Officials said that twenty-\nfive people were hurt in the blast on the \
                       bridge, and\nthat the toll could rise as rescuers searched the river.";
        assert_eq!(read(wrapped), [("twenty-\nfive people".to_string(), n(25))]);
        assert_eq!(
            read("Forty-\nthree villages\nlost power."),
            [("Forty-\nthree villages".to_string(), n(43))]
        );
        // A suspended hyphen is not a broken word.
        assert_eq!(
            read("Forty- and fifty-year-olds voted."),
            [("Forty".to_string(), n(40)), ("fifty-year-olds".to_string(), n(50))]
        );
    }

    #[test]
    fn digits_after_an_article_are_a_label_not_a_count() {
        // (quote, kind, subject key) of each claim.
        let read = |text: &str| -> Vec<(String, Kind, Option<String>)> {
            extract(text)
                .into_iter()
                .map(|c| (c.provenance.text, c.kind, c.subject.map(|s| s.key)))
                .collect()
        };
        let claim = |quote: &str, kind: Kind, key: Option<&str>| {
            (quote.to_string(), kind, key.map(str::to_string))
        };
        // The 737 is the aircraft, not 737 people killed beside the 12.
        assert_eq!(
            read("The crash of a 737 killed 12 people."),
            [
                claim("737", Kind::Number, None),
                claim("12 people", Kind::Count, Some("person killed"))
            ]
        );
        assert_eq!(read("An 18 was painted on the door."), [claim("18", Kind::Number, None)]);
        // Number words after an article still count ("a dozen", "a hundred").
        assert_eq!(
            read("Police said a hundred people were detained."),
            [claim("a hundred people", Kind::Count, Some("detainee"))]
        );
        // A role verb with a number for its object is what the counted did.
        assert_eq!(
            read("Witnesses said 3 killed two guards."),
            [
                claim("3", Kind::Number, None),
                claim("two guards", Kind::Count, Some("guard killed"))
            ]
        );
        assert_eq!(
            read("Officials said 3 killed in the blast were children."),
            [claim("3 killed", Kind::Count, Some("person killed"))]
        );
    }

    #[test]
    fn places_and_events_after_a_comma_and_a_conjunction_are_another_clauses() {
        // (key, place) of each claim with a subject.
        let read = |text: &str| -> Vec<(String, Option<String>)> {
            extract(text)
                .iter()
                .filter_map(|c| c.subject.as_ref())
                .map(|s| (s.key.clone(), s.place.clone()))
                .collect()
        };
        let own = |key: &str, place: Option<&str>| (key.to_string(), place.map(str::to_string));
        // The four were not killed in Dunmarch, nor were the 12 freed in the exchange.
        assert_eq!(
            read("Officials said 4 people were killed, and 3 others were detained in Dunmarch."),
            [own("person killed", None), own("other detained", Some("dunmarch"))]
        );
        assert_eq!(
            read("Rescuers said 12 miners were freed, but 3 others were held in the exchange."),
            [own("miner released", None), own("other detained in deal", None)]
        );
        // Items of a list share the place and the event after it.
        assert_eq!(
            read("In all, 4 journalists, 2 doctors, and 3 students were freed in the exchange."),
            [
                own("journalist released in deal", None),
                own("doctor released in deal", None),
                own("student released in deal", None),
            ]
        );
        assert_eq!(
            read("Police said 5 activists, 2 lawyers, and 3 students were held in Dunmarch."),
            [
                own("activist detained", Some("dunmarch")),
                own("lawyer detained", Some("dunmarch")),
                own("student detained", Some("dunmarch")),
            ]
        );
    }

    #[test]
    fn a_partitive_gives_its_predicate_to_the_part() {
        // (text, [(value, subject key)] in text order)
        for (text, want) in [
            ("Two of the 12 miners were killed.", vec![("2", "miner killed"), ("12", "miner")]),
            (
                "3 of the 10 suspects were arrested.",
                vec![("3", "suspect detained"), ("10", "suspect")],
            ),
            ("None of the 12 miners was hurt.", vec![("12", "miner")]),
            ("One of the 12 miners died.", vec![("12", "miner")]),
            ("Half of the 40 detainees were freed.", vec![("0.5", ""), ("40", "detainee")]),
            // "All" takes the whole: the 40 were freed.
            ("All of the 40 detainees were freed.", vec![("40", "person released")]),
        ] {
            let got: Vec<(String, String)> = extract(text)
                .iter()
                .map(|c| {
                    let value = c.quantity().and_then(|q| q.low).map(|v| v.to_string());
                    let key = c.subject.as_ref().map(|s| s.key.clone());
                    (value.unwrap_or_default(), key.unwrap_or_default())
                })
                .collect();
            let want: Vec<(String, String)> =
                want.iter().map(|(v, k)| ((*v).to_string(), (*k).to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_verb_after_a_figure_is_no_subject_but_a_role_is() {
        let claims = extract("A Boeing 737 crashed near the airport.");
        assert_eq!(claims.len(), 1);
        assert_eq!((claims[0].kind, claims[0].subject.as_ref()), (Kind::Number, None));
        for (text, key) in [
            ("Four detained in Evin prison were freed.", "detainee"),
            ("The 12 injured in the blast were flown out.", "person injured"),
        ] {
            let claims = extract(text);
            let subject = claims.first().and_then(|c| c.subject.as_ref()).map(|s| &*s.key);
            assert_eq!(subject, Some(key), "{text}");
        }
    }

    #[test]
    fn a_subject_before_the_claim_may_open_the_body() {
        let ex = Extractor::new();
        for text in [
            "---\npublished: 2024-11-20\n---\nTurnout was 48% in the vote.\n",
            "---\npublished: 2024-11-20\n---\n\nTurnout was 48% in the vote.\n",
            "\u{feff}Turnout was 48% in the vote.\n",
            "Polls closed.\nTurnout was 48% in the vote.\n",
        ] {
            let claims = ex.extract(text).claims;
            let key = claims.first().and_then(|c| c.subject.as_ref()).map(|s| s.key.as_str());
            assert_eq!(key, Some("turnout"), "{text:?}");
        }
        // In mid-sentence a capital is still a name, not the noun measured.
        let claims = ex.extract("Officials said Dornick was 48% ahead.").claims;
        let key = claims.first().and_then(|c| c.subject.as_ref()).map(|s| s.key.as_str());
        assert_ne!(key, Some("dornick"), "{claims:?}");
    }

    /// What `sentence_starts` finds, read byte by byte: `from`, then the byte after each
    /// sentence mark that ends a sentence and after each line feed, from `from` on, in order.
    fn sentence_starts_by_bytes(text: &str, from: usize) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut after: Vec<usize> = (from..bytes.len())
            .filter(|&i| match bytes.get(i) {
                Some(b'\n') => true,
                Some(b'.' | b'!' | b'?') => ends_sentence(bytes, from, i),
                _ => false,
            })
            .map(|i| i.saturating_add(1))
            .collect();
        after.sort_unstable();
        std::iter::once(from).chain(after).collect()
    }

    proptest::proptest! {
        /// With its line starts taken from the `LineIndex`, `sentence_starts` finds what a
        /// byte-by-byte reading finds: the line feeds from `from` on merged in order with the
        /// sentence marks, whatever `from` is.
        #[test]
        fn sentence_starts_take_the_line_index_lines(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "Mr.", ". ", "\n", "! ", "?", " ", "\n\n", "x.", "\u{e9}", "?\n", ".\"",
            ]), 0..24),
            from in 0usize..48,
        ) {
            let text = parts.concat();
            let mut from = from.min(text.len());
            while !text.is_char_boundary(from) {
                from = from.saturating_sub(1);
            }
            let got = sentence_starts(&text, from, LineIndex::new(&text).starts());
            let want = sentence_starts_by_bytes(&text, from);
            proptest::prop_assert_eq!(got, want, "{:?} from {}", text, from);
        }
    }

    /// The char-at-a-time reading [`list_intro`] replaced: the reference it is tested against.
    fn list_intro_by_chars(region: &str) -> Option<(ListKind, usize)> {
        let mut words = 0usize;
        let mut chars = region.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                ':' | '\u{2014}' => {
                    return Some((ListKind::Complete, i.saturating_add(c.len_utf8())))
                }
                '(' | ')' | ';' => return None,
                c if c.is_ascii_digit() => return None,
                c if c.is_ascii_alphabetic() => {
                    let rest = region.get(i..).unwrap_or("");
                    let w = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                    if ["including", "include", "includes", "included"]
                        .iter()
                        .any(|p| w.eq_ignore_ascii_case(p))
                    {
                        return Some((ListKind::Partial, i.saturating_add(w.len())));
                    }
                    if w.eq_ignore_ascii_case("namely") {
                        return Some((ListKind::Complete, i.saturating_add(w.len())));
                    }
                    words = words.saturating_add(1);
                    if words > 14 {
                        return None;
                    }
                    for _ in 1..w.len() {
                        chars.next();
                    }
                }
                _ => {}
            }
        }
        None
    }

    proptest::proptest! {
        /// `list_intro` reads bytes as the char-based reading did, whatever letters, marks and
        /// non-ASCII chars (the em dash among them) come after the count.
        #[test]
        fn list_intro_reads_bytes_as_chars_do(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "Including", "namely", " ", ",", ":", ";", "(", "7", "\u{2014}", "\u{2013}",
                "\u{e9}", "\u{201c}", "x", "-", "including", "include", "Includes", "included",
                "inc",
            ]), 0..24),
            skip in 0usize..4,
        ) {
            let text = parts.concat();
            let from = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
            let want = list_intro_by_chars(text.get(from..).unwrap_or(""))
                .map(|(k, at)| (k, from.saturating_add(at)));
            proptest::prop_assert_eq!(list_intro(&text, from, text.len()), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `ends_abbreviation` reads the word before a period on bytes as the char-based reading
        /// it replaced did, whatever letters, periods, spaces and non-ASCII chars come before.
        #[test]
        fn ends_abbreviation_reads_words_as_chars_do(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "J", "Mr", "Dr", "Sept", "Co", "U", "No", "vs", ".", " ", "\u{e9}", "\u{c9}",
                "\u{201c}", "1", "-", "x",
            ]), 0..8),
        ) {
            let before = parts.concat();
            let last_word =
                before.rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.').next().unwrap_or("");
            let want = (last_word.len() == 1
                && last_word.starts_with(|c: char| c.is_ascii_uppercase()))
                || last_word.contains('.')
                || [
                    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt",
                    "Col", "No", "vs", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Aug", "Sept",
                    "Sep", "Oct", "Nov", "Dec",
                ]
                .contains(&last_word);
            proptest::prop_assert_eq!(ends_abbreviation(before.as_bytes()), want, "{:?}", before);
        }
    }

    proptest::proptest! {
        /// Reading a text in stretches of any length gives what one reading gives: the same
        /// claims (with their subjects, times, lists and parts) and the same diagnostics, in
        /// the same order, wherever the stretches end (inside a claim, a word, a char).
        #[test]
        fn stretches_change_no_extraction(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Three Americans", " were held", " for 4 years", ", at least 7 dual nationals",
                " and two permanent residents", ". ", "\n", " $7 billion", " about 30 percent",
                " last week", " on May 5", " in 2019",
                " 99999999999999999999999999999999999999999",
                " \u{661}\u{662} people", " Baquer Namazi, 81,", " the 45-year-old engineer",
                " \u{e9}t\u{e9} 3", " more than a decade", " Siamak and Morad", " one of them",
            ]), 0..24),
            stretch in 1usize..96,
            dated in proptest::bool::ANY,
        ) {
            let body = parts.concat();
            let front = if dated { "---\npublished: 2020-03-04\n---\n" } else { "" };
            let text = format!("{front}{body}");
            let ex = Extractor::new();
            let whole = ex.extract(&text);
            let (body_start, published) = match parse_front_matter(&text) {
                Ok((meta, start)) => (start, meta.published),
                Err(_) => (0, None),
            };
            let stretched = ex.run_in_stretches(&text, body_start, published, stretch);
            proptest::prop_assert_eq!(stretched, whole, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// Lines and columns (in chars) are what counting from the start of the text gives,
        /// in ASCII texts and others, for positions asked in text order or in any order.
        #[test]
        fn line_col_counts_chars_from_the_line_start(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "x", " ", "\n", "\n\n", "\u{e9}", "\u{201c}", "\u{1f600}", ".",
            ]), 0..24),
            asks in proptest::collection::vec(0usize..80, 0..12),
            sorted in proptest::bool::ANY,
        ) {
            let text = parts.concat();
            let mut asks: Vec<usize> =
                asks.into_iter().filter(|&p| p <= text.len() && text.is_char_boundary(p)).collect();
            if sorted {
                asks.sort_unstable();
            }
            let lines = LineIndex::new(&text);
            for pos in asks {
                let before = &text[..pos];
                let line = before.matches('\n').count().saturating_add(1);
                let last_line = before.rsplit('\n').next().unwrap_or("");
                let column = last_line.chars().count().saturating_add(1);
                let got = lines.line_col(&text, pos);
                proptest::prop_assert_eq!(got, (line, column), "{:?} at {}", text, pos);
            }
        }
    }

    /// Units and rate periods come from the grammar's own names, borrowed rather than copied.
    #[test]
    fn units_are_the_grammars_own_names() {
        let claims =
            extract("It cost $7 billion, 30 percent more; oil ran at 1.2 million barrels a day.");
        let units: Vec<_> = claims.iter().map(|c| (c.unit.as_deref(), c.per.as_deref())).collect();
        assert_eq!(
            units,
            [(Some("USD"), None), (Some("percent"), None), (Some("barrel"), Some("day"))]
        );
        // Borrowed, not copied into a string per claim.
        for c in &claims {
            assert!(c.unit.iter().chain(&c.per).all(|u| matches!(u, Cow::Borrowed(_))), "{c:?}");
        }
    }

    /// Searching from any hint finds what a binary search finds, near the hint or far from it,
    /// with repeated starts and positions before, between and after them.
    #[test]
    fn partition_near_is_partition_point() {
        // The last array is long enough for several galloping steps either way.
        let long: Vec<usize> = (0..300).map(|i| i / 3 * 2).collect();
        let arrays: [&[usize]; 6] = [
            &[],
            &[0],
            &[0, 3, 3, 7],
            &[2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40],
            &[5; 12],
            &long,
        ];
        for starts in arrays {
            for pos in 0..205 {
                let want = starts.partition_point(|&s| s <= pos);
                for hint in 0..starts.len().saturating_add(3) {
                    assert_eq!(partition_near(starts, pos, hint), want, "{starts:?} {pos} {hint}");
                }
            }
        }
    }

    /// Every non-ASCII digit starts with one of the lead bytes the scan looks for, and a run of
    /// them in each script is found whole.
    #[test]
    fn unsupported_digits_cover_every_script() {
        let digits: Vec<char> = ('\u{80}'..='\u{ffff}').filter(|&c| is_decimal_digit(c)).collect();
        assert_eq!(digits.len(), 40);
        for c in &digits {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes().first().copied();
            assert!(lead.is_some_and(|b| DIGIT_LEAD_BYTES.contains(&b)), "{c:?}");
        }
        // The last run mixes scripts, so the two lead-byte searches interleave.
        for run in [
            "\u{ff11}\u{ff12}",
            "\u{0661}\u{0662}",
            "\u{06f1}\u{06f2}",
            "\u{0967}\u{0968}",
            "\u{ff11}\u{0662}\u{0967}\u{ff12}\u{06f3}",
        ] {
            let text = format!("é {run} x");
            let start = "é ".len();
            assert_eq!(
                unsupported_digits(&text, 0),
                [Span::new(start, start + run.len())],
                "{run}"
            );
        }
    }
}
