//! The results' Regulations section: for the framework chosen among those of the assessment's
//! grid (its citation, status note and kind), each requirement with what the linked answers show
//! per track (the coverage rule of `vigilance_model::coverage`, as the result entry carries it:
//! a status for obligations, disclosure standards and guidance, "informs" for the other kinds,
//! never a status), the linked questions with their answers, the answers counted (answered,
//! excluded as `na`, with evidence), where the grid's bar sits against the text, and the grid's
//! notes on the requirement; the requirements no question covers listed as such; the disclaimer
//! that coverage is information, not a legal opinion, and in declarative mode the self-declared
//! label. The printed report holds the framework chosen, and says so.
//! Grids without frameworks show nothing. The default grid comes in the first download without
//! its mapping (`vigilance_grids::registry::is_partial`): the app loads the full file when the
//! results are first shown, and this section says so until it is there.

use crate::components::on_select;
use crate::grids;
use std::rc::Rc;
use vigilance_grids::registry;
use vigilance_model::coverage::{
    RequirementStatus, column_header, disclaimer, grid_coverage, informs_label, kind_label,
    requirement_bars, requirement_notes, self_declared,
};
use vigilance_model::mapping::Requirement;
use vigilance_model::{Lang, Track};
use vigilance_results::json::ResultEntry;
use vigilance_text::messages::colon;
use vigilance_text::{Msg, Web};
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

    let map = grid_coverage(grid);
    let statused = fw.kind.has_status();
    let rows = fw.requirements.iter().enumerate().map(|(ri, r)| {
        let m = map.iter().find(|m| m.framework == index && m.requirement == ri);
        let mut notes = m.map(|m| requirement_notes(grid, m, lang)).unwrap_or_default();
        let mut bars = m.map(|m| requirement_bars(grid, m, lang)).unwrap_or_default();
        // The requirement's own notes first, then each question's in the order of their ids.
        in_order(&mut notes, |a, b| question_of(a) > question_of(b));
        in_order(&mut bars, |a, b| question_of(a) > question_of(b));
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
                        .map_or_else(|| informs_label(lang), |s| s.label(lang));
                    // The linked questions in the grid's order of ids (Q18, Q24, Q39).
                    let mut linked: Vec<_> = c.questions.iter().zip(&c.answers).collect();
                    in_order(&mut linked, |a, b| a.0 > b.0);
                    let answers = linked
                        .into_iter()
                        .map(|(id, v)| {
                            let shown = v.map_or(Msg::CovUnanswered.text(lang), |v| grid.value_label(v, lang));
                            format!("{id}{} {shown}", colon(lang))
                        })
                        .collect::<Vec<_>>()
                        .join(" · ");
                    let figures = Msg::CovFigures.fill(
                        lang,
                        &[
                            ("answered", &c.answered),
                            ("linked", &c.questions.len()),
                            ("excluded", &c.excluded),
                            ("evidence", &c.with_evidence),
                        ],
                    );
                    html! {
                        <td data-status={c.status.clone()} data-track={track}>
                            <span class={classes!("status", format!("status-{}", c.status))}>{ label }</span>
                            if statused {
                                { for bars.iter().map(|b| html! { <span class="bar">{ b.clone() }</span> }) }
                            }
                            <span class="linked-answers">{ answers }</span>
                            <span class="figures muted">{ figures }</span>
                        </td>
                    }
                }
                // A requirement the grid links on another track only (a forced-labour norm) is
                // not a gap of this track.
                None if e.coverage.iter().any(|c| c.framework == fw.id && c.reference == r.reference) => html! {
                    <td data-status="other_track" data-track={track} class="muted">{ Web::OtherTrackOnly.text(lang) }</td>
                },
                None => html! {
                    <td data-status="not_covered" data-track={track} class="muted">{ Web::NotCoveredByGrid.text(lang) }</td>
                },
            }
        });
        html! {
            <tr data-ref={r.reference.clone()}>
                <th scope="row">
                    if let Some(shown) = shown_reference(r, lang) {
                        <span class="ref">{ shown }</span>{ " " }
                    }
                    { r.title.get(lang) }
                    if !notes.is_empty() || (!statused && !bars.is_empty()) {
                        <ul class="notes">
                            { for notes.iter().chain(if statused { [].iter() } else { bars.iter() }).map(|n| html! { <li>{ n.clone() }</li> }) }
                        </ul>
                    }
                </th>
                { for cells }
            </tr>
        }
    });
    let declared = self_declared(e.evidence_mode, lang).map(|_| {
        html! { <p class="self-declared" id="coverage-self-declared">{ Msg::CovSelfDeclaredNote.text(lang) }</p> }
    });

    html! {
        <section class="regulations" id="regulations" aria-labelledby="regulations-title">
            <h2 id="regulations-title">{ Web::Regulations.text(lang) }</h2>
            <p class="disclaimer" id="coverage-disclaimer">{ disclaimer(lang) }</p>
            { declared }
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
            <p class="framework-kind" data-kind={fw.kind.code()}>{ Msg::CovKind.text(lang) }{ " " }{ kind_label(fw.kind, lang) }
                if !statused { { " — " }{ Msg::CovInformsNote.text(lang) } }</p>
            <p class="hint coverage-hint">{ Msg::CovExcludedHint.text(lang) }</p>
            <p class="coverage-count">{ format!("{covered} / {} ", fw.requirements.len()) }{ Web::CoverageCounts.text(lang) }</p>
            <div class="table-scroll">
                <table class="coverage-table" aria-labelledby="framework-title">
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{ Web::Requirement.text(lang) }</th>
                            <th scope="colgroup" colspan={tracks.len().to_string()} class="status-header">{ column_header(lang) }</th>
                        </tr>
                        <tr>
                            { for tracks.iter().map(|t| html! { <th scope="col">{ grid.track_label(*t, lang) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// A requirement's reference as shown before its title, in the user's language: its label in
/// the grid (« Étape 1 », « Annexe, partie I (travail des enfants) », from grid 1.2.0 on); for a
/// grid without labels, the OECD guide's `Step 1` and the guiding principles' `GP 15` through
/// the catalogue; none when the title already starts with it (« Étape 1 : … »).
fn shown_reference(r: &Requirement, lang: Lang) -> Option<String> {
    let reference = r.reference.as_str();
    let shown = if r.label.is_some() {
        r.shown(lang).to_string()
    } else if let Some(n) = reference.strip_prefix("Step ") {
        Web::RefStep.fill(lang, &[("n", &n)])
    } else if let Some(n) = reference.strip_prefix("GP ") {
        Web::RefGuidingPrinciple.fill(lang, &[("n", &n)])
    } else {
        reference.to_string()
    };
    (!r.title.get(lang).starts_with(&shown)).then_some(shown)
}

/// The question a note is about, when it starts with one (`Q09: …`): the key that sorts notes.
fn question_of(note: &str) -> Option<&str> {
    let id = note.split(|c: char| !c.is_ascii_alphanumeric()).next()?;
    (id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit()))
        .then_some(id)
}

/// Sorts a short list in place, stably (`after(a, b)`: `a` goes after `b`): a few lines of
/// insertion sort rather than the standard library's sort, whose generic code costs about 2 KB
/// gzip of the first download per instantiation.
fn in_order<T>(list: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && after(&list[j - 1], &list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}
