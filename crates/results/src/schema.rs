//! JSON Schemas of the file formats (questionnaire, answer sheet, result document), generated
//! from the Rust types so that they cannot drift from the code. `questionnaires/schema/` holds
//! the committed copies; a test fails when they differ from what these functions produce.

use crate::answers::AnswerSheet;
use crate::json::ResultDocument;
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

/// The schema of result documents (`vigilance.results/2`).
pub fn result_schema() -> String {
    pretty(&schemars::schema_for!(ResultDocument))
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
