//! The streaming writer under every sheet: text cells that are never formulas and never longer
//! than Excel allows, the header format, and [`LongSheet`], a sheet that continues on further
//! worksheets (`Answers (2)`…) past Excel's row limit, held in memory or streamed to a temporary
//! file ([`Memory`]), and the print setup every sheet gets ([`print_setup`]).

use super::{EXCEL_MAX_CELL_CHARS, SheetNames};
use rust_xlsxwriter::{
    Format, FormatAlign, RowNum, Table, TableColumn, Workbook, Worksheet, XlsxError,
};
use std::borrow::Cow;

/// Cuts a text to what an Excel cell holds, with a visible mark.
pub(crate) fn cell_text(s: &str) -> Cow<'_, str> {
    // Excel counts UTF-16 units; counting chars is close enough with the mark's margin.
    if s.len() <= EXCEL_MAX_CELL_CHARS || s.encode_utf16().count() <= EXCEL_MAX_CELL_CHARS {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut units = 0;
    for c in s.chars() {
        units += c.len_utf16();
        if units > EXCEL_MAX_CELL_CHARS - 4 {
            break;
        }
        out.push(c);
    }
    out.push_str(" […]");
    Cow::Owned(out)
}

/// Writes `s` as a text cell (never a formula), cut to Excel's cell size.
pub(crate) fn put_text(
    ws: &mut Worksheet,
    row: RowNum,
    col: u16,
    s: &str,
) -> Result<(), XlsxError> {
    if !s.is_empty() {
        ws.write_string(row, col, cell_text(s))?;
    }
    Ok(())
}

/// Writes `s` as a text cell with a format.
pub(crate) fn put_text_fmt(
    ws: &mut Worksheet,
    row: RowNum,
    col: u16,
    s: &str,
    f: &Format,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, cell_text(s), f)?;
    Ok(())
}

/// The bold, shaded header format.
pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xD9E1F2)
        .set_align(FormatAlign::Top)
}

/// The header format of a column of numbers: right-aligned, over its figures.
pub(crate) fn header_number_format() -> Format {
    header_format().set_align(FormatAlign::Right)
}

/// The width a column needs so that its `header` wraps between words, never inside one: its
/// longest word and a margin, at least `min`.
pub(crate) fn header_width(header: &str, min: f64) -> f64 {
    let longest = header
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    (longest as f64 + 2.0).max(min)
}

/// Writes a header row at `row`: `headers` with the width of their column; the columns from
/// `numbers_from` on hold numbers and get right-aligned headers, over their figures. The row
/// gets the height of its tallest wrapped header.
pub(crate) fn header_row(
    ws: &mut Worksheet,
    row: RowNum,
    headers: &[(&str, f64)],
    numbers_from: usize,
) -> Result<(), XlsxError> {
    let (text, number) = (header_format(), header_number_format());
    for (c, (h, _)) in headers.iter().enumerate() {
        let f = if c >= numbers_from { &number } else { &text };
        ws.write_string_with_format(row, c as u16, *h, f)?;
    }
    let cells: Vec<(f64, &str)> = headers.iter().map(|(h, w)| (*w * 0.85, *h)).collect();
    fit_row(ws, row, &cells)
}

/// Total column width (in characters) above which a sheet prints in landscape.
const PORTRAIT_MAX_WIDTH: f64 = 100.0;

/// Columns at least this wide hold running text: it wraps rather than being cut.
pub(crate) const TEXT_COLUMN_WIDTH: f64 = 30.0;

/// What an A4 landscape page holds across at 100 %, in column-width units.
const LANDSCAPE_WIDTH: f64 = 150.0;

/// The smallest print scale a sheet with a key column gets: a wider sheet prints over several
/// pages across instead, its key column repeated on each.
const MIN_PRINT_SCALE: f64 = 0.65;

/// How many pages across a sheet `total_width` wide prints on, at [`MIN_PRINT_SCALE`] or
/// larger, when its key column (`key_width` wide) is repeated on every page; 1 when it fits.
pub(crate) fn pages_across(total_width: f64, key_width: f64) -> u16 {
    let page = LANDSCAPE_WIDTH / MIN_PRINT_SCALE;
    if total_width <= page || key_width >= page / 2.0 {
        return 1;
    }
    ((total_width - key_width) / (page - key_width))
        .ceil()
        .clamp(1.0, 20.0) as u16
}

/// The print setup of every sheet: A4, landscape when the columns are wider than a portrait
/// page, the rows `repeat` (header rows) printed on every page, the sheet name and page number
/// in the footer. Fitted to one page wide (as many pages long as needed), except for a sheet
/// with a `key` column (its first: the company) too wide to read on one page: it prints over
/// [`pages_across`] pages, the key column repeated on each.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    total_width: f64,
    repeat: Option<(RowNum, RowNum)>,
    key: Option<f64>,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if total_width > PORTRAIT_MAX_WIDTH {
        ws.set_landscape();
    }
    let across = key.map_or(1, |w| pages_across(total_width, w));
    ws.set_print_fit_to_pages(across, 0);
    if across > 1 {
        ws.set_repeat_columns(0, 0)?;
    }
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&L&A&R&P / &N");
    if let Some((first, last)) = repeat {
        ws.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// Rows of a sheet that get the height of their wrapped texts ([`fit_row`]); further rows keep
/// the default height. rust_xlsxwriter keeps every row height in memory, constant-memory
/// worksheets included, so an unbounded number would make memory grow with the batch; 20,000
/// rows are far more than anyone prints.
pub(crate) const FITTED_ROWS: RowNum = 20_000;

/// Gives row `row` the height its wrapped texts need: `cells` are (column width, text) pairs of
/// the row's wrapped cells. Spreadsheet apps do not all grow such rows by themselves (LibreOffice
/// keeps them one line high), which would hide the end of the texts on screen and in print.
/// Rows past [`FITTED_ROWS`] are left as they are.
pub(crate) fn fit_row(
    ws: &mut Worksheet,
    row: RowNum,
    cells: &[(f64, &str)],
) -> Result<(), XlsxError> {
    if row > FITTED_ROWS {
        return Ok(());
    }
    let lines = cells
        .iter()
        .map(|(width, text)| text_lines(*width, text))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        // 15 points a line; Excel's tallest row is 409 points.
        ws.set_row_height(row, (15.0 * lines as f64).min(409.0))?;
    }
    Ok(())
}

/// The lines `text` takes in a wrapped column `width` characters wide: an estimate, for running
/// text (a column's width counts digits, wider than the average letter: about 1.15 letters fit
/// in one unit once the words that do not fit are carried to the next line).
pub(crate) fn text_lines(width: f64, text: &str) -> usize {
    let per_line = (width * 1.15).max(4.0) as usize;
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        .max(1)
}

/// Sets the column widths of a sheet whose first row holds `headers`, its cells top-aligned and
/// the text of its wide columns wrapped (they hold running text: comments, recommendations…),
/// and its print setup with the header row repeated, and the first column (the company, or the
/// file) as its key column.
pub(crate) fn columns_and_print(
    ws: &mut Worksheet,
    widths: impl IntoIterator<Item = f64>,
) -> Result<(), XlsxError> {
    // Top-aligned, so that a row grown by a wrapped text still reads across.
    let top = Format::new().set_align(FormatAlign::Top);
    let wrap = top.clone().set_text_wrap();
    let mut total = 0.0;
    let mut key = None;
    for (c, width) in widths.into_iter().enumerate() {
        key.get_or_insert(width);
        ws.set_column_width(c as u16, width)?;
        let format = if width >= TEXT_COLUMN_WIDTH {
            &wrap
        } else {
            &top
        };
        ws.set_column_format(c as u16, format)?;
        total += width;
    }
    print_setup(ws, total, Some((0, 0)), key)
}

/// A sheet that continues on further sheets past the row limit (`Answers`, `Answers (2)`…).
/// Its worksheets are held apart from the workbook until [`LongSheet::close`], so that several
/// long sheets can be written in turn and still come out in order.
pub(super) struct LongSheet {
    base: &'static str,
    /// The Excel table name of its rows (`VigilanceAnswers`; `VigilanceAnswers2`… on further
    /// sheets): every long sheet is a table, with filters and banded rows.
    table: &'static str,
    headers: Vec<(String, f64)>,
    /// The columns that hold numbers: their headers are right-aligned, over their figures.
    numbers: Vec<u16>,
    /// A sentence shown above the header row of every part (the coverage disclaimer).
    preamble: Option<String>,
    /// Full sheets.
    done: Vec<Worksheet>,
    /// The sheet being written.
    current: Worksheet,
    /// Number of sheets used so far.
    part: usize,
    /// Next row to write on the current sheet.
    row: RowNum,
    memory: Memory,
    rows_per_sheet: u32,
}

impl LongSheet {
    pub(super) fn start<H: Into<String>>(
        wb: &mut Workbook,
        (base, table): (&'static str, &'static str),
        headers: Vec<(H, f64)>,
        memory: Memory,
        rows_per_sheet: u32,
    ) -> Result<LongSheet, XlsxError> {
        Self::start_with_preamble(wb, (base, table), None, headers, memory, rows_per_sheet)
    }

    /// [`LongSheet::start`] with a sentence above the header row of every part.
    pub(super) fn start_with_preamble<H: Into<String>>(
        wb: &mut Workbook,
        (base, table): (&'static str, &'static str),
        preamble: Option<String>,
        headers: Vec<(H, f64)>,
        memory: Memory,
        rows_per_sheet: u32,
    ) -> Result<LongSheet, XlsxError> {
        // No header split inside a word.
        let headers: Vec<(String, f64)> = headers
            .into_iter()
            .map(|(h, w)| {
                let h: String = h.into();
                let w = header_width(&h, w);
                (h, w)
            })
            .collect();
        let current = Self::new_part(wb, base, preamble.as_deref(), &headers, memory, 1)?;
        let row = Self::first_row(preamble.as_deref());
        Ok(LongSheet {
            base,
            table,
            headers,
            numbers: Vec::new(),
            preamble,
            done: Vec::new(),
            current,
            part: 1,
            row,
            memory,
            rows_per_sheet,
        })
    }

    /// Marks `columns` as holding numbers: their headers are right-aligned, over their figures
    /// (call it before the first row).
    pub(super) fn number_columns(mut self, columns: &[u16]) -> Result<LongSheet, XlsxError> {
        self.numbers = columns.to_vec();
        let top = Self::header_row(self.preamble.as_deref());
        let f = header_number_format();
        for &c in columns {
            if let Some((h, _)) = self.headers.get(usize::from(c)) {
                self.current.write_string_with_format(top, c, h, &f)?;
            }
        }
        Ok(self)
    }

    /// The row of the header (0, or 1 under a preamble).
    fn header_row(preamble: Option<&str>) -> RowNum {
        RowNum::from(preamble.is_some())
    }

    /// The first data row.
    fn first_row(preamble: Option<&str>) -> RowNum {
        Self::header_row(preamble) + 1
    }

    /// A new worksheet, named and with its preamble and header row.
    fn new_part(
        wb: &mut Workbook,
        base: &str,
        preamble: Option<&str>,
        headers: &[(String, f64)],
        memory: Memory,
        part: usize,
    ) -> Result<Worksheet, XlsxError> {
        let mut ws = new_sheet(wb, memory)?;
        ws.set_name(SheetNames::continued(base, part))?;
        let hf = header_format();
        let top = Self::header_row(preamble);
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        if let Some(text) = preamble {
            let wrap = Format::new().set_text_wrap().set_italic();
            let last = headers.len().saturating_sub(1) as u16;
            ws.merge_range(0, 0, 0, last, text, &wrap)?;
            ws.set_row_height(0, 32)?;
            ws.set_repeat_rows(0, top)?;
        }
        for (c, (h, _)) in headers.iter().enumerate() {
            ws.write_string_with_format(top, c as u16, h, &hf)?;
        }
        // As tall as its longest wrapped header (« Secteur (section NACE, sinon secteur
        // déclaré) »), as `header_row` does.
        let cells: Vec<(f64, &str)> = headers
            .iter()
            .map(|(h, w)| (*w * 0.85, h.as_str()))
            .collect();
        fit_row(&mut ws, top, &cells)?;
        // The header row and the key column (the company) stay in view.
        ws.set_freeze_panes(top + 1, 1)?;
        Ok(ws)
    }

    /// The worksheet and row to write the next row on.
    pub(super) fn next(
        &mut self,
        wb: &mut Workbook,
    ) -> Result<(&mut Worksheet, RowNum), XlsxError> {
        if self.row >= self.rows_per_sheet {
            let mut next = Self::new_part(
                wb,
                self.base,
                self.preamble.as_deref(),
                &self.headers,
                self.memory,
                self.part + 1,
            )?;
            let top = Self::header_row(self.preamble.as_deref());
            let f = header_number_format();
            for &c in &self.numbers {
                if let Some((h, _)) = self.headers.get(usize::from(c)) {
                    next.write_string_with_format(top, c, h, &f)?;
                }
            }
            let full = std::mem::replace(&mut self.current, next);
            self.done.push(self.filtered(full)?);
            self.part += 1;
            self.row = Self::first_row(self.preamble.as_deref());
        }
        let row = self.row;
        self.row += 1;
        Ok((&mut self.current, row))
    }

    /// `ws` with its rows made an Excel table (named, filters, banded rows); a sheet without
    /// rows, or streamed to a temporary file (its header row is written already, and a table
    /// would write it again), keeps a filter on its header.
    fn filtered(&self, mut ws: Worksheet) -> Result<Worksheet, XlsxError> {
        let last_col = self.headers.len().saturating_sub(1) as u16;
        let top = Self::header_row(self.preamble.as_deref());
        let last_row = self.row.saturating_sub(1);
        let streamed = cfg!(feature = "constant-memory") && self.memory != Memory::Normal;
        if streamed {
            ws.autofilter(top, 0, last_row.max(top + 1), last_col)?;
            return Ok(ws);
        }
        if last_row <= top {
            ws.autofilter(top, 0, top + 1, last_col)?;
            return Ok(ws);
        }
        let (hf, nf) = (header_format(), header_number_format());
        let columns: Vec<TableColumn> = self
            .headers
            .iter()
            .enumerate()
            .map(|(c, (h, _))| {
                let f = if self.numbers.contains(&(c as u16)) {
                    &nf
                } else {
                    &hf
                };
                TableColumn::new().set_header(h).set_header_format(f)
            })
            .collect();
        // Called with the sheet of part `self.part`.
        let name = if self.part <= 1 {
            self.table.to_string()
        } else {
            format!("{}{}", self.table, self.part)
        };
        let table = Table::new().set_name(&name).set_columns(&columns);
        ws.add_table(top, 0, last_row, last_col, &table)?;
        Ok(ws)
    }

    /// Every worksheet of the sheet, in order.
    pub(super) fn close(mut self) -> Result<Vec<Worksheet>, XlsxError> {
        let current = std::mem::replace(&mut self.current, Worksheet::new());
        let last = self.filtered(current)?;
        self.done.push(last);
        Ok(self.done)
    }
}

/// How a long sheet is held while it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Memory {
    /// An ordinary worksheet, all in memory.
    Normal,
    /// Rows streamed to a temporary file, strings inline (sheets of mostly unique texts).
    Constant,
    /// Rows streamed to a temporary file, strings shared (sheets that repeat the questionnaire's
    /// texts, such as recommendations).
    Low,
}

#[cfg(feature = "constant-memory")]
pub(super) fn new_sheet(wb: &mut Workbook, memory: Memory) -> Result<Worksheet, XlsxError> {
    match memory {
        Memory::Normal => Ok(Worksheet::new()),
        Memory::Constant => wb.new_worksheet_with_constant_memory(),
        Memory::Low => wb.new_worksheet_with_low_memory(),
    }
}

#[cfg(not(feature = "constant-memory"))]
pub(super) fn new_sheet(_wb: &mut Workbook, _memory: Memory) -> Result<Worksheet, XlsxError> {
    Ok(Worksheet::new())
}

#[cfg(test)]
mod tests {
    use super::{pages_across, text_lines};

    #[test]
    fn a_sheet_goes_across_pages_only_when_one_page_would_be_too_small_to_read() {
        // Fits a landscape page at 65 % or more: one page across.
        assert_eq!(pages_across(150.0, 36.0), 1);
        assert_eq!(pages_across(230.0, 36.0), 1);
        // The Summary (about 350 units): two pages, the company column on each.
        assert_eq!(pages_across(353.0, 36.0), 2);
        assert_eq!(pages_across(600.0, 36.0), 3);
        // A key column as wide as half a page is not worth repeating.
        assert_eq!(pages_across(600.0, 120.0), 1);
    }

    #[test]
    fn wrapped_texts_take_the_lines_they_need() {
        assert_eq!(text_lines(40.0, ""), 1);
        assert_eq!(text_lines(40.0, &"a".repeat(46)), 1);
        assert_eq!(text_lines(40.0, &"a".repeat(47)), 2);
        assert_eq!(text_lines(40.0, "one\ntwo\nthree"), 3);
    }
}
