//! Grid `rhsf-fir` 1.2.0 and light grid `rhsf-fir-sme` 1.1.0 (issue 19): counts and criticals,
//! N/A only where a condition is written, the frameworks' kinds, the per-framework coverage,
//! migration from 1.0.0 and 1.1.0 sheets, and the example sheets scored on them in their story.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use vigilance_core::coverage::framework_counts;
use vigilance_core::mapping::FrameworkKind;
use vigilance_core::migrate::{Outcome, migrate};
use vigilance_core::{AnswerSheet, Level, Questionnaire, ScoringOptions, Track, registry, score};

fn v12() -> &'static Questionnaire {
    registry::find("rhsf-fir", "1.2.0").expect("1.2.0 is built in")
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn it_is_the_default_grid() {
    assert_eq!(registry::default_grid().version, "1.2.0");
    assert_eq!(registry::default_grid().id, "rhsf-fir");
}

#[test]
fn counts_and_criticals_follow_the_rules() {
    let q = v12();
    let want = [
        (Track::CL, [5, 10, 12, 11], [2, 3, 4, 3]),
        (Track::FL, [5, 10, 12, 12], [2, 3, 5, 3]),
    ];
    for (track, counts, criticals) in want {
        for ((level, n), c) in Level::ALL.into_iter().zip(counts).zip(criticals) {
            let qs: Vec<_> = q.questions_of(track, level).collect();
            assert_eq!(qs.len(), n, "{track} {level}");
            assert_eq!(
                qs.iter().filter(|q| q.critical).count(),
                c,
                "{track} {level}"
            );
        }
    }
}

#[test]
fn na_only_where_its_condition_is_written() {
    let q = v12();
    let limits = q.na_limits.expect("na_limits");
    assert!(limits.min_applicable_percent >= 50.0);
    assert!(limits.evidence_when_substantiated);
    let allowed: Vec<&str> = q
        .questions
        .iter()
        .filter(|q| q.allows_na())
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(allowed, ["Q19", "Q37", "Q39", "Q40", "Q25"]);
    for question in &q.questions {
        assert_eq!(
            question.allows_na(),
            question.na_condition.is_some(),
            "{}",
            question.id
        );
    }
    let q36 = q.question("Q36").unwrap();
    assert!(q36.critical && !q36.allows_na());
}

#[test]
fn every_framework_has_its_kind() {
    let kinds: Vec<(&str, FrameworkKind)> = v12()
        .frameworks
        .iter()
        .map(|f| (f.id.as_str(), f.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("FR-DV", FrameworkKind::Obligation),
            ("CSDDD", FrameworkKind::Obligation),
            ("ESRS-S2", FrameworkKind::Disclosure),
            ("ESRS-S1", FrameworkKind::Disclosure),
            ("LKSG", FrameworkKind::Obligation),
            ("EU-FLR", FrameworkKind::ProductRule),
            ("OECD-DDG", FrameworkKind::Guidance),
            ("UNGP", FrameworkKind::Guidance),
            ("SFDR-PAI", FrameworkKind::Indicator),
            ("ILO", FrameworkKind::Instrument),
        ]
    );
    let lksg = v12().frameworks.iter().find(|f| f.id == "LKSG").unwrap();
    assert!(lksg.requirement("§ 10(2)").unwrap().suspended.is_some());
}

/// The per-framework coverage of docs/method.md ("Regulation mapping in 1.2.0").
#[test]
fn coverage_per_framework() {
    let q = v12();
    let cl = framework_counts(q, Track::CL);
    let fl = framework_counts(q, Track::FL);
    let got: Vec<(&str, usize, usize, usize)> = q
        .frameworks
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), cl[i].covered, fl[i].covered, cl[i].total))
        .collect();
    assert_eq!(
        got,
        [
            ("FR-DV", 8, 8, 8),
            ("CSDDD", 24, 24, 30),
            ("ESRS-S2", 6, 6, 6),
            ("ESRS-S1", 4, 4, 4),
            ("LKSG", 20, 20, 26),
            ("EU-FLR", 0, 3, 4),
            ("OECD-DDG", 6, 6, 6),
            ("UNGP", 12, 12, 13),
            ("SFDR-PAI", 6, 7, 9),
            ("ILO", 9, 21, 30),
        ]
    );
}

fn fixture(name: &str) -> AnswerSheet {
    let text = std::fs::read_to_string(root().join(name)).unwrap();
    let grid = registry::find("rhsf-fir", "1.0.0").unwrap();
    AnswerSheet::parse(&text, grid).unwrap().value
}

#[test]
fn a_1_0_0_sheet_migrates_to_1_2_0_by_the_change_log() {
    let from = registry::find("rhsf-fir", "1.0.0").unwrap();
    let sheet = fixture("tests/fixtures/examples-1.0/examples/06-level4-utilities.json");
    let m = migrate(&sheet, from, v12()).unwrap();
    let outcome = |q: &str, t: Track| {
        m.changes
            .iter()
            .find(|c| c.question == q && c.track == t)
            .map(|c| c.outcome)
    };
    assert_eq!(outcome("Q01", Track::CL), Some(Outcome::CarriedReworded));
    assert_eq!(outcome("Q05", Track::FL), Some(Outcome::CarriedReworded));
    assert_eq!(outcome("Q12", Track::CL), Some(Outcome::DroppedRevised));
    assert_eq!(outcome("Q04", Track::FL), Some(Outcome::DroppedRevised));
    assert_eq!(outcome("Q21", Track::FL), Some(Outcome::DroppedRevised));
    assert_eq!(outcome("Q41", Track::CL), Some(Outcome::Added));
    assert_eq!(outcome("Q34", Track::FL), Some(Outcome::Added));
    assert_eq!(m.sheet.questionnaire.version, "1.2.0");
}

#[test]
fn a_1_1_0_sheet_migrates_to_1_2_0() {
    let from = registry::find("rhsf-fir", "1.1.0").unwrap();
    let text = r#"{"format":"vigilance.answers/1","questionnaire":{"id":"rhsf-fir","version":"1.1.0"},
        "company":{"name":"Exemple SA"},"answers":{"Q36":{"FL":"yes"},"Q13":{"CL":"yes"},
        "Q28":{"CL":"yes"},"Q39":{"CL":{"value":"na","justification":"Pas d'hôtellerie."}}}}"#;
    let sheet = AnswerSheet::parse(text, from).unwrap().value;
    let m = migrate(&sheet, from, v12()).unwrap();
    let outcome = |q: &str, t: Track| {
        m.changes
            .iter()
            .find(|c| c.question == q && c.track == t)
            .map(|c| c.outcome)
    };
    assert_eq!(outcome("Q36", Track::FL), Some(Outcome::CarriedReworded));
    assert_eq!(outcome("Q13", Track::CL), Some(Outcome::CarriedReworded));
    assert_eq!(outcome("Q28", Track::CL), Some(Outcome::DroppedRevised));
    assert_eq!(outcome("Q39", Track::CL), Some(Outcome::CarriedReworded));
    assert_eq!(outcome("Q44", Track::CL), Some(Outcome::Added));
}

/// The example sheets answer the default grids and keep their story (docs/method.md;
/// questionnaires/examples-suppliers/README.md for the suppliers).
#[test]
fn the_examples_are_on_the_default_grids_and_keep_their_levels() {
    let cases: [(&str, u8, u8); 12] = [
        ("questionnaires/examples/02-level0-agrifood.json", 0, 0),
        ("questionnaires/examples/03-level1-automotive.json", 1, 1),
        ("questionnaires/examples/04-level2-construction.json", 2, 2),
        ("questionnaires/examples/05-level2-hotels.json", 3, 2),
        ("questionnaires/examples/06-level4-utilities.json", 4, 4),
        ("questionnaires/examples/07-partial-textiles.json", 2, 1),
        ("questionnaires/examples-2024/01-industry.json", 0, 0),
        ("questionnaires/examples-2024/02-agrifood.json", 0, 0),
        ("questionnaires/examples-2024/03-automotive.json", 0, 0),
        ("questionnaires/examples-2024/04-construction.json", 3, 3),
        ("questionnaires/examples-2024/05-hotels.json", 2, 1),
        ("questionnaires/examples-2024/06-utilities.json", 3, 3),
    ];
    for (file, cl, fl) in cases {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let parsed = AnswerSheet::parse(&text, v12()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(parsed.warnings.is_empty(), "{file}: {:?}", parsed.warnings);
        let a = score(v12(), &parsed.value, &ScoringOptions::default());
        assert_eq!(a.track(Track::CL).unwrap().level, cl, "{file} CL");
        assert_eq!(a.track(Track::FL).unwrap().level, fl, "{file} FL");
    }
    let light = registry::find("rhsf-fir-sme", "1.1.0").unwrap();
    for e in std::fs::read_dir(root().join("questionnaires/examples-suppliers")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = AnswerSheet::parse(&text, light).unwrap();
        assert!(parsed.warnings.is_empty(), "{}", path.display());
    }
}

fn sheet_1_2(answers: &str) -> AnswerSheet {
    let text = format!(
        r#"{{"format":"vigilance.answers/1","questionnaire":{{"id":"rhsf-fir","version":"1.2.0"}},
        "company":{{"name":"Exemple SA"}},"answers":{{{answers}}}}}"#
    );
    match AnswerSheet::parse(&text, v12()) {
        Ok(p) => p.value,
        Err(e) => panic!("{e}"),
    }
}

/// Worked example 1 on 1.2.0 (docs/method.md): FL N1 has five questions (Q05 moved to N3):
/// Q01, Q02, Q04, Q06 `yes`, Q07 `no` → 4/5 = 80 %, achieved. N2 has ten: Q09 `partial`, the
/// nine others `yes` → 9.5/10 = 95 %, not achieved (critical Q09). M(FL) = 1; first step Q09.
#[test]
fn example_1_on_1_2() {
    let q = v12();
    let a = score(
        q,
        &sheet_1_2(
            r#""Q01": {"FL": "yes"}, "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"},
               "Q06": {"FL": "yes"}, "Q07": {"FL": "no"},
               "Q08": {"FL": "yes"}, "Q09": {"FL": "partial"}, "Q10": {"FL": "yes"},
               "Q11": {"FL": "yes"}, "Q13": {"FL": "yes"}, "Q14": {"FL": "yes"},
               "Q34": {"FL": "yes"}, "Q42": {"FL": "yes"}, "Q43": {"FL": "yes"},
               "Q45": {"FL": "yes"}"#,
        ),
        &ScoringOptions::default(),
    );
    let fl = a.track(Track::FL).unwrap();
    assert_eq!(fl.level_result(Level::N1).score.percent(), Some(80.0));
    assert!(fl.level_result(Level::N1).achieved);
    let n2 = fl.level_result(Level::N2);
    assert_eq!(n2.score.percent(), Some(95.0));
    assert!(n2.meets_threshold && !n2.achieved);
    assert_eq!(fl.level, 1);
    let first = a.next_steps.iter().find(|s| s.track == Track::FL).unwrap();
    assert_eq!(q.questions[first.question].id, "Q09");
}

/// Worked example 2 on 1.2.0: CL N3 has twelve questions and Q20 no longer allows `na` (it
/// applies to every company); Q37 is `na` on its written condition (no conflict-affected or
/// high-risk area), Q22 `unknown`, the ten others `yes` → 10/11 = 90.9 %, achieved, one
/// knowledge gap.
#[test]
fn example_2_on_1_2() {
    let q = v12();
    let a = score(
        q,
        &sheet_1_2(
            r#""Q37": {"CL": {"value": "na", "justification": "Aucune zone de conflit ou à haut risque dans la chaîne, d'après la cartographie 2025."}},
               "Q22": {"CL": "unknown"}, "Q05": {"CL": "yes"}, "Q15": {"CL": "yes"},
               "Q16": {"CL": "yes"}, "Q18": {"CL": "yes"}, "Q20": {"CL": "yes"},
               "Q21": {"CL": "yes"}, "Q23": {"CL": "yes"}, "Q39": {"CL": "yes"},
               "Q40": {"CL": "yes"}, "Q41": {"CL": "yes"}"#,
        ),
        &ScoringOptions::default(),
    );
    let cl = a.track(Track::CL).unwrap();
    let n3 = cl.level_result(Level::N3);
    assert_eq!(n3.score.percent(), Some(90.9));
    assert!(n3.achieved);
    assert_eq!(n3.not_applicable, 1);
    assert_eq!(cl.unknown_count, 1);
}

/// Worked example 3 on 1.2.0: example 1's N1 with evidence on Q01 only, in substantiated mode →
/// 1 + 0.5 + 0.5 + 0.5 + 0 = 2.5/5 = 50 %, critical Q04 not full → M(FL) = 0; three answers
/// unsubstantiated.
#[test]
fn example_3_on_1_2() {
    let q = v12();
    let a = score(
        q,
        &sheet_1_2(
            r#""Q01": {"FL": {"value": "yes", "evidence": ["Support de formation 2025"]}},
               "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"}, "Q06": {"FL": "yes"},
               "Q07": {"FL": "no"}"#,
        ),
        &vigilance_core::ScoringOptions {
            evidence_mode: vigilance_core::EvidenceMode::Substantiated,
            threshold: None,
        },
    );
    let fl = a.track(Track::FL).unwrap();
    assert_eq!(fl.level_result(Level::N1).score.percent(), Some(50.0));
    assert!(!fl.level_result(Level::N1).achieved);
    assert_eq!(fl.level, 0);
    assert_eq!(fl.unsubstantiated_count, 3);
}
