//! An answer sheet as read, before it is checked ([`SheetDraft`]): what every reader (JSON, xlsx,
//! CSV) produces, so that all share the same checks and messages. Each answer keeps where it came
//! from when that is not a JSON path (a cell, a CSV line).

use super::wire::answers_map;
use super::{AnswerSheet, Company};
use crate::codes::Track;
use crate::problem::Place;
use serde::Deserialize;

/// An answer as written in a file, before checking: the bare value string or an object.
#[derive(Clone, Debug, PartialEq)]
pub enum RawAnswer {
    /// `"yes"`.
    Short(String),
    /// `{"value": "yes", "comment": …, "evidence": […], "justification": …}`.
    Full {
        /// The value as written.
        value: Option<String>,
        /// Comment.
        comment: Option<String>,
        /// Evidence.
        evidence: Vec<String>,
        /// Justification.
        justification: Option<String>,
    },
}

impl RawAnswer {
    pub(crate) fn into_parts(self) -> (String, Option<String>, Vec<String>, Option<String>) {
        match self {
            RawAnswer::Short(v) => (v, None, Vec::new(), None),
            RawAnswer::Full {
                value,
                comment,
                evidence,
                justification,
            } => (value.unwrap_or_default(), comment, evidence, justification),
        }
    }
}

/// One answer of a draft, with where it came from (for messages about other file types).
#[derive(Clone, Debug, PartialEq)]
pub struct DraftAnswer {
    /// The answer as written.
    pub raw: RawAnswer,
    /// Where it stands, when not a JSON path (a cell, or a CSV line and column).
    pub origin: Option<Place>,
}

/// An answer sheet as read, before it is checked against a questionnaire. Every reader (JSON,
/// xlsx, CSV) produces one, so that all share the same checks and messages.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SheetDraft {
    /// `format`.
    #[serde(default)]
    pub format: Option<String>,
    /// `questionnaire.id`.
    #[serde(default)]
    pub questionnaire: Option<DraftRef>,
    /// `company`.
    #[serde(default)]
    pub company: Option<Company>,
    /// `period`.
    #[serde(default)]
    pub period: Option<String>,
    /// `updated`.
    #[serde(default)]
    pub updated: Option<String>,
    /// Answers as written: question → track key → answer.
    #[serde(default, deserialize_with = "answers_map")]
    pub answers: DraftAnswers,
}

/// The questionnaire reference of a draft.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DraftRef {
    /// Id.
    #[serde(default)]
    pub id: Option<String>,
    /// Version.
    #[serde(default)]
    pub version: Option<String>,
}

/// Answers as written: question id → (track key → answer), in file order.
pub type DraftAnswers = Vec<(String, Vec<(String, DraftAnswer)>)>;

impl From<&AnswerSheet> for SheetDraft {
    fn from(s: &AnswerSheet) -> SheetDraft {
        SheetDraft {
            format: Some(s.format.clone()),
            questionnaire: Some(DraftRef {
                id: Some(s.questionnaire.id.clone()),
                version: Some(s.questionnaire.version.clone()),
            }),
            company: Some(s.company.clone()),
            period: s.period.clone(),
            updated: s.updated.clone(),
            answers: s
                .answers
                .iter()
                .map(|(q, t)| {
                    let entries = Track::ALL
                        .into_iter()
                        .filter_map(|tr| t.get(tr).map(|a| (tr, a)))
                        .map(|(tr, a)| {
                            (
                                tr.code().to_string(),
                                DraftAnswer {
                                    raw: RawAnswer::Full {
                                        value: Some(a.value.code().to_string()),
                                        comment: a.comment.clone(),
                                        evidence: a.evidence.clone(),
                                        justification: a.justification.clone(),
                                    },
                                    origin: None,
                                },
                            )
                        })
                        .collect();
                    (q.clone(), entries)
                })
                .collect(),
        }
    }
}
