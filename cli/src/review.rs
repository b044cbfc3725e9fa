//! `vigilance report`: the campaign review. Reads and scores the answer files (and those of the
//! previous campaign, and the targets file), has core write the HTML review, and writes it
//! atomically. Inputs that cannot be scored are listed on standard error and left out (exit
//! status 1); a targets file with a bad row stops the command before anything is written (2).

use crate::args::ReportArgs;
use crate::fatal::Fatal;
use crate::inputs::{self, describe};
use crate::output::{Target, write_to};
use crate::score::{ScoreRun, error_entry};
use indicatif::ProgressBar;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use vigilance_core::location::decode_text;
use vigilance_core::messages::count;
use vigilance_core::registry;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::review::{
    CompanyResult, ReviewOptions, Target as ReviewTarget, build_review, parse_targets,
};
use vigilance_core::report::workbook::ScoredSheet;
use vigilance_core::{Lang, Msg, Questionnaire, ScoringOptions};

/// Runs `vigilance report`.
pub fn run(args: &ReportArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    let q = crate::grid::load(args.grid.questionnaire.as_deref(), lang)?;
    let opts = ScoringOptions {
        evidence_mode: args.evidence_mode.into(),
        threshold: args.threshold,
    };
    let targets = match &args.targets {
        Some(path) => read_targets(path, lang)?,
        None => Vec::new(),
    };
    let target = Target::from_arg(Some(&args.output));

    // Without --questionnaire, each sheet is scored on the built-in grid it names.
    let per_sheet = args.grid.questionnaire.is_none();
    let (scored, errors) = score_inputs(&args.inputs, q, per_sheet, &opts, lang);
    let mut err = io::stderr().lock();
    if !args.quiet {
        print_sheet_warnings(&mut err, &scored, lang, "");
    }
    for e in &errors {
        let _ = writeln!(err, "{} {}", Msg::CliError.text(lang), e.source);
        for line in e.message.lines() {
            let _ = writeln!(err, "  {line}");
        }
    }
    if scored.is_empty() {
        return Err(Fatal::new(lang, Msg::FatalNoSheetForReview, &[]));
    }

    let previous = args.previous.as_ref().map(|p| {
        let (scored, errors) = score_inputs(std::slice::from_ref(p), q, per_sheet, &opts, lang);
        for e in &errors {
            let _ = writeln!(
                err,
                "{} --previous {}: {}",
                Msg::CliWarning.text(lang),
                e.source,
                e.message.replace('\n', "\n  ")
            );
        }
        if !args.quiet {
            print_sheet_warnings(&mut err, &scored, lang, "--previous ");
        }
        scored
            .into_iter()
            .map(|(s, g)| company_result(s, g))
            .collect::<Vec<_>>()
    });

    let generated = crate::reports::generated_at();
    let options = ReviewOptions {
        lang,
        anonymize: args.anonymize,
        date: generated.get(..10).unwrap_or(&generated).to_string(),
        tool_version: format!("vigilance {}", env!("CARGO_PKG_VERSION")),
    };
    let review = build_review(
        q,
        scored
            .into_iter()
            .map(|(s, g)| company_result(s, g))
            .collect(),
        previous,
        &targets,
        &options,
    );
    let targets_file = args
        .targets
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for w in &review.warnings {
        let _ = writeln!(
            err,
            "{} {}",
            Msg::CliWarning.text(lang),
            w.message(&targets_file).get(lang)
        );
    }
    drop(err);
    write_to(&target, lang, |w| w.write_all(review.html.as_bytes()))?;
    if !args.quiet {
        let dest = match &target {
            Target::Stdout => String::new(),
            Target::File(p) => format!(" → {}", crate::platform::shown(p)),
        };
        let n = review.companies as u64;
        let line = format!(
            "{}, {}{dest}",
            count(
                lang,
                n,
                Msg::CliReviewWrittenOne,
                Msg::CliReviewWrittenMany,
                &[]
            ),
            count(
                lang,
                errors.len() as u64,
                Msg::CliNotScoredOne,
                Msg::CliNotScoredMany,
                &[]
            )
        );
        let _ = writeln!(io::stderr(), "{line}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads and scores the sheets of `paths` (files and directories, as `score` reads them), each
/// with the grid it was scored on. With `per_sheet`, a JSON sheet is scored on the built-in grid
/// its `questionnaire` names (`q` for the others: workbooks, matrices, unknown grids); else
/// every sheet on `q`.
fn score_inputs(
    paths: &[std::path::PathBuf],
    q: &'static Questionnaire,
    per_sheet: bool,
    opts: &ScoringOptions,
    lang: Lang,
) -> (Vec<(ScoredSheet, &'static Questionnaire)>, Vec<ErrorEntry>) {
    let gathered = inputs::gather(paths);
    let order: std::collections::HashMap<String, usize> = gathered
        .inputs
        .iter()
        .enumerate()
        .map(|(i, input)| (input.source.clone(), i))
        .collect();
    // The inputs per grid, in first-seen order.
    let mut groups: Vec<(&'static Questionnaire, Vec<inputs::Input>)> = Vec::new();
    for input in gathered.inputs {
        let grid = if per_sheet { sheet_grid(&input) } else { None }.unwrap_or(q);
        match groups.iter_mut().find(|(g, _)| std::ptr::eq(*g, grid)) {
            Some((_, v)) => v.push(input),
            None => groups.push((grid, vec![input])),
        }
    }
    let (mut scored, mut errors) = (Vec::new(), Vec::new());
    for (grid, group) in groups {
        let run = ScoreRun {
            questionnaire: grid,
            options: *opts,
            lang,
            progress: ProgressBar::hidden(),
        };
        let (s, e) = run.score_all(&group);
        scored.extend(s.into_iter().map(|s| (s, grid)));
        errors.extend(e);
    }
    // Back in the inputs' order, as `score` gives them (a company given twice keeps the first);
    // the sheets of one workbook or matrix keep their row order.
    let position = |source: &str| {
        order
            .get(source)
            .or_else(|| {
                source
                    .rsplit_once(" (")
                    .and_then(|(file, _)| order.get(file))
            })
            .copied()
            .unwrap_or(usize::MAX)
    };
    scored.sort_by_key(|(s, _)| position(&s.source));
    errors.extend(
        gathered
            .failures
            .iter()
            .map(|f| error_entry(&f.source, std::slice::from_ref(&f.problem), lang)),
    );
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    (scored, errors)
}

/// The built-in grid a JSON answer sheet names, if any.
fn sheet_grid(input: &inputs::Input) -> Option<&'static Questionnaire> {
    let bytes = input.read().ok()?;
    let text = decode_text(&bytes).ok()?;
    let (id, version) = registry::peek_questionnaire(&text)?;
    registry::for_sheet(&id, &version)
}

fn print_sheet_warnings(
    err: &mut dyn Write,
    scored: &[(ScoredSheet, &'static Questionnaire)],
    lang: Lang,
    prefix: &str,
) {
    for (s, _) in scored {
        for w in &s.warnings {
            let _ = writeln!(
                err,
                "{} {prefix}{}: {}",
                Msg::CliWarning.text(lang),
                s.source,
                describe(w, lang)
            );
        }
    }
}

/// The review's view of a scored sheet; `grid` is the grid it was scored on.
fn company_result(s: ScoredSheet, grid: &'static Questionnaire) -> CompanyResult {
    CompanyResult {
        grid,
        source: s.source,
        company: s.sheet.company,
        period: s.sheet.period,
        assessment: s.assessment,
    }
}

/// Reads the targets file; any bad row is fatal, with every bad row listed by line.
fn read_targets(path: &Path, lang: Lang) -> Result<Vec<ReviewTarget>, Fatal> {
    let shown = crate::platform::shown(path);
    let unreadable = |p: &vigilance_core::Problem| {
        Fatal::new(
            lang,
            Msg::FatalTargetsRead,
            &[("path", &shown), ("problem", &describe(p, lang))],
        )
    };
    let bytes = std::fs::read(path).map_err(|e| unreadable(&inputs::io_problem(&e)))?;
    let text = decode_text(&bytes).map_err(|p| unreadable(&p))?;
    parse_targets(&text).map_err(|errors| {
        let rows = errors
            .iter()
            .map(|e| {
                format!(
                    "\n  {shown}, {}{} {}",
                    Msg::PlaceLine.fill(lang, &[("line", &e.line)]),
                    Msg::Colon.text(lang),
                    e.message.get(lang)
                )
            })
            .collect::<String>();
        Fatal::new(
            lang,
            Msg::FatalTargetsInvalid,
            &[("path", &shown), ("rows", &rows)],
        )
    })
}
