//! The « Départs » / "Left" sheet, with a previous campaign: the companies it had that this
//! campaign no longer has (matched by identifier, else by name), each with its keys, its last
//! period, its headline and track levels then, and its grid.

use super::figures::{CompanyFigures, PreviousIndex};
use super::stream::{columns_and_print, put_text};
use super::{KEY_COLUMNS, Writer};
use rust_xlsxwriter::{Table, TableColumn, Worksheet, XlsxError};
use vigilance_text::Wb;

impl Writer<'_> {
    /// The sheet, or `None` when no company left.
    pub(super) fn left(
        &self,
        previous: &PreviousIndex,
        current: &[CompanyFigures],
    ) -> Result<Option<Worksheet>, XlsxError> {
        let left = previous.left(current);
        if left.is_empty() {
            return Ok(None);
        }
        let mut headers = self.key_headers();
        headers[2] = (self.t(Wb::LastPeriod), 10.0);
        headers.push((self.t(Wb::LastHeadline), 11.0));
        let track_headers: Vec<String> = self
            .tracks()
            .iter()
            .map(|&t| format!("{} {}", self.track_head(t), self.t(Wb::LevelLower)))
            .collect();
        for h in &track_headers {
            headers.push((h.as_str(), 9.0));
        }
        headers.push((self.t(Wb::Grid), 16.0));
        let mut ws = Worksheet::new();
        ws.set_name(self.t(Wb::SheetLeft))?;
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        put_text(&mut ws, 0, 0, self.t(Wb::LeftIntro))?;
        for (c, (h, _)) in headers.iter().enumerate() {
            ws.write_string_with_format(1, c as u16, *h, &self.header)?;
        }
        const K: u16 = KEY_COLUMNS;
        for (i, (p, grid)) in left.iter().enumerate() {
            let r = i as u32 + 2;
            put_text(&mut ws, r, 0, &p.name)?;
            put_text(&mut ws, r, 1, p.id.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 2, p.period.as_deref().unwrap_or(""))?;
            put_text(
                &mut ws,
                r,
                3,
                &p.nace_section.map(String::from).unwrap_or_default(),
            )?;
            put_text(&mut ws, r, 4, &self.sector_group(p))?;
            ws.write_number(r, K, f64::from(p.headline))?;
            for (ti, tr) in p.tracks.iter().enumerate() {
                if let Some(tr) = tr {
                    ws.write_number(r, K + 1 + ti as u16, f64::from(tr.level))?;
                }
            }
            put_text(&mut ws, r, K + 1 + p.tracks.len() as u16, grid)?;
        }
        let columns: Vec<TableColumn> = headers
            .iter()
            .map(|(h, _)| {
                TableColumn::new()
                    .set_header(*h)
                    .set_header_format(&self.header)
            })
            .collect();
        let table = Table::new().set_name("VigilanceLeft").set_columns(&columns);
        ws.add_table(
            1,
            0,
            left.len() as u32 + 1,
            (headers.len() - 1) as u16,
            &table,
        )?;
        ws.set_repeat_rows(0, 1)?;
        ws.set_freeze_panes(2, 1)?;
        Ok(Some(ws))
    }
}
