//! Problems found in a questionnaire or an answer sheet: what is wrong, where (JSON path, line
//! and column), how serious (error or warning), and what to do, in French and in English.
//!
//! [`ProblemKind`] is the typed catalogue (its `Display` is the English sentence); [`Problem`]
//! adds the place; [`Problems`] is the error a loader returns, holding every problem found at
//! once rather than just the first.

use crate::codes::{AnswerValue, Level, Track};
use crate::text::Lang;
use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file is still used; the problem is reported beside the result.
    Warning,
    /// The file cannot be used until the problem is fixed.
    Error,
}

/// A place in the source text: byte offset and length, and 1-based line and column (in
/// characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first character.
    pub offset: usize,
    /// Length in bytes (at least 1 where the text is not empty).
    pub len: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Span {
    /// The span of `len` bytes at byte `offset` of `text`, with its line and column.
    pub fn at(text: &str, offset: usize, len: usize) -> Span {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Span {
            offset,
            len: len.min(text.len() - offset),
            line,
            column,
        }
    }

    /// The span of a 1-based line and column (as serde_json reports them).
    pub fn from_line_column(text: &str, line: usize, column: usize) -> Span {
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col_bytes: usize = l
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                offset += col_bytes;
                break;
            }
            offset += l.len();
        }
        let len = text[offset.min(text.len())..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Span {
            offset: offset.min(text.len()),
            len,
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// What is wrong, with the facts needed to say it in either language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The text is not valid JSON.
    #[error("this is not valid JSON: {detail}")]
    Syntax {
        /// The parser's description, in English.
        detail: String,
    },
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file is not UTF-8 text.
    #[error("the file is encoded as {found}, not UTF-8")]
    Encoding {
        /// The encoding detected (UTF-16 LE, UTF-16 BE, binary…).
        found: String,
    },
    /// A value has the wrong JSON type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What was expected (an object, a string…).
        expected: &'static str,
        /// What was found.
        found: &'static str,
    },
    /// A required field is missing.
    #[error("the field `{field}` is missing")]
    MissingField {
        /// The field's name.
        field: String,
    },
    /// The `format` field names a format this version does not read.
    #[error("unsupported format `{found}` (expected `{expected}`)")]
    UnsupportedFormat {
        /// The format found.
        found: String,
        /// The format expected.
        expected: &'static str,
    },
    /// The `format` field is absent.
    #[error("the field `format` is missing; assumed `{expected}`")]
    FormatMissing {
        /// The format assumed.
        expected: &'static str,
    },
    /// The sheet answers another questionnaire.
    #[error("this sheet answers questionnaire `{found}`, not `{expected}`")]
    QuestionnaireMismatch {
        /// The id of the loaded questionnaire.
        expected: String,
        /// The id in the sheet.
        found: String,
    },
    /// The sheet answers another version of the questionnaire.
    #[error(
        "this sheet answers version {found} of the questionnaire; it is scored against version {expected}, using only the question ids both versions share"
    )]
    VersionMismatch {
        /// The version loaded.
        expected: String,
        /// The version in the sheet.
        found: String,
    },
    /// The sheet does not say which questionnaire it answers.
    #[error("the sheet does not name its questionnaire; assumed {expected}")]
    QuestionnaireMissing {
        /// The questionnaire assumed (`id version`).
        expected: String,
    },
    /// The company has no name.
    #[error("the company has no name")]
    CompanyNameMissing,
    /// An answer to a question the questionnaire does not have.
    #[error("`{question}` is not a question of {questionnaire}")]
    UnknownQuestion {
        /// The id found.
        question: String,
        /// `id version` of the questionnaire.
        questionnaire: String,
    },
    /// An answer to a question of an older version that this version no longer has (ignored).
    #[error("`{question}` is not a question of {questionnaire}; this answer is ignored")]
    IgnoredQuestion {
        /// The id found.
        question: String,
        /// `id version` of the questionnaire.
        questionnaire: String,
    },
    /// A track key that is not a track.
    #[error("`{found}` is not a track (expected CL or FL)")]
    UnknownTrack {
        /// The key found.
        found: String,
    },
    /// A track the question is not asked for.
    #[error("{question} is not asked for track {track} (only for {allowed})")]
    TrackNotAsked {
        /// The question.
        question: String,
        /// The track given.
        track: Track,
        /// The tracks the question has, e.g. `CL`.
        allowed: String,
    },
    /// An answer value that is not one of the allowed values.
    #[error("`{found}` is not an answer value (expected one of {allowed})")]
    InvalidValue {
        /// The value found.
        found: String,
        /// The values allowed here.
        allowed: String,
    },
    /// `partial` on a question that does not define it.
    #[error("{question} does not take `partial`: answer yes, no, unknown{na}")]
    PartialNotDefined {
        /// The question.
        question: String,
        /// `", na"` where `na` is allowed, else empty.
        na: &'static str,
    },
    /// `na` on a critical question.
    #[error(
        "{question} is critical: it cannot be answered `na` (answer yes, partial, no or unknown)"
    )]
    NaOnCritical {
        /// The question.
        question: String,
    },
    /// `na` without a justification.
    #[error("`na` for {question} ({track}) needs a justification saying why it does not apply")]
    NaWithoutJustification {
        /// The question.
        question: String,
        /// The track.
        track: Track,
    },
    /// A duplicate id in a questionnaire.
    #[error("the {what} id `{id}` is used more than once")]
    DuplicateId {
        /// What carries the id (question, theme…).
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A level code that is not N1..N4.
    #[error("`{found}` is not a level (expected N1, N2, N3 or N4)")]
    UnknownLevel {
        /// The code found.
        found: String,
    },
    /// A theme the questionnaire does not define.
    #[error("`{found}` is not one of the questionnaire's themes ({known})")]
    UnknownTheme {
        /// The code found.
        found: String,
        /// The themes defined.
        known: String,
    },
    /// A text missing in one language.
    #[error("the {lang} text is missing")]
    MissingTranslation {
        /// The language missing (`French`, `English`).
        lang: &'static str,
    },
    /// A (track, level) with no question.
    #[error("track {track} has no question at level {level}")]
    EmptyTrackLevel {
        /// The track.
        track: Track,
        /// The level.
        level: Level,
    },
    /// A critical question that allows `na`.
    #[error("question {question} is critical, so it cannot allow `na`")]
    CriticalAllowsNa {
        /// The question.
        question: String,
    },
    /// A number out of its range or with too many decimals.
    #[error("{value} is not a valid {what} ({expected})")]
    InvalidNumber {
        /// What the number is (threshold, weight, points).
        what: &'static str,
        /// The number as written.
        value: String,
        /// The range expected.
        expected: &'static str,
    },
    /// A version that is not `MAJOR.MINOR.PATCH`.
    #[error("`{found}` is not a version of the form MAJOR.MINOR.PATCH")]
    InvalidVersion {
        /// The version found.
        found: String,
    },
    /// An answer value missing from the questionnaire's list.
    #[error("the answer value `{value}` is not defined")]
    MissingAnswerValue {
        /// The value.
        value: AnswerValue,
    },
    /// A question that applies to no track.
    #[error("the question applies to no track")]
    NoTrack,
    /// A list whose items must differ has a repeat.
    #[error("`{found}` is listed twice")]
    Repeated {
        /// The repeated item.
        found: String,
    },
    /// A file, text or list larger than the limits allow.
    #[error("{what} is too large ({found}; the limit is {limit})")]
    TooLarge {
        /// What is too large.
        what: &'static str,
        /// The size found.
        found: String,
        /// The limit.
        limit: String,
    },
    /// A mapping names a framework the grid does not define.
    #[error("`{found}` is not a framework of this grid (defined: {known})")]
    UnknownFramework {
        /// The id found.
        found: String,
        /// The frameworks defined.
        known: String,
    },
    /// A mapping names a requirement its framework does not list.
    #[error("`{found}` is not a requirement of framework {framework}")]
    UnknownRequirement {
        /// The framework.
        framework: String,
        /// The reference found.
        found: String,
    },
    /// A free-form problem found by a reader of another file type (xlsx, CSV).
    #[error("{en}")]
    Other {
        /// The French sentence.
        fr: String,
        /// The English sentence.
        en: String,
    },
}

impl ProblemKind {
    /// The sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => self.message_fr(),
        }
    }

    fn message_fr(&self) -> String {
        use ProblemKind::*;
        match self {
            Syntax { detail } => format!("ce n'est pas du JSON valide : {detail}"),
            Empty => "le fichier est vide".into(),
            Encoding { found } => format!("le fichier est encodé en {found}, pas en UTF-8"),
            WrongType { expected, found } => {
                format!("{} attendu, {} trouvé", fr_type(expected), fr_type(found))
            }
            MissingField { field } => format!("le champ `{field}` est absent"),
            UnsupportedFormat { found, expected } => {
                format!("format `{found}` non pris en charge (attendu : `{expected}`)")
            }
            FormatMissing { expected } => {
                format!("le champ `format` est absent ; `{expected}` est supposé")
            }
            QuestionnaireMismatch { expected, found } => {
                format!("cette fiche répond au questionnaire `{found}`, et non à `{expected}`")
            }
            VersionMismatch { expected, found } => format!(
                "cette fiche répond à la version {found} du questionnaire ; elle est évaluée avec la version {expected}, en n'utilisant que les identifiants de questions communs aux deux versions"
            ),
            QuestionnaireMissing { expected } => {
                format!("la fiche n'indique pas son questionnaire ; {expected} est supposé")
            }
            CompanyNameMissing => "l'entreprise n'a pas de nom".into(),
            UnknownQuestion {
                question,
                questionnaire,
            } => {
                format!("`{question}` n'est pas une question de {questionnaire}")
            }
            IgnoredQuestion {
                question,
                questionnaire,
            } => format!(
                "`{question}` n'est pas une question de {questionnaire} ; cette réponse est ignorée"
            ),
            UnknownTrack { found } => {
                format!("`{found}` n'est pas un volet (attendu : CL ou FL)")
            }
            TrackNotAsked {
                question,
                track,
                allowed,
            } => format!(
                "{question} n'est pas posée pour le volet {track} (seulement pour {allowed})"
            ),
            InvalidValue { found, allowed } => {
                format!("`{found}` n'est pas une valeur de réponse (attendu : {allowed})")
            }
            PartialNotDefined { question, na } => {
                format!("{question} n'admet pas `partial` : répondez yes, no, unknown{na}")
            }
            NaOnCritical { question } => format!(
                "{question} est une question critique : elle ne peut pas recevoir `na` (répondez yes, partial, no ou unknown)"
            ),
            NaWithoutJustification { question, track } => format!(
                "`na` pour {question} ({track}) exige une justification expliquant pourquoi la question ne s'applique pas"
            ),
            DuplicateId { what, id } => {
                format!(
                    "l'identifiant de {} `{id}` est utilisé plusieurs fois",
                    fr_what(what)
                )
            }
            UnknownLevel { found } => {
                format!("`{found}` n'est pas un niveau (attendu : N1, N2, N3 ou N4)")
            }
            UnknownTheme { found, known } => {
                format!("`{found}` n'est pas un thème du questionnaire ({known})")
            }
            MissingTranslation { lang } => format!(
                "le texte {} est absent",
                if *lang == "French" {
                    "français"
                } else {
                    "anglais"
                }
            ),
            EmptyTrackLevel { track, level } => {
                format!("le volet {track} n'a aucune question au niveau {level}")
            }
            CriticalAllowsNa { question } => {
                format!("la question {question} est critique : elle ne peut pas admettre `na`")
            }
            InvalidNumber {
                what,
                value,
                expected,
            } => format!(
                "{value} n'est pas un(e) {} valide ({})",
                fr_what(what),
                fr_expected(expected)
            ),
            InvalidVersion { found } => {
                format!("`{found}` n'est pas une version de la forme MAJEUR.MINEUR.CORRECTIF")
            }
            MissingAnswerValue { value } => {
                format!("la valeur de réponse `{value}` n'est pas définie")
            }
            NoTrack => "la question ne s'applique à aucun volet".into(),
            Repeated { found } => format!("`{found}` figure deux fois"),
            TooLarge { what, found, limit } => {
                format!(
                    "{} est trop volumineux ({found} ; la limite est {limit})",
                    fr_what(what)
                )
            }
            UnknownFramework { found, known } => format!(
                "`{found}` n'est pas un référentiel de cette grille (référentiels définis : {known})"
            ),
            UnknownRequirement { framework, found } => {
                format!("`{found}` n'est pas une exigence du référentiel {framework}")
            }
            Other { fr, .. } => fr.clone(),
        }
    }

    /// What to do about it, in `lang`, where there is a useful hint.
    pub fn help(&self, lang: Lang) -> Option<String> {
        use ProblemKind::*;
        let (fr, en): (String, String) = match self {
            Syntax { .. } => (
                "vérifiez les virgules, guillemets et accolades autour de cet endroit".into(),
                "check the commas, quotes and braces around this place".into(),
            ),
            Encoding { .. } => (
                "enregistrez le fichier en UTF-8 (« Enregistrer sous… » › encodage UTF-8)".into(),
                "save the file as UTF-8 (\"Save as…\" › encoding UTF-8)".into(),
            ),
            UnknownQuestion { .. } => (
                "vérifiez l'identifiant (Q01 à Q33 dans rhsf-fir) ou le questionnaire chargé".into(),
                "check the id (Q01 to Q33 in rhsf-fir) or the questionnaire loaded".into(),
            ),
            TrackNotAsked { allowed, .. } => (
                format!("supprimez cette réponse ou placez-la sous {allowed}"),
                format!("remove this answer or put it under {allowed}"),
            ),
            InvalidValue { allowed, .. } => (
                format!("utilisez l'une des valeurs : {allowed}"),
                format!("use one of: {allowed}"),
            ),
            PartialNotDefined { .. } => (
                "cette question ne définit pas de réponse partielle : choisissez yes ou no".into(),
                "this question defines no partial answer: choose yes or no".into(),
            ),
            NaOnCritical { .. } => (
                "une question critique s'applique toujours ; si la réponse n'est pas connue, répondez unknown".into(),
                "a critical question always applies; if the answer is not known, answer unknown".into(),
            ),
            NaWithoutJustification { .. } => (
                "ajoutez \"justification\": \"…\" à cette réponse".into(),
                "add \"justification\": \"…\" to this answer".into(),
            ),
            QuestionnaireMismatch { .. } => (
                "chargez le questionnaire de cette fiche avec --questionnaire".into(),
                "load this sheet's questionnaire with --questionnaire".into(),
            ),
            Empty => (
                "exportez à nouveau la fiche de réponses".into(),
                "export the answer sheet again".into(),
            ),
            _ => return None,
        };
        Some(match lang {
            Lang::Fr => fr,
            Lang::En => en,
        })
    }
}

fn fr_type(t: &str) -> &str {
    match t {
        "an object" => "un objet",
        "a string" => "une chaîne de caractères",
        "a list of strings" => "une liste de chaînes",
        "a list" => "une liste",
        "a number" => "un nombre",
        "a boolean" => "un booléen",
        "null" => "null",
        "an answer (a value string or an object with `value`)" => {
            "une réponse (une valeur ou un objet avec `value`)"
        }
        other => other,
    }
}

fn fr_what(w: &str) -> &str {
    match w {
        "question" => "question",
        "theme" => "thème",
        "track" => "volet",
        "level" => "niveau",
        "answer value" => "valeur de réponse",
        "framework" => "référentiel",
        "requirement" => "exigence",
        "threshold" => "seuil",
        "weight" => "pondération",
        "points" => "nombre de points",
        "index weight" => "pondération d'indice",
        "the file" => "le fichier",
        "a text" => "un texte",
        "the evidence list" => "la liste des preuves",
        "the workbook archive" => "l'archive du classeur",
        "the decompressed workbook" => "le classeur décompressé",
        other => other,
    }
}

fn fr_expected(e: &str) -> &str {
    match e {
        "a percentage from 0 to 100 with at most three decimals" => {
            "un pourcentage de 0 à 100 avec au plus trois décimales"
        }
        "a positive number with at most three decimals" => {
            "un nombre positif avec au plus trois décimales"
        }
        "a number from 0 to 1 with at most three decimals" => {
            "un nombre de 0 à 1 avec au plus trois décimales"
        }
        other => other,
    }
}

/// One problem: what, where and how serious.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// JSON path of the place (`/answers/Q01/CL`), or a cell/line reference for other file types.
    pub path: String,
    /// Line and column in the source text, where known.
    pub span: Option<Span>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            span: None,
            kind,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: path.into(),
            span: None,
            kind,
        }
    }

    /// The error for a file of `size` bytes over a `limit` in bytes.
    pub fn file_too_large(size: usize, limit: usize) -> Problem {
        Problem::error(
            "",
            ProblemKind::TooLarge {
                what: "the file",
                found: format!("{size} bytes"),
                limit: format!("{limit} bytes"),
            },
        )
    }

    /// Whether it prevents using the file.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The place in words: `line 4, column 12 (/answers/Q99)` or just the path.
    pub fn place(&self, lang: Lang) -> String {
        let path = if self.path.is_empty() {
            "/"
        } else {
            self.path.as_str()
        };
        match self.span {
            Some(s) => match lang {
                Lang::Fr => format!("ligne {}, colonne {} ({path})", s.line, s.column),
                Lang::En => format!("line {}, column {} ({path})", s.line, s.column),
            },
            None => path.to_string(),
        }
    }

    /// The whole sentence with its place, in `lang`: `line 4, column 12 (/answers/Q99): …`.
    pub fn describe(&self, lang: Lang) -> String {
        // French typography puts a space before the colon.
        let colon = lang.pick(" :", ":");
        format!("{}{colon} {}", self.place(lang), self.kind.message(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Every problem found in one input: the error a loader returns when the input cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems that prevent use.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.is_error())
    }

    /// All problems, one per line, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|p| p.describe(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors().count();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })?;
        for p in &self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}
