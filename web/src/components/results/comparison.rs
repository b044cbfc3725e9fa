//! The comparison with an earlier assessment, on the results screen: the choice of what to
//! compare with (another assessment kept here, or a file), and the table of levels and level
//! scores, earlier (labelled with its period) and now, with the change; a warning when the
//! earlier assessment is another company's, and, across versions of a grid, that the questions
//! the new version added count as unanswered.

use super::compare_file::read_compared_file;
use super::pct;
use crate::browser::Reading;
use crate::components::on_select;
use crate::compute::Compared;
use crate::grids;
use crate::state::{Action, Comparison};
use std::rc::Rc;
use vigilance_model::codes::maturity_code;
use vigilance_model::{Lang, Level, Track};
use vigilance_results::json::ResultEntry;
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

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
                let s = lang.decimal(&format!("{d:+.1}"));
                Web::Points.fill(lang, &[("n", &s)])
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
                <label for="compare-with">{ Web::CompareWith.text(lang) }</label>
                <select id="compare-with" {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ Web::NoComparison.text(lang) }</option>
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
            let done = Callback::from(move |compared: Result<Comparison, String>| match compared {
                Ok(c) => {
                    error.set(None);
                    dispatch.emit(Action::SetComparison(Some(c)));
                }
                Err(message) => error.set(Some(message)),
            });
            *reading.borrow_mut() = read_compared_file(&input, lang, done);
        });
        html! {
            <div class="field">
                <label for="compare-file">{ Web::CompareImport.text(lang) }</label>
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
                <th scope="row">{ Web::Headline.text(lang) }</th>
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
                    <th scope="row">{ label }{ " — " }{ Web::Level.text(lang) }</th>
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
                Web::ComparedAcrossVersions.text(lang)
            } else {
                Web::ComparedOtherGrid.text(lang)
            }
        });
        let shared = (!same_grid && a.questionnaire.id == b.questionnaire.id)
            .then(|| c.shared_changes.clone());
        // Another company's file is compared all the same, with a warning.
        let same = |x: &str, y: &str| x.trim().to_lowercase() == y.trim().to_lowercase();
        let other_company = !same(&a.company.name, &b.company.name)
            || matches!((&a.company.id, &b.company.id), (Some(x), Some(y)) if !same(x, y));
        let other_company = other_company.then(|| {
            let untitled = |n: &str| {
                if n.trim().is_empty() { Web::Untitled.text(lang).to_string() } else { n.to_string() }
            };
            Web::ComparedOtherCompany.fill(
                lang,
                &[("earlier", &untitled(&a.company.name)), ("now", &untitled(&b.company.name))],
            )
        });
        // The earlier column says which period it is.
        let earlier = match a.period.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => Web::EarlierOf.fill(lang, &[("period", &p)]),
            None => Web::Earlier.text(lang).to_string(),
        };
        html! {
            <>
            if let Some(w) = other_company {
                <p class="notice warning" id="comparison-company" role="note">{ w }</p>
            }
            if let Some(n) = note {
                <p class="note" id="comparison-versions">{ n }{ format!(" ({} {} → {})", a.questionnaire.id, a.questionnaire.version, b.questionnaire.version) }
                    if shared.is_some() { { " " }{ Web::NewQuestionsUnanswered.text(lang) } }</p>
            }
            <table class="comparison-table">
                <caption>{ Web::ComparedWith.fill(lang, &[("name", &c.name)]) }</caption>
                <thead><tr>
                    <th scope="col"><span class="visually-hidden">{ Web::Level.text(lang) }</span></th>
                    <th scope="col">{ earlier }</th>
                    <th scope="col">{ Web::Now.text(lang) }</th>
                    <th scope="col" class="num">{ Web::Change.text(lang) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some((count, changed)) = shared {
                <p class="muted" id="comparison-shared">{ shared_questions(lang, count, &changed) }</p>
            }
            </>
        }
    });

    html! {
        <section class={classes!("comparison", props.compared.is_none().then_some("no-print"))}
            aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ Web::Comparison.text(lang) }</h2>
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

/// The questions two versions of a grid share, and those whose answer changed.
fn shared_questions(lang: Lang, count: usize, changed: &[String]) -> String {
    let changes = if changed.is_empty() {
        Web::NoAnswerChanged.text(lang).to_string()
    } else {
        Web::AnswersChanged.fill(lang, &[("list", &changed.join(", "))])
    };
    Web::SharedQuestions.fill(lang, &[("count", &count), ("changes", &changes)])
}
