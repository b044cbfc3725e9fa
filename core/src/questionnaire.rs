//! The questionnaire: a maturity grid as data (tracks, the four levels, themes, answer values
//! with their points, questions), how it is loaded and checked, and the built-in RHSF/FIR grid.
//!
//! A coalition can load its own grid (other questions, thresholds, weights) without recompiling:
//! [`Questionnaire::parse`] reads the file format of `FORMATS.md` and reports every problem at
//! once, each with its JSON path, line and column.

use crate::codes::{AnswerValue, Level, Track};
use crate::exact::{Percent, UNITS_PER_POINT, to_thousandths};
use crate::location::{Target, decode_text, locate_all, pointer, strip_bom};
use crate::messages::Msg;
use crate::problem::{IdKind, NumberKind, Problem, ProblemKind, Problems, Span};
use crate::text::{Lang, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::ops::Deref;
use std::sync::OnceLock;

/// Largest questionnaire file accepted, in bytes (the built-in grid is about 80 KB).
pub const MAX_QUESTIONNAIRE_BYTES: usize = 8 * 1024 * 1024;

/// The `format` of questionnaire files this version reads.
pub const QUESTIONNAIRE_FORMAT: &str = "vigilance.questionnaire/1";

/// A track as the questionnaire defines it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrackDef {
    /// `CL` or `FL`.
    pub id: Track,
    /// The track's name.
    pub label: Text,
}

/// A maturity level as the questionnaire defines it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LevelDef {
    /// `N1`..`N4`.
    pub id: Level,
    /// The level's name (e.g. "Knowledge of the subject").
    pub label: Text,
    /// What reaching the level means.
    pub definition: Text,
}

/// Level 0, "not started".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NotStarted {
    /// The name of level 0.
    pub label: Text,
    /// What level 0 means.
    #[serde(default)]
    pub definition: Text,
}

/// A theme: a cross-level axis of analysis (knowledge, governance, risk mapping…).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ThemeDef {
    /// Short stable code (`KNO`, `GOV`…).
    pub id: String,
    /// The theme's name.
    pub label: Text,
}

/// An answer value with its label and points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerValueDef {
    /// The value's code.
    pub value: AnswerValue,
    /// The value's label.
    pub label: Text,
    /// Points earned, 0..=1 with at most three decimals; `null` for `na` (left out of the
    /// denominators).
    pub points: Option<f64>,
}

/// One question of the grid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Question {
    /// Stable id (`Q01`).
    pub id: String,
    /// The level it belongs to.
    pub level: Level,
    /// The theme it belongs to (an id of the questionnaire's `themes`).
    pub theme: String,
    /// The tracks it is answered for.
    pub tracks: Vec<Track>,
    /// A critical question must earn its full point for its level to be achieved.
    #[serde(default)]
    pub critical: bool,
    /// Weight in its level and theme scores (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: f64,
    /// Whether `na` is allowed (default: yes for non-critical questions, never for critical
    /// ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_na: Option<bool>,
    /// The question.
    pub text: Text,
    /// What earns the half point; without it `partial` is not a valid answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<Text>,
    /// What to do to reach the full point.
    pub recommendation: Text,
    /// How to read the question, what counts as evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Standards and sources the question is anchored in.
    #[serde(default)]
    pub references: Vec<String>,
}

fn one() -> f64 {
    1.0
}

fn is_one(w: &f64) -> bool {
    *w == 1.0
}

fn default_threshold() -> f64 {
    70.0
}

fn default_index_weights() -> Vec<f64> {
    vec![1.0, 2.0, 3.0, 4.0]
}

fn default_format() -> String {
    QUESTIONNAIRE_FORMAT.to_string()
}

impl Question {
    /// Whether the question is answered for `track`.
    pub fn has_track(&self, track: Track) -> bool {
        self.tracks.contains(&track)
    }

    /// Whether `partial` is a valid answer.
    pub fn allows_partial(&self) -> bool {
        self.partial.is_some()
    }

    /// Whether `na` is a valid answer.
    pub fn allows_na(&self) -> bool {
        !self.critical && self.allow_na.unwrap_or(true)
    }

    /// The answer values valid for this question, in form order.
    pub fn allowed_values(&self) -> impl Iterator<Item = AnswerValue> + '_ {
        AnswerValue::ALL.into_iter().filter(|v| match v {
            AnswerValue::Partial => self.allows_partial(),
            AnswerValue::Na => self.allows_na(),
            _ => true,
        })
    }
}

/// A questionnaire file as written: the grid's data before it is checked (the format of
/// docs/formats.md). To edit a grid, edit this, then make it a [`Questionnaire`] again with
/// `Questionnaire::try_from`, which checks it and prepares scoring.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[schemars(
    rename = "Questionnaire",
    description = "A maturity grid: the data the scoring rule runs on."
)]
pub struct QuestionnaireFile {
    /// Always `vigilance.questionnaire/1` for this version.
    #[serde(default = "default_format")]
    pub format: String,
    /// Stable id (`rhsf-fir`).
    pub id: String,
    /// Version, `MAJOR.MINOR.PATCH`.
    pub version: String,
    /// The grid's name.
    pub title: Text,
    /// What the grid is and where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Percentage a level score must reach (default 70).
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// Weights of N1..N4 in the indicative index (default 1, 2, 3, 4).
    #[serde(default = "default_index_weights")]
    pub index_weights: Vec<f64>,
    /// The tracks (child labour, forced labour).
    pub tracks: Vec<TrackDef>,
    /// Level 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_started: Option<NotStarted>,
    /// The four maturity levels.
    pub levels: Vec<LevelDef>,
    /// The themes.
    pub themes: Vec<ThemeDef>,
    /// The answer values and their points.
    pub answer_values: Vec<AnswerValueDef>,
    /// The questions, in the order forms show them.
    pub questions: Vec<Question>,
}

/// A checked maturity grid, ready for scoring: the data of a [`QuestionnaireFile`] that passed
/// every rule of docs/formats.md, with what scoring needs precomputed.
///
/// It can only be made by checking ([`Questionnaire::parse`], `Questionnaire::try_from`, or
/// deserialising, which checks too), and it cannot be changed afterwards: its data is read
/// through [`Deref`] to the file, never written. So an unchecked grid, or one whose precomputed
/// part is stale, cannot be scored.
#[derive(Clone, Debug)]
pub struct Questionnaire {
    file: QuestionnaireFile,
    compiled: Compiled,
}

impl Deref for Questionnaire {
    type Target = QuestionnaireFile;

    /// The grid's data, read-only.
    fn deref(&self) -> &QuestionnaireFile {
        &self.file
    }
}

impl TryFrom<QuestionnaireFile> for Questionnaire {
    type Error = Problems;

    /// Checks `file` and prepares scoring; every problem when it breaks a rule.
    fn try_from(file: QuestionnaireFile) -> Result<Questionnaire, Problems> {
        let problems = file.check();
        if problems.iter().any(Problem::is_error) {
            return Err(Problems(problems));
        }
        let compiled = compile(&file);
        Ok(Questionnaire { file, compiled })
    }
}

impl Serialize for Questionnaire {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.file.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Questionnaire {
    /// Reads a questionnaire file and checks it: an invalid grid is a deserialisation error.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let file = QuestionnaireFile::deserialize(d)?;
        Questionnaire::try_from(file).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Questionnaire {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        QuestionnaireFile::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        QuestionnaireFile::json_schema(generator)
    }
}

impl Questionnaire {
    /// The grid's data as a file, to edit and check again.
    pub fn into_file(self) -> QuestionnaireFile {
        self.file
    }
}

/// What scoring needs, precomputed once when the questionnaire is loaded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    pub threshold: Option<Percent>,
    /// Index weights in thousandths.
    pub index_weights: [u64; 4],
    /// Points in units for yes, partial, no, unknown.
    pub points: [u64; 4],
    /// Question positions sorted by id.
    pub by_id: Vec<usize>,
    /// Theme position of each question.
    pub theme_of: Vec<usize>,
    /// Weight of each question, in thousandths.
    pub weight_of: Vec<u64>,
    /// Tracks present, in `Track::ALL` order.
    pub tracks: Vec<Track>,
}

impl Questionnaire {
    /// The built-in RHSF/FIR grid (`questionnaires/rhsf-fir.json`), parsed once.
    pub fn builtin() -> &'static Questionnaire {
        static BUILTIN: OnceLock<Questionnaire> = OnceLock::new();
        BUILTIN.get_or_init(
            || match Questionnaire::parse(crate::BUILTIN_QUESTIONNAIRE_JSON) {
                Ok(q) => q,
                // The file is checked by this crate's tests; reaching this is a build defect.
                Err(e) => panic!("the built-in questionnaire is invalid: {e}"),
            },
        )
    }

    /// Parses and checks a questionnaire file given as bytes (UTF-8, with or without BOM).
    pub fn parse_bytes(bytes: &[u8]) -> Result<Questionnaire, Problems> {
        if bytes.len() > MAX_QUESTIONNAIRE_BYTES {
            return Err(Problems(vec![Problem::file_too_large(
                bytes.len(),
                MAX_QUESTIONNAIRE_BYTES,
            )]));
        }
        let text = decode_text(bytes).map_err(|p| Problems(vec![p]))?;
        Questionnaire::parse(&text)
    }

    /// Parses and checks a questionnaire, reporting every problem found at once.
    pub fn parse(text: &str) -> Result<Questionnaire, Problems> {
        let text = strip_bom(text);
        if text.trim().is_empty() {
            return Err(Problems(vec![Problem::error("", ProblemKind::Empty)]));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let file: QuestionnaireFile = match serde_path_to_error::deserialize(&mut de) {
            Ok(q) => q,
            Err(e) => return Err(Problems(vec![serde_problem(text, e)])),
        };
        if let Err(e) = de.end() {
            return Err(Problems(vec![json_error_problem(text, "", &e)]));
        }
        Questionnaire::try_from(file).map_err(|Problems(mut problems)| {
            locate_all(text, &mut problems, |_| Target::Value);
            Problems(problems)
        })
    }

    pub(crate) fn compiled(&self) -> &Compiled {
        &self.compiled
    }

    /// The questionnaire's threshold.
    pub fn threshold_percent(&self) -> Percent {
        self.compiled
            .threshold
            .unwrap_or(Percent::DEFAULT_THRESHOLD)
    }

    /// The tracks the grid has, in report order (CL, FL).
    pub fn track_codes(&self) -> &[Track] {
        &self.compiled.tracks
    }

    /// The question with id `id`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }

    /// The position of question `id` in [`Questionnaire::questions`].
    pub fn question_index(&self, id: &str) -> Option<usize> {
        let by_id = &self.compiled.by_id;
        by_id
            .binary_search_by(|i| self.questions[*i].id.as_str().cmp(id))
            .ok()
            .map(|k| by_id[k])
    }

    /// The questions in id order (for merging with an id-sorted answer map).
    pub(crate) fn ids_sorted(&self) -> &[usize] {
        &self.compiled.by_id
    }

    /// The questions of `level` answered for `track`, in form order.
    pub fn questions_of(&self, track: Track, level: Level) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.level == level && q.has_track(track))
    }

    /// The label of a track in `lang`.
    pub fn track_label(&self, track: Track, lang: Lang) -> &str {
        self.tracks
            .iter()
            .find(|t| t.id == track)
            .map_or(track.label(lang), |t| t.label.get(lang))
    }

    /// The definition of a level.
    pub fn level(&self, level: Level) -> Option<&LevelDef> {
        self.levels.iter().find(|l| l.id == level)
    }

    /// The label of a maturity 0..=4 in `lang` ("Not started" for 0).
    pub fn maturity_label(&self, maturity: u8, lang: Lang) -> &str {
        match Level::from_rank(maturity) {
            Some(l) => self.level(l).map_or("", |d| d.label.get(lang)),
            None => self
                .not_started
                .as_ref()
                .map_or(Msg::NotStarted.text(lang), |n| n.label.get(lang)),
        }
    }

    /// The label of a theme in `lang` (the id when unknown).
    pub fn theme_label<'a>(&'a self, theme: &'a str, lang: Lang) -> &'a str {
        self.themes
            .iter()
            .find(|t| t.id == theme)
            .map_or(theme, |t| t.label.get(lang))
    }

    /// The label of an answer value in `lang`.
    pub fn value_label(&self, value: AnswerValue, lang: Lang) -> &str {
        self.answer_values
            .iter()
            .find(|d| d.value == value)
            .map_or(value.label(lang), |d| d.label.get(lang))
    }

    /// `id version`, as messages name the questionnaire.
    pub fn name(&self) -> String {
        format!("{} {}", self.id, self.version)
    }

    /// The number of (question, track) pairs: the answers a complete sheet holds.
    pub fn answer_count(&self) -> usize {
        self.questions.iter().map(|q| q.tracks.len()).sum()
    }
}

impl QuestionnaireFile {
    /// Every problem of the grid (the rules of docs/formats.md).
    fn check(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let err = |out: &mut Vec<Problem>, path: String, kind| out.push(Problem::error(path, kind));
        let text = |out: &mut Vec<Problem>, path: &str, t: &Text| {
            for lang in t.missing() {
                out.push(Problem::error(
                    format!("{path}/{}", lang.code()),
                    ProblemKind::MissingTranslation { lang },
                ));
            }
        };
        if self.format != QUESTIONNAIRE_FORMAT {
            err(
                &mut out,
                "/format".into(),
                ProblemKind::UnsupportedFormat {
                    found: self.format.clone(),
                    expected: QUESTIONNAIRE_FORMAT,
                },
            );
        }
        if self.id.trim().is_empty() {
            err(
                &mut out,
                "/id".into(),
                ProblemKind::MissingField { field: "id".into() },
            );
        }
        if !is_semver(&self.version) {
            err(
                &mut out,
                "/version".into(),
                ProblemKind::InvalidVersion {
                    found: self.version.clone(),
                },
            );
        }
        text(&mut out, "/title", &self.title);
        if let Some(d) = &self.description {
            text(&mut out, "/description", d);
        }
        if Percent::from_f64(self.threshold).is_none() {
            err(
                &mut out,
                "/threshold".into(),
                ProblemKind::InvalidNumber {
                    what: NumberKind::Threshold,
                    value: self.threshold.to_string(),
                },
            );
        }
        if self.index_weights.len() != 4 {
            err(
                &mut out,
                "/index_weights".into(),
                ProblemKind::IndexWeightCount {
                    found: self.index_weights.len(),
                },
            );
        }
        for (i, w) in self.index_weights.iter().enumerate() {
            if to_thousandths(*w).is_none() {
                err(
                    &mut out,
                    format!("/index_weights/{i}"),
                    ProblemKind::InvalidNumber {
                        what: NumberKind::IndexWeight,
                        value: w.to_string(),
                    },
                );
            }
        }
        let mut seen_tracks = BTreeSet::new();
        for (i, t) in self.tracks.iter().enumerate() {
            if !seen_tracks.insert(t.id) {
                err(
                    &mut out,
                    format!("/tracks/{i}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Track,
                        id: t.id.code().into(),
                    },
                );
            }
            text(&mut out, &format!("/tracks/{i}/label"), &t.label);
        }
        if self.tracks.is_empty() {
            err(
                &mut out,
                "/tracks".into(),
                ProblemKind::MissingField {
                    field: "tracks".into(),
                },
            );
        }
        let mut seen_levels = BTreeSet::new();
        for (i, l) in self.levels.iter().enumerate() {
            if !seen_levels.insert(l.id) {
                err(
                    &mut out,
                    format!("/levels/{i}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Level,
                        id: l.id.code().into(),
                    },
                );
            }
            text(&mut out, &format!("/levels/{i}/label"), &l.label);
            text(&mut out, &format!("/levels/{i}/definition"), &l.definition);
        }
        for level in Level::ALL {
            if !seen_levels.contains(&level) {
                err(
                    &mut out,
                    "/levels".into(),
                    ProblemKind::MissingField {
                        field: format!("levels[{level}]"),
                    },
                );
            }
        }
        if let Some(ns) = &self.not_started {
            text(&mut out, "/not_started/label", &ns.label);
        }
        let mut seen_themes = BTreeSet::new();
        for (i, t) in self.themes.iter().enumerate() {
            if !seen_themes.insert(t.id.as_str()) {
                err(
                    &mut out,
                    format!("/themes/{i}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Theme,
                        id: t.id.clone(),
                    },
                );
            }
            text(&mut out, &format!("/themes/{i}/label"), &t.label);
        }
        let mut seen_values = BTreeSet::new();
        for (i, v) in self.answer_values.iter().enumerate() {
            if !seen_values.insert(v.value) {
                err(
                    &mut out,
                    format!("/answer_values/{i}/value"),
                    ProblemKind::DuplicateId {
                        what: IdKind::AnswerValue,
                        id: v.value.code().into(),
                    },
                );
            }
            text(&mut out, &format!("/answer_values/{i}/label"), &v.label);
            let ok = match (v.value, v.points) {
                (AnswerValue::Na, None) => true,
                (AnswerValue::Na, Some(_)) => false,
                (_, Some(p)) => to_thousandths(p).is_some_and(|t| t <= 1000),
                (_, None) => false,
            };
            if !ok {
                err(
                    &mut out,
                    format!("/answer_values/{i}/points"),
                    ProblemKind::InvalidNumber {
                        what: if v.value == AnswerValue::Na {
                            NumberKind::NaPoints
                        } else {
                            NumberKind::Points
                        },
                        value: v.points.map_or("null".into(), |p| p.to_string()),
                    },
                );
            }
        }
        for value in AnswerValue::ALL {
            if !seen_values.contains(&value) {
                err(
                    &mut out,
                    "/answer_values".into(),
                    ProblemKind::MissingAnswerValue { value },
                );
            }
        }
        let known_themes = self
            .themes
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let mut seen_questions = BTreeSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let base = format!("/questions/{i}");
            if q.id.trim().is_empty() {
                err(
                    &mut out,
                    format!("{base}/id"),
                    ProblemKind::MissingField { field: "id".into() },
                );
            } else if !seen_questions.insert(q.id.as_str()) {
                err(
                    &mut out,
                    format!("{base}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Question,
                        id: q.id.clone(),
                    },
                );
            }
            if !seen_themes.contains(q.theme.as_str()) {
                err(
                    &mut out,
                    format!("{base}/theme"),
                    ProblemKind::UnknownTheme {
                        found: q.theme.clone(),
                        known: known_themes.clone(),
                    },
                );
            }
            if q.tracks.is_empty() {
                err(&mut out, format!("{base}/tracks"), ProblemKind::NoTrack);
            }
            let mut qt = BTreeSet::new();
            for (j, t) in q.tracks.iter().enumerate() {
                if !qt.insert(*t) {
                    err(
                        &mut out,
                        format!("{base}/tracks/{j}"),
                        ProblemKind::Repeated {
                            found: t.code().into(),
                        },
                    );
                } else if !seen_tracks.contains(t) {
                    err(
                        &mut out,
                        format!("{base}/tracks/{j}"),
                        ProblemKind::TrackNotDefined { track: *t },
                    );
                }
            }
            if !(q.weight > 0.0 && to_thousandths(q.weight).is_some_and(|w| w > 0)) {
                err(
                    &mut out,
                    format!("{base}/weight"),
                    ProblemKind::InvalidNumber {
                        what: NumberKind::Weight,
                        value: q.weight.to_string(),
                    },
                );
            }
            if q.critical && q.allow_na == Some(true) {
                err(
                    &mut out,
                    format!("{base}/allow_na"),
                    ProblemKind::CriticalAllowsNa {
                        question: q.id.clone(),
                    },
                );
            }
            text(&mut out, &format!("{base}/text"), &q.text);
            text(
                &mut out,
                &format!("{base}/recommendation"),
                &q.recommendation,
            );
            if let Some(p) = &q.partial {
                text(&mut out, &format!("{base}/partial"), p);
            }
            if let Some(h) = &q.help {
                text(&mut out, &format!("{base}/help"), h);
            }
        }
        for t in &self.tracks {
            for level in Level::ALL {
                if !self
                    .questions
                    .iter()
                    .any(|q| q.level == level && q.has_track(t.id))
                {
                    err(
                        &mut out,
                        "/questions".into(),
                        ProblemKind::EmptyTrackLevel { track: t.id, level },
                    );
                }
            }
        }
        out
    }
}

/// What scoring needs of a checked grid.
fn compile(file: &QuestionnaireFile) -> Compiled {
    let mut by_id: Vec<usize> = (0..file.questions.len()).collect();
    by_id.sort_by(|a, b| file.questions[*a].id.cmp(&file.questions[*b].id));
    let points_of = |v: AnswerValue| {
        file.answer_values
            .iter()
            .find(|d| d.value == v)
            .and_then(|d| d.points)
            .and_then(to_thousandths)
            .map_or(0, |t| t * UNITS_PER_POINT / 1000)
    };
    let mut index_weights = [1000, 2000, 3000, 4000];
    for (slot, w) in index_weights.iter_mut().zip(&file.index_weights) {
        *slot = to_thousandths(*w).unwrap_or(0);
    }
    Compiled {
        threshold: Percent::from_f64(file.threshold),
        index_weights,
        points: [
            points_of(AnswerValue::Yes),
            points_of(AnswerValue::Partial),
            points_of(AnswerValue::No),
            points_of(AnswerValue::Unknown),
        ],
        theme_of: file
            .questions
            .iter()
            .map(|q| {
                file.themes
                    .iter()
                    .position(|t| t.id == q.theme)
                    .unwrap_or(0)
            })
            .collect(),
        weight_of: file
            .questions
            .iter()
            .map(|q| to_thousandths(q.weight).unwrap_or(1000))
            .collect(),
        by_id,
        tracks: Track::ALL
            .into_iter()
            .filter(|t| file.tracks.iter().any(|d| d.id == *t))
            .collect(),
    }
}

fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A problem from a serde error with its path.
pub(crate) fn serde_problem(
    text: &str,
    e: serde_path_to_error::Error<serde_json::Error>,
) -> Problem {
    let path = e.path().to_string();
    let path = if path == "." {
        String::new()
    } else {
        json_pointer_from_serde(&path)
    };
    json_error_problem(text, &path, e.inner())
}

fn json_pointer_from_serde(path: &str) -> String {
    let mut segs = Vec::new();
    for part in path.split('.') {
        // serde_path_to_error writes sequence indexes as `name[3]`.
        let mut rest = part;
        if let Some(b) = rest.find('[') {
            segs.push(rest[..b].to_string());
            rest = &rest[b..];
            while let Some(end) = rest.find(']') {
                segs.push(rest[1..end].to_string());
                rest = &rest[end + 1..];
            }
        } else {
            segs.push(rest.to_string());
        }
    }
    pointer(
        &segs
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>(),
    )
}

/// A problem from a serde_json error: syntax (with line and column) or data.
pub(crate) fn json_error_problem(text: &str, path: &str, e: &serde_json::Error) -> Problem {
    let detail = strip_position(&e.to_string());
    let kind = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            ProblemKind::Syntax { detail }
        }
        _ => ProblemKind::InvalidData { detail },
    };
    let mut p = Problem::error(path, kind);
    if e.line() > 0 {
        p.span = Some(Span::from_line_column(text, e.line(), e.column()));
    }
    p
}

/// serde_json appends " at line L column C"; the place is reported separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_grid_has_the_counts_of_method_md() {
        let q = Questionnaire::builtin();
        assert_eq!(q.questions.len(), 33);
        for track in Track::ALL {
            let counts: Vec<usize> = Level::ALL
                .iter()
                .map(|l| q.questions_of(track, *l).count())
                .collect();
            assert_eq!(counts, vec![6, 6, 8, 9], "{track}");
        }
        let crit = |t: Track| -> Vec<&str> {
            q.questions
                .iter()
                .filter(|x| x.critical && x.has_track(t))
                .map(|x| x.id.as_str())
                .collect()
        };
        assert_eq!(
            crit(Track::CL),
            [
                "Q01", "Q04", "Q08", "Q09", "Q12", "Q15", "Q16", "Q18", "Q21", "Q24", "Q26", "Q29"
            ]
        );
        assert_eq!(
            crit(Track::FL),
            [
                "Q01", "Q04", "Q08", "Q09", "Q11", "Q15", "Q16", "Q18", "Q21", "Q24", "Q26", "Q29"
            ]
        );
        let no_partial: Vec<&str> = q
            .questions
            .iter()
            .filter(|x| x.partial.is_none())
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(no_partial, ["Q07", "Q13", "Q31"]);
    }

    #[test]
    fn question_lookup_by_id() {
        let q = Questionnaire::builtin();
        assert_eq!(q.question("Q20").map(|x| x.level), Some(Level::N3));
        assert!(q.question("Q99").is_none());
    }

    #[test]
    fn a_deserialised_grid_is_checked_and_ready_to_score() {
        // Deserialising once left the precomputed part empty: scoring then returned no track.
        let q: Questionnaire =
            serde_json::from_str(crate::BUILTIN_QUESTIONNAIRE_JSON).expect("valid grid");
        let sheet = crate::AnswerSheet::new(&q);
        let a = crate::score(&q, &sheet, &crate::ScoringOptions::default());
        assert_eq!(a.tracks.len(), 2);
        // An edited grid goes through the checks again.
        let mut file = q.into_file();
        file.threshold = 170.0;
        let problems = Questionnaire::try_from(file.clone()).unwrap_err();
        assert!(matches!(
            problems.0[0].kind,
            ProblemKind::InvalidNumber {
                what: NumberKind::Threshold,
                ..
            }
        ));
        let text = serde_json::to_string(&file).expect("serialisable");
        assert!(serde_json::from_str::<Questionnaire>(&text).is_err());
    }

    #[test]
    fn semver() {
        assert!(is_semver("1.0.0"));
        assert!(is_semver("1.2.3-beta.1"));
        assert!(!is_semver("1.0"));
        assert!(!is_semver("v1.0.0"));
    }
}
