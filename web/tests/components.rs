//! Component tests without a browser: key components rendered to HTML natively with Yew's
//! server-side renderer, checked for what a user relies on (allowed answers only, required
//! justification, accessible names, the level and its reasons) and snapshotted with insta.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::rc::Rc;
use vigilance_model::{
    Answer, AnswerSheet, AnswerValue, Lang, Questionnaire, ScoringOptions, Track, score,
};
use vigilance_results::json::ResultEntry;
use vigilance_web::components::chart::{Bar, ChartProps, ProfileChart};
use vigilance_web::components::question::{QuestionCard, QuestionProps};
use vigilance_web::components::recovery::{RecoveryPanel, RecoveryProps};
use vigilance_web::components::results::{ResultsProps, ResultsView};
use vigilance_web::components::start::{StartProps, StartView};
use vigilance_web::state::{Action, AppState, Profile, View};
use vigilance_web::storage::{Loaded, decode};
use vigilance_web::{App, AppProps, Boot};
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

/// One tag per line, so that snapshot diffs are readable.
fn pretty(html: &str) -> String {
    html.replace("><", ">\n<")
}

fn grid() -> &'static Questionnaire {
    vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap()
}

/// The grid the snapshots below were taken on (1.0.0), as an assessment names it.
fn grid_ref() -> vigilance_model::answers::QuestionnaireRef {
    vigilance_model::answers::QuestionnaireRef {
        id: grid().id.clone(),
        version: grid().version.clone(),
    }
}

fn card(id: &str, lang: Lang, cl: Option<Answer>, fl: Option<Answer>) -> String {
    let question = grid().question(id).expect("question");
    render::<QuestionCard>(QuestionProps {
        question,
        lang,
        cl,
        fl,
        kept_cl: false,
        kept_fl: false,
        revised: false,
        review: yew::Html::default(),
        dispatch: Callback::noop(),
    })
}

fn radios(html: &str, prefix: &str) -> Vec<String> {
    html.match_indices(&format!("id=\"{prefix}"))
        .map(|(i, _)| {
            let rest = &html[i + 4..];
            rest[..rest.find('"').unwrap_or(0)].to_string()
        })
        .filter(|id| {
            !id.contains("comment") && !id.contains("evidence") && !id.contains("justification")
        })
        .collect()
}

#[test]
fn a_critical_question_offers_no_na_and_shows_both_tracks_side_by_side() {
    let html = card("Q01", Lang::En, Some(Answer::new(AnswerValue::Yes)), None);
    assert_eq!(
        radios(&html, "a-Q01-CL"),
        [
            "a-Q01-CL",
            "a-Q01-CL-partial",
            "a-Q01-CL-no",
            "a-Q01-CL-unknown"
        ]
    );
    assert_eq!(radios(&html, "a-Q01-FL").len(), 4);
    assert!(html.contains("class=\"tracks both\""));
    assert!(html.contains("Child labour") && html.contains("Forced labour"));
    assert!(html.contains("Critical"));
    assert!(
        html.contains("Only some functions"),
        "partial meaning shown"
    );
    insta::assert_snapshot!("question_q01_en", pretty(&html));
}

#[test]
fn a_question_without_partial_offers_no_partial() {
    let html = card("Q07", Lang::Fr, None, None);
    let ids = radios(&html, "a-Q07-CL");
    assert!(!ids.iter().any(|i| i.ends_with("partial")), "{ids:?}");
    assert!(ids.iter().any(|i| i.ends_with("-na")), "{ids:?}");
    assert!(html.contains("Pas de réponse «\u{202f}partiellement\u{202f}»"));
}

#[test]
fn a_single_track_question_has_one_answer_block() {
    let html = card("Q02", Lang::En, None, None);
    assert!(radios(&html, "a-Q02-CL").is_empty());
    assert_eq!(radios(&html, "a-Q02-FL").len(), 5);
}

#[test]
fn na_without_justification_says_it_is_not_counted() {
    let html = card("Q02", Lang::En, None, Some(Answer::new(AnswerValue::Na)));
    assert!(html.contains("needs a justification"));
    assert!(html.contains("aria-invalid=\"true\""));
    let mut justified = Answer::new(AnswerValue::Na);
    justified.justification = Some("No recruitment agencies used".into());
    let html = card("Q02", Lang::En, None, Some(justified));
    assert!(!html.contains("needs a justification"));
    insta::assert_snapshot!("question_q02_na_justified_en", pretty(&html));
}

#[test]
fn every_answer_control_has_an_accessible_name() {
    let mut a = Answer::new(AnswerValue::Partial);
    a.comment = Some("Voir plan".into());
    let html = card("Q05", Lang::Fr, Some(a), Some(Answer::new(AnswerValue::No)));
    // Every input and textarea has an id that a <label for> names.
    for (i, _) in html
        .match_indices("<input")
        .chain(html.match_indices("<textarea"))
    {
        let tag = &html[i..i + html[i..].find('>').unwrap_or(0)];
        let id_at = tag.find(" id=\"").expect("control with an id");
        let id = &tag[id_at + 5..];
        let id = &id[..id.find('"').unwrap_or(0)];
        assert!(html.contains(&format!("for=\"{id}\"")), "no label for {id}");
    }
}

/// Worked example 1 of docs/method.md (forced labour): N1 achieved, N2 not (critical Q09 partial).
fn example_one() -> AnswerSheet {
    let mut sheet = AnswerSheet::new(grid());
    sheet.company.name = "Exemple SA".into();
    sheet.period = Some("2025".into());
    let set = |s: &mut AnswerSheet, q: &str, v| s.set_answer(q, Track::FL, Some(Answer::new(v)));
    for q in ["Q01", "Q02", "Q04", "Q05", "Q06"] {
        set(&mut sheet, q, AnswerValue::Yes);
    }
    set(&mut sheet, "Q07", AnswerValue::No);
    set(&mut sheet, "Q09", AnswerValue::Partial);
    for q in ["Q08", "Q10", "Q11", "Q13", "Q14"] {
        set(&mut sheet, q, AnswerValue::Yes);
    }
    sheet
}

#[test]
fn results_show_the_level_the_failed_gate_and_the_next_step_of_the_method() {
    let sheet = example_one();
    let a = score(grid(), &sheet, &ScoringOptions::default());
    let entry = ResultEntry::new("test", grid(), &sheet, &a, &[]);
    let html = render::<ResultsView>(ResultsProps {
        lang: Lang::En,
        entry: Rc::new(entry),
        compared: None,
        comparison: None,
        others: Vec::new(),
        dispatch: Callback::noop(),
        takeaway: yew::Html::default(),
        mapping_error: None,
        updated: Some("2025-06-01T09:30:00Z".into()),
        engagement: yew::Html::default(),
        unjustified: Vec::new(),
    });
    // The report says when the answers were given, on which grid, and where the grid comes from.
    assert!(
        html.contains("answers of 2025-06-01"),
        "the assessment's date"
    );
    assert!(
        html.contains("id=\"report-provenance\""),
        "the provenance line"
    );
    let fl = &html[html
        .find("aria-labelledby=\"track-FL-title\"")
        .expect("FL card")..];
    assert!(fl.contains("N1 — Knowledge of the subject"));
    // What blocks N2 comes first; its score reaching the threshold is said not to be enough.
    let blocked = fl
        .find("critical question(s) not at their full point: Q09")
        .expect("the blocking critical question");
    let score = fl
        .find("N2 — Expressed commitment: the score (91.7%) reaches the 70% threshold, but that is not enough while this block remains.")
        .expect("the score, not enough");
    assert!(blocked < score, "{fl}");
    let steps = &html[html
        .find("aria-label=\"Next steps — Forced labour\"")
        .expect("FL steps")..];
    let first = &steps[steps.find("data-question=\"").expect("a step") + 15..];
    assert!(first.starts_with("Q09"), "first FL step: {}", &first[..10]);
    assert!(html.contains("Provisional result"));
    assert!(html.contains("role=\"img\""), "profile chart");
    insta::assert_snapshot!("results_example_one_en", pretty(&html));
}

#[test]
fn the_profile_chart_draws_four_bars_and_the_threshold() {
    let bars = ["N1", "N2", "N3", "N4"]
        .iter()
        .zip([Some(83.3), Some(91.7), Some(0.0), None])
        .enumerate()
        .map(|(i, (code, score))| Bar {
            code,
            score,
            achieved: i == 0,
            counted: i == 0,
            // N2 reaches the threshold but is not achieved: blocked.
            blocked: i == 1,
        })
        .collect();
    let html = render::<ProfileChart>(ChartProps {
        lang: Lang::Fr,
        track: "Travail forcé".into(),
        bars,
        threshold: 70.0,
    });
    assert_eq!(html.matches("<rect").count(), 4);
    assert!(html.contains("Seuil 70\u{a0}%"));
    // The blocked bar is marked, and the mark explained under the chart.
    assert!(html.contains("N2 ⚠"), "{html}");
    assert!(html.contains("chart-blocked"), "{html}");
    insta::assert_snapshot!("chart_fr", pretty(&html));
}

#[test]
fn the_start_screen_offers_new_resume_and_import() {
    let state = Rc::new(AppState::new(grid(), Lang::En)).reduce(
        Action::Create(
            Profile {
                name: "Exemple SA".into(),
                period: "2024".into(),
                ..Profile::default()
            },
            grid_ref(),
        )
        .at(None),
    );
    let html = render::<StartView>(StartProps {
        lang: Lang::En,
        assessments: state.assessments.clone(),
        names: state.names(Lang::En),
        current: state.current,
        dispatch: Callback::noop(),
    });
    assert!(html.contains("Exemple SA — 2024"));
    assert!(html.contains("Resume"));
    assert!(html.contains("type=\"file\""));
    assert!(html.contains("for=\"new-name\""));
    insta::assert_snapshot!("start_en", pretty(&html));
}

#[test]
fn a_corrupt_saved_state_shows_the_recovery_path() {
    let Loaded::Unreadable(u) = decode("{not json") else {
        panic!("expected unreadable")
    };
    let html = render::<RecoveryPanel>(RecoveryProps {
        lang: Lang::Fr,
        unreadable: u,
        on_restart: Callback::noop(),
    });
    assert!(html.contains("Télécharger le texte enregistré"));
    assert!(html.contains("Recommencer"));
    assert!(
        !html.contains("recover-readable"),
        "nothing readable to recover"
    );
}

#[test]
fn the_app_warns_when_answers_are_not_saved() {
    let mut state = (*Rc::new(AppState::new(grid(), Lang::En)).reduce(
        Action::Create(
            Profile {
                name: "Exemple SA".into(),
                ..Profile::default()
            },
            grid_ref(),
        )
        .at(None),
    ))
    .clone();
    state.view = View::Questionnaire;
    let html = render::<App>(AppProps {
        boot: Boot::NotSaving(Box::new(state)),
    });
    assert!(html.contains("Your answers are not being saved"));
    assert!(html.contains("banner-download-json"));
    assert!(
        html.contains("data-question=\"Q01\""),
        "questionnaire shown"
    );
}

// ----- issue 18: the limits on "not applicable" and coverage that says what it measures -----

fn v11() -> &'static Questionnaire {
    vigilance_grids::registry::find("rhsf-fir", "1.1.0").unwrap()
}

/// The repository's sheet whose critical questions are `yes` and everything else `na`.
fn critical_yes_rest_na(q: &Questionnaire) -> AnswerSheet {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/na/critical-yes-rest-na.json"
    ))
    .unwrap();
    AnswerSheet::parse(&text, q).unwrap().value
}

fn results(entry: ResultEntry, lang: Lang) -> String {
    render::<ResultsView>(ResultsProps {
        lang,
        entry: Rc::new(entry),
        compared: None,
        comparison: None,
        others: Vec::new(),
        dispatch: Callback::noop(),
        takeaway: yew::Html::default(),
        mapping_error: None,
        updated: None,
        engagement: yew::Html::default(),
        unjustified: Vec::new(),
    })
}

/// The conformity words of `lang`, as words of `text`.
fn conformity_words(text: &str, lang: Lang) -> Vec<String> {
    let banned: &[&str] = match lang {
        Lang::En => &["met"],
        Lang::Fr => &[
            "satisfaite",
            "satisfaites",
            "remplie",
            "remplies",
            "conforme",
            "conformes",
        ],
    };
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .map(str::to_lowercase)
        .filter(|w| banned.contains(&w.as_str()))
        .collect()
}

#[test]
fn the_heavy_na_warning_shows_next_to_the_levels() {
    let q = v11();
    let sheet = critical_yes_rest_na(q);
    let a = score(q, &sheet, &ScoringOptions::default());
    for (lang, badge, line) in [
        (
            Lang::En,
            "many not applicable",
            "N2: 57.1% of the level's question weight is answered not applicable, more than a quarter",
        ),
        (
            Lang::Fr,
            "beaucoup de «\u{202f}sans objet\u{202f}»",
            "N2\u{a0}: 57,1\u{a0}% du poids des questions du niveau est répondu «\u{202f}sans objet\u{202f}», plus d'un quart",
        ),
    ] {
        let html = results(ResultEntry::new("test", q, &sheet, &a, &[]), lang);
        let cl = &html[html.find("aria-labelledby=\"track-CL-title\"").unwrap()..];
        let cl = &cl[..cl.find("</section>").unwrap()];
        assert_eq!(cl.matches("data-heavy-na=\"true\"").count(), 4, "{lang:?}");
        assert!(cl.contains(badge), "{lang:?}");
        let line = line.replace('\'', "&#39;");
        assert!(
            cl.contains(&line) || cl.contains(&line.replace("&#39;", "'")),
            "{lang:?}: {cl}"
        );
        // Regulations: the neutral vocabulary only, labelled self-declared.
        let regs = &html[html.find("id=\"regulations\"").unwrap()..];
        assert_eq!(
            conformity_words(regs, lang),
            Vec::<String>::new(),
            "{lang:?}"
        );
        assert!(regs.contains("id=\"coverage-self-declared\""));
    }
}

#[test]
fn a_level_refused_for_too_many_na_says_why() {
    let mut file = v11().clone().into_file();
    file.na_limits = Some(vigilance_model::questionnaire::NaLimits {
        min_applicable_percent: 50.0,
        evidence_when_substantiated: true,
    });
    let q = Questionnaire::try_from(file).unwrap();
    let sheet = critical_yes_rest_na(&q);
    let a = score(&q, &sheet, &ScoringOptions::default());
    let html = results(ResultEntry::new("test", &q, &sheet, &a, &[]), Lang::En);
    let cl = &html[html.find("aria-labelledby=\"track-CL-title\"").unwrap()..];
    assert!(
        cl.contains("N1 — Knowledge of the subject: too many questions answered not applicable — 66.7% of the level&#39;s weight is answered not applicable, so less than the grid&#39;s minimum of 50% applies.")
            || cl.contains("N1 — Knowledge of the subject: too many questions answered not applicable — 66.7% of the level's weight is answered not applicable, so less than the grid's minimum of 50% applies."),
        "{}",
        &cl[..cl.find("</ul>").unwrap()]
    );
}

#[test]
fn regulations_show_what_the_linked_answers_show_with_notes_and_counts() {
    let q = v11();
    let sheet = critical_yes_rest_na(q);
    let a = score(q, &sheet, &ScoringOptions::default());
    for lang in [Lang::En, Lang::Fr] {
        let html = render::<vigilance_web::components::regulations::Regulations>(
            vigilance_web::components::regulations::RegulationsProps {
                lang,
                entry: Rc::new(ResultEntry::new("test", q, &sheet, &a, &[])),
                mapping_error: None,
            },
        );
        // The first framework, the French duty of vigilance: an obligation, with statuses.
        assert!(html.contains(vigilance_model::coverage::column_header(lang)));
        assert!(html.contains("data-kind=\"obligation\""));
        // Q04's note (first screening only) under L.225-102-4 I 1°.
        let note = match lang {
            Lang::En => "Q04: First screening only",
            Lang::Fr => "Q04\u{a0}: Premier repérage seulement",
        };
        assert!(html.contains(note), "{lang:?}");
        // Every answer linked to I 4° (Q21, critical) is at full point; publication (Q33, na)
        // is not assessed; each cell counts the linked answers and their evidence.
        assert!(html.contains("data-status=\"all_full\""));
        assert!(html.contains("data-status=\"not_assessed\""));
        assert!(!html.contains("data-status=\"met\""));
        let figures = match lang {
            Lang::En => "1/1 answered · 0 excluded · 1 with evidence",
            Lang::Fr => "1/1 répondues · 0 exclues · 1 avec preuve",
        };
        assert!(html.contains(figures), "{lang:?}");
        assert_eq!(
            conformity_words(&html, lang),
            Vec::<String>::new(),
            "{lang:?}"
        );
    }
}

#[test]
fn a_question_shows_its_na_condition_and_offers_na_only_where_allowed() {
    let mut file = v11().clone().into_file();
    for x in &mut file.questions {
        match x.id.as_str() {
            "Q19" => {
                x.na_condition = Some(vigilance_model::Text::new(
                    "aucun intermédiaire de recrutement n'est utilisé",
                    "no recruitment intermediary is used",
                ))
            }
            "Q17" => x.allow_na = Some(false),
            _ => {}
        }
    }
    let q: &'static Questionnaire = Box::leak(Box::new(Questionnaire::try_from(file).unwrap()));
    let card = |id: &str, lang| {
        render::<QuestionCard>(QuestionProps {
            question: q.question(id).unwrap(),
            lang,
            cl: None,
            fl: None,
            kept_cl: false,
            kept_fl: false,
            revised: false,
            review: yew::Html::default(),
            dispatch: Callback::noop(),
        })
    };
    let html = card("Q19", Lang::En);
    assert!(html.contains("class=\"na-condition\""));
    assert!(html.contains("only if: no recruitment intermediary is used"));
    assert!(radios(&html, "a-Q19-FL").iter().any(|i| i.ends_with("-na")));
    let html = card("Q19", Lang::Fr);
    assert!(html.contains("seulement si\u{a0}: aucun intermédiaire de recrutement"));
    // Not allowed: not offered, and no condition shown.
    let html = card("Q17", Lang::En);
    assert!(!radios(&html, "a-Q17-CL").iter().any(|i| i.ends_with("-na")));
    assert!(!html.contains("na-condition"));
    // Critical: never offered.
    let html = card("Q18", Lang::En);
    assert!(!radios(&html, "a-Q18-CL").iter().any(|i| i.ends_with("-na")));
}
