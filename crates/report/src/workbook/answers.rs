//! The Answers sheet: one row per company, question and track, with the answer as written,
//! the points scoring gave it, comment, evidence and justification.

use super::stream::{fit_row, put_text};
use super::{KEY_COLUMNS, ResultsWorkbook, ScoredSheet, Writer, yes_no};
use crate::codes::AnswerValue;
use rust_xlsxwriter::XlsxError;
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn answers_headers(&self) -> Vec<(&'static str, f64)> {
        let mut h = self.key_headers();
        h.extend([
            (self.t(Wb::Track), 7.0),
            (self.t(Wb::Question), 9.0),
            (self.t(Wb::Level), 7.0),
            (self.t(Wb::Theme), 7.0),
            (self.t(Wb::Critical), 8.0),
            (self.t(Wb::Answer), 14.0),
            (self.t(Wb::Points), 7.0),
            (self.t(Wb::Comment), 40.0),
            (self.t(Wb::Evidence), 40.0),
            (self.t(Wb::Justification), 30.0),
            (self.t(Wb::Grid), 16.0),
        ]);
        h
    }
}

impl ResultsWorkbook<'_> {
    pub(super) fn push_answers(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        let (w, sheet, grid) = (&self.w, &mut self.answers, &self.grids[g]);
        let key = grid.key();
        let lang = w.lang;
        let (yes, no) = (yes_no(true, lang), yes_no(false, lang));
        let keys = w.keys(s);
        const K: u16 = KEY_COLUMNS;
        for &(qi, t) in &grid.track_pairs {
            let qq = &grid.q.questions[qi];
            let answer = s.sheet.answer(&qq.id, t);
            let (ws, r) = sheet.next(&mut self.wb)?;
            w.put_keys(ws, r, &keys)?;
            ws.write_string(r, K, t.code())?;
            put_text(ws, r, K + 1, &qq.id)?;
            ws.write_string(r, K + 2, qq.level.code())?;
            put_text(ws, r, K + 3, &qq.theme)?;
            ws.write_string(r, K + 4, if qq.critical { yes } else { no })?;
            if let Some(a) = answer {
                let evidence = a.evidence.join("\n");
                fit_row(
                    ws,
                    r,
                    &[
                        (40.0, a.comment.as_deref().unwrap_or("")),
                        (40.0, &evidence),
                        (30.0, a.justification.as_deref().unwrap_or("")),
                    ],
                )?;
                let vi = AnswerValue::ALL
                    .iter()
                    .position(|v| *v == a.value)
                    .unwrap_or(0);
                put_text(ws, r, K + 5, grid.value_labels[vi])?;
            }
            // Points as scoring counted them, never recomputed here.
            if let Some(p) = s
                .assessment
                .track(t)
                .and_then(|tr| tr.answer(qi))
                .and_then(|a| a.points())
            {
                ws.write_number(r, K + 6, p)?;
            }
            if let Some(a) = answer {
                put_text(ws, r, K + 7, a.comment.as_deref().unwrap_or(""))?;
                match a.evidence.as_slice() {
                    [] => {}
                    [one] => put_text(ws, r, K + 8, one)?,
                    many => put_text(ws, r, K + 8, &many.join("\n"))?,
                }
                put_text(ws, r, K + 9, a.justification.as_deref().unwrap_or(""))?;
            }
            ws.write_string(r, K + 10, &key)?;
        }
        Ok(())
    }
}
