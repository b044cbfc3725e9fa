//! Records the commit the `vigilance` binary is built from, for `vigilance --version`
//! (`vigilance 0.1.0 (commit 0123456789ab)`). Sets `VIGILANCE_BUILD_COMMIT` for the crate.
//!
//! Where the commit comes from, first found wins:
//! 1. the `VIGILANCE_COMMIT` environment variable (a packager building from a source archive);
//! 2. git, when the sources are a git checkout: `HEAD`, with `, modified` when tracked files
//!    differ from it;
//! 3. `cli/COMMIT`, which `git archive` fills in (`export-subst` in `.gitattributes`);
//! 4. otherwise `unknown` (no git, or git refused the repository).
//!
//! The build script reruns when HEAD, the branch it points to or the index changes. A tracked
//! file edited and not yet staged is seen the next time one of those changes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=VIGILANCE_COMMIT");
    println!("cargo:rerun-if-changed=COMMIT");
    let commit = std::env::var("VIGILANCE_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim().to_string())
        .or_else(from_git)
        .or_else(from_archive)
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=VIGILANCE_BUILD_COMMIT={commit}");
}

/// Runs git in the crate's directory; `None` when git is missing or fails (not a checkout,
/// a repository owned by another user).
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn from_git() -> Option<String> {
    let head = git(&["rev-parse", "--short=12", "HEAD"])?;
    if head.is_empty() {
        return None;
    }
    // Rerun when the commit moves or the index changes (commit, checkout, add).
    let git_dir = git(&["rev-parse", "--git-dir"]).map(PathBuf::from);
    let common_dir = git(&["rev-parse", "--git-common-dir"]).map(PathBuf::from);
    if let Some(dir) = &git_dir {
        watch(&dir.join("HEAD"));
        watch(&dir.join("index"));
    }
    if let (Some(dir), Some(branch)) = (&common_dir, git(&["symbolic-ref", "-q", "HEAD"])) {
        watch(&dir.join(branch));
        watch(&dir.join("packed-refs"));
    }
    // Without optional locks git does not refresh the index: writing it here would make the
    // next build rerun this script.
    let modified = git(&[
        "--no-optional-locks",
        "status",
        "--porcelain",
        "--untracked-files=no",
    ])
    .is_some_and(|s| !s.is_empty());
    Some(if modified {
        format!("{head}, modified")
    } else {
        head
    })
}

fn watch(path: &Path) {
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

/// The commit `git archive` wrote into `cli/COMMIT` (still `$Format:...$` in a checkout).
fn from_archive() -> Option<String> {
    let text = std::fs::read_to_string("COMMIT").ok()?;
    let commit = text.trim();
    (!commit.is_empty() && !commit.contains('$')).then(|| commit.chars().take(12).collect())
}
