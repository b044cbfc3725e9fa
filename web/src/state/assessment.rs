//! One assessment kept in the browser ([`SavedAssessment`]) and what is read from it: the sheet
//! as scored and exported ([`accepted`]: an `na` without justification left out), the company
//! profile the user edits ([`Profile`]), and progress through the grid ([`progress`],
//! [`first_unanswered`]).

use super::Comparison;
use super::UpgradeNote;
use serde::{Deserialize, Serialize};
use vigilance_model::{
    Answer, AnswerSheet, AnswerValue, Company, Lang, Level, Questionnaire, Track,
};
use vigilance_text::Web;

/// One assessment kept in the browser: an answer sheet and where the user stands in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedAssessment {
    /// Stable id within this browser.
    pub id: u32,
    /// The answers (an unjustified `na` included, see [`SavedAssessment::accepted_sheet`]).
    pub sheet: AnswerSheet,
    /// The level tab open in the questionnaire.
    #[serde(default = "first_level")]
    pub level: Level,
    /// The theme filter (`None`: all themes, one level at a time).
    #[serde(default)]
    pub theme: Option<String>,
    /// Preview the substantiated (investor) view.
    #[serde(default)]
    pub substantiated: bool,
    /// The earlier assessment to compare with.
    #[serde(default)]
    pub comparison: Option<Comparison>,
    /// When this assessment is the copy of an assessment moved to a later version of its grid:
    /// what changed (shown until the user dismisses it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade: Option<UpgradeNote>,
    /// The copy made of this assessment on a later version of its grid, if one was made: the
    /// upgrade is offered once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgraded_to: Option<u32>,
    /// The comment and evidence of answers the user cleared, by `question/track`: "Clear
    /// answer" clears the value only, and these come back with the next value chosen (an
    /// answer sheet holds no notes without an answer, so they are kept here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept_notes: Vec<(String, Answer)>,
    /// The engagement file the analyst sent for this assessment (`vigilance.engagement/1`, as
    /// the on-demand module read it), with the company's changes to the action plan; never
    /// written into the answer sheet (see `engagement.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement: Option<serde_json::Value>,
    /// The documents attached to its answers (their bytes in the browser's IndexedDB).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<super::Document>,
}

/// The key of an answer in [`SavedAssessment::kept_notes`].
pub fn notes_key(question: &str, track: Track) -> String {
    format!("{question}/{}", track.code())
}

fn first_level() -> Level {
    Level::N1
}

impl SavedAssessment {
    /// Whether a cleared answer left notes under `key` ([`notes_key`]).
    pub fn has_kept_notes(&self, key: &str) -> bool {
        self.kept_notes.iter().any(|(k, _)| k == key)
    }

    /// Takes the notes kept under `key`.
    pub(super) fn take_kept_notes(&mut self, key: &str) -> Option<Answer> {
        let i = self.kept_notes.iter().position(|(k, _)| k == key)?;
        Some(self.kept_notes.remove(i).1)
    }

    /// The sheet as scored and exported: an `na` without justification is left out.
    pub fn accepted_sheet(&self) -> AnswerSheet {
        accepted(&self.sheet)
    }

    /// A short name for lists: company and period.
    pub fn title(&self, lang: Lang) -> String {
        sheet_title(&self.sheet, lang)
    }
}

/// The `na` answers of `sheet` given without their justification (question, track, in the
/// grid's order of ids): kept on screen, shown as such in the results, and left out of what is
/// scored and exported ([`accepted`]), which says so next to the downloads.
pub fn unjustified_na(sheet: &AnswerSheet) -> Vec<(String, Track)> {
    let mut out = Vec::new();
    for (id, t) in &sheet.answers {
        for track in Track::ALL {
            if t.get(track)
                .is_some_and(|a| a.value == AnswerValue::Na && !a.is_justified())
            {
                out.push((id.clone(), track));
            }
        }
    }
    out
}

/// A short name for `sheet` in lists: company and period.
pub fn sheet_title(sheet: &AnswerSheet, lang: Lang) -> String {
    let name = sheet.company.name.trim();
    let name = if name.is_empty() {
        Web::Untitled.text(lang)
    } else {
        name
    };
    match sheet.period.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => format!("{name} — {p}"),
        _ => name.to_string(),
    }
}

/// `sheet` without its unjustified `na` answers.
pub fn accepted(sheet: &AnswerSheet) -> AnswerSheet {
    let mut out = sheet.clone();
    for t in out.answers.values_mut() {
        for track in Track::ALL {
            let slot = t.slot(track);
            if slot
                .as_ref()
                .is_some_and(|a| a.value == AnswerValue::Na && !a.is_justified())
            {
                *slot = None;
            }
        }
    }
    out.answers.retain(|_, t| t.cl.is_some() || t.fl.is_some());
    // A NACE code still being typed (not yet a valid code) is left out, a valid one normalised.
    out.company.nace = out.company.nace().map(|code| code.to_string());
    out
}

/// Whether `answer` counts (given, and justified when `na`).
pub fn is_accepted(answer: Option<&Answer>) -> bool {
    answer.is_some_and(|a| a.value != AnswerValue::Na || a.is_justified())
}

/// The company profile fields a user edits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// Company name.
    pub name: String,
    /// Sector.
    pub sector: String,
    /// Country.
    pub country: String,
    /// Period (e.g. `2025`).
    pub period: String,
    /// Identifier (LEI, ISIN).
    pub id: String,
    /// NACE Rev. 2 section or division, as typed (only a valid code is scored and exported).
    pub nace: String,
    /// The buyer asking (light grid).
    pub buyer: String,
    /// Supplier tier: `1`, `2` or `3+` (light grid).
    pub tier: String,
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl Profile {
    /// The profile of `sheet`.
    pub fn of(sheet: &AnswerSheet) -> Profile {
        let c = &sheet.company;
        Profile {
            name: c.name.clone(),
            sector: c.sector.clone().unwrap_or_default(),
            country: c.country.clone().unwrap_or_default(),
            period: sheet.period.clone().unwrap_or_default(),
            id: c.id.clone().unwrap_or_default(),
            nace: c.nace.clone().unwrap_or_default(),
            buyer: c.buyer.clone().unwrap_or_default(),
            tier: c.tier.clone().unwrap_or_default(),
        }
    }

    pub(super) fn apply(&self, sheet: &mut AnswerSheet) {
        sheet.company = Company {
            name: self.name.trim().to_string(),
            sector: opt(&self.sector),
            country: opt(&self.country),
            id: opt(&self.id),
            nace: opt(&self.nace),
            buyer: opt(&self.buyer),
            tier: opt(&self.tier),
        };
        sheet.period = opt(&self.period);
    }
}

/// Progress: answers accepted over answers expected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Accepted answers.
    pub answered: u32,
    /// Expected answers.
    pub total: u32,
}

impl Progress {
    /// Whether every expected answer is given.
    pub fn is_complete(&self) -> bool {
        self.answered >= self.total
    }
}

/// Progress of `sheet` for `track`, over one level or (with `None`) the whole grid.
pub fn progress(
    questionnaire: &Questionnaire,
    sheet: &AnswerSheet,
    track: Option<Track>,
    level: Option<Level>,
) -> Progress {
    let mut p = Progress::default();
    for q in &questionnaire.questions {
        if level.is_some_and(|l| l != q.level) {
            continue;
        }
        for t in &q.tracks {
            if track.is_some_and(|x| x != *t) {
                continue;
            }
            p.total += 1;
            if is_accepted(sheet.answer(&q.id, *t)) {
                p.answered += 1;
            }
        }
    }
    p
}

/// The first (question, track) without an accepted answer, in form order.
pub fn first_unanswered(
    questionnaire: &Questionnaire,
    sheet: &AnswerSheet,
) -> Option<(String, Track)> {
    questionnaire.questions.iter().find_map(|q| {
        q.tracks
            .iter()
            .find(|t| !is_accepted(sheet.answer(&q.id, **t)))
            .map(|t| (q.id.clone(), *t))
    })
}

/// The first (question, track) without an accepted answer after `after` in form order (from the
/// start when `after` is `None`), wrapping round to the start of the grid.
pub fn next_unanswered(
    questionnaire: &Questionnaire,
    sheet: &AnswerSheet,
    after: Option<(&str, Track)>,
) -> Option<(String, Track)> {
    let slots: Vec<(&str, Track)> = questionnaire
        .questions
        .iter()
        .flat_map(|q| q.tracks.iter().map(move |t| (q.id.as_str(), *t)))
        .collect();
    let start = after
        .and_then(|a| slots.iter().position(|s| *s == a))
        .map_or(0, |i| i + 1);
    slots[start..]
        .iter()
        .chain(&slots[..start])
        .find(|(q, t)| !is_accepted(sheet.answer(q, *t)))
        .map(|(q, t)| (q.to_string(), *t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{answer, apply, exemple_sa, fresh, grid_1_0};
    use crate::grids;
    use crate::state::Action;
    use vigilance_model::answers::QuestionnaireRef;

    #[test]
    fn a_supplier_on_the_light_grid_keeps_buyer_tier_and_a_valid_nace_only() {
        let light = QuestionnaireRef {
            id: "rhsf-fir-sme".into(),
            version: "1.0.0".into(),
        };
        let s = apply(
            fresh(),
            Action::Create(
                Profile {
                    name: "Fournisseur SARL".into(),
                    buyer: "Acheteur SA".into(),
                    tier: "2".into(),
                    nace: "1".into(),
                    ..Profile::default()
                },
                light,
            ),
        );
        let a = s
            .current()
            .cloned()
            .unwrap_or_else(|| panic!("no assessment"));
        assert_eq!(a.sheet.company.buyer.as_deref(), Some("Acheteur SA"));
        assert_eq!(a.sheet.company.tier.as_deref(), Some("2"));
        // "1" is not yet a NACE code: kept as typed, left out of what is scored and exported.
        assert_eq!(a.sheet.company.nace.as_deref(), Some("1"));
        assert_eq!(a.accepted_sheet().company.nace, None);
        let s = apply(
            s,
            Action::UpdateProfile(Profile {
                nace: "14".into(),
                ..Profile::of(&a.sheet)
            }),
        );
        let a = s
            .current()
            .cloned()
            .unwrap_or_else(|| panic!("no assessment"));
        assert_eq!(a.accepted_sheet().company.nace.as_deref(), Some("C14"));
        let grid = grids::of_sheet(&a.sheet);
        assert!(a.accepted_sheet().check(grid).iter().all(|p| !p.is_error()));
    }

    #[test]
    fn next_unanswered_follows_form_order() {
        let q = vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap();
        let s = answer(exemple_sa(grid_1_0()), "Q01", Track::CL, AnswerValue::Yes);
        let sheet = s.current().map(|a| a.sheet.clone());
        let sheet = sheet.unwrap_or_else(|| AnswerSheet::new(q));
        assert_eq!(first_unanswered(q, &sheet), Some(("Q01".into(), Track::FL)));
        // From an answer further on, the next gap after it, then round to the start.
        assert_eq!(
            next_unanswered(q, &sheet, Some(("Q03", Track::CL))),
            Some(("Q04".into(), Track::CL))
        );
        let last = q
            .questions
            .last()
            .map(|x| x.id.as_str())
            .unwrap_or_default();
        assert_eq!(
            next_unanswered(q, &sheet, Some((last, Track::FL))),
            Some(("Q01".into(), Track::FL))
        );
        let p = progress(q, &sheet, Some(Track::CL), Some(Level::N1));
        assert_eq!((p.answered, p.total), (1, 6));
    }
}
