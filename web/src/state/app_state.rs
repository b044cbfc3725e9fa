//! Everything the app remembers ([`AppState`]): the assessments kept in this browser, which one
//! is open, the language, the screen shown ([`View`]), and what is not saved (the focus to move,
//! the revision that triggers a recompute, why the regulation mapping could not be loaded).
//! The state is saved to localStorage as a whole, in format [`STATE_FORMAT`].

use super::{Comparison, SavedAssessment, accepted};
use serde::{Deserialize, Serialize};
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::{AnswerSheet, Lang, Questionnaire};

/// The `format` of the state saved in localStorage.
pub const STATE_FORMAT: &str = "vigilance.web-state/1";

/// The three screens of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// Company profile: start, resume or import an assessment.
    #[default]
    Start,
    /// The grid, level by level.
    Questionnaire,
    /// The live results.
    Results,
}

/// A request to move the keyboard focus to an element once it is rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FocusRequest {
    /// Increases with each request, so that asking twice for the same element works.
    pub serial: u64,
    /// The element id.
    pub id: String,
}

/// Everything the app remembers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    /// Always [`STATE_FORMAT`].
    pub format: String,
    /// The default grid when the state was written (each assessment names its own grid in its
    /// answer sheet; states written before the grid choice name 1.0.0 here and in every sheet).
    pub questionnaire: QuestionnaireRef,
    /// The interface language.
    pub lang: Lang,
    /// The screen shown.
    #[serde(default)]
    pub view: View,
    /// The assessments kept in this browser.
    #[serde(default)]
    pub assessments: Vec<SavedAssessment>,
    /// The id of the open assessment.
    #[serde(default)]
    pub current: Option<u32>,
    /// The id the next assessment gets.
    #[serde(default)]
    pub next_id: u32,
    /// Where to move the focus after the next render (not saved).
    #[serde(skip)]
    pub focus: Option<FocusRequest>,
    /// Increases with every change of an answer sheet (not saved): the results are recomputed
    /// when it changes.
    #[serde(skip)]
    pub revision: u64,
    /// Why the grids' regulation mapping could not be loaded (not saved).
    #[serde(skip)]
    pub mapping_error: Option<String>,
}

impl AppState {
    /// A fresh state in `lang` for `questionnaire`.
    pub fn new(questionnaire: &Questionnaire, lang: Lang) -> AppState {
        AppState {
            format: STATE_FORMAT.to_string(),
            questionnaire: QuestionnaireRef {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
            },
            lang,
            view: View::Start,
            assessments: Vec::new(),
            current: None,
            next_id: 1,
            focus: None,
            revision: 0,
            mapping_error: None,
        }
    }

    /// The open assessment.
    pub fn current(&self) -> Option<&SavedAssessment> {
        let id = self.current?;
        self.assessments.iter().find(|a| a.id == id)
    }

    /// The open assessment, to change it (for the reducer).
    pub(super) fn current_mut(&mut self) -> Option<&mut SavedAssessment> {
        let id = self.current?;
        self.assessments.iter_mut().find(|a| a.id == id)
    }

    /// The assessment with `id`.
    pub fn get(&self, id: u32) -> Option<&SavedAssessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    /// The sheet the open assessment is compared with, and its name.
    pub fn comparison_sheet(&self) -> Option<(String, AnswerSheet)> {
        let cur = self.current()?;
        match cur.comparison.as_ref()? {
            Comparison::Saved { id } => self
                .get(*id)
                .filter(|a| a.id != cur.id)
                .map(|a| (a.title(self.lang), a.accepted_sheet())),
            Comparison::Imported { name, sheet } => Some((name.clone(), accepted(sheet))),
        }
    }
}
