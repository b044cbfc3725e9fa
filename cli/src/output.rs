//! Writing results: to standard output, or to a file written atomically (a temporary file in
//! the same directory, renamed over the target only once everything is written), so that a run
//! that fails half-way never leaves half a workbook behind.

use crate::fatal::Fatal;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use vigilance_core::{Lang, Msg};

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
                Err(e) => Err(Fatal::new(lang, Msg::FatalStdout, &[("error", &e)])),
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
/// when `save` succeeded.
pub fn save_atomically<E: std::fmt::Display>(
    path: &Path,
    lang: Lang,
    save: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), Fatal> {
    let shown = path.display();
    let fail = |e: &dyn std::fmt::Display| {
        Fatal::new(lang, Msg::FatalWrite, &[("path", &shown), ("error", &e)])
    };
    if path.is_dir() {
        return Err(Fatal::new(lang, Msg::FatalOutputIsDir, &[("path", &shown)]));
    }
    // A device or a pipe (`-o /dev/null`, a FIFO) is written in place: renaming a temporary
    // file over it would replace /dev/null with a regular file for the whole machine.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return save(path).map_err(|e| fail(&e));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        let d = dir.display();
        return Err(Fatal::new(
            lang,
            Msg::FatalOutputDirMissing,
            &[("path", &shown), ("dir", &d)],
        ));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".vigilance-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        // The temporary file's random name would only confuse: keep the kind of error.
        .map_err(|e| fail(&io::Error::from(e.kind())))?;
    save(tmp.path()).map_err(|e| fail(&e))?;
    // The writer may have replaced the file's content through its path: sync what is there now.
    std::fs::OpenOptions::new()
        .write(true)
        .open(tmp.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
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
}
