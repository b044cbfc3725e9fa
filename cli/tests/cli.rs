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
