//! What the app computes from its state, and the files it hands over.
//!
//! [`compute`] scores the open assessment (timing the call to `score`, for the benchmark), builds
//! the result entry the results screen shows (the same `ResultEntry` the CLI prints as JSON), and
//! scores the assessment it is compared with. The exports are the answer sheet as JSON
//! (`vigilance.answers/1`) and the request for the results workbook (.xlsx), which the on-demand
//! module writes with the very code the CLI uses (`vigilance_report::workbook`).

use crate::browser;
use crate::state::{AppState, accepted};
use std::rc::Rc;
use vigilance_model::{
    AnswerSheet, Assessment, EvidenceMode, Lang, Level, Ratio, ScoringOptions, Track, score,
};
use vigilance_results::json::ResultEntry;
pub use vigilance_web_module::{SOURCE, WorkbookRequest};

/// The open assessment, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    /// The accepted sheet (an unjustified `na` left out): what is scored and exported.
    pub sheet: AnswerSheet,
    /// Its result.
    pub assessment: Assessment,
    /// Its result as the results screen and the JSON report show it.
    pub entry: Rc<ResultEntry>,
    /// The assessment compared with: name, sheet and result.
    pub compared: Option<(String, AnswerSheet, Assessment)>,
    /// The assessment compared with, as the results screen shows it.
    pub compared_view: Option<Rc<Compared>>,
    /// The `na` answers without their justification (question, track): out of `sheet`, and
    /// said so (`crate::state::unjustified_na`).
    pub unjustified: Vec<(String, Track)>,
}

/// The result compared with, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The earlier assessment's name (company and period, or file name).
    pub name: String,
    /// Its result.
    pub entry: ResultEntry,
    /// Change of each level score (now − earlier), in percentage points, computed from the exact
    /// scores (not from the rounded ones); `None` when either has no applicable question.
    pub deltas: Vec<(Track, Level, Option<f64>)>,
    /// The questions both assessments' grids share (how many), and those of them whose answer
    /// changed (`Q12 (CL)`), when the grids differ.
    pub shared_changes: (usize, Vec<String>),
}

/// Scores the open assessment of `state` (`None` when none is open).
pub fn compute(state: &AppState) -> Option<Computed> {
    let cur = state.current()?;
    let grid = crate::grids::of_sheet(&cur.sheet);
    let options = ScoringOptions::with_evidence(cur.substantiated);
    let t0 = browser::now_ms();
    let sheet = cur.accepted_sheet();
    let t1 = browser::now_ms();
    // The attached documents that are not stale count as evidence (issue 20).
    let scored = crate::state::with_documents(&sheet, &cur.documents);
    let assessment = score(grid, &scored, &options);
    let t2 = browser::now_ms();
    let entry = ResultEntry::new(SOURCE, grid, &scored, &assessment, &[]);
    let t3 = browser::now_ms();
    browser::set_root_data("score-ms", &format!("{:.3}", t2 - t1));
    browser::set_root_data("rescore-ms", &format!("{:.3}", t3 - t0));
    // The benchmark (`#bench=N` in the address) times N calls, below the clock's resolution.
    let n = browser::bench_iterations();
    if n > 0 {
        let t = browser::now_ms();
        for _ in 0..n {
            std::hint::black_box(score(grid, std::hint::black_box(&sheet), &options));
        }
        let per_call = (browser::now_ms() - t) / f64::from(n);
        browser::set_root_data("score-avg-ms", &format!("{per_call:.4}"));
    }
    // The earlier assessment is scored on its own grid (another version, or another grid):
    // levels compare across versions, answers only on the questions both share.
    let compared = state.comparison_sheet().map(|(name, other)| {
        let other = accepted(&other);
        let a = score(crate::grids::of_sheet(&other), &other, &options);
        (name, other, a)
    });
    let compared_view = compared.as_ref().map(|(name, other, earlier)| {
        let exact =
            |r: &Ratio| (!r.is_empty()).then(|| 100.0 * r.earned as f64 / r.possible as f64);
        let mut deltas = Vec::new();
        for now in &assessment.tracks {
            for l in Level::ALL {
                let before = earlier.track(now.track).map(|t| &t.level_result(l).score);
                let d = match (before.and_then(exact), exact(&now.level_result(l).score)) {
                    (Some(b), Some(n)) => Some(n - b),
                    _ => None,
                };
                deltas.push((now.track, l, d));
            }
        }
        let other_grid = crate::grids::of_sheet(other);
        let mut shared = 0;
        let mut changed = Vec::new();
        for q in &grid.questions {
            if other_grid.question(&q.id).is_none() {
                continue;
            }
            shared += 1;
            for t in &q.tracks {
                let before = other.answer(&q.id, *t).map(|a| a.value);
                let now = sheet.answer(&q.id, *t).map(|a| a.value);
                if before != now {
                    changed.push(format!("{} ({})", q.id, t.code()));
                }
            }
        }
        Rc::new(Compared {
            name: name.clone(),
            entry: ResultEntry::new(name.as_str(), other_grid, other, earlier, &[]),
            deltas,
            shared_changes: (shared, changed),
        })
    });
    Some(Computed {
        sheet,
        assessment,
        entry: Rc::new(entry),
        compared,
        compared_view,
        unjustified: crate::state::unjustified_na(&cur.sheet),
    })
}

/// A file-name-safe slug of the company and period: `exemple-sa-2025`.
pub fn file_stem(sheet: &AnswerSheet) -> String {
    let mut raw = sheet.company.name.clone();
    if let Some(p) = &sheet.period {
        raw.push(' ');
        raw.push_str(p);
    }
    let mut out = String::new();
    for c in raw.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    if out.is_empty() {
        "vigilance".into()
    } else {
        format!("vigilance-{out}")
    }
}

/// The answer sheet file (`vigilance.answers/1`) and its name.
pub fn answers_file(sheet: &AnswerSheet) -> (String, String) {
    (
        format!("{}-answers.json", file_stem(sheet)),
        sheet.to_json_pretty(),
    )
}

/// The request for the results workbook of the open assessment, in `lang` (written by the
/// on-demand module, see [`crate::ondemand`]).
pub fn workbook_request(c: &Computed, lang: Lang) -> WorkbookRequest {
    WorkbookRequest {
        sheet: c.sheet.clone(),
        previous: c
            .compared
            .as_ref()
            .map(|(name, sheet, _)| (name.clone(), sheet.clone())),
        lang,
        substantiated: c.assessment.evidence_mode == EvidenceMode::Substantiated,
        generated: browser::now_iso().unwrap_or_default(),
        tool_version: format!("vigilance-web {}", env!("CARGO_PKG_VERSION")),
        // Given, with their hashes, by the take-away bar (`evidence_store::digest_all`).
        documents: Vec::new(),
    }
}

/// The file name of the results workbook.
pub fn workbook_file_name(req: &WorkbookRequest) -> String {
    format!("{}-results.xlsx", file_stem(&req.sheet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        let mut s = AnswerSheet::new(vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap());
        s.company.name = "Société Générale / Test".into();
        s.period = Some("2025".into());
        assert_eq!(file_stem(&s), "vigilance-societe-generale-test-2025");
        s.company.name = "***".into();
        s.period = None;
        assert_eq!(file_stem(&s), "vigilance");
    }

    // Natively only: in the browser the writer is the on-demand module, not linked in.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_workbook_is_a_zip_with_the_summary_sheet() {
        let s = crate::fixtures::exemple_sa_answered();
        let Some(c) = compute(&s) else {
            panic!("nothing computed")
        };
        let req = workbook_request(&c, Lang::En);
        let name = workbook_file_name(&req);
        let bytes = match vigilance_web_module::build_workbook(&req) {
            Ok(x) => x,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(name, "vigilance-exemple-sa-results.xlsx");
        assert_eq!(&bytes[..2], b"PK");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("xl/workbook.xml"));
    }
}
