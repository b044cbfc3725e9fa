//! Loading the questionnaire a command works with: the built-in `rhsf-fir` grid, or a file given
//! with `--questionnaire` (checked, every problem reported at once).

use crate::fatal::Fatal;
use crate::inputs::describe;
use std::path::Path;
use vigilance_core::{Lang, Msg, Problems, Questionnaire};

/// The questionnaire file's bytes and what reading them gave.
pub struct GridFile {
    /// The file's content (for snippets in messages).
    pub bytes: Vec<u8>,
    /// The questionnaire, or every problem found.
    pub result: Result<Questionnaire, Problems>,
}

/// Reads and checks a questionnaire file.
pub fn read(path: &Path) -> Result<GridFile, Box<vigilance_core::Problem>> {
    let bytes = std::fs::read(path).map_err(|e| Box::new(crate::inputs::io_problem(&e)))?;
    let result = Questionnaire::parse_bytes(&bytes);
    Ok(GridFile { bytes, result })
}

/// The questionnaire to use: the built-in grid, or the file at `path`. A questionnaire that
/// cannot be used is a fatal error: nothing can be scored without it.
///
/// The loaded questionnaire lives as long as the process (it is leaked on purpose: one per
/// run, needed until the end), so that it can be shared with worker threads like the built-in.
pub fn load(path: Option<&Path>, lang: Lang) -> Result<&'static Questionnaire, Fatal> {
    let Some(path) = path else {
        return Ok(Questionnaire::builtin());
    };
    let shown = path.display();
    let file = read(path).map_err(|p| {
        Fatal::new(
            lang,
            Msg::FatalQuestionnaireRead,
            &[("path", &shown), ("problem", &describe(&p, lang))],
        )
    })?;
    match file.result {
        Ok(q) => Ok(Box::leak(Box::new(q))),
        Err(problems) => {
            let list: String = problems
                .0
                .iter()
                .map(|p| format!("\n  {}", describe(p, lang)))
                .collect();
            Err(Fatal::new(
                lang,
                Msg::FatalQuestionnaireInvalid,
                &[("path", &shown), ("problems", &list)],
            ))
        }
    }
}
