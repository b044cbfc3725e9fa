//! Loading the questionnaire a command works with: a built-in grid named on the command line
//! (`rhsf-fir`, `rhsf-fir@1.0.0`, `rhsf-fir-sme`), the default grid, or a file given with
//! `--questionnaire` (checked, every problem reported at once).

use crate::fatal::Fatal;
use crate::inputs::describe;
use std::path::Path;
use vigilance_core::registry::GridChoice;
use vigilance_core::{Cli, Lang, Problems, Questionnaire, registry};

/// The built-in grid named `name` (`rhsf-fir`, `rhsf-fir@1.0.0`).
pub fn builtin(name: &str) -> Option<&'static Questionnaire> {
    registry::by_name(name)
}

/// A name without a path separator or an extension, that reads as `id` or `id@version`.
fn looks_like_grid_name(s: &str) -> bool {
    !s.contains(['/', '\\']) && !s.ends_with(".json")
}

/// Every built-in grid as `id@version`, for messages.
pub fn known_names() -> String {
    registry::builtin_grids()
        .iter()
        .map(|q| format!("{}@{}", q.id, q.version))
        .collect::<Vec<_>>()
        .join(", ")
}

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

/// The grid to start new answers on (`template`, `questionnaire show`): the built-in grid `path`
/// names, the file at `path`, or, without `path`, the default grid (the latest `rhsf-fir`).
pub fn load_for_new(path: Option<&Path>, lang: Lang) -> Result<&'static Questionnaire, Fatal> {
    match path {
        None => Ok(registry::default_grid()),
        Some(_) => load(path, lang),
    }
}

/// The grids to read sheets with (`score`, `validate`, `report`, `--previous`): with `path`,
/// the one grid it names or holds, for every sheet; without, each sheet on the built-in grid
/// version it names (those naming none on `rhsf-fir` 1.0.0).
pub fn choice(path: Option<&Path>, lang: Lang) -> Result<GridChoice<'static>, Fatal> {
    match path {
        None => Ok(GridChoice::named()),
        Some(_) => load(path, lang).map(GridChoice::Forced),
    }
}

/// The grid to read sheets with when one is forced: the built-in grid `path` names
/// (`rhsf-fir@1.0.0`), the file at `path`, or, without `path`, `rhsf-fir` 1.0.0 (the grid every
/// sheet answered until 1.1.0). A questionnaire that cannot be used is a fatal error: nothing
/// can be scored without it.
///
/// The loaded questionnaire lives as long as the process (it is leaked on purpose: one per
/// run, needed until the end), so that it can be shared with worker threads like the built-in.
pub fn load(path: Option<&Path>, lang: Lang) -> Result<&'static Questionnaire, Fatal> {
    let Some(path) = path else {
        return Ok(registry::unnamed_sheet_grid().unwrap_or_else(registry::default_grid));
    };
    if let Some(grid) = path.to_str().and_then(builtin) {
        return Ok(grid);
    }
    if let Some(name) = path
        .to_str()
        .filter(|s| looks_like_grid_name(s) && !path.exists())
    {
        let known = known_names();
        return Err(Fatal::new(
            lang,
            Cli::FatalUnknownGrid,
            &[("name", &name), ("known", &known)],
        ));
    }
    let shown = crate::platform::shown(path);
    let file = read(path).map_err(|p| {
        Fatal::new(
            lang,
            Cli::FatalQuestionnaireRead,
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
                Cli::FatalQuestionnaireInvalid,
                &[("path", &shown), ("problems", &list)],
            ))
        }
    }
}
