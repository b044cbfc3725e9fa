//! The scoring rule of docs/method.md, pure and exact: level scores, achieved levels (threshold and
//! critical gates), maturity per track, headline, profile, theme scores, indicative index,
//! completeness, knowledge gaps, unsubstantiated answers, and next steps in the stated order;
//! the limits on `na` of grids that declare `na_limits` (a level is refused when too little of
//! it applies; in substantiated mode an `na` without evidence counts 0) and, on every grid, the
//! heavy-`na` warning (more than a quarter of a level's question weight left out).
//!
//! [`score`] takes a checked [`AnswerSheet`] and returns an [`Assessment`] that refers to the
//! questionnaire's questions by position; report writers turn it into words and numbers.

use crate::answers::{Answer, AnswerSheet};
use crate::codes::{AnswerValue, EvidenceMode, Level, Track};
use crate::exact::{Percent, Ratio, UNITS_PER_POINT, weighted_mean_percent};
use crate::problem::{Place, Problem, ProblemKind};
use crate::questionnaire::Questionnaire;
use std::cmp::Ordering;

/// How to score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScoringOptions {
    /// Declarative (default) or substantiated.
    pub evidence_mode: EvidenceMode,
    /// Overrides the questionnaire's threshold.
    pub threshold: Option<Percent>,
}

impl ScoringOptions {
    /// The grid's own threshold, in substantiated mode or else declarative: the settings the
    /// browser offers (an assessment's "substantiated" switch).
    pub fn with_evidence(substantiated: bool) -> ScoringOptions {
        ScoringOptions {
            evidence_mode: if substantiated {
                EvidenceMode::Substantiated
            } else {
                EvidenceMode::Declarative
            },
            threshold: None,
        }
    }
}

/// One level of one track.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LevelResult {
    /// Points earned over points possible (empty when no question applies).
    pub score: Ratio,
    /// The score reaches the threshold.
    pub meets_threshold: bool,
    /// Critical questions of the level not at their full point (positions in the
    /// questionnaire), in form order.
    pub failed_critical: Vec<usize>,
    /// Threshold met and no critical question failed.
    pub achieved: bool,
    /// Questions of the level answered for the track (`na` included).
    pub questions: u32,
    /// Of those, answered `na`.
    pub not_applicable: u32,
    /// The weight of the level's questions asked for the track, `na` included, in thousandths.
    pub weight: u64,
    /// Of that weight, what `na` answers leave out of the denominator (an `na` put back at 0
    /// points in substantiated mode is not left out).
    pub na_weight: u64,
    /// The grid's `na_limits` refuse the level: the weight that applies is under the minimum
    /// share ("too many questions answered not applicable"). Always false on a grid without
    /// `na_limits`.
    pub too_many_na: bool,
}

impl LevelResult {
    /// No question of the level applies (all `na`): the level cannot be achieved (flagged).
    pub fn no_applicable_question(&self) -> bool {
        self.score.is_empty()
    }

    /// The share of the level's question weight that `na` leaves out, as a ratio (empty when
    /// the level has no question for the track).
    pub fn na_share(&self) -> Ratio {
        Ratio {
            earned: self.na_weight,
            possible: self.weight,
        }
    }

    /// The share of the level's question weight that applies (not left out by `na`), as a
    /// ratio (empty when the level has no question for the track).
    pub fn applicable_share(&self) -> Ratio {
        Ratio {
            earned: self.weight - self.na_weight.min(self.weight),
            possible: self.weight,
        }
    }

    /// `na` leaves out more than a quarter of the level's question weight: the heavy-`na`
    /// warning (`VG-A18`), on every grid, with no effect on scoring. Exact.
    pub fn heavy_na(&self) -> bool {
        u128::from(self.na_weight) * 4 > u128::from(self.weight)
    }
}

/// Whether `applicable` is at least `min` percent of `weight` (exact): the limit of
/// `na_limits.min_applicable_percent`.
pub fn enough_applies(applicable: u64, weight: u64, min: Percent) -> bool {
    u128::from(applicable) * 100_000 >= u128::from(min.thousandths) * u128::from(weight)
}

/// The result of one track.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackResult {
    /// The track.
    pub track: Track,
    /// Maturity 0..=4: the highest N such that levels 1..N are all achieved.
    pub level: u8,
    /// N1..N4, ungated: the profile.
    pub levels: [LevelResult; 4],
    /// Score per theme, aligned with the questionnaire's `themes`; empty ratio when the theme
    /// has no applicable question in this track.
    pub themes: Vec<Ratio>,
    /// Indicative index, `Σ w·S ÷ Σ w`, rounded to one decimal.
    pub index: f64,
    /// Questions of the track.
    pub questions: u32,
    /// Questions answered (any value).
    pub answered: u32,
    /// `unknown` answers: knowledge gaps.
    pub unknown_count: u32,
    /// `yes`/`partial` without evidence, counted in substantiated mode (and `na` without
    /// evidence, on a grid whose `na_limits` ask for it).
    pub unsubstantiated_count: u32,
    /// How each answer counted, by question position in the questionnaire; `None` for the
    /// questions not asked for this track.
    pub answers: Vec<Option<AnswerScore>>,
}

impl TrackResult {
    /// How the answer to the question at position `question` counted, when the question is
    /// asked for this track.
    pub fn answer(&self, question: usize) -> Option<&AnswerScore> {
        self.answers.get(question).and_then(Option::as_ref)
    }

    /// The result of `level`.
    pub fn level_result(&self, level: Level) -> &LevelResult {
        &self.levels[level.index()]
    }

    /// `yes` and `partial` answers given on the track without evidence, whatever the evidence
    /// mode: the answers substantiated mode halves ([`TrackResult::unsubstantiated_count`] counts
    /// them in that mode only, with an unproven `na` on a grid whose `na_limits` ask it).
    pub fn without_evidence(&self) -> u32 {
        self.answers
            .iter()
            .flatten()
            .filter(|a| {
                matches!(a.value, Some(AnswerValue::Yes | AnswerValue::Partial)) && !a.evidence
            })
            .count() as u32
    }

    /// Answers given on the track that carry evidence ([`AnswerScore::carries_evidence`]):
    /// what the evidence share counts over [`TrackResult::answered`].
    pub fn with_evidence(&self) -> u32 {
        self.answers
            .iter()
            .flatten()
            .filter(|a| a.carries_evidence())
            .count() as u32
    }

    /// Completeness in percent, rounded to one decimal.
    pub fn completeness(&self) -> f64 {
        completeness_percent(self.answered, self.questions)
    }

    /// Every question of the track has an answer.
    pub fn is_complete(&self) -> bool {
        self.answered == self.questions
    }

    /// The share of the track's question weight that `na` leaves out (all levels), as a ratio.
    pub fn na_share(&self) -> Ratio {
        Ratio {
            earned: self.levels.iter().map(|l| l.na_weight).sum(),
            possible: self.levels.iter().map(|l| l.weight).sum(),
        }
    }

    /// The levels where `na` leaves out more than a quarter of the question weight (the
    /// heavy-`na` warning), in order.
    pub fn heavy_na_levels(&self) -> Vec<Level> {
        Level::ALL
            .into_iter()
            .filter(|l| self.levels[l.index()].heavy_na())
            .collect()
    }

    /// Levels achieved above a failed lower level: shown, but they do not count.
    pub fn imbalanced_levels(&self) -> Vec<Level> {
        Level::ALL
            .into_iter()
            .filter(|l| l.rank() > self.level + 1 && self.levels[l.index()].achieved)
            .collect()
    }
}

fn completeness_percent(answered: u32, questions: u32) -> f64 {
    if questions == 0 {
        return 100.0;
    }
    // Rounded half away from zero, like every displayed percentage.
    let (a, q) = (u64::from(answered), u64::from(questions));
    ((a * 2_000 + q) / (2 * q)) as f64 / 10.0
}

/// Why a question is a next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepReason {
    /// A critical question of the next level (M+1) not at its full point.
    CriticalNextLevel,
    /// Another question of the next level not at its full point.
    NextLevel,
    /// A question of an achieved level (1..M) not at its full point.
    Consolidate,
}

impl StepReason {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            StepReason::CriticalNextLevel => "critical_next_level",
            StepReason::NextLevel => "next_level",
            StepReason::Consolidate => "consolidate",
        }
    }
}

/// A question to work on, with why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextStep {
    /// The track.
    pub track: Track,
    /// Position of the question in the questionnaire.
    pub question: usize,
    /// The question's level.
    pub level: Level,
    /// Whether the question is critical.
    pub critical: bool,
    /// Why it is listed.
    pub reason: StepReason,
    /// The current answer, if any.
    pub current: Option<AnswerValue>,
}

/// The result of scoring one answer sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The evidence mode used.
    pub evidence_mode: EvidenceMode,
    /// The threshold used.
    pub threshold: Percent,
    /// The grid's minimum applicable share of a level (`na_limits`), when it declares one.
    pub min_applicable: Option<Percent>,
    /// One result per track of the questionnaire, in report order (CL, FL).
    pub tracks: Vec<TrackResult>,
    /// min over tracks of their maturity.
    pub headline_level: u8,
    /// Some track is not complete.
    pub provisional: bool,
    /// Next steps, track by track, each in the order of docs/method.md.
    pub next_steps: Vec<NextStep>,
}

impl Assessment {
    /// The result of `track`, if the questionnaire has it.
    pub fn track(&self, track: Track) -> Option<&TrackResult> {
        self.tracks.iter().find(|t| t.track == track)
    }

    /// Number of answers counted unsubstantiated, over all tracks.
    pub fn unsubstantiated_count(&self) -> u32 {
        self.tracks.iter().map(|t| t.unsubstantiated_count).sum()
    }

    /// Some level of some track carries the heavy-`na` warning.
    pub fn has_heavy_na(&self) -> bool {
        self.tracks
            .iter()
            .any(|t| t.levels.iter().any(LevelResult::heavy_na))
    }

    /// The warnings the result itself carries (not the input's): one heavy-`na` warning
    /// (`VG-A18`) per track and level where `na` leaves out more than a quarter of the level's
    /// question weight, in track then level order.
    pub fn warnings(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for t in &self.tracks {
            for level in t.heavy_na_levels() {
                let share = t.level_result(level).na_share();
                out.push(Problem::warning(
                    Place::file(),
                    ProblemKind::HeavyNa {
                        track: t.track,
                        level,
                        tenths: share.percent_tenths().unwrap_or(0),
                    },
                ));
            }
        }
        out
    }
}

/// How one answer counted: the value scoring took, the points it earned, and whether that is
/// the full point. Report writers take points from here, never from a rule of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswerScore {
    /// Points in units, or `None` for an `na` left out of the denominators.
    points: Option<u64>,
    full: bool,
    value: Option<AnswerValue>,
    unsubstantiated: bool,
    evidence: bool,
}

impl AnswerScore {
    /// The value counted; `None` when unanswered (an `na` the question does not allow counts
    /// as unanswered).
    pub fn value(&self) -> Option<AnswerValue> {
        self.value
    }

    /// Points earned (0 to 1), or `None` for an `na` left out (the question does not apply);
    /// an `na` put back into the denominator (substantiated mode, `na_limits`) earns 0.
    pub fn points(&self) -> Option<f64> {
        self.points
            .map(|units| units as f64 / UNITS_PER_POINT as f64)
    }

    /// Whether the answer earns its full point (`na` counts as full: nothing to do).
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// The answer carries evidence (a document reference or URL).
    pub fn has_evidence(&self) -> bool {
        self.evidence
    }

    /// The answer is given (any value, `unknown` and `na` included) and carries evidence: the
    /// one meaning of "carries evidence", for the answers linked to a requirement
    /// (`coverage::LinkedAnswers::with_evidence`) and for a track's evidence share.
    pub fn carries_evidence(&self) -> bool {
        self.value.is_some() && self.evidence
    }

    /// A `yes` or `partial` without evidence, halved in substantiated mode; or an `na` without
    /// evidence put back at 0 points (substantiated mode, on a grid whose `na_limits` ask it).
    pub fn is_unsubstantiated(&self) -> bool {
        self.unsubstantiated
    }
}

/// Scores `sheet` against `questionnaire`. The sheet should have passed
/// [`AnswerSheet::parse`] or [`AnswerSheet::check`]; answers to unknown questions or tracks are
/// ignored, and `na` on a question that does not allow it counts as unanswered. On a grid with
/// `na_limits`, a level is achieved only when enough of it applies, and in substantiated mode
/// (when the limits ask it) an `na` without evidence is scored 0 and counted unsubstantiated.
pub fn score(
    questionnaire: &Questionnaire,
    sheet: &AnswerSheet,
    options: &ScoringOptions,
) -> Assessment {
    let c = questionnaire.compiled();
    let threshold = options
        .threshold
        .unwrap_or_else(|| questionnaire.threshold_percent());
    let substantiated = options.evidence_mode == EvidenceMode::Substantiated;
    let min_applicable = c.na_limits.map(|(p, _)| p);
    // Substantiated mode on a grid whose limits ask it: an unproven `na` counts 0.
    let unproven_na_counts = substantiated && c.na_limits.is_some_and(|(_, evidence)| evidence);
    let n = questionnaire.questions.len();

    // Answers by question position, found by merging two id-sorted sequences.
    let mut found: Vec<[Option<&Answer>; 2]> = vec![[None, None]; n];
    let mut answers = sheet.answers.iter().peekable();
    for &qi in questionnaire.ids_sorted() {
        let id = questionnaire.questions[qi].id.as_str();
        while let Some((k, _)) = answers.peek() {
            match k.as_str().cmp(id) {
                Ordering::Less => {
                    answers.next();
                }
                Ordering::Equal => {
                    if let Some((_, t)) = answers.next() {
                        found[qi] = [t.cl.as_ref(), t.fl.as_ref()];
                    }
                    break;
                }
                Ordering::Greater => break,
            }
        }
    }

    let mut tracks = Vec::with_capacity(c.tracks.len());
    let unanswered = AnswerScore {
        points: Some(0),
        full: false,
        value: None,
        unsubstantiated: false,
        evidence: false,
    };
    let mut scored: Vec<[AnswerScore; 2]> = vec![[unanswered; 2]; n];
    for &track in &c.tracks {
        let ti = track.index();
        let mut levels: [LevelResult; 4] = Default::default();
        let mut themes = vec![Ratio::default(); questionnaire.themes.len()];
        let (mut questions, mut answered, mut unknown_count, mut unsubstantiated_count) =
            (0, 0, 0, 0);
        for (qi, q) in questionnaire.questions.iter().enumerate() {
            if !q.has_track(track) {
                continue;
            }
            questions += 1;
            let answer = found[qi][ti].filter(|a| a.value != AnswerValue::Na || q.allows_na());
            let mut unsubstantiated = false;
            let points = match answer.map(|a| a.value) {
                None => Some(0),
                Some(AnswerValue::Na) => {
                    if unproven_na_counts && !answer.is_some_and(Answer::has_evidence) {
                        unsubstantiated = true;
                        Some(0)
                    } else {
                        None
                    }
                }
                Some(v) => {
                    let base = c.points[match v {
                        AnswerValue::Yes => 0,
                        AnswerValue::Partial => 1,
                        AnswerValue::No => 2,
                        _ => 3,
                    }];
                    if substantiated
                        && matches!(v, AnswerValue::Yes | AnswerValue::Partial)
                        && base > 0
                        && !answer.is_some_and(Answer::has_evidence)
                    {
                        unsubstantiated = true;
                        Some(base / 2)
                    } else {
                        Some(base)
                    }
                }
            };
            if answer.is_some() {
                answered += 1;
            }
            if answer.is_some_and(|a| a.value == AnswerValue::Unknown) {
                unknown_count += 1;
            }
            if unsubstantiated {
                unsubstantiated_count += 1;
            }
            let level = &mut levels[q.level.index()];
            let w = c.weight_of[qi];
            level.questions += 1;
            level.weight += w;
            if answer.is_some_and(|a| a.value == AnswerValue::Na) {
                level.not_applicable += 1;
            }
            let full = match points {
                Some(p) => {
                    level.score.add(p, w);
                    themes[c.theme_of[qi]].add(p, w);
                    p >= UNITS_PER_POINT
                }
                None => {
                    level.na_weight += w;
                    true
                }
            };
            if q.critical && !full {
                level.failed_critical.push(qi);
            }
            scored[qi][ti] = AnswerScore {
                points,
                full,
                value: answer.map(|a| a.value),
                unsubstantiated,
                evidence: answer.is_some_and(Answer::has_evidence),
            };
        }
        let mut maturity = 0u8;
        let mut gate_open = true;
        for (i, level) in levels.iter_mut().enumerate() {
            level.meets_threshold = level.score.meets(threshold);
            level.too_many_na = min_applicable
                .is_some_and(|p| !enough_applies(level.weight - level.na_weight, level.weight, p));
            level.achieved =
                level.meets_threshold && level.failed_critical.is_empty() && !level.too_many_na;
            if gate_open && level.achieved {
                maturity = i as u8 + 1;
            } else {
                gate_open = false;
            }
        }
        let index_parts: [(u64, Ratio); 4] =
            std::array::from_fn(|i| (c.index_weights[i], levels[i].score));
        let index = weighted_mean_percent(&index_parts).unwrap_or(0.0);
        tracks.push(TrackResult {
            track,
            level: maturity,
            levels,
            themes,
            index,
            questions,
            answered,
            unknown_count,
            unsubstantiated_count,
            answers: questionnaire
                .questions
                .iter()
                .zip(&scored)
                .map(|(q, s)| q.has_track(track).then_some(s[ti]))
                .collect(),
        });
    }

    let mut next_steps = Vec::new();
    for t in &tracks {
        let ti = t.track.index();
        let next = Level::from_rank(t.level + 1);
        let mut push = |qi: usize, reason: StepReason| {
            let q = &questionnaire.questions[qi];
            next_steps.push(NextStep {
                track: t.track,
                question: qi,
                level: q.level,
                critical: q.critical,
                reason,
                current: scored[qi][ti].value,
            });
        };
        let open = |qi: usize| {
            let q = &questionnaire.questions[qi];
            // `na` answers are never listed, even one put back at 0 points.
            let s = &scored[qi][ti];
            q.has_track(t.track)
                && !s.full
                && s.points.is_some()
                && s.value != Some(AnswerValue::Na)
        };
        if let Some(next) = next {
            for (qi, q) in questionnaire.questions.iter().enumerate() {
                if q.level == next && q.critical && open(qi) {
                    push(qi, StepReason::CriticalNextLevel);
                }
            }
            for (qi, q) in questionnaire.questions.iter().enumerate() {
                if q.level == next && !q.critical && open(qi) {
                    push(qi, StepReason::NextLevel);
                }
            }
        }
        for (qi, q) in questionnaire.questions.iter().enumerate() {
            if q.level.rank() <= t.level && open(qi) {
                push(qi, StepReason::Consolidate);
            }
        }
    }

    Assessment {
        evidence_mode: options.evidence_mode,
        threshold,
        min_applicable,
        headline_level: tracks.iter().map(|t| t.level).min().unwrap_or(0),
        provisional: tracks.iter().any(|t| !t.is_complete()),
        tracks,
        next_steps,
    }
}
