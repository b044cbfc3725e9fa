//! The results screen, recomputed as answers change: the company's headline level and each
//! track's level with its name, the four-level profile chart of each track, why the next level
//! is not reached (threshold or which critical question), the provisional warning with
//! completeness, theme scores, next steps with their recommendations (in the order of the
//! method), the investor-view switch and the comparison with an earlier assessment.

use crate::browser::{self, Reading};
use crate::components::chart::{Bar, ProfileChart};
use crate::components::on_select;
use crate::grids;
use crate::i18n::{self, K};
use crate::ondemand::ImportedPart;
use crate::state::{Action, Comparison};
use std::rc::Rc;
use vigilance_grids::registry;
use vigilance_model::codes::maturity_code;
use vigilance_model::scoring::StepReason;
use vigilance_model::{AnswerSheet, EvidenceMode, Lang, Level, Questionnaire, Track};
use vigilance_results::json::{ResultEntry, StepEntry, TrackEntry, reason_label};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The result compared with, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The earlier assessment's name (company and period, or file name).
    pub name: String,
    /// Its result.
    pub entry: ResultEntry,
    /// Change of each level score (now − earlier), in percentage points, computed from the exact
    /// scores (not from the rounded ones); `None` when either has no applicable question.
    pub deltas: Vec<(Track, Level, Option<f64>)>,
    /// The questions both assessments' grids share (how many), and those of them whose answer
    /// changed (`Q12 (CL)`), when the grids differ.
    pub shared_changes: (usize, Vec<String>),
}

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
}

fn pct(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| i18n::percent(lang, v))
}

fn level_text(grid: &Questionnaire, lang: Lang, level: u8) -> String {
    i18n::level_name(maturity_code(level), grid.maturity_label(level, lang))
}

/// The reasons a track is at its level, in `lang` (`min_applicable`: the grid's limit on
/// `na`, when it has one).
pub fn why_lines(
    grid: &Questionnaire,
    lang: Lang,
    t: &TrackEntry,
    threshold: f64,
    min_applicable: Option<f64>,
) -> Vec<String> {
    let mut out = Vec::new();
    let threshold_text = i18n::threshold(lang, threshold);
    match Level::from_rank(t.level + 1) {
        None => out.push(K::AllLevelsAchieved.get(lang).to_string()),
        Some(next) => {
            let name = i18n::level_name(
                next.code(),
                grid.level(next).map_or("", |d| d.label.get(lang)),
            );
            if let Some(le) = t.levels.get(&next) {
                match le.score {
                    None => out.push(i18n::no_applicable(lang, &name)),
                    Some(score) => {
                        let score = i18n::percent(lang, score);
                        out.push(if le.meets_threshold {
                            i18n::meets_threshold(lang, &name, &score, &threshold_text)
                        } else {
                            i18n::below_threshold(lang, &name, &score, &threshold_text)
                        });
                    }
                }
                if !le.failed_critical.is_empty() {
                    out.push(i18n::failed_critical(
                        lang,
                        &name,
                        &le.failed_critical.join(", "),
                    ));
                }
                if le.too_many_na {
                    let min = min_applicable.map_or_else(String::new, |m| i18n::threshold(lang, m));
                    out.push(i18n::fill(
                        K::WhyTooManyNa.get(lang),
                        &[
                            ("level", &name),
                            ("percent", &i18n::percent(lang, le.na_percent)),
                            ("min", &min),
                        ],
                    ));
                }
            }
        }
    }
    if !t.imbalanced.is_empty() {
        let codes: Vec<&str> = t.imbalanced.iter().map(|l| l.code()).collect();
        out.push(i18n::imbalanced(lang, &codes.join(", ")));
    }
    out
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
        facts.push(p.to_string());
    }
    let report_head = html! {
        <header class="report-head">
            <p class="print-only report-kicker">{ K::ReportFor.get(lang) }{ " · " }{ grid.title.get(lang) }</p>
            <h1 id="results-title">{ K::ResultsTitle.get(lang) }{ " — " }{ &company.name }</h1>
            if !facts.is_empty() { <p class="facts">{ facts.join(" · ") }</p> }
            <p class="facts muted">{ format!("{} {} · {} {} · ", e.questionnaire.id, e.questionnaire.version,
                K::Threshold.get(lang), i18n::threshold(lang, e.threshold)) }{ e.evidence_mode.label(lang) }</p>
        </header>
    };

    let headline = html! {
        <section class="headline" aria-labelledby="headline-title" data-level={e.headline_level.to_string()}>
            <h2 id="headline-title">{ K::Headline.get(lang) }</h2>
            <p class="headline-level">{ level_text(grid, lang, e.headline_level) }</p>
            <p class="hint">{ K::HeadlineHint.get(lang) }</p>
            <ul class="track-levels">
                { for e.tracks.iter().map(|(track, t)| html! {
                    <li data-track={track.code()} data-level={t.level.to_string()}>
                        <strong>{ grid.track_label(*track, lang) }{ lang.pick(" : ", ": ") }</strong>
                        { level_text(grid, lang, t.level) }
                    </li>
                }) }
            </ul>
        </section>
    };

    let provisional = e.provisional.then(|| {
        html! {
            <section class="notice warning provisional" role="status" aria-labelledby="provisional-title">
                <h2 id="provisional-title">{ K::Provisional.get(lang) }</h2>
                <p>{ K::ProvisionalText.get(lang) }</p>
                <ul>
                    { for e.tracks.iter().map(|(track, t)| html! {
                        <li>{ i18n::completeness_line(lang, grid.track_label(*track, lang), &i18n::percent(lang, t.completeness)) }</li>
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
                <label for="substantiated">{ K::Substantiated.get(lang) }</label>
                <p class="hint" id="substantiated-hint">{ K::SubstantiatedHint.get(lang) }</p>
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
                }
            })
            .collect();
        let why = why_lines(grid, lang, t, e.threshold, e.min_applicable_percent);
        // The heavy-`na` warning, next to the levels it concerns.
        let heavy: Vec<String> = Level::ALL
            .into_iter()
            .filter_map(|l| t.levels.get(&l).filter(|x| x.heavy_na).map(|x| (l, x)))
            .map(|(l, x)| {
                i18n::fill(
                    K::HeavyNaLine.get(lang),
                    &[("level", l.code()), ("percent", &i18n::percent(lang, x.na_percent))],
                )
            })
            .collect();
        let why_id = format!("why-{}", track.code());
        html! {
            <section class="track-card" data-track={track.code()} data-level={t.level.to_string()}
                aria-labelledby={format!("track-{}-title", track.code())}>
                <h2 id={format!("track-{}-title", track.code())}>{ label }</h2>
                <p class="track-level">{ level_text(grid, lang, t.level) }</p>
                <h3>{ K::Profile.get(lang) }</h3>
                <ProfileChart {lang} track={AttrValue::from(label.to_string())} {bars} threshold={e.threshold} />
                <table class="levels-table">
                    <caption class="visually-hidden">{ K::Profile.get(lang) }{ " — " }{ label }</caption>
                    <thead><tr><th scope="col">{ K::Level.get(lang) }</th><th scope="col">{ "%" }</th><th scope="col">{ K::Achieved.get(lang) }</th></tr></thead>
                    <tbody>
                    { for Level::ALL.into_iter().map(|l| {
                        let le = t.levels.get(&l);
                        let heavy = le.is_some_and(|x| x.heavy_na);
                        html! { <tr data-level={l.code()} data-heavy-na={heavy.then_some("true")}>
                            <th scope="row">{ l.code() }{ " " }<span class="muted">{ grid.level(l).map_or("", |d| d.label.get(lang)) }</span>
                                if heavy { { " " }<span class="badge heavy-na">{ K::HeavyNaBadge.get(lang) }</span> }</th>
                            <td class="num">{ pct(lang, le.and_then(|x| x.score)) }</td>
                            <td>{ if le.is_some_and(|x| x.achieved) { lang.pick("oui", "yes") } else { lang.pick("non", "no") } }</td>
                        </tr> }
                    }) }
                    </tbody>
                </table>
                if !heavy.is_empty() {
                    <ul class="heavy-na warning" role="note">
                        { for heavy.into_iter().map(|w| html! { <li>{ w }</li> }) }
                    </ul>
                }
                <h3 id={why_id.clone()}>{ K::Why.get(lang) }</h3>
                <ul class="why" aria-labelledby={why_id}>
                    { for why.into_iter().map(|w| html! { <li>{ w }</li> }) }
                </ul>
                <dl class="figures">
                    <dt>{ K::Complete.get(lang) }</dt><dd>{ i18n::percent(lang, t.completeness) }</dd>
                    <dt title={K::IndexHint.get(lang)}>{ K::Index.get(lang) }</dt><dd>{ i18n::percent(lang, t.index) }</dd>
                    <dt>{ K::KnowledgeGaps.get(lang) }</dt><dd>{ t.unknown_count }</dd>
                    if substantiated {
                        <dt>{ K::Unsubstantiated.get(lang) }</dt><dd data-unsubstantiated={t.unsubstantiated_count.to_string()}>{ t.unsubstantiated_count }</dd>
                    }
                </dl>
            </section>
        }
    });

    let themes = {
        let tracks: Vec<Track> = e.tracks.keys().copied().collect();
        html! {
            <section class="themes" aria-labelledby="themes-title">
                <h2 id="themes-title">{ K::ThemeScores.get(lang) }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ K::Theme.get(lang) }</th>
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
            <NextSteps key={track.code()} {lang} track={*track} steps={list} grid={e.questionnaire.clone()} dispatch={dispatch.clone()} />
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
            <section class="next-steps" aria-labelledby="steps-title">
                <h2 id="steps-title">{ K::NextSteps.get(lang) }</h2>
                <p class="hint">{ K::NextStepsIntro.get(lang) }</p>
                <div class="steps-columns">{ for steps }</div>
            </section>
            <crate::components::regulations::Regulations {lang} entry={props.entry.clone()} mapping_error={props.mapping_error.clone()} />
            { themes }
            <ComparisonPanel {lang} current={props.entry.clone()} compared={props.compared.clone()}
                comparison={props.comparison.clone()} others={props.others.clone()} dispatch={dispatch.clone()} />
            { props.takeaway.clone() }
        </div>
    }
}

/// What a track's next steps show.
#[derive(Properties, PartialEq, Clone)]
pub struct NextStepsProps {
    /// Interface language.
    pub lang: Lang,
    /// The track.
    pub track: Track,
    /// Its steps, in order.
    pub steps: Vec<StepEntry>,
    /// The grid of the result.
    pub grid: vigilance_model::answers::QuestionnaireRef,
    /// Sends changes to the reducer (go to a question).
    pub dispatch: Callback<Action>,
}

/// How many steps are shown before "show all".
pub const STEPS_SHOWN: usize = 5;

/// The next steps of one track.
#[component]
pub fn NextSteps(props: &NextStepsProps) -> Html {
    let lang = props.lang;
    let grid = grids::of_ref(&props.grid);
    let all = use_state(|| false);
    let item = |s: &StepEntry| {
        let reason = match s.reason.as_str() {
            "critical_next_level" => reason_label(StepReason::CriticalNextLevel, lang),
            "next_level" => reason_label(StepReason::NextLevel, lang),
            _ => reason_label(StepReason::Consolidate, lang),
        };
        let current = s
            .current
            .map_or(K::Unanswered.get(lang), |v| grid.value_label(v, lang));
        let go = {
            let dispatch = props.dispatch.clone();
            let question = s.question.clone();
            let track = s.track;
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::FocusAnswer {
                    question: question.clone(),
                    track,
                })
            })
        };
        html! {
            <li class="step" data-question={s.question.clone()} data-track={s.track.code()}>
                <p class="step-head">
                    <span class="qid">{ &s.question }</span>
                    <span class="badge level">{ s.level.code() }</span>
                    if s.critical { <span class="badge critical">{ K::Critical.get(lang) }</span> }
                    <span class="reason">{ reason }</span>
                </p>
                <p class="step-question">{ s.text.get(lang) }</p>
                <p class="step-current"><strong>{ K::CurrentAnswer.get(lang) }{ lang.pick(" : ", ": ") }</strong>{ current }</p>
                <p class="step-recommendation"><strong>{ K::Recommendation.get(lang) }{ lang.pick(" : ", ": ") }</strong>{ s.recommendation.get(lang) }</p>
                <button type="button" class="link no-print" onclick={go}>
                    { K::GoToQuestion.get(lang) }<span class="visually-hidden">{ format!(" {} — {}", s.question, grid.track_label(s.track, lang)) }</span>
                </button>
            </li>
        }
    };
    let (first, rest) = props.steps.split_at(STEPS_SHOWN.min(props.steps.len()));
    let toggle = (!rest.is_empty()).then(|| {
        let all2 = all.clone();
        let onclick = Callback::from(move |_: MouseEvent| all2.set(!*all2));
        let text = if *all {
            K::ShowFewerSteps.get(lang).to_string()
        } else {
            i18n::more_steps(lang, rest.len())
        };
        html! { <button type="button" class="link no-print" aria-expanded={all.to_string()} {onclick}>{ text }</button> }
    });
    let label = grid.track_label(props.track, lang);
    html! {
        <section class="track-steps" data-track={props.track.code()} aria-label={format!("{} — {}", K::NextSteps.get(lang), label)}>
            <h3>{ label }</h3>
            if props.steps.is_empty() {
                <p>{ K::NoNextSteps.get(lang) }</p>
            } else {
                <ol class="steps">
                    { for first.iter().map(item) }
                </ol>
                <ol class={classes!("steps", "steps-more", (!*all).then_some("collapsed"))} start={(first.len() + 1).to_string()}>
                    { for rest.iter().map(item) }
                </ol>
                { toggle }
            }
        </section>
    }
}

/// What the comparison panel shows.
#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonProps {
    /// Interface language.
    pub lang: Lang,
    /// The current result.
    pub current: Rc<ResultEntry>,
    /// The result compared with.
    #[prop_or_default]
    pub compared: Option<Rc<Compared>>,
    /// The comparison chosen.
    #[prop_or_default]
    pub comparison: Option<Comparison>,
    /// Other assessments kept in this browser.
    #[prop_or_default]
    pub others: Vec<(u32, String)>,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

fn delta_levels(a: u8, b: u8) -> String {
    match b.cmp(&a) {
        std::cmp::Ordering::Equal => "=".into(),
        _ => format!("{:+}", i16::from(b) - i16::from(a)),
    }
}

fn delta_points(lang: Lang, delta: Option<f64>) -> String {
    match delta {
        Some(d) => {
            let d = (d * 10.0).round() / 10.0;
            if d == 0.0 {
                "=".into()
            } else {
                let s = format!("{d:+.1}");
                match lang {
                    Lang::Fr => format!("{} pt", s.replace('.', ",")),
                    Lang::En => format!("{s} pt"),
                }
            }
        }
        _ => "—".into(),
    }
}

/// Comparison with an earlier assessment: another one kept here, or a file.
#[component]
pub fn ComparisonPanel(props: &ComparisonProps) -> Html {
    let lang = props.lang;
    let grid = grids::of_ref(&props.current.questionnaire);
    let error = use_state(|| None::<String>);
    let reading = use_mut_ref(|| None::<Reading>);

    let select = {
        let dispatch = props.dispatch.clone();
        let imported = props.comparison.clone();
        let onchange = on_select(move |v| {
            let choice = if let Some(id) = v.strip_prefix("saved:") {
                id.parse().ok().map(|id| Comparison::Saved { id })
            } else if v == "imported" {
                imported.clone()
            } else {
                None
            };
            dispatch.emit(Action::SetComparison(choice));
        });
        let chosen = match &props.comparison {
            Some(Comparison::Saved { id }) => format!("saved:{id}"),
            Some(Comparison::Imported { .. }) => "imported".into(),
            None => String::new(),
        };
        html! {
            <div class="field inline">
                <label for="compare-with">{ K::CompareWith.get(lang) }</label>
                <select id="compare-with" {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ K::NoComparison.get(lang) }</option>
                    { for props.others.iter().map(|(id, name)| {
                        let v = format!("saved:{id}");
                        html! { <option value={v.clone()} selected={chosen == v}>{ name }</option> }
                    }) }
                    if let Some(Comparison::Imported { name, .. }) = &props.comparison {
                        <option value="imported" selected={chosen == "imported"}>{ name }</option>
                    }
                </select>
            </div>
        }
    };

    let import = {
        let dispatch = props.dispatch.clone();
        let error = error.clone();
        let reading = reading.clone();
        let onchange = Callback::from(move |ev: Event| {
            let Some(input) = ev.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let dispatch = dispatch.clone();
            let error = error.clone();
            let done = Callback::from(move |(name, bytes): (String, Result<Vec<u8>, String>)| {
                let Ok(bytes) = bytes else {
                    return error.set(Some(K::ReadFailed.get(lang).to_string()));
                };
                // The sheet is read against the grid it names, loaded first when needed.
                let named = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(registry::peek_questionnaire);
                let missing = named
                    .as_ref()
                    .map(|(id, v)| grids::missing([(id.as_str(), v.as_str())]))
                    .unwrap_or_default();
                let dispatch = dispatch.clone();
                let error = error.clone();
                let read = Callback::from(move |loaded: Result<(), String>| {
                    if loaded.is_err() {
                        return error.set(Some(K::GridLoadFailed.get(lang).to_string()));
                    }
                    let dispatch = dispatch.clone();
                    let error = error.clone();
                    let compared = name.clone();
                    let parsed = Callback::from(move |parts: Result<Vec<ImportedPart>, String>| {
                        match compared_sheet(parts, lang) {
                            Ok(sheet) => {
                                error.set(None);
                                dispatch.emit(Action::SetComparison(Some(Comparison::Imported {
                                    name: compared.clone(),
                                    sheet: Box::new(sheet),
                                })));
                            }
                            Err(why) => {
                                error.set(Some(format!("{} {why}", K::ImportFailed.get(lang))))
                            }
                        }
                    });
                    crate::ondemand::read_answer_parts(&name, &bytes, lang, parsed);
                });
                crate::ondemand::load_grids(missing, read);
            });
            *reading.borrow_mut() = browser::read_picked_file(&input, done);
        });
        html! {
            <div class="field">
                <label for="compare-file">{ K::CompareImport.get(lang) }</label>
                <input type="file" id="compare-file" accept=".json,application/json" {onchange}
                    onclick={Callback::from(|_: MouseEvent| crate::ondemand::preload())} />
            </div>
        }
    };

    let table = props.compared.as_ref().map(|c| {
        let (a, b) = (&c.entry, &*props.current);
        let delta = |t: Track, l: Level| {
            c.deltas
                .iter()
                .find(|(x, y, _)| *x == t && *y == l)
                .and_then(|(_, _, d)| *d)
        };
        let mut rows: Vec<Html> = Vec::new();
        rows.push(html! {
            <tr data-row="headline">
                <th scope="row">{ K::Headline.get(lang) }</th>
                <td>{ maturity_code(a.headline_level) }</td>
                <td>{ maturity_code(b.headline_level) }</td>
                <td class="num">{ delta_levels(a.headline_level, b.headline_level) }</td>
            </tr>
        });
        for track in Track::ALL {
            let (Some(ta), Some(tb)) = (a.tracks.get(&track), b.tracks.get(&track)) else {
                continue;
            };
            let label = grid.track_label(track, lang);
            rows.push(html! {
                <tr data-row={format!("{}-level", track.code())} class="group">
                    <th scope="row">{ label }{ " — " }{ K::Level.get(lang) }</th>
                    <td>{ maturity_code(ta.level) }</td>
                    <td>{ maturity_code(tb.level) }</td>
                    <td class="num">{ delta_levels(ta.level, tb.level) }</td>
                </tr>
            });
            for l in Level::ALL {
                let sa = ta.levels.get(&l).and_then(|x| x.score);
                let sb = tb.levels.get(&l).and_then(|x| x.score);
                rows.push(html! {
                    <tr data-row={format!("{}-{}", track.code(), l.code())}>
                        <th scope="row" class="sub">{ label }{ " — " }{ l.code() }</th>
                        <td class="num">{ pct(lang, sa) }</td>
                        <td class="num">{ pct(lang, sb) }</td>
                        <td class="num">{ delta_points(lang, delta(track, l)) }</td>
                    </tr>
                });
            }
        }
        let same_grid = a.questionnaire == b.questionnaire;
        let note = (!same_grid).then(|| {
            if a.questionnaire.id == b.questionnaire.id {
                K::ComparedAcrossVersions.get(lang)
            } else {
                K::ComparedOtherGrid.get(lang)
            }
        });
        let shared = (!same_grid && a.questionnaire.id == b.questionnaire.id)
            .then(|| c.shared_changes.clone());
        html! {
            <>
            if let Some(n) = note {
                <p class="note" id="comparison-versions">{ n }{ format!(" ({} {} → {})", a.questionnaire.id, a.questionnaire.version, b.questionnaire.version) }</p>
            }
            <table class="comparison-table">
                <caption>{ i18n::compared_with(lang, &c.name) }</caption>
                <thead><tr>
                    <th scope="col"><span class="visually-hidden">{ K::Level.get(lang) }</span></th>
                    <th scope="col">{ K::Earlier.get(lang) }</th>
                    <th scope="col">{ K::Now.get(lang) }</th>
                    <th scope="col" class="num">{ K::Change.get(lang) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some((count, changed)) = shared {
                <p class="muted" id="comparison-shared">{ i18n::shared_questions(lang, count, &changed) }</p>
            }
            </>
        }
    });

    html! {
        <section class={classes!("comparison", props.compared.is_none().then_some("no-print"))}
            aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ K::Comparison.get(lang) }</h2>
            <div class="no-print comparison-controls">
                { select }
                { import }
            </div>
            if let Some(msg) = &*error {
                <p class="error" role="alert">{ msg }</p>
            }
            { table }
        </section>
    }
}

/// The one sheet of a file picked to compare with, or why it cannot be compared with (the
/// reader's own words, or a file that holds several companies).
fn compared_sheet(
    parts: Result<Vec<ImportedPart>, String>,
    lang: Lang,
) -> Result<AnswerSheet, String> {
    let mut parts = parts?;
    if parts.len() != 1 {
        return Err(K::CompareOneSheet.get(lang).to_string());
    }
    parts.remove(0).result.map(|imported| imported.sheet)
}
