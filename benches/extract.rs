//! Throughput of `claimcheck::extract`.
//!
//! ```sh
//! cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3
//! cargo bench --bench extract -- extract/            # corpus articles and synthetic text only
//! cargo bench --bench extract -- adversarial/mixed   # one adversarial pair
//! CLAIMCHECK_BENCH_BIG=1 cargo bench --bench extract -- extract/synthetic/100MB
//! ```
//!
//! Groups:
//! - `extract/corpus-articles`: every `corpus/cases/*/*.txt` concatenated (front matter too);
//! - `extract/synthetic/1MB` (and `extract/synthetic/100MB` only when `CLAIMCHECK_BENCH_BIG=1`,
//!   which keeps default runs short): articles from `benches/support/news.rs`;
//! - `adversarial/<input>/1MB` and `adversarial/<input>/2MB`: the inputs of
//!   `benches/support/adversarial.rs` at n and 2n bytes. Bounded work per byte shows as a 2MB
//!   time twice the 1MB time; a ratio near 4 means quadratic behaviour. `CLAIMCHECK_BENCH_ADV_KB`
//!   overrides n (in units of 1,000 bytes; default 1000) when the adversarial runs are too slow.
//!
//! Every benchmark reports bytes per second in decimal units (MB/s, 10^6 bytes), the unit of
//! the targets in the speed issue; criterion's default would print MiB/s.
#![allow(missing_docs, reason = "criterion_group! generates an undocumented pub fn")]

#[path = "support/adversarial.rs"]
mod adversarial;
#[path = "support/news.rs"]
mod news;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

const MB: usize = 1_000_000;

/// Every `*.txt` file under `dir`, recursively, sorted.
fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            txt_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

/// The bundled corpus articles, concatenated with a blank line between them.
fn corpus_articles() -> std::io::Result<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join("cases");
    let mut files = Vec::new();
    txt_files(&root, &mut files)?;
    let mut text = String::new();
    for f in files {
        text.push_str(&std::fs::read_to_string(&f)?);
        text.push_str("\n\n");
    }
    Ok(text)
}

fn big() -> bool {
    std::env::var("CLAIMCHECK_BENCH_BIG").is_ok_and(|v| v == "1")
}

/// `bytes` as a short label: `1MB`, `100MB`, `250KB`.
fn label(bytes: usize) -> String {
    if bytes % MB == 0 {
        format!("{}MB", bytes / MB)
    } else {
        format!("{}KB", bytes / 1000)
    }
}

fn bench_extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    match corpus_articles() {
        Ok(text) => {
            group.throughput(Throughput::BytesDecimal(text.len() as u64));
            group.bench_with_input("corpus-articles", &text, |b, t| {
                b.iter(|| claimcheck::extract(black_box(t)));
            });
        }
        Err(e) => eprintln!("skipping extract/corpus-articles: cannot read the corpus: {e}"),
    }
    let mut sizes = vec![MB];
    if big() {
        sizes.push(100 * MB);
    }
    for bytes in sizes {
        let text = news::corpus(bytes, 0x5EED);
        if bytes > MB {
            group.sample_size(10).sampling_mode(SamplingMode::Flat);
        }
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("synthetic", label(bytes)), &text, |b, t| {
            b.iter(|| claimcheck::extract(black_box(t)));
        });
    }
    group.finish();
}

fn bench_adversarial(c: &mut Criterion) {
    let n = std::env::var("CLAIMCHECK_BENCH_ADV_KB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map_or(MB, |kb| kb.saturating_mul(1000).max(1000));
    let mut group = c.benchmark_group("adversarial");
    // Some inputs take seconds per call: few samples, one call each.
    group.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_millis(1));
    for name in adversarial::NAMES {
        for bytes in [n, n.saturating_mul(2)] {
            let Some(text) = adversarial::input(name, bytes) else { continue };
            group.throughput(Throughput::BytesDecimal(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, label(bytes)), &text, |b, t| {
                b.iter(|| claimcheck::extract(black_box(t)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_extract, bench_adversarial);
criterion_main!(benches);
