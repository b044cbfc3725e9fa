//! Migrating a sheet to a later version of its grid: unchanged and reworded questions carry
//! their answers over, revised and removed ones do not, new ones stay unanswered (provisional).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::migrate::{MigrateError, Outcome, migrate};
use vigilance_core::{AnswerSheet, AnswerValue, Questionnaire, ScoringOptions, Track, score};

const V1: &str = include_str!("../../questionnaires/rhsf-fir-1.0.0.json");

/// A later version built from 1.0.0: Q08 reworded, Q12 revised, Q02 loses `partial`, Q33
/// removed, Q34 added.
fn later() -> Questionnaire {
    let mut v: serde_json::Value = serde_json::from_str(V1).unwrap();
    v["version"] = "1.1.0".into();
    let questions = v["questions"].as_array_mut().unwrap();
    for q in questions.iter_mut() {
        match q["id"].as_str().unwrap() {
            "Q08" => q["changes"] = serde_json::json!([{"version": "1.1.0", "kind": "reworded"}]),
            "Q12" => q["changes"] = serde_json::json!([{"version": "1.1.0", "kind": "revised"}]),
            "Q02" => {
                q.as_object_mut().unwrap().remove("partial");
            }
            _ => {}
        }
    }
    questions.retain(|q| q["id"] != "Q33");
    let mut new = questions[0].clone();
    new["id"] = "Q34".into();
    new["critical"] = false.into();
    new["changes"] = serde_json::json!([{"version": "1.1.0", "kind": "added"}]);
    questions.push(new);
    Questionnaire::parse(&v.to_string()).unwrap()
}

fn sheet() -> AnswerSheet {
    let text = r#"{"format":"vigilance.answers/1",
        "questionnaire":{"id":"rhsf-fir","version":"1.0.0"},
        "company":{"name":"Exemple SA","id":"EXAMPLE-0001"},"period":"2025",
        "answers":{
          "Q01":{"CL":{"value":"yes","comment":"Formation 2025","evidence":["Plan p. 3"]},"FL":"yes"},
          "Q02":{"FL":"partial"},
          "Q08":{"CL":"yes","FL":"no"},
          "Q12":{"CL":"yes"},
          "Q33":{"CL":"no","FL":"no"}}}"#;
    AnswerSheet::parse(
        text,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    )
    .unwrap()
    .value
}

fn outcome(m: &vigilance_core::migrate::Migration, q: &str, t: Track) -> Option<Outcome> {
    m.changes
        .iter()
        .find(|c| c.question == q && c.track == t)
        .map(|c| c.outcome)
}

#[test]
fn answers_carry_over_only_where_the_question_still_means_the_same() {
    let to = later();
    let m = migrate(
        &sheet(),
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
        &to,
    )
    .unwrap();
    assert_eq!(m.sheet.questionnaire.version, "1.1.0");
    assert_eq!(outcome(&m, "Q01", Track::CL), Some(Outcome::Carried));
    assert_eq!(
        outcome(&m, "Q08", Track::FL),
        Some(Outcome::CarriedReworded)
    );
    assert_eq!(outcome(&m, "Q12", Track::CL), Some(Outcome::DroppedRevised));
    assert_eq!(outcome(&m, "Q02", Track::FL), Some(Outcome::DroppedInvalid));
    assert_eq!(outcome(&m, "Q33", Track::CL), Some(Outcome::DroppedRemoved));
    assert_eq!(outcome(&m, "Q34", Track::CL), Some(Outcome::Added));
    assert_eq!(outcome(&m, "Q34", Track::FL), Some(Outcome::Added));
    // Comments and evidence come along with a carried answer; the company and period too.
    let q01 = m.sheet.answers["Q01"].get(Track::CL).unwrap();
    assert_eq!(q01.value, AnswerValue::Yes);
    assert_eq!(q01.evidence, ["Plan p. 3"]);
    assert_eq!(m.sheet.company.id.as_deref(), Some("EXAMPLE-0001"));
    assert_eq!(m.sheet.period.as_deref(), Some("2025"));
    // Nothing dropped is left in the sheet.
    assert!(!m.sheet.answers.contains_key("Q12"));
    assert!(!m.sheet.answers.contains_key("Q02"));
    assert!(!m.sheet.answers.contains_key("Q33"));
    assert_eq!(m.count(Outcome::Carried), 2);
    assert_eq!(m.count(Outcome::CarriedReworded), 2);
    // The migrated sheet is a valid sheet of the new version, provisional.
    let json = serde_json::to_string(&m.sheet).unwrap();
    let again = AnswerSheet::parse(&json, &to).unwrap();
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert!(score(&to, &again.value, &ScoringOptions::default()).provisional);
}

#[test]
fn migrating_sideways_or_backwards_is_refused() {
    let to = later();
    let back = migrate(
        &sheet(),
        &to,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    );
    assert!(matches!(back, Err(MigrateError::NotLater { .. })));
    let mut other: serde_json::Value = serde_json::from_str(V1).unwrap();
    other["id"] = "other-grid".into();
    other["version"] = "2.0.0".into();
    let other = Questionnaire::parse(&other.to_string()).unwrap();
    let err = migrate(
        &sheet(),
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
        &other,
    )
    .unwrap_err();
    assert!(
        err.message(vigilance_core::Lang::Fr)
            .contains("même grille")
    );
}
