//! The Suppliers sheet, when sheets name a buyer: for each buyer, the level distribution of its
//! suppliers per tier (1, 2, 3 and beyond) for each track and the headline, and the suppliers
//! below N2 (name, tier, levels, grid), so that a buyer sees where its cascade is weakest.
//! Levels of different grids are counted apart (one block per buyer and grid).

use super::Writer;
use super::figures::CompanyFigures;
use super::grids::Grid;
use super::stream::{print_setup, put_text, put_text_fmt};
use crate::codes::maturity_code;
use rust_xlsxwriter::{Format, FormatAlign, RowNum, Worksheet, XlsxError};
use std::collections::BTreeMap;
use vigilance_text::Wb;

impl Writer<'_> {
    pub(super) fn suppliers(
        &self,
        grids: &[Grid<'_>],
        companies: &[CompanyFigures],
    ) -> Result<Worksheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(self.names.suppliers)?;
        let widths = [48.0, 14.0, 16.0, 10.0, 10.0, 10.0, 10.0, 10.0, 12.0];
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        print_setup(&mut ws, widths.iter().sum(), None, None)?;
        // Buyers in name order (case and spacing as written), then grids in batch order.
        let mut buyers: BTreeMap<&str, Vec<&CompanyFigures>> = BTreeMap::new();
        for c in companies {
            if let Some(b) = c.buyer.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
                buyers.entry(b).or_default().push(c);
            }
        }
        let tracks = self.tracks();
        // Counts and levels centred under their headers.
        let center = Format::new().set_align(FormatAlign::Center);
        let center_header = self.header.clone().set_align(FormatAlign::Center);
        let mut r: RowNum = 0;
        for (buyer, suppliers) in &buyers {
            for (g, grid) in grids.iter().enumerate() {
                let members: Vec<&CompanyFigures> =
                    suppliers.iter().copied().filter(|c| c.grid == g).collect();
                if members.is_empty() {
                    continue;
                }
                let heading =
                    Wb::BuyerHeading.fill(self.lang, &[("buyer", buyer), ("grid", &grid.key())]);
                put_text_fmt(&mut ws, r, 0, &heading, &self.bold)?;
                r += 1;
                put_text_fmt(&mut ws, r, 0, self.t(Wb::SuppliersPerTier), &self.bold)?;
                r += 1;
                let mut headers = vec![
                    self.t(Wb::Tier).to_string(),
                    self.t(Wb::Track).to_string(),
                    self.t(Wb::Suppliers).to_string(),
                ];
                headers.extend((0..=4u8).map(|m| maturity_code(m).to_string()));
                for (c, h) in headers.iter().enumerate() {
                    let f = if c >= 2 { &center_header } else { &self.header };
                    ws.write_string_with_format(r, c as u16, h, f)?;
                }
                r += 1;
                let mut tiers: Vec<Option<u8>> = members.iter().map(|c| c.tier).collect();
                tiers.sort_by_key(|t| t.unwrap_or(u8::MAX));
                tiers.dedup();
                for tier in tiers {
                    let in_tier: Vec<&&CompanyFigures> =
                        members.iter().filter(|c| c.tier == tier).collect();
                    let scopes = tracks
                        .iter()
                        .enumerate()
                        .map(|(ti, &t)| (self.track_head(t), Some(ti)))
                        .chain([(self.t(Wb::Headline), None)]);
                    for (label, ti) in scopes {
                        put_text(&mut ws, r, 0, &self.tier_label(tier))?;
                        put_text(&mut ws, r, 1, label)?;
                        ws.write_number_with_format(r, 2, in_tier.len() as f64, &center)?;
                        for m in 0..=4u8 {
                            let n = in_tier
                                .iter()
                                .filter(|c| level_of(c, ti) == Some(m))
                                .count();
                            ws.write_number_with_format(r, 3 + u16::from(m), n as f64, &center)?;
                        }
                        r += 1;
                    }
                }
                r += 1;
                put_text_fmt(&mut ws, r, 0, self.t(Wb::SuppliersBelowN2), &self.bold)?;
                r += 1;
                let mut headers = vec![
                    self.t(Wb::Company).to_string(),
                    self.t(Wb::Tier).to_string(),
                    self.t(Wb::Grid).to_string(),
                    self.t(Wb::Headline).to_string(),
                ];
                headers.extend(tracks.iter().map(|&t| self.track_head(t).to_string()));
                for (c, h) in headers.iter().enumerate() {
                    ws.write_string_with_format(r, c as u16, h, &self.header)?;
                }
                r += 1;
                let mut weak: Vec<&&CompanyFigures> =
                    members.iter().filter(|c| c.headline < 2).collect();
                weak.sort_by_key(|c| (c.tier.unwrap_or(u8::MAX), c.headline));
                if weak.is_empty() {
                    put_text(&mut ws, r, 0, self.t(Wb::SuppliersNoneBelowN2))?;
                    r += 1;
                }
                for c in weak {
                    put_text(&mut ws, r, 0, &c.name)?;
                    put_text(&mut ws, r, 1, &self.tier_label(c.tier))?;
                    ws.write_string(r, 2, grid.key())?;
                    ws.write_string(r, 3, maturity_code(c.headline))?;
                    for (ti, tr) in c.tracks.iter().enumerate() {
                        if let Some(tr) = tr {
                            ws.write_string(r, 4 + ti as u16, maturity_code(tr.level))?;
                        }
                    }
                    r += 1;
                }
                r += 2;
            }
        }
        Ok(ws)
    }

    /// `1`, `2`, `3 and beyond`, or "not given".
    fn tier_label(&self, tier: Option<u8>) -> String {
        match tier {
            Some(t) if t >= 3 => self.t(Wb::Tier3Plus).to_string(),
            Some(t) => t.to_string(),
            None => self.t(Wb::TierUnknown).to_string(),
        }
    }
}

/// The level of a company on track `ti` (by position), or its headline level.
fn level_of(c: &CompanyFigures, ti: Option<usize>) -> Option<u8> {
    match ti {
        Some(ti) => c.tracks.get(ti).copied().flatten().map(|tr| tr.level),
        None => Some(c.headline),
    }
}
