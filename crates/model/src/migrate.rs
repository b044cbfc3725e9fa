//! Moving an answer sheet to a later version of its grid: which answers carry over (questions
//! unchanged or only reworded since the sheet's version), which do not (questions revised,
//! removed, or whose new rules refuse the old answer), and which questions are new and left
//! unanswered, so that the migrated result is provisional until they are answered.
//!
//! The change log each question carries (`changes`, see [`crate::mapping::Change`]) decides:
//! a `revised` entry after the sheet's version means the old answer no longer answers the
//! question.

use crate::answers::{AnswerSheet, QuestionnaireRef, TrackAnswers};
use crate::codes::{AnswerValue, Track};
use crate::mapping::{ChangeKind, compare_versions};
use crate::messages::Msg;
use crate::questionnaire::Questionnaire;
use crate::text::Lang;
use std::cmp::Ordering;

/// Why a migration cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrateError {
    /// The two grids are different grids, not two versions of one.
    OtherGrid {
        /// The sheet's grid.
        from: String,
        /// The target grid.
        to: String,
    },
    /// The target is not later than the sheet's version.
    NotLater {
        /// The sheet's version.
        from: String,
        /// The target version.
        to: String,
    },
}

impl std::fmt::Display for MigrateError {
    /// The English sentence.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MigrateError {}

impl MigrateError {
    /// The sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (msg, from, to) = match self {
            MigrateError::OtherGrid { from, to } => (Msg::MigrateOtherGrid, from, to),
            MigrateError::NotLater { from, to } => (Msg::MigrateNotLater, from, to),
        };
        msg.fill(lang, &[("from", from), ("to", to)])
    }
}

/// What happened to one question's answer for one track.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// The question is unchanged: the answer is carried over.
    Carried,
    /// The question was reworded (same meaning): the answer is carried over.
    CarriedReworded,
    /// The question's meaning or bar changed: the answer is not carried over.
    DroppedRevised,
    /// The question no longer takes this answer (`partial` or `na` no longer allowed, track
    /// no longer asked): the answer is not carried over.
    DroppedInvalid,
    /// The question no longer exists in the target version.
    DroppedRemoved,
    /// The question is new: it is left unanswered.
    Added,
}

impl Outcome {
    /// The stable code (`carried`, `carried_reworded`, `dropped_revised`, `dropped_invalid`,
    /// `dropped_removed`, `added`).
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Carried => "carried",
            Outcome::CarriedReworded => "carried_reworded",
            Outcome::DroppedRevised => "dropped_revised",
            Outcome::DroppedInvalid => "dropped_invalid",
            Outcome::DroppedRemoved => "dropped_removed",
            Outcome::Added => "added",
        }
    }

    /// What it means, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Carried => Msg::MigrateCarried,
            Outcome::CarriedReworded => Msg::MigrateCarriedReworded,
            Outcome::DroppedRevised => Msg::MigrateDroppedRevised,
            Outcome::DroppedInvalid => Msg::MigrateDroppedInvalid,
            Outcome::DroppedRemoved => Msg::MigrateDroppedRemoved,
            Outcome::Added => Msg::MigrateAdded,
        }
        .text(lang)
    }

    /// The answer is in the migrated sheet.
    pub fn is_carried(self) -> bool {
        matches!(self, Outcome::Carried | Outcome::CarriedReworded)
    }
}

/// One line of a migration report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The question's id.
    pub question: String,
    /// The track (for `Added`, each track the new question is asked for).
    pub track: Track,
    /// What happened.
    pub outcome: Outcome,
}

/// A sheet moved to a later version, and what happened to each answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Migration {
    /// The migrated sheet (it names the target version).
    pub sheet: AnswerSheet,
    /// Every question and track that was answered before, or is new, in target form order
    /// (removed questions last).
    pub changes: Vec<Change>,
}

impl Migration {
    /// How many changes have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.changes.iter().filter(|c| c.outcome == outcome).count()
    }
}

/// The strongest change a question went through after `since` up to its grid's version.
fn change_since(q: &crate::questionnaire::Question, since: &str) -> Option<ChangeKind> {
    q.changes
        .iter()
        .filter(|c| compare_versions(&c.version, since) == Ordering::Greater)
        .map(|c| c.kind)
        .max_by_key(|k| match k {
            ChangeKind::Reworded => 0,
            ChangeKind::Revised => 1,
            ChangeKind::Added => 2,
        })
}

/// Moves `sheet`, answered on `from`, to `to` (a later version of the same grid).
pub fn migrate(
    sheet: &AnswerSheet,
    from: &Questionnaire,
    to: &Questionnaire,
) -> Result<Migration, MigrateError> {
    if from.id != to.id {
        return Err(MigrateError::OtherGrid {
            from: from.id.clone(),
            to: to.id.clone(),
        });
    }
    if compare_versions(&to.version, &from.version) != Ordering::Greater {
        return Err(MigrateError::NotLater {
            from: from.version.clone(),
            to: to.version.clone(),
        });
    }
    let mut out = sheet.clone();
    out.questionnaire = QuestionnaireRef {
        id: to.id.clone(),
        version: to.version.clone(),
    };
    out.answers.clear();
    let mut changes = Vec::new();
    for q in &to.questions {
        let old = from.question(&q.id);
        let kind = change_since(q, &from.version);
        let Some(old_q) = old.filter(|_| kind != Some(ChangeKind::Added)) else {
            for &track in &q.tracks {
                changes.push(Change {
                    question: q.id.clone(),
                    track,
                    outcome: Outcome::Added,
                });
            }
            continue;
        };
        let Some(answers) = sheet.answers.get(&q.id) else {
            continue;
        };
        let mut kept = TrackAnswers::default();
        for track in Track::ALL {
            let Some(a) = answers.get(track) else {
                continue;
            };
            let allowed = q.has_track(track)
                && old_q.has_track(track)
                && match a.value {
                    AnswerValue::Partial => q.allows_partial(),
                    AnswerValue::Na => q.allows_na(),
                    _ => true,
                };
            let outcome = match kind {
                Some(ChangeKind::Revised) | Some(ChangeKind::Added) => Outcome::DroppedRevised,
                _ if !allowed => Outcome::DroppedInvalid,
                Some(ChangeKind::Reworded) => Outcome::CarriedReworded,
                None => Outcome::Carried,
            };
            if outcome.is_carried() {
                *kept.slot(track) = Some(a.clone());
            }
            changes.push(Change {
                question: q.id.clone(),
                track,
                outcome,
            });
        }
        if kept.cl.is_some() || kept.fl.is_some() {
            out.answers.insert(q.id.clone(), kept);
        }
    }
    for (id, answers) in &sheet.answers {
        if to.question(id).is_none() {
            for track in Track::ALL {
                if answers.get(track).is_some() {
                    changes.push(Change {
                        question: id.clone(),
                        track,
                        outcome: Outcome::DroppedRemoved,
                    });
                }
            }
        }
    }
    Ok(Migration {
        sheet: out,
        changes,
    })
}
