//! Arbitrary bytes (read lossily as UTF-8) through `parse_front_matter` and `Source::parse`.
//!
//! Neither may panic; when parsing succeeds the body offset lies within the text on a `char`
//! boundary, and both entry points agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = claimcheck::parse_front_matter(&text);
    if let Ok((_, body)) = &parsed {
        assert!(*body <= text.len(), "body offset {body} past end {}", text.len());
        assert!(text.is_char_boundary(*body), "body offset {body} not on a char boundary");
    }
    if let Err(e) = &parsed {
        assert!(e.line >= 1, "error line not 1-based: {}", e.line);
        let _ = e.to_string();
    }
    let source = claimcheck::Source::parse("fuzz.txt", text.as_ref());
    match (&parsed, &source) {
        (Ok((meta, body)), Ok(s)) => {
            assert_eq!(s.body_start(), *body);
            assert_eq!(s.metadata(), meta);
            assert_eq!(s.text(), text.as_ref());
            assert!(s.text().get(s.body_start()..).is_some());
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("parse_front_matter and Source::parse disagree"),
    }
});
