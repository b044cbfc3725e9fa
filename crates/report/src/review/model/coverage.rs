//! The regulation coverage the review reports: per requirement, the cohort's companies per
//! status ([`Cohort::coverage`]), and per company the requirements met, partly met and not
//! met, the tracks taken together ([`company_coverage`]).

use super::Cohort;
use crate::coverage::{RequirementStatus, grid_coverage, sheet_coverage};
use crate::questionnaire::Questionnaire;
use crate::review::CompanyResult;
use std::collections::BTreeMap;

impl Cohort<'_> {
    /// The regulation coverage of the companies scored on `g` (one version): per requirement
    /// of the grid (framework, then requirement order), per track of the grid, `None` when no
    /// question covers it for the track, else the companies per status (in
    /// [`RequirementStatus::ALL`] order).
    pub fn coverage(&self, g: &Questionnaire) -> Vec<CoverageRow> {
        let mut rows: Vec<CoverageRow> = grid_coverage(g)
            .into_iter()
            .map(|r| CoverageRow {
                framework: r.framework,
                requirement: r.requirement,
                counts: g
                    .track_codes()
                    .iter()
                    .map(|&t| r.is_covered(t).then_some([0; 5]))
                    .collect(),
            })
            .collect();
        for m in self
            .companies
            .iter()
            .filter(|m| same_grid(m.result.grid, g))
        {
            for res in sheet_coverage(g, &m.result.assessment) {
                let Some(row) = rows
                    .iter_mut()
                    .find(|r| r.framework == res.framework && r.requirement == res.requirement)
                else {
                    continue;
                };
                let Some(ti) = g.track_codes().iter().position(|&t| t == res.track) else {
                    continue;
                };
                if let Some(Some(c)) = row.counts.get_mut(ti) {
                    c[status_index(res.status)] += 1;
                }
            }
        }
        rows
    }
}

/// The cohort's counts for one requirement: see [`Cohort::coverage`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// Per track of the grid: `None` when not covered, else companies per status.
    pub counts: Vec<Option<[usize; 5]>>,
}

/// The position of `s` in [`RequirementStatus::ALL`].
pub fn status_index(s: RequirementStatus) -> usize {
    RequirementStatus::ALL
        .iter()
        .position(|&x| x == s)
        .unwrap_or(0)
}

/// Whether two grids are the same id and version.
pub fn same_grid(a: &Questionnaire, b: &Questionnaire) -> bool {
    std::ptr::eq(a, b) || (a.id == b.id && a.version == b.version)
}

/// A company's status per requirement of each framework of its own grid, the tracks taken
/// together: met when met on every track that covers it, not met when not met (or not answered)
/// on every answered track, partly met otherwise; requirements not applicable or not answered
/// on every track are left out. Returns, per framework (grid order), the requirements met,
/// partly met and not met.
pub fn company_coverage(r: &CompanyResult) -> Vec<[usize; 3]> {
    let g = r.grid;
    let mut per: BTreeMap<(usize, usize), Vec<RequirementStatus>> = BTreeMap::new();
    for res in sheet_coverage(g, &r.assessment) {
        per.entry((res.framework, res.requirement))
            .or_default()
            .push(res.status);
    }
    let mut out = vec![[0usize; 3]; g.frameworks.len()];
    for ((f, _), statuses) in per {
        let answered: Vec<RequirementStatus> = statuses
            .into_iter()
            .filter(|s| {
                !matches!(
                    s,
                    RequirementStatus::NotApplicable | RequirementStatus::NotAnswered
                )
            })
            .collect();
        if answered.is_empty() {
            continue;
        }
        let k = if answered.iter().all(|&s| s == RequirementStatus::Met) {
            0
        } else if answered.iter().all(|&s| s == RequirementStatus::NotMet) {
            2
        } else {
            1
        };
        if let Some(slot) = out.get_mut(f) {
            slot[k] += 1;
        }
    }
    out
}
