//! Hard-wrapped text: paragraphs cut into lines of at most some width, as wire copy, e-mail
//! and plain-text archives often are ("190⏎passengers were rescued").
//!
//! Extraction treats a line break as the end of a sentence (a headline has no period) and its
//! readers of subjects never cross one, so a claim cut by wrapping loses its subject and its
//! sentence's date. [`join_wrapped_lines`] finds the breaks that wrapping made and reads them
//! as spaces, byte for byte, so every offset into the joined text is an offset into the text
//! as given.

use std::borrow::Cow;

/// A text with a line wider than this (in chars) is not hard-wrapped: its lines are read as
/// they are.
const MAX_WRAP_WIDTH: usize = 160;

/// A text whose widest line is narrower than this is a list, a table or verse rather than
/// wrapped prose: its lines are read as they are.
const MIN_WRAP_WIDTH: usize = 30;

/// `text` with the line breaks of hard wrapping after byte `from` turned into spaces (a
/// `"\r\n"` into two), borrowed when there are none.
///
/// A text is hard-wrapped when its widest line from `from` on is 30 to 160 chars wide. In such
/// a text, a break between two lines that hold text is one that wrapping made, unless the
/// second line starts a list item or a quotation block (`-`, `*`, `•`, `+`, `#`, `>`, `|`,
/// `1.`, `2)`), when
/// - the second line starts with a lower-case letter (no sentence does), or
/// - the first line is full: it and the second line's first word would not fit in the width,
///   so a wrapper had to break there. A short line that ends where the next word would have
///   fitted was ended on purpose, as a headline is.
///
/// A blank line between two lines is a paragraph break and is kept.
pub(crate) fn join_wrapped_lines(text: &str, from: usize) -> Cow<'_, str> {
    let Some(body) = text.get(from..) else { return Cow::Borrowed(text) };
    let Some(width) = wrap_width(body) else { return Cow::Borrowed(text) };
    let mut joined: Option<String> = None;
    // Bytes of `text` already copied into `joined`.
    let mut copied = 0;
    let mut line_start = from;
    for nl in memchr::memchr_iter(b'\n', body.as_bytes()) {
        let nl = from.saturating_add(nl);
        let next_start = nl.saturating_add(1);
        let this = text.get(line_start..nl).unwrap_or("");
        let rest = text.get(next_start..).unwrap_or("");
        let next = rest.get(..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len()));
        if is_wrapped_break(this, next.unwrap_or(""), width) {
            // From the end of the line's text to the line feed: spaces stay, '\r' and '\n'
            // become spaces.
            let gap_start = line_start.saturating_add(this.trim_end().len());
            let out = joined.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(text.get(copied..gap_start).unwrap_or(""));
            for c in text.get(gap_start..next_start).unwrap_or("").chars() {
                out.push(if matches!(c, '\r' | '\n') { ' ' } else { c });
            }
            copied = next_start;
        }
        line_start = next_start;
    }
    match joined {
        Some(mut out) => {
            out.push_str(text.get(copied..).unwrap_or(""));
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// The width of `body`'s widest line in chars, when it is one that hard wrapping uses (30 to
/// 160); `None` otherwise. Stops at the first line too wide, which is the usual case: a text
/// written a paragraph to a line is settled by its first long paragraph.
fn wrap_width(body: &str) -> Option<usize> {
    let mut width = 0;
    for line in body.split('\n') {
        let line = line.trim_end();
        // More bytes than four per char of the widest wrapped line cannot be one.
        if line.len() > MAX_WRAP_WIDTH.saturating_mul(4) {
            return None;
        }
        let chars = if line.is_ascii() { line.len() } else { line.chars().count() };
        if chars > MAX_WRAP_WIDTH {
            return None;
        }
        width = width.max(chars);
    }
    (width >= MIN_WRAP_WIDTH).then_some(width)
}

/// Whether the break between the line `this` and the line `next` (without their line feeds)
/// of a text wrapped at `width` chars is one that wrapping made ([`join_wrapped_lines`]).
fn is_wrapped_break(this: &str, next: &str, width: usize) -> bool {
    let this = this.trim_end();
    let next = next.trim_start_matches([' ', '\t']);
    if this.is_empty() || next.trim_end().is_empty() || starts_item(next) {
        return false;
    }
    if next.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let word = next.split(char::is_whitespace).next().unwrap_or("");
    let chars = |s: &str| s.chars().count();
    chars(this).saturating_add(1).saturating_add(chars(word)) > width
}

/// Whether `line` starts a list item, a heading, a quotation block or a table row.
fn starts_item(line: &str) -> bool {
    if line.starts_with(['-', '*', '\u{2022}', '+', '#', '>', '|']) {
        return true;
    }
    // "1. ", "12) ".
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = line.get(digits..).unwrap_or("");
    digits > 0 && (after.starts_with(". ") || after.starts_with(") "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` wrapped greedily at `width` chars, as a text wrapper does: each line takes
    /// words while they fit (a word wider than the line gets a line of its own).
    fn wrap(words: &[&str], width: usize) -> String {
        let mut out = String::new();
        let mut line: usize = 0;
        for w in words {
            let n = w.chars().count();
            if line > 0 && line.saturating_add(1).saturating_add(n) > width {
                out.push('\n');
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line = line.saturating_add(1);
            }
            out.push_str(w);
            line = line.saturating_add(n);
        }
        out
    }

    #[test]
    fn wrapped_paragraphs_are_joined_and_paragraph_breaks_kept() {
        let text = "The ferry carried 212 people when it capsized, and rescue crews\nbrought \
                    190 passengers ashore by nightfall on Saturday. The\ncoast guard said so.\n\n\
                    Divers searched on Monday for 14 people.\n";
        let joined = join_wrapped_lines(text, 0);
        assert_eq!(
            joined,
            "The ferry carried 212 people when it capsized, and rescue crews brought 190 \
             passengers ashore by nightfall on Saturday. The coast guard said so.\n\nDivers \
             searched on Monday for 14 people.\n"
        );
        assert_eq!(joined.len(), text.len());
    }

    #[test]
    fn crlf_breaks_become_two_spaces() {
        let text = "The coast guard said that at least 14 people\r\nwere still missing on \
                    Monday afternoon.\r\n";
        let joined = join_wrapped_lines(text, 0);
        assert_eq!(
            joined,
            "The coast guard said that at least 14 people  were still missing on Monday \
             afternoon.\r\n"
        );
    }

    #[test]
    fn texts_that_are_not_wrapped_are_borrowed() {
        for text in [
            // A paragraph to a line, wider than any wrapping.
            &format!("{}\nSecond paragraph.\n", "word ".repeat(40)) as &str,
            // Short lines: a list, not prose.
            "Four Americans\nTwo residents\n",
            // A headline that ends where its next word would have fitted.
            "Iran frees four detained Americans\nThe four were flown to Doha on Monday, the \
             officials said.\n",
            // Items.
            "The deal covers these people held in Tehran since early in 2018:\n- four \
             Americans\n* two residents\n1. a businessman\n",
        ] {
            assert!(matches!(join_wrapped_lines(text, 0), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn only_the_body_is_joined() {
        let head = "---\npublished: 2022-03-10\n---\n";
        let text = format!(
            "{head}Divers searched on Monday for at least 14\npeople, the coast guard said.\n"
        );
        let joined = join_wrapped_lines(&text, head.len());
        assert!(joined.starts_with(head));
        assert!(joined.contains("at least 14 people"));
    }

    proptest::proptest! {
        /// Wrapping a paragraph greedily at any width up to 160 and joining it again gives the
        /// paragraph back, byte for byte. (Each line but the last then holds at least the width
        /// less the longest word, ten chars, so the widest line is one that wrapping uses.)
        #[test]
        fn joining_undoes_greedy_wrapping(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Iran", "is", "holding", "at", "least", "four", "American", "citizens,",
                    "and", "$7", "billion", "The", "deal", "U.S.", "officials", "said.",
                    "\u{e9}t\u{e9}", "1,200", "protesters", "Tuesday.", "well-known",
                ]),
                1..120,
            ),
            width in MIN_WRAP_WIDTH.saturating_add(11)..=MAX_WRAP_WIDTH,
        ) {
            let flat = words.join(" ");
            let wrapped = wrap(&words, width);
            let joined = join_wrapped_lines(&wrapped, 0);
            if wrapped.contains('\n') {
                proptest::prop_assert_eq!(&*joined, flat.as_str());
            } else {
                proptest::prop_assert!(matches!(joined, Cow::Borrowed(_)));
            }
        }

        /// Whatever the text, joining keeps its length and changes only line feeds and
        /// carriage returns, into spaces.
        #[test]
        fn joining_changes_only_line_breaks(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "word", "Word", " ", "\n", "\r\n", "\n\n", "- ", "1. ", "\u{e9}", "\t",
                "a fairly long run of ordinary words to fill a line",
            ]), 0..40),
            from in 0usize..16,
        ) {
            let text = parts.concat();
            let from = from.min(text.len());
            let from = (0..=from).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let joined = join_wrapped_lines(&text, from);
            proptest::prop_assert_eq!(joined.len(), text.len());
            for (a, b) in text.bytes().zip(joined.bytes()) {
                proptest::prop_assert!(a == b || (matches!(a, b'\r' | b'\n') && b == b' '));
            }
            proptest::prop_assert_eq!(joined.get(..from), text.get(..from));
        }
    }
}
