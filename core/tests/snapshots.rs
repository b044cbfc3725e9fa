//! Snapshot of the result document of every example answer sheet in
//! `tests/fixtures/examples-1.0/examples/`, in both evidence modes. A change in scoring shows up here as a
//! reviewable diff (`cargo insta review`, or `INSTA_UPDATE=always cargo test` then `git diff`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::report::json::ResultEntry;
use vigilance_core::{AnswerSheet, EvidenceMode, ScoringOptions, score};

#[test]
fn example_sheets_results() {
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    insta::glob!(
        "../../tests/fixtures/examples-1.0/examples",
        "*.json",
        |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let parsed = match AnswerSheet::parse(&text, q) {
                Ok(p) => p,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            assert!(
                parsed.warnings.is_empty(),
                "{}: {:?}",
                path.display(),
                parsed.warnings
            );
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
                let opts = ScoringOptions {
                    evidence_mode: mode,
                    threshold: None,
                };
                let assessment = score(q, &parsed.value, &opts);
                let entry =
                    ResultEntry::new(&name, q, &parsed.value, &assessment, &parsed.warnings);
                // The question and recommendation texts come from the grid file: keep the
                // snapshots about results.
                let mut value = serde_json::to_value(&entry).unwrap();
                for step in value["next_steps"].as_array_mut().unwrap() {
                    let step = step.as_object_mut().unwrap();
                    step.remove("text");
                    step.remove("recommendation");
                }
                insta::assert_json_snapshot!(mode.code(), value);
            }
        }
    );
}
