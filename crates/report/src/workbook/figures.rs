//! The company figures kept while streaming: what the Summary, Cohort and comparison need of
//! one company (a few strings and numbers, not its answers), how a company is found again in the
//! previous campaign, and the quartiles of the Cohort sheet.

use super::ScoredSheet;
use crate::answers::Tier;
use crate::codes::{Level, Track};
use crate::questionnaire::Questionnaire;
use crate::stats;
use std::collections::HashMap;

/// What the Summary, Cohort and comparison need of one company: a few strings and numbers, not
/// its answers.
#[derive(Clone, Debug)]
pub(super) struct CompanyFigures {
    pub(super) name: String,
    pub(super) sector: Option<String>,
    pub(super) country: Option<String>,
    pub(super) id: Option<String>,
    pub(super) period: Option<String>,
    pub(super) source: String,
    /// Position of the company's grid in the workbook's grids (`grids`).
    pub(super) grid: usize,
    /// The section letter of the company's NACE code, when given.
    pub(super) nace_section: Option<char>,
    /// The buyer whose supplier the company is, when given.
    pub(super) buyer: Option<String>,
    /// The company's tier in its buyer's chain (1, 2, 3 for 3 and beyond), when given.
    pub(super) tier: Option<u8>,
    pub(super) headline: u8,
    pub(super) provisional: bool,
    /// Counted in the cohort figures: not a repeat of an earlier sheet of the batch (same
    /// company, same period; see `report::matching`).
    pub(super) counted: bool,
    /// The position (in push order) of the earlier company this one repeats for the same
    /// period, if it does.
    pub(super) repeats: Option<usize>,
    /// A later company repeats this one for the same period.
    pub(super) repeated: bool,
    /// One entry per track of the questionnaire, in its order.
    pub(super) tracks: Vec<Option<TrackFigures>>,
    /// The levels as reviewed by an analyst (`vigilance score --engagement`).
    pub(super) reviewed: Option<super::engagement::ReviewedFigures>,
}

/// A company's figures on one track.
#[derive(Clone, Copy, Debug)]
pub(super) struct TrackFigures {
    pub(super) level: u8,
    /// Level scores, in the order of [`Level::ALL`], rounded for display.
    pub(super) scores: [Option<f64>; 4],
    /// The same, unrounded: what the cohort statistics are computed on.
    pub(super) exact_scores: [Option<f64>; 4],
    pub(super) index: f64,
    /// The index unrounded: what changes are computed on.
    pub(super) exact_index: f64,
    pub(super) completeness: f64,
    pub(super) unknown: u32,
    /// Questions answered `na` (not applicable).
    pub(super) na: u32,
    /// The share of the track's question weight they leave out, in percent.
    pub(super) na_share: f64,
    /// The levels whose question weight `na` leaves out by more than a quarter (the heavy-`na`
    /// warning, `VG-A18`).
    pub(super) heavy_na: [bool; 4],
    /// Questions answered (any value).
    pub(super) answered: u32,
    /// `yes`/`partial` answers without evidence, in either evidence mode
    /// (`TrackResult::without_evidence`).
    pub(super) without_evidence: u32,
    /// The evidence share (`stats::evidence_share`), unrounded; `None` when nothing is
    /// answered.
    pub(super) evidence_share: Option<f64>,
}

impl CompanyFigures {
    pub(super) fn new(tracks: &[Track], s: &ScoredSheet, grid: usize) -> CompanyFigures {
        let a = &s.assessment;
        let c = &s.sheet.company;
        let (nace_section, buyer, tier) = supplier_fields(s);
        CompanyFigures {
            grid,
            nace_section,
            buyer,
            tier,
            name: c.name.clone(),
            sector: c.sector.clone(),
            country: c.country.clone(),
            id: c.id.clone(),
            period: s.sheet.period.clone(),
            source: s.source.clone(),
            headline: a.headline_level,
            provisional: a.provisional,
            counted: !vigilance_results::matching::is_duplicate(&s.warnings),
            repeats: None,
            repeated: false,
            tracks: tracks
                .iter()
                .map(|&t| {
                    a.track(t).map(|tr| TrackFigures {
                        level: tr.level,
                        scores: Level::ALL.map(|l| tr.level_result(l).score.percent()),
                        exact_scores: Level::ALL.map(|l| stats::percent(&tr.level_result(l).score)),
                        index: tr.index,
                        exact_index: stats::index(s.grid, tr),
                        completeness: tr.completeness(),
                        unknown: tr.unknown_count,
                        na: tr.levels.iter().map(|l| l.not_applicable).sum(),
                        na_share: tr.na_share().percent().unwrap_or(0.0),
                        heavy_na: Level::ALL.map(|l| tr.level_result(l).heavy_na()),
                        answered: tr.answered,
                        without_evidence: tr.without_evidence(),
                        evidence_share: stats::evidence_share(tr),
                    })
                })
                .collect(),
            reviewed: None,
        }
    }
}

use vigilance_results::matching::norm;

/// The company's NACE section, buyer and tier (1, 2, 3 for 3 and beyond), when given.
fn supplier_fields(s: &ScoredSheet) -> (Option<char>, Option<String>, Option<u8>) {
    let c = &s.sheet.company;
    let tier = c.tier().map(|t| match t {
        Tier::One => 1,
        Tier::Two => 2,
        Tier::ThreePlus => 3,
    });
    let buyer = c
        .buyer
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_string);
    (c.nace().map(|n| n.section), buyer, tier)
}

/// The previous campaign's figures, found by company id, else by name.
pub(super) struct PreviousIndex {
    companies: Vec<CompanyFigures>,
    /// The id of each previous company's grid (levels compare within one grid id only).
    grid_ids: Vec<String>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl PreviousIndex {
    pub(super) fn new(q: &Questionnaire, previous: &[ScoredSheet]) -> PreviousIndex {
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        let companies: Vec<CompanyFigures> = previous
            .iter()
            .map(|p| CompanyFigures::new(q.track_codes(), p, 0))
            .collect();
        let grid_ids = previous.iter().map(|p| p.grid.id.clone()).collect();
        for (i, p) in companies.iter().enumerate() {
            if let Some(id) = p.id.as_deref().filter(|i| !i.trim().is_empty()) {
                by_id.entry(norm(id)).or_insert(i);
            }
            if !p.name.trim().is_empty() {
                by_name.entry(norm(&p.name)).or_insert(i);
            }
        }
        PreviousIndex {
            companies,
            grid_ids,
            by_id,
            by_name,
        }
    }

    /// The previous figures of `c`, whose grid has id `grid_id`: `None` when the company is
    /// not found, or was assessed on another grid (a light-grid level does not compare with a
    /// full-grid level; versions of one grid do).
    pub(super) fn find(&self, c: &CompanyFigures, grid_id: &str) -> Option<&CompanyFigures> {
        c.id.as_deref()
            .filter(|i| !i.trim().is_empty())
            .and_then(|id| self.by_id.get(&norm(id)).copied())
            .or_else(|| self.by_name.get(&norm(&c.name)).copied())
            .filter(|&i| self.grid_ids.get(i).is_some_and(|g| g == grid_id))
            .and_then(|i| self.companies.get(i))
    }
}

impl PreviousIndex {
    /// The previous companies that no current company matches (by identifier, else by
    /// name), with the id of their grid: the companies that left.
    pub(super) fn left(&self, current: &[CompanyFigures]) -> Vec<(&CompanyFigures, &str)> {
        let index = vigilance_results::matching::CompanyIndex::new(
            current.iter().map(|c| (c.id.as_deref(), c.name.as_str())),
        );
        self.companies
            .iter()
            .zip(&self.grid_ids)
            .filter(|(p, _)| index.find(p.id.as_deref(), &p.name).is_none())
            .map(|(p, g)| (p, g.as_str()))
            .collect()
    }
}

/// The quartile at `p` of exact `sorted` values, rounded once for display (`stats::quantile`).
pub(super) fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    stats::quantile(sorted, p).map(stats::round1)
}

/// `a − b` of exact values, rounded once for display.
pub(super) fn diff_tenths(a: f64, b: f64) -> f64 {
    stats::round1(a - b)
}
