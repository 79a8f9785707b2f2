//! The claim grammar: finds candidate positions with a cheap scan, then reads a quantity there
//! with nom.
//!
//! ```text
//! claim      = date | year_month | factor | age_prefix | magnitude_prefix | quantity ;
//! quantity   = vague [ joiner [ "of" ws ] time_unit ]
//!            | percent_of amount                                  (* "per cent of 210" *)
//!            | [ qualifier ] ( "between" bound_value ws "and" ws bound_value
//!                            | "from" bound_value ws "to" ws bound_value
//!                            | article_duration
//!                            | value [ proportion ] [ range_joiner value ]
//!                            | "half" )                           (* "more than half" *)
//!              [ post_qualifier ] [ second_bound ] ;
//! second_bound = [ "," ] ws ( "and" | "but" ) ws qualifier bound_value ;  (* "above 1000 and below 1500" *)
//! proportion = ws ( "in" | "out" ws "of" | "over" ) ws value ;    (* "one in five" *)
//! article_duration = article joiner time_unit [ and_a_half ] ;    (* "for a year", "an hour and a half" *)
//! bound_value = "the" ws ordinal | value ;
//! value      = [ sign ] unsigned_value ;
//! sign       = ( "-" | "−" ) | ( "minus" | "negative" ) ws ;
//! unsigned_value = currency_prefix amount [ per ] | half_duration
//!            | fraction_scale units | fraction | "half" | [ article ws ] ordinal
//!            | amount units ;
//! units      = percent | age_suffix | currency_suffix [ cents_tail ] [ per ] | joiner "fold"
//!            | joiner time_unit [ duration_tail ] | measure_unit [ per ]
//!            | ( ws | "-" ) currency_word [ joiner scale_word ] [ cents_tail ] [ per ] | "" ;
//! age_prefix = ( "aged" | "age" ) joiner amount ;                  (* "aged 81", "aged-81" *)
//! magnitude_prefix = "magnitude" joiner [ "of" ws ] amount ;      (* "magnitude 6.8" *)
//! factor     = "doubled" | "tripled" | "quadrupled" | "halved" | fold_word ;  (* "fivefold" *)
//! ```
//!
//! Productions live in one module each: [`number`] (digits, words, scales), [`approx`]
//! (qualifiers), [`vague`], [`ordinal`] (ordinals and fractions), [`unit`](mod@unit) (money,
//! percent, measures, time units, ages) and [`time`] (dates). This module only combines them and
//! knows nothing of subjects, lexicons or reconciliation.

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
use number::Amount;
use time::RawDate;
use token::{joiner, kw, word, word_class, ws};

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

/// What [`Scanner::scan_until`] appends to: claims in text order and spans whose numbers
/// overflowed.
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

thread_local! {
    /// What each short word can do at the start of a claim ([`TriggerMemo::short`]), kept
    /// across scans on this thread: the answer depends on the word alone, and the articles of
    /// one story or one day share most of their words, so each is classified about once per
    /// thread rather than once per article. A fixed table ([`ShortMemo`]), whatever the text.
    /// A [`Scanner`] takes it while it reads and puts it back when dropped.
    static SHORT_TRIGGERS: std::cell::Cell<Option<ShortMemo>> =
        const { std::cell::Cell::new(None) };
}

/// Scans `text` from byte `from` and returns every claim found.
#[cfg(test)]
pub(crate) fn scan(text: &str, from: usize) -> Scan {
    let mut out = Scan::default();
    Scanner::new(text, from).scan_until(usize::MAX, &mut out);
    out
}

/// Reads a text's claims in order, a stretch at a time ([`Scanner::scan_until`]), so that a
/// caller can hold one stretch's raw claims at a time instead of the whole text's.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    /// Where the search for the next anchor resumes.
    pos: usize,
    /// An anchor found at or after the last limit, not yet read.
    pending: Option<usize>,
    triggers: TriggerMemo<'a>,
    /// Whether the memo of short words is the thread's, to be put back when done.
    shared: bool,
}

impl<'a> Scanner<'a> {
    /// A scanner of `text` from byte `from`, with the thread's memo of short words (a fresh one
    /// on the thread's first scan), which it gives back when dropped.
    pub(crate) fn new(text: &'a str, from: usize) -> Scanner<'a> {
        // `Err` only while the thread is being torn down; `None` on its first scan (and in a
        // nested one, which then keeps and returns a memo of its own).
        let taken = SHORT_TRIGGERS.try_with(std::cell::Cell::take);
        let shared = taken.is_ok();
        let mut scanner = Scanner::with_memo(text, from, taken.ok().flatten().unwrap_or_default());
        scanner.shared = shared;
        scanner
    }

    /// A scanner with its own memo of short words, which it drops when done.
    fn with_memo(text: &'a str, from: usize, short: ShortMemo) -> Scanner<'a> {
        Scanner {
            text,
            pos: from,
            pending: None,
            triggers: TriggerMemo { short, long: foldhash::HashMap::default() },
            shared: false,
        }
    }

    /// Appends to `out` the claims (and overflowed numbers) that start before byte `until`,
    /// in text order, and tells whether the text may hold more. A claim that starts before
    /// `until` is read whole, even when it ends after it; the next call goes on from there.
    /// Calls with growing limits read the same claims as one call with the last limit.
    pub(crate) fn scan_until(&mut self, until: usize, out: &mut Scan) -> bool {
        let text = self.text;
        loop {
            let anchor = match self.pending.take() {
                Some(a) => a,
                None => match next_anchor(text, self.pos, &mut self.triggers) {
                    Some(a) => a,
                    None => return false,
                },
            };
            if anchor >= until {
                self.pending = Some(anchor);
                return true;
            }
            let mut pos = match claim_at(text, anchor) {
                Some(Found::Claim(c)) => {
                    let pos = c.end.max(anchor.saturating_add(1));
                    out.claims.push(c);
                    pos
                }
                Some(Found::TooLarge(end)) => {
                    out.too_large.push(RawDiagnostic { start: anchor, end });
                    end.max(anchor.saturating_add(1))
                }
                Some(Found::NotAClaim(end)) => end.max(anchor.saturating_add(1)),
                None => skip_token(text, anchor),
            };
            // Stay on a char boundary whatever the parsers returned.
            while pos < text.len() && !text.is_char_boundary(pos) {
                pos = pos.saturating_add(1);
            }
            self.pos = pos;
        }
    }
}

impl Drop for Scanner<'_> {
    fn drop(&mut self) {
        if self.shared {
            let short = std::mem::replace(&mut self.triggers.short, ShortMemo::none());
            // Fails only while the thread is being torn down: the memo is then just dropped.
            let _ = SHORT_TRIGGERS.try_with(|memo| memo.set(Some(short)));
        }
    }
}

enum Found {
    Claim(RawClaim),
    TooLarge(usize),
    /// Digits that are no claim, up to the given end ("555 123 4567").
    NotAClaim(usize),
}

/// Words that can start a claim (lower-case).
fn is_trigger(w: &str) -> bool {
    decade_word(w).is_some()
        || number::small_number_word(w).is_some()
        || ordinal::ordinal_word(w).is_some()
        || vague::is_vague_start(w)
        || unit::iso_code(w).is_some()
        || matches!(
            w,
            "minus"
                | "negative"
                | "nought"
                | "naught"
                | "percent"
                | "percents"
                | "per"
                | "greater"
                | "larger"
                | "bigger"
                | "higher"
                | "smaller"
                | "lower"
                | "equal"
                | "not"
                | "exceed"
                | "exceeds"
                | "exceeded"
                | "exceeding"
                | "surpass"
                | "surpasses"
                | "surpassed"
                | "surpassing"
                | "in"
                | "quarter"
                | "c"
                | "ca"
                | "hk"
                | "nz"
                | "au"
                | "mx"
                | "mex"
                | "sg"
                | "r"
                | "rs"
                | "musd"
                | "meur"
                | "mgbp"
                | "maud"
        )
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
                | "twofold"
                | "threefold"
                | "fourfold"
                | "fivefold"
                | "sixfold"
                | "sevenfold"
                | "eightfold"
                | "ninefold"
                | "tenfold"
                | "hundredfold"
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

/// What a word can do at the start of a claim.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Trigger {
    /// Never starts one.
    No,
    /// Starts one wherever it stands: a number word, a month, a currency code.
    Strong,
    /// Starts one only with a number a little further on ([`is_weak_trigger`],
    /// [`number_ahead`]): "about", "all", "last".
    Weak,
    /// A weak trigger that starts one only as a qualifier ([`QUALIFIER_ONLY`]): "at least",
    /// "up to", "more than". Needs [`number_ahead`] and [`approx::qualifier`] to pass.
    Qualifier,
    /// "a" or "an": weak triggers that start no claim before a space and plain digits ("a
    /// 34-year-old": the number starts its own; [`number_after_article`]). Elsewhere they
    /// need [`number_ahead`], like any weak trigger.
    Article,
    /// "in", which starts one only as "in excess of N".
    In,
}

impl Trigger {
    /// The class of a lower-case word.
    fn of(w: &str) -> Trigger {
        if w == "in" {
            Trigger::In
        } else if !is_trigger(w) {
            Trigger::No
        } else if !is_weak_trigger(w) {
            Trigger::Strong
        } else if matches!(w, "a" | "an") {
            Trigger::Article
        } else if QUALIFIER_ONLY.contains(&w) {
            Trigger::Qualifier
        } else {
            Trigger::Weak
        }
    }
}

/// Remembers what each word can do at the start of a claim, so that a scan classifies each
/// distinct word about once: [`is_trigger`] tries a few hundred words in turn, the memo costs
/// one probe.
struct TriggerMemo<'a> {
    /// Words of up to sixteen letters, packed into a [`Key`] ([`pack`]). Taken from the thread
    /// ([`SHORT_TRIGGERS`]) for a scanner's life, so the scans of a thread share it.
    short: ShortMemo,
    /// Words of more than sixteen letters, borrowed from the text: for one scan only. The words
    /// come from the article, so the map's hasher is seeded at random (foldhash), not fixed
    /// like Fx: crafted words that all collide cannot make the scan quadratic. The map only
    /// remembers answers, so the seed changes no output.
    long: foldhash::HashMap<&'a str, Trigger>,
}

impl<'a> TriggerMemo<'a> {
    /// Distinct long words remembered at most (a few MB), whatever the text.
    const LIMIT: usize = 1 << 16;

    /// What the word `text[start..end]` (ASCII letters) can do at the start of a claim,
    /// worked out about once per distinct word. A short word is looked up by `key`, its packed
    /// bytes ([`pack`]; `None` for a longer word): the `&str` is only made when the memo does
    /// not know it.
    fn class(&mut self, text: &'a str, start: usize, end: usize, key: Option<Key>) -> Trigger {
        let word = || text.get(start..end).unwrap_or("");
        let classify = |w: &str| token::with_lower(w, Trigger::of).unwrap_or(Trigger::No);
        let Some(key) = key else {
            let w = word();
            if let Some(&t) = self.long.get(w) {
                return t;
            }
            let t = classify(w);
            if self.long.len() < Self::LIMIT {
                self.long.insert(w, t);
            }
            return t;
        };
        match self.short.slot(key) {
            Some(slot) if slot.key == key => slot.known.trigger,
            Some(slot) => {
                let trigger = classify(word());
                *slot = Slot { key, known: Known { trigger, numberish: None } };
                trigger
            }
            None => classify(word()),
        }
    }

    /// [`is_numberish`] for `w` (any case), remembered for short words the memo holds; `key` is
    /// `w` packed ([`pack`], as [`word_head`] gives it), `None` for a longer word.
    fn numberish(&mut self, w: &str, key: Option<Key>) -> bool {
        let work_out = || token::with_lower(w, is_numberish).unwrap_or(false);
        let Some(key) = key else { return work_out() };
        match self.short.slot(key) {
            Some(Slot { key: k, known: Known { numberish: Some(n), .. } }) if *k == key => *n,
            Some(Slot { key: k, known }) if *k == key => *known.numberish.insert(work_out()),
            _ => work_out(),
        }
    }
}

/// What short words can do at the start of a claim, as a direct-mapped cache: each packed
/// word ([`pack`]) has one slot, picked by a multiplicative hash, and a word that lands on a
/// taken slot replaces its word.
///
/// A probe is an xor, a rotate, a multiply, a shift and a compare of two words (about a dozen
/// instructions, against about 29 for the hash map it replaced), and prose spends most of its
/// words on a few thousand common ones, which keep their slots. Words of nine to sixteen
/// letters (one word in eight in news text) are held too, rather than hashed and probed in the
/// map for longer words.
/// Words that collide, by chance or by design, only cost their classification again: the
/// work per word stays bounded, so no input can make the scan worse than linear, and the
/// cache only remembers answers, so it changes no output.
struct ShortMemo {
    slots: Box<[Slot]>,
}

impl ShortMemo {
    /// log2 of the slot count: 2^14 slots of 24 bytes, 384 KiB per thread.
    const BITS: u32 = 14;

    /// The index of `key`'s slot, below 2^[`BITS`](Self::BITS).
    fn index(key: Key) -> usize {
        // Fibonacci hashing: the top bits of the product mix every byte of the word (the
        // second eight, zero for most words, are folded in rotated first).
        let mixed = key.lo ^ key.hi.rotate_left(29);
        usize::try_from(mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)).unwrap_or(0)
    }

    /// The slot of `key` (taken or not): always there, as the index is below the slot count,
    /// except in a memo with no slots ([`ShortMemo::none`]).
    fn slot(&mut self, key: Key) -> Option<&mut Slot> {
        self.slots.get_mut(Self::index(key))
    }

    /// What the memo holds for `key`, if that word has the slot.
    #[cfg(test)]
    fn get(&self, key: Key) -> Option<Known> {
        self.slots.get(Self::index(key)).filter(|s| s.key == key).map(|s| s.known)
    }

    /// A memo with no slots, which remembers nothing (every word is classified anew): what a
    /// [`Scanner`] holds once it has given the thread's memo back.
    fn none() -> Self {
        ShortMemo { slots: Box::default() }
    }
}

impl Default for ShortMemo {
    fn default() -> Self {
        ShortMemo { slots: vec![Slot::EMPTY; 1 << Self::BITS].into_boxed_slice() }
    }
}

/// One slot of a [`ShortMemo`]: a packed word and what is known of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    /// The packed word ([`pack`]); zero for an empty slot, which no word packs to.
    key: Key,
    known: Known,
}

impl Slot {
    const EMPTY: Slot =
        Slot { key: Key { lo: 0, hi: 0 }, known: Known { trigger: Trigger::No, numberish: None } };
}

/// What the memo knows of a short word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Known {
    /// What it can do at the start of a claim.
    trigger: Trigger,
    /// Whether it lets a weak trigger before it start a claim ([`is_numberish`]): worked out
    /// the first time it is asked.
    numberish: Option<bool>,
}

/// A word of one to sixteen ASCII letters as two integers: its first eight bytes and the
/// rest, each zero-padded (letters are never zero, so different words give different keys,
/// and `hi` is zero for a word of up to eight letters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    lo: u64,
    hi: u64,
}

/// The lanes of `x` before the first one marked in `marks` (top bits of lanes, as
/// [`token::non_letters`] gives them), the rest zeroed; all of `x` when none is marked.
fn keep_before(x: u64, marks: u64) -> u64 {
    // The first mark is bit 7 of its lane: shifted down to bit 0 of that lane, less one, it
    // keeps the lanes before it (no mark: zero less one keeps them all).
    let first = marks & marks.wrapping_neg();
    x & (first >> 7).wrapping_sub(1)
}

/// The word of `len` letters (one to sixteen) that `rest` starts with, as a [`Key`].
///
/// When `rest` holds sixteen bytes the key is two loads and masks, with no copy of a variable
/// length.
fn pack(rest: &[u8], len: usize) -> Option<Key> {
    if !(1..=16).contains(&len) {
        return None;
    }
    // The low `n` bytes (none to eight) of a lane word.
    let low = |n: usize| match n {
        0 => 0,
        n => u64::MAX >> (8usize.saturating_sub(n).saturating_mul(8)),
    };
    let mut buf = [0u8; 16];
    let sixteen = match rest.first_chunk::<16>() {
        Some(all) => all,
        None => {
            buf.get_mut(..len)?.copy_from_slice(rest.get(..len)?);
            &buf
        }
    };
    let (a, b) = sixteen.split_first_chunk::<8>()?;
    let lo = u64::from_le_bytes(*a) & low(len.min(8));
    let hi = u64::from_le_bytes(*b.first_chunk::<8>()?) & low(len.saturating_sub(8));
    Some(Key { lo, hi })
}

/// The number of ASCII letters `b` starts with ([`token::letters`]) and, for one to sixteen
/// of them, the word packed ([`pack`]): both from one or two eight-byte loads when the word is
/// shorter, as almost all are.
#[inline(always)]
fn word_head(b: &[u8]) -> (usize, Option<Key>) {
    let (Some(first), Some(second)) =
        (b.first_chunk::<8>(), b.get(8..).and_then(<[u8]>::first_chunk::<8>))
    else {
        let len = token::letters(b);
        return (len, pack(b, len));
    };
    let x = u64::from_le_bytes(*first);
    let stop = token::non_letters(x);
    if stop != 0 {
        let len = token::first_lane(stop);
        return (len, (len > 0).then_some(Key { lo: keep_before(x, stop), hi: 0 }));
    }
    let y = u64::from_le_bytes(*second);
    let stop = token::non_letters(y);
    if stop != 0 {
        let len = token::first_lane(stop).saturating_add(8);
        return (len, Some(Key { lo: x, hi: keep_before(y, stop) }));
    }
    let len = token::letters(b.get(16..).unwrap_or_default()).saturating_add(16);
    (len, (len == 16).then_some(Key { lo: x, hi: y }))
}

/// Finds the next position at or after `pos` where a claim may start.
///
/// Text inside a URL ("https://…", "www.…") never starts a claim.
fn next_anchor<'a>(text: &'a str, mut pos: usize, triggers: &mut TriggerMemo<'a>) -> Option<usize> {
    let b = text.as_bytes();
    while let Some(&c) = b.get(pos) {
        let next_digit = b.get(pos.saturating_add(1)).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit() {
            if digit_left_ok(text, pos) {
                return Some(pos);
            }
            pos = skip_token(text, pos);
        } else if c == b'$'
            || (c == b'-' && next_digit && sign_left_ok(text, pos))
            || (c == b'.' && next_digit && point_left_ok(text, pos))
        {
            return Some(pos);
        } else if c == b'<' || c == b'>' {
            // Not "<>30", "=>30", "=<30".
            let after_symbol = pos
                .checked_sub(1)
                .and_then(|p| b.get(p))
                .is_some_and(|x| matches!(x, b'<' | b'>' | b'='));
            if !after_symbol && approx::qualifier(text.get(pos..)?).is_ok() {
                return Some(pos);
            }
            pos = pos.saturating_add(1);
        } else if c.is_ascii_alphabetic() {
            let mut left_ok = pos == 0
                || !text
                    .get(..pos)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
            // Prose is words with one space between them: after a word that starts nothing,
            // the next one is read here, with no trip through the byte dispatch above and no
            // look back (a space is behind it).
            loop {
                let (len, key) = word_head(b.get(pos..)?);
                let end = pos.saturating_add(len);
                // The byte after the word decides most of what follows.
                let next = b.get(end).copied();
                // A URL's scheme or "www" is followed by ':' or '.'.
                if left_ok
                    && matches!(next, Some(b':' | b'.'))
                    && is_url_start(text.get(pos..end)?, text.get(end..)?)
                {
                    pos = end.saturating_add(
                        text.get(end..)?.find(|ch: char| ch.is_whitespace()).unwrap_or(text.len()),
                    );
                    break;
                }
                if next.is_some_and(|x| x.is_ascii_digit()) {
                    // "USD115": an upper-case currency code glued to its amount.
                    let w = text.get(pos..end)?;
                    let glued_code = w.len() == 3
                        && w.bytes().all(|x| x.is_ascii_uppercase())
                        && token::with_lower(w, unit::iso_code).flatten().is_some();
                    if left_ok && glued_code {
                        return Some(pos);
                    }
                    pos = skip_token(text, pos);
                    break;
                }
                if !left_ok {
                    pos = end;
                    break;
                }
                // Weak triggers and "in" are checked here, not in the grammar: most of them
                // start no claim, and a rejected word is skipped like one the grammar rejected.
                match triggers.class(text, pos, end, key) {
                    Trigger::No => {}
                    Trigger::Strong => return Some(pos),
                    Trigger::Weak if number_ahead(text, pos, len, triggers) => return Some(pos),
                    Trigger::Qualifier
                        if number_ahead(text, pos, len, triggers)
                            && approx::qualifier(text.get(pos..)?).is_ok() =>
                    {
                        return Some(pos)
                    }
                    Trigger::Article
                        if !number_after_article(b.get(end..).unwrap_or_default())
                            && number_ahead(text, pos, len, triggers) =>
                    {
                        return Some(pos)
                    }
                    Trigger::In if in_excess(text.get(end..)?) => return Some(pos),
                    Trigger::Weak | Trigger::Qualifier | Trigger::Article | Trigger::In => {
                        pos = skip_token(text, pos);
                        break;
                    }
                }
                pos = end;
                let after = end.saturating_add(1);
                if next == Some(b' ') && b.get(after).is_some_and(u8::is_ascii_alphabetic) {
                    pos = after;
                    left_ok = true;
                } else {
                    break;
                }
            }
        } else if c >= 0x80 {
            let ch = text.get(pos..)?.chars().next()?;
            let symbol = matches!(
                ch,
                '\u{20ac}'
                    | '\u{a3}'
                    | '\u{a5}'
                    | '\u{20b9}'
                    | '\u{20bd}'
                    | '\u{fdfc}'
                    | '\u{20a9}'
                    | '\u{20aa}'
                    | '\u{20ba}'
                    | '\u{20b1}'
                    | '\u{20a6}'
                    | '\u{2265}'
                    | '\u{2264}'
            );
            let minus = ch == '\u{2212}'
                && text
                    .get(pos.saturating_add(ch.len_utf8())..)
                    .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()))
                && sign_left_ok(text, pos);
            let vulgar = number::is_vulgar(ch) && digit_left_ok(text, pos);
            if symbol || minus || vulgar {
                return Some(pos);
            }
            pos = pos.saturating_add(ch.len_utf8());
        } else {
            pos = pos.saturating_add(1);
        }
    }
    None
}

/// "https://…", "www.…": the start of a URL.
fn is_url_start(w: &str, after: &str) -> bool {
    let lw = |x: &str| w.eq_ignore_ascii_case(x);
    ((lw("http") || lw("https") || lw("ftp")) && after.starts_with("://"))
        || (lw("www") && after.starts_with('.'))
}

/// A minus sign glued to digits is a sign only at the start of a word ("-5", "(-3"), not in
/// "COVID-19", "3-5" or "+/-3".
fn sign_left_ok(text: &str, pos: usize) -> bool {
    match text.get(..pos).unwrap_or("").chars().next_back() {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}' | '<' | '=' | '>'),
    }
}

/// A decimal point before digits starts a number (".08") after a space or an opening bracket.
fn point_left_ok(text: &str, pos: usize) -> bool {
    match text.get(..pos).unwrap_or("").chars().next_back() {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}'),
    }
}

/// A digit at `pos` may start a number only after a non-alphanumeric character that is not
/// itself glued to an identifier ("COVID-19", "v1.2", "#5", "10/05", "%28").
fn digit_left_ok(text: &str, pos: usize) -> bool {
    let mut back = text.get(..pos).unwrap_or("").chars().rev();
    match back.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('#' | '@' | '/' | '\\' | ':' | '%') => false,
        // "mid-2019", "late-2020": a year glued to its lead word is still a year.
        Some('-') if glued_to_lead(text.get(..pos.saturating_sub(1)).unwrap_or("")) => true,
        Some('-' | '.' | ',' | '+' | '\u{2013}' | '\u{2212}') => {
            !back.next().is_some_and(char::is_alphanumeric)
        }
        Some(_) => true,
    }
}

/// Whether `before` ends with the whole word "mid", "early" or "late" (any case).
fn glued_to_lead(before: &str) -> bool {
    token::prev_word(before, before.len()).is_some_and(|(start, w)| {
        start.saturating_add(w.len()) == before.len()
            && ["mid", "early", "late"].iter().any(|l| w.eq_ignore_ascii_case(l))
    })
}

/// Skips the token at `pos`: a run of letters, digits and the punctuation inside identifiers.
fn skip_token(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let bytes = rest.as_bytes();
    // ASCII letters and digits followed by an ASCII mark that ends the token, the usual case,
    // are passed on bytes; any other token (an inner mark, a non-ASCII char) is read char by
    // char below.
    let ascii = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if ascii > 0 && bytes.get(ascii).is_none_or(|&b| b.is_ascii() && !is_inner_mark(b)) {
        return pos.saturating_add(ascii);
    }
    let mut end = 0usize;
    for (i, c) in rest.char_indices() {
        let inner = u8::try_from(c).is_ok_and(is_inner_mark)
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

/// The marks `skip_token` passes inside a token when a letter or digit follows them.
fn is_inner_mark(b: u8) -> bool {
    matches!(b, b'.' | b',' | b'-' | b'/' | b':' | b'_')
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

/// When the digits at `i` are a clock time ("3 p.m.", "11am", "9.30 pm", "10:15 a.m."), its
/// length in bytes: an hour of 1 to 12, minutes after ':' or '.', and "am" or "pm" (with or
/// without periods, any case), then no letter or digit.
fn time_of_day(i: &str) -> Option<usize> {
    let b = i.as_bytes();
    let hour_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let hour: u8 = i.get(..hour_len).filter(|_| (1..=2).contains(&hour_len))?.parse().ok()?;
    if !(1..=12).contains(&hour) {
        return None;
    }
    let mut pos = hour_len;
    if let [b':' | b'.', m1, m2, ..] = b.get(pos..)? {
        if m1.is_ascii_digit() && m2.is_ascii_digit() && *m1 <= b'5' {
            pos = pos.saturating_add(3);
        }
    }
    if b.get(pos) == Some(&b' ') {
        pos = pos.saturating_add(1);
    }
    let rest = b.get(pos..)?;
    let meridiem = [&b"a.m."[..], b"p.m.", b"a.m", b"p.m", b"am", b"pm"]
        .into_iter()
        .find(|m| rest.get(..m.len()).is_some_and(|r| r.eq_ignore_ascii_case(m)))?;
    let end = pos.saturating_add(meridiem.len());
    (!b.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// When the digits at `i` look like a phone number ("555-123-4567", "+1 202 555 0100"), its
/// length in bytes (to the end of its last digit).
fn looks_like_phone(i: &str) -> Option<usize> {
    // The digit groups: how many, how many digits in all, and the last one's length.
    let (mut groups, mut total, mut last) = (0usize, 0usize, 0usize);
    let mut cur = 0usize;
    let mut seps = 0usize;
    let mut end = 0usize;
    let mut close = |cur: usize| {
        groups = groups.saturating_add(1);
        total = total.saturating_add(cur);
        last = cur;
    };
    let mut prev = '\0';
    for (at, c) in i.char_indices().take(24) {
        if c.is_ascii_digit() {
            cur = cur.saturating_add(1);
            end = at.saturating_add(1);
        } else if matches!(c, '-' | '.' | ' ' | '(' | ')') && cur > 0 && seps < 6 {
            close(cur);
            cur = 0;
            seps = seps.saturating_add(1);
        } else if c == ' ' && prev == ')' {
            // "(212) 555 0123": the space after a bracketed area code.
        } else {
            break;
        }
        prev = c;
    }
    if cur > 0 {
        close(cur);
    }
    (groups >= 3 && total >= 7 && last == 4).then_some(end)
}

/// True when `after`, what follows "a" or "an", is a space and a number whose digits no letter
/// follows ("a 34-year-old", "a 10% rise", "a 3,000-strong crowd"): the article starts no claim
/// there, the number starts its own (`articles_start_nothing_before_a_number` checks this).
/// Digits a letter follows may make an ordinal with the article ("a 5th round"), so they are
/// left to the grammar.
fn number_after_article(after: &[u8]) -> bool {
    let [b' ', rest @ ..] = after else { return false };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && !rest.get(digits).is_some_and(u8::is_ascii_alphabetic)
}

/// Weak triggers that start a claim only as the first word of a qualifier that needs the
/// words after it ("at" only as "at least" or "at most", "up" only as "up to", "more" only as
/// "more than"). No other form tried at a word (dates, factors, the age and magnitude prefixes,
/// vague quantities, currencies, numbers, ordinals, fractions) starts with one of them, so
/// where [`approx::qualifier`] fails on one the grammar finds no claim, and the scan skips it
/// without running the grammar (`qualifier_only_words_start_nothing_else` checks this).
///
/// Qualifier words that need nothing after them ("over", "about", "only") are left out: the
/// qualifier would always pass there, so asking it first would only cost time.
const QUALIFIER_ONLY: &[&str] =
    &["at", "as", "up", "more", "less", "fewer", "well", "close", "upwards", "upward", "not"];

/// Everyday words that start a claim only when a number follows ("at least four", "all four",
/// "a dozen", "more than 300", "last May"): for them the grammar runs only when a cheap look
/// at the next words finds something number-like.
fn is_weak_trigger(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "at"
            | "all"
            | "as"
            | "this"
            | "us"
            | "no"
            | "more"
            | "over"
            | "above"
            | "up"
            | "some"
            | "about"
            | "around"
            | "only"
            | "just"
            | "from"
            | "well"
            | "under"
            | "below"
            | "less"
            | "fewer"
            | "close"
            | "past"
            | "coming"
            | "between"
            | "nearly"
            | "almost"
            | "roughly"
            | "approximately"
            | "exactly"
            | "precisely"
            | "estimated"
            | "circa"
            | "upwards"
            | "upward"
            | "age"
            | "aged"
            | "last"
            | "next"
            | "half"
            | "magnitude"
            | "not"
    )
}

/// Words after a weak trigger that make a claim possible.
fn is_numberish(w: &str) -> bool {
    number::small_number_word(w).is_some()
        || ordinal::ordinal_word(w).is_some()
        || vague::is_vague_start(w)
        || time::month_name_lower(w)
        || time::weekday_lower(w)
        || matches!(
            w,
            "least"
                | "most"
                | "than"
                | "excess"
                | "many"
                | "much"
                | "few"
                | "handful"
                | "couple"
                | "dozen"
                | "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "trillion"
                | "quadrillion"
                | "decade"
                | "decades"
                | "century"
                | "estimated"
                | "little"
                | "quarter"
                | "quarters"
                | "half"
                | "third"
                | "thirds"
                | "week"
                | "month"
                | "year"
                | "weekend"
                | "summer"
                | "winter"
                | "spring"
                | "autumn"
                | "fall"
                | "equal"
                | "greater"
                | "fewer"
                | "less"
                | "more"
                | "of"
                | "year-old"
                | "hour"
                | "day"
                | "minute"
                | "fortnight"
        )
}

/// True when the 32 bytes from `at` (the word there included) or the two words after the word
/// at `at`, `len` ASCII letters long (what [`token::letters`] reads there), hold something a
/// claim can be made of.
fn number_ahead(text: &str, at: usize, len: usize, memo: &mut TriggerMemo<'_>) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let b = rest.as_bytes();
    // The window may end inside a char: the bytes it would then take in are continuation
    // bytes, never a number's lead byte.
    let window = b.get(..b.len().min(32)).unwrap_or_default();
    let mut chunks = window.chunks_exact(8);
    let lead = chunks.by_ref().any(|c| c.first_chunk::<8>().is_some_and(|e| number_lead_in(*e)))
        || chunks.remainder().iter().copied().any(is_number_lead);
    if lead {
        return true;
    }
    // The two words (runs of ASCII letters) after the one at `at`, each read with its memo key
    // in one go ([`word_head`]); one space before a letter, the usual gap, is passed at once.
    let mut p = len;
    for _ in 0..2 {
        let gap = match b.get(p..).unwrap_or_default() {
            [b' ', next, ..] if next.is_ascii_alphabetic() => 1,
            after => after.iter().take_while(|c| !c.is_ascii_alphabetic()).count(),
        };
        p = p.saturating_add(gap);
        let (letters, key) = word_head(b.get(p..).unwrap_or_default());
        if letters == 0 {
            return false;
        }
        let start = p;
        p = p.saturating_add(letters);
        if memo.numberish(rest.get(start..p).unwrap_or(""), key) {
            return true;
        }
    }
    false
}

/// A byte a number, a currency sign or a percent can start with: a digit, '$', '%', or the
/// lead byte of '¢', '£', '¥' (0xC2), of '€' and the other signs from U+2000 on (0xE2), or
/// of a full-width form (0xEF).
fn is_number_lead(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'$' | b'%' | 0xC2 | 0xE2 | 0xEF)
}

/// [`is_number_lead`] for any of eight bytes at once (SWAR, as in [`token::letters`]): a lane
/// of `x ^ v` below `n` is a byte from `v` to `v ^ (n - 1)` (digits: `v` = '0', `n` = 10; '$'
/// and '%': `v` = '$', `n` = 2), and a lane below `n` makes its top bit appear in
/// `(y - n * LANES) & !y`; a borrow only runs on from a lane that already matched, so the test
/// is exact. The three non-ASCII lead bytes are only looked for when a byte has its top bit
/// set.
fn number_lead_in(bytes: [u8; 8]) -> bool {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = LANES * 0x80;
    let x = u64::from_le_bytes(bytes);
    let below = |y: u64, n: u64| y.wrapping_sub(LANES.wrapping_mul(n)) & !y;
    let ascii = below(x ^ (LANES * 0x30), 10) | below(x ^ (LANES * 0x24), 2);
    ascii & TOP != 0
        || (x & TOP != 0
            && [0xC2u8, 0xE2, 0xEF]
                .iter()
                .any(|&v| below(x ^ LANES.wrapping_mul(u64::from(v)), 1) & TOP != 0))
}

/// "in" starts a claim only as "in excess of N" (see `approx::qualifier`); `after` follows it.
fn in_excess(after: &str) -> bool {
    after.trim_start().get(..6).is_some_and(|x| x.eq_ignore_ascii_case("excess"))
}

/// The claim starting at `at`, a position [`next_anchor`] found (so a word there has passed
/// its [`Trigger`] check).
fn claim_at(text: &str, at: usize) -> Option<Found> {
    let i = text.get(at..)?;
    let prev = token::prev_word(text, at);
    let prev_lower = prev.and_then(|(_, w)| token::Lower::new(w));
    let prev_lower = prev_lower.as_ref().map(token::Lower::as_str);
    let prev_is = |set: &[&str]| prev_lower.is_some_and(|p| set.contains(&p));
    let first = i.chars().next()?;
    if first.is_ascii_digit() {
        // A phone number is passed whole ("tel 555 123 4567"): none of its groups is a claim.
        if let Some(len) = looks_like_phone(i).or_else(|| time_of_day(i)) {
            return Some(Found::NotAClaim(at.saturating_add(len)));
        }
        // "No. 2", "pp. 45-47": a reference word shortened with a period.
        let shortened_reference = prev.is_none()
            && text
                .get(..at)
                .map(|b| b.trim_end_matches(token::is_space))
                .and_then(|b| b.strip_suffix('.'))
                .and_then(|b| token::prev_word(b, b.len()))
                .is_some_and(|(_, w)| token::with_lower(w, is_reference_word) == Some(true));
        if prev_lower.is_some_and(is_reference_word)
            || shortened_reference
            || text
                .get(..at)
                .is_some_and(|b| b.trim_end().ends_with('\u{a9}') || b.trim_end().ends_with("(c)"))
        {
            return None;
        }
        // "in his 40s", "in her early 30s": an age by decade.
        if let Some(c) = decade_age(text, at) {
            return Some(Found::Claim(c));
        }
        // Each date form needs its own run of digits: four and a hyphen ("2019-06-30",
        // "1995-01"), one or two ("5 October"), four and an "s" ("1990s").
        let run = i.bytes().take_while(u8::is_ascii_digit).count();
        let after = i.as_bytes().get(run).copied();
        let dated = match (run, after) {
            (4, Some(b'-')) => time::iso_date(i).or_else(|_| time::year_month(i)),
            (1 | 2, _) => time::day_first(i),
            (4, Some(b's')) => time::decade(i),
            _ => Err(token::fail(i)),
        };
        if let Ok((r, d)) = dated {
            return Some(Found::Claim(date_claim(text, at, r, d)));
        }
    } else if first.is_ascii_alphabetic() {
        // "plus or minus 3 points" is a margin, not a negative number.
        let sign_word = i.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("minus"))
            || i.get(..8).is_some_and(|w| w.eq_ignore_ascii_case("negative"));
        if sign_word && prev_is(&["or", "plus"]) {
            return None;
        }
        // "over the weekend": the word before "weekend" is "the", and before it a preposition.
        let weekend_ok = i.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("weekend"))
            && prev_is(&["the"])
            && prev.and_then(|(p, _)| token::prev_word(text, p)).is_some_and(|(_, w)| {
                matches!(w.to_ascii_lowercase().as_str(), "over" | "at" | "during" | "on" | "this")
            });
        // "mid-March", "early-May": the lead word is glued to the month by a hyphen.
        let glued_lead =
            text.get(..at).and_then(|b| b.strip_suffix('-')).is_some_and(glued_to_lead);
        let month_ok = weekend_ok
            || glued_lead
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
        // "in his forties", "in their early twenties".
        if let Some(c) = decade_age(text, at) {
            return Some(Found::Claim(c));
        }
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
    match quantity(i, Before { text: text.get(..at).unwrap_or(""), word: prev }) {
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
                    if is_year_context(text, end, y, prev_lower) {
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
                c.change = change_before(text, prev);
            }
            if c.bare && c.words && is_idiom(text, at, end, c.low) {
                return None;
            }
            Some(Found::Claim(c))
        }
        Err(_) => None,
    }
}

/// The decade a word names as an age: "twenties" → 20, …, "nineties" → 90.
fn decade_word(w: &str) -> Option<i64> {
    Some(match w {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

/// Where "in" starts before an age by decade at `at` ("in his 40s", "in her early thirties",
/// "in their mid-20s"), with the part of the decade: 0 for all of it, 1 early, 2 mid, 3 late.
pub(crate) fn decade_lead(text: &str, at: usize) -> Option<(usize, u8)> {
    let mut pos = at;
    let mut part = 0;
    // "mid-40s": the lead word glued by a hyphen.
    let glued = text.get(..pos).and_then(|b| b.strip_suffix('-'));
    let (start, w) = match glued {
        Some(b) if glued_to_lead(b) => token::prev_word(b, b.len())?,
        _ => token::prev_word(text, pos)?,
    };
    if let Some(p) = ["early", "mid", "late"].iter().position(|l| w.eq_ignore_ascii_case(l)) {
        part = u8::try_from(p).ok()?.saturating_add(1);
        pos = start;
    } else if glued.is_some() {
        return None;
    }
    let (start, w) = token::prev_word(text, pos)?;
    if !["his", "her", "their"].iter().any(|p| w.eq_ignore_ascii_case(p)) {
        return None;
    }
    let (start, w) = token::prev_word(text, start)?;
    w.eq_ignore_ascii_case("in").then_some((start, part))
}

/// An age by decade at `at`: "40s" or "forties" after "in his", "in her early", "in their
/// mid-": the years of the decade, or of its early (0–3), middle (3–7) or late (6–9) part.
fn decade_age(text: &str, at: usize) -> Option<RawClaim> {
    let i = text.get(at..)?;
    let (decade, len, words) = match i.as_bytes() {
        [a @ b'1'..=b'9', b'0', b's', ..] => {
            (i64::from(a.saturating_sub(b'0')).saturating_mul(10), 3, false)
        }
        _ => {
            let len = token::letters(i.as_bytes());
            let w = i.get(..len)?;
            // Every decade word ends in "ties": most words are settled without lower-casing.
            let ties = w.get(len.checked_sub(4)?..).is_some_and(|t| t.eq_ignore_ascii_case("ties"));
            if !ties {
                return None;
            }
            (token::with_lower(w, decade_word).flatten()?, len, true)
        }
    };
    if !token::at_boundary(i.get(len..)?) {
        return None;
    }
    let (_, part) = decade_lead(text, at)?;
    let (low, high) = match part {
        1 => (0, 3),
        2 => (3, 7),
        3 => (6, 9),
        _ => (0, 9),
    };
    let mut c = base_claim(at, at.saturating_add(len), RawKind::Age);
    c.low = Some(Number::from_int(decade.saturating_add(low)));
    c.high = Some(Number::from_int(decade.saturating_add(high)));
    c.qualifier = Qualifier::Range;
    c.unit = Some("year");
    c.words = words;
    Some(c)
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
    // Longer words than `Lower` holds are none of those below.
    let next_word = next.get(..token::letters(next.as_bytes())).and_then(token::Lower::new);
    let next_word = next_word.as_ref().map_or("", token::Lower::as_str);
    let prev = token::prev_word(text, start).and_then(|(_, w)| token::Lower::new(w));
    let prev = prev.as_ref().map(token::Lower::as_str);
    if matches!(next_word, "of" | "another" | "by" | "way" | "hand" | "thing" | "point")
        || after.starts_with('-')
    {
        return true;
    }
    if matches!(
        prev,
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
            prev,
            Some("for" | "after" | "within" | "in" | "over" | "than" | "about" | "only" | "just")
        )
}

/// The text before a claim and its last word, read once for the productions that look back.
#[derive(Clone, Copy)]
struct Before<'t> {
    /// The text before the claim.
    text: &'t str,
    /// Its last word and where that starts: [`token::prev_word`] at the claim.
    word: Option<(usize, &'t str)>,
}

/// Change verbs before a quantity: "rose 2%", "fell by 3 points", "up $5 billion". `prev` is
/// [`token::prev_word`] at the quantity's start.
fn change_before(text: &str, prev: Option<(usize, &str)>) -> Option<Change> {
    let (ws_start, w) = prev?;
    let (verb, through_by) = if w.eq_ignore_ascii_case("by") {
        let (_, v) = token::prev_word(text, ws_start)?;
        (v, true)
    } else {
        (w, false)
    };
    // Words too long for `with_lower` are none of these.
    let verb = token::with_lower(verb, |v| match v {
        "rose" | "rise" | "rises" | "risen" | "increased" | "increase" | "increases" | "grew"
        | "grow" | "grows" | "grown" | "jumped" | "climbed" | "gained" | "soared" | "surged"
        | "added" | "widened" | "raised" | "boosted" => Some(Verb::Rise),
        "fell" | "fall" | "falls" | "fallen" | "dropped" | "declined" | "decreased" | "slid"
        | "slipped" | "lost" | "plunged" | "tumbled" | "shrank" | "shrunk" | "cut" | "narrowed"
        | "reduced" | "lowered" | "sank" => Some(Verb::Fall),
        "up" => Some(Verb::Up),
        "down" => Some(Verb::Down),
        _ => None,
    })
    .flatten()?;
    match verb {
        Verb::Rise => Some(Change::Up),
        Verb::Fall => Some(Change::Down),
        Verb::Up | Verb::Down if through_by => None,
        Verb::Up | Verb::Down => {
            // "sales were up 5%", "down $2bn" after a comma; not "free up $7 billion".
            let glue =
                text.get(..ws_start).unwrap_or("").trim_end_matches(token::is_space).ends_with(',');
            let linking = token::prev_word(text, ws_start).is_none_or(|(_, before)| {
                token::with_lower(before, |b| {
                    matches!(
                        b,
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
                })
                .unwrap_or(false)
            });
            if !(glue || linking) {
                return None;
            }
            Some(if verb == Verb::Up { Change::Up } else { Change::Down })
        }
    }
}

/// A word before a quantity that may make it a change ([`change_before`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// "rose", "increased", …
    Rise,
    /// "fell", "declined", …
    Fall,
    /// "up": a change only after a linking verb or a comma.
    Up,
    /// "down": likewise.
    Down,
}

/// "posted about two Iranian-Americans": after a word that takes "about" for its topic (a verb
/// or noun of speech, thought or worry), "about" is a preposition, not an approximation.
///
/// Only those words: after any other ("killed about 50 people", "are holding about 40",
/// "said about 100 were hurt") "about" is the approximation news text nearly always means.
/// Words that take a clause ("it is thought about 300 died", "officials fear about 40") or
/// a quantity ("has written about 40 books", "heard about 50 gunshots", "read about 104
/// degrees") are left out.
fn about_is_preposition(before: Before<'_>) -> bool {
    let Some((_, w)) = before.word else { return false };
    let before = before.text;
    if before.trim_end_matches(token::is_space).len() < before.len().saturating_sub(2) {
        return false;
    }
    token::with_lower(w, |w| {
        matches!(
            w,
            "talk"
                | "talks"
                | "talked"
                | "talking"
                | "speak"
                | "speaks"
                | "spoke"
                | "speaking"
                | "write"
                | "writes"
                | "wrote"
                | "writing"
                | "post"
                | "posts"
                | "posted"
                | "posting"
                | "tweet"
                | "tweets"
                | "tweeted"
                | "tweeting"
                | "thinking"
                | "learned"
                | "learnt"
                | "learning"
                | "ask"
                | "asks"
                | "asked"
                | "asking"
                | "complain"
                | "complained"
                | "complaining"
                | "worry"
                | "worries"
                | "worried"
                | "worrying"
                | "care"
                | "cares"
                | "cared"
                | "concern"
                | "concerns"
                | "concerned"
                | "warned"
                | "joked"
                | "lied"
                | "boasted"
                | "bragged"
                | "testified"
                | "argued"
                | "questioned"
                | "briefed"
                | "informed"
                | "wondered"
                | "fears"
                | "news"
                | "information"
                | "question"
                | "questions"
                | "details"
                | "story"
                | "stories"
                | "report"
                | "reports"
                | "something"
                | "nothing"
                | "anything"
                | "much"
                | "more"
                // "tweeted several times about two Iranian-Americans".
                | "times"
        )
    })
    .unwrap_or(false)
}

/// `factor = "doubled" | "tripled" | "quadrupled" | "halved" | fold_word ;` where `fold_word`
/// is "twofold" … "tenfold", "hundredfold". Written apart ("five-fold", "5-fold", "ten fold"),
/// "fold" is read as the unit of an amount ([`amount_value`]).
fn factor(i: &str) -> IResult<&str, (Number, Change)> {
    word_class(i, |w| match w {
        "doubled" => Some((Number::from_int(2), Change::Up)),
        "tripled" => Some((Number::from_int(3), Change::Up)),
        "quadrupled" => Some((Number::from_int(4), Change::Up)),
        "halved" => Number::new(1, 2).map(|h| (h, Change::Down)),
        _ => fold_word(w).map(|n| (Number::from_int(n), Change::Up)),
    })
}

/// "twofold" … "tenfold", "hundredfold": how many times over.
fn fold_word(w: &str) -> Option<i64> {
    let n = w.strip_suffix("fold")?;
    if n == "hundred" {
        return Some(100);
    }
    number::small_number_word(n).map(|(v, _)| v).filter(|v| (2..=10).contains(v))
}

struct Quantity {
    claim: RawClaim,
    year_like: bool,
    too_large: bool,
}

/// A value with no unit yet.
fn mk(kind: RawKind, value: Option<Number>, unit: Option<&'static str>, digits: bool) -> Val {
    Val {
        kind,
        value,
        unit,
        per: None,
        scale: None,
        bare: false,
        digits,
        year_like: false,
        adjectival: false,
    }
}

/// Words right before "a year", "an hour" that make them a duration ("for a year", "within a
/// week", "lasted a day"); elsewhere "a day" is mostly a rate or a date ("a day later").
fn duration_context(before: Before<'_>) -> bool {
    let Some((_, w)) = before.word else { return false };
    let before = before.text;
    if before.trim_end_matches(token::is_space).len() < before.len().saturating_sub(2) {
        return false;
    }
    // Words too long for `with_lower` are none of these.
    token::with_lower(w, |w| {
        matches!(
            w,
            "for"
                | "within"
                | "lasted"
                | "lasting"
                | "lasts"
                | "took"
                | "takes"
                | "spent"
                | "spend"
                | "spends"
                | "spending"
                | "waited"
                | "served"
                | "serving"
        )
    })
    .unwrap_or(false)
}

/// `article joiner time_unit [ and_a_half ]`: "a year", "an hour and a half", "a fortnight".
/// Without the half, only where `allowed` (after a qualifier or a duration word).
fn article_duration(r: &str, allowed: bool) -> Option<(&str, Val)> {
    let (r2, ()) = word_class(r, |w| matches!(w, "a" | "an").then_some(())).ok()?;
    let (r3, ()) = joiner(r2).ok()?;
    let (r4, (u, mult)) = word_class(r3, unit::time_unit).ok()?;
    // "a second day", "a second term": an ordinal before its noun.
    if u == "second" && !number::clause_end(r4) {
        return None;
    }
    let one = Number::from_int(mult);
    let (r5, value) = match and_a_half(r4) {
        Some(r5) => (r5, one.checked_add(one.checked_div(Number::from_int(2))?)?),
        None if allowed => (r4, one),
        None => return None,
    };
    Some((r5, mk(RawKind::Duration, Some(value), Some(u), false)))
}

/// `and_a_half = ws "and" ws [ "a" ws ] "half" ;` ("two years and a half", "an hour and half").
fn and_a_half(i: &str) -> Option<&str> {
    let (r, _) = ws(i).ok()?;
    let (r, _) = kw("and").parse(r).ok()?;
    let (r, _) = ws(r).ok()?;
    let r = word_class(r, |w| (w == "a").then_some(()))
        .ok()
        .and_then(|(r2, ())| ws(r2).ok().map(|(r3, _)| r3))
        .unwrap_or(r);
    let (r, _) = kw("half").parse(r).ok()?;
    // "and a half million" belongs to the number, not to the unit.
    let next_word = joiner(r).ok().and_then(|(r2, ())| word(r2).ok()).map(|(_, w)| w);
    if next_word.is_some_and(|w| {
        token::with_lower(w, |l| number::scale_value(l).is_some() || unit::time_unit(l).is_some())
            .unwrap_or(true)
    }) {
        return None;
    }
    Some(r)
}

/// `half_duration = "half" [ ws article ] ws time_unit ;` ("half an hour", "half a day").
fn half_duration(i: &str) -> Option<(&str, Val)> {
    let (r, _) = kw("half").parse(i).ok()?;
    let (r, _) = ws(r).ok()?;
    let r = word_class(r, |w| matches!(w, "a" | "an").then_some(()))
        .ok()
        .and_then(|(r2, ())| ws(r2).ok().map(|(r3, _)| r3))
        .unwrap_or(r);
    let (r, (u, mult)) = word_class(r, |w| {
        matches!(w, "hour" | "day" | "year" | "month" | "week" | "minute" | "century" | "decade")
            .then(|| unit::time_unit(w))
            .flatten()
    })
    .ok()?;
    let value = Number::new(i128::from(mult), 2)?;
    Some((r, mk(RawKind::Duration, Some(value), Some(u), false)))
}

/// How many of `to` make one `from`, within one family of time units (years and months;
/// weeks down to seconds).
fn unit_factor(from: &str, to: &str) -> Option<i64> {
    const CHAIN: [(&str, &str, i64); 5] = [
        ("year", "month", 12),
        ("week", "day", 7),
        ("day", "hour", 24),
        ("hour", "minute", 60),
        ("minute", "second", 60),
    ];
    let mut unit = from;
    let mut factor: i64 = 1;
    for _ in 0..CHAIN.len() {
        let (_, next, f) = CHAIN.iter().find(|(a, _, _)| *a == unit)?;
        factor = factor.checked_mul(*f)?;
        if *next == to {
            return Some(factor);
        }
        unit = next;
    }
    None
}

/// `duration_tail = and_a_half | { [ "," ] ws [ "and" ws ] amount joiner time_unit } ;`
///
/// "two years and a half" (2.5 years), "1 hour and 30 minutes" (1.5 hours), "two years, six
/// months" (2.5 years): smaller units of the same family add up, in the first unit.
fn duration_tail<'a>(
    i: &'a str,
    unit: &'static str,
    value: Number,
    one: i64,
) -> (&'a str, &'static str, Number) {
    if let Some(r) = and_a_half(i) {
        let half = Number::new(i128::from(one), 2).and_then(|h| value.checked_add(h));
        if let Some(v) = half {
            return (r, unit, v);
        }
    }
    let mut r = i;
    let mut last = unit;
    let mut value = value;
    for _ in 0..4 {
        let t = r.strip_prefix(',').unwrap_or(r);
        let Ok((t, _)) = ws(t) else { break };
        let t = kw("and").parse(t).ok().and_then(|(t2, _)| ws(t2).ok()).map_or(t, |(t3, _)| t3);
        let Ok((t, a)) = number::amount(t) else { break };
        let Ok((t, ())) = joiner(t) else { break };
        let Ok((t, (u2, mult))) = word_class(t, unit::time_unit) else { break };
        if mult != 1 || a.scaled {
            break;
        }
        if unit_factor(last, u2).is_none() {
            break;
        }
        let Some(f) = unit_factor(unit, u2) else { break };
        let sum = a
            .value
            .and_then(|v2| v2.checked_div(Number::from_int(f)))
            .and_then(|v2| value.checked_add(v2));
        let Some(sum) = sum else { break };
        value = sum;
        last = u2;
        r = t;
    }
    (r, unit, value)
}

/// `quantity` (see the module grammar).
fn quantity<'a>(i: &'a str, before: Before<'_>) -> IResult<&'a str, Quantity> {
    // A digit starts none of the word forms tried before a value (prefixes, vague words, "per
    // cent of", qualifiers, an article): at a digit only the value is read.
    let at_digit = i.starts_with(|c: char| c.is_ascii_digit());
    if !at_digit {
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
            let val = mk(kind, a.value, Some(unit), a.digits);
            // "aged 18 to 25", "aged 18-25": a range of ages.
            if let Ok((r2, j)) = number::range_joiner(r) {
                if let Ok((r3, b)) = number::amount(r2) {
                    let vb = mk(kind, b.value, Some(unit), b.digits);
                    if token::at_boundary(r3) && range_pair(j, val, vb) {
                        return finish(r3, None, val, Some(vb), None);
                    }
                }
            }
            return finish(r, None, val, None, None);
        }
        // Vague quantities: "dozens", "several", "a few weeks", "a couple of days".
        if let Ok((r, v)) = vague::vague(i) {
            let mut c = base_claim(0, 0, RawKind::Count);
            c.low = Some(v.low);
            c.high = Some(v.high);
            c.qualifier =
                if v.approximate_only { Qualifier::Approximate } else { Qualifier::Vague };
            c.words = true;
            let mut r = r;
            let unit_at = joiner(r).ok().map(|(r2, ())| r2).and_then(|r2| {
                if v.approximate_only {
                    // "a couple of days".
                    if let Ok((r3, _)) = kw("of").parse(r2) {
                        return ws(r3).ok().map(|(r4, _)| r4);
                    }
                }
                Some(r2)
            });
            if let Some(r2) = unit_at {
                if let Ok((r3, (unit, mult))) = word_class(r2, unit::time_unit) {
                    c.kind = RawKind::Duration;
                    c.unit = Some(unit);
                    c.low = v.low.checked_mul(Number::from_int(mult));
                    c.high = v.high.checked_mul(Number::from_int(mult));
                    r = r3;
                }
            }
            // "hundreds of millions of dollars", "billions of euros": vague money.
            let of_currency = (c.kind == RawKind::Count)
                .then(|| ws(r).ok())
                .flatten()
                .and_then(|(r2, _)| kw("of").parse(r2).ok())
                .and_then(|(r3, _)| ws(r3).ok())
                .and_then(|(r4, _)| unit::currency_word(r4).ok())
                .filter(|(_, cur)| !cur.weak);
            if let Some((r5, cur)) = of_currency {
                c.kind = RawKind::Money;
                c.unit = Some(cur.code);
                c.low = v.low.checked_mul(cur.factor);
                c.high = v.high.checked_mul(cur.factor);
                r = r5;
            }
            c.bare = c.kind == RawKind::Count;
            return Ok((r, Quantity { claim: c, year_like: false, too_large: false }));
        }
        // A percentage named before its number: "per cent of 210" (only at the end of a clause).
        if let Ok((r, u)) = unit::percent_of(i) {
            let (r2, a) = number::amount(r)?;
            if !number::clause_end(r2) {
                return Err(token::fail(i));
            }
            return finish(r2, None, mk(RawKind::Percent, a.value, Some(u), a.digits), None, None);
        }
    }
    let (r, qual) = match (!at_digit).then(|| approx::qualifier(i)) {
        Some(Ok((r, q))) => (r, Some(q)),
        _ => (i, None),
    };
    // Of the words for "about", only "about" is also a preposition: "posted roughly 104" and
    // "talked around 30 minutes" stay approximate.
    if qual == Some(Qual::About) && kw("about").parse(i).is_ok() && about_is_preposition(before) {
        return Err(token::fail(i));
    }
    match qual {
        Some(Qual::Between) | Some(Qual::From) => {
            let (r, a) = bound_value(r, false)?;
            let (r, _) = ws(r)?;
            let (r, _) = kw(if qual == Some(Qual::Between) { "and" } else { "to" }).parse(r)?;
            let (r, _) = ws(r)?;
            let (r, b) = bound_value(r, true)?;
            finish(r, None, a, Some(b), None)
        }
        _ => {
            // "more than a decade", "nearly a year", "for a week", "a year and a half".
            let allowed = qual.is_some() || duration_context(before);
            if let Some((r4, val)) = (!at_digit).then(|| article_duration(r, allowed)).flatten() {
                return finish(r4, qual, val, None, None);
            }
            // "higher than the tenth but lower than the fifteenth": "the" only in two bounds.
            let the_ordinal = kw("the").parse(r).is_ok();
            let (r, a) = match bound_value(r, true) {
                Ok(x) => x,
                // "more than half".
                Err(e) => match (qual, kw("half").parse(r)) {
                    (Some(_), Ok((r2, _))) if token::at_boundary(r2) => {
                        (r2, mk(RawKind::Fraction, Number::new(1, 2), None, false))
                    }
                    _ => return Err(e),
                },
            };
            // "one in five Americans", "3 out of 4 doctors".
            let (r, a) = proportion(r, &a).unwrap_or((r, a));
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
                        // "fell 34 cents to $12.50": a change and the level it reached, not a
                        // range.
                        let changing = || change_before(before.text, before.word).is_some();
                        if range_pair(j, a, b) && !(j == "to" && changing()) {
                            let post = approx::post_qualifier(r3).ok();
                            let r4 = post.map_or(r3, |(r, _)| r);
                            return finish(r4, qual, a, Some(b), post.map(|(_, p)| p));
                        }
                    }
                }
            }
            let post = approx::post_qualifier(r).ok();
            let r = post.map_or(r, |(r, _)| r);
            // Two bounds: "above 1000 and below 1500", "at most 100 and at least 20".
            if let (None, Some(q1)) = (post, qual) {
                if let Some((r2, b)) = second_bound(r, q1, &a) {
                    let a = Val { year_like: false, ..a };
                    return finish(r2, None, a, Some(Val { year_like: false, ..b }), None);
                }
            }
            if the_ordinal {
                return Err(token::fail(i));
            }
            finish(r, qual, a, None, post.map(|(_, p)| p))
        }
    }
}

/// `proportion = ws ( "in" [ ws "every" ] | "out" ws "of" | "over" ) ws value ;` after a bare
/// whole number:
/// "one in five Americans" (1/5), "3 out of 4 doctors", "one over three" (only at the end of a
/// clause). The second number must be larger and not a year ("5 in 2019").
fn proportion<'a>(r: &'a str, a: &Val) -> Option<(&'a str, Val)> {
    if a.kind != RawKind::Count || !a.bare {
        return None;
    }
    let n = a.value.filter(|v| v.is_integer() && *v != Number::ZERO)?;
    let (t, _) = ws(r).ok()?;
    let (t, form) = word_class(t, |w| match w {
        "in" => Some(1u8),
        "out" => Some(2),
        "over" => Some(3),
        _ => None,
    })
    .ok()?;
    let t = if form == 2 { ws(t).ok().and_then(|(t2, _)| kw("of").parse(t2).ok())?.0 } else { t };
    let (t, _) = ws(t).ok()?;
    // "1 in every 20 workers".
    let t = match (form, kw("every").parse(t)) {
        (1, Ok((t2, _))) => ws(t2).ok()?.0,
        _ => t,
    };
    let (t, b) = value(t).ok()?;
    if b.kind != RawKind::Count || !b.bare || b.year_like {
        return None;
    }
    if form == 3 && !number::clause_end(t) {
        return None;
    }
    let larger = |m: &Number| Number::ZERO.checked_sub(n).is_some_and(|neg| *m > n.max(neg));
    let m = b.value.filter(|v| v.is_integer() && larger(v))?;
    let f = n.checked_div(m)?;
    Some((t, Val { digits: a.digits, ..mk(RawKind::Fraction, Some(f), None, a.digits) }))
}

/// Whether `a` and `b` joined by `j` make a range. "either 10 bln or 10 tln" (two amounts with
/// their own, different scales) and a second end below the first ("won 5-3") do not.
fn range_pair(j: &str, a: Val, b: Val) -> bool {
    let compatible = (j != "or" || a.digits == b.digits)
        && (j != "-" || (a.digits && b.digits))
        && (a.unit.is_none() || b.unit.is_none() || a.unit == b.unit)
        && a.kind != RawKind::Ordinal
        && b.kind != RawKind::Ordinal;
    if !compatible {
        return false;
    }
    if j == "or" && a.scale.is_some() && b.scale.is_some() && a.scale != b.scale {
        return false;
    }
    let a2 = share_scale(a, b);
    !matches!((a2.value, b.value), (Some(x), Some(y)) if y < x)
}

/// The bound a qualifier sets: `Some(true)` from below, `Some(false)` from above.
fn bound_side(q: Qual) -> Option<bool> {
    match q {
        Qual::AtLeast | Qual::MoreThan => Some(true),
        Qual::AtMost | Qual::FewerThan => Some(false),
        _ => None,
    }
}

/// `second_bound = [ "," ] ws ( "and" | "but" ) ws qualifier value ;` the opposite bound right
/// after a first one, of the same kind and unit, making a two-sided range.
fn second_bound<'a>(r: &'a str, q1: Qual, a: &Val) -> Option<(&'a str, Val)> {
    let lower_first = bound_side(q1)?;
    let t = r.strip_prefix(',').unwrap_or(r);
    let comma = t.len() < r.len();
    let (t, _) = ws(t).ok()?;
    let t = match word_class(t, |w| matches!(w, "and" | "but").then_some(())) {
        Ok((t2, ())) => ws(t2).ok()?.0,
        Err(_) if comma => t,
        Err(_) => return None,
    };
    let (t, q2) = approx::qualifier(t).ok()?;
    if bound_side(q2)? == lower_first {
        return None;
    }
    let (t, b) = bound_value(t, true).ok()?;
    if b.kind != a.kind || b.unit != a.unit {
        return None;
    }
    let (lo, hi) = if lower_first { (a.value?, b.value?) } else { (b.value?, a.value?) };
    (lo < hi).then_some((t, b))
}

/// Shares unit and scale from the second end of a range to the first ("3 to 5 billion").
fn share_scale(a: Val, b: Val) -> Val {
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
    a2
}

/// Builds the claim from the parsed parts, applying the qualifier to the bounds.
fn finish(
    r: &str,
    qual: Option<Qual>,
    a: Val,
    b: Option<Val>,
    post: Option<PostQual>,
) -> IResult<&str, Quantity> {
    let a = match b {
        Some(b) => share_scale(a, b),
        None => a,
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
            // "200 or more", "about 500 or more", "5000 or less", "more than 5000 or equal".
            let (q, lean) = match (post, q) {
                (Some(PostQual::More), Qualifier::Exact | Qualifier::Approximate)
                | (Some(PostQual::Equal), Qualifier::MoreThan) => {
                    (Qualifier::AtLeast, Lean::Either)
                }
                (Some(PostQual::Less), Qualifier::Exact | Qualifier::Approximate)
                | (Some(PostQual::Equal), Qualifier::FewerThan) => {
                    (Qualifier::AtMost, Lean::Either)
                }
                (Some(PostQual::So), Qualifier::Exact) => (Qualifier::Approximate, Lean::Either),
                (_, q) => (q, lean),
            };
            c.qualifier = q;
            c.lean = lean;
            match q {
                Qualifier::AtLeast | Qualifier::MoreThan => c.high = None,
                Qualifier::AtMost | Qualifier::FewerThan => c.low = None,
                _ => {}
            }
        }
    }
    // Ordinals ignore qualifiers other than exact.
    if c.kind == RawKind::Ordinal && qual.is_some() && b.is_none() {
        c.qualifier = Qualifier::Exact;
        c.lean = Lean::Either;
        c.low = v;
        c.high = v;
    }
    c.bare = a.bare && b.is_none() && qual.is_none() && post.is_none();
    let year_like = a.year_like && b.is_none() && qual.is_none();
    Ok((r, Quantity { claim: c, year_like, too_large }))
}

/// `bound_value = "the" ws ordinal | value ;` ("between the tenth and the fifteenth").
fn bound_value(i: &str, and_cents: bool) -> IResult<&str, Val> {
    if let Ok((r, _)) = kw("the").parse(i) {
        if let Ok((r2, _)) = ws(r) {
            if let Ok((r3, v)) = value(r2) {
                if v.kind == RawKind::Ordinal {
                    return Ok((r3, v));
                }
            }
        }
    }
    value_with(i, and_cents)
}

/// `sign = ( "-" | "−" ) | ( "minus" | "negative" ) ws ;` before an amount.
fn sign(i: &str) -> (&str, bool) {
    if let Some(r) = i.strip_prefix('-').or_else(|| i.strip_prefix('\u{2212}')) {
        if r.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
            return (r, true);
        }
    }
    if let Ok((r, ())) = word_class(i, |w| matches!(w, "minus" | "negative").then_some(())) {
        if let Ok((r2, _)) = ws(r) {
            return (r2, true);
        }
    }
    (i, false)
}

/// `value = [ sign ] unsigned_value ;` Only counts, money, percentages, measures and fractions
/// can be negative.
fn value(i: &str) -> IResult<&str, Val> {
    value_with(i, true)
}

/// [`value`]; `and_cents` allows "15 dollars and 50" (not inside "between … and …").
fn value_with(i: &str, and_cents: bool) -> IResult<&str, Val> {
    let (u, negative) = sign(i);
    let (r, v) = unsigned_value(u, and_cents)?;
    if !negative {
        return Ok((r, v));
    }
    if !matches!(
        v.kind,
        RawKind::Count | RawKind::Money | RawKind::Percent | RawKind::Measure | RawKind::Fraction
    ) {
        return Err(token::fail(i));
    }
    let value = v.value.and_then(|x| Number::ZERO.checked_sub(x));
    Ok((r, Val { value, year_like: false, ..v }))
}

/// `unsigned_value` (the module grammar's `value` without its sign).
fn unsigned_value(i: &str, and_cents: bool) -> IResult<&str, Val> {
    // Money with a prefix: "$7bn", "US$7 billion", "€3m", "c $ 300 million", "MAUD 60".
    if let Ok((r, cur)) = unit::currency_prefix(i) {
        let (r, a) = number::amount(r)?;
        if !token::at_boundary(r) {
            return Err(token::fail(i));
        }
        let value = a.value.and_then(|v| v.checked_mul(cur.factor));
        let (r, per) = match unit::per(r) {
            Ok((r2, p)) => (r2, Some(p)),
            Err(_) => (r, None),
        };
        let scale = a.range_scale();
        return Ok((r, Val { per, scale, ..mk(RawKind::Money, value, Some(cur.code), a.digits) }));
    }
    // Digits start none of the word forms below ("half an hour", "three quarters", "a
    // fifth"): only an ordinal ("3rd") or an amount.
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        if let Ok((r, n)) = ordinal::ordinal(i) {
            return Ok((r, mk(RawKind::Ordinal, Some(Number::from_int(n)), None, true)));
        }
        let (r, a) = number::amount_after_fraction_scale(i)?;
        return amount_value(r, a, and_cents);
    }
    // "half an hour", "half a day".
    if let Some(found) = half_duration(i) {
        return Ok(found);
    }
    // "a quarter million", "three quarters of a billion" are amounts, not fractions.
    let (r, a) = match number::fraction_scale(i) {
        Ok(x) => x,
        Err(_) => {
            // The number words here are read once for the fraction, the ordinal and the amount.
            let words = number::WordCardinals::read(i);
            let fraction = ordinal::fraction(i, Some(&words));
            if let Ok((r, f)) = fraction.or_else(|_| ordinal::bare_half(i)) {
                return Ok((r, mk(RawKind::Fraction, Some(f), None, false)));
            }
            // Ordinals, with an optional article: "the seventh", "a fifth American".
            let after_article = word_class(i, |w| matches!(w, "a" | "an").then_some(()))
                .ok()
                .and_then(|(r, _)| ws(r).ok().map(|(r, _)| r));
            let ord = ordinal::ordinal_with(i, Some(&words))
                .or_else(|e| after_article.map_or(Err(e), ordinal::ordinal));
            if let Ok((r, n)) = ord {
                let digits = i.starts_with(|c: char| c.is_ascii_digit());
                return Ok((r, mk(RawKind::Ordinal, Some(Number::from_int(n)), None, digits)));
            }
            number::amount_after_fraction_scale_with(i, Some(&words))?
        }
    };
    amount_value(r, a, and_cents)
}

/// Codes whose minor unit is a hundredth written as cents or pence.
fn has_cents(code: &str) -> bool {
    matches!(code, "USD" | "CAD" | "AUD" | "NZD" | "HKD" | "SGD" | "EUR" | "GBP")
}

/// `cents_tail = ws [ "and" ws ] amount [ joiner ( "cent" | "cents" ) ] ;` after a whole
/// amount of money: "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars
/// 50." (without "cents" only at the end of a clause). Returns the cents.
fn cents_tail(i: &str, and_cents: bool) -> Option<(&str, Number)> {
    let (t, _) = ws(i).ok()?;
    let after_and = kw("and").parse(t).ok().and_then(|(t2, _)| ws(t2).ok()).map(|(t3, _)| t3);
    let t = after_and.unwrap_or(t);
    let (t, a) = number::amount(t).ok()?;
    let v = a.value?;
    if a.scaled || a.fraction || !v.is_integer() || v.is_negative() || v >= Number::from_int(100) {
        return None;
    }
    let cents = joiner(t)
        .ok()
        .and_then(|(t2, ())| word_class(t2, |w| matches!(w, "cent" | "cents").then_some(())).ok());
    // "15 dollars 50." or "15 USD 50 more": the cents end the phrase.
    let ends = number::clause_end(t)
        || ws(t).ok().is_some_and(|(t2, _)| {
            word_class(t2, |w| matches!(w, "more" | "less").then_some(())).is_ok()
        });
    match cents {
        Some((t3, ())) => Some((t3, v)),
        None if ends && (and_cents || after_and.is_none()) => Some((t, v)),
        None => None,
    }
}

/// After a bare ambiguous currency word ("won", "real"): what must follow it.
fn weak_currency_ok(r: &str) -> bool {
    number::clause_end(r)
        || ws(r).ok().is_some_and(|(r2, _)| {
            word_class(r2, |w| {
                matches!(
                    w,
                    "in" | "for" | "to" | "per" | "each" | "from" | "worth" | "of" | "and" | "or"
                )
                .then_some(())
            })
            .is_ok()
        })
}

/// Adds a whole amount of money's cents and rate: "3 dollars 50 cents", "$5 a day".
fn money<'a>(
    r: &'a str,
    a: &Amount,
    base: Val,
    code: &'static str,
    value: Option<Number>,
    and_cents: bool,
) -> (&'a str, Val) {
    let (r, value) = match (has_cents(code), value, cents_tail(r, and_cents)) {
        (true, Some(v), Some((r2, c))) if !a.scaled && a.value.is_some_and(|x| x.is_integer()) => {
            (r2, c.checked_div(Number::from_int(100)).and_then(|c| v.checked_add(c)))
        }
        _ => (r, value),
    };
    let (r, per) = match unit::per(r) {
        Ok((r2, p)) => (r2, Some(p)),
        Err(_) => (r, None),
    };
    (r, Val { kind: RawKind::Money, unit: Some(code), value, per, year_like: false, ..base })
}

/// The units after an amount: percent, age, currency, duration, measure (see `value`).
fn amount_value(r: &str, a: Amount, and_cents: bool) -> IResult<&str, Val> {
    let base = Val {
        scale: a.range_scale(),
        year_like: a.year_like,
        ..mk(RawKind::Count, a.value, None, a.digits)
    };
    if !unit::may_start_unit(r) {
        return no_unit(r, &a, base);
    }
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
    // Symbols and codes after the amount: "10 $", "100元", "115USD".
    if let Ok((r2, cur)) = unit::currency_suffix(r).or_else(|_| unit::glued_iso(r)) {
        return Ok(money(r2, &a, base, cur.code, a.value, and_cents));
    }
    if let Ok((r2, ())) = joiner(r) {
        // "5-fold": a factor, not a count.
        if let Ok((r3, _)) = kw("fold").parse(r2) {
            return Ok((r3, Val { kind: RawKind::Factor, year_like: false, ..base }));
        }
        if let Ok((r3, (u, mult))) = word_class(r2, unit::time_unit) {
            if !a.scaled {
                let value = a.value.and_then(|v| v.checked_mul(Number::from_int(mult)));
                let adjectival = r.starts_with('-');
                let (r4, u, value) = match value {
                    Some(v) if !adjectival => {
                        let (r4, u2, v2) = duration_tail(r3, u, v, mult);
                        (r4, u2, Some(v2))
                    }
                    _ => (r3, u, value),
                };
                return Ok((
                    r4,
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
    // "7 billion dollars", "34 cents", "12-cent", "one-yen".
    let hyphen = r.strip_prefix('-');
    if let Some(r2) = ws(r).ok().map(|(r2, _)| r2).or(hyphen) {
        if let Ok((r3, cur)) = unit::currency_word(r2) {
            let is_pounds_of =
                cur.code == "GBP" && ws(r3).ok().is_some_and(|(r4, _)| kw("of").parse(r4).is_ok());
            let is_pound_word = r2.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("pound"));
            if is_pound_word && is_pounds_of {
                return Ok((
                    r3,
                    Val { kind: RawKind::Measure, unit: Some("pound"), year_like: false, ..base },
                ));
            }
            let weak_ok = !cur.weak
                || a.scaled
                || (a.value.is_some_and(|v| v >= Number::from_int(1000)) && weak_currency_ok(r3));
            // "a 5-pound bag" is a weight.
            let hyphen_ok = hyphen.is_none() || !(is_pound_word || cur.weak);
            if weak_ok && hyphen_ok {
                let mut value = a.value.and_then(|v| v.checked_mul(cur.factor));
                let mut r3 = r3;
                // "75 USD million".
                if cur.factor == Number::ONE && !a.scaled {
                    if let Ok((r4, ())) = joiner(r3) {
                        if let Ok((r5, s)) =
                            word_class(r4, |w| number::scale_value(w).filter(|_| !w.ends_with('s')))
                        {
                            value = value.and_then(|v| v.checked_mul(Number::from_int(s)));
                            r3 = r5;
                        }
                    }
                }
                let code = cur.code;
                if cur.factor == Number::ONE {
                    return Ok(money(r3, &a, base, code, value, and_cents));
                }
                let (r4, per) = match unit::per(r3) {
                    Ok((r4, p)) => (r4, Some(p)),
                    Err(_) => (r3, None),
                };
                return Ok((
                    r4,
                    Val {
                        kind: RawKind::Money,
                        unit: Some(code),
                        value,
                        per,
                        year_like: false,
                        ..base
                    },
                ));
            }
        }
    }
    no_unit(r, &a, base)
}

/// An amount with no unit after it: a fraction ("3/4 of", "½") or a bare count.
fn no_unit<'a>(r: &'a str, a: &Amount, base: Val) -> IResult<&'a str, Val> {
    if a.fraction {
        return Ok((r, Val { kind: RawKind::Fraction, ..base }));
    }
    // Digits glued to other letters are identifiers ("4G", "3D").
    if a.digits && !token::at_boundary(r) {
        return Err(token::fail(r));
    }
    Ok((r, Val { bare: true, ..base }))
}

#[cfg(test)]
mod tests;
