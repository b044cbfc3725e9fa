//! Reads the matrix layout from CSV text: a header row (company columns, then one column per
//! (question, track) such as `Q01 CL`, optionally `Q20 CL justification`…), then one row per
//! company. The delimiter is detected from the header line: comma, semicolon (what French Excel
//! writes) or tab. Unknown columns are reported with their name; every answer names its line in
//! the file (counting the header and any blank line) and its column (`line 4, column Q01 CL`).
//!
//! From bytes ([`read_matrix_csv_bytes`]), UTF-8 is read as such; text that is not UTF-8 is read
//! as Windows-1252, the encoding French Excel uses for "CSV (separator: semicolon)", with a
//! warning that says what was detected (encoding and separator) so that the user can check the
//! accents. UTF-16 and UTF-32 are refused with the encoding named, as for JSON.

use super::xlsx::{Grid, grid_from_ids, loaded, matrix_ids, read_matrix};
use super::{ImportedSheet, MAX_SPREADSHEET_BYTES};
use crate::location::{decode_text, strip_bom};
use crate::problem::{Place, Problem, ProblemKind};
use crate::questionnaire::Questionnaire;
use crate::registry::GridChoice;
use std::borrow::Cow;

/// The characters of Windows-1252 bytes 0x80 to 0x9F; the other bytes are those of Latin-1
/// (U+0000 to U+00FF). The five bytes Windows-1252 leaves undefined map to the C1 control of the
/// same number, as the WHATWG Encoding Standard does.
///
/// A 32-entry table rather than `encoding_rs` (already compiled in the command line through
/// calamine): core is also compiled for the browser, without calamine, and `encoding_rs`'s
/// decoders dispatch over every encoding it knows, so that decoding this one code page brings in
/// all its tables. Measured on a wasm32 cdylib built like the app (`opt-level = "z"`, LTO):
/// `WINDOWS_1252.decode_without_bom_handling` makes it 179 KB (133 KB gzip), this table 12 KB
/// (5 KB gzip, mostly the allocator).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 bytes (every byte is a character).
fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The text of CSV bytes, and whether it had to be read as Windows-1252 (not UTF-8). UTF-16,
/// UTF-32 and binary content are refused with the problem that names them.
fn decode_csv(bytes: &[u8]) -> Result<(Cow<'_, str>, bool), Problem> {
    match decode_text(bytes) {
        Ok(text) => Ok((text, false)),
        Err(p) => {
            let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            // Windows-1252 text holds no zero byte; UTF-16/32 text and binary files do, or start
            // with a byte-order mark or a zip signature that `decode_text` named.
            let single_byte_text = !b.contains(&0)
                && !b.starts_with(b"\xFF\xFE")
                && !b.starts_with(b"\xFE\xFF")
                && !super::FileKind::is_zip(b);
            if single_byte_text {
                Ok((Cow::Owned(decode_windows_1252(b)), true))
            } else {
                Err(p)
            }
        }
    }
}

/// The warning for a CSV read as Windows-1252, naming the delimiter found.
fn windows_1252_warning(delimiter: u8) -> Problem {
    Problem::warning(
        Place::file(),
        ProblemKind::CsvWindows1252 {
            delimiter: char::from(delimiter),
        },
    )
}

/// Reads a matrix CSV from file bytes: UTF-8 (with or without a byte-order mark), or
/// Windows-1252 with a warning on the first company (see the module documentation). Otherwise as
/// [`read_matrix_csv`].
pub fn read_matrix_csv_bytes(bytes: &[u8], q: &Questionnaire) -> Vec<ImportedSheet> {
    read_matrix_csv_bytes_on(bytes, GridChoice::Forced(q)).1
}

/// [`read_matrix_csv_bytes`] with the grid chosen by `choice` from the question ids of the
/// columns (a CSV has nowhere to name its grid); the grid read with comes back with the sheets.
pub fn read_matrix_csv_bytes_on<'q>(
    bytes: &[u8],
    choice: GridChoice<'q>,
) -> (&'q Questionnaire, Vec<ImportedSheet>) {
    if bytes.len() > MAX_SPREADSHEET_BYTES {
        return (
            choice.grid_for(None),
            vec![ImportedSheet::failed(
                None,
                Problem::file_too_large(bytes.len(), MAX_SPREADSHEET_BYTES),
            )],
        );
    }
    let (text, windows_1252) = match decode_csv(bytes) {
        Ok(t) => t,
        Err(p) => return (choice.grid_for(None), vec![ImportedSheet::failed(None, p)]),
    };
    let (q, mut sheets) = read_matrix_csv_on(&text, choice);
    if windows_1252 && let Some(first) = sheets.first_mut() {
        first.add_note(windows_1252_warning(detect_delimiter(strip_bom(&text))));
    }
    (q, sheets)
}

/// Counts line breaks as the CSV reader does (`\n`, `\r\n` or a lone `\r`), moving forward
/// through the text: the 1-based line of each record, asked in increasing order.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The line of the record the reader places at byte `offset`: the reader's position is where
    /// the previous record ended, before the blank lines it skips, which are skipped here too.
    fn line_at(&mut self, offset: usize) -> u64 {
        let mut end = offset.min(self.text.len());
        while matches!(self.text.get(end), Some(b'\r' | b'\n')) {
            end += 1;
        }
        while self.at < end {
            match self.text[self.at] {
                b'\n' => self.line += 1,
                b'\r' if self.text.get(self.at + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.at += 1;
        }
        self.line
    }
}

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
    read_matrix_csv_on(text, GridChoice::Forced(q)).1
}

/// [`read_matrix_csv`] with the grid chosen by `choice` from the question ids of the columns;
/// the grid read with comes back with the sheets.
pub fn read_matrix_csv_on<'q>(
    text: &str,
    choice: GridChoice<'q>,
) -> (&'q Questionnaire, Vec<ImportedSheet>) {
    match csv_grid(text) {
        Ok(grid) => {
            let q = grid_from_ids(choice, &matrix_ids(&grid));
            (q, read_matrix(&grid, q, Some(loaded(q))))
        }
        Err(p) => (choice.grid_for(None), vec![ImportedSheet::failed(None, p)]),
    }
}

/// The cells of a CSV text, with the line of each record, or the problem that stops reading.
fn csv_grid(text: &str) -> Result<Grid, Problem> {
    if text.len() > MAX_SPREADSHEET_BYTES {
        return Err(Problem::file_too_large(text.len(), MAX_SPREADSHEET_BYTES));
    }
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(Problem::error("", ProblemKind::Empty));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    // The reader's own line count leaves out blank lines: count from byte offsets instead.
    let mut counter = LineCounter {
        text: text.as_bytes(),
        at: 0,
        line: 1,
    };
    for record in reader.records() {
        match record {
            Ok(rec) => {
                let line = match rec.position() {
                    Some(p) => counter.line_at(p.byte() as usize),
                    None => rows.len() as u64 + 1,
                };
                lines.push(line);
                rows.push(rec.iter().map(str::to_string).collect());
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| counter.line_at(p.byte() as usize));
                return Err(Problem::error(
                    Place::Line { line, column: None },
                    ProblemKind::CsvUnreadable {
                        detail: e.to_string(),
                    },
                ));
            }
        }
    }
    Ok(Grid {
        sheet: None,
        rows,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Parsed;

    fn q() -> &'static Questionnaire {
        crate::registry::find("rhsf-fir", "1.0.0").unwrap()
    }

    #[test]
    fn windows_1252_table_matches_the_encoding_standard() {
        let all: Vec<u8> = (1..=255).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(decode_windows_1252(&all), expected);
    }

    #[test]
    fn french_excel_csv_is_read_with_a_warning_naming_what_was_detected() {
        // "Société Générale;Agroalimentaire;Oui" as French Excel saves it.
        let mut bytes = b"Entreprise;Secteur;Q01 CL\r\n".to_vec();
        bytes.extend(b"Soci\xE9t\xE9 G\xE9n\xE9rale;Agroalimentaire;Oui\r\n");
        let read = read_matrix_csv_bytes(&bytes, q());
        assert_eq!(read.len(), 1);
        let Ok(Parsed { value, warnings }) = &read[0].result else {
            panic!("not read: {:?}", read[0].result)
        };
        assert_eq!(value.company.name, "Société Générale");
        let warning = warnings[0].describe(crate::text::Lang::En);
        assert!(warning.contains("Windows-1252"), "{warning}");
        assert!(warning.contains("with `;` between"), "{warning}");
        let fr = warnings[0].describe(crate::text::Lang::Fr);
        assert!(fr.contains("avec «\u{202f};\u{202f}» entre"), "{fr}");
    }

    #[test]
    fn utf8_csv_gets_no_encoding_warning_and_utf16_is_refused() {
        let read = read_matrix_csv_bytes("Entreprise;Q01 CL\nSociété;Oui\n".as_bytes(), q());
        let Ok(parsed) = &read[0].result else {
            panic!("not read")
        };
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let read = read_matrix_csv_bytes(b"\xFF\xFEE\x00;\x00", q());
        let Err(problems) = &read[0].result else {
            panic!("read")
        };
        assert!(problems.describe(crate::text::Lang::En).contains("UTF-16"));
    }

    #[test]
    fn lines_are_the_file_lines_counting_blank_lines_and_multi_line_cells() {
        let text = "Entreprise;Q01 CL;Q01 FL\n\nA SA;Oui;bad\r\n\"B\nSA\";Oui;bad\rC SA;Oui;bad\n";
        let read = read_matrix_csv(text, q());
        let lines: Vec<Option<Place>> = read.iter().map(|s| s.label.clone()).collect();
        let line = |line| Some(Place::Line { line, column: None });
        assert_eq!(lines, [line(3), line(4), line(6)]);
        let Err(problems) = &read[0].result else {
            panic!("read")
        };
        assert_eq!(
            problems.0[0].path,
            Place::Line {
                line: 3,
                column: Some("Q01 FL".into())
            }
        );
    }
}
