//! The Summary sheet: one row per company (details, headline level, each track's level, level
//! scores, index, completeness, knowledge gaps, `na` answers and the share of the question
//! weight they leave out, `yes`/`partial` answers without evidence in either mode, the evidence share), its position in its
//! sector group, data-quality flags and the
//! grid it was assessed on, with the change since the previous campaign when one is given.

use super::figures::{CompanyFigures, PreviousIndex, diff_tenths};
use super::grids::Grid;
use super::stream::{
    Memory, columns_and_print, fit_row, header_number_format, header_width, new_sheet, put_text,
};
use super::{Writer, yes_no};
use crate::codes::Level;
use crate::exact::Percent;
use crate::review::model::{SectorKey, sector_key};
use crate::stats;
use rust_xlsxwriter::{
    ConditionalFormat3ColorScale, ConditionalFormatType, Format, RowNum, Table, TableColumn,
    Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;
use vigilance_text::Wb;

/// Companies' sector groups (the group's label, and its key: the review's one grouping rule,
/// `review::model::sector_key`) and, per grid, group and track, the exact indices of the
/// companies counted: a company's rank is `stats::rank` among them (companies tied share a
/// rank).
struct Positions {
    group: Vec<String>,
    keys: Vec<SectorKey>,
    indices: HashMap<(usize, SectorKey, usize), Vec<f64>>,
}

impl Positions {
    fn new(w: &Writer<'_>, companies: &[CompanyFigures]) -> Positions {
        let group: Vec<String> = companies.iter().map(|c| w.sector_group(c)).collect();
        let keys: Vec<SectorKey> = companies
            .iter()
            .map(|c| sector_key(c.nace_section, c.sector.as_deref()))
            .collect();
        let mut indices: HashMap<(usize, SectorKey, usize), Vec<f64>> = HashMap::new();
        for (c, k) in companies.iter().zip(&keys) {
            if !c.counted {
                continue;
            }
            for (ti, tr) in c.tracks.iter().enumerate() {
                if let Some(tr) = tr {
                    indices
                        .entry((c.grid, k.clone(), ti))
                        .or_default()
                        .push(tr.exact_index);
                }
            }
        }
        Positions {
            group,
            keys,
            indices,
        }
    }

    /// The rank of company `i` on track `ti` in its sector group (1 = highest index).
    fn rank(&self, companies: &[CompanyFigures], i: usize, ti: usize) -> Option<usize> {
        let c = companies.get(i).filter(|c| c.counted)?;
        let me = c.tracks.get(ti).copied().flatten()?.exact_index;
        let v = self.indices.get(&(c.grid, self.keys[i].clone(), ti))?;
        Some(stats::rank(v, me))
    }

    /// The companies counted in the sector group of company `i`.
    fn size(&self, companies: &[CompanyFigures], i: usize) -> usize {
        companies
            .get(i)
            .and_then(|c| self.indices.get(&(c.grid, self.keys[i].clone(), 0)))
            .map_or(0, Vec::len)
    }
}

impl Writer<'_> {
    /// The data-quality flags of company `i`, one sentence each: a repeat of an earlier row
    /// (and which row counts), a track left unanswered, heavy `na` (the warning VG-A18: more
    /// than a quarter of a level's question weight left out), why the result is provisional.
    fn flags(&self, companies: &[CompanyFigures], i: usize) -> String {
        let lang = self.lang;
        let c = &companies[i];
        let mut flags = Vec::new();
        if let Some(j) = c.repeats {
            let source = companies.get(j).map_or("", |f| f.source.as_str());
            // Excel rows: the header is row 1.
            let row = (j + 2).to_string();
            flags.push(Wb::FlagRepeats.fill(lang, &[("row", &row), ("source", &source)]));
        }
        if c.repeated {
            flags.push(Wb::FlagRepeated.text(lang).to_string());
        }
        let mut answered = Vec::new();
        for (&t, tr) in self.tracks().iter().zip(&c.tracks) {
            let Some(tr) = tr else { continue };
            let code = self.track_head(t);
            if tr.answered == 0 {
                flags.push(Wb::FlagUnanswered.fill(lang, &[("track", &code)]));
            } else if tr.heavy_na.contains(&true) {
                // The one heavy-`na` rule (VG-A18, docs/method.md), as in the warnings.
                let levels = Level::ALL
                    .iter()
                    .zip(tr.heavy_na)
                    .filter(|(_, heavy)| *heavy)
                    .map(|(l, _)| l.code())
                    .collect::<Vec<_>>()
                    .join(", ");
                flags.push(Wb::FlagHeavyNa.fill(lang, &[("track", &code), ("levels", &levels)]));
            }
            if tr.completeness < 100.0 {
                answered.push(Wb::FlagTrackAnswered.fill(
                    lang,
                    &[
                        ("track", &code),
                        ("percent", &lang.decimal(&format!("{:.1}", tr.completeness))),
                    ],
                ));
            }
        }
        if c.provisional && !answered.is_empty() {
            flags.push(Wb::FlagProvisional.fill(lang, &[("tracks", &answered.join(", "))]));
        }
        flags.join("; ")
    }
}

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
            let c = self.track_head(t);
            headers.push((format!("{c} {}", self.t(Wb::LevelLower)), 7.0));
            for l in Level::ALL {
                headers.push((format!("{c} {}", l.code()), 6.5));
            }
            headers.push((format!("{c} {}", self.t(Wb::Index)), 7.0));
            headers.push((format!("{c} {}", self.t(Wb::Completeness)), 9.0));
            headers.push((format!("{c} {}", self.t(Wb::DontKnow)), 8.0));
            headers.push((format!("{c} {}", self.t(Wb::Na)), 8.0));
            headers.push((format!("{c} {}", self.t(Wb::NaShare)), 8.0));
            headers.push((format!("{c} {}", self.t(Wb::WithoutEvidence)), 9.0));
            headers.push((format!("{c} {}", self.t(Wb::EvidenceShareCol)), 10.0));
        }
        let per_track = 12;
        let change_col = headers.len();
        if previous.is_some() {
            headers.push((self.t(Wb::ChangeInHeadlineLevel).into(), 10.0));
            for &t in self.tracks() {
                let c = self.track_head(t);
                headers.push((format!("{c} {}", self.t(Wb::ChangeInLevel)), 9.0));
                headers.push((format!("{c} {}", self.t(Wb::ChangeInIndex)), 9.0));
            }
        }
        // The levels as reviewed by an analyst, when engagement files were given.
        let reviewed_col = headers.len();
        let engaged = companies.iter().any(|c| c.reviewed.is_some());
        if engaged {
            headers.push((self.t(Wb::ReviewedHeadline).into(), 10.0));
            for &t in self.tracks() {
                headers.push((
                    format!("{} {}", self.track_head(t), self.t(Wb::ReviewedLevelLower)),
                    8.0,
                ));
            }
        }
        // Where the company stands in its sector group, what it was, and what to check.
        let extra_col = headers.len();
        headers.push((self.t(Wb::NaceSection).into(), 9.0));
        headers.push((self.t(Wb::SectorGroup).into(), 28.0));
        for &t in self.tracks() {
            headers.push((
                format!("{} {}", self.track_head(t), self.t(Wb::RankInGroup)),
                11.0,
            ));
        }
        headers.push((self.t(Wb::GroupSize).into(), 12.0));
        if previous.is_some() {
            headers.push((self.t(Wb::PreviousHeadline).into(), 11.0));
            for &t in self.tracks() {
                headers.push((
                    format!("{} {}", self.track_head(t), self.t(Wb::PreviousTrackLevel)),
                    10.0,
                ));
            }
        }
        let quality_col = headers.len();
        headers.push((self.t(Wb::DataQuality).into(), 44.0));
        let positions = Positions::new(self, companies);
        let grid_col = headers.len();
        headers.push((self.t(Wb::Grid).into(), 16.0));
        let source_col = headers.len();
        headers.push((self.t(Wb::Source).into(), 30.0));

        // No header split inside a word.
        for (h, w) in headers.iter_mut() {
            *w = header_width(h, *w);
        }
        // One row per company: constant-memory too when asked, so that memory stays flat.
        let mut ws = new_sheet(wb, self.memory(Memory::Constant))?;
        ws.set_name(self.names.summary)?;
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        // Headers over figures are right-aligned, as the figures are; over texts, left-aligned.
        let text_cols = [0, 1, 2, 3, 4, 6, 7, extra_col, extra_col + 1, quality_col];
        let number_header = header_number_format();
        let header_of = |c: usize| {
            if text_cols.contains(&c) || c >= grid_col {
                &self.header
            } else {
                &number_header
            }
        };
        for (c, (h, _)) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, header_of(c))?;
        }
        ws.set_row_height(0, 62)?;
        // Table and colours first: in constant-memory mode rows can only be written in order.
        let last_col = (headers.len() - 1) as u16;
        let n = companies.len() as RowNum;
        if n > 0 {
            let columns: Vec<TableColumn> = headers
                .iter()
                .enumerate()
                .map(|(c, (h, _))| {
                    TableColumn::new()
                        .set_header(h)
                        .set_header_format(header_of(c))
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
            if engaged {
                let last = (reviewed_col + self.tracks().len()) as u16;
                ws.add_conditional_format(1, reviewed_col as u16, n, last, &levels)?;
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
                ws.write_number(r, col + 10, f64::from(tr.without_evidence))?;
                if let Some(v) = tr.evidence_share {
                    ws.write_number_with_format(r, col + 11, stats::round1(v), &self.score)?;
                }
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
                                    diff_tenths(now.exact_index, before.exact_index),
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
            if let Some(rev) = &c.reviewed {
                ws.write_number(r, reviewed_col as u16, f64::from(rev.headline))?;
                for (ti, l) in rev.tracks.iter().enumerate() {
                    if let Some(l) = l {
                        ws.write_number(r, (reviewed_col + 1 + ti) as u16, f64::from(*l))?;
                    }
                }
            }
            let mut col = extra_col as u16;
            put_text(
                &mut ws,
                r,
                col,
                &c.nace_section.map(String::from).unwrap_or_default(),
            )?;
            put_text(&mut ws, r, col + 1, &positions.group[i])?;
            col += 2;
            for ti in 0..self.tracks().len() {
                if let Some(rank) = positions.rank(companies, i, ti) {
                    ws.write_number(r, col, rank as f64)?;
                }
                col += 1;
            }
            if c.counted {
                ws.write_number(r, col, positions.size(companies, i) as f64)?;
            }
            col += 1;
            if let Some(prev) = previous {
                if let Some(p) = prev.find(c, &grid.q.id) {
                    ws.write_number(r, col, f64::from(p.headline))?;
                    for (ti, before) in p.tracks.iter().enumerate() {
                        if let Some(b) = before {
                            ws.write_number(r, col + 1 + ti as u16, f64::from(b.level))?;
                        }
                    }
                }
                col += 1 + self.tracks().len() as u16;
            }
            let flags = self.flags(companies, i);
            fit_row(&mut ws, r, &[(44.0, &flags)])?;
            put_text(&mut ws, r, col, &flags)?;
            ws.write_string(r, grid_col as u16, grid.key())?;
            put_text(&mut ws, r, source_col as u16, &c.source)?;
        }
        ws.set_freeze_panes(1, 1)?;
        Ok(ws)
    }
}
