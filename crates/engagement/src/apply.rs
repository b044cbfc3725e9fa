//! Scoring as reviewed: the answer sheet as the analyst's reviews leave it (docs/method.md,
//! "Scoring as reviewed"), and the checks that an engagement file belongs to a sheet.

use crate::{Engagement, ReviewStatus, answer_hash};
use vigilance_model::{Answer, AnswerSheet, AnswerValue, Problem, ProblemKind, Track};

/// How one review was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedReview {
    /// The question.
    pub question: String,
    /// The track.
    pub track: Track,
    /// The review's status.
    pub status: ReviewStatus,
    /// The value declared (`None`: unanswered).
    pub declared: Option<AnswerValue>,
    /// The value counted as reviewed.
    pub counted: Option<AnswerValue>,
}

/// A sheet as reviewed.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// A copy of the sheet with the reviews applied (the sheet given is not modified).
    pub sheet: AnswerSheet,
    /// Each review applied, in question order.
    pub applied: Vec<AppliedReview>,
    /// A warning (`VG-E10`) for each review not applied because the company changed the answer
    /// since.
    pub outdated: Vec<Problem>,
}

impl Applied {
    /// Whether any review changed a value.
    pub fn changed(&self) -> bool {
        self.applied.iter().any(|a| a.declared != a.counted)
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Checks that `engagement` is about `sheet`'s company, period and grid version; the first
/// mismatch, said with both values (`VG-E07` company, `VG-E08` period, `VG-E09` grid). Companies
/// match on their identifiers when both have one, otherwise on their names (case and spacing
/// aside).
pub fn check_matches(engagement: &Engagement, sheet: &AnswerSheet) -> Result<(), Problem> {
    let ids = (
        engagement.company.id.as_deref().map(normalise),
        sheet.company.id.as_deref().map(normalise),
    );
    let same_company = match ids {
        (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => a == b,
        _ => normalise(&engagement.company.name) == normalise(&sheet.company.name),
    };
    if !same_company {
        return Err(Problem::error(
            "/company",
            ProblemKind::EngagementOtherCompany {
                found: engagement.company.name.clone(),
                expected: sheet.company.name.clone(),
            },
        ));
    }
    let period = sheet.period.as_deref().unwrap_or("").trim();
    if engagement.period.trim() != period {
        return Err(Problem::error(
            "/period",
            ProblemKind::EngagementOtherPeriod {
                found: engagement.period.clone(),
                expected: period.to_string(),
            },
        ));
    }
    let (e, s) = (&engagement.questionnaire, &sheet.questionnaire);
    if e.id != s.id || e.version != s.version {
        return Err(Problem::error(
            "/questionnaire",
            ProblemKind::EngagementOtherGrid {
                found: format!("{}@{}", e.id, e.version),
                expected: format!("{}@{}", s.id, s.version),
            },
        ));
    }
    Ok(())
}

/// The sheet as reviewed (docs/method.md, "Scoring as reviewed"). For each review whose
/// `reviewed` hash is the hash of the sheet's current answer:
/// - accepted with a `value`: the value replaces the declared one (comment, evidence and
///   justification kept; an accepted `na` takes the note as its justification when the answer
///   has none);
/// - accepted without a value, and challenged: the answer counts as declared;
/// - rejected: the answer counts as `unknown` (an unanswered question reviewed as rejected
///   counts as `unknown` too).
///
/// A review whose hash differs is outdated: it is not applied and reported (`VG-E10`). The
/// caller checks first that the file belongs to the sheet ([`check_matches`]).
pub fn reviewed_sheet(sheet: &AnswerSheet, engagement: &Engagement) -> Applied {
    let mut out = sheet.clone();
    let mut applied = Vec::new();
    let mut outdated = Vec::new();
    for (question, tracks) in &engagement.reviews {
        for (&track, review) in tracks {
            let current = sheet.answer(question, track);
            if answer_hash(current) != review.reviewed {
                outdated.push(Problem::warning(
                    format!("/reviews/{question}/{}", track.code()),
                    ProblemKind::ReviewOutdated {
                        question: question.clone(),
                        track,
                    },
                ));
                continue;
            }
            let declared = current.map(|a| a.value);
            let new: Option<Answer> = match (review.status, review.value) {
                (ReviewStatus::Accepted, Some(v)) => {
                    let mut a = current.cloned().unwrap_or_else(|| Answer::new(v));
                    a.value = v;
                    if v == AnswerValue::Na
                        && a.justification
                            .as_deref()
                            .is_none_or(|j| j.trim().is_empty())
                    {
                        a.justification = Some(review.note.clone());
                    }
                    Some(a)
                }
                (ReviewStatus::Rejected, _) => {
                    let mut a = current
                        .cloned()
                        .unwrap_or_else(|| Answer::new(AnswerValue::Unknown));
                    a.value = AnswerValue::Unknown;
                    a.justification = None;
                    Some(a)
                }
                _ => current.cloned(),
            };
            let counted = new.as_ref().map(|a| a.value);
            out.set_answer(question, track, new);
            applied.push(AppliedReview {
                question: question.clone(),
                track,
                status: review.status,
                declared,
                counted,
            });
        }
    }
    Applied {
        sheet: out,
        applied,
        outdated,
    }
}
