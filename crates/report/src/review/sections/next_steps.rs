//! The most common next steps: the questions most often among the companies' first steps, with
//! their recommendation (the first five).

use crate::review::html::{Writer, esc};
use crate::review::model::{TOP_STEPS, grid};
use std::fmt::Write;
use vigilance_text::Review;

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
        for (qi, n) in rows.iter().take(5) {
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
        self.push("</tbody>\n</table>\n</section>\n");
    }
}
