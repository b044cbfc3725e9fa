//! The file reports of `vigilance score` built by the core writers: the Excel workbook and the
//! CSV summary. (The JSON result document is streamed by `score` itself.)

use crate::args::Format;
use crate::fatal::Fatal;
use crate::score::Scored;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::{Lang, Questionnaire};

/// The bytes of the report in `format` (xlsx or csv).
pub fn render(
    format: Format,
    q: &Questionnaire,
    scored: &[Scored],
    errors: &[ErrorEntry],
    previous: Option<Vec<Scored>>,
    lang: Lang,
) -> Result<Vec<u8>, Fatal> {
    let _ = (q, scored, errors, previous);
    match format {
        Format::Xlsx => Err(Fatal::new(
            lang,
            "le classeur Excel n'est pas encore disponible dans cette version : utilisez --format json ou --format csv",
            "the Excel workbook is not available in this build yet: use --format json or --format csv",
        )),
        Format::Csv => Err(Fatal::new(
            lang,
            "le résumé CSV n'est pas encore disponible dans cette version : utilisez --format json",
            "the CSV summary is not available in this build yet: use --format json",
        )),
        Format::Json => Err(Fatal::new(
            lang,
            "format JSON inattendu ici",
            "unexpected JSON format here",
        )),
    }
}
