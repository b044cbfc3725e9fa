//! The engagement targets: their status (reached, on track, behind and why), per company, or
//! counted per track when anonymised; the table is shared with the company pages.

use crate::codes::maturity_code;
use crate::review::html::{Writer, esc};
use crate::review::labels::L;
use crate::review::model::level_for;
use crate::review::targets::{BehindReason, TargetStatus};
use std::fmt::Write;

impl Writer<'_, '_> {
    fn status(&self, s: TargetStatus) -> String {
        match s {
            TargetStatus::Reached => format!(
                "<span class=\"status-reached\">✓ {}</span>",
                self.t(L::Reached)
            ),
            TargetStatus::OnTrack => format!(
                "<span class=\"status-on-track\">→ {}</span>",
                self.t(L::OnTrack)
            ),
            TargetStatus::Behind(r) => format!(
                "<span class=\"status-behind\">✗ {}</span> <span class=\"note\">({})</span>",
                self.t(L::Behind),
                self.t(match r {
                    BehindReason::Deadline => L::BehindDeadline,
                    BehindReason::Pace => L::BehindPace,
                    BehindReason::Dropped => L::BehindDropped,
                })
            ),
        }
    }

    pub(super) fn targets_table(&mut self, members: &[usize], with_company: bool) {
        self.push("<table>\n<thead><tr>");
        if with_company {
            let _ = write!(self.out, "<th>{}</th>", self.t(L::Company));
        }
        let _ = write!(
            self.out,
            "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t(L::ColTrack),
            self.t(L::ColTarget),
            self.t(L::ColDeadline),
            self.t(L::ColCurrent),
            self.t(L::ColStatus)
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
        self.push("</tbody>\n</table>\n");
    }

    pub(in crate::review) fn targets(&mut self) {
        self.section_start("targets", L::SecTargets);
        let _ = writeln!(
            self.out,
            "<p class=\"note intro\">{}</p>",
            self.t(L::TargetsIntro)
        );
        if self.o.anonymize {
            let _ = write!(
                self.out,
                "<p>{}</p>\n<table class=\"keep\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                self.t(L::TargetsCounts),
                self.t(L::ColTrack),
                self.t(L::Reached),
                self.t(L::OnTrack),
                self.t(L::Behind),
                self.t(L::ColTotal)
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
        } else {
            let all: Vec<usize> = (0..self.c.companies.len()).collect();
            self.targets_table(&all, true);
        }
        self.push("</section>\n");
    }
}
