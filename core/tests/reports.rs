//! Report writers and spreadsheet readers, checked from the outside: the results workbook read
//! back with calamine, the CSV summary, and the answer/matrix templates filled and read back.

#![cfg(feature = "xlsx-import")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::Workbook;
use std::io::Cursor;
use vigilance_core::import::template::{ANSWERS_HEADER_ROW, COMPANY_FIRST_ROW};
use vigilance_core::import::{
    CompanyField, ImportedSheet, answer_template, matrix_template, read_matrix_csv, read_workbook,
};
use vigilance_core::report::csv::summary_csv;
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::workbook::{
    AnswersSheet, ScoredSheet, SheetNames, WorkbookOptions, results_workbook,
    results_workbook_with_row_limit,
};
use vigilance_core::{
    AnswerSheet, AnswerValue, Lang, Place, Problem, ProblemKind, Questionnaire, ScoringOptions,
    Track, score,
};

fn q() -> &'static Questionnaire {
    vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap()
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
        grid: q(),
        evidence: Vec::new(),
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
        targets: Vec::new(),
        coverage_detail: true,
        answers_sheet: Default::default(),
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
    // One row per company and question, the two tracks side by side.
    let per_company = q().questions.len();
    let bytes =
        results_workbook_with_row_limit(q(), &batch, &[], &opts(Lang::En), 101).expect("workbook");
    let mut wb = open(&bytes);
    let names = wb.sheet_names();
    let parts: Vec<&String> = names.iter().filter(|n| n.starts_with("Answers")).collect();
    let total = per_company * batch.len();
    assert_eq!(parts.len(), total.div_ceil(100));
    assert_eq!(parts[1], "Answers (2)");
    let labels: Vec<(Data, AnswerValue)> = AnswerValue::ALL
        .iter()
        .map(|&v| (Data::String(q().value_label(v, Lang::En).into()), v))
        .collect();
    let mut rows = 0;
    let mut answers = 0;
    for p in &parts {
        let r = wb.worksheet_range(p).expect("part");
        assert_eq!(cell(&r, 0, 0), Data::String("Company".into()));
        let (company, question) = (col_of(&r, "Company"), col_of(&r, "Question"));
        for row in 1..r.height() as u32 {
            let Data::String(name) = cell(&r, row, company) else {
                panic!("row {row} of {p} has no company")
            };
            let Data::String(id) = cell(&r, row, question) else {
                panic!("row {row} of {p} has no question")
            };
            let s = batch
                .iter()
                .find(|s| s.sheet.company.name == name)
                .expect("a company of the batch");
            // Each track's answer in its own column, as the sheet gave it.
            for t in [Track::CL, Track::FL] {
                let shown = cell(&r, row, col_of(&r, &format!("{} Answer", t.code())));
                let Some(a) = s.sheet.answer(&id, t) else {
                    assert!(
                        shown == Data::Empty || shown == Data::String("Not asked".into()),
                        "{name} {id} {t:?}: {shown:?}"
                    );
                    continue;
                };
                let value = labels.iter().find(|(l, _)| *l == shown).map(|(_, v)| *v);
                assert_eq!(value, Some(a.value), "{name} {id} {t:?}");
                answers += 1;
            }
        }
        rows += r.height() - 1;
    }
    assert_eq!(rows, total, "no answer row lost");
    assert_eq!(
        answers,
        q().answer_count() * batch.len(),
        "every answer shown"
    );
}

#[test]
fn answers_sheet_is_left_out_past_its_limit_and_the_method_sheet_says_so() {
    let batch = batch();
    let mut o = opts(Lang::Fr);
    o.answers_sheet = AnswersSheet::UpTo(batch.len() - 1);
    let bytes = results_workbook(q(), &batch, &[], &o).expect("workbook");
    let mut wb = open(&bytes);
    let names = wb.sheet_names();
    assert!(
        !names.iter().any(|n| n.starts_with("Réponses")),
        "{names:?}"
    );
    // Every other sheet is still complete.
    let summary = wb.worksheet_range("Synthèse").expect("summary");
    assert_eq!(summary.height(), 1 + batch.len());
    let method = wb.worksheet_range("Méthode").expect("method");
    let texts: Vec<String> = method
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let note = texts
        .iter()
        .find(|t| t.contains("--answers-sheet"))
        .expect("the Method sheet says how to get the Answers sheet");
    assert!(
        note.contains(&format!("{} entreprises", batch.len())),
        "{note}"
    );
    assert!(note.contains("JSON Lines"), "{note}");
    assert!(texts.iter().any(|t| t == "Réponses"), "named: {texts:?}");
    // At the limit, or always: written, and no note.
    for rule in [AnswersSheet::UpTo(batch.len()), AnswersSheet::Always] {
        o.answers_sheet = rule;
        let bytes = results_workbook(q(), &batch, &[], &o).expect("workbook");
        let mut wb = open(&bytes);
        let r = wb.worksheet_range("Réponses").expect("answers");
        assert_eq!(
            r.height(),
            1 + q().questions.len() * batch.len(),
            "{rule:?}"
        );
        let method = wb.worksheet_range("Méthode").expect("method");
        assert!(
            !method
                .used_cells()
                .any(|(_, _, d)| matches!(d, Data::String(s) if s.contains("--answers-sheet"))),
            "{rule:?}"
        );
    }
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
    assert_eq!(r.height(), 1 + q().questions.len() * batch.len());
    assert_eq!(cell(&r, 1, 0), Data::String("Alpha SA".into()));
    // Themes and Next steps are low-memory sheets (shared strings): same content.
    let steps: usize = batch.iter().map(|s| s.assessment.next_steps.len()).sum();
    let r = wb.worksheet_range("Prochaines étapes").expect("next steps");
    assert_eq!(r.height(), 1 + steps);
    let plain = results_workbook(q(), &batch, &[], &opts(Lang::Fr)).expect("workbook");
    let t = open(&plain).worksheet_range("Thèmes").expect("themes");
    assert_eq!(wb.worksheet_range("Thèmes").expect("themes"), t);
}

#[test]
fn csv_summary_escapes_injection() {
    let batch = batch();
    let errors = vec![ErrorEntry::new(
        "=bad.json",
        &[Problem::error("", vigilance_core::ProblemKind::Empty)],
        Lang::En,
    )];
    let text = summary_csv(&batch, &errors, Lang::En);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("record")).collect();
    assert_eq!(rows.len(), batch.len() * 2 + 1);
    assert_eq!(&rows[0][0], "Alpha SA");
    assert_eq!(&rows[0][5], "CL");
    assert_eq!(&rows[0][6], "N4");
    assert_eq!(&rows[0][8], "100.0");
    assert_eq!(&rows[4][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(&rows[6][0], "'+cmd|' /C calc'!A0");
    assert_eq!(&rows[8][22], "'=bad.json");
    assert!(rows[8][23].contains("empty"));
    assert_eq!(&rows[0][15], "0", "na");
    assert_eq!(&rows[0][16], "0.0", "na_share");
    assert_eq!(&rows[0][17], "", "heavy_na");
    assert_eq!(&rows[0][21], "rhsf-fir@1.0.0", "grid");
}

// ------------------------------------------------------------------ templates and readers

/// A copy of `template` (every sheet, every cell as read) with `edits` applied: what a person
/// filling the template in Excel produces.
fn filled(template: &[u8], edits: &[(&str, u32, u16, String)]) -> Vec<u8> {
    let mut src = open(template);
    let mut wb = Workbook::new();
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name).expect("sheet");
        let ws = wb.add_worksheet();
        ws.set_name(&name).expect("name");
        for (r, c, d) in range.used_cells() {
            let (r, c) = (r as u32, c as u16);
            match d {
                Data::String(s) => ws.write_string(r, c, s.as_str()).map(|_| ()),
                Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
                _ => Ok(()),
            }
            .expect("cell");
        }
        for (sheet, r, c, text) in edits {
            if *sheet == name {
                ws.write_string(*r, *c, text.as_str()).expect("edit");
            }
        }
    }
    wb.save_to_buffer().expect("save")
}

/// A varied sheet: every value, comments, evidence, a justified `na`.
fn varied_json(name: &str) -> String {
    let mut over = vec![
        ("Q01", "CL", "yes"),
        ("Q02", "FL", "partial"),
        ("Q03", "CL", "unknown"),
        ("Q07", "CL", "no"),
        ("Q09", "FL", "partial"),
    ];
    over.push(("Q20", "CL", "na"));
    let json = sheet_json(name, "yes", &over);
    let mut v: serde_json::Value = serde_json::from_str(&json).expect("json");
    v["company"]["id"] = "LEI-123".into();
    v["answers"]["Q20"]["CL"] = serde_json::json!({
        "value": "na", "justification": "Pas de fournisseurs agricoles"
    });
    v["answers"]["Q01"]["FL"] = serde_json::json!({
        "value": "yes", "comment": "Formation 2024",
        "evidence": ["https://example.org/plan.pdf", "Plan de vigilance p. 12"]
    });
    // Leave two answers out: the result is provisional.
    v["answers"]["Q33"]
        .as_object_mut()
        .expect("Q33")
        .remove("CL");
    v["answers"]["Q32"]
        .as_object_mut()
        .expect("Q32")
        .remove("FL");
    v.to_string()
}

/// Cell texts that fill the answer template for `sheet`, with answers written as labels in
/// `lang`, except every third row written as a code and every fifth in the other language.
fn answer_edits(
    sheet: &AnswerSheet,
    template: &[u8],
    lang: Lang,
) -> Vec<(&'static str, u32, u16, String)> {
    let name = vigilance_core::import::answers_sheet_name(lang);
    let range = open(template).worksheet_range(name).expect("answers sheet");
    let mut edits = vec![
        (name, COMPANY_FIRST_ROW, 1, sheet.company.name.clone()),
        (
            name,
            COMPANY_FIRST_ROW + 1,
            1,
            sheet.company.sector.clone().unwrap_or_default(),
        ),
        (
            name,
            COMPANY_FIRST_ROW + 2,
            1,
            sheet.company.country.clone().unwrap_or_default(),
        ),
        (
            name,
            COMPANY_FIRST_ROW + 3,
            1,
            sheet.company.id.clone().unwrap_or_default(),
        ),
        (
            name,
            COMPANY_FIRST_ROW + 4,
            1,
            sheet.period.clone().unwrap_or_default(),
        ),
    ];
    let other = if lang == Lang::Fr { Lang::En } else { Lang::Fr };
    for r in ANSWERS_HEADER_ROW + 1..range.height() as u32 {
        let Data::String(id) = cell(&range, r, 0) else {
            continue;
        };
        let Data::String(track) = cell(&range, r, 1) else {
            continue;
        };
        let track = Track::from_code(&track).expect("track");
        let Some(a) = sheet.answer(&id, track) else {
            continue;
        };
        let value = match r % 15 {
            0 | 3 | 6 | 9 | 12 => a.value.code().to_string(),
            5 | 10 => q().value_label(a.value, other).to_string(),
            _ => q().value_label(a.value, lang).to_string(),
        };
        edits.push((name, r, 7, value));
        if let Some(j) = &a.justification {
            edits.push((name, r, 8, j.clone()));
        }
        if let Some(c) = &a.comment {
            edits.push((name, r, 9, c.clone()));
        }
        if !a.evidence.is_empty() {
            edits.push((name, r, 10, a.evidence.join(" ; ")));
        }
    }
    edits
}

fn only_sheet(mut read: Vec<ImportedSheet>) -> AnswerSheet {
    assert_eq!(read.len(), 1, "{read:?}");
    match read.remove(0).result {
        Ok(p) => p.value,
        Err(e) => panic!("not read: {e}"),
    }
}

#[test]
fn answer_template_round_trip_gives_the_json_result() {
    let json = AnswerSheet::parse(&varied_json("Gamma & Cie"), q())
        .expect("json")
        .value;
    let expected = score(q(), &json, &ScoringOptions::default());
    assert!(expected.provisional);
    for lang in Lang::ALL {
        let template = answer_template(q(), lang).expect("template");
        let names = open(&template).sheet_names();
        assert!(names.contains(&vigilance_core::import::answers_sheet_name(lang).to_string()));
        let bytes = filled(&template, &answer_edits(&json, &template, lang));
        let sheet = only_sheet(read_workbook(&bytes, q()));
        assert_eq!(sheet.company, json.company);
        assert_eq!(sheet.period, json.period);
        assert_eq!(sheet.answers, json.answers, "{lang:?}");
        assert_eq!(score(q(), &sheet, &ScoringOptions::default()), expected);
    }
}

#[test]
fn answer_template_dropdowns_follow_the_question() {
    // The drop-down lists live in the hidden marker sheet: 5, 4 (no partial), 4 (no na), 3.
    let template = answer_template(q(), Lang::En).expect("template");
    let mut wb = open(&template);
    let marker = wb.worksheet_range("vigilance").expect("marker");
    assert_eq!(
        cell(&marker, 0, 0),
        Data::String("vigilance.template/1".into())
    );
    let col = |c: u32| -> Vec<String> {
        (0..6)
            .filter_map(|r| match cell(&marker, r, c) {
                Data::String(s) => Some(s),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        col(2),
        ["Yes", "Partially", "No", "Don't know", "Not applicable"]
    );
    assert_eq!(col(3), ["Yes", "No", "Don't know", "Not applicable"]);
    assert_eq!(col(4), ["Yes", "Partially", "No", "Don't know"]);
    assert_eq!(col(5), ["Yes", "No", "Don't know"]);
    let answers = wb.worksheet_range("Answers").expect("answers");
    assert_eq!(
        answers.height() as u32,
        ANSWERS_HEADER_ROW + 1 + q().answer_count() as u32
    );
}

#[test]
fn matrix_template_round_trip_gives_the_json_results() {
    let sheets = [
        AnswerSheet::parse(&varied_json("Delta"), q())
            .expect("json")
            .value,
        AnswerSheet::parse(&sheet_json("Epsilon", "partial", &[]), q())
            .expect("json")
            .value,
    ];
    for lang in Lang::ALL {
        let template = matrix_template(q(), lang).expect("template");
        let name = vigilance_core::import::matrix_sheet_name(lang);
        let header = open(&template).worksheet_range(name).expect("matrix");
        let width = header.width() as u16;
        let mut edits = vec![(name, 0, width, "Q20 CL justification".to_string())];
        for (i, s) in sheets.iter().enumerate() {
            let r = 1 + i as u32;
            edits.push((name, r, 0, s.company.name.clone()));
            edits.push((name, r, 1, s.company.sector.clone().unwrap_or_default()));
            edits.push((name, r, 2, s.company.country.clone().unwrap_or_default()));
            edits.push((name, r, 3, s.company.id.clone().unwrap_or_default()));
            edits.push((name, r, 4, s.period.clone().unwrap_or_default()));
            edits.push((name, r, 5, s.company.nace.clone().unwrap_or_default()));
            edits.push((name, r, 6, s.company.buyer.clone().unwrap_or_default()));
            edits.push((name, r, 7, s.company.tier.clone().unwrap_or_default()));
            for c in CompanyField::ALL.len() as u16..width {
                let Data::String(h) = cell(&header, 0, c as u32) else {
                    continue;
                };
                let (id, t) = h.split_once(' ').expect("Q01 CL");
                if let Some(a) = s.answer(id, Track::from_code(t).expect("track")) {
                    edits.push((name, r, c, q().value_label(a.value, lang).to_string()));
                    if let Some(j) = &a.justification {
                        edits.push((name, r, width, j.clone()));
                    }
                }
            }
        }
        let read = read_workbook(&filled(&template, &edits), q());
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].label, Some(Place::Row(2)));
        assert_eq!(
            read[0].label.as_ref().unwrap().describe(None, Lang::Fr),
            "ligne 2"
        );
        for (imported, json) in read.into_iter().zip(&sheets) {
            let sheet = match imported.result {
                Ok(p) => p.value,
                Err(e) => panic!("{:?}: {e}", imported.label),
            };
            assert_eq!(sheet.company, json.company);
            // The matrix carries no comment or evidence columns here: compare values.
            for question in &q().questions {
                for &t in &question.tracks {
                    assert_eq!(
                        sheet.answer(&question.id, t).map(|a| a.value),
                        json.answer(&question.id, t).map(|a| a.value)
                    );
                }
            }
            let opts = ScoringOptions::default();
            assert_eq!(
                score(q(), &sheet, &opts).headline_level,
                score(q(), json, &opts).headline_level
            );
            // Levels and themes: the answers' evidence (not in this matrix) aside.
            let (a, b) = (score(q(), &sheet, &opts), score(q(), json, &opts));
            for (x, y) in a.tracks.iter().zip(&b.tracks) {
                assert_eq!(
                    (&x.levels, &x.themes, x.index),
                    (&y.levels, &y.themes, y.index)
                );
            }
        }
    }
}

fn problems(read: &[ImportedSheet]) -> Vec<Problem> {
    read.iter()
        .flat_map(|s| match &s.result {
            Ok(p) => p.warnings.clone(),
            Err(e) => e.0.clone(),
        })
        .collect()
}

#[test]
fn bad_cell_value_is_reported_with_its_cell() {
    let template = answer_template(q(), Lang::Fr).expect("template");
    let row = ANSWERS_HEADER_ROW + 1; // Q01 CL
    let edits = vec![
        ("Réponses", COMPANY_FIRST_ROW, 1, "Zeta".to_string()),
        ("Réponses", row, 7, "Peut-être".to_string()),
        ("Réponses", row + 1, 7, "Non applicable".to_string()), // Q01 FL: critical
    ];
    let read = read_workbook(&filled(&template, &edits), q());
    assert_eq!(read.len(), 1);
    assert!(read[0].result.is_err());
    let ps = problems(&read);
    let bad = ps
        .iter()
        .find(
            |p| matches!(&p.kind, ProblemKind::InvalidValue { found, .. } if found == "Peut-être"),
        )
        .expect("invalid value reported");
    assert_eq!(bad.path, format!("Réponses!H{}", row + 1));
    let na = ps
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::NaOnCritical { .. }))
        .expect("na on critical reported");
    assert_eq!(na.path, format!("Réponses!H{}", row + 2));
    assert!(
        bad.describe(Lang::En)
            .starts_with(&format!("cell Réponses!H{}: `Peut-être`", row + 1))
    );
    assert!(
        bad.describe(Lang::Fr)
            .starts_with(&format!("cellule Réponses!H{}\u{a0}: `Peut-être`", row + 1))
    );
    // The value as the user wrote it, in the user's language.
    assert!(
        na.describe(Lang::Fr)
            .contains("ne peut pas recevoir «\u{202f}Non applicable\u{202f}» (na)"),
        "{}",
        na.describe(Lang::Fr)
    );
}

#[test]
fn garbage_and_foreign_workbooks_give_a_problem() {
    for bytes in [&b"not a zip at all"[..], b"PK\x03\x04garbage", b""] {
        let read = read_workbook(bytes, q());
        assert_eq!(read.len(), 1);
        let Err(e) = &read[0].result else {
            panic!("garbage accepted")
        };
        assert!(e.0[0].is_error());
    }
    // A results workbook is not a template.
    let results = results_workbook(q(), &batch(), &[], &opts(Lang::En)).expect("workbook");
    let read = read_workbook(&results, q());
    assert_eq!(read.len(), 1);
    let Err(e) = &read[0].result else {
        panic!("results workbook accepted")
    };
    assert!(
        e.describe(Lang::En).contains("not a Vigilance template"),
        "{e}"
    );
    // A template whose answers sheet was renamed and headers changed.
    let template = answer_template(q(), Lang::En).expect("template");
    let edits = vec![("Answers", ANSWERS_HEADER_ROW, 7, "Response".to_string())];
    let read = read_workbook(&filled(&template, &edits), q());
    let Err(e) = &read[0].result else {
        panic!("broken template accepted")
    };
    assert!(e.describe(Lang::En).contains("header row"), "{e}");
}

#[test]
fn matrix_csv_with_semicolons_reads_and_names_unknown_columns() {
    let csv = "\u{feff}Entreprise;Secteur;Pays;Notes;Q01 CL;Q01 FL;Q20 CL;Q20 CL justification\n\
               Eta;Mines;FR;x;Oui;Partiellement;na;Pas concerné\n\
               ;;;;;;;\n\
               =Theta;;;;yes;maybe;;\n";
    let read = read_matrix_csv(csv, q());
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].label.as_ref().unwrap(), "line 2");
    let eta = match &read[0].result {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(eta.value.company.name, "Eta");
    assert_eq!(
        eta.value.answer("Q01", Track::FL).map(|a| a.value),
        Some(AnswerValue::Partial)
    );
    assert!(
        eta.warnings
            .iter()
            .any(|w| w.describe(Lang::En).contains("`Notes`")),
        "{:?}",
        eta.warnings
    );
    assert_eq!(read[1].label.as_ref().unwrap(), "line 4");
    let Err(e) = &read[1].result else {
        panic!("maybe accepted")
    };
    assert_eq!(e.0[0].path, "line 4, column Q01 FL");
    // Comma-separated works too.
    let read = read_matrix_csv("Company,Q01 CL\nIota,No\n", q());
    assert!(read[0].result.is_ok());
    // Not a matrix.
    let read = read_matrix_csv("a,b\n1,2\n", q());
    assert!(read[0].result.is_err());
}

#[test]
fn read_answer_file_tells_formats_apart() {
    use vigilance_core::import::{answer_template, read as read_file};
    use vigilance_core::registry::GridChoice;
    let q = vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap();
    let json = r#"{"format":"vigilance.answers/1","questionnaire":{"id":"rhsf-fir","version":"1.0.0"},"company":{"name":"Json SA"},"answers":{"Q01":{"CL":"yes"}}}"#;
    let read = read_file("sheet.json", json.as_bytes(), GridChoice::Forced(q)).sheets;
    assert_eq!(read.len(), 1);
    assert_eq!(
        read[0].result.as_ref().unwrap().value.company.name,
        "Json SA"
    );
    let csv = "Company,Sector,Country,Identifier,Period,Q01 CL,Q01 FL\nAlpha,Food,FR,,2025,Yes,No\nBeta,Auto,DE,,2025,No,Yes\n";
    let read = read_file("matrix.csv", csv.as_bytes(), GridChoice::Forced(q)).sheets;
    assert_eq!(read.len(), 2);
    assert!(read.iter().all(|r| r.result.is_ok()), "{read:?}");
    let template = answer_template(q, Lang::En).unwrap();
    let read = read_file("blank.xlsx", &template, GridChoice::Forced(q)).sheets;
    assert_eq!(read.len(), 1);
    let read = read_file("x.json", b"\xFF\xFE{\x00}\x00", GridChoice::Forced(q)).sheets;
    assert!(
        read[0]
            .result
            .as_ref()
            .unwrap_err()
            .describe(Lang::En)
            .contains("UTF-16")
    );
}

#[test]
fn workbook_points_come_from_scoring_even_for_na_where_forbidden() {
    // Q01 is critical: `na` is not allowed there, so scoring counts it as unanswered (0 points).
    // The workbook once had its own copy of the points rule and left the cell blank.
    let mut sheet = AnswerSheet::new(q());
    sheet.company.name = "Na SA".into();
    let mut na = vigilance_core::Answer::new(AnswerValue::Na);
    na.justification = Some("not relevant".into());
    sheet.set_answer("Q01", Track::CL, Some(na));
    let assessment = score(q(), &sheet, &ScoringOptions::default());
    let qi = q().question_index("Q01").unwrap();
    let counted = assessment.track(Track::CL).unwrap().answer(qi).unwrap();
    assert_eq!(counted.points(), Some(0.0));
    let scored = [ScoredSheet {
        source: "na.json".into(),
        sheet,
        assessment,
        warnings: vec![],
        grid: q(),
        evidence: Vec::new(),
    }];
    let bytes = results_workbook(q(), &scored, &[], &opts(Lang::En)).unwrap();
    let mut wb = open(&bytes);
    let answers = wb.worksheet_range("Answers").unwrap();
    let (qcol, pcol) = (col_of(&answers, "Question"), col_of(&answers, "CL Points"));
    let row = (1..answers.height() as u32)
        .find(|r| cell(&answers, *r, qcol) == Data::String("Q01".into()))
        .expect("Q01 row");
    assert_eq!(cell(&answers, row, pcol), Data::Float(0.0));
}

// ------------------------------------------------------------------ mixed grids, coverage, print

/// Every `.json` sheet of `dir` (sorted), scored on the built-in grid it names.
fn scored_dir(dir: &str) -> Vec<ScoredSheet> {
    scored_dir_as(dir, None)
}

/// [`scored_dir`], each sheet first moved to `version` of its grid when given (its company
/// renamed `… (version)`): the questions both versions share keep their answers.
fn scored_dir_as(dir: &str, version: Option<&str>) -> Vec<ScoredSheet> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let mut text = std::fs::read_to_string(p).expect("read");
            if let Some(v) = version {
                let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
                json["questionnaire"]["version"] = v.into();
                let name = json["company"]["name"].as_str().unwrap_or("").to_string();
                json["company"]["name"] = format!("{name} ({v})").into();
                text = json.to_string();
            }
            let (id, version) = vigilance_core::registry::peek_questionnaire(&text).expect("ref");
            let grid = vigilance_core::registry::for_sheet(&id, &version).expect("grid");
            let parsed = AnswerSheet::parse(&text, grid).expect("valid example");
            let assessment = score(grid, &parsed.value, &ScoringOptions::default());
            ScoredSheet {
                source: p.display().to_string(),
                sheet: parsed.value,
                assessment,
                warnings: parsed.warnings,
                grid,
                evidence: Vec::new(),
            }
        })
        .collect()
}

fn mixed_batch() -> Vec<ScoredSheet> {
    let mut b = scored_dir("tests/fixtures/examples-1.0/examples");
    b.extend(scored_dir_as(
        "tests/fixtures/examples-1.0/examples",
        Some("1.1.0"),
    ));
    b.extend(scored_dir("tests/fixtures/examples-1.0/examples-suppliers"));
    b
}

fn strings(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn mixed_batch_names_each_grid_and_keeps_cohort_statistics_apart() {
    let batch = mixed_batch();
    let grid_of = |s: &ScoredSheet| {
        format!(
            "{}@{}",
            s.sheet.questionnaire.id, s.sheet.questionnaire.version
        )
    };
    let mut keys: Vec<String> = batch.iter().map(grid_of).collect();
    keys.dedup();
    assert_eq!(keys.len(), 3, "the test batch mixes grids: {keys:?}");
    let main = vigilance_core::registry::default_grid();
    let bytes = results_workbook(main, &batch, &[], &opts(Lang::En)).expect("workbook");
    let mut book = open(&bytes);
    let summary = book.worksheet_range("Summary").expect("Summary");
    let gc = col_of(&summary, "Grid");
    for (i, s) in batch.iter().enumerate() {
        assert_eq!(
            cell(&summary, i as u32 + 1, gc),
            Data::String(grid_of(s)),
            "{}",
            s.source
        );
    }
    // `na` next to "don't know".
    let na = col_of(&summary, "CL not applicable (na)");
    assert_eq!(
        cell(&summary, 0, na - 1),
        Data::String("CL don't know".into())
    );

    // Cohort: one block per grid, whose headline counts add up to that grid's companies only.
    let cohort = book.worksheet_range("Cohort").expect("Cohort");
    let mut seen = std::collections::BTreeSet::new();
    for key in batch.iter().map(grid_of) {
        if !seen.insert(key.clone()) {
            continue;
        }
        let heading = (0..cohort.height() as u32)
            .find(|&r| match cell(&cohort, r, 0) {
                Data::String(s) => s.starts_with(&format!("Grid {key}:")),
                _ => false,
            })
            .unwrap_or_else(|| panic!("no Cohort block for {key}"));
        let header = heading + 2;
        let headline_col = (0..10)
            .find(|&c| cell(&cohort, header, c) == Data::String("Headline".into()))
            .expect("Headline column");
        let total: f64 = (1..=5)
            .map(|k| match cell(&cohort, header + k, headline_col) {
                Data::Float(f) => f,
                other => panic!("count expected, got {other:?}"),
            })
            .sum();
        let expected = batch.iter().filter(|s| grid_of(s) == key).count();
        assert_eq!(total as usize, expected, "companies of {key}");
    }
    assert!(
        strings(&cohort)
            .iter()
            .any(|s| s.starts_with("Levels of different grids"))
    );

    // Coverage: the disclaimer on top, labelled self-declared (declarative mode), rows from the
    // grids with frameworks only.
    let coverage = book.worksheet_range("Coverage").expect("Coverage");
    let Data::String(top) = cell(&coverage, 0, 0) else {
        panic!("no preamble")
    };
    assert!(top.starts_with(vigilance_core::coverage::disclaimer(Lang::En)));
    assert!(top.contains("Self-declared"), "{top}");
    // After the 5 key columns (company, identifier, period, NACE section, sector group), grid,
    // framework, reference, requirement and track.
    assert_eq!(
        cell(&coverage, 1, 10),
        Data::String("What the linked answers show".into())
    );
    let with_frameworks: Vec<String> = batch
        .iter()
        .filter(|s| {
            vigilance_core::registry::for_sheet(
                &s.sheet.questionnaire.id,
                &s.sheet.questionnaire.version,
            )
            .is_some_and(|g| !g.frameworks.is_empty())
        })
        .map(|s| s.sheet.company.name.clone())
        .collect();
    assert!(!with_frameworks.is_empty());
    let names: std::collections::BTreeSet<String> = (2..coverage.height() as u32)
        .filter_map(|r| match cell(&coverage, r, 0) {
            Data::String(s) => Some(s),
            _ => None,
        })
        .collect();
    for n in &with_frameworks {
        assert!(names.contains(n), "{n} has coverage rows");
    }
    assert_eq!(names.len(), with_frameworks.len());
    let summary = book
        .worksheet_range("Coverage (cohort)")
        .expect("Coverage (cohort)");
    assert_eq!(
        cell(&summary, 1, 5),
        Data::String("All at full point".into())
    );
    // Each row with a status counts every company of its grid once (frameworks that only
    // inform say so instead of counting).
    for r in 2..summary.height() as u32 {
        let Data::String(key) = cell(&summary, r, 0) else {
            continue;
        };
        if let Data::String(informs) = cell(&summary, r, 5) {
            assert_eq!(informs, "Informs (no status)");
            continue;
        }
        let n: f64 = (5..10)
            .map(|c| match cell(&summary, r, c) {
                Data::Float(f) => f,
                _ => 0.0,
            })
            .sum();
        let expected = batch.iter().filter(|s| grid_of(s) == key).count();
        assert_eq!(n as usize, expected, "row {r} of {key}");
    }
    // Method: every grid's provenance and the disclaimer.
    let method = strings(&book.worksheet_range("Method").expect("Method"));
    for s in &batch {
        let g = vigilance_core::registry::for_sheet(
            &s.sheet.questionnaire.id,
            &s.sheet.questionnaire.version,
        )
        .expect("grid");
        if let Some(p) = &g.provenance {
            assert!(method.iter().any(|m| m == p.get(Lang::En)), "provenance");
        }
    }
    assert!(
        method
            .iter()
            .any(|m| m == vigilance_core::coverage::disclaimer(Lang::En))
    );
}

#[test]
fn french_coverage_sheets_follow_the_localised_sheet_names() {
    let bytes = results_workbook(
        vigilance_core::registry::default_grid(),
        &mixed_batch(),
        &[],
        &opts(Lang::Fr),
    )
    .expect("workbook");
    let names = open(&bytes).sheet_names();
    assert!(names.contains(&"Couverture".to_string()), "{names:?}");
    assert!(names.contains(&"Couverture (cohorte)".to_string()));
}

#[test]
fn cohort_shows_transitions_with_a_previous_campaign() {
    let now = batch();
    let mut before = batch();
    // Beta was lower a year before.
    before[1] = scored("b.json", &sheet_json("Beta", "no", &[]));
    let mut o = opts(Lang::En);
    o.previous = Some(before);
    let bytes = results_workbook(q(), &now, &[], &o).expect("workbook");
    let cohort = open(&bytes).worksheet_range("Cohort").expect("Cohort");
    let head = (0..cohort.height() as u32)
        .find(|&r| cell(&cohort, r, 1) == Data::String("Moved up".into()))
        .expect("transitions summary");
    // CL, FL, headline: Beta moved up, the three others stayed.
    for k in 1..=3 {
        assert_eq!(cell(&cohort, head + k, 1), Data::Float(1.0));
        assert_eq!(cell(&cohort, head + k, 2), Data::Float(3.0));
        assert_eq!(cell(&cohort, head + k, 3), Data::Float(0.0));
    }
}

#[test]
fn every_sheet_has_its_print_setup() {
    let bytes = results_workbook(
        vigilance_core::registry::default_grid(),
        &mixed_batch(),
        &[ErrorEntry::new(
            "bad.json",
            &[Problem::error("", vigilance_core::ProblemKind::Empty)],
            Lang::En,
        )],
        &opts(Lang::En),
    )
    .expect("workbook");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("zip");
    let mut sheets = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().expect("name").to_string();
        if !name.starts_with("xl/worksheets/sheet") {
            continue;
        }
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut f, &mut xml).expect("xml");
        sheets += 1;
        assert!(
            xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#),
            "{name} fits to page"
        );
        assert!(xml.contains(r#"paperSize="9""#), "{name} on A4");
        assert!(xml.contains(r#"fitToHeight="0""#), "{name} one page wide");
        assert!(xml.contains("<oddFooter>"), "{name} has a footer");
    }
    assert!(sheets >= 9, "{sheets} sheets");
    let mut wbxml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").expect("wb"), &mut wbxml)
        .expect("xml");
    for sheet in [
        "Summary",
        "Answers",
        "Themes",
        "'Next steps'",
        "Coverage",
        "Errors",
    ] {
        assert!(
            wbxml.contains(&format!("{sheet}!$1:$")),
            "{sheet} repeats its header rows: {wbxml}"
        );
    }
    // The Summary is too wide to read on one page: several pages across, the company on each.
    assert!(
        wbxml.contains("Summary!$A:$A,Summary!$1:$1"),
        "the Summary repeats its company column: {wbxml}"
    );
    let mut summary = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").expect("Summary"),
        &mut summary,
    )
    .expect("xml");
    assert!(
        summary.contains(r#"fitToWidth="3""#),
        "Summary three pages across"
    );
}

#[test]
fn template_company_fields_nace_buyer_and_tier_are_read_and_checked_at_their_cell() {
    let row_of = |f: CompanyField| {
        COMPANY_FIRST_ROW + CompanyField::ALL.iter().position(|x| *x == f).unwrap() as u32
    };
    for lang in Lang::ALL {
        let template = answer_template(q(), lang).expect("template");
        let name = vigilance_core::import::answers_sheet_name(lang);
        let edits = |nace: &str, tier: &str| {
            vec![
                (name, COMPANY_FIRST_ROW, 1, "Zeta".to_string()),
                (name, row_of(CompanyField::Nace), 1, nace.to_string()),
                (
                    name,
                    row_of(CompanyField::Buyer),
                    1,
                    "Acheteur Alpha".into(),
                ),
                (name, row_of(CompanyField::Tier), 1, tier.to_string()),
            ]
        };
        let read = read_workbook(&filled(&template, &edits("c.10", "3 +")), q());
        let sheet = match &read[0].result {
            Ok(p) => &p.value,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(sheet.company.nace.as_deref(), Some("C10"));
        assert_eq!(sheet.company.buyer.as_deref(), Some("Acheteur Alpha"));
        assert_eq!(sheet.company.tier.as_deref(), Some("3+"));

        let read = read_workbook(&filled(&template, &edits("Textile", "4")), q());
        let ps = problems(&read);
        let nace = ps
            .iter()
            .find(|p| matches!(p.kind, ProblemKind::InvalidNace { .. }))
            .expect("bad NACE reported");
        assert_eq!(
            nace.path,
            format!("{name}!B{}", row_of(CompanyField::Nace) + 1)
        );
        let tier = ps
            .iter()
            .find(|p| matches!(p.kind, ProblemKind::InvalidTier { .. }))
            .expect("bad tier reported");
        assert_eq!(
            tier.path,
            format!("{name}!B{}", row_of(CompanyField::Tier) + 1)
        );
    }
}

#[test]
fn suppliers_sheet_shows_each_buyers_cascade_per_tier_and_its_weak_links() {
    let suppliers = scored_dir("tests/fixtures/examples-1.0/examples-suppliers");
    let batch = &suppliers;
    let bytes = results_workbook(
        vigilance_core::registry::default_grid(),
        batch,
        &[],
        &opts(Lang::En),
    )
    .expect("workbook");
    let mut book = open(&bytes);
    let ws = book.worksheet_range("Suppliers").expect("Suppliers");
    let text = |r: u32, c: u32| match cell(&ws, r, c) {
        Data::String(s) => s,
        _ => String::new(),
    };
    for buyer in ["Acheteur Alpha SA", "Buyer Beta GmbH"] {
        let top = (0..ws.height() as u32)
            .find(|&r| text(r, 0).starts_with(&format!("Buyer: {buyer} (grid ")))
            .unwrap_or_else(|| panic!("no block for {buyer}"));
        let theirs: Vec<&ScoredSheet> = batch
            .iter()
            .filter(|s| s.sheet.company.buyer.as_deref() == Some(buyer))
            .collect();
        // Per tier, the headline row counts every supplier of that tier once.
        let mut r = top + 3;
        let mut counted = 0.0;
        while !text(r, 0).is_empty() {
            if text(r, 1) == "Headline" {
                let n: f64 = (3..8)
                    .map(|c| match cell(&ws, r, c) {
                        Data::Float(f) => f,
                        _ => 0.0,
                    })
                    .sum();
                assert_eq!(cell(&ws, r, 2), Data::Float(n), "row {r}");
                counted += n;
            }
            r += 1;
        }
        assert_eq!(counted as usize, theirs.len(), "{buyer}");
        // The suppliers below N2, and only they.
        let list = (r..ws.height() as u32)
            .find(|&x| text(x, 0).starts_with("Suppliers below N2"))
            .expect("weak links")
            + 2;
        let mut listed = Vec::new();
        let mut x = list;
        while !text(x, 0).is_empty() && !text(x, 0).starts_with("Buyer: ") {
            listed.push(text(x, 0));
            x += 1;
        }
        let mut weak: Vec<String> = theirs
            .iter()
            .filter(|s| s.assessment.headline_level < 2)
            .map(|s| s.sheet.company.name.clone())
            .collect();
        weak.sort();
        listed.sort();
        if weak.is_empty() {
            // An empty list says so rather than leaving a bare header.
            assert_eq!(
                listed,
                ["None: every supplier of this buyer reaches at least N2."],
                "{buyer}"
            );
        } else {
            assert_eq!(listed, weak, "{buyer}");
        }
    }
    // No buyer, no Suppliers sheet.
    let plain = results_workbook(q(), &self::batch(), &[], &opts(Lang::En)).expect("workbook");
    assert!(
        !open(&plain)
            .sheet_names()
            .contains(&"Suppliers".to_string())
    );
}

#[test]
fn cohort_quartiles_group_by_nace_section_when_given() {
    let mut b = batch();
    b[0].sheet.company.nace = Some("C10".into());
    b[1].sheet.company.nace = Some("C29".into());
    let bytes = results_workbook(q(), &b, &[], &opts(Lang::En)).expect("workbook");
    let cohort = open(&bytes).worksheet_range("Cohort").expect("Cohort");
    let scope_rows = |scope: &str| {
        (0..cohort.height() as u32)
            .filter(|&r| cell(&cohort, r, 0) == Data::String(scope.into()))
            .collect::<Vec<_>>()
    };
    let section = scope_rows("NACE C — Manufacturing");
    assert_eq!(section.len(), 8, "one row per track and level");
    // Alpha and Beta sit together in section C; the two others stay on their sector text.
    assert_eq!(cell(&cohort, section[0], 3), Data::Float(2.0));
    assert_eq!(
        cell(&cohort, scope_rows("Agroalimentaire")[0], 3),
        Data::Float(2.0)
    );
}
