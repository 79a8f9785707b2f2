//! Extract the claims of one article and print them with their normalised values.
//!
//! ```sh
//! cargo run --example extract                      # a built-in paragraph
//! cargo run --example extract -- path/to/article.txt
//! ```

use claimcheck::report::describe_value;
use claimcheck::{Extractor, Source};

const SAMPLE: &str = "---
published: 2021-07-13
outlet: Example Wire
---
Iran is holding at least four Americans, including Baquer Namazi, Siamak Namazi, Emad Shargi
and Morad Tahbaz. In May, state television reported that $7bn in frozen funds would be
released. Baquer Namazi, 84, has been held for more than five years.
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (name, text) = match std::env::args().nth(1) {
        Some(path) => (path.clone(), std::fs::read_to_string(&path)?),
        None => ("sample.txt".to_string(), SAMPLE.to_string()),
    };
    let source = Source::parse(name, text)?;
    let extraction = Extractor::new().extract_source(&source);
    for c in &extraction.claims {
        let subject = c.subject.as_ref().map_or("-", |s| s.key.as_str());
        println!(
            "{}:{}:{}  {:<9} {:<22} {:<20} {:?}",
            source.name(),
            c.provenance.line,
            c.provenance.column,
            c.kind.as_str(),
            describe_value(c),
            subject,
            c.provenance.text
        );
    }
    for d in &extraction.diagnostics {
        eprintln!("note: bytes {}..{}: {}", d.span.start, d.span.end, d.kind);
    }
    Ok(())
}
