//! The method annex: the levels and their definitions, the scoring rule and threshold, the
//! evidence modes, index and matching, targets, anonymisation, provenance, and the frameworks of
//! the regulation coverage with their citations.

use crate::codes::{EvidenceMode, Level};
use crate::review::html::{Writer, esc};
use crate::review::model::grid;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// The frameworks of the regulation coverage with their kind and exact citations (each
    /// once, from the latest grid that defines it), then every note the grid gives on a
    /// requirement or on a question's link to it: pending changes, suspended requirements,
    /// the limits of a mapping, and where the grid's bar sits against the text.
    fn annex_frameworks(&mut self) {
        let mut grids: Vec<&crate::questionnaire::Questionnaire> = self
            .cohorts
            .iter()
            .flat_map(|c| c.versions())
            .map(|(g, _)| g)
            .filter(|g| grid::has_regulation_mappings(g))
            .collect();
        grids.reverse();
        let mut seen: Vec<&str> = Vec::new();
        let mut rows = String::new();
        let mut notes = String::new();
        for g in grids {
            let map = crate::coverage::grid_coverage(g);
            for (fi, f) in grid::frameworks(g).iter().enumerate() {
                if seen.contains(&f.id.as_str()) {
                    continue;
                }
                seen.push(&f.id);
                let note = f
                    .note
                    .as_ref()
                    .map(|n| format!("<br><span class=\"note\">{}</span>", esc(n.get(self.lang))))
                    .unwrap_or_default();
                let _ = writeln!(
                    rows,
                    "<tr><td>{} <span class=\"note\">({})</span></td><td>{}</td><td>{}{note}</td></tr>",
                    esc(f.name.get(self.lang)),
                    esc(&f.id),
                    esc(crate::coverage::kind_label(f.kind, self.lang)),
                    esc(f.citation.get(self.lang))
                );
                for m in map.iter().filter(|m| m.framework == fi) {
                    let Some(req) = f.requirements.get(m.requirement) else {
                        continue;
                    };
                    let mut lines = crate::coverage::requirement_notes(g, m, self.lang);
                    lines.extend(crate::coverage::requirement_bars(g, m, self.lang));
                    if lines.is_empty() {
                        continue;
                    }
                    let _ = writeln!(
                        notes,
                        "<tr><td>{} <b>{}</b></td><td>{}</td></tr>",
                        esc(&f.id),
                        esc(req.shown(self.lang)),
                        lines
                            .iter()
                            .map(|l| esc(l))
                            .collect::<Vec<_>>()
                            .join("<br>")
                    );
                }
            }
        }
        if rows.is_empty() {
            return;
        }
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<p class=\"disclaimer\">{}</p>\n<table class=\"frameworks\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n",
            self.t(Review::MethodFrameworks),
            esc(crate::coverage::disclaimer(self.lang)),
            self.t(Review::ColFramework),
            self.t(Review::ColKind),
            self.t(Review::ColCitation)
        );
        if !notes.is_empty() {
            let _ = write!(
                self.out,
                "<h3>{}</h3>\n<p>{}</p>\n<table class=\"frameworks notes\">\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n{notes}</tbody>\n</table>\n",
                self.t(Review::AnnexNotes),
                self.t(Review::AnnexNotesIntro),
                self.t(Review::ColRequirement),
                self.t(Review::ColNote)
            );
        }
    }

    pub(in crate::review) fn annex(&mut self) {
        let _ = write!(
            self.out,
            "<section class=\"annex\">\n<h2>{}</h2>\n<h3>{}</h3>\n<table class=\"keep\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t(Review::SecMethod),
            self.t(Review::MethodLevels),
            self.t(Review::ColCode),
            self.t(Review::ColLevel),
            self.t(Review::ColDefinition)
        );
        let n0 = grid::not_started_definition(self.c.q)
            .map(|d| esc(d.get(self.lang)))
            .unwrap_or_default();
        let _ = writeln!(
            self.out,
            "<tr><td>N0</td><td>{}</td><td>{n0}</td></tr>",
            self.level_name(0)
        );
        for l in Level::ALL {
            let def = self
                .c
                .q
                .level(l)
                .map(|d| esc(d.definition.get(self.lang)))
                .unwrap_or_default();
            let _ = writeln!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td>{def}</td></tr>",
                l.code(),
                self.level_name(l.rank())
            );
        }
        self.push("</tbody>\n</table>\n");
        let threshold = self.threshold_text();
        let mut modes = self.evidence_modes();
        if modes.is_empty() {
            modes.push(EvidenceMode::default());
        }
        let mode_names = self.mode_names(&modes);
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<p>{}</p>\n<p>{} {} ",
            self.t(Review::MethodRuleTitle),
            self.f(Review::MethodRule, &[("threshold", &threshold)]),
            self.f(Review::MethodThreshold, &[("threshold", &threshold)]),
            self.f(Review::MethodEvidence, &[("modes", &mode_names)])
        );
        for mode in &modes {
            let _ = write!(
                self.out,
                "{} ",
                self.t(match mode {
                    EvidenceMode::Declarative => Review::MethodDeclarative,
                    EvidenceMode::Substantiated => Review::MethodSubstantiated,
                })
            );
        }
        let _ = write!(
            self.out,
            "</p>\n<p>{}</p>\n<p>{}</p>\n",
            self.t(Review::MethodIndex),
            self.t(Review::MethodMatching)
        );
        if self.c.has_targets {
            let _ = writeln!(
                self.out,
                "<h3>{}</h3>\n<p>{}</p>",
                self.t(Review::CompanyTargets),
                self.t(Review::TargetsIntro)
            );
        }
        if self.o.anonymize {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::MethodAnonymised));
            self.few_companies_caveat();
        }
        if self.c.has_previous || self.cohorts.len() > 1 {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::MethodGrids));
        }
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<p class=\"provenance\">{}</p>\n<p class=\"note\">{}</p>\n",
            self.t(Review::MethodProvenanceTitle),
            self.provenance(),
            self.f(
                Review::MethodGenerated,
                &[("tool", &self.o.tool_version), ("date", &self.o.date)]
            )
        );
        self.annex_frameworks();
        self.push("</section>\n");
    }
}
