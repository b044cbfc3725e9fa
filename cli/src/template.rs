//! `vigilance template`: write a fillable Excel answer workbook (one company per workbook, or
//! `--matrix`: one row per company), built by the core template writer.

use crate::args::TemplateArgs;
use crate::fatal::Fatal;
use std::process::ExitCode;
use vigilance_core::Lang;

/// Runs `vigilance template`.
pub fn run(args: &TemplateArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    let _q = crate::grid::load(args.questionnaire.as_deref(), lang)?;
    Err(Fatal::new(
        lang,
        "les classeurs modèles ne sont pas encore disponibles dans cette version",
        "answer workbook templates are not available in this build yet",
    ))
}
