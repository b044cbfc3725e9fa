//! The Evidence sheet (« Preuves »), only when a company sent an evidence dossier: one row per
//! attached document and answer it backs — company, question, track, document title, file name,
//! date, valid-until, the first 12 digits of its SHA-256, and whether it is stale (too old, or
//! past its validity: it then counts as no evidence).

use super::stream::{fit_row, print_setup, put_text};
use super::{KEY_COLUMNS, Keys, Writer};
use rust_xlsxwriter::{Table, TableColumn, Worksheet, XlsxError};
use vigilance_results::EvidenceRow;
use vigilance_text::{Msg, Wb};

impl Writer<'_> {
    pub(super) fn evidence(&self, rows: &[(Keys, EvidenceRow)]) -> Result<Worksheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(Wb::SheetEvidence.text(self.lang))?;
        let mut headers = self.key_headers();
        headers.extend([
            ("Question", 9.0),
            (self.t(Wb::Track), 7.0),
            (self.t(Wb::EvDocument), 36.0),
            (self.t(Wb::EvFileName), 28.0),
            (self.t(Wb::EvDate), 11.0),
            (self.t(Wb::EvValidUntil), 13.0),
            (self.t(Wb::EvSha256), 15.0),
            (self.t(Wb::EvStale), 9.0),
        ]);
        for (c, (h, w)) in headers.iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, *w)?;
            ws.write_string_with_format(0, c, *h, &self.header)?;
        }
        // As tall as its tallest wrapped header (the sector group's, over two lines).
        let cells: Vec<(f64, &str)> = headers.iter().map(|(h, w)| (*w * 0.85, *h)).collect();
        fit_row(&mut ws, 0, &cells)?;
        print_setup(&mut ws, headers.iter().map(|(_, w)| w).sum(), None, None)?;
        ws.set_freeze_panes(1, 1)?;
        const K: u16 = KEY_COLUMNS;
        for (i, (keys, e)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            self.put_keys(&mut ws, r, keys)?;
            put_text(&mut ws, r, K, &e.question)?;
            ws.write_string(r, K + 1, e.track.code())?;
            put_text(&mut ws, r, K + 2, &e.title)?;
            put_text(&mut ws, r, K + 3, &e.file_name)?;
            put_text(&mut ws, r, K + 4, e.date.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, K + 5, e.valid_until.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, K + 6, e.sha256.get(..12).unwrap_or(&e.sha256))?;
            let stale = if e.stale { Msg::Yes } else { Msg::No };
            ws.write_string(r, K + 7, stale.text(self.lang))?;
        }
        if !rows.is_empty() {
            let columns: Vec<TableColumn> = headers
                .iter()
                .map(|(h, _)| {
                    TableColumn::new()
                        .set_header(*h)
                        .set_header_format(&self.header)
                })
                .collect();
            let table = Table::new()
                .set_name("VigilanceEvidence")
                .set_columns(&columns);
            ws.add_table(0, 0, rows.len() as u32, (headers.len() - 1) as u16, &table)?;
        }
        Ok(ws)
    }
}
