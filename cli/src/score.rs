//! `vigilance score`: read a batch of answer files, score every sheet, and write the result
//! document (JSON) or the Excel workbook — both streamed batch by batch so that memory stays flat
//! in the number of sheets — or the CSV summary. Inputs that cannot be scored are listed on standard error and in the output,
//! and the exit status is 1; the rest of the batch is still scored and written.

use crate::args::{Format, ScoreArgs};
use crate::fatal::Fatal;
use crate::inputs::{self, Input, InputFailure, describe};
use crate::output::{Target, save_atomically, write_to};
use crate::sheets::read_sheets;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use vigilance_core::messages::{colon, count};
use vigilance_core::report::json::{ErrorEntry, ProblemEntry, RESULTS_FORMAT, ResultEntry};
use vigilance_core::report::workbook::{ResultsWorkbook, ScoredSheet, WorkbookError};
use vigilance_core::{Lang, Msg, Problem, Questionnaire, ScoringOptions, Text, score};

/// Inputs handled per batch when streaming JSON: enough to keep every core busy, few enough to
/// keep memory flat.
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
    warned: Vec<(String, Vec<Problem>)>,
    errors: Vec<ErrorEntry>,
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
                Some(help) => format!(
                    "{}\n  {} {help}",
                    describe(p, lang),
                    Msg::CliHelp.text(lang)
                ),
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

/// Applies `f` to every item on all cores, keeping the items' order. Each item is handled by
/// exactly one worker; the results are put back in place after the workers are joined.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(done) => {
                    for (i, r) in done {
                        slots[i] = Some(r);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    slots.into_iter().flatten().collect()
}

/// Reads and scores every sheet of `input`, turning each into a `T` with `make` (in the worker).
fn process<T>(
    input: &Input,
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
    make: &(impl Fn(ScoredSheet) -> T + Sync),
) -> Vec<Outcome<T>> {
    read_sheets(input, q, lang)
        .into_iter()
        .map(|read| match read.result {
            Ok(parsed) => {
                let assessment = score(q, &parsed.value, opts);
                Outcome::Done(make(ScoredSheet {
                    source: read.source,
                    sheet: parsed.value,
                    assessment,
                    warnings: parsed.warnings,
                }))
            }
            Err(problems) => Outcome::Failed(error_entry(&read.source, &problems.0, lang)),
        })
        .collect()
}

/// Scores every input, in memory, for what needs only the summary figures (the CSV summary,
/// the `--previous` comparison): the sheets' answers are dropped once scored.
pub fn score_all(
    inputs: &[Input],
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
    progress: &ProgressBar,
) -> (Vec<ScoredSheet>, Vec<ErrorEntry>) {
    let outcomes = parallel_map(inputs, |input| {
        let r = process(input, q, opts, lang, &|mut s: ScoredSheet| {
            s.sheet.answers.clear();
            s
        });
        progress.inc(1);
        r
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
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {wide_bar} {pos}/{len} ({per_sec}, {eta})")
    {
        bar.set_style(style);
    }
    bar
}

/// Runs `vigilance score`.
pub fn run(args: &ScoreArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    let q = crate::grid::load(args.grid.questionnaire.as_deref(), lang)?;
    let opts = ScoringOptions {
        evidence_mode: args.evidence_mode.into(),
        threshold: args.threshold,
    };
    let target = Target::from_arg(args.output.as_deref());
    let format = resolve_format(args.format, &target);
    if format == Format::Xlsx && target.is_terminal() {
        return Err(Fatal::new(lang, Msg::FatalXlsxToTerminal, &[]));
    }

    let previous = args
        .previous
        .as_ref()
        .map(|p| read_previous(p, q, &opts, lang, args.quiet));

    let gathered = inputs::gather(&args.inputs);
    let input_errors: Vec<ErrorEntry> = gathered
        .failures
        .iter()
        .map(|InputFailure { source, problem }| {
            error_entry(source, std::slice::from_ref(problem), lang)
        })
        .collect();
    let progress = progress_bar(gathered.inputs.len(), args.quiet);

    let mut tally = Tally::default();
    match format {
        Format::Json => {
            write_to(&target, lang, |w| {
                stream_json(
                    w,
                    &gathered.inputs,
                    input_errors,
                    q,
                    &opts,
                    lang,
                    &progress,
                    &mut tally,
                )
            })?;
        }
        Format::Xlsx => {
            write_workbook(
                &target,
                &gathered.inputs,
                input_errors,
                q,
                &opts,
                lang,
                previous,
                &progress,
                &mut tally,
            )?;
        }
        Format::Csv => {
            // The CSV summary needs no answers: drop them as each sheet is scored so that a
            // large batch stays small in memory.
            let (scored, mut errors) = score_all(&gathered.inputs, q, &opts, lang, &progress);
            errors.extend(input_errors);
            errors.sort_by(|a, b| a.source.cmp(&b.source));
            tally.scored = scored.len();
            tally.warned = scored
                .iter()
                .filter(|s| !s.warnings.is_empty())
                .map(|s| (s.source.clone(), s.warnings.clone()))
                .collect();
            let bytes = crate::reports::csv(q, &scored, &errors, lang);
            tally.errors = errors;
            write_to(&target, lang, |w| w.write_all(&bytes))?;
        }
    }
    progress.finish_and_clear();
    report(&tally, &target, lang, args.quiet);
    Ok(if tally.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Scores the inputs batch by batch on all cores and hands every outcome, in the inputs' order,
/// to `consume` on this thread while the next batch is scored: neither the sheets nor their
/// results are all in memory at once. Stops at the first error of `consume`.
fn for_each_scored<T: Send, E>(
    inputs: &[Input],
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
    progress: &ProgressBar,
    make: &(impl Fn(ScoredSheet) -> T + Sync),
    mut consume: impl FnMut(Outcome<T>) -> Result<(), E>,
) -> Result<(), E> {
    let score_batch = |batch: &[Input]| {
        parallel_map(batch, |input| {
            let r = process(input, q, opts, lang, make);
            progress.inc(1);
            r
        })
    };
    // While one batch is consumed, the next one is scored on another thread.
    let mut batches = inputs.chunks(BATCH);
    let mut ready = batches.next().map(score_batch).unwrap_or_default();
    loop {
        let next = batches.next();
        let (consumed, scored) = std::thread::scope(|s| {
            let worker = next.map(|batch| s.spawn(|| score_batch(batch)));
            let consumed = std::mem::take(&mut ready)
                .into_iter()
                .flatten()
                .try_for_each(&mut consume);
            let scored = worker.map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
            (consumed, scored)
        });
        consumed?;
        match scored {
            Some(outcomes) => ready = outcomes,
            None => return Ok(()),
        }
    }
}

/// Writes the Excel workbook, scoring the inputs batch by batch and pushing each scored sheet
/// into the streamed workbook as it comes (in the inputs' order), so that memory stays flat in
/// the number of sheets. A file is saved by rust_xlsxwriter straight to a temporary file that
/// then replaces the target.
#[allow(clippy::too_many_arguments)]
fn write_workbook(
    target: &Target,
    inputs: &[Input],
    input_errors: Vec<ErrorEntry>,
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
    previous: Option<Vec<ScoredSheet>>,
    progress: &ProgressBar,
    tally: &mut Tally,
) -> Result<(), Fatal> {
    let fatal = |e: WorkbookError| Fatal::new(lang, Msg::FatalWorkbook, &[("error", &e)]);
    let mut book =
        ResultsWorkbook::new(q, crate::reports::workbook_options(lang, previous)).map_err(fatal)?;
    let mut errors = input_errors;
    for_each_scored(inputs, q, opts, lang, progress, &|s| s, |o| {
        match o {
            Outcome::Done(s) => {
                book.push(&s)?;
                tally.scored += 1;
                if !s.warnings.is_empty() {
                    tally.warned.push((s.source, s.warnings));
                }
            }
            Outcome::Failed(e) => errors.push(e),
        }
        Ok(())
    })
    .map_err(fatal)?;
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    for e in &errors {
        book.push_error(e);
    }
    tally.errors = errors;
    match target {
        Target::Stdout => {
            let bytes = book.finish().map_err(fatal)?;
            write_to(target, lang, |w| w.write_all(&bytes))
        }
        Target::File(path) => save_atomically(path, lang, |tmp| book.finish_to_path(tmp)),
    }
}

/// Writes the result document, scoring the inputs batch by batch: each worker serialises its
/// entries, so that neither the sheets nor their results are all in memory at once. The bytes
/// are those of `ResultDocument::to_json_pretty` followed by a newline.
#[allow(clippy::too_many_arguments)]
fn stream_json(
    w: &mut dyn Write,
    inputs: &[Input],
    input_errors: Vec<ErrorEntry>,
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
    progress: &ProgressBar,
    tally: &mut Tally,
) -> io::Result<()> {
    let to_json = |s: ScoredSheet| -> (String, Option<(String, Vec<Problem>)>) {
        let entry = ResultEntry::new(&s.source, q, &s.sheet, &s.assessment, &s.warnings);
        let json = indented(
            &serde_json::to_string_pretty(&entry).unwrap_or_default(),
            "    ",
        );
        let warned = (!s.warnings.is_empty()).then_some((s.source, s.warnings));
        (json, warned)
    };
    write!(
        w,
        "{{\n  \"format\": {},\n  \"results\": [",
        serde_json::Value::from(RESULTS_FORMAT)
    )?;
    let mut errors = input_errors;
    let mut first = true;
    for_each_scored(inputs, q, opts, lang, progress, &to_json, |o| {
        match o {
            Outcome::Done((json, warned)) => {
                w.write_all(if first { b"\n" } else { b",\n" })?;
                w.write_all(json.as_bytes())?;
                first = false;
                tally.scored += 1;
                tally.warned.extend(warned);
            }
            Outcome::Failed(e) => errors.push(e),
        }
        Ok::<(), io::Error>(())
    })?;
    w.write_all(if first { b"]," } else { b"\n  ]," })?;
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    w.write_all(b"\n  \"errors\": [")?;
    for (i, e) in errors.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let json = serde_json::to_string_pretty(e).unwrap_or_default();
        w.write_all(indented(&json, "    ").as_bytes())?;
    }
    w.write_all(if errors.is_empty() {
        b"]\n}\n"
    } else {
        b"\n  ]\n}\n"
    })?;
    tally.errors = errors;
    Ok(())
}

/// `text` with every line prefixed by `indent` (JSON strings hold no raw newline), so that a
/// pretty-printed entry nests at the depth it has in the document. Done in the workers.
fn indented(text: &str, indent: &str) -> String {
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut out = String::with_capacity(text.len() + lines * indent.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        out.push_str(line);
    }
    out
}

/// Scores the sheets of an earlier campaign (`--previous`); those that cannot be scored are
/// reported as warnings and left out of the comparison.
fn read_previous(
    path: &std::path::Path,
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
    quiet: bool,
) -> Vec<ScoredSheet> {
    let gathered = inputs::gather(std::slice::from_ref(&path.to_path_buf()));
    // The comparison needs only each company's summary figures: drop the answers.
    let (scored, mut errors) = score_all(&gathered.inputs, q, opts, lang, &ProgressBar::hidden());
    errors.extend(
        gathered
            .failures
            .iter()
            .map(|f| error_entry(&f.source, std::slice::from_ref(&f.problem), lang)),
    );
    let mut err = io::stderr().lock();
    for e in &errors {
        let _ = writeln!(
            err,
            "{} --previous {}{} {}",
            Msg::CliWarning.text(lang),
            e.source,
            colon(lang),
            e.message.replace('\n', "\n  ")
        );
    }
    if !quiet && scored.is_empty() {
        let _ = writeln!(err, "{}", Msg::CliPreviousEmpty.text(lang));
    }
    scored
}

/// Prints the failures, the warnings and the closing summary on standard error.
fn report(tally: &Tally, target: &Target, lang: Lang, quiet: bool) {
    let mut err = io::stderr().lock();
    if !quiet {
        for (source, warnings) in &tally.warned {
            for w in warnings {
                let _ = writeln!(
                    err,
                    "{} {source}{} {}",
                    Msg::CliWarning.text(lang),
                    colon(lang),
                    describe(w, lang)
                );
            }
        }
    }
    for e in &tally.errors {
        let _ = writeln!(err, "{} {}", Msg::CliError.text(lang), e.source);
        for line in e.message.lines() {
            let _ = writeln!(err, "  {line}");
        }
    }
    if quiet {
        return;
    }
    let dest = match target {
        Target::Stdout => String::new(),
        Target::File(p) => format!(" → {}", p.display()),
    };
    let n = tally.scored;
    let f = tally.errors.len();
    let line = format!(
        "{}, {}{dest}",
        count(lang, n as u64, Msg::CliScoredOne, Msg::CliScoredMany, &[]),
        count(
            lang,
            f as u64,
            Msg::CliNotScoredOne,
            Msg::CliNotScoredMany,
            &[]
        ),
    );
    let _ = writeln!(err, "{line}");
}
