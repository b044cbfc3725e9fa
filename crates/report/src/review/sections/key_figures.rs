//! The key figures: one tile per count (companies, at least N2, any track at N0, provisional,
//! carrying the heavy-`na` warning when any does),
//! per track's mean index and evidence share (the cohort's answers pooled), movement since the previous campaign and targets on course.

use crate::review::html::{Writer, esc};
use crate::review::targets::TargetTrack;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    fn tile(&mut self, value: &str, out_of: Option<usize>, what: &str) {
        let of = out_of
            .map(|n| {
                format!(
                    " <small>{}</small>",
                    self.f(Review::OutOf, &[("n", &n.to_string())])
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            self.out,
            "<div class=\"tile\"><b>{value}{of}</b>{what}</div>"
        );
    }

    pub(in crate::review) fn key_figures(&mut self) {
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
        let heavy_na = heads.iter().filter(|a| a.has_heavy_na()).count();
        self.section_start("key-figures", Review::SecKeyFigures);
        self.push("<div class=\"tiles\">\n");
        self.tile(&n.to_string(), None, &self.t(Review::TileCompanies));
        self.tile(&n2.to_string(), Some(n), &self.t(Review::TileAtLeastN2));
        self.tile(&any0.to_string(), Some(n), &self.t(Review::TileAnyN0));
        self.tile(
            &provisional.to_string(),
            Some(n),
            &self.t(Review::TileProvisional),
        );
        // Shown when some company carries the heavy-`na` warning (a cohort with none has nothing
        // to flag, and its pages keep their layout).
        if heavy_na > 0 {
            self.tile(&heavy_na.to_string(), Some(n), &self.t(Review::TileHeavyNa));
        }
        let all: Vec<usize> = (0..n).collect();
        for &t in self.c.tracks() {
            if let Some(v) = self.c.mean_index(&all, t) {
                let what = self.f(
                    Review::TileMeanIndex,
                    &[("track", &self.c.q.track_label(t, self.lang))],
                );
                self.tile(&self.pct(v), None, &what);
            }
        }
        // The evidence share, the cohort's answers pooled.
        for &t in self.c.tracks() {
            if let Some(v) = self.c.evidence_share(&all, t) {
                let what = self.f(
                    Review::TileEvidenceShare,
                    &[("track", &self.c.q.track_label(t, self.lang))],
                );
                self.tile(&esc(&self.lang.percent(&self.pct(v))), None, &what);
            }
        }
        // No "0 of 0" tile: without a company in both campaigns, or a target rated, the
        // sections below say so in words.
        if self.c.has_previous && self.c.matched() > 0 {
            let m = self.c.movement(TargetTrack::Headline);
            let matched = self.c.matched();
            let prev = self.previous_period();
            let up = self.f(Review::TileMovedUp, &[("period", &prev)]);
            let down = self.f(Review::TileMovedDown, &[("period", &prev)]);
            self.tile(&m.up.to_string(), Some(matched), &up);
            self.tile(&m.down.to_string(), Some(matched), &down);
        }
        if self.c.has_targets {
            let counts = self.c.target_counts();
            let good: usize = counts.values().map(|c| c[0] + c[1]).sum();
            let total: usize = counts.values().map(|c| c.iter().sum::<usize>()).sum();
            if total > 0 {
                self.tile(&good.to_string(), Some(total), &self.t(Review::TileTargets));
            }
        }
        self.push("</div>\n");
        self.push("</section>\n");
    }
}
