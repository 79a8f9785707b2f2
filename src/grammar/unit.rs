//! What follows or precedes an amount: currencies, percent signs, measure units, time units
//! and the age forms.
//!
//! ```text
//! currency_prefix = country_prefix [ " " ] "$" | "$" | "€" | "£" | "¥" | "₹" | iso_code [ ws ] ;
//! currency_suffix = [ " " ] ( "$" | "€" | "£" | "元" | "₡" | … ) ;
//! currency_word   = [ nationality ws ] ( "dollars" | "euros" | "pounds" | "yen" | "cents" | … )
//!                 | iso_code | "M" iso_code ;
//! percent         = "%" | ws ( "percent" | "per" ws "cent" | "pct" ) | ws "percentage" ws "points" ;
//! percent_of      = ( "percent" | "percents" | "per" ws "cent" ) ws "of" ws ;
//! time_unit       = "year" | "month" | "week" | "day" | "hour" | "hr" | "minute" | "min" | "second"
//!                 | "sec" | "decade" | "century" ;
//! age_suffix      = joiner "year" joiner "old" | ws "years" ws "old" | ws ( "yo" | "y.o." ) ;
//! measure_unit    = "acres" | "miles" | "mph" | "degrees" ws ( "Fahrenheit" | "Celsius" ) | … ;
//! ```

use super::token::{joiner, kw, word, word_class, ws};
use crate::number::Number;
use nom::{IResult, Parser};

/// A currency named next to an amount: its ISO 4217 code and what one of the named units is
/// worth in that code (1/100 for cents and pence, 10^6 for "MUSD").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Currency {
    pub code: &'static str,
    pub factor: Number,
    /// An ambiguous bare word ("won") that the caller accepts only with more evidence.
    pub weak: bool,
}

impl Currency {
    const fn of(code: &'static str) -> Currency {
        Currency { code, factor: Number::ONE, weak: false }
    }
}

/// Currency symbols written before the amount ("$7", "€3m"). All but "$" are non-ASCII, which
/// [`currency_prefix`] relies on to reject most inputs at once.
const PREFIX_SYMBOLS: [(&str, &str); 12] = [
    ("$", "USD"),
    ("\u{20ac}", "EUR"),
    ("\u{a3}", "GBP"),
    ("\u{a5}", "JPY"),
    ("\u{20b9}", "INR"),
    ("\u{20bd}", "RUB"),
    ("\u{fdfc}", "IRR"),
    ("\u{20a9}", "KRW"),
    ("\u{20aa}", "ILS"),
    ("\u{20ba}", "TRY"),
    ("\u{20b1}", "PHP"),
    ("\u{20a6}", "NGN"),
];

/// Currency symbols written after the amount ("10 €", "100元"). All but "$" are non-ASCII, which
/// [`currency_suffix`] relies on to reject most inputs at once.
const SUFFIX_SYMBOLS: [(&str, &str); 19] = [
    ("$", "USD"),
    ("\u{20ac}", "EUR"),
    ("\u{a3}", "GBP"),
    ("\u{a5}", "JPY"),
    ("\u{5143}", "CNY"),
    ("\u{20b9}", "INR"),
    ("\u{20bd}", "RUB"),
    ("\u{20a1}", "CRC"),
    ("\u{20be}", "GEL"),
    ("\u{20ad}", "LAK"),
    ("\u{bb0}\u{bc2}", "LKR"),
    ("\u{20a9}", "KRW"),
    ("\u{20aa}", "ILS"),
    ("\u{20ba}", "TRY"),
    ("\u{20ab}", "VND"),
    ("\u{20b1}", "PHP"),
    ("\u{20a6}", "NGN"),
    ("\u{20b4}", "UAH"),
    ("\u{20b8}", "KZT"),
];

/// A symbol or code written before an amount, mapped to its ISO 4217 code.
///
/// `currency_prefix = country_prefix [ " " ] "$" | "$" | "€" | "£" | "¥" | "₹" | … | iso_code [ ws ]
///                  | "M" iso_code ws ;` ("C$", "c $", "HK$", "Mex$", "USD 7", "USD115", "MAUD 60")
pub(crate) fn currency_prefix(i: &str) -> IResult<&str, Currency> {
    fn digit_after(r: &str) -> Option<&str> {
        let r = r.strip_prefix(' ').unwrap_or(r);
        r.starts_with(|c: char| c.is_ascii_digit()).then_some(r)
    }
    // Letters before "$", case-insensitive, optionally spaced: "C$", "c $", "hk $", "Mex$".
    if let Ok((r, w)) = word(i) {
        let code = super::token::with_lower(w, |l| {
            Some(match l {
                "usd" => "USD",
                "us" if w == "US" => "USD",
                "c" | "ca" | "cad" => "CAD",
                "au" | "aud" => "AUD",
                "hk" | "hkd" => "HKD",
                "nz" | "nzd" => "NZD",
                "mx" | "mxn" | "mex" => "MXN",
                "sg" | "sgd" => "SGD",
                _ => return None,
            })
        })
        .flatten();
        // Single letters only glued and upper-case ("A$", "S$", "R$"), except "C $".
        let single = match w {
            "A" => Some("AUD"),
            "S" => Some("SGD"),
            "R" => Some("BRL"),
            _ => None,
        };
        let spaced = r.strip_prefix(' ').filter(|r2| r2.starts_with('$'));
        let glued = r.starts_with('$');
        let found = match (code, single) {
            (Some(c), _) if glued || spaced.is_some() => Some(c),
            (_, Some(c)) if glued => Some(c),
            _ => None,
        };
        if let Some(c) = found {
            let after = spaced.unwrap_or(r).strip_prefix('$').unwrap_or("");
            if let Some(r2) = digit_after(after) {
                return Ok((r2, Currency::of(c)));
            }
        }
        // "Rs 500 crore", "Rs. 45 lakh", "Rs1,200": rupees, read as Indian rupees as "$" is
        // read as US dollars (Pakistan and Sri Lanka write "Rs" too).
        if w == "Rs" {
            let after = r.strip_prefix('.').unwrap_or(r);
            if let Some(r2) = digit_after(after) {
                return Ok((r2, Currency::of("INR")));
            }
        }
        // ISO codes written before the number: "USD 7 billion", "EUR3m", "USD115".
        let upper = w.bytes().all(|b| b.is_ascii_uppercase());
        if let Some(c) = super::token::with_lower(w, iso_code).flatten() {
            let glued_digit = r.starts_with(|c: char| c.is_ascii_digit());
            if glued_digit && !upper {
                return Err(super::token::fail(i));
            }
            let r2 = ws(r).map(|(r, _)| r).unwrap_or(r);
            if r2.starts_with(|c: char| c.is_ascii_digit()) && r2.len() < r.len() || glued_digit {
                return Ok((r2, Currency::of(c)));
            }
        }
        // "MAUD 60": millions of a currency.
        if let Some(c) = mega_iso(w) {
            if let Some(r2) =
                ws(r).ok().map(|(r, _)| r).filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            {
                return Ok((
                    r2,
                    Currency { factor: Number::from_int(1_000_000), ..Currency::of(c) },
                ));
            }
        }
        return Err(super::token::fail(i));
    }
    // Every symbol but "$" is non-ASCII: most inputs (digits) need not try them one by one.
    if i.as_bytes().first().is_some_and(|&b| b.is_ascii() && b != b'$') {
        return Err(super::token::fail(i));
    }
    for &(sym, code) in &PREFIX_SYMBOLS {
        if let Some(r) = i.strip_prefix(sym) {
            if let Some(r2) = digit_after(r) {
                return Ok((r2, Currency::of(code)));
            }
        }
    }
    Err(super::token::fail(i))
}

/// "MUSD", "MEUR": millions of a currency (upper-case only; "Maud" is a name).
fn mega_iso(w: &str) -> Option<&'static str> {
    let rest = w.strip_prefix('M')?;
    if rest.len() != 3 || !rest.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    super::token::with_lower(rest, iso_code).flatten()
}

/// A currency symbol written after the amount ("10 $", "10 €", "100元"); not one that starts
/// the next amount ("10 $5 bills").
///
/// `currency_suffix = [ " " ] ( "$" | "€" | "£" | "¥" | "元" | "₡" | "₾" | "₭" | "ரூ" | … ) ;`
pub(crate) fn currency_suffix(i: &str) -> IResult<&str, Currency> {
    let t = i.strip_prefix(' ').unwrap_or(i);
    // Every symbol but "$" is non-ASCII: most inputs (a word, a space) need not try them.
    if t.as_bytes().first().is_none_or(|&b| b.is_ascii() && b != b'$') {
        return Err(super::token::fail(i));
    }
    for &(sym, code) in &SUFFIX_SYMBOLS {
        if let Some(r) = t.strip_prefix(sym) {
            if r.starts_with(|c: char| c.is_alphanumeric()) {
                return Err(super::token::fail(i));
            }
            return Ok((r, Currency::of(code)));
        }
    }
    Err(super::token::fail(i))
}

/// `glued_iso = iso_code ;` upper-case and glued after the digits ("115USD").
pub(crate) fn glued_iso(i: &str) -> IResult<&str, Currency> {
    let (r, w) = word(i)?;
    if !super::token::at_boundary(r) || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(super::token::fail(i));
    }
    match super::token::with_lower(w, iso_code).flatten() {
        Some(c) if w.len() == 3 => Ok((r, Currency::of(c))),
        _ => Err(super::token::fail(i)),
    }
}

/// Upper-case ISO 4217 codes claimcheck recognises, from their lower-cased form.
pub(crate) fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "nzd" => "NZD",
        "hkd" => "HKD",
        "sgd" => "SGD",
        "inr" => "INR",
        "irr" => "IRR",
        "rub" => "RUB",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "mxn" => "MXN",
        "brl" => "BRL",
        "krw" => "KRW",
        "zar" => "ZAR",
        "aed" => "AED",
        "sar" => "SAR",
        _ => return None,
    })
}

/// Currency nouns, lower-cased, after an optional nationality adjective.
fn currency_noun(w: &str) -> Option<(&'static str, Currency)> {
    let c = Currency::of;
    let minor =
        |code| Currency { code, factor: Number::new(1, 100).unwrap_or(Number::ONE), weak: false };
    Some(match w {
        "dollar" | "dollars" => ("dollar", c("USD")),
        "euro" | "euros" => ("euro", c("EUR")),
        "pound" | "pounds" | "sterling" => ("pound", c("GBP")),
        "yen" => ("yen", c("JPY")),
        "yuan" | "renminbi" => ("yuan", c("CNY")),
        "rupee" | "rupees" => ("rupee", c("INR")),
        "rial" | "rials" => ("rial", c("IRR")),
        "ruble" | "rubles" | "rouble" | "roubles" => ("ruble", c("RUB")),
        "franc" | "francs" => ("franc", c("CHF")),
        "krona" | "kronor" => ("krona", c("SEK")),
        "krone" | "kroner" => ("krone", c("NOK")),
        "peso" | "pesos" => ("peso", c("MXN")),
        "reais" => ("real", c("BRL")),
        "real" => ("real", Currency { weak: true, ..c("BRL") }),
        "rand" => ("rand", c("ZAR")),
        "lira" | "liras" | "lire" => ("lira", c("TRY")),
        "dinar" | "dinars" => ("dinar", Currency { weak: true, ..c("IQD") }),
        "dirham" | "dirhams" => ("dirham", c("AED")),
        "riyal" | "riyals" => ("riyal", c("SAR")),
        "ringgit" => ("ringgit", c("MYR")),
        "baht" => ("baht", c("THB")),
        "rupiah" => ("rupiah", c("IDR")),
        "shekel" | "shekels" => ("shekel", c("ILS")),
        "won" => ("won", Currency { weak: true, ..c("KRW") }),
        "markka" | "markkaa" => ("markka", c("FIM")),
        "guilder" | "guilders" => ("guilder", c("NLG")),
        "peseta" | "pesetas" => ("peseta", c("ESP")),
        "cent" | "cents" => ("cent", minor("USD")),
        "pence" | "penny" | "pennies" => ("penny", minor("GBP")),
        _ => return None,
    })
}

/// A nationality adjective and a currency noun to the code they name together.
fn qualified(adj: &str, noun: &str) -> Option<&'static str> {
    Some(match (adj, noun) {
        ("us" | "u.s." | "american", "dollar") => "USD",
        ("canadian", "dollar") => "CAD",
        ("australian", "dollar") => "AUD",
        ("singapore", "dollar") => "SGD",
        ("new zealand", "dollar") => "NZD",
        ("hong kong", "dollar") => "HKD",
        ("taiwan" | "new taiwan", "dollar") => "TWD",
        ("british", "pound") => "GBP",
        ("egyptian", "pound") => "EGP",
        ("swiss", "franc") => "CHF",
        ("french", "franc") => "FRF",
        ("belgian", "franc") => "BEF",
        ("iranian", "rial") => "IRR",
        ("omani", "rial") => "OMR",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
        ("indian", "rupee") => "INR",
        ("pakistani", "rupee") => "PKR",
        ("sri lankan", "rupee") => "LKR",
        ("mexican", "peso") => "MXN",
        ("philippine", "peso") => "PHP",
        ("argentine", "peso") => "ARS",
        ("chilean", "peso") => "CLP",
        ("colombian", "peso") => "COP",
        ("south korean" | "korean", "won") => "KRW",
        ("turkish", "lira") => "TRY",
        ("italian", "lira") => "ITL",
        ("saudi", "riyal") => "SAR",
        ("qatari", "riyal") => "QAR",
        ("russian", "ruble") => "RUB",
        ("brazilian", "real") => "BRL",
        ("south african", "rand") => "ZAR",
        ("swedish", "krona") => "SEK",
        ("norwegian", "krone") => "NOK",
        ("danish", "krone") => "DKK",
        ("iraqi", "dinar") => "IQD",
        ("kuwaiti", "dinar") => "KWD",
        ("jordanian", "dinar") => "JOD",
        ("bahraini", "dinar") => "BHD",
        ("uae" | "emirati", "dirham") => "AED",
        ("moroccan", "dirham") => "MAD",
        ("finnish", "markka") => "FIM",
        ("dutch", "guilder") => "NLG",
        ("spanish", "peseta") => "ESP",
        _ => return None,
    })
}

/// A currency written after the amount ("7 billion dollars", "3 million euros", "34 cents").
///
/// `currency_word = [ nationality_adjective ws ] currency_noun | iso_code | "M" iso_code ;`
pub(crate) fn currency_word(i: &str) -> IResult<&str, Currency> {
    // Qualified first: "US dollars", "Canadian dollars", "Hong Kong dollars", "Turkish lira".
    for adj in SPELLED_QUALIFIERS {
        if let Some(head) = i.get(..adj.len()) {
            if head.eq_ignore_ascii_case(adj) {
                if let Some(found) = noun_after(i.get(adj.len()..).unwrap_or(""), adj) {
                    return Ok(found);
                }
            }
        }
    }
    if let Ok((r, adj)) = word(i) {
        // Words too long for `with_lower` qualify no currency.
        if let Some(found) = super::token::with_lower(adj, |lower| noun_after(r, lower)).flatten() {
            return Ok(found);
        }
    }
    if let Ok((r, w)) = word(i) {
        if super::token::at_boundary(r) {
            if let Some(c) = mega_iso(w) {
                return Ok((
                    r,
                    Currency { factor: Number::from_int(1_000_000), ..Currency::of(c) },
                ));
            }
        }
    }
    word_class(i, |w| match iso_code(w) {
        Some(c) => Some(Currency::of(c)),
        None => currency_noun(w).map(|(_, c)| c),
    })
}

/// The nationality adjectives that [`currency_word`] matches as written (with a space or a
/// dot in them) before it tries a one-word adjective.
const SPELLED_QUALIFIERS: [&str; 8] = [
    "us",
    "u.s.",
    "new zealand",
    "hong kong",
    "new taiwan",
    "sri lankan",
    "south korean",
    "south african",
];

/// The first words of [`SPELLED_QUALIFIERS`] (a test keeps the two in step).
fn is_spelled_qualifier_start(w: &str) -> bool {
    matches!(w, "us" | "u" | "new" | "hong" | "sri" | "south")
}

/// Whether a unit may follow an amount whose text goes on with `r`: false only when `r` is one
/// space and a word that starts none of the units read after an amount (percent, age, time,
/// measure, currency), as in "3 Americans", so that they need not each be tried. The word
/// starts a currency when it is a currency noun or code, the first word of a spelled
/// qualifier, or any word before a currency noun ("Canadian dollars").
pub(crate) fn may_start_unit(r: &str) -> bool {
    let Some(rest) = r.strip_prefix(' ') else { return true };
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return true;
    }
    let Ok((after, w)) = word(rest) else { return true };
    if unit_abbrev(w).is_some() || mega_iso(w).is_some() || rest.starts_with("m/s") {
        return true;
    }
    let next = ws(after).ok().and_then(|(next, _)| word(next).ok()).map_or("", |(_, n)| n);
    let names_unit = |l: &str| {
        // `percent` reads "percentage" and "per" ("per cent") with `kw`.
        matches!(l, "percentage" | "per" | "fold")
            || is_percent_word(l)
            || AGE_ABBREVIATIONS.iter().any(|a| a.split(['.', '/']).next() == Some(l))
            || time_unit(l).is_some()
            || unit_word(l).is_some()
            || super::token::with_lower(next, |b| two_word_unit(l, b).is_some()) == Some(true)
            || iso_code(l).is_some()
            || currency_noun(l).is_some()
            || is_spelled_qualifier_start(l)
    };
    // A word too long to lower-case is no unit word (every production lower-cases it).
    super::token::with_lower(w, names_unit).unwrap_or(false)
        || super::token::with_lower(next, |n| currency_noun(n).is_some()) == Some(true)
}

/// The currency noun after a nationality adjective.
fn noun_after<'a>(r: &'a str, adj: &str) -> Option<(&'a str, Currency)> {
    let (r, _) = ws(r).ok()?;
    let (r, (noun, c)) = word_class(r, currency_noun).ok()?;
    let code = qualified(adj, noun)?;
    Some((r, Currency { code, weak: false, ..c }))
}

/// The percent forms after an amount; returns the canonical unit.
///
/// `percent = "%" | [ ws | "-" ] ( "percent" | "per" ws "cent" | "pct" ) | ws "percentage" ws ( "point" | "points" ) ;`
pub(crate) fn percent(i: &str) -> IResult<&str, &'static str> {
    if let Some(r) =
        i.strip_prefix('%').or_else(|| i.strip_prefix(" %")).or_else(|| i.strip_prefix('\u{ff05}'))
    {
        // "%25", "%2D": a URL escape, not a percent sign.
        let escape = r.len() >= 2 && r.bytes().take(2).all(|b| b.is_ascii_hexdigit());
        if escape && i.starts_with('%') {
            return Err(super::token::fail(i));
        }
        return Ok((r, "percent"));
    }
    // "50pc", "3pct": the short forms glued to the number, as British papers write them.
    for glued in ["pct", "pc"] {
        if let Some(r) = i.get(..glued.len()).filter(|h| h.eq_ignore_ascii_case(glued)) {
            let rest = i.get(r.len()..).unwrap_or("");
            if super::token::at_boundary(rest) {
                return Ok((rest, "percent"));
            }
        }
    }
    let (r, ()) = joiner(i)?;
    if let Ok((r2, _)) = kw("percentage").parse(r) {
        if let Ok((r3, _)) = ws(r2) {
            if let Ok((r4, _)) = word_class(r3, |w| matches!(w, "point" | "points").then_some(())) {
                return Ok((r4, "percentage point"));
            }
        }
        return Ok((r2, "percent"));
    }
    if let Ok((r2, _)) = kw("per").parse(r) {
        let (r3, _) = ws(r2)?;
        let (r4, _) = kw("cent").parse(r3)?;
        return Ok((r4, "percent"));
    }
    let (r, _) = word_class(r, |w| is_percent_word(w).then_some(()))?;
    Ok((r, "percent"))
}

/// The one-word percent signs after an amount.
fn is_percent_word(w: &str) -> bool {
    matches!(w, "percent" | "percents" | "pct" | "pc")
}

/// The short forms of "years old", read case-insensitively after an age.
const AGE_ABBREVIATIONS: [&str; 3] = ["y.o.", "y/o", "yo"];

/// A percentage named before its number: "percent of 10", "per cent of twenty-two".
///
/// `percent_of = ( "percent" | "percents" | "per" ws "cent" ) ws "of" ws ;`
pub(crate) fn percent_of(i: &str) -> IResult<&str, &'static str> {
    let r = match kw("per").parse(i) {
        Ok((r, _)) => {
            let (r, _) = ws(r)?;
            kw("cent").parse(r)?.0
        }
        Err(_) => word_class(i, |w| matches!(w, "percent" | "percents").then_some(()))?.0,
    };
    let (r, _) = ws(r)?;
    let (r, _) = kw("of").parse(r)?;
    let (r, _) = ws(r)?;
    Ok((r, "percent"))
}

/// `time_unit` (see the module grammar): lower-cased, to the canonical unit and a multiplier
/// ("decade" is 10 years).
pub(crate) fn time_unit(w: &str) -> Option<(&'static str, i64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("year", 1),
        "month" | "months" => ("month", 1),
        "week" | "weeks" => ("week", 1),
        "fortnight" | "fortnights" => ("week", 2),
        "day" | "days" => ("day", 1),
        "hour" | "hours" | "hr" | "hrs" => ("hour", 1),
        "minute" | "minutes" | "min" | "mins" => ("minute", 1),
        "second" | "seconds" | "sec" | "secs" => ("second", 1),
        "decade" | "decades" => ("year", 10),
        "century" | "centuries" => ("year", 100),
        _ => return None,
    })
}

/// `age_suffix = joiner "year" joiner ( "old" | "olds" | "of" ws "age" ) | ws ( "yo" | "y.o." | "y/o" ) ;`
/// (also months, weeks, days)
///
/// Returns the age unit.
pub(crate) fn age_suffix(i: &str) -> IResult<&str, &'static str> {
    let (r, ()) = joiner(i)?;
    for short in AGE_ABBREVIATIONS {
        if let Some(head) = r.get(..short.len()) {
            let rest = r.get(short.len()..).unwrap_or("");
            if head.eq_ignore_ascii_case(short) && super::token::at_boundary(rest) {
                return Ok((rest, "year"));
            }
        }
    }
    let (r, unit) = word_class(r, |w| match w {
        "year" | "years" | "yr" | "yrs" => Some("year"),
        "month" | "months" => Some("month"),
        "week" | "weeks" => Some("week"),
        "day" | "days" => Some("day"),
        _ => None,
    })?;
    let (r, ()) = joiner(r)?;
    // "34 years of age".
    if let Ok((r2, _)) = kw("of").parse(r) {
        let (r3, _) = ws(r2)?;
        let (r4, _) = kw("age").parse(r3)?;
        return Ok((r4, unit));
    }
    // "a 34-year-old", "two 18-year-olds".
    let (r, _) = kw("old").parse(r).or_else(|_| kw("olds").parse(r))?;
    Ok((r, unit))
}

/// A measure unit after an amount, to its canonical singular name.
///
/// `measure_unit = unit_word | unit_word ws unit_word | "degrees" [ ws ( "Fahrenheit" | "Celsius" ) ] | "°" ( "F" | "C" ) ;`
pub(crate) fn measure_unit(i: &str) -> IResult<&str, &'static str> {
    // A bare "m" is no unit (it may be "million"), but "m/s" is.
    if let Some(rest) = i.strip_prefix(' ').unwrap_or(i).strip_prefix("m/s") {
        if super::token::at_boundary(rest) {
            return Ok((rest, "metre per second"));
        }
    }
    let (r, unit) = measure_unit_alone(i)?;
    // "161 km/h", "30 m/s", "60 mi/h": a speed, not a length.
    let per = |time: &str, speed: &'static str| {
        r.strip_prefix('/')
            .and_then(|t| {
                t.get(..time.len())
                    .filter(|h| h.eq_ignore_ascii_case(time))
                    .and(t.get(time.len()..))
            })
            .filter(|rest| super::token::at_boundary(rest))
            .map(|rest| (rest, speed))
    };
    let speed = match unit {
        "kilometre" => per("h", "kilometre per hour"),
        "mile" => per("h", "mile per hour"),
        "metre" => per("s", "metre per second"),
        _ => None,
    };
    Ok(speed.unwrap_or((r, unit)))
}

/// [`measure_unit`] before a "/h" or "/s" that makes a length a speed.
fn measure_unit_alone(i: &str) -> IResult<&str, &'static str> {
    // Degree signs glued or spaced: "104°F", "40 °C".
    let t = i.strip_prefix(' ').unwrap_or(i);
    if let Some(r) = t.strip_prefix('\u{b0}') {
        if let Some(r2) = r.strip_prefix('F') {
            return Ok((r2, "degree Fahrenheit"));
        }
        if let Some(r2) = r.strip_prefix('C') {
            return Ok((r2, "degree Celsius"));
        }
        return Ok((r, "degree"));
    }
    // Glued abbreviations: "29km", "180ml", "5kg", "100mph".
    if let Ok((r, w)) = word(i) {
        if super::token::at_boundary(r) {
            if let Some(u) = unit_abbrev(w) {
                return Ok((r, u));
            }
        }
    }
    let (r, ()) = joiner(i)?;
    // Two-word units first.
    if let Ok((r1, first)) = word(r) {
        if let Ok((r2, _)) = ws(r1) {
            if let Ok((r3, second)) = word(r2) {
                let two = super::token::with_lower(first, |a| {
                    super::token::with_lower(second, |b| two_word_unit(a, b))
                })
                .flatten()
                .flatten();
                if let Some(u) = two {
                    // "miles per hour", "kilometres per hour".
                    return Ok((r3, u));
                }
                let per = super::token::with_lower(first, |a| {
                    if second.eq_ignore_ascii_case("per") {
                        unit_word(a)
                    } else {
                        None
                    }
                })
                .flatten();
                if let Some(u) = per {
                    if let Ok((r4, _)) = ws(r3) {
                        if let Ok((r5, _)) = kw("hour").parse(r4) {
                            match u {
                                "mile" => return Ok((r5, "mile per hour")),
                                "kilometre" => return Ok((r5, "kilometre per hour")),
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
    }
    if let Ok((r1, w)) = word(r) {
        if super::token::at_boundary(r1) {
            if let Some(u) = unit_abbrev(w) {
                return Ok((r1, u));
            }
        }
    }
    word_class(r, unit_word)
}

fn two_word_unit(a: &str, b: &str) -> Option<&'static str> {
    Some(match (a, b) {
        ("square", "miles" | "mile") => "square mile",
        ("square", "kilometres" | "kilometers" | "kilometre" | "kilometer") => "square kilometre",
        ("square", "feet" | "foot") => "square foot",
        ("square", "metres" | "meters" | "metre" | "meter") => "square metre",
        ("cubic", "metres" | "meters" | "metre" | "meter") => "cubic metre",
        ("cubic", "feet" | "foot") => "cubic foot",
        ("metric", "tons" | "ton" | "tonnes" | "tonne") => "tonne",
        ("degrees" | "degree", "fahrenheit") => "degree Fahrenheit",
        ("degrees" | "degree", "celsius" | "centigrade") => "degree Celsius",
        ("light", "years" | "year") => "light year",
        _ => return None,
    })
}

/// Abbreviated units that may be glued to the number; case matters for some.
fn unit_abbrev(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" => "kilometre",
        "kms" => "kilometre",
        "mi" => "mile",
        "ft" => "foot",
        "cm" => "centimetre",
        "mm" => "millimetre",
        "kg" | "kgs" => "kilogram",
        "lb" | "lbs" => "pound",
        "oz" => "ounce",
        "ml" => "millilitre",
        "mph" => "mile per hour",
        "kph" | "kmh" => "kilometre per hour",
        "kWh" | "kwh" => "kilowatt hour",
        "MWh" | "mwh" => "megawatt hour",
        "GWh" | "gwh" => "gigawatt hour",
        "TWh" | "twh" => "terawatt hour",
        "MW" => "megawatt",
        "GW" => "gigawatt",
        "kW" => "kilowatt",
        "bbl" => "barrel",
        "ha" => "hectare",
        "sq" => return None,
        _ => return None,
    })
}

/// Full unit words, lower-cased, to their canonical singular name.
fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "mile" | "miles" => "mile",
        "kilometre" | "kilometres" | "kilometer" | "kilometers" => "kilometre",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "foot" | "feet" => "foot",
        "inch" | "inches" => "inch",
        "yard" | "yards" => "yard",
        "centimetre" | "centimetres" | "centimeter" | "centimeters" => "centimetre",
        "millimetre" | "millimetres" | "millimeter" | "millimeters" => "millimetre",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "hectare",
        "tonne" | "tonnes" => "tonne",
        "ton" | "tons" => "ton",
        "kilogram" | "kilograms" | "kilo" | "kilos" => "kilogram",
        "gram" | "grams" => "gram",
        "ounce" | "ounces" => "ounce",
        "barrel" | "barrels" => "barrel",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "millilitre" | "millilitres" | "milliliter" | "milliliters" => "millilitre",
        "gallon" | "gallons" => "gallon",
        "knot" | "knots" => "knot",
        "degree" | "degrees" => "degree",
        "kilowatt" | "kilowatts" => "kilowatt",
        "megawatt" | "megawatts" => "megawatt",
        "gigawatt" | "gigawatts" => "gigawatt",
        "joule" | "joules" => "joule",
        "calorie" | "calories" => "calorie",
        "magnitude" => "magnitude",
        _ => return None,
    })
}

/// A rate suffix after a measure or money: "a day", "per year", "/day".
///
/// `per = ( ws ( "a" | "an" | "per" | "each" ) ws | "/" ) time_unit_singular ;`
pub(crate) fn per(i: &str) -> IResult<&str, &'static str> {
    let r = if let Some(r) = i.strip_prefix('/') {
        r
    } else {
        let (r, _) = ws(i)?;
        let (r, _) = word_class(r, |w| matches!(w, "a" | "an" | "per" | "each").then_some(()))?;
        let (r, _) = ws(r)?;
        r
    };
    word_class(r, |w| match w {
        "year" | "annum" => Some("year"),
        "month" => Some("month"),
        "week" => Some("week"),
        "day" => Some("day"),
        "hour" => Some("hour"),
        "capita" | "person" | "head" => Some("person"),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_other_than_the_dollar_are_non_ascii() {
        for (sym, code) in PREFIX_SYMBOLS.iter().chain(&SUFFIX_SYMBOLS) {
            let first = sym.as_bytes().first().copied();
            assert!(first == Some(b'$') || first.is_some_and(|b| !b.is_ascii()), "{sym} {code}");
        }
        // Each symbol is still read in both places.
        for (sym, code) in PREFIX_SYMBOLS {
            let input = format!("{sym}12");
            assert_eq!(currency_prefix(&input).map(|(r, c)| (r, c.code)), Ok(("12", code)));
        }
        for (sym, code) in SUFFIX_SYMBOLS {
            let input = format!(" {sym} more");
            assert_eq!(currency_suffix(&input).map(|(r, c)| (r, c.code)), Ok((" more", code)));
        }
    }

    #[test]
    fn currency_prefix_rows() {
        for (input, code, rest) in [
            ("$7bn", "USD", "7bn"),
            ("US$7 billion", "USD", "7 billion"),
            ("\u{20ac}3m", "EUR", "3m"),
            ("\u{a3}2.5bn", "GBP", "2.5bn"),
            ("USD 5", "USD", "5"),
            ("c $ 16.4 million", "CAD", "16.4 million"),
            ("hk $ 10.05 billion", "HKD", "10.05 billion"),
            ("Mex$ 10 million", "MXN", "10 million"),
            ("nzd$15", "NZD", "15"),
            ("USD115", "USD", "115"),
            ("C$5", "CAD", "5"),
            ("Rs 500 crore", "INR", "500 crore"),
            ("Rs. 45 lakh", "INR", "45 lakh"),
            ("Rs1,200", "INR", "1,200"),
        ] {
            assert_eq!(
                currency_prefix(input).map(|(r, c)| (r, c.code)),
                Ok((rest, code)),
                "input: {input:?}"
            );
        }
        for bad in ["$ hello", "a $5", "s $5", "usd115", "us $5", "Maud 60", "Rs ten", "RS 232"] {
            assert!(currency_prefix(bad).is_err(), "input: {bad:?}");
        }
        assert_eq!(
            currency_prefix("MAUD 60").map(|(r, c)| (r, c.code, c.factor)),
            Ok(("60", "AUD", Number::from_int(1_000_000)))
        );
    }

    #[test]
    fn currency_suffix_rows() {
        for (input, code, rest) in [
            (" $ is", "USD", " is"),
            (" \u{20ac},", "EUR", ","),
            ("\u{5143}!", "CNY", "!"),
            (" \u{20ad} as", "LAK", " as"),
        ] {
            assert_eq!(
                currency_suffix(input).map(|(r, c)| (r, c.code)),
                Ok((rest, code)),
                "input: {input:?}"
            );
        }
        assert!(currency_suffix(" $5").is_err());
        assert_eq!(glued_iso("USD.").map(|(r, c)| (r, c.code)), Ok((".", "USD")));
        assert!(glued_iso("usd").is_err());
    }

    #[test]
    fn currency_word_rows() {
        for (input, code) in [
            ("dollars", "USD"),
            ("US dollars", "USD"),
            ("euros", "EUR"),
            ("British pounds", "GBP"),
            ("chinese yuan", "CNY"),
            ("turkish lira", "TRY"),
            ("finnish markka", "FIM"),
            ("Hong Kong dollars", "HKD"),
            ("MUSD", "USD"),
            ("rupees", "INR"),
        ] {
            assert_eq!(currency_word(input).map(|(_, c)| c.code), Ok(code), "input: {input:?}");
        }
        let (_, cents) = currency_word("cents").unwrap();
        assert_eq!((cents.code, cents.factor), ("USD", Number::new(1, 100).unwrap()));
        assert!(currency_word("Maud").is_err());
        assert!(currency_word("turkish delight").is_err());
    }

    #[test]
    fn percent_rows() {
        for (input, unit, rest) in [
            ("% of", "percent", " of"),
            (" percent.", "percent", "."),
            (" per cent", "percent", ""),
            ("-percent", "percent", ""),
            (" percentage points", "percentage point", ""),
            (" percents", "percent", ""),
            ("pc of staff", "percent", " of staff"),
            ("PCT.", "percent", "."),
        ] {
            assert_eq!(percent(input), Ok((rest, unit)), "input: {input:?}");
        }
        assert!(percent(" people").is_err());
        assert!(percent("pcs").is_err(), "pieces");
        assert!(percent("%25%20").is_err());
        assert_eq!(percent_of("per cent of 210"), Ok(("210", "percent")));
        assert_eq!(percent_of("percents of twenty"), Ok(("twenty", "percent")));
    }

    #[test]
    fn measure_unit_rows() {
        for (input, unit, rest) in [
            (" acres", "acre", ""),
            ("km road", "kilometre", " road"),
            (" mph", "mile per hour", ""),
            (" km/h winds", "kilometre per hour", " winds"),
            ("km/h.", "kilometre per hour", "."),
            (" m/s", "metre per second", ""),
            (" km/hour", "kilometre", "/hour"),
            (" degrees Fahrenheit", "degree Fahrenheit", ""),
            ("\u{b0}F", "degree Fahrenheit", ""),
            (" barrels a day", "barrel", " a day"),
            (" square miles", "square mile", ""),
            (" miles per hour", "mile per hour", ""),
            (" millimetres of rain", "millimetre", " of rain"),
            (" millilitres", "millilitre", ""),
        ] {
            assert_eq!(measure_unit(input), Ok((rest, unit)), "input: {input:?}");
        }
    }

    #[test]
    fn age_suffix_rows() {
        assert_eq!(age_suffix("-year-old Mahsa"), Ok((" Mahsa", "year")));
        assert_eq!(age_suffix(" years old."), Ok((".", "year")));
        assert_eq!(age_suffix(" yo man"), Ok((" man", "year")));
        assert_eq!(age_suffix("-year-olds were"), Ok((" were", "year")));
        assert_eq!(age_suffix(" years of age."), Ok((".", "year")));
        assert!(age_suffix(" years of ageing").is_err());
        assert!(age_suffix(" years of war").is_err());
        assert!(age_suffix(" young").is_err());
        assert!(age_suffix("-year sentences").is_err());
    }

    #[test]
    fn per_rows() {
        assert_eq!(per(" a day"), Ok(("", "day")));
        assert_eq!(per("/year"), Ok(("", "year")));
        assert!(per(" a decade").is_err());
    }

    /// Words and marks that start (or nearly start) a unit after an amount.
    const UNIT_VOCABULARY: &[&str] = &[
        "m/s",
        "km/h",
        "m",
        "percent",
        "percents",
        "per",
        "cent",
        "percentage",
        "points",
        "pct",
        "pc",
        "pcs",
        "y",
        "o",
        "yo",
        "yr",
        "yrs",
        "year",
        "years",
        "old",
        "month",
        "months",
        "weeks",
        "day",
        "hour",
        "decade",
        "century",
        "square",
        "cubic",
        "metric",
        "miles",
        "kilometres",
        "feet",
        "km",
        "kms",
        "kg",
        "MW",
        "mw",
        "kWh",
        "GW",
        "ha",
        "sq",
        "degrees",
        "degree",
        "fahrenheit",
        "light",
        "tons",
        "acres",
        "magnitude",
        "dollars",
        "dollar",
        "euros",
        "cents",
        "pence",
        "yuan",
        "won",
        "real",
        "reais",
        "rial",
        "us",
        "u",
        "s",
        "US",
        "USD",
        "usd",
        "MUSD",
        "Musd",
        "eur",
        "new",
        "zealand",
        "hong",
        "kong",
        "sri",
        "lankan",
        "south",
        "korean",
        "african",
        "american",
        "Canadian",
        "swiss",
        "francs",
        "iranian",
        "rials",
        "Americans",
        "people",
        "and",
        "of",
        "the",
        "a",
        "hostages",
    ];

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// When `may_start_unit` says no unit can follow, none of the unit productions that
        /// `amount_value` tries matches, whatever the words, their case and the marks between.
        #[test]
        fn may_start_unit_never_hides_a_unit(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(UNIT_VOCABULARY.to_vec()).prop_map(str::to_string),
                    "[a-zA-Z]{1,9}",
                ],
                1..4,
            ),
            upper in proptest::collection::vec(proptest::bool::ANY, 40),
            marks in proptest::collection::vec(
                proptest::sample::select(vec![" ", " ", "-", ".", "/", ". ", "", "  ", "\n"]),
                4,
            ),
        ) {
            let mut r = String::from(" ");
            for (k, w) in words.iter().enumerate() {
                let cased: String = w
                    .chars()
                    .zip(upper.iter().skip(k.saturating_mul(9)).chain(std::iter::repeat(&false)))
                    .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                    .collect();
                r.push_str(&cased);
                r.push_str(marks.get(k).copied().unwrap_or(" "));
            }
            if !may_start_unit(&r) {
                proptest::prop_assert!(percent(&r).is_err(), "percent {r:?}");
                proptest::prop_assert!(age_suffix(&r).is_err(), "age {r:?}");
                proptest::prop_assert!(currency_suffix(&r).is_err(), "suffix {r:?}");
                proptest::prop_assert!(glued_iso(&r).is_err(), "glued {r:?}");
                proptest::prop_assert!(measure_unit(&r).is_err(), "measure {r:?}");
                let time = joiner(&r).ok().and_then(|(t, ())| word_class(t, time_unit).ok());
                proptest::prop_assert!(time.is_none(), "time {r:?}");
                let spaced = ws(&r).ok().and_then(|(t, _)| currency_word(t).ok());
                proptest::prop_assert!(spaced.is_none(), "currency {r:?}");
            }
        }
    }

    #[test]
    fn spelled_qualifiers_start_with_their_first_words() {
        for q in SPELLED_QUALIFIERS {
            let first = q.split([' ', '.']).next().unwrap_or_default();
            assert!(is_spelled_qualifier_start(first), "{q}");
        }
    }

    #[test]
    fn may_start_unit_rows() {
        for (r, want) in [
            (" Americans were held", false),
            (" people", false),
            (" percent", true),
            (" per cent", true),
            (" Canadian dollars", true),
            (" Swiss francs", true),
            (" Iranian rials were paid", true),
            (" Iranian officials", false),
            (" Hong Kong dollars", true),
            (" U.S. dollars", true),
            (" MUSD", true),
            (" kWh", true),
            (" square miles", true),
            (" Metric tons", true),
            (" light years", true),
            (" square dance", false),
            (" pct", true),
            (" Y/O", true),
            (" y.o.", true),
            (" years old", true),
            ("%", true),
            ("-year-old", true),
            ("km", true),
            (" \u{20ac}", true),
        ] {
            assert_eq!(may_start_unit(r), want, "{r:?}");
        }
    }
}
