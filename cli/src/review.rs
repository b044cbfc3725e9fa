//! `vigilance report`: the campaign review, or with `--company` the one-page summary of each
//! company named. Reads and scores the answer files (and those of the previous campaign, and
//! the targets file), has core write the HTML, and writes it atomically. Inputs that cannot be scored are listed on standard error and left out (exit
//! status 1); a targets file with a bad row stops the command before anything is written (2).

use crate::args::ReportArgs;
use crate::engage::{EngagementSet, review_lines};
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
    CompanyResult, ReviewOptions, SummaryError, Target as ReviewTarget, build_company_summaries,
    build_review, parse_targets,
};
use vigilance_core::report::workbook::{EngagementRows, ScoredSheet};
use vigilance_core::{Cli, Lang, Msg, ScoringOptions};

/// Runs `vigilance report`.
pub fn run(args: &ReportArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    if args.anonymize && !args.company.is_empty() {
        return Err(Fatal::new(lang, Cli::FatalCompanyAnonymised, &[]));
    }
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

    let engagements = match &args.engagement {
        Some(p) => Some(EngagementSet::load(p, lang)?),
        None => None,
    };
    let run = ScoreRun {
        grids,
        options: opts,
        lang,
        progress: ProgressBar::hidden(),
        evidence_max_age: args.evidence_max_age,
        engagements,
    };
    let quiet = args.quiet;
    let (scored, mut errors) = run.score_paths_with(&args.inputs, &|mut s: ScoredSheet, r| {
        let extra = r.map(|r| (r.rows(&s), review_lines(&s, &r, lang, quiet)));
        s.sheet.answers.clear();
        (s, extra)
    });
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    let mut err = io::stderr().lock();
    if !args.quiet {
        let sheets: Vec<&ScoredSheet> = scored.iter().map(|(s, _)| s).collect();
        print_sheet_warnings(&mut err, &sheets, lang, "");
    }
    for (_, extra) in &scored {
        if let Some((_, lines)) = extra {
            let _ = write!(err, "{lines}");
        }
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
            let sheets: Vec<&ScoredSheet> = scored.iter().collect();
            print_sheet_warnings(&mut err, &sheets, lang, "--previous ");
        }
        scored
            .into_iter()
            .map(|s| company_result(s, None))
            .collect::<Vec<_>>()
    });

    let generated = crate::reports::generated_at();
    let options = ReviewOptions {
        lang,
        anonymize: args.anonymize,
        date: generated.get(..10).unwrap_or(&generated).to_string(),
        tool_version: format!("vigilance {}", env!("CARGO_PKG_VERSION")),
    };
    let current = scored
        .into_iter()
        .map(|(s, extra)| company_result(s, extra.map(|(rows, _)| rows)))
        .collect();
    if !args.company.is_empty() {
        let summaries =
            build_company_summaries(q, current, previous, &targets, &options, &args.company)
                .map_err(|e| summary_error(&e, lang))?;
        for w in &summaries.warnings {
            let _ = writeln!(err, "{} {}", Cli::Warning.text(lang), w.message("", lang));
        }
        drop(err);
        write_to(&target, lang, |w| w.write_all(summaries.html.as_bytes()))?;
        if !args.quiet {
            let line = format!(
                "{}, {}{}",
                Cli::SummaryWritten.count(lang, summaries.written as u64, &[]),
                Cli::NotScored.count(lang, errors.len() as u64, &[]),
                destination(&target)
            );
            let _ = writeln!(io::stderr(), "{line}");
        }
        return Ok(exit_status(&errors));
    }
    let review = build_review(q, current, previous, &targets, &options);
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
        let n = review.companies as u64;
        let line = format!(
            "{}, {}{}",
            Cli::ReviewWritten.count(lang, n, &[]),
            Cli::NotScored.count(lang, errors.len() as u64, &[]),
            destination(&target)
        );
        let _ = writeln!(io::stderr(), "{line}");
    }
    Ok(exit_status(&errors))
}

/// ` → FILE` after the summary line, or nothing for standard output.
fn destination(target: &Target) -> String {
    match target {
        Target::Stdout => String::new(),
        Target::File(p) => format!(" → {}", crate::platform::shown(p)),
    }
}

/// 1 when some input could not be scored (and was left out), else success.
fn exit_status(errors: &[ErrorEntry]) -> ExitCode {
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Why no company summary was written, in `lang`.
fn summary_error(e: &SummaryError, lang: Lang) -> Fatal {
    match e {
        SummaryError::Anonymised => Fatal::new(lang, Cli::FatalCompanyAnonymised, &[]),
        SummaryError::NotFound { wanted, known } => Fatal::new(
            lang,
            Cli::FatalCompanyNotFound,
            &[("wanted", wanted), ("known", &known.join(", "))],
        ),
        SummaryError::Ambiguous { wanted, found } => Fatal::new(
            lang,
            Cli::FatalCompanyAmbiguous,
            &[("wanted", wanted), ("found", &found.join("; "))],
        ),
    }
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
        engagements: None,
    };
    let (scored, mut errors) = run.score_paths(paths);
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    (scored, errors)
}

fn print_sheet_warnings(err: &mut dyn Write, scored: &[&ScoredSheet], lang: Lang, prefix: &str) {
    for s in scored {
        print_warnings(
            err,
            &format!("{prefix}{}", s.source),
            &s.all_warnings(),
            lang,
        );
    }
}

/// The review's view of a scored sheet, with the grid it was scored on and what its engagement
/// file adds.
fn company_result(s: ScoredSheet, engagement: Option<EngagementRows>) -> CompanyResult {
    CompanyResult {
        grid: s.grid,
        source: s.source,
        company: s.sheet.company,
        period: s.sheet.period,
        assessment: s.assessment,
        engagement,
    }
}

/// Reads the targets file; any bad row is fatal, with every bad row listed by line.
pub(crate) fn read_targets(path: &Path, lang: Lang) -> Result<Vec<ReviewTarget>, Fatal> {
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
