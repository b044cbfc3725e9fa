//! Loading the questionnaire a command works with: the built-in `rhsf-fir` grid, or a file given
//! with `--questionnaire` (checked, every problem reported at once).

use crate::fatal::Fatal;
use crate::inputs::describe;
use std::path::Path;
use vigilance_core::{Lang, Problems, Questionnaire};

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
    let shown = crate::platform::shown(path);
    let file = read(path).map_err(|p| {
        Fatal::new(
            lang,
            format!("questionnaire {shown} : {}", describe(&p, Lang::Fr)),
            format!("questionnaire {shown}: {}", describe(&p, Lang::En)),
        )
    })?;
    match file.result {
        Ok(q) => Ok(Box::leak(Box::new(q))),
        Err(problems) => {
            let list = |l: Lang| {
                problems
                    .0
                    .iter()
                    .map(|p| format!("\n  {}", describe(p, l)))
                    .collect::<String>()
            };
            Err(Fatal::new(
                lang,
                format!(
                    "le questionnaire {shown} n'est pas utilisable :{}\n(`vigilance validate --questionnaire {shown}` montre chaque problème dans son contexte)",
                    list(Lang::Fr)
                ),
                format!(
                    "the questionnaire {shown} cannot be used:{}\n(`vigilance validate --questionnaire {shown}` shows each problem in context)",
                    list(Lang::En)
                ),
            ))
        }
    }
}
