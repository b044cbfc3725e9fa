//! The sector groups of the review: a company's sector (its NACE section, else the sector text
//! it wrote) and the cohort's groups, small ones merged when anonymising.

use super::{Cohort, MIN_GROUP, norm};
use crate::answers::Company;
use crate::codes::Track;
use std::collections::BTreeMap;

/// How a sector group is defined: by NACE section when the sheets carry one, else by the
/// sector text the company wrote.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectorKey {
    /// A NACE rev. 2 section letter (A…U).
    Nace(char),
    /// The sector text, normalised.
    Text(String),
    /// No sector given.
    NotStated,
    /// Groups too small to show on their own (anonymised review).
    Other,
}

/// The NACE section of a company, when its sheet states a valid NACE code.
fn nace_section(company: &Company) -> Option<char> {
    company.nace().map(|n| n.section)
}

/// The sector group of a company.
pub fn sector_of(company: &Company) -> SectorKey {
    sector_key(nace_section(company), company.sector.as_deref())
}

/// The sector group of a company with NACE section `nace` and sector text `sector`: the one
/// grouping rule of the review's sector view, the company summary and the workbook's
/// positions in a sector group.
pub fn sector_key(nace: Option<char>, sector: Option<&str>) -> SectorKey {
    if let Some(section) = nace {
        return SectorKey::Nace(section);
    }
    match sector.map(str::trim) {
        Some(s) if !s.is_empty() => SectorKey::Text(norm(s)),
        _ => SectorKey::NotStated,
    }
}

/// A group of companies of a sector.
#[derive(Clone, Debug)]
pub struct SectorGroup {
    /// The group.
    pub key: SectorKey,
    /// For a text group: the spelling most members use.
    pub text: Option<String>,
    /// Positions of the members in [`Cohort::companies`].
    pub members: Vec<usize>,
}

impl Cohort<'_> {
    /// The sector groups, largest first. When `merge_small`, groups of fewer than
    /// [`MIN_GROUP`] companies become one "other sectors" group, itself made at least
    /// [`MIN_GROUP`] strong (by taking in the smallest groups) whenever the cohort allows it.
    pub fn sector_groups(&self, merge_small: bool) -> Vec<SectorGroup> {
        let mut groups: BTreeMap<SectorKey, (Vec<usize>, BTreeMap<String, usize>)> =
            BTreeMap::new();
        for (i, m) in self.companies.iter().enumerate() {
            let key = sector_of(&m.result.company);
            let entry = groups.entry(key).or_default();
            entry.0.push(i);
            if let Some(s) = m.result.company.sector.as_deref() {
                *entry.1.entry(s.trim().to_string()).or_default() += 1;
            }
        }
        let mut out: Vec<SectorGroup> = groups
            .into_iter()
            .map(|(key, (members, spellings))| {
                // The most used spelling, the first in sort order among equals.
                let text = spellings
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(s, _)| s);
                SectorGroup { key, text, members }
            })
            .collect();
        if merge_small {
            let (mut small, big): (Vec<SectorGroup>, Vec<SectorGroup>) =
                out.into_iter().partition(|g| g.members.len() < MIN_GROUP);
            let mut big = big;
            let mut other: Vec<usize> = small.drain(..).flat_map(|g| g.members).collect();
            // An "other" group of one or two would show those companies' own figures: take in
            // the smallest remaining groups until it is large enough.
            while !other.is_empty() && other.len() < MIN_GROUP && !big.is_empty() {
                big.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
                if let Some(g) = big.pop() {
                    other.extend(g.members);
                }
            }
            out = big;
            if !other.is_empty() {
                other.sort_unstable();
                out.push(SectorGroup {
                    key: SectorKey::Other,
                    text: None,
                    members: other,
                });
            }
        }
        out.sort_by(|a, b| {
            (a.key == SectorKey::Other)
                .cmp(&(b.key == SectorKey::Other))
                .then(b.members.len().cmp(&a.members.len()))
                .then_with(|| a.key.cmp(&b.key))
        });
        out
    }
}

/// Where a company stands in its sector group on one track.
#[derive(Clone, Debug)]
pub struct SectorPosition {
    /// The group (never merged: a company summary is never anonymised).
    pub group: SectorGroup,
    /// Its rank by exact index, highest first (`stats::rank`: companies tied share a rank).
    pub rank: usize,
    /// The group's companies assessed on the track.
    pub of: usize,
    /// The group's mean index on the track, unrounded (the sector view's figure).
    pub mean_index: Option<f64>,
}

impl Cohort<'_> {
    /// Where company `member` stands in its sector group on `track`; `None` when it has no
    /// result on the track.
    pub fn sector_position(&self, member: usize, track: Track) -> Option<SectorPosition> {
        let group = self
            .sector_groups(false)
            .into_iter()
            .find(|g| g.members.contains(&member))?;
        let index_of = |i: usize| {
            let m = self.companies.get(i)?;
            let t = m.result.assessment.track(track)?;
            Some(crate::stats::index(m.result.grid, t))
        };
        let me = index_of(member)?;
        let values: Vec<f64> = group.members.iter().filter_map(|&i| index_of(i)).collect();
        Some(SectorPosition {
            rank: crate::stats::rank(&values, me),
            of: values.len(),
            mean_index: self.mean_index(&group.members, track),
            group,
        })
    }
}
