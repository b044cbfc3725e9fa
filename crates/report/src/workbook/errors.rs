//! The Errors sheet (only when some input could not be scored): one row per problem, with its
//! source, severity, stable code, place and message.

use super::EXCEL_MAX_ROWS;
use super::Writer;
use super::stream::{LongSheet, Memory, fit_row, put_text};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use vigilance_results::json::ErrorEntry;
use vigilance_text::{Msg, Wb};

impl Writer<'_> {
    pub(super) fn errors(
        &self,
        wb: &mut Workbook,
        errors: &[ErrorEntry],
    ) -> Result<Vec<Worksheet>, XlsxError> {
        let headers = vec![
            (self.t(Wb::Source), 36.0),
            (self.t(Wb::Severity), 10.0),
            (self.t(Wb::Code), 9.0),
            (self.t(Wb::Place), 28.0),
            (self.t(Wb::Problem), 100.0),
        ];
        let mut sheet = LongSheet::start(
            wb,
            (self.names.errors, "VigilanceErrors"),
            headers,
            Memory::Normal,
            EXCEL_MAX_ROWS,
        )?;
        for e in errors {
            if e.problems.is_empty() {
                let (ws, r) = sheet.next(wb)?;
                put_text(ws, r, 0, &e.source)?;
                ws.write_string(r, 1, self.t(Wb::Error))?;
                fit_row(ws, r, &[(100.0, &e.message)])?;
                put_text(ws, r, 4, &e.message)?;
                continue;
            }
            for p in &e.problems {
                let (ws, r) = sheet.next(wb)?;
                put_text(ws, r, 0, &e.source)?;
                let sev = if p.severity == "warning" {
                    self.t(Wb::Warning)
                } else {
                    self.t(Wb::Error)
                };
                ws.write_string(r, 1, sev)?;
                put_text(ws, r, 2, &p.code)?;
                let place = match (p.line, p.column) {
                    (Some(l), Some(c)) => Msg::PlaceLineColumnPath.fill(
                        self.lang,
                        &[("line", &l), ("column", &c), ("path", &p.path)],
                    ),
                    _ => p.path.clone(),
                };
                fit_row(ws, r, &[(28.0, &place), (100.0, p.message.get(self.lang))])?;
                put_text(ws, r, 3, &place)?;
                put_text(ws, r, 4, p.message.get(self.lang))?;
            }
        }
        sheet.close()
    }
}
