//! The most common next steps: the questions most often among the companies' first steps, with
//! their recommendation: the first [`SHOWN`], every step tied with the last of them, and a last
//! row saying how many were left out and how often they occur.

use crate::review::html::{Writer, esc};
use crate::review::model::{TOP_STEPS, grid};
use std::fmt::Write;
use vigilance_text::Review;

/// The most common steps shown (more when steps tie with the last).
pub(crate) const SHOWN: usize = 5;

/// How many of `rows` (sorted by count, most common first) the table shows: the first
/// [`SHOWN`] and every row tied with the last of them.
pub(crate) fn shown_rows(rows: &[(usize, usize)]) -> usize {
    match rows.get(SHOWN.saturating_sub(1)) {
        Some(&(_, last)) => rows.iter().take_while(|(_, n)| *n >= last).count(),
        None => rows.len(),
    }
}

impl Writer<'_, '_> {
    pub(in crate::review) fn next_steps(&mut self) {
        let rows = self.c.common_next_steps();
        self.section_start("next-steps", Review::SecNextSteps);
        if rows.is_empty() {
            let _ = writeln!(
                self.out,
                "<p>{}</p>\n</section>",
                self.t(Review::NextStepsNone)
            );
            return;
        }
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}</p>\n<table class=\"steps-table\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            self.f(Review::NextStepsIntro, &[("n", &TOP_STEPS.to_string())]),
            self.t(Review::ColQuestion),
            self.t(Review::ColRecommendation),
            self.t(Review::ColCompanies)
        );
        let shown = shown_rows(&rows);
        for (qi, n) in rows.iter().take(shown) {
            let Some(q) = grid::question(self.c.q, *qi) else {
                continue;
            };
            let _ = writeln!(
                self.out,
                "<tr><td><b>{}</b> · {} · {}</td><td>{}</td><td class=\"num\">{n}</td></tr>",
                esc(&q.id),
                q.level.code(),
                esc(self.c.q.theme_label(&q.theme, self.lang)),
                esc(q.recommendation.get(self.lang))
            );
        }
        self.push("</tbody>\n");
        let left = &rows[shown..];
        if let Some(&(_, max)) = left.first() {
            let _ = writeln!(
                self.out,
                "<tfoot><tr><td colspan=\"3\" class=\"note\">{}</td></tr></tfoot>",
                esc(&Review::NextStepsLeftOut.count(
                    self.lang,
                    left.len() as u64,
                    &[("max", &max.to_string())]
                ))
            );
        }
        self.push("</table>\n</section>\n");
    }
}
