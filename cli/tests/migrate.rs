//! `vigilance migrate` from the outside: the example sheets move to grid 1.1.0, the originals
//! are untouched, the migrated sheets are valid and provisional on 1.1.0, the report names every
//! answer not carried over, and a bad input is reported while the others are still migrated.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test set-up: a failure here is a failed test.

use vigilance_core::{AnswerSheet, ScoringOptions, registry, score};

mod common;
use common::{root, vigilance};

#[test]
fn example_sheets_move_to_1_1_0_and_stay_valid() {
    let dir = tempfile::tempdir().unwrap();
    let before =
        std::fs::read(root().join("tests/fixtures/examples-1.0/examples/05-level2-hotels.json"))
            .unwrap();
    let out = vigilance()
        .args([
            "migrate",
            "tests/fixtures/examples-1.0/examples",
            "--to",
            "1.1.0",
            "--lang",
            "en",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("Sheets migrated into") && report.contains(": 7; failed: 0."),
        "{report}"
    );
    assert!(
        report.contains("Q12 CL: not carried over: the question was revised"),
        "{report}"
    );
    assert!(
        report.contains("Q34 FL: new question, unanswered"),
        "{report}"
    );
    // The originals are not modified.
    let after =
        std::fs::read(root().join("tests/fixtures/examples-1.0/examples/05-level2-hotels.json"))
            .unwrap();
    assert_eq!(before, after);
    let v11 = registry::find("rhsf-fir", "1.1.0").unwrap();
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 7);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let parsed = AnswerSheet::parse(&text, v11).unwrap();
        assert_eq!(parsed.value.questionnaire.version, "1.1.0");
        assert!(
            parsed.warnings.is_empty(),
            "{}: {:?}",
            f.display(),
            parsed.warnings
        );
        // New questions are unanswered: the result is provisional.
        assert!(score(v11, &parsed.value, &ScoringOptions::default()).provisional);
    }
}

#[test]
fn a_bad_sheet_is_reported_and_the_others_still_migrate() {
    let dir = tempfile::tempdir().unwrap();
    let out = vigilance()
        .args([
            "migrate",
            "tests/fixtures/examples-1.0/examples/03-level1-automotive.json",
            "tests/fixtures/bad",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains(" : 1 ; en échec : "), "{report}");
    assert!(dir.path().join("03-level1-automotive.json").exists());
}

#[test]
fn migrating_to_an_unknown_version_says_which_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = vigilance()
        .args([
            "migrate",
            "tests/fixtures/examples-1.0/examples/01-blank.json",
            "--to",
            "3.0.0",
            "--lang",
            "en",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("no version `3.0.0` of grid rhsf-fir"),
        "{report}"
    );
    assert!(report.contains("rhsf-fir@1.1.0"), "{report}");
}
