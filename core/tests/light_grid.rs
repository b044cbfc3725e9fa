//! The light grid for SMEs and suppliers (`rhsf-fir-sme`): it is built in, follows the grid
//! rules of docs/method.md, and the five example supplier sheets reach the levels computed
//! independently by scripts/sme-expected-levels.py (tests/fixtures/examples-1.0/examples-suppliers/README.md).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use vigilance_core::{AnswerSheet, EvidenceMode, Level, ScoringOptions, Track, registry, score};

fn sme() -> &'static vigilance_core::Questionnaire {
    registry::find("rhsf-fir-sme", "1.0.0").expect("the light grid is built in")
}

#[test]
fn the_light_grid_keeps_the_grid_rules() {
    let q = sme();
    for track in [Track::CL, Track::FL] {
        let total: usize = Level::ALL
            .into_iter()
            .map(|l| q.questions_of(track, l).count())
            .sum();
        assert!((12..=16).contains(&total), "{track}: {total} questions");
        for level in Level::ALL {
            let n = q.questions_of(track, level).count();
            assert!(n >= 3, "{track} {level}: {n} questions");
            assert!(
                q.questions_of(track, level).any(|x| x.critical),
                "{track} {level}: no critical question"
            );
        }
    }
    for question in &q.questions {
        assert!(
            !(question.critical && question.allows_na()),
            "{}",
            question.id
        );
        assert!(
            !question.maps_to.is_empty(),
            "{} maps to nothing",
            question.id
        );
    }
    assert_eq!(q.based_on.as_ref().map(|b| b.id.as_str()), Some("rhsf-fir"));
    assert!(q.provenance.is_some());
}

/// (file, CL, FL, headline) declarative, then CL, FL, headline substantiated.
const EXPECTED: &[(&str, [u8; 3], [u8; 3])] = &[
    ("01-textiles-alpha-tier1.json", [2, 1, 1], [0, 0, 0]),
    ("02-agrifood-alpha-tier2.json", [1, 0, 0], [0, 0, 0]),
    ("03-cleaning-alpha-tier1.json", [0, 1, 0], [0, 0, 0]),
    ("04-electronics-beta-tier2.json", [3, 3, 3], [3, 3, 3]),
    ("05-logistics-beta-tier3plus.json", [2, 2, 2], [1, 0, 0]),
];

#[test]
fn supplier_sheets_reach_their_expected_levels() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/examples-1.0/examples-suppliers");
    for (file, declared, substantiated) in EXPECTED {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let (id, version) = registry::peek_questionnaire(&text).unwrap();
        let grid = registry::for_sheet(&id, &version).unwrap();
        assert_eq!(grid.id, "rhsf-fir-sme", "{file}");
        let parsed = AnswerSheet::parse(&text, grid).unwrap();
        assert!(parsed.warnings.is_empty(), "{file}: {:?}", parsed.warnings);
        for (mode, want) in [
            (EvidenceMode::Declarative, declared),
            (EvidenceMode::Substantiated, substantiated),
        ] {
            let a = score(
                grid,
                &parsed.value,
                &ScoringOptions {
                    evidence_mode: mode,
                    threshold: None,
                },
            );
            let got = [
                a.track(Track::CL).unwrap().level,
                a.track(Track::FL).unwrap().level,
                a.headline_level,
            ];
            assert_eq!(got, *want, "{file} ({mode:?})");
        }
    }
}
