//! The heading of one grid's part when the campaign holds several grids, and the note on which
//! versions of the grid its figures combine.

use crate::review::html::Writer;
use crate::review::model::grid;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// The part of the review for one grid: a heading when the campaign holds several grids,
    /// and which versions the figures combine when it holds several versions of this one.
    pub(in crate::review) fn grid_part(&mut self) {
        let (id, version) = grid::id_version(self.c.q);
        let versions = self.c.versions();
        if self.cohorts.len() > 1 {
            let _ = writeln!(
                self.out,
                "<h2 class=\"part\">{}</h2>\n<p class=\"intro\">{}</p>",
                self.f(
                    Review::GridPart,
                    &[
                        ("title", &grid::title(self.c.q).get(self.lang)),
                        ("id", &id),
                        ("companies", &self.companies_count(self.c.companies.len()))
                    ]
                ),
                self.t(Review::GridPartIntro)
            );
        }
        if versions.len() > 1 {
            let list = versions
                .iter()
                .map(|(g, n)| format!("{} ({})", g.version, self.companies_count(*n)))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                self.out,
                "<p class=\"versions\">{}</p>",
                self.f(
                    Review::GridVersionsNote,
                    &[("id", &id), ("versions", &list), ("version", &version)]
                )
            );
        }
    }
}
