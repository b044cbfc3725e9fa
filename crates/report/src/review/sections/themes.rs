//! The theme heat maps: per track, theme scores per company (or per sector group when
//! anonymised), with the themes' legend under the last one.

use crate::review::html::{Writer, esc};
use crate::review::model::grid;
use crate::review::svg;
use std::fmt::Write;
use vigilance_text::Review;

/// Rows above which a heat map may run over two pages.
const LONG_HEAT_MAP: usize = 40;

impl Writer<'_, '_> {
    pub(in crate::review) fn themes(&mut self) {
        let themes = grid::theme_ids(self.c.q);
        let anon = self.o.anonymize;
        self.section_start("themes", Review::SecThemes);
        let _ = writeln!(
            self.out,
            "<p class=\"intro\">{}</p>",
            self.t(if anon {
                Review::ThemesIntroAnonymised
            } else {
                Review::ThemesIntro
            })
        );
        let groups = self.c.sector_groups(true);
        let rows: Vec<(String, Vec<usize>)> = if anon {
            groups
                .iter()
                .map(|g| (self.sector_label(g), g.members.clone()))
                .collect()
        } else {
            self.c
                .companies
                .iter()
                .enumerate()
                .map(|(i, m)| (esc(&m.result.company.name), vec![i]))
                .collect()
        };
        let first = if anon {
            Review::Sector
        } else {
            Review::Company
        };
        // A heat map taller than a page may continue on the next one (rows whole, header
        // repeated); shorter ones are kept whole.
        let long = if rows.len() > LONG_HEAT_MAP {
            " class=\"long\""
        } else {
            ""
        };
        for &t in self.c.tracks() {
            let caption = self.f(
                Review::FigHeatmap,
                &[("track", &self.c.q.track_label(t, self.lang))],
            );
            let _ = write!(
                self.out,
                "<figure{long}>\n<figcaption>{caption}</figcaption>\n<table class=\"heat\">\n<thead><tr><th>{}</th>",
                self.t(first)
            );
            for id in &themes {
                let _ = write!(self.out, "<th>{}</th>", esc(id));
            }
            self.push("</tr></thead>\n<tbody>\n");
            for (label, members) in &rows {
                let scores = if anon {
                    self.c.mean_theme_scores(members, t)
                } else {
                    self.c.theme_scores(members[0], t)
                };
                let _ = write!(self.out, "<tr><td>{label}</td>");
                for k in 0..themes.len() {
                    match scores.get(k).copied().flatten() {
                        Some(v) => {
                            let (bg, ink) = svg::heat(v);
                            let _ = write!(
                                self.out,
                                "<td style=\"background:{bg};color:{ink}\">{}</td>",
                                crate::stats::round0(v)
                            );
                        }
                        None => self.push("<td class=\"empty\">—</td>"),
                    }
                }
                self.push("</tr>\n");
            }
            self.push("</tbody>\n</table>\n");
            // The legend stays with the last heat map.
            if Some(&t) == self.c.tracks().last() {
                let _ = write!(
                    self.out,
                    "<p class=\"legend\"><b>{}</b> ",
                    self.t(Review::ThemesLegend)
                );
                for id in &themes {
                    let _ = write!(
                        self.out,
                        "<span><b>{}</b> {}</span> ",
                        esc(id),
                        esc(self.c.q.theme_label(id, self.lang))
                    );
                }
                self.push("</p>\n");
            }
            self.push("</figure>\n");
        }
        self.push("</section>\n");
    }
}
