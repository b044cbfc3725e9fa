//! The components of the app, each small, with typed `Properties` and `Callback`s (as in Yew's
//! `function_todomvc` example): [`app::App`] owns the state and the reducer; the others receive
//! what they show and a `dispatch` callback that sends [`crate::state::Action`]s back.

pub mod app;
pub mod chart;
pub mod engagement;
pub mod evidence;
pub mod header;
pub mod question;
pub mod questionnaire;
pub mod recovery;
pub mod regulations;
pub mod results;
pub mod start;
pub mod takeaway;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A callback for the `input` event of a text field, given the field's new value.
pub fn on_input_text(f: impl Fn(String) + 'static) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        let value = if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
            t.value()
        } else if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
            i.value()
        } else {
            return;
        };
        f(value)
    })
}

/// A callback for the `change` event of a `<select>`, given the selected value.
pub fn on_select(f: impl Fn(String) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| {
        if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
            f(s.value())
        }
    })
}
