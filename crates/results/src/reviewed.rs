//! A sheet scored as reviewed (`vigilance score --engagement`): the result of the sheet after an
//! analyst's engagement file is applied (docs/method.md, "Scoring as reviewed"), beside the
//! result as declared. Built by the command from `vigilance-engagement`; this crate only writes
//! it (JSON `reviewed`, the CSV's `reviewed_*` columns, the workbook).

use crate::codes::{AnswerValue, Track};
use crate::json::{ProblemEntry, TrackEntry};
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;
use crate::text::{Lang, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One review applied: the value declared and the value counted as reviewed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewChange {
    /// The question.
    pub question: String,
    /// The track.
    pub track: Track,
    /// `accepted`, `challenged` or `rejected`.
    pub status: String,
    /// The value declared (`null`: unanswered).
    pub declared: Option<AnswerValue>,
    /// The value counted as reviewed.
    pub counted: Option<AnswerValue>,
}

/// A sheet as reviewed, in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct Reviewed {
    /// The engagement file (its path).
    pub engagement: String,
    /// The result as reviewed; `None` when the file was refused (see `problems`).
    pub assessment: Option<Assessment>,
    /// The reviews applied, in question order.
    pub changes: Vec<ReviewChange>,
    /// The problems of the engagement file: why it was refused, or the warnings (outdated
    /// reviews…).
    pub problems: Vec<Problem>,
}

/// The `reviewed` object of a result entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewedEntry {
    /// The engagement file.
    pub engagement: String,
    /// Whether it was applied (false: refused, see `problems`; the result is then as declared
    /// only).
    pub applied: bool,
    /// The headline level as reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_level: Option<u8>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_label: Option<Text>,
    /// Some track is not complete as reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<bool>,
    /// Per track, as reviewed (empty when not applied).
    #[serde(default)]
    pub tracks: BTreeMap<Track, TrackEntry>,
    /// The reviews applied.
    #[serde(default)]
    pub changes: Vec<ReviewChange>,
    /// The engagement file's problems, errors and warnings.
    #[serde(default)]
    pub problems: Vec<ProblemEntry>,
}

impl ReviewedEntry {
    /// The entry of `reviewed`, for a sheet of `questionnaire`; `sheet` gives the company and
    /// period.
    pub fn new(
        questionnaire: &Questionnaire,
        sheet: &crate::answers::AnswerSheet,
        reviewed: &Reviewed,
        describe: impl Fn(&Problem, Lang) -> String,
    ) -> ReviewedEntry {
        let problems = reviewed
            .problems
            .iter()
            .map(|p| {
                let mut e = ProblemEntry::from(p);
                e.message = Text::new(describe(p, Lang::Fr), describe(p, Lang::En));
                e
            })
            .collect();
        match &reviewed.assessment {
            None => ReviewedEntry {
                engagement: reviewed.engagement.clone(),
                applied: false,
                headline_level: None,
                headline_label: None,
                provisional: None,
                tracks: BTreeMap::new(),
                changes: Vec::new(),
                problems,
            },
            Some(a) => {
                let entry = crate::json::ResultEntry::new("", questionnaire, sheet, a, &[]);
                ReviewedEntry {
                    engagement: reviewed.engagement.clone(),
                    applied: true,
                    headline_level: Some(entry.headline_level),
                    headline_label: Some(entry.headline_label),
                    provisional: Some(entry.provisional),
                    tracks: entry.tracks,
                    changes: reviewed.changes.clone(),
                    problems,
                }
            }
        }
    }
}
