//! The Next steps sheet: one row per company and question to work on, in the method's order,
//! with the reason, the current answer and the recommendation.

use super::stream::{fit_row, put_text};
use super::{KEY_COLUMNS, ResultsWorkbook, ScoredSheet, Writer, yes_no};
use rust_xlsxwriter::XlsxError;
use vigilance_results::json::reason_label;
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn next_steps_headers(&self) -> Vec<(&'static str, f64)> {
        let mut h = self.key_headers();
        h.extend([
            (self.t(Wb::Track), 7.0),
            (self.t(Wb::Question), 9.0),
            (self.t(Wb::Level), 7.0),
            (self.t(Wb::Critical), 8.0),
            (self.t(Wb::Reason), 30.0),
            (self.t(Wb::CurrentAnswer), 14.0),
            (self.t(Wb::Recommendation), 80.0),
            (self.t(Wb::Grid), 16.0),
        ]);
        h
    }
}

impl ResultsWorkbook<'_> {
    pub(super) fn push_next_steps(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        let (w, sheet, grid) = (&self.w, &mut self.next_steps, &self.grids[g]);
        let key = grid.key();
        let lang = w.lang;
        let keys = w.keys(s);
        const K: u16 = KEY_COLUMNS;
        for step in &s.assessment.next_steps {
            let Some(qq) = grid.q.questions.get(step.question) else {
                continue;
            };
            let (ws, r) = sheet.next(&mut self.wb)?;
            w.put_keys(ws, r, &keys)?;
            ws.write_string(r, K, step.track.code())?;
            put_text(ws, r, K + 1, &qq.id)?;
            ws.write_string(r, K + 2, step.level.code())?;
            ws.write_string(r, K + 3, yes_no(step.critical, lang))?;
            ws.write_string(r, K + 4, reason_label(step.reason, lang))?;
            if let Some(v) = step.current {
                put_text(ws, r, K + 5, grid.q.value_label(v, lang))?;
            }
            let reason = reason_label(step.reason, lang);
            let recommendation = qq.recommendation.get(lang);
            fit_row(ws, r, &[(30.0, reason), (80.0, recommendation)])?;
            put_text(ws, r, K + 6, recommendation)?;
            ws.write_string(r, K + 7, &key)?;
        }
        Ok(())
    }
}
