//! The Answers sheet: one row per company and question, the two tracks side by side — for each
//! track (child labour, forced labour) the answer as written and the points scoring gave it,
//! then each track's comment, evidence and justification. A track the question is not asked on
//! reads "Not asked" (« Non posée »); a question asked but left unanswered has empty cells.
//!
//! Side by side rather than one row per track: analysts compare the two tracks of a question
//! anyway, and the row's company, question, level, theme and critical flag are written once
//! instead of twice (measured at 10,000 companies on grid 1.2.0: 770,000 rows become 450,000,
//! and the sheet about a third smaller). Past [`AnswersSheet::UpTo`] companies the sheet is
//! left out unless asked for (`WorkbookOptions::answers_sheet`); the Method sheet says so.

use super::stream::{fit_row, put_text};
use super::{KEY_COLUMNS, ResultsWorkbook, ScoredSheet, Writer, yes_no};
use crate::codes::{AnswerValue, Track};
use rust_xlsxwriter::XlsxError;
use vigilance_text::Wb;

/// When the workbook has its Answers sheet, the one sheet whose size grows with every answer
/// of every company (45 rows a company on grid 1.2.0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswersSheet {
    /// Written when the workbook holds at most this many companies (scored sheets); past it,
    /// left out, and the Method sheet says so and how to get it.
    UpTo(usize),
    /// Always written (`vigilance score --answers-sheet`).
    Always,
}

/// Companies up to which the Answers sheet is written by default. Measured with
/// `scripts/bench-cli.sh` on grid 1.2.0: the workbook of 5,000 companies is 20.3 MB with it
/// (the sheet 10.7 MB and 225,000 rows); at 10,000 it would be 21.5 of 40.6 MB, and the
/// workbook without it is 18.7 MB.
pub const ANSWERS_SHEET_MAX_COMPANIES: usize = 5_000;

impl Default for AnswersSheet {
    fn default() -> Self {
        AnswersSheet::UpTo(ANSWERS_SHEET_MAX_COMPANIES)
    }
}

impl AnswersSheet {
    /// Whether a workbook of `companies` companies has the sheet.
    pub fn written_for(self, companies: usize) -> bool {
        match self {
            AnswersSheet::UpTo(max) => companies <= max,
            AnswersSheet::Always => true,
        }
    }
}

/// Columns of a track's answer and points (side by side for both tracks, after the question's
/// columns), then of its comment, evidence and justification.
const SHORT_PER_TRACK: u16 = 2;
const TEXTS_PER_TRACK: u16 = 3;
/// The question's columns after the keys: question, level, theme, critical.
const QUESTION_COLUMNS: u16 = 4;

impl Writer<'_> {
    pub(super) fn answers_headers(&self) -> Vec<(String, f64)> {
        let mut h: Vec<(String, f64)> = self
            .key_headers()
            .into_iter()
            .map(|(h, w)| (h.to_string(), w))
            .collect();
        for (m, w) in [
            (Wb::Question, 9.0),
            (Wb::Level, 7.0),
            (Wb::Theme, 7.0),
            (Wb::Critical, 8.0),
        ] {
            h.push((self.t(m).to_string(), w));
        }
        for t in Track::ALL {
            h.push((format!("{} {}", t.code(), self.t(Wb::Answer)), 14.0));
            h.push((format!("{} {}", t.code(), self.t(Wb::Points)), 8.0));
        }
        for t in Track::ALL {
            for (m, w) in [
                (Wb::Comment, 32.0),
                (Wb::Evidence, 32.0),
                (Wb::Justification, 30.0),
            ] {
                h.push((format!("{} {}", t.code(), self.t(m)), w));
            }
        }
        h.push((self.t(Wb::Grid).to_string(), 16.0));
        h
    }
}

impl Writer<'_> {
    /// The Points columns, right-aligned under their headers.
    pub(super) fn answers_number_columns(&self) -> Vec<u16> {
        let short = KEY_COLUMNS + QUESTION_COLUMNS;
        (0..Track::ALL.len() as u16)
            .map(|ti| short + SHORT_PER_TRACK * ti + 1)
            .collect()
    }
}

impl ResultsWorkbook<'_> {
    pub(super) fn push_answers(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        let Some(sheet) = self.answers.as_mut() else {
            return Ok(());
        };
        let (w, grid) = (&self.w, &self.grids[g]);
        let key = grid.key();
        let lang = w.lang;
        let (yes, no) = (yes_no(true, lang), yes_no(false, lang));
        let not_asked = w.t(Wb::AnswerNotAsked);
        let keys = w.keys(s);
        const K: u16 = KEY_COLUMNS;
        let short = K + QUESTION_COLUMNS;
        let texts = short + SHORT_PER_TRACK * Track::ALL.len() as u16;
        let grid_col = texts + TEXTS_PER_TRACK * Track::ALL.len() as u16;
        for (qi, qq) in grid.q.questions.iter().enumerate() {
            let (ws, r) = sheet.next(&mut self.wb)?;
            w.put_keys(ws, r, &keys)?;
            put_text(ws, r, K, &qq.id)?;
            ws.write_string(r, K + 1, qq.level.code())?;
            put_text(ws, r, K + 2, &qq.theme)?;
            ws.write_string(r, K + 3, if qq.critical { yes } else { no })?;
            let mut wrapped: Vec<(f64, String)> = Vec::new();
            for (ti, &t) in Track::ALL.iter().enumerate() {
                let (a_col, t_col) = (
                    short + SHORT_PER_TRACK * ti as u16,
                    texts + TEXTS_PER_TRACK * ti as u16,
                );
                if !qq.has_track(t) {
                    ws.write_string(r, a_col, not_asked)?;
                    continue;
                }
                let answer = s.sheet.answer(&qq.id, t);
                if let Some(a) = answer {
                    let vi = AnswerValue::ALL
                        .iter()
                        .position(|v| *v == a.value)
                        .unwrap_or(0);
                    put_text(ws, r, a_col, grid.value_labels[vi])?;
                }
                // Points as scoring counted them, never recomputed here.
                if let Some(p) = s
                    .assessment
                    .track(t)
                    .and_then(|tr| tr.answer(qi))
                    .and_then(|a| a.points())
                {
                    ws.write_number(r, a_col + 1, p)?;
                }
                let Some(a) = answer else { continue };
                let comment = a.comment.as_deref().unwrap_or("");
                let evidence = a.evidence.join("\n");
                let justification = a.justification.as_deref().unwrap_or("");
                put_text(ws, r, t_col, comment)?;
                put_text(ws, r, t_col + 1, &evidence)?;
                put_text(ws, r, t_col + 2, justification)?;
                wrapped.extend([
                    (32.0, comment.to_string()),
                    (32.0, evidence),
                    (30.0, justification.to_string()),
                ]);
            }
            let cells: Vec<(f64, &str)> = wrapped.iter().map(|(w, t)| (*w, t.as_str())).collect();
            fit_row(ws, r, &cells)?;
            ws.write_string(r, grid_col, &key)?;
        }
        Ok(())
    }
}
