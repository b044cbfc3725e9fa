//! # vigilance-model
//!
//! The rules of Vigilance, as data and pure functions: the stable codes ([`codes`]), exact
//! numbers ([`exact`]), the grid ([`questionnaire`]), answer sheets and their checks
//! ([`answers`]), what is wrong and where ([`problem`], [`location`], [`files`]), the scoring rule
//! of docs/method.md ([`scoring`]), regulation mapping and coverage ([`mapping`], [`coverage`]),
//! migration between grid versions ([`migrate`]) and the NACE sectors ([`nace`]).
//!
//! It does no terminal, file-system or DOM work and knows nothing of file formats beyond the
//! answer sheet's JSON: it takes text or bytes and returns values or typed [`Problems`] that
//! name the place, carry a stable code and say, in the user's language, what is wrong. Built-in
//! grids are in `vigilance-grids`, readers in `vigilance-read`, writers in `vigilance-results`
//! and `vigilance-report`.

pub mod answers;
pub mod codes;
pub mod coverage;
pub mod exact;
pub mod files;
pub mod location;
pub mod mapping;
pub mod migrate;
pub mod nace;
pub mod problem;
pub mod questionnaire;
pub mod scoring;

// The catalogue and the languages, reachable as `crate::messages` and `crate::text` here.
use vigilance_text::{messages, text};

pub use answers::{Answer, AnswerSheet, Company, Parsed, QuestionnaireRef};
pub use codes::{AnswerValue, EvidenceMode, Level, Track};
pub use exact::{Percent, Ratio};
pub use problem::{Place, Problem, ProblemKind, Problems, Severity, Span};
pub use questionnaire::{Question, Questionnaire, QuestionnaireFile};
pub use scoring::{
    AnswerScore, Assessment, LevelResult, NextStep, ScoringOptions, StepReason, TrackResult, score,
};
pub use vigilance_text::{Lang, Text};
