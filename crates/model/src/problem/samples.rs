//! One problem of every kind, and the tests that every kind has a unique code, a sentence in
//! both languages with every placeholder filled, and a line in docs/formats.md.

use super::kind::{IdKind, JsonType, NumberKind, ProblemKind, TemplateClue};
use crate::codes::{AnswerValue, Level, Track};
use crate::files::FileKind;
use crate::text::Lang;

impl ProblemKind {
    /// One problem of every kind, for the tests of the catalogue and of the docs.
    #[doc(hidden)]
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
                kind: Some(FileKind::Csv),
            },
            NotAnswerFile { ext: String::new() },
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
            InvalidNace { found: s() },
            InvalidTier { found: s() },
            DuplicateCompany {
                kept: s(),
                company: s(),
                period: Some(s()),
            },
            UnknownQuestion {
                question: s(),
                questionnaire: s(),
                range: (s(), s()),
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
            UnknownFramework {
                found: s(),
                known: s(),
            },
            UnknownRequirement {
                framework: s(),
                found: s(),
            },
            MappingTrackNotAsked { track: Track::CL },
            NaConditionWithoutNa { question: s() },
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
            WorkbookMisnamed { ext: s() },
            LinkLoop { target: s() },
            CsvWindows1252 { delimiter: ';' },
            DossierNotDossier { file: s() },
            DossierUnreadable { detail: s() },
            DossierHashMismatch { file: s() },
            DossierMissingFile { file: s() },
            DossierExtraFile { file: s() },
            DossierUnsafePath { file: s() },
            DossierDuplicateEntry { file: s() },
            DossierTooLarge { found: 2, limit: 1 },
            DossierRatio {
                file: s(),
                ratio: 2,
                limit: 1,
            },
            DossierManifestInvalid {
                file: s(),
                detail: s(),
            },
            DossierEntryTooLarge {
                file: s(),
                found: 2,
                limit: 1,
            },
            DossierNameNotUtf8 { file: s() },
            DossierEncrypted { file: s() },
            DossierManifestMismatch { detail: s() },
            DossierTooManyEntries { found: 2, limit: 1 },
            DossierFingerprintMismatch {
                found: s(),
                expected: s(),
            },
            DossierNesting {
                file: s(),
                limit: 1,
            },
            EvidenceTooOld {
                question: s(),
                track: Track::CL,
                document: s(),
                date: s(),
                months: 24,
                period: s(),
            },
            EvidenceExpired {
                question: s(),
                track: Track::FL,
                document: s(),
                valid_until: s(),
                period: s(),
            },
            HeavyNa {
                track: Track::FL,
                level: Level::N2,
                tenths: 714,
            },
            NaNotAllowed {
                question: s(),
                allowed: vec![AnswerValue::Yes, AnswerValue::No],
            },
        ]
    }
}

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
                code.len() == 6 && code.starts_with("VG-") && b"FAQSD".contains(&family),
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
    fn the_samples_cover_every_code() {
        // `code` matches every kind exhaustively; its codes are the kinds that exist.
        let source = include_str!("kind.rs");
        let defined: BTreeSet<&str> = source
            .split("=> \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|c| c.starts_with("VG-"))
            .collect();
        let sampled: BTreeSet<&str> = ProblemKind::samples().iter().map(|k| k.code()).collect();
        assert_eq!(defined, sampled, "add a sample for each new kind");
    }

    #[test]
    fn the_docs_list_every_code() {
        let docs = include_str!("../../../../docs/formats.md");
        for kind in ProblemKind::samples() {
            // The English sentence as the catalogue has it, placeholders and all.
            let (msg, _) = kind.sentence(Lang::En);
            // (A row may add a note after the sentence, such as "(warning)".)
            let row = format!(
                "| `{}` | {}",
                kind.code(),
                msg.text(Lang::En).replace('|', "\\|")
            );
            assert!(docs.contains(&row), "docs/formats.md lacks the row\n{row}");
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
            "Q07 n'admet pas «\u{202f}Partiellement\u{202f}» (partial)\u{a0}: répondez «\u{202f}Oui\u{202f}» (yes), «\u{202f}Non\u{202f}» (no)"
        );
    }
}
