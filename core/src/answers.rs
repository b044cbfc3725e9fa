//! Answer sheets: what a company answered, per question and per track, with comments, evidence
//! and justifications; how a sheet is read from JSON (both the shorthand `"Q01": {"CL": "yes"}`
//! and the object form) and checked against a questionnaire, every problem at once.
//!
//! Reading takes a fast path for good files (typed deserialisation) and, only when that fails, a
//! slow path that walks the JSON value to name every wrong type with its path, line and column.
//! Other readers (xlsx, CSV) build a [`SheetDraft`] and share the same checks.

use crate::codes::{AnswerValue, Track};
use crate::location::json_error_problem;
use crate::location::{Target, decode_text, duplicate_keys, locate_all, pointer, strip_bom};
use crate::problem::{JsonType, Place, Problem, ProblemKind, Problems};
use crate::questionnaire::Questionnaire;
use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

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

    fn is_bare(&self) -> bool {
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

    fn is_empty(&self) -> bool {
        self.cl.is_none() && self.fl.is_none()
    }
}

impl Serialize for TrackAnswers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Short<'a>(&'a Answer);
        impl Serialize for Short<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if self.0.is_bare() {
                    self.0.value.serialize(s)
                } else {
                    self.0.serialize(s)
                }
            }
        }
        let mut map = s.serialize_map(None)?;
        for track in Track::ALL {
            if let Some(a) = self.get(track) {
                map.serialize_entry(track.code(), &Short(a))?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TrackAnswers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Strict form, used once a sheet is known to be valid (e.g. the web app's own state).
        let raw: BTreeMap<String, RawAnswer> = BTreeMap::deserialize(d)?;
        let mut out = TrackAnswers::default();
        for (k, v) in raw {
            let track = Track::from_code(&k)
                .ok_or_else(|| de::Error::custom(format!("`{k}` is not a track")))?;
            let (value, comment, evidence, justification) = v.into_parts();
            let value = AnswerValue::from_code(&value)
                .ok_or_else(|| de::Error::custom(format!("`{value}` is not an answer value")))?;
            *out.slot(track) = Some(Answer {
                value,
                comment,
                evidence,
                justification,
            });
        }
        Ok(out)
    }
}

/// A company's answers to a questionnaire: the file of `FORMATS.md`.
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

/// An answer as written in a file, before checking: the bare value string or an object.
#[derive(Clone, Debug, PartialEq)]
pub enum RawAnswer {
    /// `"yes"`.
    Short(String),
    /// `{"value": "yes", "comment": …, "evidence": […], "justification": …}`.
    Full {
        /// The value as written.
        value: Option<String>,
        /// Comment.
        comment: Option<String>,
        /// Evidence.
        evidence: Vec<String>,
        /// Justification.
        justification: Option<String>,
    },
}

/// The object form of an answer. `evidence` may be one string or a list.
#[derive(Deserialize)]
struct FullAnswer {
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    comment: Option<String>,
    #[serde(default)]
    evidence: Option<Evidence>,
    #[serde(default)]
    justification: Option<String>,
}

/// Evidence as written: one string or a list of strings.
enum Evidence {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for Evidence {
    // A visitor rather than `#[serde(untagged)]`, which would buffer every value first.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Evidence;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Evidence, E> {
                Ok(Evidence::One(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Evidence, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(16));
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(Evidence::Many(items))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawAnswer {
    // A hand-written visitor instead of `#[serde(untagged)]`: no buffering, so good sheets are
    // read at full speed; bad shapes fall back to the slow path that names every problem.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an answer (a value string or an object with `value`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Short(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Short(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAnswer, A::Error> {
                let full = FullAnswer::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawAnswer::Full {
                    value: full.value,
                    comment: full.comment,
                    evidence: match full.evidence {
                        None => Vec::new(),
                        Some(Evidence::One(s)) => vec![s],
                        Some(Evidence::Many(v)) => v,
                    },
                    justification: full.justification,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl RawAnswer {
    fn into_parts(self) -> (String, Option<String>, Vec<String>, Option<String>) {
        match self {
            RawAnswer::Short(v) => (v, None, Vec::new(), None),
            RawAnswer::Full {
                value,
                comment,
                evidence,
                justification,
            } => (value.unwrap_or_default(), comment, evidence, justification),
        }
    }
}

/// One answer of a draft, with where it came from (for messages about other file types).
#[derive(Clone, Debug, PartialEq)]
pub struct DraftAnswer {
    /// The answer as written.
    pub raw: RawAnswer,
    /// Where it stands, when not a JSON path (a cell, or a CSV line and column).
    pub origin: Option<Place>,
}

impl<'de> Deserialize<'de> for DraftAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RawAnswer::deserialize(d).map(|raw| DraftAnswer { raw, origin: None })
    }
}

/// An answer sheet as read, before it is checked against a questionnaire. Every reader (JSON,
/// xlsx, CSV) produces one, so that all share the same checks and messages.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SheetDraft {
    /// `format`.
    #[serde(default)]
    pub format: Option<String>,
    /// `questionnaire.id`.
    #[serde(default)]
    pub questionnaire: Option<DraftRef>,
    /// `company`.
    #[serde(default)]
    pub company: Option<Company>,
    /// `period`.
    #[serde(default)]
    pub period: Option<String>,
    /// `updated`.
    #[serde(default)]
    pub updated: Option<String>,
    /// Answers as written: question → track key → answer.
    #[serde(default, deserialize_with = "answers_map")]
    pub answers: DraftAnswers,
}

/// The questionnaire reference of a draft.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DraftRef {
    /// Id.
    #[serde(default)]
    pub id: Option<String>,
    /// Version.
    #[serde(default)]
    pub version: Option<String>,
}

/// Answers as written: question id → (track key → answer), in file order.
pub type DraftAnswers = Vec<(String, Vec<(String, DraftAnswer)>)>;

/// Reads the answers object keeping file order (so problems come in reading order).
fn answers_map<'de, D: Deserializer<'de>>(d: D) -> Result<DraftAnswers, D::Error> {
    struct Outer;
    impl<'de> Visitor<'de> for Outer {
        type Value = DraftAnswers;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of answers by question id")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out: DraftAnswers = Vec::with_capacity(map.size_hint().unwrap_or(40));
            while let Some((k, v)) = map.next_entry::<String, Inner>()? {
                if out.iter().any(|(q, _)| *q == k) {
                    // The slow path names both places.
                    return Err(de::Error::custom(format!("duplicate key `{k}`")));
                }
                out.push((k, v.0));
            }
            Ok(out)
        }
    }
    struct Inner(Vec<(String, DraftAnswer)>);
    impl<'de> Deserialize<'de> for Inner {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Inner;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object of answers by track")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Inner, A::Error> {
                    let mut out: Vec<(String, DraftAnswer)> = Vec::with_capacity(2);
                    while let Some(e) = map.next_entry::<String, DraftAnswer>()? {
                        if out.iter().any(|(t, _)| *t == e.0) {
                            return Err(de::Error::custom(format!("duplicate key `{}`", e.0)));
                        }
                        out.push(e);
                    }
                    Ok(Inner(out))
                }
            }
            d.deserialize_map(V)
        }
    }
    d.deserialize_map(Outer)
}

impl SheetDraft {
    /// Walks a JSON value leniently: every wrong type becomes a problem, the rest is kept.
    fn from_value(v: &Value, problems: &mut Vec<Problem>) -> SheetDraft {
        let mut wrong = |path: String, expected: JsonType, found: &Value| {
            problems.push(Problem::error(
                path,
                ProblemKind::WrongType {
                    expected,
                    found: JsonType::of(found),
                },
            ));
        };
        let mut draft = SheetDraft::default();
        let Some(root) = v.as_object() else {
            wrong(String::new(), JsonType::Object, v);
            return draft;
        };
        let string = |path: &str,
                      v: Option<&Value>,
                      wrong: &mut dyn FnMut(String, JsonType, &Value)| {
            match v {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => {
                    wrong(path.to_string(), JsonType::String, other);
                    None
                }
            }
        };
        draft.format = string("/format", root.get("format"), &mut wrong);
        draft.period = string("/period", root.get("period"), &mut wrong);
        draft.updated = string("/updated", root.get("updated"), &mut wrong);
        match root.get("questionnaire") {
            None | Some(Value::Null) => {}
            Some(Value::Object(o)) => {
                draft.questionnaire = Some(DraftRef {
                    id: string("/questionnaire/id", o.get("id"), &mut wrong),
                    version: string("/questionnaire/version", o.get("version"), &mut wrong),
                })
            }
            Some(other) => wrong("/questionnaire".into(), JsonType::Object, other),
        }
        match root.get("company") {
            None | Some(Value::Null) => {}
            Some(Value::Object(o)) => {
                draft.company = Some(Company {
                    name: string("/company/name", o.get("name"), &mut wrong).unwrap_or_default(),
                    sector: string("/company/sector", o.get("sector"), &mut wrong),
                    country: string("/company/country", o.get("country"), &mut wrong),
                    id: string("/company/id", o.get("id"), &mut wrong),
                })
            }
            Some(other) => wrong("/company".into(), JsonType::Object, other),
        }
        match root.get("answers") {
            None | Some(Value::Null) => {}
            Some(Value::Object(answers)) => {
                for (qid, tracks) in answers {
                    let qpath = pointer(&["answers", qid.as_str()]);
                    let Some(tracks) = tracks.as_object() else {
                        wrong(qpath, JsonType::Object, tracks);
                        continue;
                    };
                    let mut entries = Vec::new();
                    for (tk, a) in tracks {
                        let apath = format!("{qpath}{}", pointer(&[tk.as_str()]));
                        let raw = match a {
                            Value::String(s) => Some(RawAnswer::Short(s.clone())),
                            Value::Object(o) => {
                                let value = match o.get("value") {
                                    Some(Value::String(s)) => Some(s.clone()),
                                    None => Some(String::new()),
                                    Some(other) => {
                                        wrong(format!("{apath}/value"), JsonType::String, other);
                                        None
                                    }
                                };
                                let evidence = match o.get("evidence") {
                                    None | Some(Value::Null) => Vec::new(),
                                    Some(Value::String(s)) => vec![s.clone()],
                                    Some(Value::Array(items)) => items
                                        .iter()
                                        .enumerate()
                                        .filter_map(|(i, e)| match e {
                                            Value::String(s) => Some(s.clone()),
                                            other => {
                                                wrong(
                                                    format!("{apath}/evidence/{i}"),
                                                    JsonType::String,
                                                    other,
                                                );
                                                None
                                            }
                                        })
                                        .collect(),
                                    Some(other) => {
                                        wrong(
                                            format!("{apath}/evidence"),
                                            JsonType::StringList,
                                            other,
                                        );
                                        Vec::new()
                                    }
                                };
                                let comment = string(
                                    &format!("{apath}/comment"),
                                    o.get("comment"),
                                    &mut wrong,
                                );
                                let justification = string(
                                    &format!("{apath}/justification"),
                                    o.get("justification"),
                                    &mut wrong,
                                );
                                value.map(|v| RawAnswer::Full {
                                    value: Some(v),
                                    comment,
                                    evidence,
                                    justification,
                                })
                            }
                            other => {
                                wrong(apath, JsonType::Answer, other);
                                None
                            }
                        };
                        if let Some(raw) = raw {
                            entries.push((tk.clone(), DraftAnswer { raw, origin: None }));
                        }
                    }
                    draft.answers.push((qid.clone(), entries));
                }
            }
            Some(other) => wrong("/answers".into(), JsonType::Object, other),
        }
        draft
    }

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
        let company = self.company.unwrap_or_default();
        let short_fields = [
            ("/company/name", Some(&company.name)),
            ("/company/sector", company.sector.as_ref()),
            ("/company/country", company.country.as_ref()),
            ("/company/id", company.id.as_ref()),
            ("/period", self.period.as_ref()),
        ];
        for (path, text) in short_fields {
            if let Some(p) =
                text.and_then(|t| too_long(|| path.to_string(), t, MAX_SHORT_TEXT_CHARS))
            {
                problems.push(p);
            }
        }
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
                        problems.push(Problem::error(
                            value_path(),
                            ProblemKind::NaOnCritical {
                                question: qid.clone(),
                                allowed: question.allowed_values().collect(),
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

impl From<&AnswerSheet> for SheetDraft {
    fn from(s: &AnswerSheet) -> SheetDraft {
        SheetDraft {
            format: Some(s.format.clone()),
            questionnaire: Some(DraftRef {
                id: Some(s.questionnaire.id.clone()),
                version: Some(s.questionnaire.version.clone()),
            }),
            company: Some(s.company.clone()),
            period: s.period.clone(),
            updated: s.updated.clone(),
            answers: s
                .answers
                .iter()
                .map(|(q, t)| {
                    let entries = Track::ALL
                        .into_iter()
                        .filter_map(|tr| t.get(tr).map(|a| (tr, a)))
                        .map(|(tr, a)| {
                            (
                                tr.code().to_string(),
                                DraftAnswer {
                                    raw: RawAnswer::Full {
                                        value: Some(a.value.code().to_string()),
                                        comment: a.comment.clone(),
                                        evidence: a.evidence.clone(),
                                        justification: a.justification.clone(),
                                    },
                                    origin: None,
                                },
                            )
                        })
                        .collect();
                    (q.clone(), entries)
                })
                .collect(),
        }
    }
}
