//! Spreadsheet bytes (answer templates, matrices, or anything): reading must never panic, and
//! every sheet read must pass the answer-sheet checks and score.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigilance_core::import::xlsx::read_workbook;
use vigilance_core::{Lang, ScoringOptions, registry, score};

fuzz_target!(|data: &[u8]| {
    let q = registry::find("rhsf-fir", "1.0.0").expect("rhsf-fir 1.0.0 is built in");
    for imported in read_workbook(data, q) {
        match imported.result {
            Ok(parsed) => {
                assert!(parsed.value.check(q).iter().all(|p| !p.is_error()));
                let a = score(q, &parsed.value, &ScoringOptions::default());
                assert!(a.headline_level <= 4);
            }
            Err(problems) => {
                assert!(!problems.0.is_empty());
                let _ = problems.describe(Lang::Fr);
            }
        }
    }
});
