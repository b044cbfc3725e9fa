//! Saving the state in the browser's localStorage, and reading it back without ever bricking
//! the app.
//!
//! The whole [`AppState`] is saved under [`STORAGE_KEY`] after every change. Reading it back
//! ([`decode`], pure and tested natively) gives either the state, nothing (first visit), or an
//! [`Unreadable`] value: corrupt text, another format, or answers from another questionnaire
//! version. Then the app shows a recovery panel that offers the raw saved text for download and
//! whatever answer sheets could still be read, and saves nothing until the user decides.
//! Storage that is missing or full is reported too, so that a banner can say that answers are
//! not being saved.

use crate::grids;
use crate::ondemand::ImportedPart;
use crate::state::{AppState, STATE_FORMAT, accepted};
use serde_json::Value;
use vigilance_grids::registry;
use vigilance_model::{AnswerSheet, Lang, Problem};
use vigilance_text::Web;

/// The localStorage key of the saved state.
pub const STORAGE_KEY: &str = "vigilance.web.state";

/// A saved state that cannot be used as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The saved text, as found.
    pub raw: String,
    /// Why it cannot be used.
    pub reason: Reason,
    /// Its answer sheets as JSON texts, to be read again one by one ([`salvage`]).
    pub salvage: Vec<String>,
}

impl Unreadable {
    /// Why, in `lang`.
    pub fn reason(&self, lang: Lang) -> String {
        self.reason.text(lang)
    }
}

/// Why a saved state cannot be used as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The text is not JSON (cut short, or not JSON at all).
    NotJson,
    /// The text is JSON of another format.
    UnknownFormat(String),
    /// An assessment is on a grid this page does not have.
    UnknownGrid {
        /// The grid's id.
        id: String,
        /// Its version.
        version: String,
    },
    /// The JSON is not a whole state.
    Damaged,
    /// An assessment has an error.
    Invalid(Box<Problem>),
}

impl Reason {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            // The parser's own words stay out (English, technical): the saved text can be
            // downloaded as it is.
            Reason::NotJson => Web::SavedNotJson.text(lang).to_string(),
            Reason::UnknownFormat(found) => {
                Web::SavedUnknownFormat.fill(lang, &[("found", found), ("expected", &STATE_FORMAT)])
            }
            Reason::UnknownGrid { id, version } => {
                Web::SavedUnknownGrid.fill(lang, &[("id", id), ("version", version)])
            }
            Reason::Damaged => Web::SavedDamaged.text(lang).to_string(),
            Reason::Invalid(p) => Web::SavedInvalid.fill(lang, &[("problem", &p.describe(lang))]),
        }
    }
}

/// What reading the saved state gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// The saved state.
    State(Box<AppState>),
    /// A saved state that cannot be used as it is.
    Unreadable(Unreadable),
}

/// The text saved for `state`.
pub fn encode(state: &AppState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// Reads a saved text: the state when it is sound and every assessment's grid is available
/// (the app loads the grids a saved state names before reading it), otherwise what could be
/// salvaged.
pub fn decode(raw: &str) -> Loaded {
    if raw.trim().is_empty() {
        return Loaded::Nothing;
    }
    let unreadable = |reason, salvage| {
        Loaded::Unreadable(Unreadable {
            raw: raw.to_string(),
            reason,
            salvage,
        })
    };
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(_) => {
            return unreadable(Reason::NotJson, Vec::new());
        }
    };
    let format = value.get("format").and_then(Value::as_str).unwrap_or("");
    if format != STATE_FORMAT {
        return unreadable(Reason::UnknownFormat(format.to_string()), salvage(&value));
    }
    // Each assessment keeps its own grid (states saved before the grid choice name 1.0.0 for
    // all); a sheet naming a grid this page does not have cannot be used as it is.
    for sheet in value
        .get("assessments")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("sheet"))
    {
        let id = sheet
            .pointer("/questionnaire/id")
            .and_then(Value::as_str)
            .unwrap_or("");
        let version = sheet
            .pointer("/questionnaire/version")
            .and_then(Value::as_str)
            .unwrap_or("");
        if registry::find(id, version).is_none() {
            let (id, version) = (id.to_string(), version.to_string());
            return unreadable(Reason::UnknownGrid { id, version }, salvage(&value));
        }
    }
    let state: AppState = match serde_json::from_str(raw) {
        Ok(s) => s,
        Err(_) => {
            return unreadable(Reason::Damaged, salvage(&value));
        }
    };
    for a in &state.assessments {
        let problems = accepted(&a.sheet).check(grids::of_sheet(&a.sheet));
        if let Some(p) = problems.iter().find(|p| p.is_error()) {
            return unreadable(Reason::Invalid(Box::new(p.clone())), salvage(&value));
        }
    }
    Loaded::State(Box::new(state))
}

/// The answer sheets of a saved value, as JSON texts, to be read like imported files (by the
/// on-demand module, see [`crate::components::recovery`]); [`salvaged`] then keeps what reads.
pub fn salvage(value: &Value) -> Vec<String> {
    let Some(list) = value.get("assessments").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| a.get("sheet"))
        .filter_map(|sheet| serde_json::to_string(sheet).ok())
        .collect()
}

/// The sheets that read from the parts of salvaged texts, each moved to the grid it is read
/// on: its own when this page has it, else the latest version of that grid (answers to
/// questions that no longer exist are dropped, as when importing a file).
pub fn salvaged(parts: impl IntoIterator<Item = ImportedPart>) -> Vec<AnswerSheet> {
    parts
        .into_iter()
        .filter_map(|part| part.result.ok())
        .map(|imported| {
            let mut sheet = imported.sheet;
            let grid = vigilance_web_module::grid_of(&sheet);
            sheet.questionnaire.id = grid.id.clone();
            sheet.questionnaire.version = grid.version.clone();
            sheet
        })
        .collect()
}

/// Why the state could not be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser gives no localStorage (private mode, blocked storage).
    Unavailable,
    /// Writing failed (storage full, or refused).
    Failed(String),
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Loaded, STORAGE_KEY, SaveError, decode};
    use crate::state::AppState;
    use gloo::storage::{LocalStorage, Storage};

    /// Whether localStorage can be used at all (reading `window.localStorage` may throw).
    fn available() -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok())
            .flatten()
            .is_some()
    }

    pub fn raw() -> Result<Option<String>, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::raw()
            .get_item(STORAGE_KEY)
            .map_err(|e| SaveError::Failed(format!("{e:?}")))
    }

    pub fn load() -> Result<Loaded, SaveError> {
        Ok(raw()?.map_or(Loaded::Nothing, |raw| decode(&raw)))
    }

    pub fn save(state: &AppState) -> Result<(), SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::raw()
            .set_item(STORAGE_KEY, &super::encode(state))
            .map_err(|e| SaveError::Failed(format!("{e:?}")))
    }

    pub fn clear() {
        if available() {
            LocalStorage::delete(STORAGE_KEY);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Loaded, SaveError};
    use crate::state::AppState;

    pub fn raw() -> Result<Option<String>, SaveError> {
        Ok(None)
    }

    pub fn load() -> Result<Loaded, SaveError> {
        Ok(Loaded::Nothing)
    }

    pub fn save(_state: &AppState) -> Result<(), SaveError> {
        Ok(())
    }

    pub fn clear() {}
}

/// Reads the saved state from localStorage.
pub fn load() -> Result<Loaded, SaveError> {
    imp::load()
}

/// The saved text, as found (to see which grids it needs before reading it).
pub fn raw() -> Result<Option<String>, SaveError> {
    imp::raw()
}

/// Saves `state` to localStorage.
pub fn save(state: &AppState) -> Result<(), SaveError> {
    imp::save(state)
}

/// Removes the saved state (start again).
pub fn clear() {
    imp::clear()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{apply, exemple_sa_answered};
    use crate::state::{Action, Profile};
    use vigilance_model::answers::QuestionnaireRef;

    fn sample() -> AppState {
        (*exemple_sa_answered()).clone()
    }

    #[test]
    fn a_saved_state_reads_back() {
        let s = sample();
        match decode(&encode(&s)) {
            Loaded::State(back) => assert_eq!(back.assessments, s.assessments),
            other => panic!("not read back: {other:?}"),
        }
        assert_eq!(decode(""), Loaded::Nothing);
    }

    #[test]
    fn corrupt_text_is_unreadable_and_kept() {
        match decode("{\"format\": \"vigilance.web-state/1\", \"assess") {
            Loaded::Unreadable(u) => {
                assert!(u.raw.contains("assess"));
                assert!(u.salvage.is_empty());
            }
            other => panic!("expected unreadable: {other:?}"),
        }
    }

    // Natively only: in the browser the reader is the on-demand module, not linked in.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn another_questionnaire_version_salvages_the_sheets() {
        let q = crate::grids::default_choice();
        let text = encode(&sample()).replace(
            &format!("\"version\":\"{}\"", q.version),
            "\"version\":\"0.9.0\"",
        );
        match decode(&text) {
            Loaded::Unreadable(u) => {
                assert!(
                    u.reason(Lang::En).contains("0.9.0"),
                    "{}",
                    u.reason(Lang::En)
                );
                assert_eq!(u.salvage.len(), 1);
                let parts = u.salvage.iter().enumerate().flat_map(|(i, text)| {
                    vigilance_web_module::read_answer_parts(
                        &format!("saved-{i}.json"),
                        text.as_bytes(),
                        Lang::En,
                    )
                });
                let sheets = salvaged(parts);
                assert_eq!(sheets.len(), 1);
                assert_eq!(sheets[0].company.name, "Exemple SA");
                assert_eq!(sheets[0].answered_count(), 1);
                // Moved to the version this page has.
                assert_eq!(sheets[0].questionnaire.version, q.version);
            }
            other => panic!("expected unreadable: {other:?}"),
        }
    }

    #[test]
    fn a_saved_state_on_several_grids_reads_back() {
        let s = apply(
            exemple_sa_answered(),
            Action::Create(
                Profile {
                    name: "Fournisseur SARL".into(),
                    ..Profile::default()
                },
                QuestionnaireRef {
                    id: "rhsf-fir-sme".into(),
                    version: "1.0.0".into(),
                },
            ),
        );
        let text = encode(&s).replace("\"1.2.0\"", "\"1.0.0\"");
        match decode(&text) {
            Loaded::State(back) => {
                let versions: Vec<String> = back
                    .assessments
                    .iter()
                    .map(|a| {
                        crate::grids::stem(
                            &a.sheet.questionnaire.id,
                            &a.sheet.questionnaire.version,
                        )
                    })
                    .collect();
                assert_eq!(versions, ["rhsf-fir-1.0.0", "rhsf-fir-sme-1.0.0"]);
            }
            other => panic!("not read back: {other:?}"),
        }
    }

    #[test]
    fn an_invalid_answer_makes_the_state_unreadable() {
        let text = encode(&sample()).replace("\"Q01\"", "\"Q99\"");
        assert!(matches!(decode(&text), Loaded::Unreadable(_)));
    }
}
