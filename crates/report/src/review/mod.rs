//! The campaign review (`vigilance report`): one self-contained HTML file that tells a portfolio's
//! year — what an investor coalition hands its members, or publishes once anonymised.
//!
//! [`build_review`] takes the scored companies of the campaign (and of the previous one, and the
//! engagement targets) and returns the HTML with the warnings met on the way (a company given
//! twice, a target for a company that is not in the batch). It does no file-system work; the
//! CLI reads the sheets and writes the file.
//!
//! The file has inline CSS and SVG only: no script, no external request, so it opens from disk
//! or from a mail attachment and prints to A4 (a print stylesheet keeps charts whole). Every
//! text that comes from a sheet is escaped. With [`ReviewOptions::anonymize`], no company name,
//! identifier or other company text appears: companies are never named and sector groups of
//! fewer than three companies are merged.
//!
//! [`build_company_summaries`] writes, from the same figures, the one-page summary of each
//! company asked for (`vigilance report --company`); an anonymised campaign has none.
//!
//! Layout: `model` computes the cohort figures, `targets` reads the targets file and rates
//! each target, `html` writes the document (its stylesheet is `review.css`) with the helpers
//! the sections share, `sections` holds one module per section of the review, `svg` draws the
//! charts. Every text of the review is an entry of the catalogue's `[review]` section
//! ([`vigilance_text::Review`], `crates/text/catalogue/*.toml`), in every language.

mod html;
mod sections;

use vigilance_text::Review as Words;
pub mod model;
mod svg;
pub mod targets;

use crate::answers::Company;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;
use crate::text::Lang;
use crate::workbook::EngagementRows;

pub use targets::{Target, TargetError, TargetStatus, TargetTrack, parse_targets};

/// One scored company: what the review reports on.
#[derive(Clone, Debug)]
pub struct CompanyResult {
    /// The grid (id and version) the sheet was scored on: figures are never mixed across
    /// grids, and versions of one grid share their levels and the questions they have in common.
    pub grid: &'static Questionnaire,
    /// Where the sheet came from (named in warnings, never in the review).
    pub source: String,
    /// The company as its sheet names it.
    pub company: Company,
    /// The campaign period of the sheet (`2025`).
    pub period: Option<String>,
    /// Its result.
    pub assessment: Assessment,
    /// What its analyst's engagement file adds (`vigilance report --engagement`): the result as
    /// reviewed, the challenged answers, the dialogue and the action plan. Shown on the company
    /// page and counted in the grid's engagement section, which names no company.
    pub engagement: Option<EngagementRows>,
}

/// How to write the review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewOptions {
    /// The language of every text.
    pub lang: Lang,
    /// Leave out every company name, identifier and company text; merge small sector groups.
    pub anonymize: bool,
    /// The date shown on the cover, supplied by the caller (`2026-11-29`).
    pub date: String,
    /// The tool and its version (`vigilance 0.1.0`), named in the annex.
    pub tool_version: String,
}

/// Something the review's author should know; the review is still written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewWarning {
    /// The same company (same identifier, else same name) for the same period was given twice;
    /// only the first is counted.
    Duplicate {
        /// The source counted.
        kept: String,
        /// The source left out.
        dropped: String,
        /// The company's name.
        company: String,
        /// The period.
        period: Option<String>,
    },
    /// A target names a company that is not in the campaign.
    TargetWithoutCompany {
        /// The line of the targets file.
        line: usize,
        /// The company as written.
        company: String,
    },
    /// An anonymised review of fewer than three companies shows their own figures.
    FewCompanies {
        /// The number of companies.
        count: usize,
    },
    /// In an anonymised review, the figures of a grid (or of a version, for the regulation
    /// coverage) assessed by fewer than three companies are those companies' own.
    FewOnGrid {
        /// The grid, `id version` or `id`.
        grid: String,
        /// The number of companies assessed on it.
        count: usize,
    },
}

impl ReviewWarning {
    /// What happened and what was done, in `lang`. `targets_file` names the targets file in the
    /// messages about it.
    pub fn message(&self, targets_file: &str, lang: Lang) -> String {
        match self {
            ReviewWarning::Duplicate {
                kept,
                dropped,
                company,
                period,
            } => Words::WarnDuplicate.fill(
                lang,
                &[
                    ("dropped", &dropped),
                    ("kept", &kept),
                    ("company", &company),
                    ("period", &period.as_deref().unwrap_or("—")),
                ],
            ),
            ReviewWarning::TargetWithoutCompany { line, company } => {
                Words::WarnTargetWithoutCompany.fill(
                    lang,
                    &[
                        ("file", &targets_file),
                        ("line", &line.to_string()),
                        ("company", &company),
                    ],
                )
            }
            ReviewWarning::FewCompanies { count } => {
                Words::WarnFewCompanies.fill(lang, &[("count", &count.to_string())])
            }
            ReviewWarning::FewOnGrid { grid, count } => {
                Words::WarnFewOnGrid.fill(lang, &[("grid", &grid), ("count", &count.to_string())])
            }
        }
    }
}

/// The review and the warnings met while making it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// The self-contained HTML document.
    pub html: String,
    /// Warnings, in the order met.
    pub warnings: Vec<ReviewWarning>,
    /// The companies reviewed (duplicates counted once).
    pub companies: usize,
}

/// Writes the campaign review of `current`, compared with `previous` when given (companies
/// matched by identifier, else by name), with the status of `targets`.
///
/// Companies given twice for the same period are counted once (the first in the given order),
/// in both campaigns, with a warning.
///
/// Companies are grouped by grid (versions of one grid together, named by the latest of them):
/// each group gets its own cohort figures. `q`, the grid the command was given, is only used
/// when no company was scored at all.
pub fn build_review(
    q: &'static Questionnaire,
    current: Vec<CompanyResult>,
    previous: Option<Vec<CompanyResult>>,
    targets: &[Target],
    options: &ReviewOptions,
) -> Review {
    let mut warnings = Vec::new();
    let current = model::without_duplicates(current, &mut warnings);
    let previous = previous.map(|p| model::without_duplicates(p, &mut warnings));
    if options.anonymize && current.len() < model::MIN_GROUP {
        warnings.push(ReviewWarning::FewCompanies {
            count: current.len(),
        });
    }
    let mut found = vec![false; targets.len()];
    let cohorts = cohorts(
        q,
        &current,
        previous.as_deref(),
        targets,
        options,
        &mut found,
    );
    if options.anonymize && current.len() >= model::MIN_GROUP {
        for c in &cohorts {
            let n = c.companies.len();
            if cohorts.len() > 1 && n < model::MIN_GROUP {
                warnings.push(ReviewWarning::FewOnGrid {
                    grid: c.q.id.clone(),
                    count: n,
                });
            }
            for (g, n) in c.versions() {
                if n < model::MIN_GROUP && model::grid::has_regulation_mappings(g) {
                    warnings.push(ReviewWarning::FewOnGrid {
                        grid: format!("{} {}", g.id, g.version),
                        count: n,
                    });
                }
            }
        }
    }
    for (t, _) in targets.iter().zip(&found).filter(|(_, f)| !**f) {
        warnings.push(ReviewWarning::TargetWithoutCompany {
            line: t.line,
            company: t.company.clone(),
        });
    }
    let html = html::write(&cohorts, previous.as_deref().unwrap_or(&[]), options);
    Review {
        html,
        warnings,
        companies: current.len(),
    }
}

/// The cohorts of the campaign, one per grid (`q` named when no company was scored);
/// `found[k]` is set when target `k` names a company of the campaign.
fn cohorts<'a>(
    q: &'static Questionnaire,
    current: &'a [CompanyResult],
    previous: Option<&'a [CompanyResult]>,
    targets: &'a [Target],
    options: &ReviewOptions,
    found: &mut [bool],
) -> Vec<model::Cohort<'a>> {
    let mut groups = model::by_grid(current);
    if groups.is_empty() {
        groups.push((q, Vec::new()));
    }
    groups
        .into_iter()
        .map(|(g, members)| {
            model::Cohort::new(
                g,
                members,
                previous,
                targets,
                targets::year_of(&options.date),
                found,
            )
        })
        .collect()
}

/// Why `vigilance report --company` cannot write a company summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryError {
    /// An anonymised campaign prints no company page.
    Anonymised,
    /// No company of the campaign has this identifier or name.
    NotFound {
        /// The company as asked.
        wanted: String,
        /// The campaign's companies, as `name (identifier)`, sorted by name.
        known: Vec<String>,
    },
    /// Several companies of the campaign answer to this identifier or name (the same name
    /// under two identifiers, or the same company for two periods).
    Ambiguous {
        /// The company as asked.
        wanted: String,
        /// The companies found, as `name (identifier, period, source)`.
        found: Vec<String>,
    },
}

/// The company summaries and what was met on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summaries {
    /// The self-contained HTML document: one A4 page per company.
    pub html: String,
    /// Warnings, in the order met (duplicates set aside).
    pub warnings: Vec<ReviewWarning>,
    /// The companies of the campaign (duplicates counted once).
    pub companies: usize,
    /// The companies summarised.
    pub written: usize,
}

/// Writes one page per company of `wanted` (`vigilance report --company`), in the order given:
/// each is found by identifier (ignoring case and spacing, as companies are matched across
/// campaigns), else by name (ignoring case, spacing and accents). Every figure is the review's, on the
/// same campaign (`current` with `previous` and `targets`, duplicates set aside).
///
/// An anonymised campaign prints no company page: `options.anonymize` is refused. A company
/// that is not found, or that several companies answer to, is refused with the companies the
/// caller can choose from.
pub fn build_company_summaries(
    q: &'static Questionnaire,
    current: Vec<CompanyResult>,
    previous: Option<Vec<CompanyResult>>,
    targets: &[Target],
    options: &ReviewOptions,
    wanted: &[String],
) -> Result<Summaries, SummaryError> {
    if options.anonymize {
        return Err(SummaryError::Anonymised);
    }
    let mut warnings = Vec::new();
    let current = model::without_duplicates(current, &mut warnings);
    let previous = previous.map(|p| model::without_duplicates(p, &mut warnings));
    let mut found = vec![false; targets.len()];
    let cohorts = cohorts(
        q,
        &current,
        previous.as_deref(),
        targets,
        options,
        &mut found,
    );
    let mut chosen = Vec::new();
    for w in wanted {
        chosen.push(choose(&cohorts, w)?);
    }
    chosen.dedup();
    let html = html::write_summaries(
        &cohorts,
        previous.as_deref().unwrap_or(&[]),
        options,
        &chosen,
    );
    Ok(Summaries {
        html,
        warnings,
        companies: current.len(),
        written: chosen.len(),
    })
}

/// The company `wanted` names: `(cohort, member)`.
fn choose(cohorts: &[model::Cohort<'_>], wanted: &str) -> Result<(usize, usize), SummaryError> {
    let all: Vec<(usize, usize, &CompanyResult)> = cohorts
        .iter()
        .enumerate()
        .flat_map(|(k, c)| {
            c.companies
                .iter()
                .enumerate()
                .map(move |(i, m)| (k, i, m.result))
        })
        .collect();
    let key = model::norm(wanted);
    let by_id: Vec<_> = all
        .iter()
        .filter(|(_, _, r)| {
            vigilance_results::matching::company_id(&r.company).as_ref() == Some(&key)
        })
        .collect();
    let matches = if by_id.is_empty() {
        let name = model::sort_key(wanted);
        all.iter()
            .filter(|(_, _, r)| model::sort_key(&r.company.name) == name)
            .collect()
    } else {
        by_id
    };
    let shown = |r: &CompanyResult, detail: bool| {
        let mut parts: Vec<&str> = r.company.id.as_deref().into_iter().collect();
        if detail {
            parts.extend(r.period.as_deref());
            parts.push(&r.source);
        }
        if parts.is_empty() {
            r.company.name.clone()
        } else {
            format!("{} ({})", r.company.name, parts.join(", "))
        }
    };
    match matches.as_slice() {
        [(k, i, _)] => Ok((*k, *i)),
        [] => {
            let mut known: Vec<String> = all.iter().map(|(_, _, r)| shown(r, false)).collect();
            known.sort_by_key(|n| model::sort_key(n));
            Err(SummaryError::NotFound {
                wanted: wanted.to_string(),
                known,
            })
        }
        several => Err(SummaryError::Ambiguous {
            wanted: wanted.to_string(),
            found: several.iter().map(|(_, _, r)| shown(r, true)).collect(),
        }),
    }
}
