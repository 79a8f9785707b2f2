//! The corpus as a regression suite.
//!
//! Every article `corpus/cases/<case>/*.txt` gets an extraction snapshot, and every case folder
//! gets its report in text, Markdown and JSON. Snapshots live in `snapshots/`; review changes
//! with `cargo insta review`. Adding a case means adding a folder, not a test.

#![allow(
    clippy::expect_used,
    clippy::panic,
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
