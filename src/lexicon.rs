//! The subject lexicon: the data that turns "three American 'hostages'" into the key
//! `american detainee`.
//!
//! All tables that normalise subjects live in one text file, `src/lexicon/default.lex`, compiled
//! into the binary. Users extend it with their own file (`claimcheck --lexicon FILE`, or
//! [`Lexicon::extend_from_str`]); later entries override earlier ones. The grammar's own word
//! classes (number words, qualifiers, units) are not here: they are the English grammar itself,
//! not data about the story.

use indexmap::IndexMap;

/// The lexicon's word tables: looked up for every word near a quantity, so hashed with
/// foldhash rather than SipHash (seeded at random, like the checker's maps; iteration keeps
/// insertion order).
type Table = IndexMap<String, String, foldhash::fast::RandomState>;

/// The built-in lexicon text.
pub const DEFAULT_LEXICON: &str = include_str!("lexicon/default.lex");

/// An error in a lexicon file, naming the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lexicon line {line}: {message}")]
pub struct LexiconError {
    /// The 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Word tables used to build subject keys.
///
/// # Example
/// ```
/// use claimcheck::Lexicon;
/// let mut lex = Lexicon::default();
/// assert_eq!(lex.nationality("U.S."), Some("american"));
/// lex.extend_from_str("[nationality]\nkiwi = new-zealander\n").unwrap();
/// assert_eq!(lex.nationality("Kiwi"), Some("new-zealander"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexicon {
    nationality: Table,
    person: Table,
    status: Table,
    role: Table,
    noun: Table,
    /// First words of multi-word \[status\] entries, for a cheap pre-check.
    status_heads: std::collections::BTreeSet<String>,
}

impl Default for Lexicon {
    fn default() -> Self {
        let mut lex = Lexicon::empty();
        // The built-in table is tested to parse; should it ever fail, an empty lexicon still
        // extracts every quantity, only with plainer subject keys.
        let _ = lex.extend_from_str(DEFAULT_LEXICON);
        lex
    }
}

impl Lexicon {
    /// A lexicon with no entries.
    pub fn empty() -> Lexicon {
        Lexicon {
            nationality: Table::default(),
            person: Table::default(),
            status: Table::default(),
            role: Table::default(),
            noun: Table::default(),
            status_heads: std::collections::BTreeSet::new(),
        }
    }

    /// Adds the entries of a lexicon text (same format as the built-in file).
    ///
    /// # Errors
    /// A line that is not a `[section]`, a `word = value` pair, a comment or blank, or an entry
    /// before any section, or an unknown section name.
    pub fn extend_from_str(&mut self, text: &str) -> Result<(), LexiconError> {
        let mut heads = std::collections::BTreeSet::new();
        let result = self.extend_sections(text, &mut heads);
        self.status_heads.extend(heads);
        result
    }

    fn extend_sections(
        &mut self,
        text: &str,
        heads: &mut std::collections::BTreeSet<String>,
    ) -> Result<(), LexiconError> {
        let mut section: Option<&mut Table> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i.saturating_add(1);
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            if let Some(name) = content.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = Some(match name.trim() {
                    "nationality" => &mut self.nationality,
                    "person" => &mut self.person,
                    "status" => &mut self.status,
                    "role" => &mut self.role,
                    "noun" => &mut self.noun,
                    other => {
                        return Err(LexiconError {
                            line,
                            message: format!(
                                "unknown section [{other}], expected one of nationality, person, status, role, noun"
                            ),
                        })
                    }
                });
                continue;
            }
            let Some((key, value)) = content.split_once('=') else {
                return Err(LexiconError {
                    line,
                    message: format!("expected `word = value`, found {content:?}"),
                });
            };
            let (key, value) = (normalize_words(key), value.trim().to_ascii_lowercase());
            if key.is_empty() || value.is_empty() {
                return Err(LexiconError { line, message: "empty word or value".into() });
            }
            match section.as_deref_mut() {
                Some(map) => {
                    if let Some((head, _)) = key.split_once(' ') {
                        heads.insert(head.to_string());
                    }
                    map.insert(key, value);
                }
                None => {
                    return Err(LexiconError {
                        line,
                        message: "entry before any [section] header".into(),
                    })
                }
            }
        }
        Ok(())
    }

    /// The canonical demonym for a nationality word ("U.S." → "american").
    pub fn nationality(&self, word: &str) -> Option<&str> {
        lookup(&self.nationality, word)
    }

    /// For a head noun that denotes people, the role it implies ("hostages" → "detainee") or
    /// "person".
    pub fn person(&self, word: &str) -> Option<&str> {
        lookup(&self.person, word)
    }

    /// The legal status named by a (possibly multi-word) phrase ("permanent residents").
    pub fn status(&self, phrase: &str) -> Option<&str> {
        lookup(&self.status, phrase)
    }

    /// The status named by two words ("dual" "nationals"); allocates only when the first word
    /// can start a status.
    pub(crate) fn status_pair(&self, first: &str, second: &str) -> Option<&str> {
        if !self.status_heads.contains(first) {
            return None;
        }
        lookup(&self.status, &format!("{first} {second}"))
    }

    /// The role a context word implies ("jailed" → "detained").
    pub fn role(&self, word: &str) -> Option<&str> {
        lookup(&self.role, word)
    }

    /// The canonical lemma of another head noun, when the lexicon has one.
    pub fn noun(&self, word: &str) -> Option<&str> {
        lookup(&self.noun, word)
    }
}

fn lookup<'a>(map: &'a Table, word: &str) -> Option<&'a str> {
    if word.bytes().any(|b| b.is_ascii_whitespace()) {
        map.get(normalize_words(word).as_str()).map(String::as_str)
    } else {
        // One word ("American"): lower-cased on the stack, not in a new String.
        crate::grammar::token::with_lower(word, |w| map.get(w).map(String::as_str))
            .unwrap_or_else(|| map.get(word.to_ascii_lowercase().as_str()).map(String::as_str))
    }
}

/// Lower-cases and collapses inner whitespace to single spaces.
fn normalize_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lexicon_parses() {
        let mut lex = Lexicon::empty();
        lex.extend_from_str(DEFAULT_LEXICON).unwrap();
        assert_eq!(lex.nationality("americans"), Some("american"));
        assert_eq!(lex.person("Hostages"), Some("detainee"));
        assert_eq!(lex.status("permanent  residents"), Some("permanent-resident"));
        assert_eq!(lex.role("jailed"), Some("detained"));
    }

    #[test]
    fn err_lexicon_names_the_line() {
        let mut lex = Lexicon::empty();
        let err = lex.extend_from_str("[role]\nheld = detained\nnonsense\n").unwrap_err();
        assert_eq!(err.to_string(), "lexicon line 3: expected `word = value`, found \"nonsense\"");
        let err = lex.extend_from_str("\n[colour]\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = lex.extend_from_str("a = b\n").unwrap_err();
        assert_eq!(err.message, "entry before any [section] header");
    }
}
