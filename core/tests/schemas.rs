//! The committed JSON Schemas in `questionnaires/schema/` match the Rust types, and the shipped
//! files validate against them. Set `VIGILANCE_UPDATE_SCHEMAS=1` to rewrite the committed copies.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../questionnaires/schema")
}

#[test]
fn committed_schemas_match_the_types() {
    let update = std::env::var_os("VIGILANCE_UPDATE_SCHEMAS").is_some();
    for file in vigilance_core::schema::all() {
        let path = schema_dir().join(file.file_name);
        if update {
            std::fs::write(&path, &file.json).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "{} is missing: run with VIGILANCE_UPDATE_SCHEMAS=1",
                path.display()
            )
        });
        assert_eq!(
            committed, file.json,
            "{} is out of date: run `VIGILANCE_UPDATE_SCHEMAS=1 cargo test -p vigilance-core --test schemas`",
            file.file_name
        );
    }
}

#[test]
fn schemas_describe_the_documented_fields() {
    let q: serde_json::Value =
        serde_json::from_str(&vigilance_core::schema::questionnaire_schema()).unwrap();
    let props = &q["properties"];
    for field in [
        "id",
        "version",
        "title",
        "threshold",
        "index_weights",
        "tracks",
        "levels",
        "themes",
        "answer_values",
        "questions",
    ] {
        assert!(
            props.get(field).is_some(),
            "questionnaire schema lacks {field}"
        );
    }
    let a: serde_json::Value =
        serde_json::from_str(&vigilance_core::schema::answer_sheet_schema()).unwrap();
    for field in [
        "format",
        "questionnaire",
        "company",
        "period",
        "updated",
        "answers",
    ] {
        assert!(
            a["properties"].get(field).is_some(),
            "answer sheet schema lacks {field}"
        );
    }
    let text = vigilance_core::schema::answer_sheet_schema();
    assert!(
        text.contains("\"partial\"") && text.contains("\"na\""),
        "answer values listed"
    );
    let r: serde_json::Value =
        serde_json::from_str(&vigilance_core::schema::result_schema()).unwrap();
    // Both shapes: lean (texts once, in `grids`) and self-contained (`--embed-texts`), and
    // the lines of `--format jsonl`.
    let shapes = r["anyOf"]
        .as_array()
        .expect("the result schema lists its shapes");
    assert_eq!(shapes.len(), 2);
    for (name, fields) in [
        (
            "LeanDocument",
            &[
                "format",
                "coverage_disclaimer",
                "results",
                "errors",
                "grids",
            ][..],
        ),
        (
            "ResultDocument",
            &["format", "coverage_disclaimer", "results", "errors"][..],
        ),
    ] {
        let def = &r["$defs"][name];
        for field in fields {
            assert!(
                def["properties"].get(*field).is_some(),
                "result schema {name} lacks {field}"
            );
        }
    }
    for def in ["GridTexts", "CompactEntry", "TrackCoverage", "JsonlLine"] {
        assert!(r["$defs"].get(def).is_some(), "result schema lacks {def}");
    }
}
