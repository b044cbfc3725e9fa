//! The « Cibles » / "Targets" sheet, when engagement targets are given (`score --targets`): one
//! row per target of the file, with the company it names, its current level, its status and why
//! — rated as the review rates them (`review::targets::target_status`) — or why it cannot be
//! rated: the company left since the previous campaign, or no company of the campaign has that
//! identifier or name.

use super::Writer;
use super::figures::{CompanyFigures, PreviousIndex};
use super::grids::Grid;
use super::stream::{columns_and_print, fit_row, header_row, put_text};
use crate::codes::maturity_code;
use crate::review::targets::{
    BehindReason, Target, TargetStatus, TargetTrack, target_status, year_of,
};
use rust_xlsxwriter::{Table, TableColumn, Worksheet, XlsxError};
use vigilance_text::{Review, Wb};

impl Writer<'_> {
    pub(super) fn targets(
        &self,
        targets: &[Target],
        grids: &[Grid<'_>],
        companies: &[CompanyFigures],
        previous: Option<&PreviousIndex>,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let headers: Vec<(&str, f64)> = vec![
            (self.t(Wb::TargetCompany), 30.0),
            (self.t(Wb::Company), 34.0),
            (self.t(Wb::Track), 10.0),
            (Review::ColTarget.text(lang), 10.0),
            (Review::ColDeadline.text(lang), 12.0),
            (Review::ColCurrent.text(lang), 12.0),
            (Review::ColStatus.text(lang), 14.0),
            (self.t(Wb::TargetReason), 50.0),
            (self.t(Wb::TargetLine), 8.0),
        ];
        let mut ws = Worksheet::new();
        ws.set_name(self.t(Wb::SheetTargets))?;
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        header_row(&mut ws, 0, &headers, 9)?;
        // Columns, the line of the file last (a number, under its right-aligned header).
        const LINE: u16 = 9;
        let left = previous.map(|p| p.left(companies)).unwrap_or_default();
        let fallback = year_of(&self.opts.generated);
        for (i, t) in targets.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_number(r, LINE, t.line as f64)?;
            fit_row(&mut ws, r, &[(30.0, &t.company)])?;
            put_text(&mut ws, r, 0, &t.company)?;
            let track = match t.track {
                TargetTrack::Headline => self.t(Wb::Headline).to_string(),
                TargetTrack::Track(tr) => tr.code().to_string(),
            };
            put_text(&mut ws, r, 2, &track)?;
            ws.write_string(r, 3, maturity_code(t.level))?;
            put_text(&mut ws, r, 4, &t.deadline)?;
            let found = companies
                .iter()
                .find(|c| c.counted && t.is_for(c.id.as_deref(), &c.name));
            let Some(c) = found else {
                let (name, reason) = match left
                    .iter()
                    .find(|(p, _)| t.is_for(p.id.as_deref(), &p.name))
                {
                    Some((p, _)) => (
                        p.name.as_str(),
                        Review::TargetLeft
                            .fill(lang, &[("period", &p.period.as_deref().unwrap_or("—"))]),
                    ),
                    None => ("", self.t(Wb::TargetNoCompany).to_string()),
                };
                put_text(&mut ws, r, 1, name)?;
                put_text(&mut ws, r, 7, &reason)?;
                continue;
            };
            put_text(&mut ws, r, 1, &c.name)?;
            let ti = |tr| self.tracks().iter().position(|x| *x == tr);
            let level_of = |f: &CompanyFigures| match t.track {
                TargetTrack::Headline => Some(f.headline),
                TargetTrack::Track(tr) => ti(tr)
                    .and_then(|k| f.tracks.get(k).copied().flatten())
                    .map(|x| x.level),
            };
            let current = level_of(c).unwrap_or(0);
            ws.write_string(r, 5, maturity_code(current))?;
            let before = previous
                .zip(grids.get(c.grid))
                .and_then(|(p, g)| p.find(c, &g.q.id))
                .and_then(level_of);
            let year = c
                .period
                .as_deref()
                .and_then(year_of)
                .or(fallback)
                .unwrap_or(t.deadline_year);
            let (status, reason) =
                match target_status(t.level, t.deadline_year, current, year, before) {
                    TargetStatus::Reached => (Review::Reached, None),
                    TargetStatus::OnTrack => (Review::OnTrack, None),
                    TargetStatus::Behind(why) => (
                        Review::Behind,
                        Some(match why {
                            BehindReason::Deadline => Review::BehindDeadline,
                            BehindReason::Pace => Review::BehindPace,
                            BehindReason::Dropped => Review::BehindDropped,
                        }),
                    ),
                };
            ws.write_string(r, 6, status.text(lang))?;
            if let Some(reason) = reason {
                ws.write_string(r, 7, reason.text(lang))?;
            }
        }
        if !targets.is_empty() {
            let columns: Vec<TableColumn> = headers
                .iter()
                .map(|(h, _)| {
                    TableColumn::new()
                        .set_header(*h)
                        .set_header_format(&self.header)
                })
                .collect();
            let table = Table::new()
                .set_name("VigilanceTargets")
                .set_columns(&columns);
            ws.add_table(
                0,
                0,
                targets.len() as u32,
                (headers.len() - 1) as u16,
                &table,
            )?;
        }
        ws.set_freeze_panes(1, 1)?;
        Ok(ws)
    }
}
