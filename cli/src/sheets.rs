//! Reading answer files into checked answer sheets: JSON sheets with the core reader, Excel
//! workbooks and CSV matrices with the core importers. One file may hold several companies
//! (a matrix), so one input gives one or more [`SheetRead`]s, each named by its source.

use crate::inputs::{Input, InputKind};
use vigilance_core::{AnswerSheet, Parsed, Problem, Problems, Questionnaire};

/// One answer sheet read from an input, or every problem that prevents using it.
#[derive(Debug)]
pub struct SheetRead {
    /// The input, with the sheet's label when the file holds several (`book.xlsx#Acme`).
    pub source: String,
    /// The sheet and its warnings, or its problems.
    pub result: Result<Parsed<AnswerSheet>, Problems>,
}

/// Reads every sheet of `input`.
pub fn read_sheets(input: &Input, questionnaire: &Questionnaire) -> Vec<SheetRead> {
    match input.read() {
        Ok((bytes, kind)) => parse_sheets(&input.source, kind, &bytes, questionnaire),
        Err(p) => vec![SheetRead {
            source: input.source.clone(),
            result: Err(Problems(vec![*p])),
        }],
    }
}

/// Parses the bytes of one input of `kind`.
pub fn parse_sheets(
    source: &str,
    kind: InputKind,
    bytes: &[u8],
    questionnaire: &Questionnaire,
) -> Vec<SheetRead> {
    match kind {
        InputKind::Json => vec![SheetRead {
            source: source.to_string(),
            result: AnswerSheet::parse_bytes(bytes, questionnaire),
        }],
        InputKind::Xlsx | InputKind::Csv => imported(source, kind, bytes, questionnaire),
    }
}

/// Sheets read by the core importers (`.xlsx` templates and CSV matrices).
fn imported(
    source: &str,
    kind: InputKind,
    bytes: &[u8],
    _questionnaire: &Questionnaire,
) -> Vec<SheetRead> {
    let (fr, en) = match kind {
        InputKind::Xlsx => (
            "la lecture des classeurs .xlsx n'est pas encore disponible dans cette version : exportez les fiches en JSON",
            "reading .xlsx workbooks is not available in this build yet: export the sheets as JSON",
        ),
        _ => (
            "la lecture des fichiers .csv n'est pas encore disponible dans cette version : exportez les fiches en JSON",
            "reading .csv files is not available in this build yet: export the sheets as JSON",
        ),
    };
    let _ = bytes;
    vec![SheetRead {
        source: source.to_string(),
        result: Err(Problems(vec![crate::inputs::plain_problem(fr, en)])),
    }]
}

/// The source name of the sheet `label` of a file holding several sheets.
#[allow(dead_code)]
pub fn labelled_source(source: &str, label: &str, count: usize) -> String {
    if count <= 1 || label.is_empty() {
        source.to_string()
    } else {
        format!("{source}#{label}")
    }
}

/// Whether a problem list holds an error (not only warnings).
pub fn has_error(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}
