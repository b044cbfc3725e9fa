//! The message catalogue: every sentence and label that core and the `vigilance` command show a
//! user, French and English side by side, one [`Msg`] per entry.
//!
//! An entry is a template; `{name}` marks a placeholder that [`Msg::fill`] replaces. Both
//! languages of an entry use the same placeholders (a test checks it), so a caller never needs to
//! know which language it writes. Counted phrases come in pairs (`…One`, `…Many`) chosen by
//! [`plural`], the only place that knows the plural rules (French: 0 and 1 are singular; English:
//! only 1). Places (« ligne 3, colonne 7 », « cellule H63 ») and answer values as users write
//! them (« Partiellement ») are rendered from here too.
//!
//! What stays outside: the grid's own texts (questions, levels, themes), which come from the
//! questionnaire file as bilingual [`Text`](crate::Text), and the web interface's strings
//! (`web/src/i18n.rs`), which follow the same pattern.

use crate::text::Lang;
use std::fmt::{self, Display, Write as _};

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $id:ident => $fr:literal, $en:literal; )*) => {
        /// One entry of the catalogue: a sentence or label in French and in English.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $( $(#[$doc])* $id, )*
        }

        impl Msg {
            /// Every entry, in catalogue order (for the completeness test and the docs).
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];

            /// The template in `lang`, placeholders unfilled.
            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $( Msg::$id => lang.pick($fr, $en), )*
                }
            }

            /// The entry's name, as written in the catalogue.
            pub fn name(self) -> &'static str {
                match self {
                    $( Msg::$id => stringify!($id), )*
                }
            }
        }
    };
}

impl Msg {
    /// The entry in `lang` with its placeholders replaced by `args` (`("name", &value)`). A
    /// placeholder with no argument is left as written, so a missing argument shows in tests.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let template = self.text(lang);
        if args.is_empty() {
            return template.to_string();
        }
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match args.iter().find(|(n, _)| *n == name) {
                        Some((_, v)) => {
                            let _ = write!(out, "{v}");
                        }
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The placeholders of the entry in `lang`, in order of appearance.
    pub fn placeholders(self, lang: Lang) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut rest = self.text(lang);
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    out.push(&after[..close]);
                    rest = &after[close + 1..];
                }
                None => break,
            }
        }
        out
    }
}

/// The form of a counted phrase for `n` in `lang`: `one` for the singular, `many` otherwise.
/// French treats 0 and 1 as singular (« 0 fichier vérifié »), English only 1.
pub fn plural(lang: Lang, n: u64, one: Msg, many: Msg) -> Msg {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    if singular { one } else { many }
}

/// A counted phrase filled with `n` (as `{n}`) and `args`.
pub fn count(lang: Lang, n: u64, one: Msg, many: Msg, args: &[(&str, &dyn Display)]) -> String {
    let mut all: Vec<(&str, &dyn Display)> = vec![("n", &n)];
    all.extend_from_slice(args);
    plural(lang, n, one, many).fill(lang, &all)
}

/// The lines of the scoring rule, in order (the Method sheet writes them).
pub const RULE_LINES: [Msg; 9] = [
    Msg::WbRule1,
    Msg::WbRule2,
    Msg::WbRule3,
    Msg::WbRule4,
    Msg::WbRule5,
    Msg::WbRule6,
    Msg::WbRule7,
    Msg::WbRule8,
    Msg::WbRule9,
];

/// The colon that introduces what follows a label: ` :` in French (with the space French
/// typography requires), `:` in English.
pub fn colon(lang: Lang) -> &'static str {
    Msg::Colon.text(lang)
}

/// Shows `value` with `f` (a short way to pass computed values to [`Msg::fill`]).
pub struct Shown<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(pub F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> Display for Shown<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

catalogue! {
    // ----- Typography and shared words -----
    /// The colon after a label.
    Colon => " :", ":";
    /// An answer value as users write it, with its code.
    ValueShown => "« {label} » ({code})", "\"{label}\" ({code})";
    /// Yes (in a cell, and the default label of `yes`).
    Yes => "Oui", "Yes";
    /// No (in a cell, and the default label of `no`).
    No => "Non", "No";
    /// The child-labour track's default name.
    TrackChildLabour => "Travail des enfants", "Child labour";
    /// The forced-labour track's default name.
    TrackForcedLabour => "Travail forcé", "Forced labour";
    /// The default label of `partial`.
    ValuePartial => "Partiellement", "Partially";
    /// The default label of `unknown`.
    ValueUnknown => "Ne sait pas", "Don't know";
    /// The default label of `na`.
    ValueNa => "Non applicable", "Not applicable";
    /// The declarative evidence mode.
    ModeDeclarative => "déclaratif", "declarative";
    /// The substantiated evidence mode.
    ModeSubstantiated => "étayé par des preuves", "substantiated";
    /// Level 0 when the grid names none.
    NotStarted => "Non initié", "Not started";

    // ----- Places -----
    /// A place given by line and column in a text file, with its JSON path.
    PlaceLineColumnPath => "ligne {line}, colonne {column} ({path})", "line {line}, column {column} ({path})";
    /// A place given by line and column in a text file.
    PlaceLineColumn => "ligne {line}, colonne {column}", "line {line}, column {column}";
    /// A JSON path alone (the place could not be found in the text).
    PlacePath => "{path}", "{path}";
    /// A cell of a workbook.
    PlaceCell => "cellule {cell}", "cell {cell}";
    /// A line of a CSV file.
    PlaceLine => "ligne {line}", "line {line}";
    /// A cell of a CSV file: its line and its column's header.
    PlaceLineHeader => "ligne {line}, colonne {column}", "line {line}, column {column}";
    /// A row of a workbook sheet.
    PlaceRow => "ligne {row}", "row {row}";
    /// How many problems an input has.
    ProblemsOne => "{n} problème", "{n} problem";
    /// How many problems an input has.
    ProblemsMany => "{n} problèmes", "{n} problems";

    // ----- Problems: files and JSON -----
    /// VG-F01
    Syntax => "ce n'est pas du JSON valide : {detail}", "this is not valid JSON: {detail}";
    /// VG-F01 help
    SyntaxHelp => "vérifiez les virgules, guillemets et accolades autour de cet endroit", "check the commas, quotes and braces around this place";
    /// VG-F02
    Empty => "le fichier est vide", "the file is empty";
    /// VG-F02 help
    EmptyHelp => "exportez à nouveau la fiche de réponses", "export the answer sheet again";
    /// VG-F03
    Encoding => "le fichier est encodé en {found}, pas en UTF-8", "the file is encoded as {found}, not UTF-8";
    /// VG-F03 help
    EncodingHelp => "enregistrez le fichier en UTF-8 (« Enregistrer sous… » › encodage UTF-8)", "save the file as UTF-8 (\"Save as…\" › encoding UTF-8)";
    /// VG-F04
    EncodingLatin1 => "le fichier n'est pas en UTF-8 (probablement Latin-1 ou Windows-1252)", "the file is not UTF-8 (probably Latin-1 or Windows-1252)";
    /// VG-F05
    ZipNotText => "ce fichier est une archive zip (un classeur Excel ?), pas un texte", "this file is a zip archive (an Excel workbook?), not text";
    /// VG-F05 help
    ZipNotTextHelp => "donnez le classeur avec l'extension .xlsx, ou exportez la fiche en JSON", "give the workbook with the .xlsx extension, or export the sheet as JSON";
    /// VG-F06
    WrongType => "{expected} attendu, {found} trouvé", "expected {expected}, found {found}";
    /// VG-F07
    MissingField => "le champ `{field}` est absent", "the field `{field}` is missing";
    /// VG-F08
    InvalidData => "valeur invalide : {detail}", "invalid value: {detail}";
    /// VG-F09
    DuplicateKey => "la clé `{key}` figure deux fois dans cet objet (la première fois {first})", "the key `{key}` appears twice in this object (first at {first})";
    /// VG-F09 help
    DuplicateKeyHelp => "gardez une seule des deux entrées, celle qui est juste", "keep only one of the two entries, the right one";
    /// VG-F10
    TooLargeFile => "le fichier est trop volumineux ({found} octets ; la limite est {limit} octets)", "the file is too large ({found} bytes; the limit is {limit} bytes)";
    /// VG-F11
    TooLargeText => "le texte est trop long ({found} caractères ; la limite est {limit} caractères)", "the text is too long ({found} characters; the limit is {limit} characters)";
    /// VG-F12
    TooLargeEvidence => "la liste des preuves est trop longue ({found} éléments ; la limite est {limit} éléments)", "the evidence list is too long ({found} items; the limit is {limit} items)";
    /// VG-F13
    TooManyZipEntries => "l'archive du classeur est trop volumineuse ({found} entrées ; la limite est {limit} entrées)", "the workbook archive is too large ({found} entries; the limit is {limit} entries)";
    /// VG-F14
    TooLargeDecompressed => "le classeur décompressé est trop volumineux (au moins {found} octets ; la limite est {limit} octets)", "the decompressed workbook is too large (at least {found} bytes; the limit is {limit} bytes)";
    /// VG-F15
    FileNotFound => "fichier introuvable : vérifiez le chemin et le nom du fichier", "no such file or directory: check the path and the file name";
    /// VG-F16
    PermissionDenied => "lecture refusée : vérifiez les droits d'accès au fichier", "permission denied: check the file's access rights";
    /// VG-F17
    IsDirectory => "c'est un dossier et non un fichier", "this is a directory, not a file";
    /// VG-F18
    Unreadable => "le fichier ne peut pas être lu ({detail})", "the file cannot be read ({detail})";
    /// VG-F19
    InputTooLarge => "{source} fait {size} octets ({size_mib} Mio), au-delà de la limite de {limit} octets ({limit_mib} Mio) pour {what} : le fichier n'a pas été lu ; vérifiez qu'il s'agit bien d'une fiche de réponses, ou scindez-le", "{source} is {size} bytes ({size_mib} MiB), over the limit of {limit} bytes ({limit_mib} MiB) for {what}: the file was not read; check that it is an answer file, or split it";
    /// VG-F20, a file with an extension
    NotAnswerFileExt => "un fichier .{ext} n'est pas une fiche de réponses : donnez des fiches .json (exportées de l'application), des classeurs .xlsx faits avec `vigilance template`, ou un .csv au format matrice", "a .{ext} file is not an answer sheet: give .json answer sheets (exported from the app), .xlsx workbooks made with `vigilance template`, or a .csv in the matrix layout";
    /// VG-F20
    NotAnswerFile => "ce fichier n'est pas une fiche de réponses : donnez des fiches .json (exportées de l'application), des classeurs .xlsx faits avec `vigilance template`, ou un .csv au format matrice", "this file is not an answer sheet: give .json answer sheets (exported from the app), .xlsx workbooks made with `vigilance template`, or a .csv in the matrix layout";
    /// VG-F21
    NoAnswerFileInDir => "aucune fiche de réponses (.json, .xlsx, .csv) dans ce dossier : vérifiez le chemin, ou placez-y les fiches à évaluer", "no answer sheet (.json, .xlsx, .csv) in this directory: check the path, or put the sheets to score in it";
    /// VG-F22
    WorkbookMisnamed => "le fichier porte l'extension .{ext} mais contient un classeur Excel : il a été lu comme tel ; renommez-le en .xlsx", "the file is named .{ext} but holds an Excel workbook: it was read as such; rename it .xlsx";
    /// VG-F23
    LinkLoop => "ce lien symbolique ramène à {target}, un dossier qui le contient : il n'est pas suivi, pour que le parcours s'arrête et qu'aucune fiche ne soit lue deux fois", "this symbolic link leads back to {target}, a directory that contains it: it is not followed, so that the walk ends and no sheet is read twice";

    // ----- Kinds of input, for the size message -----
    /// An input of unknown kind.
    InputAnswerFile => "une fiche de réponses", "an answer file";
    /// A JSON input.
    InputJson => "une fiche de réponses JSON", "a JSON answer sheet";
    /// An xlsx input.
    InputXlsx => "un classeur Excel", "an Excel workbook";
    /// A CSV input.
    InputCsv => "un fichier CSV", "a CSV file";

    // ----- JSON types, for VG-F06 -----
    /// An object.
    TypeObject => "un objet", "an object";
    /// A string.
    TypeString => "une chaîne de caractères", "a string";
    /// A list of strings.
    TypeStringList => "une liste de chaînes", "a list of strings";
    /// A list.
    TypeList => "une liste", "a list";
    /// A number.
    TypeNumber => "un nombre", "a number";
    /// A boolean.
    TypeBoolean => "un booléen", "a boolean";
    /// null.
    TypeNull => "null", "null";
    /// An answer.
    TypeAnswer => "une réponse (une valeur ou un objet avec `value`)", "an answer (a value string or an object with `value`)";

    // ----- Problems: answer sheets -----
    /// VG-A01
    UnsupportedFormat => "format `{found}` non pris en charge (attendu : `{expected}`)", "unsupported format `{found}` (expected `{expected}`)";
    /// VG-A02
    FormatMissing => "le champ `format` est absent ; `{expected}` est supposé", "the field `format` is missing; assumed `{expected}`";
    /// VG-A03
    QuestionnaireMismatch => "cette fiche répond au questionnaire `{found}`, et non à `{expected}`", "this sheet answers questionnaire `{found}`, not `{expected}`";
    /// VG-A03 help
    QuestionnaireMismatchHelp => "chargez le questionnaire de cette fiche avec --questionnaire", "load this sheet's questionnaire with --questionnaire";
    /// VG-A04
    VersionMismatch => "cette fiche répond à la version {found} du questionnaire ; elle est évaluée avec la version {expected}, en n'utilisant que les identifiants de questions communs aux deux versions", "this sheet answers version {found} of the questionnaire; it is scored against version {expected}, using only the question ids both versions share";
    /// VG-A05
    QuestionnaireMissing => "la fiche n'indique pas son questionnaire ; {expected} est supposé", "the sheet does not name its questionnaire; assumed {expected}";
    /// VG-A06
    CompanyNameMissing => "l'entreprise n'a pas de nom", "the company has no name";
    /// VG-A07
    UnknownQuestion => "`{question}` n'est pas une question de {questionnaire}", "`{question}` is not a question of {questionnaire}";
    /// VG-A07 help
    UnknownQuestionHelp => "vérifiez l'identifiant ({first} à {last} dans {questionnaire}) ou le questionnaire chargé", "check the id ({first} to {last} in {questionnaire}) or the questionnaire loaded";
    /// VG-A08
    IgnoredQuestion => "`{question}` n'est pas une question de {questionnaire} ; cette réponse est ignorée", "`{question}` is not a question of {questionnaire}; this answer is ignored";
    /// VG-A09
    UnknownTrack => "`{found}` n'est pas un volet (attendu : CL ou FL)", "`{found}` is not a track (expected CL or FL)";
    /// VG-A10
    TrackNotAsked => "{question} n'est pas posée pour le volet {track} (seulement pour {allowed})", "{question} is not asked for track {track} (only for {allowed})";
    /// VG-A10 help
    TrackNotAskedHelp => "supprimez cette réponse ou placez-la sous {allowed}", "remove this answer or put it under {allowed}";
    /// VG-A11
    InvalidValue => "`{found}` n'est pas une valeur de réponse (attendu : {allowed})", "`{found}` is not an answer value (expected one of {allowed})";
    /// VG-A11 help
    InvalidValueHelp => "utilisez l'une des valeurs : {allowed}", "use one of: {allowed}";
    /// VG-A12
    PartialNotDefined => "{question} n'admet pas {partial} : répondez {allowed}", "{question} does not take {partial}: answer {allowed}";
    /// VG-A12 help
    PartialNotDefinedHelp => "cette question ne définit pas de réponse partielle : choisissez {yes} ou {no}", "this question defines no partial answer: choose {yes} or {no}";
    /// VG-A13
    NaOnCritical => "{question} est une question critique : elle ne peut pas recevoir {na} (répondez {allowed})", "{question} is critical: it cannot be answered {na} (answer {allowed})";
    /// VG-A13 help
    NaOnCriticalHelp => "une question critique s'applique toujours ; si la réponse n'est pas connue, répondez {unknown}", "a critical question always applies; if the answer is not known, answer {unknown}";
    /// VG-A14
    NaWithoutJustification => "{na} pour {question} ({track}) exige une justification expliquant pourquoi la question ne s'applique pas", "{na} for {question} ({track}) needs a justification saying why it does not apply";
    /// VG-A14 help
    NaWithoutJustificationHelp => "ajoutez une justification à cette réponse (\"justification\": \"…\" dans un fichier JSON)", "add a justification to this answer (\"justification\": \"…\" in a JSON file)";

    // ----- Problems: questionnaires -----
    /// VG-Q01
    DuplicateId => "l'identifiant de {what} `{id}` est utilisé plusieurs fois", "the {what} id `{id}` is used more than once";
    /// VG-Q02
    UnknownLevel => "`{found}` n'est pas un niveau (attendu : N1, N2, N3 ou N4)", "`{found}` is not a level (expected N1, N2, N3 or N4)";
    /// VG-Q03
    UnknownTheme => "`{found}` n'est pas un thème du questionnaire ({known})", "`{found}` is not one of the questionnaire's themes ({known})";
    /// VG-Q04
    MissingTranslation => "le texte {lang} est absent", "the {lang} text is missing";
    /// VG-Q05
    EmptyTrackLevel => "le volet {track} n'a aucune question au niveau {level}", "track {track} has no question at level {level}";
    /// VG-Q06
    CriticalAllowsNa => "la question {question} est critique : elle ne peut pas admettre `na`", "question {question} is critical, so it cannot allow `na`";
    /// VG-Q07
    InvalidNumber => "{value} n'est pas {what} valide ({expected})", "{value} is not a valid {what} ({expected})";
    /// VG-Q08
    InvalidVersion => "`{found}` n'est pas une version de la forme MAJEUR.MINEUR.CORRECTIF", "`{found}` is not a version of the form MAJOR.MINOR.PATCH";
    /// VG-Q09
    MissingAnswerValue => "la valeur de réponse `{value}` n'est pas définie", "the answer value `{value}` is not defined";
    /// VG-Q10
    NoTrack => "la question ne s'applique à aucun volet", "the question applies to no track";
    /// VG-Q11
    Repeated => "`{found}` figure deux fois", "`{found}` is listed twice";
    /// VG-Q12
    IndexWeightCount => "il faut exactement 4 pondérations d'indice (N1 à N4), {found} trouvée(s)", "exactly 4 index weights are needed (N1 to N4), found {found}";
    /// VG-Q13
    TrackNotDefined => "le volet {track} n'est pas défini dans `tracks`", "track {track} is not defined in `tracks`";
    /// VG-Q14
    UnknownFramework => "`{found}` n'est pas un référentiel de cette grille (référentiels définis : {known})", "`{found}` is not a framework of this grid (defined: {known})";
    /// VG-Q15
    UnknownRequirement => "`{found}` n'est pas une exigence du référentiel {framework}", "`{found}` is not a requirement of framework {framework}";
    /// VG-Q16
    MappingTrackNotAsked => "la question n'est pas posée pour le volet {track} : la correspondance ne peut pas s'y limiter", "the question is not asked for track {track}: the mapping cannot be limited to it";
    /// VG-Q17
    NaConditionWithoutNa => "la question {question} précise quand `na` est acceptable mais n'admet pas `na` (critique ou `allow_na: false`)", "question {question} states when `na` is acceptable but does not allow `na` (critical or `allow_na: false`)";

    // ----- What carries an id, for VG-Q01 -----
    /// A question.
    IdQuestion => "question", "question";
    /// A theme.
    IdTheme => "thème", "theme";
    /// A track.
    IdTrack => "volet", "track";
    /// A level.
    IdLevel => "niveau", "level";
    /// An answer value.
    IdAnswerValue => "valeur de réponse", "answer value";
    /// A framework.
    IdFramework => "référentiel", "framework";
    /// A requirement of a framework.
    IdRequirement => "exigence", "requirement";

    // ----- Numbers, for VG-Q07 -----
    /// A threshold.
    NumThreshold => "un seuil", "threshold";
    /// The minimum applicable share of `na_limits`.
    NumMinApplicable => "une part minimale applicable (`na_limits`)", "minimum applicable share (`na_limits`)";
    /// A weight.
    NumWeight => "une pondération", "weight";
    /// Index weight.
    NumIndexWeight => "une pondération d'indice", "index weight";
    /// Points.
    NumPoints => "un nombre de points", "points";
    /// A percentage.
    ExpectPercent => "un pourcentage de 0 à 100 avec au plus trois décimales", "a percentage from 0 to 100 with at most three decimals";
    /// A positive number.
    ExpectPositive => "un nombre positif avec au plus trois décimales", "a positive number with at most three decimals";
    /// A fraction.
    ExpectFraction => "un nombre de 0 à 1 avec au plus trois décimales", "a number from 0 to 1 with at most three decimals";
    /// Null for na.
    ExpectNull => "null : `na` n'entre pas dans les dénominateurs", "null: `na` is left out of the denominators";
    /// The language names, for VG-Q04.
    LangFrench => "français", "French";
    /// English.
    LangEnglish => "anglais", "English";

    // ----- Problems: spreadsheets (xlsx, CSV) -----
    /// VG-S01
    NotTemplate => "ce classeur n'est pas un modèle Vigilance ({found}) : attendu soit un onglet « Réponses » (ou « Answers ») avec une ligne d'en-têtes ID, Volet, …, Réponse, Justification, Commentaire, Preuves, soit un onglet « Matrice » (ou « Matrix ») dont la première ligne porte Entreprise, Secteur, Pays, Identifiant, Période puis une colonne par question et volet (Q01 CL, Q01 FL…). Créez un modèle avec `vigilance template` (ou `--matrix`) et ne renommez ni les onglets ni les en-têtes", "this workbook is not a Vigilance template ({found}): expected either a sheet \"Answers\" (or \"Réponses\") with a header row ID, Track, …, Answer, Justification, Comment, Evidence, or a sheet \"Matrix\" (or \"Matrice\") whose first row reads Company, Sector, Country, Identifier, Period then one column per question and track (Q01 CL, Q01 FL…). Create one with `vigilance template` (or `--matrix`) and keep the sheet names and headers";
    /// VG-S01, what was found: an answer template without its header row.
    NotTemplateNoHeader => "le marqueur indique un modèle de réponses, mais la ligne d'en-têtes est introuvable", "the marker says answer template, but its header row is missing";
    /// VG-S01, what was found: a matrix without its headers.
    NotTemplateNoMatrixHeader => "le marqueur indique une matrice, mais sa première ligne ne porte pas les en-têtes attendus", "the marker says matrix, but its first row lacks the expected headers";
    /// VG-S01, what was found: a header row without the needed columns.
    NotTemplateNoAnswerColumns => "pas de colonnes ID, Volet et Réponse", "no ID, Track and Answer columns";
    /// VG-S01, what was found: the first row of a sheet.
    NotTemplateFirstRow => "première ligne : {headers}", "first row: {headers}";
    /// VG-S01, what was found: the first line of a CSV file.
    NotTemplateFirstLine => "première ligne du fichier : {headers}", "first line: {headers}";
    /// VG-S01, what was found: the sheets.
    NotTemplateSheets => "onglets : {sheets}", "sheets: {sheets}";
    /// VG-S02
    XlsxNotSupported => "cette version ne lit pas les classeurs Excel : importez la fiche au format JSON ou la matrice au format CSV, ou utilisez la commande `vigilance`", "this build does not read Excel workbooks: import the sheet as JSON or the matrix as CSV, or use the `vigilance` command";
    /// VG-S03
    XlsxUnreadable => "ce fichier n'est pas un classeur Excel lisible (.xlsx) : {detail}", "this file is not a readable Excel workbook (.xlsx): {detail}";
    /// VG-S04
    RowWithoutAnswer => "cette ligne ({id}) a un commentaire, des preuves ou une justification mais pas de réponse : elle est comptée sans réponse", "this row ({id}) has a comment, evidence or justification but no answer: it counts as unanswered";
    /// VG-S05
    AnswerWithoutId => "une réponse sans identifiant de question (colonne ID) : ajoutez l'identifiant, par exemple Q01", "an answer without a question id (ID column): add the id, for example Q01";
    /// VG-S06
    ColumnNotRead => "la colonne `{header}` n'est pas lue (ni une information sur l'entreprise, ni une colonne « Q01 CL ») ; cela vaut pour toutes les lignes", "the column `{header}` is not read (neither a company detail nor a \"Q01 CL\" column); this applies to every row";
    /// VG-S07
    MatrixNoRows => "la matrice ne contient aucune ligne d'entreprise sous ses en-têtes", "the matrix has no company row below its headers";
    /// VG-S08
    CsvUnreadable => "ce CSV ne peut pas être lu : {detail}", "this CSV cannot be read: {detail}";
    /// VG-S09
    NoCompany => "ce fichier ne contient aucune entreprise : remplissez au moins une ligne (nom de l'entreprise et réponses)", "this file holds no company: fill in at least one row (company name and answers)";
    /// VG-S10
    CsvWindows1252 => "ce CSV n'est pas en UTF-8 : il a été lu en Windows-1252 (l'encodage des CSV d'Excel en français), avec {separator} entre les champs ; vérifiez que les lettres accentuées sont justes, ou enregistrez-le au format « CSV UTF-8 »", "this CSV is not UTF-8: it was read as Windows-1252 (the encoding of French Excel's CSV files), with {separator} between fields; check that accented letters are right, or save it as \"CSV UTF-8\"";
    /// VG-S10, the separator found: `;`.
    SeparatorSemicolon => "« ; »", "`;`";
    /// VG-S10, the separator found: `,`.
    SeparatorComma => "« , »", "`,`";
    /// VG-S10, the separator found: tab.
    SeparatorTab => "des tabulations", "tabs";

    // ----- The results workbook -----
    /// A sheet name.
    WbSheetSummary => "Synthèse", "Summary";
    /// A sheet name.
    WbSheetCohort => "Cohorte", "Cohort";
    /// A sheet name.
    WbSheetThemes => "Thèmes", "Themes";
    /// A sheet name.
    WbSheetAnswers => "Réponses", "Answers";
    /// A sheet name.
    WbSheetNextSteps => "Prochaines étapes", "Next steps";
    /// A sheet name.
    WbSheetErrors => "Erreurs", "Errors";
    /// A sheet name.
    WbSheetMethod => "Méthode", "Method";
    /// A workbook label.
    WbCompany => "Entreprise", "Company";
    /// A workbook label.
    WbSector => "Secteur", "Sector";
    /// A workbook label.
    WbCountry => "Pays", "Country";
    /// A workbook label.
    WbIdentifier => "Identifiant", "Identifier";
    /// A workbook label.
    WbPeriod => "Période", "Period";
    /// A workbook label.
    WbHeadlineLevel => "Niveau global", "Headline level";
    /// A workbook label.
    WbLevelLabel => "Libellé du niveau", "Level label";
    /// A workbook label.
    WbProvisional => "Provisoire", "Provisional";
    /// A workbook label.
    WbLevelLower => "niveau", "level";
    /// A workbook label.
    WbIndex => "indice", "index";
    /// A workbook label.
    WbCompleteness => "complétude", "completeness";
    /// A workbook label.
    WbDontKnow => "ne sait pas", "don't know";
    /// A workbook label.
    WbUnsubstantiated => "non étayées", "unsubstantiated";
    /// A workbook label.
    WbChangeInHeadlineLevel => "Évolution du niveau global", "Change in headline level";
    /// A workbook label.
    WbChangeInLevel => "évolution du niveau", "change in level";
    /// A workbook label.
    WbChangeInIndex => "évolution de l'indice", "change in index";
    /// A workbook label.
    WbNew => "nouvelle", "new";
    /// A workbook label.
    WbCompaniesPerLevel => "Entreprises par niveau", "Companies per level";
    /// A workbook label.
    WbLevel => "Niveau", "Level";
    /// A workbook label.
    WbLabel => "Libellé", "Label";
    /// A workbook label.
    WbHeadline => "Global", "Headline";
    /// A workbook label.
    WbCompanies => "Entreprises", "Companies";
    /// A workbook label.
    WbLevelScoresMedianAndQuartilesInPercent => "Scores par niveau : médiane et quartiles (en %)", "Level scores: median and quartiles (in %)";
    /// A workbook label.
    WbScope => "Périmètre", "Scope";
    /// A workbook label.
    WbTrack => "Volet", "Track";
    /// A workbook label.
    Wb1stQuartile => "1er quartile", "1st quartile";
    /// A workbook label.
    WbMedian => "Médiane", "Median";
    /// A workbook label.
    Wb3rdQuartile => "3e quartile", "3rd quartile";
    /// A workbook label.
    WbAllCompanies => "Toutes les entreprises", "All companies";
    /// A workbook label.
    WbNoSectorGiven => "(secteur non indiqué)", "(no sector given)";
    /// A workbook label.
    WbSeverity => "Gravité", "Severity";
    /// A workbook label.
    WbPlace => "Endroit", "Place";
    /// A workbook label.
    WbProblem => "Problème", "Problem";
    /// A workbook label.
    WbError => "erreur", "error";
    /// A workbook label.
    WbWarning => "avertissement", "warning";
    /// A workbook label.
    WbQuestionnaire => "Questionnaire", "Questionnaire";
    /// A workbook label.
    WbEvidenceMode => "Mode de preuve", "Evidence mode";
    /// A workbook label.
    WbDate => "Date", "Date";
    /// A workbook label.
    WbToolVersion => "Version de l'outil", "Tool version";
    /// A workbook label.
    WbThresholdPercent => "Seuil (%)", "Threshold (%)";
    /// A workbook label.
    WbCompaniesScored => "Entreprises évaluées", "Companies scored";
    /// A workbook label.
    WbInputsNotScored => "Entrées non évaluées", "Inputs not scored";
    /// A workbook label.
    WbLevels => "Niveaux", "Levels";
    /// A workbook label.
    WbDefinition => "Définition", "Definition";
    /// A workbook label.
    WbScoringRule => "Règle de calcul", "Scoring rule";
    /// A workbook label.
    WbTheme => "Thème", "Theme";
    /// A workbook label.
    WbThemeLabel => "Libellé du thème", "Theme label";
    /// A workbook label.
    WbScorePercent => "Score (%)", "Score (%)";
    /// A workbook label.
    WbCritical => "Critique", "Critical";
    /// A workbook label.
    WbAnswer => "Réponse", "Answer";
    /// A workbook label.
    WbComment => "Commentaire", "Comment";
    /// A workbook label.
    WbEvidence => "Preuves", "Evidence";
    /// A workbook label.
    WbJustification => "Justification", "Justification";
    /// A workbook label.
    WbReason => "Motif", "Reason";
    /// A workbook label.
    WbCurrentAnswer => "Réponse actuelle", "Current answer";
    /// A workbook label.
    WbRecommendation => "Recommandation", "Recommendation";
    /// The Code column of the Errors sheet.
    WbCode => "Code", "Code";
    /// The scoring rule in words, line 1.
    WbRule1 => "Chaque question est renseignée pour chaque volet auquel elle s'applique (travail des enfants CL, travail forcé FL).", "Each question is answered for each track it applies to (child labour CL, forced labour FL).";
    /// The scoring rule in words, line 2.
    WbRule2 => "Points : Oui = 1, Partiellement = 0,5 (seulement si la question définit le partiel), Non = 0, Ne sait pas = 0 (lacune de connaissance) ; Non applicable est exclu des dénominateurs et exige une justification (interdit sur les questions critiques) ; sans réponse = 0.", "Points: Yes = 1, Partially = 0.5 (only where the question defines partial), No = 0, Don't know = 0 (knowledge gap); Not applicable is left out of every denominator and needs a justification (invalid on critical questions); unanswered = 0.";
    /// The scoring rule in words, line 3.
    WbRule3 => "Mode étayé par des preuves : un Oui sans preuve compte 0,5 et un Partiellement sans preuve 0,25 (réponses non étayées).", "Substantiated mode: a Yes without evidence counts 0.5 and a Partially without evidence 0.25 (unsubstantiated answers).";
    /// The scoring rule in words, line 4.
    WbRule4 => "Score d'un niveau = points obtenus ÷ questions applicables (pondérées), en %.", "Level score = points earned ÷ applicable questions (weighted), in %.";
    /// The scoring rule in words, line 5.
    WbRule5 => "Un niveau est atteint quand son score atteint le seuil ({threshold} %) et que chaque question critique du niveau obtient son point entier.", "A level is achieved when its score reaches the threshold ({threshold} %) and every critical question of the level scores its full point.";
    /// The scoring rule in words, line 6.
    WbRule6 => "Niveau de maturité d'un volet = le plus haut niveau N tel que les niveaux 1 à N sont tous atteints (N0 si le niveau 1 ne l'est pas). Niveau global = le plus bas des deux volets.", "A track's maturity = the highest level N such that levels 1 to N are all achieved (N0 if level 1 is not). Headline level = the lower of the two tracks.";
    /// The scoring rule in words, line 7.
    WbRule7 => "Indice indicatif = moyenne des scores de niveau pondérée par ({weights}) ; il sert à trier, jamais de niveau.", "Indicative index = mean of the level scores weighted by ({weights}); for sorting only, never a level.";
    /// The scoring rule in words, line 8.
    WbRule8 => "Complétude = questions répondues ÷ questions du volet ; un résultat incomplet est provisoire.", "Completeness = answered questions ÷ questions of the track; an incomplete result is provisional.";
    /// The scoring rule in words, line 9.
    WbRule9 => "Pourcentages arrondis à une décimale (demi vers le haut) ; les comparaisons au seuil sont exactes.", "Percentages rounded to one decimal (half away from zero); threshold comparisons are exact.";
    /// Why a question is a next step: a critical question of the next level.
    ReasonCriticalNextLevel => "question critique du niveau suivant", "critical question of the next level";
    /// Why a question is a next step: a question of the next level.
    ReasonNextLevel => "question du niveau suivant", "question of the next level";
    /// Why a question is a next step: an achieved level to consolidate.
    ReasonConsolidate => "consolider un niveau atteint", "consolidate an achieved level";

    // ----- The results workbook: print, na, grids, coverage, suppliers -----
    /// Summary header: answers `na` of a track.
    WbNa => "non applicables (na)", "not applicable (na)";
    /// A header: the grid a result comes from (`id@version`).
    WbGrid => "Grille", "Grid";
    /// A sheet name.
    WbSheetCoverage => "Couverture", "Coverage";
    /// A sheet name.
    WbSheetCoverageSummary => "Couverture (cohorte)", "Coverage (cohort)";
    /// A sheet name.
    WbSheetSuppliers => "Fournisseurs", "Suppliers";
    /// A header.
    WbFramework => "Référentiel", "Framework";
    /// A header: a requirement's reference in its framework.
    WbReference => "Référence", "Reference";
    /// A header.
    WbRequirement => "Exigence", "Requirement";
    /// A header.
    WbStatus => "Statut", "Status";
    /// A header: the questions mapped to a requirement.
    WbQuestions => "Questions", "Questions";
    /// A heading on Cohort: one grid's statistics.
    WbGridHeading => "Grille {grid} : {title}", "Grid {grid}: {title}";
    /// On Cohort and Coverage (cohort), when the batch mixes grids.
    WbGridsNotMixed => "Les niveaux de grilles différentes ne se comparent pas : chaque statistique ne porte que sur les résultats d'une même grille.", "Levels of different grids do not compare: each statistic covers the results of one grid only.";
    /// A chart title on Cohort.
    WbDistributionOf => "Entreprises par niveau : {track}", "Companies per level: {track}";
    /// A heading on Cohort.
    WbTransitions => "Évolution depuis la campagne précédente (entreprises retrouvées, même grille)", "Change since the previous campaign (companies found again, same grid)";
    /// A header: the level in the previous campaign.
    WbPreviousLevel => "Niveau précédent", "Previous level";
    /// A header.
    WbMovedUp => "En progression", "Moved up";
    /// A header.
    WbStayed => "Stables", "Stayed";
    /// A header.
    WbMovedDown => "En recul", "Moved down";
    /// A header: companies not found in the previous campaign.
    WbNotInPrevious => "Absentes de la campagne précédente", "Not in the previous campaign";
    /// A header: the grouping of the quartiles (NACE section, else the sector text).
    WbSectorGroup => "Secteur (section NACE, sinon secteur déclaré)", "Sector (NACE section, else sector as given)";
    /// A heading on Method.
    WbGrids => "Grilles utilisées", "Grids used";
    /// A header on Method.
    WbProvenance => "Provenance", "Provenance";
    /// A heading on Method.
    WbCoverageHeading => "Couverture réglementaire", "Regulation coverage";
    /// A heading on Suppliers: one buyer's suppliers on one grid.
    WbBuyerHeading => "Donneur d'ordre : {buyer} (grille {grid})", "Buyer: {buyer} (grid {grid})";
    /// A header on Suppliers.
    WbBuyer => "Donneur d'ordre", "Buyer";
    /// A header on Suppliers.
    WbTier => "Rang", "Tier";
    /// A tier of supplier.
    WbTier3Plus => "3 et au-delà", "3 and beyond";
    /// A tier not given.
    WbTierUnknown => "non précisé", "not given";
    /// A heading on Suppliers.
    WbSuppliersPerTier => "Fournisseurs par rang et par niveau", "Suppliers per tier and level";
    /// A heading on Suppliers.
    WbSuppliersBelowN2 => "Fournisseurs sous N2 (maillons faibles de la chaîne)", "Suppliers below N2 (weak links of the chain)";
    /// No supplier of the buyer is below N2.
    WbSuppliersNoneBelowN2 => "Aucun : tous les fournisseurs de ce donneur d'ordre atteignent au moins N2.", "None: every supplier of this buyer reaches at least N2.";
    /// A header on Suppliers.
    WbSuppliers => "Fournisseurs", "Suppliers";

    // ----- The fillable templates -----
    /// The title of the drop-down error.
    TplUnexpectedAnswer => "Réponse non prévue", "Unexpected answer";
    /// The message of the drop-down error.
    TplChooseFromList => "Choisissez une réponse dans la liste.", "Choose an answer from the list.";
    /// After a number of points.
    TplPoints => "point(s)", "point(s)";
    /// The line above the company details.
    TplEnterDetails => "Saisissez les informations de l'entreprise, puis une réponse par ligne (voir l'onglet Instructions).", "Enter the company details, then one answer per row (see the Instructions sheet).";
    /// In a matrix column note, after the theme.
    TplCriticalMark => " · critique", " · critical";
    /// Before what earns the half point.
    TplPartialIs => "Partiel =", "Partial =";
    /// A header of the Questions sheet.
    TplColumn => "Colonne", "Column";
    /// A header of the Questions sheet.
    TplAllowedAnswers => "Réponses possibles", "Allowed answers";
    /// The note under the Questions sheet.
    TplNaNeedsColumn => "Une réponse « Non applicable » exige une justification : ajoutez à la matrice une colonne nommée par exemple « Q20 CL justification ». De même « Q01 CL commentaire » et « Q01 CL preuves » (une preuve par ligne ou séparées par ;).", "A \"Not applicable\" answer needs a justification: add a column to the matrix named for example \"Q20 CL justification\". Likewise \"Q01 CL comment\" and \"Q01 CL evidence\" (one per line or separated by ;).";
    /// A line of the template instructions.
    TplIntro => "Questionnaire {questionnaire} — remplissez ce classeur puis évaluez-le avec `vigilance score fichier.xlsx`.", "Questionnaire {questionnaire} — fill in this workbook, then score it with `vigilance score file.xlsx`.";
    /// A line of the template instructions.
    TplStep1 => "1. Onglet « {sheet} » : saisissez le nom de l'entreprise (obligatoire), son secteur, son pays, son identifiant (LEI, ISIN) et la période évaluée ; si vous le connaissez, son code NACE (C29 par exemple) ; pour un fournisseur, son donneur d'ordre et son rang (1, 2 ou 3+).", "1. Sheet \"{sheet}\": enter the company's name (required), sector, country, identifier (LEI, ISIN) and the period assessed; its NACE code if you know it (C29 for example); for a supplier, its buyer and tier (1, 2 or 3+).";
    /// A line of the template instructions.
    TplStep2 => "2. Pour chaque ligne (une question pour un volet : CL travail des enfants, FL travail forcé), choisissez la réponse dans la liste déroulante de la colonne « Réponse ».", "2. On each row (one question for one track: CL child labour, FL forced labour), choose the answer from the drop-down in the \"Answer\" column.";
    /// A line of the template instructions.
    TplStep3 => "3. « Partiellement » n'est proposé que lorsque la question définit la réponse partielle (colonne « Partiel = »).", "3. \"Partially\" is offered only where the question defines a partial answer (column \"Partial =\").";
    /// A line of the template instructions.
    TplStep4 => "4. « Non applicable » exige une justification (colonne « Justification ») et n'est pas possible sur une question critique.", "4. \"Not applicable\" needs a justification (column \"Justification\") and is not possible on a critical question.";
    /// A line of the template instructions.
    TplStep5 => "5. Ajoutez si vous le souhaitez un commentaire et des preuves (références de documents ou liens, une par ligne ou séparées par ;). En mode « étayé », un Oui sans preuve compte pour moitié.", "5. Optionally add a comment and evidence (document references or links, one per line or separated by ;). In substantiated mode a Yes without evidence counts half.";
    /// A line of the template instructions.
    TplStep6 => "6. Une ligne sans réponse compte 0 point et rend le résultat provisoire.", "6. A row left without an answer counts 0 points and makes the result provisional.";
    /// A line of the template instructions.
    TplKeepHeaders => "Ne renommez pas les onglets et ne modifiez pas les en-têtes de colonnes : le lecteur s'en sert pour retrouver les réponses. L'onglet masqué « vigilance » identifie ce modèle.", "Do not rename the sheets or change the column headers: the reader uses them to find the answers. The hidden sheet \"vigilance\" marks this template.";
    /// A line of the template instructions.
    TplValuesAndPoints => "Réponses possibles et points :", "Possible answers and points:";
    /// The matrix sheet of the matrix template.
    TplSheetMatrix => "Matrice", "Matrix";
    /// A company detail of the templates.
    TplIdentifier => "Identifiant (LEI, ISIN)", "Identifier (LEI, ISIN)";
    /// A column of the answer template.
    TplJustificationIfNa => "Justification (si non applicable)", "Justification (if not applicable)";
    /// A column of the answer template.
    TplEvidencePerLine => "Preuves (une par ligne ou séparées par ;)", "Evidence (one per line or separated by ;)";

    // ----- The command line -----
    /// Before a hint.
    CliHelp => "aide :", "help:";
    /// Before a warning.
    CliWarning => "avertissement :", "warning:";
    /// Before an error.
    CliError => "erreur :", "error:";
    /// A valid file.
    CliValid => "valide :", "valid:";
    /// The sheets wait for a valid questionnaire.
    CliSheetsNotChecked => "les fiches de réponses ne sont pas vérifiées tant que le questionnaire n'est pas valide", "the answer sheets are not checked until the questionnaire is valid";
    /// The summary of `validate`: files checked.
    CliFilesCheckedOne => "{n} fichier vérifié", "{n} file checked";
    /// The summary of `validate`: files checked.
    CliFilesCheckedMany => "{n} fichiers vérifiés", "{n} files checked";
    /// Valid files.
    CliValidOne => "{n} valide", "{n} valid";
    /// Valid files.
    CliValidMany => "{n} valides", "{n} valid";
    /// Invalid files.
    CliInvalidOne => "{n} non valide", "{n} invalid";
    /// Invalid files.
    CliInvalidMany => "{n} non valides", "{n} invalid";
    /// The summary of `score`: sheets scored.
    CliScoredOne => "{n} fiche évaluée", "{n} sheet scored";
    /// The summary of `score`: sheets scored.
    CliScoredMany => "{n} fiches évaluées", "{n} sheets scored";
    /// The summary of `score`: inputs not scored.
    CliNotScoredOne => "{n} entrée non évaluée", "{n} input could not be scored";
    /// The summary of `score`: inputs not scored.
    CliNotScoredMany => "{n} entrées non évaluées", "{n} inputs could not be scored";
    /// `--previous` gave nothing.
    CliPreviousEmpty => "avertissement : --previous ne contient aucune fiche évaluable ; pas de comparaison", "warning: --previous holds no sheet that can be scored; no comparison is made";
    /// The questionnaire file cannot be read.
    FatalQuestionnaireRead => "questionnaire {path} : {problem}", "questionnaire {path}: {problem}";
    /// The questionnaire file has problems.
    FatalQuestionnaireInvalid => "le questionnaire {path} n'est pas utilisable :{problems}\n(`vigilance validate --questionnaire {path}` montre chaque problème dans son contexte)", "the questionnaire {path} cannot be used:{problems}\n(`vigilance validate --questionnaire {path}` shows each problem in context)";
    /// Standard output failed.
    FatalStdout => "impossible d'écrire sur la sortie standard : {error}", "cannot write to standard output: {error}";
    /// An output file failed.
    FatalWrite => "impossible d'écrire {path} : {error} ; vérifiez que le dossier existe et est accessible en écriture, et que le fichier n'est pas ouvert dans Excel", "cannot write {path}: {error}; check that the directory exists and is writable, and that the file is not open in Excel";
    /// `-o` names a directory.
    FatalOutputIsDir => "{path} est un dossier : donnez un nom de fichier à -o", "{path} is a directory: give -o a file name";
    /// `-o` is in a missing directory.
    FatalOutputDirMissing => "impossible d'écrire {path} : le dossier {dir} n'existe pas ; créez-le ou choisissez un autre chemin pour -o", "cannot write {path}: the directory {dir} does not exist; create it or choose another path for -o";
    /// `-o` names a workbook Excel holds open.
    FatalReplaceOpenInExcel => "impossible de remplacer {path} : le fichier est ouvert dans Excel, qui le verrouille ; fermez le fichier dans Excel, puis relancez la commande (ou choisissez un autre nom avec -o). Rien n'a été écrit.", "cannot replace {path}: the file is open in Excel, which locks it; close the file in Excel, then run the command again (or choose another name with -o). Nothing was written.";
    /// `-o` names a file another program holds open.
    FatalReplaceLocked => "impossible de remplacer {path} : le fichier est ouvert dans un autre programme, sans doute Excel, qui le verrouille ; fermez le fichier dans Excel (ou dans ce programme), puis relancez la commande (ou choisissez un autre nom avec -o). Rien n'a été écrit.", "cannot replace {path}: the file is open in another program, probably Excel, which locks it; close the file in Excel (or in that program), then run the command again (or choose another name with -o). Nothing was written.";
    /// `-o` names a file that may not be replaced.
    FatalReplaceDenied => "impossible de remplacer {path} : accès refusé ({error}) ; vérifiez que le fichier n'est pas en lecture seule et que vous avez le droit d'écrire dans le dossier {dir}, ou choisissez un autre chemin pour -o. Rien n'a été écrit.", "cannot replace {path}: access denied ({error}); check that the file is not read-only and that you may write in the folder {dir}, or choose another path for -o. Nothing was written.";
    /// A temporary file could not be removed.
    FatalTempLeftBehind => "Le fichier temporaire {path} n'a pas pu être supprimé ({error}) : supprimez-le.", "The temporary file {path} could not be removed ({error}): delete it.";
    /// A directory cannot be created.
    FatalCreateDir => "impossible de créer {path} : {error}", "cannot create {path}: {error}";
    /// A workbook to the terminal.
    FatalXlsxToTerminal => "refus d'écrire un classeur Excel dans le terminal : donnez un fichier avec -o FICHIER.xlsx, ou choisissez --format json", "refusing to write an Excel workbook to the terminal: give a file with -o FILE.xlsx, or choose --format json";
    /// A template to the terminal.
    FatalTemplateToTerminal => "refus d'écrire un classeur Excel dans le terminal : donnez un fichier avec -o FICHIER.xlsx", "refusing to write an Excel workbook to the terminal: give a file with -o FILE.xlsx";
    /// The workbook failed.
    FatalWorkbook => "le classeur Excel n'a pas pu être écrit : {error}", "the Excel workbook could not be written: {error}";
    /// The template failed.
    FatalTemplate => "le modèle n'a pas pu être écrit : {error}", "the template could not be written: {error}";
    /// `vigilance manpage --out-dir` could not write.
    FatalManpages => "impossible d'écrire les pages de manuel dans {path} : {error} ; vérifiez que ce dossier est accessible en écriture", "cannot write the manual pages into {path}: {error}; check that the directory is writable";
    /// `questionnaire show`: the introduction.
    CliGridIntro => "Seuil : {threshold} %. ★ = question critique : un niveau n'est atteint que si ses questions critiques obtiennent tous leurs points. Volets : CL = travail des enfants, FL = travail forcé ; une question des deux volets reçoit une réponse pour chacun.", "Threshold: {threshold} %. ★ = critical question: a level is achieved only when its critical questions score their full point. Tracks: CL = child labour, FL = forced labour; a question of both tracks is answered for each.";
    /// `questionnaire show`: column of tracks.
    CliGridTracks => "Volets", "Tracks";
    /// `questionnaire show`: column of themes.
    CliGridTheme => "Thème", "Theme";
    /// `questionnaire show`: column of critical marks.
    CliGridCritical => "Crit.", "Crit.";
    /// `questionnaire show`: column of questions.
    CliGridQuestion => "Question", "Question";
    /// `questionnaire show`: the footer.
    CliGridPerTrack => "Questions par volet :", "Questions per track:";

    // ----- Grids: versions, regulation coverage, migration -----
    /// A coverage status.
    CoverageMet => "Satisfaite", "Met";
    /// A coverage status.
    CoveragePartlyMet => "Partiellement satisfaite", "Partly met";
    /// A coverage status.
    CoverageNotMet => "Non satisfaite", "Not met";
    /// A coverage status.
    CoverageNotAnswered => "Sans réponse", "Not answered";
    /// A coverage status.
    CoverageNotApplicable => "Non applicable", "Not applicable";
    /// A requirement no question covers.
    CoverageNotCovered => "non couverte par la grille", "not covered by the grid";
    /// Shown wherever coverage is shown.
    CoverageDisclaimer => "La couverture réglementaire est une information : elle dit quelles questions de la grille portent sur chaque exigence et comment elles ont été répondues. Ce n'est ni un avis juridique ni une attestation de conformité.", "Regulation coverage is information: it says which questions of the grid bear on each requirement and how they were answered. It is neither a legal opinion nor a statement of compliance.";
    /// Migration refused: two different grids.
    MigrateOtherGrid => "la feuille répond à la grille `{from}`, pas à `{to}` : seules les versions d'une même grille peuvent être migrées", "the sheet answers grid `{from}`, not `{to}`: only versions of the same grid can be migrated";
    /// Migration refused: not a later version.
    MigrateNotLater => "la feuille répond déjà à la version {from} ; on ne migre que vers une version ultérieure (demandée : {to})", "the sheet already answers version {from}; migrate only to a later version (asked: {to})";
    /// A migrated answer.
    MigrateCarried => "reprise (question inchangée)", "carried over (question unchanged)";
    /// A migrated answer.
    MigrateCarriedReworded => "reprise (question reformulée, même sens)", "carried over (question reworded, same meaning)";
    /// An answer not migrated.
    MigrateDroppedRevised => "non reprise : la question a été révisée, à répondre de nouveau", "not carried over: the question was revised, answer it again";
    /// An answer not migrated.
    MigrateDroppedInvalid => "non reprise : la nouvelle version n'accepte plus cette réponse", "not carried over: the new version no longer accepts this answer";
    /// An answer not migrated.
    MigrateDroppedRemoved => "non reprise : la question n'existe plus", "not carried over: the question no longer exists";
    /// A new question.
    MigrateAdded => "nouvelle question, sans réponse", "new question, unanswered";
    /// `--questionnaire` names nothing known.
    FatalUnknownGrid => "`{name}` n'est ni une grille intégrée ni un fichier. Grilles intégrées : {known} (`vigilance questionnaire list`)", "`{name}` is neither a built-in grid nor a file. Built-in grids: {known} (`vigilance questionnaire list`)";
    /// `questionnaire list`: the heading.
    CliGridList => "Grilles intégrées (`--questionnaire ID@VERSION` en choisit une ; une feuille est notée sur la version qu'elle indique) :", "Built-in grids (`--questionnaire ID@VERSION` picks one; a sheet is scored on the version it names):";
    /// `questionnaire list`: the default grid.
    CliGridDefault => "(par défaut)", "(default)";
    /// `questionnaire show --mappings`: the heading.
    CliCoverageTitle => "Couverture réglementaire", "Regulation coverage";
    /// `questionnaire show --mappings` on a grid without frameworks.
    CliCoverageNone => "Cette grille n'est rattachée à aucun référentiel (champ `frameworks`).", "This grid maps to no framework (field `frameworks`).";
    /// Before a framework's status note.
    CliNote => "Note :", "Note:";
    /// Before the coverage counts of a framework.
    CliRequirementsCovered => "Exigences couvertes :", "Requirements covered:";
    /// `migrate`: only JSON.
    CliMigrateOnlyJson => "seules les feuilles JSON se migrent : exportez d'abord ce classeur en JSON, ou remplissez un modèle de la nouvelle version (`vigilance template`)", "only JSON sheets can be migrated: export this workbook to JSON first, or fill in a template of the new version (`vigilance template`)";
    /// `migrate`: the sheet names no grid.
    CliMigrateNoGrid => "la feuille n'indique pas sa grille (`questionnaire.id` et `version`)", "the sheet does not name its grid (`questionnaire.id` and `version`)";
    /// `migrate`: the sheet's grid is not built in.
    CliMigrateNotBuiltIn => "la grille {grid} n'est pas intégrée : grilles connues {known}", "grid {grid} is not built in: known grids {known}";
    /// `migrate`: no such target version.
    CliMigrateNoVersion => "aucune version `{asked}` de la grille {id} : grilles connues {known}", "no version `{asked}` of grid {id}: known grids {known}";
    /// `migrate`: one sheet done.
    CliMigrateSheet => "{source} → {name} ({grid}) : reprises {carried}, reformulées et reprises {reworded}, non reprises {dropped}, nouvelles questions sans réponse {added}", "{source} → {name} ({grid}): carried over {carried}, reworded and carried over {reworded}, not carried over {dropped}, new questions unanswered {added}";
    /// `report`: nothing to review.
    FatalNoSheetForReview => "aucune fiche n'a pu être évaluée : pas de revue à écrire ; corrigez les fiches signalées ci-dessus", "no sheet could be scored: there is no review to write; fix the sheets reported above";
    /// `report`: the targets file cannot be read.
    FatalTargetsRead => "--targets {path} : {problem}", "--targets {path}: {problem}";
    /// `report`: the targets file has bad rows.
    FatalTargetsInvalid => "le fichier d'objectifs {path} n'est pas utilisable ; rien n'a été écrit :{rows}", "the targets file {path} cannot be used; nothing was written:{rows}";
    /// `report`: done.
    CliReviewWrittenOne => "revue de {n} entreprise écrite", "review of {n} company written";
    /// `report`: done.
    CliReviewWrittenMany => "revue de {n} entreprises écrite", "review of {n} companies written";
    /// `migrate`: the summary.
    CliMigrateDone => "Feuilles migrées dans {dir} : {written} ; en échec : {failed}. Les feuilles d'origine ne sont pas modifiées.", "Sheets migrated into {dir}: {written}; failed: {failed}. The original sheets are not modified.";

    // ----- Company: NACE code, buyer and tier; grids per sheet; duplicates in a batch (p2) -----
    /// VG-A15
    InvalidNace => "`{found}` n'est pas un code NACE rév. 2 : indiquez une section (une lettre de A à U, par exemple C) ou une division (par exemple C29 ou 29, I55, A01)", "`{found}` is not a NACE Rev. 2 code: give a section (a letter from A to U, for example C) or a division (for example C29 or 29, I55, A01)";
    /// VG-A15 help
    InvalidNaceHelp => "ce champ est facultatif : corrigez le code ou laissez-le vide (le secteur en clair reste dans « secteur ») ; une division doit appartenir à la section indiquée (C29, pas F29)", "this field is optional: correct the code or leave it empty (the sector in words stays in \"sector\"); a division must belong to the section given (C29, not F29)";
    /// VG-A16
    InvalidTier => "`{found}` n'est pas un rang de fournisseur : indiquez 1 (fournisseur direct), 2 (fournisseur d'un fournisseur direct) ou 3+ (au-delà)", "`{found}` is not a supplier tier: give 1 (direct supplier), 2 (a direct supplier's supplier) or 3+ (further up the chain)";
    /// VG-A16 help
    InvalidTierHelp => "ce champ est facultatif : laissez-le vide si la fiche n'est pas celle d'un fournisseur", "this field is optional: leave it empty when the sheet is not a supplier's";
    /// A company detail of the templates.
    TplNace => "Code NACE (rév. 2)", "NACE code (Rev. 2)";
    /// A company detail of the templates.
    TplBuyer => "Donneur d'ordre (acheteur)", "Buyer";
    /// A company detail of the templates.
    TplTier => "Rang du fournisseur (1, 2, 3+)", "Supplier tier (1, 2, 3+)";
    /// VG-A17
    DuplicateCompany => "cette fiche porte la même entreprise (« {company} ») pour la même période ({period}) que {kept} : elle est listée, mais comptée une seule fois dans les statistiques de la cohorte, avec {kept}", "this sheet holds the same company (“{company}”) for the same period ({period}) as {kept}: it is listed, but counted once in the cohort figures, from {kept}";
    /// VG-A17 help
    DuplicateCompanyHelp => "retirez le doublon du lot, ou corrigez l'identifiant, le nom ou la période s'il s'agit d'une autre entreprise ou d'une autre période", "remove the duplicate from the batch, or correct the identifier, name or period if it is another company or another period";
    /// VG-A17, when the sheets give no period.
    NoPeriodGiven => "période non indiquée", "no period given";
    /// The message of the tier drop-down's error.
    TplChooseTier => "Choisissez 1 (fournisseur direct), 2 (fournisseur d'un fournisseur direct) ou 3+ (au-delà).", "Choose 1 (direct supplier), 2 (a direct supplier's supplier) or 3+ (further up the chain).";

    // ----- Engagement: analyst review, dialogue, action plan (issue 21) -----
    /// VG-E01
    EngReviewStatus => "`{found}` n'est pas un statut de revue (attendu : accepted, challenged ou rejected)", "`{found}` is not a review status (expected accepted, challenged or rejected)";
    /// VG-E02
    EngActionStatus => "`{found}` n'est pas un statut d'action (attendu : planned, in_progress, done ou dropped)", "`{found}` is not an action status (expected planned, in_progress, done or dropped)";
    /// VG-E03
    EngDroppedWithoutReason => "une action abandonnée doit dire pourquoi (`dropped_reason`)", "a dropped action needs the reason for dropping it (`dropped_reason`)";
    /// VG-E04
    EngInvalidDate => "`{found}` n'est pas une date de la forme AAAA-MM-JJ (par exemple 2026-03-31)", "`{found}` is not a date of the form YYYY-MM-DD (for example 2026-03-31)";
    /// VG-E05
    EngRejectedWithValue => "une réponse rejetée compte comme {unknown} : elle ne prend pas de valeur retenue (retirez `value`)", "a rejected answer counts as {unknown}: it takes no accepted value (remove `value`)";
    /// VG-E06
    EngInvalidHash => "`{found}` n'est pas l'empreinte d'une réponse (attendu : fnv1a64: suivi de 16 chiffres hexadécimaux)", "`{found}` is not the hash of an answer (expected fnv1a64: followed by 16 hexadecimal digits)";
    /// VG-E06 help
    EngInvalidHashHelp => "l'empreinte est écrite par `vigilance engage init` : ne la modifiez pas ; pour revoir une réponse ajoutée depuis, relancez `engage init` sur la feuille et recopiez la revue", "the hash is written by `vigilance engage init`: do not edit it; to review an answer added since, run `engage init` on the sheet again and copy the review over";
    /// VG-E07
    EngOtherCompany => "ce fichier d'engagement porte sur « {found} », pas sur « {expected} » (l'entreprise de la fiche) : il n'est pas appliqué", "this engagement file is about “{found}”, not “{expected}” (the company of the answer sheet): it is not applied";
    /// VG-E08
    EngOtherPeriod => "ce fichier d'engagement porte sur la période {found}, pas sur {expected} (la période de la fiche) : il n'est pas appliqué", "this engagement file is for period {found}, not {expected} (the period of the answer sheet): it is not applied";
    /// VG-E09
    EngOtherGrid => "ce fichier d'engagement revoit la grille {found}, pas {expected} (la grille de la fiche) : il n'est pas appliqué", "this engagement file reviews grid {found}, not {expected} (the grid of the answer sheet): it is not applied";
    /// VG-E07 to VG-E09 help
    EngOtherHelp => "un fichier d'engagement vaut pour une entreprise, une période et une version de grille : créez celui de cette fiche avec `vigilance engage init`, ou `engage carry` pour une nouvelle période", "an engagement file holds for one company, one period and one grid version: create this sheet's with `vigilance engage init`, or `engage carry` for a new period";
    /// VG-E10
    EngOutdated => "l'entreprise a changé sa réponse à {question} ({track}) depuis la revue : cette revue est périmée et n'est pas appliquée", "the company changed its answer to {question} ({track}) since it was reviewed: the review is outdated and not applied";
    /// VG-E10 help
    EngOutdatedHelp => "revoyez la nouvelle réponse, puis mettez à jour `reviewed` avec l'empreinte que donne `vigilance engage init` pour cette fiche", "review the new answer, then update `reviewed` with the hash `vigilance engage init` gives for this sheet";
    /// VG-E11
    EngWithoutNote => "une réponse contestée ou rejetée devrait dire pourquoi dans `note`", "a challenged or rejected answer should say why in `note`";
    /// VG-E12
    EngDialogueKind => "`{found}` n'est pas un type d'échange (attendu : meeting, letter, call, email ou other)", "`{found}` is not a kind of exchange (expected meeting, letter, call, email or other)";
    /// VG-E13
    EngDuplicateActionId => "l'identifiant d'action `{id}` est utilisé plusieurs fois", "the action id `{id}` is used more than once";
    /// VG-E14
    EngDuplicate => "un autre fichier d'engagement porte déjà sur cette entreprise et cette période : seul {kept} est utilisé", "another engagement file already covers this company and period: only {kept} is used";
    /// A review status.
    EngStatusAccepted => "Acceptée", "Accepted";
    /// A review status.
    EngStatusChallenged => "Contestée", "Challenged";
    /// A review status.
    EngStatusRejected => "Rejetée", "Rejected";
    /// An action status.
    EngActionPlanned => "Prévue", "Planned";
    /// An action status.
    EngActionInProgress => "En cours", "In progress";
    /// An action status.
    EngActionDone => "Réalisée", "Done";
    /// An action status.
    EngActionDropped => "Abandonnée", "Dropped";
    /// A kind of exchange.
    EngDialogueMeeting => "Réunion", "Meeting";
    /// A kind of exchange.
    EngDialogueLetter => "Courrier", "Letter";
    /// A kind of exchange.
    EngDialogueCall => "Appel", "Call";
    /// A kind of exchange.
    EngDialogueEmail => "Courriel", "E-mail";
    /// A kind of exchange.
    EngDialogueOther => "Autre", "Other";
    /// `engage init`: one file written.
    CliEngWritten => "{source} → {path} : {reviews} réponses listées (acceptées telles que déclarées, à revoir), {actions} actions proposées", "{source} → {path}: {reviews} answers listed (accepted as declared, to review), {actions} actions proposed";
    /// `engage init`: the summary.
    CliEngInitDone => "Fichiers d'engagement écrits dans {dir} : {written} ; en échec : {failed}. Revoyez-les (statut, valeur retenue, note ; actions convenues), puis `vigilance score … --engagement {dir}`.", "Engagement files written into {dir}: {written}; failed: {failed}. Review them (status, accepted value, note; agreed actions), then `vigilance score … --engagement {dir}`.";
    /// `engage validate`: a valid file.
    CliEngValid => "{source} : valide", "{source}: valid";
    /// `engage carry`: one file carried.
    CliEngCarried => "{source} → {path} : actions reprises {open}, gardées en historique {history}, contestations passées en contexte {context}", "{source} → {path}: actions carried over {open}, kept as history {history}, past challenges listed as context {context}";
    /// `engage carry`: the summary.
    CliEngCarryDone => "Fichiers de la période {period} écrits dans {dir} : {written} ; en échec : {failed}. Les fichiers d'origine ne sont pas modifiés.", "Files for period {period} written into {dir}: {written}; failed: {failed}. The original files are not modified.";
    /// `engage carry`: no engagement file in the directory.
    CliEngNoFile => "aucun fichier d'engagement (.json) dans {path}", "no engagement file (.json) in {path}";
    /// `score --engagement`: one sheet, side by side.
    CliEngReviewedLine => "{source} : niveau déclaré {declared}, niveau revu {reviewed} ({engagement})", "{source}: level as declared {declared}, as reviewed {reviewed} ({engagement})";
    /// `score --engagement`: a file refused for a sheet.
    CliEngNotApplied => "{engagement} n'est pas appliqué à {source} ; la fiche est évaluée telle que déclarée :", "{engagement} is not applied to {source}; the sheet is scored as declared only:";
    /// `score --engagement`: the directory cannot be read.
    FatalEngDir => "--engagement {path} : {error}", "--engagement {path}: {error}";
    /// Workbook: the sheet of challenged and rejected answers.
    WbSheetReview => "Revue analyste", "Analyst review";
    /// Workbook: the sheet of the action plans.
    WbSheetActions => "Actions", "Actions";
    /// Workbook, Summary: the headline level as reviewed.
    WbReviewedHeadline => "Niveau revu par l'analyste", "Level as reviewed by the analyst";
    /// Workbook, Summary: a track's level as reviewed (after the track code).
    WbReviewedLevelLower => "niveau revu", "level reviewed";
    /// Workbook: the engagement file.
    WbEngFile => "Fichier d'engagement", "Engagement file";
    /// Workbook, Analyst review: the value declared.
    WbEngDeclared => "Réponse déclarée", "Declared answer";
    /// Workbook, Analyst review: the value accepted by the analyst.
    WbEngAccepted => "Valeur retenue", "Accepted value";
    /// Workbook, Analyst review: the value counted as reviewed.
    WbEngCounted => "Comptée (revue)", "Counted as reviewed";
    /// Workbook, Analyst review: the note.
    WbEngNote => "Note de l'analyste", "Analyst's note";
    /// Workbook: a date.
    WbEngDate => "Date", "Date";
    /// Workbook, Analyst review: the analyst's initials.
    WbEngAnalyst => "Analyste", "Analyst";
    /// Workbook, Analyst review: a review not applied.
    WbEngOutdated => "Périmée : l'entreprise a changé sa réponse depuis ; non appliquée", "Outdated: the company has changed its answer since; not applied";
    /// Workbook, Actions: the action's id.
    WbActionId => "Action", "Action";
    /// Workbook, Actions: what the company will do.
    WbActionText => "Description", "Description";
    /// Workbook, Actions: the questions addressed.
    WbActionAddresses => "Questions visées", "Questions addressed";
    /// Workbook, Actions: the owner.
    WbActionOwner => "Responsable", "Owner";
    /// Workbook, Actions: the due date.
    WbActionDue => "Échéance", "Due date";
    /// Workbook, Actions: overdue.
    WbActionOverdue => "En retard", "Overdue";
    /// Workbook, Actions: why dropped.
    WbActionReason => "Motif d'abandon", "Reason for dropping";
    /// Workbook, Actions: the period the action was first agreed for.
    WbActionCarried => "Convenue en", "Agreed in";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_entry_exists_in_both_languages_with_the_same_placeholders() {
        let mut names = BTreeSet::new();
        for m in Msg::ALL {
            assert!(names.insert(m.name()), "{m:?} twice");
            for lang in Lang::ALL {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} in {lang:?}");
            }
            let fr: BTreeSet<_> = m.placeholders(Lang::Fr).into_iter().collect();
            let en: BTreeSet<_> = m.placeholders(Lang::En).into_iter().collect();
            assert_eq!(fr, en, "placeholders of {m:?}");
            // Balanced braces: a stray `{` or `}` would be shown to users.
            for lang in Lang::ALL {
                let t = m.text(lang);
                assert_eq!(
                    t.matches('{').count(),
                    t.matches('}').count(),
                    "{m:?} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn fill_replaces_placeholders_and_keeps_unknown_ones() {
        let s = Msg::PlaceLineColumn.fill(Lang::Fr, &[("line", &3), ("column", &7)]);
        assert_eq!(s, "ligne 3, colonne 7");
        let s = Msg::PlaceCell.fill(Lang::En, &[]);
        assert_eq!(s, "cell {cell}");
    }

    #[test]
    fn plurals_follow_each_language() {
        let one = Msg::CliFilesCheckedOne;
        let many = Msg::CliFilesCheckedMany;
        assert_eq!(count(Lang::Fr, 0, one, many, &[]), "0 fichier vérifié");
        assert_eq!(count(Lang::En, 0, one, many, &[]), "0 files checked");
        assert_eq!(count(Lang::Fr, 2, one, many, &[]), "2 fichiers vérifiés");
        assert_eq!(count(Lang::En, 1, one, many, &[]), "1 file checked");
    }
}
