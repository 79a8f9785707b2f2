//! Two to four sources through `Checker`, `report()` and the three renderers.
//!
//! Input layout: byte 0 is a flags byte, the rest is split on `0x1E` (ASCII record separator)
//! into the sources' texts (missing ones are empty), each read lossily as UTF-8.
//! - `flags & 0b11` (mod 3) + 2 is the number of sources;
//! - bit `2 + i` set: source `i` is prefixed with front matter `published: YYYY-MM-DD` whose
//!   fields come from the first three bytes of that source's part (mostly plausible dates,
//!   sometimes invalid ones, which `add_text` rejects).
//!
//! Sources whose front matter is rejected are left out, as `Checker::add_text` would.
//! Checked: adding never panics, `report()` and every renderer succeed, the JSON is valid
//! UTF-8, and the report is the same when the sources are added in reverse order.
//!
//! The default `Extractor` is built once and cloned (`Checker::new()` is
//! `Checker::with_extractor(Extractor::new())`): parsing the built-in lexicon per checker would
//! dominate the run time.
#![no_main]

use claimcheck::report::{render_json, render_markdown, render_text, TextStyle};
use claimcheck::{Checker, Extractor, Source};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fn checker() -> Checker {
    Checker::with_extractor(EXTRACTOR.get_or_init(Extractor::new).clone())
}

const SEP: u8 = 0x1e;

fn front_matter(part: &[u8]) -> (String, &[u8]) {
    let (head, rest) = part.split_at(part.len().min(3));
    let b = |i: usize| head.get(i).copied().unwrap_or(0);
    let year = if b(0) >= 240 {
        // Any four digits, most of them outside the supported years.
        format!("{:04}", (u32::from(b(0)) * 7919 + u32::from(b(1)) * 31 + u32::from(b(2))) % 10_000)
    } else {
        format!("{}", 1990 + u32::from(b(0)) % 40)
    };
    let month = b(1) % 14; // 0 and 13 are invalid
    let day = b(2) % 33; // 0 and 32 are invalid
    (format!("---\npublished: {year}-{month:02}-{day:02}\n---\n"), rest)
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let n = 2 + usize::from(flags & 0b11) % 3;
    let mut parts = rest.splitn(n, |&b| b == SEP);
    let mut sources: Vec<(String, String)> = Vec::with_capacity(n);
    for i in 0..n {
        let part = parts.next().unwrap_or(&[]);
        let text = if flags & (1 << (2 + i)) != 0 {
            let (fm, body) = front_matter(part);
            fm + &String::from_utf8_lossy(body)
        } else {
            String::from_utf8_lossy(part).into_owned()
        };
        sources.push((format!("s{i}.txt"), text));
    }

    // `add_text` is `Source::parse` + `add_source`, and `add_source` is `extract_source` +
    // `add_extraction`: extract each source once and hand the same extraction to both checkers.
    let extractor = EXTRACTOR.get_or_init(Extractor::new);
    let mut parsed = Vec::with_capacity(n);
    for (name, text) in &sources {
        if let Ok(source) = Source::parse(name.as_str(), text.as_str()) {
            let extraction = extractor.extract_source(&source);
            parsed.push((source, extraction));
        }
    }
    let mut forward = checker();
    for (source, extraction) in &parsed {
        forward.add_extraction(source, extraction.clone());
    }
    let report = forward.report();

    let mut out = Vec::new();
    render_text(&report, TextStyle::Plain, &mut out).expect("render_text");
    out.clear();
    render_markdown(&report, &mut out).expect("render_markdown");
    out.clear();
    render_json(&report, &mut out).expect("render_json");
    let json = std::str::from_utf8(&out).expect("JSON is UTF-8");
    assert!(json.starts_with('{'), "JSON report does not start with an object");

    let mut backward = checker();
    for (source, extraction) in parsed.into_iter().rev() {
        backward.add_extraction(&source, extraction);
    }
    assert!(report == backward.report(), "report depends on the order sources were added");
});
