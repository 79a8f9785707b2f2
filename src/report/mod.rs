//! Reports: the serialisable model of what `check` found, and its renderers.

mod record;

pub use record::{describe_value, Bound, ClaimRecord, TimeRecord};

/// Errors while rendering a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// Writing failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// JSON serialisation failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}
