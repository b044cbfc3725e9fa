//! What a user can do ([`Action`]) and the action as the reducer receives it ([`Stamped`]: with
//! the time it was done, read from the clock by the component that dispatches it, so that the
//! reducer itself never reads the clock).

use super::{AppState, Comparison, Place, Profile, View};
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::{AnswerSheet, AnswerValue, Lang, Level, Track};

/// Everything a user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a screen.
    Show(View),
    /// Go back (or forward) to a place of the browser's history.
    Navigate(Place),
    /// Start a new assessment with this profile, on this grid (a built-in grid, loaded).
    Create(Profile, QuestionnaireRef),
    /// Copy an assessment onto the latest version of its grid (the original is kept), and open
    /// the copy.
    Upgrade(u32),
    /// Stop showing what the upgrade of the open assessment changed.
    DismissUpgrade,
    /// Open (resume) an assessment.
    Open(u32),
    /// Delete an assessment.
    Delete(u32),
    /// Change the open assessment's profile.
    UpdateProfile(Profile),
    /// Add imported answer sheets as new assessments (one per company of a file), open the last
    /// and announce them; an assessment kept for the same company and period is kept too, or
    /// replaced, as the user chose ([`Duplicates`]).
    Import(Vec<AnswerSheet>, Duplicates),
    /// Set (or clear, with `None`) the value of an answer; comment and evidence are kept (when
    /// cleared, for the next value chosen).
    SetValue {
        /// Question id.
        question: String,
        /// Track.
        track: Track,
        /// The value.
        value: Option<AnswerValue>,
    },
    /// Set an answer's comment.
    SetComment {
        /// Question id.
        question: String,
        /// Track.
        track: Track,
        /// The comment.
        text: String,
    },
    /// Set an answer's evidence, one reference per line.
    SetEvidence {
        /// Question id.
        question: String,
        /// Track.
        track: Track,
        /// The evidence, one item per line.
        text: String,
    },
    /// Attach, detach, describe, remove or import documents (issue 20).
    Documents(super::DocumentAction),
    /// Set the justification of an `na` answer.
    SetJustification {
        /// Question id.
        question: String,
        /// Track.
        track: Track,
        /// The justification.
        text: String,
    },
    /// Open a level of the grid.
    GoToLevel(Level),
    /// Filter the grid by theme (`None`: all themes).
    SetTheme(Option<String>),
    /// Move the focus to the first answer still to give after the one the user is at.
    FocusNextUnanswered,
    /// Open the level of `question` and move the focus to its first answer for `track`.
    FocusAnswer {
        /// Question id.
        question: String,
        /// Track.
        track: Track,
    },
    /// Preview the substantiated (investor) view.
    SetSubstantiated(bool),
    /// Compare the open assessment with another one (or stop comparing).
    SetComparison(Option<Comparison>),
    /// The grids' regulation mapping was loaded (`Ok`) or could not be (why): see
    /// [`crate::grids::complete`].
    MappingLoaded(Result<(), String>),
    /// Import, remove or update the open assessment's engagement file.
    Engagement(super::EngagementEdit),
    /// Replace the whole state (recovery: start again, or keep what could be read).
    Replace(Box<AppState>),
}

impl Action {
    /// This action done at `at` (RFC 3339, UTC; `None` when there is no clock to read, as in
    /// the native tests): what the reducer is sent.
    pub fn at(self, at: Option<String>) -> Stamped {
        Stamped { action: self, at }
    }
}

/// What an import does with an assessment already kept for the same company and period
/// ([`super::AppState::duplicates_of`]), as the user chose when asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Duplicates {
    /// Keep it: the import is a second assessment (named apart, see `AppState::names`).
    #[default]
    KeepBoth,
    /// Delete it (its documents too, unless another assessment uses them), then import.
    Replace,
}

/// An action and when it was done: the reducer's input. The time is what the reducer stamps on
/// the answer sheets the action changes (`updated`); the app's dispatcher reads it from the
/// clock ([`crate::browser::now_iso`]) as it sends the action.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped {
    /// What the user did.
    pub action: Action,
    /// When (RFC 3339, UTC), if known.
    pub at: Option<String>,
}

/// The id of the element that holds the first answer choice of `question` for `track`.
pub fn answer_anchor(question: &str, track: Track) -> String {
    format!("a-{question}-{}", track.code())
}
