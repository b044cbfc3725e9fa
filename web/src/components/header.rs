//! The page header: the app's name, the open assessment (switchable when several are kept), the
//! language switch, and the three steps (profile, questionnaire, results).

use crate::components::on_select;
use crate::state::{Action, View};
use vigilance_model::Lang;
use vigilance_text::Web;
use yew::prelude::*;

/// What the header shows.
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    /// Interface language.
    pub lang: Lang,
    /// The screen shown.
    pub view: View,
    /// The assessments kept (id, name).
    pub assessments: Vec<(u32, String)>,
    /// The open assessment.
    #[prop_or_default]
    pub current: Option<u32>,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

/// The page header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    // The switch offers the next language of the catalogue, named in itself.
    let other = lang.next();
    let switch_lang = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(other)))
    };
    let tab = |view: View, label: Web| {
        let dispatch = props.dispatch.clone();
        let disabled = view != View::Start && props.current.is_none();
        let current = props.view == view;
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Show(view)));
        html! {
            <li><button type="button" class={classes!("tab", current.then_some("current"))}
                aria-current={current.then_some("page")} {disabled} {onclick}
                data-view={format!("{view:?}").to_lowercase()}>{ label.text(lang) }</button></li>
        }
    };
    let switcher = (props.assessments.len() > 1).then(|| {
        let dispatch = props.dispatch.clone();
        let onchange = on_select(move |v| {
            if let Ok(id) = v.parse() {
                dispatch.emit(Action::Open(id));
            }
        });
        html! {
            <div class="field inline switcher">
                <label for="assessment-switcher">{ Web::CurrentAssessment.text(lang) }</label>
                <select id="assessment-switcher" {onchange}>
                    if props.current.is_none() { <option value="" selected=true>{ "—" }</option> }
                    { for props.assessments.iter().map(|(id, name)| html! {
                        <option value={id.to_string()} selected={props.current == Some(*id)}>{ name }</option>
                    }) }
                </select>
            </div>
        }
    });
    let current_name = (props.assessments.len() == 1)
        .then_some(props.current)
        .flatten()
        .and_then(|id| props.assessments.iter().find(|(i, _)| *i == id))
        .map(|(_, name)| html! { <p class="current-name">{ name }</p> });
    html! {
        <header class="app-header">
            <div class="header-row">
                <div class="brand">
                    <p class="app-name">{ Web::AppTitle.text(lang) }</p>
                    <p class="tagline">{ Web::AppTagline.text(lang) }</p>
                </div>
                <div class="header-tools">
                    { switcher }
                    { current_name }
                    <button type="button" class="lang-switch" lang={other.code()}
                        aria-label={other.switch_to()} onclick={switch_lang}>{ other.name() }</button>
                </div>
            </div>
            <nav aria-label={Web::MainNav.text(lang)} class="steps-nav">
                <ol>
                    { tab(View::Start, Web::NavStart) }
                    { tab(View::Questionnaire, Web::NavQuestionnaire) }
                    { tab(View::Results, Web::NavResults) }
                </ol>
            </nav>
        </header>
    }
}
