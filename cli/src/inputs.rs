//! From the INPUTS given on the command line to the list of answer files to read: files as
//! given, directories searched recursively for `.json`, `.xlsx` and `.csv`, and `-` for standard
//! input. Inputs that cannot be used (a missing file, a directory without answer files, a file
//! of another type) become [`InputFailure`]s that name the input and say what to do, so that the
//! rest of the batch goes on.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use vigilance_core::answers::MAX_SHEET_BYTES;
use vigilance_core::import::MAX_SPREADSHEET_BYTES;
use vigilance_core::{Lang, Problem, ProblemKind};

/// The kinds of answer files Vigilance reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A `vigilance.answers/1` answer sheet.
    Json,
    /// A workbook made with `vigilance template` (either layout).
    Xlsx,
    /// A CSV file in the matrix layout (one row per company).
    Csv,
}

impl InputKind {
    /// The kind a file name's extension says, if it is one of ours.
    pub fn from_path(path: &Path) -> Option<InputKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(InputKind::Json),
            "xlsx" => Some(InputKind::Xlsx),
            "csv" => Some(InputKind::Csv),
            _ => None,
        }
    }

    /// The kind of content, guessed from its first bytes (standard input, files without an
    /// extension).
    pub fn sniff(bytes: &[u8]) -> InputKind {
        if bytes.starts_with(b"PK\x03\x04") {
            return InputKind::Xlsx;
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') | None => InputKind::Json,
            // UTF-16 text starts with a zero byte or a byte-order mark: let the JSON reader name
            // the encoding.
            Some(0) | Some(0xFF) | Some(0xFE) => InputKind::Json,
            _ => InputKind::Csv,
        }
    }
}

/// Where an input's bytes come from.
#[derive(Clone, Debug)]
pub enum Origin {
    /// A file.
    File(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
}

/// One answer file to read.
#[derive(Clone, Debug)]
pub struct Input {
    /// How the input is named in reports: the path as given (joined for directory entries), or
    /// `-`.
    pub source: String,
    /// Where its bytes come from.
    pub origin: Origin,
    /// Its kind; `None` when it must be guessed from the content.
    pub kind: Option<InputKind>,
}

impl Input {
    /// The input's bytes and kind, or a problem that says why they cannot be had.
    ///
    /// A file larger than core reads for its kind is refused from its size alone, before any of
    /// it is read.
    pub fn read(&self) -> Result<(Vec<u8>, InputKind), Box<Problem>> {
        let bytes = match &self.origin {
            Origin::Stdin(b) => b.clone(),
            Origin::File(p) => {
                let size = std::fs::metadata(p)
                    .map_err(|e| Box::new(io_problem(&e)))?
                    .len();
                let limit = size_limit(self.kind);
                if size > limit as u64 {
                    return Err(Box::new(too_large(&self.source, size, limit, self.kind)));
                }
                std::fs::read(p).map_err(|e| Box::new(io_problem(&e)))?
            }
        };
        let kind = self.kind.unwrap_or_else(|| InputKind::sniff(&bytes));
        Ok((bytes, kind))
    }
}

/// The largest file core reads for a kind of input (the largest of all when the kind is to be
/// guessed from the content: core checks again once it is known).
pub fn size_limit(kind: Option<InputKind>) -> usize {
    match kind {
        Some(InputKind::Json) => MAX_SHEET_BYTES,
        // Core reads workbooks and CSV matrices (many companies per file) up to the same size.
        Some(InputKind::Xlsx) | Some(InputKind::Csv) | None => MAX_SPREADSHEET_BYTES,
    }
}

/// A file too large to read, with its size and the limit.
fn too_large(source: &str, size: u64, limit: usize, kind: Option<InputKind>) -> Problem {
    let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
    let (what_fr, what_en) = match kind {
        Some(InputKind::Json) => ("une fiche de réponses JSON", "a JSON answer sheet"),
        Some(InputKind::Xlsx) => ("un classeur Excel", "an Excel workbook"),
        Some(InputKind::Csv) => ("un fichier CSV", "a CSV file"),
        None => ("une fiche de réponses", "an answer file"),
    };
    let (s, l) = (mib(size), mib(limit as u64));
    plain_problem(
        format!(
            "{source} fait {size} octets ({s:.1} Mio), au-delà de la limite de {limit} octets ({l:.0} Mio) pour {what_fr} : le fichier n'a pas été lu ; vérifiez qu'il s'agit bien d'une fiche de réponses, ou scindez-le"
        ),
        format!(
            "{source} is {size} bytes ({s:.1} MiB), over the limit of {limit} bytes ({l:.0} MiB) for {what_en}: the file was not read; check that it is an answer file, or split it"
        ),
    )
}

/// An input that cannot be used at all, with the reason.
#[derive(Clone, Debug)]
pub struct InputFailure {
    /// The input as given.
    pub source: String,
    /// What is wrong and what to do.
    pub problem: Problem,
}

/// The outcome of gathering the inputs.
#[derive(Debug, Default)]
pub struct Gathered {
    /// Answer files to read, sorted by source and without repeats.
    pub inputs: Vec<Input>,
    /// Inputs that cannot be used.
    pub failures: Vec<InputFailure>,
}

/// A problem in both languages, not tied to a place in a file.
pub fn plain_problem(fr: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem::error(
        "",
        ProblemKind::Other {
            fr: fr.into(),
            en: en.into(),
        },
    )
}

/// The sentence of a problem in `lang`, with its place when it has one.
pub fn describe(problem: &Problem, lang: Lang) -> String {
    if problem.path.is_empty() && problem.span.is_none() {
        problem.kind.message(lang)
    } else {
        problem.describe(lang)
    }
}

/// Why a file cannot be read, in words a user can act on.
pub fn io_problem(e: &std::io::Error) -> Problem {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => plain_problem(
            "fichier introuvable : vérifiez le chemin et le nom du fichier",
            "no such file or directory: check the path and the file name",
        ),
        PermissionDenied => plain_problem(
            "lecture refusée : vérifiez les droits d'accès au fichier",
            "permission denied: check the file's access rights",
        ),
        IsADirectory => plain_problem(
            "c'est un dossier et non un fichier",
            "this is a directory, not a file",
        ),
        _ => plain_problem(
            format!("le fichier ne peut pas être lu ({e})"),
            format!("the file cannot be read ({e})"),
        ),
    }
}

fn wrong_type(ext: &str) -> Problem {
    let what_fr = if ext.is_empty() {
        "ce fichier".to_string()
    } else {
        format!("un fichier .{ext}")
    };
    let what_en = if ext.is_empty() {
        "this file".to_string()
    } else {
        format!("a .{ext} file")
    };
    plain_problem(
        format!(
            "{what_fr} n'est pas une fiche de réponses : donnez des fiches .json (exportées de l'application), des classeurs .xlsx faits avec `vigilance template`, ou un .csv au format matrice"
        ),
        format!(
            "{what_en} is not an answer sheet: give .json answer sheets (exported from the app), .xlsx workbooks made with `vigilance template`, or a .csv in the matrix layout"
        ),
    )
}

fn display(path: &Path) -> String {
    crate::platform::shown(path)
}

/// Gathers the answer files of `args`. Standard input (`-`) is read here, once.
pub fn gather(args: &[PathBuf]) -> Gathered {
    let mut out = Gathered::default();
    let mut seen = BTreeSet::new();
    let mut stdin_read = false;
    for arg in args {
        if arg.as_os_str() == "-" {
            if stdin_read {
                continue;
            }
            stdin_read = true;
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => out.inputs.push(Input {
                    source: "-".into(),
                    kind: Some(InputKind::sniff(&bytes)),
                    origin: Origin::Stdin(bytes),
                }),
                Err(e) => out.failures.push(InputFailure {
                    source: "-".into(),
                    problem: io_problem(&e),
                }),
            }
            continue;
        }
        let source = display(arg);
        match std::fs::metadata(arg) {
            Err(e) => out.failures.push(InputFailure {
                source,
                problem: io_problem(&e),
            }),
            Ok(m) if m.is_dir() => {
                let before = out.inputs.len();
                walk(arg, &mut out, &mut seen);
                if out.inputs.len() == before && !out.failures.iter().any(|f| f.source == source) {
                    out.failures.push(InputFailure {
                        source,
                        problem: plain_problem(
                            "aucune fiche de réponses (.json, .xlsx, .csv) dans ce dossier : vérifiez le chemin, ou placez-y les fiches à évaluer",
                            "no answer sheet (.json, .xlsx, .csv) in this directory: check the path, or put the sheets to score in it",
                        ),
                    });
                }
            }
            Ok(_) => {
                if !seen.insert(arg.clone()) {
                    continue;
                }
                let ext = arg
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                match InputKind::from_path(arg) {
                    Some(kind) => out.inputs.push(Input {
                        source,
                        origin: Origin::File(arg.clone()),
                        kind: Some(kind),
                    }),
                    // A file without an extension given explicitly: guess from its content.
                    None if ext.is_empty() => out.inputs.push(Input {
                        source,
                        origin: Origin::File(arg.clone()),
                        kind: None,
                    }),
                    None => out.failures.push(InputFailure {
                        source,
                        problem: wrong_type(&ext),
                    }),
                }
            }
        }
    }
    out.inputs.sort_by(|a, b| a.source.cmp(&b.source));
    out.failures.sort_by(|a, b| a.source.cmp(&b.source));
    out
}

/// Adds the answer files under `dir` (recursively, skipping hidden entries and Excel lock files).
fn walk(dir: &Path, out: &mut Gathered, seen: &mut BTreeSet<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.failures.push(InputFailure {
                source: display(dir),
                problem: io_problem(&e),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        // Follows symbolic links, like the files given explicitly.
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, out, seen),
            Ok(_) => {
                if let Some(kind) = InputKind::from_path(&path)
                    && seen.insert(path.clone())
                {
                    out.inputs.push(Input {
                        source: display(&path),
                        origin: Origin::File(path),
                        kind: Some(kind),
                    });
                }
            }
            Err(e) => out.failures.push(InputFailure {
                source: display(&path),
                problem: io_problem(&e),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_content() {
        assert_eq!(InputKind::sniff(b"PK\x03\x04rest"), InputKind::Xlsx);
        assert_eq!(InputKind::sniff(b"\xEF\xBB\xBF  {}"), InputKind::Json);
        assert_eq!(InputKind::sniff(b"company,sector\n"), InputKind::Csv);
        assert_eq!(InputKind::sniff(b""), InputKind::Json);
    }

    #[test]
    fn kinds_from_extensions() {
        assert_eq!(
            InputKind::from_path(Path::new("a/B.JSON")),
            Some(InputKind::Json)
        );
        assert_eq!(InputKind::from_path(Path::new("a.pdf")), None);
    }
}
