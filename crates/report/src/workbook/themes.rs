//! The Themes sheet: one row per company, track and theme, with the theme score.

use super::stream::put_text;
use super::{KEY_COLUMNS, ResultsWorkbook, ScoredSheet, Writer};
use rust_xlsxwriter::XlsxError;
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn themes_headers(&self) -> Vec<(&'static str, f64)> {
        let mut h = self.key_headers();
        h.extend([
            (self.t(Wb::Track), 8.0),
            (self.t(Wb::Theme), 8.0),
            (self.t(Wb::ThemeLabel), 40.0),
            (self.t(Wb::ScorePercent), 10.0),
            (self.t(Wb::Grid), 16.0),
        ]);
        h
    }
}

impl ResultsWorkbook<'_> {
    pub(super) fn push_themes(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        let (w, sheet, grid) = (&self.w, &mut self.themes, &self.grids[g]);
        let keys = w.keys(s);
        let key = grid.key();
        const K: u16 = KEY_COLUMNS;
        for (t, idx) in &grid.theme_index {
            let Some(tr) = s.assessment.track(*t) else {
                continue;
            };
            for &i in idx {
                let th = &grid.q.themes[i];
                let (ws, r) = sheet.next(&mut self.wb)?;
                w.put_keys(ws, r, &keys)?;
                ws.write_string(r, K, t.code())?;
                put_text(ws, r, K + 1, &th.id)?;
                put_text(ws, r, K + 2, th.label.get(w.lang))?;
                w.score_cell(ws, r, K + 3, tr.themes.get(i).and_then(|x| x.percent()))?;
                ws.write_string(r, K + 4, &key)?;
            }
        }
        Ok(())
    }
}
