//! Arbitrary bytes (read lossily as UTF-8) through `claimcheck::extract`.
//!
//! `claimcheck::extract(text)` is `Extractor::new().extract(text).claims`; the target builds the
//! default `Extractor` once and reuses it, because parsing the built-in lexicon on every call
//! costs more than extracting from a short input (about 0.8 ms per call under ASan).
//!
//! Invariants checked for every claim:
//! - its span lies within the text, on `char` boundaries, with `start <= end`;
//! - the text of the span is exactly the claim's quoted words (`provenance.text`);
//! - `line` and `column` are 1-based and match the span (lines split on `\n`, columns counted
//!   in `char`s).
#![no_main]

use claimcheck::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let claims = EXTRACTOR.get_or_init(Extractor::new).extract(&text).claims;
    for c in &claims {
        let p = &c.provenance;
        let span = p.span;
        assert!(span.start <= span.end, "inverted span {span:?}");
        assert!(span.end <= text.len(), "span {span:?} past end {}", text.len());
        assert!(text.is_char_boundary(span.start), "start {span:?} not on a char boundary");
        assert!(text.is_char_boundary(span.end), "end {span:?} not on a char boundary");
        assert_eq!(
            text.get(span.range()),
            Some(p.text.as_str()),
            "quote does not match span {span:?}"
        );
        assert!(p.line >= 1 && p.column >= 1, "line/column not 1-based: {}:{}", p.line, p.column);
        let before = &text[..span.start];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..span.start].chars().count() + 1;
        assert_eq!((p.line, p.column), (line, column), "line/column do not match span {span:?}");
    }
});
