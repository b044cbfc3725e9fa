//! The built-in grids: every version of every grid that ships with Vigilance, embedded at compile
//! time so that the CLI and the browser score with the very same files, and how a sheet finds
//! the grid it was answered on.
//!
//! Versions live side by side: a sheet answered on `rhsf-fir` 1.0.0 is scored on 1.0.0 forever;
//! new assessments start on the default grid (the latest version of [`DEFAULT_GRID_ID`]).
//! A grid is named `id@version` on the command line (`rhsf-fir@1.0.0`), or just `id` for its
//! latest version.

use crate::mapping::compare_versions;
use crate::questionnaire::Questionnaire;
use std::sync::OnceLock;

/// The id of the grid new assessments start on.
pub const DEFAULT_GRID_ID: &str = "rhsf-fir";

/// The embedded grid files, oldest version first for each id.
const FILES: &[(&str, &str)] = &[
    (
        "questionnaires/rhsf-fir-1.0.0.json",
        include_str!("../../questionnaires/rhsf-fir-1.0.0.json"),
    ),
    (
        "questionnaires/rhsf-fir-1.1.0.json",
        include_str!("../../questionnaires/rhsf-fir-1.1.0.json"),
    ),
    (
        "questionnaires/rhsf-fir-sme-1.0.0.json",
        include_str!("../../questionnaires/rhsf-fir-sme-1.0.0.json"),
    ),
];

/// Every built-in grid, parsed and checked once, sorted by id then version.
pub fn builtin_grids() -> &'static [Questionnaire] {
    static GRIDS: OnceLock<Vec<Questionnaire>> = OnceLock::new();
    GRIDS.get_or_init(|| {
        let mut grids: Vec<Questionnaire> = FILES
            .iter()
            .map(|(path, json)| match Questionnaire::parse(json) {
                Ok(q) => q,
                // The files are checked by this crate's tests; reaching this is a build defect.
                Err(e) => panic!("the built-in grid {path} is invalid: {e}"),
            })
            .collect();
        grids.sort_by(|a, b| {
            a.id.cmp(&b.id)
                .then_with(|| compare_versions(&a.version, &b.version))
        });
        grids
    })
}

/// The versions of grid `id`, oldest first.
pub fn versions(id: &str) -> impl Iterator<Item = &'static Questionnaire> + use<'_> {
    builtin_grids().iter().filter(move |q| q.id == id)
}

/// The latest built-in version of grid `id`.
pub fn latest(id: &str) -> Option<&'static Questionnaire> {
    versions(id).last()
}

/// The built-in grid `id` at `version` exactly.
pub fn find(id: &str, version: &str) -> Option<&'static Questionnaire> {
    versions(id).find(|q| q.version == version)
}

/// The grid new assessments start on: the latest version of [`DEFAULT_GRID_ID`].
pub fn default_grid() -> &'static Questionnaire {
    match latest(DEFAULT_GRID_ID) {
        Some(q) => q,
        // FILES always holds the default grid; a test checks it.
        None => panic!("no built-in grid {DEFAULT_GRID_ID}"),
    }
}

/// A grid named on the command line: `rhsf-fir` (its latest version) or `rhsf-fir@1.0.0`.
/// `None` when no built-in grid has that name (the caller may then read it as a file path).
pub fn by_name(name: &str) -> Option<&'static Questionnaire> {
    match name.split_once('@') {
        Some((id, version)) => find(id, version),
        None => latest(name),
    }
}

/// The built-in grid a sheet naming `id` and `version` is scored on: that version when it is
/// built in; else the latest version of `id` (the sheet then gets a version warning when it is
/// read); `None` when no built-in grid has that id.
pub fn for_sheet(id: &str, version: &str) -> Option<&'static Questionnaire> {
    find(id, version).or_else(|| latest(id))
}

/// Which grid answer sheets are read and scored with: one grid for all (`--questionnaire`), or
/// each sheet's own.
#[derive(Clone, Copy, Debug)]
pub enum GridChoice<'q> {
    /// Every sheet on this grid; a sheet naming another grid is refused, another version of it
    /// is read with a warning.
    Forced(&'q Questionnaire),
    /// Each sheet on the built-in grid it names ([`for_sheet`]: that version, else the latest
    /// of that grid, with a version warning). A sheet naming no grid, or a grid that is not
    /// built in (which its check then reports), is read with `fallback`.
    Named {
        /// The grid of sheets that name none.
        fallback: &'q Questionnaire,
    },
}

impl GridChoice<'static> {
    /// Each sheet on the grid it names; sheets naming none on `rhsf-fir` 1.0.0, the grid every
    /// sheet answered before grids had versions.
    pub fn named() -> GridChoice<'static> {
        GridChoice::Named {
            fallback: Questionnaire::builtin(),
        }
    }
}

impl<'q> GridChoice<'q> {
    /// The grid for a sheet naming grid `id` at `version` (`None` when it names none).
    pub fn grid_for(self, named: Option<(&str, &str)>) -> &'q Questionnaire {
        match self {
            GridChoice::Forced(q) => q,
            GridChoice::Named { fallback } => named
                .and_then(|(id, version)| for_sheet(id, version))
                .unwrap_or(fallback),
        }
    }

    /// The grid for a sheet whose JSON text is `text` (its `questionnaire` reference, read
    /// without reading the rest).
    pub fn grid_for_json(self, text: &str) -> &'q Questionnaire {
        match self {
            GridChoice::Forced(q) => q,
            GridChoice::Named { .. } => {
                let named = peek_questionnaire(text);
                self.grid_for(named.as_ref().map(|(i, v)| (i.as_str(), v.as_str())))
            }
        }
    }
}

/// The `questionnaire` reference of an answer sheet's JSON text, read without reading the rest
/// (so that the right grid can be chosen before the sheet is checked against it). `None` when
/// the text is not a JSON object or names no questionnaire.
pub fn peek_questionnaire(text: &str) -> Option<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Head {
        questionnaire: Option<Ref>,
    }
    #[derive(serde::Deserialize)]
    struct Ref {
        id: Option<String>,
        version: Option<String>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head: Head = serde_json::from_str(text).ok()?;
    let r = head.questionnaire?;
    Some((r.id?, r.version.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_grid_loads_and_is_unique() {
        let grids = builtin_grids();
        assert_eq!(grids.len(), FILES.len());
        for pair in grids.windows(2) {
            assert!(
                (pair[0].id.as_str(), pair[0].version.as_str())
                    != (pair[1].id.as_str(), pair[1].version.as_str()),
                "{} is built in twice",
                pair[0].name()
            );
        }
    }

    #[test]
    fn file_names_match_ids_and_versions() {
        for (path, json) in FILES {
            let q = Questionnaire::parse(json).map_err(|e| e.to_string());
            let q = q.as_ref().map_err(String::as_str);
            assert_eq!(
                q.map(|q| format!("questionnaires/{}-{}.json", q.id, q.version)),
                Ok(path.to_string())
            );
        }
    }

    #[test]
    fn names_pick_versions() {
        assert_eq!(
            by_name("rhsf-fir@1.0.0").map(|q| q.version.as_str()),
            Some("1.0.0")
        );
        assert_eq!(
            by_name("rhsf-fir").map(|q| q.version.as_str()),
            latest("rhsf-fir").map(|q| q.version.as_str())
        );
        assert!(by_name("rhsf-fir@9.9.9").is_none());
        assert!(by_name("no-such-grid").is_none());
        assert_eq!(default_grid().id, DEFAULT_GRID_ID);
    }

    #[test]
    fn a_sheet_is_scored_on_the_version_it_names() {
        assert_eq!(
            for_sheet("rhsf-fir", "1.0.0").map(|q| q.version.as_str()),
            Some("1.0.0")
        );
        // An unknown version falls back to the latest (the reader then warns).
        assert_eq!(
            for_sheet("rhsf-fir", "0.9.0").map(|q| q.version.as_str()),
            latest("rhsf-fir").map(|q| q.version.as_str())
        );
        assert!(for_sheet("other-grid", "1.0.0").is_none());
    }

    #[test]
    fn every_builtin_grid_has_a_provenance() {
        for grid in builtin_grids() {
            let p = grid.provenance.as_ref().map_or("", |t| t.en.as_str());
            assert!(
                p.contains("not endorsed by RHSF or the FIR"),
                "{}",
                grid.name()
            );
        }
    }

    #[test]
    fn each_sheet_gets_the_grid_it_names_unless_one_is_forced() {
        let named = GridChoice::named();
        let v = |q: &Questionnaire| format!("{}@{}", q.id, q.version);
        assert_eq!(
            v(named.grid_for(Some(("rhsf-fir", "1.1.0")))),
            "rhsf-fir@1.1.0"
        );
        assert_eq!(
            v(named.grid_for(Some(("rhsf-fir", "1.0.0")))),
            "rhsf-fir@1.0.0"
        );
        assert_eq!(
            v(named.grid_for(Some(("rhsf-fir-sme", "0.1.0")))),
            "rhsf-fir-sme@1.0.0"
        );
        // No grid named, or one not built in: the fallback (whose check reports the latter).
        assert_eq!(v(named.grid_for(None)), "rhsf-fir@1.0.0");
        assert_eq!(
            v(named.grid_for(Some(("other", "1.0.0")))),
            "rhsf-fir@1.0.0"
        );
        let sme = "{\"questionnaire\":{\"id\":\"rhsf-fir-sme\",\"version\":\"1.0.0\"}}";
        assert_eq!(v(named.grid_for_json(sme)), "rhsf-fir-sme@1.0.0");
        assert_eq!(v(named.grid_for_json("not json")), "rhsf-fir@1.0.0");
        let forced = GridChoice::Forced(default_grid());
        assert_eq!(v(forced.grid_for_json(sme)), v(default_grid()));
    }

    #[test]
    fn peeks_the_questionnaire_of_a_sheet() {
        let sheet = "\u{feff}{\"format\":\"vigilance.answers/1\",\"answers\":{},\
                     \"questionnaire\":{\"id\":\"rhsf-fir\",\"version\":\"1.0.0\"}}";
        assert_eq!(
            peek_questionnaire(sheet),
            Some(("rhsf-fir".into(), "1.0.0".into()))
        );
        assert_eq!(peek_questionnaire("[1, 2]"), None);
        assert_eq!(peek_questionnaire("{\"answers\":{}}"), None);
    }
}
