//! The review as one HTML document: [`esc`], the print stylesheet (`review.css`), the
//! [`Writer`] with the helpers every section shares (escaped labels, section ids, numbers,
//! levels, periods, evidence modes, provenance), and `document`, which writes the sections in
//! reading order. The sections themselves are in `super::sections`, one module each.
//!
//! Every text from a sheet or a grid goes through [`esc`]. Nothing here decides a figure: the
//! figures come from `model`, the words from the catalogue (`vigilance_text::Review`).

use super::model::{Cohort, grid};
use super::svg::{self, LEVEL_COLOURS};
use super::targets::TargetTrack;
use super::{CompanyResult, ReviewOptions};
use crate::codes::{EvidenceMode, Track, maturity_code};
use crate::exact::Percent;
use crate::text::Lang;
use std::fmt::{Display, Write};
use vigilance_text::Review;

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet (`review.css`, included at build time): screen and A4 print. Charts, tiles,
/// table rows and company blocks are never cut across pages; headings stay with what follows;
/// each company page and the annex start a page. `document` writes it after a line break.
const CSS: &str = include_str!("review.css");

/// The document being written, with the cohort at hand; the sections (`super::sections`) are
/// its methods, one module each.
pub(super) struct Writer<'a, 'c> {
    pub(super) out: String,
    /// Every grid's cohort.
    pub(super) cohorts: &'c [Cohort<'a>],
    /// The cohort being written.
    pub(super) c: &'c Cohort<'a>,
    /// Its position in `cohorts`.
    pub(super) part: usize,
    pub(super) previous: &'c [CompanyResult],
    pub(super) o: &'c ReviewOptions,
    pub(super) lang: Lang,
}

/// Writes the whole document: the cohort figures once per grid (`cohorts` is never empty).
pub fn write(cohorts: &[Cohort<'_>], previous: &[CompanyResult], o: &ReviewOptions) -> String {
    let Some(first) = cohorts.first() else {
        return String::new();
    };
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        cohorts,
        c: first,
        part: 0,
        previous,
        o,
        lang: o.lang,
    };
    w.document();
    w.out
}

/// Writes the one-page summaries of the chosen companies, in the order given: each is
/// `(cohort, member)`, positions in `cohorts` and in its companies. Empty when none is chosen.
pub fn write_summaries(
    cohorts: &[Cohort<'_>],
    previous: &[CompanyResult],
    o: &ReviewOptions,
    chosen: &[(usize, usize)],
) -> String {
    let Some(first) = cohorts.first() else {
        return String::new();
    };
    let mut w = Writer {
        out: String::with_capacity(32 * 1024),
        cohorts,
        c: first,
        part: 0,
        previous,
        o,
        lang: o.lang,
    };
    let names: Vec<&str> = chosen
        .iter()
        .filter_map(|&(k, i)| cohorts.get(k)?.companies.get(i))
        .map(|m| m.result.company.name.as_str())
        .collect();
    let title = format!(
        "{} — {}",
        w.t(Review::SummaryDocTitle),
        esc(&names.join(", "))
    );
    w.head(&title);
    for &(k, i) in chosen {
        if let Some(c) = cohorts.get(k) {
            w.c = c;
            w.part = k;
            w.company_summary(i);
        }
    }
    w.push("</body>\n</html>\n");
    w.out
}

impl Writer<'_, '_> {
    /// The catalogue entry `l` in the review's language, escaped.
    pub(super) fn t(&self, l: Review) -> String {
        esc(l.text(self.lang))
    }

    /// The catalogue entry `l` filled with `args`, escaped.
    pub(super) fn f(&self, l: Review, args: &[(&str, &dyn Display)]) -> String {
        esc(&l.fill(self.lang, args))
    }

    /// A section id, unique across the grids' parts.
    pub(super) fn sid(&self, base: &str) -> String {
        if self.part == 0 {
            base.to_string()
        } else {
            format!("{base}-{}", self.part + 1)
        }
    }

    pub(super) fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Opens the section `base` (its id made unique by [`Self::sid`]) with its heading.
    pub(super) fn section_start(&mut self, base: &str, heading: Review) {
        let _ = write!(
            self.out,
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            self.sid(base),
            self.t(heading)
        );
    }

    pub(super) fn pct(&self, v: f64) -> String {
        svg::number(v, self.lang)
    }

    pub(super) fn threshold(&self) -> Percent {
        self.c
            .companies
            .first()
            .map(|m| m.result.assessment.threshold)
            .unwrap_or_else(|| self.c.q.threshold_percent())
    }

    pub(super) fn threshold_text(&self) -> String {
        self.lang.decimal(&self.threshold().to_string())
    }

    pub(super) fn track_label(&self, t: Track) -> String {
        esc(self.c.q.track_label(t, self.lang))
    }

    pub(super) fn target_track_label(&self, t: TargetTrack) -> String {
        match t {
            TargetTrack::Track(t) => self.track_label(t),
            TargetTrack::Headline => self.t(Review::Headline),
        }
    }

    pub(super) fn level_name(&self, maturity: u8) -> String {
        esc(self.c.q.maturity_label(maturity, self.lang))
    }

    pub(super) fn badge(&self, maturity: u8) -> String {
        let i = usize::from(maturity.min(4));
        format!(
            r#"<span class="badge" style="background:{};color:{}">{}</span> {}"#,
            LEVEL_COLOURS[i],
            svg::level_ink(i),
            maturity_code(maturity),
            self.level_name(maturity)
        )
    }

    /// The distinct periods of a campaign, joined.
    pub(super) fn periods(&self, results: &mut dyn Iterator<Item = &CompanyResult>) -> String {
        let mut v: Vec<String> = results
            .map(|r| r.period.clone().unwrap_or_default().trim().to_string())
            .collect();
        v.sort();
        v.dedup();
        let v: Vec<String> = v
            .into_iter()
            .map(|p| {
                if p.is_empty() {
                    Review::PeriodNotStated.text(self.lang).to_string()
                } else {
                    p
                }
            })
            .collect();
        esc(&v.join(", "))
    }

    pub(super) fn current_period(&self) -> String {
        self.periods(&mut self.c.companies.iter().map(|m| m.result))
    }

    pub(super) fn previous_period(&self) -> String {
        self.periods(&mut self.previous.iter())
    }

    /// The document's head, with `title` (escaped), the stylesheet, and the body's opening.
    fn head(&mut self, title: &str) {
        let lang = self.lang.code();
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n"
        );
    }

    fn document(&mut self) {
        let title = format!("{} — {}", self.t(Review::DocTitle), self.current_period());
        self.head(&title);
        self.cover();
        let cohorts = self.cohorts;
        for (k, c) in cohorts.iter().enumerate() {
            self.c = c;
            self.part = k;
            self.grid_part();
            self.key_figures();
            self.distribution();
            if self.c.has_previous {
                self.transitions();
            }
            self.themes();
            self.sectors();
            self.blocking();
            self.next_steps();
            if self.c.has_targets {
                self.targets();
            }
            self.regulations();
            self.engagement();
        }
        if !self.o.anonymize {
            for (k, c) in cohorts.iter().enumerate() {
                self.c = c;
                self.part = k;
                for i in 0..self.c.companies.len() {
                    self.company(i);
                }
            }
        }
        if let Some(c) = cohorts.first() {
            self.c = c;
            self.part = 0;
        }
        self.annex();
        self.push("</body>\n</html>\n");
    }

    /// The evidence modes the cohort's companies were scored in, each once, in code order.
    pub(super) fn evidence_modes(&self) -> Vec<EvidenceMode> {
        let mut modes: Vec<EvidenceMode> = self
            .c
            .companies
            .iter()
            .map(|m| m.result.assessment.evidence_mode)
            .collect();
        modes.sort_by_key(|m| m.code());
        modes.dedup();
        modes
    }

    /// `modes` named in the review's language, comma-separated.
    pub(super) fn mode_names(&self, modes: &[EvidenceMode]) -> String {
        modes
            .iter()
            .map(|m| m.label(self.lang))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The provenance paragraph of the campaign's grids (the grid's own text when it has one).
    pub(super) fn provenance(&self) -> String {
        let mut texts: Vec<String> = self
            .cohorts
            .iter()
            .flat_map(|c| c.versions())
            .filter_map(|(g, _)| grid::provenance(g))
            .map(|t| t.get(self.lang).to_string())
            .collect();
        texts.dedup();
        if texts.is_empty() {
            self.t(Review::Provenance)
        } else {
            esc(&texts.join(" "))
        }
    }

    /// “3 companies”, « 0 entreprise »: the plural rule of the review's language.
    pub(super) fn companies_count(&self, n: usize) -> String {
        Review::Companies.count(self.lang, n as u64, &[])
    }
}
