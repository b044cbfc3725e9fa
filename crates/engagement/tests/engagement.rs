//! The engagement file: reading (codes and places), scoring as reviewed (the worked example of
//! docs/method.md), init, carry, and the committed JSON Schema.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use vigilance_engagement::{
    ActionStatus, ENGAGEMENT_FORMAT, Engagement, ReviewStatus, answer_hash, check_matches,
    engagement_schema, reviewed_sheet,
};
use vigilance_model::{Answer, AnswerSheet, AnswerValue, Lang, ScoringOptions, Track, score};

fn grid() -> &'static vigilance_model::Questionnaire {
    vigilance_grids::find("rhsf-fir", "1.2.0").expect("grid 1.2.0")
}

/// The sheet of the worked example: forced labour, level N1 only.
fn sheet() -> AnswerSheet {
    let mut s = AnswerSheet::new(grid());
    s.company.name = "Exemple SA".into();
    s.period = Some("2025".into());
    for (q, v) in [
        ("Q01", AnswerValue::Yes),
        ("Q02", AnswerValue::Yes),
        ("Q04", AnswerValue::Yes),
        ("Q06", AnswerValue::Yes),
        ("Q07", AnswerValue::No),
    ] {
        s.set_answer(q, Track::FL, Some(Answer::new(v)));
    }
    s
}

fn review(status: &str, value: Option<&str>, note: &str, hash: &str) -> serde_json::Value {
    let mut r = serde_json::json!({
        "status": status, "note": note, "date": "2026-03-12", "analyst": "CM", "reviewed": hash
    });
    if let Some(v) = value {
        r["value"] = v.into();
    }
    r
}

/// The engagement file of the worked example.
fn example(sheet: &AnswerSheet) -> String {
    let h = |q: &str| answer_hash(sheet.answer(q, Track::FL));
    serde_json::to_string_pretty(&serde_json::json!({
        "format": ENGAGEMENT_FORMAT,
        "questionnaire": {"id": "rhsf-fir", "version": "1.2.0"},
        "company": {"name": "Exemple SA"},
        "period": "2025",
        "reviews": {
            "Q02": {"FL": review("rejected", None, "No evidence that the ILO indicators are used.", &h("Q02"))},
            "Q04": {"FL": review("challenged", None, "To discuss at the next meeting.", &h("Q04"))},
            "Q06": {"FL": review("accepted", Some("partial"), "Buyers only.", &h("Q06"))}
        },
        "dialogue": [{"date": "2026-03-12", "kind": "meeting", "participants": ["CM", "Head of CSR"], "summary": "Review of the 2025 answers."}],
        "actions": [
            {"id": "A1", "text": "Train buyers and suppliers.", "addresses": [{"question": "Q06", "track": "FL"}], "owner": "Head of purchasing", "due": "2026-09-30", "status": "planned"},
            {"id": "A2", "text": "Map the ILO indicators.", "addresses": [{"question": "Q02"}], "owner": "CSR", "due": "2026-01-31", "status": "in_progress"},
            {"id": "A3", "text": "Publish the policy.", "status": "done", "evidence": ["https://example.org/policy.pdf"]},
            {"id": "A4", "text": "Audit tier 3.", "status": "dropped", "dropped_reason": "Replaced by A1."}
        ]
    }))
    .unwrap()
}

#[test]
fn worked_example_of_the_method_scores_as_documented() {
    let s = sheet();
    let e = Engagement::parse(&example(&s), grid())
        .expect("valid")
        .value;
    check_matches(&e, &s).expect("same company, period and grid");
    let declared = score(grid(), &s, &ScoringOptions::default());
    let reviewed = reviewed_sheet(&s, &e);
    assert!(reviewed.outdated.is_empty());
    let as_reviewed = score(grid(), &reviewed.sheet, &ScoringOptions::default());
    let fl = |a: &vigilance_model::Assessment| a.track(Track::FL).unwrap().clone();
    // Declared: 4 of 5 = 80 %, criticals met: N1 achieved.
    assert_eq!(fl(&declared).levels[0].score.percent_tenths(), Some(800));
    assert_eq!(fl(&declared).level, 1);
    // Reviewed: Q06 yes → partial (0.5), Q02 rejected → unknown (0), Q04 challenged stays yes:
    // 2.5 of 5 = 50 % < 70 %: N1 not achieved.
    assert_eq!(fl(&as_reviewed).levels[0].score.percent_tenths(), Some(500));
    assert_eq!(fl(&as_reviewed).level, 0);
    assert_eq!(
        reviewed.sheet.answer("Q02", Track::FL).unwrap().value,
        AnswerValue::Unknown
    );
    assert_eq!(
        reviewed.sheet.answer("Q04", Track::FL).unwrap().value,
        AnswerValue::Yes
    );
    // The sheet given is untouched.
    assert_eq!(s, sheet());
}

#[test]
fn a_changed_answer_makes_its_review_outdated_and_not_applied() {
    let mut s = sheet();
    let e = Engagement::parse(&example(&s), grid()).unwrap().value;
    let mut a = Answer::new(AnswerValue::Yes);
    a.evidence = vec!["Procédure 2026".into()];
    s.set_answer("Q02", Track::FL, Some(a));
    let r = reviewed_sheet(&s, &e);
    assert_eq!(r.outdated.len(), 1);
    assert_eq!(r.outdated[0].code(), "VG-E10");
    assert_eq!(r.outdated[0].path, "/reviews/Q02/FL");
    assert_eq!(
        r.sheet.answer("Q02", Track::FL).unwrap().value,
        AnswerValue::Yes
    );
    assert!(
        r.outdated[0]
            .kind
            .message(Lang::Fr)
            .contains("a changé sa réponse à Q02 (FL)")
    );
}

#[test]
fn files_of_another_company_period_or_grid_are_refused_saying_which() {
    let s = sheet();
    let mut e = Engagement::parse(&example(&s), grid()).unwrap().value;
    e.company.name = "Autre SA".into();
    let p = check_matches(&e, &s).unwrap_err();
    assert_eq!(p.code(), "VG-E07");
    assert!(
        p.kind
            .message(Lang::En)
            .contains("“Autre SA”, not “Exemple SA”")
    );
    e.company.name = "  exemple   sa ".into();
    e.period = "2024".into();
    let p = check_matches(&e, &s).unwrap_err();
    assert_eq!(p.code(), "VG-E08");
    assert!(
        p.kind
            .message(Lang::Fr)
            .contains("la période 2024, pas sur 2025")
    );
    e.period = "2025".into();
    e.questionnaire.version = "1.1.0".into();
    let p = check_matches(&e, &s).unwrap_err();
    assert_eq!(p.code(), "VG-E09");
    assert!(
        p.kind
            .message(Lang::En)
            .contains("rhsf-fir@1.1.0, not rhsf-fir@1.2.0")
    );
}

#[test]
fn read_for_sheet_refuses_another_grid_alone_then_another_company_or_period() {
    let s = sheet();
    let text = example(&s);
    let read = Engagement::read_for_sheet(text.as_bytes(), &s, grid()).expect("its own sheet");
    assert_eq!(read.value.actions.len(), 4);
    // Another grid version: that alone, not the questions checked against the wrong grid.
    let other = text.replace("\"1.2.0\"", "\"1.0.0\"");
    let e = Engagement::read_for_sheet(other.as_bytes(), &s, grid()).unwrap_err();
    assert_eq!(e.0.iter().map(|p| p.code()).collect::<Vec<_>>(), ["VG-E09"]);
    let other = text.replace("\"2025\"", "\"2024\"");
    let e = Engagement::read_for_sheet(other.as_bytes(), &s, grid()).unwrap_err();
    assert_eq!(e.0.iter().map(|p| p.code()).collect::<Vec<_>>(), ["VG-E08"]);
    let other = text.replace("\"Exemple SA\"", "\"Autre SA\"");
    let e = Engagement::read_for_sheet(other.as_bytes(), &s, grid()).unwrap_err();
    assert_eq!(e.0.iter().map(|p| p.code()).collect::<Vec<_>>(), ["VG-E07"]);
    // A file that does not read is refused with the reader's problems.
    let e = Engagement::read_for_sheet(b"{", &s, grid()).unwrap_err();
    assert_eq!(e.0[0].code(), "VG-F01");
}

#[test]
fn every_problem_is_coded_and_placed() {
    let text = r#"{
  "format": "vigilance.engagement/1",
  "questionnaire": {"id": "rhsf-fir", "version": "1.2.0"},
  "company": {"name": "Exemple SA"},
  "period": "2025",
  "reviews": {
    "Q99": {"FL": {"status": "accepted", "date": "2026-01-01", "reviewed": "fnv1a64:0000000000000000"}},
    "Q03": {"FL": {"status": "accepted", "date": "2026-01-01", "reviewed": "fnv1a64:0000000000000000"}},
    "Q01": {"CL": {"status": "maybe", "date": "12/03/2026", "reviewed": "abc"},
            "FL": {"status": "rejected", "value": "no", "date": "2026-01-01", "reviewed": "fnv1a64:0000000000000000"}},
    "Q07": {"FL": {"status": "accepted", "value": "partial", "date": "2026-01-01", "reviewed": "fnv1a64:0000000000000000"}}
  },
  "dialogue": [{"date": "2026-01-01", "kind": "visit"}],
  "actions": [
    {"id": "A1", "text": "x", "status": "started"},
    {"id": "A1", "text": "y", "status": "dropped", "due": "2026-13-01"}
  ]
}"#;
    let problems = Engagement::parse(text, grid()).unwrap_err().0;
    let codes: Vec<_> = problems
        .iter()
        .map(|p| (p.code(), p.path.to_string()))
        .collect();
    for expected in [
        ("VG-A07", "/reviews/Q99"),
        ("VG-A10", "/reviews/Q03/FL"),
        ("VG-E01", "/reviews/Q01/CL/status"),
        ("VG-E04", "/reviews/Q01/CL/date"),
        ("VG-E06", "/reviews/Q01/CL/reviewed"),
        ("VG-E05", "/reviews/Q01/FL/value"),
        ("VG-E11", "/reviews/Q01/FL"),
        ("VG-A12", "/reviews/Q07/FL/value"),
        ("VG-E12", "/dialogue/0/kind"),
        ("VG-E02", "/actions/0/status"),
        ("VG-E13", "/actions/1/id"),
        ("VG-E03", "/actions/1/status"),
        ("VG-E04", "/actions/1/due"),
    ] {
        assert!(
            codes.contains(&(expected.0, expected.1.to_string())),
            "{expected:?} not in {codes:?}"
        );
    }
    assert!(problems.iter().all(|p| p.span.is_some()), "{problems:?}");
    let e01 = problems.iter().find(|p| p.code() == "VG-E01").unwrap();
    assert_eq!(e01.span.unwrap().line, 9);
    assert!(
        e01.describe(Lang::Fr)
            .contains("`maybe` n'est pas un statut de revue")
    );
}

#[test]
fn a_wrong_type_or_format_is_reported_with_its_place() {
    let text = r#"{"format": "vigilance.answers/1", "questionnaire": {"id": "rhsf-fir", "version": "1.2.0"},
 "company": {"name": "X"}, "period": "2025"}"#;
    let p = Engagement::parse(text, grid()).unwrap_err().0;
    assert_eq!(p[0].code(), "VG-A01");
    let text = r#"{"format": "vigilance.engagement/1", "questionnaire": {"id": "rhsf-fir", "version": "1.2.0"},
 "company": {"name": "X"}, "period": "2025", "actions": {}}"#;
    let p = Engagement::parse(text, grid()).unwrap_err().0;
    assert_eq!(p[0].code(), "VG-F08");
    assert_eq!(p[0].path, "/actions");
    assert_eq!(
        Engagement::parse("{", grid()).unwrap_err().0[0].code(),
        "VG-F01"
    );
}

#[test]
fn init_proposes_reviews_and_actions_and_carry_starts_the_next_period() {
    let s = sheet();
    let a = score(grid(), &s, &ScoringOptions::default());
    let e = Engagement::init(&s, grid(), &a, "2026-03-01", "CM", Lang::En, 5);
    assert_eq!(e.reviews.len(), 5);
    assert!(e.reviews["Q02"][&Track::FL].status == ReviewStatus::Accepted);
    assert_eq!(e.actions.len(), 5);
    assert!(e.actions.iter().all(|a| a.status == ActionStatus::Planned));
    // What init writes reads back without a problem.
    let back = Engagement::parse(&e.to_json_pretty(), grid()).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.value, e);
    // As proposed (everything accepted as declared), the reviewed sheet is the declared one.
    assert_eq!(reviewed_sheet(&s, &e).sheet, s);

    let ex = Engagement::parse(&example(&s), grid()).unwrap().value;
    let next = ex.carry("2026");
    assert_eq!(next.period, "2026");
    assert!(next.reviews.is_empty() && next.dialogue.is_empty());
    assert_eq!(next.actions.len(), 4);
    assert!(
        next.actions
            .iter()
            .all(|a| a.carried_from.as_deref() == Some("2025"))
    );
    assert_eq!(
        next.actions.iter().filter(|a| a.status.is_open()).count(),
        2
    );
    assert_eq!(next.context.len(), 2);
    assert!(
        next.context
            .iter()
            .any(|c| c.question == "Q02" && c.status == ReviewStatus::Rejected)
    );
    assert!(ex.actions[1].is_overdue("2026-03-01"));
    assert!(!ex.actions[0].is_overdue("2026-03-01"));
    let back = Engagement::parse(&next.to_json_pretty(), grid()).unwrap();
    assert_eq!(back.value, next);
}

#[test]
fn the_hash_is_stable_and_sees_every_change() {
    assert_eq!(answer_hash(None), "fnv1a64:5b9bc4ba528108e4");
    let a = Answer::new(AnswerValue::Yes);
    let h = answer_hash(Some(&a));
    assert_eq!(h, "fnv1a64:fb9c5e7d6972fb1d");
    let mut b = a.clone();
    b.comment = Some("x".into());
    assert_ne!(h, answer_hash(Some(&b)));
    assert_eq!(h, answer_hash(Some(&Answer::new(AnswerValue::Yes))));
}

#[test]
fn the_committed_schema_matches_the_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../questionnaires/schema/engagement.schema.json");
    let json = engagement_schema();
    if std::env::var_os("VIGILANCE_UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &json).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, json,
        "engagement.schema.json is out of date: run `VIGILANCE_UPDATE_SCHEMAS=1 cargo test -p vigilance-engagement`"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for field in [
        "format",
        "questionnaire",
        "company",
        "period",
        "reviews",
        "dialogue",
        "actions",
    ] {
        assert!(v["properties"].get(field).is_some(), "schema lacks {field}");
    }
}
