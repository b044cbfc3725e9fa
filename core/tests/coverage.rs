//! The coverage rule of docs/method.md ("Regulation coverage"), worked example by worked
//! example: a requirement's status per track from the scored answers of the questions mapped
//! to it, and the grid's static coverage per framework.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::coverage::{
    RequirementStatus, framework_counts, grid_coverage, sheet_coverage, status_of,
};
use vigilance_core::{AnswerSheet, EvidenceMode, Questionnaire, ScoringOptions, Track, score};

/// Grid 1.0.0 with one framework `TEST` whose requirement `R1` is mapped to Q15 and Q16 (both
/// tracks, critical, N3), `R2` to Q20 (child labour only), and `R3` to nothing.
fn grid() -> Questionnaire {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../questionnaires/rhsf-fir-1.0.0.json")).unwrap();
    v["frameworks"] = serde_json::json!([{
        "id": "TEST",
        "name": {"fr": "Référentiel d'essai", "en": "Test framework"},
        "citation": {"fr": "Essai, art. 1 à 3", "en": "Test, arts 1-3"},
        "requirements": [
            {"ref": "R1", "title": {"fr": "Cartographie", "en": "Risk map"}},
            {"ref": "R2", "title": {"fr": "Âge", "en": "Age"}},
            {"ref": "R3", "title": {"fr": "Publication", "en": "Publication"}}
        ]
    }]);
    for q in v["questions"].as_array_mut().unwrap() {
        let id = q["id"].as_str().unwrap().to_string();
        let refs: &[&str] = match id.as_str() {
            "Q15" | "Q16" => &["R1"],
            "Q20" => &["R2"],
            _ => &[],
        };
        q["mappings"] = refs
            .iter()
            .map(|r| serde_json::json!({"framework": "TEST", "ref": r}))
            .collect();
    }
    Questionnaire::parse(&v.to_string()).unwrap()
}

fn sheet(q: &Questionnaire, answers: &str) -> AnswerSheet {
    let text = format!(
        r#"{{"format":"vigilance.answers/1","questionnaire":{{"id":"rhsf-fir","version":"1.0.0"}},
        "company":{{"name":"Exemple SA"}},"answers":{{{answers}}}}}"#
    );
    AnswerSheet::parse(&text, q).unwrap().value
}

fn status(answers: &str, track: Track, mode: EvidenceMode) -> RequirementStatus {
    let q = grid();
    let a = score(
        &q,
        &sheet(&q, answers),
        &ScoringOptions {
            evidence_mode: mode,
            threshold: None,
        },
    );
    let r1 = &grid_coverage(&q)[0];
    status_of(&a, track, r1.questions_for(track))
}

use EvidenceMode::{Declarative, Substantiated};
use RequirementStatus::*;

#[test]
fn example_a_every_mapped_question_at_its_full_point_is_met() {
    let a = r#""Q15": {"CL": "yes"}, "Q16": {"CL": "yes"}"#;
    assert_eq!(status(a, Track::CL, Declarative), Met);
    // The other track is not answered.
    assert_eq!(status(a, Track::FL, Declarative), NotAnswered);
}

#[test]
fn example_b_some_points_is_partly_met() {
    let a = r#""Q15": {"FL": "yes"}, "Q16": {"FL": "partial"}"#;
    assert_eq!(status(a, Track::FL, Declarative), PartlyMet);
    // One full point and one unanswered question: partly met (unanswered counts 0).
    assert_eq!(
        status(r#""Q15": {"FL": "yes"}"#, Track::FL, Declarative),
        PartlyMet
    );
}

#[test]
fn example_c_no_points_is_not_met() {
    assert_eq!(
        status(
            r#""Q15": {"CL": "no"}, "Q16": {"CL": "unknown"}"#,
            Track::CL,
            Declarative
        ),
        NotMet
    );
    // Answered with no point, the other unanswered: not met.
    assert_eq!(
        status(r#""Q15": {"CL": "no"}"#, Track::CL, Declarative),
        NotMet
    );
}

#[test]
fn example_d_nothing_answered_is_not_answered() {
    assert_eq!(
        status(r#""Q01": {"CL": "yes"}"#, Track::CL, Declarative),
        NotAnswered
    );
}

#[test]
fn example_e_all_na_is_not_applicable() {
    let q = grid();
    let s = sheet(
        &q,
        r#""Q20": {"CL": {"value": "na", "justification": "Aucun fournisseur agricole."}}"#,
    );
    let a = score(&q, &s, &ScoringOptions::default());
    let r2 = &grid_coverage(&q)[1];
    assert_eq!(
        status_of(&a, Track::CL, r2.questions_for(Track::CL)),
        NotApplicable
    );
    // Q20 is a child-labour question: R2 is not covered for forced labour at all.
    assert!(!r2.is_covered(Track::FL));
    let results = sheet_coverage(&q, &a);
    assert!(
        results
            .iter()
            .all(|r| !(r.requirement == 1 && r.track == Track::FL))
    );
}

#[test]
fn example_f_substantiated_mode_counts_as_scored() {
    let a = r#""Q15": {"CL": "yes"},
               "Q16": {"CL": {"value": "yes", "evidence": ["Cartographie 2025, p. 4"]}}"#;
    assert_eq!(status(a, Track::CL, Declarative), Met);
    // Without evidence Q15 earns half a point in substantiated mode.
    assert_eq!(status(a, Track::CL, Substantiated), PartlyMet);
}

#[test]
fn grid_coverage_lists_uncovered_requirements_and_counts_them() {
    let q = grid();
    let map = grid_coverage(&q);
    assert_eq!(map.len(), 3);
    assert!(!map[2].is_covered(Track::CL) && !map[2].is_covered(Track::FL));
    let cl = framework_counts(&q, Track::CL);
    assert_eq!((cl[0].covered, cl[0].total), (2, 3));
    let fl = framework_counts(&q, Track::FL);
    assert_eq!((fl[0].covered, fl[0].total), (1, 3));
}

#[test]
fn sheet_coverage_lists_covered_requirements_per_track_in_grid_order() {
    let q = grid();
    let s = sheet(
        &q,
        r#""Q15": {"CL": "yes", "FL": "no"}, "Q16": {"CL": "yes", "FL": "no"}"#,
    );
    let a = score(&q, &s, &ScoringOptions::default());
    let got: Vec<(usize, Track, RequirementStatus)> = sheet_coverage(&q, &a)
        .iter()
        .map(|r| (r.requirement, r.track, r.status))
        .collect();
    assert_eq!(
        got,
        [
            (0, Track::CL, Met),
            (0, Track::FL, NotMet),
            (1, Track::CL, NotAnswered)
        ]
    );
}

#[test]
fn a_mapping_to_an_undefined_framework_or_requirement_is_refused() {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../questionnaires/rhsf-fir-1.0.0.json")).unwrap();
    v["frameworks"] = serde_json::json!([{
        "id": "TEST", "name": {"fr": "Essai", "en": "Test"},
        "citation": {"fr": "Essai", "en": "Test"},
        "requirements": [{"ref": "R1", "title": {"fr": "Un", "en": "One"}},
                         {"ref": "R1", "title": {"fr": "Deux", "en": ""}}]
    }]);
    v["questions"][0]["mappings"] = serde_json::json!([
        {"framework": "NOPE", "ref": "R1"},
        {"framework": "TEST", "ref": "R9"}
    ]);
    let err = Questionnaire::parse(&v.to_string()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("`NOPE` is not a framework of this grid"),
        "{text}"
    );
    assert!(
        text.contains("`R9` is not a requirement of framework TEST"),
        "{text}"
    );
    assert!(text.contains("R1"), "{text}");
    assert!(err.0.len() >= 4, "{text}");
}
