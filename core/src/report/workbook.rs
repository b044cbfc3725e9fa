//! The results workbook (`vigilance score --format xlsx`, and the browser's download): one Excel
//! file, in French or English, with the sheets an analyst works from — Summary, Cohort, Themes,
//! Answers, Next steps, Errors (when any) and Method.
//!
//! Built in memory with rust_xlsxwriter (no file system, no threads, so it also runs in WASM with
//! core's `wasm` feature). Safety and limits:
//! - every text a company supplied (names, sectors, comments, evidence…) is written with
//!   `write_string`, never as a formula: a company named `=HYPERLINK(…)` stays inert text;
//! - scores are numbers with a `0.0` format, never text;
//! - Excel stops at 1,048,576 rows: a long sheet (Answers, Themes, Next steps) continues on a
//!   further sheet named `Answers (2)`, `Answers (3)`…, never truncated; a text longer than an
//!   Excel cell holds (32,767 characters) is cut with a visible `[…]` mark;
//! - with [`WorkbookOptions::constant_memory`] and core's `constant-memory` feature, the large
//!   sheets stream their rows in order to a temporary file: Answers as a constant-memory
//!   worksheet (inline strings: comments are mostly unique), Themes and Next steps as
//!   low-memory worksheets (shared strings: they repeat the questionnaire's texts);
//! - a workbook of more than 100,000 answer rows is compressed at zip level 3 rather than 6
//!   (faster, about 8 % larger).

use crate::answers::{Answer, AnswerSheet, Company};
use crate::codes::{AnswerValue, EvidenceMode, Level, Track, maturity_code};
use crate::exact::UNITS_PER_POINT;
use crate::problem::Problem;
use crate::questionnaire::Questionnaire;
use crate::report::json::{ErrorEntry, reason_label};
use crate::scoring::Assessment;
use crate::text::Lang;
use rust_xlsxwriter::{
    Chart, ConditionalFormat3ColorScale, ConditionalFormatType, Format, FormatAlign, RowNum, Table,
    TableColumn, Workbook, Worksheet, XlsxError,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Rows in an Excel worksheet (header included).
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;

/// Answer rows above which the workbook is compressed faster (zip level 3 instead of 6).
const LARGE_ANSWER_ROWS: usize = 100_000;

/// Characters an Excel cell holds.
pub const EXCEL_MAX_CELL_CHARS: usize = 32_767;

/// One scored answer sheet: what the workbook reports on.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredSheet {
    /// Where the sheet came from (file path, `file.xlsx (row 5)`, `-`).
    pub source: String,
    /// The sheet as read.
    pub sheet: AnswerSheet,
    /// Its result.
    pub assessment: Assessment,
    /// Problems that did not prevent scoring.
    pub warnings: Vec<Problem>,
}

/// How to write the workbook.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkbookOptions {
    /// Language of every sheet name, header and label.
    pub lang: Lang,
    /// The date (or date and time) written in the Method sheet, as text supplied by the caller.
    pub generated: String,
    /// The version of the tool that wrote the workbook.
    pub tool_version: String,
    /// Sheets of an earlier campaign: the Summary then shows each company's change. Companies are
    /// matched by `company.id` when both have one, else by name (case and spacing ignored).
    pub previous: Option<Vec<ScoredSheet>>,
    /// Write the large sheets (Themes, Answers, Next steps) as constant-memory worksheets. Takes
    /// effect only when core is built with its `constant-memory` feature (native builds);
    /// otherwise ordinary worksheets are used.
    pub constant_memory: bool,
}

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkbookError {
    /// rust_xlsxwriter refused something (a limit, a temporary file in constant-memory mode…).
    #[error("the Excel workbook could not be written: {0}")]
    Xlsx(#[from] XlsxError),
}

/// The names of the workbook's sheets in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SheetNames {
    /// One row per company.
    pub summary: &'static str,
    /// Companies per level, score quartiles.
    pub cohort: &'static str,
    /// Company × track × theme.
    pub themes: &'static str,
    /// Every answer (continued on `Answers (2)`… past Excel's row limit).
    pub answers: &'static str,
    /// What to work on.
    pub next_steps: &'static str,
    /// Inputs that could not be scored (only when any).
    pub errors: &'static str,
    /// Questionnaire, threshold, rule, date.
    pub method: &'static str,
}

impl SheetNames {
    /// The sheet names in `lang`.
    pub fn of(lang: Lang) -> SheetNames {
        SheetNames {
            summary: lang.pick("Synthèse", "Summary"),
            cohort: lang.pick("Cohorte", "Cohort"),
            themes: lang.pick("Thèmes", "Themes"),
            answers: lang.pick("Réponses", "Answers"),
            next_steps: lang.pick("Prochaines étapes", "Next steps"),
            errors: lang.pick("Erreurs", "Errors"),
            method: lang.pick("Méthode", "Method"),
        }
    }

    /// The name of the `n`-th sheet (1-based) of a sheet continued past Excel's row limit:
    /// `Answers`, `Answers (2)`, `Answers (3)`…
    pub fn continued(base: &str, n: usize) -> String {
        if n <= 1 {
            base.to_string()
        } else {
            format!("{base} ({n})")
        }
    }
}

/// Writes the results workbook of a batch: `scored` sheets and the `errors` of inputs that could
/// not be scored.
///
/// ```
/// use vigilance_core::{AnswerSheet, Questionnaire, ScoringOptions, score};
/// use vigilance_core::report::workbook::{ScoredSheet, WorkbookOptions, results_workbook};
/// let q = Questionnaire::builtin();
/// let sheet = AnswerSheet::parse(r#"{"format":"vigilance.answers/1",
///     "questionnaire":{"id":"rhsf-fir","version":"1.0.0"},
///     "company":{"name":"Exemple SA"}, "answers":{"Q01":{"CL":"yes"}}}"#, q).unwrap().value;
/// let assessment = score(q, &sheet, &ScoringOptions::default());
/// let scored = [ScoredSheet { source: "a.json".into(), sheet, assessment, warnings: vec![] }];
/// let bytes = results_workbook(q, &scored, &[], &WorkbookOptions::default()).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn results_workbook(
    q: &Questionnaire,
    scored: &[ScoredSheet],
    errors: &[ErrorEntry],
    opts: &WorkbookOptions,
) -> Result<Vec<u8>, WorkbookError> {
    results_workbook_with_row_limit(q, scored, errors, opts, EXCEL_MAX_ROWS)
}

/// [`results_workbook`] with a smaller row limit per sheet, so that tests can see long sheets
/// continue on further sheets without writing a million rows. `rows_per_sheet` counts the
/// header row and is clamped to `2..=1,048,576`.
#[doc(hidden)]
pub fn results_workbook_with_row_limit(
    q: &Questionnaire,
    scored: &[ScoredSheet],
    errors: &[ErrorEntry],
    opts: &WorkbookOptions,
    rows_per_sheet: u32,
) -> Result<Vec<u8>, WorkbookError> {
    let w = Writer::new(q, opts, rows_per_sheet.clamp(2, EXCEL_MAX_ROWS));
    let mut wb = Workbook::new();
    if scored.len().saturating_mul(q.answer_count()) > LARGE_ANSWER_ROWS {
        // Compressing is most of the saving time of a large workbook: trade a little size
        // (about 8 %) for speed.
        wb.set_zip_compression_level(3);
    }
    w.summary(&mut wb, scored)?;
    w.cohort(&mut wb, scored)?;
    w.themes(&mut wb, scored)?;
    w.answers(&mut wb, scored)?;
    w.next_steps(&mut wb, scored)?;
    if !errors.is_empty() {
        w.errors(&mut wb, errors)?;
    }
    w.method(&mut wb, scored, errors)?;
    if let Ok(ws) = wb.worksheet_from_index(0) {
        ws.set_active(true);
    }
    Ok(wb.save_to_buffer()?)
}

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

/// Normalised key to match a company across campaigns.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Finds a company's sheet in the previous campaign: by id, else by name.
struct PreviousIndex<'a> {
    by_id: HashMap<String, &'a ScoredSheet>,
    by_name: HashMap<String, &'a ScoredSheet>,
}

impl<'a> PreviousIndex<'a> {
    fn new(previous: &'a [ScoredSheet]) -> PreviousIndex<'a> {
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        for p in previous {
            if let Some(id) = p
                .sheet
                .company
                .id
                .as_deref()
                .filter(|i| !i.trim().is_empty())
            {
                by_id.entry(norm(id)).or_insert(p);
            }
            if !p.sheet.company.name.trim().is_empty() {
                by_name.entry(norm(&p.sheet.company.name)).or_insert(p);
            }
        }
        PreviousIndex { by_id, by_name }
    }

    fn find(&self, c: &Company) -> Option<&'a ScoredSheet> {
        c.id.as_deref()
            .filter(|i| !i.trim().is_empty())
            .and_then(|id| self.by_id.get(&norm(id)).copied())
            .or_else(|| self.by_name.get(&norm(&c.name)).copied())
    }
}

/// A sheet that continues on further sheets past the row limit (`Answers`, `Answers (2)`…).
struct LongSheet<'h> {
    base: String,
    headers: &'h [(&'h str, f64)],
    /// Index of the current worksheet in the workbook.
    index: usize,
    /// Number of sheets used so far.
    part: usize,
    /// Next row to write on the current sheet.
    row: RowNum,
    memory: Memory,
    rows_per_sheet: u32,
}

impl<'h> LongSheet<'h> {
    fn start(
        wb: &mut Workbook,
        base: &str,
        headers: &'h [(&'h str, f64)],
        memory: Memory,
        rows_per_sheet: u32,
    ) -> Result<LongSheet<'h>, XlsxError> {
        let mut s = LongSheet {
            base: base.to_string(),
            headers,
            index: 0,
            part: 0,
            row: 0,
            memory,
            rows_per_sheet,
        };
        s.open(wb)?;
        Ok(s)
    }

    fn open(&mut self, wb: &mut Workbook) -> Result<(), XlsxError> {
        self.finish(wb)?;
        self.part += 1;
        let name = SheetNames::continued(&self.base, self.part);
        let ws = new_sheet(wb, self.memory)?;
        ws.set_name(&name)?;
        let hf = header_format();
        for (c, (h, width)) in self.headers.iter().enumerate() {
            ws.set_column_width(c as u16, *width)?;
            ws.write_string_with_format(0, c as u16, *h, &hf)?;
        }
        ws.set_freeze_panes(1, 0)?;
        self.index = wb.worksheets().len() - 1;
        self.row = 1;
        Ok(())
    }

    /// The worksheet and row to write the next row on.
    fn next<'w>(&mut self, wb: &'w mut Workbook) -> Result<(&'w mut Worksheet, RowNum), XlsxError> {
        if self.row >= self.rows_per_sheet {
            self.open(wb)?;
        }
        let row = self.row;
        self.row += 1;
        Ok((wb.worksheet_from_index(self.index)?, row))
    }

    /// Sets the filter of the current sheet over the rows written.
    fn finish(&mut self, wb: &mut Workbook) -> Result<(), XlsxError> {
        if self.part == 0 {
            return Ok(());
        }
        let last_col = self.headers.len().saturating_sub(1) as u16;
        let last_row = self.row.saturating_sub(1).max(1);
        wb.worksheet_from_index(self.index)?
            .autofilter(0, 0, last_row, last_col)?;
        Ok(())
    }
}

/// How a long sheet is held while it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Memory {
    /// An ordinary worksheet, all in memory.
    Normal,
    /// Rows streamed to a temporary file, strings inline (sheets of mostly unique texts).
    Constant,
    /// Rows streamed to a temporary file, strings shared (sheets that repeat the questionnaire's
    /// texts, such as recommendations).
    Low,
}

#[cfg(feature = "constant-memory")]
fn new_sheet(wb: &mut Workbook, memory: Memory) -> Result<&mut Worksheet, XlsxError> {
    match memory {
        Memory::Normal => Ok(wb.add_worksheet()),
        Memory::Constant => wb.add_worksheet_with_constant_memory(),
        Memory::Low => wb.add_worksheet_with_low_memory(),
    }
}

#[cfg(not(feature = "constant-memory"))]
fn new_sheet(wb: &mut Workbook, _memory: Memory) -> Result<&mut Worksheet, XlsxError> {
    Ok(wb.add_worksheet())
}

struct Writer<'a> {
    q: &'a Questionnaire,
    opts: &'a WorkbookOptions,
    lang: Lang,
    names: SheetNames,
    rows_per_sheet: u32,
    header: Format,
    score: Format,
    wrap: Format,
    bold: Format,
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        lang.pick("Oui", "Yes")
    } else {
        lang.pick("Non", "No")
    }
}

/// Points an answer earned, as the scoring counts them (`None` for `na`).
fn answer_points(q: &Questionnaire, answer: Option<&Answer>, mode: EvidenceMode) -> Option<f64> {
    let points = q.compiled().points;
    let units = match answer.map(|a| a.value) {
        None => 0,
        Some(AnswerValue::Na) => return None,
        Some(v) => {
            let base = points[match v {
                AnswerValue::Yes => 0,
                AnswerValue::Partial => 1,
                AnswerValue::No => 2,
                _ => 3,
            }];
            if mode == EvidenceMode::Substantiated
                && matches!(v, AnswerValue::Yes | AnswerValue::Partial)
                && !answer.is_some_and(Answer::has_evidence)
            {
                base / 2
            } else {
                base
            }
        }
    };
    Some(units as f64 / UNITS_PER_POINT as f64)
}

/// The value at `p` (0..=1) of sorted `values`, interpolated like Excel's `QUARTILE.INC`.
fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let pos = p * (n - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (sorted[lo.min(n - 1)], sorted[hi.min(n - 1)]);
    let v = a + (b - a) * (pos - lo as f64);
    Some((v * 10.0).round() / 10.0)
}

fn diff_tenths(a: f64, b: f64) -> f64 {
    ((a * 10.0).round() - (b * 10.0).round()) / 10.0
}

impl<'a> Writer<'a> {
    fn new(q: &'a Questionnaire, opts: &'a WorkbookOptions, rows_per_sheet: u32) -> Writer<'a> {
        Writer {
            q,
            opts,
            lang: opts.lang,
            names: SheetNames::of(opts.lang),
            rows_per_sheet,
            header: header_format(),
            score: Format::new().set_num_format("0.0"),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold: Format::new().set_bold(),
        }
    }

    fn t(&self, fr: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(fr, en)
    }

    /// `mode` when constant-memory writing was asked for, else ordinary.
    fn memory(&self, mode: Memory) -> Memory {
        if self.opts.constant_memory {
            mode
        } else {
            Memory::Normal
        }
    }

    fn tracks(&self) -> &'a [Track] {
        self.q.track_codes()
    }

    fn score_cell(
        &self,
        ws: &mut Worksheet,
        row: RowNum,
        col: u16,
        v: Option<f64>,
    ) -> Result<(), XlsxError> {
        if let Some(v) = v {
            ws.write_number_with_format(row, col, v, &self.score)?;
        }
        Ok(())
    }

    fn level_label(&self, m: u8) -> String {
        format!(
            "{} {}",
            maturity_code(m),
            self.q.maturity_label(m, self.lang)
        )
    }

    // ---------------------------------------------------------------- Summary

    fn summary(&self, wb: &mut Workbook, scored: &[ScoredSheet]) -> Result<(), XlsxError> {
        let lang = self.lang;
        let previous = self.opts.previous.as_deref().map(PreviousIndex::new);
        let mut headers: Vec<(String, f64)> = vec![
            (self.t("Entreprise", "Company").into(), 28.0),
            (self.t("Secteur", "Sector").into(), 18.0),
            (self.t("Pays", "Country").into(), 10.0),
            (self.t("Identifiant", "Identifier").into(), 14.0),
            (self.t("Période", "Period").into(), 10.0),
            (self.t("Niveau global", "Headline level").into(), 10.0),
            (self.t("Libellé du niveau", "Level label").into(), 30.0),
            (self.t("Provisoire", "Provisional").into(), 11.0),
        ];
        let first_track_col = headers.len();
        for &t in self.tracks() {
            let c = t.code();
            headers.push((format!("{c} {}", self.t("niveau", "level")), 9.0));
            for l in Level::ALL {
                headers.push((format!("{c} {}", l.code()), 8.0));
            }
            headers.push((format!("{c} {}", self.t("indice", "index")), 9.0));
            headers.push((
                format!("{c} {}", self.t("complétude", "completeness")),
                12.0,
            ));
            headers.push((format!("{c} {}", self.t("ne sait pas", "don't know")), 11.0));
            headers.push((
                format!("{c} {}", self.t("non étayées", "unsubstantiated")),
                14.0,
            ));
        }
        let per_track = 9;
        let change_col = headers.len();
        if previous.is_some() {
            headers.push((
                self.t("Évolution du niveau global", "Change in headline level")
                    .into(),
                14.0,
            ));
            for &t in self.tracks() {
                let c = t.code();
                headers.push((
                    format!("{c} {}", self.t("évolution du niveau", "change in level")),
                    12.0,
                ));
                headers.push((
                    format!("{c} {}", self.t("évolution de l'indice", "change in index")),
                    12.0,
                ));
            }
        }
        let source_col = headers.len();
        headers.push(("Source".into(), 30.0));

        let ws = wb.add_worksheet();
        ws.set_name(self.names.summary)?;
        for (c, (h, width)) in headers.iter().enumerate() {
            ws.set_column_width(c as u16, *width)?;
            ws.write_string_with_format(0, c as u16, h, &self.header)?;
        }
        ws.set_row_height(0, 32)?;
        let delta_int = Format::new().set_num_format("+0;-0;0");
        let delta_1 = Format::new().set_num_format("+0.0;-0.0;0.0");
        for (i, s) in scored.iter().enumerate() {
            let r = i as RowNum + 1;
            let a = &s.assessment;
            let c = &s.sheet.company;
            put_text(ws, r, 0, &c.name)?;
            put_text(ws, r, 1, c.sector.as_deref().unwrap_or(""))?;
            put_text(ws, r, 2, c.country.as_deref().unwrap_or(""))?;
            put_text(ws, r, 3, c.id.as_deref().unwrap_or(""))?;
            put_text(ws, r, 4, s.sheet.period.as_deref().unwrap_or(""))?;
            ws.write_number(r, 5, f64::from(a.headline_level))?;
            put_text(ws, r, 6, &self.level_label(a.headline_level))?;
            ws.write_string(r, 7, yes_no(a.provisional, lang))?;
            for (ti, &t) in self.tracks().iter().enumerate() {
                let col = (first_track_col + ti * per_track) as u16;
                let Some(tr) = a.track(t) else { continue };
                ws.write_number(r, col, f64::from(tr.level))?;
                for l in Level::ALL {
                    let v = tr.level_result(l).score.percent();
                    self.score_cell(ws, r, col + 1 + l.index() as u16, v)?;
                }
                ws.write_number_with_format(r, col + 5, tr.index, &self.score)?;
                ws.write_number_with_format(r, col + 6, tr.completeness(), &self.score)?;
                ws.write_number(r, col + 7, f64::from(tr.unknown_count))?;
                ws.write_number(r, col + 8, f64::from(tr.unsubstantiated_count))?;
            }
            if let Some(prev) = &previous {
                let col = change_col as u16;
                match prev.find(c) {
                    Some(p) => {
                        let pa = &p.assessment;
                        ws.write_number_with_format(
                            r,
                            col,
                            f64::from(a.headline_level) - f64::from(pa.headline_level),
                            &delta_int,
                        )?;
                        for (ti, &t) in self.tracks().iter().enumerate() {
                            let cc = col + 1 + 2 * ti as u16;
                            if let (Some(now), Some(before)) = (a.track(t), pa.track(t)) {
                                ws.write_number_with_format(
                                    r,
                                    cc,
                                    f64::from(now.level) - f64::from(before.level),
                                    &delta_int,
                                )?;
                                ws.write_number_with_format(
                                    r,
                                    cc + 1,
                                    diff_tenths(now.index, before.index),
                                    &delta_1,
                                )?;
                            }
                        }
                    }
                    None => {
                        ws.write_string(r, col, self.t("nouvelle", "new"))?;
                    }
                }
            }
            put_text(ws, r, source_col as u16, &s.source)?;
        }
        let last_col = (headers.len() - 1) as u16;
        let n = scored.len() as RowNum;
        if n > 0 {
            let columns: Vec<TableColumn> = headers
                .iter()
                .map(|(h, _)| TableColumn::new().set_header(h))
                .collect();
            let table = Table::new()
                .set_name("VigilanceSummary")
                .set_columns(&columns);
            ws.add_table(0, 0, n, last_col, &table)?;
            // Levels 0..4 and scores 0..100 coloured red → yellow (threshold) → green.
            let threshold = scored
                .first()
                .map_or(self.q.threshold_percent(), |s| s.assessment.threshold)
                .as_f64();
            let levels = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, 2)
                .set_maximum(ConditionalFormatType::Number, 4);
            let scores = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, threshold)
                .set_maximum(ConditionalFormatType::Number, 100);
            ws.add_conditional_format(1, 5, n, 5, &levels)?;
            for ti in 0..self.tracks().len() {
                let col = (first_track_col + ti * per_track) as u16;
                ws.add_conditional_format(1, col, n, col, &levels)?;
                ws.add_conditional_format(1, col + 1, n, col + 5, &scores)?;
            }
        }
        ws.set_freeze_panes(1, 1)?;
        Ok(())
    }

    // ---------------------------------------------------------------- Cohort

    fn cohort(&self, wb: &mut Workbook, scored: &[ScoredSheet]) -> Result<(), XlsxError> {
        let name = self.names.cohort;
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.set_column_width(0, 24)?;
        ws.set_column_width(1, 30)?;
        for c in 2..10 {
            ws.set_column_width(c, 11)?;
        }
        put_text_fmt(
            ws,
            0,
            0,
            self.t("Entreprises par niveau", "Companies per level"),
            &self.bold,
        )?;
        let tracks = self.tracks();
        let mut headers = vec![self.t("Niveau", "Level"), self.t("Libellé", "Label")];
        headers.extend(tracks.iter().map(|t| t.code()));
        headers.push(self.t("Global", "Headline"));
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(1, c as u16, *h, &self.header)?;
        }
        for m in 0..=4u8 {
            let r = 2 + RowNum::from(m);
            ws.write_string(r, 0, maturity_code(m))?;
            put_text(ws, r, 1, self.q.maturity_label(m, self.lang))?;
            for (ti, &t) in tracks.iter().enumerate() {
                let n = scored
                    .iter()
                    .filter(|s| s.assessment.track(t).is_some_and(|tr| tr.level == m))
                    .count();
                ws.write_number(r, 2 + ti as u16, n as f64)?;
            }
            let n = scored
                .iter()
                .filter(|s| s.assessment.headline_level == m)
                .count();
            ws.write_number(r, 2 + tracks.len() as u16, n as f64)?;
        }
        let mut chart = Chart::new_column();
        for ti in 0..=tracks.len() {
            let col = 2 + ti as u16;
            chart
                .add_series()
                .set_name((name, 1, col))
                .set_categories((name, 2, 0, 6, 0))
                .set_values((name, 2, col, 6, col));
        }
        chart
            .title()
            .set_name(self.t("Entreprises par niveau", "Companies per level"));
        chart.y_axis().set_name(self.t("Entreprises", "Companies"));
        ws.insert_chart(1, 7, &chart)?;

        // Quartiles of each level score, overall and per sector.
        let top = 24;
        put_text_fmt(
            ws,
            top,
            0,
            self.t(
                "Scores par niveau : médiane et quartiles (en %)",
                "Level scores: median and quartiles (in %)",
            ),
            &self.bold,
        )?;
        let headers = [
            self.t("Périmètre", "Scope"),
            self.t("Volet", "Track"),
            self.t("Niveau", "Level"),
            self.t("Entreprises", "Companies"),
            "Min",
            self.t("1er quartile", "1st quartile"),
            self.t("Médiane", "Median"),
            self.t("3e quartile", "3rd quartile"),
            "Max",
        ];
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(top + 1, c as u16, *h, &self.header)?;
        }
        let mut scopes: Vec<(String, Vec<&ScoredSheet>)> = vec![(
            self.t("Toutes les entreprises", "All companies")
                .to_string(),
            scored.iter().collect(),
        )];
        let mut by_sector: BTreeMap<String, Vec<&ScoredSheet>> = BTreeMap::new();
        for s in scored {
            let sector = s
                .sheet
                .company
                .sector
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .unwrap_or(self.t("(secteur non indiqué)", "(no sector given)"));
            by_sector.entry(sector.to_string()).or_default().push(s);
        }
        scopes.extend(by_sector);
        let mut r = top + 2;
        for (scope, sheets) in &scopes {
            for &t in tracks {
                for l in Level::ALL {
                    let mut v: Vec<f64> = sheets
                        .iter()
                        .filter_map(|s| s.assessment.track(t))
                        .filter_map(|tr| tr.level_result(l).score.percent())
                        .collect();
                    v.sort_by(f64::total_cmp);
                    put_text(ws, r, 0, scope)?;
                    ws.write_string(r, 1, t.code())?;
                    ws.write_string(r, 2, l.code())?;
                    ws.write_number(r, 3, v.len() as f64)?;
                    for (k, p) in [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
                        self.score_cell(ws, r, 4 + k as u16, quantile(&v, p))?;
                    }
                    r += 1;
                }
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- Themes

    fn themes(&self, wb: &mut Workbook, scored: &[ScoredSheet]) -> Result<(), XlsxError> {
        let headers = [
            (self.t("Entreprise", "Company"), 28.0),
            (self.t("Période", "Period"), 10.0),
            (self.t("Volet", "Track"), 8.0),
            (self.t("Thème", "Theme"), 8.0),
            (self.t("Libellé du thème", "Theme label"), 40.0),
            (self.t("Score (%)", "Score (%)"), 10.0),
        ];
        // Themes with at least one question in each track, as in the result document.
        let themes: Vec<(Track, Vec<usize>)> = self
            .tracks()
            .iter()
            .map(|&t| {
                let idx = self
                    .q
                    .themes
                    .iter()
                    .enumerate()
                    .filter(|(_, th)| {
                        self.q
                            .questions
                            .iter()
                            .any(|qq| qq.theme == th.id && qq.has_track(t))
                    })
                    .map(|(i, _)| i)
                    .collect();
                (t, idx)
            })
            .collect();
        let mut sheet = LongSheet::start(
            wb,
            self.names.themes,
            &headers,
            self.memory(Memory::Low),
            self.rows_per_sheet,
        )?;
        for s in scored {
            for (t, idx) in &themes {
                let Some(tr) = s.assessment.track(*t) else {
                    continue;
                };
                for &i in idx {
                    let th = &self.q.themes[i];
                    let (ws, r) = sheet.next(wb)?;
                    put_text(ws, r, 0, &s.sheet.company.name)?;
                    put_text(ws, r, 1, s.sheet.period.as_deref().unwrap_or(""))?;
                    ws.write_string(r, 2, t.code())?;
                    put_text(ws, r, 3, &th.id)?;
                    put_text(ws, r, 4, th.label.get(self.lang))?;
                    self.score_cell(ws, r, 5, tr.themes.get(i).and_then(|x| x.percent()))?;
                }
            }
        }
        sheet.finish(wb)
    }

    // ---------------------------------------------------------------- Answers

    fn answers(&self, wb: &mut Workbook, scored: &[ScoredSheet]) -> Result<(), XlsxError> {
        let headers = [
            (self.t("Entreprise", "Company"), 28.0),
            (self.t("Volet", "Track"), 7.0),
            ("Question", 9.0),
            (self.t("Niveau", "Level"), 7.0),
            (self.t("Thème", "Theme"), 7.0),
            (self.t("Critique", "Critical"), 8.0),
            (self.t("Réponse", "Answer"), 14.0),
            ("Points", 7.0),
            (self.t("Commentaire", "Comment"), 40.0),
            (self.t("Preuves", "Evidence"), 40.0),
            (self.t("Justification", "Justification"), 30.0),
        ];
        let lang = self.lang;
        let value_labels: Vec<&str> = AnswerValue::ALL
            .iter()
            .map(|v| self.q.value_label(*v, lang))
            .collect();
        let track_pairs: Vec<(usize, Track)> = self
            .q
            .questions
            .iter()
            .enumerate()
            .flat_map(|(qi, qq)| {
                self.tracks()
                    .iter()
                    .filter(move |t| qq.has_track(**t))
                    .map(move |t| (qi, *t))
            })
            .collect();
        let mut sheet = LongSheet::start(
            wb,
            self.names.answers,
            &headers,
            self.memory(Memory::Constant),
            self.rows_per_sheet,
        )?;
        let (yes, no) = (yes_no(true, lang), yes_no(false, lang));
        for s in scored {
            let mode = s.assessment.evidence_mode;
            for &(qi, t) in &track_pairs {
                let qq = &self.q.questions[qi];
                let answer = s.sheet.answer(&qq.id, t);
                let (ws, r) = sheet.next(wb)?;
                put_text(ws, r, 0, &s.sheet.company.name)?;
                ws.write_string(r, 1, t.code())?;
                put_text(ws, r, 2, &qq.id)?;
                ws.write_string(r, 3, qq.level.code())?;
                put_text(ws, r, 4, &qq.theme)?;
                ws.write_string(r, 5, if qq.critical { yes } else { no })?;
                if let Some(a) = answer {
                    let vi = AnswerValue::ALL
                        .iter()
                        .position(|v| *v == a.value)
                        .unwrap_or(0);
                    put_text(ws, r, 6, value_labels[vi])?;
                }
                if let Some(p) = answer_points(self.q, answer, mode) {
                    ws.write_number(r, 7, p)?;
                }
                if let Some(a) = answer {
                    put_text(ws, r, 8, a.comment.as_deref().unwrap_or(""))?;
                    if !a.evidence.is_empty() {
                        put_text(ws, r, 9, &a.evidence.join("\n"))?;
                    }
                    put_text(ws, r, 10, a.justification.as_deref().unwrap_or(""))?;
                }
            }
        }
        sheet.finish(wb)
    }

    // ---------------------------------------------------------------- Next steps

    fn next_steps(&self, wb: &mut Workbook, scored: &[ScoredSheet]) -> Result<(), XlsxError> {
        let headers = [
            (self.t("Entreprise", "Company"), 28.0),
            (self.t("Volet", "Track"), 7.0),
            ("Question", 9.0),
            (self.t("Niveau", "Level"), 7.0),
            (self.t("Critique", "Critical"), 8.0),
            (self.t("Motif", "Reason"), 30.0),
            (self.t("Réponse actuelle", "Current answer"), 14.0),
            (self.t("Recommandation", "Recommendation"), 80.0),
        ];
        let lang = self.lang;
        let mut sheet = LongSheet::start(
            wb,
            self.names.next_steps,
            &headers,
            self.memory(Memory::Low),
            self.rows_per_sheet,
        )?;
        for s in scored {
            for step in &s.assessment.next_steps {
                let Some(qq) = self.q.questions.get(step.question) else {
                    continue;
                };
                let (ws, r) = sheet.next(wb)?;
                put_text(ws, r, 0, &s.sheet.company.name)?;
                ws.write_string(r, 1, step.track.code())?;
                put_text(ws, r, 2, &qq.id)?;
                ws.write_string(r, 3, step.level.code())?;
                ws.write_string(r, 4, yes_no(step.critical, lang))?;
                ws.write_string(r, 5, reason_label(step.reason, lang))?;
                if let Some(v) = step.current {
                    put_text(ws, r, 6, self.q.value_label(v, lang))?;
                }
                put_text(ws, r, 7, qq.recommendation.get(lang))?;
            }
        }
        sheet.finish(wb)
    }

    // ---------------------------------------------------------------- Errors

    fn errors(&self, wb: &mut Workbook, errors: &[ErrorEntry]) -> Result<(), XlsxError> {
        let headers = [
            ("Source", 36.0),
            (self.t("Gravité", "Severity"), 10.0),
            (self.t("Endroit", "Place"), 28.0),
            (self.t("Problème", "Problem"), 100.0),
        ];
        let mut sheet = LongSheet::start(
            wb,
            self.names.errors,
            &headers,
            Memory::Normal,
            EXCEL_MAX_ROWS,
        )?;
        for e in errors {
            if e.problems.is_empty() {
                let (ws, r) = sheet.next(wb)?;
                put_text(ws, r, 0, &e.source)?;
                ws.write_string(r, 1, self.t("erreur", "error"))?;
                put_text(ws, r, 3, &e.message)?;
                continue;
            }
            for p in &e.problems {
                let (ws, r) = sheet.next(wb)?;
                put_text(ws, r, 0, &e.source)?;
                let sev = if p.severity == "warning" {
                    self.t("avertissement", "warning")
                } else {
                    self.t("erreur", "error")
                };
                ws.write_string(r, 1, sev)?;
                let place = match (p.line, p.column) {
                    (Some(l), Some(c)) => format!(
                        "{} {l}, {} {c} ({})",
                        self.t("ligne", "line"),
                        self.t("colonne", "column"),
                        p.path
                    ),
                    _ => p.path.clone(),
                };
                put_text(ws, r, 2, &place)?;
                put_text(ws, r, 3, p.message.get(self.lang))?;
            }
        }
        sheet.finish(wb)
    }

    // ---------------------------------------------------------------- Method

    fn method(
        &self,
        wb: &mut Workbook,
        scored: &[ScoredSheet],
        errors: &[ErrorEntry],
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let ws = wb.add_worksheet();
        ws.set_name(self.names.method)?;
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 36)?;
        ws.set_column_width(2, 90)?;
        let threshold = scored
            .first()
            .map_or(self.q.threshold_percent(), |s| s.assessment.threshold);
        let mut modes: Vec<EvidenceMode> =
            scored.iter().map(|s| s.assessment.evidence_mode).collect();
        modes.sort_by_key(|m| m.code());
        modes.dedup();
        let modes = if modes.is_empty() {
            EvidenceMode::default().label(lang).to_string()
        } else {
            modes
                .iter()
                .map(|m| m.label(lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        put_text_fmt(ws, 0, 0, self.q.title.get(lang), &self.bold)?;
        let mut r: RowNum = 2;
        let mut kv = |ws: &mut Worksheet, k: &str, v: &str| -> Result<(), XlsxError> {
            ws.write_string_with_format(r, 0, k, &self.bold)?;
            put_text(ws, r, 1, v)?;
            r += 1;
            Ok(())
        };
        kv(ws, self.t("Questionnaire", "Questionnaire"), &self.q.id)?;
        kv(ws, "Version", &self.q.version)?;
        kv(ws, self.t("Mode de preuve", "Evidence mode"), &modes)?;
        kv(ws, self.t("Date", "Date"), &self.opts.generated)?;
        kv(
            ws,
            self.t("Version de l'outil", "Tool version"),
            &self.opts.tool_version,
        )?;
        ws.write_string_with_format(r, 0, self.t("Seuil (%)", "Threshold (%)"), &self.bold)?;
        ws.write_number_with_format(
            r,
            1,
            threshold.as_f64(),
            &Format::new().set_num_format("0.0##"),
        )?;
        r += 1;
        ws.write_string_with_format(
            r,
            0,
            self.t("Entreprises évaluées", "Companies scored"),
            &self.bold,
        )?;
        ws.write_number(r, 1, scored.len() as f64)?;
        r += 1;
        ws.write_string_with_format(
            r,
            0,
            self.t("Entrées non évaluées", "Inputs not scored"),
            &self.bold,
        )?;
        ws.write_number(r, 1, errors.len() as f64)?;
        r += 2;

        put_text_fmt(ws, r, 0, self.t("Niveaux", "Levels"), &self.bold)?;
        r += 1;
        for (c, h) in [
            self.t("Niveau", "Level"),
            self.t("Libellé", "Label"),
            self.t("Définition", "Definition"),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(r, c as u16, *h, &self.header)?;
        }
        r += 1;
        for m in 0..=4u8 {
            ws.write_string(r, 0, maturity_code(m))?;
            put_text(ws, r, 1, self.q.maturity_label(m, lang))?;
            let def = match Level::from_rank(m) {
                Some(l) => self.q.level(l).map(|d| d.definition.get(lang)),
                None => self.q.not_started.as_ref().map(|n| n.definition.get(lang)),
            };
            put_text_fmt(ws, r, 2, def.unwrap_or(""), &self.wrap)?;
            r += 1;
        }
        r += 1;
        put_text_fmt(
            ws,
            r,
            0,
            self.t("Règle de calcul", "Scoring rule"),
            &self.bold,
        )?;
        r += 1;
        let weights = self
            .q
            .index_weights
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let t = threshold.to_string();
        let rule: Vec<String> = match lang {
            Lang::Fr => vec![
                "Chaque question est renseignée pour chaque volet auquel elle s'applique (travail des enfants CL, travail forcé FL).".into(),
                "Points : Oui = 1, Partiellement = 0,5 (seulement si la question définit le partiel), Non = 0, Ne sait pas = 0 (lacune de connaissance) ; Non applicable est exclu des dénominateurs et exige une justification (interdit sur les questions critiques) ; sans réponse = 0.".into(),
                "Mode étayé par des preuves : un Oui sans preuve compte 0,5 et un Partiellement sans preuve 0,25 (réponses non étayées).".into(),
                "Score d'un niveau = points obtenus ÷ questions applicables (pondérées), en %.".into(),
                format!("Un niveau est atteint quand son score atteint le seuil ({t} %) et que chaque question critique du niveau obtient son point entier."),
                "Niveau de maturité d'un volet = le plus haut niveau N tel que les niveaux 1 à N sont tous atteints (N0 si le niveau 1 ne l'est pas). Niveau global = le plus bas des deux volets.".into(),
                format!("Indice indicatif = moyenne des scores de niveau pondérée par ({weights}) ; il sert à trier, jamais de niveau."),
                "Complétude = questions répondues ÷ questions du volet ; un résultat incomplet est provisoire.".into(),
                "Pourcentages arrondis à une décimale (demi vers le haut) ; les comparaisons au seuil sont exactes.".into(),
            ],
            Lang::En => vec![
                "Each question is answered for each track it applies to (child labour CL, forced labour FL).".into(),
                "Points: Yes = 1, Partially = 0.5 (only where the question defines partial), No = 0, Don't know = 0 (knowledge gap); Not applicable is left out of every denominator and needs a justification (invalid on critical questions); unanswered = 0.".into(),
                "Substantiated mode: a Yes without evidence counts 0.5 and a Partially without evidence 0.25 (unsubstantiated answers).".into(),
                "Level score = points earned ÷ applicable questions (weighted), in %.".into(),
                format!("A level is achieved when its score reaches the threshold ({t} %) and every critical question of the level scores its full point."),
                "A track's maturity = the highest level N such that levels 1 to N are all achieved (N0 if level 1 is not). Headline level = the lower of the two tracks.".into(),
                format!("Indicative index = mean of the level scores weighted by ({weights}); for sorting only, never a level."),
                "Completeness = answered questions ÷ questions of the track; an incomplete result is provisional.".into(),
                "Percentages rounded to one decimal (half away from zero); threshold comparisons are exact.".into(),
            ],
        };
        for line in rule {
            put_text(ws, r, 0, &line)?;
            r += 1;
        }
        Ok(())
    }
}
