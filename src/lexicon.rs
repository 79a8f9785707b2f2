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
    /// The short words of all the tables, by their packed bytes ([`pack`]): a word near a
    /// quantity is looked up in several tables, and this costs one probe with an integer key
    /// per lookup instead of lower-casing and hashing the string each time. Rebuilt from the
    /// tables whenever they change.
    short: foldhash::HashMap<u128, Entry>,
}

/// The tables of a [`Lexicon`], as indices into [`Entry::index`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    Nationality,
    Person,
    Status,
    Role,
    Noun,
}

/// Where one short word stands in each table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Entry {
    /// Its position in each table ([`Which`] order), when it is a key there.
    index: [Option<usize>; 5],
    /// It starts a multi-word \[status\] entry.
    status_head: bool,
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
            short: foldhash::HashMap::default(),
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
        self.index_short_words();
        result
    }

    /// Rebuilds [`Lexicon::short`] from the tables.
    fn index_short_words(&mut self) {
        let mut short: foldhash::HashMap<u128, Entry> = foldhash::HashMap::default();
        for which in [Which::Nationality, Which::Person, Which::Status, Which::Role, Which::Noun] {
            for (i, key) in self.table(which).keys().enumerate() {
                if let Some(packed) = pack(key) {
                    let slot = short.entry(packed).or_default().index.get_mut(which as usize);
                    if let Some(slot) = slot {
                        *slot = Some(i);
                    }
                }
            }
        }
        for head in &self.status_heads {
            if let Some(packed) = pack(head) {
                short.entry(packed).or_default().status_head = true;
            }
        }
        self.short = short;
    }

    fn table(&self, which: Which) -> &Table {
        match which {
            Which::Nationality => &self.nationality,
            Which::Person => &self.person,
            Which::Status => &self.status,
            Which::Role => &self.role,
            Which::Noun => &self.noun,
        }
    }

    /// `word`'s value in one table, ASCII case aside: a short word by its packed key, any
    /// other by its lower-cased (and, for phrases, space-normalised) text.
    fn find(&self, which: Which, word: &str) -> Option<&str> {
        let Some(packed) = pack(word) else {
            return lookup(self.table(which), word);
        };
        // Every key that packs is in `short`, so a word missing there is in no table.
        let i = self.short.get(&packed)?.index.get(which as usize).copied().flatten()?;
        let (_, value) = self.table(which).get_index(i)?;
        Some(value)
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
        self.find(Which::Nationality, word)
    }

    /// For a head noun that denotes people, the role it implies ("hostages" → "detainee") or
    /// "person".
    pub fn person(&self, word: &str) -> Option<&str> {
        self.find(Which::Person, word)
    }

    /// The legal status named by a (possibly multi-word) phrase ("permanent residents").
    pub fn status(&self, phrase: &str) -> Option<&str> {
        self.find(Which::Status, phrase)
    }

    /// The status named by two words ("dual" "nationals"); allocates only when the first word
    /// can start a status.
    pub(crate) fn status_pair(&self, first: &str, second: &str) -> Option<&str> {
        if !self.status_head(first) {
            return None;
        }
        let mut joined =
            String::with_capacity(first.len().saturating_add(second.len()).saturating_add(1));
        joined.push_str(first);
        joined.push(' ');
        joined.push_str(second);
        let plain = |w: &str| !w.is_empty() && !w.contains(char::is_whitespace);
        if !(plain(first) && plain(second)) {
            return lookup(&self.status, &joined);
        }
        // Two words with no whitespace: joined by one space and lower-cased, the phrase is what
        // `lookup` would normalise it to, so it is looked up as it is.
        let mut phrase = joined;
        phrase.make_ascii_lowercase();
        self.status.get(phrase.as_str()).map(String::as_str)
    }

    /// Whether `first` can start a two-word status ([`Lexicon::status_pair`]).
    fn status_head(&self, first: &str) -> bool {
        match pack(first) {
            Some(packed) => self.short.get(&packed).is_some_and(|e| e.status_head),
            None => self.status_heads.contains(first),
        }
    }

    /// The role a context word implies ("jailed" → "detained").
    pub fn role(&self, word: &str) -> Option<&str> {
        self.find(Which::Role, word)
    }

    /// The canonical lemma of another head noun, when the lexicon has one.
    pub fn noun(&self, word: &str) -> Option<&str> {
        self.find(Which::Noun, word)
    }
}

/// A word of 1 to 16 printable ASCII bytes other than the space, ASCII-lower-cased and packed
/// into an integer (zero-padded; no such byte is zero, so different words differ). A word
/// with a space or a non-ASCII char is `None`: it is looked up by its text.
///
/// All sixteen bytes are tested and lower-cased at once, as in `grammar::token::letters`:
/// with every byte below 0x80, adding a constant sets a byte's top bit exactly when the byte
/// is at least some bound, with no carry into the next byte.
fn pack(word: &str) -> Option<u128> {
    const LANES: u128 = u128::MAX / 0xFF;
    const TOP: u128 = LANES.wrapping_mul(0x80);
    let bytes = word.as_bytes();
    let len = bytes.len();
    if !(1..=16).contains(&len) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf.get_mut(..len)?.copy_from_slice(bytes);
    let keep = u128::MAX >> (16usize.saturating_sub(len).saturating_mul(8));
    // The padding reads as 'a' for the tests, and is cleared again at the end.
    let x = u128::from_le_bytes(buf) | (!keep & LANES.wrapping_mul(u128::from(b'a')));
    let at_least = |bound: u8| {
        x.wrapping_add(LANES.wrapping_mul(u128::from(0x80u8.saturating_sub(bound)))) & TOP
    };
    let printable = x & TOP == 0 && at_least(0x21) == TOP;
    if !printable {
        return None;
    }
    let upper = at_least(b'A') & !at_least(b'[');
    Some((x | (upper >> 2)) & keep)
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
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// A short word found by its packed key gets what looking its text up in the table
        /// gets, in every table and whatever its case, marks or chars; so does a status head.
        #[test]
        fn packed_lookup_matches_the_tables(
            word in proptest::prop_oneof![
                proptest::sample::select(vec![
                    "americans", "U.S.", "hostages", "jailed", "dual", "permanent", "nationals",
                    "Iranian-Americans", "dual nationals", "dual  nationals", "u.s", "deal",
                ]).prop_map(str::to_string),
                "[a-zA-Z.\\-'@\\[`{ \t\u{e9}\u{0}]{0,18}",
            ],
            flips in proptest::collection::vec(proptest::bool::ANY, 18),
        ) {
            let lex = Lexicon::default();
            let word: String = word
                .chars()
                .zip(flips.iter().chain(std::iter::repeat(&false)))
                .map(|(c, &f)| if f { c.to_ascii_uppercase() } else { c })
                .collect();
            for which in [Which::Nationality, Which::Person, Which::Status, Which::Role, Which::Noun] {
                proptest::prop_assert_eq!(
                    lex.find(which, &word),
                    lookup(lex.table(which), &word),
                    "{:?} {:?}", which, word
                );
            }
            let lower = word.to_ascii_lowercase();
            let head = lex.status_heads.contains(&lower);
            proptest::prop_assert_eq!(
                lex.status_pair(&lower, "nationals").is_some(),
                head && lookup(&lex.status, &format!("{lower} nationals")).is_some()
            );
        }

        /// A status pair gets what looking the two words joined by a space up in the status
        /// table gets, whatever their case, spaces or emptiness.
        #[test]
        fn status_pair_is_a_lookup_of_the_joined_words(
            first in proptest::sample::select(vec![
                "dual", "Dual", "DUAL", "permanent", "Permanent", "legal", "deal", "", "dual ",
            ]),
            second in proptest::prop_oneof![
                proptest::sample::select(vec![
                    "nationals", "Nationals", "residents", "RESIDENTS", "national", "",
                    " nationals", "nationals\u{a0}", "nationals  x", "citizens",
                ]).prop_map(str::to_string),
                "[a-zA-Z \u{a0}]{0,12}",
            ],
        ) {
            let lex = Lexicon::default();
            let want = if lex.status_head(first) {
                lookup(&lex.status, &format!("{first} {second}"))
            } else {
                None
            };
            proptest::prop_assert_eq!(lex.status_pair(first, &second), want);
            // The rows a reader expects.
            if first.eq_ignore_ascii_case("dual") && second.eq_ignore_ascii_case("nationals") {
                proptest::prop_assert_eq!(want, Some("dual-national"));
            }
        }
    }

    #[test]
    fn pack_rows() {
        assert_eq!(pack("Ab.-"), pack("aB.-"));
        assert_ne!(pack("a@"), pack("a`"));
        assert_ne!(pack("a["), pack("a{"));
        assert_ne!(pack("ab"), pack("ab\u{0}"));
        for no in ["", "a b", "caf\u{e9}", "a\tb", "a\u{0}", "abcdefghijklmnopq"] {
            assert_eq!(pack(no), None, "{no:?}");
        }
        assert!(pack("abcdefghijklmnop").is_some());
        let key = pack("ZaZ").unwrap_or_default();
        assert_eq!(key.to_le_bytes().get(..4), Some(&b"zaz\0"[..]));
    }

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
