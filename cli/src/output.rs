//! Writing results: to standard output, or to a file written atomically (a temporary file in
//! the same directory, renamed over the target only once everything is written), so that a run
//! that fails half-way never leaves half a workbook behind, nor a temporary file.
//!
//! On Windows the rename is `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING` (tempfile's
//! `persist`), atomic on NTFS. It fails while Excel has the workbook open (Excel locks it): the
//! message then says to close the file in Excel. The Windows error codes are classified by a
//! pure function, tested on Linux.

use crate::fatal::Fatal;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use vigilance_core::Lang;

/// Where output goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Target {
    /// `None` and `-` mean standard output.
    pub fn from_arg(arg: Option<&Path>) -> Target {
        match arg {
            None => Target::Stdout,
            Some(p) if p.as_os_str() == "-" => Target::Stdout,
            Some(p) => Target::File(p.to_path_buf()),
        }
    }

    /// Whether this is standard output and standard output is a terminal.
    pub fn is_terminal(&self) -> bool {
        *self == Target::Stdout && io::stdout().is_terminal()
    }
}

/// Runs `write` on the target: on standard output directly; for a file, on a temporary file
/// that replaces the target only when `write` succeeded.
pub fn write_to(
    target: &Target,
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Fatal> {
    match target {
        Target::Stdout => {
            let stdout = io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            match write(&mut w).and_then(|()| w.flush()) {
                Ok(()) => Ok(()),
                // The reader went away (`| head`): not our failure.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(text::stdout_failed(lang, &e)),
            }
        }
        Target::File(path) => write_file_atomically(path, lang, write),
    }
}

fn write_file_atomically(
    path: &Path,
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Fatal> {
    save_atomically(path, lang, |tmp: &Path| {
        let mut file = std::fs::OpenOptions::new().write(true).open(tmp)?;
        let mut w = BufWriter::new(&mut file);
        write(&mut w)?;
        w.flush()
    })
}

/// Runs `save` on the path of a temporary file in `path`'s directory (for writers that save to
/// a path themselves, such as the streamed Excel workbook), then replaces `path` with it only
/// when `save` succeeded. Whatever fails, the temporary file is removed (or the message says
/// where it is, if even that fails).
pub fn save_atomically<E: std::fmt::Display>(
    path: &Path,
    lang: Lang,
    save: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), Fatal> {
    if path.is_dir() {
        return Err(text::is_directory(lang, path));
    }
    // A device or a pipe (`-o /dev/null`, `-o NUL`, a FIFO) is written in place: renaming a
    // temporary file over it would replace /dev/null with a regular file for the whole machine.
    if is_device(path, cfg!(windows)) {
        return save(path).map_err(|e| text::cannot_write(lang, path, &e));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(text::no_directory(lang, path, &dir));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".vigilance-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        // The temporary file's random name would only confuse: keep the kind of error.
        .map_err(|e| text::cannot_write(lang, path, &io::Error::from(e.kind())))?;
    let written = save(tmp.path())
        .map_err(|e| text::cannot_write(lang, path, &e))
        .and_then(|()| {
            // The writer may have replaced the file's content through its path: sync what is
            // there now.
            std::fs::OpenOptions::new()
                .write(true)
                .open(tmp.path())
                .and_then(|f| f.sync_all())
                .map_err(|e| text::cannot_write(lang, path, &e))
        });
    if let Err(fatal) = written {
        return Err(discard(tmp, fatal, lang));
    }
    // On Windows, tempfile's persist is MoveFileExW with MOVEFILE_REPLACE_EXISTING: atomic on
    // NTFS, and it fails when another program (Excel) holds the target open.
    match tmp.persist(path) {
        Ok(_) => Ok(()),
        Err(e) => {
            let windows = cfg!(windows);
            let failure = classify(
                &e.error,
                windows,
                windows && held_open(path),
                office_owner_file(path),
            );
            let fatal = text::cannot_replace(lang, path, &e.error, failure);
            Err(discard(e.file, fatal, lang))
        }
    }
}

/// Removes the temporary file after a failure; if it cannot be removed, adds where it is to the
/// message so that the user can delete it.
fn discard(tmp: tempfile::NamedTempFile, fatal: Fatal, lang: Lang) -> Fatal {
    let tmp_path = tmp.path().to_path_buf();
    match tmp.close() {
        Ok(()) => fatal,
        Err(e) => text::left_behind(lang, fatal, &tmp_path, &e),
    }
}

/// Whether `path` names a device rather than a file: an existing non-file (`/dev/null`, a FIFO),
/// or on Windows a reserved device name (`NUL`, `CON`, `COM1`…, with or without an extension).
fn is_device(path: &Path, windows: bool) -> bool {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return true;
    }
    windows
        && path
            .file_name()
            .is_some_and(|n| is_windows_device_name(&n.to_string_lossy()))
}

fn is_windows_device_name(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "NUL" | "CON" | "PRN" | "AUX" | "CONIN$" | "CONOUT$"
    ) || ((stem.starts_with("COM") || stem.starts_with("LPT"))
        && stem.len() == 4
        && stem[3..].chars().all(|c| ('1'..='9').contains(&c)))
}

/// Why replacing the output file failed, as far as the user can do something about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReplaceFailure {
    /// Another program holds the file open and locked; `excel` when its owner file (`~$name`)
    /// says it is Excel (or LibreOffice).
    OpenElsewhere { excel: bool },
    /// Access refused: the file is read-only, or the folder may not be written to.
    Denied,
    /// Anything else: the system's own message says it.
    Other,
}

/// Windows error codes that say another program holds the file: ERROR_SHARING_VIOLATION,
/// ERROR_LOCK_VIOLATION, ERROR_USER_MAPPED_FILE.
const WINDOWS_IN_USE: [i32; 3] = [32, 33, 1224];
/// ERROR_ACCESS_DENIED: a locked file, a read-only file or a folder without write rights.
const WINDOWS_ACCESS_DENIED: i32 = 5;

/// Classifies the error of the final rename. On Windows, `held_open` says whether the target
/// refused to be opened for writing because another program has it (the check that tells a
/// locked workbook from a read-only one when both give "access denied"); `owner_file` whether
/// an Office owner file sits next to it.
fn classify(error: &io::Error, windows: bool, held_open: bool, owner_file: bool) -> ReplaceFailure {
    if windows {
        return match error.raw_os_error() {
            Some(code) if WINDOWS_IN_USE.contains(&code) => {
                ReplaceFailure::OpenElsewhere { excel: owner_file }
            }
            Some(WINDOWS_ACCESS_DENIED) if held_open || owner_file => {
                ReplaceFailure::OpenElsewhere { excel: owner_file }
            }
            Some(WINDOWS_ACCESS_DENIED) => ReplaceFailure::Denied,
            _ => ReplaceFailure::Other,
        };
    }
    match error.kind() {
        io::ErrorKind::PermissionDenied => ReplaceFailure::Denied,
        _ => ReplaceFailure::Other,
    }
}

/// Whether the file exists and another program keeps it from being opened for writing (Windows:
/// Excel opens a workbook sharing it for reading only). Opens for appending, so nothing changes.
fn held_open(path: &Path) -> bool {
    match std::fs::OpenOptions::new().append(true).open(path) {
        Ok(_) => false,
        Err(e) => e
            .raw_os_error()
            .is_some_and(|c| WINDOWS_IN_USE.contains(&c)),
    }
}

/// Whether an owner file says the workbook is open in Excel (`~$name.xlsx`, or `~$` in place of
/// the first two letters, as Word does) or LibreOffice (`.~lock.name.xlsx#`).
fn office_owner_file(path: &Path) -> bool {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let mut candidates = vec![format!("~${name}"), format!(".~lock.{name}#")];
    if let Some((i, _)) = name.char_indices().nth(2) {
        candidates.push(format!("~${}", &name[i..]));
    }
    candidates.iter().any(|c| dir.join(c).exists())
}

/// The fatal errors of writing an output, from the catalogue, with paths shown as the user's
/// system writes them.
mod text {
    use super::ReplaceFailure;
    use crate::fatal::Fatal;
    use crate::platform::shown;
    use std::fmt::Display;
    use std::io;
    use std::path::Path;
    use vigilance_core::{Cli, Lang};

    pub fn stdout_failed(lang: Lang, e: &io::Error) -> Fatal {
        Fatal::new(lang, Cli::FatalStdout, &[("error", e)])
    }

    pub fn is_directory(lang: Lang, path: &Path) -> Fatal {
        Fatal::new(lang, Cli::FatalOutputIsDir, &[("path", &shown(path))])
    }

    pub fn no_directory(lang: Lang, path: &Path, dir: &Path) -> Fatal {
        Fatal::new(
            lang,
            Cli::FatalOutputDirMissing,
            &[("path", &shown(path)), ("dir", &shown(dir))],
        )
    }

    pub fn cannot_write(lang: Lang, path: &Path, e: &dyn Display) -> Fatal {
        Fatal::new(
            lang,
            Cli::FatalWrite,
            &[("path", &shown(path)), ("error", &e)],
        )
    }

    pub fn cannot_replace(lang: Lang, path: &Path, e: &io::Error, why: ReplaceFailure) -> Fatal {
        let p = shown(path);
        let d = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(shown)
            .unwrap_or_else(|| ".".to_string());
        match why {
            ReplaceFailure::OpenElsewhere { excel: true } => {
                Fatal::new(lang, Cli::FatalReplaceOpenInExcel, &[("path", &p)])
            }
            ReplaceFailure::OpenElsewhere { excel: false } => {
                Fatal::new(lang, Cli::FatalReplaceLocked, &[("path", &p)])
            }
            ReplaceFailure::Denied => Fatal::new(
                lang,
                Cli::FatalReplaceDenied,
                &[("path", &p), ("error", e), ("dir", &d)],
            ),
            ReplaceFailure::Other => cannot_write(lang, path, e),
        }
    }

    pub fn left_behind(lang: Lang, fatal: Fatal, tmp: &Path, e: &io::Error) -> Fatal {
        let extra = Cli::FatalTempLeftBehind.fill(lang, &[("path", &shown(tmp)), ("error", e)]);
        Fatal {
            message: format!("{}\n{extra}", fatal.message),
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn writing_to_dev_null_leaves_it_a_device() {
        use std::os::unix::fs::FileTypeExt;
        let target = super::Target::File("/dev/null".into());
        super::write_to(&target, vigilance_core::Lang::En, |w| {
            w.write_all(b"results")
        })
        .map_err(|_| "write failed")
        .unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "/dev/null was replaced by a file"
        );
    }

    use super::*;

    #[test]
    fn failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let Ok(dir) = dir else { return };
        let path = dir.path().join("out.xlsx");
        let r = write_to(&Target::File(path.clone()), Lang::En, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert!(!path.exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).map(|d| d.count()).ok(),
            Some(0)
        );
    }

    #[test]
    fn successful_write_replaces_file() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let path = dir.path().join("out.json");
        std::fs::write(&path, b"old").ok();
        let r = write_to(&Target::File(path.clone()), Lang::En, |w| {
            w.write_all(b"new")
        });
        assert!(r.is_ok());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
    }

    #[test]
    fn windows_errors_of_a_locked_workbook_say_to_close_it() {
        let err = |code| io::Error::from_raw_os_error(code);
        // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION, ERROR_USER_MAPPED_FILE.
        for code in [32, 33, 1224] {
            assert_eq!(
                classify(&err(code), true, false, false),
                ReplaceFailure::OpenElsewhere { excel: false }
            );
        }
        assert_eq!(
            classify(&err(32), true, true, true),
            ReplaceFailure::OpenElsewhere { excel: true }
        );
        // ERROR_ACCESS_DENIED: locked when the file cannot be opened for writing or Excel's
        // owner file is there; otherwise read-only or no right to write.
        assert_eq!(
            classify(&err(5), true, true, false),
            ReplaceFailure::OpenElsewhere { excel: false }
        );
        assert_eq!(
            classify(&err(5), true, false, true),
            ReplaceFailure::OpenElsewhere { excel: true }
        );
        assert_eq!(
            classify(&err(5), true, false, false),
            ReplaceFailure::Denied
        );
        // ERROR_PATH_NOT_FOUND.
        assert_eq!(classify(&err(3), true, false, false), ReplaceFailure::Other);
        // The same numbers mean other things on Unix (32 is EPIPE).
        assert_eq!(
            classify(&err(32), false, false, false),
            ReplaceFailure::Other
        );
        assert_eq!(
            classify(
                &io::Error::from(io::ErrorKind::PermissionDenied),
                false,
                false,
                false
            ),
            ReplaceFailure::Denied
        );
    }

    #[test]
    fn the_locked_workbook_message_names_excel_in_both_languages() {
        let path = Path::new("portefeuille.xlsx");
        let e = io::Error::from_raw_os_error(32);
        let why = ReplaceFailure::OpenElsewhere { excel: true };
        let fr = text::cannot_replace(Lang::Fr, path, &e, why).message;
        let en = text::cannot_replace(Lang::En, path, &e, why).message;
        assert!(fr.contains("fermez le fichier dans Excel"), "{fr}");
        assert!(fr.contains("portefeuille.xlsx"), "{fr}");
        assert!(en.contains("close the file in Excel"), "{en}");
        let why = ReplaceFailure::OpenElsewhere { excel: false };
        let fr = text::cannot_replace(Lang::Fr, path, &e, why).message;
        let en = text::cannot_replace(Lang::En, path, &e, why).message;
        assert!(fr.contains("fermez le fichier dans Excel"), "{fr}");
        assert!(en.contains("close the file in Excel"), "{en}");
    }

    #[test]
    fn windows_device_names_are_written_in_place() {
        for name in ["NUL", "nul", "nul.json", "CON", "COM1", "lpt9.csv", "NUL "] {
            assert!(is_windows_device_name(name), "{name}");
        }
        for name in [
            "null",
            "COM10",
            "COM0",
            "console.xlsx",
            "results.xlsx",
            "nul-results.json",
        ] {
            assert!(!is_windows_device_name(name), "{name}");
        }
    }

    #[test]
    fn office_owner_files_are_recognised() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let book = dir.path().join("portefeuille.xlsx");
        assert!(!office_owner_file(&book));
        std::fs::write(dir.path().join("~$portefeuille.xlsx"), b"").ok();
        assert!(office_owner_file(&book));
        let other = dir.path().join("2025.xlsx");
        std::fs::write(dir.path().join(".~lock.2025.xlsx#"), b"").ok();
        assert!(office_owner_file(&other));
        let word_style = dir.path().join("Document.xlsx");
        std::fs::write(dir.path().join("~$cument.xlsx"), b"").ok();
        assert!(office_owner_file(&word_style));
    }

    /// The rename itself fails (here: something put a directory where the workbook goes once
    /// the checks are done): the temporary file is removed all the same.
    #[test]
    fn failed_replace_leaves_no_temporary_file() {
        let Ok(dir) = tempfile::tempdir() else { return };
        let path = dir.path().join("out.xlsx");
        let r = save_atomically(&path, Lang::En, |tmp: &Path| {
            std::fs::write(tmp, b"workbook")?;
            std::fs::create_dir(&path)?;
            std::fs::write(path.join("keep"), b"")
        });
        let Err(fatal) = r else {
            panic!("the replace should have failed")
        };
        assert!(
            fatal.message.starts_with("cannot write"),
            "{}",
            fatal.message
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names, ["out.xlsx"]);
    }

    #[test]
    fn a_temporary_file_that_stays_is_named_for_the_user_to_delete() {
        let e = io::Error::from(io::ErrorKind::PermissionDenied);
        let tmp = Path::new(".vigilance-a1b2.tmp");
        let first = |line: &str| Fatal {
            message: line.to_string(),
        };
        let fr = text::left_behind(Lang::Fr, first("première ligne"), tmp, &e).message;
        let en = text::left_behind(Lang::En, first("first line"), tmp, &e).message;
        assert!(fr.starts_with("première ligne\n"), "{fr}");
        assert!(
            fr.contains(".vigilance-a1b2.tmp") && fr.contains("supprimez-le"),
            "{fr}"
        );
        assert!(en.starts_with("first line\n"), "{en}");
        assert!(
            en.contains(".vigilance-a1b2.tmp") && en.contains("delete it"),
            "{en}"
        );
    }
}
