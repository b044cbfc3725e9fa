//! The Themes sheet: one row per company, track and theme, with the theme score.

use super::stream::put_text;
use super::{ResultsWorkbook, ScoredSheet, Writer};
use rust_xlsxwriter::XlsxError;
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn themes_headers(&self) -> Vec<(&'static str, f64)> {
        vec![
            (self.t(Wb::Company), 36.0),
            (self.t(Wb::Period), 10.0),
            (self.t(Wb::Track), 8.0),
            (self.t(Wb::Theme), 8.0),
            (self.t(Wb::ThemeLabel), 40.0),
            (self.t(Wb::ScorePercent), 10.0),
            (self.t(Wb::Grid), 16.0),
        ]
    }
}

impl ResultsWorkbook<'_> {
    pub(super) fn push_themes(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        let (w, sheet, grid) = (&self.w, &mut self.themes, &self.grids[g]);
        let name = &s.sheet.company.name;
        let period = s.sheet.period.as_deref().unwrap_or("");
        let key = grid.key();
        for (t, idx) in &grid.theme_index {
            let Some(tr) = s.assessment.track(*t) else {
                continue;
            };
            for &i in idx {
                let th = &grid.q.themes[i];
                let (ws, r) = sheet.next(&mut self.wb)?;
                put_text(ws, r, 0, name)?;
                put_text(ws, r, 1, period)?;
                ws.write_string(r, 2, t.code())?;
                put_text(ws, r, 3, &th.id)?;
                put_text(ws, r, 4, th.label.get(w.lang))?;
                w.score_cell(ws, r, 5, tr.themes.get(i).and_then(|x| x.percent()))?;
                ws.write_string(r, 6, &key)?;
            }
        }
        Ok(())
    }
}
