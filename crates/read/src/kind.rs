//! Which kind of answer file a file is, from its content and its name, and the one entry point
//! that reads any answer file ([`read`]): the command line and the browser both go
//! through it, so that a file is recognised the same way, with the same messages, everywhere.
//!
//! The rules, in order:
//! 1. a zip archive (`PK\x03\x04`) is an Excel workbook, whatever its name: an `.xlsx` renamed
//!    `.json` is read as the workbook it is, with a warning that says so;
//! 2. otherwise the extension decides (`.json`, `.xlsx`, `.csv`, any case), so that a `.json`
//!    file starting with `[` gets the JSON reader's message and a `.csv` whose first header
//!    starts with `[` is read as CSV;
//! 3. without one of those extensions (standard input, a file without extension, a browser file
//!    of another name), the first character decides: `{` or `[` is JSON (an array gets the JSON
//!    reader's "expected an object"), as is an empty text or UTF-16/UTF-32 text (the JSON reader
//!    names the encoding); anything else is a CSV matrix.

use super::ImportedSheet;
use super::csv::read_matrix_csv_bytes_on;
use super::xlsx::read_workbook_on;
use crate::answers::AnswerSheet;
use crate::problem::{Place, Problem, ProblemKind};
use crate::questionnaire::Questionnaire;
use crate::registry::GridChoice;

pub use vigilance_model::files::FileKind;

/// Reads any answer file the tools accept, on the grid `choice` gives it: the one entry point
/// of the command line and the browser alike. The kind is recognised by
/// [`FileKind::recognise`] (a JSON answer sheet, an xlsx workbook — answer template or matrix —
/// or a matrix CSV). One entry per company found, labelled when the file holds several
/// (`row 5`, `line 5`); a file that cannot be read gives one entry with an empty label and the
/// problem.
pub fn read<'q>(name: &str, bytes: &[u8], choice: GridChoice<'q>) -> ReadFile<'q> {
    read_as(FileKind::recognise(name, bytes), name, bytes, choice)
}

/// The sheets of one answer file and the grid they were read with (one grid per file: a
/// matrix's rows all answer the grid its template names).
#[derive(Clone, Debug)]
pub struct ReadFile<'q> {
    /// The grid the sheets were checked against, and are to be scored on.
    pub grid: &'q Questionnaire,
    /// One entry per company, as [`read`] gives them.
    pub sheets: Vec<ImportedSheet>,
}

/// Reads an answer file as `kind` (found by [`FileKind::recognise`] on the same name and bytes)
/// on the grid `choice` gives it: with
/// [`GridChoice::Named`], a JSON sheet on the built-in grid its `questionnaire` names, a
/// template on the grid its hidden marker names, and a matrix or CSV without one on the grid
/// whose question ids its columns use; with [`GridChoice::Forced`], every file on that grid.
/// A file whose name says another kind gets a warning that says what was read.
pub fn read_as<'q>(
    kind: FileKind,
    name: &str,
    bytes: &[u8],
    choice: GridChoice<'q>,
) -> ReadFile<'q> {
    let (grid, mut sheets) = match kind {
        FileKind::Json => {
            let grid = match std::str::from_utf8(bytes) {
                Ok(text) => choice.grid_for_json(text),
                // The reader names the encoding.
                Err(_) => choice.grid_for(None),
            };
            let sheet = ImportedSheet {
                label: None,
                result: AnswerSheet::parse_bytes(bytes, grid),
            };
            (grid, vec![sheet])
        }
        FileKind::Workbook => read_workbook_on(bytes, choice),
        FileKind::Csv => read_matrix_csv_bytes_on(bytes, choice),
    };
    if sheets.is_empty() {
        sheets.push(ImportedSheet::failed(
            None,
            Problem::error(Place::file(), ProblemKind::NoCompany),
        ));
    }
    // The content decides against the name only for a workbook (a zip archive).
    if FileKind::from_name(name).is_some_and(|n| n != kind)
        && let Some((_, ext)) = name.rsplit_once('.')
        && let Some(first) = sheets.first_mut()
    {
        let ext = ext.to_string();
        first.add_note(Problem::warning(
            Place::file(),
            ProblemKind::WorkbookMisnamed { ext },
        ));
    }
    ReadFile { grid, sheets }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        assert_eq!(FileKind::from_name("a/B.JSON"), Some(FileKind::Json));
        assert_eq!(FileKind::from_name("book.xlsx"), Some(FileKind::Workbook));
        assert_eq!(FileKind::from_name("m.Csv"), Some(FileKind::Csv));
        assert_eq!(FileKind::from_name("a.pdf"), None);
        assert_eq!(FileKind::from_name("-"), None);
        assert_eq!(FileKind::from_name(".json"), None);
        assert_eq!(FileKind::from_name("dir/.json"), None);
        assert_eq!(FileKind::from_name("a.d/file"), None);
    }

    #[test]
    fn content_first_for_zip_then_the_name_then_the_first_character() {
        use FileKind::*;
        let cases: [(&str, &[u8], FileKind); 12] = [
            // A workbook renamed: the zip wins.
            ("book.json", b"PK\x03\x04rest", Workbook),
            ("book.csv", b"PK\x03\x04rest", Workbook),
            ("-", b"PK\x03\x04rest", Workbook),
            // `[`: JSON to a JSON name or no name, CSV to a CSV name.
            ("sheet.json", b"[1, 2]", Json),
            ("matrix.csv", b"[Entreprise];Q01 CL\n", Csv),
            ("-", b"  [1]", Json),
            ("picked.txt", b"[1]", Json),
            ("-", b"\xEF\xBB\xBF  {}", Json),
            ("-", b"Entreprise;Q01 CL\n", Csv),
            ("-", b"", Json),
            ("-", b"\xFF\xFE{\x00", Json),
            // The name decides for text, even when it is not what it says.
            ("not-a-zip.xlsx", b"hello", Workbook),
        ];
        for (name, bytes, kind) in cases {
            assert_eq!(FileKind::recognise(name, bytes), kind, "{name} {bytes:?}");
        }
    }

    #[test]
    fn a_json_name_on_a_csv_matrix_is_read_as_json() {
        // The name decides among text kinds: the JSON reader explains what is wrong.
        let q = crate::registry::find("rhsf-fir", "1.0.0").unwrap();
        let read = read(
            "sheet.json",
            b"Entreprise,Q01 CL\nA,yes\n",
            GridChoice::Forced(q),
        )
        .sheets;
        assert_eq!(read.len(), 1);
        assert!(read[0].result.is_err());
    }

    #[test]
    fn a_json_array_is_refused_by_the_json_reader_in_every_face() {
        let q = crate::registry::find("rhsf-fir", "1.0.0").unwrap();
        for name in ["sheet.json", "-", "upload"] {
            let read = read(name, b"[{\"company\": {}}]", GridChoice::Forced(q)).sheets;
            let Err(problems) = &read[0].result else {
                panic!("{name}: read")
            };
            let text = problems.describe(crate::text::Lang::En);
            assert!(text.contains("expected an object"), "{name}: {text}");
        }
    }
}
