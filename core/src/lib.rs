//! # vigilance-core
//!
//! The shared heart of Vigilance: the questionnaire model (the RHSF/FIR four-level maturity grid
//! as data), answer sheets, their validation, the exact scoring rule of docs/method.md, and the
//! report writers (result JSON, CSV, Excel workbook) used by both the `vigilance` command and the
//! browser app.
//!
//! `core` does no terminal, file-system or DOM work: it takes text or bytes and returns values or
//! typed errors ([`Problems`]) that name the place (JSON path with line and column, cell, CSV
//! line), carry a stable code (`VG-A07`, listed in docs/formats.md) and say, in French and in
//! English, what is wrong and what is expected.
//!
//! The layers, each a module that owns one thing: [`text`] (languages), [`messages`] (every
//! sentence and label of core and the CLI, in both languages), [`exact`] (exact numbers),
//! [`codes`] (tracks, levels, values), [`problem`] (what is wrong and where), [`location`] (bytes
//! to text, JSON paths to lines), [`questionnaire`] (the grid), [`answers`] (answer sheets),
//! [`scoring`] (the rule), [`report`] and [`import`] (files out and in), [`schema`].
//!
//! ```
//! use vigilance_core::{Questionnaire, AnswerSheet, ScoringOptions, score};
//! let grid = Questionnaire::builtin();
//! let sheet = AnswerSheet::parse(r#"{"format":"vigilance.answers/1",
//!     "questionnaire":{"id":"rhsf-fir","version":"1.0.0"},
//!     "company":{"name":"Exemple SA"},
//!     "answers":{"Q01":{"CL":"yes","FL":"yes"}}}"#, &grid).unwrap();
//! let assessment = score(&grid, &sheet.value, &ScoringOptions::default());
//! assert_eq!(assessment.headline_level, 0);
//! assert!(assessment.provisional);
//! ```

pub mod answers;
pub mod codes;
pub mod coverage;
pub mod exact;
pub mod import;
pub mod location;
pub mod mapping;
pub mod messages;
pub mod migrate;
pub mod nace;
pub mod problem;
pub mod questionnaire;
pub mod registry;
pub mod report;
pub mod schema;
pub mod scoring;
pub mod text;

pub use answers::{Answer, AnswerSheet, Company, Parsed, QuestionnaireRef};
pub use codes::{AnswerValue, EvidenceMode, Level, Track};
pub use exact::{Percent, Ratio};
pub use messages::Msg;
pub use problem::{Place, Problem, ProblemKind, Problems, Severity, Span};
pub use questionnaire::{Question, Questionnaire, QuestionnaireFile};
pub use scoring::{
    AnswerScore, Assessment, LevelResult, NextStep, ScoringOptions, StepReason, TrackResult, score,
};
pub use text::{Lang, Text};

/// The built-in questionnaire file (`questionnaires/rhsf-fir-1.0.0.json`), embedded at compile time so
/// that the CLI and the web app score with the very same grid.
pub const BUILTIN_QUESTIONNAIRE_JSON: &str =
    include_str!("../../questionnaires/rhsf-fir-1.0.0.json");

/// This library's version, written into reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
