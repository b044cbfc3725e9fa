//! JSON Schemas of the file formats (questionnaire, answer sheet, result document), generated
//! from the Rust types so that they cannot drift from the code. `questionnaires/schema/` holds
//! the committed copies; a test fails when they differ from what these functions produce.

use crate::answers::AnswerSheet;
use crate::lean::AnyResultDocument;
use crate::questionnaire::Questionnaire;

/// One published schema: its file name and content.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaFile {
    /// File name in `questionnaires/schema/`.
    pub file_name: &'static str,
    /// Pretty-printed JSON Schema, ending with a newline.
    pub json: String,
}

fn pretty(schema: &schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The schema of questionnaire files (`vigilance.questionnaire/1`).
pub fn questionnaire_schema() -> String {
    pretty(&schemars::schema_for!(Questionnaire))
}

/// The schema of answer sheets (`vigilance.answers/1`).
pub fn answer_sheet_schema() -> String {
    pretty(&schemars::schema_for!(AnswerSheet))
}

/// The schema of result documents (`vigilance.results/2`), in either shape (lean, or
/// self-contained with `--embed-texts`), and of the lines of `--format jsonl`
/// (`$defs/JsonlLine`).
pub fn result_schema() -> String {
    let mut schema = schemars::schema_for!(AnyResultDocument);
    let line = schemars::schema_for!(crate::lean::JsonlLine);
    if let (Some(defs), Some(line_defs)) = (
        schema
            .ensure_object()
            .entry("$defs")
            .or_insert_with(|| serde_json::json!({}))
            .as_object_mut(),
        line.as_object()
            .and_then(|o| o.get("$defs"))
            .and_then(|d| d.as_object()),
    ) {
        for (k, v) in line_defs {
            defs.entry(k.clone()).or_insert_with(|| v.clone());
        }
        let mut root = line.as_object().cloned().unwrap_or_default();
        root.remove("$defs");
        root.remove("$schema");
        defs.insert("JsonlLine".into(), serde_json::Value::Object(root));
    }
    pretty(&schema)
}

/// Every published schema.
pub fn all() -> Vec<SchemaFile> {
    vec![
        SchemaFile {
            file_name: "questionnaire.schema.json",
            json: questionnaire_schema(),
        },
        SchemaFile {
            file_name: "answers.schema.json",
            json: answer_sheet_schema(),
        },
        SchemaFile {
            file_name: "results.schema.json",
            json: result_schema(),
        },
    ]
}
