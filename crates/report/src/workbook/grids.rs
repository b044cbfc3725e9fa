//! The grids of a batch: a batch may mix grids (versions of `rhsf-fir`, the light grid
//! `rhsf-fir-sme`…). Each scored sheet is written with the grid it was scored on, and what its
//! rows need of that grid (themes per track, question × track pairs, answer labels, the
//! requirements mapped by its questions) is worked out once per grid, here. Cohort statistics
//! are kept per grid, so that levels of different grids never meet in one statistic.

use crate::codes::{AnswerValue, Track};
use crate::coverage::{RequirementMap, RequirementStatus, grid_coverage};
use crate::questionnaire::Questionnaire;
use crate::text::Lang;

/// A grid met in the batch and what its rows need.
pub(super) struct Grid<'q> {
    pub(super) q: &'q Questionnaire,
    /// Per track, the themes with at least one question in it (as in the result document).
    pub(super) theme_index: Vec<(Track, Vec<usize>)>,
    /// The answer values' labels, in the order of [`AnswerValue::ALL`].
    pub(super) value_labels: Vec<&'q str>,
    /// Every requirement of the grid's frameworks with the questions mapped to it.
    pub(super) coverage: Vec<RequirementMap>,
    /// Per requirement (as in `coverage`) and track (by `Track::index`), the number of
    /// companies in each status (in the order of [`RequirementStatus::ALL`]).
    pub(super) coverage_counts: Vec<[[u32; 5]; 2]>,
    /// Per requirement, the number of companies in each status with the tracks taken
    /// together (`coverage::combined`).
    pub(super) combined_counts: Vec<[u32; 5]>,
    /// Per requirement and track, the companies' linked answers per value (the order of
    /// [`AnswerValue::ALL`], then unanswered): what a framework that only informs shows.
    pub(super) answer_counts: Vec<[[u32; 6]; 2]>,
}

impl<'q> Grid<'q> {
    pub(super) fn new(q: &'q Questionnaire, lang: Lang) -> Grid<'q> {
        let tracks = q.track_codes();
        let theme_index = tracks
            .iter()
            .map(|&t| {
                let idx = q
                    .themes
                    .iter()
                    .enumerate()
                    .filter(|(_, th)| {
                        q.questions
                            .iter()
                            .any(|qq| qq.theme == th.id && qq.has_track(t))
                    })
                    .map(|(i, _)| i)
                    .collect();
                (t, idx)
            })
            .collect();
        let value_labels = AnswerValue::ALL
            .iter()
            .map(|v| q.value_label(*v, lang))
            .collect();
        let coverage = grid_coverage(q);
        let coverage_counts = vec![[[0; 5]; 2]; coverage.len()];
        let combined_counts = vec![[0; 5]; coverage.len()];
        let answer_counts = vec![[[0; 6]; 2]; coverage.len()];
        Grid {
            q,
            theme_index,
            value_labels,
            coverage,
            coverage_counts,
            combined_counts,
            answer_counts,
        }
    }

    /// `id@version`, as results name their grid.
    pub(super) fn key(&self) -> String {
        grid_key(self.q)
    }

    /// Counts one company's status of requirement `r` for `track`.
    pub(super) fn count(&mut self, r: usize, track: Track, status: RequirementStatus) {
        if let Some(c) = self.coverage_counts.get_mut(r) {
            c[track.index()][status.index()] += 1;
        }
    }

    /// Counts one company's status of requirement `r`, the tracks taken together.
    pub(super) fn count_combined(&mut self, r: usize, status: RequirementStatus) {
        if let Some(c) = self.combined_counts.get_mut(r) {
            c[status.index()] += 1;
        }
    }

    /// Counts one company's linked answers to requirement `r` for `track`.
    pub(super) fn count_answers(&mut self, r: usize, track: Track, values: &[Option<AnswerValue>]) {
        if let Some(c) = self.answer_counts.get_mut(r) {
            for v in values {
                let k = v
                    .and_then(|v| AnswerValue::ALL.iter().position(|x| *x == v))
                    .unwrap_or(AnswerValue::ALL.len());
                c[track.index()][k] += 1;
            }
        }
    }
}

/// `id@version`.
pub(super) fn grid_key(q: &Questionnaire) -> String {
    format!("{}@{}", q.id, q.version)
}
