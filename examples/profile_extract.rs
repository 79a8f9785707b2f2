//! A tiny driver for profiling `claimcheck::extract` (callgrind, perf) and for quick timings.
//!
//! ```sh
//! cargo run --release --example profile_extract -- [INPUT] [BYTES] [REPS]
//! valgrind --tool=callgrind target/release/examples/profile_extract synthetic 2000000 1
//! ```
//!
//! `INPUT` is `synthetic` (default; `benches/support/news.rs` articles), one of the
//! adversarial inputs of `benches/support/adversarial.rs`, or `text:SENTENCE`, the sentence
//! repeated (to cost one kind of claim: `'text:Officials said 3 Americans were held.'`);
//! `BYTES` defaults to 2,000,000 and `REPS` to 1. Prints the claim count and the time per
//! repetition.

#[path = "../benches/support/adversarial.rs"]
mod adversarial;
#[path = "../benches/support/news.rs"]
mod news;

use std::process::ExitCode;
use std::time::Instant;

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let input = args.next().unwrap_or_else(|| "synthetic".to_string());
    let bytes: usize = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("BYTES: {e}"))?,
        None => 2_000_000,
    };
    let reps: u32 = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("REPS: {e}"))?,
        None => 1,
    };
    let text = if input == "synthetic" {
        news::corpus(bytes, 0x5EED)
    } else if let Some(sentence) = input.strip_prefix("text:") {
        let mut text = String::with_capacity(bytes.saturating_add(sentence.len()));
        while text.len() < bytes && !sentence.is_empty() {
            text.push_str(sentence);
            text.push(' ');
        }
        text
    } else {
        adversarial::input(&input, bytes).ok_or_else(|| {
            format!("unknown INPUT {input:?}; try synthetic, {}", adversarial::NAMES.join(", "))
        })?
    };
    for _ in 0..reps {
        let start = Instant::now();
        let claims = claimcheck::extract(&text);
        let count = claims.len();
        // Dropped inside the timing, as criterion's `iter` drops its routine's output.
        drop(claims);
        let secs = start.elapsed().as_secs_f64();
        #[allow(clippy::cast_precision_loss, reason = "display only")]
        let mbs = text.len() as f64 / 1e6 / secs;
        println!("{input}: {} bytes, {} claims, {:.3} s, {mbs:.1} MB/s", text.len(), count, secs);
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
