//! Spreadsheet bytes on every built-in grid and on the grid they name: read, then check and
//! score every sheet read.
//! The check is `vigilance_fuzz_checks::xlsx_read` (crates/fuzz-checks), which `cargo test` also
//! runs on every seed and crash artifact.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vigilance_fuzz_checks::xlsx_read(data));
