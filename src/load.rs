//! Reading articles from disk. The CLI and [`crate::Checker::add_path`] are the only callers:
//! the rest of the library takes text and does no I/O.

use crate::source::{FrontMatterError, Source};
use std::io::Read as _;
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
///
/// Each file is listed once and each folder walked once, however they are reached: a path named
/// twice, a symbolic link to a file already listed, or a link back up the tree (which would
/// otherwise be followed round and round) adds nothing, so no article is ever compared with a
/// copy of itself.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen = Seen::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                if !seen.first_visit(p) {
                    continue;
                }
                let before = files.len();
                if let Err(e) = walk(p, &mut files, &mut seen) {
                    errors.push(LoadError::Io { path: p.display().to_string(), source: e });
                } else if files.len() == before {
                    errors.push(LoadError::EmptyFolder { path: p.display().to_string() });
                }
            }
            Ok(_) => {
                if seen.first_visit(p) {
                    files.push(p.clone());
                }
            }
            Err(e) => errors.push(LoadError::Io { path: p.display().to_string(), source: e }),
        }
    }
    (files, errors)
}

/// The files and folders [`expand`] has already taken, by their canonical paths.
#[derive(Default)]
struct Seen(std::collections::HashSet<PathBuf>);

impl Seen {
    /// True the first time `p` (or another path to the same file or folder) is seen. A path
    /// that cannot be resolved counts as new: reading it reports why.
    fn first_visit(&mut self, p: &Path) -> bool {
        match std::fs::canonicalize(p) {
            Ok(canonical) => self.0.insert(canonical),
            Err(_) => true,
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut Seen) -> std::io::Result<()> {
    // The entry's type comes with the listing on most file systems; only a symbolic link needs
    // a `stat` to see what it points to.
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let path = e.path();
        let is_dir = match e.file_type() {
            Ok(t) if !t.is_symlink() => t.is_dir(),
            _ => path.is_dir(),
        };
        entries.push((path, is_dir));
    }
    entries.sort();
    for (e, is_dir) in entries {
        if is_dir {
            if seen.first_visit(&e) {
                walk(&e, out, seen)?;
            }
        } else if e.extension().is_some_and(|x| x == "txt") && seen.first_visit(&e) {
            out.push(e);
        }
    }
    Ok(())
}

/// Reads one article.
pub fn load(path: &Path, opts: LoadOptions) -> Result<(Source, Vec<Warning>), LoadError> {
    let name = path.display().to_string();
    let io = |source| LoadError::Io { path: name.clone(), source };
    let is_dir = || {
        io(std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a directory, expected a file"))
    };
    // One open, then the size from the open file: no second look-up of the path.
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(_) if path.is_dir() => return Err(is_dir()),
        Err(e) => return Err(io(e)),
    };
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(is_dir());
    }
    let too_large =
        |size: u64| LoadError::TooLarge { path: name.clone(), size, max: opts.max_file_size };
    if meta.len() > opts.max_file_size {
        return Err(too_large(meta.len()));
    }
    // The file may grow after `metadata`: never read more than one byte past the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    (&file).take(opts.max_file_size.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > opts.max_file_size {
        let size = file.metadata().map_or(read, |m| m.len().max(read));
        return Err(too_large(size));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_refuses_what_is_not_an_article() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(dir.path(), LoadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("is a directory, expected a file"), "{err}");

        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(11)).unwrap();
        let opts = LoadOptions { max_file_size: 10, ..LoadOptions::default() };
        match load(&big, opts) {
            Err(LoadError::TooLarge { size: 11, max: 10, .. }) => {}
            other => panic!("expected TooLarge, got {other:?}"),
        }
        let fits = LoadOptions { max_file_size: 11, ..LoadOptions::default() };
        assert_eq!(load(&big, fits).unwrap().0.text(), "x".repeat(11));

        let nul = dir.path().join("nul.txt");
        std::fs::write(&nul, b"ab\0c").unwrap();
        assert!(matches!(load(&nul, opts), Err(LoadError::Binary { offset: 2, .. })));
        let missing = dir.path().join("missing.txt");
        assert!(matches!(load(&missing, opts), Err(LoadError::Io { .. })));
    }

    #[test]
    #[cfg(unix)]
    fn expand_follows_linked_folders_in_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        let real = tempfile::tempdir().unwrap();
        std::fs::write(real.path().join("b.txt"), "b").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/c.txt"), "c").unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::write(dir.path().join("notes.md"), "skip").unwrap();
        std::os::unix::fs::symlink(real.path(), dir.path().join("linked")).unwrap();
        let (files, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> =
            files.iter().map(|f| f.strip_prefix(dir.path()).unwrap().to_path_buf()).collect();
        let want: Vec<PathBuf> =
            ["a.txt", "linked/b.txt", "sub/c.txt"].iter().map(PathBuf::from).collect();
        assert_eq!(names, want);
    }

    #[test]
    #[cfg(unix)]
    fn expand_takes_each_file_and_folder_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("sub/c.txt"), "c").unwrap();
        // A link back up the tree, and a second name for a file already listed.
        std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
        std::os::unix::fs::symlink("../a.txt", root.join("sub/same.txt")).unwrap();
        let named_twice = [root.to_path_buf(), root.join("a.txt"), root.join("sub")];
        let (files, errors) = expand(&named_twice);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = files.iter().map(|f| f.strip_prefix(root).unwrap()).collect();
        assert_eq!(names, [Path::new("a.txt"), Path::new("sub/c.txt")]);
        // A folder reached only through links that lead back is no error, and adds nothing.
        let (files, errors) = expand(&[root.join("sub/up/sub")]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(files.len(), 2, "{files:?}");
    }
}
