//! Table tests for the combined claim grammar.

use super::*;
use proptest::strategy::Strategy as _;

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
        // A range of ages after "aged".
        ("people aged 18 to 25 voted", vec!["aged 18 to 25 => Age 18..25 Range year"]),
        ("aged 30-40", vec!["aged 30-40 => Age 30..40 Range year"]),
        ("aged 81", vec!["aged 81 => Age 81..81 Exact year"]),
        // Vague amounts of a currency are money.
        (
            "hundreds of millions of dollars",
            vec!["hundreds of millions of dollars => Money 200000000..999999999 Vague USD"],
        ),
        ("dozens of people", vec!["dozens => Count 24..99 Vague -"]),
        // Factors written with "fold"; references shortened with a period; "pc" glued.
        ("sales rose fivefold", vec!["fivefold => Factor 5..5 Exact -"]),
        ("a 5-fold rise", vec!["5-fold => Factor 5..5 Exact -"]),
        ("grew ten-fold", vec!["ten-fold => Factor 10..10 Exact -"]),
        ("the No. 2 official", vec![]),
        ("see pp. 45-47", vec![]),
        ("More than 50pc of staff", vec!["More than 50pc => Percent 50.._ MoreThan percent"]),
        // Clock times are no claims; the numbers around them still are.
        ("met at 3 p.m. and at 11am", vec![]),
        ("at 9.30 PM, 40 people", vec!["40 => Count 40..40 Exact -"]),
        ("at 10:15 a.m on 3 ships", vec!["3 => Count 3..3 Exact -"]),
        ("the 13 pm", vec!["13 => Count 13..13 Exact -"]),
        // A range's first end takes the second's dozens as it takes its scale word.
        ("2 or 3 dozen people", vec!["2 or 3 dozen => Count 24..36 Range -"]),
        ("two to three dozen boats", vec!["two to three dozen => Count 24..36 Range -"]),
        ("3 or 4 hundred", vec!["3 or 4 hundred => Count 300..400 Range -"]),
        (
            "$1.5 quadrillion",
            vec!["$1.5 quadrillion => Money 1500000000000000..1500000000000000 Exact USD"],
        ),
        ("at least four Americans", vec!["at least four => Count 4.._ AtLeast -"]),
        ("more than four", vec!["more than four => Count 4.._ MoreThan -"]),
        ("up to ten", vec!["up to ten => Count _..10 AtMost -"]),
        ("about 6 billion", vec!["about 6 billion => Count 6000000000..6000000000 Approximate -"]),
        // After a word that takes "about" for its topic, "about" is a preposition; after other
        // words, and its synonyms anywhere, it is the approximation.
        ("she posted about two", vec!["two => Count 2..2 Exact -"]),
        ("they said roughly 104", vec!["roughly 104 => Count 104..104 Approximate -"]),
        ("groups say some 5", vec!["some 5 => Count 5..5 Approximate -"]),
        (
            "he reported approximately 300",
            vec!["approximately 300 => Count 300..300 Approximate -"],
        ),
        (
            "tweeted three times about two",
            vec!["three => Count 3..3 Exact -", "two => Count 2..2 Exact -"],
        ),
        ("the quake killed about 50", vec!["about 50 => Count 50..50 Approximate -"]),
        ("are holding about 40", vec!["about 40 => Count 40..40 Approximate -"]),
        ("police said about 100", vec!["about 100 => Count 100..100 Approximate -"]),
        ("it is thought about 300", vec!["about 300 => Count 300..300 Approximate -"]),
        ("asked about 18 detainees", vec!["18 => Count 18..18 Exact -"]),
        ("he boasted about 4 million", vec!["4 million => Count 4000000..4000000 Exact -"]),
        ("has written about 40 books", vec!["about 40 => Count 40..40 Approximate -"]),
        ("residents heard about 50", vec!["about 50 => Count 50..50 Approximate -"]),
        (
            "it lasted around 30 minutes",
            vec!["around 30 minutes => Duration 30..30 Approximate minute"],
        ),
        ("between 3 and 5", vec!["between 3 and 5 => Count 3..5 Range -"]),
        ("3-5 people", vec!["3-5 => Count 3..5 Range -"]),
        ("three or four", vec!["three or four => Count 3..4 Range -"]),
        ("in excess of 300 people", vec!["in excess of 300 => Count 300.._ MoreThan -"]),
        (
            "In excess of three hundred",
            vec!["In excess of three hundred => Count 300.._ MoreThan -"],
        ),
        ("not more than 40 people", vec!["not more than 40 => Count _..40 AtMost -"]),
        ("in 12 cases", vec!["12 => Count 12..12 Exact -"]),
        ("$7bn", vec!["$7bn => Money 7000000000..7000000000 Exact USD"]),
        ("$7 billion in funds", vec!["$7 billion => Money 7000000000..7000000000 Exact USD"]),
        ("7 billion dollars", vec!["7 billion dollars => Money 7000000000..7000000000 Exact USD"]),
        ("\u{20ac}3m", vec!["\u{20ac}3m => Money 3000000..3000000 Exact EUR"]),
        ("Rs 500 crore", vec!["Rs 500 crore => Money 5000000000..5000000000 Exact INR"]),
        ("fees of Rs. 1,200", vec!["Rs. 1,200 => Money 1200..1200 Exact INR"]),
        ("$3 to $5 billion", vec!["$3 to $5 billion => Money 3000000000..5000000000 Range USD"]),
        ("15 per cent", vec!["15 per cent => Percent 15..15 Exact percent"]),
        ("fifteen percent", vec!["fifteen percent => Percent 15..15 Exact percent"]),
        ("22-year-old", vec!["22-year-old => Age 22..22 Exact year"]),
        ("aged 81", vec!["aged 81 => Age 81..81 Exact year"]),
        // Ages by decade, after "in his", "in her", "in their".
        ("a man in his 40s", vec!["40s => Age 40..49 Range year"]),
        ("in her early thirties", vec!["thirties => Age 30..33 Range year"]),
        ("in their mid-20s", vec!["20s => Age 23..27 Range year"]),
        ("Vell, in his late 70s,", vec!["70s => Age 76..79 Range year"]),
        // Not an age elsewhere: a decade of years, a bare word, a count.
        ("the roaring twenties", vec![]),
        ("in the 1990s", vec!["1990s => date 1990-01-01..1999-12-31"]),
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
        ("talks in mid-March", vec!["March => date Month { month: 3, rel: Recent }"]),
        ("due by late-May", vec!["May => date Month { month: 5, rel: Recent }"]),
        ("a pre-March plan", Vec::<&str>::new()),
        // A year glued to its lead word is a year; other words glued to digits stay names.
        ("stalled in mid-2019", vec!["2019 => date 2019"]),
        ("by Late-2020", vec!["2020 => date 2020"]),
        ("COVID-19 and an F-16", vec![]),
        ("Copyright 2024 Times", vec![]),
        ("see page 12", vec![]),
        ("call 555-123-4567", vec![]),
        ("ring 1.234.5678 now", vec![]),
        // Every group of a phone number is passed, not only the first.
        ("call 555 123 4567 now", vec![]),
        ("call 1 800 555 1234 now", vec![]),
        ("tel 020 7946 0958 now", vec![]),
        ("call (212) 555 0123 now", vec![]),
        ("reach them on 555 123 4567 today", vec!["today => date Unit { unit: Day, offset: 0 }"]),
        ("the A380 and COVID-19", vec![]),
        ("one of the greatest", vec![]),
        // Bounds.
        ("greater than 4,565", vec!["greater than 4,565 => Count 4565.._ MoreThan -"]),
        ("200 or greater", vec!["200 or greater => Count 200.._ AtLeast -"]),
        ("less than or equal to 30", vec!["less than or equal to 30 => Count _..30 AtMost -"]),
        (">= 5", vec![">= 5 => Count 5.._ AtLeast -"]),
        ("no less than 20", vec!["no less than 20 => Count 20.._ AtLeast -"]),
        (
            "above 1000 and below 1500",
            vec!["above 1000 and below 1500 => Count 1000..1500 Range -"],
        ),
        (
            "at most 100 and at least 20",
            vec!["at most 100 and at least 20 => Count 20..100 Range -"],
        ),
        ("20 through 100", vec!["20 through 100 => Count 20..100 Range -"]),
        ("1000 - 5000", vec!["1000 - 5000 => Count 1000..5000 Range -"]),
        ("10 -15 people", vec!["10 -15 => Count 10..15 Range -"]),
        ("at -5 degrees", vec!["-5 degrees => Measure -5..-5 Exact degree"]),
        (
            "more than 40 and less than 10",
            vec![
                "more than 40 => Count 40.._ MoreThan -",
                "less than 10 => Count _..10 FewerThan -",
            ],
        ),
        (
            "5,000 or more than 4,500",
            vec![
                "5,000 => Count 5000..5000 Exact -",
                "more than 4,500 => Count 4500.._ MoreThan -",
            ],
        ),
        ("won 5-3", vec!["5 => Count 5..5 Exact -"]),
        (
            "fell 34 cents to $12",
            vec!["34 cents => Money 0.34..0.34 Exact USD", "$12 => Money 12..12 Exact USD"],
        ),
        // Mixed numbers and fractions.
        ("one and a half", vec!["one and a half => Count 1.5..1.5 Exact -"]),
        (
            "two and a half million",
            vec!["two and a half million => Count 2500000..2500000 Exact -"],
        ),
        (
            "three quarters of a million",
            vec!["three quarters of a million => Count 750000..750000 Exact -"],
        ),
        ("half a million", vec!["half a million => Count 500000..500000 Exact -"]),
        ("3/4 of", vec!["3/4 => Fraction 0.75..0.75 Exact -"]),
        ("1 1/2 miles", vec!["1 1/2 miles => Measure 1.5..1.5 Exact mile"]),
        ("\u{be} of", vec!["\u{be} => Fraction 0.75..0.75 Exact -"]),
        ("a fifth of", vec!["a fifth => Fraction 0.2..0.2 Exact -"]),
        ("more than half", vec!["more than half => Fraction 0.5.._ MoreThan -"]),
        ("one in five Americans", vec!["one in five => Fraction 0.2..0.2 Exact -"]),
        ("the 9/11 attacks", vec![]),
        // Scales.
        ("322 hundred", vec!["322 hundred => Count 32200..32200 Exact -"]),
        ("13 lakh", vec!["13 lakh => Count 1300000..1300000 Exact -"]),
        (
            "either 10 bln or 10 tln",
            vec![
                "10 bln => Count 10000000000..10000000000 Exact -",
                "10 tln => Count 10000000000000..10000000000000 Exact -",
            ],
        ),
        ("1995-01", vec!["1995-01 => date 1995-01"]),
        ("the 2019-20 season", vec!["2019-20 => date 2019-01-01..2020-12-31"]),
        // Each digit-led date form, at the run of digits it needs.
        ("on 2019-06-30,", vec!["2019-06-30 => date 2019-06-30"]),
        ("on 5 October 2016", vec!["5 October 2016 => date 2016-10-05"]),
        ("by 15 March", vec!["15 March => date MonthDay { month: 3, day: 15 }"]),
        ("in the 1990s", vec!["1990s => date 1990-01-01..1999-12-31"]),
        // Negative numbers.
        ("-1", vec!["-1 => Count -1..-1 Exact -"]),
        ("minus five percent", vec!["minus five percent => Percent -5..-5 Exact percent"]),
        ("plus or minus 3 points", vec!["3 => Count 3..3 Exact -"]),
        ("COVID-19", vec![]),
        // Currency.
        ("c $ 300 million", vec!["c $ 300 million => Money 300000000..300000000 Exact CAD"]),
        (
            "hk $ 10.05 billion",
            vec!["hk $ 10.05 billion => Money 10050000000..10050000000 Exact HKD"],
        ),
        ("34 cents", vec!["34 cents => Money 0.34..0.34 Exact USD"]),
        ("197 pence", vec!["197 pence => Money 1.97..1.97 Exact GBP"]),
        ("3 dollars 50 cents", vec!["3 dollars 50 cents => Money 3.5..3.5 Exact USD"]),
        ("15 dollars and 50.", vec!["15 dollars and 50 => Money 15.5..15.5 Exact USD"]),
        ("between 10 dollars and 20.", vec!["between 10 dollars and 20 => Money 10..20 Range USD"]),
        ("100 chinese yuan", vec!["100 chinese yuan => Money 100..100 Exact CNY"]),
        ("10 \u{20ac} is", vec!["10 \u{20ac} => Money 10..10 Exact EUR"]),
        ("75 USD million", vec!["75 USD million => Money 75000000..75000000 Exact USD"]),
        ("USD115", vec!["USD115 => Money 115..115 Exact USD"]),
        ("30 MUSD", vec!["30 MUSD => Money 30000000..30000000 Exact USD"]),
        ("5 won seats", vec!["5 => Count 5..5 Exact -"]),
        ("see https://x.com/a?q=30%25&y=$5 now", vec![]),
        ("at www.x.com/$5 or FTP://h/$7 files", vec![]),
        ("the www 5 km", vec!["5 km => Measure 5..5 Exact kilometre"]),
        ("issn%280024", vec![]),
        // Ordinals.
        ("one hundred twenty fifth", vec!["one hundred twenty fifth => Ordinal 125..125 Exact -"]),
        ("the first time", vec![]),
        // Durations.
        ("for an hour", vec!["an hour => Duration 1..1 Exact hour"]),
        ("a day later", vec![]),
        ("half an hour", vec!["half an hour => Duration 0.5..0.5 Exact hour"]),
        ("two and a half days", vec!["two and a half days => Duration 2.5..2.5 Exact day"]),
        ("a week and a half", vec!["a week and a half => Duration 1.5..1.5 Exact week"]),
        ("1 hour and 30 minutes", vec!["1 hour and 30 minutes => Duration 1.5..1.5 Exact hour"]),
        ("for a second day", vec!["a second => Ordinal 2..2 Exact -"]),
        // Decimals in words and exponents.
        (
            "two hundred point zero three",
            vec!["two hundred point zero three => Count 200.03..200.03 Exact -"],
        ),
        ("1e10", vec!["1e10 => Count 10000000000..10000000000 Exact -"]),
    ] {
        assert_eq!(rows(input), want, "input: {input:?}");
    }
}

#[test]
fn changes_are_tagged() {
    let s = scan("Exports rose 2% while imports fell by 3 points; debt is up $5 billion.", 0);
    let changes: Vec<_> = s.claims.iter().map(|c| c.change).collect();
    assert_eq!(changes, vec![Some(Change::Up), Some(Change::Down), Some(Change::Up)]);
    // (text, the change of its first claim)
    for (text, want) in [
        ("Sales ROSE 5% in May.", Some(Change::Up)),
        ("Prices rose by 5% in May.", Some(Change::Up)),
        ("Output was Down 3% in May.", Some(Change::Down)),
        ("Profit, up $2bn on the year.", Some(Change::Up)),
        ("The deal would free up $7 billion.", None),
        ("The index was up by 4 points.", None),
        ("It went up 4 points.", None),
        ("Costs are up 4 points.", Some(Change::Up)),
        ("Shares of Incomprehensibilitiesworldwide up 4%.", None),
        ("It was 4%.", None),
    ] {
        let found = scan(text, 0);
        let first = found.claims.first().unwrap_or_else(|| panic!("no claim in {text:?}"));
        assert_eq!(first.change, want, "{text:?}");
    }
    let s = scan("Prices doubled.", 0);
    assert_eq!(s.claims[0].kind, RawKind::Factor);
}

proptest::proptest! {
    /// A scanner asked for growing limits finds what one scan finds, wherever the limits fall,
    /// and says it is done only at the end.
    #[test]
    fn scanning_in_stretches_is_one_scan(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "3", "0", ",", ".", " ", "-", "$", "million", "about", "at least", "May", "5", "2019",
            "between", "and", "years", "old", "\u{e9}", "\u{20ac}", "percent", "a", "dozen", "x",
            "\n", "9999999999999999999999999999999999999999999",
        ]), 0..32),
        steps in proptest::collection::vec(1usize..24, 1..8),
        from in 0usize..16,
    ) {
        let text = parts.concat();
        let mut from = from.min(text.len());
        while !text.is_char_boundary(from) {
            from = from.saturating_sub(1);
        }
        let whole = scan(&text, from);
        let mut scanner = Scanner::new(&text, from);
        let mut out = Scan::default();
        let mut until = from;
        let mut step = steps.iter().cycle();
        loop {
            until = until.saturating_add(*step.next().unwrap_or(&1));
            let (claims, too_large) = (out.claims.len(), out.too_large.len());
            let more = scanner.scan_until(until, &mut out);
            // Every claim (and overflowed number) read starts before the limit.
            proptest::prop_assert!(out.claims.iter().skip(claims).all(|c| c.start < until));
            proptest::prop_assert!(out.too_large.iter().skip(too_large).all(|d| d.start < until));
            if !more {
                break;
            }
        }
        proptest::prop_assert!(!scanner.scan_until(usize::MAX, &mut out), "nothing after the end");
        proptest::prop_assert_eq!(out, whole, "{:?}", text);
    }
}

#[test]
fn err_too_large_is_a_diagnostic() {
    let text = format!("it was {} here", "9".repeat(400));
    let s = scan(&text, 0);
    assert!(s.claims.is_empty());
    assert_eq!(s.too_large.len(), 1);
}

#[test]
fn trigger_memo_agrees_with_the_classes() {
    // Short words go through the packed map, long ones through the string map; both remember
    // what `Trigger::of` says, whatever the case, and answer the same the second time.
    let words = [
        "a",
        "A",
        "in",
        "In",
        "seven",
        "Seven",
        "about",
        "x",
        "tenants",
        "thousand",
        "thousands",
        "approximately",
        "Approximately",
        "hostages",
        "September",
    ];
    let mut memo = TriggerMemo { short: ShortMemo::default(), long: foldhash::HashMap::default() };
    for _ in 0..2 {
        for w in words {
            let want = token::with_lower(w, Trigger::of).unwrap_or(Trigger::No);
            assert_eq!(memo.class(w, 0, w.len(), pack(w.as_bytes(), w.len())), want, "{w:?}");
        }
    }
    // Asked before and after the word is classified, and again from what was remembered.
    for _ in 0..2 {
        for w in words.iter().chain(&["least", "Least", "dozens", "the", "weeks", "minute"]) {
            let want = token::with_lower(w, is_numberish).unwrap_or(false);
            assert_eq!(memo.numberish(w, pack(w.as_bytes(), w.len())), want, "{w:?}");
        }
    }
    assert!(memo.numberish("Least", pack(b"Least", 5)));
    assert!(!memo.numberish("tenants", pack(b"tenants", 7)));
    assert_eq!(memo.short.get(pack(b"Seven", 5).unwrap()).and_then(|k| k.numberish), Some(true));
    let mut memo = TriggerMemo { short: memo.short, long: foldhash::HashMap::default() };
    assert_eq!(memo.class("seven", 0, 5, pack(b"seven", 5)), Trigger::Strong);
    assert_eq!(memo.class("About", 0, 5, pack(b"About", 5)), Trigger::Weak);
    assert_eq!(memo.class("In", 0, 2, pack(b"In", 2)), Trigger::In);
    assert_eq!(memo.class("tenants", 0, 7, pack(b"tenants", 7)), Trigger::No);
    assert_eq!(memo.class("approximately", 0, 13, pack(b"approximately", 13)), Trigger::Weak);
    assert_ne!(pack(b"ab", 2), pack(b"ba", 2));
    assert_eq!(pack(b"abcdefghijklmnopq", 17), None);
    // Words of nine to sixteen letters have keys of their own, apart from their first eight.
    assert_ne!(pack(b"abcdefghi", 9), pack(b"abcdefgh", 8));
    assert_ne!(pack(b"approximately", 13), pack(b"approximate", 11));
    // The two-load key (sixteen bytes follow) equals the copied one (the word ends the text).
    for w in ["a", "seven", "abcdefgh", "abcdefghi", "approximately", "abcdefghijklmnop"] {
        let long = format!("{w} and more text");
        assert_eq!(pack(long.as_bytes(), w.len()), pack(w.as_bytes(), w.len()), "{w:?}");
    }
    // What follows the word never changes its key.
    assert_eq!(pack(b"ten and", 3), pack(b"ten, or", 3));
}

#[test]
fn words_sharing_a_memo_slot_keep_their_own_classes() {
    // Two words whose packed keys fall on one slot, found by search: each evicts the other,
    // and each is still classified as itself every time.
    let key = |w: &str| pack(w.as_bytes(), w.len()).unwrap();
    let slot_of = |w: &str| ShortMemo::index(key(w));
    let trigger = "seven";
    let target = slot_of(trigger);
    // Words of five letters, "aaaaa" on, in base 26.
    let nth = |mut n: u32| {
        let mut w = String::new();
        for _ in 0..5 {
            w.push(char::from(b'a'.saturating_add(u8::try_from(n % 26).unwrap())));
            n /= 26;
        }
        w
    };
    let other = (0u32..26u32.pow(5))
        .map(nth)
        .find(|w| slot_of(w) == target && Trigger::of(w) == Trigger::No)
        .expect("a word on the same slot");
    let mut memo = TriggerMemo { short: ShortMemo::default(), long: foldhash::HashMap::default() };
    for _ in 0..3 {
        assert_eq!(memo.class(trigger, 0, trigger.len(), Some(key(trigger))), Trigger::Strong);
        assert_eq!(memo.class(&other, 0, other.len(), Some(key(&other))), Trigger::No, "{other}");
    }
    assert_eq!(memo.short.get(key(&other)).map(|k| k.trigger), Some(Trigger::No));
    assert_eq!(memo.short.get(key(trigger)), None, "evicted by {other}");
}

#[test]
fn the_thread_memo_changes_no_scan() {
    let a = "About 40 people came, about the weather. Seven were held for a year. Approximately \
             12 left";
    let b = "SEVEN said about 12, Seven more; about us all, in excess of 3 ran.";
    let alone = |t: &str| {
        let mut out = Scan::default();
        Scanner::with_memo(t, 0, ShortMemo::default()).scan_until(usize::MAX, &mut out);
        out
    };
    let (want_a, want_b) = (alone(a), alone(b));
    assert!(!want_b.claims.is_empty());
    for _ in 0..2 {
        assert_eq!(scan(a, 0), want_a);
        assert_eq!(scan(b, 0), want_b);
    }
    // The words were remembered by the thread, under their exact spelling.
    let memo = SHORT_TRIGGERS.take().expect("the thread's memo was put back");
    // Words of nine to sixteen letters too.
    for w in ["About", "about", "SEVEN", "Seven", "weather", "Approximately"] {
        assert!(memo.get(pack(w.as_bytes(), w.len()).unwrap()).is_some(), "{w}");
    }
    SHORT_TRIGGERS.set(Some(memo));
}

proptest::proptest! {
    /// `skip_token` passes what the char-by-char reading passes, with or without its ASCII
    /// shortcut: letters and digits of any script, and inner marks before one of them.
    #[test]
    fn skip_token_matches_a_char_reading(
        text in "[a-zA-Z0-9.,/:_ \\-\u{e9}\u{20ac}\u{660}]{0,12}",
        at in 0usize..12,
    ) {
        let pos = (0..=at.min(text.len())).rev().find(|&p| text.is_char_boundary(p)).unwrap_or(0);
        let rest = text.get(pos..).unwrap_or("");
        let mut end = 0usize;
        for (i, c) in rest.char_indices() {
            let after = rest.get(i.saturating_add(1)..).unwrap_or("");
            let inner = matches!(c, '.' | ',' | '-' | '/' | ':' | '_')
                && after.starts_with(|d: char| d.is_alphanumeric());
            if c.is_alphanumeric() || (inner && i > 0) {
                end = i.saturating_add(c.len_utf8());
            } else {
                break;
            }
        }
        let want = pos.saturating_add(end.max(rest.chars().next().map_or(1, char::len_utf8)));
        proptest::prop_assert_eq!(skip_token(&text, pos), want, "{:?} at {}", text, pos);
    }

    /// `unsigned_value` goes straight to ordinals and amounts at a digit, and `quantity` to a
    /// value: none of the word forms they skip there accepts a digit, whatever follows it.
    #[test]
    fn word_forms_never_start_at_a_digit(
        i in "[0-9][0-9a-zA-Z ,./\\-]{0,16}( (a|an|of|half|quarter|thirds|hour|million|dozen))?",
    ) {
        proptest::prop_assert!(half_duration(&i).is_none());
        proptest::prop_assert!(number::fraction_scale(&i).is_err());
        proptest::prop_assert!(ordinal::fraction(&i, None).is_err());
        proptest::prop_assert!(ordinal::bare_half(&i).is_err());
        proptest::prop_assert!(word_class(&i, |w| matches!(w, "a" | "an").then_some(())).is_err());
        proptest::prop_assert!(word_class(&i, |w| Some(w.len())).is_err());
        proptest::prop_assert!(vague::vague(&i).is_err());
        proptest::prop_assert!(unit::percent_of(&i).is_err());
        proptest::prop_assert!(approx::qualifier(&i).is_err());
        proptest::prop_assert!(article_duration(&i, true).is_none());
    }

    /// `claim_at` tries each date form only on its run of digits: four and a hyphen for ISO
    /// dates and year-months, one or two for day-first dates, four and an "s" for decades.
    /// Outside its shape each form fails, whatever follows.
    #[test]
    fn date_forms_need_their_digit_runs(
        i in "[0-9]{1,6}([-/.s ,']|th|st)?([0-9]{1,4}|[0-9]{2}-[0-9]{2}| (March|Oct\\.|may|2020))?.{0,3}",
    ) {
        let run = i.bytes().take_while(u8::is_ascii_digit).count();
        let after = i.as_bytes().get(run).copied();
        if (run, after) != (4, Some(b'-')) {
            proptest::prop_assert!(time::iso_date(&i).is_err());
            proptest::prop_assert!(time::year_month(&i).is_err());
        }
        if !matches!(run, 1 | 2) {
            proptest::prop_assert!(time::day_first(&i).is_err());
        }
        if (run, after) != (4, Some(b's')) {
            proptest::prop_assert!(time::decade(&i).is_err());
        }
    }

    /// `word_head` reads the word `letters` and `pack` read, from its two loads or not: words
    /// of every length around eight and sixteen, at the end of the text or not, and any bytes.
    #[test]
    fn word_head_matches_letters_and_pack(
        bytes in proptest::prop_oneof![
            proptest::collection::vec(proptest::num::u8::ANY, 0..20),
            r"[a-zA-Z]{0,20}([ .:0-9\u{e9}@\[`{].{0,4})?".prop_map(String::into_bytes),
        ],
    ) {
        let len = token::letters(&bytes);
        proptest::prop_assert_eq!(word_head(&bytes), (len, pack(&bytes, len)), "{:02x?}", bytes);
    }

    /// The eight-lane test finds a number's lead byte exactly when a byte loop does, on any
    /// bytes, and bytes drawn near the ones it looks for (borrows between lanes).
    #[test]
    fn number_lead_in_matches_a_byte_loop(
        bytes in proptest::prop_oneof![
            proptest::array::uniform8(proptest::num::u8::ANY),
            proptest::array::uniform8(proptest::sample::select(vec![
                0x00, 0x01, 0x23, b'$', b'%', 0x26, 0x2F, b'0', b'9', 0x3A, 0x80, 0xA4, 0xA5,
                0xB0, 0xB9, 0xC1, 0xC2, 0xC3, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xFF, b'a',
            ])),
        ],
    ) {
        proptest::prop_assert_eq!(
            number_lead_in(bytes),
            bytes.iter().copied().any(is_number_lead),
            "{:02x?}", bytes
        );
    }
}

#[test]
fn number_ahead_reads_signs_anywhere_in_its_window() {
    // A weak trigger ("about") starts a claim when a number's sign follows within 32 bytes,
    // whichever eight-byte lane it falls in, and not past the window.
    for gap in 0..40 {
        let text = format!("about{}$5", " ".repeat(gap));
        let mut memo =
            TriggerMemo { short: ShortMemo::default(), long: foldhash::HashMap::default() };
        assert_eq!(number_ahead(&text, 0, 5, &mut memo), gap + 5 < 32, "gap {gap}");
    }
}

/// The scan's classes for the weak triggers it gates: each qualifier-only word and each article
/// is a weak trigger in the class of its own, whatever its case; the scan skips them where
/// they start nothing and still stops where they start a claim.
#[test]
fn gated_words_have_their_classes_and_are_skipped() {
    for w in QUALIFIER_ONLY {
        assert!(is_trigger(w) && is_weak_trigger(w), "{w}");
        assert_eq!(Trigger::of(w), Trigger::Qualifier, "{w}");
    }
    for w in ["a", "an"] {
        assert_eq!(Trigger::of(w), Trigger::Article, "{w}");
    }
    for (w, want) in [("about", Trigger::Weak), ("over", Trigger::Weak), ("minus", Trigger::Strong)]
    {
        assert_eq!(Trigger::of(w), want, "{w}");
    }
    // Where the scan stops: at the word when it starts a claim, else at the number after it.
    for (text, want) in [
        ("prices went up 5 percent", 15),
        ("Prices went UP 5 percent", 15),
        ("prices went up to 5 percent", 12),
        ("it stood at 45%", 12),
        ("at least 45%", 0),
        ("more people than 45", 17),
        ("more than 45", 0),
        ("a 34-year-old man", 2),
        ("An 18-month term", 3),
        ("a 5th round", 0),
        ("a dozen eggs", 0),
    ] {
        let mut memo =
            TriggerMemo { short: ShortMemo::default(), long: foldhash::HashMap::default() };
        assert_eq!(next_anchor(text, 0, &mut memo), Some(want), "{text:?}");
    }
    // The claims come out whole either way.
    for (text, want) in [
        ("at least four", "at least four => Count 4.._ AtLeast -"),
        ("Up to 10", "Up to 10 => Count _..10 AtMost -"),
        ("as many as 40", "as many as 40 => Count _..40 AtMost -"),
        ("no more than 10", "no more than 10 => Count _..10 AtMost -"),
        ("well over 300", "well over 300 => Count 300.._ MoreThan -"),
        ("prices went up 5 percent", "5 percent => Percent 5..5 Exact percent"),
        ("a dozen eggs", "a dozen => Count 12..12 Exact -"),
    ] {
        assert_eq!(rows(text).first().map(String::as_str), Some(want), "{text:?}");
    }
}

/// The scan skips a qualifier-only word ([`QUALIFIER_ONLY`]) where `approx::qualifier` fails on
/// it, without asking `claim_at`. That is safe because `claim_at` then finds no claim there
/// either: checked for each word, in lower, title and upper case, after a few words that change
/// what `claim_at` accepts, and before every pair of the words and marks the other claim forms
/// start with.
#[test]
fn qualifier_only_words_start_nothing_else() {
    let words = QUALIFIER_ONLY.iter().flat_map(|w| {
        let mut title = w.to_string();
        title[..1].make_ascii_uppercase();
        [w.to_string(), title, w.to_ascii_uppercase()]
    });
    let tokens = [
        "least",
        "most",
        "to",
        "than",
        "of",
        "many",
        "much",
        "as",
        "or",
        "equal",
        "over",
        "above",
        "more",
        "well",
        "4",
        "four",
        "a",
        "an",
        "the",
        "dozen",
        "half",
        "third",
        "first",
        "5th",
        "million",
        "percent",
        "%",
        "$5",
        "\u{20ac}3m",
        "USD",
        "years",
        "week",
        "weekend",
        "May",
        "year-old",
        "several",
        "dozens",
        "few",
        "minus",
        "doubled",
        "estimated",
        "1990s",
        "last",
        "2019-06-30",
        "x",
    ];
    let mut checked = 0usize;
    for word in words {
        for before in ["", "in ", "or ", "the ", "over the ", "fell "] {
            for lead in [" ", "", "-", ". ", ", "] {
                for first in tokens {
                    // Two words after the gated one when nothing stands before it; one word
                    // after the others (the preceding word matters only to the first word).
                    let seconds: &[&str] = if before.is_empty() { &tokens } else { &[] };
                    for second in seconds.iter().map(|t| format!(" {t}")).chain([String::new()]) {
                        let text = format!("{before}{word}{lead}{first}{second}");
                        let at = before.len();
                        if approx::qualifier(&text[at..]).is_err() {
                            assert!(claim_at(&text, at).is_none(), "{text:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    // Most of the texts fail the qualifier: the check is not vacuous.
    assert!(checked > 150_000, "{checked}");
}

/// The scan skips "a" and "an" before a space and a number with no letter after its digits
/// ([`number_after_article`]) without asking `claim_at`: the article starts no claim there
/// (the number starts its own), whatever stands before it and after the number.
#[test]
fn articles_start_nothing_before_a_number() {
    let tokens = [
        "4",
        "4-year-old",
        "5th",
        "21st",
        "1990s",
        "2019-06-30",
        "3,000",
        "1.5",
        "7bn",
        "45%",
        "10 percent",
        "12 dozen",
        "5 October",
        "2 to 3",
        "3 million",
        "1 in 5",
        "4 or 5",
        "20 years",
        "6.5-magnitude",
        "3/4",
        "1/2",
    ];
    let mut checked = 0usize;
    for article in ["a", "an", "A", "An", "AN"] {
        for before in ["", "in ", "or ", "the ", "over ", "fell ", "about "] {
            for first in tokens {
                for second in ["", " ", " dozen", " million", " years", " and a half", " of them"] {
                    let text = format!("{before}{article} {first}{second}");
                    let at = before.len();
                    if number_after_article(&text.as_bytes()[at + article.len()..]) {
                        assert!(claim_at(&text, at).is_none(), "{text:?}");
                        checked += 1;
                    }
                }
            }
        }
    }
    // All but the four tokens with a letter after their digits.
    assert_eq!(checked, 5 * 7 * (tokens.len() - 4) * 7);
    assert!(!number_after_article(b" 5th"));
    assert!(!number_after_article(b"5"));
    assert!(!number_after_article(b" dozen"));
    // The article still starts its own claims, and the number after it is still found.
    assert_eq!(rows("a dozen eggs"), vec!["a dozen => Count 12..12 Exact -"]);
    let found = rows("a 34-year-old man");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("34-year-old =>"), "{found:?}");
}
