//! Numerals in digits and in words, scale words, digit fractions and mixed numbers.
//!
//! ```text
//! amount        = fraction_scale | digit_amount [ mixed_tail ] [ dozen ]
//!               | cardinal_words [ mixed_tail ] [ dozen ] | article ws "dozen" ;
//! digit_amount  = digit_fraction | digits [ ws digit_fraction | vulgar ]
//!               | digits [ scale_suffix | joiner scale_word [ joiner scale_word ] ]
//!               | cardinal_words ;                                (* "3 hundred and 21" *)
//! digits        = group { sep group3 } [ "." digit { digit } ]     (* "1,000", "7.5", "1 234 567" *)
//!               | group2 { "," digit digit } "," group3 [ "." digit { digit } ]  (* "12,34,567" *)
//!               | digit { digit } [ "." digit { digit } ] | "." digit { digit } ;
//! digit_fraction= numerator "/" denominator | vulgar ;           (* "3/4", "½" *)
//! scale_word    = "hundred" | "thousand" | "lakh" | "million" | "crore" | "billion" | "trillion"
//!               | "quadrillion" | "bn" | "mn" | "bln" | "mln" | "tn" | "tln" | "trn" ;
//! scale_suffix  = "k" | "m" | "mn" | "mm" | "mil" | "bn" | "b" | "bln" | "tn" | "tln" ;  (* glued *)
//! cardinal_words= [ article ws ] number_token { ( joiner | ws "and" ws ) number_token } ;
//! number_token  = word_number | "hundred" | scale_word | digit digit? digit? ;
//! mixed_tail    = ws "and" ws fraction_part [ joiner scale_word ] ;   (* "two and a half million" *)
//! fraction_part = ( "a" | "an" | "one" ) ws fraction_word | "half" | unit_word ws fraction_words ;
//! fraction_scale= fraction_head [ ws "of" ] [ ws article ] ws ( scale_word | "dozen" ) ;
//! dozen         = joiner ( "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" ) ;
//! ```
//!
//! Digits glued to letters that are not a scale, an ordinal suffix or a unit are identifiers
//! ("A380", "4G") and are rejected by the caller.

use super::ordinal;
use super::token::{joiner, kw, range_dash, word, word_class, ws};
use crate::number::Number;
use nom::{IResult, Parser};

/// A parsed amount: the exact value (or `None` when it overflowed) and how it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Amount {
    /// The value; `None` means the digits were too large for exact arithmetic.
    pub value: Option<Number>,
    /// Written with digits (not words).
    pub digits: bool,
    /// A scale word or suffix was applied.
    pub scaled: bool,
    /// Written as a bare integer of four digits with no grouping (a possible year).
    pub year_like: bool,
    /// The last scale applied ("3 million" → 10^6), for mixed numbers and ranges.
    pub scale: Option<i64>,
    /// A fraction with no whole part ("3/4", "½").
    pub fraction: bool,
    /// Counted in dozens ("three dozen"): the value is already multiplied by twelve.
    pub dozens: bool,
}

impl Amount {
    fn plain(value: Option<Number>, digits: bool) -> Amount {
        Amount {
            value,
            digits,
            scaled: false,
            year_like: false,
            scale: None,
            fraction: false,
            dozens: false,
        }
    }

    /// The scale a range's first end shares when it has none of its own ("two or three dozen",
    /// "3 to 5 billion"): the applied scale word, or twelve for dozens.
    pub(crate) fn range_scale(&self) -> Option<i64> {
        if self.dozens {
            Some(12)
        } else {
            self.scale.filter(|_| self.scaled)
        }
    }
}

/// The value of a scale word, lower-cased: "thousand" → 10^3 … "quadrillion" → 10^15.
pub(crate) fn scale_value(w: &str) -> Option<i64> {
    Some(match w {
        "thousand" | "thousands" => 1_000,
        "lakh" | "lakhs" => 100_000,
        "million" | "millions" | "mn" | "mln" => 1_000_000,
        "crore" | "crores" => 10_000_000,
        "billion" | "billions" | "bn" | "bln" => 1_000_000_000,
        "trillion" | "trillions" | "tn" | "trn" | "tln" => 1_000_000_000_000,
        "quadrillion" | "quadrillions" => 1_000_000_000_000_000,
        _ => return None,
    })
}

/// Scale words after digits: singular scale words and "hundred" ("322 hundred").
fn digit_scale_word(w: &str) -> Option<i64> {
    if w == "hundred" {
        return Some(100);
    }
    scale_value(w).filter(|_| !w.ends_with('s'))
}

/// Scale suffixes glued to digits ("7bn", "1.2m", "5k", "1MM").
fn scale_suffix(w: &str) -> Option<i64> {
    Some(match w {
        "k" | "K" => 1_000,
        "m" | "M" | "mn" | "mln" | "MM" | "mil" => 1_000_000,
        "bn" | "b" | "B" | "bln" | "Bn" => 1_000_000_000,
        "tn" | "trn" | "T" | "tln" => 1_000_000_000_000,
        _ => return None,
    })
}

/// A word that denotes a number below one hundred, lower-cased.
pub(crate) fn small_number_word(w: &str) -> Option<(i64, Tok)> {
    let unit = |v| Some((v, Tok::Unit));
    let tens = |v| Some((v, Tok::Tens));
    match w {
        "zero" => unit(0),
        "one" => unit(1),
        "two" => unit(2),
        "three" => unit(3),
        "four" => unit(4),
        "five" => unit(5),
        "six" => unit(6),
        "seven" => unit(7),
        "eight" => unit(8),
        "nine" => unit(9),
        "ten" => unit(10),
        "eleven" => unit(11),
        "twelve" => unit(12),
        "thirteen" => unit(13),
        "fourteen" => unit(14),
        "fifteen" => unit(15),
        "sixteen" => unit(16),
        "seventeen" => unit(17),
        "eighteen" => unit(18),
        "nineteen" => unit(19),
        "twenty" => tens(20),
        "thirty" => tens(30),
        "forty" | "fourty" => tens(40),
        "fifty" => tens(50),
        "sixty" => tens(60),
        "seventy" => tens(70),
        "eighty" => tens(80),
        "ninety" => tens(90),
        _ => None,
    }
}

/// The word classes inside a cardinal written in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    Start,
    Article,
    Unit,
    Tens,
    Hundred,
    Scale,
    /// A run of one to three digits inside words ("3 hundred and 21").
    Digits,
}

fn number_token(w: &str) -> Option<(i64, Tok)> {
    if let Some(t) = small_number_word(w) {
        return Some(t);
    }
    match w {
        "hundred" => Some((100, Tok::Hundred)),
        "thousand" | "million" | "billion" | "trillion" | "quadrillion" | "lakh" | "crore" => {
            scale_value(w).map(|v| (v, Tok::Scale))
        }
        _ => None,
    }
}

/// The classes of an ordinal word when it ends a cardinal ("one hundred twenty-fifth").
fn ordinal_token(w: &str) -> Option<(i64, Tok)> {
    let v = if w == "first" { 1 } else { ordinal::ordinal_word(w)? };
    Some(match v {
        1..=19 => (v, Tok::Unit),
        20..=99 => (v, Tok::Tens),
        100 => (v, Tok::Hundred),
        _ => (v, Tok::Scale),
    })
}

/// The state of the left-to-right cardinal reader.
#[derive(Clone, Copy)]
struct Card {
    total: i128,
    current: i128,
    /// `current` before the last unit, tens or digits token.
    before_last: i128,
    last: Tok,
    last_scale: i64,
    /// The amount the last scale word added to `total` (for "lakh crore").
    group: i128,
    overflow: bool,
    hundreds: bool,
}

/// The result of [`cardinal`].
struct CardOut<'a> {
    rest: &'a str,
    value: Option<Number>,
    last_scale: Option<i64>,
    /// A hundred or scale word was read.
    multiplied: bool,
}

/// One to three digits standing alone (for cardinals mixing digits and words).
fn small_digits(i: &str) -> Option<(&str, i64)> {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 3 || (n > 1 && i.starts_with('0')) {
        return None;
    }
    let rest = i.get(n..)?;
    let mut cs = rest.chars();
    let next = cs.next();
    let after = cs.next();
    let glued = next.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '/')
        || (matches!(next, Some('.' | ',')) && after.is_some_and(|c| c.is_ascii_digit()));
    if glued {
        return None;
    }
    let v: i64 = i.get(..n)?.parse().ok()?;
    Some((rest, v))
}

/// True when the word after `i` (past a joiner) is a fraction word ("three quarters").
fn fraction_word_follows(i: &str) -> bool {
    joiner(i).ok().is_some_and(|(r, ())| word_class(r, ordinal::fraction_word).is_ok())
}

/// Reads a cardinal left to right: units and tens add, "hundred" multiplies the current group,
/// a scale word closes the group. "a" only counts before "hundred", a scale word or "dozen".
/// A number after "and" that cannot continue ("3 hundred and 2 hundred", "one hundred and
/// three quarters") is given back with its "and". With `digits`, one to three digits may
/// stand for a number word ("3 hundred and 21").
///
/// One pass gives two readings: the number the words make, and the number that an ordinal
/// word after them makes ("one hundred twenty-fifth", [`ordinal_words`]). Ordinal words are
/// not number tokens, so both readings have read the same words when the first word that is
/// neither comes: the number reading stops before it (or before an "and" it cannot use: "one
/// hundred and fifth" reads as 100), and the ordinal reading ends with it (105). Only the
/// number reading is used with `digits`.
fn cardinal(i: &str, digits: bool) -> (Option<CardOut<'_>>, Option<CardOut<'_>>) {
    let mut s = Card {
        total: 0,
        current: 0,
        before_last: 0,
        last: Tok::Start,
        last_scale: i64::MAX,
        group: 0,
        overflow: false,
        hundreds: false,
    };
    let mut rest = i;
    let mut accepted = i;
    let mut multiplied = false;
    // The state and input before an "and", while the token after it is not confirmed.
    let mut before_and: Option<(Card, &str, bool)> = None;
    let mut ordinal_end: Option<(Card, &str)> = None;
    // Bounded: every iteration consumes at least one word.
    for _ in 0..64 {
        let mut after_and = false;
        let after_sep = if s.last == Tok::Start {
            rest
        } else if let Ok((r, ())) = joiner(rest) {
            if let Ok((r2, _)) = kw("and").parse(r) {
                if matches!(s.last, Tok::Hundred | Tok::Scale) {
                    match ws(r2) {
                        Ok((r3, _)) => {
                            after_and = true;
                            r3
                        }
                        Err(_) => break,
                    }
                } else {
                    break;
                }
            } else {
                r
            }
        } else {
            break;
        };
        // Articles only at the start.
        if s.last == Tok::Start {
            if let Ok((r, ())) = word_class(after_sep, |w| matches!(w, "a" | "an").then_some(())) {
                if ws(r).is_ok() {
                    rest = r;
                    s.last = Tok::Article;
                    continue;
                }
            }
        }
        let token = match word_class(after_sep, number_token) {
            Ok((r, t)) => Some((r, t)),
            Err(_) => {
                if let Ok((r, (v, tok))) = word_class(after_sep, ordinal_token) {
                    if s.last != Tok::Start {
                        let mut t = s;
                        if feed(&mut t, v, tok, false) {
                            ordinal_end = Some((t, r));
                        }
                    }
                    break;
                }
                if digits {
                    small_digits(after_sep).map(|(r, v)| (r, (v, Tok::Digits)))
                } else {
                    None
                }
            }
        };
        // Nothing after "and" keeps what was read before it.
        let Some((r, (v, tok))) = token else { break };
        // Digits after a scale word only before "hundred" ("4 thousand 3 hundred").
        if tok == Tok::Digits && s.last == Tok::Scale {
            let hundred_next =
                joiner(r).ok().is_some_and(|(r2, ())| kw("hundred").parse(r2).is_ok());
            if !hundred_next {
                break;
            }
        }
        if tok == Tok::Digits && s.last == Tok::Hundred && !after_and {
            break;
        }
        let snapshot = s;
        if !feed(&mut s, v, tok, after_and) {
            // "3 hundred and 2 hundred": give the "and" back.
            if let Some((b, at, m)) = before_and {
                s = b;
                accepted = at;
                multiplied = m;
            } else {
                s = snapshot;
            }
            break;
        }
        if after_and {
            // "one hundred and three quarters": the fraction is read by the caller.
            if matches!(tok, Tok::Unit | Tok::Digits)
                && (1..=9).contains(&v)
                && fraction_word_follows(r)
            {
                s = snapshot;
                break;
            }
            before_and = Some((snapshot, accepted, multiplied));
        } else {
            before_and = None;
        }
        if matches!(tok, Tok::Hundred | Tok::Scale) {
            multiplied = true;
        }
        rest = r;
        accepted = r;
    }
    let ordinal = ordinal_end.map(|(t, r)| {
        let value = if t.overflow {
            None
        } else {
            t.total.checked_add(t.current).and_then(|n| Number::new(n, 1))
        };
        CardOut { rest: r, value, last_scale: None, multiplied: true }
    });
    if matches!(s.last, Tok::Start | Tok::Article) {
        return (None, ordinal);
    }
    let value = if s.overflow {
        None
    } else {
        s.total.checked_add(s.current).and_then(|n| Number::new(n, 1))
    };
    let number = CardOut {
        rest: accepted,
        value,
        last_scale: (s.last_scale != i64::MAX).then_some(s.last_scale),
        multiplied,
    };
    (Some(number), ordinal)
}

/// Applies one token to the reader; false when it cannot follow what came before.
fn feed(s: &mut Card, v: i64, tok: Tok, after_and: bool) -> bool {
    let v128 = i128::from(v);
    let ok = match tok {
        // "three hundred and zero" is two numbers.
        Tok::Unit | Tok::Digits if v == 0 && s.last != Tok::Start => false,
        Tok::Unit => match s.last {
            Tok::Start | Tok::Hundred | Tok::Scale => true,
            Tok::Tens => v < 10 && s.current % 10 == 0 && !after_and,
            _ => false,
        },
        Tok::Tens => matches!(s.last, Tok::Start | Tok::Hundred | Tok::Scale),
        Tok::Digits => match s.last {
            Tok::Start => true,
            Tok::Hundred => v < 100,
            Tok::Scale => v < 1000,
            _ => false,
        },
        Tok::Hundred => match s.last {
            Tok::Unit | Tok::Tens | Tok::Article => s.current < 100 && !s.hundreds,
            Tok::Digits => s.before_last == 0,
            _ => false,
        },
        Tok::Scale => {
            let chain = s.last == Tok::Scale
                && v > s.last_scale
                && s.current == 0
                && s.total == s.group
                && matches!(v, 10_000_000 | 1_000_000 | 1_000_000_000);
            chain
                || matches!(
                    s.last,
                    Tok::Unit | Tok::Tens | Tok::Hundred | Tok::Article | Tok::Digits
                ) && v < s.last_scale
        }
        _ => false,
    };
    if !ok {
        return false;
    }
    match tok {
        Tok::Unit | Tok::Tens | Tok::Digits => {
            s.before_last = s.current;
            s.current = s.current.saturating_add(v128);
        }
        Tok::Hundred => {
            s.current = s.current.max(1).saturating_mul(100);
            s.hundreds = true;
        }
        Tok::Scale if s.last == Tok::Scale => {
            // "three lakh crore": the scales multiply.
            match s.group.checked_mul(v128) {
                Some(g) => {
                    s.total = g;
                    s.group = g;
                }
                None => s.overflow = true,
            }
            s.last_scale = s.last_scale.saturating_mul(v);
        }
        Tok::Scale => {
            match s.current.max(1).checked_mul(v128) {
                Some(g) => match s.total.checked_add(g) {
                    Some(t) => {
                        s.total = t;
                        s.group = g;
                    }
                    None => s.overflow = true,
                },
                None => s.overflow = true,
            }
            s.current = 0;
            s.before_last = 0;
            s.hundreds = false;
            s.last_scale = v;
        }
        _ => {}
    }
    s.last = tok;
    true
}

/// `cardinal_words = [ "a" | "an" ] word_number { (joiner | ws "and" ws) word_number } ;`
pub(crate) fn cardinal_words(i: &str) -> IResult<&str, Amount> {
    WordCardinals::read(i).number()
}

/// Both readings of the number words at a position, [`cardinal_words`] and [`ordinal_words`],
/// from one pass ([`cardinal`]): for the productions that try both on the same words
/// (a value's fraction, ordinal and amount).
pub(crate) struct WordCardinals<'a> {
    at: &'a str,
    number: Option<CardOut<'a>>,
    ordinal: Option<CardOut<'a>>,
}

impl<'a> WordCardinals<'a> {
    /// The number words at `i`, read once.
    pub(crate) fn read(i: &'a str) -> WordCardinals<'a> {
        let (number, ordinal) = cardinal(i, false);
        WordCardinals { at: i, number, ordinal }
    }

    /// [`cardinal_words`] at the position read.
    pub(crate) fn number(&self) -> IResult<&'a str, Amount> {
        let out = self.number.as_ref().ok_or_else(|| super::token::fail(self.at))?;
        Ok((
            out.rest,
            Amount {
                scaled: out.last_scale.is_some(),
                scale: out.last_scale,
                ..Amount::plain(out.value, false)
            },
        ))
    }

    /// [`ordinal_words`] at the position read.
    pub(crate) fn ordinal(&self) -> IResult<&'a str, Number> {
        let fail = || super::token::fail(self.at);
        let out = self.ordinal.as_ref().ok_or_else(fail)?;
        let v = out.value.ok_or_else(fail)?;
        Ok((out.rest, v))
    }
}

/// `ordinal_words = cardinal_words joiner ordinal_word ;` ("one hundred twenty-fifth",
/// "two hundredth", "three trillionth"); a bare ordinal word is not read here.
pub(crate) fn ordinal_words(i: &str) -> IResult<&str, Number> {
    WordCardinals::read(i).ordinal()
}

/// A decimal read as written, digit by digit: its value and its length without separators.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decimal {
    /// The digits as one integer; `None` once it overflows.
    num: Option<i128>,
    /// Ten to the number of digits after the point; `None` once it overflows.
    den: Option<i128>,
    /// Digits and point, as in "1234.5" for "1,234.5".
    len: usize,
    /// A decimal point was read.
    point: bool,
}

impl Decimal {
    const EMPTY: Decimal = Decimal { num: Some(0), den: Some(1), len: 0, point: false };

    /// Appends ASCII digits (after the point, they also scale the denominator).
    fn push_digits(&mut self, digits: &str) {
        self.len = self.len.saturating_add(digits.len());
        for b in digits.bytes() {
            // Past `i128` the value is gone whatever follows: the rest only adds length.
            if self.num.is_none() {
                break;
            }
            let d = i128::from(b.saturating_sub(b'0'));
            self.num = self.num.and_then(|n| n.checked_mul(10)?.checked_add(d));
            if self.point {
                self.den = self.den.and_then(|n| n.checked_mul(10));
            }
        }
    }

    /// Reads the decimal point.
    fn push_point(&mut self) {
        self.point = true;
        self.len = self.len.saturating_add(1);
    }

    /// The value; `None` when it does not fit (as [`Number::parse_decimal`] of the text).
    pub(crate) fn value(&self) -> Option<Number> {
        Number::new(self.num?, self.den?)
    }
}

/// Parses ASCII digits with optional `,` grouping (or no-break/thin-space grouping, or plain
/// spaces when at least two groups follow or the group is "000", or Indian lakh grouping) and an optional decimal
/// part. Returns the decimal (value and length without separators) and whether it was grouped.
///
/// `digits = group { sep group3 } [ "." digit { digit } ] | digit { digit } [ "." digit { digit } ] ;`
pub(crate) fn digits(i: &str) -> IResult<&str, (Decimal, bool)> {
    let b = i.as_bytes();
    let mut pos = 0usize;
    let mut clean = Decimal::EMPTY;
    while b.get(pos).is_some_and(u8::is_ascii_digit) {
        pos = pos.saturating_add(1);
    }
    let leading_point =
        pos == 0 && b.first() == Some(&b'.') && b.get(1).is_some_and(u8::is_ascii_digit);
    if pos == 0 && !leading_point {
        return Err(super::token::fail(i));
    }
    clean.push_digits(i.get(..pos).unwrap_or(""));
    let mut grouped = false;
    if pos > 0 && (pos <= 3 && !i.starts_with('0') || pos == 1) {
        // Try grouping separators followed by exactly three digits.
        let three_at = |s: &str| {
            let ab = s.as_bytes();
            ab.len() >= 3
                && ab.iter().take(3).all(u8::is_ascii_digit)
                && !ab.get(3).is_some_and(u8::is_ascii_digit)
        };
        let mut space_groups = false;
        for _ in 0..64 {
            let rest = i.get(pos..).unwrap_or("");
            let sep_len = [",", "\u{a0}", "\u{2009}", "\u{202f}", "\u{2007}"]
                .iter()
                .find(|s| rest.starts_with(**s))
                .map(|s| s.len());
            // Plain spaces group only when two groups follow ("1 234 567") or already did, or
            // when the group is "000" ("40 000 fans"), which stands for no number of its own;
            // "2 500" may be two numbers and stays so.
            let sep_len = sep_len.or_else(|| {
                let after = rest.strip_prefix(' ')?;
                let two = three_at(after)
                    && after.get(3..).and_then(|a| a.strip_prefix(' ')).is_some_and(three_at);
                let thousands = three_at(after) && after.starts_with("000");
                (space_groups || (!grouped && (two || thousands))).then_some(1)
            });
            let Some(sl) = sep_len else { break };
            let after = rest.get(sl..).unwrap_or("");
            if !three_at(after) {
                break;
            }
            if sl == 1 && rest.starts_with(' ') {
                space_groups = true;
            }
            clean.push_digits(after.get(..3).unwrap_or(""));
            pos = pos.saturating_add(sl).saturating_add(3);
            grouped = true;
        }
        // Indian grouping: "12,34,567".
        if !grouped && pos <= 2 {
            if let Some((len, text)) = indian_groups(i.get(pos..).unwrap_or("")) {
                clean.push_digits(&text);
                pos = pos.saturating_add(len);
                grouped = true;
            }
        }
    }
    // Decimal part.
    let rest = i.get(pos..).unwrap_or("");
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 {
            clean.push_point();
            clean.push_digits(after.get(..n).unwrap_or(""));
            pos = pos.saturating_add(1).saturating_add(n);
        }
    }
    let rest = i.get(pos..).unwrap_or("");
    // "192.168.1.2", "10:30", "1/2", "3.4.5": not amounts.
    let bad_follow = |p: &str| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next()), (Some('.' | ':' | '/' | ','), Some(c)) if c.is_ascii_digit())
    };
    if bad_follow(rest) {
        return Err(super::token::fail(i));
    }
    Ok((rest, (clean, grouped)))
}

/// `{ "," digit digit } "," group3`: the rest of an Indian-grouped number; its length and digits.
fn indian_groups(i: &str) -> Option<(usize, String)> {
    let mut pos = 0usize;
    let mut text = String::new();
    let mut pairs = 0u8;
    for _ in 0..8 {
        let rest = i.get(pos..)?;
        let after = rest.strip_prefix(',')?;
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        match n {
            2 if after.get(2..).is_some_and(|a| a.starts_with(',')) => {
                text.push_str(after.get(..2)?);
                pos = pos.saturating_add(3);
                pairs = pairs.saturating_add(1);
            }
            3 if pairs > 0 => {
                text.push_str(after.get(..3)?);
                return Some((pos.saturating_add(4), text));
            }
            _ => return None,
        }
    }
    None
}

/// The value of a vulgar fraction character.
fn vulgar(c: char) -> Option<(i128, i128)> {
    Some(match c {
        '\u{bd}' => (1, 2),
        '\u{2153}' => (1, 3),
        '\u{2154}' => (2, 3),
        '\u{bc}' => (1, 4),
        '\u{be}' => (3, 4),
        '\u{2155}' => (1, 5),
        '\u{2156}' => (2, 5),
        '\u{2157}' => (3, 5),
        '\u{2158}' => (4, 5),
        '\u{2159}' => (1, 6),
        '\u{215a}' => (5, 6),
        '\u{2150}' => (1, 7),
        '\u{215b}' => (1, 8),
        '\u{215c}' => (3, 8),
        '\u{215d}' => (5, 8),
        '\u{215e}' => (7, 8),
        '\u{2151}' => (1, 9),
        '\u{2152}' => (1, 10),
        _ => return None,
    })
}

/// True for the vulgar fraction characters (for the candidate scan).
pub(crate) fn is_vulgar(c: char) -> bool {
    vulgar(c).is_some()
}

/// `digit_fraction = numerator "/" denominator | vulgar ;` A proper fraction with a usual
/// denominator ("3/4", "5/8"), so that dates ("9/11", "3/4/2020") and scores ("24/7") are not
/// read as fractions.
pub(crate) fn digit_fraction(i: &str) -> IResult<&str, Number> {
    // Vulgar fractions are not ASCII: an ASCII byte other than a digit starts neither form.
    if i.as_bytes().first().is_none_or(|b| b.is_ascii() && !b.is_ascii_digit()) {
        return Err(super::token::fail(i));
    }
    if let Some(c) = i.chars().next() {
        if let Some((n, d)) = vulgar(c) {
            let r = i.get(c.len_utf8()..).unwrap_or("");
            let v = Number::new(n, d).ok_or_else(|| super::token::fail(i))?;
            return Ok((r, v));
        }
    }
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 || i.starts_with('0') {
        return Err(super::token::fail(i));
    }
    let after =
        i.get(n..).and_then(|r| r.strip_prefix('/')).ok_or_else(|| super::token::fail(i))?;
    let m = after.bytes().take_while(u8::is_ascii_digit).count();
    if m == 0 || m > 3 || after.starts_with('0') {
        return Err(super::token::fail(i));
    }
    let rest = after.get(m..).unwrap_or("");
    let mut cs = rest.chars();
    let (c1, c2) = (cs.next(), cs.next());
    let glued = c1.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == '_')
        || matches!((c1, c2), (Some('.' | ','), Some(d)) if d.is_ascii_digit());
    if glued {
        return Err(super::token::fail(i));
    }
    let num: i128 = i.get(..n).and_then(|s| s.parse().ok()).ok_or_else(|| super::token::fail(i))?;
    let den: i128 =
        after.get(..m).and_then(|s| s.parse().ok()).ok_or_else(|| super::token::fail(i))?;
    if num >= den || !matches!(den, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16 | 32 | 64 | 100) {
        return Err(super::token::fail(i));
    }
    let v = Number::new(num, den).ok_or_else(|| super::token::fail(i))?;
    Ok((rest, v))
}

/// `digit_amount = digit_fraction | digits [ ws digit_fraction | vulgar ] | digits [ exponent ]
///              | digits [ scale_suffix | joiner scale_word [ joiner scale_word ] | ws "k" ] ;`
///
/// The digits path of [`amount`]: digits with a glued or separated scale, a digit fraction, or
/// a mixed number ("1 1/2", "1½").
fn digit_amount(i: &str) -> IResult<&str, Amount> {
    if let Ok((r, f)) = digit_fraction(i) {
        return Ok((r, Amount { fraction: true, ..Amount::plain(Some(f), true) }));
    }
    let (rest, (clean, grouped)) = digits(i)?;
    let value = clean.value();
    let year_like = !grouped && clean.len == 4 && !clean.point;
    let base = Amount { year_like, ..Amount::plain(value, true) };
    // Mixed numbers: "1 1/2", "2  1/4", "1½".
    if !clean.point && !grouped && clean.len <= 3 {
        let frac_at = ws(rest).map_or(rest, |(r, _)| r);
        let spaced = frac_at.len() < rest.len();
        if let Ok((r, f)) = digit_fraction(frac_at) {
            let vulgar_char = frac_at.chars().next().is_some_and(is_vulgar);
            if spaced || vulgar_char {
                let v = value.and_then(|v| v.checked_add(f));
                return Ok((r, Amount { year_like: false, ..Amount::plain(v, true) }));
            }
        }
    }
    // Exponents and powers: "1e10", "1.3e6", "1.1^23", "2.5^-1", "1.3x10^6".
    if !grouped {
        if let Some((r, v)) = exponent(rest, value) {
            return Ok((r, Amount::plain(v, true)));
        }
    }
    // Glued scale suffix: "7bn", "1.2m"; must end at a word boundary.
    if let Ok((r, w)) = word(rest) {
        if let Some(s) = scale_suffix(w) {
            if super::token::at_boundary(r) {
                return Ok((r, apply_scale(base, s)));
            }
        }
        return Ok((rest, base));
    }
    // Separated scale word: "7 billion", "1.5 million", "7 bn", "322 hundred", "3 lakh crore".
    if let Ok((r, _)) = joiner(rest) {
        if let Ok((r2, s)) = word_class(r, digit_scale_word) {
            let mut a = apply_scale(base, s);
            let mut r = r2;
            // A second, larger scale multiplies: "3 hundred thousand", "3 lakh crore".
            if let Ok((r3, ())) = joiner(r2) {
                if let Ok((r4, s2)) = word_class(r3, digit_scale_word) {
                    if s2 > s {
                        a = apply_scale(a, s2);
                        a.scale = s.checked_mul(s2);
                        r = r4;
                    }
                }
            }
            return Ok((r, a));
        }
        // Spaced "k" only at the end of a clause: "2.33 k".
        if let Ok((r2, w)) = word(r) {
            if w == "k" && r.len() < rest.len() && clause_end(r2) {
                return Ok((r2, apply_scale(base, 1_000)));
            }
        }
    }
    Ok((rest, base))
}

/// `exponent = ( "e" | "E" ) [ "+" | "-" ] digit [ digit ]
///          | "^" [ "+" | "-" ] digit [ digit ] | "x" "10" "^" [ "+" | "-" ] digit [ digit ] ;`
/// after a mantissa; returns the rest and the value (`Some(None)` on overflow).
fn exponent(i: &str, base: Option<Number>) -> Option<(&str, Option<Number>)> {
    let (r, power_of_ten) = if let Some(r) = i.strip_prefix(['e', 'E']) {
        (r, true)
    } else if let Some(r) = i.strip_prefix("x10^").or_else(|| i.strip_prefix("\u{d7}10^")) {
        (r, true)
    } else {
        (i.strip_prefix('^')?, false)
    };
    let (r, negative) = match r.strip_prefix('-') {
        Some(r2) => (r2, true),
        None => (r.strip_prefix('+').unwrap_or(r), false),
    };
    let n = r.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let rest = r.get(n..)?;
    let mut cs = rest.chars();
    let glued = match (cs.next(), cs.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' || c == '^' => true,
        (Some('.' | ','), Some(d)) => d.is_ascii_digit(),
        _ => false,
    };
    if glued {
        return None;
    }
    let e: u32 = r.get(..n)?.parse().ok()?;
    let factor = if power_of_ten { Some(Number::from_int(10)) } else { base };
    let mut v = Some(Number::ONE);
    for _ in 0..e {
        v = v.and_then(|x| factor.and_then(|f| x.checked_mul(f)));
    }
    if negative {
        v = v.and_then(|x| Number::ONE.checked_div(x));
    }
    let value = if power_of_ten { v.and_then(|x| base.and_then(|b| b.checked_mul(x))) } else { v };
    Some((rest, value))
}

/// `point_tail = ws "point" ws ( digit_word { ws digit_word } | cardinal_words ) ;` the
/// decimals of a number in words: "two hundred point zero three" (200.03), "five point five",
/// "nought point eleven" (0.11).
fn point_tail(i: &str, whole: Number) -> Option<(&str, Number)> {
    let (r, _) = ws(i).ok()?;
    let (r, _) = kw("point").parse(r).ok()?;
    let (r, _) = ws(r).ok()?;
    let digit_word = |w: &str| match w {
        "nought" | "naught" | "oh" => Some(0),
        _ => small_number_word(w).map(|(v, _)| v).filter(|v| *v <= 9),
    };
    let mut text = String::from("0.");
    let mut rest = r;
    let mut count = 0u8;
    for _ in 0..24 {
        let at = if count == 0 { Some(rest) } else { ws(rest).ok().map(|(r2, _)| r2) };
        let Some(at) = at else { break };
        let Ok((r2, d)) = word_class(at, digit_word) else { break };
        text.push(char::from_digit(u32::try_from(d).ok()?, 10)?);
        rest = r2;
        count = count.saturating_add(1);
    }
    // "point seventy-one", "point eleven": one number of two digits.
    if count == 0 {
        let (r2, a) = cardinal_words(r).ok()?;
        let v = a.value?.to_i64().filter(|v| (1..100).contains(v))?;
        text = format!("0.{v}");
        rest = r2;
    }
    let frac = Number::parse_decimal(&text)?;
    Some((rest, whole.checked_add(frac)?))
}

/// True at the end of the text or before punctuation that ends a clause.
pub(crate) fn clause_end(i: &str) -> bool {
    let t = i.trim_start_matches(super::token::is_space);
    t.is_empty() || t.starts_with(['.', ',', ';', ':', '!', '?', ')', '\n', '\r'])
}

/// `amount = fraction_scale | digit_amount [ mixed_tail ] [ dozen ] | cardinal_words … ;`
///
/// Digits may be followed (glued) only by a scale suffix; any other glued letters are left for
/// the caller to accept (ordinal suffixes, units) or reject.
pub(crate) fn amount(i: &str) -> IResult<&str, Amount> {
    // Most calls come from tails that look for a second amount ("15 years had passed", "$7
    // billion over time") and find a plain word: it is turned away after one look, not after
    // every production below has read it.
    if !may_start_amount(i) {
        return Err(super::token::fail(i));
    }
    match fraction_scale(i) {
        Ok(x) => Ok(x),
        Err(_) => amount_after_fraction_scale(i),
    }
}

/// Whether [`amount`] can read anything at `i`: a digit, a point, a vulgar fraction, or a
/// word that one of its productions starts with (a number word or scale, "half", "quarter",
/// an article, "nought"). Read on the whole run of letters, whatever follows it, so that it
/// is never stricter than the productions themselves.
fn may_start_amount(i: &str) -> bool {
    match i.as_bytes().first() {
        Some(b) if b.is_ascii_digit() || *b == b'.' => true,
        Some(b) if b.is_ascii_alphabetic() => word(i).is_ok_and(|(_, w)| {
            super::token::with_lower(w, |w| {
                number_token(w).is_some()
                    || matches!(w, "half" | "quarter" | "a" | "an" | "nought" | "naught")
            })
            .unwrap_or(false)
        }),
        Some(_) => i.chars().next().is_some_and(is_vulgar),
        None => false,
    }
}

/// What the word after an amount can add to it ([`After`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextWord {
    /// A number word or scale ([`number_token`]): a cardinal may read on.
    Number,
    /// "dozen" and its abbreviations: the amount counts dozens.
    Dozen,
    /// Anything else.
    Other,
}

/// What follows an amount that ends where a joiner starts: the text after the joiner, and the
/// word there (as [`word_class`] reads it), classified once for the tails that look at it,
/// [`goes_on`] and the dozen.
#[derive(Clone, Copy, Debug)]
struct After<'a> {
    joined: &'a str,
    word: Option<(&'a str, NextWord)>,
}

/// [`After`] the amount that ends at `rest`; `None` when no joiner follows.
fn after_amount(rest: &str) -> Option<After<'_>> {
    let (joined, ()) = joiner(rest).ok()?;
    let word = word_class(joined, |w| {
        Some(if number_token(w).is_some() {
            NextWord::Number
        } else if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
            NextWord::Dozen
        } else {
            NextWord::Other
        })
    })
    .ok();
    Some(After { joined, word })
}

/// Whether a [`cardinal`] could read past where a [`digit_amount`] ended, `after` it: only
/// when a joiner and then "and", a number word or digits follow, the tokens it reads next.
/// (Its tokens end where the digit amount does: digits, then a joined scale word.)
fn goes_on(after: Option<&After<'_>>) -> bool {
    after.is_some_and(|a| {
        a.joined.starts_with(|c: char| c.is_ascii_digit())
            || kw("and").parse(a.joined).is_ok()
            || matches!(a.word, Some((_, NextWord::Number)))
    })
}

/// [`amount`] where [`fraction_scale`] is known to fail: for callers that tried it already.
pub(crate) fn amount_after_fraction_scale(i: &str) -> IResult<&str, Amount> {
    amount_after_fraction_scale_with(i, None)
}

/// [`amount_after_fraction_scale`], with the number words at `i` when the caller read them.
pub(crate) fn amount_after_fraction_scale_with<'a>(
    i: &'a str,
    words: Option<&WordCardinals<'a>>,
) -> IResult<&'a str, Amount> {
    // What follows the amount, when it was read at its end (`None`: read it when needed).
    let mut after: Option<Option<After<'_>>> = None;
    let (rest, a) = if i.starts_with(|c: char| c.is_ascii_digit() || c == '.' || is_vulgar(c)) {
        let (rest, a) = digit_amount(i)?;
        let next = after_amount(rest);
        // "3 hundred and 21", "4 thousand 3 hundred": digits inside a cardinal.
        let mixed =
            if a.fraction || a.value.is_some_and(|v| !v.is_integer()) || !goes_on(next.as_ref()) {
                None
            } else {
                cardinal(i, true).0.filter(|c| c.multiplied && c.rest.len() < rest.len())
            };
        match mixed {
            Some(c) => (
                c.rest,
                Amount {
                    scaled: c.last_scale.is_some(),
                    scale: c.last_scale,
                    ..Amount::plain(c.value, true)
                },
            ),
            None => {
                after = Some(next);
                (rest, a)
            }
        }
    } else {
        // "nought point five".
        let zero = word_class(i, |w| matches!(w, "nought" | "naught").then_some(()))
            .ok()
            .and_then(|(r, ())| point_tail(r, Number::ZERO));
        let words = match zero {
            Some((r, v)) => Ok((r, Amount::plain(Some(v), false))),
            None => words.map_or_else(|| cardinal_words(i), WordCardinals::number),
        };
        let (rest, a) = match words {
            Ok(x) => x,
            Err(_) => return article_dozen(i),
        };
        // "two hundred point zero three", "two point five million".
        match a.value.filter(|_| !a.scaled).and_then(|v| point_tail(rest, v)) {
            Some((r, v)) => {
                let a = Amount::plain(Some(v), false);
                let scaled = joiner(r).ok().and_then(|(r2, ())| {
                    word_class(r2, |w| scale_value(w).filter(|_| !w.ends_with('s'))).ok()
                });
                match scaled {
                    Some((r2, s)) => (r2, apply_scale(a, s)),
                    None => (r, a),
                }
            }
            None => (rest, a),
        }
    };
    if a.fraction {
        return Ok((rest, a));
    }
    let (rest, a) = match mixed_tail(rest, a) {
        Some(x) => {
            after = None;
            x
        }
        None => (rest, a),
    };
    // "two dozen", "3 dozens", "five dozs" (not "three hundred and two dozens").
    let small = a.value.is_some_and(|v| v < Number::from_int(100));
    if small {
        let next = after.unwrap_or_else(|| after_amount(rest));
        if let Some(After { word: Some((r2, NextWord::Dozen)), .. }) = next {
            let value = a.value.and_then(|v| v.checked_mul(Number::from_int(12)));
            return Ok((r2, Amount { value, year_like: false, dozens: true, ..a }));
        }
    }
    Ok((rest, a))
}

/// `mixed_tail = ws "and" ws fraction_part [ joiner scale_word ] ;`
///
/// "two and a half" (2.5), "two and a half million" (2,500,000), "five billion and three
/// quarters" (5,750,000,000), "one billion and a half million" (1,000,500,000). Fractions
/// other than halves and quarters must end the clause or come before a scale or time unit, so
/// that "two officers and a third man" stays two.
fn mixed_tail(i: &str, whole: Amount) -> Option<(&str, Amount)> {
    let wv = whole.value?;
    let (r, _) = ws(i).ok()?;
    let (r, _) = kw("and").parse(r).ok()?;
    let (r, _) = ws(r).ok()?;
    let (r, frac, den) = ordinal::fraction_part(r)?;
    // "3 million and a half of its suburbs": the fraction has its own noun.
    if ws(r).ok().is_some_and(|(r2, _)| kw("of").parse(r2).is_ok()) {
        return None;
    }
    let scale_after = joiner(r)
        .ok()
        .and_then(|(r2, ())| word_class(r2, |w| scale_value(w).filter(|_| !w.ends_with('s'))).ok());
    if den != 2 && den != 4 {
        let unit_after =
            joiner(r).ok().is_some_and(|(r2, ())| word_class(r2, super::unit::time_unit).is_ok());
        if !(clause_end(r) || scale_after.is_some() || unit_after) {
            return None;
        }
    }
    let (r, value, scale) = match (whole.scale, scale_after) {
        // "one billion and a half million".
        (Some(l), Some((r2, s))) if s < l => {
            (r2, wv.checked_add(frac.checked_mul(Number::from_int(s))?), whole.scale)
        }
        (Some(_), Some(_)) => return None,
        // "five billion and three quarters".
        (Some(l), None) => (r, wv.checked_add(frac.checked_mul(Number::from_int(l))?), Some(l)),
        // "two and a half million".
        (None, Some((r2, s))) => {
            (r2, wv.checked_add(frac)?.checked_mul(Number::from_int(s)), Some(s))
        }
        (None, None) => (r, wv.checked_add(frac), None),
    };
    Some((
        r,
        Amount {
            value,
            scaled: scale.is_some(),
            scale,
            year_like: false,
            fraction: false,
            ..whole
        },
    ))
}

/// `fraction_scale = fraction_head [ ws "of" ] [ ws article ] ws ( scale_word | "dozen" ) ;`
///
/// "half a million", "a quarter million", "three quarters of a million", "half a dozen".
pub(crate) fn fraction_scale(i: &str) -> IResult<&str, Amount> {
    let (r, f) = ordinal::fraction_head(i)?;
    let mut r = r;
    if let Ok((r2, _)) = ws(r) {
        if let Ok((r3, _)) = kw("of").parse(r2) {
            r = r3;
        }
    }
    if let Ok((r2, _)) = ws(r) {
        if let Ok((r3, _)) = word_class(r2, |w| matches!(w, "a" | "an").then_some(())) {
            r = r3;
        }
    }
    let (r, _) = ws(r)?;
    let (r, s) = word_class(r, |w| {
        if w == "dozen" {
            Some(12)
        } else {
            scale_value(w).filter(|_| !w.ends_with('s'))
        }
    })?;
    let value = f.checked_mul(Number::from_int(s));
    let scaled = s != 12;
    Ok((r, Amount { scaled, scale: scaled.then_some(s), ..Amount::plain(value, false) }))
}

/// "a dozen" (the article form is not a cardinal on its own).
pub(crate) fn article_dozen(i: &str) -> IResult<&str, Amount> {
    let (r, _) = word_class(i, |w| matches!(w, "a" | "an").then_some(()))?;
    let (r, _) = ws(r)?;
    let (r, _) = kw("dozen").parse(r)?;
    Ok((r, Amount::plain(Some(Number::from_int(12)), false)))
}

fn apply_scale(a: Amount, s: i64) -> Amount {
    let value = a.value.and_then(|v| v.checked_mul(Number::from_int(s)));
    Amount { value, scaled: true, year_like: false, scale: Some(s), ..a }
}

/// The dash or word joining the two ends of a range: `-`, `–`, `~`, "to", "through", "or".
pub(crate) fn range_joiner(i: &str) -> IResult<&str, &'static str> {
    if let Ok((r, ())) = range_dash(i) {
        return Ok((r, "-"));
    }
    if let Some(r) = i.strip_prefix('~') {
        return Ok((r, "-"));
    }
    let (r, _) = ws(i)?;
    // Spaced dashes: "1000 - 5000", "10 -15" (the caller requires digits on both sides).
    if let Ok((r2, ())) = range_dash(r) {
        if let Ok((r3, _)) = ws(r2) {
            return Ok((r3, "-"));
        }
        if r2.starts_with(|c: char| c.is_ascii_digit()) {
            return Ok((r2, "-"));
        }
    }
    let (r, w) = word_class(r, |w| match w {
        "to" => Some("to"),
        "through" | "thru" => Some("to"),
        "or" => Some("or"),
        _ => None,
    })?;
    let (r, _) = ws(r)?;
    Ok((r, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `digit_fraction` turns away any ASCII byte but a digit before decoding a char: no vulgar
    /// fraction is ASCII.
    #[test]
    fn vulgar_fractions_are_not_ascii() {
        for b in 0u8..0x80 {
            assert_eq!(vulgar(char::from(b)), None, "{b:#x}");
        }
        assert_eq!(vulgar('\u{bd}'), Some((1, 2)));
    }

    proptest::proptest! {
        /// A decimal read in pieces has the value and length of its text read whole, up to
        /// and past the largest `i128` (44 digits overflow, 38 may not).
        #[test]
        fn decimal_equals_parse_decimal(
            int in proptest::collection::vec("[0-9]{0,4}", 0..12),
            frac in proptest::option::of("[0-9]{1,20}"),
        ) {
            let mut d = Decimal::EMPTY;
            let mut text = String::new();
            for piece in &int {
                d.push_digits(piece);
                text.push_str(piece);
            }
            if let Some(f) = &frac {
                d.push_point();
                d.push_digits(f);
                text.push('.');
                text.push_str(f);
            }
            proptest::prop_assume!(text.bytes().any(|b| b.is_ascii_digit()));
            proptest::prop_assert_eq!(d.value(), Number::parse_decimal(&text), "{}", text);
            proptest::prop_assert_eq!(d.len, text.len());
            proptest::prop_assert_eq!(d.point, frac.is_some());
        }
    }

    /// `goes_on` only spares calls that cannot matter: whenever a cardinal with digits reads
    /// past where the digit amount ended, `goes_on` holds there. Checked on every phrase of up
    /// to four tokens over a small vocabulary of digits, number words and other words.
    #[test]
    fn goes_on_spares_only_useless_cardinals() {
        const FIRST: [&str; 6] = ["3", "21", "400", "1,000", "7.5", "1/2"];
        const NEXT: [&str; 9] =
            ["3", "21", "hundred", "thousand", "and", "people", "k", "bn", "Million"];
        const SEPS: [&str; 3] = [" ", "-", ", "];
        let mut phrases: Vec<String> = FIRST.iter().map(|f| (*f).to_string()).collect();
        let mut last = phrases.clone();
        for _ in 0..3 {
            let mut grown = Vec::new();
            for p in &last {
                for sep in SEPS {
                    for w in NEXT {
                        grown.push(format!("{p}{sep}{w}"));
                    }
                }
            }
            phrases.extend(grown.iter().cloned());
            last = grown;
        }
        let mut useful = 0usize;
        for i in &phrases {
            let Ok((rest, _)) = digit_amount(i) else { continue };
            let card = cardinal(i, true).0;
            if card.is_some_and(|c| c.multiplied && c.rest.len() < rest.len()) {
                useful += 1;
                assert!(goes_on(after_amount(rest).as_ref()), "{i:?}, rest {rest:?}");
            }
        }
        // The vocabulary does reach the mixed cardinals ("3 hundred and 21").
        assert!(useful > 0);
    }

    /// [`amount`] without its [`may_start_amount`] check: what the productions read alone.
    fn amount_unchecked(i: &str) -> IResult<&str, Amount> {
        fraction_scale(i).or_else(|_| amount_after_fraction_scale(i))
    }

    /// The check before [`amount`] only turns away what none of its productions reads. The
    /// inputs are a first part (a number word, scale, fraction head, article or plain word in
    /// three cases; digits, vulgar fractions, marks, spaces, other chars), a separator, a next
    /// part from the same lists, and a tail that some productions read on into.
    #[test]
    fn may_start_amount_turns_away_no_amount() {
        const WORDS: [&str; 27] = [
            "a", "an", "one", "two", "twenty", "ninety", "zero", "hundred", "thousand", "million",
            "bn", "lakh", "crore", "half", "quarter", "quarters", "third", "fifth", "dozen",
            "nought", "naught", "point", "and", "years", "had", "over", "the",
        ];
        const OTHER: [&str; 16] = [
            "3", "15", ".5", "1,000", "\u{bd}", "\u{2154}", "\u{be}", "$", "%", "-", "_", "\u{e9}",
            "\u{2009}", " ", ",", "",
        ];
        const SEPS: [&str; 4] = [" ", "-", "", "\n"];
        let mut firsts: Vec<String> = OTHER.iter().map(|o| (*o).to_string()).collect();
        for w in WORDS {
            firsts.extend([
                w.to_string(),
                w.to_ascii_uppercase(),
                format!("{}{}", &w[..1].to_ascii_uppercase(), &w[1..]),
            ]);
        }
        let nexts: Vec<&str> = WORDS.iter().chain(OTHER.iter()).copied().collect();
        let mut tried = 0usize;
        let mut reads = 0usize;
        for f in &firsts {
            for sep in SEPS {
                for n in &nexts {
                    for third in ["", " five", " dozen", " million", " of a million", " people"] {
                        let i = format!("{f}{sep}{n}{third}");
                        tried += 1;
                        let unchecked = amount_unchecked(&i);
                        reads += usize::from(unchecked.is_ok());
                        assert!(may_start_amount(&i) || unchecked.is_err(), "{i:?}: {unchecked:?}");
                    }
                }
            }
        }
        // The inputs do reach the productions: between a tenth and a half start an amount.
        assert!(tried > 50_000 && reads > tried / 10 && reads < tried / 2, "{reads} of {tried}");
    }

    #[test]
    fn may_start_amount_rows() {
        for (i, want) in [
            ("15 years", true),
            (".5", true),
            ("\u{bd} cup", true),
            ("Three", true),
            ("a dozen", true),
            ("Half a million", true),
            ("quarter", true),
            ("nought point five", true),
            ("had passed", false),
            ("over time", false),
            (" 15", false),
            ("", false),
            ("$5", false),
        ] {
            assert_eq!(may_start_amount(i), want, "{i:?}");
        }
    }

    #[test]
    fn goes_on_rows() {
        for (rest, want) in [
            ("", false),
            (" people", false),
            ("%", false),
            (" hundred", true),
            (" and 21", true),
            ("-5", true),
            (" Thousand", true),
        ] {
            assert_eq!(goes_on(after_amount(rest).as_ref()), want, "{rest:?}");
        }
    }

    fn val(i: &str) -> (String, &str) {
        let (rest, a) = amount(i).unwrap_or_else(|e| panic!("{i:?}: {e:?}"));
        (a.value.map_or("overflow".into(), |v| v.to_string()), rest)
    }

    #[test]
    fn amount_rows() {
        for (input, want, rest) in [
            ("15 dual", "15", " dual"),
            ("1,000 acres", "1000", " acres"),
            ("7.5%", "7.5", "%"),
            ("1.2m people", "1200000", " people"),
            ("7bn.", "7000000000", "."),
            ("7 billion in", "7000000000", " in"),
            ("1.5 million barrels", "1500000", " barrels"),
            ("three American", "3", " American"),
            ("twenty-two years", "22", " years"),
            ("Twenty Two", "22", ""),
            ("one hundred and five", "105", ""),
            ("a hundred people", "100", " people"),
            ("a dozen", "12", ""),
            ("two dozen Westerners", "24", " Westerners"),
            ("3 and a half dozen eggs", "42", " eggs"),
            ("two and a half dozen", "30", ""),
            ("half a million", "500000", ""),
            ("three hundred thousand", "300000", ""),
            ("two million five hundred thousand and one", "2500001", ""),
            ("1\u{a0}000 km", "1000", " km"),
            ("40 000 fans", "40000", " fans"),
            ("1 000 000 fans", "1000000", " fans"),
            ("2 500 fans", "2", " 500 fans"),
            ("2016 000", "2016", " 000"),
            ("192.", "192", "."),
            ("four and five", "4", " and five"),
            ("three four", "3", " four"),
            // Scales after digits and words.
            ("322 hundred", "32200", ""),
            ("2.12 hundred", "212", ""),
            ("13 lakh", "1300000", ""),
            ("3 lakh crore", "3000000000000", ""),
            ("three lakh crore", "3000000000000", ""),
            ("10 tln", "10000000000000", ""),
            ("1MM", "1000000", ""),
            ("2mil SEK", "2000000", " SEK"),
            ("2.33 k", "2330", ""),
            ("3 dozens", "36", ""),
            ("three dozens eggs", "36", " eggs"),
            ("half a  dozen", "6", ""),
            // Digits inside words.
            ("3 hundred and 21 yuan", "321", " yuan"),
            ("4 thousand 3 hundred and 21 is", "4321", " is"),
            ("3 hundred and 2 hundred", "300", " and 2 hundred"),
            ("6 crore and two hundred", "60000200", ""),
            ("2 million 300 people", "2000000", " 300 people"),
            // Grouping.
            ("1 234 567", "1234567", ""),
            ("40 000 is", "40000", " is"),
            ("12,34,567.89 rupees", "1234567.89", " rupees"),
            (".08", "0.08", ""),
            // Fractions and mixed numbers.
            ("3/4", "0.75", ""),
            ("1 1/2 hours", "1.5", " hours"),
            ("2  1/4", "2.25", ""),
            ("\u{be}", "0.75", ""),
            ("1\u{bd}", "1.5", ""),
            ("one and a half", "1.5", ""),
            ("two and a half million", "2500000", ""),
            ("five billion and three quarters", "5750000000", ""),
            ("one billion and a half million", "1000500000", ""),
            ("one billion and three quarters million", "1000750000", ""),
            ("3 million and a half", "3500000", ""),
            ("two million and one half", "2500000", ""),
            ("one hundred and three quarters", "100.75", ""),
            ("forty two and a third", "127/3", ""),
            ("two officers and a third man", "2", " officers and a third man"),
            ("three quarters of a million", "750000", ""),
            ("a quarter million", "250000", ""),
            ("quarter million", "250000", ""),
            ("half million", "500000", ""),
            ("two thirds of a million", "2000000/3", ""),
            // Exponents and decimals in words.
            ("1e10", "10000000000", ""),
            ("1.3e6", "1300000", ""),
            ("12.32e+14", "1232000000000000", ""),
            ("2.5^-1", "0.4", ""),
            ("1.3x10^6", "1300000", ""),
            ("6.23x10^-4", "0.000623", ""),
            ("two hundred point zero three", "200.03", ""),
            ("two hundred point seventy-one", "200.71", ""),
            ("nine point nought four", "9.04", ""),
            ("nought point eleven", "0.11", ""),
            ("two point five million", "2500000", ""),
            ("five point plan", "5", " point plan"),
        ] {
            assert_eq!(val(input), (want.to_string(), rest), "input: {input:?}");
        }
    }

    #[test]
    fn err_amount_rejects() {
        for input in
            ["192.168.1.2", "10:30", "a", "an hour", "tenants", "and", "9/11", "24/7", "3/4/2020"]
        {
            assert!(amount(input).is_err(), "input: {input:?}");
        }
    }

    #[test]
    fn ordinal_words_rows() {
        for (input, want, rest) in [
            ("one hundred twenty fifth", "125", ""),
            ("one hundred twenty-fifth day", "125", " day"),
            ("twenty second", "22", ""),
            ("two hundredth", "200", ""),
            ("three trillionth", "3000000000000", ""),
            ("a hundred trillionth", "100000000000000", ""),
            ("twenty-one trillion and three hundred twenty second", "21000000000322", ""),
            ("one hundred and fifth", "105", ""),
            ("a hundredth", "100", ""),
            ("Twenty-First", "21", ""),
        ] {
            let (r, v) = ordinal_words(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!((v.to_string().as_str(), r), (want, rest), "input: {input:?}");
        }
        for bad in ["fifth", "one fifth day", "three", "first", "a fifth", "three fifth5"] {
            assert!(ordinal_words(bad).is_err(), "input: {bad:?}");
        }
        // Both readings come from one pass: the number stops before the "and" it cannot use,
        // the ordinal reads on to the ordinal word.
        let words = WordCardinals::read("one hundred and fifth");
        let (rest, number) = words.number().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((number.value.map(|v| v.to_string()), rest), (Some("100".into()), " and fifth"));
        assert_eq!(words.ordinal().map(|(r, v)| (r, v.to_string())), Ok(("", "105".into())));
    }

    #[test]
    fn err_amount_overflow_is_flagged() {
        let (_, a) = amount(&"9".repeat(400)).unwrap();
        assert_eq!(a.value, None);
        let (_, a) = amount("999999999999999999999999999999999999 trillion").unwrap();
        assert_eq!(a.value, None);
    }
}
