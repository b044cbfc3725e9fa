//! The company summary (`vigilance report --company`): one A4 page per company, what an analyst
//! brings to an engagement meeting. It shows the company's levels with the change since the
//! previous campaign and its profile (the company page's own head and chart), what its
//! regulation coverage shows (the one combined-tracks rule), its position in its sector group,
//! the three next steps that matter most in the method's order, and its targets.
//!
//! Every figure is the review's: the levels and changes of `company`, the rank and group mean
//! of `model::Cohort::sector_position`, the steps of `model::Cohort::first_steps`, the target
//! statuses of `model::Cohort::new`. Nothing is computed here.

use crate::codes::maturity_code;
use crate::review::html::Writer;
use crate::review::model::{Cohort, SUMMARY_STEPS};
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// Where company `i` stands in its sector group: per track, its level, index and rank in
    /// the group, and the group's mean index.
    fn company_position(&mut self, i: usize) {
        let tracks = self.c.tracks().to_vec();
        let positions: Vec<_> = tracks
            .iter()
            .map(|&t| (t, self.c.sector_position(i, t)))
            .collect();
        let Some(group) = positions.iter().find_map(|(_, p)| p.as_ref()) else {
            return;
        };
        let label = self.sector_label(&group.group);
        let size = group.group.members.len();
        let _ = write!(
            self.out,
            "<div class=\"keep position\">\n<h3>{}</h3>\n",
            self.f(
                Review::SummaryPosition,
                &[
                    ("group", &label),
                    ("companies", &self.companies_count(size))
                ]
            )
        );
        if size < 2 {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>\n</div>",
                self.t(Review::SummaryAloneInGroup)
            );
            return;
        }
        let _ = write!(
            self.out,
            "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            self.t(Review::ColTrack),
            self.t(Review::SummaryColLevel),
            self.t(Review::SummaryColIndex),
            self.t(Review::SummaryColRank),
            self.t(Review::SummaryColGroupMean),
        );
        let Some(m) = self.c.companies.get(i) else {
            return;
        };
        let r = m.result;
        for (t, p) in &positions {
            let Some(p) = p else { continue };
            let Some(tr) = r.assessment.track(*t) else {
                continue;
            };
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                self.track_label(*t),
                maturity_code(tr.level),
                self.pct(crate::stats::index(r.grid, tr)),
                self.f(Review::SummaryRankOf, &[("rank", &p.rank), ("of", &p.of)]),
                p.mean_index.map_or("—".to_string(), |v| self.pct(v)),
            );
        }
        let _ = writeln!(
            self.out,
            "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</div>",
            self.t(Review::SummaryRankRule)
        );
    }

    /// The company's next steps that matter most, in the method's order.
    fn company_first_steps(&mut self, i: usize) {
        let Some(m) = self.c.companies.get(i) else {
            return;
        };
        let r = m.result;
        let steps = Cohort::first_steps(m, SUMMARY_STEPS);
        let _ = write!(
            self.out,
            "<div class=\"keep\">\n<h3>{}</h3>\n",
            self.t(Review::SummaryStepsTitle)
        );
        if steps.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::NextStepsNone));
        } else {
            let items: String = steps
                .iter()
                .filter_map(|(k, tracks)| self.step_item(r, *k, tracks))
                .map(|li| li + "\n")
                .collect();
            let _ = write!(
                self.out,
                "<ol class=\"steps\">\n{items}</ol>\n<p class=\"note\">{}</p>\n",
                self.t(Review::SummaryStepsOrder)
            );
        }
        self.push("</div>\n");
    }

    /// The one-page summary of company `i` of the cohort being written.
    pub(in crate::review) fn company_summary(&mut self, i: usize) {
        let Some(m) = self.c.companies.get(i).cloned() else {
            return;
        };
        let kicker = self.f(
            Review::SummaryKicker,
            &[("period", &m.result.period.as_deref().unwrap_or("—"))],
        );
        self.company_head(&m, "company summary", Some(&kicker));
        self.company_profile(&m);
        self.company_position(i);
        self.company_first_steps(i);
        if self.c.has_targets {
            let _ = write!(
                self.out,
                "<div class=\"keep\">\n<h3>{}</h3>\n",
                self.t(Review::CompanyTargets)
            );
            if m.targets.is_empty() {
                let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::SummaryNoTarget));
            } else {
                self.targets_table(&[i], false);
            }
            self.push("</div>\n");
        }
        let _ = writeln!(
            self.out,
            "<p class=\"note colophon\">{}</p>",
            self.f(
                Review::SummaryColophon,
                &[
                    ("tool", &self.o.tool_version),
                    ("date", &self.o.date),
                    ("mode", &m.result.assessment.evidence_mode.label(self.lang)),
                ]
            )
        );
        self.push("</section>\n");
    }
}
