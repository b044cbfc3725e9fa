//! The result document (`vigilance.results/2` of docs/formats.md) in its self-contained shape:
//! what `vigilance score --embed-texts` prints and what the browser computes and exports (the
//! lean shape, [`crate::lean`], is built from it), built from an [`Assessment`] with every figure
//! rounded for display and every text in both languages.

use crate::answers::{AnswerSheet, Company, QuestionnaireRef};
use crate::codes::{AnswerValue, EvidenceMode, Level, Track};
use crate::coverage::{INFORMS, disclaimer, linked_values, sheet_coverage};
use crate::problem::{Problem, Severity};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, StepReason};
use crate::text::{Lang, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use vigilance_text::Msg;

/// The `format` of result documents: `/2` since the limits on `na` and the neutral coverage
/// statuses (docs/formats.md).
pub const RESULTS_FORMAT: &str = "vigilance.results/2";

/// A batch of results and the inputs that could not be scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResultDocument {
    /// Always `vigilance.results/2`.
    pub format: String,
    /// What regulation coverage is and is not, in both languages: information on which
    /// questions bear on each requirement and how they were answered, neither a legal opinion
    /// nor a statement of compliance. Show it wherever `results[].coverage` is shown.
    pub coverage_disclaimer: Text,
    /// One entry per scored sheet.
    pub results: Vec<ResultEntry>,
    /// One entry per input that could not be scored.
    pub errors: Vec<ErrorEntry>,
}

/// The document's `coverage_disclaimer`, in both languages.
pub fn coverage_disclaimer() -> Text {
    Text::new(disclaimer(Lang::Fr), disclaimer(Lang::En))
}

impl ResultDocument {
    /// A document from its parts.
    pub fn new(results: Vec<ResultEntry>, errors: Vec<ErrorEntry>) -> ResultDocument {
        ResultDocument {
            format: RESULTS_FORMAT.to_string(),
            coverage_disclaimer: coverage_disclaimer(),
            results,
            errors,
        }
    }

    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The result of one sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResultEntry {
    /// Where the sheet came from (file path, or `-`).
    pub source: String,
    /// The company.
    pub company: Company,
    /// The period of the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The questionnaire scored against.
    pub questionnaire: QuestionnaireRef,
    /// The evidence mode used.
    pub evidence_mode: EvidenceMode,
    /// The threshold used, in percent.
    pub threshold: f64,
    /// The grid's minimum applicable share of a level, in percent (`na_limits`; absent when
    /// the grid declares none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_applicable_percent: Option<f64>,
    /// min over tracks of their level, 0..=4.
    pub headline_level: u8,
    /// The headline level's name.
    pub headline_label: Text,
    /// Some track is not complete: the result may change.
    pub provisional: bool,
    /// Per track.
    pub tracks: BTreeMap<Track, TrackEntry>,
    /// What to work on, in the order of docs/method.md.
    pub next_steps: Vec<StepEntry>,
    /// Problems that did not prevent scoring: the input's, then the result's own (the
    /// heavy-`na` warning `VG-A18`).
    pub warnings: Vec<ProblemEntry>,
    /// What the answers linked to each requirement of the grid's frameworks that a question
    /// covers show, per track (absent when the grid maps to no framework). Information, not a
    /// legal opinion: see the document's `coverage_disclaimer`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<CoverageEntry>,
    /// The result as reviewed by an analyst (`vigilance score --engagement`), beside the result
    /// as declared above; absent when no engagement file was given for the sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<crate::reviewed::ReviewedEntry>,
}

/// What the answers linked to one requirement of a framework show, for one track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CoverageEntry {
    /// The framework's id (one of the questionnaire's `frameworks`).
    pub framework: String,
    /// The requirement's reference in the framework.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The track.
    pub track: Track,
    /// What the linked answers show: `all_full`, `some`, `none`, `incomplete` or
    /// `not_assessed` (docs/method.md); `informs` for a framework whose kind has no status
    /// (indicators, instruments, product rules).
    pub status: String,
    /// The questions mapped to the requirement for the track.
    pub questions: Vec<String>,
    /// Their answers, in the same order (`null`: unanswered).
    pub answers: Vec<Option<AnswerValue>>,
    /// How many of the linked questions are answered (`na` included).
    pub answered: u32,
    /// Of the answers, how many are `na`, excluded from the status.
    pub excluded: u32,
    /// Of the answers, how many carry evidence.
    pub with_evidence: u32,
}

/// The result of one track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrackEntry {
    /// Maturity 0..=4.
    pub level: u8,
    /// The level's name.
    pub label: Text,
    /// N1..N4 (ungated profile).
    pub levels: BTreeMap<Level, LevelEntry>,
    /// Theme scores in percent (`null`: no applicable question).
    pub themes: BTreeMap<String, Option<f64>>,
    /// Indicative index in percent (for sorting, never the headline).
    pub index: f64,
    /// Answered questions in percent of the track's questions.
    pub completeness: f64,
    /// Questions of the track.
    pub questions: u32,
    /// Questions answered.
    pub answered: u32,
    /// `unknown` answers (knowledge gaps).
    pub unknown_count: u32,
    /// Answers counted unsubstantiated (substantiated mode).
    pub unsubstantiated_count: u32,
    /// Answers that carry evidence (a document reference, a URL or an attached file; in
    /// substantiated mode, stale evidence counts as none): the evidence share is this over
    /// `answered`.
    #[serde(default)]
    pub with_evidence: u32,
    /// Levels achieved above a failed lower level (shown, not counted).
    pub imbalanced: Vec<Level>,
    /// The share of the track's question weight answered `na` and left out, in percent
    /// (absent: none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub na_percent: f64,
}

/// `skip_serializing_if` for shares that are absent when zero (here and in `lean`).
pub(crate) fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

fn is_false(v: &bool) -> bool {
    !*v
}

/// The result of one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LevelEntry {
    /// Score in percent, one decimal; `null` when no question applies.
    pub score: Option<f64>,
    /// The level is achieved (threshold met, no critical question failed).
    pub achieved: bool,
    /// The threshold is met.
    pub meets_threshold: bool,
    /// Critical questions not at their full point.
    pub failed_critical: Vec<String>,
    /// The share of the level's question weight answered `na` and left out, in percent
    /// (absent: none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub na_percent: f64,
    /// More than a quarter of the level's question weight is left out by `na`: the
    /// heavy-`na` warning (`VG-A18`; absent: false). No effect on scoring.
    #[serde(default, skip_serializing_if = "is_false")]
    pub heavy_na: bool,
    /// The grid's `na_limits` refuse the level: too many questions answered not applicable
    /// (absent: false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub too_many_na: bool,
}

/// One next step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StepEntry {
    /// The track.
    pub track: Track,
    /// The question's id.
    pub question: String,
    /// The question's level.
    pub level: Level,
    /// Whether the question is critical.
    pub critical: bool,
    /// `critical_next_level`, `next_level` or `consolidate`.
    pub reason: String,
    /// The current answer (absent: unanswered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<AnswerValue>,
    /// The question.
    pub text: Text,
    /// What to do to reach the full point.
    pub recommendation: Text,
}

/// One problem, for machines and people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProblemEntry {
    /// `error` or `warning`.
    pub severity: String,
    /// The stable code of the problem's kind (`VG-A07`; docs/formats.md lists them).
    #[serde(default)]
    pub code: String,
    /// JSON path or cell of the place.
    pub path: String,
    /// 1-based line, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, with the place.
    pub message: Text,
    /// What to do about it, where the problem has a hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

impl From<&Problem> for ProblemEntry {
    fn from(p: &Problem) -> ProblemEntry {
        ProblemEntry {
            severity: match p.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }
            .into(),
            code: p.code().to_string(),
            path: p.path.to_string(),
            line: p.span.map(|s| s.line),
            column: p.span.map(|s| s.column),
            message: Text::new(p.describe(Lang::Fr), p.describe(Lang::En)),
            help: p
                .kind
                .help(Lang::Fr)
                .zip(p.kind.help(Lang::En))
                .map(|(fr, en)| Text::new(fr, en)),
        }
    }
}

/// An input that could not be scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorEntry {
    /// Where the input came from.
    pub source: String,
    /// Every problem, one per line, in the report's language.
    pub message: String,
    /// Every problem, structured.
    pub problems: Vec<ProblemEntry>,
}

impl ErrorEntry {
    /// An entry from the problems of one input.
    pub fn new(source: impl Into<String>, problems: &[Problem], lang: Lang) -> ErrorEntry {
        ErrorEntry {
            source: source.into(),
            message: problems
                .iter()
                .map(|p| p.describe(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            problems: problems.iter().map(ProblemEntry::from).collect(),
        }
    }
}

impl ResultEntry {
    /// The entry of one scored sheet.
    pub fn new(
        source: impl Into<String>,
        questionnaire: &Questionnaire,
        sheet: &AnswerSheet,
        assessment: &Assessment,
        warnings: &[Problem],
    ) -> ResultEntry {
        let label = |m: u8| {
            Text::new(
                questionnaire.maturity_label(m, Lang::Fr),
                questionnaire.maturity_label(m, Lang::En),
            )
        };
        let tracks = assessment
            .tracks
            .iter()
            .map(|t| {
                let levels = Level::ALL
                    .into_iter()
                    .map(|l| {
                        let r = t.level_result(l);
                        (
                            l,
                            LevelEntry {
                                score: r.score.percent(),
                                achieved: r.achieved,
                                meets_threshold: r.meets_threshold,
                                failed_critical: r
                                    .failed_critical
                                    .iter()
                                    .map(|&i| questionnaire.questions[i].id.clone())
                                    .collect(),
                                na_percent: r.na_share().percent().unwrap_or(0.0),
                                heavy_na: r.heavy_na(),
                                too_many_na: r.too_many_na,
                            },
                        )
                    })
                    .collect();
                let themes = questionnaire
                    .themes
                    .iter()
                    .enumerate()
                    .filter(|(_, th)| {
                        questionnaire
                            .questions
                            .iter()
                            .any(|q| q.theme == th.id && q.has_track(t.track))
                    })
                    .map(|(i, th)| (th.id.clone(), t.themes[i].percent()))
                    .collect();
                (
                    t.track,
                    TrackEntry {
                        level: t.level,
                        label: label(t.level),
                        levels,
                        themes,
                        index: t.index,
                        completeness: t.completeness(),
                        questions: t.questions,
                        answered: t.answered,
                        unknown_count: t.unknown_count,
                        unsubstantiated_count: t.unsubstantiated_count,
                        with_evidence: t.with_evidence(),
                        imbalanced: t.imbalanced_levels(),
                        na_percent: t.na_share().percent().unwrap_or(0.0),
                    },
                )
            })
            .collect();
        let next_steps = assessment
            .next_steps
            .iter()
            .map(|s| {
                let q = &questionnaire.questions[s.question];
                StepEntry {
                    track: s.track,
                    question: q.id.clone(),
                    level: s.level,
                    critical: s.critical,
                    reason: s.reason.code().to_string(),
                    current: s.current,
                    text: q.text.clone(),
                    recommendation: q.recommendation.clone(),
                }
            })
            .collect();
        ResultEntry {
            source: source.into(),
            company: sheet.company.clone(),
            period: sheet.period.clone(),
            questionnaire: QuestionnaireRef {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
            },
            evidence_mode: assessment.evidence_mode,
            threshold: assessment.threshold.as_f64(),
            min_applicable_percent: assessment.min_applicable.map(|p| p.as_f64()),
            headline_level: assessment.headline_level,
            headline_label: label(assessment.headline_level),
            provisional: assessment.provisional,
            tracks,
            next_steps,
            warnings: warnings
                .iter()
                .chain(&assessment.warnings())
                .map(ProblemEntry::from)
                .collect(),
            coverage: sheet_coverage(questionnaire, assessment)
                .into_iter()
                .map(|r| {
                    let f = &questionnaire.frameworks[r.framework];
                    CoverageEntry {
                        framework: f.id.clone(),
                        reference: f.requirements[r.requirement].reference.clone(),
                        track: r.track,
                        status: r.status.map_or(INFORMS, |s| s.code()).to_string(),
                        questions: r
                            .questions
                            .iter()
                            .map(|&i| questionnaire.questions[i].id.clone())
                            .collect(),
                        answers: linked_values(assessment, r.track, &r.questions),
                        answered: r.answers.answered,
                        excluded: r.answers.excluded,
                        with_evidence: r.answers.with_evidence,
                    }
                })
                .collect(),
            reviewed: None,
        }
    }
}

/// Why a reason code reads as it does, in `lang` (for reports).
pub fn reason_label(reason: StepReason, lang: Lang) -> &'static str {
    let m = match reason {
        StepReason::CriticalNextLevel => Msg::ReasonCriticalNextLevel,
        StepReason::NextLevel => Msg::ReasonNextLevel,
        StepReason::Consolidate => Msg::ReasonConsolidate,
    };
    m.text(lang)
}
