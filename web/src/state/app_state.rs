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
    /// Land with the element at the top of the window, below the sticky toolbar (a new view or
    /// level: its heading); otherwise it is scrolled to the middle (one answer).
    pub top: bool,
}

/// Where the user is in the app: what a browser-history entry restores (Back, Forward).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The screen.
    pub view: View,
    /// The open assessment.
    pub current: Option<u32>,
    /// The level shown in the questionnaire.
    pub level: Option<vigilance_model::Level>,
}

impl Place {
    /// The place as a history entry's text: `view/current/level`.
    pub fn encode(&self) -> String {
        format!(
            "{}/{}/{}",
            self.view.code(),
            self.current.map(|c| c.to_string()).unwrap_or_default(),
            self.level.map(|l| l.code()).unwrap_or_default()
        )
    }

    /// The place a history entry's text names (`None`: not one of ours).
    pub fn decode(text: &str) -> Option<Place> {
        let mut parts = text.split('/');
        let view = match parts.next()? {
            "start" => View::Start,
            "questionnaire" => View::Questionnaire,
            "results" => View::Results,
            _ => return None,
        };
        let current = parts.next()?.parse().ok();
        let level = vigilance_model::Level::from_code(parts.next().unwrap_or_default());
        Some(Place {
            view,
            current,
            level,
        })
    }
}

impl View {
    /// The view's code (history entries, element ids).
    pub fn code(self) -> &'static str {
        match self {
            View::Start => "start",
            View::Questionnaire => "questionnaire",
            View::Results => "results",
        }
    }
}

/// What the app's live region announces (a screen reader reads it; it is also shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announce {
    /// A file was imported: the assessments it added, by name.
    Imported(Vec<String>),
    /// An assessment was copied onto a later version of its grid (the copy's name).
    Upgraded(String),
}

/// An announcement, with a serial so that the same words said twice are said again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    /// Increases with each announcement.
    pub serial: u64,
    /// What is announced.
    pub what: Announce,
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
    /// The answer the user is at (the last answered or jumped to; not saved): "next unanswered
    /// question" moves forward from it.
    #[serde(skip)]
    pub cursor: Option<(String, vigilance_model::Track)>,
    /// What the live region says (not saved).
    #[serde(skip)]
    pub announcement: Option<Announcement>,
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
            cursor: None,
            announcement: None,
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

    /// The assessments kept for the same company and period as `sheet`: [`duplicates_of`].
    pub fn duplicates_of(&self, sheet: &AnswerSheet) -> Vec<u32> {
        duplicates_of(&self.assessments, sheet)
    }

    /// Where the user is (what a history entry restores).
    pub fn place(&self) -> Place {
        Place {
            view: if self.current.is_some() {
                self.view
            } else {
                View::Start
            },
            current: self.current,
            level: self
                .current()
                .filter(|a| self.view == View::Questionnaire && a.theme.is_none())
                .map(|a| a.level),
        }
    }

    /// The name of each assessment kept, as lists show it: company and period, and, when two
    /// assessments would read alike (an upgrade's copy and its original, a file imported twice),
    /// the grid version, then a number, so that no two read the same.
    pub fn names(&self, lang: vigilance_model::Lang) -> Vec<(u32, String)> {
        let titles: Vec<String> = self.assessments.iter().map(|a| a.title(lang)).collect();
        let mut names: Vec<String> = self
            .assessments
            .iter()
            .zip(&titles)
            .map(|(a, t)| {
                if titles.iter().filter(|x| *x == t).count() > 1 {
                    let q = &a.sheet.questionnaire;
                    format!("{t} · {} {}", q.id, q.version)
                } else {
                    t.clone()
                }
            })
            .collect();
        let before = names.clone();
        for (i, n) in names.iter_mut().enumerate() {
            let same = before.iter().filter(|x| *x == n).count();
            if same > 1 {
                let rank = before[..i].iter().filter(|x| *x == n).count() + 1;
                n.push_str(&format!(" (#{rank})"));
            }
        }
        self.assessments.iter().map(|a| a.id).zip(names).collect()
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

/// The assessments of `assessments` kept for the same company and period as `sheet` (the
/// company's name and the period, spaces around and ASCII case ignored): what an import asks
/// about before it makes a second one. The one rule for every import (answer files and
/// dossiers).
pub fn duplicates_of(assessments: &[SavedAssessment], sheet: &AnswerSheet) -> Vec<u32> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let period = |s: &AnswerSheet| s.period.clone().unwrap_or_default();
    assessments
        .iter()
        .filter(|a| {
            same(&a.sheet.company.name, &sheet.company.name)
                && same(&period(&a.sheet), &period(sheet))
        })
        .map(|a| a.id)
        .collect()
}
