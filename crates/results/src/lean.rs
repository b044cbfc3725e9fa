//! The lean shape of the result document (docs/formats.md, "Lean results"): what `vigilance
//! score --format json|jsonl` writes by default. Texts that belong to a grid (question texts,
//! recommendations, level, track, theme and framework names, requirement titles and notes, and
//! which questions are linked to each requirement) are written once per document in its
//! `grids` section ([`GridTexts`], keyed by [`grid_key`]); each result ([`CompactEntry`])
//! refers to them by id. Coverage is positional: per track, one four-number array per
//! requirement covered on that track ([`TrackCoverage`]), in the order of the grid's
//! `coverage[track]`, which names each by its stable id ([`requirement_id`]); the status is a
//! number, an index into the grid's `coverage_statuses` ([`coverage_statuses`]).
//! `--embed-texts` writes the self-contained shape of [`crate::json`] instead.
//!
//! Also the lines of `--format jsonl` ([`JsonlLine`]) and the schema of both document shapes
//! ([`AnyResultDocument`]).

use crate::answers::{Company, QuestionnaireRef};
use crate::codes::{AnswerValue, EvidenceMode, Level, Track};
use crate::coverage::{INFORMS, RequirementStatus, grid_coverage};
use crate::json::{
    ErrorEntry, LevelEntry, ProblemEntry, RESULTS_FORMAT, ResultDocument, ResultEntry, StepEntry,
    TrackEntry, coverage_disclaimer, is_zero,
};
use crate::questionnaire::Questionnaire;
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The key of a grid in a document's `grids` section: `id@version` (`rhsf-fir@1.2.0`).
pub fn grid_key(id: &str, version: &str) -> String {
    format!("{id}@{version}")
}

/// The stable id of a requirement: its framework's id, a slash, and its reference in the
/// framework, as the grid spells them (`FR-DV/art. L. 225-102-4, I, al. 3`, `CSDDD/Art. 5`).
/// The same requirement keeps its id across the versions of a grid as long as the framework id
/// and reference are unchanged, so results on two versions join on it.
pub fn requirement_id(framework: &str, reference: &str) -> String {
    format!("{framework}/{reference}")
}

/// The status codes of coverage, in the order a lean result numbers them: the first item of a
/// [`TrackCoverage`] is an index into this list (`0` = `all_full`, … `5` = `informs`), which
/// each grid of a lean document also carries as `coverage_statuses`.
pub fn coverage_statuses() -> Vec<&'static str> {
    RequirementStatus::ALL
        .iter()
        .map(|s| s.code())
        .chain([INFORMS])
        .collect()
}

/// The number of a status code in [`coverage_statuses`] (`None`: not a status code).
pub fn coverage_status_number(code: &str) -> Option<u8> {
    coverage_statuses()
        .iter()
        .position(|&c| c == code)
        .and_then(|i| u8::try_from(i).ok())
}

/// The texts of one grid, written once per document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GridTexts {
    /// The grid's id.
    pub id: String,
    /// The grid's version.
    pub version: String,
    /// The grid's title.
    pub title: Text,
    /// The name of each maturity level, indexed by the level (0 = not started, 1..=4 = N1..N4):
    /// what `headline_level` and `tracks.*.level` refer to.
    pub levels: Vec<Text>,
    /// The name of each track.
    pub tracks: BTreeMap<Track, Text>,
    /// The name of each theme, by its code (the keys of `tracks.*.themes`).
    pub themes: BTreeMap<String, Text>,
    /// Each question's text and recommendation, by its id (what `next_steps[].question` and
    /// the coverage's linked questions refer to).
    pub questions: BTreeMap<String, QuestionTexts>,
    /// Each framework's name, by its id.
    pub frameworks: BTreeMap<String, FrameworkTexts>,
    /// Each requirement of the grid's frameworks, by its stable id (`framework/ref`): what the
    /// ids of `coverage` refer to.
    pub requirements: BTreeMap<String, RequirementTexts>,
    /// The status codes, by number: what the first item of each of a result's coverage arrays
    /// refers to (`coverage_statuses[0]` is `all_full`; absent, as `coverage`, when the grid
    /// maps to no framework).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage_statuses: Vec<String>,
    /// Per track, the stable ids of the requirements that a question covers on that track, in
    /// grid order: a result's `coverage[track][i]` is about requirement `coverage[track][i]`
    /// (absent when the grid maps to no framework).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub coverage: BTreeMap<Track, Vec<String>>,
}

/// The texts of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionTexts {
    /// The question's level.
    pub level: Level,
    /// Whether the question is critical.
    pub critical: bool,
    /// The question.
    pub text: Text,
    /// What to do to reach the full point.
    pub recommendation: Text,
}

/// The texts of one framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FrameworkTexts {
    /// The framework's name.
    pub name: Text,
}

/// The texts of one requirement, and the questions linked to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RequirementTexts {
    /// The framework's id.
    pub framework: String,
    /// The requirement's reference in the framework.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The reference as a reader of each language cites it, when the grid gives one (absent:
    /// `ref` in both languages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// What it requires, in a few words.
    pub title: Text,
    /// A note (scope, pending change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The questions linked to it, per track that a question covers (form order).
    pub questions: BTreeMap<Track, Vec<String>>,
}

impl GridTexts {
    /// The texts of `q`.
    pub fn new(q: &Questionnaire) -> GridTexts {
        let levels = (0..=4)
            .map(|m| {
                Text::new(
                    q.maturity_label(m, crate::text::Lang::Fr),
                    q.maturity_label(m, crate::text::Lang::En),
                )
            })
            .collect();
        let mut requirements = BTreeMap::new();
        let mut coverage: BTreeMap<Track, Vec<String>> = BTreeMap::new();
        for r in grid_coverage(q) {
            let f = &q.frameworks[r.framework];
            let req = &f.requirements[r.requirement];
            let id = requirement_id(&f.id, &req.reference);
            // The order of `sheet_coverage`, hence of every result's arrays.
            for &t in q.track_codes() {
                if !r.questions_for(t).is_empty() {
                    coverage.entry(t).or_default().push(id.clone());
                }
            }
            let questions = q
                .track_codes()
                .iter()
                .filter(|&&t| r.is_covered(t))
                .map(|&t| {
                    let ids = r
                        .questions_for(t)
                        .iter()
                        .map(|&i| q.questions[i].id.clone());
                    (t, ids.collect())
                })
                .collect();
            requirements.insert(
                id,
                RequirementTexts {
                    framework: f.id.clone(),
                    reference: req.reference.clone(),
                    label: req.label.clone(),
                    title: req.title.clone(),
                    note: req.note.clone(),
                    questions,
                },
            );
        }
        GridTexts {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            levels,
            tracks: q.tracks.iter().map(|t| (t.id, t.label.clone())).collect(),
            themes: q
                .themes
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect(),
            questions: q
                .questions
                .iter()
                .map(|x| {
                    let texts = QuestionTexts {
                        level: x.level,
                        critical: x.critical,
                        text: x.text.clone(),
                        recommendation: x.recommendation.clone(),
                    };
                    (x.id.clone(), texts)
                })
                .collect(),
            frameworks: q
                .frameworks
                .iter()
                .map(|f| {
                    (
                        f.id.clone(),
                        FrameworkTexts {
                            name: f.name.clone(),
                        },
                    )
                })
                .collect(),
            requirements,
            coverage_statuses: if coverage.is_empty() {
                Vec::new()
            } else {
                coverage_statuses().into_iter().map(String::from).collect()
            },
            coverage,
        }
    }

    /// This grid's key in `grids`.
    pub fn key(&self) -> String {
        grid_key(&self.id, &self.version)
    }
}

/// The result of one sheet, referring to its grid's texts by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CompactEntry {
    /// Where the sheet came from (file path, or `-`).
    pub source: String,
    /// The company.
    pub company: Company,
    /// The period of the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The questionnaire scored against: its texts are `grids["id@version"]`.
    pub questionnaire: QuestionnaireRef,
    /// The evidence mode used.
    pub evidence_mode: EvidenceMode,
    /// The threshold used, in percent.
    pub threshold: f64,
    /// The grid's minimum applicable share of a level, in percent (`na_limits`; absent when
    /// the grid declares none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_applicable_percent: Option<f64>,
    /// min over tracks of their level, 0..=4 (its name: the grid's `levels[headline_level]`).
    pub headline_level: u8,
    /// Some track is not complete: the result may change.
    pub provisional: bool,
    /// Per track.
    pub tracks: BTreeMap<Track, CompactTrack>,
    /// What to work on, in the order of docs/method.md (texts: the grid's `questions`).
    pub next_steps: Vec<CompactStep>,
    /// Problems that did not prevent scoring.
    pub warnings: Vec<ProblemEntry>,
    /// What the answers linked to each requirement show, per track: one array per requirement
    /// covered on the track, in the order of the grid's `coverage[track]`, which gives each
    /// one's stable id (absent when the grid maps to no framework). Information, not a legal
    /// opinion.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub coverage: BTreeMap<Track, Vec<TrackCoverage>>,
    /// The result as reviewed by an analyst (`vigilance score --engagement`; absent without an
    /// engagement file), as in the self-contained shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<crate::reviewed::ReviewedEntry>,
}

/// The result of one track, without texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CompactTrack {
    /// Maturity 0..=4 (its name: the grid's `levels[level]`).
    pub level: u8,
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
    /// Answers that carry evidence (as `TrackEntry::with_evidence`): the evidence share is
    /// this over `answered`.
    #[serde(default)]
    pub with_evidence: u32,
    /// Levels achieved above a failed lower level (shown, not counted).
    pub imbalanced: Vec<Level>,
    /// The share of the track's question weight answered `na` and left out, in percent
    /// (absent: none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub na_percent: f64,
}

impl From<TrackEntry> for CompactTrack {
    fn from(t: TrackEntry) -> CompactTrack {
        CompactTrack {
            level: t.level,
            levels: t.levels,
            themes: t.themes,
            index: t.index,
            completeness: t.completeness,
            questions: t.questions,
            answered: t.answered,
            unknown_count: t.unknown_count,
            unsubstantiated_count: t.unsubstantiated_count,
            with_evidence: t.with_evidence,
            imbalanced: t.imbalanced,
            na_percent: t.na_percent,
        }
    }
}

/// One next step, without texts (the question's text and recommendation: the grid's
/// `questions[question]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CompactStep {
    /// The track.
    pub track: Track,
    /// The question's id.
    pub question: String,
    /// `critical_next_level`, `next_level` or `consolidate`.
    pub reason: String,
    /// The current answer (absent: unanswered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<AnswerValue>,
}

impl From<StepEntry> for CompactStep {
    fn from(s: StepEntry) -> CompactStep {
        CompactStep {
            track: s.track,
            question: s.question,
            reason: s.reason,
            current: s.current,
        }
    }
}

/// What the answers linked to one requirement show for one track, as four numbers:
/// `[status, answered, excluded, with_evidence]` — the status, as its index in the grid's
/// `coverage_statuses` (`all_full`, `some`, `none`, `incomplete`, `not_assessed`, then
/// `informs` for a framework whose kind has no status), how many of the linked questions (the
/// grid's `requirements[id].questions[track]`) are answered (`na` included), how many of the
/// answers are `na` (left out of the status), and how many carry evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TrackCoverage(
    /// The status: its index in the grid's `coverage_statuses`.
    pub u8,
    /// Linked questions answered (`na` included).
    pub u32,
    /// Answers `na`, left out of the status.
    pub u32,
    /// Answers that carry evidence.
    pub u32,
);

impl TrackCoverage {
    /// The status code (`all_full`…; empty for a number past the list).
    pub fn status(&self) -> &'static str {
        coverage_statuses()
            .get(usize::from(self.0))
            .copied()
            .unwrap_or_default()
    }
}

impl CompactEntry {
    /// The lean form of `entry` (built by [`ResultEntry::new`]).
    pub fn new(entry: ResultEntry) -> CompactEntry {
        // `entry.coverage` is in grid order, requirement by requirement and track by track:
        // the order of the grid's `coverage[track]` (`GridTexts::new`).
        let mut coverage: BTreeMap<Track, Vec<TrackCoverage>> = BTreeMap::new();
        for c in &entry.coverage {
            let status = coverage_status_number(&c.status).unwrap_or(u8::MAX);
            coverage.entry(c.track).or_default().push(TrackCoverage(
                status,
                c.answered,
                c.excluded,
                c.with_evidence,
            ));
        }
        CompactEntry {
            source: entry.source,
            company: entry.company,
            period: entry.period,
            questionnaire: entry.questionnaire,
            evidence_mode: entry.evidence_mode,
            threshold: entry.threshold,
            min_applicable_percent: entry.min_applicable_percent,
            headline_level: entry.headline_level,
            provisional: entry.provisional,
            tracks: entry
                .tracks
                .into_iter()
                .map(|(t, e)| (t, e.into()))
                .collect(),
            next_steps: entry.next_steps.into_iter().map(Into::into).collect(),
            warnings: entry.warnings,
            coverage,
            reviewed: entry.reviewed,
        }
    }

    /// This result's key in `grids`.
    pub fn grid_key(&self) -> String {
        grid_key(&self.questionnaire.id, &self.questionnaire.version)
    }
}

/// A result document in its lean shape: results refer to the texts of `grids`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LeanDocument {
    /// Always `vigilance.results/2`.
    pub format: String,
    /// What regulation coverage is and is not, in both languages: show it wherever
    /// `results[].coverage` is shown.
    pub coverage_disclaimer: Text,
    /// One entry per scored sheet.
    pub results: Vec<CompactEntry>,
    /// One entry per input that could not be scored.
    pub errors: Vec<ErrorEntry>,
    /// The texts of every grid a result refers to, by `id@version`.
    pub grids: BTreeMap<String, GridTexts>,
}

impl LeanDocument {
    /// The document as `vigilance score --format json` writes it (before its final newline):
    /// pretty down to each result's fields and their entries, compact below.
    pub fn to_json(&self) -> String {
        to_json_lean(self)
    }
}

impl LeanDocument {
    /// A document from its parts; `grids` are those of the results.
    pub fn new(
        results: Vec<CompactEntry>,
        errors: Vec<ErrorEntry>,
        grids: impl IntoIterator<Item = GridTexts>,
    ) -> LeanDocument {
        LeanDocument {
            format: RESULTS_FORMAT.to_string(),
            coverage_disclaimer: coverage_disclaimer(),
            results,
            errors,
            grids: grids.into_iter().map(|g| (g.key(), g)).collect(),
        }
    }
}

/// A result document in either shape: what `results.schema.json` describes. A document with
/// `grids` is lean; one without is self-contained (`--embed-texts`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnyResultDocument {
    /// The default shape: results refer to the texts of `grids`.
    Lean(LeanDocument),
    /// `--embed-texts`: every result carries its texts.
    Embedded(ResultDocument),
}

/// One line of `vigilance score --format jsonl`, told apart by its `kind`. The first line is
/// of kind `grids`; a later `grids` line comes before the first result on a grid not yet
/// given (a mixed batch). Results come in input order; errors follow, sorted by source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JsonlLine {
    /// The texts of the grids the next results refer to, by `id@version`.
    Grids {
        /// Always `vigilance.results/2`.
        format: String,
        /// What regulation coverage is and is not, in both languages.
        coverage_disclaimer: Text,
        /// The grids' texts.
        grids: BTreeMap<String, GridTexts>,
    },
    /// One result, in the lean shape (with `--embed-texts`, the self-contained one).
    Result(Box<AnyEntry>),
    /// One input that could not be scored.
    Error(ErrorEntry),
}

/// One result in either shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnyEntry {
    /// The lean shape.
    Lean(CompactEntry),
    /// The self-contained shape (`--embed-texts`).
    Embedded(ResultEntry),
}

/// Pretty-prints JSON down to `depth` levels of nesting, and compactly below: a document of
/// 10,000 results stays readable (one line per result field, per track, per requirement)
/// without spending most of its bytes on indentation.
pub struct LeanFormatter {
    depth: usize,
    limit: usize,
    has_value: bool,
}

impl LeanFormatter {
    /// Pretty down to `limit` levels of nesting.
    pub fn new(limit: usize) -> LeanFormatter {
        LeanFormatter {
            depth: 0,
            limit,
            has_value: false,
        }
    }

    fn pretty(&self) -> bool {
        self.depth <= self.limit
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 1..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        let pretty = self.pretty();
        self.depth -= 1;
        if pretty && self.has_value {
            w.write_all(b"\n")?;
            for _ in 0..self.depth {
                w.write_all(b"  ")?;
            }
        }
        self.has_value = true;
        w.write_all(c)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty() {
            self.indent(w)?;
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for LeanFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty() { b": " } else { b":" })
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

impl Default for LeanFormatter {
    /// Pretty down to each result's fields and their entries (tracks, next steps, a coverage
    /// track's array of arrays on one line), and each grid's questions and requirements.
    fn default() -> LeanFormatter {
        LeanFormatter::new(4)
    }
}

/// `value` as JSON, pretty-printed by [`LeanFormatter`].
pub fn to_json_lean(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, LeanFormatter::default());
    match value.serialize(&mut ser) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswerSheet;
    use vigilance_model::{ScoringOptions, score};

    /// A sheet on grid 1.2.0 (every framework mapped) with some answers, scored, in both shapes.
    fn both_shapes() -> (GridTexts, ResultEntry, CompactEntry) {
        let q = vigilance_grids::find("rhsf-fir", "1.2.0").expect("grid 1.2.0");
        // Every fourth question unanswered, the others yes, no or unknown in turn.
        let mut by_question: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (i, x) in q.questions.iter().enumerate().filter(|(i, _)| i % 4 != 0) {
            let value = ["yes", "no", "unknown"][i % 3];
            for t in &x.tracks {
                by_question
                    .entry(x.id.as_str())
                    .or_default()
                    .push(format!(r#""{}":"{value}""#, t.code()));
            }
        }
        let body = by_question
            .iter()
            .map(|(id, tracks)| format!(r#""{id}":{{{}}}"#, tracks.join(",")))
            .collect::<Vec<_>>()
            .join(",");
        let json = format!(
            r#"{{"format":"vigilance.answers/1","questionnaire":{{"id":"rhsf-fir","version":"1.2.0"}},"company":{{"name":"Exemple SA"}},"answers":{{{body}}}}}"#
        );
        let sheet = AnswerSheet::parse(&json, q).expect("a valid sheet").value;
        let assessment = score(q, &sheet, &ScoringOptions::default());
        let entry = ResultEntry::new("a.json", q, &sheet, &assessment, &[]);
        let compact = CompactEntry::new(entry.clone());
        (GridTexts::new(q), entry, compact)
    }

    #[test]
    fn each_coverage_array_is_the_requirement_the_grid_names_at_its_place() {
        let (grid, entry, compact) = both_shapes();
        assert!(!entry.coverage.is_empty());
        let mut seen = 0;
        for (track, arrays) in &compact.coverage {
            let ids = &grid.coverage[track];
            assert_eq!(arrays.len(), ids.len(), "{track:?}");
            for (c, id) in arrays.iter().zip(ids) {
                let full = entry
                    .coverage
                    .iter()
                    .find(|e| {
                        e.track == *track && requirement_id(&e.framework, &e.reference) == *id
                    })
                    .expect("the requirement of the grid's list");
                assert_eq!(c.status(), full.status, "{id}");
                assert_eq!(grid.coverage_statuses[usize::from(c.0)], full.status);
                assert_eq!(
                    (c.1, c.2, c.3),
                    (full.answered, full.excluded, full.with_evidence)
                );
                let linked = &grid.requirements[id].questions[track];
                assert_eq!(linked, &full.questions, "{id}");
                seen += 1;
            }
        }
        assert_eq!(seen, entry.coverage.len(), "every entry once");
        // The statuses vary, or the check above would not see a misplaced array.
        let statuses: std::collections::BTreeSet<_> =
            entry.coverage.iter().map(|e| e.status.as_str()).collect();
        assert!(statuses.len() >= 3, "{statuses:?}");
    }

    #[test]
    fn status_numbers_are_the_codes_in_order() {
        assert_eq!(
            coverage_statuses(),
            [
                "all_full",
                "some",
                "none",
                "incomplete",
                "not_assessed",
                "informs"
            ]
        );
        assert_eq!(coverage_status_number("informs"), Some(5));
        assert_eq!(coverage_status_number("met"), None);
        assert_eq!(TrackCoverage(9, 0, 0, 0).status(), "");
    }
}
