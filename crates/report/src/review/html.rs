//! The review as one HTML document: the print stylesheet, then the sections in reading order —
//! cover and key figures, level distribution, transitions, theme heat map, sector view,
//! blocking critical questions, common next steps, targets, regulation coverage, one page per
//! company, and the method annex.
//!
//! Every text from a sheet or a grid goes through [`esc`]. Nothing here decides a figure: the
//! figures come from `model`, the words from `labels`.

use super::labels::L;
use super::model::{self, Cohort, Member, SectorGroup, SectorKey, TOP_STEPS, grid, level_for};
use super::svg::{self, LEVEL_COLOURS, ProfileSeries};
use super::targets::{BehindReason, TargetStatus, TargetTrack};
use super::{CompanyResult, ReviewOptions};
use crate::codes::{EvidenceMode, Level, Track, maturity_code};
use crate::coverage::RequirementStatus;
use crate::exact::Percent;
use crate::text::Lang;
use std::fmt::Write;

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

/// The stylesheet: screen and A4 print. Charts, tiles, table rows and company blocks are
/// never cut across pages; headings stay with what follows; each company page and the annex
/// start a page.
const CSS: &str = r#"
@page { size: A4; margin: 14mm 14mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 8pt; color: #5b6270; } }
* { box-sizing: border-box; }
html { background: #eef0f3; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 10pt; line-height: 1.42; color: #1d1f24; background: #fff; margin: 16px auto;
  max-width: 210mm; padding: 14mm; }
@media print { html { background: #fff; } body { margin: 0; max-width: none; padding: 0; } }
h1 { font-size: 26pt; line-height: 1.1; margin: 0 0 4pt; color: #08306b; }
h2 { font-size: 14pt; color: #08306b; border-bottom: 2px solid #08306b; padding-bottom: 2pt;
  margin: 16pt 0 6pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0 6pt; }
p.intro { break-after: avoid; page-break-after: avoid; }
.subtitle { font-size: 13pt; color: #3a4150; margin: 0 0 12pt; }
.cover { border-top: 8px solid #08306b; padding-top: 12pt; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 14pt; margin: 10pt 0; }
.cover dt { color: #5b6270; }
.cover dd { margin: 0; font-weight: 600; }
.anon { border: 1px solid #b2182b; color: #7a0f1d; padding: 4pt 8pt; border-radius: 4px; display: inline-block; }
.provenance { font-size: 9pt; color: #3a4150; border-left: 3px solid #c6dbef; padding-left: 8pt; }
.note { font-size: 8.8pt; color: #5b6270; }
.keep, figure, .tile, tr, .step, .why p { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 6pt 0 10pt; position: relative; }
svg { max-width: 100%; height: auto; }
figure.long { break-inside: auto; page-break-inside: auto; }
thead { display: table-header-group; }
figcaption { font-weight: 600; margin-bottom: 4pt; break-after: avoid; page-break-after: avoid; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin: 6pt 0; }
.tile { border: 1px solid #d5d9e0; border-radius: 6px; padding: 4pt 8pt; line-height: 1.3; }
.tile b { display: block; font-size: 18pt; line-height: 1.1; color: #08306b; }
.tile small { color: #5b6270; }
.charts { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 4pt; }
.charts > div { text-align: center; }
.charts h4 { margin: 0 0 2pt; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 3pt 0 8pt; }
th, td { border-bottom: 1px solid #d5d9e0; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
th { background: #f1f3f6; font-weight: 600; }
.center { text-align: center; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.heat th, .heat td { text-align: center; padding: 2pt 1pt; }
.heat th:first-child, .heat td:first-child { text-align: left; padding-left: 4pt; }
.heat td.empty { color: #9aa0aa; background: #fafafa; }
.sectors td:first-child { width: 34%; }
.steps-table td:first-child { width: 28%; }
.trans { display: flex; gap: 8pt; }
.trans table { width: auto; flex: 1; }
.trans td, .trans th { text-align: center; }
.trans th.corner { font-size: 7.5pt; font-weight: normal; line-height: 1.15; white-space: nowrap; }
.trans td.diag { background: #eceff3; font-weight: 600; }
.legend { font-size: 8.6pt; color: #3a4150; }
.legend span { white-space: nowrap; margin-right: 8pt; }
.badge { display: inline-block; padding: 1pt 6pt; border-radius: 3px; font-weight: 600; border: 1px solid #8a929e; }
.company, .annex { break-before: page; page-break-before: always; }
.company h2 { margin-top: 0; }
.meta { color: #3a4150; margin: 0 0 6pt; }
.nw { white-space: nowrap; }
.levels { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10pt; margin: 4pt 0 6pt; line-height: 1.35; }
.levels small { color: #3a4150; }
.status-reached { color: #1b7837; font-weight: 600; }
.status-on-track { color: #08519c; font-weight: 600; }
.status-behind { color: #b2182b; font-weight: 600; }
.step { margin: 0 0 3pt; }
ul.steps { margin: 2pt 0 4pt; padding-left: 14pt; font-size: 8.4pt; line-height: 1.26; }
.company { font-size: 9.2pt; line-height: 1.36; }
.company h3 { margin: 6pt 0 2pt; }
.company .levels { margin: 2pt 0 3pt; line-height: 1.25; }
.company .meta { margin-bottom: 4pt; }
.company table { font-size: 8.5pt; margin-bottom: 4pt; }
.why p { margin: 0 0 3pt; }
h2.part { font-size: 16pt; border-bottom-width: 4px; margin-top: 22pt; }
.versions { border-left: 3px solid #fdb863; padding-left: 8pt; font-size: 9pt; }
.disclaimer { font-size: 9pt; font-style: italic; color: #3a4150; }
.coverage td:first-child { width: 64%; }
.coverage td.empty { color: #9aa0aa; }
.cov-met { color: #1b7837; font-weight: 600; }
.cov-part { color: #b35806; font-weight: 600; }
.cov-not { color: #b2182b; font-weight: 600; }
.cov-na { color: #6b7280; }
.company figure svg { width: 80%; }
.profile-row { display: flex; gap: 10pt; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; }
.profile-row figure { flex: 0 0 62%; margin-bottom: 4pt; }
.cov-company abbr { text-decoration: none; }
.profile-row figure svg { width: 100%; }
.cov-company { flex: 1; }
.cov-company h3 { margin: 0 0 2pt; font-size: 9.5pt; }
.cov-company table { font-size: 7.4pt; margin: 0 0 1pt; }
.cov-company th, .cov-company td { padding: 0.3pt 2pt; line-height: 1.15; }
.cov-company .note { font-size: 7pt; line-height: 1.2; margin: 0; }
figure.cov { break-inside: auto; page-break-inside: auto; margin: 4pt 0 6pt; }
.coverage { font-size: 8pt; margin: 2pt 0 3pt; }
.coverage th, .coverage td { padding: 1.2pt 3pt; }
.frameworks td:first-child { width: 24%; }
.annex { font-size: 9.4pt; line-height: 1.36; }
.annex table { font-size: 8.6pt; }
.annex table.frameworks { font-size: 8pt; }
.annex table.frameworks td { padding: 1.5pt 3pt; }
"#;

/// Rows above which a heat map may run over two pages.
const LONG_HEAT_MAP: usize = 40;

struct Writer<'a, 'c> {
    out: String,
    /// Every grid's cohort.
    cohorts: &'c [Cohort<'a>],
    /// The cohort being written.
    c: &'c Cohort<'a>,
    /// Its position in `cohorts`.
    part: usize,
    previous: &'c [CompanyResult],
    o: &'c ReviewOptions,
    lang: Lang,
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

impl Writer<'_, '_> {
    fn t(&self, l: L) -> String {
        esc(&l.get(self.lang))
    }

    fn f(&self, l: L, args: &[&str]) -> String {
        esc(&l.fill(self.lang, args))
    }

    /// A section id, unique across the grids' parts.
    fn sid(&self, base: &str) -> String {
        if self.part == 0 {
            base.to_string()
        } else {
            format!("{base}-{}", self.part + 1)
        }
    }

    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Opens the section `base` (its id made unique by [`Self::sid`]) with its heading.
    fn section_start(&mut self, base: &str, heading: L) {
        let _ = write!(
            self.out,
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            self.sid(base),
            self.t(heading)
        );
    }

    fn pct(&self, v: f64) -> String {
        svg::number(v, self.lang == Lang::Fr)
    }

    fn threshold(&self) -> Percent {
        self.c
            .companies
            .first()
            .map(|m| m.result.assessment.threshold)
            .unwrap_or_else(|| self.c.q.threshold_percent())
    }

    fn threshold_text(&self) -> String {
        let t = self.threshold().to_string();
        if self.lang == Lang::Fr {
            t.replace('.', ",")
        } else {
            t
        }
    }

    fn track_label(&self, t: Track) -> String {
        esc(self.c.q.track_label(t, self.lang))
    }

    fn target_track_label(&self, t: TargetTrack) -> String {
        match t {
            TargetTrack::Track(t) => self.track_label(t),
            TargetTrack::Headline => self.t(L::Headline),
        }
    }

    fn level_name(&self, maturity: u8) -> String {
        esc(self.c.q.maturity_label(maturity, self.lang))
    }

    fn badge(&self, maturity: u8) -> String {
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
    fn periods(&self, results: &mut dyn Iterator<Item = &CompanyResult>) -> String {
        let mut v: Vec<String> = results
            .map(|r| r.period.clone().unwrap_or_default().trim().to_string())
            .collect();
        v.sort();
        v.dedup();
        let v: Vec<String> = v
            .into_iter()
            .map(|p| {
                if p.is_empty() {
                    L::PeriodNotStated.get(self.lang)
                } else {
                    p
                }
            })
            .collect();
        esc(&v.join(", "))
    }

    fn current_period(&self) -> String {
        self.periods(&mut self.c.companies.iter().map(|m| m.result))
    }

    fn previous_period(&self) -> String {
        self.periods(&mut self.previous.iter())
    }

    fn document(&mut self) {
        let lang = self.lang.code();
        let title = self.t(L::DocTitle);
        let period = self.current_period();
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{title} — {period}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        );
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
    fn evidence_modes(&self) -> Vec<EvidenceMode> {
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
    fn mode_names(&self, modes: &[EvidenceMode]) -> String {
        modes
            .iter()
            .map(|m| m.label(self.lang))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn cover(&mut self) {
        let (id, version) = grid::id_version(self.c.q);
        let grid_title = esc(grid::title(self.c.q).get(self.lang));
        let modes = self.mode_names(&self.evidence_modes());
        let _ = write!(
            self.out,
            "<header class=\"cover\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
            self.t(L::DocTitle),
            self.t(L::DocSubtitle)
        );
        if self.o.anonymize {
            let _ = writeln!(
                self.out,
                "<p class=\"anon\">{}</p>",
                self.t(L::AnonymisedEdition)
            );
        }
        let mut rows = vec![(self.t(L::CoverCampaign), self.current_period())];
        if self.c.has_previous {
            rows.push((self.t(L::CoverPrevious), self.previous_period()));
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
            rows.push((self.t(L::CoverGrids), list));
        } else {
            let (grid_title, id, version) = match versions.first() {
                Some((g, _)) => (esc(grid::title(g).get(self.lang)), &g.id, &g.version),
                None => (grid_title, &id.to_string(), &version.to_string()),
            };
            rows.push((
                self.t(L::CoverGrid),
                format!("{grid_title} ({} {})", esc(id), esc(version)),
            ));
        }
        rows.push((
            self.t(L::CoverCompanies),
            self.c.companies.len().to_string(),
        ));
        rows.push((self.t(L::CoverEvidence), esc(&modes)));
        rows.push((self.t(L::CoverDate), esc(&self.o.date)));
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

    fn tile(&mut self, value: &str, out_of: Option<usize>, what: &str) {
        let of = out_of
            .map(|n| format!(" <small>{}</small>", self.f(L::OutOf, &[&n.to_string()])))
            .unwrap_or_default();
        let _ = writeln!(
            self.out,
            "<div class=\"tile\"><b>{value}{of}</b>{what}</div>"
        );
    }

    fn key_figures(&mut self) {
        let n = self.c.companies.len();
        let heads: Vec<&crate::scoring::Assessment> = self
            .c
            .companies
            .iter()
            .map(|m| &m.result.assessment)
            .collect();
        let n2 = heads.iter().filter(|a| a.headline_level >= 2).count();
        let any0 = heads
            .iter()
            .filter(|a| a.tracks.iter().any(|t| t.level == 0))
            .count();
        let provisional = heads.iter().filter(|a| a.provisional).count();
        self.section_start("key-figures", L::SecKeyFigures);
        self.push("<div class=\"tiles\">\n");
        self.tile(&n.to_string(), None, &self.t(L::TileCompanies));
        self.tile(&n2.to_string(), Some(n), &self.t(L::TileAtLeastN2));
        self.tile(&any0.to_string(), Some(n), &self.t(L::TileAnyN0));
        self.tile(
            &provisional.to_string(),
            Some(n),
            &self.t(L::TileProvisional),
        );
        let all: Vec<usize> = (0..n).collect();
        for &t in self.c.tracks() {
            if let Some(v) = self.c.mean_index(&all, t) {
                let what = self.f(L::TileMeanIndex, &[self.c.q.track_label(t, self.lang)]);
                self.tile(&self.pct(v), None, &what);
            }
        }
        if self.c.has_previous {
            let m = self.c.movement(TargetTrack::Headline);
            let matched = self.c.matched();
            let prev = self.previous_period();
            let up = self.f(L::TileMovedUp, &[&prev]);
            let down = self.f(L::TileMovedDown, &[&prev]);
            self.tile(&m.up.to_string(), Some(matched), &up);
            self.tile(&m.down.to_string(), Some(matched), &down);
        }
        if self.c.has_targets {
            let counts = self.c.target_counts();
            let good: usize = counts.values().map(|c| c[0] + c[1]).sum();
            let total: usize = counts.values().map(|c| c.iter().sum::<usize>()).sum();
            self.tile(&good.to_string(), Some(total), &self.t(L::TileTargets));
        }
        self.push("</div>\n</section>\n");
    }

    fn level_legend(&self) -> String {
        let mut s = format!("<p class=\"legend\"><b>{}</b> ", self.t(L::LevelsLegend));
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

    fn distribution(&mut self) {
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
            L::Headline.get(self.lang),
            self.c.distribution(TargetTrack::Headline),
        ));
        let max = charts
            .iter()
            .flat_map(|(_, d)| d.iter().copied())
            .max()
            .unwrap_or(0);
        self.section_start("distribution", L::SecDistribution);
        let _ = write!(
            self.out,
            "<figure>\n<figcaption>{}</figcaption>\n<div class=\"charts\">\n",
            self.t(L::DistributionIntro)
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

    fn transitions(&mut self) {
        let matched = self.c.matched();
        let elsewhere = self.c.on_other_grid();
        let new = self.c.companies.len() - matched - elsewhere;
        let (prev, cur) = (self.previous_period(), self.current_period());
        self.section_start("transitions", L::SecTransitions);
        if matched == 0 {
            let _ = writeln!(
                self.out,
                "<p>{}</p>\n</section>",
                self.t(L::TransitionsNone)
            );
            return;
        }
        let _ = writeln!(
            self.out,
            "<p class=\"intro\">{}</p>",
            self.f(
                L::TransitionsIntro,
                &[&matched.to_string(), &new.to_string(), &prev, &cur]
            )
        );
        if elsewhere > 0 {
            let _ = writeln!(
                self.out,
                "<p class=\"note intro\">{}</p>",
                self.f(L::TransitionsOtherGrid, &[&elsewhere.to_string()])
            );
        }
        if self.c.compares_versions() {
            let _ = writeln!(
                self.out,
                "<p class=\"note intro\">{}</p>",
                self.t(L::TransitionsAcrossVersions)
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
                self.f(L::TransitionCorner, &[&prev, &cur])
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
                    TargetTrack::Headline => L::Headline.get(self.lang),
                };
                (label, [m.up, m.same, m.down])
            })
            .collect();
        let title = L::FigMovement.get(self.lang);
        let legend = [
            L::MovedUp.get(self.lang),
            L::Stayed.get(self.lang),
            L::MovedDown.get(self.lang),
        ];
        let chart = svg::movement_bars(&title, &rows, [&legend[0], &legend[1], &legend[2]]);
        let _ = write!(
            self.out,
            "<figure>\n<figcaption>{}</figcaption>\n{chart}\n</figure>\n</section>\n",
            esc(&title)
        );
    }

    fn sector_label(&self, g: &SectorGroup) -> String {
        match &g.key {
            SectorKey::Nace(s) => self.f(
                L::NaceSection,
                &[&s.to_string(), crate::nace::section_label(*s, self.lang)],
            ),
            SectorKey::Text(t) => esc(g.text.as_deref().unwrap_or(t)),
            SectorKey::NotStated => self.t(L::SectorNotStated),
            SectorKey::Other => self.t(L::OtherSectors),
        }
    }

    fn themes(&mut self) {
        let themes = grid::theme_ids(self.c.q);
        let anon = self.o.anonymize;
        self.section_start("themes", L::SecThemes);
        let _ = writeln!(
            self.out,
            "<p class=\"intro\">{}</p>",
            self.t(if anon {
                L::ThemesIntroAnonymised
            } else {
                L::ThemesIntro
            })
        );
        let groups = self.c.sector_groups(true);
        let rows: Vec<(String, Vec<usize>)> = if anon {
            groups
                .iter()
                .map(|g| (self.sector_label(g), g.members.clone()))
                .collect()
        } else {
            self.c
                .companies
                .iter()
                .enumerate()
                .map(|(i, m)| (esc(&m.result.company.name), vec![i]))
                .collect()
        };
        let first = if anon { L::Sector } else { L::Company };
        // A heat map taller than a page may continue on the next one (rows whole, header
        // repeated); shorter ones are kept whole.
        let long = if rows.len() > LONG_HEAT_MAP {
            " class=\"long\""
        } else {
            ""
        };
        for &t in self.c.tracks() {
            let caption = self.f(L::FigHeatmap, &[self.c.q.track_label(t, self.lang)]);
            let _ = write!(
                self.out,
                "<figure{long}>\n<figcaption>{caption}</figcaption>\n<table class=\"heat\">\n<thead><tr><th>{}</th>",
                self.t(first)
            );
            for id in &themes {
                let _ = write!(self.out, "<th>{}</th>", esc(id));
            }
            self.push("</tr></thead>\n<tbody>\n");
            for (label, members) in &rows {
                let scores = if anon {
                    self.c.mean_theme_scores(members, t)
                } else {
                    self.c.theme_scores(members[0], t)
                };
                let _ = write!(self.out, "<tr><td>{label}</td>");
                for k in 0..themes.len() {
                    match scores.get(k).copied().flatten() {
                        Some(v) => {
                            let (bg, ink) = svg::heat(v);
                            let _ = write!(
                                self.out,
                                "<td style=\"background:{bg};color:{ink}\">{}</td>",
                                v.round()
                            );
                        }
                        None => self.push("<td class=\"empty\">—</td>"),
                    }
                }
                self.push("</tr>\n");
            }
            self.push("</tbody>\n</table>\n");
            // The legend stays with the last heat map.
            if Some(&t) == self.c.tracks().last() {
                let _ = write!(
                    self.out,
                    "<p class=\"legend\"><b>{}</b> ",
                    self.t(L::ThemesLegend)
                );
                for id in &themes {
                    let _ = write!(
                        self.out,
                        "<span><b>{}</b> {}</span> ",
                        esc(id),
                        esc(self.c.q.theme_label(id, self.lang))
                    );
                }
                self.push("</p>\n");
            }
            self.push("</figure>\n");
        }
        self.push("</section>\n");
    }

    fn sectors(&mut self) {
        let anon = self.o.anonymize;
        let groups = self.c.sector_groups(anon);
        let by_nace = groups.iter().any(|g| matches!(g.key, SectorKey::Nace(_)));
        self.section_start("sectors", L::SecSectors);
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}",
            self.t(if by_nace {
                L::SectorsByNace
            } else {
                L::SectorsByText
            })
        );
        if anon {
            let _ = write!(self.out, " {}", self.t(L::SectorsMerged));
        }
        let _ = write!(
            self.out,
            "</p>\n<table class=\"sectors\">\n<thead><tr><th rowspan=\"2\">{}</th><th rowspan=\"2\" class=\"num\">{}</th><th colspan=\"5\" class=\"center\">{}</th>",
            self.t(L::Sector),
            self.t(L::ColCompanies),
            self.t(L::Headline)
        );
        for &t in self.c.tracks() {
            let _ = write!(
                self.out,
                "<th rowspan=\"2\" class=\"num\">{}</th>",
                self.f(L::ColMeanIndex, &[self.c.q.track_label(t, self.lang)])
            );
        }
        self.push("</tr>\n<tr>");
        for m in 0..5u8 {
            let _ = write!(self.out, "<th class=\"num\">{}</th>", maturity_code(m));
        }
        self.push("</tr></thead>\n<tbody>\n");
        for g in &groups {
            let mut d = [0usize; 5];
            for &i in &g.members {
                if let Some(m) = self.c.companies.get(i) {
                    d[usize::from(m.result.assessment.headline_level.min(4))] += 1;
                }
            }
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td class=\"num\">{}</td>",
                self.sector_label(g),
                g.members.len()
            );
            for n in d {
                let v = if n == 0 {
                    "·".to_string()
                } else {
                    n.to_string()
                };
                let _ = write!(self.out, "<td class=\"num\">{v}</td>");
            }
            for &t in self.c.tracks() {
                let v = self
                    .c
                    .mean_index(&g.members, t)
                    .map_or("—".to_string(), |v| self.pct(v));
                let _ = write!(self.out, "<td class=\"num\">{v}</td>");
            }
            self.push("</tr>\n");
        }
        self.push("</tbody>\n</table>\n</section>\n");
    }

    fn question_cell(&self, qi: usize) -> String {
        match grid::question(self.c.q, qi) {
            Some(q) => format!("<b>{}</b> {}", esc(&q.id), esc(q.text.get(self.lang))),
            None => String::new(),
        }
    }

    fn blocking(&mut self) {
        let rows = self.c.blocking_questions();
        self.section_start("blocking", L::SecBlocking);
        if rows.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>\n</section>", self.t(L::BlockingNone));
            return;
        }
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}</p>\n<table>\n<thead><tr><th>{}</th><th>{}</th>",
            self.t(L::BlockingIntro),
            self.t(L::ColQuestion),
            self.t(L::ColLevel)
        );
        for &t in self.c.tracks() {
            let _ = write!(self.out, "<th class=\"num\">{}</th>", self.track_label(t));
        }
        self.push("</tr></thead>\n<tbody>\n");
        for (qi, counts) in rows.iter().take(10) {
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

    fn next_steps(&mut self) {
        let rows = self.c.common_next_steps();
        self.section_start("next-steps", L::SecNextSteps);
        if rows.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>\n</section>", self.t(L::NextStepsNone));
            return;
        }
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}</p>\n<table class=\"steps-table\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            self.f(L::NextStepsIntro, &[&TOP_STEPS.to_string()]),
            self.t(L::ColQuestion),
            self.t(L::ColRecommendation),
            self.t(L::ColCompanies)
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

    fn status(&self, s: TargetStatus) -> String {
        match s {
            TargetStatus::Reached => format!(
                "<span class=\"status-reached\">✓ {}</span>",
                self.t(L::Reached)
            ),
            TargetStatus::OnTrack => format!(
                "<span class=\"status-on-track\">→ {}</span>",
                self.t(L::OnTrack)
            ),
            TargetStatus::Behind(r) => format!(
                "<span class=\"status-behind\">✗ {}</span> <span class=\"note\">({})</span>",
                self.t(L::Behind),
                self.t(match r {
                    BehindReason::Deadline => L::BehindDeadline,
                    BehindReason::Pace => L::BehindPace,
                    BehindReason::Dropped => L::BehindDropped,
                })
            ),
        }
    }

    fn targets_table(&mut self, members: &[usize], with_company: bool) {
        self.push("<table>\n<thead><tr>");
        if with_company {
            let _ = write!(self.out, "<th>{}</th>", self.t(L::Company));
        }
        let _ = write!(
            self.out,
            "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t(L::ColTrack),
            self.t(L::ColTarget),
            self.t(L::ColDeadline),
            self.t(L::ColCurrent),
            self.t(L::ColStatus)
        );
        for &i in members {
            let Some(m) = self.c.companies.get(i) else {
                continue;
            };
            for (t, s) in &m.targets {
                self.push("<tr>");
                if with_company {
                    let _ = write!(self.out, "<td>{}</td>", esc(&m.result.company.name));
                }
                let _ = writeln!(
                    self.out,
                    "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    self.target_track_label(t.track),
                    maturity_code(t.level),
                    esc(&t.deadline),
                    maturity_code(level_for(m.result, t.track)),
                    self.status(*s)
                );
            }
        }
        self.push("</tbody>\n</table>\n");
    }

    fn targets(&mut self) {
        self.section_start("targets", L::SecTargets);
        let _ = writeln!(
            self.out,
            "<p class=\"note intro\">{}</p>",
            self.t(L::TargetsIntro)
        );
        if self.o.anonymize {
            let _ = write!(
                self.out,
                "<p>{}</p>\n<table class=\"keep\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                self.t(L::TargetsCounts),
                self.t(L::ColTrack),
                self.t(L::Reached),
                self.t(L::OnTrack),
                self.t(L::Behind),
                self.t(L::ColTotal)
            );
            for (track, c) in self.c.target_counts() {
                let _ = writeln!(
                    self.out,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    self.target_track_label(track),
                    c[0],
                    c[1],
                    c[2],
                    c.iter().sum::<usize>()
                );
            }
            self.push("</tbody>\n</table>\n");
        } else {
            let all: Vec<usize> = (0..self.c.companies.len()).collect();
            self.targets_table(&all, true);
        }
        self.push("</section>\n");
    }

    /// The regulation-coverage summary, once per version of the grid that maps its questions
    /// to regulations: per framework, the requirements the grid covers on each track, then per
    /// covered requirement the companies that meet it, partly meet it and do not meet it.
    fn regulations(&mut self) {
        let versions: Vec<_> = self
            .c
            .versions()
            .into_iter()
            .filter(|(g, _)| grid::has_regulation_mappings(g))
            .collect();
        if versions.is_empty() {
            return;
        }
        self.section_start("regulations", L::SecRegulations);
        let _ = write!(
            self.out,
            "<p class=\"intro\">{}</p>\n<p class=\"disclaimer\">{}</p>\n",
            self.t(L::RegulationsIntro),
            esc(crate::coverage::disclaimer(self.lang))
        );
        let tracks_all = self.c.tracks().to_vec();
        for (g, n) in versions {
            let (id, version) = grid::id_version(g);
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.f(
                    L::RegulationsGrid,
                    &[&format!("{id} {version}"), &self.companies_count(n)]
                )
            );
            // Summary: requirements covered per track.
            let tracks: Vec<Track> = g.track_codes().to_vec();
            let _ = write!(
                self.out,
                "<table class=\"keep cov-summary\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th>",
                self.t(L::ColFramework),
                self.t(L::ColRequirements)
            );
            for &t in &tracks {
                let _ = write!(
                    self.out,
                    "<th class=\"num\">{}</th>",
                    self.f(L::ColCovered, &[g.track_label(t, self.lang)])
                );
            }
            self.push("</tr></thead>\n<tbody>\n");
            let counts: Vec<Vec<crate::coverage::FrameworkCount>> = tracks
                .iter()
                .map(|&t| crate::coverage::framework_counts(g, t))
                .collect();
            for (fi, f) in grid::frameworks(g).iter().enumerate() {
                let total = counts
                    .first()
                    .and_then(|c| c.get(fi))
                    .map_or(f.requirements.len(), |c| c.total);
                let _ = write!(
                    self.out,
                    "<tr><td>{}</td><td class=\"num\">{total}</td>",
                    esc(f.name.get(self.lang))
                );
                for c in &counts {
                    let v = c.get(fi).map_or(0, |c| c.covered);
                    let _ = write!(self.out, "<td class=\"num\">{v}</td>");
                }
                self.push("</tr>\n");
            }
            self.push("</tbody>\n</table>\n");
            // Per framework: the covered requirements and the companies per status.
            let rows = self.c.coverage(g);
            let legend = format!(
                "<p class=\"legend\">{} <span class=\"cov-met\">■ {}</span> · <span class=\"cov-part\">■ {}</span> · <span class=\"cov-not\">■ {}</span> · <span class=\"cov-na\">■ {}</span> — {}</p>\n",
                self.t(L::RegulationsLegend),
                esc(RequirementStatus::Met.label(self.lang)),
                esc(RequirementStatus::PartlyMet.label(self.lang)),
                esc(RequirementStatus::NotMet.label(self.lang)),
                esc(RequirementStatus::NotAnswered.label(self.lang)),
                self.t(L::RegulationsNotCovered)
            );
            self.push(&legend);
            for (fi, f) in grid::frameworks(g).iter().enumerate() {
                let mine: Vec<_> = rows.iter().filter(|r| r.framework == fi).collect();
                let covered: Vec<_> = mine
                    .iter()
                    .filter(|r| r.counts.iter().any(Option::is_some))
                    .collect();
                if covered.is_empty() {
                    continue;
                }
                let _ = write!(
                    self.out,
                    "<figure class=\"cov\">\n<figcaption>{}</figcaption>\n<table class=\"coverage\">\n<thead><tr><th>{}</th>",
                    esc(f.name.get(self.lang)),
                    self.t(L::ColRequirement)
                );
                for &t in &tracks {
                    let _ = write!(
                        self.out,
                        "<th class=\"num\">{}</th>",
                        esc(g.track_label(t, self.lang))
                    );
                }
                self.push("</tr></thead>\n<tbody>\n");
                for r in covered {
                    let Some(req) = f.requirements.get(r.requirement) else {
                        continue;
                    };
                    let _ = write!(
                        self.out,
                        "<tr><td><b>{}</b> {}</td>",
                        esc(&req.reference),
                        esc(req.title.get(self.lang))
                    );
                    for c in &r.counts {
                        match c {
                            None => self.push("<td class=\"num empty\">—</td>"),
                            Some(c) => {
                                let _ = write!(
                                    self.out,
                                    "<td class=\"num\"><span class=\"cov-met\">{}</span> · <span class=\"cov-part\">{}</span> · <span class=\"cov-not\">{}</span> · <span class=\"cov-na\">{}</span></td>",
                                    c[0], c[1], c[2], c[3]
                                );
                            }
                        }
                    }
                    self.push("</tr>\n");
                }
                self.push("</tbody>\n</table>\n");
                let uncovered: Vec<String> = mine
                    .iter()
                    .filter(|r| r.counts.iter().all(Option::is_none))
                    .filter_map(|r| f.requirements.get(r.requirement))
                    .map(|req| esc(&req.reference))
                    .collect();
                if !uncovered.is_empty() {
                    let _ = writeln!(
                        self.out,
                        "<p class=\"note\">{}</p>",
                        self.f(L::RegulationsUncovered, &[&uncovered.join(", ")])
                    );
                }
                self.push("</figure>\n");
            }
        }
        let _ = tracks_all;
        self.push("</section>\n");
    }

    /// The part of the review for one grid: a heading when the campaign holds several grids,
    /// and which versions the figures combine when it holds several versions of this one.
    fn grid_part(&mut self) {
        let (id, version) = grid::id_version(self.c.q);
        let versions = self.c.versions();
        if self.cohorts.len() > 1 {
            let _ = writeln!(
                self.out,
                "<h2 class=\"part\">{}</h2>\n<p class=\"intro\">{}</p>",
                self.f(
                    L::GridPart,
                    &[
                        grid::title(self.c.q).get(self.lang),
                        id,
                        &self.companies_count(self.c.companies.len())
                    ]
                ),
                self.t(L::GridPartIntro)
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
                self.f(L::GridVersionsNote, &[id, &list, version])
            );
        }
    }

    /// The provenance paragraph of the campaign's grids (the grid's own text when it has one).
    fn provenance(&self) -> String {
        let mut texts: Vec<String> = self
            .cohorts
            .iter()
            .flat_map(|c| c.versions())
            .filter_map(|(g, _)| grid::provenance(g))
            .map(|t| t.get(self.lang).to_string())
            .collect();
        texts.dedup();
        if texts.is_empty() {
            self.t(L::Provenance)
        } else {
            esc(&texts.join(" "))
        }
    }

    /// “3 companies”.
    fn companies_count(&self, n: usize) -> String {
        let l = if n == 1 {
            L::CompaniesOne
        } else {
            L::CompaniesMany
        };
        l.fill(self.lang, &[&n.to_string()])
    }

    /// The company's regulation coverage: per framework of its grid, the requirements met,
    /// partly met and not met (tracks taken together). Empty when the grid maps no question.
    fn company_coverage(&self, r: &CompanyResult) -> String {
        if !grid::has_regulation_mappings(r.grid) {
            return String::new();
        }
        let counts = model::company_coverage(r);
        let mut rows = String::new();
        for (f, c) in grid::frameworks(r.grid).iter().zip(&counts) {
            if c.iter().sum::<usize>() == 0 {
                continue;
            }
            let _ = writeln!(
                rows,
                "<tr><td><abbr title=\"{}\">{}</abbr></td><td class=\"num cov-met\">{}</td><td class=\"num cov-part\">{}</td><td class=\"num cov-not\">{}</td></tr>",
                esc(f.name.get(self.lang)),
                esc(&f.id),
                c[0],
                c[1],
                c[2]
            );
        }
        if rows.is_empty() {
            return String::new();
        }
        format!(
            "<div class=\"keep cov-company\">\n<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n<p class=\"note\">{}</p>\n</div>\n",
            self.t(L::CompanyCoverageTitle),
            self.t(L::ColFramework),
            self.t(L::ShortMet),
            self.t(L::ShortPartly),
            self.t(L::ShortNotMet),
            self.t(L::CompanyCoverageRule)
        )
    }

    fn why_not_higher(&self, m: &Member<'_>) -> String {
        let mut s = String::new();
        let threshold = self.threshold_text();
        for t in &m.result.assessment.tracks {
            let label = self.c.q.track_label(t.track, self.lang);
            let line = match Level::from_rank(t.level + 1) {
                None => self.f(L::TopLevelReached, &[label]),
                Some(next) => {
                    let lr = t.level_result(next);
                    let level = format!(
                        "{} ({})",
                        next.code(),
                        self.c.q.maturity_label(next.rank(), self.lang)
                    );
                    let critical = lr
                        .failed_critical
                        .iter()
                        .filter_map(|&qi| grid::question(m.result.grid, qi))
                        .map(|q| q.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    match lr.score.percent() {
                        None => self.f(L::NotAchievedEmpty, &[label, &level]),
                        Some(v) => {
                            let score = self.pct(v);
                            match (lr.meets_threshold, critical.is_empty()) {
                                (false, true) => self
                                    .f(L::NotAchievedScore, &[label, &level, &score, &threshold]),
                                (false, false) => self.f(
                                    L::NotAchievedBoth,
                                    &[label, &level, &score, &threshold, &critical],
                                ),
                                _ => self
                                    .f(L::NotAchievedCritical, &[label, &level, &score, &critical]),
                            }
                        }
                    }
                }
            };
            let _ = writeln!(s, "<p>{line}</p>");
            let imbalanced = t.imbalanced_levels();
            if !imbalanced.is_empty() {
                let codes = imbalanced
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = writeln!(
                    s,
                    "<p class=\"note\">{}</p>",
                    self.f(L::Imbalanced, &[label, &codes])
                );
            }
        }
        s
    }

    fn company(&mut self, i: usize) {
        let Some(m) = self.c.companies.get(i) else {
            return;
        };
        let m = m.clone();
        let r = m.result;
        let a = &r.assessment;
        let company = &r.company;
        let grid_ref = format!("{} {}", r.grid.id, r.grid.version);
        let nace = company.nace().map(|n| {
            format!(
                "{} — {}",
                company.nace.as_deref().unwrap_or(""),
                n.label(self.lang)
            )
        });
        let mut meta: Vec<String> = Vec::new();
        let fields = [
            (L::Sector, company.sector.as_deref()),
            (L::Nace, nace.as_deref()),
            (L::CompanyCountry, company.country.as_deref()),
            (L::CompanyId, company.id.as_deref()),
            (L::Buyer, company.buyer.as_deref()),
            (L::Tier, company.tier.as_deref()),
            (L::CoverCampaign, Some(r.period.as_deref().unwrap_or("—"))),
            (L::CoverGrid, Some(grid_ref.as_str())),
        ];
        for (label, value) in fields {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                let item = esc(&L::LabelValue.fill(self.lang, &[&label.get(self.lang), v]));
                // Short items never break inside; the sector may be long.
                meta.push(
                    if label == L::Sector || label == L::Nace || label == L::Buyer {
                        item
                    } else {
                        format!("<span class=\"nw\">{item}</span>")
                    },
                );
            }
        }
        let meta = meta.join(" · ");
        let _ = write!(
            self.out,
            "<section class=\"company\">\n<h2>{}</h2>\n<p class=\"meta\">{meta}</p>\n<div class=\"levels\">\n",
            esc(&company.name)
        );
        let mut keys = vec![TargetTrack::Headline];
        keys.extend(a.tracks.iter().map(|t| TargetTrack::Track(t.track)));
        for k in keys {
            let mut lines = vec![self.target_track_label(k), self.badge(level_for(r, k))];
            let now = match k {
                TargetTrack::Track(t) => a.track(t).map(|x| x.index),
                TargetTrack::Headline => None,
            };
            match m.previous {
                Some(p) => {
                    let period = p.period.as_deref().unwrap_or("—");
                    let (was, is) = (level_for(p, k), level_for(r, k));
                    let change = self.t(match is.cmp(&was) {
                        std::cmp::Ordering::Greater => L::ChangeUp,
                        std::cmp::Ordering::Equal => L::ChangeSame,
                        std::cmp::Ordering::Less => L::ChangeDown,
                    });
                    lines.push(format!(
                        "<small>{}</small>",
                        self.f(L::PreviousLevel, &[period, maturity_code(was), &change])
                    ));
                    let then = match k {
                        TargetTrack::Track(t) => p.assessment.track(t).map(|x| x.index),
                        TargetTrack::Headline => None,
                    };
                    if let (Some(now), Some(then)) = (now, then) {
                        lines.push(format!(
                            "<small>{}</small>",
                            self.f(L::IndexWas, &[&self.pct(now), period, &self.pct(then)])
                        ));
                    }
                }
                None => {
                    if let Some(now) = now {
                        lines.push(format!(
                            "<small>{}</small>",
                            self.f(L::IndexNow, &[&self.pct(now)])
                        ));
                    }
                }
            }
            let _ = writeln!(self.out, "<div>{}</div>", lines.join("<br>"));
        }
        self.push("</div>\n");
        if let Some(p) = m.previous_elsewhere {
            let period = p.period.as_deref().unwrap_or("—");
            let grid = format!("{} {}", p.grid.id, p.grid.version);
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.f(L::PreviousOnOtherGrid, &[period, &grid])
            );
        } else if self.c.has_previous && m.previous.is_none() {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.t(L::NotInPrevious)
            );
        }
        if a.provisional {
            let least = a
                .tracks
                .iter()
                .map(|t| t.completeness())
                .fold(100.0_f64, f64::min);
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.f(L::Provisional, &[&self.pct(least)])
            );
        }
        // Profile.
        let labels: Vec<String> = a
            .tracks
            .iter()
            .map(|t| self.c.q.track_label(t.track, self.lang).to_string())
            .collect();
        let series: Vec<ProfileSeries<'_>> = a
            .tracks
            .iter()
            .zip(&labels)
            .map(|(t, label)| ProfileSeries {
                label,
                scores: std::array::from_fn(|k| t.levels[k].score.percent()),
                previous: m
                    .previous
                    .and_then(|p| p.assessment.track(t.track))
                    .map(|pt| std::array::from_fn(|k| pt.levels[k].score.percent())),
            })
            .collect();
        let title = L::FigProfile.get(self.lang);
        let threshold_label = L::ThresholdMark.fill(self.lang, &[&self.threshold_text()]);
        let prev_label = m
            .previous
            .map(|p| L::PreviousMark.fill(self.lang, &[p.period.as_deref().unwrap_or("—")]));
        let chart = svg::profile(
            &title,
            &series,
            self.threshold().as_f64(),
            &threshold_label,
            prev_label.as_deref(),
            self.lang == Lang::Fr,
        );
        // The regulation coverage, when the grid maps its questions, beside the chart.
        let coverage = self.company_coverage(r);
        if coverage.is_empty() {
            let _ = write!(
                self.out,
                "<figure>\n<figcaption>{}</figcaption>\n{chart}\n</figure>\n",
                esc(&title)
            );
        } else {
            let _ = write!(
                self.out,
                "<div class=\"profile-row\">\n<figure>\n<figcaption>{}</figcaption>\n{chart}\n</figure>\n{coverage}</div>\n",
                esc(&title)
            );
        }
        // Why not higher.
        let why = self.why_not_higher(&m);
        let _ = write!(
            self.out,
            "<div class=\"why keep\">\n<h3>{}</h3>\n{why}</div>\n",
            self.t(L::WhyNotHigher)
        );
        // Next steps.
        let _ = write!(self.out, "<div>\n<h3>{}</h3>\n", self.t(L::TopNextSteps));
        // Each track's first steps, a question listed once with the tracks it is a step for.
        let mut steps: Vec<(usize, Vec<Track>)> = Vec::new();
        for &t in self.c.tracks() {
            for k in self.c.top_steps(&m, t) {
                let Some(step) = a.next_steps.get(k) else {
                    continue;
                };
                match steps.iter_mut().find(|(s, _)| {
                    a.next_steps
                        .get(*s)
                        .is_some_and(|x| x.question == step.question)
                }) {
                    Some((_, tracks)) => tracks.push(t),
                    None => steps.push((k, vec![t])),
                }
            }
        }
        let any = !steps.is_empty();
        if any {
            self.push("<ul class=\"steps\">\n");
        }
        for (k, tracks) in &steps {
            let Some(step) = a.next_steps.get(*k) else {
                continue;
            };
            let Some(q) = grid::question(r.grid, step.question) else {
                continue;
            };
            let mut tags = vec![step.level.code().to_string()];
            if step.critical {
                tags.push(self.t(L::Critical));
            }
            tags.extend(tracks.iter().map(|&t| self.track_label(t)));
            let _ = writeln!(
                self.out,
                "<li class=\"step\"><b>{}</b> ({}) — {}</li>",
                esc(&q.id),
                tags.join(" · "),
                esc(q.recommendation.get(self.lang))
            );
        }
        if any {
            self.push("</ul>\n");
        }
        if !any {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(L::NextStepsNone));
        }
        self.push("</div>\n");
        if !m.targets.is_empty() {
            let _ = write!(
                self.out,
                "<div class=\"keep\">\n<h3>{}</h3>\n",
                self.t(L::CompanyTargets)
            );
            self.targets_table(&[i], false);
            self.push("</div>\n");
        }
        self.push("</section>\n");
    }

    /// The frameworks of the regulation coverage with their exact citations (each once, from
    /// the latest grid that defines it).
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
        for g in grids {
            for f in grid::frameworks(g) {
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
                    "<tr><td>{} <span class=\"note\">({})</span></td><td>{}{note}</td></tr>",
                    esc(f.name.get(self.lang)),
                    esc(&f.id),
                    esc(f.citation.get(self.lang))
                );
            }
        }
        if rows.is_empty() {
            return;
        }
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<p class=\"disclaimer\">{}</p>\n<table class=\"frameworks\">\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n",
            self.t(L::MethodFrameworks),
            esc(crate::coverage::disclaimer(self.lang)),
            self.t(L::ColFramework),
            self.t(L::ColCitation)
        );
    }

    fn annex(&mut self) {
        let _ = write!(
            self.out,
            "<section class=\"annex\">\n<h2>{}</h2>\n<h3>{}</h3>\n<table class=\"keep\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t(L::SecMethod),
            self.t(L::MethodLevels),
            self.t(L::ColCode),
            self.t(L::ColLevel),
            self.t(L::ColDefinition)
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
            self.t(L::MethodRuleTitle),
            self.f(L::MethodRule, &[&threshold]),
            self.f(L::MethodThreshold, &[&threshold]),
            self.f(L::MethodEvidence, &[&mode_names])
        );
        for mode in &modes {
            let _ = write!(
                self.out,
                "{} ",
                self.t(match mode {
                    EvidenceMode::Declarative => L::MethodDeclarative,
                    EvidenceMode::Substantiated => L::MethodSubstantiated,
                })
            );
        }
        let _ = write!(
            self.out,
            "</p>\n<p>{}</p>\n<p>{}</p>\n",
            self.t(L::MethodIndex),
            self.t(L::MethodMatching)
        );
        if self.c.has_targets {
            let _ = writeln!(
                self.out,
                "<h3>{}</h3>\n<p>{}</p>",
                self.t(L::CompanyTargets),
                self.t(L::TargetsIntro)
            );
        }
        if self.o.anonymize {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(L::MethodAnonymised));
        }
        if self.c.has_previous || self.cohorts.len() > 1 {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(L::MethodGrids));
        }
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<p class=\"provenance\">{}</p>\n<p class=\"note\">{}</p>\n",
            self.t(L::MethodProvenanceTitle),
            self.provenance(),
            self.f(L::MethodGenerated, &[&self.o.tool_version, &self.o.date])
        );
        self.annex_frameworks();
        self.push("</section>\n");
    }
}
