//! The lean result document and JSON Lines read back from the outside, as their consumers do:
//! with Python's standard library only (`scripts/read-results.py`) and with jq (the example of
//! docs/formats.md, `docs/examples/next-steps.jq`). Every reference of a result (next steps,
//! coverage) resolves in the `grids` texts, the JSON and JSONL outputs of one batch join to the
//! same rows, and `--embed-texts` gives the texts the join finds. A tool that is not installed
//! skips its check with a message; CI installs both (scripts/setup.sh).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test set-up: a failure here is a failed test.

use std::path::Path;
use std::process::Command;
use vigilance_core::report::json::ResultDocument;
use vigilance_core::report::lean::{JsonlLine, LeanDocument};

mod common;
use common::{root, vigilance};

/// A mixed batch (sheets on grids 1.0.0 and 1.2.0, and a bad file) scored into `dir` as
/// `results.json`, `results.jsonl` and `embedded.json`.
fn score_batch(dir: &Path) {
    let inputs = [
        "tests/fixtures/good",
        "questionnaires/examples/05-level2-hotels.json",
        "tests/fixtures/bad/malformed.json",
    ];
    for (out, extra) in [
        ("results.json", None),
        ("results.jsonl", None),
        ("embedded.json", Some("--embed-texts")),
    ] {
        vigilance()
            .args(["score", "-q"])
            .args(extra)
            .args(inputs)
            .arg("-o")
            .arg(dir.join(out))
            .assert()
            .code(1);
    }
}

fn has(tool: &str) -> bool {
    let ok = Command::new(tool).arg("--version").output().is_ok();
    // CI installs both (scripts/test.sh): there, a missing tool is a failure, not a skip.
    assert!(
        ok || std::env::var_os("CI").is_none(),
        "{tool} is not installed: scripts/setup.sh installs it"
    );
    if !ok {
        eprintln!("skipped: {tool} is not installed (scripts/setup.sh installs it)");
    }
    ok
}

#[test]
fn json_and_jsonl_join_to_the_grid_texts_with_the_python_standard_library() {
    if !has("python3") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    score_batch(dir.path());
    let read = |name: &str| {
        let out = Command::new("python3")
            .arg(root().join("scripts/read-results.py"))
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let json = read("results.json");
    assert_eq!(json, read("results.jsonl"));
    assert!(
        json.ends_with("errors\n") && json.contains(" results, 1 errors"),
        "{json}"
    );
    // The embedded shape holds the very texts the join found.
    let embedded: ResultDocument =
        serde_json::from_slice(&std::fs::read(dir.path().join("embedded.json")).unwrap()).unwrap();
    for r in &embedded.results {
        assert!(json.contains(&format!("{}\t{}", r.company.name, r.headline_label.en)));
        for s in &r.next_steps {
            let row = format!(
                "  {} {} {}\t{}",
                s.track.code(),
                s.question,
                s.reason,
                s.text.en
            );
            assert!(json.contains(&row), "{row}");
        }
        // Each positional coverage array joined to the requirement and status the
        // self-contained shape names.
        for c in &r.coverage {
            let row = format!(
                "  {} {}/{}\t{} {}/{}",
                c.track.code(),
                c.framework,
                c.reference,
                c.status,
                c.answered,
                c.questions.len()
            );
            assert!(json.contains(&row), "{row}");
        }
    }
    assert!(
        embedded.results.iter().any(|r| !r.coverage.is_empty()),
        "a result with coverage (grid 1.2.0)"
    );
}

#[test]
fn jsonl_gives_each_grid_once_before_its_first_result_then_results_then_errors() {
    let dir = tempfile::tempdir().unwrap();
    score_batch(dir.path());
    let text = std::fs::read_to_string(dir.path().join("results.jsonl")).unwrap();
    let lines: Vec<JsonlLine> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let doc: LeanDocument =
        serde_json::from_slice(&std::fs::read(dir.path().join("results.json")).unwrap()).unwrap();
    let mut given = Vec::new();
    let mut results = 0;
    let mut errors = 0;
    for line in &lines {
        match line {
            JsonlLine::Grids { grids, .. } => given.extend(grids.keys().cloned()),
            JsonlLine::Result(r) => {
                let vigilance_core::report::lean::AnyEntry::Lean(r) = &**r else {
                    panic!("a lean result")
                };
                assert!(
                    given.contains(&r.grid_key()),
                    "{} before its grid",
                    r.source
                );
                assert_eq!(&doc.results[results], r);
                assert_eq!(errors, 0, "results come before errors");
                results += 1;
            }
            JsonlLine::Error(e) => {
                assert_eq!(&doc.errors[errors], e);
                errors += 1;
            }
        }
    }
    assert!(matches!(lines[0], JsonlLine::Grids { .. }));
    assert_eq!((results, errors), (doc.results.len(), doc.errors.len()));
    let mut keys: Vec<_> = doc.grids.keys().cloned().collect();
    given.sort();
    keys.sort();
    assert_eq!(given, keys, "each grid given once");
    assert_eq!(keys, ["rhsf-fir@1.0.0", "rhsf-fir@1.2.0"]);
}

#[test]
fn the_jq_example_of_the_formats_doc_joins_next_steps_to_their_texts() {
    if !has("jq") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    score_batch(dir.path());
    let rows = jq_rows(dir.path(), "next-steps.jq");
    let embedded: ResultDocument =
        serde_json::from_slice(&std::fs::read(dir.path().join("embedded.json")).unwrap()).unwrap();
    let expected: Vec<String> = embedded
        .results
        .iter()
        .flat_map(|r| {
            r.next_steps.iter().map(move |s| {
                let text = s.text.en.replace('\t', "\\t");
                [
                    r.company.name.as_str(),
                    s.track.code(),
                    &s.question,
                    &s.reason,
                    &text,
                ]
                .join("\t")
            })
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(rows, expected);
}

/// Runs the jq program `docs/examples/{example}` on `results.json` of `dir`: its rows.
fn jq_rows(dir: &Path, example: &str) -> Vec<String> {
    let out = Command::new("jq")
        .arg("-r")
        .arg("-f")
        .arg(root().join("docs/examples").join(example))
        .arg(dir.join("results.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{example}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn the_jq_coverage_example_joins_each_positional_array_to_its_requirement() {
    if !has("jq") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    score_batch(dir.path());
    let rows = jq_rows(dir.path(), "coverage.jq");
    let embedded: ResultDocument =
        serde_json::from_slice(&std::fs::read(dir.path().join("embedded.json")).unwrap()).unwrap();
    let doc: LeanDocument =
        serde_json::from_slice(&std::fs::read(dir.path().join("results.json")).unwrap()).unwrap();
    // The self-contained shape names the requirement, status and counts of every row; it lists
    // them requirement by requirement, the lean one track by track.
    let mut expected: Vec<String> = embedded
        .results
        .iter()
        .flat_map(|r| {
            let grid = &doc.grids[&format!("{}@{}", r.questionnaire.id, r.questionnaire.version)];
            r.coverage.iter().map(move |c| {
                let id = format!("{}/{}", c.framework, c.reference);
                let title = &grid.requirements[&id].title.en;
                format!(
                    "{}\t{}\t{id}\t{}\t{}\t{}\t{}\t{}\t{title}",
                    r.company.name,
                    c.track.code(),
                    c.status,
                    c.answered,
                    c.questions.len(),
                    c.excluded,
                    c.with_evidence
                )
            })
        })
        .collect();
    assert!(expected.len() > 100, "{} rows", expected.len());
    let mut rows = rows;
    rows.sort();
    expected.sort();
    assert_eq!(rows, expected);
}

#[test]
fn the_shapes_read_back_as_the_schema_types() {
    use vigilance_core::report::lean::AnyResultDocument;
    let dir = tempfile::tempdir().unwrap();
    score_batch(dir.path());
    let read = |name: &str| -> AnyResultDocument {
        serde_json::from_slice(&std::fs::read(dir.path().join(name)).unwrap()).unwrap()
    };
    assert!(matches!(read("results.json"), AnyResultDocument::Lean(_)));
    assert!(matches!(
        read("embedded.json"),
        AnyResultDocument::Embedded(_)
    ));
}

/// The workbook's per-company coverage: one row per company × framework by default (so that
/// 10,000 companies on grid 1.2.0 need 100,000 rows, far from Excel's 1,048,576), the
/// requirement × track detail only with `--coverage-detail`.
#[test]
fn workbook_coverage_is_one_row_per_company_and_framework_unless_detail_is_asked() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let examples = root().join("questionnaires/examples");
    let sheets: Vec<_> = ["05-level2-hotels.json", "07-partial-textiles.json"]
        .iter()
        .map(|f| examples.join(f))
        .collect();
    for (name, extra) in [
        ("lean.xlsx", None),
        ("detail.xlsx", Some("--coverage-detail")),
    ] {
        vigilance()
            .args(["score", "-q", "--lang", "en"])
            .args(extra)
            .args(&sheets)
            .arg("-o")
            .arg(dir.path().join(name))
            .assert()
            .success();
    }
    let mut lean: Xlsx<_> = open_workbook(dir.path().join("lean.xlsx")).unwrap();
    let names = lean.sheet_names();
    assert!(names.iter().any(|n| n == "Coverage (cohort)"), "{names:?}");
    assert!(!names.iter().any(|n| n == "Coverage"), "{names:?}");
    let rows = lean.worksheet_range("Coverage (by framework)").unwrap();
    // A preamble, the headers, then the rows.
    let header: Vec<String> = rows
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    // The join keys of every long sheet (company, identifier, period, NACE section, sector
    // group), then the grid, the framework and the counts.
    assert_eq!(header[0], "Company");
    assert_eq!(&header[5..8], ["Grid", "Framework", "Requirements covered"]);
    let body: Vec<_> = rows.rows().skip(2).collect();
    let frameworks = 10; // grid 1.2.0, every framework covered
    assert_eq!(body.len(), 2 * frameworks);
    let csddd = body
        .iter()
        .find(|r| r[6] == Data::String("CSDDD".into()))
        .unwrap();
    let covered = match csddd[7] {
        Data::Float(f) => f as usize,
        ref other => panic!("{other:?}"),
    };
    // The status counts add up to the requirements covered, each of which has its cell.
    let counted: f64 = csddd[8..13]
        .iter()
        .map(|d| match d {
            Data::Float(f) => *f,
            _ => 0.0,
        })
        .sum();
    assert_eq!(counted as usize, covered);
    let cells: Vec<String> = csddd[13..]
        .iter()
        .map(|d| d.to_string())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(cells.len(), covered);
    assert!(cells[0].starts_with("Art. "), "{cells:?}");
    let mut detail: Xlsx<_> = open_workbook(dir.path().join("detail.xlsx")).unwrap();
    assert!(detail.sheet_names().iter().any(|n| n == "Coverage"));
    let long = detail.worksheet_range("Coverage").unwrap().rows().count();
    assert!(long > 10 * body.len(), "{long} detail rows");
}
