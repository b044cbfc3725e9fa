//! Bytes read as an evidence dossier (`vigilance.dossier/1`): never a panic; a refusal carries
//! a `VG-D` code; a dossier that passes has a fingerprint. The check is
//! `vigilance_dossier::fuzz_check`, replayed on the fixtures by the crate's tests.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    vigilance_dossier::fuzz_check(data);
});
