//! Writing a dossier: the files are hashed as they stream (twice: once to name them, once as
//! they are copied, so that a file changed in between is refused), the answers that a file
//! supports get its `file:<sha256>` evidence, and the manifest is written last. The files come
//! from disk ([`pack`], the command line) or from memory ([`pack_bytes`], the web app's on-demand
//! module, which holds the documents the browser stored): one writer for both.

use crate::manifest::{
    AnswerRef, CompanyRef, DOSSIER_FORMAT, GridRef, Manifest, ManifestFile, media_type_of,
};
use crate::{ANSWERS, FILE_REF_PREFIX, MANIFEST, hex, sha256_hex};
use sha2::{Digest, Sha256};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

/// A document to attach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Where its bytes are.
    pub path: PathBuf,
    /// Its original name (the file name).
    pub name: String,
    /// Its title, when one was given.
    pub title: Option<String>,
    /// The document's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The last day it is valid, `YYYY-MM-DD`.
    pub valid_until: Option<String>,
    /// The answers it supports.
    pub answers: Vec<AnswerRef>,
}

/// Why a dossier could not be written.
#[derive(Debug)]
pub enum PackError {
    /// A file cannot be read (or changed while it was being packed).
    Read(PathBuf, std::io::Error),
    /// The output cannot be written.
    Write(String),
    /// A file is said to support an answer the sheet does not give.
    NotAnswered(AnswerRef),
}

/// Where an attachment's bytes are read from.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// A file on disk.
    Path(&'a Path),
    /// Bytes in memory.
    Memory(&'a [u8]),
}

fn hash_file(
    path: &Path,
    source: Source<'_>,
    mut sink: Option<&mut dyn Write>,
) -> Result<(String, u64), PackError> {
    let err = |e| PackError::Read(path.to_path_buf(), e);
    let mut f: Box<dyn Read> = match source {
        Source::Path(p) => Box::new(std::fs::File::open(p).map_err(err)?),
        Source::Memory(bytes) => Box::new(bytes),
    };
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut n = 0u64;
    loop {
        let got = f.read(&mut buf).map_err(err)?;
        if got == 0 {
            break;
        }
        hasher.update(&buf[..got]);
        n += got as u64;
        if let Some(w) = sink.as_deref_mut() {
            w.write_all(&buf[..got])
                .map_err(|e| PackError::Write(e.to_string()))?;
        }
    }
    Ok((hex(&hasher.finalize()), n))
}

/// Adds `file:<sha>` to the evidence of `answer` in the sheet `sheet` (a `vigilance.answers/1`
/// document).
fn add_ref(sheet: &mut serde_json::Value, answer: &AnswerRef, sha: &str) -> Result<(), PackError> {
    use serde_json::{Value, json};
    let not_answered = || PackError::NotAnswered(answer.clone());
    let slot = sheet
        .get_mut("answers")
        .and_then(|a| a.get_mut(&answer.question))
        .and_then(|q| q.get_mut(&answer.track))
        .ok_or_else(not_answered)?;
    let reference = Value::String(format!("{FILE_REF_PREFIX}{sha}"));
    if let Value::String(v) = slot {
        *slot = json!({ "value": v.clone() });
    }
    let obj = slot.as_object_mut().ok_or_else(not_answered)?;
    let evidence = obj
        .entry("evidence")
        .or_insert_with(|| Value::Array(vec![]));
    if let Value::String(s) = evidence {
        *evidence = Value::Array(vec![Value::String(s.clone())]);
    }
    if let Value::Array(items) = evidence
        && !items.contains(&reference)
    {
        items.push(reference);
    }
    Ok(())
}

/// Writes a dossier of the answer sheet `sheet` (a `vigilance.answers/1` document) and the
/// attachments to `out`, created at `created` (RFC 3339). Returns the manifest and the
/// fingerprint. The same content attached twice is one file supporting the answers of both.
pub fn pack<W: Write + Seek>(
    out: W,
    sheet: &serde_json::Value,
    attachments: &[Attachment],
    created: &str,
) -> Result<(Manifest, String), PackError> {
    let sources: Vec<(&Attachment, Source<'_>)> = attachments
        .iter()
        .map(|a| (a, Source::Path(&a.path)))
        .collect();
    pack_from(out, sheet, &sources, created)
}

/// [`pack`] with each attachment's bytes given in memory (its `path` then only names it in an
/// error): the web app's export, whose documents the browser holds.
pub fn pack_bytes<W: Write + Seek>(
    out: W,
    sheet: &serde_json::Value,
    attachments: &[(Attachment, &[u8])],
    created: &str,
) -> Result<(Manifest, String), PackError> {
    let sources: Vec<(&Attachment, Source<'_>)> = attachments
        .iter()
        .map(|(a, bytes)| (a, Source::Memory(bytes)))
        .collect();
    pack_from(out, sheet, &sources, created)
}

fn pack_from<W: Write + Seek>(
    out: W,
    sheet: &serde_json::Value,
    attachments: &[(&Attachment, Source<'_>)],
    created: &str,
) -> Result<(Manifest, String), PackError> {
    let mut sheet = sheet.clone();
    let mut files: Vec<(ManifestFile, &Path, Source<'_>)> = Vec::new();
    for &(a, source) in attachments {
        let (sha, size) = hash_file(&a.path, source, None)?;
        let index = match files.iter().position(|(f, _, _)| f.sha256 == sha) {
            Some(i) => i,
            None => {
                files.push((
                    ManifestFile {
                        sha256: sha.clone(),
                        name: a.name.clone(),
                        title: a.title.clone(),
                        media_type: media_type_of(&a.name).to_string(),
                        size,
                        date: a.date.clone(),
                        valid_until: a.valid_until.clone(),
                        answers: vec![],
                    },
                    &a.path,
                    source,
                ));
                files.len() - 1
            }
        };
        for answer in &a.answers {
            add_ref(&mut sheet, answer, &sha)?;
            let list = &mut files[index].0.answers;
            if !list.contains(answer) {
                list.push(answer.clone());
            }
        }
    }
    let mut answers =
        serde_json::to_vec_pretty(&sheet).map_err(|e| PackError::Write(e.to_string()))?;
    answers.push(b'\n');
    let text = |p: &str| {
        sheet
            .pointer(p)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let manifest = Manifest {
        format: DOSSIER_FORMAT.to_string(),
        questionnaire: GridRef {
            id: text("/questionnaire/id").unwrap_or_default(),
            version: text("/questionnaire/version").unwrap_or_default(),
        },
        company: CompanyRef {
            name: text("/company/name").unwrap_or_default(),
            id: text("/company/id"),
        },
        period: text("/period"),
        created: created.to_string(),
        answers_sha256: sha256_hex(&answers),
        files: files.iter().map(|(f, _, _)| f.clone()).collect(),
    };
    let mut manifest_bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| PackError::Write(e.to_string()))?;
    manifest_bytes.push(b'\n');

    let werr = |e: zip::result::ZipError| PackError::Write(e.to_string());
    let ioerr = |e: std::io::Error| PackError::Write(e.to_string());
    let mut zip = ZipWriter::new(out);
    let json = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(ANSWERS, json).map_err(werr)?;
    zip.write_all(&answers).map_err(ioerr)?;
    for (f, path, source) in &files {
        // Documents are mostly compressed already (PDF, images, Office): stored as they are.
        let stored = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .large_file(f.size >= u64::from(u32::MAX));
        zip.start_file(f.entry(), stored).map_err(werr)?;
        let (sha, _) = hash_file(path, *source, Some(&mut zip))?;
        if sha != f.sha256 {
            return Err(PackError::Read(
                path.to_path_buf(),
                std::io::Error::other("the file changed while it was being packed"),
            ));
        }
    }
    zip.start_file(MANIFEST, json).map_err(werr)?;
    zip.write_all(&manifest_bytes).map_err(ioerr)?;
    zip.finish().map_err(werr)?;
    Ok((manifest, sha256_hex(&manifest_bytes)))
}
