//! # claimcheck
//!
//! Reads news articles, finds every numeric and factual claim, normalises each into a typed
//! [`Claim`], and reconciles claims across sources.
//!
//! ```
//! let claims = claimcheck::extract("He said there were three American \u{201c}hostages\u{201d} in Iran.");
//! let c = &claims[0];
//! assert_eq!(c.provenance.text, "three American \u{201c}hostages");
//! assert_eq!(c.kind, claimcheck::Kind::Count);
//! assert_eq!(c.quantity().unwrap().low.unwrap().to_string(), "3");
//! assert_eq!(c.subject.as_ref().unwrap().key, "american detainee");
//! ```
//!
//! The data flow, in one line: `Source { name, text }` → candidate sites → surface claims
//! (grammar) → [`Claim`]s (subjects, times, lists) → groups by subject → findings → [`Report`]
//! → text | Markdown | JSON. See `ARCHITECTURE.md` for the map.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod check;
pub mod claim;
pub mod date;
mod extract;
mod grammar;
pub mod lexicon;
pub mod load;
pub mod number;
pub mod reconcile;
pub mod report;
pub mod source;
mod subject;
mod wrap;

pub use check::{Checker, FindingRef, Reconciliation};
pub use claim::{
    Change, Claim, Diagnostic, DiagnosticKind, Kind, Lean, ListKind, Member, Provenance, Qualifier,
    Quantity, Span, Subject, TimeBasis, TimeScope, Value,
};
pub use date::{Date, Period};
pub use extract::{extract, Extraction, Extractor};
pub use lexicon::{Lexicon, LexiconError};
pub use number::Number;
pub use reconcile::{FindingKind, Severity};
pub use report::Report;
pub use source::{parse_front_matter, FrontMatterError, FrontMatterErrorKind, Metadata, Source};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
