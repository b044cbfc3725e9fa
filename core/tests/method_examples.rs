//! The worked examples of docs/method.md, with their exact figures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::report::json::ResultEntry;
use vigilance_core::{AnswerSheet, EvidenceMode, Level, ScoringOptions, Track, score};

fn sheet(answers: &str) -> AnswerSheet {
    let text = format!(
        r#"{{"format":"vigilance.answers/1","questionnaire":{{"id":"rhsf-fir","version":"1.0.0"}},
        "company":{{"name":"Exemple SA"}},"answers":{{{answers}}}}}"#
    );
    match AnswerSheet::parse(
        &text,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    ) {
        Ok(p) => p.value,
        Err(e) => panic!("{e}"),
    }
}

const EXAMPLE_1: &str = r#"
    "Q01": {"FL": "yes"}, "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"}, "Q05": {"FL": "yes"},
    "Q06": {"FL": "yes"}, "Q07": {"FL": "no"},
    "Q09": {"FL": "partial"}, "Q08": {"FL": "yes"}, "Q10": {"FL": "yes"}, "Q11": {"FL": "yes"},
    "Q13": {"FL": "yes"}, "Q14": {"FL": "yes"}"#;

#[test]
fn example_1_forced_labour_critical_gate() {
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    let a = score(q, &sheet(EXAMPLE_1), &ScoringOptions::default());
    let fl = a.track(Track::FL).unwrap();
    let n1 = fl.level_result(Level::N1);
    assert_eq!(n1.score.percent(), Some(83.3));
    assert!(n1.achieved);
    assert!(n1.failed_critical.is_empty());
    let n2 = fl.level_result(Level::N2);
    assert_eq!(n2.score.percent(), Some(91.7));
    assert!(n2.meets_threshold);
    assert!(!n2.achieved);
    let failed: Vec<&str> = n2
        .failed_critical
        .iter()
        .map(|&i| q.questions[i].id.as_str())
        .collect();
    assert_eq!(failed, ["Q09"]);
    assert_eq!(fl.level, 1);
    let first_fl = a.next_steps.iter().find(|s| s.track == Track::FL).unwrap();
    assert_eq!(q.questions[first_fl.question].id, "Q09");
    assert!(first_fl.critical);
    // The figures docs/formats.md shows for this sheet.
    let entry = ResultEntry::new("example-1.json", q, &sheet(EXAMPLE_1), &a, &[]);
    let fl = &entry.tracks[&Track::FL];
    assert_eq!(fl.index, 26.7);
    assert_eq!(fl.themes["GOV"], Some(62.5));
    assert_eq!(
        fl.levels[&Level::N3].failed_critical,
        ["Q15", "Q16", "Q18", "Q21"]
    );
    assert_eq!(fl.levels[&Level::N4].failed_critical, ["Q24", "Q26", "Q29"]);
    assert_eq!(fl.levels[&Level::N3].score, Some(0.0));
    // CL is untouched: level 0, so the headline is 0 and the result provisional.
    assert_eq!(a.headline_level, 0);
    assert!(a.provisional);
}

#[test]
fn example_2_child_labour_not_applicable() {
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    let s = sheet(
        r#""Q20": {"CL": {"value": "na", "justification": "No young workers: all tier-1 and tier-2 sites are automated plants with audited age records."}},
        "Q17": {"CL": "unknown"}, "Q15": {"CL": "yes"}, "Q16": {"CL": "yes"}, "Q18": {"CL": "yes"},
        "Q21": {"CL": "yes"}, "Q22": {"CL": "yes"}, "Q23": {"CL": "yes"}"#,
    );
    let a = score(q, &s, &ScoringOptions::default());
    let cl = a.track(Track::CL).unwrap();
    let n3 = cl.level_result(Level::N3);
    assert_eq!(n3.score.percent(), Some(85.7));
    assert!(n3.achieved);
    assert_eq!(n3.not_applicable, 1);
    assert_eq!(cl.unknown_count, 1);
    // Achieved above failed lower levels: shown, not counted.
    assert_eq!(cl.level, 0);
    assert_eq!(cl.imbalanced_levels(), [Level::N3]);
}

#[test]
fn example_3_substantiated_mode() {
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    let s = sheet(
        r#""Q01": {"FL": {"value": "yes", "evidence": ["Plan de vigilance 2025, p. 12"]}},
        "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"}, "Q05": {"FL": "yes"}, "Q06": {"FL": "yes"},
        "Q07": {"FL": "no"}"#,
    );
    let opts = ScoringOptions {
        evidence_mode: EvidenceMode::Substantiated,
        threshold: None,
    };
    let a = score(q, &s, &opts);
    let fl = a.track(Track::FL).unwrap();
    let n1 = fl.level_result(Level::N1);
    assert_eq!(n1.score.percent(), Some(50.0));
    assert!(!n1.achieved);
    let failed: Vec<&str> = n1
        .failed_critical
        .iter()
        .map(|&i| q.questions[i].id.as_str())
        .collect();
    assert_eq!(failed, ["Q04"]);
    assert_eq!(fl.level, 0);
    assert_eq!(fl.unsubstantiated_count, 4);
    // The same sheet in declarative mode reaches N1.
    let d = score(q, &s, &ScoringOptions::default());
    assert_eq!(d.track(Track::FL).unwrap().level, 1);
    assert_eq!(d.track(Track::FL).unwrap().unsubstantiated_count, 0);
}

#[test]
fn threshold_is_exact_at_seventy_percent() {
    // N1 FL, 6 questions: 4 yes + 1 partial... 4.5/6 = 75 %; 4 yes, 2 no = 66.7 %.
    // 3.5 of 5 (exactly 70 %) is reached with one `na`: Q05 na, Q07 no, Q06 partial.
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    let s = sheet(
        r#""Q01": {"FL": "yes"}, "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"},
        "Q05": {"FL": {"value": "na", "justification": "single-tier service company"}},
        "Q06": {"FL": "partial"}, "Q07": {"FL": "no"}"#,
    );
    let a = score(q, &s, &ScoringOptions::default());
    let n1 = a.track(Track::FL).unwrap().level_result(Level::N1);
    assert_eq!(n1.score.percent(), Some(70.0));
    assert!(n1.achieved, "3.5 of 5 is exactly 70 % and passes");
    // With a 70.001 % threshold it fails.
    let opts = ScoringOptions {
        threshold: vigilance_core::Percent::from_f64(70.001),
        ..Default::default()
    };
    let a = score(q, &s, &opts);
    assert!(!a.track(Track::FL).unwrap().level_result(Level::N1).achieved);
}

#[test]
fn next_steps_follow_the_stated_order() {
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    let a = score(q, &sheet(EXAMPLE_1), &ScoringOptions::default());
    let fl: Vec<(&str, &str)> = a
        .next_steps
        .iter()
        .filter(|s| s.track == Track::FL)
        .map(|s| (q.questions[s.question].id.as_str(), s.reason.code()))
        .collect();
    // (1) critical N2 not full, (2) other N2 not full (none), (3) N1 not full.
    assert_eq!(fl, [("Q09", "critical_next_level"), ("Q07", "consolidate")]);
    // CL at level 0: criticals of N1 first, then the other N1 questions.
    let cl: Vec<&str> = a
        .next_steps
        .iter()
        .filter(|s| s.track == Track::CL)
        .map(|s| q.questions[s.question].id.as_str())
        .collect();
    assert_eq!(cl, ["Q01", "Q04", "Q03", "Q05", "Q06", "Q07"]);
}
