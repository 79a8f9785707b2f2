//! Token-level helpers shared by the productions: words, separators and word-class lookups.
//!
//! Every helper is a nom parser over `&str` that never consumes a partial word: a word is a
//! maximal run of ASCII letters, so "ten" never matches inside "tenants".

use nom::error::{Error, ErrorKind};
use nom::IResult;

/// Longest word the lookups consider; longer runs of letters are never grammar words.
const MAX_WORD: usize = 24;

/// The number of ASCII letters `b` starts with.
///
/// Every word of the text passes through here, so the bytes are tested eight at a time, as the
/// lanes of one `u64`: with bit 5 (case) and bit 7 cleared, a letter lies in `0x41..=0x5A`, and
/// adding `0x3F` or `0x25` to each lane sets its top bit exactly when the lane is at least
/// `0x41` or above `0x5A` (lanes stay below `0x60`, so no carry crosses into the next).
/// Bytes with the top bit set (non-ASCII) are never letters.
pub(crate) fn letters(b: &[u8]) -> usize {
    let mut n = 0usize;
    let mut rest = b;
    while let Some(chunk) = rest.first_chunk::<8>() {
        let stop = non_letters(u64::from_le_bytes(*chunk));
        if stop != 0 {
            return n.saturating_add(first_lane(stop));
        }
        n = n.saturating_add(8);
        rest = rest.get(8..).unwrap_or_default();
    }
    n.saturating_add(rest.iter().take_while(|c| c.is_ascii_alphabetic()).count())
}

/// The lanes of `x` (eight bytes loaded little-endian, so in text order from the low byte)
/// that are not ASCII letters, each marked by its top bit ([`letters`]).
pub(crate) fn non_letters(x: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = LANES * 0x80;
    let folded = x & (LANES * 0x5F);
    let at_least_a = folded.wrapping_add(LANES * 0x3F);
    let past_z = folded.wrapping_add(LANES * 0x25);
    let letter = at_least_a & !past_z & !x & TOP;
    !letter & TOP
}

/// The first lane marked in `marks` (top bits of lanes, at least one set).
pub(crate) fn first_lane(marks: u64) -> usize {
    usize::try_from(marks.trailing_zeros() / 8).unwrap_or(0)
}

/// `word = letter { letter } ;` (ASCII letters only)
pub(crate) fn word(i: &str) -> IResult<&str, &str> {
    // Letters are single bytes, so counting bytes finds the same end as decoding chars.
    let len = letters(i.as_bytes());
    match (len, i.split_at_checked(len)) {
        (1.., Some((w, rest))) => Ok((rest, w)),
        _ => Err(nom::Err::Error(Error::new(i, ErrorKind::TakeWhile1))),
    }
}

/// Reads one word and maps its lower-case form through `f`; fails when `f` returns `None` or
/// when the word is immediately followed by a digit (an identifier such as "G7").
pub(crate) fn word_class<T>(i: &str, f: impl FnOnce(&str) -> Option<T>) -> IResult<&str, T> {
    let (rest, w) = word(i)?;
    if rest.as_bytes().first().is_some_and(|&b| b.is_ascii_digit() || b == b'_') {
        return Err(fail(i));
    }
    match with_lower(w, f).flatten() {
        Some(v) => Ok((rest, v)),
        None => Err(fail(i)),
    }
}

thread_local! {
    /// The last word with capitals that [`with_lower`] lower-cased on this thread, and its
    /// lower-case form. The grammar asks about one word several times in a row ("Americans"
    /// after an amount is tried as a percent, an age, a unit, a currency…), so the copy is
    /// usually made once; kept as `String`s, it is read back without UTF-8 validation.
    static LAST_LOWERED: std::cell::RefCell<(String, String)> =
        const { std::cell::RefCell::new((String::new(), String::new())) };
}

/// Runs `f` on the ASCII-lower-cased `w` without allocating (past a thread's first words);
/// `None` when `w` is too long.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let bytes = w.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    // Most words are already lower case: no copy, no validation. Lower-case letters have bit
    // 5 set and upper-case ones never, so a word whose bytes all have it is settled without a
    // branch per byte; other words are asked byte by byte.
    let bit5_everywhere = bytes.iter().fold(0x20, |all, &b| all & b) != 0;
    if bit5_everywhere || !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(f(w));
    }
    let mut f = Some(f);
    let cached = LAST_LOWERED.try_with(|cell| {
        // A call from inside `f` finds the cell borrowed and takes the stack copy below.
        let mut last = cell.try_borrow_mut().ok()?;
        let (original, lower) = &mut *last;
        if original.as_str() != w {
            original.clear();
            original.push_str(w);
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
        }
        f.take().map(|f| f(lower))
    });
    if let Ok(Some(found)) = cached {
        return Some(found);
    }
    let f = f?;
    Lower::new(w).map(|lower| f(lower.as_str()))
}

/// A word of up to [`MAX_WORD`] bytes, ASCII-lower-cased into a buffer on the stack: what a
/// production matches a word against when it needs the word after the match, without a
/// `String` per word.
#[derive(Clone, Copy)]
pub(crate) struct Lower {
    buf: [u8; MAX_WORD],
    len: usize,
}

impl Lower {
    /// `w` lower-cased; `None` when it is longer than [`MAX_WORD`] (never a grammar word).
    pub(crate) fn new(w: &str) -> Option<Lower> {
        let mut buf = [0u8; MAX_WORD];
        let dst = buf.get_mut(..w.len())?;
        dst.copy_from_slice(w.as_bytes());
        dst.make_ascii_lowercase();
        Some(Lower { buf, len: w.len() })
    }

    /// The lower-cased word.
    pub(crate) fn as_str(&self) -> &str {
        // Lower-casing ASCII bytes keeps UTF-8 valid, so this never falls back.
        self.buf.get(..self.len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }
}

/// Matches a word case-insensitively, requiring a word boundary after it: the whole run of
/// letters is `k` (lower-case ASCII letters), and no digit follows it.
pub(crate) fn kw<'a>(k: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    debug_assert!(!k.is_empty() && k.bytes().all(|c| c.is_ascii_lowercase()), "{k:?}");
    move |i: &'a str| {
        let b = i.as_bytes();
        // Setting bit 5 lower-cases an ASCII letter and makes no other byte a lower-case one,
        // so this compares letters without case and fails on anything else.
        let same = b
            .get(..k.len())
            .is_some_and(|head| head.iter().zip(k.as_bytes()).all(|(&x, &y)| x | 0x20 == y));
        let bounded = !b.get(k.len()).is_some_and(u8::is_ascii_alphanumeric);
        // The bytes matched are ASCII, so the split falls on a char boundary.
        match i.split_at_checked(k.len()) {
            Some((w, rest)) if same && bounded && !k.is_empty() => Ok((rest, w)),
            _ => Err(fail(i)),
        }
    }
}

/// True for the characters that separate words inside one claim: spaces, tabs, no-break and
/// thin spaces, and a single line break.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}')
}

/// `ws = space { space } ;` with at most one line break.
///
/// The grammar asks this tens of thousands of times per megabyte of text, nearly always where
/// there is no space or one space before a word: those two cases are decided here, inlined
/// into the callers, and the rest in [`ws_other`].
#[inline]
pub(crate) fn ws(i: &str) -> IResult<&str, &str> {
    let not_space = |b: &u8| b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    match i.as_bytes() {
        [first, ..] if not_space(first) => Err(fail(i)),
        [b' ', next, ..] if not_space(next) => {
            Ok((i.get(1..).unwrap_or(""), i.get(..1).unwrap_or("")))
        }
        _ => ws_other(i),
    }
}

/// [`ws`] past its two usual cases: runs of spaces, tabs, other space chars and one line
/// break.
#[inline(never)]
fn ws_other(i: &str) -> IResult<&str, &str> {
    let mut newlines = 0u8;
    let mut end = 0usize;
    for (idx, c) in i.char_indices() {
        if is_space(c) || c == '\r' {
            end = idx.saturating_add(c.len_utf8());
        } else if c == '\n' && newlines == 0 {
            newlines = 1;
            end = idx.saturating_add(1);
        } else {
            break;
        }
    }
    if end == 0 {
        return Err(fail(i));
    }
    Ok((i.get(end..).unwrap_or(""), i.get(..end).unwrap_or("")))
}

/// A hyphen or a space, as between "twenty" and "two"; or a hyphen that ends a line, as in a
/// word broken there ("twenty-⏎two", or "twenty- two" once a wrapped paragraph is joined and
/// its line break read as a space).
pub(crate) fn joiner(i: &str) -> IResult<&str, ()> {
    // A hyphen or a non-breaking hyphen.
    if let Some(r) = i.strip_prefix('-').or_else(|| i.strip_prefix('\u{2011}')) {
        return Ok((past_line_end(r), ()));
    }
    ws(i).map(|(r, _)| (r, ()))
}

/// `r`, after a hyphen, past the line end that follows it (a line break, or the one space
/// that a joined line break became before a letter or digit). Kept out of [`joiner`], which
/// the grammar calls at almost every word, since hyphens are rare.
#[cold]
fn past_line_end(r: &str) -> &str {
    let joined = r.strip_prefix(' ').filter(|r2| r2.starts_with(|c: char| c.is_alphanumeric()));
    let broken = || ws(r).ok().filter(|(_, gap)| gap.contains('\n')).map(|(r2, _)| r2);
    joined.or_else(broken).unwrap_or(r)
}

/// A dash used in ranges: hyphen, en dash, em dash, minus sign.
pub(crate) fn range_dash(i: &str) -> IResult<&str, ()> {
    for d in ["-", "\u{2013}", "\u{2014}", "\u{2212}", "\u{2011}"] {
        if let Some(r) = i.strip_prefix(d) {
            return Ok((r, ()));
        }
    }
    Err(fail(i))
}

/// True when `i` starts at a word boundary (no letter or digit follows immediately).
pub(crate) fn at_boundary(i: &str) -> bool {
    !i.starts_with(|c: char| c.is_alphanumeric() || c == '_')
}

/// A nom error at `i`.
pub(crate) fn fail(i: &str) -> nom::Err<Error<&str>> {
    nom::Err::Error(Error::new(i, ErrorKind::Verify))
}

/// `before` without the gap at its end: the trailing chars `gap` accepts (`gap` accepts the
/// space). One space after a letter, the usual gap between words, is passed on bytes, without
/// decoding chars from the end.
pub(crate) fn trim_gap_end(before: &str, gap: impl Fn(char) -> bool) -> &str {
    match before.as_bytes() {
        [.., l, b' '] if l.is_ascii_alphabetic() => {
            before.get(..before.len().saturating_sub(1)).unwrap_or(before)
        }
        _ => before.trim_end_matches(gap),
    }
}

/// The last word (ASCII letters, possibly with inner hyphens) before byte `pos` of `text`,
/// skipping spaces, with its start offset.
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<(usize, &str)> {
    let trimmed = trim_gap_end(text.get(..pos)?, is_space);
    let end = trimmed.len();
    // Letters and hyphens are ASCII, never part of a longer char: count bytes.
    let len = trimmed.bytes().rev().take_while(|&c| c.is_ascii_alphabetic() || c == b'-').count();
    let w = trimmed.get(end.checked_sub(len)?..end)?.trim_start_matches('-');
    if w.is_empty() {
        return None;
    }
    Some((end.saturating_sub(w.len()), w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_rows() {
        let longest = "x".repeat(MAX_WORD);
        let too_long = "x".repeat(MAX_WORD + 1);
        for (w, want) in [
            ("Americans", Some("americans")),
            ("at", Some("at")),
            ("", Some("")),
            ("ÉTÉ", Some("ÉtÉ")),
            (longest.as_str(), Some(longest.as_str())),
            (too_long.as_str(), None),
        ] {
            assert_eq!(Lower::new(w).as_ref().map(Lower::as_str), want, "{w:?}");
        }
    }

    proptest::proptest! {
        /// `with_lower` gives `f` the lower-cased word, whatever words came before it on the
        /// thread (the remembered last word) and when called again from inside `f`.
        #[test]
        fn with_lower_lowers_in_any_order_and_nested(
            words in proptest::collection::vec("[a-zA-Z\u{e9}\u{c9}]{0,26}", 1..6),
        ) {
            let want = |w: &str| (w.len() <= MAX_WORD).then(|| w.to_ascii_lowercase());
            for (k, w) in words.iter().enumerate() {
                proptest::prop_assert_eq!(with_lower(w, str::to_string), want(w));
                let other = words.get(k.saturating_sub(1)).map_or("", String::as_str);
                let nested = with_lower(w, |l| (l.to_string(), with_lower(other, str::to_string)));
                proptest::prop_assert_eq!(nested, want(w).map(|l| (l, want(other))));
            }
        }

        /// The eight-at-a-time count equals counting byte by byte, on any bytes.
        #[test]
        fn letters_counts_like_a_byte_loop(
            b in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u8::ANY,
                    proptest::sample::select(b"aZzA@[`{ 0\x7f\xc1\xe1\xdaq".to_vec()),
                ],
                0..40,
            ),
            skip in 0usize..8,
        ) {
            let b = b.get(skip.min(b.len())..).unwrap_or_default();
            let want = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            proptest::prop_assert_eq!(letters(b), want);
        }
    }

    proptest::proptest! {
        /// `prev_word` finds the word that trimming spaces char by char from the end finds.
        #[test]
        fn prev_word_matches_a_trimming_reading(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ab", "Cd", " ", "  ", "-", "\u{a0}", "\u{2009}", "\t", ".", "9", "\u{e9}",
            ]), 0..12),
        ) {
            let text = parts.concat();
            let trimmed = text.trim_end_matches(is_space);
            let end = trimmed.len();
            let len = trimmed.bytes().rev().take_while(|&c| c.is_ascii_alphabetic() || c == b'-').count();
            let w = trimmed.get(end.saturating_sub(len)..end).unwrap_or("").trim_start_matches('-');
            let want = (!w.is_empty()).then(|| (end.saturating_sub(w.len()), w));
            proptest::prop_assert_eq!(prev_word(&text, text.len()), want, "{:?}", text);
        }
    }

    #[test]
    fn joiner_rows() {
        for (input, want) in [
            ("-two", Some("two")),
            ("\u{2011}two", Some("two")),
            (" two", Some("two")),
            ("  \u{a0}two", Some("two")),
            ("\n two", Some("two")),
            // At most one line break: the second is left.
            ("\n\ntwo", Some("\ntwo")),
            // A hyphen that ends a line, or ended one before a wrapped paragraph was joined.
            ("-\ntwo", Some("two")),
            ("- two", Some("two")),
            ("-  two", Some("  two")),
            ("- (two", Some(" (two")),
            ("\u{2013}two", None),
            ("two", None),
            ("", None),
        ] {
            assert_eq!(joiner(input).ok().map(|(r, ())| r), want, "{input:?}");
        }
    }

    #[test]
    fn letters_rows() {
        for (input, want) in [
            ("", 0),
            ("a", 1),
            ("abcdefgh", 8),
            ("abcdefghi", 9),
            ("abcdefgh ", 8),
            ("abcdefg@", 7),
            ("AZaz[`{@", 4),
            ("tenants, 40", 7),
            ("caf\u{e9}", 3),
            ("\u{c1}bc", 0),
        ] {
            assert_eq!(letters(input.as_bytes()), want, "{input:?}");
        }
    }

    /// `kw` reads what its first form did (the whole run of letters equal to the keyword, no
    /// digit after it), for every keyword the grammar passes it, in three cases, cut short,
    /// after a letter, and run on into letters, digits, marks and non-ASCII chars.
    #[test]
    fn kw_is_a_whole_word_without_case() {
        let reference = |k: &str, i: &str| -> Option<(usize, usize)> {
            let (rest, w) = word(i).ok()?;
            (w.eq_ignore_ascii_case(k) && !rest.starts_with(|c: char| c.is_ascii_digit()))
                .then_some((w.len(), rest.len()))
        };
        // Every keyword the grammar passes to `kw`, directly or through `approx::then`.
        let keywords = [
            "of",
            "and",
            "half",
            "the",
            "per",
            "cent",
            "point",
            "percentage",
            "old",
            "hundred",
            "hour",
            "every",
            "dozen",
            "to",
            "above",
            "below",
            "estimated",
            "excess",
            "least",
            "little",
            "more",
            "than",
            "over",
            "many",
            "as",
            "most",
            "much",
            "or",
            "shy",
            "under",
        ];
        let tails = ["", " x", "x", "s", "7", "_", "-", ".", "\u{e9}", "\u{201c}", "\u{a0}"];
        let mut matched = 0usize;
        for k in keywords {
            let title = format!(
                "{}{}",
                k.get(..1).unwrap_or("").to_ascii_uppercase(),
                k.get(1..).unwrap_or("")
            );
            let cut = k.get(..k.len().saturating_sub(1)).unwrap_or("").to_string();
            for head in [k.to_string(), k.to_ascii_uppercase(), title, cut, format!("x{k}")] {
                for tail in tails {
                    let i = format!("{head}{tail}");
                    let got = kw(k)(&i).ok().map(|(rest, w)| (w.len(), rest.len()));
                    assert_eq!(got, reference(k, &i), "{k:?} on {i:?}");
                    matched = matched.saturating_add(usize::from(got.is_some()));
                }
            }
        }
        // Each keyword in each of its three cases, before the eight tails that end its run of
        // letters with no digit (an underscore is one: `kw`, unlike `word_class`, allows it).
        // Two cut-short keywords are whole again with the "s" tail: "a" + "s", "exces" + "s".
        assert_eq!(matched, keywords.len() * 3 * 8 + 2);
    }

    #[test]
    fn word_and_ws_rows() {
        // (input, what `ws` consumes, or None when it fails)
        for (input, want) in [
            ("", None),
            ("x", None),
            (" x", Some(" ")),
            ("  x", Some("  ")),
            (" \n x", Some(" \n ")),
            ("\n\nx", Some("\n")),
            (" \r\nx", Some(" \r\n")),
            ("\u{a0}x", Some("\u{a0}")),
            (" \u{2009}x", Some(" \u{2009}")),
            (" é", Some(" ")),
            (" ", Some(" ")),
        ] {
            assert_eq!(ws(input).ok().map(|(_, w)| w), want, "input: {input:?}");
        }
        for (input, want) in
            [("ten", Some(("ten", ""))), ("Ten7", Some(("Ten", "7"))), ("tené", Some(("ten", "é")))]
        {
            assert_eq!(word(input).ok().map(|(r, w)| (w, r)), want, "input: {input:?}");
        }
        for bad in ["", "7", "é", " ten"] {
            assert!(word(bad).is_err(), "input: {bad:?}");
        }
        assert!(word_class("G7", |w| (w == "g").then_some(())).is_err());
        assert!(word_class("One x", |w| (w == "one").then_some(())).is_ok());
    }
}
