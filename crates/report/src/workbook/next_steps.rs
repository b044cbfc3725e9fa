//! The Next steps sheet: one row per company and question to work on, in the method's order,
//! with the reason, the current answer and the recommendation.

use super::stream::{fit_row, put_text};
use super::{ResultsWorkbook, ScoredSheet, Writer, yes_no};
use rust_xlsxwriter::XlsxError;
use vigilance_results::json::reason_label;
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn next_steps_headers(&self) -> Vec<(&'static str, f64)> {
        vec![
            (self.t(Wb::Company), 36.0),
            (self.t(Wb::Track), 7.0),
            (self.t(Wb::Question), 9.0),
            (self.t(Wb::Level), 7.0),
            (self.t(Wb::Critical), 8.0),
            (self.t(Wb::Reason), 30.0),
            (self.t(Wb::CurrentAnswer), 14.0),
            (self.t(Wb::Recommendation), 80.0),
            (self.t(Wb::Grid), 16.0),
        ]
    }
}

impl ResultsWorkbook<'_> {
    pub(super) fn push_next_steps(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        let (w, sheet, grid) = (&self.w, &mut self.next_steps, &self.grids[g]);
        let key = grid.key();
        let lang = w.lang;
        for step in &s.assessment.next_steps {
            let Some(qq) = grid.q.questions.get(step.question) else {
                continue;
            };
            let (ws, r) = sheet.next(&mut self.wb)?;
            put_text(ws, r, 0, &s.sheet.company.name)?;
            ws.write_string(r, 1, step.track.code())?;
            put_text(ws, r, 2, &qq.id)?;
            ws.write_string(r, 3, step.level.code())?;
            ws.write_string(r, 4, yes_no(step.critical, lang))?;
            ws.write_string(r, 5, reason_label(step.reason, lang))?;
            if let Some(v) = step.current {
                put_text(ws, r, 6, grid.q.value_label(v, lang))?;
            }
            let reason = reason_label(step.reason, lang);
            let recommendation = qq.recommendation.get(lang);
            fit_row(ws, r, &[(30.0, reason), (80.0, recommendation)])?;
            put_text(ws, r, 7, recommendation)?;
            ws.write_string(r, 8, &key)?;
        }
        Ok(())
    }
}
