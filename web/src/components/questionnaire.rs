//! The questionnaire screen: the grid level by level (N1 → N4, each with its meaning), a theme
//! filter that shows one theme across the levels, progress per track and per level, a
//! "next unanswered question" button that opens the right level and moves the focus there
//! (forward from the answer the user is at), "save my file", and, for an assessment on an
//! earlier grid version, the upgrade offer (once) or what the upgrade changed.

use crate::browser;
use crate::components::evidence::{DocumentList, Evidence};
use crate::components::on_select;
use crate::components::question::QuestionCard;
use crate::components::results::level_name;
use crate::compute::answers_file;
use crate::format::answered_of;
use crate::grids;
use crate::state::{
    Action, SavedAssessment, View, assessment_notes_key, first_unanswered, progress, upgrade_target,
};
use std::rc::Rc;
use vigilance_model::{Lang, Level, Track};
use vigilance_text::Web;
use yew::prelude::*;

/// What the questionnaire screen shows.
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionnaireProps {
    /// Interface language.
    pub lang: Lang,
    /// The open assessment.
    pub assessment: SavedAssessment,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
    /// The assessment was already copied onto the later version of its grid.
    #[prop_or_default]
    pub upgraded: bool,
}

/// The questionnaire screen.
#[component]
pub fn QuestionnaireView(props: &QuestionnaireProps) -> Html {
    // Read by the benchmark: the first question is on screen.
    use_effect_with((), |_| browser::mark("vigilance:first-question"));
    let lang = props.lang;
    let a = &props.assessment;
    let grid = crate::grids::of_sheet(&a.sheet);
    let sheet = &a.sheet;
    let dispatch = &props.dispatch;

    let level_tabs = Level::ALL.into_iter().map(|l| {
        let p = progress(grid, sheet, None, Some(l));
        let current = a.theme.is_none() && a.level == l;
        let label = grid.level(l).map_or("", |d| d.label.get(lang));
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::GoToLevel(l)))
        };
        html! {
            <li>
                <button type="button" class={classes!("level-tab", current.then_some("current"), p.is_complete().then_some("complete"))}
                    aria-current={current.then_some("step")} {onclick} data-level={l.code()}>
                    <span class="level-code">{ l.code() }</span>
                    <span class="level-label">{ label }</span>
                    <span class="level-progress">{ format!("{}/{}", p.answered, p.total) }
                        <span class="visually-hidden">{ " " }{ Web::Answered.text(lang) }</span></span>
                </button>
            </li>
        }
    });

    let theme_select = {
        let dispatch = dispatch.clone();
        let onchange =
            on_select(move |v| dispatch.emit(Action::SetTheme((!v.is_empty()).then_some(v))));
        let current = a.theme.clone().unwrap_or_default();
        html! {
            <div class="field inline">
                <label for="theme-filter">{ Web::ThemeFilter.text(lang) }</label>
                <select id="theme-filter" {onchange}>
                    <option value="" selected={current.is_empty()}>{ Web::AllThemes.text(lang) }</option>
                    { for grid.themes.iter().map(|t| html! {
                        <option value={t.id.clone()} selected={current == t.id}>{ t.label.get(lang) }</option>
                    }) }
                </select>
            </div>
        }
    };

    let next = first_unanswered(grid, &a.accepted_sheet());
    let next_button = match next {
        Some(_) => {
            let dispatch = dispatch.clone();
            let onclick =
                Callback::from(move |_: MouseEvent| dispatch.emit(Action::FocusNextUnanswered));
            html! { <button type="button" class="primary" id="next-unanswered" {onclick}>{ Web::NextUnanswered.text(lang) }</button> }
        }
        None => {
            let dispatch = dispatch.clone();
            let onclick =
                Callback::from(move |_: MouseEvent| dispatch.emit(Action::Show(View::Results)));
            html! {
                <p class="all-answered">{ Web::AllAnswered.text(lang) }{ " · " }
                    <button type="button" class="link" {onclick}>{ Web::SeeResults.text(lang) }</button></p>
            }
        }
    };

    let track_progress = grid.track_codes().iter().map(|t| {
        let p = progress(grid, sheet, Some(*t), None);
        let id = format!("progress-{}", t.code());
        html! {
            <div class="track-progress" data-track={t.code()} data-answered={p.answered.to_string()}>
                <label for={id.clone()}>{ grid.track_label(*t, lang) }</label>
                <progress id={id} max={p.total.to_string()} value={p.answered.to_string()}></progress>
                <span class="figure">{ answered_of(lang, p.answered, p.total) }</span>
            </div>
        }
    });

    let save = {
        let sheet = a.accepted_sheet();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (name, text) = answers_file(&sheet);
            let _ = browser::download(&name, "application/json", text.as_bytes());
        });
        html! { <button type="button" id="save-json" {onclick}>{ Web::SaveMyFile.text(lang) }</button> }
    };

    let revised = a
        .upgrade
        .as_ref()
        .map(|n| n.revised.clone())
        .unwrap_or_default();
    let reviews = crate::components::engagement::use_engagement_view(a, lang);
    let card = |q: &'static vigilance_model::Question| {
        let t = sheet.answers.get(&q.id);
        let kept = |track| a.has_kept_notes(&assessment_notes_key(&q.id, track));
        html! {
            <QuestionCard key={q.id.clone()} question={q} {lang}
                cl={t.and_then(|t| t.get(Track::CL)).cloned()}
                fl={t.and_then(|t| t.get(Track::FL)).cloned()}
                kept_cl={kept(Track::CL)} kept_fl={kept(Track::FL)}
                revised={revised.contains(&q.id)}
                review={reviews.as_ref().map(|v| crate::components::engagement::review_note(v, q, lang)).unwrap_or_default()}
                dispatch={dispatch.clone()} />
        }
    };

    let level_header = |l: Level| {
        let def = grid.level(l);
        let per_track = grid.track_codes().iter().map(|t| {
            let p = progress(grid, sheet, Some(*t), Some(l));
            html! { <li>{ grid.track_label(*t, lang) }{ Web::AfterLabel.text(lang) }{ answered_of(lang, p.answered, p.total) }</li> }
        });
        // The critical-question rule in sight (not in a tooltip), once per level that has some.
        let critical = grid.questions.iter().any(|q| q.level == l && q.critical);
        html! {
            <header class="level-header">
                <h2 id={format!("level-{}", l.code())} tabindex="-1">{ level_name(lang, l.code(), def.map_or("", |d| d.label.get(lang))) }</h2>
                <p class="definition">{ def.map_or("", |d| d.definition.get(lang)) }</p>
                <ul class="level-progress-list">{ for per_track }</ul>
                <p class="hint counts-unit">{ Web::CountsAreAnswers.text(lang) }</p>
                if critical {
                    <p class="hint critical-rule" id={critical_rule_id(l)}>
                        <span class="badge critical">{ Web::Critical.text(lang) }</span>{ " " }{ Web::CriticalHint.text(lang) }
                    </p>
                }
            </header>
        }
    };

    let body = match &a.theme {
        None => {
            let l = a.level;
            let questions = grid.questions.iter().filter(|q| q.level == l).map(card);
            let prev = Level::from_rank(l.rank() - 1).map(|p| {
                let dispatch = dispatch.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::GoToLevel(p)));
                html! { <button type="button" {onclick}>{ "← " }{ Web::PreviousLevel.text(lang) }{ format!(" ({})", p.code()) }</button> }
            });
            let next = match Level::from_rank(l.rank() + 1) {
                Some(n) => {
                    let dispatch = dispatch.clone();
                    let onclick =
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::GoToLevel(n)));
                    html! { <button type="button" class="primary" {onclick}>{ Web::NextLevel.text(lang) }{ format!(" ({}) →", n.code()) }</button> }
                }
                None => {
                    let dispatch = dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.emit(Action::Show(View::Results))
                    });
                    html! { <button type="button" class="primary" {onclick}>{ Web::SeeResults.text(lang) }{ " →" }</button> }
                }
            };
            html! {
                <section class="level" aria-labelledby={format!("level-{}", l.code())}>
                    { level_header(l) }
                    { for questions }
                    <nav class="level-pager" aria-label={Web::LevelPager.text(lang)}>{ prev }{ next }</nav>
                </section>
            }
        }
        Some(theme) => {
            let sections = Level::ALL.into_iter().filter_map(|l| {
                let qs: Vec<Html> = grid
                    .questions
                    .iter()
                    .filter(|q| q.level == l && &q.theme == theme)
                    .map(card)
                    .collect();
                (!qs.is_empty()).then(|| {
                    html! {
                        <section class="level" aria-labelledby={format!("level-{}", l.code())}>
                            { level_header(l) }
                            { for qs }
                        </section>
                    }
                })
            });
            let sections: Vec<Html> = sections.collect();
            if sections.is_empty() {
                html! { <p>{ Web::NoQuestionForTheme.text(lang) }</p> }
            } else {
                html! { <>{ for sections }</> }
            }
        }
    };

    let upgrade = a.upgrade.as_ref().map(|note| {
        let dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissUpgrade))
        };
        // Each question named is a link to it.
        let list = |key: Web, id: &str, items: &[String]| {
            let links = items.iter().enumerate().map(|(i, q)| {
                let track = grid.question(q).and_then(|x| x.tracks.first().copied());
                let dispatch = dispatch.clone();
                let question = q.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    if let Some(track) = track {
                        dispatch.emit(Action::FocusAnswer { question: question.clone(), track });
                    }
                });
                html! { <>{ if i > 0 { ", " } else { "" } }<button type="button" class="link" {onclick}>{ q }</button></> }
            });
            html! {
                <div class="upgrade-list" id={id.to_string()} data-count={items.len().to_string()}>
                    <h3>{ Web::LabelWithCount.fill(lang, &[("label", &key.text(lang)), ("n", &items.len())]) }</h3>
                    if !items.is_empty() { <p>{ for links }</p> }
                </div>
            }
        };
        html! {
            <section class="notice upgrade-note" id="upgrade-note" aria-labelledby="upgrade-note-title">
                <h2 id="upgrade-note-title" tabindex="-1">{ Web::UpgradeDoneTitle.text(lang) }{ format!(" ({} → {})", note.from_version, grid.version) }</h2>
                { list(Web::UpgradeCarried, "upgrade-carried", &note.carried) }
                { list(Web::UpgradeRevised, "upgrade-revised", &note.revised) }
                { list(Web::UpgradeAdded, "upgrade-added", &note.added) }
                <p>{ Web::UpgradeProvisional.text(lang) }</p>
                <button type="button" id="upgrade-dismiss" onclick={dismiss}>{ Web::UpgradeDismiss.text(lang) }</button>
            </section>
        }
    });

    // An assessment on an earlier version of its grid: the upgrade is offered here, where the
    // user lands, until the copy is made.
    let offer = (a.upgrade.is_none() && !props.upgraded)
        .then(|| upgrade_target(&a.sheet))
        .flatten()
        .map(|to| {
            let dispatch = dispatch.clone();
            let id = a.id;
            // The later version's change log is in its full file only.
            let onclick = Callback::from(move |_: MouseEvent| {
                grids::then_complete(dispatch.clone(), Action::Upgrade(id))
            });
            html! {
                <p class="notice upgrade-offer" id="upgrade-offer-here">
                    <strong>{ Web::UpgradeTitle.text(lang) }{ Web::AfterLabel.text(lang) }</strong>
                    { Web::UpgradeOffer.text(lang) }{ " " }
                    <button type="button" id="upgrade-here" {onclick}>{ format!("{} {}", Web::UpgradeButton.text(lang), to.version) }</button>
                </p>
            }
        });

    // The open assessment's documents, for the answers and the document list (issue 20).
    let evidence = Rc::new(Evidence {
        lang,
        assessment: Rc::new(a.clone()),
        dispatch: dispatch.clone(),
    });
    html! {
        <div class="questionnaire">
            <h1 class="view-title" id="questionnaire-title" tabindex="-1">{ Web::QuestionnaireTitle.text(lang) }{ " — " }{ a.title(lang) }</h1>
            <p class="grid-line muted" id="grid-line">{ grid.title.get(lang) }{ format!(" · {} {}", grid.id, grid.version) }</p>
            { offer.unwrap_or_default() }
            { upgrade.unwrap_or_default() }
            <div class="toolbar" role="region" aria-label={Web::Progress.text(lang)}>
                <nav aria-label={Web::LevelsNav.text(lang)}><ol class="level-tabs">{ for level_tabs }</ol></nav>
                <div class="toolbar-row">
                    { theme_select }
                    <div class="toolbar-actions">{ save }{ next_button }</div>
                </div>
                <div class="progress-row">{ for track_progress }</div>
            </div>
            <ContextProvider<Rc<Evidence>> context={evidence}>
                { body }
                <DocumentList />
            </ContextProvider<Rc<Evidence>>>
        </div>
    }
}

/// The id of the critical-question rule shown at the top of level `l`.
pub fn critical_rule_id(l: Level) -> String {
    format!("critical-rule-{}", l.code())
}
