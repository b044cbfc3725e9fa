//! The cover: title, the anonymised-edition notice, the campaign and previous periods, the
//! grid or grids with their versions, the companies, evidence modes, date and provenance.

use crate::review::html::{Writer, esc};
use crate::review::model::grid;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// In an anonymised edition of fewer than 3 companies, the caveat that its figures are
    /// each company's own: in the file, not only on the terminal.
    pub(in crate::review) fn few_companies_caveat(&mut self) {
        let n: usize = self.cohorts.iter().map(|c| c.companies.len()).sum();
        if self.o.anonymize && n < crate::review::model::MIN_GROUP {
            let _ = writeln!(
                self.out,
                "<p class=\"anon caveat\">{}</p>",
                self.f(Review::FewCompaniesCaveat, &[("count", &n.to_string())])
            );
        }
    }

    pub(in crate::review) fn cover(&mut self) {
        let (id, version) = grid::id_version(self.c.q);
        let grid_title = esc(grid::title(self.c.q).get(self.lang));
        let modes = self.mode_names(&self.evidence_modes());
        let _ = write!(
            self.out,
            "<header class=\"cover\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
            self.t(Review::DocTitle),
            self.t(Review::DocSubtitle)
        );
        if self.o.anonymize {
            let _ = writeln!(
                self.out,
                "<p class=\"anon\">{}</p>",
                self.t(Review::AnonymisedEdition)
            );
            self.few_companies_caveat();
        }
        let mut rows = vec![(self.t(Review::CoverCampaign), self.current_period())];
        if self.c.has_previous {
            rows.push((self.t(Review::CoverPrevious), self.previous_period()));
        }
        // Every grid and version of the campaign, with its companies when there are several.
        let versions: Vec<(&crate::questionnaire::Questionnaire, usize)> =
            self.cohorts.iter().flat_map(|c| c.versions()).collect();
        if versions.len() > 1 {
            let list = versions
                .iter()
                .map(|(g, n)| {
                    format!(
                        "{} ({} {}) — {}",
                        esc(grid::title(g).get(self.lang)),
                        esc(&g.id),
                        esc(&g.version),
                        esc(&self.companies_count(*n))
                    )
                })
                .collect::<Vec<_>>()
                .join("<br>");
            rows.push((self.t(Review::CoverGrids), list));
        } else {
            let (grid_title, id, version) = match versions.first() {
                Some((g, _)) => (esc(grid::title(g).get(self.lang)), &g.id, &g.version),
                None => (grid_title, &id.to_string(), &version.to_string()),
            };
            rows.push((
                self.t(Review::CoverGrid),
                format!("{grid_title} ({} {})", esc(id), esc(version)),
            ));
        }
        rows.push((
            self.t(Review::CoverCompanies),
            self.c.companies.len().to_string(),
        ));
        rows.push((self.t(Review::CoverEvidence), esc(&modes)));
        rows.push((self.t(Review::CoverDate), esc(&self.o.date)));
        self.push("<dl>\n");
        for (k, v) in rows {
            let _ = writeln!(self.out, "<dt>{k}</dt><dd>{v}</dd>");
        }
        let _ = write!(
            self.out,
            "</dl>\n<p class=\"provenance\">{}</p>\n</header>\n",
            self.provenance()
        );
    }
}
