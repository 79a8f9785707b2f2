//! Table tests for the combined claim grammar.

use super::*;

/// Renders the claims found in `text` as `text => kind low..high qualifier unit`.
fn rows(text: &str) -> Vec<String> {
    scan(text, 0)
        .claims
        .iter()
        .map(|c| {
            let t = &text[c.start..c.end];
            let fmt = |n: Option<Number>| n.map_or("_".to_string(), |n| n.to_string());
            match c.date {
                Some(time::RawDate::Absolute(p)) => format!("{t} => date {p}"),
                Some(d) => format!("{t} => date {d:?}"),
                None => format!(
                    "{t} => {:?} {}..{} {:?} {}",
                    c.kind,
                    fmt(c.low),
                    fmt(c.high),
                    c.qualifier,
                    c.unit.unwrap_or("-")
                ),
            }
        })
        .collect()
}

#[test]
fn scan_rows() {
    for (input, want) in [
        ("three American hostages", vec!["three => Count 3..3 Exact -"]),
        ("at least four Americans", vec!["at least four => Count 4.._ AtLeast -"]),
        ("more than four", vec!["more than four => Count 4.._ MoreThan -"]),
        ("up to ten", vec!["up to ten => Count _..10 AtMost -"]),
        ("about 6 billion", vec!["about 6 billion => Count 6000000000..6000000000 Approximate -"]),
        ("between 3 and 5", vec!["between 3 and 5 => Count 3..5 Range -"]),
        ("3-5 people", vec!["3-5 => Count 3..5 Range -"]),
        ("three or four", vec!["three or four => Count 3..4 Range -"]),
        ("$7bn", vec!["$7bn => Money 7000000000..7000000000 Exact USD"]),
        ("$7 billion in funds", vec!["$7 billion => Money 7000000000..7000000000 Exact USD"]),
        ("7 billion dollars", vec!["7 billion dollars => Money 7000000000..7000000000 Exact USD"]),
        ("\u{20ac}3m", vec!["\u{20ac}3m => Money 3000000..3000000 Exact EUR"]),
        ("$3 to $5 billion", vec!["$3 to $5 billion => Money 3000000000..5000000000 Range USD"]),
        ("15 per cent", vec!["15 per cent => Percent 15..15 Exact percent"]),
        ("fifteen percent", vec!["fifteen percent => Percent 15..15 Exact percent"]),
        ("22-year-old", vec!["22-year-old => Age 22..22 Exact year"]),
        ("aged 81", vec!["aged 81 => Age 81..81 Exact year"]),
        ("two months", vec!["two months => Duration 2..2 Exact month"]),
        ("more than a decade", vec!["more than a decade => Duration 10.._ MoreThan year"]),
        ("10-year sentences", vec!["10-year => Duration 10..10 Exact year"]),
        ("the seventh round", vec!["seventh => Ordinal 7..7 Exact -"]),
        ("a fifth American", vec!["a fifth => Ordinal 5..5 Exact -"]),
        ("dozens of", vec!["dozens => Count 24..99 Vague -"]),
        ("two-thirds of", vec!["two-thirds => Fraction 2/3..2/3 Exact -"]),
        ("2,000 acres", vec!["2,000 acres => Measure 2000..2000 Exact acre"]),
        ("winds of 100 mph", vec!["100 mph => Measure 100..100 Exact mile per hour"]),
        (
            "104 degrees Fahrenheit",
            vec!["104 degrees Fahrenheit => Measure 104..104 Exact degree Fahrenheit"],
        ),
        ("a 6.8-magnitude earthquake", vec!["6.8-magnitude => Measure 6.8..6.8 Exact magnitude"]),
        (
            "1.5 million barrels a day",
            vec!["1.5 million barrels a day => Measure 1500000..1500000 Exact barrel"],
        ),
        ("in 2016", vec!["2016 => date 2016"]),
        ("Copyright 2024 Times", vec![]),
        ("see page 12", vec![]),
        ("call 555-123-4567", vec![]),
        ("the A380 and COVID-19", vec![]),
        ("one of the greatest", vec![]),
    ] {
        assert_eq!(rows(input), want, "input: {input:?}");
    }
}

#[test]
fn changes_are_tagged() {
    let s = scan("Exports rose 2% while imports fell by 3 points; debt is up $5 billion.", 0);
    let changes: Vec<_> = s.claims.iter().map(|c| c.change).collect();
    assert_eq!(changes, vec![Some(Change::Up), Some(Change::Down), Some(Change::Up)]);
    let s = scan("Prices doubled.", 0);
    assert_eq!(s.claims[0].kind, RawKind::Factor);
}

#[test]
fn err_too_large_is_a_diagnostic() {
    let text = format!("it was {} here", "9".repeat(400));
    let s = scan(&text, 0);
    assert!(s.claims.is_empty());
    assert_eq!(s.too_large.len(), 1);
}
