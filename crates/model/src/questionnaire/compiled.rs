//! What scoring needs of a checked grid, computed once when it is loaded: points and weights in
//! exact units, the questions sorted by id, each question's theme, the tracks present.

use super::QuestionnaireFile;
use crate::codes::{AnswerValue, Track};
use crate::exact::{Percent, UNITS_PER_POINT, to_thousandths};

/// What scoring needs, precomputed once when the questionnaire is loaded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    pub threshold: Option<Percent>,
    /// The grid's `na_limits`: the minimum applicable share, and whether an `na` without
    /// evidence goes back into the denominator in substantiated mode.
    pub na_limits: Option<(Percent, bool)>,
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

/// What scoring needs of a checked grid.
pub(super) fn compile(file: &QuestionnaireFile) -> Compiled {
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
        na_limits: file.na_limits.and_then(|l| {
            Percent::from_f64(l.min_applicable_percent).map(|p| (p, l.evidence_when_substantiated))
        }),
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
