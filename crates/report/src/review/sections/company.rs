//! One page per company: its details, levels with the change since the previous campaign, the
//! profile chart beside its regulation coverage, why not higher, its next steps and targets, and
//! what its analyst's engagement file adds (`sections::engagement`).

use super::regulations::status_class;
use crate::codes::{Level, Track, maturity_code};
use crate::coverage::{RequirementStatus, self_declared};
use crate::messages::Msg;
use crate::review::CompanyResult;
use crate::review::html::{Writer, esc};
use crate::review::model::{self, Member, grid, level_for};
use crate::review::svg::{self, ProfileSeries};
use crate::review::targets::TargetTrack;
use std::fmt::Write;
use vigilance_text::Review;

impl Writer<'_, '_> {
    /// The company's regulation coverage: per framework of its grid with a status, the
    /// requirements in each status with the tracks taken together (the one rule of
    /// `vigilance_model::coverage::combined`); per framework that only informs, how many of its
    /// linked answers are given. Labelled self-declared in declarative mode. Empty when the
    /// grid maps no question.
    fn company_coverage(&self, r: &CompanyResult) -> String {
        if !grid::has_regulation_mappings(r.grid) {
            return String::new();
        }
        let counts = model::company_coverage(r);
        let linked = model::company_linked_answers(r);
        let mut rows = String::new();
        for (fi, f) in grid::frameworks(r.grid).iter().enumerate() {
            let abbr = format!(
                "<abbr title=\"{}\">{}</abbr>",
                esc(f.name.get(self.lang)),
                esc(&f.id)
            );
            if f.kind.has_status() {
                let Some(c) = counts.get(fi) else { continue };
                if c.iter().sum::<usize>() == 0 {
                    continue;
                }
                let cells: String = RequirementStatus::ALL
                    .iter()
                    .map(|&s| {
                        format!(
                            "<td class=\"num {}\">{}</td>",
                            status_class(s),
                            c[s.index()]
                        )
                    })
                    .collect();
                let _ = writeln!(rows, "<tr><td>{abbr}</td>{cells}</tr>");
            } else {
                let Some(&(answered, total)) = linked.get(fi) else {
                    continue;
                };
                if total == 0 {
                    continue;
                }
                let _ = writeln!(
                    rows,
                    "<tr><td>{abbr}</td><td class=\"informs\" colspan=\"{}\">{}</td></tr>",
                    RequirementStatus::ALL.len(),
                    self.f(
                        Review::CovCompanyInforms,
                        &[("given", &answered), ("linked", &total)]
                    )
                );
            }
        }
        if rows.is_empty() {
            return String::new();
        }
        let heads: String = RequirementStatus::ALL
            .iter()
            .map(|s| format!("<th class=\"num\">{}</th>", esc(s.label(self.lang))))
            .collect();
        let declared = self_declared(r.assessment.evidence_mode, self.lang)
            .map(|l| format!(" <span class=\"self-declared\">({})</span>", esc(l)))
            .unwrap_or_default();
        format!(
            "<div class=\"keep cov-company\">\n<h3>{}{declared}</h3>\n<table>\n<thead><tr><th>{}</th>{heads}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n<p class=\"note\">{} {}</p>\n</div>\n",
            self.t(Review::CompanyCoverageTitle),
            self.t(Review::ColFramework),
            esc(Msg::CovTracksTogetherRule.text(self.lang)),
            self.t(Review::CovNotOpinion)
        )
    }

    /// The heavy-`na` warning of a company's result: the track levels where `na` leaves out
    /// more than a quarter of the question weight, with the share. Empty when none.
    fn heavy_na(&self, a: &crate::scoring::Assessment) -> String {
        let levels: Vec<String> = a
            .tracks
            .iter()
            .flat_map(|t| {
                t.heavy_na_levels().into_iter().map(move |l| {
                    let share = t.level_result(l).na_share().percent().unwrap_or(0.0);
                    (t.track, l, share)
                })
            })
            .map(|(t, l, share)| {
                format!(
                    "{} {} ({})",
                    self.c.q.track_label(t, self.lang),
                    l.code(),
                    self.lang.percent(&format!("{share:.1}"))
                )
            })
            .collect();
        if levels.is_empty() {
            return String::new();
        }
        format!(
            "<p class=\"note warning heavy-na\">{}</p>\n",
            self.f(Review::CompanyHeavyNa, &[("levels", &levels.join(", "))])
        )
    }

    /// A next step as a list item: the question, its level, whether critical, the tracks it
    /// is a step for, and its recommendation. `None` when `k` is no step of the company's.
    pub(super) fn step_item(
        &self,
        r: &CompanyResult,
        k: usize,
        tracks: &[Track],
    ) -> Option<String> {
        let step = r.assessment.next_steps.get(k)?;
        let q = grid::question(r.grid, step.question)?;
        let mut tags = vec![step.level.code().to_string()];
        if step.critical {
            tags.push(self.t(Review::Critical));
        }
        tags.extend(tracks.iter().map(|&t| self.track_label(t)));
        Some(format!(
            "<li class=\"step\"><b>{}</b> ({}) — {}</li>",
            esc(&q.id),
            tags.join(" · "),
            esc(q.recommendation.get(self.lang))
        ))
    }

    /// The company's evidence share per track: its answers that carry evidence, of those
    /// given. Empty when nothing is answered.
    fn evidence_line(&self, a: &crate::scoring::Assessment) -> String {
        let tracks: Vec<String> = a
            .tracks
            .iter()
            .filter_map(|t| {
                let share = crate::stats::evidence_share(t)?;
                Some(Review::EvidenceShareTrack.fill(
                    self.lang,
                    &[
                        ("track", &self.c.q.track_label(t.track, self.lang)),
                        ("percent", &self.pct(share)),
                        ("with", &t.with_evidence()),
                        ("answered", &t.answered),
                    ],
                ))
            })
            .collect();
        if tracks.is_empty() {
            return String::new();
        }
        format!(
            "<p class=\"note evidence-share\">{}</p>\n",
            self.f(Review::EvidenceShare, &[("tracks", &tracks.join(" · "))])
        )
    }

    fn why_not_higher(&self, m: &Member<'_>) -> String {
        let mut s = String::new();
        let threshold = self.threshold_text();
        for t in &m.result.assessment.tracks {
            let label = self.c.q.track_label(t.track, self.lang);
            let line = match Level::from_rank(t.level + 1) {
                None => self.f(Review::TopLevelReached, &[("track", &label)]),
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
                        None => self.f(
                            Review::NotAchievedEmpty,
                            &[("track", &label), ("level", &level)],
                        ),
                        Some(v) => {
                            let score = self.pct(v);
                            match (lr.meets_threshold, critical.is_empty()) {
                                (false, true) => self.f(
                                    Review::NotAchievedScore,
                                    &[
                                        ("track", &label),
                                        ("level", &level),
                                        ("score", &score),
                                        ("threshold", &threshold),
                                    ],
                                ),
                                (false, false) => self.f(
                                    Review::NotAchievedBoth,
                                    &[
                                        ("track", &label),
                                        ("level", &level),
                                        ("score", &score),
                                        ("threshold", &threshold),
                                        ("questions", &critical),
                                    ],
                                ),
                                (true, false) => self.f(
                                    Review::NotAchievedCritical,
                                    &[
                                        ("track", &label),
                                        ("level", &level),
                                        ("score", &score),
                                        ("questions", &critical),
                                    ],
                                ),
                                // Only the grid's limits on `na` refuse it: said below.
                                (true, true) => String::new(),
                            }
                        }
                    }
                }
            };
            if !line.is_empty() {
                let _ = writeln!(s, "<p>{line}</p>");
            }
            if let Some(next) = Level::from_rank(t.level + 1)
                && t.level_result(next).too_many_na
                && let Some(min) = m.result.assessment.min_applicable
            {
                let lr = t.level_result(next);
                let level = format!(
                    "{} ({})",
                    next.code(),
                    self.c.q.maturity_label(next.rank(), self.lang)
                );
                let applicable = self.pct(lr.applicable_share().percent().unwrap_or(0.0));
                let min = self.lang.decimal(&min.to_string());
                let _ = writeln!(
                    s,
                    "<p>{}</p>",
                    self.f(
                        Review::NotAchievedTooManyNa,
                        &[
                            ("track", &label),
                            ("level", &level),
                            ("percent", &applicable),
                            ("min", &min),
                        ],
                    )
                );
            }
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
                    self.f(Review::Imbalanced, &[("track", &label), ("levels", &codes)])
                );
            }
        }
        s
    }

    /// Opens a company's page (`<section class="{class}">`) and writes its name, details,
    /// levels with the change since the previous campaign, and the notes on its result
    /// (compared on another grid, not in the previous campaign, heavy `na`, provisional).
    /// `kicker`, when given, is a line above the name.
    pub(super) fn company_head(&mut self, m: &Member<'_>, class: &str, kicker: Option<&str>) {
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
            (Review::Sector, company.sector.as_deref()),
            (Review::Nace, nace.as_deref()),
            (Review::CompanyCountry, company.country.as_deref()),
            (Review::CompanyId, company.id.as_deref()),
            (Review::Buyer, company.buyer.as_deref()),
            (Review::Tier, company.tier.as_deref()),
            (
                Review::CoverCampaign,
                Some(r.period.as_deref().unwrap_or("—")),
            ),
            (Review::CoverGrid, Some(grid_ref.as_str())),
        ];
        for (label, value) in fields {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                let item = esc(&Review::LabelValue.fill(
                    self.lang,
                    &[("label", &label.text(self.lang)), ("value", &v)],
                ));
                // Short items never break inside; the sector may be long.
                meta.push(
                    if label == Review::Sector || label == Review::Nace || label == Review::Buyer {
                        item
                    } else {
                        format!("<span class=\"nw\">{item}</span>")
                    },
                );
            }
        }
        let meta = meta.join(" · ");
        let kicker = kicker
            .map(|k| format!("<p class=\"kicker\">{k}</p>\n"))
            .unwrap_or_default();
        let _ = write!(
            self.out,
            "<section class=\"{class}\">\n{kicker}<h2>{}</h2>\n<p class=\"meta\">{meta}</p>\n<div class=\"levels\">\n",
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
                        std::cmp::Ordering::Greater => Review::ChangeUp,
                        std::cmp::Ordering::Equal => Review::ChangeSame,
                        std::cmp::Ordering::Less => Review::ChangeDown,
                    });
                    lines.push(format!(
                        "<small>{}</small>",
                        self.f(
                            Review::PreviousLevel,
                            &[
                                ("period", &period),
                                ("level", &maturity_code(was)),
                                ("change", &change)
                            ]
                        )
                    ));
                    let then = match k {
                        TargetTrack::Track(t) => p.assessment.track(t).map(|x| x.index),
                        TargetTrack::Headline => None,
                    };
                    if let (Some(now), Some(then)) = (now, then) {
                        lines.push(format!(
                            "<small>{}</small>",
                            self.f(
                                Review::IndexWas,
                                &[
                                    ("index", &self.pct(now)),
                                    ("period", &period),
                                    ("previous", &self.pct(then))
                                ]
                            )
                        ));
                    }
                }
                None => {
                    if let Some(now) = now {
                        lines.push(format!(
                            "<small>{}</small>",
                            self.f(Review::IndexNow, &[("index", &self.pct(now))])
                        ));
                    }
                }
            }
            let reviewed = r.engagement.as_ref().and_then(|e| e.reviewed.as_ref());
            let reviewed = reviewed.map(|x| match k {
                TargetTrack::Headline => x.headline_level,
                TargetTrack::Track(t) => x.track(t).map_or(0, |t| t.level),
            });
            lines.extend(self.reviewed_level_line(reviewed));
            let _ = writeln!(self.out, "<div>{}</div>", lines.join("<br>"));
        }
        self.push("</div>\n");
        if let Some(p) = m.previous_elsewhere {
            let period = p.period.as_deref().unwrap_or("—");
            let grid = format!("{} {}", p.grid.id, p.grid.version);
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.f(
                    Review::PreviousOnOtherGrid,
                    &[("period", &period), ("grid", &grid)]
                )
            );
        } else if self.c.has_previous && m.previous.is_none() {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.t(Review::NotInPrevious)
            );
        }
        let heavy = self.heavy_na(a);
        self.push(&heavy);
        let evidence = self.evidence_line(a);
        self.push(&evidence);
        if a.provisional {
            // Each track's completeness: one figure for the sheet would hide a track left
            // unanswered behind the other.
            let tracks = a
                .tracks
                .iter()
                .map(|t| {
                    Review::TrackAnswered.fill(
                        self.lang,
                        &[
                            (
                                "track",
                                &self.c.q.track_label(t.track, self.lang).to_string(),
                            ),
                            ("percent", &self.pct(t.completeness())),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.f(Review::Provisional, &[("tracks", &tracks)])
            );
        }
    }

    /// The company's profile chart, with its regulation coverage beside it when its grid maps
    /// its questions.
    pub(super) fn company_profile(&mut self, m: &Member<'_>) {
        let r = m.result;
        let a = &r.assessment;
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
        let title = Review::FigProfile.text(self.lang);
        let threshold_label =
            Review::ThresholdMark.fill(self.lang, &[("threshold", &self.threshold_text())]);
        let prev_label = m.previous.map(|p| {
            Review::PreviousMark.fill(
                self.lang,
                &[("period", &p.period.as_deref().unwrap_or("—"))],
            )
        });
        let chart = svg::profile(
            title,
            &series,
            self.threshold().as_f64(),
            &threshold_label,
            prev_label.as_deref(),
            self.lang,
        );
        // The regulation coverage, when the grid maps its questions, beside the chart.
        let coverage = self.company_coverage(r);
        if coverage.is_empty() {
            let _ = write!(
                self.out,
                "<figure>\n<figcaption>{}</figcaption>\n{chart}\n</figure>\n",
                esc(title)
            );
        } else {
            let _ = write!(
                self.out,
                "<div class=\"profile-row\">\n<figure>\n<figcaption>{}</figcaption>\n{chart}\n</figure>\n{coverage}</div>\n",
                esc(title)
            );
        }
    }

    pub(in crate::review) fn company(&mut self, i: usize) {
        let Some(m) = self.c.companies.get(i) else {
            return;
        };
        let m = m.clone();
        let r = m.result;
        let a = &r.assessment;
        self.company_head(&m, "company", None);
        self.company_profile(&m);
        // Why not higher.
        let why = self.why_not_higher(&m);
        let _ = write!(
            self.out,
            "<div class=\"why keep\">\n<h3>{}</h3>\n{why}</div>\n",
            self.t(Review::WhyNotHigher)
        );
        // Next steps.
        let _ = write!(
            self.out,
            "<div>\n<h3>{}</h3>\n",
            self.t(Review::TopNextSteps)
        );
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
            if let Some(li) = self.step_item(r, *k, tracks) {
                let _ = writeln!(self.out, "{li}");
            }
        }
        if any {
            self.push("</ul>\n");
        }
        if !any {
            let _ = writeln!(self.out, "<p>{}</p>", self.t(Review::NextStepsNone));
        }
        self.push("</div>\n");
        if !m.targets.is_empty() {
            let _ = write!(
                self.out,
                "<div class=\"keep\">\n<h3>{}</h3>\n",
                self.t(Review::CompanyTargets)
            );
            self.targets_table(&[i], false);
            self.push("</div>\n");
        }
        if let Some(e) = &r.engagement {
            self.company_engagement(e);
        }
        self.push("</section>\n");
    }
}
