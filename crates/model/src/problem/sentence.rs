//! How a problem is said: the catalogue entry of each [`ProblemKind`] ([`crate::messages`]),
//! filled with its facts in the reader's language, and its hint where there is one. Answer
//! values appear as users write them (« Partiellement » (partial)).

use super::kind::{ProblemKind, TemplateClue};
use crate::codes::{AnswerValue, value_shown, values_shown};
use crate::exact::decimal_mark;
use crate::messages::Msg;
use crate::text::Lang;
use std::fmt::{self, Display};

/// The arguments of a message: name and value.
pub(super) type Args<'a> = Vec<(&'static str, Box<dyn Display + 'a>)>;

fn arg<'a>(name: &'static str, v: impl Display + 'a) -> (&'static str, Box<dyn Display + 'a>) {
    (name, Box::new(v))
}

impl ProblemKind {
    /// The catalogue entry of the sentence, and its arguments in `lang`.
    pub(super) fn sentence(&self, lang: Lang) -> (Msg, Args<'_>) {
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
                        arg("what", super::kind::input_kind_msg(*kind).text(lang)),
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
            InvalidNace { found } => (Msg::InvalidNace, vec![arg("found", found)]),
            InvalidTier { found } => (Msg::InvalidTier, vec![arg("found", found)]),
            HeavyNa {
                track,
                level,
                tenths,
            } => (
                Msg::HeavyNa,
                vec![
                    arg("track", track),
                    arg("level", level.code()),
                    arg(
                        "percent",
                        decimal_mark(format!("{}.{}", tenths / 10, tenths % 10), lang),
                    ),
                ],
            ),
            DuplicateCompany {
                kept,
                company,
                period,
            } => (
                Msg::DuplicateCompany,
                vec![
                    arg("kept", kept),
                    arg("company", company),
                    arg(
                        "period",
                        crate::answers::period_shown(period.as_deref(), lang),
                    ),
                ],
            ),
            UnknownQuestion {
                question,
                questionnaire,
                ..
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
            NaNotAllowed { question, allowed } => (
                Msg::NaNotAllowed,
                vec![
                    arg("question", question),
                    arg("na", shown(AnswerValue::Na)),
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
                vec![arg("lang", lang.name_of(*missing))],
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
            UnknownFramework { found, known } => (
                Msg::UnknownFramework,
                vec![arg("found", found), arg("known", known)],
            ),
            UnknownRequirement { framework, found } => (
                Msg::UnknownRequirement,
                vec![arg("framework", framework), arg("found", found)],
            ),
            NaConditionWithoutNa { question } => {
                (Msg::NaConditionWithoutNa, vec![arg("question", question)])
            }
            MappingTrackNotAsked { track } => {
                (Msg::MappingTrackNotAsked, vec![arg("track", track)])
            }
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
            WorkbookMisnamed { ext } => (Msg::WorkbookMisnamed, vec![arg("ext", ext)]),
            LinkLoop { target } => (Msg::LinkLoop, vec![arg("target", target)]),
            CsvWindows1252 { delimiter } => {
                let sep = match delimiter {
                    ';' => Msg::SeparatorSemicolon,
                    '\t' => Msg::SeparatorTab,
                    _ => Msg::SeparatorComma,
                };
                (Msg::CsvWindows1252, vec![arg("separator", sep.text(lang))])
            }
            DossierNotDossier { file } => (Msg::DossierNotDossier, vec![arg("file", file)]),
            DossierUnreadable { detail } => (Msg::DossierUnreadable, vec![arg("detail", detail)]),
            DossierHashMismatch { file } => (Msg::DossierHashMismatch, vec![arg("file", file)]),
            DossierMissingFile { file } => (Msg::DossierMissingFile, vec![arg("file", file)]),
            DossierExtraFile { file } => (Msg::DossierExtraFile, vec![arg("file", file)]),
            DossierUnsafePath { file } => (Msg::DossierUnsafePath, vec![arg("file", file)]),
            DossierDuplicateEntry { file } => (Msg::DossierDuplicateEntry, vec![arg("file", file)]),
            DossierTooLarge { found, limit } => (
                Msg::DossierTooLarge,
                vec![arg("found", found), arg("limit", limit)],
            ),
            DossierRatio { file, ratio, limit } => (
                Msg::DossierRatio,
                vec![arg("file", file), arg("ratio", ratio), arg("limit", limit)],
            ),
            DossierManifestInvalid { file, detail } => (
                Msg::DossierManifestInvalid,
                vec![arg("file", file), arg("detail", detail)],
            ),
            DossierEntryTooLarge { file, found, limit } => (
                Msg::DossierEntryTooLarge,
                vec![arg("file", file), arg("found", found), arg("limit", limit)],
            ),
            DossierNameNotUtf8 { file } => (Msg::DossierNameNotUtf8, vec![arg("file", file)]),
            DossierEncrypted { file } => (Msg::DossierEncrypted, vec![arg("file", file)]),
            DossierManifestMismatch { detail } => {
                (Msg::DossierManifestMismatch, vec![arg("detail", detail)])
            }
            DossierTooManyEntries { found, limit } => (
                Msg::DossierTooManyEntries,
                vec![arg("found", found), arg("limit", limit)],
            ),
            DossierFingerprintMismatch { found, expected } => (
                Msg::DossierFingerprintMismatch,
                vec![arg("found", found), arg("expected", expected)],
            ),
            DossierNesting { file, limit } => (
                Msg::DossierNesting,
                vec![arg("file", file), arg("limit", limit)],
            ),
            EvidenceTooOld {
                question,
                track,
                document,
                date,
                months,
                period,
            } => (
                Msg::EvidenceTooOld,
                vec![
                    arg("question", question),
                    arg("track", track.code()),
                    arg("document", document),
                    arg("date", date),
                    arg("months", months),
                    arg("period", period),
                ],
            ),
            EvidenceExpired {
                question,
                track,
                document,
                valid_until,
                period,
            } => (
                Msg::EvidenceExpired,
                vec![
                    arg("question", question),
                    arg("track", track.code()),
                    arg("document", document),
                    arg("valid_until", valid_until),
                    arg("period", period),
                ],
            ),
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
            UnknownQuestion {
                questionnaire,
                range: (first, last),
                ..
            } => Msg::UnknownQuestionHelp.fill(
                lang,
                &[
                    ("first", first),
                    ("last", last),
                    ("questionnaire", questionnaire),
                ],
            ),
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
            InvalidNace { .. } => Msg::InvalidNaceHelp.text(lang).into(),
            InvalidTier { .. } => Msg::InvalidTierHelp.text(lang).into(),
            DuplicateCompany { .. } => Msg::DuplicateCompanyHelp.text(lang).into(),
            EvidenceTooOld { .. } | EvidenceExpired { .. } => {
                Msg::EvidenceStaleHelp.text(lang).into()
            }
            k if k.code().starts_with("VG-D") => Msg::DossierRefusedHelp.text(lang).into(),
            HeavyNa { .. } => Msg::HeavyNaHelp.text(lang).into(),
            NaNotAllowed { .. } => {
                Msg::NaNotAllowedHelp.fill(lang, &[("unknown", &shown(AnswerValue::Unknown))])
            }
            _ => return None,
        })
    }
}

impl Display for ProblemKind {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ProblemKind {}
