//! The results workbook (`vigilance score --format xlsx`, and the browser's download): one Excel
//! file, in French or English, with the sheets an analyst works from — Summary, Cohort,
//! Suppliers (when sheets name a buyer), Themes, Answers, Next steps, Evidence (when a dossier
//! attached documents), Coverage (cohort) and Coverage (when a grid maps to frameworks), Errors
//! (when any) and Method. Cohort and Coverage (cohort) need a cohort: a workbook of one company
//! has neither. Every sheet has its
//! print setup (A4, one page wide or, for a sheet too wide to read so, several pages across with
//! its company column repeated; header rows repeated: `stream::print_setup`).
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
//!   sheets may be written in turn), as low-memory worksheets: their strings are shared (Answers
//!   repeats its keys, codes and labels on every row; Themes, Next steps and Coverage the
//!   questionnaire's texts), 6 % smaller than inline strings at 10,000 companies. Memory then
//!   grows with the number of companies only by their summary figures and the table of
//!   distinct texts (comments, evidence): 133 MiB at 10,000 companies on grid 1.2.0;
//! - the workbook is compressed at rust_xlsxwriter's default zip level (6) whatever its size:
//!   level 3, used above 100,000 answer rows until issue 22, made the 10,000-company workbook
//!   about a fifth larger (measured on 1,000 companies of `scripts/bench-cli.sh`: 5.02 MB at
//!   level 3, 4.15 MB at level 6, for the same time within noise);
//! - the Answers sheet ([`AnswersSheet`]) is written up to [`ANSWERS_SHEET_MAX_COMPANIES`]
//!   companies by default and left out past that, unless asked for; the Method sheet then says
//!   so, how to get it, and that the JSON and JSON Lines outputs hold every answer.

//!
//! A batch may mix grids: each sheet is written with the grid it was scored on, the Summary
//! names each result's grid (`id@version`), and every cohort statistic is computed per grid
//! (`grids`).
//!
//! One module per sheet (`summary`, `cohort`, `themes`, `answers`, `next_steps`, `coverage`,
//! `errors`, `method`), the streaming writer they share (`stream`), the grids of the batch
//! (`grids`), and the company figures kept while streaming (`figures`). Points and statuses come from scoring's [`Assessment`] only.

mod answers;
mod cohort;
mod coverage;
mod engagement;
mod errors;
mod evidence;
mod figures;
mod grids;
mod left;
mod method;
mod next_steps;
mod stream;
mod summary;
mod suppliers;
mod targets;
mod themes;

pub use answers::{ANSWERS_SHEET_MAX_COMPANIES, AnswersSheet};
pub use engagement::{ActionRow, DialogueRow, DisputedRow, EngagementRows, status_label};
pub(crate) use stream::{header_format, put_text, put_text_fmt};

use crate::codes::{EvidenceMode, Track, maturity_code};
use crate::exact::Percent;
use crate::questionnaire::Questionnaire;
use crate::text::Lang;
use figures::{CompanyFigures, PreviousIndex};
use grids::Grid;
use rust_xlsxwriter::{Format, FormatAlign, RowNum, Workbook, Worksheet, XlsxError};
use stream::{LongSheet, Memory};
use vigilance_results::json::ErrorEntry;
use vigilance_text::{Msg, Wb};

/// Rows in an Excel worksheet (header included).
pub const EXCEL_MAX_ROWS: u32 = 1_048_576;

/// Characters an Excel cell holds.
pub const EXCEL_MAX_CELL_CHARS: usize = 32_767;

pub use vigilance_results::{EvidenceRow, ScoredSheet};

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
    /// Engagement targets: a Targets sheet rates each one, as the review does.
    pub targets: Vec<crate::review::targets::Target>,
    /// Write the large sheets (Themes, Answers, Next steps, Coverage) as streamed worksheets. Takes
    /// effect only when core is built with its `constant-memory` feature (native builds);
    /// otherwise ordinary worksheets are used.
    pub constant_memory: bool,
    /// Also write the detailed Coverage sheet, one row per company × requirement × track
    /// (about 200 rows per company on grid 1.2.0). Without it, per-company coverage is the
    /// "Coverage (by framework)" sheet alone, one row per company × framework.
    pub coverage_detail: bool,
    /// When to write the Answers sheet: by default up to [`ANSWERS_SHEET_MAX_COMPANIES`]
    /// companies, or always (`score --answers-sheet`). Left out, the Method sheet says so.
    pub answers_sheet: AnswersSheet,
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
    /// The warnings of the scored sheets, their input's and their result's (only when any).
    pub warnings: &'static str,
    /// Regulation coverage, one row per company × requirement × track (only when a grid of the
    /// batch maps to frameworks).
    pub coverage: &'static str,
    /// Regulation coverage of the cohort: companies per status (with `coverage`).
    pub coverage_summary: &'static str,
    /// Regulation coverage, one row per company × framework with a cell per requirement.
    pub coverage_by_framework: &'static str,
    /// Each buyer's suppliers per tier and level (only when sheets name a buyer).
    pub suppliers: &'static str,
    /// Questionnaire, threshold, rule, date.
    pub method: &'static str,
}

impl SheetNames {
    /// The sheet names in `lang`.
    pub fn of(lang: Lang) -> SheetNames {
        SheetNames {
            summary: Wb::SheetSummary.text(lang),
            cohort: Wb::SheetCohort.text(lang),
            themes: Wb::SheetThemes.text(lang),
            answers: Wb::SheetAnswers.text(lang),
            next_steps: Wb::SheetNextSteps.text(lang),
            errors: Wb::SheetErrors.text(lang),
            warnings: Wb::SheetWarnings.text(lang),
            coverage: Wb::SheetCoverage.text(lang),
            coverage_summary: Wb::SheetCoverageSummary.text(lang),
            coverage_by_framework: Wb::SheetCoverageByFramework.text(lang),
            suppliers: Wb::SheetSuppliers.text(lang),
            method: Wb::SheetMethod.text(lang),
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
/// use vigilance_model::{AnswerSheet, ScoringOptions, score};
/// use vigilance_report::workbook::{ScoredSheet, WorkbookOptions, results_workbook};
/// let q = vigilance_grids::find("rhsf-fir", "1.0.0").unwrap();
/// let sheet = AnswerSheet::parse(r#"{"format":"vigilance.answers/1",
///     "questionnaire":{"id":"rhsf-fir","version":"1.0.0"},
///     "company":{"name":"Exemple SA"}, "answers":{"Q01":{"CL":"yes"}}}"#, q).unwrap().value;
/// let assessment = score(q, &sheet, &ScoringOptions::default());
/// let scored = [ScoredSheet { source: "a.json".into(), sheet, assessment, warnings: vec![], grid: q, evidence: vec![] }];
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
/// use vigilance_model::{AnswerSheet, ScoringOptions, score};
/// use vigilance_report::workbook::{ResultsWorkbook, ScoredSheet, WorkbookOptions};
/// let q = vigilance_grids::find("rhsf-fir", "1.0.0").unwrap();
/// let mut book = ResultsWorkbook::new(q, WorkbookOptions::default()).unwrap();
/// for name in ["A SA", "B SA"] {
///     let json = format!(r#"{{"format":"vigilance.answers/1",
///         "questionnaire":{{"id":"rhsf-fir","version":"1.0.0"}},
///         "company":{{"name":"{name}"}}, "answers":{{"Q01":{{"CL":"yes"}}}}}}"#);
///     let sheet = AnswerSheet::parse(&json, q).unwrap().value;
///     let assessment = score(q, &sheet, &ScoringOptions::default());
///     book.push(&ScoredSheet { source: name.into(), sheet, assessment, warnings: vec![], grid: q, evidence: vec![] })
///         .unwrap();
/// }
/// let bytes = book.finish().unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub struct ResultsWorkbook<'q> {
    w: Writer<'q>,
    wb: Workbook,
    themes: LongSheet,
    /// `None` once the companies pushed outnumber what [`WorkbookOptions::answers_sheet`]
    /// allows: the sheet is then dropped, and `answers_left_out` set.
    answers: Option<LongSheet>,
    answers_left_out: bool,
    next_steps: LongSheet,
    /// One row per company × requirement × track (with `coverage_detail`); started with the
    /// first sheet whose grid maps to frameworks.
    coverage: Option<LongSheet>,
    /// One row per company × framework; started with the first sheet whose grid maps to
    /// frameworks.
    coverage_by_framework: Option<LongSheet>,
    /// One row per warning of a scored sheet; started with the first warning.
    warnings: Option<LongSheet>,
    /// The grids met so far, in order of first appearance.
    grids: Vec<Grid<'q>>,
    /// The summary figures of every company pushed, in order.
    companies: Vec<CompanyFigures>,
    /// The previous campaign's figures, when comparing.
    previous: Option<PreviousIndex>,
    /// The threshold of the first sheet pushed.
    threshold: Option<Percent>,
    /// The evidence modes of the sheets pushed.
    modes: Vec<EvidenceMode>,
    errors: Vec<ErrorEntry>,
    /// Finds the companies given twice for the same period…
    duplicates: vigilance_results::matching::DuplicateFinder,
    /// …and the position in `companies` of each company kept by it.
    kept: Vec<usize>,
    /// The attached documents of every company (its keys, row), for the Evidence sheet.
    evidence: Vec<(Keys, EvidenceRow)>,
    /// The Analyst review rows: company (its position in `companies`), engagement file, row.
    review_rows: Vec<(usize, String, DisputedRow)>,
    /// The Actions rows: company, row.
    action_rows: Vec<(usize, ActionRow)>,
    /// Some company came with an engagement file.
    engaged: bool,
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
            (w.names.themes, "VigilanceThemes"),
            w.themes_headers(),
            w.memory(Memory::Low),
            w.rows_per_sheet,
        )?;
        let answers = LongSheet::start(
            &mut wb,
            (w.names.answers, "VigilanceAnswers"),
            w.answers_headers(),
            // Shared strings: most of its cells repeat (keys, codes, labels, the grid). Measured
            // with scripts/bench-cli.sh at 10,000 companies (one row per answer then): 62.0 MB
            // against 66.3 MB with inline strings, for a peak memory of 133 MiB against 81 (the
            // table of distinct texts, comments included, is held in memory).
            w.memory(Memory::Low),
            w.rows_per_sheet,
        )?
        .number_columns(&w.answers_number_columns())?;
        let next_steps = LongSheet::start(
            &mut wb,
            (w.names.next_steps, "VigilanceNextSteps"),
            w.next_steps_headers(),
            w.memory(Memory::Low),
            w.rows_per_sheet,
        )?;
        Ok(ResultsWorkbook {
            w,
            wb,
            themes,
            answers: Some(answers),
            answers_left_out: false,
            next_steps,
            coverage: None,
            coverage_by_framework: None,
            warnings: None,
            grids: Vec::new(),
            companies: Vec::new(),
            previous,
            threshold: None,
            modes: Vec::new(),
            errors: Vec::new(),
            evidence: Vec::new(),
            review_rows: Vec::new(),
            action_rows: Vec::new(),
            engaged: false,
            duplicates: Default::default(),
            kept: Vec::new(),
        })
    }

    /// Adds one company: writes its Themes, Answers and Next steps rows, and keeps its summary
    /// figures for the Summary, Cohort and Method sheets.
    ///
    /// # Errors
    /// [`WorkbookError::Xlsx`] when a row cannot be written (a temporary file that cannot be
    /// written to, in constant-memory mode).
    pub fn push(&mut self, s: &ScoredSheet) -> Result<(), WorkbookError> {
        let g = self.grid_index(s);
        if self.answers.is_some()
            && !self
                .w
                .opts
                .answers_sheet
                .written_for(self.companies.len() + 1)
        {
            // Past the limit: the rows written so far (and their temporary file) are dropped.
            self.answers = None;
            self.answers_left_out = true;
        }
        self.push_themes(s, g)?;
        self.push_answers(s, g)?;
        self.push_next_steps(s, g)?;
        self.push_coverage(s, g)?;
        self.push_warnings(s)?;
        let a = &s.assessment;
        self.threshold.get_or_insert(a.threshold);
        if !self.modes.contains(&a.evidence_mode) {
            self.modes.push(a.evidence_mode);
        }
        let mut figures = CompanyFigures::new(self.w.tracks(), s, g);
        let pos = self.companies.len();
        match self
            .duplicates
            .check(&s.sheet.company, s.sheet.period.as_deref())
        {
            Some(k) => {
                figures.repeats = self.kept.get(k).copied();
                if let Some(first) = figures.repeats.and_then(|i| self.companies.get_mut(i)) {
                    first.repeated = true;
                }
            }
            None => self.kept.push(pos),
        }
        self.companies.push(figures);
        if !s.evidence.is_empty() {
            let keys = self.w.keys(s);
            self.evidence
                .extend(s.evidence.iter().map(|e| (keys.clone(), e.clone())));
        }
        Ok(())
    }

    /// Adds what an analyst's engagement file says of the company pushed last: its level as
    /// reviewed (Summary), its challenged and rejected answers (Analyst review) and its action
    /// plan (Actions). Call it right after [`Self::push`] of that company.
    pub fn push_engagement(&mut self, e: &EngagementRows) {
        let Some(i) = self.companies.len().checked_sub(1) else {
            return;
        };
        self.engaged = true;
        let tracks = self.w.tracks();
        if let Some(c) = self.companies.get_mut(i) {
            c.reviewed = e
                .reviewed
                .as_ref()
                .map(|a| engagement::ReviewedFigures::new(tracks, a));
        }
        self.review_rows.extend(
            e.disputed
                .iter()
                .map(|d| (i, e.engagement.clone(), d.clone())),
        );
        self.action_rows
            .extend(e.actions.iter().map(|a| (i, a.clone())));
    }

    /// The position in `grids` of the grid `s` was scored on (added when new).
    fn grid_index(&mut self, s: &ScoredSheet) -> usize {
        let q = s.grid;
        if let Some(i) = self
            .grids
            .iter()
            .position(|g| g.q.id == q.id && g.q.version == q.version)
        {
            return i;
        }
        self.grids.push(Grid::new(q, self.w.lang));
        self.grids.len() - 1
    }

    /// Whether the Answers sheet was left out: more companies were pushed than
    /// [`WorkbookOptions::answers_sheet`] allows (the Method sheet says so and how to get it).
    pub fn answers_left_out(&self) -> bool {
        self.answers_left_out
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
            answers_left_out,
            next_steps,
            coverage,
            coverage_by_framework,
            warnings,
            grids,
            companies,
            previous,
            threshold,
            modes,
            errors,
            evidence,
            review_rows,
            action_rows,
            engaged,
            ..
        } = self;
        let threshold = threshold.unwrap_or_else(|| w.q.threshold_percent());
        let mut summary = w.summary(&mut wb, &grids, &companies, previous.as_ref(), threshold)?;
        summary.set_active(true);
        wb.push_worksheet(summary);
        // A company given twice for the same period is listed twice but counted once.
        let counted: Vec<CompanyFigures> =
            companies.iter().filter(|c| c.counted).cloned().collect();
        // The cohort's figures (companies per level, quartiles) need a cohort: a workbook of one
        // company (the browser's, or one sheet scored) has neither Cohort nor Coverage (cohort).
        let cohort = counted.len() > 1;
        if cohort {
            wb.push_worksheet(w.cohort(&grids, &counted, previous.as_ref())?);
        }
        if let Some(prev) = previous.as_ref()
            && let Some(ws) = w.left(prev, &companies)?
        {
            wb.push_worksheet(ws);
        }
        if !w.opts.targets.is_empty() {
            let ws = w.targets(&w.opts.targets, &grids, &companies, previous.as_ref())?;
            wb.push_worksheet(ws);
        }
        if counted.iter().any(|c| c.buyer.is_some()) {
            wb.push_worksheet(w.suppliers(&grids, &counted)?);
        }
        if engaged {
            let today: String = w.opts.generated.chars().take(10).collect();
            wb.push_worksheet(w.review_sheet(&companies, &review_rows)?);
            wb.push_worksheet(w.actions_sheet(&companies, &action_rows, &today)?);
        }
        let answers = match answers {
            Some(a) => a.close()?,
            None => Vec::new(),
        };
        for ws in themes
            .close()?
            .into_iter()
            .chain(answers)
            .chain(next_steps.close()?)
        {
            wb.push_worksheet(ws);
        }
        if !evidence.is_empty() {
            wb.push_worksheet(w.evidence(&evidence)?);
        }
        if let Some(by_framework) = coverage_by_framework {
            if cohort {
                wb.push_worksheet(w.coverage_summary(&grids, &modes)?);
            }
            for ws in by_framework.close()? {
                wb.push_worksheet(ws);
            }
        }
        if let Some(coverage) = coverage {
            for ws in coverage.close()? {
                wb.push_worksheet(ws);
            }
        }
        if !errors.is_empty() {
            for ws in w.errors(&mut wb, &errors)? {
                wb.push_worksheet(ws);
            }
        }
        if let Some(warnings) = warnings {
            for ws in warnings.close()? {
                wb.push_worksheet(ws);
            }
        }
        let counts = method::Counts {
            scored: companies.len(),
            errors: errors.len(),
            answers_left_out,
        };
        wb.push_worksheet(w.method(&grids, counts, &modes, threshold)?);
        Ok(wb)
    }
}

/// What every sheet writer shares: the questionnaire, the options, the language, the sheet
/// names and the formats.
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

/// The columns every long sheet starts with, to join sheets and filter or pivot them: company,
/// identifier, period, NACE section and sector group.
#[derive(Clone, Debug)]
pub(super) struct Keys {
    pub(super) company: String,
    pub(super) id: String,
    pub(super) period: String,
    pub(super) nace: String,
    pub(super) sector_group: String,
}

/// Columns taken by [`Keys`].
pub(super) const KEY_COLUMNS: u16 = 5;

/// « Oui » / "Yes" or « Non » / "No".
fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b { Msg::Yes } else { Msg::No }.text(lang)
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
            score: Format::new()
                .set_num_format("0.0")
                .set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold: Format::new().set_bold(),
        }
    }

    /// The catalogue entry `m` in the workbook's language.
    fn t(&self, m: Wb) -> &'static str {
        m.text(self.lang)
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

    /// The track as headers and labels name it: words in French (« Travail des enfants »), the
    /// codes CL and FL in English. Data columns (Volet / Track) keep the code, a stable
    /// identifier to filter on.
    fn track_head(&self, t: Track) -> &'static str {
        match t {
            Track::CL => Wb::TrackHeadCl.text(self.lang),
            Track::FL => Wb::TrackHeadFl.text(self.lang),
        }
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

    /// The key column headers ([`Keys`]) with their widths.
    fn key_headers(&self) -> Vec<(&'static str, f64)> {
        vec![
            (self.t(Wb::Company), 36.0),
            (self.t(Wb::Identifier), 16.0),
            (self.t(Wb::Period), 9.0),
            (self.t(Wb::NaceSection), 9.0),
            (self.t(Wb::SectorGroup), 28.0),
        ]
    }

    /// The keys of a scored sheet.
    fn keys(&self, s: &ScoredSheet) -> Keys {
        let c = &s.sheet.company;
        let nace = c.nace().map(|n| n.section);
        Keys {
            company: c.name.clone(),
            id: c.id.clone().unwrap_or_default(),
            period: s.sheet.period.clone().unwrap_or_default(),
            nace: nace.map(String::from).unwrap_or_default(),
            sector_group: self.sector_group_of(nace, c.sector.as_deref()),
        }
    }

    /// Writes `k` in the first [`KEY_COLUMNS`] columns of row `r`.
    fn put_keys(&self, ws: &mut Worksheet, r: RowNum, k: &Keys) -> Result<(), XlsxError> {
        put_text(ws, r, 0, &k.company)?;
        put_text(ws, r, 1, &k.id)?;
        put_text(ws, r, 2, &k.period)?;
        put_text(ws, r, 3, &k.nace)?;
        put_text(ws, r, 4, &k.sector_group)
    }

    /// `N2 Targeting of actions`: a level with its label in grid `q`.
    fn level_label(&self, q: &Questionnaire, m: u8) -> String {
        format!("{} {}", maturity_code(m), q.maturity_label(m, self.lang))
    }
}
