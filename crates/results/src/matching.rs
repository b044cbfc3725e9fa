//! How two answer sheets are recognised as the same company, in one place for every report: by
//! identifier when both have one, else by name, case and spacing ignored. Used to find a company
//! again in the previous campaign ([`CompanyIndex`]) and to find the same company given twice
//! for the same period in one batch ([`DuplicateFinder`]), which `vigilance score`, the workbook
//! and the campaign review count once.

use crate::answers::Company;
use crate::problem::ProblemKind;
use std::collections::HashMap;

/// A company name or identifier made comparable: spacing collapsed, lower case.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The company's identifier made comparable, when it has a non-blank one.
pub fn company_id(c: &Company) -> Option<String> {
    id_key(c.id.as_deref())
}

fn id_key(id: Option<&str>) -> Option<String> {
    id.filter(|i| !i.trim().is_empty()).map(norm)
}

/// Companies of one campaign, found by identifier, else by name (the first of each wins).
#[derive(Clone, Debug, Default)]
pub struct CompanyIndex {
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl CompanyIndex {
    /// Indexes companies given as (identifier, name), in order: position `i` is the `i`-th.
    pub fn new<'a>(companies: impl IntoIterator<Item = (Option<&'a str>, &'a str)>) -> Self {
        let mut index = CompanyIndex::default();
        for (i, (id, name)) in companies.into_iter().enumerate() {
            if let Some(id) = id_key(id) {
                index.by_id.entry(id).or_insert(i);
            }
            if !name.trim().is_empty() {
                index.by_name.entry(norm(name)).or_insert(i);
            }
        }
        index
    }

    /// The position of the company with identifier `id`, else with name `name`.
    pub fn find(&self, id: Option<&str>, name: &str) -> Option<usize> {
        id_key(id)
            .and_then(|id| self.by_id.get(&id).copied())
            .or_else(|| self.by_name.get(&norm(name)).copied())
    }
}

/// Finds, in a batch read in order, the sheets that repeat an earlier one: the same company
/// (same identifier; else the same name, when one of the two has no identifier) for the same
/// period. The first sheet of a company and period is kept; the later ones are duplicates.
#[derive(Clone, Debug, Default)]
pub struct DuplicateFinder {
    by_id: HashMap<(String, String), usize>,
    /// Name and period → the kept sheet, and whether it has an identifier.
    by_name: HashMap<(String, String), (usize, bool)>,
    kept: usize,
}

impl DuplicateFinder {
    /// Looks at the next sheet of the batch: `Some(k)` when it repeats the `k`-th sheet kept so
    /// far (counting from 0, duplicates not counted), else `None` and the sheet is kept.
    pub fn check(&mut self, company: &Company, period: Option<&str>) -> Option<usize> {
        let period = norm(period.unwrap_or(""));
        let id = company_id(company);
        let name = norm(&company.name);
        let same_id = id
            .as_ref()
            .and_then(|i| self.by_id.get(&(i.clone(), period.clone())).copied());
        // Names match when at least one of the two sheets has no identifier.
        let same_name = self
            .by_name
            .get(&(name.clone(), period.clone()))
            .filter(|(_, kept_has_id)| id.is_none() || !kept_has_id)
            .map(|(k, _)| *k);
        if let Some(k) = same_id.or(same_name) {
            return Some(k);
        }
        let k = self.kept;
        self.kept += 1;
        let has_id = id.is_some();
        if let Some(i) = id {
            self.by_id.insert((i, period.clone()), k);
        }
        if !name.is_empty() {
            self.by_name.entry((name, period)).or_insert((k, has_id));
        }
        None
    }
}

/// The warning on a sheet that repeats the sheet read from `kept` (same company, same period).
pub fn duplicate_warning(kept: &str, company: &Company, period: Option<&str>) -> ProblemKind {
    ProblemKind::DuplicateCompany {
        kept: kept.to_string(),
        company: company.name.clone(),
        period: period.map(str::to_string),
    }
}

/// Whether a sheet's warnings say it repeats an earlier sheet of the batch (it is then listed,
/// but left out of the cohort figures).
pub fn is_duplicate(warnings: &[crate::problem::Problem]) -> bool {
    warnings
        .iter()
        .any(|w| matches!(w.kind, ProblemKind::DuplicateCompany { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company(name: &str, id: Option<&str>) -> Company {
        Company {
            name: name.into(),
            id: id.map(str::to_string),
            ..Company::default()
        }
    }

    #[test]
    fn the_same_company_and_period_is_a_duplicate_by_id_else_by_name() {
        let mut f = DuplicateFinder::default();
        assert_eq!(
            f.check(&company("Alpha SA", Some("ID-1")), Some("2025")),
            None
        );
        // Same identifier, another spelling of the name: the same company.
        assert_eq!(
            f.check(&company("ALPHA  sa", Some("id-1")), Some("2025")),
            Some(0)
        );
        // Another period: not a duplicate.
        assert_eq!(
            f.check(&company("Alpha SA", Some("ID-1")), Some("2024")),
            None
        );
        // Same name, one without identifier: the same company.
        assert_eq!(f.check(&company("alpha sa", None), Some("2025")), Some(0));
        // Same name, two different identifiers: two companies.
        assert_eq!(
            f.check(&company("Alpha SA", Some("ID-2")), Some("2025")),
            None
        );
        // No period on either: the same (empty) period.
        assert_eq!(f.check(&company("Beta", None), None), None);
        assert_eq!(f.check(&company("beta", None), None), Some(3));
    }

    #[test]
    fn an_index_finds_by_id_then_by_name() {
        let index = CompanyIndex::new([
            (Some("ID-1"), "Alpha"),
            (None, "Beta"),
            (Some(" "), "Gamma"),
        ]);
        assert_eq!(index.find(Some("id-1"), "Other"), Some(0));
        assert_eq!(index.find(Some("ID-9"), " BETA "), Some(1));
        assert_eq!(index.find(None, "gamma"), Some(2));
        assert_eq!(index.find(None, "Delta"), None);
    }
}
