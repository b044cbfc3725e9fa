//! The coverage rule of docs/method.md ("Regulation coverage of a scored sheet"), worked example
//! by worked example: what the answers linked to a requirement show per track, from the scored
//! answers of the questions mapped to it; the tracks taken together; frameworks that only inform;
//! suspended requirements; and the grid's static coverage per framework.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::coverage::{
    LinkedAnswers, RequirementStatus, combined, company_coverage, framework_counts, grid_coverage,
    sheet_coverage, status_of,
};
use vigilance_core::{AnswerSheet, EvidenceMode, Questionnaire, ScoringOptions, Track, score};

/// Grid 1.0.0 with one framework `TEST` (an obligation) whose requirement `R1` is mapped to Q15
/// and Q16 (both tracks, critical, N3), `R2` to Q20 (child labour only), `R3` to nothing,
/// `R4`, suspended, to Q15, and `R5` to Q17 and Q22 (both tracks, not critical); and one
/// framework `IND` of kind `indicator` whose `I1` is mapped to Q15.
fn grid() -> Questionnaire {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../questionnaires/rhsf-fir-1.0.0.json")).unwrap();
    v["frameworks"] = serde_json::json!([{
        "id": "TEST",
        "name": {"fr": "Référentiel d'essai", "en": "Test framework"},
        "citation": {"fr": "Essai, art. 1 à 4", "en": "Test, arts 1-4"},
        "requirements": [
            {"ref": "R1", "title": {"fr": "Cartographie", "en": "Risk map"}},
            {"ref": "R2", "title": {"fr": "Âge", "en": "Age"}},
            {"ref": "R3", "title": {"fr": "Publication", "en": "Publication"}},
            {"ref": "R4", "title": {"fr": "Contrôle", "en": "Review"},
             "suspended": {"fr": "L'autorité ne contrôle plus (2025).", "en": "The authority no longer reviews (2025)."}},
            {"ref": "R5", "title": {"fr": "Suivi", "en": "Follow-up"}}
        ]
    }, {
        "id": "IND",
        "kind": "indicator",
        "name": {"fr": "Indicateurs d'essai", "en": "Test indicators"},
        "citation": {"fr": "Essai, tableau 1", "en": "Test, table 1"},
        "requirements": [
            {"ref": "I1", "title": {"fr": "Absence de politique", "en": "Lack of a policy"}}
        ]
    }]);
    for q in v["questions"].as_array_mut().unwrap() {
        let id = q["id"].as_str().unwrap().to_string();
        let refs: &[(&str, &str)] = match id.as_str() {
            "Q15" => &[("TEST", "R1"), ("TEST", "R4"), ("IND", "I1")],
            "Q16" => &[("TEST", "R1")],
            "Q17" | "Q22" => &[("TEST", "R5")],
            "Q20" => &[("TEST", "R2")],
            _ => &[],
        };
        q["mappings"] = refs
            .iter()
            .map(|(f, r)| serde_json::json!({"framework": f, "ref": r}))
            .collect();
        if id == "Q16" {
            q["mappings"][0]["bar"] = serde_json::json!({
                "position": "above",
                "note": {"fr": "Le texte n'exige pas de segments.", "en": "The text asks for no segments."}
            });
            q["mappings"][0]["note"] =
                serde_json::json!({"fr": "Segments prioritaires.", "en": "Priority segments."});
        }
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

fn scored(answers: &str, mode: EvidenceMode) -> (Questionnaire, vigilance_core::Assessment) {
    let q = grid();
    let a = score(
        &q,
        &sheet(&q, answers),
        &ScoringOptions {
            evidence_mode: mode,
            threshold: None,
        },
    );
    (q, a)
}

/// What the answers linked to requirement `k` of the grid's coverage show for `track`, as
/// every view shows it (kind and suspension included).
fn status_at(
    answers: &str,
    k: usize,
    track: Track,
    mode: EvidenceMode,
) -> Option<RequirementStatus> {
    let (q, a) = scored(answers, mode);
    grid_coverage(&q)[k].status(&q, &a, track)
}

fn status(answers: &str, track: Track, mode: EvidenceMode) -> RequirementStatus {
    status_at(answers, 0, track, mode).unwrap()
}

use EvidenceMode::{Declarative, Substantiated};
use RequirementStatus::*;

#[test]
fn example_a_every_linked_answer_at_its_full_point_is_all_full() {
    let a = r#""Q15": {"CL": "yes"}, "Q16": {"CL": "yes"}"#;
    assert_eq!(status(a, Track::CL, Declarative), AllFull);
    // The other track is not answered at all.
    assert_eq!(status(a, Track::FL, Declarative), Incomplete);
}

#[test]
fn example_b_some_points_is_some() {
    let a = r#""Q15": {"FL": "yes"}, "Q16": {"FL": "partial"}"#;
    assert_eq!(status(a, Track::FL, Declarative), SomePoints);
}

#[test]
fn example_c_no_points_is_none() {
    let a = r#""Q15": {"CL": "no"}, "Q16": {"CL": "unknown"}"#;
    assert_eq!(status(a, Track::CL, Declarative), NoPoints);
}

#[test]
fn example_d_any_unanswered_linked_question_is_incomplete() {
    // `yes` or `no` beside an unanswered question: the same status, incomplete.
    assert_eq!(
        status(r#""Q15": {"FL": "yes"}"#, Track::FL, Declarative),
        Incomplete
    );
    assert_eq!(
        status(r#""Q15": {"CL": "no"}"#, Track::CL, Declarative),
        Incomplete
    );
    // Only other questions answered.
    assert_eq!(
        status(r#""Q01": {"CL": "yes"}"#, Track::CL, Declarative),
        Incomplete
    );
}

#[test]
fn example_e_na_is_excluded_and_all_na_is_not_assessed() {
    let na = r#""Q20": {"CL": {"value": "na", "justification": "Aucun fournisseur agricole."}}"#;
    let (q, a) = scored(na, Declarative);
    let r2 = &grid_coverage(&q)[1];
    assert_eq!(r2.status(&q, &a, Track::CL), Some(NotAssessed));
    let linked = LinkedAnswers::count(&a, Track::CL, r2.questions_for(Track::CL));
    assert_eq!((linked.answered, linked.excluded), (1, 1));
    // Q20 is a child-labour question: R2 is not covered for forced labour at all.
    assert!(!r2.is_covered(Track::FL));
    assert!(
        sheet_coverage(&q, &a)
            .iter()
            .all(|r| !(r.requirement == 1 && r.track == Track::FL))
    );
    // An `na` beside a full point: excluded from the status, counted apart.
    let mixed = r#""Q17": {"CL": "yes"},
                   "Q22": {"CL": {"value": "na", "justification": "Sans objet."}}"#;
    let (q, a) = scored(mixed, Declarative);
    let r5 = &grid_coverage(&q)[4];
    assert_eq!(r5.status(&q, &a, Track::CL), Some(AllFull));
    let linked = LinkedAnswers::count(&a, Track::CL, r5.questions_for(Track::CL));
    assert_eq!((linked.linked, linked.answered, linked.excluded), (2, 2, 1));
}

#[test]
fn example_f_substantiated_mode_counts_as_scored() {
    let a = r#""Q15": {"CL": "yes"},
               "Q16": {"CL": {"value": "yes", "evidence": ["Cartographie 2025, p. 4"]}}"#;
    assert_eq!(status(a, Track::CL, Declarative), AllFull);
    // Without evidence Q15 earns half a point in substantiated mode.
    assert_eq!(status(a, Track::CL, Substantiated), SomePoints);
    // One of the two linked answers carries evidence, whatever the mode.
    let (q, s) = scored(a, Declarative);
    let r1 = &grid_coverage(&q)[0];
    let linked = LinkedAnswers::count(&s, Track::CL, r1.questions_for(Track::CL));
    assert_eq!((linked.answered, linked.with_evidence), (2, 1));
}

#[test]
fn example_g_a_suspended_requirement_is_not_assessed_whatever_the_answers() {
    let a = r#""Q15": {"CL": "yes", "FL": "no"}"#;
    assert_eq!(status_at(a, 3, Track::CL, Declarative), Some(NotAssessed));
    assert_eq!(status_at(a, 3, Track::FL, Declarative), Some(NotAssessed));
}

#[test]
fn example_h_a_framework_that_only_informs_has_no_status() {
    let a = r#""Q15": {"CL": "yes", "FL": "no"}"#;
    // I1 is the sixth requirement of the coverage (after R1 to R5).
    assert_eq!(status_at(a, 5, Track::CL, Declarative), None);
    assert_eq!(status_at(a, 5, Track::FL, Declarative), None);
    let (q, s) = scored(a, Declarative);
    let i1 = sheet_coverage(&q, &s)
        .into_iter()
        .find(|r| r.framework == 1 && r.track == Track::CL)
        .unwrap();
    assert_eq!((i1.status, i1.answers.answered), (None, 1));
}

#[test]
fn example_i_tracks_together() {
    // CL at full point, FL unanswered: incomplete, never counted at full point.
    let (q, a) = scored(r#""Q15": {"CL": "yes"}, "Q16": {"CL": "yes"}"#, Declarative);
    let r1 = company_coverage(&q, &a)
        .into_iter()
        .find(|r| r.framework == 0 && r.requirement == 0)
        .unwrap();
    assert_eq!(r1.status, Some(Incomplete));
    // The rule itself.
    assert_eq!(combined(&[AllFull, NotAssessed]), Some(AllFull));
    assert_eq!(combined(&[AllFull, NoPoints]), Some(SomePoints));
    assert_eq!(combined(&[NotAssessed, NotAssessed]), Some(NotAssessed));
    assert_eq!(combined(&[NoPoints, NoPoints]), Some(NoPoints));
}

#[test]
fn status_of_is_the_rule_without_kind_or_suspension() {
    let (q, a) = scored(r#""Q15": {"CL": "yes"}, "Q16": {"CL": "no"}"#, Declarative);
    let r1 = &grid_coverage(&q)[0];
    assert_eq!(
        status_of(&a, Track::CL, r1.questions_for(Track::CL)),
        SomePoints
    );
}

#[test]
fn grid_coverage_lists_uncovered_requirements_and_counts_them() {
    let q = grid();
    let map = grid_coverage(&q);
    assert_eq!(map.len(), 6);
    assert!(!map[2].is_covered(Track::CL) && !map[2].is_covered(Track::FL));
    let cl = framework_counts(&q, Track::CL);
    assert_eq!((cl[0].covered, cl[0].total), (4, 5));
    let fl = framework_counts(&q, Track::FL);
    assert_eq!((fl[0].covered, fl[0].total), (3, 5));
}

#[test]
fn sheet_coverage_lists_covered_requirements_per_track_in_grid_order() {
    let q = grid();
    let s = sheet(
        &q,
        r#""Q15": {"CL": "yes", "FL": "no"}, "Q16": {"CL": "yes", "FL": "no"}"#,
    );
    let a = score(&q, &s, &ScoringOptions::default());
    let got: Vec<(usize, usize, Track, Option<RequirementStatus>)> = sheet_coverage(&q, &a)
        .iter()
        .map(|r| (r.framework, r.requirement, r.track, r.status))
        .collect();
    assert_eq!(
        got,
        [
            (0, 0, Track::CL, Some(AllFull)),
            (0, 0, Track::FL, Some(NoPoints)),
            (0, 1, Track::CL, Some(Incomplete)),
            (0, 3, Track::CL, Some(NotAssessed)),
            (0, 3, Track::FL, Some(NotAssessed)),
            (0, 4, Track::CL, Some(Incomplete)),
            (0, 4, Track::FL, Some(Incomplete)),
            (1, 0, Track::CL, None),
            (1, 0, Track::FL, None)
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

#[test]
fn the_method_doc_states_these_examples() {
    // docs/method.md, "Regulation coverage of a scored sheet": the examples tested above, with
    // the statuses they assert.
    let doc = include_str!("../../docs/method.md");
    for line in [
        "- A. CL: Q15 `yes`, Q16 `yes` → **all_full**; FL, nothing answered → **incomplete**.",
        "- B. FL: Q15 `yes`, Q16 `partial` → **some**.",
        "- C. CL: Q15 `no`, Q16 `unknown` → **none**.",
        "- D. Q15 `yes` with Q16 unanswered → **incomplete**; Q15 `no` with Q16 unanswered →",
        "- E. R2, Q20 `na` with a justification → **not_assessed** for CL (one answer, one excluded), and",
        "- F. Q15 `yes` without evidence, Q16 `yes` with evidence: **all_full** in declarative mode,",
        "- G. R4, suspended: **not_assessed** on both tracks, even with Q15 answered.",
        "- H. I1 (an indicator): no status on either track; the linked answer is counted.",
        "- I. Tracks together: CL all_full and FL unanswered → **incomplete**; all_full and not_assessed",
    ] {
        assert!(doc.contains(line), "docs/method.md lacks: {line}");
    }
    for (code, fr, en) in [
        ("all_full", "Toutes au niveau attendu", "All at full point"),
        ("some", "Une partie des points", "Some points"),
        ("none", "Aucun point", "No points"),
        ("incomplete", "Réponses manquantes", "Not all answered"),
        ("not_assessed", "Non évaluée", "Not assessed"),
    ] {
        let s = RequirementStatus::from_code(code).unwrap();
        assert_eq!(s.label(vigilance_core::Lang::Fr), fr);
        assert_eq!(s.label(vigilance_core::Lang::En), en);
        assert!(
            doc.contains(&format!("| `{code}` | {fr} | {en} |")),
            "{code}"
        );
    }
}

#[test]
fn notes_and_bars_of_a_requirement_as_every_view_shows_them() {
    let q = grid();
    let map = grid_coverage(&q);
    use vigilance_core::Lang;
    use vigilance_core::coverage::{requirement_bars, requirement_notes};
    assert_eq!(
        requirement_notes(&q, &map[0], Lang::En),
        ["Q16: Priority segments."]
    );
    assert_eq!(
        requirement_bars(&q, &map[0], Lang::En),
        ["Q16: the grid asks more than the text — The text asks for no segments."]
    );
    assert_eq!(
        requirement_bars(&q, &map[0], Lang::Fr),
        ["Q16\u{a0}: la grille demande plus que le texte — Le texte n'exige pas de segments."]
    );
    // A suspended requirement says why.
    assert_eq!(
        requirement_notes(&q, &map[3], Lang::En),
        ["Suspended: The authority no longer reviews (2025)."]
    );
}
