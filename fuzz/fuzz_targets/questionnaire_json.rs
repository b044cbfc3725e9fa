//! Questionnaire JSON: read and check; a grid that loads scores an empty and a complete sheet,
//! with its coverage.
//! The check is `vigilance_fuzz_checks::questionnaire_json` (crates/fuzz-checks), which `cargo test` also
//! runs on every seed and crash artifact.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vigilance_fuzz_checks::questionnaire_json(data));
