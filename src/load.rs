//! Reading articles from disk. The CLI and [`crate::Checker::add_path`] are the only callers:
//! the rest of the library takes text and does no I/O.

use crate::source::{FrontMatterError, Source};
use std::path::{Path, PathBuf};

/// Why a path could not become a source.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The path does not exist or cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A folder with no `*.txt` articles in it.
    #[error("{path}: no articles (*.txt files) in this folder")]
    EmptyFolder {
        /// The folder.
        path: String,
    },
    /// Not UTF-8 and `--lossy` not given.
    #[error("{path}: not valid UTF-8: invalid byte sequence at byte offset {offset} (use --lossy to replace invalid bytes)")]
    NotUtf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Contains NUL bytes: a binary file.
    #[error("{path}: binary file (NUL byte at byte offset {offset}), not an article")]
    Binary {
        /// The file.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Larger than `--max-file-size`.
    #[error("{path}: file is {size} bytes, larger than --max-file-size {max}")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// Malformed front matter.
    #[error("{path}:{}: {source}", source.line)]
    FrontMatter {
        /// The file.
        path: String,
        /// The front-matter error.
        #[source]
        source: FrontMatterError,
    },
}

/// A warning about a source that was still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(
    /// The message, naming the file.
    pub String,
);

/// How to read files.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Replace invalid UTF-8 (and warn) instead of refusing the file.
    pub lossy: bool,
    /// Refuse files larger than this many bytes.
    pub max_file_size: u64,
}

/// The default `--max-file-size`: 64 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { lossy: false, max_file_size: DEFAULT_MAX_FILE_SIZE }
    }
}

/// Expands the command-line paths into article paths: a file as given, a folder as its
/// `*.txt` files (recursively, in sorted order).
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let before = files.len();
                if let Err(e) = walk(p, &mut files) {
                    errors.push(LoadError::Io { path: p.display().to_string(), source: e });
                } else if files.len() == before {
                    errors.push(LoadError::EmptyFolder { path: p.display().to_string() });
                }
            }
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(LoadError::Io { path: p.display().to_string(), source: e }),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, out)?;
        } else if e.extension().is_some_and(|x| x == "txt") {
            out.push(e);
        }
    }
    Ok(())
}

/// Reads one article.
pub fn load(path: &Path, opts: LoadOptions) -> Result<(Source, Vec<Warning>), LoadError> {
    let name = path.display().to_string();
    let io = |source| LoadError::Io { path: name.clone(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory, expected a file",
        )));
    }
    if meta.len() > opts.max_file_size {
        return Err(LoadError::TooLarge { path: name, size: meta.len(), max: opts.max_file_size });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(LoadError::Binary { path: name, offset });
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if !opts.lossy {
                return Err(LoadError::NotUtf8 { path: name, offset });
            }
            let bytes = e.into_bytes();
            let replaced: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
            warnings.push(Warning(format!(
                "{name}: replaced {replaced} invalid byte{} with U+FFFD (first at byte offset {offset}); offsets refer to the replaced text",
                if replaced == 1 { "" } else { "s" }
            )));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    if text.trim().is_empty() {
        warnings.push(Warning(format!("{name}: empty article, no claims")));
    }
    let source = Source::parse(name.clone(), text)
        .map_err(|source| LoadError::FrontMatter { path: name, source })?;
    Ok((source, warnings))
}
