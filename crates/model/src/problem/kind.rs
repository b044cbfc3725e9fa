//! What can be wrong in an input ([`ProblemKind`]), each kind with its stable code (`VG-A07`),
//! and the typed facts its messages name (JSON types, kinds of ids and numbers…).
//!
//! Codes never change meaning and are never reused: a new kind takes the next free number of
//! its family. `F` is for files and JSON, `A` for answer sheets, `Q` for questionnaires, `S`
//! for spreadsheets (xlsx and CSV), `D` for evidence dossiers. docs/formats.md lists them all; a test checks the list.

use crate::codes::{AnswerValue, Level, Track};
use crate::files::FileKind;
use crate::messages::Msg;
use crate::text::Lang;

/// A JSON type, as messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// `{…}`.
    Object,
    /// `"…"`.
    String,
    /// `["…", "…"]`.
    StringList,
    /// `[…]`.
    List,
    /// `12`.
    Number,
    /// `true`.
    Boolean,
    /// `null`.
    Null,
    /// A value string or an object with `value`.
    Answer,
}

impl JsonType {
    /// The type of a JSON value.
    pub fn of(v: &serde_json::Value) -> JsonType {
        use serde_json::Value;
        match v {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::List,
            Value::Object(_) => JsonType::Object,
        }
    }

    pub(super) fn msg(self) -> Msg {
        match self {
            JsonType::Object => Msg::TypeObject,
            JsonType::String => Msg::TypeString,
            JsonType::StringList => Msg::TypeStringList,
            JsonType::List => Msg::TypeList,
            JsonType::Number => Msg::TypeNumber,
            JsonType::Boolean => Msg::TypeBoolean,
            JsonType::Null => Msg::TypeNull,
            JsonType::Answer => Msg::TypeAnswer,
        }
    }
}

/// What carries an id that must be unique in a questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    /// A question.
    Question,
    /// A theme.
    Theme,
    /// A track.
    Track,
    /// A level.
    Level,
    /// An answer value.
    AnswerValue,
    /// A framework of the regulation mapping.
    Framework,
    /// A requirement of a framework.
    Requirement,
}

impl IdKind {
    pub(super) fn msg(self) -> Msg {
        match self {
            IdKind::Question => Msg::IdQuestion,
            IdKind::Theme => Msg::IdTheme,
            IdKind::Track => Msg::IdTrack,
            IdKind::Level => Msg::IdLevel,
            IdKind::AnswerValue => Msg::IdAnswerValue,
            IdKind::Framework => Msg::IdFramework,
            IdKind::Requirement => Msg::IdRequirement,
        }
    }
}

/// A number of a questionnaire, with the range it must be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// The threshold: a percentage.
    Threshold,
    /// `na_limits.min_applicable_percent`: a percentage.
    MinApplicable,
    /// A question's weight: positive.
    Weight,
    /// An index weight: positive.
    IndexWeight,
    /// The points of an answer value: 0 to 1.
    Points,
    /// The points of `na`: null.
    NaPoints,
}

impl NumberKind {
    pub(super) fn msgs(self) -> (Msg, Msg) {
        match self {
            NumberKind::Threshold => (Msg::NumThreshold, Msg::ExpectPercent),
            NumberKind::MinApplicable => (Msg::NumMinApplicable, Msg::ExpectPercent),
            NumberKind::Weight => (Msg::NumWeight, Msg::ExpectPositive),
            NumberKind::IndexWeight => (Msg::NumIndexWeight, Msg::ExpectPositive),
            NumberKind::Points => (Msg::NumPoints, Msg::ExpectFraction),
            NumberKind::NaPoints => (Msg::NumPoints, Msg::ExpectNull),
        }
    }
}

/// What a file given to the command was taken to be, for the size message: a kind of answer
/// file ([`FileKind`], the readers' own), or `None` while it is not known yet.
pub(super) fn input_kind_msg(kind: Option<FileKind>) -> Msg {
    match kind {
        None => Msg::InputAnswerFile,
        Some(FileKind::Json) => Msg::InputJson,
        Some(FileKind::Workbook) => Msg::InputXlsx,
        Some(FileKind::Csv) => Msg::InputCsv,
    }
}

/// What a workbook that is not a template was found to hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateClue {
    /// The marker says answer template, but the header row is missing.
    NoHeader,
    /// The marker says matrix, but the first row lacks the headers.
    NoMatrixHeader,
    /// The header row lacks the ID, Track and Answer columns.
    NoAnswerColumns,
    /// The first row (of a sheet, or of a CSV file) holds other headers.
    FirstRow {
        /// Whether the file is a CSV (its first line) rather than a workbook (its first row).
        csv: bool,
        /// The headers found, separated by ` | `.
        headers: String,
    },
    /// No marker: the sheets found, comma-separated.
    Sheets(String),
}

/// What is wrong, with the facts needed to say it in either language.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The text is not valid JSON.
    Syntax {
        /// The parser's description, in English.
        detail: String,
    },
    /// The file is empty.
    Empty,
    /// The file is encoded as UTF-16 or UTF-32, not UTF-8.
    Encoding {
        /// The encoding detected (`UTF-16 LE`, `UTF-16 BE`, `UTF-32`).
        found: String,
    },
    /// The file is not UTF-8; probably Latin-1 or Windows-1252.
    EncodingLatin1,
    /// The file is a zip archive where text was expected.
    ZipNotText,
    /// A value has the wrong JSON type.
    WrongType {
        /// What was expected.
        expected: JsonType,
        /// What was found.
        found: JsonType,
    },
    /// A required field is missing.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A value the reader cannot use (not a syntax error).
    InvalidData {
        /// The reader's description, in English.
        detail: String,
    },
    /// A key written twice in one JSON object.
    DuplicateKey {
        /// The key.
        key: String,
        /// Line of its first occurrence.
        first_line: usize,
        /// Column of its first occurrence.
        first_column: usize,
    },
    /// A file larger than the limit, in bytes.
    FileTooLarge {
        /// Its size.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// A text longer than the limit, in characters.
    TextTooLong {
        /// Its length.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// Too many evidence items on one answer.
    TooMuchEvidence {
        /// How many.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// Too many files inside a workbook archive.
    TooManyZipEntries {
        /// How many.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// A workbook larger than the limit once decompressed.
    DecompressedTooLarge {
        /// At least this many bytes.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// No such file.
    FileNotFound,
    /// The file may not be read.
    PermissionDenied,
    /// A directory where a file was expected.
    IsDirectory,
    /// The file cannot be read for another reason.
    Unreadable {
        /// The system's description.
        detail: String,
    },
    /// An input over the size limit of its kind; it was not read.
    InputTooLarge {
        /// The input as given.
        source: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
        /// What it was taken to be (`None`: an answer file of a kind not known yet).
        kind: Option<FileKind>,
    },
    /// A file that is no answer sheet, by its extension (empty when it has none).
    NotAnswerFile {
        /// The extension, without the dot.
        ext: String,
    },
    /// A directory holding no answer sheet.
    NoAnswerFileInDir,
    /// The `format` field names a format this version does not read.
    UnsupportedFormat {
        /// The format found.
        found: String,
        /// The format expected.
        expected: &'static str,
    },
    /// The `format` field is absent.
    FormatMissing {
        /// The format assumed.
        expected: &'static str,
    },
    /// The sheet answers another questionnaire.
    QuestionnaireMismatch {
        /// The id of the loaded questionnaire.
        expected: String,
        /// The id in the sheet.
        found: String,
    },
    /// The sheet answers another version of the questionnaire.
    VersionMismatch {
        /// The version loaded.
        expected: String,
        /// The version in the sheet.
        found: String,
    },
    /// The sheet does not say which questionnaire it answers.
    QuestionnaireMissing {
        /// The questionnaire assumed (`id version`).
        expected: String,
    },
    /// The company has no name.
    CompanyNameMissing,
    /// A company's `nace` that is not a NACE Rev. 2 section or division.
    InvalidNace {
        /// The code as written.
        found: String,
    },
    /// A company's `tier` that is not 1, 2 or 3+.
    InvalidTier {
        /// The tier as written.
        found: String,
    },
    /// The same company for the same period as an earlier sheet of the batch: listed, but
    /// counted once in the cohort figures.
    DuplicateCompany {
        /// The source of the sheet counted.
        kept: String,
        /// The company's name.
        company: String,
        /// The period, when given.
        period: Option<String>,
    },
    /// An answer to a question the questionnaire does not have.
    UnknownQuestion {
        /// The id found.
        question: String,
        /// `id version` of the questionnaire.
        questionnaire: String,
        /// The questionnaire's first and last question ids (`Q01`, `Q40`), for the help.
        range: (String, String),
    },
    /// An answer to a question of an older version that this version no longer has (ignored).
    IgnoredQuestion {
        /// The id found.
        question: String,
        /// `id version` of the questionnaire.
        questionnaire: String,
    },
    /// A track key that is not a track.
    UnknownTrack {
        /// The key found.
        found: String,
    },
    /// A track the question is not asked for.
    TrackNotAsked {
        /// The question.
        question: String,
        /// The track given.
        track: Track,
        /// The tracks the question has, e.g. `CL`.
        allowed: String,
    },
    /// An answer value that is not one of the allowed values.
    InvalidValue {
        /// The value as written.
        found: String,
        /// The values allowed here.
        allowed: Vec<AnswerValue>,
    },
    /// `partial` on a question that does not define it.
    PartialNotDefined {
        /// The question.
        question: String,
        /// The values allowed here.
        allowed: Vec<AnswerValue>,
    },
    /// `na` on a critical question.
    NaOnCritical {
        /// The question.
        question: String,
        /// The values allowed here.
        allowed: Vec<AnswerValue>,
    },
    /// `na` without a justification.
    NaWithoutJustification {
        /// The question.
        question: String,
        /// The track.
        track: Track,
    },
    /// A duplicate id in a questionnaire.
    DuplicateId {
        /// What carries the id.
        what: IdKind,
        /// The id.
        id: String,
    },
    /// A level code that is not N1..N4.
    UnknownLevel {
        /// The code found.
        found: String,
    },
    /// A theme the questionnaire does not define.
    UnknownTheme {
        /// The code found.
        found: String,
        /// The themes defined.
        known: String,
    },
    /// A text missing in one language.
    MissingTranslation {
        /// The language missing.
        lang: Lang,
    },
    /// A (track, level) with no question.
    EmptyTrackLevel {
        /// The track.
        track: Track,
        /// The level.
        level: Level,
    },
    /// A critical question that allows `na`.
    CriticalAllowsNa {
        /// The question.
        question: String,
    },
    /// A number out of its range or with too many decimals.
    InvalidNumber {
        /// What the number is, and so its range.
        what: NumberKind,
        /// The number as written.
        value: String,
    },
    /// A version that is not `MAJOR.MINOR.PATCH`.
    InvalidVersion {
        /// The version found.
        found: String,
    },
    /// An answer value missing from the questionnaire's list.
    MissingAnswerValue {
        /// The value.
        value: AnswerValue,
    },
    /// A question that applies to no track.
    NoTrack,
    /// A list whose items must differ has a repeat.
    Repeated {
        /// The repeated item.
        found: String,
    },
    /// Not exactly four index weights.
    IndexWeightCount {
        /// How many were given.
        found: usize,
    },
    /// A question's track that the questionnaire's `tracks` does not define.
    TrackNotDefined {
        /// The track.
        track: Track,
    },
    /// A mapping names a framework the grid does not define.
    UnknownFramework {
        /// The id found.
        found: String,
        /// The frameworks defined.
        known: String,
    },
    /// A mapping names a requirement its framework does not list.
    UnknownRequirement {
        /// The framework.
        framework: String,
        /// The reference found.
        found: String,
    },
    /// A mapping is limited to a track its question is not asked for.
    MappingTrackNotAsked {
        /// The track.
        track: Track,
    },
    /// A question states an `na` condition but does not allow `na`.
    NaConditionWithoutNa {
        /// The question.
        question: String,
    },
    /// A workbook that is not a Vigilance template.
    NotTemplate {
        /// What was found instead.
        found: TemplateClue,
        /// The reader's errors on the sheets tried, if any.
        detail: Option<String>,
    },
    /// This build reads no workbook (the browser's).
    XlsxNotSupported,
    /// The workbook cannot be opened.
    XlsxUnreadable {
        /// The reader's description, in English.
        detail: String,
    },
    /// A row with a comment, evidence or justification but no answer.
    RowWithoutAnswer {
        /// The question id of the row.
        id: String,
    },
    /// An answer with no question id.
    AnswerWithoutId,
    /// A matrix column that is neither a company detail nor an answer.
    ColumnNotRead {
        /// Its header.
        header: String,
    },
    /// A matrix with no company row.
    MatrixNoRows,
    /// A spreadsheet with no company in it.
    NoCompany,
    /// A CSV the reader cannot parse.
    CsvUnreadable {
        /// The reader's description, in English.
        detail: String,
    },
    /// A workbook named `.json` or `.csv`, read as the workbook it is.
    WorkbookMisnamed {
        /// The extension of its name, without the dot.
        ext: String,
    },
    /// A symbolic link back to a directory being walked: not followed.
    LinkLoop {
        /// The directory it leads back to.
        target: String,
    },
    /// A CSV that is not UTF-8, read as Windows-1252 (French Excel's CSV).
    CsvWindows1252 {
        /// The field separator found (`;`, `,` or tab).
        delimiter: char,
    },
    /// Evidence dossier (`vigilance.dossier/1`): a required entry is missing, so the zip is
    /// not a dossier.
    DossierNotDossier {
        /// The entry missing (`manifest.json`, `answers.json`).
        file: String,
    },
    /// Evidence dossier: the archive cannot be read (truncated, damaged, unsupported).
    DossierUnreadable {
        /// The zip reader's description, in English.
        detail: String,
    },
    /// Evidence dossier: a file whose SHA-256 is not the manifest's.
    DossierHashMismatch {
        /// The entry.
        file: String,
    },
    /// Evidence dossier: a file the manifest lists but the archive does not hold.
    DossierMissingFile {
        /// The entry.
        file: String,
    },
    /// Evidence dossier: an entry the manifest does not list.
    DossierExtraFile {
        /// The entry.
        file: String,
    },
    /// Evidence dossier: an entry name that could escape the target folder.
    DossierUnsafePath {
        /// The entry name as written.
        file: String,
    },
    /// Evidence dossier: an entry twice, or two names that differ only in case.
    DossierDuplicateEntry {
        /// The entry.
        file: String,
    },
    /// Evidence dossier: more decompressed bytes than the limit.
    DossierTooLarge {
        /// At least this many bytes.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// Evidence dossier: an entry compressed more than the limit (a zip bomb).
    DossierRatio {
        /// The entry.
        file: String,
        /// Its ratio, rounded down.
        ratio: u64,
        /// The limit.
        limit: u64,
    },
    /// Evidence dossier: `manifest.json` (or `answers.json`) that cannot be used.
    DossierManifestInvalid {
        /// The entry.
        file: String,
        /// What is wrong, in English.
        detail: String,
    },
    /// Evidence dossier: one entry larger than the limit for it.
    DossierEntryTooLarge {
        /// The entry.
        file: String,
        /// At least this many bytes.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// Evidence dossier: an entry name that is not UTF-8.
    DossierNameNotUtf8 {
        /// The name, with the bytes that are not UTF-8 replaced.
        file: String,
    },
    /// Evidence dossier: an encrypted entry.
    DossierEncrypted {
        /// The entry.
        file: String,
    },
    /// Evidence dossier: the manifest and `answers.json` disagree.
    DossierManifestMismatch {
        /// What differs, in English.
        detail: String,
    },
    /// Evidence dossier: more entries than the limit.
    DossierTooManyEntries {
        /// How many.
        found: u64,
        /// The limit.
        limit: u64,
    },
    /// Evidence dossier: the fingerprint is not the one expected.
    DossierFingerprintMismatch {
        /// The dossier's fingerprint.
        found: String,
        /// The fingerprint given.
        expected: String,
    },
    /// Evidence dossier: a JSON entry nested deeper than the limit.
    DossierNesting {
        /// The entry.
        file: String,
        /// The limit, in levels.
        limit: u64,
    },
    /// Evidence: an attached document dated too long before the period's end (warning).
    EvidenceTooOld {
        /// The question.
        question: String,
        /// The track.
        track: Track,
        /// The document's title.
        document: String,
        /// Its date.
        date: String,
        /// The maximum age, in months.
        months: u64,
        /// The period.
        period: String,
    },
    /// Evidence: an attached document past its valid-until date at the period's end (warning).
    EvidenceExpired {
        /// The question.
        question: String,
        /// The track.
        track: Track,
        /// The document's title.
        document: String,
        /// Its valid-until date.
        valid_until: String,
        /// The period.
        period: String,
    },
    /// `na` on a question that is not critical but does not allow it (`allow_na: false`).
    NaNotAllowed {
        /// The question.
        question: String,
        /// The values allowed here.
        allowed: Vec<AnswerValue>,
    },
    /// A result, not an input: `na` answers leave out more than a quarter of a level's question
    /// weight in a track (warning; no effect on scoring).
    HeavyNa {
        /// The track.
        track: Track,
        /// The level.
        level: Level,
        /// The share left out, in tenths of a percent (rounded half away from zero).
        tenths: u64,
    },
}

impl ProblemKind {
    /// The stable code of this kind (`VG-A07`), for machines and for searching the docs.
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            Syntax { .. } => "VG-F01",
            Empty => "VG-F02",
            Encoding { .. } => "VG-F03",
            EncodingLatin1 => "VG-F04",
            ZipNotText => "VG-F05",
            WrongType { .. } => "VG-F06",
            MissingField { .. } => "VG-F07",
            InvalidData { .. } => "VG-F08",
            DuplicateKey { .. } => "VG-F09",
            FileTooLarge { .. } => "VG-F10",
            TextTooLong { .. } => "VG-F11",
            TooMuchEvidence { .. } => "VG-F12",
            TooManyZipEntries { .. } => "VG-F13",
            DecompressedTooLarge { .. } => "VG-F14",
            FileNotFound => "VG-F15",
            PermissionDenied => "VG-F16",
            IsDirectory => "VG-F17",
            Unreadable { .. } => "VG-F18",
            InputTooLarge { .. } => "VG-F19",
            NotAnswerFile { .. } => "VG-F20",
            NoAnswerFileInDir => "VG-F21",
            UnsupportedFormat { .. } => "VG-A01",
            FormatMissing { .. } => "VG-A02",
            QuestionnaireMismatch { .. } => "VG-A03",
            VersionMismatch { .. } => "VG-A04",
            QuestionnaireMissing { .. } => "VG-A05",
            CompanyNameMissing => "VG-A06",
            UnknownQuestion { .. } => "VG-A07",
            IgnoredQuestion { .. } => "VG-A08",
            UnknownTrack { .. } => "VG-A09",
            TrackNotAsked { .. } => "VG-A10",
            InvalidValue { .. } => "VG-A11",
            PartialNotDefined { .. } => "VG-A12",
            NaOnCritical { .. } => "VG-A13",
            NaWithoutJustification { .. } => "VG-A14",
            InvalidNace { .. } => "VG-A15",
            InvalidTier { .. } => "VG-A16",
            DuplicateCompany { .. } => "VG-A17",
            DuplicateId { .. } => "VG-Q01",
            UnknownLevel { .. } => "VG-Q02",
            UnknownTheme { .. } => "VG-Q03",
            MissingTranslation { .. } => "VG-Q04",
            EmptyTrackLevel { .. } => "VG-Q05",
            CriticalAllowsNa { .. } => "VG-Q06",
            InvalidNumber { .. } => "VG-Q07",
            InvalidVersion { .. } => "VG-Q08",
            MissingAnswerValue { .. } => "VG-Q09",
            NoTrack => "VG-Q10",
            Repeated { .. } => "VG-Q11",
            IndexWeightCount { .. } => "VG-Q12",
            TrackNotDefined { .. } => "VG-Q13",
            UnknownFramework { .. } => "VG-Q14",
            UnknownRequirement { .. } => "VG-Q15",
            MappingTrackNotAsked { .. } => "VG-Q16",
            NaConditionWithoutNa { .. } => "VG-Q17",
            NotTemplate { .. } => "VG-S01",
            XlsxNotSupported => "VG-S02",
            XlsxUnreadable { .. } => "VG-S03",
            RowWithoutAnswer { .. } => "VG-S04",
            AnswerWithoutId => "VG-S05",
            ColumnNotRead { .. } => "VG-S06",
            MatrixNoRows => "VG-S07",
            CsvUnreadable { .. } => "VG-S08",
            NoCompany => "VG-S09",
            WorkbookMisnamed { .. } => "VG-F22",
            LinkLoop { .. } => "VG-F23",
            CsvWindows1252 { .. } => "VG-S10",
            DossierNotDossier { .. } => "VG-D01",
            DossierUnreadable { .. } => "VG-D02",
            DossierHashMismatch { .. } => "VG-D03",
            DossierMissingFile { .. } => "VG-D04",
            DossierExtraFile { .. } => "VG-D05",
            DossierUnsafePath { .. } => "VG-D06",
            DossierDuplicateEntry { .. } => "VG-D07",
            DossierTooLarge { .. } => "VG-D08",
            DossierRatio { .. } => "VG-D09",
            DossierManifestInvalid { .. } => "VG-D10",
            DossierEntryTooLarge { .. } => "VG-D11",
            DossierNameNotUtf8 { .. } => "VG-D12",
            DossierEncrypted { .. } => "VG-D13",
            DossierManifestMismatch { .. } => "VG-D14",
            DossierTooManyEntries { .. } => "VG-D15",
            DossierFingerprintMismatch { .. } => "VG-D16",
            DossierNesting { .. } => "VG-D17",
            EvidenceTooOld { .. } => "VG-D18",
            EvidenceExpired { .. } => "VG-D19",
            HeavyNa { .. } => "VG-A18",
            NaNotAllowed { .. } => "VG-A19",
        }
    }
}
