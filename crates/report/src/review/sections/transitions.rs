//! The year-over-year transitions: per track and the headline, a table of companies per pair
//! of levels (previous, current), then the movement chart (up, same, down).

use crate::codes::maturity_code;
use crate::review::html::{Writer, esc};
use crate::review::svg;
use crate::review::targets::TargetTrack;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// The companies of the previous campaign that this one no longer has: counted, and named
    /// (each with its period and headline level then) unless anonymised.
    fn left(&mut self) {
        let left = &self.c.left;
        if left.is_empty() {
            return;
        }
        let intro = esc(&Review::LeftIntro.count(self.lang, left.len() as u64, &[]));
        let _ = writeln!(self.out, "<p class=\"intro\">{intro}</p>");
        if self.o.anonymize {
            return;
        }
        self.push("<ul class=\"left\">\n");
        for p in left {
            let _ = writeln!(
                self.out,
                "<li>{}</li>",
                self.f(
                    Review::LeftSince,
                    &[
                        ("company", &p.company.name),
                        ("period", &p.period.as_deref().unwrap_or("—")),
                        ("level", &maturity_code(p.assessment.headline_level)),
                    ]
                )
            );
        }
        self.push("</ul>\n");
    }

    pub(in crate::review) fn transitions(&mut self) {
        let matched = self.c.matched();
        let elsewhere = self.c.on_other_grid();
        let new = self.c.companies.len() - matched - elsewhere;
        let (prev, cur) = (self.previous_period(), self.current_period());
        self.section_start("transitions", Review::SecTransitions);
        self.left();
        if matched == 0 {
            let _ = writeln!(
                self.out,
                "<p>{}</p>\n</section>",
                self.t(Review::TransitionsNone)
            );
            return;
        }
        let _ = writeln!(
            self.out,
            "<p class=\"intro\">{}</p>",
            self.f(
                Review::TransitionsIntro,
                &[
                    ("matched", &matched.to_string()),
                    ("new", &new.to_string()),
                    ("previous", &prev),
                    ("current", &cur)
                ]
            )
        );
        if elsewhere > 0 {
            let _ = writeln!(
                self.out,
                "<p class=\"note intro\">{}</p>",
                self.f(
                    Review::TransitionsOtherGrid,
                    &[("n", &elsewhere.to_string())]
                )
            );
        }
        if self.c.compares_versions() {
            let _ = writeln!(
                self.out,
                "<p class=\"note intro\">{}</p>",
                self.t(Review::TransitionsAcrossVersions)
            );
        }
        let mut keys: Vec<TargetTrack> = self
            .c
            .tracks()
            .iter()
            .map(|&t| TargetTrack::Track(t))
            .collect();
        keys.push(TargetTrack::Headline);
        self.push("<div class=\"trans keep\">\n");
        for &k in &keys {
            let table = self.c.transitions(k);
            let _ = write!(
                self.out,
                "<table>\n<caption><b>{}</b></caption>\n<thead><tr><th class=\"corner\">{}</th>",
                self.target_track_label(k),
                self.f(
                    Review::TransitionCorner,
                    &[("previous", &prev), ("current", &cur)]
                )
                .replace(" · ", "<br>")
            );
            for b in 0..5u8 {
                let _ = write!(self.out, "<th>{}</th>", maturity_code(b));
            }
            self.push("</tr></thead>\n<tbody>\n");
            for (a, row) in table.iter().enumerate() {
                let _ = write!(self.out, "<tr><th>{}</th>", maturity_code(a as u8));
                for (b, n) in row.iter().enumerate() {
                    let class = if a == b { " class=\"diag\"" } else { "" };
                    let v = if *n == 0 {
                        "·".to_string()
                    } else {
                        n.to_string()
                    };
                    let _ = write!(self.out, "<td{class}>{v}</td>");
                }
                self.push("</tr>\n");
            }
            self.push("</tbody>\n</table>\n");
        }
        self.push("</div>\n");
        let rows: Vec<(String, [usize; 3])> = keys
            .iter()
            .map(|&k| {
                let m = self.c.movement(k);
                let label = match k {
                    TargetTrack::Track(t) => self.c.q.track_label(t, self.lang).to_string(),
                    TargetTrack::Headline => Review::Headline.text(self.lang).to_string(),
                };
                (label, [m.up, m.same, m.down])
            })
            .collect();
        let title = Review::FigMovement.text(self.lang);
        let legend = [
            Review::MovedUp.text(self.lang),
            Review::Stayed.text(self.lang),
            Review::MovedDown.text(self.lang),
        ];
        let chart = svg::movement_bars(title, &rows, legend);
        let _ = write!(
            self.out,
            "<figure>\n<figcaption>{}</figcaption>\n{chart}\n</figure>\n</section>\n",
            esc(title)
        );
    }
}
