//! Qualifiers: the words before or after an amount that bound it.
//!
//! ```text
//! qualifier = "at" ws "least" [ or_equal ] | "at" ws "most" [ or_equal ]
//!           | "no" ws ( "fewer" | "less" | "more" | "greater" | … ) ws "than"
//!           | "not" ws ( "more" | "less" | "fewer" ) ws "than"
//!           | comparative ws "than" [ ws or_equal ] | comparative ws or_equal ws ( "than" | "to" )
//!           | "equal" ws "to" [ ws "or" ws comparative ws "than" ]
//!           | "over" | "upwards" ws "of" | "up" ws "to" | "as" ws "many" ws "as" | "under" | "below"
//!           | "above" | "exceed" | "exceeds" | "exceeded" | "exceeding" | "surpass" | …
//!           | "in" ws "excess" ws "of" | "nearly" | "almost" | "close" ws "to" | "about" | "around"
//!           | "roughly" | "approximately" | "some" | [ "an" ws ] "estimated" | "exactly" | "precisely"
//!           | "only" | "just" [ ws ( "over" | "under" ) ] | "all" | "well" ws ( "over" | "above" )
//!           | "between" | "from" | symbol ;
//! comparative = "more" | "greater" | "larger" | "bigger" | "higher"        (* lower bound *)
//!             | "less" | "fewer" | "smaller" | "lower" ;                  (* upper bound *)
//! or_equal  = "or" ws "equal" [ ws "to" ] ;
//! symbol    = ( ">" | "<" ) [ ws ] [ "=" ] | "≥" | "≤" ;
//! post_qualifier = ws "or" ws ( "more" | "greater" | "higher" | "above" | "over" ) [ ws "than" ]
//!                | ws "or" ws ( "less" | "fewer" | "lower" | "below" | "under" ) [ ws "than" ]
//!                | ws "and" ws ( "more" | "above" | "over" | "counting" )
//!                | ws "or" ws "equal" [ ws "to" ] | ws "or" ws "so" | [ "-" | ws ] "plus" ;
//! ```
//!
//! A post-qualifier is not read when a number follows it ("200 or greater than 190": the second
//! comparison is a claim of its own).

use super::token::{kw, word_class, ws};
use nom::{IResult, Parser};

/// A qualifier before an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Qual {
    /// "exactly", "only", "all", "just".
    Exact,
    /// "at least", "no fewer than".
    AtLeast,
    /// "more than", "over", "upwards of", "above".
    MoreThan,
    /// "at most", "up to", "no more than", "as many as".
    AtMost,
    /// "fewer than", "less than", "under", "below".
    FewerThan,
    /// "about", "around", "roughly", "approximately", "some", "an estimated".
    About,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "just over", "a little over".
    JustOver,
    /// "between": a range follows with "and".
    Between,
    /// "from": a range follows with "to".
    From,
}

fn then<'a>(i: &'a str, words: &[&'static str]) -> Option<&'a str> {
    let mut r = i;
    for w in words {
        let (r1, _) = ws(r).ok()?;
        let (r2, _) = kw(w).parse(r1).ok()?;
        r = r2;
    }
    Some(r)
}

/// Lower-bound ("more") and upper-bound ("less") comparatives.
fn comparative(w: &str) -> Option<bool> {
    match w {
        "more" | "greater" | "larger" | "bigger" | "higher" => Some(true),
        "less" | "fewer" | "smaller" | "lower" => Some(false),
        _ => None,
    }
}

/// `or_equal = ws "or" ws "equal" [ ws "to" ] ;` after a comparison.
fn or_equal(i: &str) -> Option<&str> {
    let r = then(i, &["or", "equal"])?;
    Some(then(r, &["to"]).unwrap_or(r))
}

/// `symbol = ( ">" | "<" ) [ ws ] [ "=" ] | "≥" | "≤" ;` with the whitespace after it.
fn symbol(i: &str) -> Option<(&str, Qual)> {
    let (r, q) = if let Some(r) = i.strip_prefix('\u{2265}') {
        (r, Qual::AtLeast)
    } else if let Some(r) = i.strip_prefix('\u{2264}') {
        (r, Qual::AtMost)
    } else {
        let (r, lower) = match i.strip_prefix('>') {
            Some(r) => (r, true),
            None => (i.strip_prefix('<')?, false),
        };
        let t = r.trim_start_matches(' ');
        match t.strip_prefix('=') {
            Some(r2) => (r2, if lower { Qual::AtLeast } else { Qual::AtMost }),
            None => (r, if lower { Qual::MoreThan } else { Qual::FewerThan }),
        }
    };
    let r = r.trim_start_matches(' ');
    r.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '\u{2212}' || c == '.')
        .then_some((r, q))
}

/// `qualifier` (see the module grammar); consumes the trailing whitespace.
pub(crate) fn qualifier(i: &str) -> IResult<&str, Qual> {
    if let Some(found) = symbol(i) {
        return Ok(found);
    }
    let (r, lower) = word_class(i, super::token::Lower::new)?;
    let first = lower.as_str();
    let found = match first {
        "at" => then(r, &["least"])
            .map(|r| (or_equal(r).unwrap_or(r), Qual::AtLeast))
            .or_else(|| then(r, &["most"]).map(|r| (or_equal(r).unwrap_or(r), Qual::AtMost))),
        // "no more than" bounds from above, "no fewer than" from below.
        "no" | "not" => {
            ws(r).ok().and_then(|(r1, _)| word_class(r1, comparative).ok()).and_then(|(r2, w)| {
                then(r2, &["than"]).map(|r3| (r3, if w { Qual::AtMost } else { Qual::AtLeast }))
            })
        }
        w if comparative(w).is_some() => {
            let lower = comparative(w) == Some(true);
            let (inclusive, exclusive) = if lower {
                (Qual::AtLeast, Qual::MoreThan)
            } else {
                (Qual::AtMost, Qual::FewerThan)
            };
            // "more than or equal to", "higher or equal than", "less or equal to".
            then(r, &["than"])
                .map(|r2| match or_equal(r2) {
                    Some(r3) => (r3, inclusive),
                    None => (r2, exclusive),
                })
                .or_else(|| {
                    let r2 = or_equal(r)?;
                    Some((then(r2, &["than"]).unwrap_or(r2), inclusive))
                })
        }
        // "equal to", "equal to or more than", "equal to or less than".
        "equal" => then(r, &["to"]).map(|r| {
            let cmp = then(r, &["or"]).and_then(|r2| {
                let (r3, lower) = ws(r2).ok().and_then(|(r, _)| word_class(r, comparative).ok())?;
                Some((then(r3, &["than"])?, if lower { Qual::AtLeast } else { Qual::AtMost }))
            });
            cmp.unwrap_or((r, Qual::Exact))
        }),
        "exceed" | "exceeds" | "exceeded" | "exceeding" | "surpass" | "surpasses" | "surpassed"
        | "surpassing" => Some((r, Qual::MoreThan)),
        "in" => then(r, &["excess", "of"]).map(|r| (r, Qual::MoreThan)),
        "over" | "above" => Some((r, Qual::MoreThan)),
        "upwards" | "upward" => then(r, &["of"]).map(|r| (r, Qual::MoreThan)),
        "well" => then(r, &["over"])
            .or_else(|| then(r, &["above"]))
            .or_else(|| then(r, &["more", "than"]))
            .map(|r| (r, Qual::MoreThan)),
        "up" => then(r, &["to"]).map(|r| (r, Qual::AtMost)),
        "as" => {
            then(r, &["many", "as"]).or_else(|| then(r, &["much", "as"])).map(|r| (r, Qual::AtMost))
        }
        "under" | "below" => Some((r, Qual::FewerThan)),
        "nearly" | "almost" => Some((r, Qual::Nearly)),
        "close" => then(r, &["to"]).map(|r| (r, Qual::Nearly)),
        "about" | "around" | "roughly" | "approximately" | "some" | "circa" | "estimated"
        | "approx" => Some((r, Qual::About)),
        "an" => then(r, &["estimated"]).map(|r| (r, Qual::About)),
        "exactly" | "precisely" | "only" | "all" => Some((r, Qual::Exact)),
        "just" => then(r, &["over"])
            .or_else(|| then(r, &["above"]))
            .or_else(|| then(r, &["more", "than"]))
            .map(|r| (r, Qual::JustOver))
            .or_else(|| {
                then(r, &["under"])
                    .or_else(|| then(r, &["below"]))
                    .or_else(|| then(r, &["shy", "of"]))
                    .map(|r| (r, Qual::Nearly))
            })
            .or(Some((r, Qual::Exact))),
        "a" => then(r, &["little", "over"])
            .or_else(|| then(r, &["little", "more", "than"]))
            .map(|r| (r, Qual::JustOver)),
        "between" => Some((r, Qual::Between)),
        "from" => Some((r, Qual::From)),
        _ => None,
    };
    let Some((r, q)) = found else {
        return Err(super::token::fail(i));
    };
    // "approx." keeps its period.
    let r = if first == "approx" { r.strip_prefix('.').unwrap_or(r) } else { r };
    let (r, _) = ws(r)?;
    Ok((r, q))
}

/// A qualifier after the amount (and its unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PostQual {
    /// "or more", "plus", "-plus", "and counting", "or greater", "and above".
    More,
    /// "or less", "or fewer", "or below".
    Less,
    /// "or equal", "or equal to" (after "more than" or "less than").
    Equal,
    /// "or so".
    So,
}

/// True when a number follows (a digit or a number word), so that the comparison belongs to it.
fn number_follows(i: &str) -> bool {
    let t = i.trim_start_matches(super::token::is_space);
    t.starts_with(|c: char| c.is_ascii_digit())
        || word_class(t, |w| {
            (super::number::small_number_word(w).is_some() || matches!(w, "a" | "an" | "the"))
                .then_some(())
        })
        .is_ok()
}

/// `post_qualifier` (see the module grammar).
pub(crate) fn post_qualifier(i: &str) -> IResult<&str, PostQual> {
    if let Some(r) = i.strip_prefix("-plus").or_else(|| i.strip_prefix('+')) {
        if super::token::at_boundary(r) {
            return Ok((r, PostQual::More));
        }
    }
    let or_word = then(i, &["or"]).and_then(|r| {
        let (r1, _) = ws(r).ok()?;
        word_class(r1, |w| match w {
            "more" | "greater" | "higher" | "above" | "over" => Some(PostQual::More),
            "less" | "fewer" | "lower" | "below" | "under" => Some(PostQual::Less),
            "equal" => Some(PostQual::Equal),
            "so" => Some(PostQual::So),
            _ => None,
        })
        .ok()
    });
    if let Some((r, p)) = or_word {
        let r = match p {
            PostQual::More | PostQual::Less => then(r, &["than"]).unwrap_or(r),
            PostQual::Equal => then(r, &["to"]).unwrap_or(r),
            PostQual::So => r,
        };
        if p != PostQual::So && number_follows(r) {
            return Err(super::token::fail(i));
        }
        return Ok((r, p));
    }
    let and_word = then(i, &["and"]).and_then(|r| {
        let (r1, _) = ws(r).ok()?;
        word_class(r1, |w| matches!(w, "more" | "above" | "over" | "counting").then_some(())).ok()
    });
    if let Some((r, ())) = and_word {
        // "5 dead and more than 20 injured": "more" belongs to the next number.
        if then(r, &["than"]).is_none() && !number_follows(r) {
            return Ok((r, PostQual::More));
        }
    }
    Err(super::token::fail(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_rows() {
        for (input, want, rest) in [
            ("at least four", Qual::AtLeast, "four"),
            ("More than 3", Qual::MoreThan, "3"),
            ("no fewer than 15", Qual::AtLeast, "15"),
            ("no more than 10", Qual::AtMost, "10"),
            ("up to ten", Qual::AtMost, "ten"),
            ("as many as 40", Qual::AtMost, "40"),
            ("fewer than 5", Qual::FewerThan, "5"),
            ("nearly $6", Qual::Nearly, "$6"),
            ("close to 6", Qual::Nearly, "6"),
            ("some two dozen", Qual::About, "two dozen"),
            ("an estimated 300", Qual::About, "300"),
            ("just over 5", Qual::JustOver, "5"),
            ("just 5", Qual::Exact, "5"),
            ("all four", Qual::Exact, "four"),
            ("between 3 and 5", Qual::Between, "3 and 5"),
            ("approx. 5", Qual::About, "5"),
            ("greater than 4,565", Qual::MoreThan, "4,565"),
            ("more than or equal to 5", Qual::AtLeast, "5"),
            ("higher or equal than one", Qual::AtLeast, "one"),
            ("less than or equal to 100", Qual::AtMost, "100"),
            ("smaller or equal than 100", Qual::AtMost, "100"),
            ("less or equal than thirty", Qual::AtMost, "thirty"),
            ("no less than 20", Qual::AtLeast, "20"),
            ("not more than 20", Qual::AtMost, "20"),
            ("at least or equal to 30", Qual::AtLeast, "30"),
            ("equal to or less than 30", Qual::AtMost, "30"),
            ("equal to or more than 30", Qual::AtLeast, "30"),
            ("equal to 5000", Qual::Exact, "5000"),
            ("exceeding 150", Qual::MoreThan, "150"),
            ("in excess of 30", Qual::MoreThan, "30"),
            (">= 30", Qual::AtLeast, "30"),
            (">30", Qual::MoreThan, "30"),
            ("< = 100", Qual::AtMost, "100"),
            ("<-30", Qual::FewerThan, "-30"),
            ("<=  -30", Qual::AtMost, "-30"),
        ] {
            assert_eq!(qualifier(input), Ok((rest, want)), "input: {input:?}");
        }
    }

    #[test]
    fn err_qualifier_rows() {
        for input in
            ["at home", "more people", "atleast 4", "up 5", "in 2019", "<br>", "lower prices"]
        {
            assert!(qualifier(input).is_err(), "input: {input:?}");
        }
    }

    #[test]
    fn post_qualifier_rows() {
        assert_eq!(post_qualifier(" or more people"), Ok((" people", PostQual::More)));
        assert_eq!(post_qualifier("-plus years"), Ok((" years", PostQual::More)));
        assert_eq!(post_qualifier(" or so"), Ok(("", PostQual::So)));
        assert_eq!(post_qualifier(" or greater"), Ok(("", PostQual::More)));
        assert_eq!(post_qualifier(" or greater than."), Ok((".", PostQual::More)));
        assert_eq!(post_qualifier(" or less in"), Ok((" in", PostQual::Less)));
        assert_eq!(post_qualifier(" and more in"), Ok((" in", PostQual::More)));
        assert_eq!(post_qualifier(" or equal to it"), Ok((" it", PostQual::Equal)));
        assert!(post_qualifier(" or four").is_err());
        assert!(post_qualifier(" or greater than 190").is_err());
        assert!(post_qualifier(" or more than 4500").is_err());
        assert!(post_qualifier(" and more than 20").is_err());
    }
}
