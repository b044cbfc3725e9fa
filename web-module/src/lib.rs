//! # vigilance-web-module
//!
//! The web app's on-demand module: what the page needs only when a user asks for it, kept out of
//! the first download so that the first question is usable sooner.
//!
//! - [`build_workbook`]: the results workbook (.xlsx), written by the very code the CLI uses
//!   (`vigilance_report::workbook`), from a [`WorkbookRequest`];
//! - [`read_answer_parts`]: an answer file (JSON sheet, matrix CSV, and, with the `xlsx-import`
//!   feature, a filled answer template or matrix workbook) read into [`ImportedPart`]s, one per
//!   company, their problems already worded in the user's language;
//! - [`read_engagement`]: the engagement file an analyst sent (`vigilance.engagement/1`), read
//!   and checked for the assessment it concerns by the engagement crate's own reader, every
//!   problem with its code; [`engagement_view`]: what the app shows of it for the answers as
//!   they are (levels as declared and as reviewed, each review, outdated or not);
//!   [`export_engagement`]: the file as the company sends it back.
//!
//! - [`dossier`]: the evidence dossier (`vigilance.dossier/1`) exported and imported, written
//!   and checked by the command line's own code (`vigilance-dossier`).
//!
//! The app (crate `vigilance-web`) links this crate for its types (and, natively, for its
//! component tests); built with the `module` feature for `wasm32`, it is the second WebAssembly
//! module the page fetches, from its own files, the first time a workbook is written or a file
//! read: every reader of a user's file lives here, out of the first download.
//! The two modules talk in JSON text and bytes: nothing else crosses, and nothing leaves the page.

pub mod dossier;

use serde::{Deserialize, Serialize};
use vigilance_grids::registry;
use vigilance_model::{AnswerSheet, Lang, Questionnaire};
#[cfg(feature = "full")]
use vigilance_model::{ScoringOptions, score};
#[cfg(feature = "full")]
use vigilance_report::workbook::{AnswersSheet, ScoredSheet, WorkbookOptions, results_workbook};

/// Where the scored sheet comes from, in reports.
pub const SOURCE: &str = "browser";

/// What the results workbook is built from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkbookRequest {
    /// The answer sheet, as scored (an unjustified `na` already left out).
    pub sheet: AnswerSheet,
    /// The assessment compared with (name and sheet, as scored), shown as the earlier campaign.
    #[serde(default)]
    pub previous: Option<(String, AnswerSheet)>,
    /// Language of the workbook.
    pub lang: Lang,
    /// Score in substantiated mode.
    #[serde(default)]
    pub substantiated: bool,
    /// When it was generated (RFC 3339), written in the Method sheet.
    #[serde(default)]
    pub generated: String,
    /// The version of the app asking, written in the Method sheet.
    #[serde(default)]
    pub tool_version: String,
    /// The documents attached to the sheet's answers, each with the SHA-256 of its bytes (empty
    /// when the browser could not read them): those not stale count as evidence, every one is
    /// listed on the Evidence sheet, as for a dossier scored by the command line.
    #[serde(default)]
    pub documents: Vec<(dossier::Document, String)>,
}

/// The results workbook (.xlsx): the workbook the CLI writes, for this sheet, with the compared
/// assessment as the earlier campaign.
#[cfg(feature = "full")]
pub fn build_workbook(req: &WorkbookRequest) -> Result<Vec<u8>, String> {
    let grid = grid_of(&req.sheet);
    let options = ScoringOptions::with_evidence(req.substantiated);
    let scored = |source: &str, sheet: &AnswerSheet| ScoredSheet {
        source: source.to_string(),
        assessment: score(grid, sheet, &options),
        sheet: sheet.clone(),
        warnings: Vec::new(),
        grid,
        evidence: Vec::new(),
    };
    // The attached documents as the command line reads a dossier: the sheet shows every one
    // (`file:<sha256>`), the documents that are not stale count, the Evidence sheet lists them.
    let documents: Vec<dossier::Document> = req.documents.iter().map(|(d, _)| d.clone()).collect();
    let this = ScoredSheet {
        assessment: score(
            grid,
            &dossier::with_documents(&req.sheet, &documents),
            &options,
        ),
        sheet: dossier::shown_with_files(&req.sheet, &req.documents),
        evidence: dossier::evidence_rows(&req.sheet, &req.documents),
        ..scored(SOURCE, &req.sheet)
    };
    let opts = WorkbookOptions {
        lang: req.lang,
        generated: req.generated.clone(),
        tool_version: req.tool_version.clone(),
        previous: req
            .previous
            .as_ref()
            .map(|(name, sheet)| vec![scored(name, sheet)]),
        constant_memory: false,
        targets: Vec::new(),
        // One company: the detailed coverage is a few hundred rows, and what it is read for.
        coverage_detail: true,
        // One company: its answers are what the workbook is read for.
        answers_sheet: AnswersSheet::Always,
    };
    results_workbook(grid, &[this], &[], &opts).map_err(|e| e.to_string())
}

/// The results only (levels, profile, coverage) of the request's sheet, as JSON: the result
/// entry `vigilance score --format json` prints for one sheet. Here rather than in the app: its
/// serializer stays out of the first download.
#[cfg(feature = "full")]
pub fn results_json(req: &WorkbookRequest) -> Result<String, String> {
    let grid = grid_of(&req.sheet);
    let options = ScoringOptions::with_evidence(req.substantiated);
    let assessment = score(grid, &req.sheet, &options);
    let entry =
        vigilance_results::json::ResultEntry::new(SOURCE, grid, &req.sheet, &assessment, &[]);
    serde_json::to_string_pretty(&entry).map_err(|e| e.to_string())
}

/// One company read from an answer file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedPart {
    /// Which part of the file (`row 5`, `line 4`), empty when the file holds one sheet.
    pub label: String,
    /// The sheet and the remarks that did not prevent its use, or why it cannot be used.
    pub result: Result<ImportedSheet, String>,
}

/// A sheet read, with the remarks that did not prevent its use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedSheet {
    /// The answer sheet.
    pub sheet: AnswerSheet,
    /// Remarks (e.g. written for another questionnaire version), in the user's language.
    pub warnings: Vec<String>,
}

/// Reads an answer file the tools accept, told apart by content: an xlsx workbook (a filled
/// answer template or a matrix; only with the `xlsx-import` feature, otherwise a clear refusal),
/// a JSON answer sheet, or a matrix CSV. One part per company; problems worded in `lang`.
///
/// The file is read by the command line's own reader ([`vigilance_read::read`]) and on the grid
/// it names, as there: a JSON sheet's `questionnaire`, a template's hidden marker, a matrix's
/// question ids; a sheet naming none on the manifest's `unnamed` grid, with a warning that says
/// so — the command line's rule ([`registry::GridChoice::named`]).
#[cfg(feature = "full")]
pub fn read_answer_parts(name: &str, bytes: &[u8], lang: Lang) -> Vec<ImportedPart> {
    if let Some(why) = refusal(name, bytes) {
        return vec![ImportedPart {
            label: String::new(),
            result: Err(why.text(lang).to_string()),
        }];
    }
    vigilance_read::read(name, bytes, registry::GridChoice::named())
        .sheets
        .into_iter()
        .map(|imported| ImportedPart {
            label: imported
                .label
                .map(|place| place.describe(None, lang))
                .unwrap_or_default(),
            result: match imported.result {
                Ok(parsed) => Ok(ImportedSheet {
                    warnings: parsed.warnings.iter().map(|p| p.describe(lang)).collect(),
                    sheet: parsed.value,
                }),
                Err(problems) => Err(problems.describe(lang)),
            },
        })
        .collect()
}

/// Why a file is refused before any reader sees it, in plain words rather than a parser's: a
/// JSON text that does not read ([`Web::ImportDamaged`]), or that reads but is not an answer
/// sheet — neither a `vigilance.answers` format nor answers ([`Web::ImportNotVigilance`]); a
/// `.json` or `.xlsx` file that is neither text nor a workbook (an image renamed, say). A CSV
/// file is left to the reader, which says which encoding it found.
#[cfg(feature = "full")]
fn refusal(name: &str, bytes: &[u8]) -> Option<vigilance_text::Web> {
    use vigilance_text::Web;
    let lower = name.to_lowercase();
    if vigilance_model::files::FileKind::is_zip(bytes) {
        return None;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return (lower.ends_with(".json") || lower.ends_with(".xlsx"))
            .then_some(Web::ImportNotVigilance);
    };
    let text = text.trim_start_matches('\u{feff}').trim();
    if lower.ends_with(".xlsx") {
        return Some(Web::ImportNotVigilance);
    }
    let json = lower.ends_with(".json") || text.starts_with('{') || text.starts_with('[');
    if !json {
        return None;
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Some(Web::ImportDamaged);
    };
    let Some(object) = value.as_object() else {
        return Some(Web::ImportNotVigilance);
    };
    let sheet = match object.get("format") {
        Some(f) => f
            .as_str()
            .is_some_and(|f| f.starts_with("vigilance.answers")),
        None => object
            .get("answers")
            .is_some_and(serde_json::Value::is_object),
    };
    (!sheet).then_some(Web::ImportNotVigilance)
}

/// An engagement file read for one assessment: the file as the engagement crate writes it
/// (JSON), and the remarks that did not prevent its use, in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub struct EngagementRead {
    /// The file, as `vigilance_engagement::Engagement` writes it.
    pub engagement: serde_json::Value,
    /// Remarks (a challenged answer without a note…), each with its code.
    pub warnings: Vec<String>,
}

/// Reads the engagement file an analyst sent for `sheet` (the assessment it concerns), as
/// `vigilance score --engagement` reads it ([`vigilance_engagement::Engagement::read_for_sheet`]
/// on the sheet's grid): a file of another grid version, company or period is refused saying
/// which, with its code (`VG-E09`, `VG-E07`, `VG-E08`), a file that is not an engagement file
/// in plain words, and every other problem with its code and place; all in `lang`.
#[cfg(feature = "full")]
pub fn read_engagement(
    bytes: &[u8],
    sheet: &AnswerSheet,
    lang: Lang,
) -> Result<EngagementRead, String> {
    use vigilance_engagement::Engagement;
    use vigilance_model::Problem;
    use vigilance_text::Web;
    let text = std::str::from_utf8(bytes).map_err(|_| Web::EngNotOurs.text(lang).to_string())?;
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| Web::ImportDamaged.text(lang).to_string())?;
    let ours = value
        .get("format")
        .and_then(serde_json::Value::as_str)
        .is_some_and(|f| f.starts_with("vigilance.engagement"));
    if !ours {
        return Err(Web::EngNotOurs.text(lang).to_string());
    }
    let line = |p: &Problem| {
        // Another company, period or grid: the sentence says which, no place needed.
        let what = if matches!(p.code(), "VG-E07" | "VG-E08" | "VG-E09") {
            p.kind.message(lang)
        } else {
            p.describe(lang)
        };
        // The helps speak to the analyst (`vigilance engage init`…): left out here.
        format!("[{}] {what}", p.code())
    };
    match Engagement::read_for_sheet(bytes, sheet, grid_of(sheet)) {
        Ok(parsed) => Ok(EngagementRead {
            engagement: serde_json::to_value(&parsed.value).map_err(|e| e.to_string())?,
            warnings: parsed.warnings.iter().map(line).collect(),
        }),
        Err(problems) => Err(problems
            .0
            .iter()
            .filter(|p| p.is_error())
            .map(line)
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

/// What the app shows of a kept engagement file for the answers as they are now (JSON):
/// `mismatch` (why the file no longer applies to this sheet: another company or period since the
/// import, with its code) or the levels as declared and as reviewed (`levels`: rows `headline`,
/// `CL`, `FL` with `declared` and `reviewed`), the reviews counted by status and the outdated
/// ones (`counts`), and each review as the questionnaire shows it (`reviews`: question → track →
/// `status`, `value` accepted, `note`, `outdated`). Scored as reviewed by the one rule,
/// [`vigilance_engagement::reviewed_sheet`], in the evidence mode shown.
#[cfg(feature = "full")]
pub fn engagement_view(
    file: &serde_json::Value,
    sheet: &AnswerSheet,
    substantiated: bool,
    lang: Lang,
) -> serde_json::Value {
    use serde_json::{Value, json};
    use vigilance_engagement::{Engagement, ReviewStatus, check_matches, reviewed_sheet};
    let e: Engagement = match serde_json::from_value(file.clone()) {
        Ok(e) => e,
        Err(err) => return json!({ "mismatch": err.to_string() }),
    };
    if let Err(p) = check_matches(&e, sheet) {
        return json!({ "mismatch": format!("[{}] {}", p.code(), p.kind.message(lang)) });
    }
    let grid = grid_of(sheet);
    let options = ScoringOptions::with_evidence(substantiated);
    let applied = reviewed_sheet(sheet, &e);
    let declared = score(grid, sheet, &options);
    let reviewed = score(grid, &applied.sheet, &options);
    let mut levels = vec![
        json!({"row": "headline", "declared": declared.headline_level, "reviewed": reviewed.headline_level}),
    ];
    for t in &declared.tracks {
        let r = reviewed.track(t.track).map_or(t.level, |x| x.level);
        levels.push(json!({"row": t.track.code(), "declared": t.level, "reviewed": r}));
    }
    let applied_to = |q: &str, t| {
        applied
            .applied
            .iter()
            .any(|a| a.question == q && a.track == t)
    };
    let mut counts = serde_json::Map::new();
    for s in [
        ReviewStatus::Accepted,
        ReviewStatus::Challenged,
        ReviewStatus::Rejected,
    ] {
        let n = e
            .reviews
            .values()
            .flat_map(|t| t.values())
            .filter(|r| r.status == s)
            .count();
        counts.insert(s.code().into(), n.into());
    }
    counts.insert("outdated".into(), applied.outdated.len().into());
    let mut reviews = serde_json::Map::new();
    for (q, tracks) in &e.reviews {
        let mut per_track = serde_json::Map::new();
        for (t, r) in tracks {
            per_track.insert(
                t.code().into(),
                json!({
                    "status": r.status.code(),
                    "value": r.value.filter(|_| r.status == ReviewStatus::Accepted).map(|v| v.code()),
                    "note": r.note,
                    "outdated": !applied_to(q, *t),
                }),
            );
        }
        reviews.insert(q.clone(), Value::Object(per_track));
    }
    json!({ "levels": levels, "counts": counts, "reviews": reviews })
}

/// The kept engagement file as the company sends it back: written as the engagement crate
/// writes it (pretty JSON), after reading it again with the crate's reader on its grid, so that
/// `vigilance engage validate` accepts it; or why not (each problem with its code, in `lang`).
#[cfg(feature = "full")]
pub fn export_engagement(file: &serde_json::Value, lang: Lang) -> Result<String, String> {
    use vigilance_engagement::Engagement;
    let e: Engagement = serde_json::from_value(file.clone()).map_err(|e| e.to_string())?;
    let text = e.to_json_pretty();
    let grid = registry::find(&e.questionnaire.id, &e.questionnaire.version)
        .ok_or_else(|| format!("{} {}", e.questionnaire.id, e.questionnaire.version))?;
    Engagement::parse(&text, grid).map_err(|problems| {
        problems
            .0
            .iter()
            .filter(|p| p.is_error())
            .map(|p| format!("[{}] {}", p.code(), p.describe(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(text)
}

/// The built-in grid `sheet` is scored on (its own version; the default grid when it names no
/// built-in grid).
pub fn grid_of(sheet: &AnswerSheet) -> &'static Questionnaire {
    let q = &sheet.questionnaire;
    registry::for_sheet(&q.id, &q.version).unwrap_or_else(registry::default_grid)
}

/// The exports of the on-demand WebAssembly module, called by the page's loader (`boot.js`).
#[cfg(all(feature = "module", target_arch = "wasm32"))]
mod exports {
    use super::*;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The results workbook for a [`WorkbookRequest`] given as JSON; throws the reason it could
    /// not be written.
    #[wasm_bindgen]
    pub fn workbook(request: &str) -> Result<Vec<u8>, String> {
        let req: WorkbookRequest = serde_json::from_str(request).map_err(|e| e.to_string())?;
        build_workbook(&req)
    }

    /// The engagement file `bytes` read for the answer sheet `sheet` (JSON): `{"engagement":
    /// …, "warnings": […]}`; throws why it cannot be used (lines, in `lang`).
    #[wasm_bindgen(js_name = readEngagement)]
    pub fn read_engagement_json(bytes: &[u8], sheet: &str, lang: &str) -> Result<String, String> {
        let lang = Lang::from_code(lang).unwrap_or(Lang::En);
        let sheet: AnswerSheet = serde_json::from_str(sheet).map_err(|e| e.to_string())?;
        let read = read_engagement(bytes, &sheet, lang)?;
        Ok(
            serde_json::json!({"engagement": read.engagement, "warnings": read.warnings})
                .to_string(),
        )
    }

    /// [`engagement_view`] of a kept engagement file (JSON) for an answer sheet (JSON), as JSON.
    #[wasm_bindgen(js_name = engagementView)]
    pub fn engagement_view_json(
        file: &str,
        sheet: &str,
        substantiated: bool,
        lang: &str,
    ) -> Result<String, String> {
        let lang = Lang::from_code(lang).unwrap_or(Lang::En);
        let file: serde_json::Value = serde_json::from_str(file).map_err(|e| e.to_string())?;
        let sheet: AnswerSheet = serde_json::from_str(sheet).map_err(|e| e.to_string())?;
        Ok(engagement_view(&file, &sheet, substantiated, lang).to_string())
    }

    /// [`export_engagement`] of a kept engagement file (JSON); throws why it cannot be sent.
    #[wasm_bindgen(js_name = exportEngagement)]
    pub fn export_engagement_json(file: &str, lang: &str) -> Result<String, String> {
        let lang = Lang::from_code(lang).unwrap_or(Lang::En);
        let file: serde_json::Value = serde_json::from_str(file).map_err(|e| e.to_string())?;
        export_engagement(&file, lang)
    }

    /// The results only, as JSON ([`results_json`]), of a [`WorkbookRequest`] given as JSON.
    #[wasm_bindgen(js_name = resultsJson)]
    pub fn results_json_str(request: &str) -> Result<String, String> {
        let req: WorkbookRequest = serde_json::from_str(request).map_err(|e| e.to_string())?;
        results_json(&req)
    }

    /// The [`ImportedPart`]s of an answer file, as JSON; `lang` is `fr` or `en`.
    #[wasm_bindgen(js_name = readAnswerParts)]
    pub fn read_answer_parts_json(name: &str, bytes: &[u8], lang: &str) -> Result<String, String> {
        let lang = Lang::from_code(lang).unwrap_or(Lang::En);
        serde_json::to_string(&read_answer_parts(name, bytes, lang)).map_err(|e| e.to_string())
    }

    /// The evidence dossier of a [`dossier::DossierRequest`] given as JSON, the documents' bytes
    /// concatenated in `files`: the fingerprint's 64 hex digits, then the zip.
    #[wasm_bindgen(js_name = packDossier)]
    pub fn pack_dossier_json(request: &str, files: &[u8]) -> Result<Vec<u8>, String> {
        let req: dossier::DossierRequest =
            serde_json::from_str(request).map_err(|e| e.to_string())?;
        dossier::pack_dossier(&req, files)
    }

    /// A dossier read and verified (see [`dossier::split_read`] for the answer's layout).
    #[wasm_bindgen(js_name = readDossier)]
    pub fn read_dossier_bytes(bytes: &[u8], lang: &str) -> Vec<u8> {
        dossier::read_dossier(bytes, Lang::from_code(lang).unwrap_or(Lang::En))
    }
}

// The writer and the readers are behind `full` (on in the workspace's test build, through the
// web app's native dependency).
#[cfg(all(test, feature = "full"))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use vigilance_model::{Answer, AnswerValue, Track};

    fn sheet(name: &str) -> AnswerSheet {
        let mut s = AnswerSheet::new(vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap());
        s.company.name = name.into();
        s.set_answer("Q01", Track::FL, Some(Answer::new(AnswerValue::Yes)));
        s
    }

    #[test]
    fn a_sheet_naming_no_grid_is_read_as_the_command_line_reads_it() {
        let text = r#"{"format":"vigilance.answers/1","company":{"name":"X SA"},"answers":{"Q01":{"CL":"yes"}}}"#;
        let parts = read_answer_parts("x.json", text.as_bytes(), Lang::En);
        let Ok(read) = &parts[0].result else {
            panic!("{parts:?}")
        };
        let unnamed = registry::unnamed_sheet_grid().unwrap();
        assert_eq!(read.sheet.questionnaire.version, unnamed.version);
        assert!(
            read.warnings
                .iter()
                .any(|w| w.contains("assumed rhsf-fir 1.0.0")),
            "{:?}",
            read.warnings
        );
    }

    #[test]
    fn the_workbook_is_a_zip_with_the_summary_sheet() {
        let req = WorkbookRequest {
            sheet: sheet("Exemple SA"),
            previous: Some(("Exemple SA — 2024".into(), sheet("Exemple SA"))),
            lang: Lang::En,
            substantiated: false,
            generated: "2026-11-29T00:00:00Z".into(),
            tool_version: "test".into(),
            documents: Vec::new(),
        };
        let json = match serde_json::to_string(&req) {
            Ok(j) => j,
            Err(e) => panic!("{e}"),
        };
        let back: WorkbookRequest = match serde_json::from_str(&json) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let bytes = match build_workbook(&back) {
            Ok(x) => x,
            Err(e) => panic!("{e}"),
        };
        assert!(vigilance_model::files::FileKind::is_zip(&bytes));
        assert!(String::from_utf8_lossy(&bytes).contains("xl/workbook.xml"));
    }

    /// The cells of sheet `name` of a workbook, as text, row by row.
    fn cells(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let range = book.worksheet_range(name).unwrap();
        range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    fn sheet_names(bytes: &[u8]) -> Vec<String> {
        use calamine::Reader;
        calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec()))
            .unwrap()
            .sheet_names()
    }

    #[test]
    fn the_browsers_workbook_lists_the_documents_counts_answers_without_evidence_and_has_no_cohort_of_one()
     {
        use vigilance_dossier::AnswerRef;
        let grid = registry::latest("rhsf-fir").unwrap();
        let mut s = AnswerSheet::new(grid);
        s.company.name = "Preuve SA".into();
        s.period = Some("2025".into());
        // Q01 yes on both tracks, Q04 partial (CL), Q03 yes (CL) with a text reference.
        s.set_answer("Q01", Track::CL, Some(Answer::new(AnswerValue::Yes)));
        s.set_answer("Q01", Track::FL, Some(Answer::new(AnswerValue::Yes)));
        s.set_answer("Q04", Track::CL, Some(Answer::new(AnswerValue::Partial)));
        let mut q3 = Answer::new(AnswerValue::Yes);
        q3.evidence = vec!["Plan p. 3".into()];
        s.set_answer("Q03", Track::CL, Some(q3));
        let doc = |id: &str, name: &str, date: &str, answers: &[(&str, &str)]| dossier::Document {
            id: id.into(),
            name: name.into(),
            title: None,
            media_type: "application/pdf".into(),
            size: 3,
            date: Some(date.into()),
            valid_until: None,
            answers: answers
                .iter()
                .map(|(q, t)| AnswerRef {
                    question: q.to_string(),
                    track: t.to_string(),
                })
                .collect(),
        };
        let plan_sha = "ab".repeat(32);
        let documents = vec![
            // Backs Q01 CL and FL: counts.
            (
                doc(
                    "k1",
                    "plan.pdf",
                    "2025-02-01",
                    &[("Q01", "CL"), ("Q01", "FL")],
                ),
                plan_sha.clone(),
            ),
            // Backs Q04 CL, but dated 2019: stale for 2025, counts as none.
            (
                doc("k2", "audit-2019.pdf", "2019-05-01", &[("Q04", "CL")]),
                "cd".repeat(32),
            ),
        ];
        let request = |substantiated| WorkbookRequest {
            sheet: s.clone(),
            previous: None,
            lang: Lang::Fr,
            substantiated,
            generated: "2026-12-07T00:00:00Z".into(),
            tool_version: "test".into(),
            documents: documents.clone(),
        };
        for substantiated in [false, true] {
            let bytes = build_workbook(&request(substantiated)).unwrap();
            let names = sheet_names(&bytes);
            // One company: no cohort figures of one.
            assert!(
                !names
                    .iter()
                    .any(|n| n == "Cohorte" || n == "Couverture (cohorte)"),
                "{names:?}"
            );
            assert!(names.iter().any(|n| n == "Preuves"), "{names:?}");
            // The Evidence sheet, as the command line writes it for a dossier.
            let ev = cells(&bytes, "Preuves");
            let rows: Vec<String> = ev[1..].iter().map(|r| r[5..].join("|")).collect();
            assert_eq!(
                rows,
                vec![
                    format!(
                        "Q01|CL|plan.pdf|plan.pdf|2025-02-01||{}|Non",
                        &plan_sha[..12]
                    ),
                    format!(
                        "Q01|FL|plan.pdf|plan.pdf|2025-02-01||{}|Non",
                        &plan_sha[..12]
                    ),
                    format!(
                        "Q04|CL|audit-2019.pdf|audit-2019.pdf|2019-05-01||{}|Oui",
                        &"cd".repeat(6)
                    ),
                ],
                "{:?}",
                ev[0]
            );
            // Answers without evidence, in both modes: Q04 (its only document is stale) on
            // child labour; none on forced labour (Q01 is backed).
            let summary = cells(&bytes, "Synthèse");
            let col = |h: &str| {
                summary[0]
                    .iter()
                    .position(|x| x == h)
                    .unwrap_or_else(|| panic!("{h}: {:?}", summary[0]))
            };
            assert_eq!(
                summary[1][col("Travail des enfants oui/partiel sans preuve")],
                "1"
            );
            assert_eq!(
                summary[1][col("Travail forcé oui/partiel sans preuve")],
                "0"
            );
            // French words in the headers, not the codes.
            assert!(
                !summary[0]
                    .iter()
                    .any(|h| h.starts_with("CL ") || h.starts_with("FL ")),
                "{:?}",
                summary[0]
            );
            // The Answers sheet shows the files as the command line shows a dossier's.
            let answers = cells(&bytes, "Réponses");
            assert!(
                answers
                    .iter()
                    .any(|r| r.iter().any(|c| *c == format!("file:{plan_sha}")))
            );
        }
    }

    /// The example sheet the end-to-end test imports, and the engagement file made for it with
    /// `vigilance engage init` (then a rejection, a challenge and an accepted value).
    fn construction() -> (AnswerSheet, &'static [u8]) {
        let text = include_str!("../../questionnaires/examples/04-level2-construction.json");
        let parts = read_answer_parts("04.json", text.as_bytes(), Lang::En);
        let Ok(read) = &parts[0].result else {
            panic!("{parts:?}")
        };
        (
            read.sheet.clone(),
            include_bytes!("../../tests/e2e/fixtures/engagement-construction-2025.json"),
        )
    }

    #[test]
    fn the_engagement_file_of_the_end_to_end_test_reads_for_its_sheet() {
        let (sheet, bytes) = construction();
        let read = read_engagement(bytes, &sheet, Lang::En).unwrap();
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        // Scored as reviewed, as `vigilance score --engagement` scores it: the rejected critical
        // Q12 (CL) brings child labour, and the headline, from N2 down to N1.
        let view = engagement_view(&read.engagement, &sheet, false, Lang::En);
        assert_eq!(
            view["levels"],
            serde_json::json!([
                {"row": "headline", "declared": 2, "reviewed": 1},
                {"row": "CL", "declared": 2, "reviewed": 1},
                {"row": "FL", "declared": 2, "reviewed": 2}
            ])
        );
        assert_eq!(
            view["counts"],
            serde_json::json!({"accepted": 75, "challenged": 1, "rejected": 1, "outdated": 0})
        );
        assert_eq!(view["reviews"]["Q06"]["CL"]["value"], "partial");
        assert_eq!(view["reviews"]["Q12"]["CL"]["status"], "rejected");
        // The company changes an answer reviewed: that review is outdated, not applied.
        let mut changed = sheet.clone();
        changed.set_answer(
            "Q12",
            vigilance_model::Track::CL,
            Some(vigilance_model::Answer::new(
                vigilance_model::AnswerValue::No,
            )),
        );
        let view = engagement_view(&read.engagement, &changed, false, Lang::En);
        assert_eq!(view["reviews"]["Q12"]["CL"]["outdated"], true);
        assert_eq!(view["counts"]["outdated"], 1);
        // Another company since the import: the file no longer applies, saying why.
        changed.company.name = "Autre SA".into();
        changed.company.id = None;
        let view = engagement_view(&read.engagement, &changed, false, Lang::En);
        assert!(view["mismatch"].as_str().unwrap().starts_with("[VG-E07]"));
        // Written back unchanged, it is the file the analyst sent.
        let text = export_engagement(&read.engagement, Lang::En).unwrap();
        assert!(
            text == String::from_utf8_lossy(bytes),
            "written back differently"
        );
    }

    #[test]
    fn an_engagement_file_for_another_company_period_or_grid_is_refused_saying_which() {
        let (mut sheet, bytes) = construction();
        sheet.company.name = "Autre SA".into();
        sheet.company.id = None;
        let e = read_engagement(bytes, &sheet, Lang::Fr).unwrap_err();
        assert!(
            e.starts_with("[VG-E07] ce fichier d'engagement porte sur"),
            "{e}"
        );
        assert!(
            e.contains("Castelmoron Construction International SA") && e.contains("Autre SA"),
            "{e}"
        );
        let (mut sheet, _) = construction();
        sheet.period = Some("2026".into());
        let e = read_engagement(bytes, &sheet, Lang::En).unwrap_err();
        assert!(
            e.starts_with("[VG-E08] this engagement file is for period 2025, not 2026"),
            "{e}"
        );
        let (mut sheet, _) = construction();
        sheet.questionnaire.version = "1.1.0".into();
        let e = read_engagement(bytes, &sheet, Lang::En).unwrap_err();
        assert!(
            e.starts_with(
                "[VG-E09] this engagement file reviews grid rhsf-fir@1.2.0, not rhsf-fir@1.1.0"
            ),
            "{e}"
        );
        // Not an engagement file at all: an answer sheet picked by mistake, a damaged file.
        let (sheet, _) = construction();
        let answers = sheet.to_json_pretty();
        let e = read_engagement(answers.as_bytes(), &sheet, Lang::En).unwrap_err();
        assert_eq!(e, vigilance_text::Web::EngNotOurs.text(Lang::En));
        let e = read_engagement(b"{\"format\": \"vigil", &sheet, Lang::En).unwrap_err();
        assert_eq!(e, vigilance_text::Web::ImportDamaged.text(Lang::En));
        // Every other problem with its code and place.
        let broken = String::from_utf8_lossy(bytes).replace("\"in_progress\"", "\"started\"");
        let e = read_engagement(broken.as_bytes(), &sheet, Lang::En).unwrap_err();
        assert!(e.starts_with("[VG-E"), "{e}");
        assert!(
            e.contains("/actions/1/status") && e.contains("`started`"),
            "{e}"
        );
    }

    #[test]
    fn a_json_sheet_reads_as_one_part() {
        let text = sheet("Lu SA").to_json_pretty();
        let parts = read_answer_parts("lu.json", text.as_bytes(), Lang::Fr);
        assert_eq!(parts.len(), 1);
        match &parts[0].result {
            Ok(s) => assert_eq!(s.sheet.company.name, "Lu SA"),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_broken_file_says_why_in_the_users_language() {
        let parts = read_answer_parts("x.json", b"{", Lang::Fr);
        assert_eq!(parts.len(), 1);
        assert_eq!(
            parts[0].result,
            Err(vigilance_text::Web::ImportDamaged
                .text(Lang::Fr)
                .to_string())
        );
    }

    #[test]
    fn a_file_that_is_not_an_answer_sheet_is_refused_in_plain_words() {
        let not_ours = vigilance_text::Web::ImportNotVigilance.text(Lang::Fr);
        assert!(not_ours.starts_with("Ce fichier n'est pas une fiche de réponses Vigilance"));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";
        for (name, bytes) in [
            ("hello.json", &b"{\"hello\":1}"[..]),
            ("list.json", b"[1, 2]"),
            ("other.json", b"{\"format\":\"other/1\",\"answers\":{}}"),
            ("image.json", png),
            ("image.xlsx", png),
        ] {
            let parts = read_answer_parts(name, bytes, Lang::Fr);
            assert_eq!(parts.len(), 1, "{name}");
            assert_eq!(parts[0].result, Err(not_ours.to_string()), "{name}");
        }
        for (name, bytes) in [
            ("empty.json", &b""[..]),
            ("cut.json", b"{\"format\": \"vigil"),
        ] {
            let parts = read_answer_parts(name, bytes, Lang::En);
            assert_eq!(
                parts[0].result,
                Err(vigilance_text::Web::ImportDamaged
                    .text(Lang::En)
                    .to_string()),
                "{name}"
            );
        }
    }
}
