//! Vague quantities, each mapped to a documented interval.
//!
//! ```text
//! vague = "several" | [ "a" ws ] "few" | "a" ws "handful" | "a" ws "couple" [ ws "of" ]
//!       | ( "dozens" | "scores" | "hundreds" | "thousands" | "millions" | "billions" )
//!         [ ws "of" ws ( "thousands" | "millions" | "billions" ) ]
//!       | "tens" ws "of" ws ( "thousands" | "millions" | "billions" ) ;
//! ```
//!
//! | words | interval |
//! |---|---|
//! | a couple (of) | 2 ..= 2 (approximate) |
//! | a few | 2 ..= 5 |
//! | a handful | 2 ..= 6 |
//! | several | 3 ..= 9 ("several hundred": 300 ..= 900) |
//! | dozens | 24 ..= 99 |
//! | scores | 40 ..= 199 |
//! | hundreds | 200 ..= 999 |
//! | thousands | 2,000 ..= 9,999 |
//! | tens of thousands | 20,000 ..= 99,999 |
//! | hundreds of thousands | 200,000 ..= 999,999 |
//! | millions | 2,000,000 ..= 9,999,999 |
//! | billions | 2,000,000,000 ..= 9,999,999,999 |

use super::number::scale_value;
use super::token::{kw, word_class, ws};
use crate::number::Number;
use nom::{IResult, Parser};

/// The interval of a vague quantity, and whether it is merely approximate ("a couple").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Vague {
    pub low: Number,
    pub high: Number,
    pub approximate_only: bool,
}

fn v(low: i64, high: i64) -> Vague {
    Vague { low: Number::from_int(low), high: Number::from_int(high), approximate_only: false }
}

fn plural_magnitude(w: &str) -> Option<i64> {
    match w {
        "dozens" => Some(12),
        "scores" => Some(20),
        "hundreds" => Some(100),
        "thousands" => Some(1_000),
        "millions" => Some(1_000_000),
        "billions" => Some(1_000_000_000),
        _ => None,
    }
}

/// `vague` (see the module grammar). Does not consume a following "of" unless it belongs to
/// the quantity ("tens of thousands", "a couple of").
pub(crate) fn vague(i: &str) -> IResult<&str, Vague> {
    let (r, lower) = word_class(i, super::token::Lower::new)?;
    let first = lower.as_str();
    match first {
        "several" => {
            // "several hundred", "several dozen", "several thousand".
            if let Ok((r1, _)) = ws(r) {
                if let Ok((r2, m)) = word_class(r1, |w| match w {
                    "dozen" => Some(12),
                    "hundred" => Some(100),
                    "thousand" | "million" | "billion" => scale_value(w),
                    _ => None,
                }) {
                    let f = Number::from_int(m);
                    let low = Number::from_int(3).checked_mul(f).unwrap_or(f);
                    let high = Number::from_int(9).checked_mul(f).unwrap_or(f);
                    return Ok((r2, Vague { low, high, approximate_only: false }));
                }
            }
            return Ok((r, v(3, 9)));
        }
        "few" => return Err(super::token::fail(i)),
        "a" => {
            let (r, _) = ws(r)?;
            let (r, w) = word_class(r, |w| match w {
                "few" => Some(v(2, 5)),
                "handful" => Some(v(2, 6)),
                "couple" => Some(Vague { approximate_only: true, ..v(2, 2) }),
                _ => None,
            })?;
            return Ok((r, w));
        }
        "tens" => {
            let (r, _) = ws(r)?;
            let (r, _) = kw("of").parse(r)?;
            let (r, _) = ws(r)?;
            let (r, m) = word_class(r, |w| match w {
                "thousands" | "millions" | "billions" => plural_magnitude(w),
                _ => None,
            })?;
            return Ok((r, scaled(v(2, 9), 10, m)));
        }
        _ => {}
    }
    let Some(mag) = plural_magnitude(first) else {
        return Err(super::token::fail(i));
    };
    let base = match first {
        "dozens" => v(24, 99),
        "scores" => v(40, 199),
        _ => v(2, 9),
    };
    // "hundreds of thousands", "thousands of millions".
    if let Ok((r1, _)) = ws(r) {
        if let Ok((r2, _)) = kw("of").parse(r1) {
            if let Ok((r3, _)) = ws(r2) {
                if let Ok((r4, m)) = word_class(r3, |w| match w {
                    "thousands" | "millions" | "billions" => plural_magnitude(w),
                    _ => None,
                }) {
                    if mag != 12 && mag != 20 {
                        return Ok((r4, scaled(v(2, 9), mag, m)));
                    }
                }
            }
        }
    }
    if mag == 12 || mag == 20 {
        return Ok((r, base));
    }
    Ok((r, scaled(base, mag, 1)))
}

fn scaled(base: Vague, a: i64, b: i64) -> Vague {
    let f = Number::from_int(a).checked_mul(Number::from_int(b)).unwrap_or(Number::ONE);
    let low = base.low.checked_mul(f).unwrap_or(base.low);
    // "hundreds" is 200..=999: high is (9 * 100) + 99.
    let high = Number::from_int(10)
        .checked_mul(f)
        .and_then(|x| x.checked_sub(Number::ONE))
        .unwrap_or(base.high);
    Vague { low, high, approximate_only: false }
}

/// True for words that can start a vague quantity (for the candidate scan).
pub(crate) fn is_vague_start(w: &str) -> bool {
    matches!(
        w,
        "several"
            | "dozens"
            | "scores"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "tens"
    ) || scale_value(w).is_some() && w.ends_with('s')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(i: &str) -> (String, String, &str) {
        let (r, v) = vague(i).unwrap_or_else(|e| panic!("{i:?}: {e:?}"));
        (v.low.to_string(), v.high.to_string(), r)
    }

    #[test]
    fn vague_rows() {
        for (input, lo, hi, rest) in [
            ("several Iranians", "3", "9", " Iranians"),
            ("several hundred staff", "300", "900", " staff"),
            ("several dozen", "36", "108", ""),
            ("dozens of dual", "24", "99", " of dual"),
            ("a handful of", "2", "6", " of"),
            ("a few weeks", "2", "5", " weeks"),
            ("hundreds of families", "200", "999", " of families"),
            ("thousands of people", "2000", "9999", " of people"),
            ("tens of thousands of", "20000", "99999", " of"),
            ("hundreds of thousands", "200000", "999999", ""),
            ("millions", "2000000", "9999999", ""),
        ] {
            assert_eq!(iv(input), (lo.to_string(), hi.to_string(), rest), "input: {input:?}");
        }
    }

    #[test]
    fn err_vague_rows() {
        for input in ["few", "a lot", "many", "tens"] {
            assert!(vague(input).is_err(), "input: {input:?}");
        }
    }
}
