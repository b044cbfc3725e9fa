//! What the command's integration tests share: the repository root, the `vigilance` command run
//! from it, and the result document read back from its output. Each test file includes this
//! module and uses what it needs.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Not every file uses everything.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use vigilance_core::report::lean::LeanDocument;

/// The repository's root (the examples and fixtures are named from there).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `vigilance` command, run from the repository's root.
pub fn vigilance() -> Command {
    let mut cmd = Command::cargo_bin("vigilance").unwrap();
    cmd.current_dir(root());
    cmd
}

/// The result document `vigilance score --format json` wrote (lean: without `--embed-texts`).
pub fn document(stdout: &[u8]) -> LeanDocument {
    serde_json::from_slice(stdout).expect("stdout is a result document")
}
