//! The Errors sheet (only when some input could not be scored): one row per problem, with its
//! source, severity, stable code, place and message; and the Warnings sheet (only when some
//! scored sheet has a warning): one row per warning, its input's (an unnamed questionnaire…) or
//! its result's (the heavy-`na` warning, `VG-A18`), with its source, company, code, place and
//! message.

use super::EXCEL_MAX_ROWS;
use super::stream::{LongSheet, Memory, fit_row, put_text};
use super::{ResultsWorkbook, ScoredSheet, Writer};
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
            self.names.errors,
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

impl ResultsWorkbook<'_> {
    /// Writes the Warnings rows of one scored sheet (none when it has no warning).
    pub(super) fn push_warnings(&mut self, s: &ScoredSheet) -> Result<(), XlsxError> {
        let warnings = s.all_warnings();
        if warnings.is_empty() {
            return Ok(());
        }
        let lang = self.w.lang;
        if self.warnings.is_none() {
            let w = &self.w;
            self.warnings = Some(LongSheet::start(
                &mut self.wb,
                w.names.warnings,
                vec![
                    ("Source", 36.0),
                    (w.t(Wb::Company), 30.0),
                    (w.t(Wb::Code), 9.0),
                    (w.t(Wb::Place), 24.0),
                    (w.t(Wb::Problem), 100.0),
                ],
                Memory::Normal,
                w.rows_per_sheet,
            )?);
        }
        let Some(sheet) = self.warnings.as_mut() else {
            return Ok(());
        };
        for p in &warnings {
            let (ws, r) = sheet.next(&mut self.wb)?;
            let place = p.place(lang);
            let message = p.kind.message(lang);
            fit_row(ws, r, &[(100.0, &message)])?;
            put_text(ws, r, 0, &s.source)?;
            put_text(ws, r, 1, &s.sheet.company.name)?;
            put_text(ws, r, 2, p.code())?;
            put_text(ws, r, 3, &place)?;
            put_text(ws, r, 4, &message)?;
        }
        Ok(())
    }
}
