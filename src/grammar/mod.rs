//! The claim grammar: finds candidate positions with a cheap scan, then reads a quantity there
//! with nom.
//!
//! ```text
//! claim      = date | factor | age_prefix | magnitude_prefix | quantity ;
//! quantity   = vague [ joiner time_unit ]
//!            | [ qualifier ] ( "between" value ws "and" ws value | "from" value ws "to" ws value
//!                            | value [ range_joiner value ] | article joiner time_unit )
//!              [ post_qualifier ] ;
//! value      = currency_prefix amount [ per ]
//!            | fraction | "half" | [ article ws ] ordinal
//!            | amount [ percent | age_suffix | joiner time_unit | measure_unit [ per ]
//!                     | ws currency_word [ per ] ] ;
//! age_prefix = ( "aged" | "age" ) ws amount ;
//! factor     = "doubled" | "tripled" | "quadrupled" | "halved" ;
//! ```
//!
//! Productions live in one module each: [`number`] (digits, words, scales), [`approx`]
//! (qualifiers), [`vague`], [`ordinal`] (ordinals and fractions), [`unit`] (money, percent,
//! measures, time units, ages) and [`time`] (dates). This module only combines them and knows
//! nothing of subjects, lexicons or reconciliation.

pub(crate) mod approx;
pub(crate) mod number;
pub(crate) mod ordinal;
pub(crate) mod time;
pub(crate) mod token;
pub(crate) mod unit;
pub(crate) mod vague;

use crate::claim::{Change, Lean, Qualifier};
use crate::number::Number;
use approx::{PostQual, Qual};
use nom::{IResult, Parser};
use time::RawDate;
use token::{joiner, kw, word_class, ws};

/// What kind of claim the surface form is, before subjects are attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RawKind {
    Count,
    Money,
    Percent,
    Fraction,
    Measure,
    Age,
    Duration,
    Date,
    Ordinal,
    Factor,
}

/// A claim as read from the text, before normalisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawClaim {
    pub start: usize,
    pub end: usize,
    pub kind: RawKind,
    pub low: Option<Number>,
    pub high: Option<Number>,
    pub qualifier: Qualifier,
    pub lean: Lean,
    pub unit: Option<&'static str>,
    pub per: Option<&'static str>,
    pub date: Option<RawDate>,
    pub change: Option<Change>,
    /// A number with no unit and no qualifier: a subject may follow, or it may be a year.
    pub bare: bool,
    /// Written as words (not digits).
    pub words: bool,
    /// Attributive hyphenated form ("10-year sentences"): the following noun is the subject.
    pub adjectival: bool,
}

/// A diagnostic from the scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawDiagnostic {
    pub start: usize,
    pub end: usize,
}

/// The output of [`scan`]: claims in text order and spans whose numbers overflowed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    pub claims: Vec<RawClaim>,
    pub too_large: Vec<RawDiagnostic>,
}

/// The value part of a quantity.
#[derive(Clone, Copy, Debug)]
struct Val {
    kind: RawKind,
    value: Option<Number>,
    unit: Option<&'static str>,
    per: Option<&'static str>,
    /// The amount's own scale, for sharing across a range.
    scale: Option<i64>,
    bare: bool,
    digits: bool,
    year_like: bool,
    adjectival: bool,
}

/// Scans `text` from byte `from` and returns every claim found.
pub(crate) fn scan(text: &str, from: usize) -> Scan {
    let mut out = Scan::default();
    let mut pos = from;
    while let Some(anchor) = next_anchor(text, pos) {
        match claim_at(text, anchor) {
            Some(Found::Claim(c)) => {
                pos = c.end.max(anchor.saturating_add(1));
                out.claims.push(c);
            }
            Some(Found::TooLarge(end)) => {
                out.too_large.push(RawDiagnostic { start: anchor, end });
                pos = end.max(anchor.saturating_add(1));
            }
            None => pos = skip_token(text, anchor),
        }
        // Stay on a char boundary whatever the parsers returned.
        while pos < text.len() && !text.is_char_boundary(pos) {
            pos = pos.saturating_add(1);
        }
    }
    out
}

enum Found {
    Claim(RawClaim),
    TooLarge(usize),
}

/// Words that can start a claim (lower-case).
fn is_trigger(w: &str) -> bool {
    number::small_number_word(w).is_some()
        || ordinal::ordinal_word(w).is_some()
        || vague::is_vague_start(w)
        || matches!(
            w,
            "a" | "an"
                | "half"
                | "at"
                | "no"
                | "more"
                | "over"
                | "above"
                | "upwards"
                | "upward"
                | "well"
                | "up"
                | "as"
                | "fewer"
                | "less"
                | "under"
                | "below"
                | "nearly"
                | "almost"
                | "close"
                | "about"
                | "around"
                | "roughly"
                | "approximately"
                | "some"
                | "circa"
                | "estimated"
                | "approx"
                | "exactly"
                | "precisely"
                | "only"
                | "all"
                | "just"
                | "between"
                | "from"
                | "aged"
                | "age"
                | "magnitude"
                | "doubled"
                | "tripled"
                | "quadrupled"
                | "halved"
                | "last"
                | "past"
                | "this"
                | "next"
                | "coming"
                | "yesterday"
                | "today"
                | "tonight"
                | "tomorrow"
                | "weekend"
                | "us"
                | "usd"
                | "eur"
                | "gbp"
                | "a$"
        )
        || time::month_name_lower(w)
        || time::weekday_lower(w)
}

/// Finds the next position at or after `pos` where a claim may start.
fn next_anchor(text: &str, mut pos: usize) -> Option<usize> {
    let b = text.as_bytes();
    while let Some(&c) = b.get(pos) {
        if c.is_ascii_digit() {
            if digit_left_ok(text, pos) {
                return Some(pos);
            }
            pos = skip_token(text, pos);
        } else if c == b'$' {
            return Some(pos);
        } else if c.is_ascii_alphabetic() {
            let end = pos.saturating_add(
                b.get(pos..)?.iter().take_while(|x| x.is_ascii_alphabetic()).count(),
            );
            let glued_digit = b.get(end).is_some_and(u8::is_ascii_digit);
            let left_ok = pos == 0
                || !text
                    .get(..pos)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
            if !glued_digit && left_ok {
                let w = text.get(pos..end)?;
                if token::with_lower(w, is_trigger).unwrap_or(false) {
                    return Some(pos);
                }
            }
            pos = if glued_digit { skip_token(text, pos) } else { end };
        } else if c >= 0x80 {
            let ch = text.get(pos..)?.chars().next()?;
            if matches!(ch, '\u{20ac}' | '\u{a3}' | '\u{a5}' | '\u{20b9}' | '\u{20bd}' | '\u{fdfc}')
            {
                return Some(pos);
            }
            pos = pos.saturating_add(ch.len_utf8());
        } else {
            pos = pos.saturating_add(1);
        }
    }
    None
}

/// A digit at `pos` may start a number only after a non-alphanumeric character that is not
/// itself glued to an identifier ("COVID-19", "v1.2", "#5", "10/05").
fn digit_left_ok(text: &str, pos: usize) -> bool {
    let mut back = text.get(..pos).unwrap_or("").chars().rev();
    match back.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('#' | '@' | '/' | '\\' | ':') => false,
        Some('-' | '.' | ',' | '+' | '\u{2013}') => !back.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// Skips the token at `pos`: a run of letters, digits and the punctuation inside identifiers.
fn skip_token(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let mut end = 0usize;
    for (i, c) in rest.char_indices() {
        let inner = matches!(c, '.' | ',' | '-' | '/' | ':' | '_')
            && rest
                .get(i.saturating_add(1)..)
                .is_some_and(|r| r.starts_with(|d: char| d.is_alphanumeric()));
        if c.is_alphanumeric() || (inner && i > 0) {
            end = i.saturating_add(c.len_utf8());
        } else {
            break;
        }
    }
    pos.saturating_add(end.max(rest.chars().next().map_or(1, char::len_utf8)))
}

/// Words before a digit run that make it a reference, not a claim ("page 5", "Copyright 2024").
fn is_reference_word(w: &str) -> bool {
    matches!(
        w,
        "copyright"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "no"
            | "nos"
            | "number"
            | "article"
            | "section"
            | "chapter"
            | "paragraph"
            | "clause"
            | "resolution"
            | "room"
            | "flight"
            | "route"
            | "highway"
            | "interstate"
            | "platform"
            | "gate"
            | "episode"
            | "volume"
            | "vol"
            | "version"
            | "v"
            | "isbn"
            | "ext"
            | "tel"
            | "phone"
            | "fax"
            | "call"
            | "dial"
            | "box"
            | "suite"
            | "apt"
            | "unit"
            | "figure"
            | "fig"
            | "table"
            | "step"
            | "level"
            | "grade"
            | "code"
            | "id"
            | "line"
            | "lines"
    )
}

/// True when the digits at `i` look like a phone number ("555-123-4567", "+1 202 555 0100").
fn looks_like_phone(i: &str) -> bool {
    let mut groups = Vec::new();
    let mut cur = 0usize;
    let mut seps = 0usize;
    for c in i.chars().take(24) {
        if c.is_ascii_digit() {
            cur = cur.saturating_add(1);
        } else if matches!(c, '-' | '.' | ' ' | '(' | ')') && cur > 0 && seps < 6 {
            groups.push(cur);
            cur = 0;
            seps = seps.saturating_add(1);
        } else {
            break;
        }
    }
    if cur > 0 {
        groups.push(cur);
    }
    let total: usize = groups.iter().sum();
    groups.len() >= 3 && total >= 7 && groups.last().is_some_and(|g| *g == 4)
}

fn claim_at(text: &str, at: usize) -> Option<Found> {
    let i = text.get(at..)?;
    let prev = token::prev_word(text, at);
    let prev_lower = prev.map(|(_, w)| w.to_ascii_lowercase());
    let prev_is = |set: &[&str]| prev_lower.as_deref().is_some_and(|p| set.contains(&p));
    let first = i.chars().next()?;
    if first.is_ascii_digit() {
        if prev_lower.as_deref().is_some_and(is_reference_word)
            || text
                .get(..at)
                .is_some_and(|b| b.trim_end().ends_with('\u{a9}') || b.trim_end().ends_with("(c)"))
            || looks_like_phone(i)
        {
            return None;
        }
        if let Ok((r, d)) = time::iso_date(i) {
            return Some(Found::Claim(date_claim(text, at, r, d)));
        }
        if let Ok((r, d)) = time::day_first(i) {
            return Some(Found::Claim(date_claim(text, at, r, d)));
        }
        if let Ok((r, d)) = time::decade(i) {
            return Some(Found::Claim(date_claim(text, at, r, d)));
        }
    } else if first.is_ascii_alphabetic() {
        // "over the weekend": the word before "weekend" is "the", and before it a preposition.
        let weekend_ok = i.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("weekend"))
            && prev_is(&["the"])
            && prev.and_then(|(p, _)| token::prev_word(text, p)).is_some_and(|(_, w)| {
                matches!(w.to_ascii_lowercase().as_str(), "over" | "at" | "during" | "on" | "this")
            });
        let month_ok = weekend_ok
            || prev_is(&[
                "in",
                "last",
                "this",
                "next",
                "since",
                "until",
                "till",
                "by",
                "of",
                "early",
                "late",
                "mid",
                "from",
                "during",
                "through",
                "throughout",
                "before",
                "after",
                "on",
                "between",
                "and",
                "to",
            ]);
        if let Ok((r, d)) = time::word_date(i, month_ok) {
            return Some(Found::Claim(date_claim(text, at, r, d)));
        }
        if let Ok((r, f)) = factor(i) {
            let mut c = base_claim(at, text.len().saturating_sub(r.len()), RawKind::Factor);
            c.low = Some(f.0);
            c.high = Some(f.0);
            c.change = Some(f.1);
            return Some(Found::Claim(c));
        }
    }
    match quantity(i, text.get(..at).unwrap_or("")) {
        Ok((r, q)) => {
            let end = text.len().saturating_sub(r.len());
            if q.too_large {
                return Some(Found::TooLarge(end));
            }
            let mut c = q.claim;
            c.start = at;
            c.end = end;
            // A bare four-digit number in a date context is a year.
            if c.bare && q.year_like {
                if let Some(y) = c.low.and_then(|n| n.to_i64()).and_then(|y| i32::try_from(y).ok())
                {
                    if is_year_context(text, end, y, prev_lower.as_deref()) {
                        if let Some(p) = crate::date::Period::year(y) {
                            return Some(Found::Claim(date_claim(
                                text,
                                at,
                                r,
                                RawDate::Absolute(p),
                            )));
                        }
                    }
                }
            }
            if c.change.is_none() {
                c.change = change_before(text, at);
            }
            if c.bare && c.words && is_idiom(text, at, end, c.low) {
                return None;
            }
            Some(Found::Claim(c))
        }
        Err(_) => None,
    }
}

fn base_claim(start: usize, end: usize, kind: RawKind) -> RawClaim {
    RawClaim {
        start,
        end,
        kind,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        lean: Lean::Either,
        unit: None,
        per: None,
        date: None,
        change: None,
        bare: false,
        words: false,
        adjectival: false,
    }
}

fn date_claim(text: &str, at: usize, rest: &str, d: RawDate) -> RawClaim {
    let mut c = base_claim(at, text.len().saturating_sub(rest.len()), RawKind::Date);
    c.date = Some(d);
    c
}

/// Prepositions after which a four-digit number is a year.
const YEAR_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "of",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "circa",
    "through",
    "throughout",
    "between",
    "and",
    "to",
    "year",
    "the",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "around",
];

fn is_year_context(text: &str, end: usize, y: i32, prev: Option<&str>) -> bool {
    if !crate::date::YEARS.contains(&y) {
        return false;
    }
    let after = text.get(end..).unwrap_or("");
    // A plural noun or unit after it makes it a count ("2000 protesters").
    let next = after.trim_start_matches(token::is_space);
    let next_word = next.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    let plural_next = next.len() < after.len()
        && next_word.len() > 2
        && next_word.starts_with(|c: char| c.is_ascii_lowercase())
        && next_word.ends_with('s')
        && !next_word.ends_with("ss");
    if plural_next {
        return false;
    }
    if prev.is_some_and(|p| YEAR_PREPS.contains(&p)) {
        return true;
    }
    (1900..=2100).contains(&y)
}

/// Idioms in which a number word is not a claim: "one of", "no one", "one day" (without a
/// preposition), "one another".
fn is_idiom(text: &str, start: usize, end: usize, value: Option<Number>) -> bool {
    if value != Some(Number::ONE) {
        return false;
    }
    let after = text.get(end..).unwrap_or("");
    let next = after.trim_start_matches(token::is_space);
    let next_word: String =
        next.chars().take_while(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
    let prev = token::prev_word(text, start).map(|(_, w)| w.to_ascii_lowercase());
    if matches!(next_word.as_str(), "of" | "another" | "by" | "way" | "hand" | "thing" | "point")
        || after.starts_with('-')
    {
        return true;
    }
    if matches!(
        prev.as_deref(),
        Some(
            "no" | "any"
                | "some"
                | "every"
                | "the"
                | "this"
                | "that"
                | "which"
                | "each"
                | "anyone"
                | "someone"
        )
    ) {
        return true;
    }
    // "one day" as an idiom (not "for one day").
    next_word == "day"
        && !matches!(
            prev.as_deref(),
            Some("for" | "after" | "within" | "in" | "over" | "than" | "about" | "only" | "just")
        )
}

/// Change verbs before a quantity: "rose 2%", "fell by 3 points", "up $5 billion".
fn change_before(text: &str, start: usize) -> Option<Change> {
    let (ws_start, w) = token::prev_word(text, start)?;
    let lw = w.to_ascii_lowercase();
    let (verb, through_by) = if lw == "by" {
        let (_, v) = token::prev_word(text, ws_start)?;
        (v.to_ascii_lowercase(), true)
    } else {
        (lw, false)
    };
    let dir = match verb.as_str() {
        "rose" | "rise" | "rises" | "risen" | "increased" | "increase" | "increases" | "grew"
        | "grow" | "grows" | "grown" | "jumped" | "climbed" | "gained" | "soared" | "surged"
        | "added" | "widened" | "raised" | "boosted" => Change::Up,
        "fell" | "fall" | "falls" | "fallen" | "dropped" | "declined" | "decreased" | "slid"
        | "slipped" | "lost" | "plunged" | "tumbled" | "shrank" | "shrunk" | "cut" | "narrowed"
        | "reduced" | "lowered" | "sank" => Change::Down,
        "up" | "down" if !through_by => {
            // "sales were up 5%", "down $2bn" after a comma; not "free up $7 billion".
            let before = token::prev_word(text, ws_start).map(|(_, w)| w.to_ascii_lowercase());
            let glue =
                text.get(..ws_start).unwrap_or("").trim_end_matches(token::is_space).ends_with(',');
            let linking = matches!(
                before.as_deref(),
                None | Some(
                    "is" | "was"
                        | "were"
                        | "are"
                        | "be"
                        | "been"
                        | "being"
                        | "remains"
                        | "remained"
                        | "now"
                        | "closed"
                        | "ended"
                        | "finished"
                        | "stood"
                )
            );
            if !(glue || linking) {
                return None;
            }
            if verb == "up" {
                Change::Up
            } else {
                Change::Down
            }
        }
        _ => return None,
    };
    Some(dir)
}

/// "posted about two Iranian-Americans": after a verb or a noun of speech, "about" is a
/// preposition, not an approximation.
fn about_is_preposition(before: &str) -> bool {
    let Some((_, w)) = token::prev_word(before, before.len()) else { return false };
    if before.trim_end_matches(token::is_space).len() < before.len().saturating_sub(2) {
        return false;
    }
    let w = w.to_ascii_lowercase();
    (w.ends_with("ed") && w != "estimated")
        || w.ends_with("ing")
        || matches!(
            w.as_str(),
            "talk"
                | "talks"
                | "speak"
                | "speaks"
                | "spoke"
                | "write"
                | "writes"
                | "wrote"
                | "post"
                | "posts"
                | "think"
                | "thinks"
                | "thought"
                | "know"
                | "knows"
                | "knew"
                | "news"
                | "information"
                | "questions"
                | "details"
                | "worry"
                | "worries"
                | "care"
                | "cares"
                | "story"
                | "stories"
                | "report"
                | "reports"
                | "tweet"
                | "tweets"
                | "said"
                | "say"
                | "says"
                | "told"
                | "tell"
                | "ask"
                | "asks"
                | "concern"
                | "concerns"
                | "fears"
                | "something"
                | "nothing"
                | "anything"
                | "much"
                | "more"
                | "brought"
                | "come"
                | "came"
                | "bring"
                | "times"
        )
}

/// `factor = "doubled" | "tripled" | "quadrupled" | "halved" ;`
fn factor(i: &str) -> IResult<&str, (Number, Change)> {
    word_class(i, |w| match w {
        "doubled" => Some((Number::from_int(2), Change::Up)),
        "tripled" => Some((Number::from_int(3), Change::Up)),
        "quadrupled" => Some((Number::from_int(4), Change::Up)),
        "halved" => Number::new(1, 2).map(|h| (h, Change::Down)),
        _ => None,
    })
}

struct Quantity {
    claim: RawClaim,
    year_like: bool,
    too_large: bool,
}

/// `quantity` (see the module grammar).
fn quantity<'a>(i: &'a str, text_before: &str) -> IResult<&'a str, Quantity> {
    // Age and magnitude prefixes: "aged 81", "magnitude 6.8".
    if let Ok((r, w)) = word_class(i, |w| match w {
        "aged" | "age" => Some("age"),
        "magnitude" => Some("magnitude"),
        _ => None,
    }) {
        let (r, ()) = joiner(r)?;
        // "a magnitude of 6.8".
        let r = match kw("of").parse(r) {
            Ok((r2, _)) if w == "magnitude" => ws(r2)?.0,
            _ => r,
        };
        let (r, a) = number::amount(r)?;
        if !token::at_boundary(r) {
            return Err(token::fail(i));
        }
        let kind = if w == "age" { RawKind::Age } else { RawKind::Measure };
        let unit = if w == "age" { "year" } else { "magnitude" };
        let val = Val {
            kind,
            value: a.value,
            unit: Some(unit),
            per: None,
            scale: None,
            bare: false,
            digits: a.digits,
            year_like: false,
            adjectival: false,
        };
        return finish(r, None, val, None, None);
    }
    // Vague quantities: "dozens", "several", "a few weeks".
    if let Ok((r, v)) = vague::vague(i) {
        let mut c = base_claim(0, 0, RawKind::Count);
        c.low = Some(v.low);
        c.high = Some(v.high);
        c.qualifier = if v.approximate_only { Qualifier::Approximate } else { Qualifier::Vague };
        c.words = true;
        let mut r = r;
        if let Ok((r2, ())) = joiner(r) {
            if let Ok((r3, (unit, mult))) = word_class(r2, unit::time_unit) {
                c.kind = RawKind::Duration;
                c.unit = Some(unit);
                c.low = v.low.checked_mul(Number::from_int(mult));
                c.high = v.high.checked_mul(Number::from_int(mult));
                r = r3;
            }
        }
        c.bare = c.kind == RawKind::Count;
        return Ok((r, Quantity { claim: c, year_like: false, too_large: false }));
    }
    let (r, qual) = match approx::qualifier(i) {
        Ok((r, q)) => (r, Some(q)),
        Err(_) => (i, None),
    };
    if qual == Some(Qual::About) && about_is_preposition(text_before) {
        return Err(token::fail(i));
    }
    match qual {
        Some(Qual::Between) | Some(Qual::From) => {
            let (r, a) = value(r)?;
            let (r, _) = ws(r)?;
            let (r, _) = kw(if qual == Some(Qual::Between) { "and" } else { "to" }).parse(r)?;
            let (r, _) = ws(r)?;
            let (r, b) = value(r)?;
            finish(r, None, a, Some(b), None)
        }
        _ => {
            // "more than a decade", "nearly a year".
            if qual.is_some() {
                if let Ok((r2, _)) = word_class(r, |w| matches!(w, "a" | "an").then_some(())) {
                    if let Ok((r3, ())) = joiner(r2) {
                        if let Ok((r4, (u, mult))) = word_class(r3, unit::time_unit) {
                            let val = Val {
                                kind: RawKind::Duration,
                                value: Some(Number::from_int(mult)),
                                unit: Some(u),
                                per: None,
                                scale: None,
                                bare: false,
                                digits: false,
                                year_like: false,
                                adjectival: false,
                            };
                            return finish(r4, qual, val, None, None);
                        }
                    }
                }
            }
            let (r, a) = value(r)?;
            // Ranges: "3-5", "3 to 5", "three or four", "$3bn-$5bn".
            if matches!(
                a.kind,
                RawKind::Count
                    | RawKind::Money
                    | RawKind::Percent
                    | RawKind::Measure
                    | RawKind::Duration
                    | RawKind::Age
            ) {
                if let Ok((r2, j)) = number::range_joiner(r) {
                    if let Ok((r3, b)) = value(r2) {
                        let compatible = (j != "or" || a.digits == b.digits)
                            && (j != "-" || (a.digits && b.digits))
                            && (a.unit.is_none() || b.unit.is_none() || a.unit == b.unit)
                            && a.kind != RawKind::Ordinal
                            && b.kind != RawKind::Ordinal;
                        if compatible {
                            let post = approx::post_qualifier(r3).ok();
                            let r4 = post.map_or(r3, |(r, _)| r);
                            return finish(r4, qual, a, Some(b), post.map(|(_, p)| p));
                        }
                    }
                }
            }
            let post = approx::post_qualifier(r).ok();
            let r = post.map_or(r, |(r, _)| r);
            finish(r, qual, a, None, post.map(|(_, p)| p))
        }
    }
}

/// Builds the claim from the parsed parts, applying the qualifier to the bounds.
fn finish(
    r: &str,
    qual: Option<Qual>,
    a: Val,
    b: Option<Val>,
    post: Option<PostQual>,
) -> IResult<&str, Quantity> {
    let (a, b) = match b {
        Some(b) => {
            // Share unit and scale from the second end to the first.
            let mut a2 = a;
            if a2.unit.is_none() {
                a2.unit = b.unit;
                a2.kind = b.kind;
                a2.per = b.per;
            }
            if a2.scale.is_none() {
                if let (Some(s), Some(av), Some(bv)) = (b.scale, a2.value, b.value) {
                    let unscaled_b = bv.checked_div(Number::from_int(s));
                    if unscaled_b.is_some_and(|u| av <= u) {
                        a2.value = av.checked_mul(Number::from_int(s));
                    }
                }
            }
            (a2, Some(b))
        }
        None => (a, None),
    };
    let too_large = a.value.is_none() || b.is_some_and(|b| b.value.is_none());
    let mut c = base_claim(0, 0, a.kind);
    c.unit = a.unit;
    c.per = a.per.or(b.and_then(|b| b.per));
    c.words = !a.digits;
    c.adjectival = a.adjectival || b.is_some_and(|b| b.adjectival);
    let v = a.value;
    match b {
        Some(b) => {
            let (lo, hi) = match (v, b.value) {
                (Some(x), Some(y)) if y < x => (Some(y), Some(x)),
                (x, y) => (x, y),
            };
            c.low = lo;
            c.high = hi;
            c.qualifier = Qualifier::Range;
            // Two years joined as a range are a period: "from 2016 to 2018".
            if a.year_like && b.year_like && a.unit.is_none() {
                if let (Some(y1), Some(y2)) =
                    (lo.and_then(|n| n.to_i64()), hi.and_then(|n| n.to_i64()))
                {
                    if let (Ok(y1), Ok(y2)) = (i32::try_from(y1), i32::try_from(y2)) {
                        if (1800..=2100).contains(&y1) && (1800..=2100).contains(&y2) {
                            if let (Some(p1), Some(p2)) =
                                (crate::date::Period::year(y1), crate::date::Period::year(y2))
                            {
                                c.kind = RawKind::Date;
                                c.date = crate::date::Period::new(p1.start(), p2.end())
                                    .map(RawDate::Absolute);
                                c.low = None;
                                c.high = None;
                            }
                        }
                    }
                }
            }
        }
        None => {
            c.low = v;
            c.high = v;
            let (q, lean) = match qual {
                None | Some(Qual::Exact) => (Qualifier::Exact, Lean::Either),
                Some(Qual::AtLeast) => (Qualifier::AtLeast, Lean::Either),
                Some(Qual::MoreThan) => (Qualifier::MoreThan, Lean::Either),
                Some(Qual::AtMost) => (Qualifier::AtMost, Lean::Either),
                Some(Qual::FewerThan) => (Qualifier::FewerThan, Lean::Either),
                Some(Qual::About) => (Qualifier::Approximate, Lean::Either),
                Some(Qual::Nearly) => (Qualifier::Approximate, Lean::Below),
                Some(Qual::JustOver) => (Qualifier::Approximate, Lean::Above),
                Some(Qual::Between) | Some(Qual::From) => (Qualifier::Range, Lean::Either),
            };
            c.qualifier = q;
            c.lean = lean;
            match q {
                Qualifier::AtLeast | Qualifier::MoreThan => c.high = None,
                Qualifier::AtMost | Qualifier::FewerThan => c.low = None,
                _ => {}
            }
            match post {
                Some(PostQual::OrMore) if matches!(q, Qualifier::Exact) => {
                    c.qualifier = Qualifier::AtLeast;
                    c.high = None;
                }
                Some(PostQual::OrSo) if matches!(q, Qualifier::Exact) => {
                    c.qualifier = Qualifier::Approximate
                }
                _ => {}
            }
        }
    }
    // Ordinals and fractions ignore qualifiers other than exact.
    if matches!(c.kind, RawKind::Ordinal | RawKind::Fraction) && qual.is_some() && b.is_none() {
        c.qualifier = Qualifier::Exact;
        c.low = v;
        c.high = v;
    }
    c.bare = a.bare && b.is_none() && qual.is_none() && post.is_none();
    let year_like = a.year_like && b.is_none() && qual.is_none();
    Ok((r, Quantity { claim: c, year_like, too_large }))
}

/// `value` (see the module grammar).
fn value(i: &str) -> IResult<&str, Val> {
    let mk = |kind, value, unit, digits| Val {
        kind,
        value,
        unit,
        per: None,
        scale: None,
        bare: false,
        digits,
        year_like: false,
        adjectival: false,
    };
    // Money with a prefix: "$7bn", "US$7 billion", "€3m".
    if let Ok((r, code)) = unit::currency_prefix(i) {
        let (r, a) = number::amount(r)?;
        if !token::at_boundary(r) {
            return Err(token::fail(i));
        }
        let consumed = i.len().saturating_sub(r.len());
        let scale = i.get(..consumed).and_then(number::trailing_scale);
        let (r, per) = match unit::per(r) {
            Ok((r2, p)) => (r2, Some(p)),
            Err(_) => (r, None),
        };
        return Ok((r, Val { per, scale, ..mk(RawKind::Money, a.value, Some(code), a.digits) }));
    }
    if let Ok((r, f)) = ordinal::fraction(i).or_else(|_| ordinal::bare_half(i)) {
        return Ok((r, mk(RawKind::Fraction, Some(f), None, false)));
    }
    // Ordinals, with an optional article: "the seventh", "a fifth American".
    let after_article = word_class(i, |w| matches!(w, "a" | "an").then_some(()))
        .ok()
        .and_then(|(r, _)| ws(r).ok().map(|(r, _)| r));
    if let Ok((r, n)) = ordinal::ordinal(after_article.unwrap_or(i)) {
        // "a second" alone is a unit of time, not a rank.
        return Ok((
            r,
            mk(
                RawKind::Ordinal,
                Some(Number::from_int(n)),
                None,
                i.starts_with(|c: char| c.is_ascii_digit()),
            ),
        ));
    }
    let (r, a) = number::amount(i)?;
    let consumed = i.len().saturating_sub(r.len());
    let scale = if a.scaled { i.get(..consumed).and_then(number::trailing_scale) } else { None };
    let base = Val { scale, year_like: a.year_like, ..mk(RawKind::Count, a.value, None, a.digits) };
    if let Ok((r2, u)) = unit::percent(r) {
        return Ok((r2, Val { kind: RawKind::Percent, unit: Some(u), year_like: false, ..base }));
    }
    if let Ok((r2, u)) = unit::age_suffix(r) {
        let adjectival = r.starts_with('-');
        return Ok((
            r2,
            Val { kind: RawKind::Age, unit: Some(u), adjectival, year_like: false, ..base },
        ));
    }
    if let Ok((r2, ())) = joiner(r) {
        if let Ok((r3, (u, mult))) = word_class(r2, unit::time_unit) {
            if !a.scaled {
                let value = a.value.and_then(|v| v.checked_mul(Number::from_int(mult)));
                let adjectival = r.starts_with('-');
                return Ok((
                    r3,
                    Val {
                        kind: RawKind::Duration,
                        unit: Some(u),
                        value,
                        adjectival,
                        year_like: false,
                        ..base
                    },
                ));
            }
        }
    }
    if let Ok((r2, u)) = unit::measure_unit(r) {
        // "pounds" before "of" is weight; otherwise "pounds" is handled as money below.
        let (r3, per) = match unit::per(r2) {
            Ok((r3, p)) => (r3, Some(p)),
            Err(_) => (r2, None),
        };
        return Ok((
            r3,
            Val { kind: RawKind::Measure, unit: Some(u), per, year_like: false, ..base },
        ));
    }
    if let Ok((r2, _)) = ws(r) {
        if let Ok((r3, code)) = unit::currency_word(r2) {
            let is_pounds_of =
                code == "GBP" && ws(r3).ok().is_some_and(|(r4, _)| kw("of").parse(r4).is_ok());
            let is_pound_weight = code == "GBP"
                && r2.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("pound"))
                && is_pounds_of;
            if is_pound_weight {
                return Ok((
                    r3,
                    Val { kind: RawKind::Measure, unit: Some("pound"), year_like: false, ..base },
                ));
            }
            let (r4, per) = match unit::per(r3) {
                Ok((r4, p)) => (r4, Some(p)),
                Err(_) => (r3, None),
            };
            return Ok((
                r4,
                Val { kind: RawKind::Money, unit: Some(code), per, year_like: false, ..base },
            ));
        }
    }
    // Digits glued to other letters are identifiers ("4G", "3D").
    if a.digits && !token::at_boundary(r) {
        return Err(token::fail(i));
    }
    Ok((r, Val { bare: true, ..base }))
}

#[cfg(test)]
mod tests;
