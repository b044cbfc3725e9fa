//! CSV matrices on every built-in grid and on the grid their columns fit: read, then check and
//! score every company read.
//! The check is `vigilance_fuzz_checks::csv_matrix` (crates/fuzz-checks), which `cargo test` also
//! runs on every seed and crash artifact.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vigilance_fuzz_checks::csv_matrix(data));
