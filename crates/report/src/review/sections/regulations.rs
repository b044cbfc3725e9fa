//! The regulation coverage, per version of the grid that maps its questions: requirements
//! covered per framework and track, with each framework's kind; then per covered requirement
//! the companies per status (what the linked answers show), or, for a framework that only
//! informs, the cohort's linked answers per value, never a status.

use crate::codes::{AnswerValue, Track};
use crate::coverage::{
    RequirementStatus, bar_label, column_header, informs_label, kind_label, self_declared,
};
use crate::messages::Msg;
use crate::review::html::{Writer, esc};
use crate::review::model::grid;
use std::fmt::Write;
use vigilance_text::Review;

/// The CSS class of a status.
pub(in crate::review) fn status_class(s: RequirementStatus) -> String {
    format!("cov-{}", s.code())
}

impl Writer<'_, '_> {
    /// The note every coverage view carries when some company was scored in declarative
    /// mode: the answers are self-declared. Empty otherwise.
    pub(in crate::review) fn self_declared_note(&self) -> String {
        let any = self
            .evidence_modes()
            .into_iter()
            .find_map(|m| self_declared(m, self.lang));
        match any {
            Some(_) => format!(
                "<p class=\"note self-declared\">{}</p>\n",
                esc(Msg::CovSelfDeclaredNote.text(self.lang))
            ),
            None => String::new(),
        }
    }

    /// The regulation-coverage summary, once per version of the grid that maps its questions
    /// to regulations: per framework, its kind and the requirements the grid covers on each
    /// track, then per covered requirement what the companies' linked answers show.
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
            self.t(Review::CovIntro),
            esc(crate::coverage::disclaimer(self.lang))
        );
        let declared = self.self_declared_note();
        self.push(&declared);
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
                "<table class=\"keep cov-summary\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th>",
                self.t(Review::ColFramework),
                self.t(Review::ColKind),
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
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{total}</td>",
                    esc(f.name.get(self.lang)),
                    esc(kind_label(f.kind, self.lang))
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
            let legend = RequirementStatus::ALL
                .iter()
                .map(|&s| {
                    format!(
                        "<span class=\"{}\">■ {}</span>",
                        status_class(s),
                        esc(s.label(self.lang))
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let _ = writeln!(
                self.out,
                "<p class=\"legend\">{} — {} {legend} — {}</p>",
                esc(column_header(self.lang)),
                self.t(Review::RegulationsLegend),
                self.t(Review::RegulationsNotCovered)
            );
            let map = crate::coverage::grid_coverage(g);
            for (fi, f) in grid::frameworks(g).iter().enumerate() {
                let mine: Vec<_> = rows.iter().filter(|r| r.framework == fi).collect();
                let covered: Vec<_> = mine
                    .iter()
                    .filter(|r| r.counts.iter().any(Option::is_some))
                    .collect();
                if covered.is_empty() {
                    continue;
                }
                let statused = f.kind.has_status();
                let caption = if statused {
                    esc(f.name.get(self.lang))
                } else {
                    format!(
                        "{} — {}",
                        esc(f.name.get(self.lang)),
                        esc(informs_label(self.lang))
                    )
                };
                let _ = write!(
                    self.out,
                    "<figure class=\"cov\">\n<figcaption>{caption}</figcaption>\n<table class=\"coverage\">\n<thead><tr><th>{}</th>",
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
                    // Where the grid's bar sits against the text, beside the figures.
                    let bars: Vec<String> = map
                        .iter()
                        .find(|m| m.framework == r.framework && m.requirement == r.requirement)
                        .map(|m| m.mappings_in(g))
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|(qid, mapping)| {
                            mapping.bar.as_ref().map(|b| {
                                format!(
                                    "<br><span class=\"note bar\">{} ({})</span>",
                                    esc(bar_label(b.position, self.lang)),
                                    esc(qid)
                                )
                            })
                        })
                        .collect();
                    let _ = write!(
                        self.out,
                        "<tr><td><b>{}</b> {}{}</td>",
                        esc(req.shown(self.lang)),
                        esc(req.title.get(self.lang)),
                        bars.concat()
                    );
                    for ((c, a), ev) in r.counts.iter().zip(&r.answers).zip(&r.evidence) {
                        let figures = ev
                            .map(|(given, with)| {
                                format!(
                                    "<br><span class=\"note\">{}</span>",
                                    self.f(
                                        Review::CovCohortFigures,
                                        &[("answers", &given), ("evidence", &with)]
                                    )
                                )
                            })
                            .unwrap_or_default();
                        match (c, a) {
                            (Some(c), _) if statused => {
                                let cells = RequirementStatus::ALL
                                    .iter()
                                    .map(|&s| {
                                        format!(
                                            "<span class=\"{}\">{}</span>",
                                            status_class(s),
                                            c[s.index()]
                                        )
                                    })
                                    .collect::<Vec<_>>()
                                    .join(" · ");
                                let _ = write!(self.out, "<td class=\"num\">{cells}{figures}</td>");
                            }
                            (_, Some(a)) => {
                                let values = self.answer_counts(g, a);
                                let with = ev.map_or(0, |(_, with)| with).to_string();
                                let _ = write!(
                                    self.out,
                                    "<td class=\"informs\">{}</td>",
                                    self.f(
                                        Review::CovInformsCell,
                                        &[("answers", &values), ("evidence", &with)]
                                    )
                                );
                            }
                            _ => self.push("<td class=\"num empty\">—</td>"),
                        }
                    }
                    self.push("</tr>\n");
                }
                self.push("</tbody>\n</table>\n");
                let uncovered: Vec<String> = mine
                    .iter()
                    .filter(|r| r.counts.iter().all(Option::is_none))
                    .filter_map(|r| f.requirements.get(r.requirement))
                    .map(|req| esc(req.shown(self.lang)))
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
        self.push("</section>\n");
    }

    /// The cohort's linked answers per value, in words (`Oui 12 · Non 3 · — 1`), leaving out
    /// the values no answer took.
    fn answer_counts(&self, g: &crate::questionnaire::Questionnaire, a: &[usize; 6]) -> String {
        let mut parts: Vec<String> = AnswerValue::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| a[*i] > 0)
            .map(|(i, v)| format!("{} {}", g.value_label(*v, self.lang), a[i]))
            .collect();
        if a[5] > 0 {
            parts.push(format!("{} {}", Msg::CovUnanswered.text(self.lang), a[5]));
        }
        if parts.is_empty() {
            parts.push("0".into());
        }
        // Escaped by the label that takes it.
        parts.join(" · ")
    }
}
