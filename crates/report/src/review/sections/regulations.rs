//! The regulation coverage, per version of the grid that maps its questions: requirements
//! covered per framework and track, then per covered requirement the companies per status.

use crate::codes::Track;
use crate::coverage::RequirementStatus;
use crate::review::html::{Writer, esc};
use crate::review::model::grid;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// The regulation-coverage summary, once per version of the grid that maps its questions
    /// to regulations: per framework, the requirements the grid covers on each track, then per
    /// covered requirement the companies that meet it, partly meet it and do not meet it.
    pub(in crate::review) fn regulations(&mut self) {
        let versions: Vec<_> = self
            .c
            .versions()
            .into_iter()
            .filter(|(g, _)| grid::has_regulation_mappings(g))
            .collect();
        if versions.is_empty() {
            return;
        }
        self.section_start("regulations", Review::SecRegulations);
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}</p>\n<p class=\"disclaimer\">{}</p>\n",
            self.t(Review::RegulationsIntro),
            esc(crate::coverage::disclaimer(self.lang))
        );
        let tracks_all = self.c.tracks().to_vec();
        for (g, n) in versions {
            let (id, version) = grid::id_version(g);
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.f(
                    Review::RegulationsGrid,
                    &[
                        ("grid", &format!("{id} {version}")),
                        ("companies", &self.companies_count(n))
                    ]
                )
            );
            // Summary: requirements covered per track.
            let tracks: Vec<Track> = g.track_codes().to_vec();
            let _ = write!(
                self.out,
                "<table class=\"keep cov-summary\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th>",
                self.t(Review::ColFramework),
                self.t(Review::ColRequirements)
            );
            for &t in &tracks {
                let _ = write!(
                    self.out,
                    "<th class=\"num\">{}</th>",
                    self.f(
                        Review::ColCovered,
                        &[("track", &g.track_label(t, self.lang))]
                    )
                );
            }
            self.push("</tr></thead>\n<tbody>\n");
            let counts: Vec<Vec<crate::coverage::FrameworkCount>> = tracks
                .iter()
                .map(|&t| crate::coverage::framework_counts(g, t))
                .collect();
            for (fi, f) in grid::frameworks(g).iter().enumerate() {
                let total = counts
                    .first()
                    .and_then(|c| c.get(fi))
                    .map_or(f.requirements.len(), |c| c.total);
                let _ = write!(
                    self.out,
                    "<tr><td>{}</td><td class=\"num\">{total}</td>",
                    esc(f.name.get(self.lang))
                );
                for c in &counts {
                    let v = c.get(fi).map_or(0, |c| c.covered);
                    let _ = write!(self.out, "<td class=\"num\">{v}</td>");
                }
                self.push("</tr>\n");
            }
            self.push("</tbody>\n</table>\n");
            // Per framework: the covered requirements and the companies per status.
            let rows = self.c.coverage(g);
            let legend = format!(
                "<p class=\"legend\">{} <span class=\"cov-met\">■ {}</span> · <span class=\"cov-part\">■ {}</span> · <span class=\"cov-not\">■ {}</span> · <span class=\"cov-na\">■ {}</span> — {}</p>\n",
                self.t(Review::RegulationsLegend),
                esc(RequirementStatus::Met.label(self.lang)),
                esc(RequirementStatus::PartlyMet.label(self.lang)),
                esc(RequirementStatus::NotMet.label(self.lang)),
                esc(RequirementStatus::NotAnswered.label(self.lang)),
                self.t(Review::RegulationsNotCovered)
            );
            self.push(&legend);
            for (fi, f) in grid::frameworks(g).iter().enumerate() {
                let mine: Vec<_> = rows.iter().filter(|r| r.framework == fi).collect();
                let covered: Vec<_> = mine
                    .iter()
                    .filter(|r| r.counts.iter().any(Option::is_some))
                    .collect();
                if covered.is_empty() {
                    continue;
                }
                let _ = write!(
                    self.out,
                    "<figure class=\"cov\">\n<figcaption>{}</figcaption>\n<table class=\"coverage\">\n<thead><tr><th>{}</th>",
                    esc(f.name.get(self.lang)),
                    self.t(Review::ColRequirement)
                );
                for &t in &tracks {
                    let _ = write!(
                        self.out,
                        "<th class=\"num\">{}</th>",
                        esc(g.track_label(t, self.lang))
                    );
                }
                self.push("</tr></thead>\n<tbody>\n");
                for r in covered {
                    let Some(req) = f.requirements.get(r.requirement) else {
                        continue;
                    };
                    let _ = write!(
                        self.out,
                        "<tr><td><b>{}</b> {}</td>",
                        esc(&req.reference),
                        esc(req.title.get(self.lang))
                    );
                    for c in &r.counts {
                        match c {
                            None => self.push("<td class=\"num empty\">—</td>"),
                            Some(c) => {
                                let _ = write!(
                                    self.out,
                                    "<td class=\"num\"><span class=\"cov-met\">{}</span> · <span class=\"cov-part\">{}</span> · <span class=\"cov-not\">{}</span> · <span class=\"cov-na\">{}</span></td>",
                                    c[0], c[1], c[2], c[3]
                                );
                            }
                        }
                    }
                    self.push("</tr>\n");
                }
                self.push("</tbody>\n</table>\n");
                let uncovered: Vec<String> = mine
                    .iter()
                    .filter(|r| r.counts.iter().all(Option::is_none))
                    .filter_map(|r| f.requirements.get(r.requirement))
                    .map(|req| esc(&req.reference))
                    .collect();
                if !uncovered.is_empty() {
                    let _ = writeln!(
                        self.out,
                        "<p class=\"note\">{}</p>",
                        self.f(
                            Review::RegulationsUncovered,
                            &[("list", &uncovered.join(", "))]
                        )
                    );
                }
                self.push("</figure>\n");
            }
        }
        let _ = tracks_all;
        self.push("</section>\n");
    }
}
