//! Regression tests for what fuzzing found (`fuzz/`, `scripts/fuzz.sh`, `.ci/fuzz-smoke`).
//!
//! One test per finding, through the public API only, with the input that triggered it (the
//! minimised bytes, or for inputs that are one phrase repeated, the phrase and the count) and a
//! comment on what failed. Inputs that made the fuzzer time out are checked through what the
//! slow code produced in excess (findings, parts, report size) and by running at all: timings
//! are measured in `benches/`, never asserted here.

#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test harness"
)]

use claimcheck::report::{render_text, TextStyle};
use claimcheck::{extract, Checker};

/// `phrase` repeated to `len` bytes (cut back to a `char` boundary).
fn repeated(phrase: &str, len: usize) -> String {
    let mut s = phrase.repeat(len.div_ceil(phrase.len()));
    while s.len() > len {
        s.pop();
    }
    s
}

/// Timeout (found with hand-built 64 KiB inputs for the `extract` target: > 120 s in a release
/// build). Counts and dates in one long sentence make `extract` cubic: each claim looks at
/// every date in its sentence (`assign_times`), and for each later date scans the whole gap
/// between them for a new clause (`starts_new_clause`). Release-build times for this phrase:
/// 4 KB 0.32 s, 8 KB 2.5 s, 16 KB 17 s (8× per doubling); a debug build took 110 s for 8 KB.
#[test]
fn counts_and_dates_in_one_long_sentence_extract_in_linear_time() {
    let text = repeated("3 people in 2016 ", 5_000);
    let claims = extract(&text);
    assert!(claims.len() > 500, "{} claims", claims.len());
}

/// Same finding with relative dates ("last May"): release build 8 KB 0.63 s, 16 KB 5.1 s; a
/// debug build took 152 s for 12 KB.
#[test]
fn counts_and_relative_dates_in_one_long_sentence_extract_in_linear_time() {
    let text = repeated("four Americans last May, ", 6_000);
    let claims = extract(&text);
    assert!(claims.len() > 400, "{} claims", claims.len());
}

/// Timeout and memory blow-up in `check` (release build, two sources of this phrase: 4 KB
/// each → 640,000 findings, `report()` 4 s and a 124 MB text report; 8 KB → 2,560,000
/// findings, 16 s, 498 MB). The figure-match sweep in `build_report` ("Figure matches across
/// subjects") reports every cross-source pair of equal money or measure figures, so the
/// findings grow with the product of the two sources' claim counts.
#[test]
fn equal_figures_without_subjects_do_not_multiply_findings() {
    let text = repeated("$7bn ", 4_000);
    let mut checker = Checker::new();
    checker.add_text("a.txt", text.as_str()).expect("no front matter");
    checker.add_text("b.txt", text.as_str()).expect("no front matter");
    let report = checker.report();
    assert!(
        report.findings.len() <= report.summary.claims,
        "{} findings for {} claims",
        report.findings.len(),
        report.summary.claims
    );
}

/// Timeout in `render_text` (release build, two sources of this phrase: 4 KB each → 8.3 MB of
/// text in 2.3 s; 8 KB → 33 MB in 20 s). `link_lists` makes every later count in the sentence
/// a part of the first "12 people" (`parts` has 285 entries for 286 claims), so the
/// self-check findings cite hundreds of claims each and the text report grows quadratically.
#[test]
fn a_list_does_not_swallow_the_rest_of_a_long_sentence() {
    let text = repeated("12 people: seven Britons and four Germans ", 4_000);
    let claims = extract(&text);
    let most_parts = claims.iter().map(|c| c.parts.len()).max().unwrap_or(0);
    assert!(most_parts <= 2, "a count has {most_parts} parts");

    let mut checker = Checker::new();
    checker.add_text("a.txt", text.as_str()).expect("no front matter");
    checker.add_text("b.txt", text.as_str()).expect("no front matter");
    let report = checker.report();
    let mut out = Vec::new();
    render_text(&report, TextStyle::Plain, &mut out).expect("render_text");
    assert!(out.len() <= text.len().saturating_mul(400), "{} bytes of text report", out.len());
}

/// Order dependence (found reading `build_report` while triaging the `check` target, whose
/// sources always have distinct names). `Checker::report` promises a result independent of the
/// order sources were added, but sources are sorted by (name, claim count) only: two sources
/// with the same name and as many claims keep the order they were added in, so the report
/// (its `sources` list and the claims' positions) depends on it.
#[test]
fn sources_with_the_same_name_report_the_same_in_any_order() {
    let a = "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.";
    let b = "---\npublished: 2024-09-12\n---\nThe fire killed 17 workers.";
    let mut forward = Checker::new();
    forward.add_text("a.txt", a).expect("front matter");
    forward.add_text("a.txt", b).expect("front matter");
    let mut backward = Checker::new();
    backward.add_text("a.txt", b).expect("front matter");
    backward.add_text("a.txt", a).expect("front matter");
    assert_eq!(forward.report(), backward.report());
}
