//! Bytes read as an evidence dossier (`vigilance.dossier/1`): never a panic; a refusal carries
//! a `VG-D` code; a dossier that passes has a fingerprint.
//! The check is `vigilance_fuzz_checks::dossier_zip` (crates/fuzz-checks), which `cargo test` also
//! runs on every seed and crash artifact.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| vigilance_fuzz_checks::dossier_zip(data));
