//! The bodies of Vigilance's fuzz targets, one function per target, each taking the raw input
//! bytes and panicking on any broken invariant. The cargo-fuzz targets in `fuzz/fuzz_targets/`
//! call these functions (nightly, `bash scripts/fuzz.sh`), and `tests/replay.rs` runs every seed
//! of `fuzz/corpus/<target>/` and every crash artifact of `fuzz/artifacts/<target>/` through
//! them with stable Rust, inside `cargo test --workspace`.
//!
//! The answer readers run on every built-in grid of the manifest (`questionnaires/grids.toml`,
//! [`registry::builtin_grids`]) and through the one entry point the command line and the browser
//! use ([`vigilance_read::read`], each sheet on the grid it names). Every sheet that is read is
//! scored in both evidence modes, written as a JSON result entry and, on grids that map their
//! questions to regulations, given its regulation coverage.

use vigilance_grids::registry::{self, GridChoice};
use vigilance_model::coverage::{framework_counts, grid_coverage, sheet_coverage};
use vigilance_model::{
    Answer, AnswerSheet, AnswerValue, EvidenceMode, Lang, Problem, Problems, Questionnaire,
    ScoringOptions, score,
};
use vigilance_read::csv::read_matrix_csv_bytes;
use vigilance_read::xlsx::read_workbook;
use vigilance_read::{ImportedSheet, read};
use vigilance_results::json::ResultEntry;

/// A fuzz target: its name (the file `fuzz/fuzz_targets/<name>.rs` and the folders
/// `fuzz/corpus/<name>/`, `fuzz/artifacts/<name>/`) and its check.
pub type Target = (&'static str, fn(&[u8]));

/// Every fuzz target, by name.
pub const TARGETS: &[Target] = &[
    ("answers_json", answers_json),
    ("questionnaire_json", questionnaire_json),
    ("xlsx_read", xlsx_read),
    ("csv_matrix", csv_matrix),
    ("dossier_zip", dossier_zip),
];

/// Answer-sheet JSON, on every built-in grid and on the grid the sheet names: reading must
/// never panic; a sheet that reads passes its own checks, scores in both modes, gets its
/// coverage and survives its own export (write, read again: the same answers); a sheet that
/// does not read says why in both languages.
pub fn answers_json(data: &[u8]) {
    for q in registry::builtin_grids() {
        match AnswerSheet::parse_bytes(data, q) {
            Ok(parsed) => {
                assert!(parsed.value.check(q).iter().all(|p| !p.is_error()));
                score_sheet(q, &parsed.value, &parsed.warnings);
                let exported = parsed.value.to_json_pretty();
                let again = match AnswerSheet::parse(&exported, q) {
                    Ok(p) => p.value,
                    Err(e) => panic!("an exported sheet does not read back: {e}\n{exported}"),
                };
                assert_eq!(again.answers, parsed.value.answers);
            }
            Err(problems) => describe(&problems),
        }
    }
    read_named("sheet.json", data);
}

/// Questionnaire JSON: reading and checking must never panic; a grid that loads scores an empty
/// and a complete sheet (with coverage when it maps regulations); one that does not says why in
/// both languages.
pub fn questionnaire_json(data: &[u8]) {
    match Questionnaire::parse_bytes(data) {
        Ok(q) => {
            let mut sheet = AnswerSheet::new(&q);
            score_sheet(&q, &sheet, &[]);
            for question in &q.questions {
                for t in &question.tracks {
                    sheet.set_answer(&question.id, *t, Some(Answer::new(AnswerValue::Yes)));
                }
            }
            score_sheet(&q, &sheet, &[]);
        }
        Err(problems) => describe(&problems),
    }
}

/// Spreadsheet bytes (answer templates, matrices, or anything), on every built-in grid and on
/// the grid the workbook names: reading must never panic, and every sheet read passes its checks
/// and scores.
pub fn xlsx_read(data: &[u8]) {
    for q in registry::builtin_grids() {
        check_imported(q, read_workbook(data, q));
    }
    read_named("answers.xlsx", data);
}

/// CSV matrices (comma or semicolon; UTF-8 or Windows-1252), on every built-in grid and on the
/// grid its columns fit: reading must never panic, and every company read passes the
/// answer-sheet checks and scores.
pub fn csv_matrix(data: &[u8]) {
    for q in registry::builtin_grids() {
        check_imported(q, read_matrix_csv_bytes(data, q));
    }
    read_named("matrix.csv", data);
}

/// Bytes read as an evidence dossier (`vigilance.dossier/1`): the dossier crate's own check
/// ([`vigilance_dossier::fuzz_check`]).
pub fn dossier_zip(data: &[u8]) {
    vigilance_dossier::fuzz_check(data);
}

/// Reads `data` as the file `name` through the one entry point, each sheet on the grid it
/// names, as the command line and the browser do, then checks what was read.
fn read_named(name: &str, data: &[u8]) {
    let file = read(name, data, GridChoice::named());
    assert!(!file.sheets.is_empty());
    check_imported(file.grid, file.sheets);
}

/// The sheets a reader gave for grid `q`: each one read passes its checks and scores; each one
/// that did not read says why.
fn check_imported(q: &Questionnaire, sheets: Vec<ImportedSheet>) {
    for imported in sheets {
        match imported.result {
            Ok(parsed) => {
                assert!(parsed.value.check(q).iter().all(|p| !p.is_error()));
                score_sheet(q, &parsed.value, &parsed.warnings);
            }
            Err(problems) => describe(&problems),
        }
    }
}

/// Scores `sheet` on `q` in both evidence modes, writes its JSON result entry and, when `q` maps
/// its questions to regulations, computes its coverage, checking what must always hold.
fn score_sheet(q: &Questionnaire, sheet: &AnswerSheet, warnings: &[Problem]) {
    for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
        let opts = ScoringOptions {
            evidence_mode: mode,
            threshold: None,
        };
        let a = score(q, sheet, &opts);
        assert!(a.headline_level <= 4);
        let entry = ResultEntry::new("fuzz", q, sheet, &a, warnings);
        let _ = serde_json::to_string(&entry);
        if q.frameworks.is_empty() {
            continue;
        }
        let map = grid_coverage(q);
        for r in sheet_coverage(q, &a) {
            let f = &q.frameworks[r.framework];
            assert!(r.requirement < f.requirements.len());
            assert!(!r.questions.is_empty());
            assert!(r.questions.iter().all(|&i| i < q.questions.len()));
            assert!(map.iter().any(|m| m.framework == r.framework
                && m.requirement == r.requirement
                && m.questions_for(r.track) == r.questions.as_slice()));
        }
        for &track in q.track_codes() {
            for c in framework_counts(q, track) {
                assert!(c.covered <= c.total);
            }
        }
    }
}

/// The problems of an input that does not read: at least one, each described in both languages.
fn describe(problems: &Problems) {
    assert!(!problems.0.is_empty());
    let _ = problems.describe(Lang::Fr);
    let _ = problems.describe(Lang::En);
}
