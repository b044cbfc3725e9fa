//! The app's state and the only way to change it: [`AppState`] is a serde value (saved to
//! localStorage as a whole after every change) and [`Action`]s are applied to it by a reducer,
//! as in Yew's `function_todomvc` example.
//!
//! The state holds several assessments (one answer sheet each, e.g. two companies or two years),
//! which one is open, the language and where the user is in the grid. An `na` answer without a
//! justification is kept in the state (so that what the user typed is not lost) but is *not
//! accepted*: [`SavedAssessment::accepted_sheet`] leaves it out of scoring, progress and exports.
//!
//! One file per concern:
//! - `app_state.rs`: [`AppState`], the screens ([`View`]), the saved format;
//! - `assessment.rs`: one assessment ([`SavedAssessment`]), its accepted sheet, its profile,
//!   progress through the grid;
//! - `comparison.rs`: what an assessment is compared with ([`Comparison`]) and how it is saved;
//! - `documents.rs`: the documents attached to answers ([`Document`], [`DocumentAction`]);
//! - `upgrade.rs`: moving an assessment to a later version of its grid ([`UpgradeNote`]);
//! - `engagement.rs`: the analyst's engagement file kept with an assessment, and what the
//!   company changes in it ([`EngagementEdit`]);
//! - `action.rs`: what a user can do ([`Action`]), and the action with its time ([`Stamped`]);
//! - `reducer.rs`: how each action changes the state, a function of the state and the stamped
//!   action (it never reads the clock).

mod action;
mod app_state;
mod assessment;
mod comparison;
mod documents;
mod engagement;
mod reducer;
mod upgrade;

pub use action::{Action, Duplicates, Stamped, answer_anchor};
pub use app_state::{
    Announce, Announcement, AppState, FocusRequest, Place, STATE_FORMAT, View, duplicates_of,
};
pub use assessment::{
    Profile, Progress, SavedAssessment, accepted, first_unanswered, is_accepted, next_unanswered,
    notes_key as assessment_notes_key, progress, sheet_title, unjustified_na,
};
pub use comparison::Comparison;
pub use documents::{
    Document, DocumentAction, answer_ref, document_keys, released_documents, stale, with_documents,
};
pub use engagement::{EngagementEdit, actions_of, dropped_without_reason, text_of};
pub use upgrade::{UpgradeNote, upgrade_target};
