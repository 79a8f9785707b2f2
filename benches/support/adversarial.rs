//! Adversarial inputs for `extract`: long runs of what the candidate scan and the grammar
//! react to. Each generator returns exactly `bytes` bytes (cut on a `char` boundary), so the
//! time for `n` and `2n` bytes shows whether the work per byte stays bounded.
#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "benchmark harness; each target uses a part of this module"
)]

/// The adversarial inputs, by the name used in bench ids.
pub const NAMES: &[&str] = &[
    "digits",
    "grouped",
    "number-words",
    "currency",
    "currency-digits",
    "at-least",
    "more-than",
    "billion",
    "mixed",
];

/// `unit` repeated (after `head`) to exactly `bytes` bytes.
fn repeat(head: &str, unit: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + unit.len() + head.len());
    out.push_str(head);
    while out.len() < bytes {
        out.push_str(unit);
    }
    cut(out, bytes)
}

/// `s` cut to at most `bytes` bytes on a `char` boundary.
fn cut(mut s: String, bytes: usize) -> String {
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// Number words from one to twenty-two, then scale words.
fn number_words() -> String {
    const W: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "twenty-one",
        "twenty-two",
        "hundred",
        "thousand",
        "million",
    ];
    let mut s = W.join(" ");
    s.push(' ');
    s
}

/// Punctuation and numbers mixed pseudo-randomly (deterministic).
fn mixed(bytes: usize) -> String {
    const P: &[&str] = &[
        ".",
        ",",
        ";",
        ":",
        "-",
        "–",
        "/",
        "%",
        "(",
        ")",
        "$",
        "€",
        "£",
        " ",
        " ",
        "'",
        "\"",
        "–",
        "...",
        "½",
        "#",
        "+",
        "x",
        "bn",
        "m",
        "k",
        " percent",
        " per cent",
        " years",
    ];
    let mut rng = super::news::Rng::new(0xADD);
    let mut out = String::with_capacity(bytes + 16);
    while out.len() < bytes {
        if rng.chance(50) {
            let n = rng.next_u64() % 10_000;
            out.push_str(&n.to_string());
        } else {
            out.push_str(rng.pick(P));
        }
    }
    cut(out, bytes)
}

/// The input named `name` (one of [`NAMES`]) at exactly `bytes` bytes.
pub fn input(name: &str, bytes: usize) -> Option<String> {
    Some(match name {
        "digits" => repeat("", "1234567890", bytes),
        "grouped" => repeat("1", ",000", bytes),
        "number-words" => repeat("", &number_words(), bytes),
        "currency" => repeat("", "$", bytes),
        "currency-digits" => {
            let mut s = String::with_capacity(bytes + 16);
            let mut i: u64 = 1;
            while s.len() < bytes {
                s.push('$');
                s.push_str(&i.to_string());
                i += 1;
            }
            cut(s, bytes)
        }
        "at-least" => repeat("", "at least ", bytes),
        "more-than" => repeat("", "more than ", bytes),
        "billion" => repeat("a", " billion", bytes),
        "mixed" => mixed(bytes),
        _ => return None,
    })
}
