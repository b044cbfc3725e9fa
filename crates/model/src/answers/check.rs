//! The rules an answer sheet must follow against a questionnaire (docs/formats.md): format and
//! questionnaire, company, known questions and tracks, allowed values, justifications, text
//! limits. Every problem is reported at once, at its JSON path or at the cell it came from.

use super::draft::{DraftRef, RawAnswer, SheetDraft};
use super::{
    ANSWERS_FORMAT, Answer, AnswerSheet, Company, MAX_EVIDENCE_ITEMS, MAX_SHORT_TEXT_CHARS,
    MAX_TEXT_CHARS, Parsed, QuestionnaireRef, Tier, TrackAnswers,
};
use crate::codes::{AnswerValue, Track};
use crate::location::pointer;
use crate::nace::Nace;
use crate::problem::{Place, Problem, ProblemKind, Problems};
use crate::questionnaire::Questionnaire;
use std::collections::BTreeMap;

fn too_long<P: Into<Place>>(path: impl FnOnce() -> P, text: &str, limit: usize) -> Option<Problem> {
    // Cheap test first: a text of at most `limit` bytes has at most `limit` characters.
    if text.len() <= limit {
        return None;
    }
    let n = text.chars().count();
    (n > limit).then(|| {
        Problem::error(
            path(),
            ProblemKind::TextTooLong {
                found: n as u64,
                limit: limit as u64,
            },
        )
    })
}

/// Checks the company's NACE code and tier and writes them in their short form (`C29`, `3+`);
/// a blank one is dropped.
fn check_supplier_fields(company: &mut Company, problems: &mut Vec<Problem>) {
    let blank = |s: &Option<String>| s.as_deref().is_some_and(|t| t.trim().is_empty());
    if blank(&company.nace) {
        company.nace = None;
    }
    if let Some(text) = &company.nace {
        match Nace::parse(text) {
            Some(code) => company.nace = Some(code.to_string()),
            None if text.chars().count() <= MAX_SHORT_TEXT_CHARS => problems.push(Problem::error(
                "/company/nace",
                ProblemKind::InvalidNace {
                    found: text.trim().to_string(),
                },
            )),
            // Too long: already reported.
            None => {}
        }
    }
    if blank(&company.tier) {
        company.tier = None;
    }
    if let Some(text) = &company.tier {
        match Tier::parse(text) {
            Some(tier) => company.tier = Some(tier.code().to_string()),
            None if text.chars().count() <= MAX_SHORT_TEXT_CHARS => problems.push(Problem::error(
                "/company/tier",
                ProblemKind::InvalidTier {
                    found: text.trim().to_string(),
                },
            )),
            None => {}
        }
    }
}

impl SheetDraft {
    /// Checks the draft against `questionnaire`: a valid sheet with its warnings, or every
    /// problem found.
    pub fn check(self, questionnaire: &Questionnaire) -> Result<Parsed<AnswerSheet>, Problems> {
        let mut problems = Vec::new();
        let qname = questionnaire.name();
        match self.format.as_deref() {
            Some(ANSWERS_FORMAT) => {}
            None => problems.push(Problem::warning(
                "/format",
                ProblemKind::FormatMissing {
                    expected: ANSWERS_FORMAT,
                },
            )),
            Some(other) => problems.push(Problem::error(
                "/format",
                ProblemKind::UnsupportedFormat {
                    found: other.to_string(),
                    expected: ANSWERS_FORMAT,
                },
            )),
        }
        let mut other_version = false;
        match &self.questionnaire {
            Some(DraftRef { id: Some(id), .. }) if *id != questionnaire.id => {
                problems.push(Problem::error(
                    "/questionnaire/id",
                    ProblemKind::QuestionnaireMismatch {
                        expected: questionnaire.id.clone(),
                        found: id.clone(),
                    },
                ));
            }
            Some(DraftRef {
                id: Some(_),
                version: Some(v),
            }) if *v != questionnaire.version => {
                other_version = true;
                problems.push(Problem::warning(
                    "/questionnaire/version",
                    ProblemKind::VersionMismatch {
                        expected: questionnaire.version.clone(),
                        found: v.clone(),
                    },
                ));
            }
            Some(DraftRef {
                id: Some(_),
                version: Some(_),
            }) => {}
            _ => problems.push(Problem::warning(
                "/questionnaire",
                ProblemKind::QuestionnaireMissing {
                    expected: qname.clone(),
                },
            )),
        }
        let mut company = self.company.unwrap_or_default();
        let short_fields = [
            ("/company/name", Some(&company.name)),
            ("/company/sector", company.sector.as_ref()),
            ("/company/country", company.country.as_ref()),
            ("/company/id", company.id.as_ref()),
            ("/company/nace", company.nace.as_ref()),
            ("/company/buyer", company.buyer.as_ref()),
            ("/company/tier", company.tier.as_ref()),
            ("/period", self.period.as_ref()),
        ];
        for (path, text) in short_fields {
            if let Some(p) =
                text.and_then(|t| too_long(|| path.to_string(), t, MAX_SHORT_TEXT_CHARS))
            {
                problems.push(p);
            }
        }
        check_supplier_fields(&mut company, &mut problems);
        if company.name.trim().is_empty() {
            problems.push(Problem::warning(
                "/company/name",
                ProblemKind::CompanyNameMissing,
            ));
        }
        let mut answers: BTreeMap<String, TrackAnswers> = BTreeMap::new();
        for (qid, tracks) in self.answers {
            // Paths are built only when a problem is reported: good sheets pay nothing.
            let qpath = || pointer(&["answers", qid.as_str()]);
            let Some(question) = questionnaire.question(&qid) else {
                let origin = tracks.first().and_then(|(_, a)| a.origin.clone());
                let path = origin.unwrap_or_else(|| Place::Json(qpath()));
                problems.push(if other_version {
                    Problem::warning(
                        path,
                        ProblemKind::IgnoredQuestion {
                            question: qid,
                            questionnaire: qname.clone(),
                        },
                    )
                } else {
                    Problem::error(
                        path,
                        ProblemKind::UnknownQuestion {
                            question: qid,
                            questionnaire: qname.clone(),
                            range: questionnaire.id_range(),
                        },
                    )
                });
                continue;
            };
            for (tk, draft) in tracks {
                let origin = &draft.origin;
                let json_path = || format!("{}{}", qpath(), pointer(&[tk.as_str()]));
                let path = || origin.clone().unwrap_or_else(|| Place::Json(json_path()));
                // The place of a field of the answer: its own JSON path, or the answer's cell.
                let field_path = |field: &str| match origin {
                    Some(o) => o.clone(),
                    None => Place::Json(format!("{}/{field}", json_path())),
                };
                let Some(track) = Track::from_code(&tk) else {
                    problems.push(Problem::error(
                        path(),
                        ProblemKind::UnknownTrack { found: tk.clone() },
                    ));
                    continue;
                };
                if !question.has_track(track) {
                    let allowed = question
                        .tracks
                        .iter()
                        .map(|t| t.code())
                        .collect::<Vec<_>>()
                        .join(", ");
                    problems.push(Problem::error(
                        path(),
                        ProblemKind::TrackNotAsked {
                            question: qid.clone(),
                            track,
                            allowed,
                        },
                    ));
                    continue;
                }
                let is_full = matches!(draft.raw, RawAnswer::Full { .. }) && draft.origin.is_none();
                let value_path = || {
                    if is_full { field_path("value") } else { path() }
                };
                let (value, comment, evidence, justification) = draft.raw.into_parts();
                let Some(value) = AnswerValue::from_code(value.trim()) else {
                    let allowed = question.allowed_values().collect();
                    problems.push(if value.is_empty() {
                        Problem::error(
                            value_path(),
                            ProblemKind::MissingField {
                                field: "value".into(),
                            },
                        )
                    } else {
                        Problem::error(
                            value_path(),
                            ProblemKind::InvalidValue {
                                found: value,
                                allowed,
                            },
                        )
                    });
                    continue;
                };
                let answer = Answer {
                    value,
                    comment,
                    evidence,
                    justification,
                };
                let before = problems.len();
                for (field, text) in [
                    ("comment", &answer.comment),
                    ("justification", &answer.justification),
                ] {
                    let at = || {
                        if is_full { field_path(field) } else { path() }
                    };
                    problems.extend(
                        text.as_deref()
                            .and_then(|t| too_long(at, t, MAX_TEXT_CHARS)),
                    );
                }
                if answer.evidence.len() > MAX_EVIDENCE_ITEMS {
                    problems.push(Problem::error(
                        field_path("evidence"),
                        ProblemKind::TooMuchEvidence {
                            found: answer.evidence.len() as u64,
                            limit: MAX_EVIDENCE_ITEMS as u64,
                        },
                    ));
                } else {
                    for (i, e) in answer.evidence.iter().enumerate() {
                        let at = || field_path(&format!("evidence/{i}"));
                        problems.extend(too_long(at, e, MAX_SHORT_TEXT_CHARS));
                    }
                }
                if problems.len() > before {
                    continue;
                }
                match value {
                    AnswerValue::Partial if !question.allows_partial() => {
                        problems.push(Problem::error(
                            value_path(),
                            ProblemKind::PartialNotDefined {
                                question: qid.clone(),
                                allowed: question.allowed_values().collect(),
                            },
                        ));
                        continue;
                    }
                    AnswerValue::Na if !question.allows_na() => {
                        let (question_id, allowed) =
                            (qid.clone(), question.allowed_values().collect());
                        problems.push(Problem::error(
                            value_path(),
                            if question.critical {
                                ProblemKind::NaOnCritical {
                                    question: question_id,
                                    allowed,
                                }
                            } else {
                                ProblemKind::NaNotAllowed {
                                    question: question_id,
                                    allowed,
                                }
                            },
                        ));
                        continue;
                    }
                    AnswerValue::Na if !answer.is_justified() => {
                        problems.push(Problem::error(
                            path(),
                            ProblemKind::NaWithoutJustification {
                                question: qid.clone(),
                                track,
                            },
                        ));
                        continue;
                    }
                    _ => {}
                }
                match answers.get_mut(qid.as_str()) {
                    Some(slots) => *slots.slot(track) = Some(answer),
                    None => {
                        let mut slots = TrackAnswers::default();
                        *slots.slot(track) = Some(answer);
                        answers.insert(qid.clone(), slots);
                    }
                }
            }
        }
        if problems.iter().any(Problem::is_error) {
            return Err(Problems(problems));
        }
        let sheet = AnswerSheet {
            format: ANSWERS_FORMAT.to_string(),
            questionnaire: QuestionnaireRef {
                id: questionnaire.id.clone(),
                version: self
                    .questionnaire
                    .and_then(|r| r.version)
                    .unwrap_or_else(|| questionnaire.version.clone()),
            },
            company,
            period: self.period,
            updated: self.updated,
            answers,
        };
        Ok(Parsed {
            value: sheet,
            warnings: problems,
        })
    }
}
