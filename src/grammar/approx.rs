//! Qualifiers: the words before or after an amount that bound it.
//!
//! ```text
//! qualifier = "at" ws "least" | "at" ws "most" | "no" ws ( "fewer" | "less" | "more" ) ws "than"
//!           | "more" ws "than" | "over" | "upwards" ws "of" | "up" ws "to" | "as" ws "many" ws "as"
//!           | ( "fewer" | "less" ) ws "than" | "under" | "below" | "above" | "nearly" | "almost"
//!           | "close" ws "to" | "about" | "around" | "roughly" | "approximately" | "some"
//!           | [ "an" ws ] "estimated" | "exactly" | "precisely" | "only" | "just" [ ws ( "over" | "under" ) ]
//!           | "all" | "well" ws ( "over" | "above" ) | "between" | "from" ;
//! post_qualifier = ws "or" ws "more" | ws "or" ws "so" | [ "-" | ws ] "plus" ;
//! ```

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

/// `qualifier` (see the module grammar); consumes the trailing whitespace.
pub(crate) fn qualifier(i: &str) -> IResult<&str, Qual> {
    let (r, first) = word_class(i, |w| Some(w.to_owned()))?;
    let found = match first.as_str() {
        "at" => then(r, &["least"])
            .map(|r| (r, Qual::AtLeast))
            .or_else(|| then(r, &["most"]).map(|r| (r, Qual::AtMost))),
        "no" => then(r, &["fewer", "than"])
            .or_else(|| then(r, &["less", "than"]))
            .map(|r| (r, Qual::AtLeast))
            .or_else(|| then(r, &["more", "than"]).map(|r| (r, Qual::AtMost))),
        "more" => then(r, &["than"]).map(|r| (r, Qual::MoreThan)),
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
        "fewer" | "less" => then(r, &["than"]).map(|r| (r, Qual::FewerThan)),
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
    /// "or more", "plus", "-plus", "and counting".
    OrMore,
    /// "or so".
    OrSo,
}

/// `post_qualifier = ws "or" ws "more" | ws "or" ws "so" | [ "-" | ws ] "plus" | ws "and" ws "counting" ;`
pub(crate) fn post_qualifier(i: &str) -> IResult<&str, PostQual> {
    if let Some(r) = i.strip_prefix("-plus").or_else(|| i.strip_prefix('+')) {
        if super::token::at_boundary(r) {
            return Ok((r, PostQual::OrMore));
        }
    }
    if let Some(r) = then(i, &["or", "more"]) {
        return Ok((r, PostQual::OrMore));
    }
    if let Some(r) = then(i, &["or", "so"]) {
        return Ok((r, PostQual::OrSo));
    }
    if let Some(r) = then(i, &["and", "counting"]) {
        return Ok((r, PostQual::OrMore));
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
        ] {
            assert_eq!(qualifier(input), Ok((rest, want)), "input: {input:?}");
        }
    }

    #[test]
    fn err_qualifier_rows() {
        for input in ["at home", "more people", "atleast 4", "up 5"] {
            assert!(qualifier(input).is_err(), "input: {input:?}");
        }
    }

    #[test]
    fn post_qualifier_rows() {
        assert_eq!(post_qualifier(" or more people"), Ok((" people", PostQual::OrMore)));
        assert_eq!(post_qualifier("-plus years"), Ok((" years", PostQual::OrMore)));
        assert_eq!(post_qualifier(" or so"), Ok(("", PostQual::OrSo)));
        assert!(post_qualifier(" or four").is_err());
    }
}
