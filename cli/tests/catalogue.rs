//! The bad-input catalogue: every file in `tests/bad-inputs/` gives its exact expected message
//! (file, place, what to do), and in a batch every good input is still scored while the workbook
//! lists every failure.
//!
//! Every input runs in both languages. Expected output lives beside each input as
//! `<name>.fr.stderr` and `<name>.en.stderr`. After a deliberate change of wording, rewrite them
//! with `VIGILANCE_BLESS=1 cargo test -p vigilance-cli --test catalogue` and review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::path::Path;

mod common;
use common::root;

/// The command with a fixed rendering (no colour, 100 columns) for the golden files.
fn vigilance() -> Command {
    let mut cmd = common::vigilance();
    cmd.env("NO_COLOR", "1").env("COLUMNS", "100");
    cmd
}

fn entries(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".stderr") && !n.ends_with(".stdout"))
        .collect();
    names.sort();
    names
}

/// Every input with each language, French first.
fn with_langs(names: &[String]) -> impl Iterator<Item = (&String, &'static str)> {
    names
        .iter()
        .flat_map(|n| ["fr", "en"].into_iter().map(move |l| (n, l)))
}

/// Compares (or, when blessing, writes) the expected stderr of one input.
fn check(expected_path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("VIGILANCE_BLESS").is_some() {
        std::fs::write(expected_path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(expected_path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            expected_path.display()
        )),
        Err(_) => failures.push(format!("{} is missing", expected_path.display())),
    }
}

#[test]
fn every_bad_answer_file_gives_its_expected_message() {
    let names = entries("tests/bad-inputs/sheets");
    assert!(
        names.len() >= 30,
        "the catalogue holds {} inputs",
        names.len()
    );
    let mut failures = Vec::new();
    for (name, lang) in with_langs(&names) {
        let input = format!("tests/bad-inputs/sheets/{name}");
        let out = vigilance()
            .args([
                "score", "--lang", lang, "--format", "json", "-o", "-", &input,
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let code = out.status.code().unwrap_or(-1);
        let has_error = stderr.contains(if lang == "fr" {
            "erreur\u{a0}:"
        } else {
            "error:"
        });
        // Exit 1 exactly when the input could not be scored, 2 when no sheet at all could be
        // read from it (nothing to score: `score` refuses); a panic would be 101.
        let nothing = stderr.contains(if lang == "fr" {
            "rien à évaluer"
        } else {
            "nothing to score"
        });
        let expected_code = match (has_error, nothing) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        if code != expected_code {
            failures.push(format!("{input}: exit status {code}\n{stderr}"));
        }
        // Every message names the file.
        if !stderr.contains(&input) && !stderr.contains(name.as_str()) {
            failures.push(format!(
                "{input}: the message does not name the file\n{stderr}"
            ));
        }
        let expected = root().join(format!("tests/bad-inputs/sheets/{name}.{lang}.stderr"));
        check(&expected, &stderr, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Engagement files: `engage validate` says every problem of a bad file with its code and
/// place (`<name>.<lang>.stdout`); a file named `score-…` is applied by `score --engagement` to
/// the sheet it reviews, which is still scored (exit 0) while the file is refused or its
/// outdated reviews are reported (`<name>.<lang>.stderr`).
#[test]
fn every_bad_engagement_file_gives_its_expected_message() {
    let names = entries("tests/bad-inputs/engagements");
    assert!(
        names.len() >= 18,
        "the catalogue holds {} inputs",
        names.len()
    );
    let sheet = "questionnaires/examples/04-level2-construction.json";
    let mut failures = Vec::new();
    for (name, lang) in with_langs(&names) {
        let input = format!("tests/bad-inputs/engagements/{name}");
        let scored = name.starts_with("score-");
        let out = if scored {
            vigilance()
                .args([
                    "score",
                    "--lang",
                    lang,
                    "--format",
                    "csv",
                    "-o",
                    "-",
                    sheet,
                    "--engagement",
                    &input,
                ])
                .output()
                .unwrap()
        } else {
            vigilance()
                .args(["engage", "validate", "--lang", lang, &input])
                .output()
                .unwrap()
        };
        let code = out.status.code().unwrap_or(-1);
        let (text, ext) = if scored {
            (String::from_utf8_lossy(&out.stderr).into_owned(), "stderr")
        } else {
            (String::from_utf8_lossy(&out.stdout).into_owned(), "stdout")
        };
        let valid = text.contains(if lang == "fr" { ": valide" } else { ": valid" });
        let expected_code = if scored || valid { 0 } else { 1 };
        if code != expected_code {
            failures.push(format!("{input}: exit status {code}\n{text}"));
        }
        assert!(text.contains("[VG-"), "{input} ({lang}): no code\n{text}");
        let expected = root().join(format!("tests/bad-inputs/engagements/{name}.{lang}.{ext}"));
        check(&expected, &text, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_bad_questionnaire_is_refused_with_its_expected_message() {
    let names = entries("tests/bad-inputs/questionnaires");
    let mut failures = Vec::new();
    for (name, lang) in with_langs(&names) {
        let input = format!("tests/bad-inputs/questionnaires/{name}");
        let out = vigilance()
            .args(["validate", "--lang", lang, "--questionnaire", &input])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let code = out.status.code().unwrap_or(-1);
        if code == 0 || code == 101 {
            failures.push(format!("{input}: exit status {code}\n{stderr}"));
        }
        let expected = root().join(format!(
            "tests/bad-inputs/questionnaires/{name}.{lang}.stderr"
        ));
        check(&expected, &format!("{stdout}{stderr}"), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn in_a_batch_good_inputs_are_scored_and_the_workbook_lists_every_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("batch.xlsx");
    let out = vigilance()
        .args(["score", "--lang", "en", "-o"])
        .arg(&out_path)
        .args([
            "tests/bad-inputs/sheets",
            "tests/fixtures/examples-1.0/examples/03-level1-automotive.json",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let failed: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .map(|l| l.split_whitespace().next().unwrap_or(l))
        .collect();
    assert!(failed.len() >= 25, "{} failures: {stderr}", failed.len());

    let mut wb: Xlsx<_> = open_workbook(&out_path).unwrap();
    let errors = wb.worksheet_range("Errors").unwrap();
    let text: Vec<String> = errors
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let listed = text.join("\n");
    for source in &failed {
        assert!(
            listed.contains(source),
            "{source} is not in the Errors sheet:\n{listed}"
        );
    }
    let summary = wb.worksheet_range("Summary").unwrap();
    let companies: Vec<String> = summary
        .rows()
        .skip(1)
        .filter_map(|r| match r.first() {
            Some(Data::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        companies
            .iter()
            .any(|c| c == "Valmorel Automotive Systems SE"),
        "the good sheet is scored: {companies:?}"
    );
}
