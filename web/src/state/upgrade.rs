//! Moving an assessment to a later version of its grid: which version that is
//! ([`upgrade_target`]) and what the move changed ([`UpgradeNote`], shown on the copy until the
//! user dismisses it). The move itself is the reducer's `Action::Upgrade`.

use serde::{Deserialize, Serialize};
use vigilance_model::{AnswerSheet, Questionnaire};

/// What moving an assessment to a later version of its grid changed (`vigilance_model::migrate`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpgradeNote {
    /// The version the answers come from.
    pub from_version: String,
    /// Questions whose answers were carried over.
    pub carried: Vec<String>,
    /// Questions whose answers were not carried over (revised, or no longer allowed): to answer
    /// again.
    pub revised: Vec<String>,
    /// New questions, unanswered.
    pub added: Vec<String>,
}

impl UpgradeNote {
    pub(super) fn of(from_version: &str, m: &vigilance_model::migrate::Migration) -> UpgradeNote {
        use vigilance_model::migrate::Outcome;
        let mut note = UpgradeNote {
            from_version: from_version.to_string(),
            ..UpgradeNote::default()
        };
        for c in &m.changes {
            let list = match c.outcome {
                Outcome::Carried | Outcome::CarriedReworded => &mut note.carried,
                Outcome::DroppedRevised | Outcome::DroppedInvalid => &mut note.revised,
                Outcome::Added => &mut note.added,
                Outcome::DroppedRemoved => continue,
            };
            if !list.contains(&c.question) {
                list.push(c.question.clone());
            }
        }
        note
    }
}

/// The later built-in version of the grid `sheet` is on, when there is one (and `sheet`'s own
/// version is built in, so that the answers can be moved).
pub fn upgrade_target(sheet: &AnswerSheet) -> Option<&'static Questionnaire> {
    let r = &sheet.questionnaire;
    let latest = vigilance_grids::registry::latest(&r.id)?;
    (vigilance_grids::registry::find(&r.id, &r.version).is_some()
        && vigilance_model::mapping::compare_versions(&latest.version, &r.version).is_gt())
    .then_some(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{answer, apply, exemple_sa, grid_1_0};
    use crate::state::{Action, Comparison};
    use vigilance_model::{AnswerValue, Track};

    #[test]
    fn an_assessment_keeps_its_grid_and_upgrades_to_a_copy() {
        let s = answer(exemple_sa(grid_1_0()), "Q12", Track::CL, AnswerValue::Yes);
        let s = answer(s, "Q01", Track::CL, AnswerValue::Yes);
        let old = s.current;
        let old_id = old.unwrap_or_default();
        assert_eq!(
            s.current().map(|a| a.sheet.questionnaire.version.as_str()),
            Some("1.0.0")
        );
        let s = apply(s, Action::Upgrade(old_id));
        assert_eq!(s.assessments.len(), 2);
        assert_ne!(s.current, old);
        let copy = s.current().cloned();
        let copy = copy.unwrap_or_else(|| panic!("no copy"));
        assert_eq!(copy.sheet.questionnaire.version, "1.2.0");
        let note = copy.upgrade.unwrap_or_default();
        assert_eq!(note.from_version, "1.0.0");
        assert!(note.carried.contains(&"Q01".to_string()));
        assert!(note.revised.contains(&"Q12".to_string()));
        assert!(note.added.contains(&"Q34".to_string()));
        assert_eq!(copy.comparison, Some(Comparison::Saved { id: old_id }));
        // The 1.0.0 assessment is kept as it was.
        let kept = s.get(old_id).map(|a| a.sheet.questionnaire.version.clone());
        assert_eq!(kept.as_deref(), Some("1.0.0"));
        // The copy cannot be upgraded again; a new one starts on the default grid.
        assert!(upgrade_target(&copy.sheet).is_none());
    }
}
