//! Ordinals ("the seventh round", "7th", "a fifth American", "one hundred twenty-fifth") and
//! fractions ("two-thirds", "a quarter", "half of", "twenty-three fifths", "a hundredth").
//!
//! ```text
//! ordinal  = digit { digit } ( "st" | "nd" | "rd" | "th" ) | cardinal_words joiner ordinal_word_or_first
//!          | ordinal_word ;
//! fraction = ( cardinal_words | "a" | "an" ) joiner fraction_word ;
//! fraction_head = "half" | "quarter" | ( "a" | "an" | "one" ) ws fraction_word | unit_word ws fraction_words ;
//! fraction_part = fraction_head - "quarter" ;                  (* after "and" in mixed numbers *)
//! ordinal_word  = "second" | "third" | … | "tenth" | "eleventh" | … | "twentieth" | … | "hundredth"
//!               | "thousandth" | "millionth" | "billionth" | "trillionth" ;
//! fraction_word = "half" | "halves" | "quarter" | "quarters" | ordinal_word [ "s" ] ;  (* not "second" *)
//! ```
//!
//! "first" is deliberately not an ordinal on its own: in news text it is almost always an
//! adverb or adjective ("first reported", "the first time"), never a count. "1st" is, and so is
//! "twenty-first". "a fifth" is a fraction before "of" or at the end of a clause ("a fifth of
//! the vote", "rose by a fifth."), an ordinal before a noun ("a fifth American").

use super::number::{self, small_number_word};
use super::token::{joiner, kw, word, word_class, ws};
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
        "ninth" | "nineth" => 9,
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
        "billionth" => 1_000_000_000,
        "trillionth" => 1_000_000_000_000,
        "quadrillionth" => 1_000_000_000_000_000,
        _ => return None,
    })
}

/// `ordinal` (see the module grammar).
pub(crate) fn ordinal(i: &str) -> IResult<&str, i64> {
    ordinal_with(i, None)
}

/// [`ordinal`], with the number words at `i` when the caller read them.
pub(crate) fn ordinal_with<'a>(
    i: &'a str,
    words: Option<&number::WordCardinals<'a>>,
) -> IResult<&'a str, i64> {
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
    // "twenty-first", "one hundred twenty-fifth", "two hundredth".
    let ordinal_words = words.map_or_else(|| number::ordinal_words(i), |w| w.ordinal());
    if let Ok((r, v)) = ordinal_words {
        if let Some(v) = v.to_i64() {
            return Ok((r, v));
        }
    }
    word_class(i, ordinal_word)
}

/// The denominator named by a fraction word, and whether the word is plural.
pub(crate) fn fraction_word(w: &str) -> Option<(i64, bool)> {
    Some(match w {
        "half" => (2, false),
        "halves" => (2, true),
        "quarter" => (4, false),
        "quarters" => (4, true),
        "second" | "seconds" => return None,
        _ => match ordinal_word(w) {
            Some(d) => (d, false),
            None => (ordinal_word(w.strip_suffix('s')?)?, true),
        },
    })
}

/// `compound_fraction_word = tens_word joiner ( "first" | ordinal_word ) [ "s" ] ;`
/// ("twenty-fifth", "twenty firsts"): the denominator and whether it is plural.
fn compound_fraction_word(i: &str) -> IResult<&str, (i64, bool)> {
    let (r, (tens, tok)) = word_class(i, small_number_word)?;
    if tok != number::Tok::Tens {
        return Err(super::token::fail(i));
    }
    let (r, ()) = joiner(r)?;
    let unit = |w: &str| match w {
        "first" => Some((1, false)),
        "firsts" => Some((1, true)),
        _ => fraction_word(w).filter(|(d, _)| (3..10).contains(d) && !w.starts_with("quarter")),
    };
    let (r, (u, plural)) = word_class(r, unit)?;
    Ok((r, (tens.saturating_add(u), plural)))
}

/// True when "of" (or a comparative) follows: "a fifth of", "a third more".
fn of_follows(i: &str) -> bool {
    ws(i).ok().is_some_and(|(r, _)| {
        word_class(r, |w| {
            matches!(w, "of" | "more" | "less" | "fewer" | "higher" | "lower").then_some(())
        })
        .is_ok()
    })
}

/// `fraction` (see the module grammar). "a fifth" is a fraction only when "of" follows or the
/// clause ends (else it is an ordinal: "a fifth American"); "a quarter" and "a half" always
/// are. "one hundredth" and smaller units follow the same rule ("the one hundredth
/// anniversary" is a rank). `words` are the number words at `i`, when the caller has read
/// them ([`number::WordCardinals`]).
pub(crate) fn fraction<'a>(
    i: &'a str,
    words: Option<&number::WordCardinals<'a>>,
) -> IResult<&'a str, Number> {
    let article = word_class(i, |w| matches!(w, "a" | "an").then_some(())).is_ok();
    let cardinal = words.map_or_else(|| number::cardinal_words(i), |w| w.number());
    let (r, numer, is_article) = match cardinal {
        Ok((r, a)) => {
            let n = a.value.and_then(|v| v.to_i64()).ok_or_else(|| super::token::fail(i))?;
            (r, n, false)
        }
        Err(_) if article => {
            let (r, _) = word(i)?;
            (r, 1, true)
        }
        Err(e) => return Err(e),
    };
    if numer < 1 {
        return Err(super::token::fail(i));
    }
    let (r, ()) = joiner(r)?;
    let (r2, (den, plural)) =
        compound_fraction_word(r).or_else(|_| word_class(r, fraction_word))?;
    if plural != (numer > 1) && den != 4 {
        return Err(super::token::fail(i));
    }
    // "four quarters" are periods of a year more often than a whole.
    if den == 4 && numer >= 4 {
        return Err(super::token::fail(i));
    }
    let ends = number::clause_end(r2) || of_follows(r2);
    let quarter_or_half =
        den == 2 || (den == 4 && !r.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("fourth")));
    if is_article && !(quarter_or_half || ends) {
        return Err(super::token::fail(i));
    }
    if numer == 1 && den >= 100 && !ends {
        return Err(super::token::fail(i));
    }
    let v = Number::new(i128::from(numer), i128::from(den)).ok_or_else(|| super::token::fail(i))?;
    Ok((r2, v))
}

/// `fraction_head = "half" | "quarter" | ( "a" | "an" | "one" ) ws fraction_word
///                | unit_word ws fraction_words ;` (before a scale word: "half a million",
/// "three quarters of a billion").
pub(crate) fn fraction_head(i: &str) -> IResult<&str, Number> {
    if let Ok((r, d)) = word_class(i, |w| match w {
        "half" => Some(2),
        "quarter" => Some(4),
        _ => None,
    }) {
        return Ok((r, Number::new(1, d).ok_or_else(|| super::token::fail(i))?));
    }
    let (r, v, _) = fraction_part(i).ok_or_else(|| super::token::fail(i))?;
    Ok((r, v))
}

/// `fraction_part = "half" | ( "a" | "an" | "one" ) ws fraction_word | unit_word ws fraction_words ;`
///
/// The fraction of a mixed number after "and"; returns the rest, the value and the denominator.
pub(crate) fn fraction_part(i: &str) -> Option<(&str, Number, i64)> {
    if let Ok((r, _)) = kw("half").parse(i) {
        return Some((r, Number::new(1, 2)?, 2));
    }
    let (r, numer) = word_class(i, |w| match w {
        "a" | "an" | "one" => Some(1),
        _ => small_number_word(w).map(|(v, _)| v).filter(|v| (2..=99).contains(v)),
    })
    .ok()?;
    let (r, ()) = joiner(r).ok()?;
    let (r, (den, plural)) = word_class(r, fraction_word).ok()?;
    if plural != (numer > 1) && den != 4 {
        return None;
    }
    Some((r, Number::new(i128::from(numer), i128::from(den))?, den))
}

/// Bare "half" followed by "of" or the ("half of the prisoners").
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
            ("one hundred twenty fifth", 125, ""),
            ("two hundredth", 200, ""),
            ("trillionth", 1_000_000_000_000, ""),
            ("Nineth Meeting", 9, " Meeting"),
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
            ("a fifth", "0.2", ""),
            ("a hundredth", "0.01", ""),
            ("twenty-three fifths", "4.6", ""),
            ("a hundred trillionths", "0.0000000001", ""),
            ("one twenty-fifth", "0.04", ""),
            ("three twenty-firsts", "1/7", ""),
            ("twenty twenty fifths", "0.8", ""),
        ] {
            let (r, v) = fraction(input, None).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!((v.to_string().as_str(), r), (want, rest), "input: {input:?}");
        }
        for bad in [
            "a fifth American",
            "a fourth American",
            "two-third",
            "one thirds",
            "four quarters",
            "one hundredth anniversary",
            "twenty fifth anniversary",
            "a twenty-first century",
        ] {
            assert!(fraction(bad, None).is_err(), "input: {bad:?}");
        }
    }
}
