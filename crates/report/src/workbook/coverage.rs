//! The Coverage sheets, when a grid of the batch maps to frameworks: "Coverage" has one row per
//! company × requirement × track (framework, reference, requirement, track, status, the
//! questions mapped), streamed as the sheets are pushed; "Coverage (cohort)" counts, per grid,
//! requirement and track, the companies in each status. Both open with the disclaimer: coverage
//! is information, not a legal opinion. Statuses come from [`crate::coverage::status_of`].

use super::grids::Grid;
use super::stream::{
    LongSheet, Memory, columns_and_print, fit_row, header_number_format, header_row, header_width,
    put_text,
};
use super::{KEY_COLUMNS, ResultsWorkbook, ScoredSheet, Writer};
use crate::coverage::{RequirementStatus, disclaimer, status_of};
use rust_xlsxwriter::{Format, RowNum, Table, TableColumn, Worksheet, XlsxError};
use vigilance_text::Wb;

impl Writer<'_> {
    fn coverage_headers(&self) -> Vec<(&'static str, f64)> {
        let mut h = self.key_headers();
        h.extend([
            (self.t(Wb::Grid), 16.0),
            (self.t(Wb::Framework), 12.0),
            (self.t(Wb::Reference), 26.0),
            (self.t(Wb::Requirement), 50.0),
            (self.t(Wb::Track), 7.0),
            (self.t(Wb::Status), 22.0),
            (self.t(Wb::Questions), 20.0),
        ]);
        h
    }

    /// The cohort summary: per grid with frameworks, per requirement and track, the number of
    /// companies in each status.
    pub(super) fn coverage_summary(&self, grids: &[Grid<'_>]) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut ws = Worksheet::new();
        ws.set_name(self.names.coverage_summary)?;
        let mut headers: Vec<(&str, f64)> = vec![
            (self.t(Wb::Grid), 16.0),
            (self.t(Wb::Framework), 12.0),
            (self.t(Wb::Reference), 26.0),
            (self.t(Wb::Requirement), 50.0),
            (self.t(Wb::Track), 7.0),
        ];
        headers.extend(
            RequirementStatus::ALL
                .iter()
                .map(|s| (s.label(lang), header_width(s.label(lang), 14.0))),
        );
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        ws.set_repeat_rows(0, 1)?;
        let last = (headers.len() - 1) as u16;
        let note = Format::new().set_text_wrap().set_italic();
        ws.merge_range(0, 0, 0, last, disclaimer(lang), &note)?;
        ws.set_row_height(0, 32)?;
        header_row(&mut ws, 1, &headers, 5)?;
        ws.set_freeze_panes(2, 3)?;
        let mut r: RowNum = 2;
        for grid in grids.iter().filter(|g| !g.q.frameworks.is_empty()) {
            let key = grid.key();
            for (m, counts) in grid.coverage.iter().zip(&grid.coverage_counts) {
                let f = &grid.q.frameworks[m.framework];
                let req = &f.requirements[m.requirement];
                for &t in grid.q.track_codes() {
                    if !m.is_covered(t) {
                        continue;
                    }
                    ws.write_string(r, 0, &key)?;
                    put_text(&mut ws, r, 1, &f.id)?;
                    put_text(&mut ws, r, 2, &req.reference)?;
                    fit_row(&mut ws, r, &[(50.0, req.title.get(lang))])?;
                    put_text(&mut ws, r, 3, req.title.get(lang))?;
                    ws.write_string(r, 4, t.code())?;
                    for (k, n) in counts[t.index()].iter().enumerate() {
                        ws.write_number(r, 5 + k as u16, f64::from(*n))?;
                    }
                    r += 1;
                }
            }
        }
        if r > 2 {
            let columns: Vec<TableColumn> = headers
                .iter()
                .enumerate()
                .map(|(c, (h, _))| {
                    let f = if c >= 5 {
                        header_number_format()
                    } else {
                        self.header.clone()
                    };
                    TableColumn::new().set_header(*h).set_header_format(&f)
                })
                .collect();
            let table = Table::new()
                .set_name("VigilanceCoverageCohort")
                .set_columns(&columns);
            ws.add_table(1, 0, r - 1, last, &table)?;
        }
        Ok(ws)
    }
}

impl ResultsWorkbook<'_> {
    /// Writes the Coverage rows of one company (none when its grid maps to no framework) and
    /// counts its statuses for the cohort summary.
    pub(super) fn push_coverage(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        if self.grids[g].q.frameworks.is_empty() {
            return Ok(());
        }
        if self.coverage.is_none() {
            let w = &self.w;
            self.coverage = Some(LongSheet::start_with_preamble(
                &mut self.wb,
                (w.names.coverage, "VigilanceCoverage"),
                Some(disclaimer(w.lang)),
                w.coverage_headers(),
                // Shared strings: the rows repeat the grid's requirement texts.
                w.memory(Memory::Low),
                w.rows_per_sheet,
            )?);
        }
        let lang = self.w.lang;
        let Some(sheet) = self.coverage.as_mut() else {
            return Ok(());
        };
        let grid = &mut self.grids[g];
        let q = grid.q;
        let key = grid.key();
        let keys = self.w.keys(s);
        const K: u16 = KEY_COLUMNS;
        let mut counted = Vec::new();
        for (ri, m) in grid.coverage.iter().enumerate() {
            let f = &q.frameworks[m.framework];
            let req = &f.requirements[m.requirement];
            for &t in q.track_codes() {
                let questions = m.questions_for(t);
                if questions.is_empty() {
                    continue;
                }
                let status = status_of(&s.assessment, t, questions);
                counted.push((ri, t, status));
                let (ws, r) = sheet.next(&mut self.wb)?;
                fit_row(ws, r, &[(50.0, req.title.get(lang))])?;
                self.w.put_keys(ws, r, &keys)?;
                ws.write_string(r, K, &key)?;
                put_text(ws, r, K + 1, &f.id)?;
                put_text(ws, r, K + 2, &req.reference)?;
                put_text(ws, r, K + 3, req.title.get(lang))?;
                ws.write_string(r, K + 4, t.code())?;
                ws.write_string(r, K + 5, status.label(lang))?;
                let ids = questions
                    .iter()
                    .filter_map(|&qi| q.questions.get(qi).map(|qq| qq.id.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ");
                put_text(ws, r, K + 6, &ids)?;
            }
        }
        // A repeat of a company already given for the same period is listed, not counted:
        // the cohort counts each company once, as the Cohort sheet and the review do.
        if !vigilance_results::matching::is_duplicate(&s.warnings) {
            for (ri, t, status) in counted {
                grid.count(ri, t, status);
            }
        }
        Ok(())
    }
}
