//! Reading answer files into checked answer sheets: JSON sheets with the core reader, Excel
//! workbooks and CSV matrices with the core importers. One file may hold several companies
//! (a matrix), so one input gives one or more [`SheetRead`]s, each named by its source.

use crate::inputs::{Input, InputKind};
use vigilance_core::import::{read_matrix_csv, read_workbook};
use vigilance_core::location::{decode_text, strip_bom};
use vigilance_core::{
    AnswerSheet, Lang, Parsed, Place, Problem, ProblemKind, Problems, Questionnaire,
};

/// One answer sheet read from an input, or every problem that prevents using it.
#[derive(Debug)]
pub struct SheetRead {
    /// The input, with the sheet's label when the file holds several (`book.xlsx#Acme`).
    pub source: String,
    /// The sheet and its warnings, or its problems.
    pub result: Result<Parsed<AnswerSheet>, Problems>,
}

/// Reads every sheet of `input`.
pub fn read_sheets(input: &Input, questionnaire: &Questionnaire, lang: Lang) -> Vec<SheetRead> {
    match input.read() {
        Ok((bytes, kind)) => parse_sheets(&input.source, kind, &bytes, questionnaire, lang),
        Err(p) => vec![SheetRead {
            source: input.source.clone(),
            result: Err(Problems(vec![*p])),
        }],
    }
}

/// Parses the bytes of one input of `kind`; the part of a file that holds several companies is
/// named in `lang`.
pub fn parse_sheets(
    source: &str,
    kind: InputKind,
    bytes: &[u8],
    questionnaire: &Questionnaire,
    lang: Lang,
) -> Vec<SheetRead> {
    match kind {
        InputKind::Json => vec![SheetRead {
            source: source.to_string(),
            result: AnswerSheet::parse_bytes(bytes, questionnaire),
        }],
        InputKind::Xlsx | InputKind::Csv => imported(source, kind, bytes, questionnaire, lang),
    }
}

/// Sheets read by the core importers (`.xlsx` templates and CSV matrices). A file that holds
/// several companies gives one sheet per company, named `file (row 5)`.
fn imported(
    source: &str,
    kind: InputKind,
    bytes: &[u8],
    questionnaire: &Questionnaire,
    lang: Lang,
) -> Vec<SheetRead> {
    let sheets = match kind {
        InputKind::Csv => match decode_text(bytes) {
            Ok(text) => read_matrix_csv(strip_bom(&text), questionnaire),
            Err(p) => {
                return vec![SheetRead {
                    source: source.to_string(),
                    result: Err(Problems(vec![p])),
                }];
            }
        },
        _ => read_workbook(bytes, questionnaire),
    };
    if sheets.is_empty() {
        return vec![SheetRead {
            source: source.to_string(),
            result: Err(Problems(vec![Problem::error("", ProblemKind::NoCompany)])),
        }];
    }
    sheets
        .into_iter()
        .map(|s| SheetRead {
            source: labelled_source(source, s.label.as_ref(), lang),
            result: s.result,
        })
        .collect()
}

/// The source name of the part `label` of a file (`book.xlsx (ligne 5)`), in `lang`, or the
/// file's own name when the file holds one sheet.
pub fn labelled_source(source: &str, label: Option<&Place>, lang: Lang) -> String {
    match label {
        None => source.to_string(),
        Some(place) => format!("{source} ({})", place.describe(None, lang)),
    }
}

/// Whether a problem list holds an error (not only warnings).
pub fn has_error(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}
