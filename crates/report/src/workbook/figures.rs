//! The company figures kept while streaming: what the Summary, Cohort and comparison need of
//! one company (a few strings and numbers, not its answers), how a company is found again in the
//! previous campaign, and the quartiles of the Cohort sheet.

use super::ScoredSheet;
use crate::answers::Tier;
use crate::codes::{Level, Track};
use crate::questionnaire::Questionnaire;
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
    /// One entry per track of the questionnaire, in its order.
    pub(super) tracks: Vec<Option<TrackFigures>>,
}

/// A company's figures on one track.
#[derive(Clone, Copy, Debug)]
pub(super) struct TrackFigures {
    pub(super) level: u8,
    /// Level scores, in the order of [`Level::ALL`].
    pub(super) scores: [Option<f64>; 4],
    pub(super) index: f64,
    pub(super) completeness: f64,
    pub(super) unknown: u32,
    /// Questions answered `na` (not applicable).
    pub(super) na: u32,
    /// The share of the track's question weight they leave out, in percent.
    pub(super) na_share: f64,
    pub(super) unsubstantiated: u32,
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
            tracks: tracks
                .iter()
                .map(|&t| {
                    a.track(t).map(|tr| TrackFigures {
                        level: tr.level,
                        scores: Level::ALL.map(|l| tr.level_result(l).score.percent()),
                        index: tr.index,
                        completeness: tr.completeness(),
                        unknown: tr.unknown_count,
                        na: tr.levels.iter().map(|l| l.not_applicable).sum(),
                        na_share: tr.na_share().percent().unwrap_or(0.0),
                        unsubstantiated: tr.unsubstantiated_count,
                    })
                })
                .collect(),
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

/// The value at `p` (0..=1) of sorted `values`, interpolated like Excel's `QUARTILE.INC`.
pub(super) fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let pos = p * (n - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (sorted[lo.min(n - 1)], sorted[hi.min(n - 1)]);
    let v = a + (b - a) * (pos - lo as f64);
    Some((v * 10.0).round() / 10.0)
}

/// `a − b`, each rounded to one decimal first (as shown).
pub(super) fn diff_tenths(a: f64, b: f64) -> f64 {
    ((a * 10.0).round() - (b * 10.0).round()) / 10.0
}
