//! The engagement file an analyst sent for an assessment (`vigilance.engagement/1`, issue 21):
//! kept with the assessment, never mixed into its answer sheet, and what the company may change
//! in it ([`EngagementEdit`]: an action's status, the reason for dropping it, its evidence).
//!
//! The file is read and checked when imported, what it means for the answers is computed, and
//! the file is written back, all by the on-demand module (the engagement crate's own reader,
//! scoring as reviewed and writer: `vigilance_web_module::{read_engagement, engagement_view,
//! export_engagement}`). The app keeps it as the JSON that reader wrote (a `serde_json::Value`,
//! which the app already reads and writes) and edits it in place, setting fields only (a
//! field cleared is `null` or `[]`, which the writer leaves out), so that the first download
//! carries neither the format's types nor a second copy of its rules.

use super::AppState;
use serde_json::Value;
use vigilance_engagement::ActionStatus;

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
        let (index, status, field) = match edit {
            EngagementEdit::Import(v) => {
                a.engagement = Some(v);
                return;
            }
            EngagementEdit::Remove => {
                a.engagement = None;
                return;
            }
            EngagementEdit::Status { action, status } => {
                (action, Some(status), ("status", Value::from(status.code())))
            }
            EngagementEdit::DroppedReason { action, text } => (
                action,
                None,
                (
                    "dropped_reason",
                    if text.trim().is_empty() {
                        Value::Null
                    } else {
                        Value::from(text)
                    },
                ),
            ),
            EngagementEdit::Evidence { action, text } => (
                action,
                None,
                (
                    "evidence",
                    Value::Array(
                        text.lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(Value::from)
                            .collect(),
                    ),
                ),
            ),
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
        action.insert(field.0.to_string(), field.1);
        // An action no longer dropped loses the reason for dropping it.
        if status.is_some_and(|s| s != ActionStatus::Dropped) {
            action.insert("dropped_reason".into(), Value::Null);
        }
        if let (Some(at), Some(file)) = (at, file.as_object_mut()) {
            file.insert("updated".into(), Value::from(at));
        }
    }
}

/// The text of `key` in `v` (empty when absent).
pub fn text_of<'v>(v: &'v Value, key: &str) -> &'v str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The actions of a kept file, in order.
pub fn actions_of(file: &Value) -> &[Value] {
    file.get("actions")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Whether some dropped action gives no reason (the file is not valid then: `VG-E03`).
pub fn dropped_without_reason(file: &Value) -> bool {
    actions_of(file).iter().any(|a| {
        text_of(a, "status") == ActionStatus::Dropped.code()
            && text_of(a, "dropped_reason").trim().is_empty()
    })
}

// Natively only: in the browser build the module's readers and writer are not linked in (as in
// the module's own tests, the lints allowed under plain `cfg(test)` are allowed here).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::fixtures::{AT, apply, fresh};
    use crate::state::Action as AppAction;
    use crate::storage::{Loaded, decode, encode};
    use std::rc::Rc;
    use vigilance_engagement::Engagement;
    use vigilance_model::Lang;

    /// The end-to-end test's example sheet imported, and its engagement file kept with it.
    fn imported() -> Rc<AppState> {
        let text = include_str!("../../../questionnaires/examples/04-level2-construction.json");
        let parts = vigilance_web_module::read_answer_parts("04.json", text.as_bytes(), Lang::En);
        let sheet = match &parts[0].result {
            Ok(read) => read.sheet.clone(),
            Err(e) => panic!("{e}"),
        };
        let s = apply(fresh(), AppAction::Import(vec![sheet], Default::default()));
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

    /// The file as the company sends it back (written by the on-demand module).
    fn exported(s: &AppState) -> Result<String, String> {
        vigilance_web_module::export_engagement(&kept(s), Lang::En)
    }

    #[test]
    fn the_company_updates_the_plan_and_exports_a_valid_file_its_answers_untouched() {
        let grid = vigilance_grids::registry::find("rhsf-fir", "1.2.0").expect("1.2.0");
        let s = imported();
        let sheet = s.current().map(|a| a.sheet.clone());
        let original = Engagement::parse(&exported(&s).expect("valid"), grid)
            .expect("valid")
            .value;
        assert_eq!(original.actions.len(), 3);
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
        assert!(dropped_without_reason(&kept(&s)));
        let e = exported(&s).expect_err("a dropped action without its reason");
        assert!(e.contains("/actions/2/status"), "{e}");
        let s = edit(
            s,
            EngagementEdit::DroppedReason {
                action: 2,
                text: "Replaced by A1.".into(),
            },
        );
        assert!(!dropped_without_reason(&kept(&s)));
        let back = Engagement::parse(&exported(&s).expect("valid"), grid)
            .expect("valid")
            .value;
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
        assert_eq!(back.reviews, original.reviews);
        // Back to planned, evidence cleared: the reason and the evidence go.
        let s = edit(
            s,
            EngagementEdit::Status {
                action: 2,
                status: ActionStatus::Planned,
            },
        );
        let s = edit(
            s,
            EngagementEdit::Evidence {
                action: 0,
                text: " \n".into(),
            },
        );
        let text = exported(&s).expect("valid");
        let back = Engagement::parse(&text, grid).expect("valid").value;
        assert_eq!(back.actions[2].dropped_reason, None);
        assert!(back.actions[0].evidence.is_empty());
        assert!(!text.contains("null"), "{text}");
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
