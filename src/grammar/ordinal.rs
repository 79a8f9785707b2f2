//! Ordinals ("the seventh round", "7th", "a fifth American") and fractions ("two-thirds",
//! "a quarter", "half of").
//!
//! ```text
//! ordinal  = digit { digit } ( "st" | "nd" | "rd" | "th" ) | [ tens_word joiner ] ordinal_word ;
//! fraction = ( cardinal_word | "a" | "an" ) joiner fraction_word | "half" ;
//! ordinal_word  = "second" | "third" | … | "tenth" | "eleventh" | … | "twentieth" | … | "hundredth" ;
//! fraction_word = "half" | "halves" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths" | … ;
//! ```
//!
//! "first" is deliberately not an ordinal in words: in news text it is almost always an
//! adverb or adjective ("first reported", "the first time"), never a count. "1st" is.

use super::number::small_number_word;
use super::token::{joiner, kw, word, word_class};
use crate::number::Number;
use nom::{IResult, Parser};

/// An ordinal word (lower-case) to its value; "first" is excluded (see the module docs).
pub(crate) fn ordinal_word(w: &str) -> Option<i64> {
    Some(match w {
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        _ => return None,
    })
}

/// `ordinal` (see the module grammar).
pub(crate) fn ordinal(i: &str) -> IResult<&str, i64> {
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        let n = i.bytes().take_while(u8::is_ascii_digit).count();
        let digits = i.get(..n).unwrap_or("");
        let rest = i.get(n..).unwrap_or("");
        let (r, suffix) = word(rest)?;
        let v: i64 = digits.parse().map_err(|_| super::token::fail(i))?;
        let want = match (v % 100, v % 10) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        if suffix.eq_ignore_ascii_case(want) && super::token::at_boundary(r) {
            return Ok((r, v));
        }
        return Err(super::token::fail(i));
    }
    // "twenty-first", "thirty-second".
    if let Ok((r, (tens, super::number::Tok::Tens))) = word_class(i, small_number_word) {
        if let Ok((r, ())) = joiner(r) {
            let unit = word_class(r, |w| {
                if w == "first" {
                    Some(1)
                } else {
                    ordinal_word(w).filter(|v| *v < 10)
                }
            });
            if let Ok((r, u)) = unit {
                return Ok((r, tens.saturating_add(u)));
            }
        }
    }
    word_class(i, ordinal_word)
}

/// The denominator named by a fraction word, and whether the word is plural.
fn fraction_word(w: &str) -> Option<(i64, bool)> {
    Some(match w {
        "half" => (2, false),
        "halves" => (2, true),
        "third" => (3, false),
        "thirds" => (3, true),
        "quarter" => (4, false),
        "quarters" => (4, true),
        "fourth" => (4, false),
        "fourths" => (4, true),
        "fifth" => (5, false),
        "fifths" => (5, true),
        "sixth" => (6, false),
        "sixths" => (6, true),
        "seventh" => (7, false),
        "sevenths" => (7, true),
        "eighth" => (8, false),
        "eighths" => (8, true),
        "ninth" => (9, false),
        "ninths" => (9, true),
        "tenth" => (10, false),
        "tenths" => (10, true),
        _ => return None,
    })
}

/// `fraction` (see the module grammar). "a fifth" is a fraction only when "of" follows (else it
/// is an ordinal: "a fifth American"); "a quarter" and "a half" always are.
pub(crate) fn fraction(i: &str) -> IResult<&str, Number> {
    let (r, numer) = word_class(i, |w| match w {
        "a" | "an" | "one" => Some(1),
        _ => small_number_word(w).map(|(v, _)| v).filter(|v| (2..=9).contains(v)),
    })?;
    let (r, ()) = joiner(r)?;
    let (r2, (den, plural)) = word_class(r, fraction_word)?;
    if plural != (numer > 1) && den != 4 {
        return Err(super::token::fail(i));
    }
    let is_article = i.get(..1).is_some_and(|a| a.eq_ignore_ascii_case("a"));
    let of_follows = super::token::ws(r2).ok().is_some_and(|(r3, _)| {
        word_class(r3, |w| {
            matches!(w, "of" | "more" | "less" | "fewer" | "higher" | "lower").then_some(())
        })
        .is_ok()
    });
    let quarter_or_half = r
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("half") || w.eq_ignore_ascii_case("quar"));
    if is_article && !(quarter_or_half || of_follows) {
        return Err(super::token::fail(i));
    }
    let v = Number::new(i128::from(numer), i128::from(den)).ok_or_else(|| super::token::fail(i))?;
    Ok((r2, v))
}

/// Bare "half" followed by "of" or "the" ("half of the prisoners").
pub(crate) fn bare_half(i: &str) -> IResult<&str, Number> {
    let (r, _) = kw("half").parse(i)?;
    let (r2, _) = super::token::ws(r)?;
    if word_class(r2, |w| matches!(w, "of" | "the" | "their" | "its").then_some(())).is_ok() {
        Ok((r, Number::new(1, 2).ok_or_else(|| super::token::fail(i))?))
    } else {
        Err(super::token::fail(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinal_rows() {
        for (input, want, rest) in [
            ("seventh round", 7, " round"),
            ("7th round", 7, " round"),
            ("21st century", 21, " century"),
            ("2nd", 2, ""),
            ("Twenty-first", 21, ""),
            ("fifth American", 5, " American"),
        ] {
            assert_eq!(ordinal(input), Ok((rest, want)), "input: {input:?}");
        }
        for bad in ["first", "7st", "21th", "7thx", "seven"] {
            assert!(ordinal(bad).is_err(), "input: {bad:?}");
        }
    }

    #[test]
    fn fraction_rows() {
        for (input, want, rest) in [
            ("one-third of", "1/3", " of"),
            ("two-thirds of", "2/3", " of"),
            ("a quarter of", "0.25", " of"),
            ("three quarters", "0.75", ""),
            ("a fifth of the", "0.2", " of the"),
            ("a third more", "1/3", " more"),
        ] {
            let (r, v) = fraction(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!((v.to_string().as_str(), r), (want, rest), "input: {input:?}");
        }
        for bad in ["a fifth American", "a fourth American", "two-third", "one thirds"] {
            assert!(fraction(bad).is_err(), "input: {bad:?}");
        }
    }
}
