//! Check two short articles against each other and print the report as terminal text.
//!
//! ```sh
//! cargo run --example reconcile
//! ```

use claimcheck::report::{render_text, TextStyle};
use claimcheck::Checker;

const MORNING: &str = "---
outlet: Morning Wire
published: 2024-11-19
---
Fourteen workers were killed and at least 20 were injured in Monday's fire at the plant.
The company said it would pay $2m to the families.
";

const EVENING: &str = "---
outlet: Evening Star
published: 2024-11-19
---
A total of 17 workers were killed in the fire, and 15 people were injured, the union said.
The company has promised $2 million in compensation.
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut checker = Checker::new();
    checker.add_text("morning.txt", MORNING)?;
    checker.add_text("evening.txt", EVENING)?;
    let report = checker.report();
    render_text(&report, TextStyle::Plain, &mut std::io::stdout().lock())?;
    // Pipelines gate on contradictions, as `claimcheck check` does with its exit code.
    std::process::exit(i32::from(report.has_contradictions()));
}
