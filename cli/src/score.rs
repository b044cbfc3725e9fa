//! `vigilance score`: read a batch of answer files, score every sheet, and write the result
//! document (JSON, lean or with `--embed-texts`, or JSON Lines) or the Excel workbook — all
//! streamed batch by batch so that memory stays flat in the number of sheets — or the CSV
//! summary. Inputs that cannot be scored are listed on
//! standard error and in the output, and the exit status is 1; the rest of the batch is still
//! scored and written.
//!
//! A [`ScoreRun`] holds what every step needs (grid, scoring options, language, progress bar);
//! sheets are read and scored on all cores with rayon, and handed on in the inputs' order.

use crate::args::{Format, ScoreArgs};
use crate::engage::{EngagementSet, SheetReview, review_lines};
use crate::fatal::Fatal;
use crate::inputs::{self, Input, InputFailure, describe};
use crate::output::{Target, save_atomically, write_to};
use crate::sheets::read_sheets;
use indicatif::{ProgressBar, ProgressDrawTarget};
use rayon::prelude::*;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use vigilance_core::messages::colon;
use vigilance_core::registry::GridChoice;
use vigilance_core::report::json::{
    ErrorEntry, ProblemEntry, RESULTS_FORMAT, ResultEntry, coverage_disclaimer,
};
use vigilance_core::report::lean::{
    AnyEntry, CompactEntry, GridTexts, JsonlLine, LeanFormatter, grid_key,
};
use vigilance_core::report::matching::{self, DuplicateFinder};
use vigilance_core::report::reviewed::{Reviewed, ReviewedEntry};
use vigilance_core::report::workbook::{
    ANSWERS_SHEET_MAX_COMPANIES, EvidenceRow, ResultsWorkbook, ScoredSheet, WorkbookError,
    WorkbookOptions,
};
use vigilance_core::{
    Cli, Company, Lang, Place, Problem, Questionnaire, ScoringOptions, Text, score,
};
use vigilance_dossier::evidence::effective_evidence;

/// Inputs handled per batch when streaming: enough to keep every core busy, few enough to keep
/// memory flat.
const BATCH: usize = 512;

/// Batches with at least this many inputs get a progress bar (on a terminal).
const PROGRESS_FROM: usize = 200;

/// What became of one sheet.
enum Outcome<T> {
    Done(T),
    Failed(ErrorEntry),
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    scored: usize,
    /// What `--engagement` has to say, sheet by sheet (levels side by side, files refused).
    reviews: String,
    warned: Vec<(String, Vec<Problem>)>,
    errors: Vec<ErrorEntry>,
    /// The workbook's Answers sheet was left out (more companies than its default limit).
    answers_left_out: bool,
}

/// The sheets of a batch that repeat an earlier one (same company, same period), found in the
/// inputs' order: each gets a warning naming the sheet counted, and is left out of the cohort
/// figures (core's `report::matching`).
#[derive(Default)]
struct Duplicates {
    finder: DuplicateFinder,
    /// The source of each sheet kept, in order.
    kept: Vec<String>,
}

impl Duplicates {
    /// The warning for the next sheet of the batch when it repeats an earlier one.
    fn check(&mut self, source: &str, company: &Company, period: Option<&str>) -> Option<Problem> {
        match self.finder.check(company, period) {
            Some(k) => {
                let kept = self.kept.get(k).map_or("", String::as_str);
                let kind = matching::duplicate_warning(kept, company, period);
                Some(Problem::warning(Place::file(), kind))
            }
            None => {
                self.kept.push(source.to_string());
                None
            }
        }
    }

    /// Adds the warning to every sheet of `scored` (in order) that repeats an earlier one.
    fn mark(scored: &mut [ScoredSheet]) {
        let mut d = Duplicates::default();
        for s in scored {
            if let Some(w) = d.check(&s.source, &s.sheet.company, s.sheet.period.as_deref()) {
                s.warnings.push(w);
            }
        }
    }
}

/// The entry of an input that could not be scored, with every problem in `lang` (and both
/// languages in the structured list).
pub fn error_entry(source: &str, problems: &[Problem], lang: Lang) -> ErrorEntry {
    ErrorEntry {
        source: source.to_string(),
        // Each problem on its line, followed by what to do where the problem has a hint.
        message: problems
            .iter()
            .map(|p| match p.kind.help(lang) {
                Some(help) => format!("{}\n  {} {help}", describe(p, lang), Cli::Help.text(lang)),
                None => describe(p, lang),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        problems: problems
            .iter()
            .map(|p| {
                let mut e = ProblemEntry::from(p);
                e.message = Text::new(describe(p, Lang::Fr), describe(p, Lang::En));
                e
            })
            .collect(),
    }
}

/// One scoring run: the grids, the scoring options, the language of messages and the progress
/// bar, shared by every step that reads and scores inputs.
pub struct ScoreRun {
    /// The grid of each sheet: the one `--questionnaire` forces, or each sheet's own.
    pub grids: GridChoice<'static>,
    /// Evidence mode and threshold.
    pub options: ScoringOptions,
    /// The language of messages.
    pub lang: Lang,
    /// Advanced by one for each input read (hidden when not shown).
    pub progress: ProgressBar,
    /// The age, in months before the period's end, beyond which an attached document is stale.
    pub evidence_max_age: u32,
    /// The engagement files of `--engagement`: each sheet is also scored as reviewed.
    pub engagements: Option<EngagementSet>,
}

impl ScoreRun {
    /// Reads and scores every sheet of `input`, turning each into a `T` with `make` (on the
    /// worker that scored it).
    fn score_input<T>(
        &self,
        input: &Input,
        make: &impl Fn(ScoredSheet, Option<SheetReview>) -> T,
    ) -> Vec<Outcome<T>> {
        let outcomes = read_sheets(input, self.grids, self.lang)
            .into_iter()
            .map(|read| match read.result {
                Ok(mut parsed) => {
                    // Which evidence counts is decided here, as data: the sheet scored has the
                    // evidence that does not count removed; the sheet kept shows it all.
                    let evidence = effective_evidence(
                        &parsed.value,
                        read.dossier.as_deref(),
                        self.evidence_max_age,
                    );
                    parsed.warnings.extend(evidence.warnings);
                    let rows = evidence
                        .uses
                        .iter()
                        .map(|u| EvidenceRow {
                            question: u.question.clone(),
                            track: u.track,
                            title: u.file.title_shown().to_string(),
                            file_name: u.file.name.clone(),
                            date: u.file.date.clone(),
                            valid_until: u.file.valid_until.clone(),
                            sha256: u.file.sha256.clone(),
                            stale: u.stale.is_some(),
                        })
                        .collect();
                    let assessment = score(read.grid, &evidence.sheet, &self.options);
                    let s = ScoredSheet {
                        source: read.source,
                        sheet: parsed.value,
                        assessment,
                        warnings: parsed.warnings,
                        grid: read.grid,
                        evidence: rows,
                    };
                    // As reviewed: the analyst's reviews applied to the sheet as declared, then
                    // the same evidence rule as above.
                    let review = self.engagements.as_ref().and_then(|e| {
                        e.review(&s, &self.options, |reviewed| {
                            effective_evidence(
                                reviewed,
                                read.dossier.as_deref(),
                                self.evidence_max_age,
                            )
                            .sheet
                        })
                    });
                    Outcome::Done(make(s, review))
                }
                Err(problems) => Outcome::Failed(error_entry(&read.source, &problems.0, self.lang)),
            })
            .collect();
        self.progress.inc(1);
        outcomes
    }

    /// Scores `inputs` on all cores; the outcomes come back in the inputs' order.
    fn score_batch<T: Send>(
        &self,
        inputs: &[Input],
        make: &(impl Fn(ScoredSheet, Option<SheetReview>) -> T + Sync),
    ) -> Vec<Vec<Outcome<T>>> {
        inputs
            .par_iter()
            .map(|input| self.score_input(input, make))
            .collect()
    }

    /// Scores every input, in memory, for what needs only the summary figures (the CSV summary):
    /// the sheets' answers are dropped once scored; each comes with its review when
    /// `--engagement` is given.
    fn score_all_reviewed(
        &self,
        inputs: &[Input],
    ) -> (Vec<(ScoredSheet, Option<SheetReview>)>, Vec<ErrorEntry>) {
        let outcomes = self.score_batch(inputs, &|mut s: ScoredSheet, r| {
            s.sheet.answers.clear();
            (s, r)
        });
        let (mut scored, mut errors) = (Vec::new(), Vec::new());
        for o in outcomes.into_iter().flatten() {
            match o {
                Outcome::Done(s) => scored.push(s),
                Outcome::Failed(e) => errors.push(e),
            }
        }
        (scored, errors)
    }

    /// Gathers the inputs at `paths` (files and directories) and scores them in memory, the
    /// sheets' answers dropped (the `--previous` comparison, the review); inputs that cannot be
    /// read come back as errors too.
    pub fn score_paths(&self, paths: &[std::path::PathBuf]) -> (Vec<ScoredSheet>, Vec<ErrorEntry>) {
        self.score_paths_with(paths, &|mut s: ScoredSheet, _| {
            s.sheet.answers.clear();
            s
        })
    }

    /// [`Self::score_paths`], each sheet and its review (with `--engagement`) turned into a `T`
    /// by `make` (which drops the answers it does not need).
    pub fn score_paths_with<T: Send>(
        &self,
        paths: &[std::path::PathBuf],
        make: &(impl Fn(ScoredSheet, Option<SheetReview>) -> T + Sync),
    ) -> (Vec<T>, Vec<ErrorEntry>) {
        let gathered = inputs::gather(paths);
        let (mut scored, mut errors) = (Vec::new(), Vec::new());
        for o in self
            .score_batch(&gathered.inputs, make)
            .into_iter()
            .flatten()
        {
            match o {
                Outcome::Done(s) => scored.push(s),
                Outcome::Failed(e) => errors.push(e),
            }
        }
        errors.extend(
            gathered
                .failures
                .iter()
                .map(|f| error_entry(&f.source, std::slice::from_ref(&f.problem), self.lang)),
        );
        (scored, errors)
    }

    /// Scores the inputs batch by batch on all cores and hands every outcome, in the inputs'
    /// order, to `consume` on this thread while the next batch is scored: neither the sheets nor
    /// their results are all in memory at once. Stops at the first error of `consume`.
    fn for_each_scored<T: Send, E>(
        &self,
        inputs: &[Input],
        make: &(impl Fn(ScoredSheet, Option<SheetReview>) -> T + Sync),
        mut consume: impl FnMut(Outcome<T>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut batches = inputs.chunks(BATCH);
        let mut ready = batches
            .next()
            .map(|b| self.score_batch(b, make))
            .unwrap_or_default();
        loop {
            let next = batches.next();
            let mut scored = None;
            // `in_place_scope` runs the consumer here (it need not be `Send`: it writes to the
            // output) while the pool scores the next batch.
            let consumed = rayon::in_place_scope(|s| {
                if let Some(batch) = next {
                    let scored = &mut scored;
                    s.spawn(move |_| *scored = Some(self.score_batch(batch, make)));
                }
                std::mem::take(&mut ready)
                    .into_iter()
                    .flatten()
                    .try_for_each(&mut consume)
            });
            consumed?;
            match scored {
                Some(outcomes) => ready = outcomes,
                None => return Ok(()),
            }
        }
    }
}

/// The format to write: as asked, else from the output file's extension, else xlsx for a file
/// and json for standard output.
fn resolve_format(asked: Option<Format>, target: &Target) -> Format {
    asked.unwrap_or(match target {
        Target::Stdout => Format::Json,
        Target::File(p) => Format::from_extension(p).unwrap_or(Format::Xlsx),
    })
}

fn progress_bar(count: usize, quiet: bool) -> ProgressBar {
    if quiet || count < PROGRESS_FROM || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(count as u64), ProgressDrawTarget::stderr());
    if let Some(style) =
        crate::platform::progress_style("{spinner} {wide_bar} {pos}/{len} ({per_sec}, {eta})")
    {
        bar.set_style(style);
    }
    bar
}

/// Runs `vigilance score`.
pub fn run(args: &ScoreArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    let grids = crate::grid::choice(args.grid.questionnaire.as_deref(), lang)?;
    let options = ScoringOptions {
        evidence_mode: args.evidence_mode.into(),
        threshold: args.threshold,
    };
    let target = Target::from_arg(args.output.as_deref());
    let format = resolve_format(args.format, &target);
    if format == Format::Xlsx && target.is_terminal() {
        return Err(Fatal::new(lang, Cli::FatalXlsxToTerminal, &[]));
    }
    let engagements = match &args.engagement {
        Some(p) => Some(EngagementSet::load(p, lang)?),
        None => None,
    };
    let mut run = ScoreRun {
        grids,
        options,
        lang,
        progress: ProgressBar::hidden(),
        evidence_max_age: args.evidence_max_age,
        // Last year's sheets are scored as declared: the engagement files are this period's.
        engagements: None,
    };
    // A bad targets file stops the run before anything is scored, as with `report`.
    let targets = match &args.targets {
        Some(path) => crate::review::read_targets(path, lang)?,
        None => Vec::new(),
    };
    let previous = args
        .previous
        .as_ref()
        .map(|p| read_previous(&run, p, args.quiet));

    run.engagements = engagements;
    let gathered = inputs::gather(&args.inputs);
    run.progress = progress_bar(gathered.inputs.len(), args.quiet);
    let mut tally = Tally::default();
    // Noticed while gathering (a symbolic-link loop not followed): shown first.
    tally.warned.extend(
        gathered
            .warnings
            .iter()
            .map(|w| (w.source.clone(), vec![w.problem.clone()])),
    );
    tally.errors = gathered
        .failures
        .iter()
        .map(|InputFailure { source, problem }| {
            error_entry(source, std::slice::from_ref(problem), lang)
        })
        .collect();
    let inputs = &gathered.inputs;
    if inputs.is_empty() {
        // Nothing to score at all (an empty directory…): no output with empty figures, as
        // `report` refuses to write an empty review.
        run.progress.finish_and_clear();
        print_failures(&mut io::stderr().lock(), &tally.errors, lang);
        return Err(Fatal::new(lang, Cli::FatalNoSheetToScore, &[]));
    }
    let out = JsonOut {
        embed: args.embed_texts,
        quiet: args.quiet,
    };
    match format {
        Format::Json => write_to(&target, lang, |w| {
            stream_json(&run, w, inputs, &mut tally, out)
        })?,
        Format::Jsonl => write_to(&target, lang, |w| {
            stream_jsonl(&run, w, inputs, &mut tally, out)
        })?,
        Format::Xlsx => {
            let options = crate::reports::workbook_options(
                lang,
                previous,
                targets,
                inputs.len(),
                args.coverage_detail,
                args.answers_sheet,
            );
            write_workbook(&run, &target, inputs, options, &mut tally, args.quiet)?
        }
        Format::Csv => {
            // The CSV summary needs no answers: drop them as each sheet is scored so that a
            // large batch stays small in memory.
            let (pairs, errors) = run.score_all_reviewed(inputs);
            let (mut scored, reviews): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
            for (s, r) in scored.iter().zip(&reviews) {
                if let Some(r) = r {
                    tally
                        .reviews
                        .push_str(&review_lines(s, r, lang, args.quiet));
                }
            }
            let reviewed: Option<Vec<Option<Reviewed>>> = run
                .engagements
                .as_ref()
                .map(|_| reviews.into_iter().map(|r| r.map(|r| r.reviewed)).collect());
            Duplicates::mark(&mut scored);
            tally.errors.extend(errors);
            tally.errors.sort_by(|a, b| a.source.cmp(&b.source));
            tally.scored = scored.len();
            tally.warned.extend(
                scored
                    .iter()
                    .map(|s| (s.source.clone(), s.all_warnings()))
                    .filter(|(_, w)| !w.is_empty()),
            );
            let delimiter = args.csv_delimiter.into();
            // Each row with its sheet's own grid (`ScoredSheet::grid`).
            let bytes =
                crate::reports::csv(&scored, reviewed.as_deref(), &tally.errors, lang, delimiter);
            write_to(&target, lang, |w| w.write_all(&bytes))?;
        }
    }
    run.progress.finish_and_clear();
    report(&tally, &target, lang, args.quiet);
    Ok(if tally.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes the Excel workbook, scoring the inputs batch by batch and pushing each scored sheet
/// into the streamed workbook as it comes (in the inputs' order), so that memory stays flat in
/// the number of sheets. A file is saved by rust_xlsxwriter straight to a temporary file that
/// then replaces the target. The errors already in `tally` (inputs that could not be used) are
/// listed with those found while scoring.
fn write_workbook(
    run: &ScoreRun,
    target: &Target,
    inputs: &[Input],
    options: WorkbookOptions,
    tally: &mut Tally,
    quiet: bool,
) -> Result<(), Fatal> {
    let lang = run.lang;
    let fatal = |e: WorkbookError| Fatal::new(lang, Cli::FatalWorkbook, &[("error", &e)]);
    let mut options = Some(options);
    // The workbook's headers, threshold and previous-campaign index come from one grid: the
    // first scored sheet's (or, with no sheet, the fallback), so it is opened on that sheet.
    let mut book: Option<ResultsWorkbook<'static>> = None;
    let mut open = |grid: &'static Questionnaire,
                    book: &mut Option<ResultsWorkbook<'static>>|
     -> Result<(), WorkbookError> {
        if book.is_none()
            && let Some(options) = options.take()
        {
            *book = Some(ResultsWorkbook::new(grid, options)?);
        }
        Ok(())
    };
    let mut duplicates = Duplicates::default();
    run.for_each_scored(inputs, &|s, r| (s, r), |o| {
        match o {
            Outcome::Done((mut s, review)) => {
                if let Some(r) = &review {
                    tally.reviews.push_str(&review_lines(&s, r, lang, quiet));
                }
                let period = s.sheet.period.as_deref();
                if let Some(w) = duplicates.check(&s.source, &s.sheet.company, period) {
                    s.warnings.push(w);
                }
                open(s.grid, &mut book)?;
                if let Some(book) = book.as_mut() {
                    book.push(&s)?;
                    if let Some(r) = &review {
                        book.push_engagement(&r.rows(&s));
                    }
                }
                tally.scored += 1;
                let warnings = s.all_warnings();
                if !warnings.is_empty() {
                    tally.warned.push((s.source, warnings));
                }
            }
            Outcome::Failed(e) => tally.errors.push(e),
        }
        Ok(())
    })
    .map_err(fatal)?;
    open(run.grids.grid_for(None), &mut book).map_err(fatal)?;
    let Some(mut book) = book else {
        unreachable!("the workbook was opened above")
    };
    tally.errors.sort_by(|a, b| a.source.cmp(&b.source));
    for e in &tally.errors {
        book.push_error(e);
    }
    tally.answers_left_out = book.answers_left_out();
    match target {
        Target::Stdout => {
            let bytes = book.finish().map_err(fatal)?;
            write_to(target, lang, |w| w.write_all(&bytes))
        }
        Target::File(path) => save_atomically(path, lang, |tmp| book.finish_to_path(tmp)),
    }
}

/// Writes the result document followed by a newline, streamed through serde: the `results`
/// array is filled from the scoring pipeline while it is written, so that neither the sheets nor
/// their results are all in memory at once; `errors` follows, sorted by source, with the errors
/// already in `tally`; then, in the lean shape, the `grids` the results refer to. Pretty-printed
/// down to each result's fields and their entries (a track's coverage on one line:
/// [`LeanFormatter`]), compact below, as [`vigilance_core::report::lean::LeanDocument::to_json`].
fn stream_json(
    run: &ScoreRun,
    w: &mut dyn Write,
    inputs: &[Input],
    tally: &mut Tally,
    out: JsonOut,
) -> io::Result<()> {
    let document = StreamedDocument {
        run,
        inputs,
        out,
        tally: RefCell::new(tally),
        grids: RefCell::new(BTreeMap::new()),
    };
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    let mut ser = serde_json::Serializer::with_formatter(&mut w, LeanFormatter::default());
    document.serialize(&mut ser).map_err(io::Error::from)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// How results are written: lean (texts once, in `grids`) or with each result's own texts
/// (`--embed-texts`), and whether the analysts' review lines are printed (`--quiet`).
#[derive(Clone, Copy)]
struct JsonOut {
    embed: bool,
    quiet: bool,
}

/// Writes JSON Lines (docs/formats.md): before the first result on each grid, a line of kind
/// `grids` with that grid's texts (the first line, in a batch on one grid); one line of kind
/// `result` per scored sheet, in the inputs' order; then one line of kind `error` per input
/// that could not be scored, sorted by source. Streamed: memory stays flat in the number of
/// sheets. With `embed`, results carry their texts and no `grids` line is written.
fn stream_jsonl(
    run: &ScoreRun,
    w: &mut dyn Write,
    inputs: &[Input],
    tally: &mut Tally,
    out: JsonOut,
) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut duplicates = Duplicates::default();
    let lang = run.lang;
    let make = |s: ScoredSheet, r: Option<SheetReview>| to_entry(s, r, lang, out.quiet);
    run.for_each_scored(inputs, &make, |o| {
        match o {
            Outcome::Done(done) => {
                let key = grid_key(&done.grid.id, &done.grid.version);
                if !out.embed && !seen.contains(&key) {
                    let mut grids = BTreeMap::new();
                    grids.insert(key.clone(), GridTexts::new(done.grid));
                    let line = JsonlLine::Grids {
                        format: RESULTS_FORMAT.to_string(),
                        coverage_disclaimer: coverage_disclaimer(),
                        grids,
                    };
                    serde_json::to_writer(&mut w, &line)?;
                    w.write_all(b"\n")?;
                    seen.insert(key);
                }
                let entry = finish_entry(done, &mut duplicates, tally, out.embed);
                serde_json::to_writer(&mut w, &JsonlLine::Result(Box::new(entry)))?;
                w.write_all(b"\n")?;
            }
            Outcome::Failed(e) => tally.errors.push(e),
        }
        Ok::<(), io::Error>(())
    })?;
    tally.errors.sort_by(|a, b| a.source.cmp(&b.source));
    for e in &tally.errors {
        serde_json::to_writer(&mut w, &JsonlLine::Error(e.clone()))?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// What a worker hands on for one scored sheet: its self-contained entry (with the levels as
/// reviewed, given an engagement file), its warnings (the input's and the result's own), its
/// grid, and the analysts' review lines for standard error.
struct Done {
    entry: ResultEntry,
    warnings: Vec<Problem>,
    grid: &'static Questionnaire,
    review_lines: Option<String>,
}

/// The entry of a scored sheet, made on the worker that scored it.
fn to_entry(s: ScoredSheet, r: Option<SheetReview>, lang: Lang, quiet: bool) -> Done {
    let mut entry = ResultEntry::new(&s.source, s.grid, &s.sheet, &s.assessment, &s.warnings);
    let review_lines = r.as_ref().map(|r| review_lines(&s, r, lang, quiet));
    entry.reviewed = r
        .as_ref()
        .map(|r| ReviewedEntry::new(s.grid, &s.sheet, &r.reviewed, describe));
    Done {
        entry,
        warnings: s.all_warnings(),
        grid: s.grid,
        review_lines,
    }
}

/// The entry written for a scored sheet, in the inputs' order: the duplicate warning added
/// when it repeats an earlier sheet, counted in `tally`, lean unless `embed`.
fn finish_entry(
    done: Done,
    duplicates: &mut Duplicates,
    tally: &mut Tally,
    embed: bool,
) -> AnyEntry {
    let Done {
        mut entry,
        mut warnings,
        review_lines,
        ..
    } = done;
    if let Some(l) = review_lines {
        tally.reviews.push_str(&l);
    }
    let period = entry.period.as_deref();
    if let Some(w) = duplicates.check(&entry.source, &entry.company, period) {
        let mut problem = ProblemEntry::from(&w);
        problem.message = Text::new(describe(&w, Lang::Fr), describe(&w, Lang::En));
        entry.warnings.push(problem);
        warnings.push(w);
    }
    tally.scored += 1;
    if !warnings.is_empty() {
        tally.warned.push((entry.source.clone(), warnings));
    }
    if embed {
        AnyEntry::Embedded(entry)
    } else {
        AnyEntry::Lean(CompactEntry::new(entry))
    }
}

/// The result document, scored while serde writes it.
struct StreamedDocument<'a> {
    run: &'a ScoreRun,
    inputs: &'a [Input],
    out: JsonOut,
    tally: RefCell<&'a mut Tally>,
    /// The texts of the grids of the results written so far (lean shape).
    grids: RefCell<BTreeMap<String, GridTexts>>,
}

/// The `results` array of a [`StreamedDocument`].
struct StreamedResults<'d, 'a>(&'d StreamedDocument<'a>);

impl Serialize for StreamedDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The fields of `LeanDocument` (or `ResultDocument`, with `--embed-texts`), in order.
        let mut doc = serializer.serialize_struct("ResultDocument", 4)?;
        doc.serialize_field("format", RESULTS_FORMAT)?;
        doc.serialize_field("coverage_disclaimer", &coverage_disclaimer())?;
        doc.serialize_field("results", &StreamedResults(self))?;
        let mut tally = self.tally.borrow_mut();
        tally.errors.sort_by(|a, b| a.source.cmp(&b.source));
        doc.serialize_field("errors", &tally.errors)?;
        if !self.out.embed {
            doc.serialize_field("grids", &*self.grids.borrow())?;
        }
        doc.end()
    }
}

impl Serialize for StreamedResults<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let StreamedDocument {
            run,
            inputs,
            out,
            tally,
            grids,
        } = self.0;
        let lang = run.lang;
        let make = |s: ScoredSheet, r: Option<SheetReview>| to_entry(s, r, lang, out.quiet);
        let mut seq = serializer.serialize_seq(None)?;
        let mut duplicates = Duplicates::default();
        run.for_each_scored(inputs, &make, |o| {
            let mut tally = tally.borrow_mut();
            match o {
                Outcome::Done(done) => {
                    if !out.embed {
                        let key = grid_key(&done.grid.id, &done.grid.version);
                        let grid = done.grid;
                        grids
                            .borrow_mut()
                            .entry(key)
                            .or_insert_with(|| GridTexts::new(grid));
                    }
                    let entry = finish_entry(done, &mut duplicates, &mut tally, out.embed);
                    seq.serialize_element(&entry)?;
                }
                Outcome::Failed(e) => tally.errors.push(e),
            }
            Ok(())
        })?;
        seq.end()
    }
}

/// Scores the sheets of an earlier campaign (`--previous`); those that cannot be scored are
/// reported as warnings and left out of the comparison.
fn read_previous(run: &ScoreRun, path: &std::path::Path, quiet: bool) -> Vec<ScoredSheet> {
    let lang = run.lang;
    // The comparison needs only each company's summary figures: score_paths drops the answers.
    let (scored, errors) = run.score_paths(std::slice::from_ref(&path.to_path_buf()));
    let mut err = io::stderr().lock();
    print_previous_failures(&mut err, &errors, lang);
    if !quiet && scored.is_empty() {
        let _ = writeln!(err, "{}", Cli::PreviousEmpty.text(lang));
    }
    scored
}

/// Prints the failures, the warnings and the closing summary on standard error.
fn report(tally: &Tally, target: &Target, lang: Lang, quiet: bool) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(tally.reviews.as_bytes());
    if !quiet {
        for (source, warnings) in &tally.warned {
            print_warnings(&mut err, source, warnings, lang);
        }
    }
    print_failures(&mut err, &tally.errors, lang);
    if quiet {
        return;
    }
    if tally.answers_left_out {
        let note = Cli::AnswersSheetLeftOut.fill(
            lang,
            &[
                ("companies", &lang.integer(tally.scored as u64)),
                ("max", &lang.integer(ANSWERS_SHEET_MAX_COMPANIES as u64)),
            ],
        );
        let _ = writeln!(err, "{note}");
    }
    let dest = match target {
        Target::Stdout => String::new(),
        Target::File(p) => format!(" → {}", crate::platform::shown(p)),
    };
    let n = tally.scored;
    let f = tally.errors.len();
    let line = format!(
        "{}, {}{dest}",
        Cli::Scored.count(lang, n as u64, &[]),
        Cli::NotScored.count(lang, f as u64, &[]),
    );
    let _ = writeln!(err, "{line}");
}

/// Prints each warning of the sheet `source` on its line, with its code:
/// « avertissement : source : [VG-A12] … ».
pub fn print_warnings(err: &mut dyn Write, source: &str, warnings: &[Problem], lang: Lang) {
    for w in warnings {
        let _ = writeln!(
            err,
            "{} {source}{} [{}] {}",
            Cli::Warning.text(lang),
            colon(lang),
            w.code(),
            describe(w, lang)
        );
    }
}

/// The problems of an input that could not be scored, each on its line with its code
/// (`[VG-A07] ligne 7, colonne 5 (/answers/Q99) : …`) and its hint below it, indented by
/// `indent`.
fn problem_lines(e: &ErrorEntry, lang: Lang, indent: &str) -> String {
    let mut out = Vec::new();
    for p in &e.problems {
        out.push(format!("{indent}[{}] {}", p.code, p.message.get(lang)));
        if let Some(help) = &p.help {
            out.push(format!(
                "{indent}  {} {}",
                Cli::Help.text(lang),
                help.get(lang)
            ));
        }
    }
    out.join("\n")
}

/// Prints each input that could not be scored, then its problems indented below it.
pub fn print_failures(err: &mut dyn Write, errors: &[ErrorEntry], lang: Lang) {
    for e in errors {
        let _ = writeln!(err, "{} {}", Cli::Error.text(lang), e.source);
        let _ = writeln!(err, "{}", problem_lines(e, lang, "  "));
    }
}

/// Prints the inputs of the previous campaign (`--previous`) that could not be scored, as
/// warnings: they are only left out of the comparison.
pub fn print_previous_failures(err: &mut dyn Write, errors: &[ErrorEntry], lang: Lang) {
    for e in errors {
        let _ = writeln!(
            err,
            "{} --previous {}{}",
            Cli::Warning.text(lang),
            e.source,
            colon(lang),
        );
        let _ = writeln!(err, "{}", problem_lines(e, lang, "  "));
    }
}
