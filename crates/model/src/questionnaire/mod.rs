//! The questionnaire: a maturity grid as data (tracks, the four levels, themes, answer values
//! with their points, questions), how it is loaded and checked, and the built-in RHSF/FIR grid.
//!
//! A coalition can load its own grid (other questions, thresholds, weights) without recompiling:
//! [`Questionnaire::parse`] reads the file format of docs/formats.md and reports every problem
//! at once, each with its JSON path, line and column.
//!
//! This module owns the model ([`QuestionnaireFile`], [`Question`]…) and the checked, read-only
//! [`Questionnaire`] with its lookups; `check` owns the rules a file must follow, `compiled` what
//! scoring precomputes.

mod check;
mod compiled;

pub(crate) use check::is_semver;

use crate::codes::{AnswerValue, Level, Track};
use crate::exact::Percent;
use crate::location::{
    Target, decode_text, json_error_problem, locate_all, serde_problem, strip_bom,
};
use crate::mapping::{BasedOn, Change, Framework, Mapping, Reference};
use crate::messages::Msg;
use crate::problem::{Problem, ProblemKind, Problems};
use crate::text::{Lang, Text};
use compiled::{Compiled, compile};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::ops::Deref;

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

/// A grid's limits on `na` (docs/method.md, "Limits on not applicable").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NaLimits {
    /// A level is achieved only when the weight of its questions that apply to the track and
    /// are not `na` is at least this share (0 to 100) of the weight of all its questions that
    /// apply to the track.
    pub min_applicable_percent: f64,
    /// In substantiated mode, an `na` without evidence goes back into the denominator at 0
    /// points and is counted unsubstantiated.
    #[serde(default)]
    pub evidence_when_substantiated: bool,
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
    /// The objective condition on which `na` is acceptable ("no recruitment intermediary is
    /// used"), shown where the question is answered; only on questions that allow `na`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub na_condition: Option<Text>,
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
    pub references: Vec<Reference>,
    /// The requirements of the grid's frameworks that this question answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mappings: Vec<Mapping>,
    /// What each grid version changed in this question (none: unchanged since it was added).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// Light grids: the questions of the full grid that this question simplifies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maps_to: Vec<String>,
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

    /// The labels of the question's references in `lang`.
    pub fn reference_labels(&self, lang: Lang) -> impl Iterator<Item = &str> + '_ {
        self.references.iter().map(move |r| r.label(lang))
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
    /// Where the levels come from and who authored the questions (shown wherever the grid is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Text>,
    /// Light grids: the full grid this one simplifies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<BasedOn>,
    /// The laws, regulations and standards the questions are mapped to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Framework>,
    /// Percentage a level score must reach (default 70).
    #[serde(default = "default_threshold")]
    pub threshold: f64,
    /// The grid's limits on `na` (docs/method.md, "Limits on not applicable"); without them a
    /// grid scores as rhsf-fir 1.0.0 and 1.1.0 always have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub na_limits: Option<NaLimits>,
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

impl Questionnaire {
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

    /// Parses and checks a built-in grid file (embedded, or one of the web app's own static
    /// files): every check of [`Questionnaire::parse`], but a problem is not located in the text
    /// and a JSON error does not name its path. Those files are checked, located and all, by this
    /// crate's tests; leaving the path-tracking reader out keeps it out of the browser's first
    /// download, where only built-in grids are read.
    ///
    /// In WebAssembly (the browser app, whose only grids are those files) the checks are not run
    /// again either: their code stays out of the first download too.
    pub fn parse_builtin(text: &str) -> Result<Questionnaire, Problems> {
        let file: QuestionnaireFile = serde_json::from_str(strip_bom(text))
            .map_err(|e| Problems(vec![json_error_problem(text, "", &e)]))?;
        if cfg!(target_arch = "wasm32") {
            let compiled = compile(&file);
            return Ok(Questionnaire { file, compiled });
        }
        Questionnaire::try_from(file)
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

    /// The grid's minimum applicable share of a level (`na_limits`), when it declares one.
    pub fn min_applicable_percent(&self) -> Option<Percent> {
        self.compiled.na_limits.map(|(p, _)| p)
    }

    /// The tracks the grid has, in report order (CL, FL).
    pub fn track_codes(&self) -> &[Track] {
        &self.compiled.tracks
    }

    /// The question with id `id`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }

    /// The position of question `id` in [`QuestionnaireFile::questions`].
    pub fn question_index(&self, id: &str) -> Option<usize> {
        let by_id = &self.compiled.by_id;
        by_id
            .binary_search_by(|i| self.questions[*i].id.as_str().cmp(id))
            .ok()
            .map(|k| by_id[k])
    }

    /// The first and last question ids in id order (`Q01`, `Q40`): how problems name the ids a
    /// grid has.
    pub fn id_range(&self) -> (String, String) {
        let id = |k: Option<&usize>| k.map(|&i| self.questions[i].id.clone()).unwrap_or_default();
        let by_id = &self.compiled.by_id;
        (id(by_id.first()), id(by_id.last()))
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

#[cfg(test)]
mod tests {
    use super::check::is_semver;
    use super::*;
    use crate::problem::NumberKind;

    /// `rhsf-fir` 1.0.0 as shipped (the model's tests read the file itself: the registry is in
    /// `vigilance-grids`, above this crate).
    const GRID_1_0_0: &str = include_str!("../../../../questionnaires/rhsf-fir-1.0.0.json");

    fn grid_1_0_0() -> Questionnaire {
        Questionnaire::parse(GRID_1_0_0).expect("rhsf-fir 1.0.0")
    }

    #[test]
    fn builtin_grids_read_the_same_through_either_parser() {
        let dir = format!("{}/../../questionnaires", env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("questionnaires/") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            seen += 1;
            let path = path.display().to_string();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let checked = Questionnaire::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let trusted =
                Questionnaire::parse_builtin(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let as_json = |q: &Questionnaire| serde_json::to_value(&**q).expect("written");
            assert_eq!(as_json(&trusted), as_json(&checked), "{path}");
        }
        assert!(seen >= 3, "only {seen} grid files in {dir}");
    }

    #[test]
    fn a_builtin_file_that_breaks_a_rule_is_still_refused() {
        let text = GRID_1_0_0.replacen("\"threshold\": 70", "\"threshold\": 170", 1);
        assert_ne!(text, GRID_1_0_0, "the threshold was not found");
        assert!(Questionnaire::parse_builtin(&text).is_err());
        assert!(Questionnaire::parse_builtin("{").is_err());
    }

    #[test]
    fn builtin_grid_has_the_counts_of_method_md() {
        let q = grid_1_0_0();
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
        let q = grid_1_0_0();
        assert_eq!(q.question("Q20").map(|x| x.level), Some(Level::N3));
        assert!(q.question("Q99").is_none());
    }

    #[test]
    fn a_deserialised_grid_is_checked_and_ready_to_score() {
        // Deserialising once left the precomputed part empty: scoring then returned no track.
        let q: Questionnaire = serde_json::from_str(GRID_1_0_0).expect("valid grid");
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
