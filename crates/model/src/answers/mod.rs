//! Answer sheets: what a company answered, per question and per track, with comments, evidence
//! and justifications; how a sheet is read from JSON (both the shorthand `"Q01": {"CL": "yes"}`
//! and the object form) and checked against a questionnaire, every problem at once.
//!
//! Reading takes a fast path for good files (typed deserialisation) and, only when that fails, a
//! slow path that walks the JSON value to name every wrong type with its path, line and column.
//! Other readers (xlsx, CSV) build a [`SheetDraft`] and share the same checks.
//!
//! This module owns the model ([`AnswerSheet`], [`Answer`]…) and the entry points; `draft` the
//! sheet as read before checking ([`SheetDraft`]); `wire` how answers are written in JSON;
//! `lenient` the slow-path walk; `check` the rules a sheet must follow.

mod check;
mod draft;
mod lenient;
mod wire;

pub use draft::{DraftAnswer, DraftAnswers, DraftRef, RawAnswer, SheetDraft};

use crate::codes::{AnswerValue, Track};
use crate::location::{
    Target, decode_text, duplicate_keys, json_error_problem, locate_all, strip_bom,
};
use crate::nace::Nace;
use crate::problem::{Problem, ProblemKind, Problems};
use crate::questionnaire::Questionnaire;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The `format` of answer sheets this version reads and writes.
pub const ANSWERS_FORMAT: &str = "vigilance.answers/1";

/// Largest answer sheet accepted, in bytes (a complete sheet with long comments is ~100 KB).
pub const MAX_SHEET_BYTES: usize = 8 * 1024 * 1024;

/// Longest comment or justification accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Longest company field, period or evidence item accepted, in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 2_000;

/// Most evidence items accepted on one answer.
pub const MAX_EVIDENCE_ITEMS: usize = 100;

/// Which questionnaire a sheet answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionnaireRef {
    /// The questionnaire's id (`rhsf-fir`).
    pub id: String,
    /// The questionnaire's version (`1.0.0`).
    pub version: String,
}

/// The company a sheet is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Company {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Country (ISO 3166 code or name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Identifier such as an LEI or ISIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// NACE Rev. 2 section or division (`C`, `C29`; read also as `29`, `C.29`, `29.10`), next to
    /// the free-text sector. Checked and written in its short form (`C29`) when the sheet is read.
    #[serde(
        default,
        deserialize_with = "wire::text_or_number",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "nace_schema")]
    pub nace: Option<String>,
    /// For a supplier's sheet: the buyer it answers for (name or identifier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer: Option<String>,
    /// For a supplier's sheet: its tier in the buyer's supply chain, `1`, `2` or `3+` (a number or
    /// a string is read; `3` and `3 +` mean `3+`). Written as a string once the sheet is read.
    #[serde(
        default,
        deserialize_with = "wire::text_or_number",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "tier_schema")]
    pub tier: Option<String>,
}

impl Company {
    /// The company's NACE code, when it has a valid one.
    pub fn nace(&self) -> Option<Nace> {
        self.nace.as_deref().and_then(Nace::parse)
    }

    /// The company's tier in its buyer's supply chain, when it has a valid one.
    pub fn tier(&self) -> Option<Tier> {
        self.tier.as_deref().and_then(Tier::parse)
    }
}

fn nace_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "NACE Rev. 2 section or division (C, C29; read also as 29, C.29, 29.10), next to the free-text sector; written in its short form (C29).",
        "anyOf": [
            { "type": "string" },
            { "type": "number" },
            { "type": "null" }
        ]
    })
}

fn tier_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "For a supplier's sheet: its tier in the buyer's supply chain, 1, 2 or 3+ (3 also means 3+).",
        "anyOf": [
            { "type": "string", "pattern": "^\\s*[123]\\s*(\\+\\s*)?$" },
            { "type": "integer", "minimum": 1, "maximum": 3 },
            { "type": "null" }
        ]
    })
}

/// A supplier's tier in its buyer's supply chain: direct supplier (1), supplier of a direct
/// supplier (2), or further up (3+).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Tier 1: a direct supplier.
    One,
    /// Tier 2: a supplier's supplier.
    Two,
    /// Tier 3 and beyond.
    ThreePlus,
}

impl Tier {
    /// Every tier, nearest first.
    pub const ALL: [Tier; 3] = [Tier::One, Tier::Two, Tier::ThreePlus];

    /// Reads `1`, `2`, `3`, `3+` or `3 +` (spaces around ignored). `None` otherwise.
    pub fn parse(text: &str) -> Option<Tier> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match t.as_str() {
            "1" => Some(Tier::One),
            "2" => Some(Tier::Two),
            "3" | "3+" => Some(Tier::ThreePlus),
            _ => None,
        }
    }

    /// `1`, `2` or `3+`.
    pub fn code(self) -> &'static str {
        match self {
            Tier::One => "1",
            Tier::Two => "2",
            Tier::ThreePlus => "3+",
        }
    }
}

impl std::fmt::Display for Tier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One answer: a value, and what supports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Answer {
    /// The answer.
    pub value: AnswerValue,
    /// Free comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Document references or URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Why the question does not apply (required with `na`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

impl Answer {
    /// A bare answer with no comment, evidence or justification.
    pub fn new(value: AnswerValue) -> Answer {
        Answer {
            value,
            comment: None,
            evidence: Vec::new(),
            justification: None,
        }
    }

    /// Whether at least one non-blank piece of evidence is given.
    pub fn has_evidence(&self) -> bool {
        self.evidence.iter().any(|e| !e.trim().is_empty())
    }

    /// Whether a non-blank justification is given.
    pub fn is_justified(&self) -> bool {
        self.justification
            .as_deref()
            .is_some_and(|j| !j.trim().is_empty())
    }

    pub(crate) fn is_bare(&self) -> bool {
        self.comment.is_none() && self.evidence.is_empty() && self.justification.is_none()
    }
}

/// The answers to one question, per track.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackAnswers {
    /// Child-labour answer.
    pub cl: Option<Answer>,
    /// Forced-labour answer.
    pub fl: Option<Answer>,
}

impl JsonSchema for TrackAnswers {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TrackAnswers".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<AnswerValue>();
        let answer = generator.subschema_for::<Answer>();
        let either = schemars::json_schema!({
            "description": "The bare answer value, or an object with the value and what supports it.",
            "anyOf": [value, answer]
        });
        schemars::json_schema!({
            "description": "Answers to one question, by track (CL: child labour, FL: forced labour).",
            "type": "object",
            "properties": { "CL": either.clone(), "FL": either },
            "additionalProperties": false
        })
    }
}

impl TrackAnswers {
    /// The answer for `track`.
    pub fn get(&self, track: Track) -> Option<&Answer> {
        match track {
            Track::CL => self.cl.as_ref(),
            Track::FL => self.fl.as_ref(),
        }
    }

    /// The answer slot for `track`.
    pub fn slot(&mut self, track: Track) -> &mut Option<Answer> {
        match track {
            Track::CL => &mut self.cl,
            Track::FL => &mut self.fl,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.cl.is_none() && self.fl.is_none()
    }
}

/// A company's answers to a questionnaire: the file of docs/formats.md.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerSheet {
    /// Always `vigilance.answers/1` for this version.
    pub format: String,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireRef,
    /// The company.
    pub company: Company,
    /// The period the answers describe (e.g. `2025`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// When the sheet was last changed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Answers by question id, then by track.
    #[serde(default)]
    pub answers: BTreeMap<String, TrackAnswers>,
}

/// A value read together with the warnings found while reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<T> {
    /// What was read.
    pub value: T,
    /// Problems that did not prevent use (e.g. another questionnaire version).
    pub warnings: Vec<Problem>,
}

impl AnswerSheet {
    /// An empty sheet for `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> AnswerSheet {
        AnswerSheet {
            format: ANSWERS_FORMAT.to_string(),
            questionnaire: QuestionnaireRef {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
            },
            company: Company::default(),
            period: None,
            updated: None,
            answers: BTreeMap::new(),
        }
    }

    /// The answer to `question` for `track`.
    pub fn answer(&self, question: &str, track: Track) -> Option<&Answer> {
        self.answers.get(question).and_then(|a| a.get(track))
    }

    /// Sets (or, with `None`, removes) the answer to `question` for `track`.
    pub fn set_answer(&mut self, question: &str, track: Track, answer: Option<Answer>) {
        match answer {
            Some(a) => {
                *self
                    .answers
                    .entry(question.to_string())
                    .or_default()
                    .slot(track) = Some(a);
            }
            None => {
                if let Some(t) = self.answers.get_mut(question) {
                    *t.slot(track) = None;
                    if t.is_empty() {
                        self.answers.remove(question);
                    }
                }
            }
        }
    }

    /// Number of answers given (any value).
    pub fn answered_count(&self) -> usize {
        self.answers
            .values()
            .map(|t| usize::from(t.cl.is_some()) + usize::from(t.fl.is_some()))
            .sum()
    }

    /// Reads and checks a sheet from file bytes (UTF-8 with or without BOM).
    pub fn parse_bytes(
        bytes: &[u8],
        questionnaire: &Questionnaire,
    ) -> Result<Parsed<AnswerSheet>, Problems> {
        if bytes.len() > MAX_SHEET_BYTES {
            return Err(Problems(vec![Problem::file_too_large(
                bytes.len(),
                MAX_SHEET_BYTES,
            )]));
        }
        let text = decode_text(bytes).map_err(|p| Problems(vec![p]))?;
        AnswerSheet::parse(&text, questionnaire)
    }

    /// Reads and checks a sheet from JSON text against `questionnaire`, reporting every problem
    /// found at once; warnings come back with the sheet.
    pub fn parse(
        text: &str,
        questionnaire: &Questionnaire,
    ) -> Result<Parsed<AnswerSheet>, Problems> {
        let text = strip_bom(text);
        if text.trim().is_empty() {
            return Err(Problems(vec![Problem::error("", ProblemKind::Empty)]));
        }
        let (draft, mut problems) = match serde_json::from_str::<SheetDraft>(text) {
            Ok(d) => (d, Vec::new()),
            Err(fast) => match serde_json::from_str::<Value>(text) {
                Err(e) => return Err(Problems(vec![json_error_problem(text, "", &e)])),
                Ok(value) => {
                    // A key written twice is read as its last value by the lenient walk: name
                    // both places instead.
                    let mut problems = duplicate_keys(text);
                    let draft = SheetDraft::from_value(&value, &mut problems);
                    if problems.is_empty() {
                        // The walk found nothing the typed reader objected to: report its error.
                        problems.push(json_error_problem(text, "", &fast));
                    }
                    (draft, problems)
                }
            },
        };
        let result = draft.check(questionnaire);
        let (sheet, more) = match result {
            Ok(parsed) => (Some(parsed.value), parsed.warnings),
            Err(Problems(p)) => (None, p),
        };
        problems.extend(more);
        locate_all(text, &mut problems, |p| match p.kind {
            ProblemKind::UnknownQuestion { .. }
            | ProblemKind::IgnoredQuestion { .. }
            | ProblemKind::UnknownTrack { .. }
            | ProblemKind::TrackNotAsked { .. } => Target::Key,
            _ => Target::Value,
        });
        match sheet {
            Some(value) if !problems.iter().any(Problem::is_error) => Ok(Parsed {
                value,
                warnings: problems,
            }),
            _ => Err(Problems(problems)),
        }
    }

    /// Checks an in-memory sheet against `questionnaire` (e.g. after edits in the browser):
    /// every problem, errors and warnings.
    pub fn check(&self, questionnaire: &Questionnaire) -> Vec<Problem> {
        match SheetDraft::from(self).check(questionnaire) {
            Ok(p) => p.warnings,
            Err(Problems(p)) => p,
        }
    }

    /// The sheet as pretty JSON (what the browser exports).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// How a period is shown in the duplicate warning: as written, or "no period given".
pub fn period_shown(period: Option<&str>, lang: crate::text::Lang) -> String {
    match period.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => p.to_string(),
        None => crate::messages::Msg::NoPeriodGiven.text(lang).to_string(),
    }
}
