//! What follows or precedes an amount: currencies, percent signs, measure units, time units
//! and the age forms.
//!
//! ```text
//! currency_prefix = "US$" | "A$" | "C$" | "HK$" | "$" | "€" | "£" | "¥" | "₹" | iso_code ws ;
//! currency_word   = "dollars" | "euros" | "pounds" | "yen" | iso_code | … ;
//! percent         = "%" | ws ( "percent" | "per" ws "cent" | "pct" ) | ws "percentage" ws "points" ;
//! time_unit       = "year" | "month" | "week" | "day" | "hour" | "minute" | "decade" | "century" ;
//! age_suffix      = joiner "year" joiner "old" | ws "years" ws "old" ;
//! measure_unit    = "acres" | "miles" | "mph" | "degrees" ws ( "Fahrenheit" | "Celsius" ) | … ;
//! ```

use super::token::{joiner, kw, word, word_class, ws};
use nom::{IResult, Parser};

/// A symbol or code written before an amount, mapped to its ISO 4217 code.
///
/// `currency_prefix = "US$" | "A$" | "C$" | "HK$" | "$" | "€" | "£" | "¥" | "₹" | iso_code [ ws ] ;`
pub(crate) fn currency_prefix(i: &str) -> IResult<&str, &'static str> {
    for (sym, code) in [
        ("US$", "USD"),
        ("US $", "USD"),
        ("U.S.$", "USD"),
        ("A$", "AUD"),
        ("AU$", "AUD"),
        ("C$", "CAD"),
        ("CA$", "CAD"),
        ("HK$", "HKD"),
        ("NZ$", "NZD"),
        ("S$", "SGD"),
        ("$", "USD"),
        ("\u{20ac}", "EUR"),
        ("\u{a3}", "GBP"),
        ("\u{a5}", "JPY"),
        ("\u{20b9}", "INR"),
        ("\u{20bd}", "RUB"),
        ("\u{fdfc}", "IRR"),
    ] {
        if let Some(r) = i.strip_prefix(sym) {
            let r = r.strip_prefix(' ').unwrap_or(r);
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                return Ok((r, code));
            }
        }
    }
    // ISO codes written before the number: "USD 7 billion", "EUR3m".
    let (r, code) = word_class(i, iso_code)?;
    let r = ws(r).map(|(r, _)| r).unwrap_or(r);
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        Ok((r, code))
    } else {
        Err(super::token::fail(i))
    }
}

/// Upper-case ISO 4217 codes claimcheck recognises, from their lower-cased form.
fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "inr" => "INR",
        "irr" => "IRR",
        "rub" => "RUB",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        _ => return None,
    })
}

/// A currency written after the amount ("7 billion dollars", "3 million euros").
///
/// `currency_word = [ nationality_adjective ws ] ( "dollars" | "euros" | "pounds" | … ) | iso_code ;`
pub(crate) fn currency_word(i: &str) -> IResult<&str, &'static str> {
    // Qualified dollars first: "US dollars", "Canadian dollars", "Hong Kong dollars".
    let qualified = [
        ("us", "USD"),
        ("u.s.", "USD"),
        ("american", "USD"),
        ("canadian", "CAD"),
        ("australian", "AUD"),
        ("singapore", "SGD"),
        ("new zealand", "NZD"),
        ("hong kong", "HKD"),
    ];
    for (adj, code) in qualified {
        if let Some(head) = i.get(..adj.len()) {
            if head.eq_ignore_ascii_case(adj) {
                let r = i.get(adj.len()..).unwrap_or("");
                if let Ok((r, _)) = ws(r) {
                    if let Ok((r, _)) =
                        word_class(r, |w| matches!(w, "dollar" | "dollars").then_some(()))
                    {
                        return Ok((r, code));
                    }
                }
            }
        }
    }
    if let Ok((r, _)) = kw("british").parse(i) {
        if let Ok((r, _)) = ws(r) {
            if let Ok((r, _)) = word_class(r, |w| matches!(w, "pound" | "pounds").then_some(())) {
                return Ok((r, "GBP"));
            }
        }
    }
    if let Ok((r, _)) = kw("swiss").parse(i) {
        if let Ok((r, _)) = ws(r) {
            if let Ok((r, _)) = word_class(r, |w| matches!(w, "franc" | "francs").then_some(())) {
                return Ok((r, "CHF"));
            }
        }
    }
    if let Ok((r, _)) = kw("iranian").parse(i) {
        if let Ok((r, _)) = ws(r) {
            if let Ok((r, _)) = word_class(r, |w| matches!(w, "rial" | "rials").then_some(())) {
                return Ok((r, "IRR"));
            }
        }
    }
    word_class(i, |w| {
        Some(match w {
            "dollar" | "dollars" | "usd" => "USD",
            "euro" | "euros" | "eur" => "EUR",
            "pound" | "pounds" | "sterling" | "gbp" => "GBP",
            "yen" | "jpy" => "JPY",
            "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
            "rupee" | "rupees" | "inr" => "INR",
            "rial" | "rials" | "irr" => "IRR",
            "ruble" | "rubles" | "rouble" | "roubles" | "rub" => "RUB",
            "franc" | "francs" | "chf" => "CHF",
            "krona" | "kronor" | "sek" => "SEK",
            _ => return None,
        })
    })
}

/// The percent forms after an amount; returns the canonical unit.
///
/// `percent = "%" | [ ws | "-" ] ( "percent" | "per" ws "cent" | "pct" ) | ws "percentage" ws ( "point" | "points" ) ;`
pub(crate) fn percent(i: &str) -> IResult<&str, &'static str> {
    if let Some(r) =
        i.strip_prefix('%').or_else(|| i.strip_prefix(" %")).or_else(|| i.strip_prefix('\u{ff05}'))
    {
        return Ok((r, "percent"));
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
    let (r, _) = word_class(r, |w| matches!(w, "percent" | "pct" | "pc").then_some(()))?;
    Ok((r, "percent"))
}

/// Time units, lower-cased, to the canonical unit and a multiplier ("decade" is 10 years).
pub(crate) fn time_unit(w: &str) -> Option<(&'static str, i64)> {
    Some(match w {
        "year" | "years" | "yr" | "yrs" => ("year", 1),
        "month" | "months" => ("month", 1),
        "week" | "weeks" => ("week", 1),
        "fortnight" | "fortnights" => ("week", 2),
        "day" | "days" => ("day", 1),
        "hour" | "hours" => ("hour", 1),
        "minute" | "minutes" => ("minute", 1),
        "second" | "seconds" => ("second", 1),
        "decade" | "decades" => ("year", 10),
        "century" | "centuries" => ("year", 100),
        _ => return None,
    })
}

/// `age_suffix = joiner "year" joiner "old" | ws "years" ws "old" ;` (also months, weeks, days)
///
/// Returns the age unit.
pub(crate) fn age_suffix(i: &str) -> IResult<&str, &'static str> {
    let (r, ()) = joiner(i)?;
    let (r, unit) = word_class(r, |w| match w {
        "year" | "years" => Some("year"),
        "month" | "months" => Some("month"),
        "week" | "weeks" => Some("week"),
        "day" | "days" => Some("day"),
        _ => None,
    })?;
    let (r, ()) = joiner(r)?;
    let (r, _) = kw("old").parse(r)?;
    Ok((r, unit))
}

/// A measure unit after an amount, to its canonical singular name.
///
/// `measure_unit = unit_word | unit_word ws unit_word | "degrees" [ ws ( "Fahrenheit" | "Celsius" ) ] | "°" ( "F" | "C" ) ;`
pub(crate) fn measure_unit(i: &str) -> IResult<&str, &'static str> {
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
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "hectare",
        "tonne" | "tonnes" => "tonne",
        "ton" | "tons" => "ton",
        "kilogram" | "kilograms" | "kilo" | "kilos" => "kilogram",
        "gram" | "grams" => "gram",
        "ounce" | "ounces" => "ounce",
        "barrel" | "barrels" => "barrel",
        "litre" | "litres" | "liter" | "liters" => "litre",
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
    fn currency_prefix_rows() {
        for (input, code, rest) in [
            ("$7bn", "USD", "7bn"),
            ("US$7 billion", "USD", "7 billion"),
            ("\u{20ac}3m", "EUR", "3m"),
            ("\u{a3}2.5bn", "GBP", "2.5bn"),
            ("USD 5", "USD", "5"),
        ] {
            assert_eq!(currency_prefix(input), Ok((rest, code)), "input: {input:?}");
        }
        assert!(currency_prefix("$ hello").is_err());
    }

    #[test]
    fn currency_word_rows() {
        for (input, code) in
            [("dollars", "USD"), ("US dollars", "USD"), ("euros", "EUR"), ("British pounds", "GBP")]
        {
            assert_eq!(currency_word(input).map(|(_, c)| c), Ok(code), "input: {input:?}");
        }
    }

    #[test]
    fn percent_rows() {
        for (input, unit, rest) in [
            ("% of", "percent", " of"),
            (" percent.", "percent", "."),
            (" per cent", "percent", ""),
            ("-percent", "percent", ""),
            (" percentage points", "percentage point", ""),
        ] {
            assert_eq!(percent(input), Ok((rest, unit)), "input: {input:?}");
        }
        assert!(percent(" people").is_err());
    }

    #[test]
    fn measure_unit_rows() {
        for (input, unit, rest) in [
            (" acres", "acre", ""),
            ("km road", "kilometre", " road"),
            (" mph", "mile per hour", ""),
            (" degrees Fahrenheit", "degree Fahrenheit", ""),
            ("\u{b0}F", "degree Fahrenheit", ""),
            (" barrels a day", "barrel", " a day"),
            (" square miles", "square mile", ""),
            (" miles per hour", "mile per hour", ""),
        ] {
            assert_eq!(measure_unit(input), Ok((rest, unit)), "input: {input:?}");
        }
    }

    #[test]
    fn age_suffix_rows() {
        assert_eq!(age_suffix("-year-old Mahsa"), Ok((" Mahsa", "year")));
        assert_eq!(age_suffix(" years old."), Ok((".", "year")));
        assert!(age_suffix("-year sentences").is_err());
    }

    #[test]
    fn per_rows() {
        assert_eq!(per(" a day"), Ok(("", "day")));
        assert_eq!(per("/year"), Ok(("", "year")));
        assert!(per(" a decade").is_err());
    }
}
