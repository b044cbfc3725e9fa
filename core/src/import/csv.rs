//! Reads the matrix layout from CSV text: a header row (company columns, then one column per
//! (question, track) such as `Q01 CL`, optionally `Q20 CL justification`…), then one row per
//! company. The delimiter is detected from the header line: comma, semicolon (what French Excel
//! writes) or tab. Unknown columns are reported with their name; every answer names its line and
//! column (`line 4, column Q01 CL`).

use super::xlsx::{Grid, loaded, read_matrix};
use super::{ImportedSheet, MAX_SPREADSHEET_BYTES};
use crate::location::strip_bom;
use crate::problem::{Place, Problem, ProblemKind};
use crate::questionnaire::Questionnaire;

/// The delimiter used by a header line: the most frequent of `,`, `;` and tab outside quotes
/// (comma when none).
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads a matrix CSV: one [`ImportedSheet`] per company line (labelled `line 5`), each checked
/// against `q`. A text that cannot be read gives one entry with an empty label and the problem.
pub fn read_matrix_csv(text: &str, q: &Questionnaire) -> Vec<ImportedSheet> {
    if text.len() > MAX_SPREADSHEET_BYTES {
        return vec![ImportedSheet::failed(
            None,
            Problem::file_too_large(text.len(), MAX_SPREADSHEET_BYTES),
        )];
    }
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return vec![ImportedSheet::failed(
            None,
            Problem::error("", ProblemKind::Empty),
        )];
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for record in reader.records() {
        match record {
            Ok(rec) => {
                lines.push(rec.position().map_or(rows.len() as u64 + 1, |p| p.line()));
                rows.push(rec.iter().map(str::to_string).collect());
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return vec![ImportedSheet::failed(
                    None,
                    Problem::error(
                        Place::Line { line, column: None },
                        ProblemKind::CsvUnreadable {
                            detail: e.to_string(),
                        },
                    ),
                )];
            }
        }
    }
    let grid = Grid {
        sheet: None,
        rows,
        lines,
    };
    read_matrix(&grid, q, Some(loaded(q)))
}
