//! The vocabulary the readers share with the template writer (`vigilance-report`'s `template`):
//! sheet names, header texts in French and English, the hidden marker, where the template's
//! parts start, and how a cell's text is read as an answer value or a track.

use crate::answers::Parsed;
use crate::answers::{AnswerSheet, Company, DraftAnswer, RawAnswer, SheetDraft};
use crate::codes::{AnswerValue, Track};
use crate::problem::{Place, Problem, Problems};
use crate::questionnaire::Questionnaire;
use crate::text::Lang;
use vigilance_text::{Template, Wb};

/// 0-based row of the answer template's table header.
pub const ANSWERS_HEADER_ROW: u32 = 12;

/// 0-based row of the first company detail (name) in the answer template; the others follow,
/// in [`CompanyField::ALL`] order, label in column A and value in column B.
pub const COMPANY_FIRST_ROW: u32 = 3;

/// Rows of the matrix template that carry drop-downs (companies beyond still read fine).
pub const MATRIX_ROWS: u32 = 2_000;

/// One answer sheet read from a spreadsheet: a whole answer template, or one row of a matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedSheet {
    /// Which part of the file: a row of a matrix workbook or a line of a matrix CSV; `None` when
    /// the file holds one sheet (answer template) or could not be read at all.
    pub label: Option<Place>,
    /// The checked sheet with its warnings, or every problem found.
    pub result: Result<Parsed<AnswerSheet>, Problems>,
}

impl ImportedSheet {
    /// A part that could not be read, with one problem.
    pub(crate) fn failed(label: Option<Place>, problem: Problem) -> ImportedSheet {
        ImportedSheet {
            label,
            result: Err(Problems(vec![problem])),
        }
    }

    /// Adds a problem about the whole file (a warning such as the encoding that was detected),
    /// first among the sheet's warnings, or among its problems when it could not be read.
    pub(crate) fn add_note(&mut self, note: Problem) {
        match &mut self.result {
            Ok(parsed) => parsed.warnings.insert(0, note),
            Err(problems) => problems.0.insert(0, note),
        }
    }
}

/// The value of the hidden marker cell (`vigilance!A1`) the templates carry.
pub const TEMPLATE_MARKER: &str = "vigilance.template/1";

/// The name of the hidden sheet holding the marker, the kind of template, the questionnaire and
/// the drop-down lists.
pub const MARKER_SHEET: &str = "vigilance";

pub use vigilance_model::files::MAX_SPREADSHEET_BYTES;

/// The two template layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateKind {
    /// One company: company details, then one row per (question, track).
    Answers,
    /// One row per company, one column per (question, track).
    Matrix,
}

impl TemplateKind {
    /// The code written in the marker sheet.
    pub fn code(self) -> &'static str {
        match self {
            TemplateKind::Answers => "answers",
            TemplateKind::Matrix => "matrix",
        }
    }
}

/// The name of the answers sheet of the answer template.
pub fn answers_sheet_name(lang: Lang) -> &'static str {
    Wb::SheetAnswers.text(lang)
}

/// The name of the matrix sheet of the matrix template.
pub fn matrix_sheet_name(lang: Lang) -> &'static str {
    Template::SheetMatrix.text(lang)
}

/// The company details a template asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompanyField {
    /// Name (required).
    Name,
    /// Sector.
    Sector,
    /// Country.
    Country,
    /// LEI, ISIN…
    Id,
    /// Period answered (e.g. 2025).
    Period,
    /// NACE Rev. 2 section or division.
    Nace,
    /// For a supplier: the buyer it answers for.
    Buyer,
    /// For a supplier: its tier (1, 2, 3+).
    Tier,
}

impl CompanyField {
    /// Every field, in template order.
    /// The fields added later (NACE, buyer, tier) come last, so that the cells and columns of
    /// the first ones have not moved.
    pub const ALL: [CompanyField; 8] = [
        CompanyField::Name,
        CompanyField::Sector,
        CompanyField::Country,
        CompanyField::Id,
        CompanyField::Period,
        CompanyField::Nace,
        CompanyField::Buyer,
        CompanyField::Tier,
    ];

    /// The label written in the template.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CompanyField::Name => Wb::Company.text(lang),
            CompanyField::Sector => Wb::Sector.text(lang),
            CompanyField::Country => Wb::Country.text(lang),
            CompanyField::Id => Template::Identifier.text(lang),
            CompanyField::Period => Wb::Period.text(lang),
            CompanyField::Nace => Template::Nace.text(lang),
            CompanyField::Buyer => Template::Buyer.text(lang),
            CompanyField::Tier => Template::Tier.text(lang),
        }
    }

    /// The JSON path of the field in an answer sheet, where problems about it are reported.
    pub fn path(self) -> &'static str {
        match self {
            CompanyField::Name => "/company/name",
            CompanyField::Sector => "/company/sector",
            CompanyField::Country => "/company/country",
            CompanyField::Id => "/company/id",
            CompanyField::Period => "/period",
            CompanyField::Nace => "/company/nace",
            CompanyField::Buyer => "/company/buyer",
            CompanyField::Tier => "/company/tier",
        }
    }

    /// Puts a cell's text (`None` when blank) into the field of `company` or `period`.
    pub(crate) fn set(self, company: &mut Company, period: &mut Option<String>, v: Option<String>) {
        match self {
            CompanyField::Name => company.name = v.unwrap_or_default(),
            CompanyField::Sector => company.sector = v,
            CompanyField::Country => company.country = v,
            CompanyField::Id => company.id = v,
            CompanyField::Period => *period = v,
            CompanyField::Nace => company.nace = v,
            CompanyField::Buyer => company.buyer = v,
            CompanyField::Tier => company.tier = v,
        }
    }

    /// Reads a label in either language (also `Identifiant`/`Identifier`/`id` alone).
    pub fn from_label(text: &str) -> Option<CompanyField> {
        let t = normalise(text);
        if t.is_empty() {
            return None;
        }
        CompanyField::ALL.into_iter().find(|f| {
            Lang::ALL.iter().any(|l| normalise(f.label(*l)) == t)
                || match f {
                    CompanyField::Name => matches!(t.as_str(), "name" | "nom" | "company name"),
                    CompanyField::Id => matches!(t.as_str(), "id" | "identifiant" | "identifier"),
                    CompanyField::Nace => matches!(
                        t.as_str(),
                        "nace" | "code nace" | "nace code" | "nace rev. 2" | "naf" | "code naf"
                    ),
                    CompanyField::Buyer => matches!(
                        t.as_str(),
                        "buyer" | "acheteur" | "donneur d'ordre" | "donneur d’ordre" | "client"
                    ),
                    CompanyField::Tier => matches!(
                        t.as_str(),
                        "tier" | "rang" | "supplier tier" | "rang fournisseur"
                    ),
                    _ => false,
                }
        })
    }
}

/// The columns of the answer template's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerColumn {
    /// Question id.
    Id,
    /// Track code.
    Track,
    /// Level code.
    Level,
    /// Theme code.
    Theme,
    /// Critical (yes/no).
    Critical,
    /// Question text.
    Question,
    /// What earns the half point.
    Partial,
    /// The answer (drop-down).
    Answer,
    /// Why `na`.
    Justification,
    /// Free comment.
    Comment,
    /// Evidence, one per line or separated by `;`.
    Evidence,
}

impl AnswerColumn {
    /// Every column, in template order.
    pub const ALL: [AnswerColumn; 11] = [
        AnswerColumn::Id,
        AnswerColumn::Track,
        AnswerColumn::Level,
        AnswerColumn::Theme,
        AnswerColumn::Critical,
        AnswerColumn::Question,
        AnswerColumn::Partial,
        AnswerColumn::Answer,
        AnswerColumn::Justification,
        AnswerColumn::Comment,
        AnswerColumn::Evidence,
    ];

    /// The columns a filled template must have.
    pub const REQUIRED: [AnswerColumn; 3] =
        [AnswerColumn::Id, AnswerColumn::Track, AnswerColumn::Answer];

    /// The header text.
    pub fn header(self, lang: Lang) -> &'static str {
        match self {
            AnswerColumn::Id => "ID",
            AnswerColumn::Track => Wb::Track.text(lang),
            AnswerColumn::Level => Wb::Level.text(lang),
            AnswerColumn::Theme => Wb::Theme.text(lang),
            AnswerColumn::Critical => Wb::Critical.text(lang),
            AnswerColumn::Question => Wb::Question.text(lang),
            AnswerColumn::Partial => Template::PartialIs.text(lang),
            AnswerColumn::Answer => Wb::Answer.text(lang),
            AnswerColumn::Justification => Template::JustificationIfNa.text(lang),
            AnswerColumn::Comment => Wb::Comment.text(lang),
            AnswerColumn::Evidence => Template::EvidencePerLine.text(lang),
        }
    }

    /// Reads a header in either language (the short forms `Justification`, `Preuves`,
    /// `Evidence` too).
    pub fn from_header(text: &str) -> Option<AnswerColumn> {
        let t = normalise(text);
        if t.is_empty() {
            return None;
        }
        AnswerColumn::ALL.into_iter().find(|c| {
            Lang::ALL.iter().any(|l| normalise(c.header(*l)) == t)
                || match c {
                    AnswerColumn::Justification => t == "justification",
                    AnswerColumn::Evidence => matches!(t.as_str(), "evidence" | "preuves"),
                    AnswerColumn::Id => t == "question id",
                    _ => false,
                }
        })
    }
}

/// What an optional matrix column adds to an answer (`Q20 CL justification`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Extra {
    Justification,
    Comment,
    Evidence,
}

impl Extra {
    pub(crate) fn from_word(w: &str) -> Option<Extra> {
        match normalise(w).as_str() {
            "justification" => Some(Extra::Justification),
            "comment" | "commentaire" => Some(Extra::Comment),
            "evidence" | "preuves" | "preuve" => Some(Extra::Evidence),
            _ => None,
        }
    }
}

/// The header of a matrix column for (`question`, `track`): `Q01 CL`.
pub fn matrix_header(question: &str, track: Track) -> String {
    format!("{question} {}", track.code())
}

/// A matrix header split into question id, track text and optional extra.
pub(crate) enum MatrixColumn {
    Company(CompanyField),
    Answer {
        question: String,
        track: String,
    },
    Extra {
        question: String,
        track: String,
        extra: Extra,
    },
    Unknown,
    Blank,
}

pub(crate) fn matrix_column(header: &str) -> MatrixColumn {
    let h = header.trim();
    if h.is_empty() {
        return MatrixColumn::Blank;
    }
    if let Some(f) = CompanyField::from_label(h) {
        return MatrixColumn::Company(f);
    }
    let words: Vec<&str> = h.split_whitespace().collect();
    let is_track = |w: &str| Track::from_code(&w.to_ascii_uppercase()).is_some();
    match words.as_slice() {
        [q, t] if is_track(t) => MatrixColumn::Answer {
            question: q.to_string(),
            track: t.to_ascii_uppercase(),
        },
        [q, t, e] if is_track(t) => match Extra::from_word(e) {
            Some(extra) => MatrixColumn::Extra {
                question: q.to_string(),
                track: t.to_ascii_uppercase(),
                extra,
            },
            None => MatrixColumn::Unknown,
        },
        _ => MatrixColumn::Unknown,
    }
}

/// Lower case, spacing collapsed, trailing `:` and `*` removed.
pub(crate) fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([':', '*', ' '])
        .to_lowercase()
}

/// Reads a cell as an answer value: a code (`yes`, `partial`…) or a label in either language
/// (`Oui`, `Partially`, `Ne sait pas`…), case and spacing ignored. `None` when it is neither.
pub fn parse_answer_value(text: &str, q: &Questionnaire) -> Option<AnswerValue> {
    let t = normalise(text);
    AnswerValue::ALL.into_iter().find(|v| {
        v.code() == t
            || Lang::ALL
                .iter()
                .any(|l| normalise(v.label(*l)) == t || normalise(q.value_label(*v, *l)) == t)
            || (*v == AnswerValue::Na && matches!(t.as_str(), "n/a" | "n.a." | "sans objet"))
    })
}

/// Reads a cell as a track: a code (`CL`) or a label in either language.
pub fn parse_track(text: &str, q: &Questionnaire) -> Option<Track> {
    let t = normalise(text);
    Track::ALL.into_iter().find(|tr| {
        tr.code().to_lowercase() == t
            || Lang::ALL
                .iter()
                .any(|l| normalise(tr.label(*l)) == t || normalise(q.track_label(*tr, *l)) == t)
    })
}

/// Evidence as written in one cell: one per line or separated by `;`.
pub fn split_evidence(text: &str) -> Vec<String> {
    text.split(['\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `Sheet!A1`, with the sheet name quoted where Excel needs it (`'Next steps'!A1`).
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let col = u16::try_from(col).unwrap_or(u16::MAX);
    let cell = rust_xlsxwriter::utility::row_col_to_cell(row, col);
    let plain = sheet
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && !sheet.chars().next().is_some_and(|c| c.is_ascii_digit());
    if plain {
        format!("{sheet}!{cell}")
    } else {
        format!("'{}'!{cell}", sheet.replace('\'', "''"))
    }
}

/// Builds a draft answer from cell texts: the value (a code when recognised, else the text as
/// written, so that the check reports it), comment, evidence and justification.
pub(crate) fn draft_answer(
    q: &Questionnaire,
    value: &str,
    comment: &str,
    evidence: &str,
    justification: &str,
    origin: Place,
) -> DraftAnswer {
    let value = match parse_answer_value(value, q) {
        Some(v) => v.code().to_string(),
        None => value.trim().to_string(),
    };
    let opt = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    DraftAnswer {
        raw: RawAnswer::Full {
            value: Some(value),
            comment: opt(comment),
            evidence: split_evidence(evidence),
            justification: opt(justification),
        },
        origin: Some(origin),
    }
}

/// Adds an answer to a draft's list, keeping rows in reading order and one entry per question.
pub(crate) fn push_answer(
    answers: &mut Vec<(String, Vec<(String, DraftAnswer)>)>,
    question: &str,
    track: String,
    answer: DraftAnswer,
) {
    match answers.iter_mut().find(|(q, _)| q == question) {
        Some((_, list)) => list.push((track, answer)),
        None => answers.push((question.to_string(), vec![(track, answer)])),
    }
}

/// Checks a draft, adding the reader's own problems, and moves JSON paths that mean a cell
/// (`/company/name`, `/company/nace`…) to that cell: `cells` gives the cell of each company
/// field read.
pub(crate) fn check_draft(
    draft: SheetDraft,
    q: &Questionnaire,
    mut extra: Vec<Problem>,
    cells: &[(CompanyField, Place)],
) -> Result<Parsed<AnswerSheet>, Problems> {
    let relocate = |mut p: Problem| {
        if let Some((_, cell)) = cells.iter().find(|(f, _)| p.path == f.path()) {
            p.path = cell.clone();
        }
        p
    };
    match draft.check(q) {
        Ok(parsed) => {
            let warnings: Vec<Problem> = parsed.warnings.into_iter().map(relocate).collect();
            if extra.iter().any(Problem::is_error) {
                extra.extend(warnings);
                Err(Problems(extra))
            } else {
                extra.extend(warnings);
                Ok(Parsed {
                    value: parsed.value,
                    warnings: extra,
                })
            }
        }
        Err(Problems(p)) => {
            extra.extend(p.into_iter().map(relocate));
            Err(Problems(extra))
        }
    }
}
