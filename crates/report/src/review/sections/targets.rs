//! The engagement targets: their status (reached, on track, behind and why), per company, or
//! counted per track when anonymised; the table is shared with the company pages.

use crate::codes::maturity_code;
use crate::review::html::{Writer, esc};
use crate::review::model::level_for;
use crate::review::targets::{BehindReason, TargetStatus};
use std::fmt::Write;
use vigilance_text::Review;

/// Targets tables of at most this many rows are never cut across pages.
const KEEP_WHOLE: usize = 12;

impl Writer<'_, '_> {
    fn status(&self, s: TargetStatus) -> String {
        match s {
            TargetStatus::Reached => format!(
                "<span class=\"status-reached\">✓ {}</span>",
                self.t(Review::Reached)
            ),
            TargetStatus::OnTrack => format!(
                "<span class=\"status-on-track\">→ {}</span>",
                self.t(Review::OnTrack)
            ),
            TargetStatus::Behind(r) => format!(
                "<span class=\"status-behind\">✗ {}</span> <span class=\"note\">({})</span>",
                self.t(Review::Behind),
                self.t(match r {
                    BehindReason::Deadline => Review::BehindDeadline,
                    BehindReason::Pace => Review::BehindPace,
                    BehindReason::Dropped => Review::BehindDropped,
                })
            ),
        }
    }

    pub(super) fn targets_table(&mut self, members: &[usize], with_company: bool) {
        self.push("<table>\n<thead><tr>");
        if with_company {
            let _ = write!(self.out, "<th>{}</th>", self.t(Review::Company));
        }
        let _ = write!(
            self.out,
            "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t(Review::ColTrack),
            self.t(Review::ColTarget),
            self.t(Review::ColDeadline),
            self.t(Review::ColCurrent),
            self.t(Review::ColStatus)
        );
        for &i in members {
            let Some(m) = self.c.companies.get(i) else {
                continue;
            };
            for (t, s) in &m.targets {
                self.push("<tr>");
                if with_company {
                    let _ = write!(self.out, "<td>{}</td>", esc(&m.result.company.name));
                }
                let _ = writeln!(
                    self.out,
                    "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    self.target_track_label(t.track),
                    maturity_code(t.level),
                    esc(&t.deadline),
                    maturity_code(level_for(m.result, t.track)),
                    self.status(*s)
                );
            }
        }
        // Targets of companies that left: listed with the company, not rated, and why.
        if with_company {
            for (t, p) in &self.c.left_targets {
                let _ = writeln!(
                    self.out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>—</td><td><span class=\"note\">{}</span></td></tr>",
                    esc(&p.company.name),
                    self.target_track_label(t.track),
                    maturity_code(t.level),
                    esc(&t.deadline),
                    self.f(
                        Review::TargetLeft,
                        &[("period", &p.period.as_deref().unwrap_or("—"))]
                    )
                );
            }
        }
        self.push("</tbody>\n</table>\n");
    }

    pub(in crate::review) fn targets(&mut self) {
        self.section_start("targets", Review::SecTargets);
        let _ = writeln!(
            self.out,
            "<p class=\"note intro\">{}</p>",
            self.t(Review::TargetsIntro)
        );
        if self.o.anonymize {
            let _ = write!(
                self.out,
                "<p>{}</p>\n<table class=\"keep\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                self.t(Review::TargetsCounts),
                self.t(Review::ColTrack),
                self.t(Review::Reached),
                self.t(Review::OnTrack),
                self.t(Review::Behind),
                self.t(Review::ColTotal)
            );
            for (track, c) in self.c.target_counts() {
                let _ = writeln!(
                    self.out,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    self.target_track_label(track),
                    c[0],
                    c[1],
                    c[2],
                    c.iter().sum::<usize>()
                );
            }
            self.push("</tbody>\n</table>\n");
            let n = self.c.left_targets.len();
            if n > 0 {
                let note = esc(&Review::TargetsLeftCount.count(self.lang, n as u64, &[]));
                let _ = writeln!(self.out, "<p class=\"note\">{note}</p>");
            }
        } else if self.c.companies.iter().all(|m| m.targets.is_empty())
            && self.c.left_targets.is_empty()
        {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::TargetsNoneMatched));
        } else {
            let all: Vec<usize> = (0..self.c.companies.len()).collect();
            // A short table is kept whole: a row or two left alone on a page says little.
            let rows: usize = self
                .c
                .companies
                .iter()
                .map(|m| m.targets.len())
                .sum::<usize>()
                + self.c.left_targets.len();
            let keep = rows <= KEEP_WHOLE;
            if keep {
                self.push("<div class=\"keep\">\n");
            }
            self.targets_table(&all, true);
            if keep {
                self.push("</div>\n");
            }
        }
        self.push("</section>\n");
    }
}
