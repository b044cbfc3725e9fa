//! The next steps of one track: what to do, in the method's order, with the recommendation,
//! the current answer and a link to the question; the first few shown, the rest behind a
//! toggle.

use crate::grids;
use crate::state::Action;
use vigilance_model::scoring::StepReason;
use vigilance_model::{Lang, Track};
use vigilance_results::json::{StepEntry, reason_label};
use vigilance_text::Web;
use yew::prelude::*;

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
    /// The questions of this track answered `na` without a justification: their current answer
    /// says so (they count as unanswered).
    #[prop_or_default]
    pub unjustified: Vec<String>,
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
        let current = match s.current {
            Some(v) => grid.value_label(v, lang),
            None if props.unjustified.contains(&s.question) => Web::NaNotJustified.text(lang),
            None => Web::Unanswered.text(lang),
        };
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
        // The first download carries no recommendation text: the results load the grid's full
        // file when first shown (`vigilance_grids::registry::is_partial`), and are then
        // recomputed.
        let recommendation = if vigilance_grids::registry::is_partial(grid) {
            Web::GridLoading.text(lang)
        } else {
            s.recommendation.get(lang)
        };
        html! {
            <li class="step" data-question={s.question.clone()} data-track={s.track.code()}>
                <p class="step-head">
                    <span class="qid">{ &s.question }</span>
                    <span class="badge level">{ s.level.code() }</span>
                    if s.critical { <span class="badge critical">{ Web::Critical.text(lang) }</span> }
                    <span class="reason">{ reason }</span>
                </p>
                <p class="step-question">{ s.text.get(lang) }</p>
                <p class="step-current"><strong>{ Web::CurrentAnswer.text(lang) }{ Web::AfterLabel.text(lang) }</strong>{ current }</p>
                <p class="step-recommendation"><strong>{ Web::Recommendation.text(lang) }{ Web::AfterLabel.text(lang) }</strong>{ recommendation }</p>
                <button type="button" class="link no-print" onclick={go}>
                    { Web::GoToQuestion.text(lang) }<span class="visually-hidden">{ format!(" {} — {}", s.question, grid.track_label(s.track, lang)) }</span>
                </button>
            </li>
        }
    };
    let (first, rest) = props.steps.split_at(STEPS_SHOWN.min(props.steps.len()));
    let toggle = (!rest.is_empty()).then(|| {
        let all2 = all.clone();
        let onclick = Callback::from(move |_: MouseEvent| all2.set(!*all2));
        let text = if *all {
            Web::ShowFewerSteps.text(lang).to_string()
        } else {
            Web::ShowAllStepsMore.fill(lang, &[("n", &rest.len())])
        };
        html! { <button type="button" class="link no-print" aria-expanded={all.to_string()} {onclick}>{ text }</button> }
    });
    let label = grid.track_label(props.track, lang);
    html! {
        <section class="track-steps" data-track={props.track.code()} aria-label={format!("{} — {}", Web::NextSteps.text(lang), label)}>
            <h3>{ label }</h3>
            if props.steps.is_empty() {
                <p>{ Web::NoNextSteps.text(lang) }</p>
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
