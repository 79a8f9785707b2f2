//! Sources: an article's text and its front matter.
//!
//! ```text
//! article      = [ front_matter ] body ;
//! front_matter = "---" eol { ( key ":" value | blank ) eol } "---" eol ;
//! ```
//!
//! claimcheck reads `published` (YYYY-MM-DD), `outlet`, `title` and `url`, and keeps any other
//! key. Offsets always count from the first byte of the file, front matter included.

use crate::date::Date;
use indexmap::IndexMap;
use serde::Serialize;

/// An error in an article's front matter, naming the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("front matter line {line}: {kind}")]
pub struct FrontMatterError {
    /// The 1-based line the problem is on.
    pub line: usize,
    /// What is wrong.
    pub kind: FrontMatterErrorKind,
}

/// The kinds of front-matter errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FrontMatterErrorKind {
    /// The opening `---` has no closing `---`.
    #[error("front matter opened here is never closed with `---`")]
    Unterminated,
    /// A line inside the block is not `key: value`.
    #[error("expected `key: value`, found {0:?}")]
    NotKeyValue(String),
    /// A key has characters other than letters, digits, `_` and `-`.
    #[error("invalid key {0:?}: use letters, digits, `_` or `-`")]
    InvalidKey(String),
    /// A key appears twice.
    #[error("duplicate key {0:?}")]
    DuplicateKey(String),
    /// `published` is not a valid YYYY-MM-DD date from the years 1000 to 2999.
    #[error("`published` must be a date as YYYY-MM-DD from the years 1000 to 2999, found {0:?}")]
    InvalidDate(String),
}

/// What the front matter says about an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// Publication date: relative dates resolve against it.
    pub published: Option<Date>,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Any other keys, in file order.
    pub extra: IndexMap<String, String>,
}

/// One article: a name (usually its path), its full text and its metadata.
///
/// # Example
/// ```
/// use claimcheck::Source;
/// let text = "---\npublished: 2021-07-13\noutlet: Example Wire\n---\nFour Americans are held.\n";
/// let source = Source::parse("wire.txt", text)?;
/// assert_eq!(source.metadata().published.unwrap().to_string(), "2021-07-13");
/// assert_eq!(&source.text()[source.body_start()..], "Four Americans are held.\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    name: String,
    text: String,
    metadata: Metadata,
    body_start: usize,
}

impl Source {
    /// Parses front matter strictly.
    ///
    /// # Errors
    /// Malformed front matter, naming the line.
    pub fn parse(
        name: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<Source, FrontMatterError> {
        let text = text.into();
        let (metadata, body_start) = parse_front_matter(&text)?;
        Ok(Source { name: name.into(), text, metadata, body_start })
    }

    /// A source with no front matter handling: the whole text is the body.
    pub fn plain(name: impl Into<String>, text: impl Into<String>, metadata: Metadata) -> Source {
        Source { name: name.into(), text: text.into(), metadata, body_start: 0 }
    }

    /// The name (path as given).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The full text, front matter included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The metadata.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Byte offset where the body starts (after the front matter).
    pub fn body_start(&self) -> usize {
        self.body_start
    }
}

/// Parses the optional front matter at the start of `text`; returns the metadata and the byte
/// offset of the body.
///
/// # Errors
/// See [`FrontMatterErrorKind`].
///
/// # Example
/// ```
/// use claimcheck::parse_front_matter;
/// let err = parse_front_matter("---\npublished: 2021-02-30\n---\n").unwrap_err();
/// assert_eq!(err.line, 2);
/// assert_eq!(parse_front_matter("no front matter").unwrap().1, 0);
/// ```
pub fn parse_front_matter(text: &str) -> Result<(Metadata, usize), FrontMatterError> {
    let mut meta = Metadata::default();
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len().saturating_sub(body.len());
    let mut lines = body.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok((meta, 0));
    };
    if first.trim_end_matches(['\r', '\n']) != "---" {
        return Ok((meta, 0));
    }
    // An opening `---` with no closing one is reported as such, not as its first stray line.
    let closed =
        body.split_inclusive('\n').skip(1).any(|l| l.trim_end_matches(['\r', '\n']) == "---");
    if !closed {
        return Err(FrontMatterError { line: 1, kind: FrontMatterErrorKind::Unterminated });
    }
    let mut offset = bom.saturating_add(first.len());
    let mut seen: IndexMap<String, ()> = IndexMap::new();
    for (idx, raw) in lines.enumerate() {
        let line_no = idx.saturating_add(2);
        let line = raw.trim_end_matches(['\r', '\n']);
        offset = offset.saturating_add(raw.len());
        if line == "---" {
            return Ok((meta, offset));
        }
        if line.trim().is_empty() {
            continue;
        }
        let err = |kind| FrontMatterError { line: line_no, kind };
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(FrontMatterErrorKind::NotKeyValue(line.to_string())));
        };
        let key = key.trim();
        let value = value.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(err(FrontMatterErrorKind::InvalidKey(key.to_string())));
        }
        if seen.insert(key.to_string(), ()).is_some() {
            return Err(err(FrontMatterErrorKind::DuplicateKey(key.to_string())));
        }
        let value = value.trim_matches(|c| c == '"' || c == '\'').to_string();
        match key {
            "published" => {
                let d = Date::parse_iso(&value)
                    .ok_or_else(|| err(FrontMatterErrorKind::InvalidDate(value.clone())))?;
                meta.published = Some(d);
            }
            "outlet" => meta.outlet = Some(value),
            "title" => meta.title = Some(value),
            "url" => meta.url = Some(value),
            _ => {
                meta.extra.insert(key.to_string(), value);
            }
        }
    }
    Err(FrontMatterError { line: 1, kind: FrontMatterErrorKind::Unterminated })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_rows() {
        let t = "---\r\npublished: 2021-07-13\r\noutlet: Wire\r\nlang: en\r\n---\r\nBody";
        let (m, body) = parse_front_matter(t).unwrap();
        assert_eq!(m.published, Date::new(2021, 7, 13));
        assert_eq!(m.outlet.as_deref(), Some("Wire"));
        assert_eq!(m.extra.get("lang").map(String::as_str), Some("en"));
        assert_eq!(&t[body..], "Body");
        assert_eq!(parse_front_matter("").unwrap().1, 0);
        assert_eq!(parse_front_matter("--- not front matter\n").unwrap().1, 0);
    }

    #[test]
    fn err_front_matter_rows() {
        for (input, line, msg) in [
            ("---\npublished: 2021-07-13\n", 1, "front matter line 1: front matter opened here is never closed with `---`"),
            ("---\ntitle: x\npublished: yesterday\n---\n", 3, "front matter line 3: `published` must be a date as YYYY-MM-DD from the years 1000 to 2999, found \"yesterday\""),
            ("---\npublished: 0000-01-01\n---\n", 2, "front matter line 2: `published` must be a date as YYYY-MM-DD from the years 1000 to 2999, found \"0000-01-01\""),
            ("---\njust words\n---\n", 2, "front matter line 2: expected `key: value`, found \"just words\""),
            ("---\na: 1\na: 2\n---\n", 3, "front matter line 3: duplicate key \"a\""),
            ("---\nbad key: 1\n---\n", 2, "front matter line 2: invalid key \"bad key\": use letters, digits, `_` or `-`"),
        ] {
            let e = parse_front_matter(input).unwrap_err();
            assert_eq!((e.line, e.to_string().as_str()), (line, msg), "input: {input:?}");
        }
    }
}
