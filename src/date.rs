//! Civil dates and the periods that claims speak of.
//!
//! claimcheck needs very little calendar arithmetic: days in a month, weekdays, and stepping a
//! day or a week. A proleptic Gregorian `Date` with the days-from-civil algorithm is enough, and
//! keeps the crate free of a time-zone database it would never use.

use std::fmt;

/// A proleptic Gregorian calendar day.
///
/// # Example
/// ```
/// use claimcheck::Date;
/// let d = Date::parse_iso("2021-07-13").unwrap();
/// assert_eq!(d.weekday(), 1); // Tuesday (Monday is 0)
/// assert_eq!(d.to_string(), "2021-07-13");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Years claimcheck accepts in dates; outside this range a "year" is just a number.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

impl Date {
    /// A date, or `None` when the day does not exist or the year is outside [`YEARS`].
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let y: i32 = s.get(0..4)?.parse().ok()?;
        let m: u8 = s.get(5..7)?.parse().ok()?;
        let d: u8 = s.get(8..10)?.parse().ok()?;
        if !s.get(0..4)?.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Date::new(y, m, d)
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "years are within YEARS, so every term is far from i64 limits"
    )]
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil; all values are small, so i64 cannot overflow.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, when its year is within [`YEARS`].
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "the first step is checked; after it every term is bounded by an era"
    )]
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    #[allow(clippy::arithmetic_side_effects, reason = "to_days is bounded by YEARS")]
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        u8::try_from((self.to_days() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The date `n` days later (or earlier, for negative `n`).
    pub fn add_days(&self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// The first day of this date's month.
    pub fn first_of_month(&self) -> Date {
        Date { day: 1, ..*self }
    }
}

/// Number of days in a month of a year (0 for an invalid month).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An inclusive span of days: "October 2016" is 2016-10-01 ..= 2016-10-31.
///
/// # Example
/// ```
/// use claimcheck::{Date, Period};
/// let oct = Period::month(2016, 10).unwrap();
/// assert_eq!(oct.end(), Date::new(2016, 10, 31).unwrap());
/// assert!(oct.overlaps(&Period::year(2016).unwrap()));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, serde::Serialize)]
pub struct Period {
    start: Date,
    end: Date,
}

impl Period {
    /// A period from `start` to `end` inclusive; `None` when `end < start`.
    pub fn new(start: Date, end: Date) -> Option<Period> {
        (start <= end).then_some(Period { start, end })
    }

    /// One day.
    pub fn day(d: Date) -> Period {
        Period { start: d, end: d }
    }

    /// A whole month.
    pub fn month(year: i32, month: u8) -> Option<Period> {
        let start = Date::new(year, month, 1)?;
        let end = Date::new(year, month, days_in_month(year, month))?;
        Some(Period { start, end })
    }

    /// A whole year.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period { start: Date::new(year, 1, 1)?, end: Date::new(year, 12, 31)? })
    }

    /// The first day.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last day.
    pub fn end(&self) -> Date {
        self.end
    }

    /// True when the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else if self.start.day == 1
            && self.end.day == days_in_month(self.end.year, self.end.month)
            && self.start.year == self.end.year
        {
            if self.start.month == 1 && self.end.month == 12 {
                write!(f, "{}", self.start.year)
            } else if self.start.month == self.end.month {
                write!(f, "{:04}-{:02}", self.start.year, self.start.month)
            } else {
                write!(f, "{}..{}", self.start, self.end)
            }
        } else {
            write!(f, "{}..{}", self.start, self.end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for s in ["1970-01-01", "2000-02-29", "2016-10-31", "2999-12-31", "1000-01-01"] {
            let d = Date::parse_iso(s).unwrap();
            assert_eq!(Date::from_days(d.to_days()), Some(d), "{s}");
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::parse_iso("2022-11-21").unwrap().weekday(), 0);
        assert_eq!(Date::parse_iso("2018-01-25").unwrap().weekday(), 3);
    }

    #[test]
    fn err_parse_iso_rejects() {
        for s in ["2021-02-29", "2021-13-01", "21-01-01", "2021-1-01", "abcd-01-01", "+021-01-01"] {
            assert_eq!(Date::parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn period_display() {
        assert_eq!(Period::month(2016, 10).unwrap().to_string(), "2016-10");
        assert_eq!(Period::year(2016).unwrap().to_string(), "2016");
    }
}
