//! # vigilance-report
//!
//! The presentation writers: the analysts' Excel workbook ([`workbook`]), the fillable Excel
//! templates ([`template`]) and the printable campaign review in HTML ([`review`]). The command
//! line and the browser's on-demand module use them; the browser's first download never does.

pub mod review;
pub mod stats;
pub mod template;
pub mod workbook;

// The modules of the crates below, reachable as `crate::…` here.
use vigilance_model::{answers, codes, coverage, exact, mapping, nace, questionnaire, scoring};
use vigilance_text::{messages, text};

pub use template::{answer_template, matrix_template};
