//! The fixtures the crate's unit tests share: the assessment "Exemple SA" created on the grid a
//! test names and answered through the reducer, and the time every test action is done at.

use crate::state::{Action, AppState, Profile};
use std::rc::Rc;
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::{AnswerValue, Lang, Track};
use yew::Reducible;

/// The time the tests' actions are done at (in the app, the clock read when an action is
/// dispatched).
pub const AT: &str = "2025-06-01T09:30:00Z";

/// `action` applied to `state`, done at [`AT`].
pub fn apply(state: Rc<AppState>, action: Action) -> Rc<AppState> {
    state.reduce(action.at(Some(AT.to_string())))
}

/// Grid `rhsf-fir` 1.0.0, the one most tests were written for.
pub fn grid_1_0() -> QuestionnaireRef {
    QuestionnaireRef {
        id: "rhsf-fir".into(),
        version: "1.0.0".into(),
    }
}

/// A state with no assessment yet, in English.
pub fn fresh() -> Rc<AppState> {
    Rc::new(AppState::new(
        vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap(),
        Lang::En,
    ))
}

/// The assessment "Exemple SA" created on `grid`, open, unanswered.
pub fn exemple_sa(grid: QuestionnaireRef) -> Rc<AppState> {
    apply(
        fresh(),
        Action::Create(
            Profile {
                name: "Exemple SA".into(),
                ..Profile::default()
            },
            grid,
        ),
    )
}

/// `state` with `value` answered to `question` for `track` in the open assessment.
pub fn answer(
    state: Rc<AppState>,
    question: &str,
    track: Track,
    value: AnswerValue,
) -> Rc<AppState> {
    apply(
        state,
        Action::SetValue {
            question: question.into(),
            track,
            value: Some(value),
        },
    )
}

/// "Exemple SA" on the default grid, with Q01 answered "yes" for child labour: one accepted
/// answer, to save, read back and score.
pub fn exemple_sa_answered() -> Rc<AppState> {
    answer(
        exemple_sa(crate::grids::default_choice()),
        "Q01",
        Track::CL,
        AnswerValue::Yes,
    )
}
