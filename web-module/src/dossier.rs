//! The evidence dossier (`vigilance.dossier/1`) as the web app exports and imports it: the
//! documents an assessment keeps ([`Document`], their bytes in the browser's IndexedDB), the
//! export request ([`DossierRequest`]) and what an import gives back ([`DossierRead`]); and
//! which documents count as evidence ([`stale`], [`with_documents`]: the rule the results
//! screen and the workbook share).
//!
//! The zip and the hashes are written and checked by `vigilance-dossier`, the command line's own
//! code ([`vigilance_dossier::pack_bytes`], [`vigilance_dossier::read_bytes`]): this module only
//! turns the app's documents into its attachments and back. It runs in the on-demand module;
//! the types are shared with the app.
//!
//! Between the two WebAssembly modules the bytes travel in one buffer each way:
//! - export: the documents' bytes concatenated in the request's order (each `size` long); the
//!   answer is the fingerprint's 64 hex digits followed by the zip ([`split_packed`]);
//! - import: the answer is a 4-byte little-endian length, the JSON of a
//!   `Result<DossierRead, String>`, then the files' bytes concatenated in the documents' order
//!   ([`split_read`]).

use serde::{Deserialize, Serialize};
use vigilance_dossier::AnswerRef;
use vigilance_dossier::evidence::{DEFAULT_MAX_AGE_MONTHS, Staleness, period_end, staleness};
use vigilance_model::{AnswerSheet, Track};

/// A document attached to an assessment. Its bytes are kept apart (the browser's IndexedDB,
/// under [`Document::id`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Its key in the browser's store (unique in this browser; an imported document's is its
    /// SHA-256).
    pub id: String,
    /// The file's original name.
    pub name: String,
    /// Its title (the file name when none is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// The document's date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The last day it is valid, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// The answers it supports.
    #[serde(default)]
    pub answers: Vec<AnswerRef>,
}

impl Document {
    /// The title shown: the title, or else the file name.
    pub fn title_shown(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }

    /// The document as a manifest entry (with `sha256` left empty): what
    /// [`vigilance_dossier::evidence::staleness`] reads.
    pub fn as_manifest_file(&self) -> vigilance_dossier::ManifestFile {
        vigilance_dossier::ManifestFile {
            sha256: String::new(),
            name: self.name.clone(),
            title: self.title.clone(),
            media_type: self.media_type.clone(),
            size: self.size,
            date: self.date.clone(),
            valid_until: self.valid_until.clone(),
            answers: self.answers.clone(),
        }
    }
}

/// Whether `doc` is stale for the period of `sheet`: the command line's rule, with its default
/// age (24 months before the period's end) or past its valid-until date.
pub fn stale(doc: &Document, sheet: &AnswerSheet) -> Option<Staleness> {
    staleness(
        &doc.as_manifest_file(),
        period_end(sheet.period.as_deref()),
        DEFAULT_MAX_AGE_MONTHS,
    )
}

/// `sheet` with each of `docs` that is not stale as evidence (`file:<id>`) of the answers it
/// supports: what is scored (the exports keep the sheet as it is).
pub fn with_documents(sheet: &AnswerSheet, docs: &[Document]) -> AnswerSheet {
    let mut out = sheet.clone();
    for d in docs.iter().filter(|d| stale(d, sheet).is_none()) {
        for a in &d.answers {
            let Some(track) = Track::from_code(&a.track) else {
                continue;
            };
            if let Some(mut answer) = out.answer(&a.question, track).cloned() {
                answer
                    .evidence
                    .push(format!("{}{}", vigilance_dossier::FILE_REF_PREFIX, d.id));
                out.set_answer(&a.question, track, Some(answer));
            }
        }
    }
    out
}

/// What a dossier is made of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierRequest {
    /// The answer sheet, as exported (an unjustified `na` left out).
    pub sheet: AnswerSheet,
    /// The documents, in the order of their bytes; only the answers the sheet gives are kept.
    pub documents: Vec<Document>,
    /// When it is made (RFC 3339, UTC).
    pub created: String,
}

/// A dossier read back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DossierRead {
    /// The answer sheet, without its `file:` evidence (the documents carry it).
    pub sheet: AnswerSheet,
    /// The documents, in the order of their bytes.
    pub documents: Vec<Document>,
    /// The dossier's fingerprint.
    pub fingerprint: String,
}

/// The fingerprint and the zip from the module's export answer.
pub fn split_packed(bytes: &[u8]) -> Option<(String, &[u8])> {
    let (fp, zip) = bytes.split_at_checked(64)?;
    let fp = std::str::from_utf8(fp).ok()?;
    vigilance_dossier::is_sha256_hex(fp).then(|| (fp.to_string(), zip))
}

/// The read dossier and each file's bytes from the module's import answer.
pub fn split_read(bytes: &[u8]) -> Result<(DossierRead, Vec<Vec<u8>>), String> {
    let damaged = || "damaged answer from the on-demand module".to_string();
    let (len, rest) = bytes.split_at_checked(4).ok_or_else(damaged)?;
    let len = u32::from_le_bytes(len.try_into().map_err(|_| damaged())?) as usize;
    let (json, mut files) = rest.split_at_checked(len).ok_or_else(damaged)?;
    // Read from text, as the app reads its saved state: one copy of the sheet's reader in the
    // first download, not a second one for bytes.
    let json = std::str::from_utf8(json).map_err(|_| damaged())?;
    let read: Result<DossierRead, String> =
        serde_json::from_str(json).map_err(|e| e.to_string())?;
    let read = read?;
    let mut out = Vec::with_capacity(read.documents.len());
    for d in &read.documents {
        let n = usize::try_from(d.size).map_err(|_| damaged())?;
        let (this, rest) = files.split_at_checked(n).ok_or_else(damaged)?;
        out.push(this.to_vec());
        files = rest;
    }
    Ok((read, out))
}

#[cfg(feature = "full")]
mod work {
    use super::*;
    use vigilance_dossier::{Attachment, FILE_REF_PREFIX, PackError};
    use vigilance_model::Lang;

    /// `sheet` with every document of `docs` (stale ones too) in the evidence of the answers it
    /// supports, as `file:<sha256>` (`file:<id>` when its hash is unknown): the sheet as the
    /// command line shows a dossier's answers.
    pub fn shown_with_files(sheet: &AnswerSheet, docs: &[(Document, String)]) -> AnswerSheet {
        let mut out = sheet.clone();
        for (d, sha) in docs {
            let key = if sha.is_empty() { &d.id } else { sha };
            for a in &d.answers {
                let Some(track) = Track::from_code(&a.track) else {
                    continue;
                };
                if let Some(mut answer) = out.answer(&a.question, track).cloned() {
                    answer.evidence.push(format!("{FILE_REF_PREFIX}{key}"));
                    out.set_answer(&a.question, track, Some(answer));
                }
            }
        }
        out
    }

    /// The Evidence sheet's rows of `docs` (each with its SHA-256) for `sheet`: one per
    /// document and answer given it supports, stale or not by [`stale`].
    pub fn evidence_rows(
        sheet: &AnswerSheet,
        docs: &[(Document, String)],
    ) -> Vec<vigilance_results::EvidenceRow> {
        let mut rows = Vec::new();
        for (d, sha) in docs {
            let is_stale = stale(d, sheet).is_some();
            for a in &d.answers {
                let Some(track) = Track::from_code(&a.track) else {
                    continue;
                };
                if sheet.answer(&a.question, track).is_none() {
                    continue;
                }
                rows.push(vigilance_results::EvidenceRow {
                    question: a.question.clone(),
                    track,
                    title: d.title_shown().to_string(),
                    file_name: d.name.clone(),
                    date: d.date.clone(),
                    valid_until: d.valid_until.clone(),
                    sha256: sha.clone(),
                    stale: is_stale,
                });
            }
        }
        rows
    }

    /// Writes the dossier of `req`, the documents' bytes concatenated in `files`: the
    /// fingerprint's hex digits, then the zip ([`split_packed`]).
    pub fn pack_dossier(req: &DossierRequest, files: &[u8]) -> Result<Vec<u8>, String> {
        let sheet: serde_json::Value =
            serde_json::from_str(&req.sheet.to_json_pretty()).map_err(|e| e.to_string())?;
        let mut rest = files;
        let mut attachments = Vec::with_capacity(req.documents.len());
        for d in &req.documents {
            let n = usize::try_from(d.size).map_err(|e| e.to_string())?;
            let (bytes, more) = rest
                .split_at_checked(n)
                .ok_or_else(|| format!("{}: fewer bytes than its size", d.name))?;
            rest = more;
            let answered = |a: &AnswerRef| {
                Track::from_code(&a.track)
                    .is_some_and(|t| req.sheet.answer(&a.question, t).is_some())
            };
            let attachment = Attachment {
                path: d.name.clone().into(),
                name: d.name.clone(),
                title: d.title.clone(),
                date: d.date.clone(),
                valid_until: d.valid_until.clone(),
                answers: d.answers.iter().filter(|a| answered(a)).cloned().collect(),
            };
            attachments.push((attachment, bytes));
        }
        let mut zip = std::io::Cursor::new(Vec::new());
        let (_, fingerprint) =
            vigilance_dossier::pack_bytes(&mut zip, &sheet, &attachments, &req.created).map_err(
                |e| match e {
                    PackError::Read(p, e) => format!("{}: {e}", p.display()),
                    PackError::Write(e) => e,
                    PackError::NotAnswered(a) => format!("{} {}", a.question, a.track),
                },
            )?;
        let mut bytes = fingerprint.into_bytes();
        bytes.extend_from_slice(zip.get_ref());
        Ok(bytes)
    }

    /// Reads a dossier: verified by the command line's reader (a refusal worded in `lang` with
    /// its `VG-D` code), the answers read as any answer sheet, the files' bytes after the JSON
    /// ([`split_read`]).
    pub fn read_dossier(bytes: &[u8], lang: Lang) -> Vec<u8> {
        let (read, files) = match read(bytes, lang) {
            Ok((r, f)) => (Ok(r), f),
            Err(e) => (Err(e), Vec::new()),
        };
        let json = serde_json::to_vec(&read).unwrap_or_default();
        let mut out =
            Vec::with_capacity(4 + json.len() + files.iter().map(Vec::len).sum::<usize>());
        out.extend_from_slice(&u32::try_from(json.len()).unwrap_or(0).to_le_bytes());
        out.extend_from_slice(&json);
        for f in files {
            out.extend_from_slice(&f);
        }
        out
    }

    fn read(bytes: &[u8], lang: Lang) -> Result<(DossierRead, Vec<Vec<u8>>), String> {
        let (verified, files) = vigilance_dossier::read_bytes(bytes)
            .map_err(|p| format!("{} [{}]", p.describe(lang), p.code()))?;
        let parts =
            crate::read_answer_parts(vigilance_dossier::ANSWERS, &verified.answers_json, lang);
        let mut sheet = match parts.into_iter().next().map(|p| p.result) {
            Some(Ok(read)) => read.sheet,
            Some(Err(e)) => return Err(e),
            None => {
                return Err(vigilance_text::Web::ImportNotVigilance
                    .text(lang)
                    .to_string());
            }
        };
        for tracks in sheet.answers.values_mut() {
            for track in Track::ALL {
                if let Some(a) = tracks.slot(track).as_mut() {
                    a.evidence
                        .retain(|e| !e.trim().starts_with(FILE_REF_PREFIX));
                }
            }
        }
        let documents = verified
            .manifest
            .files
            .iter()
            .map(|f| Document {
                id: f.sha256.clone(),
                name: f.name.clone(),
                title: f.title.clone(),
                media_type: f.media_type.clone(),
                size: f.size,
                date: f.date.clone(),
                valid_until: f.valid_until.clone(),
                answers: f.answers.clone(),
            })
            .collect();
        Ok((
            DossierRead {
                sheet,
                documents,
                fingerprint: verified.fingerprint,
            },
            files,
        ))
    }
}

#[cfg(feature = "full")]
pub use work::{evidence_rows, pack_dossier, read_dossier, shown_with_files};

#[cfg(all(test, feature = "full"))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use vigilance_model::{Answer, AnswerValue, Lang, Track};

    fn doc(id: &str, name: &str, size: usize, answers: &[(&str, &str)]) -> Document {
        Document {
            id: id.into(),
            name: name.into(),
            title: None,
            media_type: vigilance_dossier::media_type_of(name).into(),
            size: size as u64,
            date: Some("2025-02-01".into()),
            valid_until: None,
            answers: answers
                .iter()
                .map(|(q, t)| AnswerRef {
                    question: q.to_string(),
                    track: t.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_dossier_made_in_the_browser_reads_back_with_its_answers_and_files() {
        let grid = vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap();
        let mut sheet = AnswerSheet::new(grid);
        sheet.company.name = "Preuve SA".into();
        sheet.period = Some("2025".into());
        let mut yes = Answer::new(AnswerValue::Yes);
        yes.evidence = vec!["Plan p. 3".into()];
        sheet.set_answer("Q01", Track::CL, Some(yes));
        sheet.set_answer("Q02", Track::FL, Some(Answer::new(AnswerValue::Partial)));
        let (a, b) = (b"%PDF-1.7 plan".to_vec(), b"audit".to_vec());
        let req = DossierRequest {
            sheet: sheet.clone(),
            documents: vec![
                // Q03 CL is not answered: left out of the dossier, not an error.
                doc(
                    "1",
                    "plan.pdf",
                    a.len(),
                    &[("Q01", "CL"), ("Q02", "FL"), ("Q03", "CL")],
                ),
                doc("2", "audit.txt", b.len(), &[("Q01", "CL")]),
            ],
            created: "2026-12-06T23:00:00Z".into(),
        };
        let packed = pack_dossier(&req, &[a.clone(), b.clone()].concat()).unwrap();
        let (fp, zip) = split_packed(&packed).unwrap();
        assert_eq!(vigilance_dossier::check_bytes(zip).unwrap().fingerprint, fp);
        let (read, files) = split_read(&read_dossier(zip, Lang::En)).unwrap();
        assert_eq!(read.fingerprint, fp);
        assert_eq!(files, vec![a, b]);
        assert_eq!(read.documents[0].answers.len(), 2);
        assert_eq!(read.documents[1].name, "audit.txt");
        // The text evidence stays; the file references are the documents'.
        assert_eq!(
            read.sheet.answer("Q01", Track::CL).unwrap().evidence,
            vec!["Plan p. 3".to_string()]
        );
        assert_eq!(read.sheet.company.name, "Preuve SA");
    }

    #[test]
    fn a_changed_dossier_is_refused_in_plain_words_with_its_code() {
        let (read, files) = split_read(&read_dossier(b"PK\x03\x04 not really", Lang::Fr))
            .map(|(r, f)| (Ok::<_, String>(r), f))
            .unwrap_or_else(|e| (Err(e), vec![]));
        assert!(files.is_empty());
        let e = read.unwrap_err();
        assert!(e.contains("[VG-D"), "{e}");
    }
}
