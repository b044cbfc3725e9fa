//! The manifest of a dossier (`manifest.json`): what each attached file is and which answers it
//! supports, plus the grid, company, period and creation time. Its JSON Schema is generated from
//! these types ([`manifest_schema`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format of the manifest, `vigilance.dossier/1`.
pub const DOSSIER_FORMAT: &str = "vigilance.dossier/1";

/// The manifest of a dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Manifest {
    /// Always `vigilance.dossier/1`.
    pub format: String,
    /// The grid the answers answer.
    pub questionnaire: GridRef,
    /// The company, as `answers.json` names it.
    pub company: CompanyRef,
    /// The period of the answers, as `answers.json` gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// When the dossier was made (RFC 3339, UTC).
    pub created: String,
    /// The SHA-256 of `answers.json` (64 lowercase hex digits): the fingerprint of the manifest
    /// thereby covers the answers too.
    pub answers_sha256: String,
    /// The attached files, each once (by content).
    pub files: Vec<ManifestFile>,
}

/// A grid: id and version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GridRef {
    /// The grid's id (`rhsf-fir`).
    pub id: String,
    /// Its version (`1.2.0`).
    pub version: String,
}

/// The company a dossier is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CompanyRef {
    /// Its name.
    pub name: String,
    /// Its identifier (LEI, ISIN…), when the sheet gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One attached file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ManifestFile {
    /// Its SHA-256, 64 lowercase hex digits: the entry is `files/<sha256>`, and an answer's
    /// evidence refers to it as `file:<sha256>`.
    pub sha256: String,
    /// The file's original name.
    pub name: String,
    /// Its title (the file name when none was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its media type (`application/pdf`).
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// The document's date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The last day the document is valid, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// The answers it supports.
    #[serde(default)]
    pub answers: Vec<AnswerRef>,
}

/// An answer: a question and a track.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct AnswerRef {
    /// The question id (`Q01`).
    pub question: String,
    /// The track (`CL` or `FL`).
    pub track: String,
}

impl ManifestFile {
    /// The zip entry of the file.
    pub fn entry(&self) -> String {
        format!("{}{}", crate::FILES_DIR, self.sha256)
    }

    /// The title shown: the title, or else the file name.
    pub fn title_shown(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }
}

/// The JSON Schema of `manifest.json`, pretty-printed, ending with a newline.
pub fn manifest_schema() -> String {
    let mut s = serde_json::to_string_pretty(&schemars::schema_for!(Manifest)).unwrap_or_default();
    s.push('\n');
    s
}

/// Whether `s` is a SHA-256 as the format writes it: 64 lowercase hex digits.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `s` is a calendar date `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(_), Some(m), Some(d)) => (1..=12).contains(&m) && (1..=31).contains(&d),
        _ => false,
    }
}

/// A media type from a file name's extension (`application/octet-stream` when unknown).
pub fn media_type_of(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "md" => "text/markdown",
        "html" | "htm" => "text/html",
        "json" => "application/json",
        "xml" => "application/xml",
        "zip" => "application/zip",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    }
}
