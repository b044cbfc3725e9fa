//! Which evidence counts, decided before scoring, as data: a copy of the answer sheet in which
//! every evidence item that does not count is removed, and a warning for each stale document.
//! The scoring rule itself (docs/method.md, "Evidence modes") does not change: it sees an answer
//! with evidence, or one without.
//!
//! An evidence item counts when it is
//! - a URL or a document reference (any other text), as before; or
//! - `file:<sha256>` naming a file of a verified dossier's manifest that is not stale: dated
//!   more than `max_age_months` before the end of the period (24 by default), or past its
//!   valid-until date at the end of the period.
//!
//! A `file:` item in a sheet read outside a dossier names no verified file: it does not count.

use crate::FILE_REF_PREFIX;
use crate::manifest::{Manifest, ManifestFile};
use vigilance_model::answers::AnswerSheet;
use vigilance_model::codes::Track;
use vigilance_model::problem::{Problem, ProblemKind};

/// The default age, in months before the period's end, beyond which a document is stale.
pub const DEFAULT_MAX_AGE_MONTHS: u32 = 24;

/// Why a document does not count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Staleness {
    /// Dated more than the maximum age before the period's end.
    TooOld,
    /// Past its valid-until date at the period's end.
    Expired,
}

/// One attached document as it backs one answer (a row of the workbook's Evidence sheet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceUse {
    /// The question.
    pub question: String,
    /// The track.
    pub track: Track,
    /// The document.
    pub file: ManifestFile,
    /// Why it does not count, if it does not.
    pub stale: Option<Staleness>,
}

/// What [`effective_evidence`] found.
#[derive(Clone, Debug)]
pub struct EffectiveEvidence {
    /// The sheet to score: the evidence that does not count removed.
    pub sheet: AnswerSheet,
    /// A warning for each stale document on each answer.
    pub warnings: Vec<Problem>,
    /// Every attached document on every answer, stale or not.
    pub uses: Vec<EvidenceUse>,
}

/// A date as (year, month, day).
type Ymd = (i64, i64, i64);

fn parse_date(s: &str) -> Option<Ymd> {
    if !crate::manifest::is_date(s) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<i64>().ok());
    Some((n(0..4)?, n(5..7)?, n(8..10)?))
}

/// The last day of the period: the first four-digit year in it (`2025`, `FY2025`, `2025-26`),
/// 31 December.
pub fn period_end(period: Option<&str>) -> Option<Ymd> {
    let p = period?;
    let bytes = p.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let w = &bytes[i..i + 4];
        let before = i.checked_sub(1).map(|j| bytes[j].is_ascii_digit());
        let after = bytes.get(i + 4).map(u8::is_ascii_digit);
        (w.iter().all(u8::is_ascii_digit) && before != Some(true) && after != Some(true))
            .then(|| p[i..i + 4].parse::<i64>().ok().map(|y| (y, 12, 31)))
            .flatten()
    })
}

/// Whether `file` is stale for a period ending `end`.
pub fn staleness(file: &ManifestFile, end: Option<Ymd>, max_age_months: u32) -> Option<Staleness> {
    let end = end?;
    if let Some(until) = file.valid_until.as_deref().and_then(parse_date)
        && until < end
    {
        return Some(Staleness::Expired);
    }
    let date = file.date.as_deref().and_then(parse_date)?;
    let months = end.0 * 12 + (end.1 - 1) - i64::from(max_age_months);
    let limit = (months.div_euclid(12), months.rem_euclid(12) + 1, end.2);
    (date < limit).then_some(Staleness::TooOld)
}

/// The evidence of `sheet` that counts, with `manifest` the verified dossier's (none for a sheet
/// read on its own).
pub fn effective_evidence(
    sheet: &AnswerSheet,
    manifest: Option<&Manifest>,
    max_age_months: u32,
) -> EffectiveEvidence {
    let end = period_end(sheet.period.as_deref());
    let mut out = sheet.clone();
    let mut warnings = Vec::new();
    let mut uses = Vec::new();
    for (question, tracks) in &mut out.answers {
        for track in Track::ALL {
            let Some(answer) = tracks.slot(track).as_mut() else {
                continue;
            };
            answer.evidence.retain(|item| {
                let Some(sha) = item.trim().strip_prefix(FILE_REF_PREFIX) else {
                    return true;
                };
                let Some(file) = manifest.and_then(|m| m.files.iter().find(|f| f.sha256 == sha))
                else {
                    return false;
                };
                let stale = staleness(file, end, max_age_months);
                if let Some(s) = stale {
                    warnings.push(stale_warning(
                        question,
                        track,
                        file,
                        s,
                        max_age_months,
                        sheet,
                    ));
                }
                uses.push(EvidenceUse {
                    question: question.clone(),
                    track,
                    file: file.clone(),
                    stale,
                });
                stale.is_none()
            });
        }
    }
    EffectiveEvidence {
        sheet: out,
        warnings,
        uses,
    }
}

fn stale_warning(
    question: &str,
    track: Track,
    file: &ManifestFile,
    stale: Staleness,
    months: u32,
    sheet: &AnswerSheet,
) -> Problem {
    let path = format!("/answers/{question}/{}/evidence", track.code());
    let document = file.title_shown().to_string();
    let kind = match stale {
        Staleness::TooOld => ProblemKind::EvidenceTooOld {
            question: question.to_string(),
            track,
            document,
            date: file.date.clone().unwrap_or_default(),
            months: u64::from(months),
            period: sheet.period.clone().unwrap_or_default(),
        },
        Staleness::Expired => ProblemKind::EvidenceExpired {
            question: question.to_string(),
            track,
            document,
            valid_until: file.valid_until.clone().unwrap_or_default(),
            period: sheet.period.clone().unwrap_or_default(),
        },
    };
    Problem::warning(path.as_str(), kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(date: Option<&str>, until: Option<&str>) -> ManifestFile {
        ManifestFile {
            sha256: "a".repeat(64),
            name: "x.pdf".into(),
            title: None,
            media_type: "application/pdf".into(),
            size: 1,
            date: date.map(str::to_string),
            valid_until: until.map(str::to_string),
            answers: vec![],
        }
    }

    #[test]
    fn the_period_ends_on_31_december_of_its_year() {
        assert_eq!(period_end(Some("2025")), Some((2025, 12, 31)));
        assert_eq!(period_end(Some("FY2024")), Some((2024, 12, 31)));
        assert_eq!(period_end(Some("2025-26")), Some((2025, 12, 31)));
        assert_eq!(period_end(Some("12345")), None);
        assert_eq!(period_end(None), None);
    }

    #[test]
    fn a_document_is_stale_after_24_months_or_past_its_validity() {
        let end = period_end(Some("2025"));
        let stale = |d, u| staleness(&file(d, u), end, 24);
        assert_eq!(stale(Some("2019-05-01"), None), Some(Staleness::TooOld));
        assert_eq!(stale(Some("2023-12-30"), None), Some(Staleness::TooOld));
        assert_eq!(stale(Some("2023-12-31"), None), None);
        assert_eq!(
            stale(Some("2025-03-01"), Some("2025-06-30")),
            Some(Staleness::Expired)
        );
        assert_eq!(stale(Some("2025-03-01"), Some("2026-06-30")), None);
        assert_eq!(stale(None, None), None);
        assert_eq!(staleness(&file(Some("2019-05-01"), None), end, 120), None);
    }
}
