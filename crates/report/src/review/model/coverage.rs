//! The regulation coverage the review reports: per requirement, the cohort's companies per
//! status, or for a framework that only informs, the cohort's linked answers per value
//! ([`Cohort::coverage`]); per company, the requirements per status with the tracks taken
//! together, by the one rule of `vigilance_model::coverage` ([`company_coverage`]).

use super::Cohort;
use crate::codes::{AnswerValue, Track};
use crate::coverage::{LinkedAnswers, company_counts, grid_coverage, linked_values};
use crate::questionnaire::Questionnaire;
use crate::review::CompanyResult;
use std::collections::BTreeSet;

impl Cohort<'_> {
    /// The regulation coverage of the companies scored on `g` (one version): per requirement
    /// of the grid (framework, then requirement order), per track of the grid, `None` when no
    /// question covers it for the track, else the companies per status (in
    /// [`RequirementStatus::ALL`](crate::coverage::RequirementStatus::ALL) order; all zero for
    /// a framework that only informs) and the linked answers per value ([`answer_slot`]).
    pub fn coverage(&self, g: &Questionnaire) -> Vec<CoverageRow> {
        let map = grid_coverage(g);
        let mut rows: Vec<CoverageRow> = map
            .iter()
            .map(|r| CoverageRow {
                framework: r.framework,
                requirement: r.requirement,
                counts: g
                    .track_codes()
                    .iter()
                    .map(|&t| r.is_covered(t).then_some([0; 5]))
                    .collect(),
                answers: g
                    .track_codes()
                    .iter()
                    .map(|&t| r.is_covered(t).then_some([0; 6]))
                    .collect(),
                evidence: g
                    .track_codes()
                    .iter()
                    .map(|&t| r.is_covered(t).then_some((0, 0)))
                    .collect(),
            })
            .collect();
        for m in self
            .companies
            .iter()
            .filter(|m| same_grid(m.result.grid, g))
        {
            let a = &m.result.assessment;
            for (r, row) in map.iter().zip(rows.iter_mut()) {
                for (ti, &t) in g.track_codes().iter().enumerate() {
                    let questions = r.questions_for(t);
                    if questions.is_empty() {
                        continue;
                    }
                    if let (Some(s), Some(Some(c))) = (r.status(g, a, t), row.counts.get_mut(ti)) {
                        c[s.index()] += 1;
                    }
                    if let Some(Some(c)) = row.answers.get_mut(ti) {
                        for v in linked_values(a, t, questions) {
                            c[answer_slot(v)] += 1;
                        }
                    }
                    if let Some(Some((given, with))) = row.evidence.get_mut(ti) {
                        let linked = LinkedAnswers::count(a, t, questions);
                        *given += linked.answered as usize;
                        *with += linked.with_evidence as usize;
                    }
                }
            }
        }
        rows
    }
}

/// The cohort's figures for one requirement: see [`Cohort::coverage`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// Per track of the grid: `None` when not covered, else companies per status.
    pub counts: Vec<Option<[usize; 5]>>,
    /// Per track of the grid: `None` when not covered, else the linked answers of every
    /// company per value ([`answer_slot`]).
    pub answers: Vec<Option<[usize; 6]>>,
    /// Per track of the grid: `None` when not covered, else the linked answers given by the
    /// companies, and how many of them carry evidence.
    pub evidence: Vec<Option<(usize, usize)>>,
}

/// Where a linked answer is counted in [`CoverageRow::answers`]: the order of
/// [`AnswerValue::ALL`], then unanswered last.
pub fn answer_slot(v: Option<AnswerValue>) -> usize {
    v.and_then(|v| AnswerValue::ALL.iter().position(|x| *x == v))
        .unwrap_or(AnswerValue::ALL.len())
}

/// Whether two grids are the same id and version.
pub fn same_grid(a: &Questionnaire, b: &Questionnaire) -> bool {
    std::ptr::eq(a, b) || (a.id == b.id && a.version == b.version)
}

/// A company's requirements per status, the tracks taken together (the one rule of
/// [`crate::coverage::combined`]: a requirement any covering track leaves unanswered is
/// `incomplete`, never counted at full point). Per framework (grid order), the requirements in
/// each status, in [`RequirementStatus::ALL`](crate::coverage::RequirementStatus::ALL) order;
/// all zero for a framework that only informs.
pub fn company_coverage(r: &CompanyResult) -> Vec<[usize; 5]> {
    company_counts(r.grid, &r.assessment)
}

/// Per framework (grid order), the (question, track) pairs linked to any of its requirements:
/// how many are answered, of how many. What a framework that only informs shows for a company.
pub fn company_linked_answers(r: &CompanyResult) -> Vec<(usize, usize)> {
    let g = r.grid;
    let mut pairs: Vec<BTreeSet<(usize, usize)>> = vec![BTreeSet::new(); g.frameworks.len()];
    for m in grid_coverage(g) {
        for &t in g.track_codes() {
            for &qi in m.questions_for(t) {
                if let Some(set) = pairs.get_mut(m.framework) {
                    set.insert((qi, t.index()));
                }
            }
        }
    }
    pairs
        .into_iter()
        .map(|set| {
            let answered = set
                .iter()
                .filter(|&&(qi, ti)| {
                    Track::ALL
                        .get(ti)
                        .and_then(|&t| r.assessment.track(t))
                        .and_then(|tr| tr.answer(qi))
                        .is_some_and(|s| s.value().is_some())
                })
                .count();
            (answered, set.len())
        })
        .collect()
}
