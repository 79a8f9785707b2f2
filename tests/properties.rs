//! Properties of extraction and reconciliation, checked with proptest.

#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    reason = "test harness"
)]

use claimcheck::reconcile::{compare, effective};
use claimcheck::{extract, Checker, FindingKind, Kind, Qualifier};
use proptest::prelude::*;

/// Our own renderer of integers in English words ("one hundred and five", "twenty-two").
fn words(n: u64, with_and: bool) -> String {
    const ONES: [&str; 20] = [
        "zero",
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
    ];
    const TENS: [&str; 10] =
        ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    fn below_thousand(n: u64, with_and: bool) -> String {
        let (h, rest) = (n / 100, n % 100);
        let mut parts = Vec::new();
        if h > 0 {
            parts.push(format!("{} hundred", ONES[h as usize]));
        }
        if rest > 0 {
            if h > 0 && with_and {
                parts.push("and".to_string());
            }
            parts.push(if rest < 20 {
                ONES[rest as usize].to_string()
            } else if rest % 10 == 0 {
                TENS[(rest / 10) as usize].to_string()
            } else {
                format!("{}-{}", TENS[(rest / 10) as usize], ONES[(rest % 10) as usize])
            });
        }
        parts.join(" ")
    }
    if n == 0 {
        return "zero".into();
    }
    let scales = [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];
    let mut rest = n;
    let mut parts = Vec::new();
    for (value, name) in scales {
        if rest >= value {
            parts.push(format!("{} {name}", below_thousand(rest / value, with_and)));
            rest %= value;
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest, with_and));
    }
    parts.join(" ")
}

/// Digits with thousands separators: 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn single_value(text: &str) -> Option<i64> {
    let claims = extract(text);
    let numbers: Vec<_> = claims.iter().filter(|c| c.kind != Kind::Date).collect();
    assert_eq!(numbers.len(), 1, "{text:?} gave {claims:#?}");
    numbers[0].quantity().and_then(|q| q.low).and_then(|n| n.to_i64())
}

fn article(published: &str, body: &str) -> String {
    format!("---\npublished: {published}\n---\n{body}\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn number_words_parse_back(n in 0u64..=1_000_000_000_000, with_and in any::<bool>()) {
        let text = format!("They counted {} in all.", words(n, with_and));
        prop_assert_eq!(single_value(&text), i64::try_from(n).ok(), "{}", text);
    }

    #[test]
    fn grouped_digits_parse_back(n in 0u64..=1_000_000_000_000) {
        // Four-digit numbers without a separator may be years; with one they never are.
        let text = format!("They counted {} in all.", grouped(n));
        prop_assert_eq!(single_value(&text), i64::try_from(n).ok(), "{}", text);
    }

    #[test]
    fn extract_never_panics_and_spans_are_exact(text in ".{0,400}") {
        for c in extract(&text) {
            let span = c.span();
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert_eq!(text.get(span.range()), Some(c.provenance.text.as_str()));
            prop_assert!(c.provenance.line >= 1 && c.provenance.column >= 1);
        }
    }

    #[test]
    fn extract_never_panics_on_claim_like_text(parts in prop::collection::vec(prop::sample::select(vec![
        "at least", "more than", "$", "7", "bn", "billion", " ", ",", "-", "–", "three", "hundred",
        "and", "dozen", "dozens of", "percent", "%", "year-old", "May", "last", "2016", "1,000",
        "Americans", "held", "including", ":", "Ann Lee", ".", "\n", "€", "\u{a0}", "½", "１２",
    ]), 0..40)) {
        let text: String = parts.concat();
        for c in extract(&text) {
            prop_assert_eq!(text.get(c.span().range()), Some(c.provenance.text.as_str()));
        }
    }

    #[test]
    fn at_least_never_lowers_the_lower_bound(n in 1u64..100_000) {
        let plain = extract(&format!("Iran holds {} Americans.", grouped(n)));
        let bound = extract(&format!("Iran holds at least {} Americans.", grouped(n)));
        let lo = |cs: &[claimcheck::Claim]| cs.first().and_then(effective).and_then(|i| i.lo).map(|e| e.value);
        prop_assert!(lo(&bound) >= lo(&plain));
        prop_assert_eq!(bound[0].quantity().map(|q| q.qualifier), Some(Qualifier::AtLeast));
    }

    #[test]
    fn unrelated_text_changes_no_value(a in 2u64..500, b in 2u64..500, filler in prop::sample::select(vec![
        "The meeting was held behind closed doors.",
        "Officials declined to comment further on the matter.",
        "Talks are expected to resume after the holiday.",
    ])) {
        let left = format!("The fire killed {a} workers. Rescuers found {b} survivors.");
        let right = format!("The fire killed {a} workers. {filler} Rescuers found {b} survivors.");
        let values = |t: &str| -> Vec<_> {
            extract(t).into_iter().map(|c| (c.kind, c.quantity().cloned(), c.subject.map(|s| s.key))).collect()
        };
        prop_assert_eq!(values(&left), values(&right));
    }
}

/// A small article with a few claims from a fixed set of templates.
fn generated(seed: (u8, u8, u8, u8)) -> String {
    let (a, b, c, d) = seed;
    let day = 10 + (d % 15);
    article(
        &format!("2024-09-{day:02}"),
        &format!(
            "{} miners were killed in the collapse, officials said. At least {} miners were rescued. \
             The company will pay ${}bn in compensation. Activists said {} workers were arrested last week.",
            a % 50 + 2,
            b % 40 + 1,
            c % 9 + 1,
            d % 30 + 2
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn report_does_not_depend_on_source_order(seeds in prop::collection::vec(any::<(u8, u8, u8, u8)>(), 2..5)) {
        let texts: Vec<String> = seeds.iter().copied().map(generated).collect();
        let mut forward = Checker::new();
        for (i, t) in texts.iter().enumerate() {
            forward.add_text(format!("s{i}.txt"), t.clone()).expect("front matter");
        }
        let mut backward = Checker::new();
        for (i, t) in texts.iter().enumerate().rev() {
            backward.add_text(format!("s{i}.txt"), t.clone()).expect("front matter");
        }
        prop_assert_eq!(forward.report(), backward.report());
    }

    #[test]
    fn a_claim_agrees_with_itself(seed in any::<(u8, u8, u8, u8)>()) {
        for c in extract(&generated(seed)) {
            let v = compare(&c, &c);
            prop_assert_eq!(v.kind, FindingKind::Agreement, "{:?}", c.provenance.text);
        }
    }

    #[test]
    fn classification_is_symmetric(x in any::<(u8, u8, u8, u8)>(), y in any::<(u8, u8, u8, u8)>()) {
        let cx = extract(&generated(x));
        let cy = extract(&generated(y));
        for a in &cx {
            for b in cy.iter().filter(|b| b.kind == a.kind && b.subject.as_ref().map(|s| &s.key) == a.subject.as_ref().map(|s| &s.key)) {
                let ab = compare(a, b);
                let ba = compare(b, a);
                prop_assert_eq!((ab.kind, ab.severity), (ba.kind, ba.severity), "{:?} vs {:?}", a.provenance.text, b.provenance.text);
            }
        }
    }
}

#[test]
fn renderer_examples() {
    assert_eq!(words(105, true), "one hundred and five");
    assert_eq!(words(22, false), "twenty-two");
    assert_eq!(words(1_000_000_000_000, false), "one trillion");
    assert_eq!(grouped(1_234_567), "1,234,567");
}

/// A partitive's whole is not what its predicate says: "half of the 40 detainees were freed"
/// and "20 detainees were freed" do not disagree, nor do "two of the 12 miners were killed"
/// and "two miners were killed" (they agree).
#[test]
fn partitives_are_no_contradiction() {
    let mut checker = Checker::new();
    let a = "---\npublished: 2024-05-02\n---\nHalf of the 40 detainees were freed. Two of the 12 \
             miners were killed.\n";
    let b = "---\npublished: 2024-05-02\n---\n20 detainees were freed. Two miners were killed.\n";
    checker.add_text("a.txt", a.to_string()).expect("front matter");
    checker.add_text("b.txt", b.to_string()).expect("front matter");
    let found = checker.reconcile();
    assert_eq!(found.summary().contradictions, 0);
    assert_eq!(found.summary().agreements, 1);
}

/// An age by decade is an interval: "a man in his 40s" is refined by "a 45-year-old man" and
/// contradicted by "a 52-year-old man".
#[test]
fn ages_by_decade_are_intervals() {
    let run = |other: &str| {
        let mut checker = Checker::new();
        let a = "---\npublished: 2024-05-02\n---\nA man in his 40s was arrested.\n";
        let b = format!("---\npublished: 2024-05-02\n---\n{other}\n");
        checker.add_text("a.txt", a.to_string()).expect("front matter");
        checker.add_text("b.txt", b).expect("front matter");
        let found = checker.reconcile();
        (found.summary().refinements, found.summary().contradictions)
    };
    assert_eq!(run("A 45-year-old man was arrested."), (1, 0));
    assert_eq!(run("A 52-year-old man was arrested."), (0, 1));
}
