//! The cohort figures of the campaign review, computed once from the scored companies and read
//! by the HTML writer: duplicates set aside, companies matched with the previous campaign, the
//! level distribution, the year-over-year transitions, theme scores, sector groups, the
//! critical questions that block a level, the most common next steps and the targets' status.
//!
//! Nothing here is text for a reader: the words live in the catalogue (`[review]`) and `html`. The sector groups
//! are in `sectors`, the regulation coverage in `coverage`, and every read of the
//! questionnaire's fields in `grid`.

use super::targets::{Target, TargetStatus, TargetTrack, target_status, year_of};
use super::{CompanyResult, ReviewWarning};
use crate::answers::Company;
use crate::codes::{Level, Track};
use crate::mapping::compare_versions;
use crate::questionnaire::Questionnaire;
use crate::scoring::StepReason;
use std::collections::{BTreeMap, HashMap};

mod coverage;
pub mod grid;
mod sectors;

pub use coverage::{CoverageRow, answer_slot, company_coverage, company_linked_answers, same_grid};
pub use sectors::{SectorGroup, SectorKey, SectorPosition, sector_key, sector_of};

/// Sector groups smaller than this are merged into "other sectors" when anonymising.
pub const MIN_GROUP: usize = 3;

/// Next steps per track that a company page shows, and that the cohort's "most common next
/// steps" count.
pub const TOP_STEPS: usize = 2;

/// Next steps a company summary shows (`vigilance report --company`), across its tracks.
pub const SUMMARY_STEPS: usize = 3;

pub use vigilance_results::matching::norm;

/// A name as a reader expects it sorted: accents folded (É with E), case and spacing ignored.
pub fn sort_key(s: &str) -> String {
    norm(s)
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            c => c,
        })
        .collect()
}

use vigilance_results::matching::{DuplicateFinder, company_id};

/// Finds companies of a campaign by identifier, else by name.
struct Directory {
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Directory {
    fn new<'a>(companies: impl Iterator<Item = &'a Company>) -> Directory {
        let mut d = Directory {
            by_id: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (i, c) in companies.enumerate() {
            if let Some(id) = company_id(c) {
                d.by_id.entry(id).or_insert(i);
            }
            if !c.name.trim().is_empty() {
                d.by_name.entry(norm(&c.name)).or_insert(i);
            }
        }
        d
    }

    /// The company with `c`'s identifier, else with its name.
    fn find(&self, c: &Company) -> Option<usize> {
        company_id(c)
            .and_then(|id| self.by_id.get(&id).copied())
            .or_else(|| self.by_name.get(&norm(&c.name)).copied())
    }
}

/// Sets aside the second and later copies of a company (same identifier, else same name) for
/// the same period, with a warning naming both sources. Keeps the first, in the given order.
pub fn without_duplicates(
    results: Vec<CompanyResult>,
    warnings: &mut Vec<ReviewWarning>,
) -> Vec<CompanyResult> {
    let mut kept: Vec<CompanyResult> = Vec::with_capacity(results.len());
    let mut finder = DuplicateFinder::default();
    for r in results {
        if let Some(k) = finder.check(&r.company, r.period.as_deref()) {
            warnings.push(ReviewWarning::Duplicate {
                kept: kept[k].source.clone(),
                dropped: r.source.clone(),
                company: r.company.name.clone(),
                period: r.period.clone(),
            });
            continue;
        }
        kept.push(r);
    }
    kept
}

/// A maturity level (0..=4) of a company for a target track, or its headline.
pub fn level_for(r: &CompanyResult, track: TargetTrack) -> u8 {
    match track {
        TargetTrack::Headline => r.assessment.headline_level,
        TargetTrack::Track(t) => r.assessment.track(t).map_or(0, |t| t.level),
    }
}

/// One company of the campaign with what the review says about it.
#[derive(Clone, Debug)]
pub struct Member<'a> {
    /// Its result.
    pub result: &'a CompanyResult,
    /// Its result in the previous campaign, if found on the same grid (any version).
    pub previous: Option<&'a CompanyResult>,
    /// Its result in the previous campaign when it was scored on another grid (the light grid
    /// then, the full grid now…): found, but not compared.
    pub previous_elsewhere: Option<&'a CompanyResult>,
    /// Its targets and their status.
    pub targets: Vec<(&'a Target, TargetStatus)>,
}

/// Companies that moved up, stayed or moved down on a track (or the headline).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Movement {
    /// Level higher than in the previous campaign.
    pub up: usize,
    /// Same level.
    pub same: usize,
    /// Level lower.
    pub down: usize,
}

/// The campaign's figures.
#[derive(Debug)]
pub struct Cohort<'a> {
    /// The questionnaire.
    pub q: &'a Questionnaire,
    /// The companies, sorted by name.
    pub companies: Vec<Member<'a>>,
    /// Whether a previous campaign was given with sheets on this grid (even if no company
    /// matched).
    pub has_previous: bool,
    /// Whether targets were given.
    pub has_targets: bool,
    /// Companies of the previous campaign, on this grid, that this campaign no longer has
    /// (not found by identifier, else by name), sorted by name.
    pub left: Vec<&'a CompanyResult>,
    /// Targets naming a company that left: they cannot be rated, and say why.
    pub left_targets: Vec<(&'a Target, &'a CompanyResult)>,
}

impl<'a> Cohort<'a> {
    /// Matches `current` (companies scored on versions of one grid, `q` being the latest of
    /// them) with `previous` (a previous result counts only when scored on the same grid, any
    /// version) and `targets`; `found[k]` is set when target `k` names a company of `current`.
    pub fn new(
        q: &'a Questionnaire,
        current: Vec<&'a CompanyResult>,
        previous: Option<&'a [CompanyResult]>,
        targets: &'a [Target],
        fallback_year: Option<i32>,
        found: &mut [bool],
    ) -> Cohort<'a> {
        let directory = previous.map(|p| Directory::new(p.iter().map(|r| &r.company)));
        let mut companies: Vec<Member<'a>> = current
            .into_iter()
            .map(|r| {
                let found = directory
                    .as_ref()
                    .zip(previous)
                    .and_then(|(d, p)| d.find(&r.company).and_then(|i| p.get(i)));
                let same_grid = found.is_some_and(|p| p.grid.id == r.grid.id);
                Member {
                    result: r,
                    previous: found.filter(|_| same_grid),
                    previous_elsewhere: found.filter(|_| !same_grid),
                    targets: Vec::new(),
                }
            })
            .collect();
        let here = Directory::new(companies.iter().map(|m| &m.result.company));
        let mut left: Vec<&'a CompanyResult> = previous
            .unwrap_or(&[])
            .iter()
            .filter(|p| p.grid.id == q.id && here.find(&p.company).is_none())
            .collect();
        left.sort_by(|a, b| {
            sort_key(&a.company.name)
                .cmp(&sort_key(&b.company.name))
                .then_with(|| a.source.cmp(&b.source))
        });
        let mut left_targets = Vec::new();
        for (k, t) in targets.iter().enumerate() {
            for p in &left {
                if t.is_for(p.company.id.as_deref(), &p.company.name) {
                    if let Some(f) = found.get_mut(k) {
                        *f = true;
                    }
                    left_targets.push((t, *p));
                }
            }
            for m in companies.iter_mut() {
                let c = &m.result.company;
                if !t.is_for(c.id.as_deref(), &c.name) {
                    continue;
                }
                if let Some(f) = found.get_mut(k) {
                    *f = true;
                }
                let year = m
                    .result
                    .period
                    .as_deref()
                    .and_then(year_of)
                    .or(fallback_year)
                    .unwrap_or(t.deadline_year);
                let status = target_status(
                    t.level,
                    t.deadline_year,
                    level_for(m.result, t.track),
                    year,
                    m.previous.map(|p| level_for(p, t.track)),
                );
                m.targets.push((t, status));
            }
        }
        companies.sort_by(|a, b| {
            sort_key(&a.result.company.name)
                .cmp(&sort_key(&b.result.company.name))
                .then_with(|| a.result.source.cmp(&b.result.source))
        });
        Cohort {
            q,
            companies,
            // A previous campaign on other grids only is nothing to compare this grid with.
            has_previous: previous
                .is_some_and(|p| p.is_empty() || p.iter().any(|r| r.grid.id == q.id)),
            has_targets: !targets.is_empty(),
            left,
            left_targets,
        }
    }

    /// The tracks of the grid, in report order.
    pub fn tracks(&self) -> &[Track] {
        self.q.track_codes()
    }

    /// Companies at each maturity 0..=4, on `track` (or the headline).
    pub fn distribution(&self, track: TargetTrack) -> [usize; 5] {
        let mut d = [0; 5];
        for m in &self.companies {
            d[usize::from(level_for(m.result, track).min(4))] += 1;
        }
        d
    }

    /// Companies found in the previous campaign.
    pub fn matched(&self) -> usize {
        self.companies
            .iter()
            .filter(|m| m.previous.is_some())
            .count()
    }

    /// Companies found in the previous campaign on another grid (not compared).
    pub fn on_other_grid(&self) -> usize {
        self.companies
            .iter()
            .filter(|m| m.previous_elsewhere.is_some())
            .count()
    }

    /// `table[previous][current]`: companies per pair of levels, on `track`.
    pub fn transitions(&self, track: TargetTrack) -> [[usize; 5]; 5] {
        let mut t = [[0; 5]; 5];
        for m in &self.companies {
            if let Some(p) = m.previous {
                let (a, b) = (level_for(p, track), level_for(m.result, track));
                t[usize::from(a.min(4))][usize::from(b.min(4))] += 1;
            }
        }
        t
    }

    /// Moved up, stayed, moved down on `track`.
    pub fn movement(&self, track: TargetTrack) -> Movement {
        let t = self.transitions(track);
        let mut m = Movement::default();
        for (a, row) in t.iter().enumerate() {
            for (b, n) in row.iter().enumerate() {
                match b.cmp(&a) {
                    std::cmp::Ordering::Greater => m.up += n,
                    std::cmp::Ordering::Equal => m.same += n,
                    std::cmp::Ordering::Less => m.down += n,
                }
            }
        }
        m
    }

    /// A company's theme scores on `track`, in percent, unrounded, aligned with the grid's themes.
    /// A company scored on another version of the grid has its scores placed by theme id.
    pub fn theme_scores(&self, member: usize, track: Track) -> Vec<Option<f64>> {
        let Some(m) = self.companies.get(member) else {
            return Vec::new();
        };
        let Some(t) = m.result.assessment.track(track) else {
            return Vec::new();
        };
        let own = grid::theme_ids(m.result.grid);
        grid::theme_ids(self.q)
            .iter()
            .map(|id| {
                own.iter()
                    .position(|o| o == id)
                    .and_then(|k| t.themes.get(k))
                    .and_then(crate::stats::percent)
            })
            .collect()
    }

    /// The position in this cohort's grid of question `qi` of a member's own grid (matched by
    /// id, so that versions of one grid share their questions).
    fn in_grid(&self, member: &Member<'_>, qi: usize) -> Option<usize> {
        if std::ptr::eq(member.result.grid, self.q) {
            return Some(qi);
        }
        let id = &grid::question(member.result.grid, qi)?.id;
        self.q.question_index(id)
    }

    /// The distinct versions of the grid among the companies, oldest first, with the number of
    /// companies scored on each.
    pub fn versions(&self) -> Vec<(&'a Questionnaire, usize)> {
        let mut v: Vec<(&'a Questionnaire, usize)> = Vec::new();
        for m in &self.companies {
            match v
                .iter_mut()
                .find(|(g, _)| g.version == m.result.grid.version)
            {
                Some((_, n)) => *n += 1,
                None => v.push((m.result.grid, 1)),
            }
        }
        v.sort_by(|a, b| compare_versions(&a.0.version, &b.0.version));
        v
    }

    /// Whether a matched company was scored on another version than in the previous campaign.
    pub fn compares_versions(&self) -> bool {
        self.companies.iter().any(|m| {
            m.previous
                .is_some_and(|p| p.grid.version != m.result.grid.version)
        })
    }

    /// Mean theme scores of a group of companies on `track` (over the members with a score),
    /// unrounded: computed on the exact scores.
    pub fn mean_theme_scores(&self, members: &[usize], track: Track) -> Vec<Option<f64>> {
        let rows: Vec<Vec<Option<f64>>> = members
            .iter()
            .map(|&i| self.theme_scores(i, track))
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        (0..width)
            .map(|k| {
                let v: Vec<f64> = rows
                    .iter()
                    .filter_map(|r| r.get(k).copied().flatten())
                    .collect();
                crate::stats::mean(&v)
            })
            .collect()
    }

    /// Mean indicative index on `track` of `members`, unrounded: the mean of their exact
    /// indices (each on its own grid's version).
    pub fn mean_index(&self, members: &[usize], track: Track) -> Option<f64> {
        let v: Vec<f64> = members
            .iter()
            .filter_map(|&i| self.companies.get(i))
            .filter_map(|m| {
                m.result
                    .assessment
                    .track(track)
                    .map(|t| crate::stats::index(m.result.grid, t))
            })
            .collect();
        crate::stats::mean(&v)
    }

    /// The evidence share of `members` on `track`, their answers pooled: the answers that
    /// carry evidence in percent of the answers given (`stats::evidence_share` for one
    /// company), unrounded; `None` when none is given.
    pub fn evidence_share(&self, members: &[usize], track: Track) -> Option<f64> {
        let (with, answered) = members
            .iter()
            .filter_map(|&i| self.companies.get(i)?.result.assessment.track(track))
            .fold((0, 0), |(w, a), t| (w + t.with_evidence(), a + t.answered));
        crate::stats::share(with, answered)
    }

    /// Critical questions not at their full point at the level just above a company's level,
    /// with the number of companies they block on each track (aligned with [`Cohort::tracks`]),
    /// most blocking first.
    pub fn blocking_questions(&self) -> Vec<(usize, Vec<usize>)> {
        let tracks = self.tracks();
        let mut counts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for m in &self.companies {
            for (ti, t) in m.result.assessment.tracks.iter().enumerate() {
                let Some(next) = Level::from_rank(t.level + 1) else {
                    continue;
                };
                for qi in t
                    .level_result(next)
                    .failed_critical
                    .iter()
                    .filter_map(|&qi| self.in_grid(m, qi))
                {
                    let c = counts.entry(qi).or_insert_with(|| vec![0; tracks.len()]);
                    if let Some(k) = tracks.iter().position(|x| *x == t.track).or(Some(ti))
                        && let Some(slot) = c.get_mut(k)
                    {
                        *slot += 1;
                    }
                }
            }
        }
        let mut v: Vec<(usize, Vec<usize>)> = counts.into_iter().collect();
        v.sort_by(|a, b| {
            b.1.iter()
                .sum::<usize>()
                .cmp(&a.1.iter().sum::<usize>())
                .then(a.0.cmp(&b.0))
        });
        v
    }

    /// A company's first [`TOP_STEPS`] next steps on `track` (positions in the assessment's
    /// list).
    pub fn top_steps(&self, member: &Member<'_>, track: Track) -> Vec<usize> {
        member
            .result
            .assessment
            .next_steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.track == track)
            .take(TOP_STEPS)
            .map(|(i, _)| i)
            .collect()
    }

    /// A company's `n` next steps that matter most, across its tracks, as positions in its
    /// assessment's list with the tracks each is a step for: in the method's order of reasons
    /// (critical questions of the next level, then its other questions, then those of levels
    /// already reached), the lowest level first within a reason (the headline is the lowest
    /// track's level), then the tracks in report order and each track's own order. A question
    /// that is a step on several tracks is listed once, where it first comes.
    pub fn first_steps(member: &Member<'_>, n: usize) -> Vec<(usize, Vec<Track>)> {
        let a = &member.result.assessment;
        let track_rank = |t: Track| a.tracks.iter().position(|x| x.track == t);
        let mut order: Vec<usize> = (0..a.next_steps.len()).collect();
        order.sort_by_key(|&i| {
            let s = &a.next_steps[i];
            let reason = match s.reason {
                StepReason::CriticalNextLevel => 0,
                StepReason::NextLevel => 1,
                StepReason::Consolidate => 2,
            };
            (reason, s.level.rank(), track_rank(s.track), i)
        });
        let mut out: Vec<(usize, Vec<Track>)> = Vec::new();
        for i in order {
            let step = &a.next_steps[i];
            let full = out.len() >= n;
            match out
                .iter_mut()
                .find(|(k, _)| a.next_steps[*k].question == step.question)
            {
                Some((_, tracks)) => tracks.push(step.track),
                None if !full => out.push((i, vec![step.track])),
                None => {}
            }
        }
        out
    }

    /// Questions among the companies' top next steps, with the number of companies that have
    /// them there on at least one track, most common first.
    pub fn common_next_steps(&self) -> Vec<(usize, usize)> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for m in &self.companies {
            let mut questions: Vec<usize> = self
                .tracks()
                .iter()
                .flat_map(|&t| self.top_steps(m, t))
                .filter_map(|i| m.result.assessment.next_steps.get(i))
                .filter_map(|s| self.in_grid(m, s.question))
                .collect();
            questions.sort_unstable();
            questions.dedup();
            for q in questions {
                *counts.entry(q).or_default() += 1;
            }
        }
        let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Targets per status on each target track.
    pub fn target_counts(&self) -> BTreeMap<TargetTrack, [usize; 3]> {
        let mut out: BTreeMap<TargetTrack, [usize; 3]> = BTreeMap::new();
        for m in &self.companies {
            for (t, s) in &m.targets {
                let k = match s {
                    TargetStatus::Reached => 0,
                    TargetStatus::OnTrack => 1,
                    TargetStatus::Behind(_) => 2,
                };
                out.entry(t.track).or_default()[k] += 1;
            }
        }
        out
    }
}

/// The companies of a campaign grouped by grid (the grid's id: versions of one grid go
/// together), in order of first appearance, each with the latest version present among them.
pub fn by_grid(current: &[CompanyResult]) -> Vec<(&'static Questionnaire, Vec<&CompanyResult>)> {
    let mut out: Vec<(&'static Questionnaire, Vec<&CompanyResult>)> = Vec::new();
    for r in current {
        match out.iter_mut().find(|(g, _)| g.id == r.grid.id) {
            Some((g, members)) => {
                if compare_versions(&r.grid.version, &g.version) == std::cmp::Ordering::Greater {
                    *g = r.grid;
                }
                members.push(r);
            }
            None => out.push((r.grid, vec![r])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{ScoringOptions, score};
    use vigilance_grids::registry;

    fn result(grid: &'static Questionnaire, name: &str) -> CompanyResult {
        let sheet = crate::answers::AnswerSheet::new(grid);
        CompanyResult {
            grid,
            source: format!("{name}.json"),
            company: Company {
                name: name.into(),
                ..Company::default()
            },
            period: None,
            assessment: score(grid, &sheet, &ScoringOptions::default()),
            engagement: None,
        }
    }

    #[test]
    fn companies_group_by_grid_id_under_its_latest_version() {
        let v10 = registry::find("rhsf-fir", "1.0.0").unwrap();
        let v11 = registry::find("rhsf-fir", "1.1.0").unwrap();
        let sme = registry::latest("rhsf-fir-sme").unwrap();
        let all = vec![result(v10, "a"), result(sme, "b"), result(v11, "c")];
        let groups = by_grid(&all);
        assert_eq!(groups.len(), 2);
        assert!(
            std::ptr::eq(groups[0].0, v11),
            "named by the latest version"
        );
        assert_eq!(groups[0].1.len(), 2);
        assert_eq!(groups[1].0.id, "rhsf-fir-sme");
    }

    #[test]
    fn an_unanswered_sheet_shows_every_requirement_incomplete() {
        let v11 = registry::find("rhsf-fir", "1.1.0").unwrap();
        let counts = company_coverage(&result(v11, "a"));
        assert_eq!(counts.len(), v11.frameworks.len());
        // Nothing answered: every statused requirement is incomplete, none at full point;
        // frameworks that only inform have no status.
        for (f, c) in v11.frameworks.iter().zip(&counts) {
            if f.kind.has_status() {
                assert_eq!(c[..3], [0, 0, 0], "{}", f.id);
                assert!(c[3] > 0, "{}", f.id);
            } else {
                assert_eq!(*c, [0; 5], "{}", f.id);
            }
        }
        let v10 = registry::find("rhsf-fir", "1.0.0").unwrap();
        assert!(company_coverage(&result(v10, "b")).is_empty());
    }
}
