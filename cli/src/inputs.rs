//! From the INPUTS given on the command line to the list of answer files to read: files as
//! given, directories searched recursively for `.json`, `.xlsx`, `.csv` and evidence dossiers
//! (`.zip`) (walkdir: symbolic
//! links followed, a link back to a directory being walked reported once as a warning and not
//! followed), and `-` for standard input. Each file is taken once, however many paths reach it
//! (same device and inode). Inputs that cannot be used (a missing file, a directory without
//! answer files, a file of another type) become [`InputFailure`]s that name the input and say
//! what to do, so that the rest of the batch goes on. What kind of file each one is, core says
//! ([`vigilance_core::import::FileKind`]).

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use vigilance_core::import::{FileKind, MAX_SPREADSHEET_BYTES};
use vigilance_core::{Lang, Problem, ProblemKind};
use walkdir::WalkDir;

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
}

impl Input {
    /// The kind its name says (`None` for standard input and names without our extensions: core
    /// recognises those by their content).
    pub fn named_kind(&self) -> Option<FileKind> {
        match self.origin {
            Origin::Stdin(_) => None,
            Origin::File(_) => FileKind::from_name(&self.source),
        }
    }

    /// The input's bytes, or a problem that says why they cannot be had.
    ///
    /// A file larger than core reads for its kind is refused from its size alone, before it is
    /// read (only its first bytes, when a workbook may hide behind another name).
    ///
    /// An evidence dossier (`.zip`) is verified as a whole, in one streaming pass, and its
    /// bytes are those of its `answers.json`; a dossier that fails gives its `VG-D…` problem.
    pub fn read(&self) -> Result<Vec<u8>, Box<Problem>> {
        self.read_full().map(|(bytes, _)| bytes)
    }

    /// The input's bytes as [`Self::read`] gives them, with the manifest of a verified dossier.
    pub fn read_full(
        &self,
    ) -> Result<(Vec<u8>, Option<vigilance_dossier::Manifest>), Box<Problem>> {
        let path = match &self.origin {
            Origin::Stdin(b) => return Ok((b.clone(), None)),
            Origin::File(p) => p,
        };
        if is_dossier_name(&self.source) {
            return read_dossier(path).map(|v| (v.answers_json, Some(v.manifest)));
        }
        let size = std::fs::metadata(path)
            .map_err(|e| Box::new(io_problem(&e)))?
            .len();
        let named = self.named_kind();
        let limit = named.map_or(MAX_SPREADSHEET_BYTES, FileKind::max_bytes);
        // A workbook renamed `.json` is read as a workbook, up to a workbook's limit.
        if size > limit as u64 && !(size <= MAX_SPREADSHEET_BYTES as u64 && starts_as_zip(path)) {
            return Err(Box::new(too_large(&self.source, size, limit, named)));
        }
        std::fs::read(path)
            .map(|b| (b, None))
            .map_err(|e| Box::new(io_problem(&e)))
    }
}

/// Whether a file's name says it is an evidence dossier (`.zip`, any case).
pub fn is_dossier_name(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && ext.eq_ignore_ascii_case("zip"))
}

/// Verifies the dossier at `path` (`vigilance.dossier/1`), reading it as it streams.
pub fn read_dossier(path: &Path) -> Result<vigilance_dossier::Verified, Box<Problem>> {
    let file = std::fs::File::open(path).map_err(|e| Box::new(io_problem(&e)))?;
    vigilance_dossier::verify(file, &vigilance_dossier::Limits::default()).map_err(Box::new)
}

/// Whether the file at `path` starts with a zip archive's signature.
fn starts_as_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && FileKind::is_zip(&head)
}

/// A file too large to read, with its size and the limit.
fn too_large(source: &str, size: u64, limit: usize, kind: Option<FileKind>) -> Problem {
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

/// An input that cannot be used at all (or, among warnings, something about the inputs the
/// user should know), with the reason.
#[derive(Clone, Debug)]
pub struct InputFailure {
    /// The input as given (or the path found in a directory).
    pub source: String,
    /// What is wrong and what to do.
    pub problem: Problem,
}

/// The outcome of gathering the inputs.
#[derive(Debug, Default)]
pub struct Gathered {
    /// Answer files to read, sorted by source, each file once (even when two paths reach it).
    pub inputs: Vec<Input>,
    /// Inputs that cannot be used.
    pub failures: Vec<InputFailure>,
    /// What was noticed on the way without losing any sheet: symbolic-link loops, not followed.
    pub warnings: Vec<InputFailure>,
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
    crate::platform::shown(path)
}

/// A file's identity, the same whichever path reaches it (symbolic links, `a/../a`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FileId {
    /// Device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The canonical path (systems without inodes).
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl FileId {
    #[cfg(unix)]
    fn of(_path: &Path, meta: &std::fs::Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId::Inode(meta.dev(), meta.ino())
    }

    #[cfg(not(unix))]
    fn of(path: &Path, _meta: &std::fs::Metadata) -> FileId {
        FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// Gathers inputs, remembering the files already taken.
#[derive(Default)]
struct Gatherer {
    out: Gathered,
    seen: HashSet<FileId>,
}

impl Gatherer {
    /// Takes the answer file at `path` unless another path already reached it.
    fn take(&mut self, path: &Path, meta: &std::fs::Metadata) {
        if self.seen.insert(FileId::of(path, meta)) {
            self.out.inputs.push(Input {
                source: display(path),
                origin: Origin::File(path.to_path_buf()),
            });
        }
    }

    fn fail(&mut self, source: String, problem: Problem) {
        self.out.failures.push(InputFailure { source, problem });
    }

    /// Reads standard input (once, however many times `-` is given).
    fn stdin(&mut self) {
        if self
            .out
            .inputs
            .iter()
            .any(|i| matches!(i.origin, Origin::Stdin(_)))
        {
            return;
        }
        let mut bytes = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => self.out.inputs.push(Input {
                source: "-".into(),
                origin: Origin::Stdin(bytes),
            }),
            Err(e) => self.fail("-".into(), io_problem(&e)),
        }
    }

    /// A file given on the command line: taken when its extension is ours or when it has none
    /// (recognised by its content), refused otherwise.
    fn file(&mut self, path: &Path, meta: &std::fs::Metadata) {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let name = display(path);
        if ext.is_empty() || FileKind::from_name(&name).is_some() || is_dossier_name(&name) {
            self.take(path, meta);
        } else {
            self.fail(display(path), wrong_type(&ext));
        }
    }

    /// Adds the answer files under `dir`, recursively, in name order: hidden entries and Excel
    /// lock files (`~$…`) are skipped; symbolic links are followed, except one that leads back
    /// to a folder being walked (a loop), which is reported once and not followed.
    fn walk(&mut self, dir: &Path) {
        let mut found = 0usize;
        let walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skipped(&e.file_name().to_string_lossy()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    let name = display(e.path());
                    // Engagement files kept beside the sheets are not answer sheets.
                    if (FileKind::from_name(&name).is_none() && !is_dossier_name(&name))
                        || name.ends_with(".engagement.json")
                    {
                        continue;
                    }
                    found += 1;
                    match e.metadata() {
                        Ok(meta) => self.take(e.path(), &meta),
                        Err(err) => self.walk_error(dir, err),
                    }
                }
                Err(err) => self.walk_error(dir, err),
            }
        }
        let source = display(dir);
        if found == 0 && !self.out.failures.iter().any(|f| f.source == source) {
            self.fail(source, Problem::error("", ProblemKind::NoAnswerFileInDir));
        }
    }

    fn walk_error(&mut self, dir: &Path, err: walkdir::Error) {
        let source = err.path().map_or_else(|| display(dir), display);
        if let Some(ancestor) = err.loop_ancestor() {
            let target = display(ancestor);
            self.out.warnings.push(InputFailure {
                source,
                problem: Problem::warning("", ProblemKind::LinkLoop { target }),
            });
            return;
        }
        let problem = match err.io_error() {
            Some(e) => io_problem(e),
            None => Problem::error(
                "",
                ProblemKind::Unreadable {
                    detail: err.to_string(),
                },
            ),
        };
        self.fail(source, problem);
    }
}

/// Hidden entries and Excel lock files, skipped in directories.
fn skipped(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

/// Gathers the answer files of `args`. Standard input (`-`) is read here, once.
pub fn gather(args: &[PathBuf]) -> Gathered {
    let mut g = Gatherer::default();
    for arg in args {
        if arg.as_os_str() == "-" {
            g.stdin();
            continue;
        }
        match std::fs::metadata(arg) {
            Err(e) => g.fail(display(arg), io_problem(&e)),
            Ok(m) if m.is_dir() => g.walk(arg),
            Ok(m) => g.file(arg, &m),
        }
    }
    let mut out = g.out;
    out.inputs.sort_by(|a, b| a.source.cmp(&b.source));
    out.failures.sort_by(|a, b| a.source.cmp(&b.source));
    out.warnings.sort_by(|a, b| a.source.cmp(&b.source));
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_reported_once_and_each_file_is_taken_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("answers");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::write(root.join("a/one.json"), "{}").unwrap();
        std::fs::write(root.join("b/two.json"), "{}").unwrap();
        // A loop to the parent, a second path to a sibling directory, a second name for a file.
        symlink("..", root.join("a/up")).unwrap();
        symlink("../b", root.join("a/also-b")).unwrap();
        symlink("one.json", root.join("a/same.json")).unwrap();
        let g = gather(&[root.clone(), root.join("b/two.json")]);
        let sources: Vec<String> = g
            .inputs
            .iter()
            .map(|i| i.source.replace(&display(&root), "answers"))
            .collect();
        assert_eq!(sources, ["answers/a/also-b/two.json", "answers/a/one.json"]);
        assert!(g.failures.is_empty(), "{:?}", g.failures);
        assert_eq!(g.warnings.len(), 1, "{:?}", g.warnings);
        assert!(g.warnings[0].source.ends_with("a/up"));
        let text = g.warnings[0].problem.kind.message(Lang::En);
        assert!(text.contains("leads back to"), "{text}");
    }

    #[test]
    fn a_directory_given_twice_is_not_called_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("one.json"), "{}").unwrap();
        let g = gather(&[dir.path().to_path_buf(), dir.path().to_path_buf()]);
        assert_eq!(g.inputs.len(), 1);
        assert!(g.failures.is_empty(), "{:?}", g.failures);
    }
}
