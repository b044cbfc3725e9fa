//! The scoring rule of docs/method.md, pure and exact: level scores, achieved levels (threshold and
//! critical gates), maturity per track, headline, profile, theme scores, indicative index,
//! completeness, knowledge gaps, unsubstantiated answers, and next steps in the stated order.
//!
//! [`score`] takes a checked [`AnswerSheet`] and returns an [`Assessment`] that refers to the
//! questionnaire's questions by position; report writers turn it into words and numbers.

use crate::answers::{Answer, AnswerSheet};
use crate::codes::{AnswerValue, EvidenceMode, Level, Track};
use crate::exact::{Percent, Ratio, UNITS_PER_POINT, weighted_mean_percent};
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
}

impl LevelResult {
    /// No question of the level applies (all `na`): the level cannot be achieved (flagged).
    pub fn no_applicable_question(&self) -> bool {
        self.score.is_empty()
    }
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
    /// `yes`/`partial` without evidence, counted in substantiated mode.
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

    /// Completeness in percent, rounded to one decimal.
    pub fn completeness(&self) -> f64 {
        completeness_percent(self.answered, self.questions)
    }

    /// Every question of the track has an answer.
    pub fn is_complete(&self) -> bool {
        self.answered == self.questions
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
}

/// How one answer counted: the value scoring took, the points it earned, and whether that is
/// the full point. Report writers take points from here, never from a rule of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnswerScore {
    /// Points in units, or `None` for `na` (left out of the denominators).
    points: Option<u64>,
    full: bool,
    value: Option<AnswerValue>,
    unsubstantiated: bool,
}

impl AnswerScore {
    /// The value counted; `None` when unanswered (an `na` the question does not allow counts
    /// as unanswered).
    pub fn value(&self) -> Option<AnswerValue> {
        self.value
    }

    /// Points earned (0 to 1), or `None` for `na` (the question does not apply).
    pub fn points(&self) -> Option<f64> {
        self.points
            .map(|units| units as f64 / UNITS_PER_POINT as f64)
    }

    /// Whether the answer earns its full point (`na` counts as full: nothing to do).
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// A `yes` or `partial` without evidence, halved in substantiated mode.
    pub fn is_unsubstantiated(&self) -> bool {
        self.unsubstantiated
    }
}

/// Scores `sheet` against `questionnaire`. The sheet should have passed
/// [`AnswerSheet::parse`] or [`AnswerSheet::check`]; answers to unknown questions or tracks are
/// ignored, and `na` on a question that does not allow it counts as unanswered.
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
                Some(AnswerValue::Na) => None,
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
            level.questions += 1;
            let full = match points {
                Some(p) => {
                    let w = c.weight_of[qi];
                    level.score.add(p, w);
                    themes[c.theme_of[qi]].add(p, w);
                    p >= UNITS_PER_POINT
                }
                None => {
                    level.not_applicable += 1;
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
            };
        }
        let mut maturity = 0u8;
        let mut gate_open = true;
        for (i, level) in levels.iter_mut().enumerate() {
            level.meets_threshold = level.score.meets(threshold);
            level.achieved = level.meets_threshold && level.failed_critical.is_empty();
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
            q.has_track(t.track) && !scored[qi][ti].full && scored[qi][ti].points.is_some()
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
        headline_level: tracks.iter().map(|t| t.level).min().unwrap_or(0),
        provisional: tracks.iter().any(|t| !t.is_complete()),
        tracks,
        next_steps,
    }
}
