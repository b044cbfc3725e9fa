//! Reading answer files into checked answer sheets, through the one reader
//! ([`vigilance_core::import::read_as`], the browser's too), which recognises JSON sheets, Excel
//! workbooks and CSV matrices for the command line as for the browser. One file may hold several
//! companies (a matrix), so one input gives one or more [`SheetRead`]s, each named by its source
//! and carrying the grid it was read with: the one `--questionnaire` forces, or else the built-in
//! grid the sheet names ([`GridChoice`]).

use crate::inputs::Input;
use std::sync::Arc;
use vigilance_core::import::{FileKind, read_as};
use vigilance_core::registry::GridChoice;
use vigilance_core::{AnswerSheet, Lang, Parsed, Place, Problem, Problems, Questionnaire};
use vigilance_dossier::Manifest;

/// One answer sheet read from an input, or every problem that prevents using it.
#[derive(Debug)]
pub struct SheetRead<'q> {
    /// The input, with the sheet's part when the file holds several (`book.xlsx (ligne 5)`).
    pub source: String,
    /// The sheet and its warnings, or its problems.
    pub result: Result<Parsed<AnswerSheet>, Problems>,
    /// The grid it was read with, and is to be scored on.
    pub grid: &'q Questionnaire,
    /// The manifest of the evidence dossier it came from, verified.
    pub dossier: Option<Arc<Manifest>>,
}

/// Reads every sheet of `input`, each on the grid `grids` gives it; the part of a file that
/// holds several companies is named in `lang`.
pub fn read_sheets<'q>(input: &Input, grids: GridChoice<'q>, lang: Lang) -> Vec<SheetRead<'q>> {
    match input.read_full() {
        Ok((bytes, manifest)) => {
            let kind = recognise(input, &bytes);
            let mut sheets = parse_sheets(input, kind, &bytes, grids, lang);
            let manifest = manifest.map(Arc::new);
            for s in &mut sheets {
                s.dossier.clone_from(&manifest);
            }
            sheets
        }
        Err(p) => vec![SheetRead {
            source: input.source.clone(),
            result: Err(Problems(vec![*p])),
            grid: grids.grid_for(None),
            dossier: None,
        }],
    }
}

/// The kind of `input`, whose bytes are `bytes` (core's rules: content, then name).
pub fn recognise(input: &Input, bytes: &[u8]) -> FileKind {
    FileKind::recognise(&input.source, bytes)
}

/// Parses the bytes of one input of `kind`. A file that holds several companies gives one
/// sheet per company, named `file (ligne 5)` in `lang`.
pub fn parse_sheets<'q>(
    input: &Input,
    kind: FileKind,
    bytes: &[u8],
    grids: GridChoice<'q>,
    lang: Lang,
) -> Vec<SheetRead<'q>> {
    let file = read_as(kind, &input.source, bytes, grids);
    file.sheets
        .into_iter()
        .map(|s| SheetRead {
            source: labelled_source(&input.source, s.label.as_ref(), lang),
            result: s.result,
            grid: file.grid,
            dossier: None,
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
