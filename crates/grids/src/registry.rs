//! The built-in grids: every version of every grid that ships with Vigilance, embedded at compile
//! time so that the CLI and the browser score with the very same files, and how a sheet finds
//! the grid it was answered on.
//!
//! Versions live side by side: a sheet answered on `rhsf-fir` 1.0.0 is scored on 1.0.0 forever;
//! new assessments start on the default grid (the latest version of [`DEFAULT_GRID_ID`]).
//! A grid is named `id@version` on the command line (`rhsf-fir@1.0.0`), or just `id` for its
//! latest version.
//!
//! Which files are embedded: every built-in grid on native targets (the CLI); on `wasm32` only
//! the default grid, unless the `all-grids` feature is on. The web app keeps its first download
//! small that way and loads the other built-in files ([`BUILTIN`]) from its own static files when
//! an assessment needs them, then hands them to [`register`]; from then on they are found here
//! like embedded ones. There the default grid itself is embedded without its regulation mapping
//! (`frameworks`, `mappings`: see `lite_grid.rs`), which only the results' regulation section
//! reads: such a grid [`is_partial`], and registering the full file replaces it.

use crate::mapping::compare_versions;
use crate::problem::Problems;
use crate::questionnaire::Questionnaire;
use std::sync::{Mutex, OnceLock, PoisonError};

/// Who a built-in grid is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The full grid, for companies.
    Full,
    /// A light grid, for SMEs and suppliers.
    Light,
}

/// A built-in grid as the manifest lists it, whether or not this build embeds its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinGrid {
    /// The grid's id (`rhsf-fir`).
    pub id: &'static str,
    /// Its version (`1.1.0`).
    pub version: &'static str,
    /// Its file, from the repository's root (`questionnaires/rhsf-fir-1.1.0.json`).
    pub file: &'static str,
    /// Who it is for.
    pub audience: Audience,
}

// BUILTIN, DEFAULT, UNNAMED and FILES, generated from questionnaires/grids.toml.
include!(concat!(env!("OUT_DIR"), "/manifest.rs"));

/// The id of the grid new assessments start on.
pub const DEFAULT_GRID_ID: &str = DEFAULT.0;

/// Whether the embedded files lack their regulation mapping (see [`is_partial`]).
const EMBEDDED_ARE_PARTIAL: bool = cfg!(all(target_arch = "wasm32", not(feature = "all-grids")));

/// Built-in grids loaded at run time ([`register`]), each parsed once and kept for the program's
/// life.
static REGISTERED: Mutex<Vec<&'static Questionnaire>> = Mutex::new(Vec::new());

/// Whether `id` at `version` is a built-in grid (embedded in this build or not).
pub fn is_builtin(id: &str, version: &str) -> bool {
    builtin(id, version).is_some()
}

/// The manifest's entry for grid `id` at `version`, if it is a built-in grid.
pub fn builtin(id: &str, version: &str) -> Option<&'static BuiltinGrid> {
    BUILTIN.iter().find(|g| g.id == id && g.version == version)
}

/// Whether grid `id` is a light grid (for SMEs and suppliers), as the manifest says; a grid that
/// is not built in is taken for a full grid.
pub fn is_light(id: &str) -> bool {
    BUILTIN
        .iter()
        .any(|g| g.id == id && g.audience == Audience::Light)
}

/// Adds a built-in grid file loaded at run time (the web app's on-demand grids): parsed and
/// checked, then found by [`find`], [`for_sheet`]… like an embedded one. Registering a grid that
/// is already there returns the one already there, unless that one [`is_partial`]: the full file
/// then takes its place. A file that is not one of [`BUILTIN`] is
/// accepted only for its checks and is not added (returned all the same).
pub fn register(json: &str) -> Result<&'static Questionnaire, Problems> {
    let q = Questionnaire::parse_builtin(json)?;
    if let Some(known) = find(&q.id, &q.version).filter(|k| !is_partial(k)) {
        return Ok(known);
    }
    let q: &'static Questionnaire = Box::leak(Box::new(q));
    if is_builtin(&q.id, &q.version) {
        REGISTERED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(q);
    }
    Ok(q)
}

/// Whether `grid` is an embedded grid without its regulation mapping (the browser's first
/// download: see the module's documentation) that no full file has replaced yet. Everything but
/// the results' regulation section and coverage can use it as it is.
pub fn is_partial(grid: &Questionnaire) -> bool {
    EMBEDDED_ARE_PARTIAL
        && builtin_grids().iter().any(|g| std::ptr::eq(g, grid))
        && !registered()
            .iter()
            .any(|r| r.id == grid.id && r.version == grid.version)
}

/// The grids available now that [`is_partial`]: the ones whose full file the web app loads
/// when the results are first shown.
pub fn partial() -> Vec<&'static Questionnaire> {
    available().into_iter().filter(|q| is_partial(q)).collect()
}

fn registered() -> Vec<&'static Questionnaire> {
    REGISTERED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// Every grid available now: the embedded ones and those [`register`]ed (a registered file in
/// place of the embedded grid it completes), sorted by id then version.
pub fn available() -> Vec<&'static Questionnaire> {
    let registered = registered();
    let mut all: Vec<&'static Questionnaire> = builtin_grids()
        .iter()
        .filter(|g| {
            !registered
                .iter()
                .any(|r| r.id == g.id && r.version == g.version)
        })
        .collect();
    all.extend(registered);
    all.sort_by(|a, b| {
        a.id.cmp(&b.id)
            .then_with(|| compare_versions(&a.version, &b.version))
    });
    all
}

/// Every grid embedded in this build, parsed and checked once, sorted by id then version.
pub fn builtin_grids() -> &'static [Questionnaire] {
    static GRIDS: OnceLock<Vec<Questionnaire>> = OnceLock::new();
    GRIDS.get_or_init(|| {
        let mut grids: Vec<Questionnaire> = FILES
            .iter()
            .map(|(path, json)| match Questionnaire::parse_builtin(json) {
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

/// The versions of grid `id` available now, oldest first.
pub fn versions(id: &str) -> impl Iterator<Item = &'static Questionnaire> + use<'_> {
    available().into_iter().filter(move |q| q.id == id)
}

/// The latest built-in version of grid `id`.
pub fn latest(id: &str) -> Option<&'static Questionnaire> {
    versions(id).last()
}

/// The built-in grid `id` at `version` exactly.
pub fn find(id: &str, version: &str) -> Option<&'static Questionnaire> {
    versions(id).find(|q| q.version == version)
}

/// The grid new assessments start on (the manifest's `default`).
pub fn default_grid() -> &'static Questionnaire {
    match find(DEFAULT.0, DEFAULT.1) {
        Some(q) => q,
        // FILES always holds the default grid (build.rs checks the manifest; a test checks it).
        None => panic!("no built-in grid {}@{}", DEFAULT.0, DEFAULT.1),
    }
}

/// The grid an answer sheet that names none is read on by the command line (the manifest's
/// `unnamed`), when this build holds it (native builds always do).
pub fn unnamed_sheet_grid() -> Option<&'static Questionnaire> {
    find(UNNAMED.0, UNNAMED.1)
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
    /// Each sheet on the grid it names; sheets naming none on the manifest's `unnamed` grid
    /// (`rhsf-fir` 1.0.0, the grid every sheet answered before grids had versions), or on the
    /// default grid where this build does not hold that one.
    pub fn named() -> GridChoice<'static> {
        GridChoice::Named {
            fallback: unnamed_sheet_grid().unwrap_or_else(default_grid),
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
///
/// Reading stops at the `questionnaire` key, which comes first in the sheets Vigilance writes:
/// the answers after it are not even scanned.
pub fn peek_questionnaire(text: &str) -> Option<(String, String)> {
    use serde::Deserialize;
    use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
    use std::fmt;

    #[derive(Deserialize)]
    struct Ref {
        id: Option<String>,
        version: Option<String>,
    }
    /// Walks the top-level keys; on `questionnaire`, keeps it and stops the reader (with an
    /// error that only means "found").
    struct Head<'a>(&'a mut Option<Ref>);
    const FOUND: &str = "questionnaire found";
    impl<'de> DeserializeSeed<'de> for Head<'_> {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Head<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an answer sheet")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == "questionnaire" {
                    *self.0 = map.next_value::<Option<Ref>>()?;
                    return Err(de::Error::custom(FOUND));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut found = None;
    let mut de = serde_json::Deserializer::from_str(text);
    // An error is expected when the key is found; any other outcome leaves `found` empty.
    let _ = Head(&mut found).deserialize(&mut de);
    let r = found?;
    Some((r.id?, r.version.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_naming_no_grid_is_read_on_the_manifests_unnamed_grid() {
        let found = find("rhsf-fir", "1.0.0").expect("1.0.0 is embedded natively");
        assert!(std::ptr::eq(unnamed_sheet_grid().expect("embedded"), found));
        let named = GridChoice::named().grid_for(None);
        assert!(std::ptr::eq(named, found));
    }

    mod lite {
        include!("lite_grid.rs");
    }

    #[test]
    fn the_first_download_copy_of_the_default_grid_scores_like_the_file() {
        let full = default_grid();
        let file = builtin(&full.id, &full.version).expect("listed").file;
        let path = format!("{}/../../{file}", env!("CARGO_MANIFEST_DIR"));
        let text = &std::fs::read_to_string(&path).expect("the default grid's file");
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        let lite = Questionnaire::parse_builtin(&lite::lite_grid_json(value)).expect("valid grid");
        assert!(lite.frameworks.is_empty());
        assert!(lite.questions.iter().all(|q| q.mappings.is_empty()));
        assert!(!full.frameworks.is_empty());
        // Nothing else is left out: both read alike once stripped the same way.
        let stripped = |q: &Questionnaire| -> serde_json::Value {
            let value = serde_json::to_value(q).expect("written");
            serde_json::from_str(&lite::lite_grid_json(value)).expect("JSON")
        };
        assert_eq!(stripped(&lite), stripped(full));
        // And every example sheet scores alike on both.
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/examples-1.0/examples"
        );
        let mut scored = 0;
        for entry in std::fs::read_dir(dir).expect("examples") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let Ok(parsed) = vigilance_model::AnswerSheet::parse(&text, full) else {
                continue;
            };
            let options = vigilance_model::ScoringOptions::default();
            assert_eq!(
                vigilance_model::score(&lite, &parsed.value, &options),
                vigilance_model::score(full, &parsed.value, &options),
                "{}",
                path.display()
            );
            scored += 1;
        }
        assert!(scored >= 5, "only {scored} examples scored");
    }

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
            "rhsf-fir-sme@1.1.0"
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
    fn every_embedded_grid_is_listed_as_builtin() {
        for grid in builtin_grids() {
            assert!(is_builtin(&grid.id, &grid.version), "{}", grid.name());
        }
        assert!(is_builtin(DEFAULT_GRID_ID, &default_grid().version));
        // Natively every grid of the manifest is embedded.
        assert_eq!(builtin_grids().len(), BUILTIN.len());
        for g in BUILTIN {
            let q = find(g.id, g.version).expect("embedded natively");
            assert_eq!(
                is_light(g.id),
                g.audience == Audience::Light,
                "{}",
                q.name()
            );
        }
        assert!(!is_light(DEFAULT_GRID_ID));
    }

    #[test]
    fn registering_a_grid_already_there_returns_it() {
        let json = include_str!("../../../questionnaires/rhsf-fir-sme-1.0.0.json");
        let q = register(json).map(|q| q.name());
        assert_eq!(q.ok(), find("rhsf-fir-sme", "1.0.0").map(|q| q.name()));
        let count = versions("rhsf-fir-sme").count();
        assert_eq!(count, 2);
        assert!(register("{").is_err());
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
        // Found before the rest is read, even when what follows is broken.
        assert_eq!(
            peek_questionnaire("{\"questionnaire\":{\"id\":\"x\"}, \"answers\": [oops"),
            Some(("x".into(), String::new()))
        );
        assert_eq!(
            peek_questionnaire(
                "{\"answers\":{\"Q01\":{\"CL\":\"yes\"}},\"questionnaire\":{\"id\":\"y\",\"version\":\"2\"}}"
            ),
            Some(("y".into(), "2".into()))
        );
        assert_eq!(peek_questionnaire("{\"questionnaire\": null}"), None);
        assert_eq!(peek_questionnaire("{\"answers\":{}}"), None);
    }
}
