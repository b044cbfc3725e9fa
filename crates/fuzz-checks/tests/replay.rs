//! Replays every seed of `fuzz/corpus/<target>/` and every crash artifact of
//! `fuzz/artifacts/<target>/` (when a fuzzing run left some) through the check the fuzz target
//! runs, and each built-in grid's file through the questionnaire check: the fuzz targets'
//! regression test, on stable Rust. Real fuzzing is `bash scripts/fuzz.sh` (nightly).

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use vigilance_fuzz_checks::{TARGETS, questionnaire_json};
use vigilance_grids::registry;

/// The repository's `fuzz/` folder.
fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of `dir`, sorted; none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs `check` on each file, and fails naming every file whose check panicked.
fn replay(check: fn(&[u8]), inputs: &[PathBuf]) {
    let failed: Vec<String> = inputs
        .iter()
        .filter(|path| {
            let data = fs::read(path).unwrap();
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(failed.is_empty(), "the check failed on: {failed:#?}");
}

#[test]
fn every_target_replays_its_seeds_and_artifacts() {
    for (name, check) in TARGETS {
        let seeds = files(&fuzz_dir().join("corpus").join(name));
        assert!(
            seeds.iter().any(|p| p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))),
            "fuzz/corpus/{name}/ has no committed seed"
        );
        replay(*check, &seeds);
        replay(*check, &files(&fuzz_dir().join("artifacts").join(name)));
    }
}

#[test]
fn every_builtin_grid_file_passes_the_questionnaire_check() {
    let inputs: Vec<PathBuf> = registry::BUILTIN
        .iter()
        .map(|g| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(g.file)
        })
        .collect();
    assert!(inputs.len() >= 4, "{inputs:?}");
    replay(questionnaire_json, &inputs);
}

/// The targets here are exactly the fuzz crate's binaries and corpus folders: a target added on
/// one side only would go untested.
#[test]
fn the_targets_match_the_fuzz_crate() {
    let ours: BTreeSet<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    let manifest = fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    let bins: BTreeSet<&str> = manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|bin| {
            bin.lines()
                .find_map(|l| l.trim().strip_prefix("name = "))
                .map(|n| n.trim_matches('"'))
        })
        .collect();
    assert_eq!(bins, ours, "fuzz/Cargo.toml's [[bin]]s");
    let targets: BTreeSet<String> = files(&fuzz_dir().join("fuzz_targets"))
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    let ours_owned: BTreeSet<String> = ours.iter().map(|s| s.to_string()).collect();
    assert_eq!(targets, ours_owned, "fuzz/fuzz_targets/*.rs");
    let corpora: BTreeSet<String> = fs::read_dir(fuzz_dir().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(corpora, ours_owned, "fuzz/corpus/*/");
}
