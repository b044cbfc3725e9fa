//! `vigilance report`: the campaign review. Reads and scores the answer files (and those of the
//! previous campaign, and the targets file), has core write the HTML review, and writes it
//! atomically. Inputs that cannot be scored are listed on standard error and left out (exit
//! status 1); a targets file with a bad row stops the command before anything is written (2).

use crate::args::ReportArgs;
use crate::fatal::Fatal;
use crate::inputs::{self, describe};
use crate::output::{Target, write_to};
use crate::score::{ScoreRun, print_failures, print_previous_failures, print_warnings};
use indicatif::ProgressBar;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use vigilance_core::location::decode_text;
use vigilance_core::registry::GridChoice;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::review::{
    CompanyResult, ReviewOptions, Target as ReviewTarget, build_review, parse_targets,
};
use vigilance_core::report::workbook::ScoredSheet;
use vigilance_core::{Cli, Lang, Msg, ScoringOptions};

/// Runs `vigilance report`.
pub fn run(args: &ReportArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    let grids = crate::grid::choice(args.grid.questionnaire.as_deref(), lang)?;
    // Each sheet is scored on its own grid (the review groups them); `q` is only named when no
    // sheet at all could be scored.
    let q = grids.grid_for(None);
    let opts = ScoringOptions {
        evidence_mode: args.evidence_mode.into(),
        threshold: args.threshold,
    };
    let targets = match &args.targets {
        Some(path) => read_targets(path, lang)?,
        None => Vec::new(),
    };
    let target = Target::from_arg(Some(&args.output));

    let (scored, errors) = score_inputs(&args.inputs, grids, &opts, lang, args.evidence_max_age);
    let mut err = io::stderr().lock();
    if !args.quiet {
        print_sheet_warnings(&mut err, &scored, lang, "");
    }
    print_failures(&mut err, &errors, lang);
    if scored.is_empty() {
        return Err(Fatal::new(lang, Cli::FatalNoSheetForReview, &[]));
    }

    let previous = args.previous.as_ref().map(|p| {
        let (scored, errors) = score_inputs(
            std::slice::from_ref(p),
            grids,
            &opts,
            lang,
            args.evidence_max_age,
        );
        print_previous_failures(&mut err, &errors, lang);
        if !args.quiet {
            print_sheet_warnings(&mut err, &scored, lang, "--previous ");
        }
        scored.into_iter().map(company_result).collect::<Vec<_>>()
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
        scored.into_iter().map(company_result).collect(),
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
            Cli::Warning.text(lang),
            w.message(&targets_file, lang)
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
            Cli::ReviewWritten.count(lang, n, &[]),
            Cli::NotScored.count(lang, errors.len() as u64, &[])
        );
        let _ = writeln!(io::stderr(), "{line}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads and scores the sheets of `paths` (files and directories, as `score` reads them).
fn score_inputs(
    paths: &[std::path::PathBuf],
    grids: GridChoice<'static>,
    opts: &ScoringOptions,
    lang: Lang,
    evidence_max_age: u32,
) -> (Vec<ScoredSheet>, Vec<ErrorEntry>) {
    let run = ScoreRun {
        grids,
        options: *opts,
        lang,
        progress: ProgressBar::hidden(),
        evidence_max_age,
    };
    let (scored, mut errors) = run.score_paths(paths);
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    (scored, errors)
}

fn print_sheet_warnings(err: &mut dyn Write, scored: &[ScoredSheet], lang: Lang, prefix: &str) {
    for s in scored {
        print_warnings(
            err,
            &format!("{prefix}{}", s.source),
            &s.all_warnings(),
            lang,
        );
    }
}

/// The review's view of a scored sheet, with the grid it was scored on.
fn company_result(s: ScoredSheet) -> CompanyResult {
    CompanyResult {
        grid: s.grid,
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
            Cli::FatalTargetsRead,
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
                    e.message(lang)
                )
            })
            .collect::<String>();
        Fatal::new(
            lang,
            Cli::FatalTargetsInvalid,
            &[("path", &shown), ("rows", &rows)],
        )
    })
}
