//! The evidence dossier, `vigilance.dossier/1`: one zip file holding a company's answer sheet
//! (`answers.json`), the documents that back its answers (`files/<sha256>`) and a manifest
//! (`manifest.json`) that says what each document is and which answers it supports. The
//! dossier's **fingerprint** is the SHA-256 of `manifest.json`; the manifest records the SHA-256
//! of `answers.json` and of every file, so the fingerprint covers the whole dossier.
//!
//! [`pack`] writes a dossier; [`verify`] reads one in one streaming pass (bounded memory: the two
//! JSON entries are read up to their limits, every file is hashed as it streams) and refuses it
//! as a whole at the first thing wrong, with a problem whose code (`VG-D…`) names the entry;
//! [`extract`] verifies, then writes the entries under a folder and nowhere else.
//!
//! docs/formats.md describes the format; `questionnaires/schema/dossier-manifest.schema.json`
//! is the manifest's JSON Schema ([`manifest_schema`]).

pub mod evidence;
mod manifest;
mod verify;
mod write;

pub use manifest::{
    AnswerRef, CompanyRef, DOSSIER_FORMAT, GridRef, Manifest, ManifestFile, is_date, is_sha256_hex,
    manifest_schema, media_type_of,
};
pub use verify::{ExtractError, Verified, check_bytes, extract, read_bytes, verify};
pub use write::{Attachment, PackError, pack, pack_bytes};

/// The entry of the manifest.
pub const MANIFEST: &str = "manifest.json";
/// The entry of the answer sheet.
pub const ANSWERS: &str = "answers.json";
/// The folder of the attached files.
pub const FILES_DIR: &str = "files/";
/// How an answer's evidence refers to an attached file: `file:<sha256>`.
pub const FILE_REF_PREFIX: &str = "file:";

/// The limits a dossier must keep to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive.
    pub max_entries: u64,
    /// Decompressed bytes of all entries together.
    pub max_total: u64,
    /// Decompressed bytes of one attached file.
    pub max_file: u64,
    /// Bytes of `manifest.json`.
    pub max_manifest: u64,
    /// Bytes of `answers.json` (an answer sheet's limit).
    pub max_answers: u64,
    /// Decompressed size over compressed size of one entry, for entries over 1 MiB.
    pub max_ratio: u64,
    /// Nesting levels of the JSON entries.
    pub max_depth: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_entries: 10_000,
            max_total: 4 << 30,
            max_file: 2 << 30,
            max_manifest: 4 << 20,
            max_answers: 8 << 20,
            max_ratio: 200,
            max_depth: 32,
        }
    }
}

/// The SHA-256 of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The fuzz target's check (`fuzz/fuzz_targets/dossier_zip.rs`): reading any bytes as a dossier
/// never panics, a refusal carries a `VG-D` code and a sentence in both languages, and a dossier
/// that passes has a 64-digit fingerprint and answers within the limits.
pub fn fuzz_check(data: &[u8]) {
    use vigilance_model::Lang;
    match check_bytes(data) {
        Ok(v) => {
            assert!(is_sha256_hex(&v.fingerprint));
            assert!(v.answers_json.len() as u64 <= Limits::default().max_answers);
            for f in &v.manifest.files {
                assert!(is_sha256_hex(&f.sha256));
            }
        }
        Err(p) => {
            assert!(p.code().starts_with("VG-D"), "{}", p.code());
            // The sentence exists in both languages. (Whether every placeholder is filled is the
            // samples test's job, on every problem kind: here a detail quoted from the input, such
            // as a JSON error, may itself hold braces.)
            for lang in [Lang::Fr, Lang::En] {
                assert!(!p.kind.message(lang).trim().is_empty());
            }
        }
    }
}
