//! The results' Regulations section: for the framework chosen among those of the assessment's
//! grid, each requirement with its status per track (the coverage rule of
//! `vigilance_model::coverage`, as the result entry carries it), the requirements no question
//! covers listed as such, and the disclaimer that coverage is information, not a legal opinion.
//! The printed report holds the framework chosen, and says so.
//! Grids without frameworks show nothing. The default grid comes in the first download without
//! its mapping (`vigilance_grids::registry::is_partial`): the app loads the full file when the
//! results are first shown, and this section says so until it is there.

use crate::components::on_select;
use crate::grids;
use std::rc::Rc;
use vigilance_grids::registry;
use vigilance_model::coverage::{RequirementStatus, disclaimer};
use vigilance_model::{Lang, Track};
use vigilance_results::json::ResultEntry;
use vigilance_text::Web;
use yew::prelude::*;

/// What the Regulations section shows.
#[derive(Properties, PartialEq, Clone)]
pub struct RegulationsProps {
    /// Interface language.
    pub lang: Lang,
    /// The result (its grid and its coverage).
    pub entry: Rc<ResultEntry>,
    /// Why the grid's mapping could not be loaded, if it could not.
    #[prop_or_default]
    pub mapping_error: Option<String>,
}

/// The Regulations section of the results.
#[component]
pub fn Regulations(props: &RegulationsProps) -> Html {
    let lang = props.lang;
    let e = &props.entry;
    let grid = grids::of_ref(&e.questionnaire);
    let chosen = use_state(|| 0usize);
    if registry::is_partial(grid) {
        let (id, text) = match &props.mapping_error {
            None => ("regulations-loading", Web::RegulationsLoading),
            Some(_) => ("regulations-failed", Web::RegulationsLoadFailed),
        };
        return html! {
            <section class="regulations" id="regulations" aria-labelledby="regulations-title" aria-busy={props.mapping_error.is_none().to_string()}>
                <h2 id="regulations-title">{ Web::Regulations.text(lang) }</h2>
                <p class="muted" {id}>{ text.text(lang) }</p>
            </section>
        };
    }
    if grid.frameworks.is_empty() {
        return html! {};
    }
    let index = (*chosen).min(grid.frameworks.len() - 1);
    let fw = &grid.frameworks[index];
    let tracks: Vec<Track> = e.tracks.keys().copied().collect();

    let onchange = {
        let chosen = chosen.clone();
        on_select(move |v| chosen.set(v.parse().unwrap_or(0)))
    };
    let covered = fw
        .requirements
        .iter()
        .filter(|r| {
            e.coverage
                .iter()
                .any(|c| c.framework == fw.id && c.reference == r.reference)
        })
        .count();

    let rows = fw.requirements.iter().map(|r| {
        let cells = tracks.iter().map(|t| {
            // The track's name as the phone layout shows it before each status.
            let track = format!("{}{}", grid.track_label(*t, lang), Web::AfterLabel.text(lang));
            let c = e
                .coverage
                .iter()
                .find(|c| c.framework == fw.id && c.reference == r.reference && c.track == *t);
            match c {
                Some(c) => {
                    let label = RequirementStatus::from_code(&c.status)
                        .map_or(c.status.as_str(), |s| s.label(lang));
                    html! {
                        <td data-status={c.status.clone()} data-track={track}>
                            <span class={classes!("status", format!("status-{}", c.status))}>{ label }</span>
                            <span class="questions muted">{ format!(" ({})", c.questions.join(", ")) }</span>
                        </td>
                    }
                }
                None => html! {
                    <td data-status="not_covered" data-track={track} class="muted">{ Web::NotCoveredByGrid.text(lang) }</td>
                },
            }
        });
        html! {
            <tr data-ref={r.reference.clone()}>
                <th scope="row"><span class="ref">{ &r.reference }</span>{ " " }{ r.title.get(lang) }</th>
                { for cells }
            </tr>
        }
    });

    html! {
        <section class="regulations" id="regulations" aria-labelledby="regulations-title">
            <h2 id="regulations-title">{ Web::Regulations.text(lang) }</h2>
            <p class="disclaimer" id="coverage-disclaimer">{ disclaimer(lang) }</p>
            <div class="field inline no-print">
                <label for="framework-select">{ Web::Framework.text(lang) }</label>
                <select id="framework-select" {onchange}>
                    { for grid.frameworks.iter().enumerate().map(|(i, f)| html! {
                        <option value={i.to_string()} selected={i == index}>{ f.name.get(lang) }</option>
                    }) }
                </select>
            </div>
            // The report prints the framework chosen on screen, and says so (the workbook holds
            // them all).
            <p class="print-only" id="printed-framework">{ Web::PrintedFramework.fill(lang, &[("name", &fw.name.get(lang)), ("n", &grid.frameworks.len())]) }</p>
            <h3 id="framework-title">{ fw.name.get(lang) }</h3>
            <p class="citation muted">{ fw.citation.get(lang) }</p>
            if let Some(n) = &fw.note { <p class="hint">{ n.get(lang) }</p> }
            <p class="coverage-count">{ format!("{covered} / {} ", fw.requirements.len()) }{ Web::CoverageCounts.text(lang) }</p>
            <div class="table-scroll">
                <table class="coverage-table" aria-labelledby="framework-title">
                    <thead><tr>
                        <th scope="col">{ Web::Requirement.text(lang) }</th>
                        { for tracks.iter().map(|t| html! { <th scope="col">{ grid.track_label(*t, lang) }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
