//! The company's view of the engagement file, rendered without a browser (Yew SSR): the example
//! sheet and the engagement file the end-to-end test imports (`tests/e2e/fixtures`), in French
//! and in English.
// Natively only: in the browser build the module's readers are not linked in.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::rc::Rc;
use vigilance_model::Lang;
use vigilance_web::components::engagement::{EngagementPanel, EngagementProps};
use vigilance_web::components::questionnaire::{QuestionnaireProps, QuestionnaireView};
use vigilance_web::state::{Action, AppState, EngagementEdit, SavedAssessment};
use yew::{BaseComponent, Callback, LocalServerRenderer, Reducible};

fn render<C: BaseComponent>(props: C::Properties) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(
        &rt,
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The example sheet imported, with its engagement file (as the on-demand module reads it).
fn assessment(lang: Lang) -> SavedAssessment {
    let text = include_str!("../../questionnaires/examples/04-level2-construction.json");
    let parts = vigilance_web_module::read_answer_parts("04.json", text.as_bytes(), lang);
    let sheet = parts[0].result.clone().unwrap().sheet;
    let s = Rc::new(AppState::new(
        vigilance_grids::registry::default_grid(),
        lang,
    ));
    let s = s.reduce(Action::Import(vec![sheet], Default::default()).at(None));
    let accepted = s.current().unwrap().accepted_sheet();
    let bytes = include_bytes!("../../tests/e2e/fixtures/engagement-construction-2025.json");
    let read = vigilance_web_module::read_engagement(bytes, &accepted, lang).unwrap();
    let s = s.reduce(Action::Engagement(EngagementEdit::Import(read.engagement)).at(None));
    s.current().unwrap().clone()
}

#[test]
fn the_results_show_both_levels_and_the_action_plan_in_both_languages() {
    for (lang, title, rejected, status) in [
        (Lang::En, "Analyst review", "Rejected", "In progress"),
        (Lang::Fr, "Revue de l'analyste", "Rejetée", "En cours"),
    ] {
        let html = render::<EngagementPanel>(EngagementProps {
            lang,
            assessment: assessment(lang),
            dispatch: Callback::noop(),
        });
        assert!(html.contains(title), "{lang:?}");
        // Declared N2, reviewed N1: the rejected critical Q12 (child labour).
        assert!(html.contains("data-row=\"headline\" data-declared=\"2\" data-reviewed=\"1\""));
        assert!(html.contains("data-row=\"CL\" data-declared=\"2\" data-reviewed=\"1\""));
        assert!(html.contains("data-row=\"FL\" data-declared=\"2\" data-reviewed=\"2\""));
        assert!(html.contains(rejected), "{lang:?}");
        assert!(html.contains(&format!(">{status}</option>")), "{lang:?}");
        assert!(html.contains("id=\"engagement-export\""));
        assert!(html.contains("Head of CSR"), "the dialogue log");
        assert!(html.contains("id=\"action-2-status\""));
    }
}

#[test]
fn each_question_shows_the_analysts_status_note_and_value_accepted() {
    for (lang, accepted) in [
        (Lang::En, "value accepted: Partially"),
        (Lang::Fr, "valeur acceptée\u{a0}: Partiellement"),
    ] {
        let html = render::<QuestionnaireView>(QuestionnaireProps {
            lang,
            assessment: assessment(lang),
            dispatch: Callback::noop(),
            upgraded: false,
        });
        let q06 = &html[html.find("id=\"review-Q06\"").expect("Q06 reviewed")..];
        let q06 = &q06[..q06.find("</ul>").unwrap()];
        assert!(q06.contains(accepted), "{lang:?}: {q06}");
        assert!(q06.contains("Buyers only, not site managers."));
        assert!(!html.contains("data-outdated"), "nothing outdated yet");
    }
}
