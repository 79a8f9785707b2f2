//! Hostile and unusual input through the library: nothing panics, nothing is silently wrong.
//!
//! Timings are measured in `benches/`, never asserted here.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test harness")]

use claimcheck::{extract, DiagnosticKind, Extractor, Kind, Qualifier};

fn values(text: &str) -> Vec<(String, Option<String>, Option<String>, Qualifier)> {
    extract(text)
        .into_iter()
        .filter(|c| c.kind != Kind::Date)
        .map(|c| {
            let q = c.quantity().cloned().expect("quantity");
            (
                c.provenance.text,
                q.low.map(|n| n.to_string()),
                q.high.map(|n| n.to_string()),
                q.qualifier,
            )
        })
        .collect()
}

#[test]
fn a_million_number_words_in_a_row() {
    let text = "one two three four five six seven eight nine ten ".repeat(100_000);
    let claims = extract(&text);
    // Each word that cannot combine with the next is its own number; none is lost or merged.
    assert_eq!(claims.len(), 1_000_000);
    assert!(claims.iter().all(|c| text.get(c.span().range()) == Some(c.provenance.text.as_str())));
}

#[test]
fn relative_dates_that_cannot_be_resolved_say_why() {
    let ex = Extractor::new();
    for (text, kind) in [
        ("Talks resumed last May.", DiagnosticKind::UnresolvedRelativeDate),
        (
            "---\npublished: 1000-01-15\n---\nTalks resumed last May.",
            DiagnosticKind::RelativeDateOutOfRange,
        ),
    ] {
        let e = ex.extract(text);
        let kinds: Vec<_> = e.diagnostics.iter().map(|d| d.kind.clone()).collect();
        assert_eq!(kinds, std::slice::from_ref(&kind), "{text:?}");
        assert!(kind.to_string().starts_with("relative date cannot be resolved"), "{kind}");
    }
    // Within range, the same words resolve and nothing is reported.
    let e = ex.extract("---\npublished: 1001-01-15\n---\nTalks resumed last May.");
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
}

#[test]
fn huge_numbers_are_too_large_not_wrong() {
    let ex = Extractor::new();
    let digits = format!("They owe {} dollars.", "9".repeat(400));
    let e = ex.extract(&digits);
    assert!(e.claims.iter().all(|c| c.kind != Kind::Money), "{:?}", e.claims);
    assert_eq!(e.diagnostics.len(), 1);
    assert_eq!(e.diagnostics[0].kind, DiagnosticKind::TooLarge);

    let words = format!("a billion {} dollars", "billion ".repeat(50));
    let e = ex.extract(&words);
    for c in &e.claims {
        // Whatever is read is exact: a billion billion … either fits in i128 or is refused.
        let q = c.quantity().expect("quantity");
        assert!(q.low.is_some(), "{c:?}");
    }
}

#[test]
fn dashes_spaces_quotes_in_numbers() {
    assert_eq!(
        values("3\u{2013}5 people were hurt")[0],
        ("3\u{2013}5 people".into(), Some("3".into()), Some("5".into()), Qualifier::Range)
    );
    assert_eq!(values("3\u{2014}5 people were hurt")[0].3, Qualifier::Range);
    assert_eq!(values("1\u{a0}000 people marched")[0].1.as_deref(), Some("1000"));
    assert_eq!(values("1\u{2009}000 people marched")[0].1.as_deref(), Some("1000"));
    let c = &extract("He said there were three American \u{201c}hostages\u{201d}.")[0];
    assert_eq!(c.subject.as_ref().map(|s| s.key.as_str()), Some("american detainee"));
}

#[test]
fn crlf_keeps_lines_and_columns_right() {
    let text =
        "---\r\npublished: 2021-07-13\r\n---\r\nFirst line.\r\nIran holds four Americans.\r\n";
    let c = extract(text).into_iter().find(|c| c.kind == Kind::Count).expect("count");
    assert_eq!((c.provenance.line, c.provenance.column), (5, 12));
    assert_eq!(c.provenance.text, "four Americans");
}

#[test]
fn invisible_marks_do_not_break_spans() {
    for text in [
        "\u{200f}Seven people were held.",
        "Seven\u{200b} people were held.",
        "\u{feff}Seven people were held.",
    ] {
        for c in extract(text) {
            assert_eq!(text.get(c.span().range()), Some(c.provenance.text.as_str()), "{text:?}");
        }
    }
    assert_eq!(values("\u{200f}Seven people were held.")[0].1.as_deref(), Some("7"));
}

#[test]
fn full_width_digits_are_reported_not_dropped() {
    let e = Extractor::new().extract("\u{ff11}\u{ff12} people were held.");
    assert!(e.claims.is_empty());
    assert_eq!(e.diagnostics.len(), 1);
    assert_eq!(e.diagnostics[0].kind, DiagnosticKind::UnsupportedDigits);
    assert_eq!(e.diagnostics[0].span.len(), 6);
}

#[test]
fn long_single_line_is_read_whole() {
    let sentence =
        "Officials said 14 workers were killed and $7bn was pledged, about 40% more than before; ";
    let text = sentence.repeat(20_000); // about 1.8 MB on one line
    let claims = extract(&text);
    assert_eq!(claims.len(), 60_000);
    let last = claims.last().expect("claims");
    assert_eq!(last.provenance.line, 1);
    assert_eq!(last.provenance.text, "about 40%");
}

#[test]
fn runs_of_symbols_and_qualifiers() {
    for text in [
        "$".repeat(10_000),
        "$1$2$3".repeat(5_000),
        "at least ".repeat(10_000),
        "more than more than ".repeat(5_000),
        "1,000,000,".repeat(10_000),
        "1234567890".repeat(10_000),
        "%%%% 5% ".repeat(5_000),
        "\u{20ac}\u{a3}\u{a5}".repeat(5_000),
    ] {
        for c in extract(&text) {
            assert_eq!(text.get(c.span().range()), Some(c.provenance.text.as_str()));
        }
    }
}
