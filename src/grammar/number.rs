//! Numerals in digits and in words, and scale words.
//!
//! ```text
//! amount      = digits [ scale_suffix | ws scale_word ] | cardinal_words | "half" ws article ws scale_word ;
//! digits      = group { "," group3 } [ "." digit { digit } ]     (* "1,000", "7.5" *)
//!             | digit { digit } [ "." digit { digit } ] ;
//! scale_word  = "thousand" | "million" | "billion" | "trillion" | "bn" | "mn" | "tn" ;
//! scale_suffix= "k" | "m" | "mn" | "bn" | "b" | "tn" ;          (* glued: "$7bn", "1.2m" *)
//! cardinal_words = [ article ] word_number { joiner word_number } ;
//! ```
//!
//! Digits glued to letters that are not a scale, an ordinal suffix or a unit are identifiers
//! ("A380", "4G") and are rejected here; the caller decides what may follow.

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
}

/// The value of a scale word, lower-cased: "thousand" → 10^3 … "trillion" → 10^12.
pub(crate) fn scale_value(w: &str) -> Option<i64> {
    Some(match w {
        "thousand" | "thousands" => 1_000,
        "million" | "millions" | "mn" | "mln" => 1_000_000,
        "billion" | "billions" | "bn" | "bln" => 1_000_000_000,
        "trillion" | "trillions" | "tn" | "trn" => 1_000_000_000_000,
        _ => return None,
    })
}

/// Scale suffixes glued to digits ("7bn", "1.2m", "5k").
fn scale_suffix(w: &str) -> Option<i64> {
    Some(match w {
        "k" | "K" => 1_000,
        "m" | "M" | "mn" | "mln" => 1_000_000,
        "bn" | "b" | "B" | "bln" | "Bn" => 1_000_000_000,
        "tn" | "trn" | "T" => 1_000_000_000_000,
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
}

fn number_token(w: &str) -> Option<(i64, Tok)> {
    if let Some(t) = small_number_word(w) {
        return Some(t);
    }
    match w {
        "hundred" => Some((100, Tok::Hundred)),
        "thousand" | "million" | "billion" | "trillion" => scale_value(w).map(|v| (v, Tok::Scale)),
        _ => None,
    }
}

/// `cardinal_words = [ "a" | "an" ] word_number { (joiner | ws "and" ws) word_number } ;`
///
/// Accumulates left to right: units and tens add, "hundred" multiplies the current group,
/// a scale word closes the group. "a" only counts before "hundred", a scale word or "dozen".
pub(crate) fn cardinal_words(i: &str) -> IResult<&str, Amount> {
    let mut total: i128 = 0;
    let mut current: i128 = 0;
    let mut last = Tok::Start;
    let mut last_scale: i64 = i64::MAX;
    let mut rest = i;
    let mut accepted = i; // input after the last token that completed a number
    let mut overflow = false;
    loop {
        let after_sep = if last == Tok::Start {
            rest
        } else if let Ok((r, ())) = joiner(rest) {
            // " and " is allowed after "hundred" or a scale word.
            if let Ok((r2, _)) = kw("and").parse(r) {
                if matches!(last, Tok::Hundred | Tok::Scale) {
                    match ws(r2) {
                        Ok((r3, _)) => r3,
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
        if last == Tok::Start {
            if let Ok((r, ())) = word_class(after_sep, |w| matches!(w, "a" | "an").then_some(())) {
                if ws(r).is_ok() {
                    rest = r;
                    last = Tok::Article;
                    continue;
                }
            }
        }
        let Ok((r, (v, tok))) = word_class(after_sep, number_token) else {
            break;
        };
        let v128 = i128::from(v);
        let ok = match tok {
            Tok::Unit => match last {
                Tok::Start | Tok::Hundred | Tok::Scale => true,
                Tok::Tens => v < 10 && current % 10 == 0,
                _ => false,
            },
            Tok::Tens => matches!(last, Tok::Start | Tok::Hundred | Tok::Scale),
            Tok::Hundred => matches!(last, Tok::Unit | Tok::Tens | Tok::Article) && current < 100,
            Tok::Scale => {
                matches!(last, Tok::Unit | Tok::Tens | Tok::Hundred | Tok::Article)
                    && v < last_scale
            }
            _ => false,
        };
        if !ok {
            break;
        }
        match tok {
            Tok::Unit | Tok::Tens => current = current.saturating_add(v128),
            Tok::Hundred => current = current.max(1).saturating_mul(100),
            Tok::Scale => {
                match current.max(1).checked_mul(v128).and_then(|x| total.checked_add(x)) {
                    Some(t) => total = t,
                    None => overflow = true,
                }
                current = 0;
                last_scale = v;
            }
            _ => {}
        }
        last = tok;
        rest = r;
        accepted = r;
    }
    if matches!(last, Tok::Start | Tok::Article) {
        return Err(super::token::fail(i));
    }
    let value =
        if overflow { None } else { total.checked_add(current).and_then(|n| Number::new(n, 1)) };
    Ok((
        accepted,
        Amount { value, digits: false, scaled: last_scale != i64::MAX, year_like: false },
    ))
}

/// Parses ASCII digits with optional `,` grouping (or no-break/thin-space grouping) and an
/// optional decimal part. Returns the value text without separators and whether it was grouped.
///
/// `digits = group { sep group3 } [ "." digit { digit } ] | digit { digit } [ "." digit { digit } ] ;`
pub(crate) fn digits(i: &str) -> IResult<&str, (String, bool)> {
    let b = i.as_bytes();
    let mut pos = 0usize;
    let mut clean = String::new();
    while b.get(pos).is_some_and(u8::is_ascii_digit) {
        pos = pos.saturating_add(1);
    }
    if pos == 0 {
        return Err(super::token::fail(i));
    }
    clean.push_str(i.get(..pos).unwrap_or(""));
    let mut grouped = false;
    if pos <= 3 && !clean.starts_with('0') || pos == 1 {
        // Try grouping separators followed by exactly three digits.
        loop {
            let rest = i.get(pos..).unwrap_or("");
            let sep_len = [",", "\u{a0}", "\u{2009}", "\u{202f}", "\u{2007}"]
                .iter()
                .find(|s| rest.starts_with(**s))
                .map(|s| s.len());
            let Some(sl) = sep_len else { break };
            let after = rest.get(sl..).unwrap_or("");
            let ab = after.as_bytes();
            let three = ab.len() >= 3 && ab.iter().take(3).all(u8::is_ascii_digit);
            let fourth_digit = ab.get(3).is_some_and(u8::is_ascii_digit);
            if !three || fourth_digit {
                break;
            }
            clean.push_str(after.get(..3).unwrap_or(""));
            pos = pos.saturating_add(sl).saturating_add(3);
            grouped = true;
        }
    }
    // Decimal part.
    let rest = i.get(pos..).unwrap_or("");
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 {
            clean.push('.');
            clean.push_str(after.get(..n).unwrap_or(""));
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

/// `amount = digits [ scale ] | cardinal_words | "half" ws "a" ws scale_word ;`
///
/// Digits may be followed (glued) only by a scale suffix; any other glued letters are left for
/// the caller to accept (ordinal suffixes, units) or reject.
pub(crate) fn amount(i: &str) -> IResult<&str, Amount> {
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        let (rest, (clean, grouped)) = digits(i)?;
        let value = Number::parse_decimal(&clean);
        let year_like = !grouped && clean.len() == 4 && !clean.contains('.');
        let base = Amount { value, digits: true, scaled: false, year_like };
        // Glued scale suffix: "7bn", "1.2m"; must end at a word boundary.
        if let Ok((r, w)) = word(rest) {
            if let Some(s) = scale_suffix(w) {
                if super::token::at_boundary(r) {
                    return Ok((r, apply_scale(base, s)));
                }
            }
            return Ok((rest, base));
        }
        // Separated scale word: "7 billion", "1.5 million", "7 bn".
        if let Ok((r, _)) = joiner(rest) {
            // Only singular scale words: "7 billion", not "7 billions of".
            if let Ok((r2, s)) = word_class(r, |w| scale_value(w).filter(|_| !w.ends_with('s'))) {
                return Ok((r2, apply_scale(base, s)));
            }
        }
        return Ok((rest, base));
    }
    // "half a million".
    if let Ok((r, _)) = kw("half").parse(i) {
        if let Ok((r, _)) = ws(r) {
            if let Ok((r, _)) = word_class(r, |w| matches!(w, "a" | "an").then_some(())) {
                if let Ok((r, _)) = ws(r) {
                    if let Ok((r, s)) = word_class(r, scale_value) {
                        let base = Amount {
                            value: Number::new(1, 2),
                            digits: false,
                            scaled: false,
                            year_like: false,
                        };
                        return Ok((r, apply_scale(base, s)));
                    }
                }
            }
        }
    }
    let (rest, a) = match cardinal_words(i) {
        Ok(x) => x,
        Err(_) => return article_dozen(i),
    };
    // "two dozen".
    if let Ok((r, _)) = joiner(rest) {
        if let Ok((r2, _)) = kw("dozen").parse(r) {
            let value = a.value.and_then(|v| v.checked_mul(Number::from_int(12)));
            return Ok((r2, Amount { value, ..a }));
        }
    }
    Ok((rest, a))
}

/// "a dozen" (the article form is not a cardinal on its own).
pub(crate) fn article_dozen(i: &str) -> IResult<&str, Amount> {
    let (r, _) = word_class(i, |w| matches!(w, "a" | "an").then_some(()))?;
    let (r, _) = ws(r)?;
    let (r, _) = kw("dozen").parse(r)?;
    Ok((
        r,
        Amount {
            value: Some(Number::from_int(12)),
            digits: false,
            scaled: false,
            year_like: false,
        },
    ))
}

fn apply_scale(a: Amount, s: i64) -> Amount {
    let value = a.value.and_then(|v| v.checked_mul(Number::from_int(s)));
    Amount { value, scaled: true, year_like: false, ..a }
}

/// Recovers the scale multiplier of a scaled amount written with a scale word (for ranges).
pub(crate) fn trailing_scale(text: &str) -> Option<i64> {
    let t = text.trim_end();
    let start = t.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |p| p.saturating_add(1));
    let w = t.get(start..)?;
    super::token::with_lower(w, scale_value).flatten().or_else(|| scale_suffix(w))
}

/// The dash or word joining the two ends of a range: `-`, `–`, "to", "or".
pub(crate) fn range_joiner(i: &str) -> IResult<&str, &'static str> {
    if let Ok((r, ())) = range_dash(i) {
        return Ok((r, "-"));
    }
    let (r, _) = ws(i)?;
    let (r, w) = word_class(r, |w| match w {
        "to" => Some("to"),
        "or" => Some("or"),
        _ => None,
    })?;
    let (r, _) = ws(r)?;
    Ok((r, w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("half a million", "500000", ""),
            ("three hundred thousand", "300000", ""),
            ("two million five hundred thousand and one", "2500001", ""),
            ("1\u{a0}000 km", "1000", " km"),
            ("192.", "192", "."),
            ("four and five", "4", " and five"),
            ("three four", "3", " four"),
        ] {
            assert_eq!(val(input), (want.to_string(), rest), "input: {input:?}");
        }
    }

    #[test]
    fn err_amount_rejects() {
        for input in ["192.168.1.2", "10:30", "a", "an hour", "tenants", "and"] {
            assert!(amount(input).is_err(), "input: {input:?}");
        }
    }

    #[test]
    fn err_amount_overflow_is_flagged() {
        let (_, a) = amount(&"9".repeat(400)).unwrap();
        assert_eq!(a.value, None);
        let (_, a) = amount("999999999999999999999999999999999999 trillion").unwrap();
        assert_eq!(a.value, None);
    }
}
