//! # vigilance-results
//!
//! The results as documents: the result JSON ([`json`], self-contained; [`lean`], texts once
//! per document), one CSV row per company ([`csv`]), the
//! sheet every writer reports on ([`ScoredSheet`]), how companies are matched across campaigns
//! ([`matching`]) and the JSON Schemas of the files Vigilance reads and writes ([`schema`]).
//! Plain serde: the browser's first download uses it, so it never links a spreadsheet library.

pub mod csv;
pub mod json;
pub mod lean;
pub mod matching;
pub mod reviewed;
pub mod schema;
pub mod scored;

// The modules of the crates below, reachable as `crate::…` here.
use vigilance_model::{answers, codes, coverage, problem, questionnaire, scoring};
use vigilance_text::text;

pub use scored::{EvidenceRow, ScoredSheet};
