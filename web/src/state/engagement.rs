//! The engagement file an analyst sent for an assessment (`vigilance.engagement/1`, issue 21):
//! kept with the assessment, never mixed into its answer sheet, and what the company may change
//! in it ([`EngagementEdit`]: an action's status, the reason for dropping it, its evidence).
//!
//! The file is read and checked once, when imported, by the on-demand module (the engagement
//! crate's own reader, for this assessment's company, period and grid). The app keeps it as the
//! JSON that reader wrote (a `serde_json::Value`: the app already reads and writes JSON values,
//! so the first download carries no second reader of the format) and edits it in place, so that
//! the file exported is the file imported with the company's changes only. [`engagement_of`]
//! gives the typed file the screens show and the scoring as reviewed applies
//! ([`vigilance_engagement::reviewed_sheet`]).

use super::AppState;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use vigilance_engagement::{
    Action, ActionStatus, ActionTarget, DialogueEntry, DialogueKind, Engagement, EngagementCompany,
    Review, ReviewStatus,
};
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::{AnswerValue, Track};

/// What the company can do with the engagement file of the open assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum EngagementEdit {
    /// Keep this file (read and checked by the on-demand module) with the open assessment,
    /// replacing any other.
    Import(Value),
    /// Forget the file.
    Remove,
    /// Set an action's status (by its place in the plan).
    Status {
        /// The action's index in `actions`.
        action: usize,
        /// Its new status.
        status: ActionStatus,
    },
    /// Set the reason for dropping an action.
    DroppedReason {
        /// The action's index in `actions`.
        action: usize,
        /// The reason, as typed.
        text: String,
    },
    /// Set an action's evidence, one reference per line.
    Evidence {
        /// The action's index in `actions`.
        action: usize,
        /// The references, one per line.
        text: String,
    },
}

impl AppState {
    /// Applies `edit` to the open assessment's engagement file, stamping its `updated` with
    /// `at` when the company changed the plan. The answer sheet is not touched.
    pub(super) fn edit_engagement(&mut self, edit: EngagementEdit, at: Option<&str>) {
        let Some(a) = self.current_mut() else {
            return;
        };
        // An action no longer dropped loses the reason for dropping it.
        let mut undropped = false;
        let (index, key, new) = match edit {
            EngagementEdit::Import(v) => {
                a.engagement = Some(v);
                return;
            }
            EngagementEdit::Remove => {
                a.engagement = None;
                return;
            }
            EngagementEdit::Status { action, status } => {
                undropped = status != ActionStatus::Dropped;
                (action, "status", Some(Value::from(status.code())))
            }
            EngagementEdit::DroppedReason { action, text } => (
                action,
                "dropped_reason",
                (!text.trim().is_empty()).then(|| Value::from(text)),
            ),
            EngagementEdit::Evidence { action, text } => {
                let lines: Vec<Value> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(Value::from)
                    .collect();
                (
                    action,
                    "evidence",
                    (!lines.is_empty()).then_some(Value::Array(lines)),
                )
            }
        };
        let Some(file) = a.engagement.as_mut() else {
            return;
        };
        let Some(action) = file
            .get_mut("actions")
            .and_then(|a| a.get_mut(index))
            .and_then(Value::as_object_mut)
        else {
            return;
        };
        match new {
            Some(v) => {
                action.insert(key.to_string(), v);
            }
            None => {
                action.remove(key);
            }
        }
        if undropped {
            action.remove("dropped_reason");
        }
        if let (Some(at), Some(file)) = (at, file.as_object_mut()) {
            file.insert("updated".into(), Value::from(at));
        }
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn opt_text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

fn object(v: &Value, key: &str) -> Map<String, Value> {
    v.get(key)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

/// The typed file of a kept engagement JSON (written by the engagement crate when imported, so
/// every status, track and value reads; an entry that would not is left out).
pub fn engagement_of(v: &Value) -> Engagement {
    let mut reviews: BTreeMap<String, BTreeMap<Track, Review>> = BTreeMap::new();
    for (question, tracks) in object(v, "reviews") {
        for (track, r) in tracks.as_object().into_iter().flatten() {
            let (Some(track), Some(status)) = (
                Track::from_code(track),
                ReviewStatus::from_code(&text(r, "status")),
            ) else {
                continue;
            };
            reviews.entry(question.clone()).or_default().insert(
                track,
                Review {
                    status,
                    value: opt_text(r, "value").and_then(|c| AnswerValue::from_code(&c)),
                    note: text(r, "note"),
                    date: text(r, "date"),
                    analyst: text(r, "analyst"),
                    reviewed: text(r, "reviewed"),
                },
            );
        }
    }
    let list = |key: &str| {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let dialogue = list("dialogue")
        .iter()
        .filter_map(|d| {
            Some(DialogueEntry {
                date: text(d, "date"),
                kind: DialogueKind::from_code(&text(d, "kind"))?,
                participants: texts(d, "participants"),
                summary: text(d, "summary"),
            })
        })
        .collect();
    let actions = list("actions")
        .iter()
        .map(|a| Action {
            id: text(a, "id"),
            text: text(a, "text"),
            addresses: a
                .get("addresses")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|t| ActionTarget {
                    question: text(t, "question"),
                    track: opt_text(t, "track").and_then(|c| Track::from_code(&c)),
                })
                .collect(),
            owner: text(a, "owner"),
            due: opt_text(a, "due"),
            status: ActionStatus::from_code(&text(a, "status")).unwrap_or(ActionStatus::Planned),
            dropped_reason: opt_text(a, "dropped_reason"),
            evidence: texts(a, "evidence"),
            carried_from: opt_text(a, "carried_from"),
        })
        .collect();
    let q = v.get("questionnaire").unwrap_or(&Value::Null);
    let c = v.get("company").unwrap_or(&Value::Null);
    Engagement {
        format: text(v, "format"),
        questionnaire: QuestionnaireRef {
            id: text(q, "id"),
            version: text(q, "version"),
        },
        company: EngagementCompany {
            name: text(c, "name"),
            id: opt_text(c, "id"),
        },
        period: text(v, "period"),
        updated: opt_text(v, "updated"),
        reviews,
        dialogue,
        actions,
        context: Vec::new(),
    }
}

/// The file to send back: the kept JSON, pretty-printed as the engagement crate writes it
/// (ending with a newline).
pub fn engagement_file_text(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// Whether every dropped action gives its reason (the file is not valid otherwise: `VG-E03`).
pub fn dropped_reasons_given(e: &Engagement) -> bool {
    e.actions.iter().all(|a| {
        a.status != ActionStatus::Dropped
            || a.dropped_reason
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{AT, apply, fresh};
    use crate::state::Action as AppAction;
    use crate::storage::{Loaded, decode, encode};
    use std::rc::Rc;
    use vigilance_model::Lang;

    /// The end-to-end test's example sheet imported, and its engagement file kept with it.
    fn imported() -> Rc<AppState> {
        let text = include_str!("../../../questionnaires/examples/04-level2-construction.json");
        let parts = vigilance_web_module::read_answer_parts("04.json", text.as_bytes(), Lang::En);
        let sheet = match &parts[0].result {
            Ok(read) => read.sheet.clone(),
            Err(e) => panic!("{e}"),
        };
        let s = apply(fresh(), AppAction::Import(vec![sheet]));
        let bytes = include_bytes!("../../../tests/e2e/fixtures/engagement-construction-2025.json");
        let accepted = s.current().map(|a| a.accepted_sheet()).expect("open");
        let read = vigilance_web_module::read_engagement(bytes, &accepted, Lang::En)
            .unwrap_or_else(|e| panic!("{e}"));
        apply(
            s,
            AppAction::Engagement(EngagementEdit::Import(read.engagement)),
        )
    }

    fn kept(s: &AppState) -> Value {
        s.current()
            .and_then(|a| a.engagement.clone())
            .expect("an engagement file")
    }

    #[test]
    fn the_kept_file_reads_as_the_engagement_crate_reads_it() {
        let s = imported();
        let v = kept(&s);
        let typed: Engagement = serde_json::from_value(v.clone()).expect("the crate's reader");
        assert_eq!(engagement_of(&v), typed);
        assert_eq!(typed.actions.len(), 3);
    }

    #[test]
    fn the_company_updates_the_plan_and_exports_a_valid_file_its_answers_untouched() {
        let s = imported();
        let sheet = s.current().map(|a| a.sheet.clone());
        let edit = |s, e| apply(s, AppAction::Engagement(e));
        let s = edit(
            s,
            EngagementEdit::Status {
                action: 0,
                status: ActionStatus::Done,
            },
        );
        let s = edit(
            s,
            EngagementEdit::Evidence {
                action: 0,
                text: "Minutes of the board, 2026-05-04\n\n  https://example.org/report.pdf "
                    .into(),
            },
        );
        let s = edit(
            s,
            EngagementEdit::Status {
                action: 2,
                status: ActionStatus::Dropped,
            },
        );
        // Dropped without a reason: not exportable (the reader refuses it, VG-E03).
        let e = engagement_of(&kept(&s));
        assert!(!dropped_reasons_given(&e));
        let grid = vigilance_grids::registry::find("rhsf-fir", "1.2.0").expect("1.2.0");
        let text = engagement_file_text(&kept(&s));
        assert!(Engagement::parse(&text, grid).is_err());
        let s = edit(
            s,
            EngagementEdit::DroppedReason {
                action: 2,
                text: "Replaced by A1.".into(),
            },
        );
        let text = engagement_file_text(&kept(&s));
        let back = Engagement::parse(&text, grid).expect("valid").value;
        assert!(dropped_reasons_given(&back));
        assert_eq!(back.actions[0].status, ActionStatus::Done);
        assert_eq!(
            back.actions[0].evidence,
            [
                "Minutes of the board, 2026-05-04",
                "https://example.org/report.pdf"
            ]
        );
        assert_eq!(back.actions[1].status, ActionStatus::InProgress);
        assert_eq!(
            back.actions[2].dropped_reason.as_deref(),
            Some("Replaced by A1.")
        );
        assert_eq!(back.updated.as_deref(), Some(AT));
        assert_eq!(back.reviews, engagement_of(&kept(&imported())).reviews);
        // Back to planned: the reason for dropping goes.
        let s = edit(
            s,
            EngagementEdit::Status {
                action: 2,
                status: ActionStatus::Planned,
            },
        );
        assert_eq!(engagement_of(&kept(&s)).actions[2].dropped_reason, None);
        // Nothing of the file went into the answer sheet.
        assert_eq!(s.current().map(|a| a.sheet.clone()), sheet);
        // Kept across a reload.
        match decode(&encode(&s)) {
            Loaded::State(back) => assert_eq!(
                back.current().and_then(|a| a.engagement.clone()),
                Some(kept(&s))
            ),
            other => panic!("{other:?}"),
        }
        let s = edit(s, EngagementEdit::Remove);
        assert_eq!(s.current().and_then(|a| a.engagement.clone()), None);
    }
}
