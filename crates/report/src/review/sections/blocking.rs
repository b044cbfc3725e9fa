//! The blocking critical questions: those not met at the level just above a company's level,
//! with the companies they block per track: every one of them (the docs promise each critical
//! question, so none is cut).

use crate::review::html::{Writer, esc};
use crate::review::model::grid;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    fn question_cell(&self, qi: usize) -> String {
        match grid::question(self.c.q, qi) {
            Some(q) => format!("<b>{}</b> {}", esc(&q.id), esc(q.text.get(self.lang))),
            None => String::new(),
        }
    }

    pub(in crate::review) fn blocking(&mut self) {
        let rows = self.c.blocking_questions();
        self.section_start("blocking", Review::SecBlocking);
        if rows.is_empty() {
            let _ = writeln!(
                self.out,
                "<p>{}</p>\n</section>",
                self.t(Review::BlockingNone)
            );
            return;
        }
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}</p>\n<table>\n<thead><tr><th>{}</th><th>{}</th>",
            self.t(Review::BlockingIntro),
            self.t(Review::ColQuestion),
            self.t(Review::ColLevel)
        );
        for &t in self.c.tracks() {
            let _ = write!(self.out, "<th class=\"num\">{}</th>", self.track_label(t));
        }
        self.push("</tr></thead>\n<tbody>\n");
        for (qi, counts) in &rows {
            let level = grid::question(self.c.q, *qi).map_or("", |q| q.level.code());
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td>{level}</td>",
                self.question_cell(*qi)
            );
            for n in counts {
                let v = if *n == 0 {
                    "·".to_string()
                } else {
                    n.to_string()
                };
                let _ = write!(self.out, "<td class=\"num\">{v}</td>");
            }
            self.push("</tr>\n");
        }
        self.push("</tbody>\n</table>\n</section>\n");
    }
}
