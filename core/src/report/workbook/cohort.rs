//! The Cohort sheet: companies per level (with a chart), and the median and quartiles of each
//! level score, for all companies and per sector.

use super::Writer;
use super::figures::{CompanyFigures, quantile};
use super::stream::{print_setup, put_text, put_text_fmt};
use crate::codes::{Level, maturity_code};
use crate::messages::Msg;
use rust_xlsxwriter::{Chart, RowNum, Worksheet, XlsxError};
use std::collections::BTreeMap;

impl Writer<'_> {
    pub(super) fn cohort(&self, companies: &[CompanyFigures]) -> Result<Worksheet, XlsxError> {
        let name = self.names.cohort;
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        ws.set_column_width(0, 24)?;
        ws.set_column_width(1, 30)?;
        for c in 2..10 {
            ws.set_column_width(c, 11)?;
        }
        print_setup(&mut ws, 24.0 + 30.0 + 8.0 * 11.0, None)?;
        put_text_fmt(&mut ws, 0, 0, self.t(Msg::WbCompaniesPerLevel), &self.bold)?;
        let tracks = self.tracks();
        let mut headers = vec![self.t(Msg::WbLevel), self.t(Msg::WbLabel)];
        headers.extend(tracks.iter().map(|t| t.code()));
        headers.push(self.t(Msg::WbHeadline));
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, c as u16, *h, &self.header)?;
        }
        for m in 0..=4u8 {
            let r = 2 + RowNum::from(m);
            ws.write_string(r, 0, maturity_code(m))?;
            put_text(&mut ws, r, 1, self.q.maturity_label(m, self.lang))?;
            for ti in 0..tracks.len() {
                let n = companies
                    .iter()
                    .filter(|c| c.tracks[ti].is_some_and(|tr| tr.level == m))
                    .count();
                ws.write_number(r, 2 + ti as u16, n as f64)?;
            }
            let n = companies.iter().filter(|c| c.headline == m).count();
            ws.write_number(r, 2 + tracks.len() as u16, n as f64)?;
        }
        let mut chart = Chart::new_column();
        for ti in 0..=tracks.len() {
            let col = 2 + ti as u16;
            chart
                .add_series()
                .set_name((name, 1, col))
                .set_categories((name, 2, 0, 6, 0))
                .set_values((name, 2, col, 6, col));
        }
        chart.title().set_name(self.t(Msg::WbCompaniesPerLevel));
        chart.y_axis().set_name(self.t(Msg::WbCompanies));
        ws.insert_chart(1, 7, &chart)?;

        // Quartiles of each level score, overall and per sector.
        let top = 24;
        put_text_fmt(
            &mut ws,
            top,
            0,
            self.t(Msg::WbLevelScoresMedianAndQuartilesInPercent),
            &self.bold,
        )?;
        let headers = [
            self.t(Msg::WbScope),
            self.t(Msg::WbTrack),
            self.t(Msg::WbLevel),
            self.t(Msg::WbCompanies),
            "Min",
            self.t(Msg::Wb1stQuartile),
            self.t(Msg::WbMedian),
            self.t(Msg::Wb3rdQuartile),
            "Max",
        ];
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(top + 1, c as u16, *h, &self.header)?;
        }
        let mut scopes: Vec<(String, Vec<&CompanyFigures>)> = vec![(
            self.t(Msg::WbAllCompanies).to_string(),
            companies.iter().collect(),
        )];
        let mut by_sector: BTreeMap<String, Vec<&CompanyFigures>> = BTreeMap::new();
        for c in companies {
            let sector = c
                .sector
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .unwrap_or(self.t(Msg::WbNoSectorGiven));
            by_sector.entry(sector.to_string()).or_default().push(c);
        }
        scopes.extend(by_sector);
        let mut r = top + 2;
        for (scope, members) in &scopes {
            for (ti, &t) in tracks.iter().enumerate() {
                for l in Level::ALL {
                    let mut v: Vec<f64> = members
                        .iter()
                        .filter_map(|c| c.tracks[ti])
                        .filter_map(|tr| tr.scores[l.index()])
                        .collect();
                    v.sort_by(f64::total_cmp);
                    put_text(&mut ws, r, 0, scope)?;
                    ws.write_string(r, 1, t.code())?;
                    ws.write_string(r, 2, l.code())?;
                    ws.write_number(r, 3, v.len() as f64)?;
                    for (k, p) in [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
                        self.score_cell(&mut ws, r, 4 + k as u16, quantile(&v, p))?;
                    }
                    r += 1;
                }
            }
        }
        Ok(ws)
    }
}
