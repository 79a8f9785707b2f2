//! A tiny driver for profiling `Checker::report` on the synthetic reconciliation inputs of
//! `benches/reconcile.rs`, and for a quick look at what they produce.
//!
//! ```sh
//! cargo run --release --example profile_report -- [spread|concentrated] [CLAIMS] [REPS] [reconcile|json]
//! valgrind --tool=callgrind target/release/examples/profile_report spread 10000 1
//! ```
//!
//! Prints the time to build the checker, then for each repetition the time of `reconcile()`
//! (findings as positions) and of the whole `report()` (findings in words, claim records), and
//! the report summary. With `reconcile` last, only `reconcile()` is run and timed, as
//! `benches/reconcile.rs` does. With `json` last, the report is written to stdout as
//! `check --format json` writes it (for comparing builds byte for byte), and nothing else.

#[path = "../benches/support/news.rs"]
mod news;

use claimcheck::Checker;
use std::process::ExitCode;
use std::time::Instant;

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let shape = match args.next().as_deref() {
        None | Some("spread") => news::Shape::Spread,
        Some("concentrated") => news::Shape::Concentrated,
        Some(other) => return Err(format!("unknown shape {other:?}: spread or concentrated")),
    };
    let claims: usize = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("CLAIMS: {e}"))?,
        None => 10_000,
    };
    let reps: u32 = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("REPS: {e}"))?,
        None => 1,
    };
    let (only_reconcile, json) = match args.next().as_deref() {
        None => (false, false),
        Some("reconcile") => (true, false),
        Some("json") => (false, true),
        Some(other) => return Err(format!("unknown mode {other:?}: reconcile, json or nothing")),
    };
    let start = Instant::now();
    let mut checker = Checker::new();
    for (name, text) in news::reconcile_inputs(claims, 5, shape, 0xC1A1) {
        checker.add_text(name, text).map_err(|e| e.to_string())?;
    }
    if json {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return claimcheck::report::render_json(&checker.report(), &mut out)
            .map_err(|e| e.to_string());
    }
    println!("{shape:?} {claims}: built the checker in {:.3} s", start.elapsed().as_secs_f64());
    for _ in 0..reps {
        let start = Instant::now();
        let found = checker.reconcile();
        let reconciled = start.elapsed().as_secs_f64();
        if only_reconcile {
            let findings = found.len();
            drop(found);
            let with_drop = start.elapsed().as_secs_f64();
            println!(
                "reconcile: {reconciled:.3} s, {with_drop:.3} s with dropping the result \
                 (as the bench times it); {findings} findings"
            );
            continue;
        }
        let report = found.into_report();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "reconcile: {reconciled:.3} s; report (reconcile and write every finding): {secs:.3} s"
        );
        let s = &report.summary;
        println!(
            "{} sources, {} claims, {} findings ({} contradictions, {} \
             changes, {} refinements, {} agreements, {} not comparable), {} timelines",
            s.sources,
            s.claims,
            report.findings.len(),
            s.contradictions,
            s.changes_over_time,
            s.refinements,
            s.agreements,
            s.not_comparable,
            report.timelines.len()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
