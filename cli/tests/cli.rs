//! The documented command lines as tests: every `tests/cmd/*.toml` case at the top of the
//! repository runs the `vigilance` binary (from the repository root) and compares its exit
//! status, standard output and standard error with the files beside it.
//!
//! Update the expected files after an intended change with
//! `TRYCMD=overwrite cargo test -p vigilance-cli --test cli`, then review the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("../tests/cmd/*.toml");
}

#[test]
fn manpage_out_dir_writes_one_page_per_command() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("man");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_vigilance"))
        .arg("manpage")
        .arg("--out-dir")
        .arg(&out)
        .status()
        .expect("vigilance runs");
    assert!(status.success());
    for page in [
        "vigilance.1",
        "vigilance-score.1",
        "vigilance-validate.1",
        "vigilance-completions.1",
    ] {
        let text = std::fs::read_to_string(out.join(page)).unwrap_or_default();
        assert!(text.starts_with(".ie"), "{page}: {text:.80}");
    }
    let score = std::fs::read_to_string(out.join("vigilance-score.1")).unwrap_or_default();
    assert!(score.contains("csv\\-delimiter"), "{score}");
}
