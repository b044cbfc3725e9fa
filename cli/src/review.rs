//! `vigilance report`: the campaign review. Reads and scores the answer files (and those of the
//! previous campaign, and the targets file), has core write the HTML review, and writes it
//! atomically. Inputs that cannot be scored are listed on standard error and left out (exit
//! status 1); a targets file with a bad row stops the command before anything is written (2).

use crate::args::ReportArgs;
use crate::fatal::Fatal;
use crate::inputs::{self, describe};
use crate::output::{Target, write_to};
use crate::score::{error_entry, score_all};
use indicatif::ProgressBar;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use vigilance_core::location::decode_text;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::review::{
    CompanyResult, ReviewOptions, Target as ReviewTarget, build_review, parse_targets,
};
use vigilance_core::report::workbook::ScoredSheet;
use vigilance_core::{Lang, Questionnaire, ScoringOptions};

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

    let (scored, errors) = score_inputs(&args.inputs, q, &opts, lang);
    let mut err = io::stderr().lock();
    if !args.quiet {
        print_sheet_warnings(&mut err, &scored, lang, "");
    }
    for e in &errors {
        let _ = writeln!(err, "{} {}", lang.pick("erreur :", "error:"), e.source);
        for line in e.message.lines() {
            let _ = writeln!(err, "  {line}");
        }
    }
    if scored.is_empty() {
        return Err(Fatal::new(
            lang,
            "aucune fiche n'a pu être évaluée : pas de revue à écrire ; corrigez les fiches signalées ci-dessus",
            "no sheet could be scored: there is no review to write; fix the sheets reported above",
        ));
    }

    let previous = args.previous.as_ref().map(|p| {
        let (scored, errors) = score_inputs(std::slice::from_ref(p), q, &opts, lang);
        for e in &errors {
            let _ = writeln!(
                err,
                "{} --previous {}: {}",
                lang.pick("avertissement :", "warning:"),
                e.source,
                e.message.replace('\n', "\n  ")
            );
        }
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
            lang.pick("avertissement :", "warning:"),
            w.message(&targets_file).get(lang)
        );
    }
    drop(err);
    write_to(&target, lang, |w| w.write_all(review.html.as_bytes()))?;
    if !args.quiet {
        let dest = match &target {
            Target::Stdout => String::new(),
            Target::File(p) => format!(" → {}", p.display()),
        };
        let n = review.companies;
        let line = match lang {
            Lang::Fr => format!(
                "revue de {n} entreprise{s} écrite, {f} entrée{fs} non évaluée{fs}{dest}",
                s = if n > 1 { "s" } else { "" },
                f = errors.len(),
                fs = if errors.len() > 1 { "s" } else { "" }
            ),
            Lang::En => format!(
                "review of {n} compan{s} written, {f} input{fs} could not be scored{dest}",
                s = if n == 1 { "y" } else { "ies" },
                f = errors.len(),
                fs = if errors.len() == 1 { "" } else { "s" }
            ),
        };
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
    q: &Questionnaire,
    opts: &ScoringOptions,
    lang: Lang,
) -> (Vec<ScoredSheet>, Vec<ErrorEntry>) {
    let gathered = inputs::gather(paths);
    let (scored, mut errors) = score_all(&gathered.inputs, q, opts, lang, &ProgressBar::hidden());
    errors.extend(
        gathered
            .failures
            .iter()
            .map(|f| error_entry(&f.source, std::slice::from_ref(&f.problem), lang)),
    );
    errors.sort_by(|a, b| a.source.cmp(&b.source));
    (scored, errors)
}

fn print_sheet_warnings(err: &mut dyn Write, scored: &[ScoredSheet], lang: Lang, prefix: &str) {
    for s in scored {
        for w in &s.warnings {
            let _ = writeln!(
                err,
                "{} {prefix}{}: {}",
                lang.pick("avertissement :", "warning:"),
                s.source,
                describe(w, lang)
            );
        }
    }
}

fn company_result(s: ScoredSheet) -> CompanyResult {
    CompanyResult {
        source: s.source,
        company: s.sheet.company,
        period: s.sheet.period,
        assessment: s.assessment,
    }
}

/// Reads the targets file; any bad row is fatal, with every bad row listed by line.
fn read_targets(path: &Path, lang: Lang) -> Result<Vec<ReviewTarget>, Fatal> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| {
        let p = inputs::io_problem(&e);
        Fatal::new(
            lang,
            format!("--targets {shown} : {}", describe(&p, Lang::Fr)),
            format!("--targets {shown}: {}", describe(&p, Lang::En)),
        )
    })?;
    let text = decode_text(&bytes).map_err(|p| {
        Fatal::new(
            lang,
            format!("--targets {shown} : {}", describe(&p, Lang::Fr)),
            format!("--targets {shown}: {}", describe(&p, Lang::En)),
        )
    })?;
    parse_targets(&text).map_err(|errors| {
        let list = |l: Lang| {
            errors
                .iter()
                .map(|e| match l {
                    Lang::Fr => format!("\n  {shown}, ligne {} : {}", e.line, e.message.fr),
                    Lang::En => format!("\n  {shown}, line {}: {}", e.line, e.message.en),
                })
                .collect::<String>()
        };
        Fatal::new(
            lang,
            format!(
                "le fichier d'objectifs {shown} n'est pas utilisable ; rien n'a été écrit :{}",
                list(Lang::Fr)
            ),
            format!(
                "the targets file {shown} cannot be used; nothing was written:{}",
                list(Lang::En)
            ),
        )
    })
}
