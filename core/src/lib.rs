//! # vigilance-core
//!
//! A facade over the crates Vigilance is built from, kept for one release so that code written
//! against the single `vigilance-core` crate keeps its paths. New code should name the crate
//! that owns what it uses (docs/architecture.md):
//!
//! | path here | crate |
//! |---|---|
//! | [`text`], [`messages`] | `vigilance-text`: languages and the one catalogue |
//! | [`answers`], [`codes`], [`coverage`], [`exact`], [`files`], [`location`], [`mapping`], [`migrate`], [`nace`], [`problem`], [`questionnaire`], [`scoring`] | `vigilance-model`: the rules |
//! | [`registry`] | `vigilance-grids`: the built-in grids |
//! | [`import`] | `vigilance-read` (readers) and `vigilance-report` (`import::template`) |
//! | [`report`] | `vigilance-results` (`json`, `lean`, `csv`, `matching`) and `vigilance-report` (`workbook`, `review`) |
//! | [`schema`] | `vigilance-results` |
//!
//! ```
//! use vigilance_core::{AnswerSheet, ScoringOptions, registry, score};
//! let grid = registry::find("rhsf-fir", "1.0.0").expect("built in");
//! let sheet = AnswerSheet::parse(r#"{"format":"vigilance.answers/1",
//!     "questionnaire":{"id":"rhsf-fir","version":"1.0.0"},
//!     "company":{"name":"Exemple SA"},
//!     "answers":{"Q01":{"CL":"yes","FL":"yes"}}}"#, grid).unwrap();
//! let assessment = score(grid, &sheet.value, &ScoringOptions::default());
//! assert_eq!(assessment.headline_level, 0);
//! assert!(assessment.provisional);
//! ```

pub use vigilance_grids::registry;
pub use vigilance_model::{
    answers, codes, coverage, exact, files, location, mapping, migrate, nace, problem,
    questionnaire, scoring,
};
pub use vigilance_results::schema;
pub use vigilance_text::{messages, text};

/// Answer sheets from files: every reader (`vigilance-read`) and the fillable templates
/// (`vigilance-report`).
pub mod import {
    pub use vigilance_read::*;
    pub use vigilance_report::template::{self, answer_template, matrix_template};
}

/// The writers: the result document and CSV (`vigilance-results`), the workbook and the
/// campaign review (`vigilance-report`).
pub mod report {
    pub use vigilance_report::{review, workbook};
    pub use vigilance_results::{csv, json, lean, matching, reviewed};
}

pub use vigilance_model::{
    Answer, AnswerScore, AnswerSheet, AnswerValue, Assessment, Company, EvidenceMode, Level,
    LevelResult, NextStep, Parsed, Percent, Place, Problem, ProblemKind, Problems, Question,
    Questionnaire, QuestionnaireFile, QuestionnaireRef, Ratio, ScoringOptions, Severity, Span,
    StepReason, Track, TrackResult, score,
};
pub use vigilance_text::{Cli, Lang, Msg, Plural, Review, Template, Text, Wb, Web};

/// This library's version, written into reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
