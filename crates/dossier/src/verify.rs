//! Reading a dossier: one streaming pass over the archive's entries that refuses the dossier as
//! a whole at the first thing wrong, then the checks of the manifest against the files and
//! against `answers.json`.

use crate::manifest::{DOSSIER_FORMAT, Manifest, is_date, is_sha256_hex};
use crate::{ANSWERS, FILE_REF_PREFIX, FILES_DIR, Limits, MANIFEST, hex, sha256_hex};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use vigilance_model::problem::{Place, Problem, ProblemKind};
use zip::ZipArchive;

/// A dossier that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Its manifest.
    pub manifest: Manifest,
    /// The bytes of `answers.json`, to be read as any answer sheet.
    pub answers_json: Vec<u8>,
    /// The SHA-256 of `manifest.json`, 64 lowercase hex digits.
    pub fingerprint: String,
}

/// What a streaming pass found.
#[derive(Default)]
struct Pass {
    manifest: Option<Vec<u8>>,
    answers: Option<Vec<u8>>,
    /// `files/<name>` → (SHA-256 computed, size read), in archive order.
    files: BTreeMap<String, (String, u64)>,
}

fn refuse(kind: ProblemKind) -> Problem {
    Problem::error(Place::file(), kind)
}

fn unreadable(e: impl std::fmt::Display) -> Problem {
    refuse(ProblemKind::DossierUnreadable {
        detail: e.to_string(),
    })
}

/// What an entry is, from its name.
enum Entry {
    Manifest,
    Answers,
    /// `files/<sha256>`.
    File,
    /// `files/`.
    FilesDir,
}

/// Whether a name could lead outside the folder it is extracted into, or is no plain relative
/// path: `..` or `.` components, an absolute path, a drive or a stream (`:`), a backslash, an
/// empty component, a control character.
fn unsafe_name(name: &str) -> bool {
    name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains(':')
        || name.chars().any(char::is_control)
        || name
            .trim_end_matches('/')
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
}

fn classify(name: &str) -> Option<Entry> {
    match name {
        MANIFEST => Some(Entry::Manifest),
        ANSWERS => Some(Entry::Answers),
        FILES_DIR => Some(Entry::FilesDir),
        _ => name
            .strip_prefix(FILES_DIR)
            .filter(|h| is_sha256_hex(h))
            .map(|_| Entry::File),
    }
}

/// The deepest nesting of arrays and objects in a JSON text (strings skipped).
fn json_depth(bytes: &[u8]) -> u64 {
    let (mut depth, mut max, mut in_str, mut esc) = (0u64, 0u64, false, false);
    for &b in bytes {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Reads at most `limit` bytes of `r` into memory; more is [`ProblemKind::DossierEntryTooLarge`].
fn read_bounded(r: &mut dyn Read, name: &str, limit: u64) -> Result<Vec<u8>, Problem> {
    let mut buf = Vec::new();
    r.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(unreadable)?;
    if buf.len() as u64 > limit {
        return Err(too_large(name, buf.len() as u64, limit));
    }
    Ok(buf)
}

fn too_large(name: &str, found: u64, limit: u64) -> Problem {
    refuse(ProblemKind::DossierEntryTooLarge {
        file: name.to_string(),
        found,
        limit,
    })
}

/// Streams `r` through SHA-256 (and into `sink`, if any), refusing more than `limit` bytes.
fn hash_stream(
    r: &mut dyn Read,
    name: &str,
    limit: u64,
    mut sink: Option<&mut dyn Write>,
) -> Result<Result<(String, u64), std::io::Error>, Problem> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut n = 0u64;
    loop {
        let got = r.read(&mut buf).map_err(unreadable)?;
        if got == 0 {
            break;
        }
        n += got as u64;
        if n > limit {
            return Err(too_large(name, n, limit));
        }
        hasher.update(&buf[..got]);
        if let Some(w) = sink.as_deref_mut()
            && let Err(e) = w.write_all(&buf[..got])
        {
            return Ok(Err(e));
        }
    }
    Ok(Ok((hex(&hasher.finalize()), n)))
}

/// The first name written twice in the central directory of a (non-zip64) archive, read from
/// its raw records; `None` when there is none or the directory cannot be read this way.
fn duplicate_name<R: Read + Seek>(r: &mut R) -> Option<String> {
    use std::io::SeekFrom;
    let len = r.seek(SeekFrom::End(0)).ok()?;
    let tail_len = len.min(65_557);
    r.seek(SeekFrom::Start(len - tail_len)).ok()?;
    let mut tail = vec![0u8; tail_len as usize];
    r.read_exact(&mut tail).ok()?;
    let eocd = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let field = |b: &[u8], at: usize, n: usize| -> Option<u64> {
        let bytes = b.get(at..at + n)?;
        Some(
            bytes
                .iter()
                .rev()
                .fold(0u64, |acc, x| (acc << 8) | u64::from(*x)),
        )
    };
    let count = field(&tail, eocd + 10, 2)?;
    let size = field(&tail, eocd + 12, 4)?;
    let offset = field(&tail, eocd + 16, 4)?;
    if size > 64 << 20 || offset.checked_add(size)? > len {
        return None;
    }
    r.seek(SeekFrom::Start(offset)).ok()?;
    let mut dir = vec![0u8; size as usize];
    r.read_exact(&mut dir).ok()?;
    let _ = r.rewind();
    let mut seen = HashSet::new();
    let mut at = 0usize;
    for _ in 0..count {
        if dir.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        let name_len = field(&dir, at + 28, 2)? as usize;
        let extra = field(&dir, at + 30, 2)? as usize;
        let comment = field(&dir, at + 32, 2)? as usize;
        let name = dir.get(at + 46..at + 46 + name_len)?;
        if !seen.insert(name) {
            return Some(String::from_utf8_lossy(name).into_owned());
        }
        at += 46 + name_len + extra + comment;
    }
    None
}

/// Where the entries of an extraction go.
struct Target<'a> {
    dir: &'a Path,
    written: Vec<PathBuf>,
}

/// Why an extraction failed.
#[derive(Debug)]
pub enum ExtractError {
    /// The dossier is refused.
    Refused(Problem),
    /// A file under the folder cannot be written.
    Write(PathBuf, std::io::Error),
}

/// One pass over the archive; with a target, every entry is also written under its folder.
fn pass<R: Read + Seek>(
    reader: R,
    limits: &Limits,
    mut target: Option<&mut Target<'_>>,
) -> Result<Result<Pass, ExtractError>, Problem> {
    let mut reader = reader;
    let twice = duplicate_name(&mut reader);
    let mut zip = ZipArchive::new(reader).map_err(unreadable)?;
    let count = zip.len() as u64;
    if count > limits.max_entries {
        return Err(refuse(ProblemKind::DossierTooManyEntries {
            found: count,
            limit: limits.max_entries,
        }));
    }
    if zip.has_duplicate_names() {
        // The archive keeps one entry per name: the name comes from the central directory.
        return Err(refuse(ProblemKind::DossierDuplicateEntry {
            file: twice.unwrap_or_else(|| "?".into()),
        }));
    }
    let mut out = Pass::default();
    let mut seen = HashSet::new();
    let mut total = 0u64;
    for index in 0..zip.len() {
        let entry = zip.by_index_raw(index).map_err(unreadable)?;
        let name = match std::str::from_utf8(entry.name_raw()) {
            Ok(n) => n.to_string(),
            Err(_) => {
                return Err(refuse(ProblemKind::DossierNameNotUtf8 {
                    file: String::from_utf8_lossy(entry.name_raw()).into_owned(),
                }));
            }
        };
        let file = || name.clone();
        if unsafe_name(&name) {
            return Err(refuse(ProblemKind::DossierUnsafePath { file: file() }));
        }
        if !seen.insert(name.to_lowercase()) {
            return Err(refuse(ProblemKind::DossierDuplicateEntry { file: file() }));
        }
        if entry.encrypted() {
            return Err(refuse(ProblemKind::DossierEncrypted { file: file() }));
        }
        let Some(kind) = classify(&name) else {
            return Err(refuse(ProblemKind::DossierExtraFile { file: file() }));
        };
        if matches!(kind, Entry::FilesDir) {
            continue;
        }
        let limit = match kind {
            Entry::Manifest => limits.max_manifest,
            Entry::Answers => limits.max_answers,
            _ => limits.max_file,
        };
        let (size, packed) = (entry.size(), entry.compressed_size());
        if size > limit {
            return Err(too_large(&name, size, limit));
        }
        if total.saturating_add(size) > limits.max_total {
            return Err(refuse(ProblemKind::DossierTooLarge {
                found: total.saturating_add(size),
                limit: limits.max_total,
            }));
        }
        if size > 1 << 20 && size / packed.max(1) > limits.max_ratio {
            return Err(refuse(ProblemKind::DossierRatio {
                file: file(),
                ratio: size / packed.max(1),
                limit: limits.max_ratio,
            }));
        }
        drop(entry);
        let mut body = zip.by_index(index).map_err(unreadable)?;
        let mut sink = match target.as_deref_mut() {
            Some(t) => match create_under(t, &name) {
                Ok(f) => Some(f),
                Err(e) => return Ok(Err(e)),
            },
            None => None,
        };
        let read = match kind {
            Entry::Manifest | Entry::Answers => {
                let bytes = read_bounded(&mut body, &name, limit)?;
                if let Some(f) = sink.as_mut()
                    && let Err(e) = f.write_all(&bytes)
                {
                    return Ok(Err(ExtractError::Write(target_path(&target, &name), e)));
                }
                let n = bytes.len() as u64;
                if matches!(kind, Entry::Manifest) {
                    out.manifest = Some(bytes);
                } else {
                    out.answers = Some(bytes);
                }
                n
            }
            Entry::File => {
                let sink = sink.as_mut().map(|f| f as &mut dyn Write);
                match hash_stream(&mut body, &name, limit, sink)? {
                    Ok((sha, n)) => {
                        out.files.insert(name.clone(), (sha, n));
                        n
                    }
                    Err(e) => return Ok(Err(ExtractError::Write(target_path(&target, &name), e))),
                }
            }
            Entry::FilesDir => 0,
        };
        total = total.saturating_add(read);
        if total > limits.max_total {
            return Err(refuse(ProblemKind::DossierTooLarge {
                found: total,
                limit: limits.max_total,
            }));
        }
    }
    Ok(Ok(out))
}

fn target_path(target: &Option<&mut Target<'_>>, name: &str) -> PathBuf {
    target
        .as_ref()
        .map_or_else(|| PathBuf::from(name), |t| t.dir.join(name))
}

/// Creates the file of entry `name` (checked safe) under the target's folder.
fn create_under(t: &mut Target<'_>, name: &str) -> Result<std::fs::File, ExtractError> {
    let path = t.dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| ExtractError::Write(parent.into(), e))?;
    }
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| ExtractError::Write(path.clone(), e))?;
    t.written.push(path);
    Ok(f)
}

/// Checks what one pass found: the manifest against the files, and against `answers.json`.
fn check(found: Pass, limits: &Limits) -> Result<Verified, Problem> {
    let missing = |f: &str| {
        refuse(ProblemKind::DossierNotDossier {
            file: f.to_string(),
        })
    };
    let manifest_bytes = found.manifest.ok_or_else(|| missing(MANIFEST))?;
    let answers = found.answers.ok_or_else(|| missing(ANSWERS))?;
    let invalid = |file: &str, detail: String| {
        refuse(ProblemKind::DossierManifestInvalid {
            file: file.to_string(),
            detail,
        })
    };
    if json_depth(&manifest_bytes) > limits.max_depth {
        return Err(refuse(ProblemKind::DossierNesting {
            file: MANIFEST.into(),
            limit: limits.max_depth,
        }));
    }
    let manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|e| invalid(MANIFEST, e.to_string()))?;
    if manifest.format != DOSSIER_FORMAT {
        return Err(invalid(
            MANIFEST,
            format!("format `{}`, expected `{DOSSIER_FORMAT}`", manifest.format),
        ));
    }
    if !is_sha256_hex(&manifest.answers_sha256) {
        return Err(invalid(MANIFEST, "answers_sha256 is not a SHA-256".into()));
    }
    let mut listed = BTreeSet::new();
    for f in &manifest.files {
        if !is_sha256_hex(&f.sha256) {
            return Err(invalid(
                MANIFEST,
                format!("`{}` is not a SHA-256", f.sha256),
            ));
        }
        if !listed.insert(f.sha256.as_str()) {
            return Err(invalid(MANIFEST, format!("{} is listed twice", f.sha256)));
        }
        for d in [&f.date, &f.valid_until].into_iter().flatten() {
            if !is_date(d) {
                return Err(invalid(MANIFEST, format!("`{d}` is not a YYYY-MM-DD date")));
            }
        }
    }
    // Every file's content against its name (the manifest's hash), then the lists.
    for (name, (sha, _)) in &found.files {
        if name.strip_prefix(FILES_DIR) != Some(sha.as_str()) {
            return Err(refuse(ProblemKind::DossierHashMismatch {
                file: name.clone(),
            }));
        }
    }
    for f in &manifest.files {
        match found.files.get(&f.entry()) {
            None => return Err(refuse(ProblemKind::DossierMissingFile { file: f.entry() })),
            Some((_, size)) if *size != f.size => {
                return Err(refuse(ProblemKind::DossierHashMismatch { file: f.entry() }));
            }
            Some(_) => {}
        }
    }
    if let Some(name) = found
        .files
        .keys()
        .find(|n| !listed.contains(n.trim_start_matches(FILES_DIR)))
    {
        return Err(refuse(ProblemKind::DossierExtraFile { file: name.clone() }));
    }
    if sha256_hex(&answers) != manifest.answers_sha256 {
        return Err(refuse(ProblemKind::DossierHashMismatch {
            file: ANSWERS.into(),
        }));
    }
    check_answers(&manifest, &answers, limits)?;
    Ok(Verified {
        fingerprint: sha256_hex(&manifest_bytes),
        manifest,
        answers_json: answers,
    })
}

/// The manifest against `answers.json`: same grid, company and period; every `file:` evidence
/// listed in the manifest for that answer, and every answer the manifest names referring to
/// its file.
fn check_answers(manifest: &Manifest, answers: &[u8], limits: &Limits) -> Result<(), Problem> {
    // An answer sheet may nest as deep as the sheet reader allows.
    let depth = limits.max_depth * 4;
    if json_depth(answers) > depth {
        return Err(refuse(ProblemKind::DossierNesting {
            file: ANSWERS.into(),
            limit: depth,
        }));
    }
    let sheet: serde_json::Value = serde_json::from_slice(answers).map_err(|e| {
        refuse(ProblemKind::DossierManifestInvalid {
            file: ANSWERS.into(),
            detail: e.to_string(),
        })
    })?;
    let mismatch = |detail: String| refuse(ProblemKind::DossierManifestMismatch { detail });
    let text =
        |v: &serde_json::Value, p: &str| v.pointer(p).and_then(|x| x.as_str()).map(str::to_string);
    let pairs = [
        (
            "questionnaire id",
            Some(manifest.questionnaire.id.clone()),
            text(&sheet, "/questionnaire/id"),
        ),
        (
            "questionnaire version",
            Some(manifest.questionnaire.version.clone()),
            text(&sheet, "/questionnaire/version"),
        ),
        (
            "company name",
            Some(manifest.company.name.clone()),
            text(&sheet, "/company/name"),
        ),
        ("period", manifest.period.clone(), text(&sheet, "/period")),
    ];
    for (what, m, a) in pairs {
        if m != a {
            return Err(mismatch(format!(
                "{what}: `{}` in the manifest, `{}` in answers.json",
                m.unwrap_or_default(),
                a.unwrap_or_default()
            )));
        }
    }
    let refs = file_refs(&sheet);
    let supports: BTreeSet<(String, String, String)> = manifest
        .files
        .iter()
        .flat_map(|f| {
            f.answers
                .iter()
                .map(|a| (f.sha256.clone(), a.question.clone(), a.track.clone()))
        })
        .collect();
    if let Some((sha, q, t)) = refs.difference(&supports).next() {
        return Err(mismatch(format!(
            "the evidence of {q} {t} refers to {FILE_REF_PREFIX}{sha}, which the manifest does not list for that answer"
        )));
    }
    if let Some((sha, q, t)) = supports.difference(&refs).next() {
        return Err(mismatch(format!(
            "the manifest says {FILE_REF_PREFIX}{sha} supports {q} {t}, whose evidence does not refer to it"
        )));
    }
    Ok(())
}

/// Every `file:<sha256>` evidence of an answer sheet: (sha256, question, track).
pub(crate) fn file_refs(sheet: &serde_json::Value) -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    let Some(answers) = sheet.get("answers").and_then(|a| a.as_object()) else {
        return out;
    };
    for (q, tracks) in answers {
        let Some(tracks) = tracks.as_object() else {
            continue;
        };
        for (t, answer) in tracks {
            let items: Vec<&serde_json::Value> = match answer.get("evidence") {
                Some(serde_json::Value::Array(a)) => a.iter().collect(),
                Some(v) => vec![v],
                None => vec![],
            };
            for item in items.iter().filter_map(|v| v.as_str()) {
                if let Some(sha) = item.trim().strip_prefix(FILE_REF_PREFIX) {
                    out.insert((sha.to_string(), q.clone(), t.clone()));
                }
            }
        }
    }
    out
}

/// Verifies the dossier `reader` holds, in one streaming pass: memory stays bounded by the
/// limits of the two JSON entries, whatever the size of the files.
pub fn verify<R: Read + Seek>(reader: R, limits: &Limits) -> Result<Verified, Problem> {
    match pass(reader, limits, None)? {
        Ok(found) => check(found, limits),
        // Nothing is written without a target.
        Err(_) => Err(unreadable("no target")),
    }
}

/// Verifies a dossier held in memory with the default limits (the fuzz target's entry point).
pub fn check_bytes(bytes: &[u8]) -> Result<Verified, Problem> {
    verify(std::io::Cursor::new(bytes), &Limits::default())
}

/// Verifies a dossier held in memory ([`check_bytes`]), then reads its files, in the manifest's
/// order, each hashed again as it is read (the web app's import, which stores them in the
/// browser).
pub fn read_bytes(bytes: &[u8]) -> Result<(Verified, Vec<Vec<u8>>), Problem> {
    let verified = check_bytes(bytes)?;
    let mut zip = ZipArchive::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let mut files = Vec::with_capacity(verified.manifest.files.len());
    for f in &verified.manifest.files {
        let mut entry = zip.by_name(&f.entry()).map_err(unreadable)?;
        let mut data = Vec::with_capacity(usize::try_from(f.size).unwrap_or(0));
        entry.read_to_end(&mut data).map_err(unreadable)?;
        if sha256_hex(&data) != f.sha256 {
            return Err(unreadable(format!(
                "{} changed while it was read",
                f.entry()
            )));
        }
        files.push(data);
    }
    Ok((verified, files))
}

/// Verifies the dossier `reader` holds, then writes its entries under `dir` (created if needed;
/// an entry that exists already is not overwritten): `answers.json`, `manifest.json` and
/// `files/<sha256>`. Every name is checked before anything is written, and the entries are
/// hashed again as they are written; on any failure, the files written are removed.
pub fn extract<R: Read + Seek>(
    mut reader: R,
    dir: &Path,
    limits: &Limits,
) -> Result<Verified, ExtractError> {
    verify(&mut reader, limits).map_err(ExtractError::Refused)?;
    reader
        .rewind()
        .map_err(|e| ExtractError::Refused(unreadable(e)))?;
    std::fs::create_dir_all(dir).map_err(|e| ExtractError::Write(dir.into(), e))?;
    let mut target = Target {
        dir,
        written: Vec::new(),
    };
    let outcome = match pass(&mut reader, limits, Some(&mut target)) {
        Err(p) => Err(ExtractError::Refused(p)),
        Ok(Err(e)) => Err(e),
        Ok(Ok(found)) => check(found, limits).map_err(ExtractError::Refused),
    };
    if outcome.is_err() {
        for p in target.written.iter().rev() {
            let _ = std::fs::remove_file(p);
        }
        let _ = std::fs::remove_dir(dir.join(FILES_DIR));
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_caught() {
        for n in [
            "../x",
            "/etc/passwd",
            "C:/x",
            "c:x",
            "a\\b",
            "files/../../x",
            "./x",
            "a//b",
            "",
        ] {
            assert!(unsafe_name(n), "{n}");
        }
        for n in ["manifest.json", "files/", "files/abc"] {
            assert!(!unsafe_name(n), "{n}");
        }
    }

    #[test]
    fn depth_skips_strings() {
        assert_eq!(json_depth(br#"{"a": "[[[[", "b": [[1]]}"#), 3);
        assert_eq!(json_depth(br#"{"a": "\"[[[["}"#), 1);
    }
}
