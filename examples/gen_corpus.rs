//! Writes a deterministic synthetic news corpus: `N` articles with front matter.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- OUT_DIR N [SEED]
//! ```
//!
//! Files are `OUT_DIR/article-000000.txt`, … (the generator is `benches/support/news.rs`; the
//! same seed always gives the same bytes).

#[path = "../benches/support/news.rs"]
mod news;

use std::path::PathBuf;
use std::process::ExitCode;

fn run() -> Result<(), String> {
    let usage = "usage: gen_corpus OUT_DIR N [SEED]";
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let n: usize = args.next().ok_or(usage)?.parse().map_err(|e| format!("N: {e}"))?;
    let seed: u64 = match args.next() {
        Some(s) => s.parse().map_err(|e| format!("SEED: {e}"))?,
        None => 0x5EED,
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut rng = news::Rng::new(seed);
    let mut total = 0usize;
    for i in 0..n {
        let text = news::article(&mut rng, i);
        total = total.saturating_add(text.len());
        let path = dir.join(format!("article-{i:06}.txt"));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!("wrote {n} articles, {total} bytes, to {}", dir.display());
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
