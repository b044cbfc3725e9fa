//! Which kind of answer file a file is, from its content and its name (the rules are in
//! `vigilance-read`'s `kind` module, which reads each kind).

use crate::answers::MAX_SHEET_BYTES;

/// Largest spreadsheet accepted, in bytes.
pub const MAX_SPREADSHEET_BYTES: usize = 64 * 1024 * 1024;

/// The kinds of answer files Vigilance reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `vigilance.answers/1` answer sheet.
    Json,
    /// An Excel workbook made with `vigilance template` (either layout).
    Workbook,
    /// A matrix CSV (one row per company).
    Csv,
}

/// The first bytes of a zip archive, which an xlsx workbook is.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

impl FileKind {
    /// The kind a file name's extension says (`.json`, `.xlsx`, `.csv`, any case), if it is one
    /// of ours.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let (stem, ext) = name.rsplit_once('.')?;
        // `.json` alone is a hidden file without extension, as for `std::path::Path`.
        if stem.is_empty() || stem.ends_with(['/', '\\']) || ext.contains(['/', '\\']) {
            return None;
        }
        match ext.to_ascii_lowercase().as_str() {
            "json" => Some(FileKind::Json),
            "xlsx" => Some(FileKind::Workbook),
            "csv" => Some(FileKind::Csv),
            _ => None,
        }
    }

    /// The kind of a file named `name` whose content is `bytes` (the rules of this module).
    pub fn recognise(name: &str, bytes: &[u8]) -> FileKind {
        if bytes.starts_with(ZIP_MAGIC) {
            return FileKind::Workbook;
        }
        if let Some(kind) = FileKind::from_name(name) {
            return kind;
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{' | b'[') | None => FileKind::Json,
            // UTF-16 and UTF-32 text start with a zero byte or a byte-order mark: the JSON reader
            // names the encoding.
            Some(0 | 0xFF | 0xFE) => FileKind::Json,
            _ => FileKind::Csv,
        }
    }

    /// The largest file read for this kind, in bytes: a JSON sheet holds one company, workbooks
    /// and CSV matrices may hold many.
    pub fn max_bytes(self) -> usize {
        match self {
            FileKind::Json => MAX_SHEET_BYTES,
            FileKind::Workbook | FileKind::Csv => MAX_SPREADSHEET_BYTES,
        }
    }

    /// Whether `bytes` (the start of a file is enough) are those of a zip archive.
    pub fn is_zip(bytes: &[u8]) -> bool {
        bytes.starts_with(ZIP_MAGIC)
    }
}
