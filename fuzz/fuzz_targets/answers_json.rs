//! Answer-sheet JSON on every built-in grid and on the grid it names: read, check, score,
//! coverage, export round trip.
//! The check is `vigilance_fuzz_checks::answers_json` (crates/fuzz-checks), which `cargo test` also
//! runs on every seed and crash artifact.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vigilance_fuzz_checks::answers_json(data));
