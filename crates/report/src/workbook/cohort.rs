//! The Cohort sheet, one block per grid of the batch (levels of different grids never meet in
//! one statistic): companies per level for each track and the headline, with a bar chart each;
//! with a previous campaign, the level-to-level transitions per track and how many companies
//! moved up, stayed or moved down; and the median and quartiles of each level score, for all
//! the grid's companies and per sector (NACE section when given, else the sector as written).

use super::Writer;
use super::figures::{CompanyFigures, PreviousIndex, quantile};
use super::grids::Grid;
use super::stream::{header_row, print_setup, put_text, put_text_fmt};
use crate::codes::{Level, Track, maturity_code};
use crate::nace::section_label;
use rust_xlsxwriter::{Chart, ChartDataLabel, ChartFont, RowNum, Worksheet, XlsxError};
use std::collections::BTreeMap;
use vigilance_text::Wb;

/// The width of the columns of figures: their headers (« Non présentes dans la campagne
/// précédente », "First quartile"…) wrap between words.
const COLUMN: f64 = 14.0;

/// The width of column `c` of the sheet.
fn width(c: usize) -> f64 {
    match c {
        0 => 36.0,
        1 => 28.0,
        _ => COLUMN,
    }
}

/// Headers with the width of their column.
fn with_widths<'h>(headers: &[&'h str]) -> Vec<(&'h str, f64)> {
    headers
        .iter()
        .enumerate()
        .map(|(c, h)| (*h, width(c)))
        .collect()
}

/// Rows taken by the charts of a block (charts are 220 px high; rows 20 px).
const CHART_ROWS: RowNum = 12;

/// A level of one scope (a track, or the headline) of a company.
type LevelOf = fn(&CompanyFigures, usize) -> Option<u8>;

impl Writer<'_> {
    pub(super) fn cohort(
        &self,
        grids: &[Grid<'_>],
        companies: &[CompanyFigures],
        previous: Option<&PreviousIndex>,
    ) -> Result<Worksheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(self.names.cohort)?;
        // Column A holds the sector groups of the quartiles: wide enough for their names.
        ws.set_column_width(0, 36)?;
        ws.set_column_width(1, 28)?;
        for c in 2..13 {
            ws.set_column_width(c, COLUMN)?;
        }
        print_setup(&mut ws, 36.0 + 28.0 + COLUMN * 11.0, None, None)?;
        let mut r: RowNum = 0;
        if grids.len() > 1 {
            put_text_fmt(&mut ws, r, 0, self.t(Wb::GridsNotMixed), &self.bold)?;
            r += 2;
        }
        if grids.is_empty() {
            // No company: the headings alone, on the batch's grid.
            let grid = Grid::new(self.q, self.lang);
            self.cohort_block(&mut ws, &mut r, &grid, &[], previous)?;
        }
        for (g, grid) in grids.iter().enumerate() {
            let members: Vec<&CompanyFigures> = companies.iter().filter(|c| c.grid == g).collect();
            self.cohort_block(&mut ws, &mut r, grid, &members, previous)?;
        }
        Ok(ws)
    }

    /// The block of one grid, from row `r` (left after it).
    fn cohort_block(
        &self,
        ws: &mut Worksheet,
        r: &mut RowNum,
        grid: &Grid<'_>,
        members: &[&CompanyFigures],
        previous: Option<&PreviousIndex>,
    ) -> Result<(), XlsxError> {
        let name = self.names.cohort;
        let lang = self.lang;
        let key = grid.key();
        let heading =
            Wb::GridHeading.fill(lang, &[("grid", &key), ("title", &grid.q.title.get(lang))]);
        put_text_fmt(ws, *r, 0, &heading, &self.bold)?;
        *r += 1;
        put_text_fmt(ws, *r, 0, self.t(Wb::CompaniesPerLevel), &self.bold)?;
        *r += 1;
        let tracks = self.tracks();
        let scopes = self.scopes();
        let mut headers = vec![self.t(Wb::Level), self.t(Wb::Label)];
        headers.extend(scopes.iter().map(|(label, _)| label.as_str()));
        header_row(ws, *r, &with_widths(&headers), 2)?;
        let header_row = *r;
        for m in 0..=4u8 {
            let row = header_row + 1 + RowNum::from(m);
            ws.write_string(row, 0, maturity_code(m))?;
            put_text(ws, row, 1, grid.q.maturity_label(m, lang))?;
            for (si, (_, level_of)) in scopes.iter().enumerate() {
                let n = members
                    .iter()
                    .filter(|c| level_of(c, si) == Some(m))
                    .count();
                ws.write_number(row, 2 + si as u16, n as f64)?;
            }
        }
        *r = header_row + 7;
        // One bar chart per track and for the headline, side by side.
        let first = header_row + 1;
        for (si, (label, _)) in scopes.iter().enumerate() {
            let col = 2 + si as u16;
            let mut chart = Chart::new_bar();
            chart
                .add_series()
                .set_name((name, header_row, col))
                .set_categories((name, first, 0, first + 4, 0))
                .set_values((name, first, col, first + 4, col))
                .set_data_label(ChartDataLabel::new().show_value());
            chart
                .title()
                .set_name(&Wb::DistributionOf.fill(lang, &[("track", label)]))
                .set_font(ChartFont::new().set_size(11));
            chart.legend().set_hidden();
            // Whole companies on the axis, never 0.5.
            chart
                .x_axis()
                .set_name(self.t(Wb::Companies))
                .set_major_unit(1.0)
                .set_num_format("0");
            chart.y_axis().set_reverse();
            chart
                .set_width(if si == 0 { 380 } else { 400 })
                .set_height(220);
            let at = [0u16, 2, 7][si.min(2)];
            ws.insert_chart(*r, at, &chart)?;
        }
        *r += CHART_ROWS;
        if let Some(prev) = previous {
            self.transitions(ws, r, grid, members, prev)?;
        }
        self.quartiles(ws, r, members, tracks)?;
        *r += 1;
        Ok(())
    }

    /// The scopes of the level counts: each track, then the headline.
    fn scopes(&self) -> Vec<(String, LevelOf)> {
        let mut scopes: Vec<(String, LevelOf)> = self
            .tracks()
            .iter()
            .map(|t| {
                (
                    self.track_head(*t).to_string(),
                    (|c: &CompanyFigures, si: usize| {
                        c.tracks.get(si).copied().flatten().map(|tr| tr.level)
                    }) as LevelOf,
                )
            })
            .collect();
        scopes.push((
            self.t(Wb::Headline).to_string(),
            (|c: &CompanyFigures, _| Some(c.headline)) as LevelOf,
        ));
        scopes
    }

    /// The transitions since the previous campaign: per scope, previous level × current level,
    /// then moved up / stayed / moved down / not in the previous campaign.
    fn transitions(
        &self,
        ws: &mut Worksheet,
        r: &mut RowNum,
        grid: &Grid<'_>,
        members: &[&CompanyFigures],
        prev: &PreviousIndex,
    ) -> Result<(), XlsxError> {
        put_text_fmt(ws, *r, 0, self.t(Wb::Transitions), &self.bold)?;
        *r += 1;
        let scopes = self.scopes();
        let mut headers = vec![
            self.t(Wb::Track).to_string(),
            self.t(Wb::PreviousLevel).to_string(),
        ];
        headers.extend((0..=4u8).map(|m| format!("→ {}", maturity_code(m))));
        let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        header_row(ws, *r, &with_widths(&refs), 2)?;
        *r += 1;
        let pairs: Vec<(&CompanyFigures, Option<&CompanyFigures>)> = members
            .iter()
            .map(|c| (*c, prev.find(c, &grid.q.id)))
            .collect();
        let mut moves = vec![[0u32; 4]; scopes.len()];
        for (si, (label, level_of)) in scopes.iter().enumerate() {
            let mut matrix = [[0u32; 5]; 5];
            for (now, before) in &pairs {
                let Some(n) = level_of(now, si) else { continue };
                match before.and_then(|b| level_of(b, si)) {
                    Some(b) => {
                        matrix[usize::from(b.min(4))][usize::from(n.min(4))] += 1;
                        let k = match n.cmp(&b) {
                            std::cmp::Ordering::Greater => 0,
                            std::cmp::Ordering::Equal => 1,
                            std::cmp::Ordering::Less => 2,
                        };
                        moves[si][k] += 1;
                    }
                    None => moves[si][3] += 1,
                }
            }
            for (b, row) in matrix.iter().enumerate() {
                put_text(ws, *r, 0, label)?;
                ws.write_string(*r, 1, maturity_code(b as u8))?;
                for (n, count) in row.iter().enumerate() {
                    ws.write_number(*r, 2 + n as u16, f64::from(*count))?;
                }
                *r += 1;
            }
        }
        *r += 1;
        let headers = [
            self.t(Wb::Track),
            self.t(Wb::MovedUp),
            self.t(Wb::Stayed),
            self.t(Wb::MovedDown),
            self.t(Wb::NotInPrevious),
        ];
        header_row(ws, *r, &with_widths(&headers), 1)?;
        *r += 1;
        for ((label, _), m) in scopes.iter().zip(&moves) {
            put_text(ws, *r, 0, label)?;
            for (k, v) in m.iter().enumerate() {
                ws.write_number(*r, 1 + k as u16, f64::from(*v))?;
            }
            *r += 1;
        }
        *r += 1;
        Ok(())
    }

    /// Quartiles of each level score, for the grid's companies and per sector group.
    fn quartiles(
        &self,
        ws: &mut Worksheet,
        r: &mut RowNum,
        members: &[&CompanyFigures],
        tracks: &[Track],
    ) -> Result<(), XlsxError> {
        put_text_fmt(
            ws,
            *r,
            0,
            self.t(Wb::LevelScoresMedianAndQuartilesInPercent),
            &self.bold,
        )?;
        *r += 1;
        let headers = [
            self.t(Wb::Scope),
            self.t(Wb::Track),
            self.t(Wb::Level),
            self.t(Wb::Companies),
            self.t(Wb::Min),
            self.t(Wb::FirstQuartile),
            self.t(Wb::Median),
            self.t(Wb::ThirdQuartile),
            self.t(Wb::Max),
        ];
        header_row(ws, *r, &with_widths(&headers), 3)?;
        *r += 1;
        let mut scopes: Vec<(String, Vec<&CompanyFigures>)> =
            vec![(self.t(Wb::AllCompanies).to_string(), members.to_vec())];
        let mut by_sector: BTreeMap<String, Vec<&CompanyFigures>> = BTreeMap::new();
        for c in members {
            by_sector.entry(self.sector_group(c)).or_default().push(c);
        }
        scopes.extend(by_sector);
        for (scope, group) in &scopes {
            for (ti, &t) in tracks.iter().enumerate() {
                for l in Level::ALL {
                    let mut v: Vec<f64> = group
                        .iter()
                        .filter_map(|c| c.tracks[ti])
                        .filter_map(|tr| tr.exact_scores[l.index()])
                        .collect();
                    v.sort_by(f64::total_cmp);
                    put_text(ws, *r, 0, scope)?;
                    ws.write_string(*r, 1, self.track_head(t))?;
                    ws.write_string(*r, 2, l.code())?;
                    ws.write_number(*r, 3, v.len() as f64)?;
                    for (k, p) in [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
                        self.score_cell(ws, *r, 4 + k as u16, quantile(&v, p))?;
                    }
                    *r += 1;
                }
            }
        }
        Ok(())
    }

    /// The group of a company in the sector quartiles: its NACE section (`NACE C —
    /// Manufacturing`, as the review names it) when given, else its sector as written, else "no
    /// sector given".
    pub(super) fn sector_group(&self, c: &CompanyFigures) -> String {
        self.sector_group_of(c.nace_section, c.sector.as_deref())
    }

    /// The sector group of a company with NACE section `nace` and sector text `sector`.
    pub(super) fn sector_group_of(&self, nace: Option<char>, sector: Option<&str>) -> String {
        if let Some(letter) = nace {
            return vigilance_text::Review::NaceSection.fill(
                self.lang,
                &[
                    ("code", &letter.to_string()),
                    ("label", &section_label(letter, self.lang)),
                ],
            );
        }
        sector
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .unwrap_or(self.t(Wb::NoSectorGiven))
            .to_string()
    }
}
