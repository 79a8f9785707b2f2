//! Dates and time expressions: absolute ("October 2016", "in 2016", "2016-10-05") and
//! relative ("last May", "on Tuesday", "last week", "yesterday").
//!
//! ```text
//! date      = iso_date | day ws month [ [","] ws year ] | month [ ws day [ "," ] ] [ [","] ws year ]
//!           | [ relative ws ] month | [ relative ws ] weekday | relative ws period_word
//!           | ( "yesterday" | "today" ) | [ "the" ws ] decade | year_month ;
//! year_month = year "-" digit digit ;               (* "1995-01", "2019-20", "1939-45" *)
//! relative  = "last" | "this" | "next" | "early" | "late" | "mid" [ "-" ] ;
//! month     = "January" | "Jan" [ "." ] | … ;        (* capitalised *)
//! weekday   = "Monday" | … | "Sunday" ;             (* capitalised *)
//! period_word = "week" | "month" | "year" | "summer" | "winter" | "spring" | "autumn" | "fall" ;
//! decade    = digit digit digit "0" "s" ;           (* "1990s" *)
//! ```
//!
//! The grammar only reads the words; resolving a relative date against the source's
//! publication date happens in normalisation.

use super::token::{kw, word, word_class, ws};
use crate::date::{Date, Period};
use nom::{IResult, Parser};

/// Which occurrence a relative date means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// "in May", "on Tuesday": the most recent one, the publication date's own included.
    Recent,
    /// "last May", "last Tuesday": the most recent one strictly before.
    Last,
    /// "this year": the one containing the publication date.
    This,
    /// "next May": the first one after.
    Next,
}

/// A date as read, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RawDate {
    /// A fully stated period.
    Absolute(Period),
    /// A month without a year.
    Month { month: u8, rel: Rel },
    /// A day of a month without a year ("October 5").
    MonthDay { month: u8, day: u8 },
    /// A weekday (Monday = 0).
    Weekday { weekday: u8, rel: Rel },
    /// A whole calendar unit relative to publication: "last week" is `Unit { unit: Week, offset: -1 }`.
    Unit { unit: CalUnit, offset: i8 },
    /// A season relative to publication.
    Season { season: u8, rel: Rel },
    /// A weekend: "over the weekend" (`Recent`), "last weekend", "next weekend".
    Weekend { rel: Rel },
}

/// Calendar units for relative dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CalUnit {
    Day,
    Week,
    Month,
    Year,
}

/// A month name (capitalised; abbreviations may take a period) to its number.
pub(crate) fn month_name(w: &str) -> Option<u8> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    super::token::with_lower(w, |l| {
        Some(match l {
            "january" | "jan" => 1,
            "february" | "feb" => 2,
            "march" | "mar" => 3,
            "april" | "apr" => 4,
            "may" => 5,
            "june" | "jun" => 6,
            "july" | "jul" => 7,
            "august" | "aug" => 8,
            "september" | "sep" | "sept" => 9,
            "october" | "oct" => 10,
            "november" | "nov" => 11,
            "december" | "dec" => 12,
            _ => return None,
        })
    })
    .flatten()
}

/// A weekday name (capitalised) to Monday = 0 … Sunday = 6.
pub(crate) fn weekday_name(w: &str) -> Option<u8> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    super::token::with_lower(w, |l| {
        Some(match l {
            "monday" => 0,
            "tuesday" => 1,
            "wednesday" => 2,
            "thursday" => 3,
            "friday" => 4,
            "saturday" => 5,
            "sunday" => 6,
            _ => return None,
        })
    })
    .flatten()
}

/// Reads a month name, with the optional period after an abbreviation.
fn month(i: &str) -> IResult<&str, u8> {
    let (r, w) = word(i)?;
    let m = month_name(w).ok_or_else(|| super::token::fail(i))?;
    let r = if w.len() <= 4
        && !w.eq_ignore_ascii_case("may")
        && !w.eq_ignore_ascii_case("june")
        && !w.eq_ignore_ascii_case("july")
    {
        r.strip_prefix('.').unwrap_or(r)
    } else {
        r
    };
    Ok((r, m))
}

fn small_int(i: &str, max_len: usize) -> IResult<&str, u32> {
    let n = i.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max_len {
        return Err(super::token::fail(i));
    }
    let v: u32 = i.get(..n).and_then(|d| d.parse().ok()).ok_or_else(|| super::token::fail(i))?;
    let r = i.get(n..).unwrap_or("");
    if r.starts_with(|c: char| c.is_alphanumeric()) {
        // Allow ordinal suffixes on days: "October 5th".
        if let Ok((r2, suf)) = word(r) {
            if matches!(suf, "st" | "nd" | "rd" | "th")
                && super::token::at_boundary(r2)
                && max_len == 2
            {
                return Ok((r2, v));
            }
        }
        return Err(super::token::fail(i));
    }
    Ok((r, v))
}

/// A four-digit year in [`crate::date::YEARS`].
pub(crate) fn year(i: &str) -> IResult<&str, i32> {
    let (r, v) = small_int(i, 4)?;
    let y = i32::try_from(v).map_err(|_| super::token::fail(i))?;
    if i.bytes().take_while(u8::is_ascii_digit).count() == 4 && crate::date::YEARS.contains(&y) {
        Ok((r, y))
    } else {
        Err(super::token::fail(i))
    }
}

fn comma_ws(i: &str) -> IResult<&str, ()> {
    let r = i.strip_prefix(',').unwrap_or(i);
    let (r, _) = ws(r)?;
    Ok((r, ()))
}

/// `iso_date = digit{4} "-" digit{2} "-" digit{2} ;`
pub(crate) fn iso_date(i: &str) -> IResult<&str, RawDate> {
    let s = i.get(..10).ok_or_else(|| super::token::fail(i))?;
    let d = Date::parse_iso(s).ok_or_else(|| super::token::fail(i))?;
    let r = i.get(10..).unwrap_or("");
    if r.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(super::token::fail(i));
    }
    Ok((r, RawDate::Absolute(Period::day(d))))
}

/// `year_month = year "-" digit digit ;` "1995-01" is January 1995; "2019-20" (the next year's
/// last two digits) and "1939-45" (a later year) are periods of years. Never a range of numbers.
pub(crate) fn year_month(i: &str) -> IResult<&str, RawDate> {
    let (r, y) = year(i)?;
    let r = r.strip_prefix('-').ok_or_else(|| super::token::fail(i))?;
    let two = r.get(..2).filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    let yy: i32 = two.and_then(|d| d.parse().ok()).ok_or_else(|| super::token::fail(i))?;
    let rest = r.get(2..).unwrap_or("");
    let mut cs = rest.chars();
    let glued = match (cs.next(), cs.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '-' || c == '/' => true,
        (Some('.' | ','), Some(d)) => d.is_ascii_digit(),
        _ => false,
    };
    if glued {
        return Err(super::token::fail(i));
    }
    let century = y.checked_div(100).and_then(|c| c.checked_mul(100)).unwrap_or(0);
    let in_century = y.checked_rem(100).unwrap_or(0);
    let years =
        |end: i32| -> Option<Period> { Period::new(Date::new(y, 1, 1)?, Date::new(end, 12, 31)?) };
    let next = in_century.checked_add(1).and_then(|n| n.checked_rem(100));
    let p = if next == Some(yy) {
        years(y.checked_add(1).unwrap_or(y))
    } else if (1..=12).contains(&yy) {
        Period::month(y, u8::try_from(yy).unwrap_or(1))
    } else if yy > in_century {
        years(century.checked_add(yy).unwrap_or(y))
    } else {
        None
    };
    let p = p.ok_or_else(|| super::token::fail(i))?;
    Ok((rest, RawDate::Absolute(p)))
}

/// Dates that start with a month name: "October 2016", "October 5, 2016", "Oct. 5", "May".
pub(crate) fn month_first(i: &str) -> IResult<&str, RawDate> {
    let (r, m) = month(i)?;
    // "October 5, 2016" / "October 5".
    if let Ok((r1, _)) = ws(r) {
        if let Ok((r2, day)) = small_int(r1, 2) {
            let day = u8::try_from(day).map_err(|_| super::token::fail(i))?;
            if let Ok((r3, ())) = comma_ws(r2) {
                if let Ok((r4, y)) = year(r3) {
                    let d = Date::new(y, m, day).ok_or_else(|| super::token::fail(i))?;
                    return Ok((r4, RawDate::Absolute(Period::day(d))));
                }
            }
            if (1..=31).contains(&day) {
                return Ok((r2, RawDate::MonthDay { month: m, day }));
            }
        }
        // "October 2016", "October of 2016".
        let r1b = kw("of").parse(r1).ok().and_then(|(r, _)| ws(r).ok()).map_or(r1, |(r, _)| r);
        if let Ok((r2, y)) = year(r1b) {
            let p = Period::month(y, m).ok_or_else(|| super::token::fail(i))?;
            return Ok((r2, RawDate::Absolute(p)));
        }
    }
    if let Ok((r1, ())) = comma_ws(r) {
        if let Ok((r2, y)) = year(r1) {
            let p = Period::month(y, m).ok_or_else(|| super::token::fail(i))?;
            return Ok((r2, RawDate::Absolute(p)));
        }
    }
    Ok((r, RawDate::Month { month: m, rel: Rel::Recent }))
}

/// Dates that start with the day: "5 October 2016", "5 October".
pub(crate) fn day_first(i: &str) -> IResult<&str, RawDate> {
    let (r, day) = small_int(i, 2)?;
    let day = u8::try_from(day).map_err(|_| super::token::fail(i))?;
    let (r, _) = ws(r)?;
    let (r, m) = month(r)?;
    if let Ok((r1, ())) = comma_ws(r) {
        if let Ok((r2, y)) = year(r1) {
            let d = Date::new(y, m, day).ok_or_else(|| super::token::fail(i))?;
            return Ok((r2, RawDate::Absolute(Period::day(d))));
        }
    }
    if (1..=31).contains(&day) {
        Ok((r, RawDate::MonthDay { month: m, day }))
    } else {
        Err(super::token::fail(i))
    }
}

fn period_word(w: &str) -> Option<PeriodWord> {
    Some(match w {
        "week" => PeriodWord::Unit(CalUnit::Week),
        "month" => PeriodWord::Unit(CalUnit::Month),
        "year" => PeriodWord::Unit(CalUnit::Year),
        "spring" => PeriodWord::Season(0),
        "summer" => PeriodWord::Season(1),
        "autumn" | "fall" => PeriodWord::Season(2),
        "winter" => PeriodWord::Season(3),
        "weekend" => PeriodWord::Weekend,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum PeriodWord {
    Unit(CalUnit),
    Season(u8),
    Weekend,
}

/// Dates that start with a word: relative words, months, weekdays, "yesterday".
///
/// `month_ok` says whether a bare "May"/"March" may be read as a month here (the caller checks
/// the word before: "in May" yes, "May I" no).
pub(crate) fn word_date(i: &str, month_ok: bool) -> IResult<&str, RawDate> {
    let (r, w) = word(i)?;
    if let Some(v) = super::token::with_lower(w, |l| match l {
        "yesterday" => Some(-1i8),
        "today" | "tonight" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    })
    .flatten()
    {
        return Ok((r, RawDate::Unit { unit: CalUnit::Day, offset: v }));
    }
    let rel = super::token::with_lower(w, |l| match l {
        "last" | "past" => Some(Rel::Last),
        "this" => Some(Rel::This),
        "next" | "coming" => Some(Rel::Next),
        _ => None,
    })
    .flatten();
    if let Some(rel) = rel {
        let (r, _) = ws(r)?;
        if let Ok((r2, pw)) = word_class(r, period_word) {
            let offset = match rel {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            return Ok((
                r2,
                match pw {
                    PeriodWord::Unit(unit) => RawDate::Unit { unit, offset },
                    PeriodWord::Season(season) => RawDate::Season { season, rel },
                    PeriodWord::Weekend => RawDate::Weekend { rel },
                },
            ));
        }
        if let Ok((r2, m)) = month(r) {
            return Ok((r2, RawDate::Month { month: m, rel }));
        }
        let (r2, w2) = word(r)?;
        let wd = weekday_name(w2).ok_or_else(|| super::token::fail(i))?;
        return Ok((r2, RawDate::Weekday { weekday: wd, rel }));
    }
    // "over the weekend", "at the weekend": the caller saw "the" before.
    if w.eq_ignore_ascii_case("weekend") && month_ok {
        return Ok((r, RawDate::Weekend { rel: Rel::Recent }));
    }
    if let Some(wd) = weekday_name(w) {
        return Ok((r, RawDate::Weekday { weekday: wd, rel: Rel::Recent }));
    }
    // Abbreviations without a period ("Jun", "Mar", "Dec") are often names: only with a day or
    // year after them.
    let bare_abbreviation = w.len() <= 4
        && !matches!(w, "May" | "June" | "July")
        && !r.starts_with('.')
        && month_name(w).is_some();
    let ambiguous = w == "May" || w == "March" || bare_abbreviation;
    if ambiguous && !month_ok {
        // Only with a day or year right after: "May 5", "March 2019".
        let (r2, d) = month_first(i)?;
        return match d {
            RawDate::Month { .. } => Err(super::token::fail(i)),
            d => Ok((r2, d)),
        };
    }
    month_first(i)
}

/// `decade = digit digit digit "0" "s" ;` ("1990s"), with an optional leading "the".
pub(crate) fn decade(i: &str) -> IResult<&str, RawDate> {
    let d = i
        .get(..4)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| super::token::fail(i))?;
    let y: i32 = d.parse().map_err(|_| super::token::fail(i))?;
    let r = i.get(4..).unwrap_or("");
    let r = r.strip_prefix('s').ok_or_else(|| super::token::fail(i))?;
    if y % 10 != 0 || !super::token::at_boundary(r) || !crate::date::YEARS.contains(&y) {
        return Err(super::token::fail(i));
    }
    let p = Period::new(
        Date::new(y, 1, 1).ok_or_else(|| super::token::fail(i))?,
        Date::new(y.saturating_add(9), 12, 31).ok_or_else(|| super::token::fail(i))?,
    )
    .ok_or_else(|| super::token::fail(i))?;
    Ok((r, RawDate::Absolute(p)))
}

/// True for lower-cased month names and abbreviations (for the candidate scan).
pub(crate) fn month_name_lower(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "jan"
            | "february"
            | "feb"
            | "march"
            | "mar"
            | "april"
            | "apr"
            | "may"
            | "june"
            | "jun"
            | "july"
            | "jul"
            | "august"
            | "aug"
            | "september"
            | "sep"
            | "sept"
            | "october"
            | "oct"
            | "november"
            | "nov"
            | "december"
            | "dec"
    )
}

/// True for lower-cased weekday names (for the candidate scan).
pub(crate) fn weekday_lower(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> RawDate {
        RawDate::Absolute(match s.len() {
            4 => Period::year(s.parse().unwrap()).unwrap(),
            7 => Period::month(s[..4].parse().unwrap(), s[5..].parse().unwrap()).unwrap(),
            _ => Period::day(Date::parse_iso(s).unwrap()),
        })
    }

    #[test]
    fn word_date_rows() {
        for (input, want, rest) in [
            ("October 2016 of", p("2016-10"), " of"),
            ("October 5, 2016.", p("2016-10-05"), "."),
            ("Oct. 5", RawDate::MonthDay { month: 10, day: 5 }, ""),
            ("last May", RawDate::Month { month: 5, rel: Rel::Last }, ""),
            ("December,", RawDate::Month { month: 12, rel: Rel::Recent }, ","),
            ("Tuesday that", RawDate::Weekday { weekday: 1, rel: Rel::Recent }, " that"),
            ("last week", RawDate::Unit { unit: CalUnit::Week, offset: -1 }, ""),
            ("Last year", RawDate::Unit { unit: CalUnit::Year, offset: -1 }, ""),
            ("last summer", RawDate::Season { season: 1, rel: Rel::Last }, ""),
            ("last weekend", RawDate::Weekend { rel: Rel::Last }, ""),
            ("yesterday", RawDate::Unit { unit: CalUnit::Day, offset: -1 }, ""),
        ] {
            assert_eq!(word_date(input, true), Ok((rest, want)), "input: {input:?}");
        }
    }

    #[test]
    fn err_word_date_rows() {
        for input in ["may", "May I", "last time", "this is", "monday", "Jun Sato"] {
            assert!(word_date(input, false).is_err(), "input: {input:?}");
        }
        assert!(word_date("May 2019", false).is_ok());
    }

    #[test]
    fn digit_dates() {
        assert_eq!(iso_date("2016-10-05 x"), Ok((" x", p("2016-10-05"))));
        assert_eq!(day_first("5 October 2016"), Ok(("", p("2016-10-05"))));
        assert!(matches!(decade("1990s"), Ok(("", RawDate::Absolute(_)))));
        assert!(decade("1995s").is_err());
        assert_eq!(year("2016,"), Ok((",", 2016)));
        assert_eq!(year_month("1995-01"), Ok(("", p("1995-01"))));
        let season = year_month("2019-20 season").map(|(r, d)| (r, format!("{d:?}")));
        assert!(season.is_ok_and(|(r, d)| r == " season" && d.contains("2020")));
        assert!(year_month("1995-1999").is_err());
        assert!(year_month("2019-05-01").is_err());
        assert!(year_month("2019-13").is_err());
        assert!(year("20160").is_err());
    }
}
