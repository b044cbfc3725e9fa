//! Each sheet read on its own grid: a JSON sheet on the built-in grid version it names, a
//! template on the grid its hidden marker names, a CSV matrix on the grid whose question ids its
//! columns use; an unknown version on the latest of its grid (with a warning), an unknown grid
//! refused; a forced grid for all.

#![cfg(feature = "xlsx-import")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::import::{FileKind, answer_template, matrix_template, read_as};
use vigilance_core::registry::{self, GridChoice};
use vigilance_core::{Lang, ProblemKind, Questionnaire};

fn name(q: &Questionnaire) -> String {
    format!("{}@{}", q.id, q.version)
}

fn json(id: &str, version: &str, question: &str) -> String {
    format!(
        r#"{{"format":"vigilance.answers/1","questionnaire":{{"id":"{id}","version":"{version}"}},
            "company":{{"name":"X"}},"answers":{{"{question}":{{"CL":"yes"}}}}}}"#
    )
}

#[test]
fn a_json_sheet_is_read_on_the_version_it_names() {
    let named = GridChoice::named();
    for (id, version, question, expected) in [
        ("rhsf-fir", "1.0.0", "Q01", "rhsf-fir@1.0.0"),
        ("rhsf-fir", "1.1.0", "Q40", "rhsf-fir@1.1.0"),
        ("rhsf-fir-sme", "1.0.0", "S01", "rhsf-fir-sme@1.0.0"),
    ] {
        let text = json(id, version, question);
        let read = read_as(FileKind::Json, "a.json", text.as_bytes(), named);
        assert_eq!(name(read.grid), expected);
        let parsed = read.sheets[0].result.as_ref().expect("valid");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }
}

#[test]
fn an_unknown_version_is_read_on_the_latest_with_a_warning_and_an_unknown_grid_is_refused() {
    let named = GridChoice::named();
    let text = json("rhsf-fir", "1.0.7", "Q01");
    let read = read_as(FileKind::Json, "a.json", text.as_bytes(), named);
    assert_eq!(name(read.grid), name(registry::latest("rhsf-fir").unwrap()));
    let parsed = read.sheets[0].result.as_ref().expect("read with a warning");
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| matches!(w.kind, ProblemKind::VersionMismatch { .. }))
    );
    let text = json("other-grid", "1.0.0", "Q01");
    let read = read_as(FileKind::Json, "a.json", text.as_bytes(), named);
    let err = read.sheets[0].result.as_ref().expect_err("unknown grid");
    assert!(
        err.0
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::QuestionnaireMismatch { .. }))
    );
}

#[test]
fn a_forced_grid_reads_every_sheet() {
    let v10 = registry::find("rhsf-fir", "1.0.0").unwrap();
    let text = json("rhsf-fir", "1.1.0", "Q01");
    let read = read_as(
        FileKind::Json,
        "a.json",
        text.as_bytes(),
        GridChoice::Forced(v10),
    );
    assert_eq!(name(read.grid), "rhsf-fir@1.0.0");
    let text = json("rhsf-fir-sme", "1.0.0", "S01");
    let read = read_as(
        FileKind::Json,
        "a.json",
        text.as_bytes(),
        GridChoice::Forced(v10),
    );
    assert!(read.sheets[0].result.is_err());
}

#[test]
fn templates_are_read_on_the_grid_their_marker_names() {
    for grid in registry::builtin_grids() {
        for lang in Lang::ALL {
            for bytes in [
                answer_template(grid, lang).unwrap(),
                matrix_template(grid, lang).unwrap(),
            ] {
                let read = read_as(FileKind::Workbook, "t.xlsx", &bytes, GridChoice::named());
                assert_eq!(name(read.grid), name(grid));
            }
        }
    }
}

#[test]
fn a_csv_matrix_is_read_on_the_grid_its_columns_use() {
    let named = GridChoice::named();
    let read = |text: &str| read_as(FileKind::Csv, "m.csv", text.as_bytes(), named);
    let sme = read("Company;S01 CL;S01 FL\nAlpha;yes;no\n");
    assert_eq!(sme.grid.id, "rhsf-fir-sme");
    assert!(sme.sheets[0].result.is_ok(), "{:?}", sme.sheets[0].result);
    // Ids 1.0.0 has: 1.0.0, as before; ids only later versions have: the latest of them.
    assert_eq!(
        name(read("Company;Q01 CL\nAlpha;yes\n").grid),
        "rhsf-fir@1.0.0"
    );
    assert_eq!(
        name(read("Company;Q40 CL\nAlpha;yes\n").grid),
        "rhsf-fir@1.2.0"
    );
    assert_eq!(
        name(read("Company;Q41 CL\nAlpha;yes\n").grid),
        "rhsf-fir@1.2.0"
    );
    // Ids of no grid: the fallback, whose check names them.
    let none = read("Company;Z99 CL\nAlpha;yes\n");
    assert_eq!(name(none.grid), "rhsf-fir@1.0.0");
    assert!(none.sheets[0].result.is_err());
}
