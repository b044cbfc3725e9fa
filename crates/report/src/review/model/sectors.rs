//! The sector groups of the review: a company's sector (its NACE section, else the sector text
//! it wrote) and the cohort's groups, small ones merged when anonymising.

use super::{Cohort, MIN_GROUP, norm};
use crate::answers::Company;
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
    if let Some(section) = nace_section(company) {
        return SectorKey::Nace(section);
    }
    match company.sector.as_deref().map(str::trim) {
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
