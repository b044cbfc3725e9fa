//! Regulation coverage: which requirements of each framework a grid's questions cover (per
//! track), and, for a scored sheet, each covered requirement's status per track (met, partly
//! met, not met, not answered, not applicable), derived from the scored answers of the
//! questions mapped to it by the exact rule of docs/method.md.
//!
//! Coverage is information for the reader, never a legal opinion: a requirement "met" here means
//! that the questions mapped to it earn their full point, not that a company complies with the
//! law.

use crate::codes::Track;
use crate::messages::Msg;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;
use crate::text::Lang;
use std::collections::HashMap;

/// The status of one requirement for one track of a scored sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RequirementStatus {
    /// Every applicable question mapped to the requirement earns its full point.
    Met,
    /// Some, not all, of the points of the applicable mapped questions are earned.
    PartlyMet,
    /// The mapped questions are answered and earn no point.
    NotMet,
    /// No applicable mapped question is answered yet.
    NotAnswered,
    /// Every mapped question is answered `na`.
    NotApplicable,
}

impl RequirementStatus {
    /// Every status, in report order.
    pub const ALL: [RequirementStatus; 5] = [
        RequirementStatus::Met,
        RequirementStatus::PartlyMet,
        RequirementStatus::NotMet,
        RequirementStatus::NotAnswered,
        RequirementStatus::NotApplicable,
    ];

    /// The stable code used in files (`met`, `partly_met`, `not_met`, `not_answered`,
    /// `not_applicable`).
    pub fn code(self) -> &'static str {
        match self {
            RequirementStatus::Met => "met",
            RequirementStatus::PartlyMet => "partly_met",
            RequirementStatus::NotMet => "not_met",
            RequirementStatus::NotAnswered => "not_answered",
            RequirementStatus::NotApplicable => "not_applicable",
        }
    }

    /// The status read from its code.
    pub fn from_code(code: &str) -> Option<RequirementStatus> {
        RequirementStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The status's catalogue entry.
    pub fn msg(self) -> Msg {
        match self {
            RequirementStatus::Met => Msg::CoverageMet,
            RequirementStatus::PartlyMet => Msg::CoveragePartlyMet,
            RequirementStatus::NotMet => Msg::CoverageNotMet,
            RequirementStatus::NotAnswered => Msg::CoverageNotAnswered,
            RequirementStatus::NotApplicable => Msg::CoverageNotApplicable,
        }
    }

    /// The status's label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.msg().text(lang)
    }
}

/// The sentence shown wherever coverage is shown.
pub fn disclaimer(lang: Lang) -> &'static str {
    Msg::CoverageDisclaimer.text(lang)
}

/// A requirement of a framework with the questions of the grid mapped to it, per track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementMap {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// Positions of the questions mapped to it that are asked for CL and for FL (indexed by
    /// `Track::index`), in form order.
    pub questions: [Vec<usize>; 2],
}

impl RequirementMap {
    /// The questions mapped to the requirement for `track`.
    pub fn questions_for(&self, track: Track) -> &[usize] {
        &self.questions[track.index()]
    }

    /// Some question covers the requirement for `track`.
    pub fn is_covered(&self, track: Track) -> bool {
        !self.questions[track.index()].is_empty()
    }
}

/// Every requirement of every framework of the grid, with the questions mapped to it per
/// track, in the order the grid lists frameworks and requirements.
pub fn grid_coverage(questionnaire: &Questionnaire) -> Vec<RequirementMap> {
    let mut out = Vec::new();
    // Where each (framework, requirement) sits in `out`, so that every mapping is placed once
    // (this runs for every scored sheet: it must not scan the questions per requirement).
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for (fi, f) in questionnaire.frameworks.iter().enumerate() {
        for (ri, r) in f.requirements.iter().enumerate() {
            at.insert((f.id.as_str(), r.reference.as_str()), out.len());
            out.push(RequirementMap {
                framework: fi,
                requirement: ri,
                questions: Default::default(),
            });
        }
    }
    for (qi, q) in questionnaire.questions.iter().enumerate() {
        for m in &q.mappings {
            let Some(&k) = at.get(&(m.framework.as_str(), m.reference.as_str())) else {
                continue;
            };
            for &t in &q.tracks {
                let list = &mut out[k].questions[t.index()];
                if m.holds_for(t, &q.tracks) && list.last() != Some(&qi) {
                    list.push(qi);
                }
            }
        }
    }
    out
}

/// How many requirements of a framework the grid covers for a track.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameworkCount {
    /// Requirements with at least one question mapped to them for the track.
    pub covered: usize,
    /// Requirements the framework lists.
    pub total: usize,
}

/// Per framework (grid order), how many requirements are covered for `track`.
pub fn framework_counts(questionnaire: &Questionnaire, track: Track) -> Vec<FrameworkCount> {
    let mut counts = vec![FrameworkCount::default(); questionnaire.frameworks.len()];
    for r in grid_coverage(questionnaire) {
        counts[r.framework].total += 1;
        if r.is_covered(track) {
            counts[r.framework].covered += 1;
        }
    }
    counts
}

/// The status of a covered requirement for one track of a scored sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementResult {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// The track.
    pub track: Track,
    /// The status.
    pub status: RequirementStatus,
    /// The questions mapped to the requirement for the track (positions, form order).
    pub questions: Vec<usize>,
}

/// The status of `questions` (positions of the questions mapped to one requirement for
/// `track`) in `assessment`: the rule of docs/method.md.
pub fn status_of(assessment: &Assessment, track: Track, questions: &[usize]) -> RequirementStatus {
    let Some(result) = assessment.track(track) else {
        return RequirementStatus::NotAnswered;
    };
    let scores: Vec<_> = questions
        .iter()
        .filter_map(|&qi| result.answer(qi))
        .filter(|s| s.points().is_some())
        .collect();
    if scores.is_empty() {
        return RequirementStatus::NotApplicable;
    }
    if scores.iter().all(|s| s.value().is_none()) {
        return RequirementStatus::NotAnswered;
    }
    if scores.iter().all(|s| s.value().is_some() && s.is_full()) {
        return RequirementStatus::Met;
    }
    if scores.iter().any(|s| s.points().is_some_and(|p| p > 0.0)) {
        RequirementStatus::PartlyMet
    } else {
        RequirementStatus::NotMet
    }
}

/// Every covered requirement's status per track for a scored sheet, in grid order (framework,
/// requirement, then CL before FL). Requirements no question covers for a track are left out.
pub fn sheet_coverage(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
) -> Vec<RequirementResult> {
    let mut out = Vec::new();
    for r in grid_coverage(questionnaire) {
        for &track in questionnaire.track_codes() {
            let questions = r.questions_for(track);
            if questions.is_empty() {
                continue;
            }
            out.push(RequirementResult {
                framework: r.framework,
                requirement: r.requirement,
                track,
                status: status_of(assessment, track, questions),
                questions: questions.to_vec(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_round_trip() {
        for s in RequirementStatus::ALL {
            assert_eq!(RequirementStatus::from_code(s.code()), Some(s));
            assert!(!s.label(Lang::Fr).is_empty() && !s.label(Lang::En).is_empty());
        }
    }
}
