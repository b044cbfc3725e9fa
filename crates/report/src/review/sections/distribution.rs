//! The level distribution: one bar chart per track and the headline, with the levels' legend.

use crate::codes::maturity_code;
use crate::review::html::{Writer, esc};
use crate::review::svg;
use crate::review::targets::TargetTrack;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    fn level_legend(&self) -> String {
        let mut s = format!(
            "<p class=\"legend\"><b>{}</b> ",
            self.t(Review::LevelsLegend)
        );
        for m in 0..=4u8 {
            let _ = write!(
                s,
                "<span><b>{}</b> {}</span> ",
                maturity_code(m),
                self.level_name(m)
            );
        }
        s.push_str("</p>\n");
        s
    }

    pub(in crate::review) fn distribution(&mut self) {
        let mut charts: Vec<(String, [usize; 5])> = self
            .c
            .tracks()
            .iter()
            .map(|&t| {
                (
                    self.c.q.track_label(t, self.lang).to_string(),
                    self.c.distribution(TargetTrack::Track(t)),
                )
            })
            .collect();
        charts.push((
            Review::Headline.text(self.lang).to_string(),
            self.c.distribution(TargetTrack::Headline),
        ));
        let max = charts
            .iter()
            .flat_map(|(_, d)| d.iter().copied())
            .max()
            .unwrap_or(0);
        self.section_start("distribution", Review::SecDistribution);
        let _ = write!(
            self.out,
            "<figure>\n<figcaption>{}</figcaption>\n<div class=\"charts\">\n",
            self.t(Review::DistributionIntro)
        );
        for (label, d) in &charts {
            let _ = writeln!(
                self.out,
                "<div><h4>{}</h4>{}</div>",
                esc(label),
                svg::level_bars(label, d, max)
            );
        }
        self.push("</div>\n");
        let legend = self.level_legend();
        self.push(&legend);
        self.push("</figure>\n</section>\n");
    }
}
