#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
//! scratch
fn main() {
    let text = std::env::args().nth(1).unwrap();
    for c in claimcheck::extract(&text) {
        println!(
            "{:?} | {:?} | {:?} | {:?}",
            c.kind,
            c.provenance.text,
            c.subject.as_ref().map(|s| s.key.clone()),
            c.unit
        );
    }
}
