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
use vigilance_core::problem::FileKind;
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
    let kind = match kind {
        Some(InputKind::Json) => FileKind::Json,
        Some(InputKind::Xlsx) => FileKind::Xlsx,
        Some(InputKind::Csv) => FileKind::Csv,
        None => FileKind::AnswerFile,
    };
    let (source, limit) = (source.to_string(), limit as u64);
    Problem::error(
        "",
        ProblemKind::InputTooLarge {
            source,
            size,
            limit,
            kind,
        },
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
        NotFound => Problem::error("", ProblemKind::FileNotFound),
        PermissionDenied => Problem::error("", ProblemKind::PermissionDenied),
        IsADirectory => Problem::error("", ProblemKind::IsDirectory),
        _ => Problem::error(
            "",
            ProblemKind::Unreadable {
                detail: e.to_string(),
            },
        ),
    }
}

fn wrong_type(ext: &str) -> Problem {
    Problem::error(
        "",
        ProblemKind::NotAnswerFile {
            ext: ext.to_string(),
        },
    )
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
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
                        problem: Problem::error("", ProblemKind::NoAnswerFileInDir),
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
