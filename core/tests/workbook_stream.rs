//! The streaming results workbook ([`ResultsWorkbook`]): sheets pushed one by one give, read back
//! with calamine, the same cells in every sheet as [`results_workbook`] over the whole batch —
//! also when the long sheets continue past the row limit while their rows are written in turn,
//! in constant-memory mode, and when saved straight to a file.

#![cfg(feature = "xlsx-import")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::workbook::{
    ResultsWorkbook, ScoredSheet, WorkbookOptions, results_workbook,
    results_workbook_with_row_limit,
};
use vigilance_core::{
    AnswerSheet, Lang, Problem, ProblemKind, Questionnaire, ScoringOptions, score,
};

fn q() -> &'static Questionnaire {
    vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap()
}

/// A sheet with every (question, track) answered with one of the values, in turn from `shift`.
fn scored(source: &str, name: &str, sector: &str, shift: usize) -> ScoredSheet {
    let values = ["yes", "no", "unknown", "yes", "partial"];
    let mut answers = serde_json::Map::new();
    let mut k = shift;
    for question in &q().questions {
        let mut tracks = serde_json::Map::new();
        for t in &question.tracks {
            let mut v = values[k % values.len()];
            k += 1;
            if v == "partial" && !question.allows_partial() {
                v = "yes";
            }
            tracks.insert(
                t.code().into(),
                serde_json::json!({"value": v, "comment": format!("{name} {k}"),
                    "evidence": ["https://example.org/a", "report p. 12"]}),
            );
        }
        answers.insert(question.id.clone(), serde_json::Value::Object(tracks));
    }
    let json = serde_json::json!({
        "format": "vigilance.answers/1",
        "questionnaire": {"id": "rhsf-fir", "version": "1.0.0"},
        "company": {"name": name, "sector": sector, "country": "FR"},
        "period": "2025",
        "answers": answers,
    })
    .to_string();
    let parsed = AnswerSheet::parse(&json, q()).expect("test sheet is valid");
    let assessment = score(q(), &parsed.value, &ScoringOptions::default());
    ScoredSheet {
        source: source.into(),
        sheet: parsed.value,
        assessment,
        warnings: parsed.warnings,
        grid: q(),
        evidence: Vec::new(),
    }
}

fn batch() -> Vec<ScoredSheet> {
    vec![
        scored("a.json", "Alpha SA", "Agroalimentaire", 0),
        scored("b.json", "Beta", "Textile", 1),
        scored("c.json", "=HYPERLINK(\"http://x\",\"y\")", "Textile", 2),
        scored("d.json", "Delta", "", 3),
    ]
}

fn errors() -> Vec<ErrorEntry> {
    vec![ErrorEntry::new(
        "bad.json",
        &[Problem::error("/answers/Q99", ProblemKind::Empty)],
        Lang::En,
    )]
}

fn opts(lang: Lang, constant_memory: bool) -> WorkbookOptions {
    WorkbookOptions {
        lang,
        generated: "2026-01-15".into(),
        tool_version: "0.1.0".into(),
        previous: Some(vec![scored("old.json", "Alpha SA", "Agroalimentaire", 1)]),
        constant_memory,
        targets: Vec::new(),
        coverage_detail: true,
        answers_sheet: Default::default(),
    }
}

/// Every sheet's name and cells, in order.
fn cells(bytes: &[u8]) -> Vec<(String, calamine::Range<calamine::Data>)> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a readable xlsx");
    wb.sheet_names()
        .into_iter()
        .map(|n| {
            let r = wb.worksheet_range(&n).expect("sheet");
            (n, r)
        })
        .collect()
}

fn streamed(lang: Lang, constant_memory: bool, rows: u32) -> Vec<u8> {
    let mut book =
        ResultsWorkbook::with_row_limit(q(), opts(lang, constant_memory), rows).expect("start");
    for s in batch() {
        book.push(&s).expect("push");
    }
    for e in errors() {
        book.push_error(&e);
    }
    book.finish().expect("finish")
}

#[test]
fn pushing_sheets_one_by_one_gives_the_same_workbook() {
    for lang in [Lang::Fr, Lang::En] {
        let whole =
            results_workbook(q(), &batch(), &errors(), &opts(lang, false)).expect("workbook");
        let expected = cells(&whole);
        assert_eq!(expected.len(), 7);
        assert_eq!(cells(&streamed(lang, false, u32::MAX)), expected);
    }
}

#[test]
fn long_sheets_written_in_turn_continue_in_order() {
    // 101 rows per sheet: Themes, Answers and Next steps each continue on further sheets while
    // their rows are written company by company, in turn.
    let whole =
        results_workbook_with_row_limit(q(), &batch(), &errors(), &opts(Lang::En, false), 101)
            .expect("workbook");
    let expected = cells(&whole);
    let names: Vec<&str> = expected.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Answers (2)"), "{names:?}");
    let answers = names.iter().position(|n| *n == "Answers");
    let themes = names.iter().position(|n| *n == "Themes");
    let steps = names.iter().position(|n| *n == "Next steps");
    assert!(themes < answers && answers < steps, "{names:?}");
    assert_eq!(names.first(), Some(&"Summary"));
    assert_eq!(names.last(), Some(&"Method"));
    assert_eq!(cells(&streamed(Lang::En, false, 101)), expected);
}

#[cfg(feature = "constant-memory")]
#[test]
fn constant_memory_stream_reads_back_the_same() {
    let plain = cells(&streamed(Lang::Fr, false, 101));
    assert_eq!(cells(&streamed(Lang::Fr, true, 101)), plain);
    let whole = results_workbook(q(), &batch(), &errors(), &opts(Lang::Fr, true)).expect("wb");
    assert_eq!(cells(&whole), cells(&streamed(Lang::Fr, false, u32::MAX)));
}

#[cfg(feature = "constant-memory")]
#[test]
fn finish_to_path_saves_the_same_workbook() {
    let dir = std::env::temp_dir().join(format!("vigilance-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("out.xlsx");
    let mut book = ResultsWorkbook::new(q(), opts(Lang::En, true)).expect("start");
    for s in batch() {
        book.push(&s).expect("push");
    }
    book.finish_to_path(&path).expect("saved");
    let bytes = std::fs::read(&path).expect("written");
    std::fs::remove_dir_all(&dir).ok();
    let whole = results_workbook(q(), &batch(), &[], &opts(Lang::En, false)).expect("wb");
    assert_eq!(cells(&bytes), cells(&whole));
}
