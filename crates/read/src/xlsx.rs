//! Reads filled templates back from Excel bytes (calamine, in memory): the answer template (one
//! sheet) and the matrix (one sheet per company row). The layout is recognised by the hidden
//! `vigilance` marker sheet the templates carry, or else by header texts in French or English;
//! columns are found by their header, so reordered columns still read. Anything else — not a
//! zip, a corrupt file, a workbook whose sheets or headers were renamed — gives a
//! [`Problem`] saying what was expected, never a panic.

// Without `xlsx-import` (the browser build) only the shared grid logic used by the CSV reader
// remains; the workbook-only helpers are then unused.
#![cfg_attr(not(feature = "xlsx"), allow(dead_code, unused_imports))]

use super::{
    AnswerColumn, CompanyField, ImportedSheet, MARKER_SHEET, MAX_SPREADSHEET_BYTES, MatrixColumn,
    TEMPLATE_MARKER, TemplateKind, cell_ref, check_draft, draft_answer, matrix_column, parse_track,
    push_answer,
};
use crate::answers::{ANSWERS_FORMAT, Company, DraftRef, SheetDraft};
use crate::problem::{Place, Problem, ProblemKind, TemplateClue};
use crate::questionnaire::Questionnaire;
use crate::registry::{self, GridChoice};
use crate::text::Lang;
#[cfg(feature = "xlsx")]
use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};
#[cfg(feature = "xlsx")]
use std::io::{Cursor, Read};

/// Most files (entries) accepted inside an xlsx archive; a template has about twenty.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// Most bytes accepted once an xlsx archive is decompressed (a 10,000-company matrix is ~20 MB).
pub const MAX_DECOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

#[cfg(feature = "xlsx")]
fn zip_problem(kind: ProblemKind) -> Problem {
    Problem::error("", kind)
}

/// Refuses zip bombs before any spreadsheet parsing: too many entries, or more decompressed
/// bytes than [`MAX_DECOMPRESSED_BYTES`]. The declared sizes are checked first, then the real
/// ones by streaming every entry through a bounded reader into nothing, so a lying header cannot
/// make the reader allocate: memory stays bounded whatever the archive says.
#[cfg(feature = "xlsx")]
pub fn check_zip_limits(bytes: &[u8]) -> Result<(), Problem> {
    check_zip_limits_within(bytes, MAX_ZIP_ENTRIES, MAX_DECOMPRESSED_BYTES)
}

/// [`check_zip_limits`] with other limits (tests use small ones to stay fast).
#[cfg(feature = "xlsx")]
pub fn check_zip_limits_within(
    bytes: &[u8],
    max_entries: usize,
    max_bytes: u64,
) -> Result<(), Problem> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a readable zip: the spreadsheet reader gives the precise message.
        return Ok(());
    };
    if archive.len() > max_entries {
        return Err(zip_problem(ProblemKind::TooManyZipEntries {
            found: archive.len() as u64,
            limit: max_entries as u64,
        }));
    }
    let too_big = |n: u64| {
        zip_problem(ProblemKind::DecompressedTooLarge {
            found: n,
            limit: max_bytes,
        })
    };
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(entry) = archive.by_index_raw(i) {
            declared = declared.saturating_add(entry.size());
        }
    }
    if declared > max_bytes {
        return Err(too_big(declared));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index(i) else {
            continue;
        };
        let budget = max_bytes - total;
        let read = std::io::copy(&mut entry.take(budget + 1), &mut std::io::sink()).unwrap_or(0);
        total += read;
        if total > max_bytes {
            return Err(too_big(total));
        }
    }
    Ok(())
}

/// A sheet as a dense grid of cell texts, with absolute (0-based) row and column numbers.
pub(crate) struct Grid {
    /// The sheet's name (for cell references), or `None` for CSV.
    pub sheet: Option<String>,
    /// Rows of cell texts.
    pub rows: Vec<Vec<String>>,
    /// For CSV: the 1-based line each row starts on.
    pub lines: Vec<u64>,
}

impl Grid {
    #[cfg(feature = "xlsx")]
    fn from_range(sheet: &str, range: &Range<Data>) -> Grid {
        let mut rows = Vec::new();
        if let Some((end_r, end_c)) = range.end() {
            let (start_r, start_c) = range.start().unwrap_or((0, 0));
            rows.reserve(end_r as usize + 1);
            for r in 0..=end_r {
                let mut row = Vec::with_capacity(end_c as usize + 1);
                for c in 0..=end_c {
                    let text = if r >= start_r && c >= start_c {
                        range.get_value((r, c)).map(cell_text).unwrap_or_default()
                    } else {
                        String::new()
                    };
                    row.push(text);
                }
                rows.push(row);
            }
        }
        Grid {
            sheet: Some(sheet.to_string()),
            rows,
            lines: Vec::new(),
        }
    }

    pub(crate) fn get(&self, r: usize, c: usize) -> &str {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .map_or("", |s| s.as_str())
    }

    /// The place of a cell: `Matrix!F5`, or `line 5, column Q01 CL` for CSV.
    pub(crate) fn place(&self, r: usize, c: usize, header: &str) -> Place {
        match &self.sheet {
            Some(s) => Place::Cell(cell_ref(s, r as u32, c as u32)),
            None => Place::Line {
                line: self.lines.get(r).copied().unwrap_or(r as u64 + 1),
                column: Some(if header.trim().is_empty() {
                    (c + 1).to_string()
                } else {
                    header.trim().to_string()
                }),
            },
        }
    }

    /// The label of a data row: `row 5` or `line 5`.
    pub(crate) fn row_label(&self, r: usize) -> Option<Place> {
        Some(match &self.sheet {
            Some(_) => Place::Row(r as u32 + 1),
            None => Place::Line {
                line: self.lines.get(r).copied().unwrap_or(r as u64 + 1),
                column: None,
            },
        })
    }
}

/// A cell's value as text: numbers without a useless `.0`, the rest as displayed.
#[cfg(feature = "xlsx")]
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Reads a filled answer template or matrix from xlsx bytes: one [`ImportedSheet`] per company
/// (a single one for the answer template), each checked against `q`. A file that cannot be read
/// gives one entry with an empty label and the problem.
///
/// Without the `xlsx-import` feature (the browser build) it says so and reads nothing.
#[cfg(not(feature = "xlsx"))]
pub fn read_workbook(bytes: &[u8], q: &Questionnaire) -> Vec<ImportedSheet> {
    read_workbook_on(bytes, GridChoice::Forced(q)).1
}

/// [`read_workbook`] with the grid chosen by `choice`: the one named in the template's hidden
/// marker, else (a workbook made by hand) the grid whose question ids the sheet uses; the grid
/// read with comes back with the sheets.
#[cfg(not(feature = "xlsx"))]
pub fn read_workbook_on<'q>(
    _bytes: &[u8],
    choice: GridChoice<'q>,
) -> (&'q Questionnaire, Vec<ImportedSheet>) {
    (
        choice.grid_for(None),
        vec![ImportedSheet::failed(
            None,
            Problem::error("", ProblemKind::XlsxNotSupported),
        )],
    )
}

/// Reads a filled answer template or matrix from xlsx bytes: one [`ImportedSheet`] per company
/// (a single one for the answer template), each checked against `q`. A file that cannot be read
/// gives one entry with an empty label and the problem.
#[cfg(feature = "xlsx")]
pub fn read_workbook(bytes: &[u8], q: &Questionnaire) -> Vec<ImportedSheet> {
    read_workbook_on(bytes, GridChoice::Forced(q)).1
}

/// [`read_workbook`] with the grid chosen by `choice`: the one named in the template's hidden
/// marker, else (a workbook made by hand) the grid whose question ids the sheet uses; the grid
/// read with comes back with the sheets.
#[cfg(feature = "xlsx")]
pub fn read_workbook_on<'q>(
    bytes: &[u8],
    choice: GridChoice<'q>,
) -> (&'q Questionnaire, Vec<ImportedSheet>) {
    let failed = |p: Problem| (choice.grid_for(None), vec![ImportedSheet::failed(None, p)]);
    if bytes.len() > MAX_SPREADSHEET_BYTES {
        return failed(Problem::file_too_large(bytes.len(), MAX_SPREADSHEET_BYTES));
    }
    if bytes.is_empty() {
        return failed(Problem::error("", ProblemKind::Empty));
    }
    if let Err(p) = check_zip_limits(bytes) {
        return failed(p);
    }
    let mut wb = match open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(e) => {
            return failed(Problem::error(
                "",
                ProblemKind::XlsxUnreadable {
                    detail: e.to_string(),
                },
            ));
        }
    };
    let names = wb.sheet_names();
    // The marker: kind, questionnaire id and version.
    let mut kind = None;
    let mut questionnaire = None;
    if names.iter().any(|n| n == MARKER_SHEET)
        && let Ok(range) = wb.worksheet_range(MARKER_SHEET)
    {
        let g = Grid::from_range(MARKER_SHEET, &range);
        if g.get(0, 0) == TEMPLATE_MARKER {
            kind = match g.get(1, 0) {
                "answers" => Some(TemplateKind::Answers),
                "matrix" => Some(TemplateKind::Matrix),
                _ => None,
            };
            let (id, version) = (g.get(2, 0), g.get(3, 0));
            if !id.is_empty() {
                questionnaire = Some(DraftRef {
                    id: Some(id.to_string()),
                    version: (!version.is_empty()).then(|| version.to_string()),
                });
            }
        }
    }
    // Sheets to look at: the usual names first, then the others.
    let usual = |n: &String| {
        Lang::ALL
            .iter()
            .any(|l| *n == super::answers_sheet_name(*l) || *n == super::matrix_sheet_name(*l))
    };
    let order: Vec<&String> = names
        .iter()
        .filter(|n| usual(n))
        .chain(names.iter().filter(|n| *n != MARKER_SHEET && !usual(n)))
        .collect();
    // The grid the marker names, when it names one.
    let marked = questionnaire.as_ref().map(|r| {
        choice.grid_for(
            r.id.as_deref()
                .map(|id| (id, r.version.as_deref().unwrap_or(""))),
        )
    });
    // Spreadsheets have nowhere else to name their questionnaire: the one read with is assumed.
    let named = |q: &Questionnaire| questionnaire.clone().or_else(|| Some(loaded(q)));
    let mut read_errors = Vec::new();
    for name in order {
        let range = match wb.worksheet_range(name) {
            Ok(r) => r,
            Err(e) => {
                read_errors.push(format!("{name}: {e}"));
                continue;
            }
        };
        let grid = Grid::from_range(name, &range);
        if kind != Some(TemplateKind::Matrix)
            && let Some(header) = find_answer_header(&grid)
        {
            let q = marked.unwrap_or_else(|| {
                let ids = header.col(AnswerColumn::Id).map_or_else(Vec::new, |c| {
                    (header.row + 1..grid.rows.len())
                        .map(|r| grid.get(r, c).trim())
                        .filter(|id| !id.is_empty())
                        .collect()
                });
                grid_from_ids(choice, &ids)
            });
            return (q, vec![read_answer_sheet(&grid, header, q, named(q))]);
        }
        if kind != Some(TemplateKind::Answers) && is_matrix_header(grid.rows.first()) {
            let q = marked.unwrap_or_else(|| grid_from_ids(choice, &matrix_ids(&grid)));
            return (q, read_matrix(&grid, q, named(q)));
        }
    }
    let found = match kind {
        Some(TemplateKind::Answers) => TemplateClue::NoHeader,
        Some(TemplateKind::Matrix) => TemplateClue::NoMatrixHeader,
        None => TemplateClue::Sheets(names.join(", ")),
    };
    let detail = (!read_errors.is_empty()).then(|| read_errors.join("; "));
    let problem = Problem::error("", ProblemKind::NotTemplate { found, detail });
    (
        marked.unwrap_or_else(|| choice.grid_for(None)),
        vec![ImportedSheet::failed(None, problem)],
    )
}

/// The question ids of a matrix's answer columns (`Q01` of `Q01 CL`).
pub(crate) fn matrix_ids(g: &Grid) -> Vec<&str> {
    g.rows.first().map_or_else(Vec::new, |row| {
        row.iter()
            .filter_map(|h| match matrix_column(h) {
                MatrixColumn::Answer { .. } => h.split_whitespace().next(),
                _ => None,
            })
            .collect()
    })
}

/// The grid of a spreadsheet that does not name one (a matrix or a sheet made by hand, a CSV):
/// with a forced grid, that grid; else the fallback when it has every question id the sheet
/// answers, or else the first built-in grid that has them all (the default grid first, then the
/// latest version of each), or the fallback when none has (its check then names the ids).
pub(crate) fn grid_from_ids<'q>(choice: GridChoice<'q>, ids: &[&str]) -> &'q Questionnaire {
    let fallback = choice.grid_for(None);
    if matches!(choice, GridChoice::Forced(_)) {
        return fallback;
    }
    let fits = |q: &Questionnaire| ids.iter().all(|id| q.question(id).is_some());
    if fits(fallback) {
        return fallback;
    }
    let grids = registry::builtin_grids();
    let latest = grids
        .iter()
        .enumerate()
        .filter(|(i, q)| grids.get(i + 1).is_none_or(|next| next.id != q.id))
        .map(|(_, q)| q);
    std::iter::once(registry::default_grid())
        .chain(latest)
        .find(|q| fits(q))
        .unwrap_or(fallback)
}

/// The header row of an answer template and the column of each header found.
struct AnswerHeader {
    row: usize,
    columns: Vec<(AnswerColumn, usize)>,
}

impl AnswerHeader {
    fn col(&self, c: AnswerColumn) -> Option<usize> {
        self.columns.iter().find(|(k, _)| *k == c).map(|(_, i)| *i)
    }
}

fn find_answer_header(g: &Grid) -> Option<AnswerHeader> {
    for (r, row) in g.rows.iter().enumerate().take(50) {
        let mut columns = Vec::new();
        for (c, text) in row.iter().enumerate() {
            if let Some(k) = AnswerColumn::from_header(text)
                && !columns.iter().any(|(x, _)| *x == k)
            {
                columns.push((k, c));
            }
        }
        if AnswerColumn::REQUIRED
            .iter()
            .all(|k| columns.iter().any(|(x, _)| x == k))
        {
            return Some(AnswerHeader { row: r, columns });
        }
    }
    None
}

fn read_answer_sheet(
    g: &Grid,
    h: AnswerHeader,
    q: &Questionnaire,
    questionnaire: Option<DraftRef>,
) -> ImportedSheet {
    let mut extra = Vec::new();
    // Company details above the table: label in one column, value in the next.
    let mut company = Company::default();
    let mut period = None;
    // Where the name goes when the sheet has no name label: the template's cell.
    let mut cells = vec![(
        CompanyField::Name,
        Place::Cell(cell_ref(
            g.sheet.as_deref().unwrap_or(""),
            super::COMPANY_FIRST_ROW,
            1,
        )),
    )];
    for r in 0..h.row {
        let Some(row) = g.rows.get(r) else { break };
        for (c, text) in row.iter().enumerate() {
            let Some(f) = CompanyField::from_label(text) else {
                continue;
            };
            let value = g.get(r, c + 1).trim();
            let v = (!value.is_empty()).then(|| value.to_string());
            cells.insert(0, (f, g.place(r, c + 1, "")));
            f.set(&mut company, &mut period, v);
            break;
        }
    }
    let col = |k| h.col(k);
    let (Some(id_c), Some(track_c), Some(answer_c)) = (
        col(AnswerColumn::Id),
        col(AnswerColumn::Track),
        col(AnswerColumn::Answer),
    ) else {
        return ImportedSheet::failed(
            None,
            Problem::error(
                "",
                ProblemKind::NotTemplate {
                    found: TemplateClue::NoAnswerColumns,
                    detail: None,
                },
            ),
        );
    };
    let text_at = |r: usize, k: AnswerColumn| col(k).map_or("", |c| g.get(r, c));
    let mut answers = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    for r in h.row + 1..g.rows.len() {
        let id = g.get(r, id_c).trim();
        let value = g.get(r, answer_c);
        let (comment, evidence, justification) = (
            text_at(r, AnswerColumn::Comment),
            text_at(r, AnswerColumn::Evidence),
            text_at(r, AnswerColumn::Justification),
        );
        let place = g.place(r, answer_c, "");
        if value.trim().is_empty() {
            let written = [comment, evidence, justification]
                .iter()
                .any(|s| !s.trim().is_empty());
            if written {
                extra.push(Problem::warning(
                    place,
                    ProblemKind::RowWithoutAnswer { id: id.to_string() },
                ));
            }
            continue;
        }
        if id.is_empty() {
            extra.push(Problem::error(
                g.place(r, id_c, ""),
                ProblemKind::AnswerWithoutId,
            ));
            continue;
        }
        let track_text = g.get(r, track_c).trim();
        let track = parse_track(track_text, q)
            .map_or_else(|| track_text.to_string(), |t| t.code().to_string());
        let key = (id.to_string(), track.clone());
        if seen.contains(&key) {
            extra.push(Problem::error(
                place,
                ProblemKind::Repeated {
                    found: format!("{id} {track}"),
                },
            ));
            continue;
        }
        seen.push(key);
        let answer = draft_answer(q, value, comment, evidence, justification, place);
        push_answer(&mut answers, id, track, answer);
    }
    let draft = SheetDraft {
        format: Some(ANSWERS_FORMAT.to_string()),
        questionnaire,
        company: Some(company),
        period,
        updated: None,
        answers,
    };
    ImportedSheet {
        label: None,
        result: check_draft(draft, q, extra, &cells),
    }
}

fn is_matrix_header(row: Option<&Vec<String>>) -> bool {
    let Some(row) = row else { return false };
    let has_name = row
        .iter()
        .any(|t| matches!(matrix_column(t), MatrixColumn::Company(CompanyField::Name)));
    let has_answer = row
        .iter()
        .any(|t| matches!(matrix_column(t), MatrixColumn::Answer { .. }));
    has_name && has_answer
}

/// Reads a matrix (workbook sheet or CSV) whose header is the first row.
pub(crate) fn read_matrix(
    g: &Grid,
    q: &Questionnaire,
    questionnaire: Option<DraftRef>,
) -> Vec<ImportedSheet> {
    let header: Vec<&str> = g
        .rows
        .first()
        .map(|r| r.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let columns: Vec<MatrixColumn> = header.iter().map(|h| matrix_column(h)).collect();
    if !is_matrix_header(g.rows.first()) {
        return vec![ImportedSheet::failed(
            None,
            Problem::error(
                "",
                ProblemKind::NotTemplate {
                    found: TemplateClue::FirstRow {
                        csv: g.sheet.is_none(),
                        headers: header.join(" | "),
                    },
                    detail: None,
                },
            ),
        )];
    }
    let unknown: Vec<Problem> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, MatrixColumn::Unknown))
        .map(|(c, _)| {
            let h = header[c].trim();
            Problem::warning(
                g.place(0, c, h),
                ProblemKind::ColumnNotRead {
                    header: h.to_string(),
                },
            )
        })
        .collect();
    let mut out = Vec::new();
    for r in 1..g.rows.len() {
        if g.rows[r].iter().all(|s| s.trim().is_empty()) {
            continue;
        }
        let mut company = Company::default();
        let mut period = None;
        let mut cells = vec![(CompanyField::Name, g.place(r, 0, ""))];
        for (c, kind) in columns.iter().enumerate() {
            if let MatrixColumn::Company(f) = kind {
                let v = g.get(r, c).trim();
                let v = (!v.is_empty()).then(|| v.to_string());
                cells.insert(0, (*f, g.place(r, c, header[c])));
                f.set(&mut company, &mut period, v);
            }
        }
        let extra_of = |question: &str, track: &str, want: super::Extra| -> &str {
            columns
                .iter()
                .enumerate()
                .find(|(_, k)| {
                    matches!(k, MatrixColumn::Extra { question: qq, track: tt, extra }
                        if qq == question && tt == track && *extra == want)
                })
                .map_or("", |(c, _)| g.get(r, c))
        };
        let mut answers = Vec::new();
        for (c, kind) in columns.iter().enumerate() {
            let MatrixColumn::Answer { question, track } = kind else {
                continue;
            };
            let value = g.get(r, c);
            if value.trim().is_empty() {
                continue;
            }
            let answer = draft_answer(
                q,
                value,
                extra_of(question, track, super::Extra::Comment),
                extra_of(question, track, super::Extra::Evidence),
                extra_of(question, track, super::Extra::Justification),
                g.place(r, c, header[c]),
            );
            push_answer(&mut answers, question, track.clone(), answer);
        }
        let draft = SheetDraft {
            format: Some(ANSWERS_FORMAT.to_string()),
            questionnaire: questionnaire.clone(),
            company: Some(company),
            period,
            updated: None,
            answers,
        };
        let extra = if out.is_empty() {
            unknown.clone()
        } else {
            Vec::new()
        };
        out.push(ImportedSheet {
            label: g.row_label(r),
            result: check_draft(draft, q, extra, &cells),
        });
    }
    if out.is_empty() {
        out.push(ImportedSheet::failed(
            None,
            Problem::error("", ProblemKind::MatrixNoRows),
        ));
    }
    out
}

/// The reference of the loaded questionnaire.
pub(crate) fn loaded(q: &Questionnaire) -> DraftRef {
    DraftRef {
        id: Some(q.id.clone()),
        version: Some(q.version.clone()),
    }
}
