//! The command-line interface: argument parsing, file loading and output. Everything here is
//! I/O around the library; no claim logic lives in this module.

use claimcheck::load::{self, LoadError, LoadOptions, Warning};
use claimcheck::report::{self, TextStyle};
use claimcheck::{Checker, Extraction, Extractor, Lexicon, Source};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// claimcheck: extract numeric claims from news articles and reconcile them across sources.
#[derive(Parser, Debug)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every claim in the given articles.
    ///
    /// Exit status: 0, or 2 on error (a source that cannot be read; the others are still listed
    /// unless --strict).
    Extract(ExtractArgs),
    /// Reconcile the claims of several articles and report agreements and contradictions.
    ///
    /// Exit status: 0 when no contradiction is found, 1 when at least one is, 2 on error.
    Check(CheckArgs),
}

#[derive(Args, Debug)]
struct Common {
    /// Article files, or folders of `*.txt` articles (read recursively, in sorted order).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Extend the subject lexicon with this file (same format as the built-in one).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    lossy: bool,
    /// Stop at the first bad source, reporting nothing.
    #[arg(long)]
    strict: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    max_file_size: u64,
    /// Worker threads (default: all cores). Output is identical whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Write to this file (atomically: a temporary file renamed when complete).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    /// Output format: `text` (one line per claim) or `json` (JSON Lines, one claim per line).
    #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
}

/// Errors that stop the command before or while writing output.
#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error("{path}: {source}")]
    Lexicon {
        path: String,
        #[source]
        source: LexiconLoadError,
    },
    #[error("cannot write output: {0}")]
    Output(#[source] std::io::Error),
    #[error("cannot write {path}: {source}")]
    OutputFile {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start worker threads: {0}")]
    Threads(String),
    #[error("cannot write output: {0}")]
    Report(#[from] claimcheck::report::ReportError),
}

#[derive(Debug, thiserror::Error)]
enum LexiconLoadError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Parse(#[from] claimcheck::LexiconError),
}

/// Runs the parsed command line and maps the outcome to an exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Check(args) => check(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Whether writing failed because the reader went away (`claimcheck … | head`): not an error,
/// the output is simply no longer wanted.
fn closed_pipe(e: &RunError) -> bool {
    let io = match e {
        RunError::Output(e) | RunError::Report(report::ReportError::Io(e)) => e,
        _ => return false,
    };
    io.kind() == std::io::ErrorKind::BrokenPipe
}

/// `written` with a closed pipe counted as done ([`closed_pipe`]).
fn unless_closed(written: Result<(), RunError>) -> Result<(), RunError> {
    match written {
        Err(e) if closed_pipe(&e) => Ok(()),
        other => other,
    }
}

fn extractor(common: &Common) -> Result<Extractor, RunError> {
    let mut lexicon = Lexicon::default();
    if let Some(p) = &common.lexicon {
        let err = |source| RunError::Lexicon { path: p.display().to_string(), source };
        let text = std::fs::read_to_string(p).map_err(|e| err(e.into()))?;
        lexicon.extend_from_str(&text).map_err(|e| err(e.into()))?;
    }
    Ok(Extractor::with_lexicon(lexicon))
}

fn pool(common: &Common) -> Result<rayon::ThreadPool, RunError> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = common.jobs {
        b = b.num_threads(n.max(1));
    }
    b.build().map_err(|e| RunError::Threads(e.to_string()))
}

/// What one article became: its source, its extraction, and the warnings from reading it.
struct Loaded {
    source: Source,
    extraction: Extraction,
    warnings: Vec<Warning>,
}

/// Files are processed in chunks: in parallel within a chunk, in order across chunks, so that
/// output order never depends on threads and memory holds one chunk of texts at a time.
const CHUNK: usize = 64;

/// Loads and extracts every path, calling `each` in path order, and pushes the load errors onto
/// `errors` (in strict mode it stops at the first). An error from `each` stops it, with the
/// errors met so far already pushed.
fn for_each_source(
    common: &Common,
    extractor: &Extractor,
    errors: &mut Vec<LoadError>,
    mut each: impl FnMut(Loaded) -> Result<(), RunError>,
) -> Result<(), RunError> {
    let (files, expand_errors) = load::expand(&common.paths);
    errors.extend(expand_errors);
    if common.strict && !errors.is_empty() {
        return Ok(());
    }
    let opts = LoadOptions { lossy: common.lossy, max_file_size: common.max_file_size };
    let pool = pool(common)?;
    for chunk in files.chunks(CHUNK) {
        let results: Vec<Result<Loaded, LoadError>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|p: &PathBuf| {
                    let (source, warnings) = load::load(p, opts)?;
                    let extraction = extractor.extract_source(&source);
                    Ok(Loaded { source, extraction, warnings })
                })
                .collect()
        });
        for r in results {
            match r {
                Ok(l) => each(l)?,
                Err(e) => {
                    errors.push(e);
                    if common.strict {
                        return Ok(());
                    }
                }
            }
        }
    }
    Ok(())
}

fn report_errors(errors: &[LoadError]) {
    for e in errors {
        eprintln!("error: {e}");
    }
}

/// Writes to `--output` atomically, or to stdout.
fn with_output(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> Result<(), RunError>,
) -> Result<(), RunError> {
    match path {
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            f(&mut w)?;
            w.flush().map_err(RunError::Output)
        }
        Some(p) => {
            let err = |source| RunError::OutputFile { path: p.display().to_string(), source };
            // Devices, pipes and other special files ("/dev/null", a FIFO) are written in place:
            // renaming a temporary file over them would replace the device.
            if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
                let file = std::fs::OpenOptions::new().write(true).open(p).map_err(err)?;
                let mut w = std::io::BufWriter::new(file);
                f(&mut w)?;
                return w.flush().map_err(err);
            }
            let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
            let mut w = std::io::BufWriter::new(tmp);
            f(&mut w)?;
            let tmp = w.into_inner().map_err(|e| err(e.into_error()))?;
            tmp.as_file().sync_all().map_err(err)?;
            tmp.persist(p).map_err(|e| err(e.error))?;
            Ok(())
        }
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode, RunError> {
    let ex = extractor(&args.common)?;
    let mut errors = Vec::new();
    let format = args.format;
    let output = args.common.output.as_deref();
    let each = |w: &mut dyn Write, l: Loaded| {
        for warn in &l.warnings {
            eprintln!("warning: {}", warn.0);
        }
        write_extraction(w, &l, format)
    };
    let written = if args.common.strict {
        // Nothing is written, and an existing --output file is left as it was, unless every
        // source is good: the claims are rendered into memory (not the articles kept) first.
        let mut rendered: Vec<u8> = Vec::new();
        for_each_source(&args.common, &ex, &mut errors, |l| each(&mut rendered, l))?;
        if errors.is_empty() {
            with_output(output, |w| w.write_all(&rendered).map_err(RunError::Output))
        } else {
            Ok(())
        }
    } else {
        with_output(output, |w| for_each_source(&args.common, &ex, &mut errors, |l| each(w, l)))
    };
    // A closed pipe ends the run early; the sources read until then were reported.
    unless_closed(written)?;
    report_errors(&errors);
    Ok(if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

fn write_extraction(w: &mut dyn Write, l: &Loaded, format: ExtractFormat) -> Result<(), RunError> {
    let name = l.source.name();
    // Diagnostics are sorted by position: number them in one forward pass over the text.
    let text = l.source.text();
    let (mut pos, mut line, mut col) = (0usize, 1usize, 1usize);
    for d in &l.extraction.diagnostics {
        for c in text.get(pos..d.span.start).unwrap_or("").chars() {
            if c == '\n' {
                line = line.saturating_add(1);
                col = 1;
            } else {
                col = col.saturating_add(1);
            }
        }
        pos = pos.max(d.span.start);
        eprintln!("warning: {name}:{line}:{col}: {}", d.kind);
    }
    let claims = &l.extraction.claims;
    match format {
        ExtractFormat::Json => report::render_claims_jsonl(name, claims, w)?,
        ExtractFormat::Text => report::render_claims_text(name, claims, w)?,
    }
    Ok(())
}

fn check(args: CheckArgs) -> Result<ExitCode, RunError> {
    let ex = extractor(&args.common)?;
    let mut checker = Checker::with_extractor(ex.clone());
    let mut errors = Vec::new();
    for_each_source(&args.common, &ex, &mut errors, |l| {
        for warn in &l.warnings {
            eprintln!("warning: {}", warn.0);
        }
        checker.add_extraction(&l.source, l.extraction);
        Ok(())
    })?;
    report_errors(&errors);
    if args.common.strict && !errors.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let report = checker.report();
    let to_terminal = args.common.output.is_none() && std::io::stdout().is_terminal();
    // A closed pipe cuts the report short, not the verdict: the exit status still tells a
    // pipeline whether sources contradict each other.
    unless_closed(with_output(args.common.output.as_deref(), |w| {
        match args.format {
            CheckFormat::Json => report::render_json(&report, w)?,
            CheckFormat::Markdown => report::render_markdown(&report, w)?,
            CheckFormat::Text => {
                let style = if to_terminal { TextStyle::Styled } else { TextStyle::Plain };
                report::render_text(&report, style, w)?;
            }
        }
        Ok(())
    }))?;
    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if report.has_contradictions() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
