//! `vigilance score` checked from the outside where golden files are awkward: the streamed JSON
//! is byte for byte the core's result document, results are sorted and the same on every run,
//! scores equal the core's, and outputs are written whole or not at all.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test set-up: a failure here is a failed test.

use vigilance_core::{AnswerSheet, EvidenceMode, ScoringOptions, score};

mod common;
use common::{document, root, vigilance};

#[test]
fn json_is_exactly_the_core_result_document() {
    let out = vigilance()
        .args([
            "score",
            "--lang",
            "en",
            "tests/fixtures/good",
            "tests/fixtures/bad",
        ])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    let doc = document(text.as_bytes());
    assert_eq!(format!("{}\n", doc.to_json()), text);
    let sources: Vec<_> = doc.results.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "tests/fixtures/good/acme.json",
            "tests/fixtures/good/bolt.json"
        ]
    );
    assert_eq!(
        doc.errors.len(),
        4,
        "malformed, unknown question, invalid value, na"
    );
}

#[test]
fn scores_equal_the_core_in_both_evidence_modes() {
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    for (mode, arg) in [
        (EvidenceMode::Declarative, "declarative"),
        (EvidenceMode::Substantiated, "substantiated"),
    ] {
        let out = vigilance()
            .args(["score", "--evidence-mode", arg, "tests/fixtures/good"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let doc = document(&out);
        for r in &doc.results {
            let bytes = std::fs::read(root().join(&r.source)).unwrap();
            let sheet = AnswerSheet::parse_bytes(&bytes, q).unwrap().value;
            let opts = ScoringOptions {
                evidence_mode: mode,
                threshold: None,
            };
            let a = score(q, &sheet, &opts);
            assert_eq!(r.headline_level, a.headline_level, "{} {arg}", r.source);
            assert_eq!(r.provisional, a.provisional);
        }
    }
}

#[test]
fn large_batches_are_sorted_and_identical_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let acme = std::fs::read(root().join("tests/fixtures/good/acme.json")).unwrap();
    let bad = std::fs::read(root().join("tests/fixtures/bad/unknown-question.json")).unwrap();
    for i in 0..150 {
        let sub = dir.path().join(format!("batch{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        let body = if i % 25 == 0 { &bad } else { &acme };
        std::fs::write(sub.join(format!("sheet-{i:03}.json")), body).unwrap();
    }
    let run = || {
        vigilance()
            .arg("score")
            .arg(dir.path())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone()
    };
    let first = run();
    assert_eq!(first, run());
    let doc = document(&first);
    assert_eq!(doc.results.len(), 144);
    assert_eq!(doc.errors.len(), 6);
    let sources: Vec<_> = doc.results.iter().map(|r| r.source.clone()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[test]
fn output_file_gets_the_document_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.json");
    let out = vigilance()
        .args(["score", "-q", "tests/fixtures/good", "-o"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.is_empty(),
        "--quiet prints nothing when all is well"
    );
    let doc = document(&std::fs::read(&path).unwrap());
    assert_eq!(doc.results.len(), 2);
    // Nothing but the output is left in the directory (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn unwritable_output_is_a_usage_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-dir").join("results.json");
    let out = vigilance()
        .args(["score", "--lang", "en", "tests/fixtures/good", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_named_and_the_rest_is_scored() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.json");
    std::fs::copy(root().join("tests/fixtures/good/acme.json"), &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reading; nothing to test here.
        return;
    }
    let out = vigilance()
        .args(["score", "--lang", "en", "tests/fixtures/good/bolt.json"])
        .arg(&locked)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("locked.json"), "{stderr}");
    assert!(stderr.contains("permission denied"), "{stderr}");
    assert_eq!(document(&out.stdout).results.len(), 1);
}

#[test]
fn threshold_changes_levels() {
    let level = |threshold: &str| {
        let out = vigilance()
            .args([
                "score",
                "--threshold",
                threshold,
                "tests/fixtures/good/bolt.json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        document(&out).results[0].tracks[&vigilance_core::Track::FL].level
    };
    assert_eq!(level("70"), 1);
    assert_eq!(level("0"), 1, "a failed critical question still blocks N2");
}

#[test]
fn files_over_the_size_limit_are_refused_unread_and_the_rest_is_scored() {
    use vigilance_core::answers::MAX_SHEET_BYTES;
    use vigilance_core::import::MAX_SPREADSHEET_BYTES;
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: their size says they are too large, without taking the space.
    let json = dir.path().join("huge.json");
    std::fs::File::create(&json)
        .unwrap()
        .set_len(MAX_SHEET_BYTES as u64 + 1)
        .unwrap();
    let xlsx = dir.path().join("huge.xlsx");
    std::fs::File::create(&xlsx)
        .unwrap()
        .set_len(MAX_SPREADSHEET_BYTES as u64 + 1)
        .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/good/acme.json"),
        dir.path().join("acme.json"),
    )
    .unwrap();
    for (lang, json_msg, xlsx_msg) in [
        (
            "en",
            format!(
                "{} is {} bytes (8.0 MiB), over the limit of {MAX_SHEET_BYTES} bytes (8 MiB) for a JSON answer sheet: the file was not read",
                json.display(),
                MAX_SHEET_BYTES + 1
            ),
            format!(
                "{} is {} bytes (64.0 MiB), over the limit of {MAX_SPREADSHEET_BYTES} bytes (64 MiB) for an Excel workbook: the file was not read",
                xlsx.display(),
                MAX_SPREADSHEET_BYTES + 1
            ),
        ),
        (
            "fr",
            format!(
                "{} fait {} octets (8,0 Mio), au-delà de la limite de {MAX_SHEET_BYTES} octets (8 Mio) pour une fiche de réponses JSON\u{a0}: le fichier n'a pas été lu",
                json.display(),
                MAX_SHEET_BYTES + 1
            ),
            format!(
                "{} fait {} octets (64,0 Mio), au-delà de la limite de {MAX_SPREADSHEET_BYTES} octets (64 Mio) pour un classeur Excel\u{a0}: le fichier n'a pas été lu",
                xlsx.display(),
                MAX_SPREADSHEET_BYTES + 1
            ),
        ),
    ] {
        let out = vigilance()
            .args(["score", "--lang", lang, "--format", "json"])
            .arg(dir.path())
            .assert()
            .code(1)
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(&json_msg), "{stderr}");
        assert!(stderr.contains(&xlsx_msg), "{stderr}");
        let doc = document(&out.stdout);
        assert_eq!(doc.results.len(), 1, "the good sheet is still scored");
        assert_eq!(doc.errors.len(), 2);
    }
}

#[test]
fn batches_past_the_first_keep_the_inputs_order() {
    // More inputs than one scoring batch (512): the next batch is scored while one is written.
    let dir = tempfile::tempdir().unwrap();
    let acme = std::fs::read(root().join("tests/fixtures/good/acme.json")).unwrap();
    let bad = std::fs::read(root().join("tests/fixtures/bad/unknown-question.json")).unwrap();
    for i in 0..1100 {
        let body = if i % 100 == 7 { &bad } else { &acme };
        std::fs::write(dir.path().join(format!("sheet-{i:04}.json")), body).unwrap();
    }
    let out = vigilance()
        .args(["score", "-q"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc = document(&out);
    assert_eq!(doc.results.len(), 1089);
    assert_eq!(doc.errors.len(), 11);
    let sources: Vec<_> = doc.results.iter().map(|r| r.source.clone()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert_eq!(format!("{}\n", doc.to_json()).as_bytes(), &out[..]);
}

#[test]
fn a_workbook_named_json_gets_a_workbook_size_limit() {
    use std::io::Write as _;
    use vigilance_core::answers::MAX_SHEET_BYTES;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.json");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(b"PK\x03\x04").unwrap();
    f.set_len(MAX_SHEET_BYTES as u64 + 1).unwrap();
    let out = vigilance()
        .args(["score", "--lang", "en", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Read (as a workbook, which it is not quite), not refused for a JSON sheet's size.
    assert!(!stderr.contains("over the limit"), "{stderr}");
    assert!(
        stderr.contains("named .json but holds an Excel workbook"),
        "{stderr}"
    );
}

/// A mixed batch: full-grid companies and light-grid suppliers, each scored on its own grid.
#[test]
fn a_mixed_batch_scores_every_sheet_on_its_own_grid() {
    let out = vigilance()
        .args([
            "score",
            "tests/fixtures/examples-1.0/examples",
            "tests/fixtures/examples-1.0/examples-suppliers",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc = document(&out.stdout);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let mut grids = std::collections::BTreeSet::new();
    for r in &doc.results {
        let text = std::fs::read_to_string(root().join(&r.source)).unwrap();
        let named = vigilance_core::registry::peek_questionnaire(&text).unwrap();
        assert_eq!(
            (r.questionnaire.id.clone(), r.questionnaire.version.clone()),
            named,
            "{}",
            r.source
        );
        let grid = vigilance_core::registry::find(&named.0, &named.1).unwrap();
        let sheet = AnswerSheet::parse(&text, grid).unwrap().value;
        let expected = score(grid, &sheet, &ScoringOptions::default());
        assert_eq!(r.headline_level, expected.headline_level, "{}", r.source);
        grids.insert(named.0);
    }
    assert_eq!(
        grids.into_iter().collect::<Vec<_>>(),
        ["rhsf-fir", "rhsf-fir-sme"]
    );
    // Forced onto one grid, the other grid's sheets are refused.
    vigilance()
        .args([
            "score",
            "--questionnaire",
            "rhsf-fir@1.0.0",
            "tests/fixtures/examples-1.0/examples",
            "tests/fixtures/examples-1.0/examples-suppliers",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
}

/// `template --questionnaire rhsf-fir-sme` gives the light template, read back on the light grid;
/// without `--questionnaire`, the default grid.
#[test]
fn templates_name_their_grid_and_are_read_back_on_it() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (&["--questionnaire", "rhsf-fir-sme"][..], "rhsf-fir-sme"),
        (&[][..], "rhsf-fir"),
    ] {
        let path = dir.path().join(format!("{expected}.xlsx"));
        vigilance()
            .arg("template")
            .args(args)
            .arg("-o")
            .arg(&path)
            .assert()
            .success();
        // An empty template: no company, so scored with a warning; its grid is the template's.
        let out = vigilance()
            .args(["score", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let doc = document(&out.stdout);
        let grid = match doc.results.first() {
            Some(r) => r.questionnaire.clone(),
            None => panic!("{:?}", doc.errors),
        };
        assert_eq!(grid.id, expected);
        let latest = vigilance_core::registry::latest(expected).unwrap();
        assert_eq!(grid.version, latest.version);
    }
}
