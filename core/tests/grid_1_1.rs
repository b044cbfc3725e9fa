//! Grid `rhsf-fir` 1.1.0: the method's rules hold (worked examples re-expressed on 1.1.0),
//! every question is mapped and referenced in both languages, the 1.0.0 questions keep their
//! place, provenance is carried, and the per-framework coverage is pinned as a snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::coverage::{framework_counts, grid_coverage};
use vigilance_core::mapping::Reference;
use vigilance_core::{
    AnswerSheet, EvidenceMode, Lang, Level, Questionnaire, ScoringOptions, Track, registry, score,
};

fn v11() -> &'static Questionnaire {
    registry::find("rhsf-fir", "1.1.0").expect("1.1.0 is built in")
}

fn v10() -> &'static Questionnaire {
    registry::find("rhsf-fir", "1.0.0").expect("1.0.0 is built in")
}

fn sheet(answers: &str) -> AnswerSheet {
    let text = format!(
        r#"{{"format":"vigilance.answers/1","questionnaire":{{"id":"rhsf-fir","version":"1.1.0"}},
        "company":{{"name":"Exemple SA"}},"answers":{{{answers}}}}}"#
    );
    match AnswerSheet::parse(&text, v11()) {
        Ok(p) => p.value,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn counts_and_criticals_follow_the_rules() {
    let q = v11();
    let want = [(Track::CL, [6, 7, 11, 9]), (Track::FL, [6, 7, 11, 10])];
    for (track, counts) in want {
        for (level, n) in Level::ALL.into_iter().zip(counts) {
            let qs: Vec<_> = q.questions_of(track, level).collect();
            assert_eq!(qs.len(), n, "{track} {level}");
            assert!((5..=12).contains(&qs.len()));
            assert!(qs.iter().any(|x| x.critical), "{track} {level}");
        }
    }
    // The 1.0.0 questions keep their id, level, theme, tracks and critical flag.
    for old in &v10().questions {
        let new = q.question(&old.id).unwrap();
        assert_eq!(
            (new.level, &new.theme, &new.tracks, new.critical),
            (old.level, &old.theme, &old.tracks, old.critical),
            "{}",
            old.id
        );
    }
}

#[test]
fn every_question_is_mapped_and_referenced_in_both_languages() {
    let q = v11();
    for question in &q.questions {
        assert!(
            !question.mappings.is_empty(),
            "{} has no mapping",
            question.id
        );
        assert!(!question.references.is_empty(), "{}", question.id);
        for r in &question.references {
            assert!(
                matches!(r, Reference::Text(t) if t.missing().count() == 0),
                "{}: {r:?}",
                question.id
            );
        }
    }
}

#[test]
fn provenance_says_who_authored_what() {
    for grid in registry::builtin_grids()
        .iter()
        .filter(|g| g.version != "1.0.0")
    {
        let p = grid.provenance.as_ref().unwrap();
        assert!(
            p.get(Lang::En).contains("not endorsed by RHSF or the FIR"),
            "{}",
            grid.name()
        );
        assert!(
            p.get(Lang::Fr)
                .contains("ni validés ni approuvés par RHSF ou le FIR")
        );
        // The title names the RHSF/FIR levels, never "the RHSF/FIR grid" (1.1.0: "RHSF/FIR
        // levels"; 1.2.0: "RHSF/FIR maturity levels"; light grid 1.1.0: "levels adapted from
        // the RHSF/FIR method").
        let title = grid.title.get(Lang::En);
        assert!(
            title.contains("RHSF/FIR")
                && title.contains("levels")
                && !title.contains("RHSF/FIR grid"),
            "{}",
            grid.name()
        );
    }
}

/// Worked example 1 on 1.1.0: N2 gains Q34, so with Q34 answered yes N2 scores 6.5/7 = 92.9 %,
/// still not achieved because critical Q09 is only partial.
#[test]
fn example_1_on_1_1() {
    let q = v11();
    let a = score(
        q,
        &sheet(
            r#""Q01": {"FL": "yes"}, "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"},
               "Q05": {"FL": "yes"}, "Q06": {"FL": "yes"}, "Q07": {"FL": "no"},
               "Q09": {"FL": "partial"}, "Q08": {"FL": "yes"}, "Q10": {"FL": "yes"},
               "Q11": {"FL": "yes"}, "Q13": {"FL": "yes"}, "Q14": {"FL": "yes"},
               "Q34": {"FL": "yes"}"#,
        ),
        &ScoringOptions::default(),
    );
    let fl = a.track(Track::FL).unwrap();
    assert_eq!(fl.level_result(Level::N1).score.percent(), Some(83.3));
    assert!(fl.level_result(Level::N1).achieved);
    let n2 = fl.level_result(Level::N2);
    assert_eq!(n2.score.percent(), Some(92.9));
    assert!(n2.meets_threshold && !n2.achieved);
    assert_eq!(fl.level, 1);
    let first = a.next_steps.iter().find(|s| s.track == Track::FL).unwrap();
    assert_eq!(q.questions[first.question].id, "Q09");
}

/// Worked example 2 on 1.1.0: CL N3 has 11 questions; Q20 `na`, Q17 `unknown`, the nine
/// others `yes` → 9/10 = 90 %, achieved, one knowledge gap.
#[test]
fn example_2_on_1_1() {
    let q = v11();
    let a = score(
        q,
        &sheet(
            r#""Q20": {"CL": {"value": "na", "justification": "Aucun fournisseur agricole ni travail à domicile."}},
               "Q17": {"CL": "unknown"}, "Q15": {"CL": "yes"}, "Q16": {"CL": "yes"},
               "Q18": {"CL": "yes"}, "Q21": {"CL": "yes"}, "Q22": {"CL": "yes"},
               "Q23": {"CL": "yes"}, "Q37": {"CL": "yes"}, "Q39": {"CL": "yes"},
               "Q40": {"CL": "yes"}"#,
        ),
        &ScoringOptions::default(),
    );
    let cl = a.track(Track::CL).unwrap();
    let n3 = cl.level_result(Level::N3);
    assert_eq!(n3.score.percent(), Some(90.0));
    assert!(n3.achieved);
    assert_eq!(n3.not_applicable, 1);
    assert_eq!(cl.unknown_count, 1);
}

/// Worked example 3 on 1.1.0: level 1 is unchanged, so the substantiated figures are too.
#[test]
fn example_3_on_1_1() {
    let q = v11();
    let a = score(
        q,
        &sheet(
            r#""Q01": {"FL": {"value": "yes", "evidence": ["Support de formation 2025"]}},
               "Q02": {"FL": "yes"}, "Q04": {"FL": "yes"}, "Q05": {"FL": "yes"},
               "Q06": {"FL": "yes"}, "Q07": {"FL": "no"}"#,
        ),
        &ScoringOptions {
            evidence_mode: EvidenceMode::Substantiated,
            threshold: None,
        },
    );
    let fl = a.track(Track::FL).unwrap();
    assert_eq!(fl.level_result(Level::N1).score.percent(), Some(50.0));
    assert!(!fl.level_result(Level::N1).achieved);
    assert_eq!(fl.level, 0);
    assert_eq!(fl.unsubstantiated_count, 4);
}

#[test]
fn coverage_per_framework() {
    let q = v11();
    let cl = framework_counts(q, Track::CL);
    let fl = framework_counts(q, Track::FL);
    let mut table = String::from("framework | CL covered/total | FL covered/total | not covered\n");
    let map = grid_coverage(q);
    for (i, f) in q.frameworks.iter().enumerate() {
        let uncovered: Vec<&str> = map
            .iter()
            .filter(|r| r.framework == i && !r.is_covered(Track::CL) && !r.is_covered(Track::FL))
            .map(|r| f.requirements[r.requirement].reference.as_str())
            .collect();
        table.push_str(&format!(
            "{} | {}/{} | {}/{} | {}\n",
            f.id,
            cl[i].covered,
            cl[i].total,
            fl[i].covered,
            fl[i].total,
            uncovered.join(", ")
        ));
    }
    insta::assert_snapshot!(table);
}
