//! Exact numbers: a normalised rational over `i128`.
//!
//! News figures are decimals with scale words ("1.2 billion"), fractions ("two-thirds") and
//! products of both. Floating point would round "1.2 billion" to 1199999999.9999998 somewhere
//! along the way, so every amount is kept as `num / den` with `den > 0` and `gcd(num, den) == 1`.
//! All arithmetic is checked: an overflow returns `None`, which the grammar turns into a
//! "too large" diagnostic instead of a wrong value.

use std::cmp::Ordering;
use std::fmt;

/// An exact rational number, always in lowest terms with a positive denominator.
///
/// # Example
/// ```
/// use claimcheck::Number;
/// let n = Number::parse_decimal("1.2").unwrap().checked_mul(Number::from_int(1_000_000_000)).unwrap();
/// assert_eq!(n, Number::from_int(1_200_000_000));
/// assert_eq!(n.to_string(), "1200000000");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Number {
    num: i128,
    den: i128,
}

/// The greatest common divisor, by the binary (Stein) algorithm: shifts and subtractions,
/// several times faster than Euclid's on `i128`, whose division is a library call. Zero when
/// both are zero is reported as one, so that callers can always divide by the result.
fn gcd(a: i128, b: i128) -> i128 {
    // Callers pass values whose magnitude fits, so `abs` is safe except for `i128::MIN`,
    // which `new` rejects before calling.
    let (mut a, mut b) =
        (a.checked_abs().unwrap_or(1).unsigned_abs(), b.checked_abs().unwrap_or(1).unsigned_abs());
    if a == 0 || b == 0 {
        return i128::try_from(a | b).ok().filter(|&g| g != 0).unwrap_or(1);
    }
    if a == 1 || b == 1 {
        return 1;
    }
    let shift = (a | b).trailing_zeros();
    a = a.wrapping_shr(a.trailing_zeros());
    loop {
        b = b.wrapping_shr(b.trailing_zeros());
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b = b.wrapping_sub(a);
        if b == 0 {
            break;
        }
    }
    i128::try_from(a.wrapping_shl(shift)).unwrap_or(1)
}

/// Whether `x` fits in an `i64`: the product of two such values fits in an `i128`.
fn fits_i64(x: i128) -> bool {
    i64::try_from(x).is_ok()
}

/// `x / g` for a divisor `g` of `x`; without the (library-call) 128-bit division when `g` is
/// one, as it is for most fractions met in news text.
fn exact_div(x: i128, g: i128) -> Option<i128> {
    if g == 1 {
        Some(x)
    } else {
        x.checked_div(g)
    }
}

impl Number {
    /// Zero.
    pub const ZERO: Number = Number { num: 0, den: 1 };
    /// One.
    pub const ONE: Number = Number { num: 1, den: 1 };

    /// Builds `num / den` in lowest terms; `None` when `den` is zero or a value is `i128::MIN`.
    pub fn new(num: i128, den: i128) -> Option<Number> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        if den == 1 {
            return Some(Number { num, den });
        }
        let g = gcd(num, den);
        let (mut n, mut d) = (exact_div(num, g)?, exact_div(den, g)?);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Number { num: n, den: d })
    }

    /// An integer.
    pub const fn from_int(n: i64) -> Number {
        Number { num: n as i128, den: 1 }
    }

    /// Parses plain decimal digits with an optional fractional part ("7", "7.25", ".5").
    ///
    /// Returns `None` for anything else, or when the value does not fit.
    pub fn parse_decimal(s: &str) -> Option<Number> {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut num: i128 = 0;
        let mut den: i128 = 1;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            num = num.checked_mul(10)?.checked_add(i128::from(b.checked_sub(b'0')?))?;
        }
        for _ in 0..frac.len() {
            den = den.checked_mul(10)?;
        }
        Number::new(num, den)
    }

    /// The numerator (carries the sign).
    pub fn numer(&self) -> i128 {
        self.num
    }

    /// The denominator (always positive).
    pub fn denom(&self) -> i128 {
        self.den
    }

    /// True when the denominator is one.
    pub fn is_integer(&self) -> bool {
        self.den == 1
    }

    /// The value as an `i64` when it is an integer that fits.
    pub fn to_i64(&self) -> Option<i64> {
        if self.den == 1 {
            i64::try_from(self.num).ok()
        } else {
            None
        }
    }

    /// The nearest `f64`: for display and JSON only, never for comparisons.
    #[allow(clippy::cast_precision_loss, reason = "display only; comparisons stay exact")]
    pub fn to_f64(&self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// `self + rhs`, or `None` on overflow.
    pub fn checked_add(self, rhs: Number) -> Option<Number> {
        if self.den == 1 || rhs.den == 1 {
            // i + n/d with n/d in lowest terms is (i·d + n)/d, in lowest terms too (a common
            // factor of i·d + n and d would divide n): no gcd needed.
            let (int, frac) = if self.den == 1 { (self, rhs) } else { (rhs, self) };
            let num = int.num.checked_mul(frac.den)?.checked_add(frac.num)?;
            return (num != i128::MIN).then_some(Number { num, den: frac.den });
        }
        let g = gcd(self.den, rhs.den);
        let l = self.den.checked_div(g)?.checked_mul(rhs.den)?;
        let a = self.num.checked_mul(l.checked_div(self.den)?)?;
        let b = rhs.num.checked_mul(l.checked_div(rhs.den)?)?;
        Number::new(a.checked_add(b)?, l)
    }

    /// `self - rhs`, or `None` on overflow.
    pub fn checked_sub(self, rhs: Number) -> Option<Number> {
        self.checked_add(Number { num: rhs.num.checked_neg()?, den: rhs.den })
    }

    /// `self * rhs`, or `None` on overflow.
    pub fn checked_mul(self, rhs: Number) -> Option<Number> {
        if self.den == 1 && rhs.den == 1 {
            return Number::new(self.num.checked_mul(rhs.num)?, 1);
        }
        // Cross-reduce first so that products of reduced fractions stay small.
        let g1 = gcd(self.num, rhs.den);
        let g2 = gcd(rhs.num, self.den);
        let (a, b) = (exact_div(self.num, g1)?, exact_div(rhs.num, g2)?);
        let (c, d) = (exact_div(self.den, g2)?, exact_div(rhs.den, g1)?);
        let (n, d) = if [a, b, c, d].into_iter().all(fits_i64) {
            // Products of values that fit in 64 bits fit in 128: no overflow to check.
            (a.wrapping_mul(b), c.wrapping_mul(d))
        } else {
            (a.checked_mul(b)?, c.checked_mul(d)?)
        };
        // Both factors were in lowest terms and every common factor across them is divided
        // out, so n/d is in lowest terms, with d > 0.
        (n != i128::MIN && d != i128::MIN).then_some(Number { num: n, den: d })
    }

    /// `self / rhs`, or `None` on overflow or division by zero.
    pub fn checked_div(self, rhs: Number) -> Option<Number> {
        if rhs.num == 0 {
            return None;
        }
        self.checked_mul(Number::new(rhs.den, rhs.num)?)
    }

    /// `self * n / d` for small factors, the common tolerance computation.
    pub fn scale(self, n: i64, d: i64) -> Option<Number> {
        self.checked_mul(Number::new(i128::from(n), i128::from(d))?)
    }

    /// True when the value is negative.
    pub fn is_negative(&self) -> bool {
        self.num < 0
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.den == other.den {
            return self.num.cmp(&other.num);
        }
        // a/b ? c/d  <=>  a*d ? c*b (b, d > 0). Fall back to a wide comparison on overflow.
        if [self.num, self.den, other.num, other.den].into_iter().all(fits_i64) {
            // The usual case: products of values that fit in 64 bits fit in 128.
            return self.num.wrapping_mul(other.den).cmp(&other.num.wrapping_mul(self.den));
        }
        match (self.num.checked_mul(other.den), other.num.checked_mul(self.den)) {
            (Some(l), Some(r)) => l.cmp(&r),
            _ => {
                // Compare integer parts, then remainders, recursively by continued fractions.
                let (qa, ra) = (self.num.div_euclid(self.den), self.num.rem_euclid(self.den));
                let (qb, rb) = (other.num.div_euclid(other.den), other.num.rem_euclid(other.den));
                match qa.cmp(&qb) {
                    Ordering::Equal => {
                        // Compare ra/self.den with rb/other.den; both in [0, 1).
                        match (ra == 0, rb == 0) {
                            (true, true) => Ordering::Equal,
                            (true, false) => Ordering::Less,
                            (false, true) => Ordering::Greater,
                            (false, false) => {
                                // ra/da < rb/db  <=>  db/rb < da/ra (reciprocals swap order).
                                let a = Number { num: self.den, den: ra };
                                let b = Number { num: other.den, den: rb };
                                b.cmp(&a)
                            }
                        }
                    }
                    o => o,
                }
            }
        }
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Number {
    /// Integers print as digits; terminating decimals print exactly; other fractions print as
    /// `num/den`.
    #[allow(clippy::arithmetic_side_effects, reason = "den > 0 and each division is exact")]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            return write!(f, "{}", self.num);
        }
        // Terminating decimal when den = 2^a * 5^b.
        let mut d = self.den;
        let mut twos = 0u32;
        let mut fives = 0u32;
        while d % 2 == 0 {
            d /= 2;
            twos += 1;
        }
        while d % 5 == 0 {
            d /= 5;
            fives += 1;
        }
        if d != 1 {
            return write!(f, "{}/{}", self.num, self.den);
        }
        let places = twos.max(fives);
        let Some(scaled) = 10i128
            .checked_pow(places)
            .and_then(|p| p.checked_div(self.den))
            .and_then(|m| self.num.checked_mul(m))
        else {
            return write!(f, "{}/{}", self.num, self.den);
        };
        let sign = if scaled < 0 { "-" } else { "" };
        let digits = scaled.unsigned_abs().to_string();
        let places = places as usize;
        let (int, frac) = if digits.len() > places {
            digits.split_at(digits.len().saturating_sub(places))
        } else {
            ("0", digits.as_str())
        };
        write!(f, "{sign}{int}.{frac:0>places$}")
    }
}

impl serde::Serialize for Number {
    /// Integers that fit serialise as JSON integers, everything else as the nearest `f64`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.to_i64() {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Number {
        Number::parse_decimal(s).unwrap()
    }

    /// Euclid's algorithm, the reference for the binary one.
    fn euclid(a: i128, b: i128) -> i128 {
        let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
        while b != 0 {
            (a, b) = (b, a.checked_rem(b).unwrap());
        }
        if a == 0 {
            1
        } else {
            i128::try_from(a).unwrap()
        }
    }

    #[test]
    fn binary_gcd_rows() {
        let max = i128::MAX;
        for (a, b, want) in [
            (0, 0, 1),
            (0, 12, 12),
            (-12, 0, 12),
            (12, 18, 6),
            (-12, 18, 6),
            (7_000_000_000, 10, 10),
            (1 << 100, 3 << 90, 1 << 90),
            (max, max, max),
            (max, 1, 1),
        ] {
            assert_eq!(gcd(a, b), want, "gcd({a}, {b})");
            assert_eq!(euclid(a, b), want, "euclid({a}, {b})");
        }
    }

    proptest::proptest! {
        #[test]
        fn binary_gcd_is_euclid(a in (i128::MIN + 1)..=i128::MAX, b in (i128::MIN + 1)..=i128::MAX, shift in 0u32..100) {
            proptest::prop_assert_eq!(gcd(a, b), euclid(a, b));
            // Shared powers of two, where the binary algorithm shifts.
            let (a, b) = (a >> shift << shift, b >> shift << shift);
            proptest::prop_assert_eq!(gcd(a, b), euclid(a, b));
        }
    }

    proptest::proptest! {
        /// Sums, products and comparisons (with their shortcuts for integers and equal
        /// denominators) agree with plain cross-multiplication.
        #[test]
        #[allow(clippy::arithmetic_side_effects, reason = "operands below 2^50 cannot overflow")]
        fn arithmetic_matches_cross_multiplication(
            an in -(1i128 << 40)..(1 << 40), ad in proptest::prop_oneof![proptest::strategy::Just(1i128), 1i128..1000],
            bn in -(1i128 << 40)..(1 << 40), bd in proptest::prop_oneof![proptest::strategy::Just(1i128), 1i128..1000],
        ) {
            let (a, b) = (Number::new(an, ad).unwrap(), Number::new(bn, bd).unwrap());
            proptest::prop_assert_eq!(a.checked_add(b), Number::new(an * bd + bn * ad, ad * bd));
            proptest::prop_assert_eq!(a.checked_sub(b), Number::new(an * bd - bn * ad, ad * bd));
            proptest::prop_assert_eq!(a.checked_mul(b), Number::new(an * bn, ad * bd));
            proptest::prop_assert_eq!(a.cmp(&b), (an * bd).cmp(&(bn * ad)));
        }
    }

    proptest::proptest! {
        /// Products and comparisons of fractions whose parts reach up to the 64-bit bound of
        /// their overflow-free shortcut agree with 128-bit cross-multiplication, which cannot
        /// overflow for such parts. (Parts past the bound take the checked paths:
        /// `comparisons_past_64_bits_take_the_wide_path`.)
        #[test]
        #[allow(clippy::arithmetic_side_effects, reason = "products of two i64 fit in i128")]
        fn wide_products_and_comparisons_match_cross_multiplication(
            an in proptest::prop_oneof![i128::from(i64::MIN + 1)..=i128::from(i64::MAX), -1000i128..1000],
            ad in proptest::prop_oneof![1i128..=i128::from(i64::MAX), 1i128..1000],
            bn in proptest::prop_oneof![i128::from(i64::MIN + 1)..=i128::from(i64::MAX), -1000i128..1000],
            bd in proptest::prop_oneof![1i128..=i128::from(i64::MAX), 1i128..1000],
        ) {
            let (a, b) = (Number::new(an, ad).unwrap(), Number::new(bn, bd).unwrap());
            proptest::prop_assert_eq!(a.cmp(&b), (an * bd).cmp(&(bn * ad)));
            proptest::prop_assert_eq!(a.checked_mul(b), Number::new(an * bn, ad * bd));
        }
    }

    #[test]
    fn comparisons_past_64_bits_take_the_wide_path() {
        // Parts past `i64` cannot take the shortcut; the checked and continued-fraction
        // comparisons still order them.
        let big = Number::new(i128::MAX - 1, 3).unwrap();
        let bigger = Number::new(i128::MAX, 3).unwrap();
        assert!(big < bigger);
        let third = Number::new(1, 3).unwrap();
        let wide = Number::new((1i128 << 100) + 1, 3i128 << 100).unwrap();
        assert!(third < wide, "1/3 < (2^100 + 1) / (3 * 2^100)");
        assert_eq!(
            Number::from_int(1 << 62).checked_mul(Number::new(4, 3).unwrap()),
            Number::new(1 << 64, 3)
        );
    }

    #[test]
    fn parse_decimal_rows() {
        for (input, want) in
            [("7", "7"), ("7.25", "7.25"), (".5", "0.5"), ("1.20", "1.2"), ("0", "0")]
        {
            assert_eq!(n(input).to_string(), want, "input: {input:?}");
        }
        for bad in ["", ".", "1.2.3", "a", "-1", "1e5"] {
            assert_eq!(Number::parse_decimal(bad), None, "input: {bad:?}");
        }
    }

    #[test]
    fn exact_scale_products() {
        let billion = Number::from_int(1_000_000_000);
        assert_eq!(n("1.2").checked_mul(billion), Some(Number::from_int(1_200_000_000)));
        assert_eq!(
            n("7.5").checked_mul(Number::from_int(1_000_000)),
            Some(Number::from_int(7_500_000))
        );
    }

    #[test]
    fn err_overflow_is_none() {
        let big = Number::parse_decimal(&"9".repeat(38)).unwrap();
        assert_eq!(big.checked_mul(big), None);
        assert_eq!(Number::parse_decimal(&"9".repeat(400)), None);
    }

    #[test]
    fn ordering_is_exact() {
        let third = Number::new(1, 3).unwrap();
        assert!(third < n("0.3334"));
        assert!(third > n("0.3333"));
        let a = Number::new(i128::MAX / 2, 3).unwrap();
        let b = Number::new(i128::MAX / 2, 7).unwrap();
        assert!(b < a);
    }

    #[test]
    fn display_fractions() {
        assert_eq!(Number::new(2, 3).unwrap().to_string(), "2/3");
        assert_eq!(Number::new(-1, 4).unwrap().to_string(), "-0.25");
        assert_eq!(Number::new(1, 8).unwrap().to_string(), "0.125");
    }
}
