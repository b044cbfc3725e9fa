//! The Summary sheet: one row per company (details, headline level, each track's level, level
//! scores, index, completeness, knowledge gaps, `na` answers and the share of the question
//! weight they leave out, unsubstantiated answers) and the
//! grid it was assessed on, with the change since the previous campaign when one is given.

use super::figures::{CompanyFigures, PreviousIndex, diff_tenths};
use super::grids::Grid;
use super::stream::{Memory, columns_and_print, fit_row, new_sheet, put_text};
use super::{Writer, yes_no};
use crate::codes::Level;
use crate::exact::Percent;
use rust_xlsxwriter::{
    ConditionalFormat3ColorScale, ConditionalFormatType, Format, RowNum, Table, TableColumn,
    Workbook, Worksheet, XlsxError,
};
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn summary(
        &self,
        wb: &mut Workbook,
        grids: &[Grid<'_>],
        companies: &[CompanyFigures],
        previous: Option<&PreviousIndex>,
        threshold: Percent,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut headers: Vec<(String, f64)> = vec![
            (self.t(Wb::Company).into(), 34.0),
            (self.t(Wb::Sector).into(), 18.0),
            (self.t(Wb::Country).into(), 8.0),
            (self.t(Wb::Identifier).into(), 22.0),
            (self.t(Wb::Period).into(), 8.0),
            (self.t(Wb::HeadlineLevel).into(), 10.0),
            (self.t(Wb::LevelLabel).into(), 26.0),
            (self.t(Wb::Provisional).into(), 11.0),
        ];
        let first_track_col = headers.len();
        // Figures in narrow columns under headers wrapped on up to four lines: the sheet is
        // wide, and prints fitted to one page wide.
        for &t in self.tracks() {
            let c = t.code();
            headers.push((format!("{c} {}", self.t(Wb::LevelLower)), 7.0));
            for l in Level::ALL {
                headers.push((format!("{c} {}", l.code()), 6.5));
            }
            headers.push((format!("{c} {}", self.t(Wb::Index)), 7.0));
            headers.push((format!("{c} {}", self.t(Wb::Completeness)), 9.0));
            headers.push((format!("{c} {}", self.t(Wb::DontKnow)), 8.0));
            headers.push((format!("{c} {}", self.t(Wb::Na)), 8.0));
            headers.push((format!("{c} {}", self.t(Wb::NaShare)), 8.0));
            headers.push((format!("{c} {}", self.t(Wb::Unsubstantiated)), 9.0));
        }
        let per_track = 11;
        let change_col = headers.len();
        if previous.is_some() {
            headers.push((self.t(Wb::ChangeInHeadlineLevel).into(), 10.0));
            for &t in self.tracks() {
                let c = t.code();
                headers.push((format!("{c} {}", self.t(Wb::ChangeInLevel)), 9.0));
                headers.push((format!("{c} {}", self.t(Wb::ChangeInIndex)), 9.0));
            }
        }
        let grid_col = headers.len();
        headers.push((self.t(Wb::Grid).into(), 16.0));
        let source_col = headers.len();
        headers.push((self.t(Wb::Source).into(), 30.0));

        // One row per company: constant-memory too when asked, so that memory stays flat.
        let mut ws = new_sheet(wb, self.memory(Memory::Constant))?;
        ws.set_name(self.names.summary)?;
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        for (c, (h, _)) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &self.header)?;
        }
        ws.set_row_height(0, 62)?;
        // Table and colours first: in constant-memory mode rows can only be written in order.
        let last_col = (headers.len() - 1) as u16;
        let n = companies.len() as RowNum;
        if n > 0 {
            let columns: Vec<TableColumn> = headers
                .iter()
                .map(|(h, _)| {
                    TableColumn::new()
                        .set_header(h)
                        .set_header_format(&self.header)
                })
                .collect();
            let table = Table::new()
                .set_name("VigilanceSummary")
                .set_columns(&columns);
            ws.add_table(0, 0, n, last_col, &table)?;
            // Levels 0..4 and scores 0..100 coloured red → yellow (threshold) → green.
            let levels = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, 2)
                .set_maximum(ConditionalFormatType::Number, 4);
            let scores = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, threshold.as_f64())
                .set_maximum(ConditionalFormatType::Number, 100);
            ws.add_conditional_format(1, 5, n, 5, &levels)?;
            for ti in 0..self.tracks().len() {
                let col = (first_track_col + ti * per_track) as u16;
                ws.add_conditional_format(1, col, n, col, &levels)?;
                ws.add_conditional_format(1, col + 1, n, col + 5, &scores)?;
            }
        }
        let delta_int = Format::new().set_num_format("+0;-0;0");
        let delta_1 = Format::new().set_num_format("+0.0;-0.0;0.0");
        for (i, c) in companies.iter().enumerate() {
            let r = i as RowNum + 1;
            put_text(&mut ws, r, 0, &c.name)?;
            put_text(&mut ws, r, 1, c.sector.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 2, c.country.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 3, c.id.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 4, c.period.as_deref().unwrap_or(""))?;
            ws.write_number(r, 5, f64::from(c.headline))?;
            let grid = &grids[c.grid];
            let label = self.level_label(grid.q, c.headline);
            fit_row(&mut ws, r, &[(30.0, &label), (30.0, &c.source)])?;
            put_text(&mut ws, r, 6, &label)?;
            ws.write_string(r, 7, yes_no(c.provisional, lang))?;
            for (ti, tr) in c.tracks.iter().enumerate() {
                let col = (first_track_col + ti * per_track) as u16;
                let Some(tr) = tr else { continue };
                ws.write_number(r, col, f64::from(tr.level))?;
                for (li, v) in tr.scores.iter().enumerate() {
                    self.score_cell(&mut ws, r, col + 1 + li as u16, *v)?;
                }
                ws.write_number_with_format(r, col + 5, tr.index, &self.score)?;
                ws.write_number_with_format(r, col + 6, tr.completeness, &self.score)?;
                ws.write_number(r, col + 7, f64::from(tr.unknown))?;
                ws.write_number(r, col + 8, f64::from(tr.na))?;
                ws.write_number_with_format(r, col + 9, tr.na_share, &self.score)?;
                ws.write_number(r, col + 10, f64::from(tr.unsubstantiated))?;
            }
            if let Some(prev) = previous {
                let col = change_col as u16;
                match prev.find(c, &grid.q.id) {
                    Some(p) => {
                        ws.write_number_with_format(
                            r,
                            col,
                            f64::from(c.headline) - f64::from(p.headline),
                            &delta_int,
                        )?;
                        for (ti, (now, before)) in c.tracks.iter().zip(&p.tracks).enumerate() {
                            let cc = col + 1 + 2 * ti as u16;
                            if let (Some(now), Some(before)) = (now, before) {
                                ws.write_number_with_format(
                                    r,
                                    cc,
                                    f64::from(now.level) - f64::from(before.level),
                                    &delta_int,
                                )?;
                                ws.write_number_with_format(
                                    r,
                                    cc + 1,
                                    diff_tenths(now.index, before.index),
                                    &delta_1,
                                )?;
                            }
                        }
                    }
                    None => {
                        ws.write_string(r, col, self.t(Wb::New))?;
                    }
                }
            }
            ws.write_string(r, grid_col as u16, grid.key())?;
            put_text(&mut ws, r, source_col as u16, &c.source)?;
        }
        ws.set_freeze_panes(1, 1)?;
        Ok(ws)
    }
}
