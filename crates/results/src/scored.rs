//! One scored answer sheet: what every results writer (JSON, CSV, workbook, review) reports on.

use vigilance_model::answers::AnswerSheet;
use vigilance_model::codes::Track;
use vigilance_model::problem::Problem;
use vigilance_model::questionnaire::Questionnaire;
use vigilance_model::scoring::Assessment;

/// One scored answer sheet: what the writers report on.
#[derive(Clone, Debug)]
pub struct ScoredSheet {
    /// Where the sheet came from (file path, `file.xlsx (row 5)`, `-`).
    pub source: String,
    /// The sheet as read.
    pub sheet: AnswerSheet,
    /// Its result.
    pub assessment: Assessment,
    /// Problems of the input that did not prevent scoring (the result's own warnings are in
    /// the assessment: [`ScoredSheet::all_warnings`] gives both).
    pub warnings: Vec<Problem>,
    /// The grid the sheet was read and scored with (each sheet its own in a mixed batch).
    pub grid: &'static Questionnaire,
    /// The documents attached in its evidence dossier, one per answer they back (empty for a
    /// sheet read on its own).
    pub evidence: Vec<EvidenceRow>,
}

/// One attached document backing one answer: a row of the workbook's Evidence sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceRow {
    /// The question.
    pub question: String,
    /// The track.
    pub track: Track,
    /// The document's title (its file name when it has none).
    pub title: String,
    /// The file's original name.
    pub file_name: String,
    /// The document's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Its valid-until date, `YYYY-MM-DD`.
    pub valid_until: Option<String>,
    /// Its SHA-256, 64 hex digits.
    pub sha256: String,
    /// Whether it is stale (too old, or past its validity), so counts as no evidence.
    pub stale: bool,
}

impl PartialEq for ScoredSheet {
    /// Grids compare by id and version.
    fn eq(&self, other: &ScoredSheet) -> bool {
        self.source == other.source
            && self.sheet == other.sheet
            && self.assessment == other.assessment
            && self.warnings == other.warnings
            && self.evidence == other.evidence
            && (&self.grid.id, &self.grid.version) == (&other.grid.id, &other.grid.version)
    }
}

impl ScoredSheet {
    /// Every warning of the sheet: the input's, then the result's own (the heavy-`na`
    /// warning, `VG-A18`), as every writer reports them.
    pub fn all_warnings(&self) -> Vec<Problem> {
        let mut out = self.warnings.clone();
        out.extend(self.assessment.warnings());
        out
    }
}
