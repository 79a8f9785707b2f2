//! The `claimcheck` command: a thin shell over the library. See `claimcheck --help`.

use clap::Parser;
use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    cli::run(cli::Cli::parse())
}
