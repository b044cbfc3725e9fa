//! `vigilance template`: write a fillable Excel answer workbook (one company per workbook, or
//! `--matrix`: one row per company, one column per question and track), built by the core
//! template writer and written atomically.

use crate::args::TemplateArgs;
use crate::fatal::Fatal;
use crate::output::{Target, write_to};
use std::process::ExitCode;
use vigilance_core::import::{answer_template, matrix_template};
use vigilance_core::{Cli, Lang};

/// Runs `vigilance template`.
pub fn run(args: &TemplateArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    let q = crate::grid::load_for_new(args.questionnaire.as_deref(), lang)?;
    let target = Target::from_arg(Some(&args.output));
    if target.is_terminal() {
        return Err(Fatal::new(lang, Cli::FatalTemplateToTerminal, &[]));
    }
    let bytes = if args.matrix {
        matrix_template(q, lang)
    } else {
        answer_template(q, lang)
    }
    .map_err(|e| Fatal::new(lang, Cli::FatalTemplate, &[("error", &e)]))?;
    write_to(&target, lang, |w| w.write_all(&bytes))?;
    Ok(ExitCode::SUCCESS)
}
