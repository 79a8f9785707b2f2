//! Time of reconciliation as the number of claims grows:
//! - `reconcile/SHAPE/N` times `Checker::reconcile` (grouping, clustering, pairwise and
//!   neighbour comparison, figure matches, self-checks, sorting: every finding, citing claims by
//!   position);
//! - `reconcile/SHAPE+report/N` times `Checker::report`, which also writes every finding's
//!   explanation and one JSON-ready record per cited claim.
//!
//! ```sh
//! cargo bench --bench reconcile -- --warm-up-time 1 --measurement-time 3
//! CLAIMCHECK_BENCH_BIG=1 cargo bench --bench reconcile -- reconcile/spread/1000000
//! ```
//!
//! Inputs are synthetic articles (`news::reconcile_inputs`, five claims each, published dates
//! over four years) added with `Checker::add_text` before timing; extraction is not timed.
//! Sizes are 10^3, 10^4 and 10^5 claims (10^6 too when `CLAIMCHECK_BENCH_BIG=1`), in two shapes:
//! - `reconcile/spread/N`: about eight claims per subject (counts for `NOUNS × ROLES`, then
//!   ages of distinct people), so groups are small;
//! - `reconcile/concentrated/N`: every claim about one of four subjects, the worst case for
//!   pairwise comparison.
//!
//! Throughput is in claims (the report's own claim count), so criterion prints claims/s.
#![allow(missing_docs, reason = "criterion_group! generates an undocumented pub fn")]

#[path = "support/news.rs"]
mod news;

use claimcheck::Checker;
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::hint::black_box;

const PER_ARTICLE: usize = 5;

fn checker(claims: usize, shape: news::Shape) -> Result<Checker, claimcheck::FrontMatterError> {
    let mut checker = Checker::new();
    for (name, text) in news::reconcile_inputs(claims, PER_ARTICLE, shape, 0xC1A1) {
        checker.add_text(name, text)?;
    }
    Ok(checker)
}

fn bench_reconcile(c: &mut Criterion) {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var("CLAIMCHECK_BENCH_BIG").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    let mut group = c.benchmark_group("reconcile");
    for (shape, label) in
        [(news::Shape::Spread, "spread"), (news::Shape::Concentrated, "concentrated")]
    {
        for &n in &sizes {
            let checker = match checker(n, shape) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("skipping reconcile/{label}/{n}: {e}");
                    continue;
                }
            };
            let claims = checker.reconcile().summary().claims;
            if n >= 100_000 {
                group.sample_size(10).sampling_mode(SamplingMode::Flat);
            } else {
                group.sample_size(20).sampling_mode(SamplingMode::Auto);
            }
            group.throughput(Throughput::Elements(claims as u64));
            group.bench_with_input(BenchmarkId::new(label, n), &checker, |b, ch| {
                b.iter(|| black_box(ch.reconcile().summary().claims));
            });
            let id = BenchmarkId::new(format!("{label}+report"), n);
            group.bench_with_input(id, &checker, |b, ch| {
                b.iter(|| black_box(ch.report()));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_reconcile);
criterion_main!(benches);
