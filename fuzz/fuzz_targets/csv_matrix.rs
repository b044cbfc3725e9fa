//! CSV matrices (comma or semicolon): reading must never panic, and every company read must pass
//! the answer-sheet checks and score.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigilance_core::import::csv::read_matrix_csv;
use vigilance_core::{Lang, ScoringOptions, registry, score};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let q = registry::find("rhsf-fir", "1.0.0").expect("rhsf-fir 1.0.0 is built in");
    for imported in read_matrix_csv(text, q) {
        match imported.result {
            Ok(parsed) => {
                assert!(parsed.value.check(q).iter().all(|p| !p.is_error()));
                let _ = score(q, &parsed.value, &ScoringOptions::default());
            }
            Err(problems) => {
                let _ = problems.describe(Lang::En);
            }
        }
    }
});
