//! What can be wrong in an input ([`ProblemKind`]), each kind with its stable code (`VG-A07`)
//! and its sentence and hint from the catalogue ([`crate::messages`]).
//!
//! Codes never change meaning and are never reused: a new kind takes the next free number of
//! its family. `F` is for files and JSON, `A` for answer sheets, `Q` for questionnaires, `S`
//! for spreadsheets (xlsx and CSV). docs/formats.md lists them all; a test checks the list.

use crate::codes::{AnswerValue, Level, Track};
use crate::exact::decimal_mark;
use crate::messages::{Msg, value_shown, values_shown};
use crate::text::Lang;
use std::fmt::{self, Display};

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

    fn msg(self) -> Msg {
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
}

impl IdKind {
    fn msg(self) -> Msg {
        match self {
            IdKind::Question => Msg::IdQuestion,
            IdKind::Theme => Msg::IdTheme,
            IdKind::Track => Msg::IdTrack,
            IdKind::Level => Msg::IdLevel,
            IdKind::AnswerValue => Msg::IdAnswerValue,
        }
    }
}

/// A number of a questionnaire, with the range it must be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// The threshold: a percentage.
    Threshold,
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
    fn msgs(self) -> (Msg, Msg) {
        match self {
            NumberKind::Threshold => (Msg::NumThreshold, Msg::ExpectPercent),
            NumberKind::Weight => (Msg::NumWeight, Msg::ExpectPositive),
            NumberKind::IndexWeight => (Msg::NumIndexWeight, Msg::ExpectPositive),
            NumberKind::Points => (Msg::NumPoints, Msg::ExpectFraction),
            NumberKind::NaPoints => (Msg::NumPoints, Msg::ExpectNull),
        }
    }
}

/// What a file given to the command was taken to be, for the size message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Not known yet.
    AnswerFile,
    /// A JSON answer sheet.
    Json,
    /// An Excel workbook.
    Xlsx,
    /// A CSV matrix.
    Csv,
}

impl FileKind {
    fn msg(self) -> Msg {
        match self {
            FileKind::AnswerFile => Msg::InputAnswerFile,
            FileKind::Json => Msg::InputJson,
            FileKind::Xlsx => Msg::InputXlsx,
            FileKind::Csv => Msg::InputCsv,
        }
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
        /// What it was taken to be.
        kind: FileKind,
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
    /// An answer to a question the questionnaire does not have.
    UnknownQuestion {
        /// The id found.
        question: String,
        /// `id version` of the questionnaire.
        questionnaire: String,
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
}

/// The arguments of a message: name and value.
type Args<'a> = Vec<(&'static str, Box<dyn Display + 'a>)>;

fn arg<'a>(name: &'static str, v: impl Display + 'a) -> (&'static str, Box<dyn Display + 'a>) {
    (name, Box::new(v))
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
            NotTemplate { .. } => "VG-S01",
            XlsxNotSupported => "VG-S02",
            XlsxUnreadable { .. } => "VG-S03",
            RowWithoutAnswer { .. } => "VG-S04",
            AnswerWithoutId => "VG-S05",
            ColumnNotRead { .. } => "VG-S06",
            MatrixNoRows => "VG-S07",
            CsvUnreadable { .. } => "VG-S08",
            NoCompany => "VG-S09",
        }
    }

    /// The catalogue entry of the sentence, and its arguments in `lang`.
    fn sentence(&self, lang: Lang) -> (Msg, Args<'_>) {
        use ProblemKind::*;
        let shown = |v: AnswerValue| value_shown(v, lang);
        let list = |v: &[AnswerValue]| values_shown(v, lang);
        match self {
            Syntax { detail } => (Msg::Syntax, vec![arg("detail", detail)]),
            Empty => (Msg::Empty, vec![]),
            Encoding { found } => (Msg::Encoding, vec![arg("found", found)]),
            EncodingLatin1 => (Msg::EncodingLatin1, vec![]),
            ZipNotText => (Msg::ZipNotText, vec![]),
            WrongType { expected, found } => (
                Msg::WrongType,
                vec![
                    arg("expected", expected.msg().text(lang)),
                    arg("found", found.msg().text(lang)),
                ],
            ),
            MissingField { field } => (Msg::MissingField, vec![arg("field", field)]),
            InvalidData { detail } => (Msg::InvalidData, vec![arg("detail", detail)]),
            DuplicateKey {
                key,
                first_line,
                first_column,
            } => (
                Msg::DuplicateKey,
                vec![
                    arg("key", key),
                    arg(
                        "first",
                        Msg::PlaceLineColumn
                            .fill(lang, &[("line", first_line), ("column", first_column)]),
                    ),
                ],
            ),
            FileTooLarge { found, limit } => (
                Msg::TooLargeFile,
                vec![arg("found", found), arg("limit", limit)],
            ),
            TextTooLong { found, limit } => (
                Msg::TooLargeText,
                vec![arg("found", found), arg("limit", limit)],
            ),
            TooMuchEvidence { found, limit } => (
                Msg::TooLargeEvidence,
                vec![arg("found", found), arg("limit", limit)],
            ),
            TooManyZipEntries { found, limit } => (
                Msg::TooManyZipEntries,
                vec![arg("found", found), arg("limit", limit)],
            ),
            DecompressedTooLarge { found, limit } => (
                Msg::TooLargeDecompressed,
                vec![arg("found", found), arg("limit", limit)],
            ),
            FileNotFound => (Msg::FileNotFound, vec![]),
            PermissionDenied => (Msg::PermissionDenied, vec![]),
            IsDirectory => (Msg::IsDirectory, vec![]),
            Unreadable { detail } => (Msg::Unreadable, vec![arg("detail", detail)]),
            InputTooLarge {
                source,
                size,
                limit,
                kind,
            } => {
                let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
                let decimal = |s: String| decimal_mark(s, lang);
                (
                    Msg::InputTooLarge,
                    vec![
                        arg("source", source),
                        arg("size", size),
                        arg("size_mib", decimal(format!("{:.1}", mib(*size)))),
                        arg("limit", limit),
                        arg("limit_mib", decimal(format!("{:.0}", mib(*limit)))),
                        arg("what", kind.msg().text(lang)),
                    ],
                )
            }
            NotAnswerFile { ext } if ext.is_empty() => (Msg::NotAnswerFile, vec![]),
            NotAnswerFile { ext } => (Msg::NotAnswerFileExt, vec![arg("ext", ext)]),
            NoAnswerFileInDir => (Msg::NoAnswerFileInDir, vec![]),
            UnsupportedFormat { found, expected } => (
                Msg::UnsupportedFormat,
                vec![arg("found", found), arg("expected", expected)],
            ),
            FormatMissing { expected } => (Msg::FormatMissing, vec![arg("expected", expected)]),
            QuestionnaireMismatch { expected, found } => (
                Msg::QuestionnaireMismatch,
                vec![arg("expected", expected), arg("found", found)],
            ),
            VersionMismatch { expected, found } => (
                Msg::VersionMismatch,
                vec![arg("expected", expected), arg("found", found)],
            ),
            QuestionnaireMissing { expected } => {
                (Msg::QuestionnaireMissing, vec![arg("expected", expected)])
            }
            CompanyNameMissing => (Msg::CompanyNameMissing, vec![]),
            UnknownQuestion {
                question,
                questionnaire,
            } => (
                Msg::UnknownQuestion,
                vec![
                    arg("question", question),
                    arg("questionnaire", questionnaire),
                ],
            ),
            IgnoredQuestion {
                question,
                questionnaire,
            } => (
                Msg::IgnoredQuestion,
                vec![
                    arg("question", question),
                    arg("questionnaire", questionnaire),
                ],
            ),
            UnknownTrack { found } => (Msg::UnknownTrack, vec![arg("found", found)]),
            TrackNotAsked {
                question,
                track,
                allowed,
            } => (
                Msg::TrackNotAsked,
                vec![
                    arg("question", question),
                    arg("track", track),
                    arg("allowed", allowed),
                ],
            ),
            InvalidValue { found, allowed } => (
                Msg::InvalidValue,
                vec![arg("found", found), arg("allowed", list(allowed))],
            ),
            PartialNotDefined { question, allowed } => (
                Msg::PartialNotDefined,
                vec![
                    arg("question", question),
                    arg("partial", shown(AnswerValue::Partial)),
                    arg("allowed", list(allowed)),
                ],
            ),
            NaOnCritical { question, allowed } => (
                Msg::NaOnCritical,
                vec![
                    arg("question", question),
                    arg("na", shown(AnswerValue::Na)),
                    arg("allowed", list(allowed)),
                ],
            ),
            NaWithoutJustification { question, track } => (
                Msg::NaWithoutJustification,
                vec![
                    arg("na", shown(AnswerValue::Na)),
                    arg("question", question),
                    arg("track", track),
                ],
            ),
            DuplicateId { what, id } => (
                Msg::DuplicateId,
                vec![arg("what", what.msg().text(lang)), arg("id", id)],
            ),
            UnknownLevel { found } => (Msg::UnknownLevel, vec![arg("found", found)]),
            UnknownTheme { found, known } => (
                Msg::UnknownTheme,
                vec![arg("found", found), arg("known", known)],
            ),
            MissingTranslation { lang: missing } => (
                Msg::MissingTranslation,
                vec![arg(
                    "lang",
                    match missing {
                        Lang::Fr => Msg::LangFrench,
                        Lang::En => Msg::LangEnglish,
                    }
                    .text(lang),
                )],
            ),
            EmptyTrackLevel { track, level } => (
                Msg::EmptyTrackLevel,
                vec![arg("track", track), arg("level", level)],
            ),
            CriticalAllowsNa { question } => {
                (Msg::CriticalAllowsNa, vec![arg("question", question)])
            }
            InvalidNumber { what, value } => {
                let (name, expected) = what.msgs();
                (
                    Msg::InvalidNumber,
                    vec![
                        arg("value", value),
                        arg("what", name.text(lang)),
                        arg("expected", expected.text(lang)),
                    ],
                )
            }
            InvalidVersion { found } => (Msg::InvalidVersion, vec![arg("found", found)]),
            MissingAnswerValue { value } => (Msg::MissingAnswerValue, vec![arg("value", value)]),
            NoTrack => (Msg::NoTrack, vec![]),
            Repeated { found } => (Msg::Repeated, vec![arg("found", found)]),
            IndexWeightCount { found } => (Msg::IndexWeightCount, vec![arg("found", found)]),
            TrackNotDefined { track } => (Msg::TrackNotDefined, vec![arg("track", track)]),
            NotTemplate { found, detail } => {
                let clue = match found {
                    TemplateClue::NoHeader => Msg::NotTemplateNoHeader.text(lang).to_string(),
                    TemplateClue::NoMatrixHeader => {
                        Msg::NotTemplateNoMatrixHeader.text(lang).to_string()
                    }
                    TemplateClue::NoAnswerColumns => {
                        Msg::NotTemplateNoAnswerColumns.text(lang).to_string()
                    }
                    TemplateClue::FirstRow { csv, headers } => if *csv {
                        Msg::NotTemplateFirstLine
                    } else {
                        Msg::NotTemplateFirstRow
                    }
                    .fill(lang, &[("headers", headers)]),
                    TemplateClue::Sheets(s) => Msg::NotTemplateSheets.fill(lang, &[("sheets", s)]),
                };
                let mut args = vec![arg("found", clue)];
                if let Some(d) = detail {
                    // The reader's own words, after the sentence.
                    args.push(arg("detail", d));
                }
                (Msg::NotTemplate, args)
            }
            XlsxNotSupported => (Msg::XlsxNotSupported, vec![]),
            XlsxUnreadable { detail } => (Msg::XlsxUnreadable, vec![arg("detail", detail)]),
            RowWithoutAnswer { id } => (Msg::RowWithoutAnswer, vec![arg("id", id)]),
            AnswerWithoutId => (Msg::AnswerWithoutId, vec![]),
            ColumnNotRead { header } => (Msg::ColumnNotRead, vec![arg("header", header)]),
            MatrixNoRows => (Msg::MatrixNoRows, vec![]),
            CsvUnreadable { detail } => (Msg::CsvUnreadable, vec![arg("detail", detail)]),
            NoCompany => (Msg::NoCompany, vec![]),
        }
    }

    /// The sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (msg, args) = self.sentence(lang);
        let refs: Vec<(&str, &dyn Display)> = args.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        let mut out = msg.fill(lang, &refs);
        if let ProblemKind::NotTemplate {
            detail: Some(d), ..
        } = self
        {
            out.push_str(&format!(" ({d})"));
        }
        out
    }

    /// What to do about it, in `lang`, where there is a useful hint.
    pub fn help(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        let shown = |v: AnswerValue| value_shown(v, lang);
        Some(match self {
            Syntax { .. } => Msg::SyntaxHelp.text(lang).into(),
            Encoding { .. } | EncodingLatin1 => Msg::EncodingHelp.text(lang).into(),
            ZipNotText => Msg::ZipNotTextHelp.text(lang).into(),
            DuplicateKey { .. } => Msg::DuplicateKeyHelp.text(lang).into(),
            UnknownQuestion { .. } => Msg::UnknownQuestionHelp.text(lang).into(),
            TrackNotAsked { allowed, .. } => {
                Msg::TrackNotAskedHelp.fill(lang, &[("allowed", allowed)])
            }
            InvalidValue { allowed, .. } => {
                Msg::InvalidValueHelp.fill(lang, &[("allowed", &values_shown(allowed, lang))])
            }
            PartialNotDefined { .. } => Msg::PartialNotDefinedHelp.fill(
                lang,
                &[
                    ("yes", &shown(AnswerValue::Yes)),
                    ("no", &shown(AnswerValue::No)),
                ],
            ),
            NaOnCritical { .. } => {
                Msg::NaOnCriticalHelp.fill(lang, &[("unknown", &shown(AnswerValue::Unknown))])
            }
            NaWithoutJustification { .. } => Msg::NaWithoutJustificationHelp.text(lang).into(),
            QuestionnaireMismatch { .. } => Msg::QuestionnaireMismatchHelp.text(lang).into(),
            Empty => Msg::EmptyHelp.text(lang).into(),
            _ => return None,
        })
    }

    /// One problem of every kind, for the tests of the catalogue and of the docs.
    pub fn samples() -> Vec<ProblemKind> {
        use ProblemKind::*;
        let s = || "x".to_string();
        let values = vec![AnswerValue::Yes, AnswerValue::No];
        vec![
            Syntax { detail: s() },
            Empty,
            Encoding { found: s() },
            EncodingLatin1,
            ZipNotText,
            WrongType {
                expected: JsonType::Object,
                found: JsonType::Null,
            },
            MissingField { field: s() },
            InvalidData { detail: s() },
            DuplicateKey {
                key: s(),
                first_line: 1,
                first_column: 2,
            },
            FileTooLarge { found: 2, limit: 1 },
            TextTooLong { found: 2, limit: 1 },
            TooMuchEvidence { found: 2, limit: 1 },
            TooManyZipEntries { found: 2, limit: 1 },
            DecompressedTooLarge { found: 2, limit: 1 },
            FileNotFound,
            PermissionDenied,
            IsDirectory,
            Unreadable { detail: s() },
            InputTooLarge {
                source: s(),
                size: 2,
                limit: 1,
                kind: FileKind::Csv,
            },
            NotAnswerFile { ext: s() },
            NoAnswerFileInDir,
            UnsupportedFormat {
                found: s(),
                expected: "y",
            },
            FormatMissing { expected: "y" },
            QuestionnaireMismatch {
                expected: s(),
                found: s(),
            },
            VersionMismatch {
                expected: s(),
                found: s(),
            },
            QuestionnaireMissing { expected: s() },
            CompanyNameMissing,
            UnknownQuestion {
                question: s(),
                questionnaire: s(),
            },
            IgnoredQuestion {
                question: s(),
                questionnaire: s(),
            },
            UnknownTrack { found: s() },
            TrackNotAsked {
                question: s(),
                track: Track::CL,
                allowed: s(),
            },
            InvalidValue {
                found: s(),
                allowed: values.clone(),
            },
            PartialNotDefined {
                question: s(),
                allowed: values.clone(),
            },
            NaOnCritical {
                question: s(),
                allowed: values,
            },
            NaWithoutJustification {
                question: s(),
                track: Track::FL,
            },
            DuplicateId {
                what: IdKind::Theme,
                id: s(),
            },
            UnknownLevel { found: s() },
            UnknownTheme {
                found: s(),
                known: s(),
            },
            MissingTranslation { lang: Lang::Fr },
            EmptyTrackLevel {
                track: Track::CL,
                level: Level::N2,
            },
            CriticalAllowsNa { question: s() },
            InvalidNumber {
                what: NumberKind::Weight,
                value: s(),
            },
            InvalidVersion { found: s() },
            MissingAnswerValue {
                value: AnswerValue::Na,
            },
            NoTrack,
            Repeated { found: s() },
            IndexWeightCount { found: 3 },
            TrackNotDefined { track: Track::FL },
            NotTemplate {
                found: TemplateClue::Sheets(s()),
                detail: Some(s()),
            },
            XlsxNotSupported,
            XlsxUnreadable { detail: s() },
            RowWithoutAnswer { id: s() },
            AnswerWithoutId,
            ColumnNotRead { header: s() },
            MatrixNoRows,
            CsvUnreadable { detail: s() },
            NoCompany,
        ]
    }
}

impl Display for ProblemKind {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ProblemKind {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_kind_has_a_unique_code_and_both_languages_filled() {
        let mut codes = BTreeSet::new();
        for kind in ProblemKind::samples() {
            let code = kind.code();
            assert!(codes.insert(code), "{code} used twice");
            let family = code.as_bytes()[3];
            assert!(
                code.len() == 6 && code.starts_with("VG-") && b"FAQS".contains(&family),
                "{code}"
            );
            for lang in Lang::ALL {
                let m = kind.message(lang);
                assert!(!m.contains('{') && !m.trim().is_empty(), "{code}: {m}");
                if let Some(h) = kind.help(lang) {
                    assert!(!h.contains('{'), "{code}: {h}");
                }
            }
        }
    }

    #[test]
    fn the_docs_list_every_code() {
        let docs = include_str!("../../../docs/formats.md");
        for kind in ProblemKind::samples() {
            assert!(
                docs.contains(&format!("`{}`", kind.code())),
                "docs/formats.md does not list {}",
                kind.code()
            );
        }
    }

    #[test]
    fn values_appear_as_written_in_each_language() {
        let k = ProblemKind::PartialNotDefined {
            question: "Q07".into(),
            allowed: vec![AnswerValue::Yes, AnswerValue::No],
        };
        assert_eq!(
            k.message(Lang::Fr),
            "Q07 n'admet pas « Partiellement » (partial) : répondez « Oui » (yes), « Non » (no)"
        );
    }
}
