//! The results screen, recomputed as answers change: the company's headline level and each
//! track's level with its name, the four-level profile chart of each track, why the next level
//! is not reached (threshold or which critical question), the provisional warning with
//! completeness, theme scores, next steps with their recommendations (in the order of the
//! method), the investor-view switch and the comparison with an earlier assessment.
//!
//! One file per part: this one lays the screen out (the headline, the track cards, the theme
//! scores); `why.rs` words why a track is at its level; `next_steps.rs` lists a track's next
//! steps; `comparison.rs` is the comparison panel, and `compare_file.rs` reads the file it
//! compares with.

mod compare_file;
mod comparison;
mod next_steps;
mod why;

pub use comparison::{ComparisonPanel, ComparisonProps};
pub use next_steps::{NextSteps, NextStepsProps, STEPS_SHOWN};
pub use why::why_lines;

use crate::components::chart::{Bar, ProfileChart};
use crate::compute::Compared;
use crate::format;
use crate::grids;
use crate::state::{Action, Comparison};
use std::rc::Rc;
use vigilance_model::codes::maturity_code;
use vigilance_model::{EvidenceMode, Lang, Level, Questionnaire, Track};
use vigilance_results::json::{ResultEntry, StepEntry};
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the results screen shows.
#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    /// Interface language.
    pub lang: Lang,
    /// The result of the open assessment.
    pub entry: Rc<ResultEntry>,
    /// The comparison, when one is chosen.
    #[prop_or_default]
    pub compared: Option<Rc<Compared>>,
    /// The comparison chosen.
    #[prop_or_default]
    pub comparison: Option<Comparison>,
    /// The other assessments kept in the browser (id, name), to compare with.
    #[prop_or_default]
    pub others: Vec<(u32, String)>,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
    /// The take-away buttons (downloads, print).
    #[prop_or_default]
    pub takeaway: Html,
    /// Why the grid's regulation mapping could not be loaded, if it could not.
    #[prop_or_default]
    pub mapping_error: Option<String>,
    /// When the answer sheet was last changed (RFC 3339): the assessment's date in the report.
    #[prop_or_default]
    pub updated: Option<String>,
    /// The analyst's review (`components::engagement`), after the track cards.
    #[prop_or_default]
    pub engagement: Html,
    /// The `na` answers without their justification (question, track): shown as such.
    #[prop_or_default]
    pub unjustified: Vec<(String, Track)>,
}

fn pct(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format::percent(lang, v))
}

fn level_text(grid: &Questionnaire, lang: Lang, level: u8) -> String {
    level_name(lang, maturity_code(level), grid.maturity_label(level, lang))
}

/// A level and its name: « N2 — Engagement exprimé ».
pub fn level_name(lang: Lang, code: &str, label: &str) -> String {
    Web::LevelName.fill(lang, &[("code", &code), ("label", &label)])
}

/// The results screen.
#[component]
pub fn ResultsView(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let e = &props.entry;
    let grid = grids::of_ref(&e.questionnaire);
    let dispatch = &props.dispatch;
    let substantiated = e.evidence_mode == EvidenceMode::Substantiated;

    let company = &e.company;
    let mut facts: Vec<String> = Vec::new();
    for f in [&company.sector, &company.country] {
        if let Some(v) = f.as_deref().filter(|v| !v.trim().is_empty()) {
            facts.push(v.to_string());
        }
    }
    if let Some(p) = e.period.as_deref().filter(|p| !p.trim().is_empty()) {
        facts.push(Web::ReportPeriod.fill(lang, &[("period", &p)]));
    }
    if let Some(d) = props.updated.as_deref().and_then(|d| d.get(..10)) {
        facts.push(Web::ReportDate.fill(lang, &[("date", &d)]));
    }
    // A report sent to a third party says where the grid comes from, and, on the light grid,
    // that its level is not the full grid's.
    let light = grids::is_light(&e.questionnaire.id);
    let report_head = html! {
        <header class="report-head">
            <p class="print-only report-kicker">{ Web::ReportFor.text(lang) }{ " · " }{ grid.title.get(lang) }</p>
            <h1 id="results-title" tabindex="-1">{ Web::ResultsTitle.text(lang) }{ " — " }{ &company.name }</h1>
            if !facts.is_empty() { <p class="facts" id="report-facts">{ facts.join(" · ") }</p> }
            <p class="facts muted" id="report-grid">{ format!("{} · {} {} · {} {} · ", grid.title.get(lang), e.questionnaire.id, e.questionnaire.version,
                Web::Threshold.text(lang), format::threshold(lang, e.threshold)) }{ e.evidence_mode.label(lang) }</p>
            if light {
                <p class="notice" id="light-caveat">{ Web::LightGridCaveat.text(lang) }</p>
            }
        </header>
    };

    let headline = html! {
        <section class="headline" aria-labelledby="headline-title" data-level={e.headline_level.to_string()}>
            <h2 id="headline-title">{ Web::Headline.text(lang) }</h2>
            <p class="headline-level">{ level_text(grid, lang, e.headline_level) }</p>
            <p class="hint">{ Web::HeadlineHint.text(lang) }</p>
            <ul class="track-levels">
                { for e.tracks.iter().map(|(track, t)| html! {
                    <li data-track={track.code()} data-level={t.level.to_string()}>
                        <strong>{ grid.track_label(*track, lang) }{ Web::AfterLabel.text(lang) }</strong>
                        { level_text(grid, lang, t.level) }
                    </li>
                }) }
            </ul>
        </section>
    };

    let provisional = e.provisional.then(|| {
        html! {
            <section class="notice warning provisional" role="status" aria-labelledby="provisional-title">
                <h2 id="provisional-title">{ Web::Provisional.text(lang) }</h2>
                <p>{ Web::ProvisionalText.text(lang) }</p>
                <ul>
                    { for e.tracks.iter().map(|(track, t)| html! {
                        <li>{ Web::CompletenessLine.fill(lang, &[("track", &grid.track_label(*track, lang)), ("value", &format::percent(lang, t.completeness))]) }</li>
                    }) }
                </ul>
            </section>
        }
    });

    let substantiated_switch = {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |ev: Event| {
            if let Some(i) = ev.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Action::SetSubstantiated(i.checked()));
            }
        });
        html! {
            <div class="switch no-print">
                <input type="checkbox" id="substantiated" checked={substantiated} {onchange}
                    aria-describedby="substantiated-hint" />
                <label for="substantiated">{ Web::Substantiated.text(lang) }</label>
                <p class="hint" id="substantiated-hint">{ Web::SubstantiatedHint.text(lang) }</p>
            </div>
        }
    };

    let track_cards = e.tracks.iter().map(|(track, t)| {
        let label = grid.track_label(*track, lang);
        let bars: Vec<Bar> = Level::ALL
            .into_iter()
            .map(|l| {
                let le = t.levels.get(&l);
                Bar {
                    code: l.code(),
                    score: le.and_then(|x| x.score),
                    achieved: le.is_some_and(|x| x.achieved),
                    counted: l.rank() <= t.level,
                    blocked: le.is_some_and(|x| x.meets_threshold && !x.achieved),
                }
            })
            .collect();
        let why = why_lines(grid, lang, t, e.threshold, e.min_applicable_percent);
        // The heavy-`na` warning, next to the levels it concerns.
        let heavy: Vec<String> = Level::ALL
            .into_iter()
            .filter_map(|l| t.levels.get(&l).filter(|x| x.heavy_na).map(|x| (l, x)))
            .map(|(l, x)| {
                let percent = format::percent(lang, x.na_percent);
                Web::HeavyNaLine.fill(lang, &[("level", &l.code()), ("percent", &percent)])
            })
            .collect();
        let why_id = format!("why-{}", track.code());
        html! {
            <section class="track-card" data-track={track.code()} data-level={t.level.to_string()}
                aria-labelledby={format!("track-{}-title", track.code())}>
                <h2 id={format!("track-{}-title", track.code())}>{ label }</h2>
                <p class="track-level">{ level_text(grid, lang, t.level) }</p>
                <h3>{ Web::Profile.text(lang) }</h3>
                <ProfileChart {lang} track={AttrValue::from(label.to_string())} {bars} threshold={e.threshold} />
                <table class="levels-table">
                    <caption class="visually-hidden">{ Web::Profile.text(lang) }{ " — " }{ label }</caption>
                    <thead><tr><th scope="col">{ Web::Level.text(lang) }</th><th scope="col">{ "%" }</th><th scope="col">{ Web::Achieved.text(lang) }</th></tr></thead>
                    <tbody>
                    { for Level::ALL.into_iter().map(|l| {
                        let le = t.levels.get(&l);
                        let heavy = le.is_some_and(|x| x.heavy_na);
                        html! { <tr data-level={l.code()} data-heavy-na={heavy.then_some("true")}>
                            <th scope="row">{ l.code() }{ " " }<span class="muted">{ grid.level(l).map_or("", |d| d.label.get(lang)) }</span>
                                if heavy { { " " }<span class="badge heavy-na">{ Web::HeavyNaBadge.text(lang) }</span> }</th>
                            <td class="num">{ pct(lang, le.and_then(|x| x.score)) }</td>
                            <td>{ if le.is_some_and(|x| x.achieved) { Web::Yes.text(lang) } else { Web::No.text(lang) } }</td>
                        </tr> }
                    }) }
                    </tbody>
                </table>
                if !heavy.is_empty() {
                    <ul class="heavy-na warning" role="note">
                        { for heavy.into_iter().map(|w| html! { <li>{ w }</li> }) }
                    </ul>
                }
                <h3 id={why_id.clone()}>{ Web::Why.text(lang) }</h3>
                <ul class="why" aria-labelledby={why_id}>
                    { for why.into_iter().map(|w| html! { <li>{ w }</li> }) }
                </ul>
                <dl class="figures">
                    <dt>{ Web::Complete.text(lang) }</dt><dd>{ format::percent(lang, t.completeness) }</dd>
                    <dt>{ Web::Index.text(lang) }</dt><dd>{ format::percent(lang, t.index) }
                        <span class="hint index-hint">{ Web::IndexHint.text(lang) }</span></dd>
                    <dt>{ Web::KnowledgeGaps.text(lang) }</dt><dd>{ t.unknown_count }</dd>
                    if substantiated {
                        <dt>{ Web::Unsubstantiated.text(lang) }</dt><dd data-unsubstantiated={t.unsubstantiated_count.to_string()}>{ t.unsubstantiated_count }</dd>
                    }
                </dl>
            </section>
        }
    });

    let themes = {
        let tracks: Vec<Track> = e.tracks.keys().copied().collect();
        html! {
            <section class="themes" aria-labelledby="themes-title">
                <h2 id="themes-title">{ Web::ThemeScores.text(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ Web::Theme.text(lang) }</th>
                        { for tracks.iter().map(|t| html! { <th scope="col" class="num">{ grid.track_label(*t, lang) }</th> }) }
                    </tr></thead>
                    <tbody>
                    { for grid.themes.iter().map(|th| html! {
                        <tr data-theme={th.id.clone()}>
                            <th scope="row">{ th.label.get(lang) }</th>
                            { for tracks.iter().map(|t| {
                                let v = e.tracks.get(t).and_then(|x| x.themes.get(&th.id).copied().flatten());
                                html! { <td class="num">{ pct(lang, v) }</td> }
                            }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
            </section>
        }
    };

    let steps = e.tracks.keys().map(|track| {
        let list: Vec<StepEntry> = e
            .next_steps
            .iter()
            .filter(|s| s.track == *track)
            .cloned()
            .collect();
        html! {
            <NextSteps key={track.code()} {lang} track={*track} steps={list} grid={e.questionnaire.clone()} dispatch={dispatch.clone()}
                unjustified={props.unjustified.iter().filter(|(_, t)| t == track).map(|(q, _)| q.clone()).collect::<Vec<_>>()} />
        }
    });

    html! {
        <div class="results" aria-labelledby="results-title">
            { report_head }
            <div class="results-top">
                { headline }
                { provisional }
            </div>
            { substantiated_switch }
            <div class="track-cards">{ for track_cards }</div>
            { props.engagement.clone() }
            <section class="next-steps" aria-labelledby="steps-title">
                <h2 id="steps-title">{ Web::NextSteps.text(lang) }</h2>
                <p class="hint">{ Web::NextStepsIntro.text(lang) }</p>
                <div class="steps-columns">{ for steps }</div>
            </section>
            <crate::components::regulations::Regulations {lang} entry={props.entry.clone()} mapping_error={props.mapping_error.clone()} />
            { themes }
            <ComparisonPanel {lang} current={props.entry.clone()} compared={props.compared.clone()}
                comparison={props.comparison.clone()} others={props.others.clone()} dispatch={dispatch.clone()} />
            { props.takeaway.clone() }
            // Where the grid comes from closes the printed report (the page footer, which says
            // it on screen, is not printed).
            if let Some(p) = &grid.provenance {
                <p class="provenance print-only" id="report-provenance">{ p.get(lang) }</p>
            }
        </div>
    }
}
