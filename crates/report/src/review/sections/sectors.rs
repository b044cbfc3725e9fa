//! The sector view: per sector group (NACE section, else the sector text), its companies per
//! headline level and its mean index per track; and the sector label the heat maps share.

use crate::codes::maturity_code;
use crate::review::html::{Writer, esc};
use crate::review::model::{SectorGroup, SectorKey, sector_of};
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    pub(super) fn sector_label(&self, g: &SectorGroup) -> String {
        match &g.key {
            SectorKey::Nace(s) => self.f(
                Review::NaceSection,
                &[
                    ("code", &s.to_string()),
                    ("label", &crate::nace::section_label(*s, self.lang)),
                ],
            ),
            SectorKey::Text(t) => esc(g.text.as_deref().unwrap_or(t)),
            SectorKey::NotStated => self.t(Review::SectorNotStated),
            SectorKey::Other => self.t(Review::OtherSectors),
        }
    }

    pub(in crate::review) fn sectors(&mut self) {
        let anon = self.o.anonymize;
        let groups = self.c.sector_groups(anon);
        // Whether any company states a NACE code: groups merged when anonymising hide it.
        let by_nace = self
            .c
            .companies
            .iter()
            .any(|m| matches!(sector_of(&m.result.company), SectorKey::Nace(_)));
        self.section_start("sectors", Review::SecSectors);
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}",
            self.t(if by_nace {
                Review::SectorsByNace
            } else {
                Review::SectorsByText
            })
        );
        if anon {
            let _ = write!(self.out, " {}", self.t(Review::SectorsMerged));
        }
        let _ = write!(
            self.out,
            "</p>\n<table class=\"sectors\">\n<thead><tr><th rowspan=\"2\">{}</th><th rowspan=\"2\" class=\"num\">{}</th><th colspan=\"5\" class=\"center\">{}</th>",
            self.t(Review::Sector),
            self.t(Review::ColCompanies),
            self.t(Review::Headline)
        );
        for &t in self.c.tracks() {
            let _ = write!(
                self.out,
                "<th rowspan=\"2\" class=\"num\">{}</th>",
                self.f(
                    Review::ColMeanIndex,
                    &[("track", &self.c.q.track_label(t, self.lang))]
                )
            );
        }
        self.push("</tr>\n<tr>");
        for m in 0..5u8 {
            let _ = write!(self.out, "<th class=\"num\">{}</th>", maturity_code(m));
        }
        self.push("</tr></thead>\n<tbody>\n");
        for g in &groups {
            let mut d = [0usize; 5];
            for &i in &g.members {
                if let Some(m) = self.c.companies.get(i) {
                    d[usize::from(m.result.assessment.headline_level.min(4))] += 1;
                }
            }
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td class=\"num\">{}</td>",
                self.sector_label(g),
                g.members.len()
            );
            for n in d {
                let v = if n == 0 {
                    "·".to_string()
                } else {
                    n.to_string()
                };
                let _ = write!(self.out, "<td class=\"num\">{v}</td>");
            }
            for &t in self.c.tracks() {
                let v = self
                    .c
                    .mean_index(&g.members, t)
                    .map_or("—".to_string(), |v| self.pct(v));
                let _ = write!(self.out, "<td class=\"num\">{v}</td>");
            }
            self.push("</tr>\n");
        }
        self.push("</tbody>\n</table>\n</section>\n");
    }
}
