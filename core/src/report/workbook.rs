//! The results workbook (`vigilance score --format xlsx`, and the browser's download): one Excel
//! file, in French or English, with the sheets an analyst works from — Summary, Cohort, Themes,
//! Answers, Next steps, Errors (when any) and Method.
//!
//! [`ResultsWorkbook`] writes it as a stream: each scored sheet is [pushed](ResultsWorkbook::push)
//! once, its Themes, Answers and Next steps rows are written at once, and only its summary
//! figures (a few numbers and strings, not its answers) are kept for the Summary, Cohort and
//! Method sheets, written at [`finish`](ResultsWorkbook::finish). [`results_workbook`] does the
//! same for a slice of sheets. The sheets keep their order in the file whatever the order of
//! writing (worksheets are built apart and added to the workbook at the end).
//!
//! Built with rust_xlsxwriter, in memory ([`ResultsWorkbook::finish`]: no file system, no threads,
//! so it also runs in WASM with core's `wasm` feature) or straight to a file on native builds
//! ([`ResultsWorkbook::finish_to_path`]). Safety and limits:
//! - every text a company supplied (names, sectors, comments, evidence…) is written with
//!   `write_string`, never as a formula: a company named `=HYPERLINK(…)` stays inert text;
//! - scores are numbers with a `0.0` format, never text;
//! - Excel stops at 1,048,576 rows: a long sheet (Answers, Themes, Next steps) continues on a
//!   further sheet named `Answers (2)`, `Answers (3)`…, never truncated; a text longer than an
//!   Excel cell holds (32,767 characters) is cut with a visible `[…]` mark;
//! - with [`WorkbookOptions::constant_memory`] and core's `constant-memory` feature, the large
//!   sheets stream their rows in order to temporary files (one per worksheet, so rows of the
//!   three sheets may be written in turn): Answers as a constant-memory worksheet (inline
//!   strings: comments are mostly unique), Themes and Next steps as low-memory worksheets
//!   (shared strings: they repeat the questionnaire's texts). Memory then stays flat in the
//!   number of companies but for their summary figures;
//! - a workbook of more than 100,000 answer rows is compressed at zip level 3 rather than 6
//!   (faster, about 8 % larger).

use crate::answers::{Answer, AnswerSheet};
use crate::codes::{AnswerValue, EvidenceMode, Level, Track, maturity_code};
use crate::exact::{Percent, UNITS_PER_POINT};
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
/// not be scored. A thin wrapper over [`ResultsWorkbook`].
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
    let mut book = ResultsWorkbook::with_row_limit(q, opts.clone(), rows_per_sheet)?;
    for s in scored {
        book.push(s)?;
    }
    for e in errors {
        book.push_error(e);
    }
    book.finish()
}

/// The results workbook written as a stream: push the scored sheets one by one (their long rows
/// are written at once and the sheets can then be dropped), push the errors, then finish.
///
/// ```
/// use vigilance_core::{AnswerSheet, Questionnaire, ScoringOptions, score};
/// use vigilance_core::report::workbook::{ResultsWorkbook, ScoredSheet, WorkbookOptions};
/// let q = Questionnaire::builtin();
/// let mut book = ResultsWorkbook::new(q, WorkbookOptions::default()).unwrap();
/// for name in ["A SA", "B SA"] {
///     let json = format!(r#"{{"format":"vigilance.answers/1",
///         "questionnaire":{{"id":"rhsf-fir","version":"1.0.0"}},
///         "company":{{"name":"{name}"}}, "answers":{{"Q01":{{"CL":"yes"}}}}}}"#);
///     let sheet = AnswerSheet::parse(&json, q).unwrap().value;
///     let assessment = score(q, &sheet, &ScoringOptions::default());
///     book.push(&ScoredSheet { source: name.into(), sheet, assessment, warnings: vec![] })
///         .unwrap();
/// }
/// let bytes = book.finish().unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub struct ResultsWorkbook<'q> {
    w: Writer<'q>,
    wb: Workbook,
    themes: LongSheet,
    answers: LongSheet,
    next_steps: LongSheet,
    /// Per track, the themes with at least one question in it (as in the result document).
    theme_index: Vec<(Track, Vec<usize>)>,
    /// Every (question, track) pair, in the questionnaire's order.
    track_pairs: Vec<(usize, Track)>,
    /// The answer values' labels, in the order of [`AnswerValue::ALL`].
    value_labels: Vec<&'q str>,
    /// The summary figures of every company pushed, in order.
    companies: Vec<CompanyFigures>,
    /// The previous campaign's figures, when comparing.
    previous: Option<PreviousIndex>,
    /// The threshold of the first sheet pushed.
    threshold: Option<Percent>,
    /// The evidence modes of the sheets pushed.
    modes: Vec<EvidenceMode>,
    errors: Vec<ErrorEntry>,
}

impl<'q> ResultsWorkbook<'q> {
    /// Starts a workbook. With [`WorkbookOptions::constant_memory`] (and core's `constant-memory`
    /// feature) this creates the temporary files of the long sheets.
    ///
    /// # Errors
    /// [`WorkbookError::Xlsx`] when a temporary file cannot be created.
    pub fn new(q: &'q Questionnaire, opts: WorkbookOptions) -> Result<Self, WorkbookError> {
        Self::with_row_limit(q, opts, EXCEL_MAX_ROWS)
    }

    /// [`ResultsWorkbook::new`] with a smaller row limit per sheet (tests); clamped to
    /// `2..=1,048,576`.
    #[doc(hidden)]
    pub fn with_row_limit(
        q: &'q Questionnaire,
        mut opts: WorkbookOptions,
        rows_per_sheet: u32,
    ) -> Result<Self, WorkbookError> {
        let previous = opts.previous.take().map(|p| PreviousIndex::new(q, &p));
        let w = Writer::new(q, opts, rows_per_sheet.clamp(2, EXCEL_MAX_ROWS));
        let mut wb = Workbook::new();
        let themes = LongSheet::start(
            &mut wb,
            w.names.themes,
            w.themes_headers(),
            w.memory(Memory::Low),
            w.rows_per_sheet,
        )?;
        let answers = LongSheet::start(
            &mut wb,
            w.names.answers,
            w.answers_headers(),
            w.memory(Memory::Constant),
            w.rows_per_sheet,
        )?;
        let next_steps = LongSheet::start(
            &mut wb,
            w.names.next_steps,
            w.next_steps_headers(),
            w.memory(Memory::Low),
            w.rows_per_sheet,
        )?;
        let tracks = q.track_codes();
        let theme_index = tracks
            .iter()
            .map(|&t| {
                let idx = q
                    .themes
                    .iter()
                    .enumerate()
                    .filter(|(_, th)| {
                        q.questions
                            .iter()
                            .any(|qq| qq.theme == th.id && qq.has_track(t))
                    })
                    .map(|(i, _)| i)
                    .collect();
                (t, idx)
            })
            .collect();
        let track_pairs = q
            .questions
            .iter()
            .enumerate()
            .flat_map(|(qi, qq)| {
                tracks
                    .iter()
                    .filter(move |t| qq.has_track(**t))
                    .map(move |t| (qi, *t))
            })
            .collect();
        let value_labels = AnswerValue::ALL
            .iter()
            .map(|v| q.value_label(*v, w.lang))
            .collect();
        Ok(ResultsWorkbook {
            w,
            wb,
            themes,
            answers,
            next_steps,
            theme_index,
            track_pairs,
            value_labels,
            companies: Vec::new(),
            previous,
            threshold: None,
            modes: Vec::new(),
            errors: Vec::new(),
        })
    }

    /// Adds one company: writes its Themes, Answers and Next steps rows, and keeps its summary
    /// figures for the Summary, Cohort and Method sheets.
    ///
    /// # Errors
    /// [`WorkbookError::Xlsx`] when a row cannot be written (a temporary file that cannot be
    /// written to, in constant-memory mode).
    pub fn push(&mut self, s: &ScoredSheet) -> Result<(), WorkbookError> {
        self.push_themes(s)?;
        self.push_answers(s)?;
        self.push_next_steps(s)?;
        let a = &s.assessment;
        self.threshold.get_or_insert(a.threshold);
        if !self.modes.contains(&a.evidence_mode) {
            self.modes.push(a.evidence_mode);
        }
        self.companies.push(CompanyFigures::new(self.w.tracks(), s));
        Ok(())
    }

    /// Adds an input that could not be scored (listed on the Errors sheet, in push order).
    pub fn push_error(&mut self, e: &ErrorEntry) {
        self.errors.push(e.clone());
    }

    /// Writes the Summary, Cohort, Errors and Method sheets and returns the workbook's bytes.
    ///
    /// # Errors
    /// [`WorkbookError::Xlsx`] when rust_xlsxwriter refuses the workbook.
    pub fn finish(self) -> Result<Vec<u8>, WorkbookError> {
        let mut wb = self.assemble()?;
        Ok(wb.save_to_buffer()?)
    }

    /// Writes the Summary, Cohort, Errors and Method sheets and saves the workbook to `path`
    /// (created or replaced), without building it in memory first.
    ///
    /// # Errors
    /// [`WorkbookError::Xlsx`] when rust_xlsxwriter refuses the workbook or cannot write `path`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn finish_to_path(self, path: &std::path::Path) -> Result<(), WorkbookError> {
        let mut wb = self.assemble()?;
        Ok(wb.save(path)?)
    }

    /// The workbook with every sheet in order, ready to save.
    fn assemble(self) -> Result<Workbook, XlsxError> {
        let ResultsWorkbook {
            w,
            mut wb,
            themes,
            answers,
            next_steps,
            companies,
            previous,
            threshold,
            modes,
            errors,
            ..
        } = self;
        if companies.len().saturating_mul(w.q.answer_count()) > LARGE_ANSWER_ROWS {
            // Compressing is most of the saving time of a large workbook: trade a little size
            // (about 8 %) for speed.
            wb.set_zip_compression_level(3);
        }
        let threshold = threshold.unwrap_or_else(|| w.q.threshold_percent());
        let mut summary = w.summary(&mut wb, &companies, previous.as_ref(), threshold)?;
        summary.set_active(true);
        wb.push_worksheet(summary);
        wb.push_worksheet(w.cohort(&companies)?);
        for ws in themes
            .close()?
            .into_iter()
            .chain(answers.close()?)
            .chain(next_steps.close()?)
        {
            wb.push_worksheet(ws);
        }
        if !errors.is_empty() {
            for ws in w.errors(&mut wb, &errors)? {
                wb.push_worksheet(ws);
            }
        }
        wb.push_worksheet(w.method(companies.len(), &modes, threshold, errors.len())?);
        Ok(wb)
    }

    fn push_themes(&mut self, s: &ScoredSheet) -> Result<(), XlsxError> {
        let (w, sheet) = (&self.w, &mut self.themes);
        let name = &s.sheet.company.name;
        let period = s.sheet.period.as_deref().unwrap_or("");
        for (t, idx) in &self.theme_index {
            let Some(tr) = s.assessment.track(*t) else {
                continue;
            };
            for &i in idx {
                let th = &w.q.themes[i];
                let (ws, r) = sheet.next(&mut self.wb)?;
                put_text(ws, r, 0, name)?;
                put_text(ws, r, 1, period)?;
                ws.write_string(r, 2, t.code())?;
                put_text(ws, r, 3, &th.id)?;
                put_text(ws, r, 4, th.label.get(w.lang))?;
                w.score_cell(ws, r, 5, tr.themes.get(i).and_then(|x| x.percent()))?;
            }
        }
        Ok(())
    }

    fn push_answers(&mut self, s: &ScoredSheet) -> Result<(), XlsxError> {
        let (w, sheet) = (&self.w, &mut self.answers);
        let lang = w.lang;
        let (yes, no) = (yes_no(true, lang), yes_no(false, lang));
        let mode = s.assessment.evidence_mode;
        let name = &s.sheet.company.name;
        for &(qi, t) in &self.track_pairs {
            let qq = &w.q.questions[qi];
            let answer = s.sheet.answer(&qq.id, t);
            let (ws, r) = sheet.next(&mut self.wb)?;
            put_text(ws, r, 0, name)?;
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
                put_text(ws, r, 6, self.value_labels[vi])?;
            }
            if let Some(p) = answer_points(w.q, answer, mode) {
                ws.write_number(r, 7, p)?;
            }
            if let Some(a) = answer {
                put_text(ws, r, 8, a.comment.as_deref().unwrap_or(""))?;
                match a.evidence.as_slice() {
                    [] => {}
                    [one] => put_text(ws, r, 9, one)?,
                    many => put_text(ws, r, 9, &many.join("\n"))?,
                }
                put_text(ws, r, 10, a.justification.as_deref().unwrap_or(""))?;
            }
        }
        Ok(())
    }

    fn push_next_steps(&mut self, s: &ScoredSheet) -> Result<(), XlsxError> {
        let (w, sheet) = (&self.w, &mut self.next_steps);
        let lang = w.lang;
        for step in &s.assessment.next_steps {
            let Some(qq) = w.q.questions.get(step.question) else {
                continue;
            };
            let (ws, r) = sheet.next(&mut self.wb)?;
            put_text(ws, r, 0, &s.sheet.company.name)?;
            ws.write_string(r, 1, step.track.code())?;
            put_text(ws, r, 2, &qq.id)?;
            ws.write_string(r, 3, step.level.code())?;
            ws.write_string(r, 4, yes_no(step.critical, lang))?;
            ws.write_string(r, 5, reason_label(step.reason, lang))?;
            if let Some(v) = step.current {
                put_text(ws, r, 6, w.q.value_label(v, lang))?;
            }
            put_text(ws, r, 7, qq.recommendation.get(lang))?;
        }
        Ok(())
    }
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

/// What the Summary, Cohort and comparison need of one company: a few strings and numbers, not
/// its answers.
#[derive(Clone, Debug)]
struct CompanyFigures {
    name: String,
    sector: Option<String>,
    country: Option<String>,
    id: Option<String>,
    period: Option<String>,
    source: String,
    headline: u8,
    provisional: bool,
    /// One entry per track of the questionnaire, in its order.
    tracks: Vec<Option<TrackFigures>>,
}

/// A company's figures on one track.
#[derive(Clone, Copy, Debug)]
struct TrackFigures {
    level: u8,
    /// Level scores, in the order of [`Level::ALL`].
    scores: [Option<f64>; 4],
    index: f64,
    completeness: f64,
    unknown: u32,
    unsubstantiated: u32,
}

impl CompanyFigures {
    fn new(tracks: &[Track], s: &ScoredSheet) -> CompanyFigures {
        let a = &s.assessment;
        let c = &s.sheet.company;
        CompanyFigures {
            name: c.name.clone(),
            sector: c.sector.clone(),
            country: c.country.clone(),
            id: c.id.clone(),
            period: s.sheet.period.clone(),
            source: s.source.clone(),
            headline: a.headline_level,
            provisional: a.provisional,
            tracks: tracks
                .iter()
                .map(|&t| {
                    a.track(t).map(|tr| TrackFigures {
                        level: tr.level,
                        scores: Level::ALL.map(|l| tr.level_result(l).score.percent()),
                        index: tr.index,
                        completeness: tr.completeness(),
                        unknown: tr.unknown_count,
                        unsubstantiated: tr.unsubstantiated_count,
                    })
                })
                .collect(),
        }
    }
}

/// Normalised key to match a company across campaigns.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The previous campaign's figures, found by company id, else by name.
struct PreviousIndex {
    companies: Vec<CompanyFigures>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl PreviousIndex {
    fn new(q: &Questionnaire, previous: &[ScoredSheet]) -> PreviousIndex {
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        let companies: Vec<CompanyFigures> = previous
            .iter()
            .map(|p| CompanyFigures::new(q.track_codes(), p))
            .collect();
        for (i, p) in companies.iter().enumerate() {
            if let Some(id) = p.id.as_deref().filter(|i| !i.trim().is_empty()) {
                by_id.entry(norm(id)).or_insert(i);
            }
            if !p.name.trim().is_empty() {
                by_name.entry(norm(&p.name)).or_insert(i);
            }
        }
        PreviousIndex {
            companies,
            by_id,
            by_name,
        }
    }

    fn find(&self, c: &CompanyFigures) -> Option<&CompanyFigures> {
        c.id.as_deref()
            .filter(|i| !i.trim().is_empty())
            .and_then(|id| self.by_id.get(&norm(id)).copied())
            .or_else(|| self.by_name.get(&norm(&c.name)).copied())
            .and_then(|i| self.companies.get(i))
    }
}

/// A sheet that continues on further sheets past the row limit (`Answers`, `Answers (2)`…).
/// Its worksheets are held apart from the workbook until [`LongSheet::close`], so that several
/// long sheets can be written in turn and still come out in order.
struct LongSheet {
    base: &'static str,
    headers: Vec<(&'static str, f64)>,
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
    fn start(
        wb: &mut Workbook,
        base: &'static str,
        headers: Vec<(&'static str, f64)>,
        memory: Memory,
        rows_per_sheet: u32,
    ) -> Result<LongSheet, XlsxError> {
        let current = Self::new_part(wb, base, &headers, memory, 1)?;
        Ok(LongSheet {
            base,
            headers,
            done: Vec::new(),
            current,
            part: 1,
            row: 1,
            memory,
            rows_per_sheet,
        })
    }

    /// A new worksheet, named and with its header row.
    fn new_part(
        wb: &mut Workbook,
        base: &str,
        headers: &[(&'static str, f64)],
        memory: Memory,
        part: usize,
    ) -> Result<Worksheet, XlsxError> {
        let mut ws = new_sheet(wb, memory)?;
        ws.set_name(SheetNames::continued(base, part))?;
        let hf = header_format();
        for (c, (h, width)) in headers.iter().enumerate() {
            ws.set_column_width(c as u16, *width)?;
            ws.write_string_with_format(0, c as u16, *h, &hf)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(ws)
    }

    /// The worksheet and row to write the next row on.
    fn next(&mut self, wb: &mut Workbook) -> Result<(&mut Worksheet, RowNum), XlsxError> {
        if self.row >= self.rows_per_sheet {
            let next = Self::new_part(wb, self.base, &self.headers, self.memory, self.part + 1)?;
            let full = std::mem::replace(&mut self.current, next);
            self.done.push(self.filtered(full)?);
            self.part += 1;
            self.row = 1;
        }
        let row = self.row;
        self.row += 1;
        Ok((&mut self.current, row))
    }

    /// `ws` with a filter over the rows written on the current sheet.
    fn filtered(&self, mut ws: Worksheet) -> Result<Worksheet, XlsxError> {
        let last_col = self.headers.len().saturating_sub(1) as u16;
        let last_row = self.row.saturating_sub(1).max(1);
        ws.autofilter(0, 0, last_row, last_col)?;
        Ok(ws)
    }

    /// Every worksheet of the sheet, in order.
    fn close(mut self) -> Result<Vec<Worksheet>, XlsxError> {
        let current = std::mem::replace(&mut self.current, Worksheet::new());
        let last = self.filtered(current)?;
        self.done.push(last);
        Ok(self.done)
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
fn new_sheet(wb: &mut Workbook, memory: Memory) -> Result<Worksheet, XlsxError> {
    match memory {
        Memory::Normal => Ok(Worksheet::new()),
        Memory::Constant => wb.new_worksheet_with_constant_memory(),
        Memory::Low => wb.new_worksheet_with_low_memory(),
    }
}

#[cfg(not(feature = "constant-memory"))]
fn new_sheet(_wb: &mut Workbook, _memory: Memory) -> Result<Worksheet, XlsxError> {
    Ok(Worksheet::new())
}

struct Writer<'a> {
    q: &'a Questionnaire,
    opts: WorkbookOptions,
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
    fn new(q: &'a Questionnaire, opts: WorkbookOptions, rows_per_sheet: u32) -> Writer<'a> {
        let lang = opts.lang;
        Writer {
            q,
            opts,
            lang,
            names: SheetNames::of(lang),
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

    fn themes_headers(&self) -> Vec<(&'static str, f64)> {
        vec![
            (self.t("Entreprise", "Company"), 28.0),
            (self.t("Période", "Period"), 10.0),
            (self.t("Volet", "Track"), 8.0),
            (self.t("Thème", "Theme"), 8.0),
            (self.t("Libellé du thème", "Theme label"), 40.0),
            (self.t("Score (%)", "Score (%)"), 10.0),
        ]
    }

    fn answers_headers(&self) -> Vec<(&'static str, f64)> {
        vec![
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
        ]
    }

    fn next_steps_headers(&self) -> Vec<(&'static str, f64)> {
        vec![
            (self.t("Entreprise", "Company"), 28.0),
            (self.t("Volet", "Track"), 7.0),
            ("Question", 9.0),
            (self.t("Niveau", "Level"), 7.0),
            (self.t("Critique", "Critical"), 8.0),
            (self.t("Motif", "Reason"), 30.0),
            (self.t("Réponse actuelle", "Current answer"), 14.0),
            (self.t("Recommandation", "Recommendation"), 80.0),
        ]
    }

    // ---------------------------------------------------------------- Summary

    fn summary(
        &self,
        wb: &mut Workbook,
        companies: &[CompanyFigures],
        previous: Option<&PreviousIndex>,
        threshold: Percent,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
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

        // One row per company: constant-memory too when asked, so that memory stays flat.
        let mut ws = new_sheet(wb, self.memory(Memory::Constant))?;
        ws.set_name(self.names.summary)?;
        for (c, (h, width)) in headers.iter().enumerate() {
            ws.set_column_width(c as u16, *width)?;
            ws.write_string_with_format(0, c as u16, h, &self.header)?;
        }
        ws.set_row_height(0, 32)?;
        // Table and colours first: in constant-memory mode rows can only be written in order.
        let last_col = (headers.len() - 1) as u16;
        let n = companies.len() as RowNum;
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
            let levels = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, 2)
                .set_maximum(ConditionalFormatType::Number, 4);
            let scores = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_midpoint(ConditionalFormatType::Number, threshold.as_f64())
                .set_maximum(ConditionalFormatType::Number, 100);
            ws.add_conditional_format(1, 5, n, 5, &levels)?;
            for ti in 0..self.tracks().len() {
                let col = (first_track_col + ti * per_track) as u16;
                ws.add_conditional_format(1, col, n, col, &levels)?;
                ws.add_conditional_format(1, col + 1, n, col + 5, &scores)?;
            }
        }
        let delta_int = Format::new().set_num_format("+0;-0;0");
        let delta_1 = Format::new().set_num_format("+0.0;-0.0;0.0");
        for (i, c) in companies.iter().enumerate() {
            let r = i as RowNum + 1;
            put_text(&mut ws, r, 0, &c.name)?;
            put_text(&mut ws, r, 1, c.sector.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 2, c.country.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 3, c.id.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 4, c.period.as_deref().unwrap_or(""))?;
            ws.write_number(r, 5, f64::from(c.headline))?;
            put_text(&mut ws, r, 6, &self.level_label(c.headline))?;
            ws.write_string(r, 7, yes_no(c.provisional, lang))?;
            for (ti, tr) in c.tracks.iter().enumerate() {
                let col = (first_track_col + ti * per_track) as u16;
                let Some(tr) = tr else { continue };
                ws.write_number(r, col, f64::from(tr.level))?;
                for (li, v) in tr.scores.iter().enumerate() {
                    self.score_cell(&mut ws, r, col + 1 + li as u16, *v)?;
                }
                ws.write_number_with_format(r, col + 5, tr.index, &self.score)?;
                ws.write_number_with_format(r, col + 6, tr.completeness, &self.score)?;
                ws.write_number(r, col + 7, f64::from(tr.unknown))?;
                ws.write_number(r, col + 8, f64::from(tr.unsubstantiated))?;
            }
            if let Some(prev) = previous {
                let col = change_col as u16;
                match prev.find(c) {
                    Some(p) => {
                        ws.write_number_with_format(
                            r,
                            col,
                            f64::from(c.headline) - f64::from(p.headline),
                            &delta_int,
                        )?;
                        for (ti, (now, before)) in c.tracks.iter().zip(&p.tracks).enumerate() {
                            let cc = col + 1 + 2 * ti as u16;
                            if let (Some(now), Some(before)) = (now, before) {
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
            put_text(&mut ws, r, source_col as u16, &c.source)?;
        }
        ws.set_freeze_panes(1, 1)?;
        Ok(ws)
    }

    // ---------------------------------------------------------------- Cohort

    fn cohort(&self, companies: &[CompanyFigures]) -> Result<Worksheet, XlsxError> {
        let name = self.names.cohort;
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        ws.set_column_width(0, 24)?;
        ws.set_column_width(1, 30)?;
        for c in 2..10 {
            ws.set_column_width(c, 11)?;
        }
        put_text_fmt(
            &mut ws,
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
            put_text(&mut ws, r, 1, self.q.maturity_label(m, self.lang))?;
            for ti in 0..tracks.len() {
                let n = companies
                    .iter()
                    .filter(|c| c.tracks[ti].is_some_and(|tr| tr.level == m))
                    .count();
                ws.write_number(r, 2 + ti as u16, n as f64)?;
            }
            let n = companies.iter().filter(|c| c.headline == m).count();
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
            &mut ws,
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
        let mut scopes: Vec<(String, Vec<&CompanyFigures>)> = vec![(
            self.t("Toutes les entreprises", "All companies")
                .to_string(),
            companies.iter().collect(),
        )];
        let mut by_sector: BTreeMap<String, Vec<&CompanyFigures>> = BTreeMap::new();
        for c in companies {
            let sector = c
                .sector
                .as_deref()
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .unwrap_or(self.t("(secteur non indiqué)", "(no sector given)"));
            by_sector.entry(sector.to_string()).or_default().push(c);
        }
        scopes.extend(by_sector);
        let mut r = top + 2;
        for (scope, members) in &scopes {
            for (ti, &t) in tracks.iter().enumerate() {
                for l in Level::ALL {
                    let mut v: Vec<f64> = members
                        .iter()
                        .filter_map(|c| c.tracks[ti])
                        .filter_map(|tr| tr.scores[l.index()])
                        .collect();
                    v.sort_by(f64::total_cmp);
                    put_text(&mut ws, r, 0, scope)?;
                    ws.write_string(r, 1, t.code())?;
                    ws.write_string(r, 2, l.code())?;
                    ws.write_number(r, 3, v.len() as f64)?;
                    for (k, p) in [0.0, 0.25, 0.5, 0.75, 1.0].into_iter().enumerate() {
                        self.score_cell(&mut ws, r, 4 + k as u16, quantile(&v, p))?;
                    }
                    r += 1;
                }
            }
        }
        Ok(ws)
    }

    // ---------------------------------------------------------------- Errors

    fn errors(
        &self,
        wb: &mut Workbook,
        errors: &[ErrorEntry],
    ) -> Result<Vec<Worksheet>, XlsxError> {
        let headers = vec![
            ("Source", 36.0),
            (self.t("Gravité", "Severity"), 10.0),
            (self.t("Endroit", "Place"), 28.0),
            (self.t("Problème", "Problem"), 100.0),
        ];
        let mut sheet = LongSheet::start(
            wb,
            self.names.errors,
            headers,
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
        sheet.close()
    }

    // ---------------------------------------------------------------- Method

    fn method(
        &self,
        scored: usize,
        modes: &[EvidenceMode],
        threshold: Percent,
        errors: usize,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut sheet = Worksheet::new();
        let ws = &mut sheet;
        ws.set_name(self.names.method)?;
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 36)?;
        ws.set_column_width(2, 90)?;
        let mut modes = modes.to_vec();
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
        ws.write_number(r, 1, scored as f64)?;
        r += 1;
        ws.write_string_with_format(
            r,
            0,
            self.t("Entrées non évaluées", "Inputs not scored"),
            &self.bold,
        )?;
        ws.write_number(r, 1, errors as f64)?;
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
        Ok(sheet)
    }
}
