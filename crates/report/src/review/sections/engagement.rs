//! What the analysts' engagement files add to the review (`vigilance report --engagement`): per
//! grid, the headline levels as declared beside those as reviewed, how many companies were
//! reviewed lower, and the open actions counted by question addressed; on each company page, the
//! level as reviewed, the challenged and rejected answers, the dialogue log and the action plan.
//!
//! The grid's section names no company, note, owner or action text (the open actions are
//! counted, by question): it is the same in an anonymised review. The company pages, which do
//! name them, are left out of an anonymised review altogether.

use crate::codes::{AnswerValue, maturity_code, value_shown};
use crate::review::html::{Writer, esc};
use crate::review::svg;
use crate::workbook::{EngagementRows, status_label};
use std::collections::BTreeMap;
use std::fmt::Write;
use vigilance_text::{Msg, Review};

/// The label of a kind of exchange of the dialogue log (the code itself when unknown).
fn dialogue_kind(code: &str, lang: crate::text::Lang) -> &str {
    let m = match code {
        "meeting" => Msg::EngDialogueMeeting,
        "letter" => Msg::EngDialogueLetter,
        "call" => Msg::EngDialogueCall,
        "email" => Msg::EngDialogueEmail,
        "other" => Msg::EngDialogueOther,
        _ => return code,
    };
    m.text(lang)
}

impl Writer<'_, '_> {
    /// The engagement files of the cohort's companies that were applied, with the declared
    /// headline level.
    fn reviewed_pairs(&self) -> Vec<(u8, u8)> {
        self.c
            .companies
            .iter()
            .filter_map(|m| {
                let e = m.result.engagement.as_ref()?;
                let r = e.reviewed.as_ref()?;
                Some((m.result.assessment.headline_level, r.headline_level))
            })
            .collect()
    }

    /// The grid's engagement section; nothing when no company of the cohort came with an
    /// engagement file.
    pub(in crate::review) fn engagement(&mut self) {
        if self
            .c
            .companies
            .iter()
            .all(|m| m.result.engagement.is_none())
        {
            return;
        }
        let pairs = self.reviewed_pairs();
        let lower = pairs.iter().filter(|(d, r)| r < d).count();
        let higher = pairs.iter().filter(|(d, r)| r > d).count();
        self.section_start("engagement", Review::SecEngagement);
        let _ = writeln!(
            self.out,
            "<p class=\"intro\">{}<br>{}</p>",
            esc(&Review::EngReviewedCount.count(
                self.lang,
                pairs.len() as u64,
                &[("total", &self.c.companies.len())]
            )),
            self.f(
                Review::EngLowerCount,
                &[("lower", &lower), ("higher", &higher)]
            )
        );
        // Declared against reviewed: the same companies, the same scale.
        let mut declared = [0usize; 5];
        let mut reviewed = [0usize; 5];
        for (d, r) in &pairs {
            declared[usize::from((*d).min(4))] += 1;
            reviewed[usize::from((*r).min(4))] += 1;
        }
        let max = declared.iter().chain(&reviewed).copied().max().unwrap_or(0);
        let _ = write!(
            self.out,
            "<figure>\n<figcaption>{}</figcaption>\n<div class=\"charts\">\n",
            self.t(Review::EngDistributionIntro)
        );
        for (label, counts) in [
            (Review::EngAsDeclared, &declared),
            (Review::EngAsReviewed, &reviewed),
        ] {
            let title = label.text(self.lang);
            let _ = writeln!(
                self.out,
                "<div><h4>{}</h4>{}</div>",
                esc(title),
                svg::level_bars(title, counts, max)
            );
        }
        self.push("</div>\n</figure>\n");
        self.open_actions();
        self.push("</section>\n");
    }

    /// The open actions of the cohort counted by question addressed (grid order; actions that
    /// name no question last), with the overdue ones, and the actions carried over.
    fn open_actions(&mut self) {
        let today = self.o.date.clone();
        // Question id → (open, overdue); `None` for the actions that name no question.
        let mut by_question: BTreeMap<Option<usize>, (usize, usize)> = BTreeMap::new();
        let (mut carried, mut carried_done) = (0usize, 0usize);
        for m in &self.c.companies {
            let Some(e) = &m.result.engagement else {
                continue;
            };
            for a in &e.actions {
                if a.carried_from.is_some() {
                    carried += 1;
                    carried_done += usize::from(a.status == "done");
                }
                if !a.is_open() {
                    continue;
                }
                let positions: Vec<Option<usize>> = {
                    let found: Vec<Option<usize>> = a
                        .questions
                        .iter()
                        .filter_map(|id| self.c.q.questions.iter().position(|q| &q.id == id))
                        .map(Some)
                        .collect();
                    if found.is_empty() { vec![None] } else { found }
                };
                for p in positions {
                    let entry = by_question.entry(p).or_default();
                    entry.0 += 1;
                    entry.1 += usize::from(a.is_overdue(&today));
                }
            }
        }
        let _ = writeln!(
            self.out,
            "<h3>{}</h3>\n<p class=\"note\">{}</p>",
            self.t(Review::EngOpenActionsTitle),
            self.f(Review::EngOpenActionsIntro, &[("date", &today)])
        );
        if by_question.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::EngNoOpenAction));
        } else {
            let _ = write!(
                self.out,
                "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                self.t(Review::ColQuestion),
                self.t(Review::ColOpenActions),
                self.t(Review::ColOverdue)
            );
            // `None` sorts first in a BTreeMap: write it last.
            let rows: Vec<_> = by_question
                .iter()
                .filter(|(k, _)| k.is_some())
                .chain(by_question.iter().filter(|(k, _)| k.is_none()))
                .map(|(k, v)| (*k, *v))
                .collect();
            for (k, (open, overdue)) in rows {
                let label = match k.and_then(|qi| self.c.q.questions.get(qi)) {
                    Some(q) => format!("<b>{}</b> · {}", esc(&q.id), esc(q.text.get(self.lang))),
                    None => self.t(Review::EngOtherQuestions),
                };
                let _ = writeln!(
                    self.out,
                    "<tr><td>{label}</td><td class=\"num\">{open}</td><td class=\"num\">{overdue}</td></tr>"
                );
            }
            self.push("</tbody>\n</table>\n");
        }
        if carried > 0 {
            let _ = writeln!(
                self.out,
                "<p>{}</p>",
                self.f(
                    Review::EngCarried,
                    &[("total", &carried), ("done", &carried_done)]
                )
            );
        }
    }

    /// The level as reviewed, under a level of the company page (`None`: no file applied).
    pub(in crate::review) fn reviewed_level_line(&self, level: Option<u8>) -> Option<String> {
        level.map(|l| {
            format!(
                "<small>{}</small>",
                self.f(Review::CompanyReviewed, &[("level", &maturity_code(l))])
            )
        })
    }

    /// The company page's engagement block: why the file was not applied, or the challenged
    /// and rejected answers, the dialogue log and the action plan.
    pub(in crate::review) fn company_engagement(&mut self, e: &EngagementRows) {
        let lang = self.lang;
        let value = |v: Option<AnswerValue>| v.map(|v| value_shown(v, lang)).unwrap_or_default();
        if e.reviewed.is_none() {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.t(Review::CompanyEngRefused)
            );
            return;
        }
        if !e.disputed.is_empty() {
            let _ = write!(
                self.out,
                "<div class=\"keep\">\n<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                self.t(Review::CompanyDisputed),
                self.t(Review::ColQuestion),
                self.t(Review::ColTrack),
                self.t(Review::ColReviewStatus),
                self.t(Review::ColDeclared),
                self.t(Review::ColCounted),
                self.t(Review::ColNote),
            );
            for d in &e.disputed {
                let mut status = esc(status_label(&d.status, lang));
                if d.outdated {
                    let _ = write!(status, " ({})", self.t(Review::EngOutdated));
                }
                let _ = writeln!(
                    self.out,
                    "<tr><td><b>{}</b></td><td>{}</td><td>{status}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&d.question),
                    d.track.code(),
                    esc(&value(d.declared)),
                    esc(&value(d.counted)),
                    esc(&d.note),
                );
            }
            self.push("</tbody>\n</table>\n</div>\n");
        }
        if !e.dialogue.is_empty() {
            let _ = writeln!(
                self.out,
                "<div class=\"keep\">\n<h3>{}</h3>\n<ul>",
                self.t(Review::CompanyDialogue)
            );
            for d in &e.dialogue {
                let who = if d.participants.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", esc(&d.participants.join(", ")))
                };
                let _ = writeln!(
                    self.out,
                    "<li><b>{}</b> · {}{who} — {}</li>",
                    esc(&d.date),
                    esc(dialogue_kind(&d.kind, lang)),
                    esc(&d.summary)
                );
            }
            self.push("</ul>\n</div>\n");
        }
        if !e.actions.is_empty() {
            let today = self.o.date.clone();
            let _ = write!(
                self.out,
                "<div class=\"keep\">\n<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                self.t(Review::CompanyActions),
                self.t(Review::ColAction),
                self.t(Review::ColQuestion),
                self.t(Review::ColOwner),
                self.t(Review::ColDue),
                self.t(Review::ColStatus),
            );
            for a in &e.actions {
                let mut status = esc(status_label(&a.status, lang));
                if a.is_overdue(&today) {
                    let _ = write!(status, " — <b>{}</b>", self.t(Review::ColOverdue));
                }
                let _ = writeln!(
                    self.out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"nw\">{}</td><td>{status}</td></tr>",
                    esc(&a.text),
                    esc(&a.addresses),
                    esc(&a.owner),
                    esc(a.due.as_deref().unwrap_or("—")),
                );
            }
            self.push("</tbody>\n</table>\n</div>\n");
        }
    }
}
