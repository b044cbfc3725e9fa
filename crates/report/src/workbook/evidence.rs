//! The Evidence sheet (« Preuves »), only when a company sent an evidence dossier: one row per
//! attached document and answer it backs — company, question, track, document title, file name,
//! date, valid-until, the first 12 digits of its SHA-256, and whether it is stale (too old, or
//! past its validity: it then counts as no evidence).

use super::Writer;
use super::stream::{print_setup, put_text};
use rust_xlsxwriter::{Worksheet, XlsxError};
use vigilance_results::EvidenceRow;
use vigilance_text::{Msg, Wb};

impl Writer<'_> {
    pub(super) fn evidence(&self, rows: &[(String, EvidenceRow)]) -> Result<Worksheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(Wb::SheetEvidence.text(self.lang))?;
        let headers = [
            (self.t(Wb::Company), 36.0),
            ("Question", 9.0),
            (self.t(Wb::Track), 7.0),
            (self.t(Wb::EvDocument), 36.0),
            (self.t(Wb::EvFileName), 28.0),
            (self.t(Wb::EvDate), 11.0),
            (self.t(Wb::EvValidUntil), 13.0),
            (self.t(Wb::EvSha256), 15.0),
            (self.t(Wb::EvStale), 9.0),
        ];
        for (c, (h, w)) in headers.iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, *w)?;
            ws.write_string_with_format(0, c, *h, &self.header)?;
        }
        print_setup(&mut ws, headers.iter().map(|(_, w)| w).sum(), None, None)?;
        ws.set_freeze_panes(1, 0)?;
        for (i, (company, e)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            put_text(&mut ws, r, 0, company)?;
            put_text(&mut ws, r, 1, &e.question)?;
            ws.write_string(r, 2, e.track.code())?;
            put_text(&mut ws, r, 3, &e.title)?;
            put_text(&mut ws, r, 4, &e.file_name)?;
            put_text(&mut ws, r, 5, e.date.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 6, e.valid_until.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 7, e.sha256.get(..12).unwrap_or(&e.sha256))?;
            let stale = if e.stale { Msg::Yes } else { Msg::No };
            ws.write_string(r, 8, stale.text(self.lang))?;
        }
        Ok(ws)
    }
}
