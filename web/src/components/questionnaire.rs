//! The questionnaire screen: the grid level by level (N1 → N4, each with its meaning), a theme
//! filter that shows one theme across the levels, progress per track and per level, and a
//! "next unanswered question" button that opens the right level and moves the focus there.

use crate::browser;
use crate::components::on_select;
use crate::components::question::QuestionCard;
use crate::i18n::{self, K};
use crate::state::{Action, SavedAssessment, View, first_unanswered, progress};
use vigilance_model::{Lang, Level, Track};
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
                        <span class="visually-hidden">{ " " }{ K::Answered.get(lang) }</span></span>
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
                <label for="theme-filter">{ K::ThemeFilter.get(lang) }</label>
                <select id="theme-filter" {onchange}>
                    <option value="" selected={current.is_empty()}>{ K::AllThemes.get(lang) }</option>
                    { for grid.themes.iter().map(|t| html! {
                        <option value={t.id.clone()} selected={current == t.id}>{ t.label.get(lang) }</option>
                    }) }
                </select>
            </div>
        }
    };

    let next = first_unanswered(grid, &a.accepted_sheet());
    let next_button = match next {
        Some((question, track)) => {
            let dispatch = dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::FocusAnswer {
                    question: question.clone(),
                    track,
                })
            });
            html! { <button type="button" class="primary" id="next-unanswered" {onclick}>{ K::NextUnanswered.get(lang) }</button> }
        }
        None => {
            let dispatch = dispatch.clone();
            let onclick =
                Callback::from(move |_: MouseEvent| dispatch.emit(Action::Show(View::Results)));
            html! {
                <p class="all-answered">{ K::AllAnswered.get(lang) }{ " · " }
                    <button type="button" class="link" {onclick}>{ K::SeeResults.get(lang) }</button></p>
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
                <span class="figure">{ i18n::answered_of(lang, p.answered, p.total) }</span>
            </div>
        }
    });

    let card = |q: &'static vigilance_model::Question| {
        let t = sheet.answers.get(&q.id);
        html! {
            <QuestionCard key={q.id.clone()} question={q} {lang}
                cl={t.and_then(|t| t.get(Track::CL)).cloned()}
                fl={t.and_then(|t| t.get(Track::FL)).cloned()}
                dispatch={dispatch.clone()} />
        }
    };

    let level_header = |l: Level| {
        let def = grid.level(l);
        let per_track = grid.track_codes().iter().map(|t| {
            let p = progress(grid, sheet, Some(*t), Some(l));
            html! { <li>{ grid.track_label(*t, lang) }{ lang.pick(" : ", ": ") }{ i18n::answered_of(lang, p.answered, p.total) }</li> }
        });
        html! {
            <header class="level-header">
                <h2 id={format!("level-{}", l.code())}>{ i18n::level_name(l.code(), def.map_or("", |d| d.label.get(lang))) }</h2>
                <p class="definition">{ def.map_or("", |d| d.definition.get(lang)) }</p>
                <ul class="level-progress-list">{ for per_track }</ul>
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
                html! { <button type="button" {onclick}>{ "← " }{ K::PreviousLevel.get(lang) }{ format!(" ({})", p.code()) }</button> }
            });
            let next = match Level::from_rank(l.rank() + 1) {
                Some(n) => {
                    let dispatch = dispatch.clone();
                    let onclick =
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::GoToLevel(n)));
                    html! { <button type="button" class="primary" {onclick}>{ K::NextLevel.get(lang) }{ format!(" ({}) →", n.code()) }</button> }
                }
                None => {
                    let dispatch = dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.emit(Action::Show(View::Results))
                    });
                    html! { <button type="button" class="primary" {onclick}>{ K::SeeResults.get(lang) }{ " →" }</button> }
                }
            };
            html! {
                <section class="level" aria-labelledby={format!("level-{}", l.code())}>
                    { level_header(l) }
                    { for questions }
                    <nav class="level-pager" aria-label={K::LevelPager.get(lang)}>{ prev }{ next }</nav>
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
                html! { <p>{ K::NoQuestionForTheme.get(lang) }</p> }
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
        let list = |key: K, id: &str, items: &[String]| {
            html! {
                <div class="upgrade-list" id={id.to_string()} data-count={items.len().to_string()}>
                    <h3>{ key.get(lang) }{ format!(" ({})", items.len()) }</h3>
                    if !items.is_empty() { <p>{ items.join(", ") }</p> }
                </div>
            }
        };
        html! {
            <section class="notice upgrade-note" id="upgrade-note" aria-labelledby="upgrade-note-title">
                <h2 id="upgrade-note-title">{ K::UpgradeDoneTitle.get(lang) }{ format!(" ({} → {})", note.from_version, grid.version) }</h2>
                { list(K::UpgradeCarried, "upgrade-carried", &note.carried) }
                { list(K::UpgradeRevised, "upgrade-revised", &note.revised) }
                { list(K::UpgradeAdded, "upgrade-added", &note.added) }
                <p>{ K::UpgradeProvisional.get(lang) }</p>
                <button type="button" id="upgrade-dismiss" onclick={dismiss}>{ K::UpgradeDismiss.get(lang) }</button>
            </section>
        }
    });

    html! {
        <div class="questionnaire">
            <h1 class="view-title">{ K::QuestionnaireTitle.get(lang) }{ " — " }{ a.title(lang) }</h1>
            <p class="grid-line muted" id="grid-line">{ grid.title.get(lang) }{ format!(" · {} {}", grid.id, grid.version) }</p>
            { upgrade }
            <div class="toolbar" role="region" aria-label={K::Progress.get(lang)}>
                <nav aria-label={K::LevelsNav.get(lang)}><ol class="level-tabs">{ for level_tabs }</ol></nav>
                <div class="toolbar-row">
                    { theme_select }
                    { next_button }
                </div>
                <div class="progress-row">{ for track_progress }</div>
            </div>
            { body }
        </div>
    }
}
