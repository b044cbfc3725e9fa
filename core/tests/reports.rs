//! Report writers and spreadsheet readers, checked from the outside: the results workbook read
//! back with calamine, the CSV summary, and the answer/matrix templates filled and read back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use vigilance_core::report::csv::summary_csv;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::workbook::{
    ScoredSheet, SheetNames, WorkbookOptions, results_workbook, results_workbook_with_row_limit,
};
use vigilance_core::{AnswerSheet, Lang, Problem, Questionnaire, ScoringOptions, Track, score};

fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

/// A complete sheet: every (question, track) answered with `value` (or `partial`→`yes` where
/// partial is not defined), except the overrides.
fn sheet_json(name: &str, value: &str, overrides: &[(&str, &str, &str)]) -> String {
    let mut answers = serde_json::Map::new();
    for question in &q().questions {
        let mut tracks = serde_json::Map::new();
        for t in &question.tracks {
            let mut v = value;
            if v == "partial" && !question.allows_partial() {
                v = "yes";
            }
            for (qid, tk, ov) in overrides {
                if *qid == question.id && *tk == t.code() {
                    v = ov;
                }
            }
            tracks.insert(t.code().into(), serde_json::Value::String(v.into()));
        }
        answers.insert(question.id.clone(), serde_json::Value::Object(tracks));
    }
    serde_json::json!({
        "format": "vigilance.answers/1",
        "questionnaire": {"id": "rhsf-fir", "version": "1.0.0"},
        "company": {"name": name, "sector": "Agroalimentaire", "country": "FR"},
        "period": "2025",
        "answers": answers,
    })
    .to_string()
}

fn scored(source: &str, json: &str) -> ScoredSheet {
    let parsed = AnswerSheet::parse(json, q()).expect("test sheet is valid");
    let assessment = score(q(), &parsed.value, &ScoringOptions::default());
    ScoredSheet {
        source: source.into(),
        sheet: parsed.value,
        assessment,
        warnings: parsed.warnings,
    }
}

fn batch() -> Vec<ScoredSheet> {
    vec![
        scored("a.json", &sheet_json("Alpha SA", "yes", &[])),
        scored(
            "b.json",
            &sheet_json(
                "Beta",
                "yes",
                &[("Q09", "FL", "partial"), ("Q20", "CL", "no")],
            ),
        ),
        scored(
            "c.json",
            &sheet_json("=HYPERLINK(\"http://x\",\"y\")", "no", &[]),
        ),
        scored("d.json", &sheet_json("+cmd|' /C calc'!A0", "partial", &[])),
    ]
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    open_workbook_from_rs(Cursor::new(bytes)).expect("a readable xlsx")
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn col_of(range: &calamine::Range<Data>, header: &str) -> u32 {
    (0..range.width() as u32)
        .find(|&c| cell(range, 0, c) == Data::String(header.into()))
        .unwrap_or_else(|| panic!("no column {header}"))
}

fn opts(lang: Lang) -> WorkbookOptions {
    WorkbookOptions {
        lang,
        generated: "2026-01-15".into(),
        tool_version: "0.1.0".into(),
        previous: None,
        constant_memory: false,
    }
}

#[test]
fn workbook_sheet_names_in_both_languages() {
    let errors = vec![ErrorEntry::new(
        "bad.json",
        &[Problem::error(
            "/answers/Q99",
            vigilance_core::ProblemKind::Empty,
        )],
        Lang::En,
    )];
    for (lang, expected) in [
        (
            Lang::Fr,
            vec![
                "Synthèse",
                "Cohorte",
                "Thèmes",
                "Réponses",
                "Prochaines étapes",
                "Erreurs",
                "Méthode",
            ],
        ),
        (
            Lang::En,
            vec![
                "Summary",
                "Cohort",
                "Themes",
                "Answers",
                "Next steps",
                "Errors",
                "Method",
            ],
        ),
    ] {
        let bytes = results_workbook(q(), &batch(), &errors, &opts(lang)).expect("workbook");
        let wb = open(&bytes);
        assert_eq!(wb.sheet_names(), expected);
        // No Errors sheet when nothing failed.
        let bytes = results_workbook(q(), &batch(), &[], &opts(lang)).expect("workbook");
        let names = open(&bytes).sheet_names();
        assert!(!names.iter().any(|n| n == SheetNames::of(lang).errors));
        assert_eq!(names.len(), 6);
    }
}

#[test]
fn summary_has_one_row_per_company_with_the_assessed_levels() {
    let batch = batch();
    let bytes = results_workbook(q(), &batch, &[], &opts(Lang::En)).expect("workbook");
    let mut wb = open(&bytes);
    let summary = wb.worksheet_range("Summary").expect("Summary");
    assert_eq!(summary.height(), batch.len() + 1);
    let headline = col_of(&summary, "Headline level");
    let cl = col_of(&summary, "CL level");
    let fl = col_of(&summary, "FL level");
    let fl_n2 = col_of(&summary, "FL N2");
    for (i, s) in batch.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(
            cell(&summary, r, 0),
            Data::String(s.sheet.company.name.clone())
        );
        let a = &s.assessment;
        assert_eq!(
            cell(&summary, r, headline),
            Data::Float(f64::from(a.headline_level))
        );
        let level = |t| f64::from(a.track(t).map(|x| x.level).unwrap_or(9));
        assert_eq!(cell(&summary, r, cl), Data::Float(level(Track::CL)));
        assert_eq!(cell(&summary, r, fl), Data::Float(level(Track::FL)));
        let n2 = a.track(Track::FL).and_then(|t| t.levels[1].score.percent());
        assert_eq!(cell(&summary, r, fl_n2), Data::Float(n2.unwrap_or(-1.0)));
    }
    // Beta: Q09 FL partial fails the critical question at N2.
    assert_eq!(
        batch[1].assessment.track(Track::FL).map(|t| t.level),
        Some(1)
    );
    assert_eq!(batch[0].assessment.headline_level, 4);
    // The injection strings are text cells, not formulas.
    assert_eq!(
        cell(&summary, 3, 0),
        Data::String("=HYPERLINK(\"http://x\",\"y\")".into())
    );
    assert_eq!(
        cell(&summary, 4, 0),
        Data::String("+cmd|' /C calc'!A0".into())
    );
    let formulas = wb.worksheet_formula("Summary").expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn answers_sheet_lists_every_answer_and_continues_past_the_row_limit() {
    let batch = batch();
    let per_company = q().answer_count();
    let bytes =
        results_workbook_with_row_limit(q(), &batch, &[], &opts(Lang::En), 101).expect("workbook");
    let mut wb = open(&bytes);
    let names = wb.sheet_names();
    let parts: Vec<&String> = names.iter().filter(|n| n.starts_with("Answers")).collect();
    let total = per_company * batch.len();
    assert_eq!(parts.len(), total.div_ceil(100));
    assert_eq!(parts[1], "Answers (2)");
    let mut rows = 0;
    for p in &parts {
        let r = wb.worksheet_range(p).expect("part");
        assert_eq!(cell(&r, 0, 0), Data::String("Company".into()));
        rows += r.height() - 1;
    }
    assert_eq!(rows, total, "no answer row lost");
}

#[test]
fn previous_campaign_shows_changes() {
    let now = batch();
    let before = vec![scored("old.json", &sheet_json("Alpha SA", "no", &[]))];
    let mut o = opts(Lang::En);
    o.previous = Some(before);
    let bytes = results_workbook(q(), &now, &[], &o).expect("workbook");
    let mut wb = open(&bytes);
    let s = wb.worksheet_range("Summary").expect("Summary");
    let c = col_of(&s, "Change in headline level");
    assert_eq!(cell(&s, 1, c), Data::Float(4.0));
    assert_eq!(cell(&s, 2, c), Data::String("new".into()));
}

#[cfg(feature = "constant-memory")]
#[test]
fn constant_memory_workbook_reads_back_the_same() {
    let batch = batch();
    let mut o = opts(Lang::Fr);
    o.constant_memory = true;
    let bytes = results_workbook(q(), &batch, &[], &o).expect("workbook");
    let mut wb = open(&bytes);
    let r = wb.worksheet_range("Réponses").expect("answers");
    assert_eq!(r.height(), 1 + q().answer_count() * batch.len());
    assert_eq!(cell(&r, 1, 0), Data::String("Alpha SA".into()));
}

#[test]
fn csv_summary_escapes_injection() {
    let batch = batch();
    let errors = vec![ErrorEntry::new(
        "=bad.json",
        &[Problem::error("", vigilance_core::ProblemKind::Empty)],
        Lang::En,
    )];
    let text = summary_csv(q(), &batch, &errors, Lang::En);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("record")).collect();
    assert_eq!(rows.len(), batch.len() * 2 + 1);
    assert_eq!(&rows[0][0], "Alpha SA");
    assert_eq!(&rows[0][5], "CL");
    assert_eq!(&rows[0][6], "N4");
    assert_eq!(&rows[0][8], "100.0");
    assert_eq!(&rows[4][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(&rows[6][0], "'+cmd|' /C calc'!A0");
    assert_eq!(&rows[8][18], "'=bad.json");
    assert!(rows[8][19].contains("empty"));
}
