//! The corpus as a regression suite.
//!
//! Every article `corpus/cases/<case>/*.txt` gets an extraction snapshot, and every case folder
//! gets its report in text, Markdown and JSON. Snapshots live in `snapshots/`; review changes
//! with `cargo insta review`. Adding a case means adding a folder, not a test.

#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test harness: a failure aborts with its context"
)]

use claimcheck::report::{
    render_claims_text, render_json, render_markdown, render_text, TextStyle,
};
use claimcheck::{Checker, Extractor, Source};
use std::path::Path;

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
}

/// The source's name as the CLI would print it when run from the repository root.
fn name(path: &Path) -> String {
    let rel = path.strip_prefix(corpus()).expect("path under corpus/");
    format!("corpus/{}", rel.display()).replace('\\', "/")
}

fn source(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Source::parse(name(path), text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn extract_articles() {
    settings().bind(|| {
        insta::glob!("../corpus", "cases/*/*.txt", |path| {
            let src = source(path);
            let extraction = Extractor::new().extract_source(&src);
            let mut out = Vec::new();
            render_claims_text(src.name(), &extraction.claims, &mut out).expect("render");
            for d in &extraction.diagnostics {
                out.extend(
                    format!("diagnostic at {}..{}: {}\n", d.span.start, d.span.end, d.kind).bytes(),
                );
            }
            let text = String::from_utf8(out).expect("utf-8");
            // Every quote is the exact text at its span.
            for c in &extraction.claims {
                assert_eq!(src.text().get(c.span().range()), Some(c.provenance.text.as_str()));
            }
            insta::assert_snapshot!("extract", text);
        });
    });
}

#[test]
fn check_cases() {
    settings().bind(|| {
        insta::glob!("../corpus", "cases/*", |dir| {
            if !dir.is_dir() {
                return;
            }
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .expect("read case")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            assert!(files.len() >= 2, "{}: a case needs at least two articles", dir.display());
            let mut checker = Checker::new();
            for f in &files {
                checker.add_source(&source(f));
            }
            let report = checker.report();
            let render = |f: &dyn Fn(&mut Vec<u8>)| {
                let mut out = Vec::new();
                f(&mut out);
                String::from_utf8(out).expect("utf-8")
            };
            insta::assert_snapshot!(
                "check_text",
                render(&|o| render_text(&report, TextStyle::Plain, o).expect("text"))
            );
            insta::assert_snapshot!(
                "check_markdown",
                render(&|o| render_markdown(&report, o).expect("markdown"))
            );
            insta::assert_snapshot!(
                "check_json",
                render(&|o| render_json(&report, o).expect("json"))
            );
            // The report does not depend on the order in which sources were added.
            let mut reversed = Checker::new();
            for f in files.iter().rev() {
                reversed.add_source(&source(f));
            }
            assert_eq!(reversed.report(), report, "{}: order-dependent report", dir.display());
        });
    });
}

/// `text` with each line from byte `from` on wrapped greedily at `width` chars, as a text
/// wrapper does: a space where the next word would not fit becomes a line feed (so every byte
/// offset stays where it was).
fn hard_wrap(text: &str, from: usize, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..from]);
    for (i, line) in text[from..].split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for (j, word) in line.split(' ').enumerate() {
            let n = word.chars().count();
            if j > 0 {
                if used > 0 && used + 1 + n > width {
                    out.push('\n');
                    used = 0;
                } else {
                    out.push(' ');
                    used += 1;
                }
            }
            out.push_str(word);
            used += n;
        }
    }
    out
}

/// Hard-wrapping an article at any usual width changes none of its claims but their line and
/// column, and their quoted words only by the line feeds in them.
#[test]
fn wrapped_articles_give_the_same_claims() {
    let mut articles = 0;
    let mut wrapped_claims = 0;
    for case in std::fs::read_dir(corpus().join("cases")).expect("corpus/cases") {
        let case = case.expect("case folder").path();
        for entry in std::fs::read_dir(&case).expect("case folder") {
            let path = entry.expect("article").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let src = source(&path);
            let want = Extractor::new().extract_source(&src);
            articles += 1;
            for width in [45, 60, 72, 100] {
                let text = hard_wrap(src.text(), src.body_start(), width);
                assert_eq!(text.len(), src.text().len());
                let wrapped = Source::parse(name(&path), text).expect("wrapped source");
                let got = Extractor::new().extract_source(&wrapped);
                assert_eq!(got.diagnostics, want.diagnostics, "{} at {width}", path.display());
                assert_eq!(got.claims.len(), want.claims.len(), "{} at {width}", path.display());
                for (g, w) in got.claims.iter().zip(&want.claims) {
                    let (mut g, mut w) = (g.clone(), w.clone());
                    wrapped_claims += usize::from(g.provenance.text.contains('\n'));
                    // The quotes are the exact words of each text: equal but for line feeds.
                    g.provenance.text = g.provenance.text.replace('\n', " ");
                    w.provenance.text = w.provenance.text.replace('\n', " ");
                    g.provenance.line = w.provenance.line;
                    g.provenance.column = w.provenance.column;
                    assert_eq!(g, w, "{} at {width}", path.display());
                }
            }
        }
    }
    assert!(articles >= 30, "only {articles} corpus articles");
    // Some claims were cut by the wrapping, so the test reads across line breaks.
    assert!(wrapped_claims > 0);
}
