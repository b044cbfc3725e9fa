//! `vigilance score` to Excel and CSV, and `vigilance template`, read back with calamine: sheet
//! names in both languages, one Summary row per company with the levels of the JSON result,
//! company texts stored as inert text, outputs written atomically, and a filled template scoring
//! like the equivalent JSON sheet.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test set-up: a failure here is a failed test.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::Path;
use vigilance_core::report::lean::LeanDocument;

mod common;
use common::{root, vigilance};

fn open(path: &Path) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = std::fs::read(path).unwrap();
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

fn json_results(args: &[&str]) -> LeanDocument {
    let out = vigilance()
        .args(["score", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A directory with the good fixtures plus a sheet whose company texts look like formulas.
fn batch_with_injection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["acme.json", "bolt.json"] {
        std::fs::copy(
            root().join("tests/fixtures/good").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let mut sheet: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/fixtures/good/acme.json")).unwrap(),
    )
    .unwrap();
    sheet["company"]["name"] = "=HYPERLINK(\"https://evil.example\",\"click\")".into();
    sheet["company"]["sector"] = "+cmd|' /C calc'!A0".into();
    std::fs::write(
        dir.path().join("injection.json"),
        serde_json::to_vec_pretty(&sheet).unwrap(),
    )
    .unwrap();
    dir
}

#[test]
fn workbook_sheets_rows_and_levels_in_both_languages() {
    let batch = batch_with_injection();
    let json = json_results(&[batch.path().to_str().unwrap()]);
    for (lang, names) in [
        (
            "en",
            [
                "Summary",
                "Cohort",
                "Themes",
                "Answers",
                "Next steps",
                "Method",
            ],
        ),
        (
            "fr",
            [
                "Synthèse",
                "Cohorte",
                "Thèmes",
                "Réponses",
                "Prochaines étapes",
                "Méthode",
            ],
        ),
    ] {
        let out_dir = tempfile::tempdir().unwrap();
        let path = out_dir.path().join("portfolio.xlsx");
        vigilance()
            .args(["score", "--lang", lang, "-o"])
            .arg(&path)
            .arg(batch.path())
            .assert()
            .success();
        let mut wb = open(&path);
        let sheet_names = wb.sheet_names();
        for n in names {
            assert!(
                sheet_names.iter().any(|s| s == n),
                "{lang}: no sheet {n} in {sheet_names:?}"
            );
        }
        assert!(
            !sheet_names.iter().any(|s| s == "Errors" || s == "Erreurs"),
            "no Errors sheet when every input was scored"
        );
        let summary = wb.worksheet_range(names[0]).unwrap();
        let rows: Vec<_> = summary.rows().collect();
        assert_eq!(
            rows.len(),
            1 + json.results.len(),
            "{lang}: one row per company"
        );
        let header: Vec<String> = rows[0].iter().map(text).collect();
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        let (company, level, source) = match lang {
            "en" => (col("Company"), col("Headline level"), col("Source")),
            _ => (col("Entreprise"), col("Niveau global"), col("Source")),
        };
        for row in &rows[1..] {
            let src = text(&row[source]);
            let r = json.results.iter().find(|r| r.source == src).unwrap();
            assert_eq!(text(&row[level]), r.headline_level.to_string(), "{src}");
            assert_eq!(text(&row[company]), r.company.name);
        }
        // The formula-looking company name is a plain string, not a formula.
        let injected = rows
            .iter()
            .find(|r| text(&r[company]).starts_with("=HYPERLINK"))
            .expect("the injected name is in the Summary");
        assert!(matches!(injected[company], Data::String(_)));
        let formulas = wb.worksheet_formula(names[0]).unwrap();
        assert!(
            formulas
                .used_cells()
                .all(|(_, _, f)| !f.contains("HYPERLINK") && !f.contains("cmd|")),
            "no company text became a formula"
        );
    }
}

#[test]
fn errors_sheet_lists_inputs_that_could_not_be_scored() {
    let out_dir = tempfile::tempdir().unwrap();
    let path = out_dir.path().join("r.xlsx");
    vigilance()
        .args([
            "score",
            "--lang",
            "en",
            "tests/fixtures/good",
            "tests/fixtures/bad",
            "-o",
        ])
        .arg(&path)
        .assert()
        .code(1);
    let mut wb = open(&path);
    let errors = wb.worksheet_range("Errors").unwrap();
    let all: String = errors
        .rows()
        .flat_map(|r| r.iter().map(text))
        .collect::<Vec<_>>()
        .join("|");
    for bad in [
        "malformed.json",
        "unknown-question.json",
        "invalid-value.json",
        "na-unjustified.json",
    ] {
        assert!(all.contains(bad), "{bad} missing from the Errors sheet");
    }
    assert_eq!(wb.worksheet_range("Summary").unwrap().rows().count(), 3);
}

#[test]
fn previous_campaign_adds_change_columns() {
    let out_dir = tempfile::tempdir().unwrap();
    let path = out_dir.path().join("r.xlsx");
    vigilance()
        .args([
            "score",
            "--lang",
            "en",
            "tests/fixtures/good",
            "--previous",
            "tests/fixtures/good/bolt.json",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    let mut wb = open(&path);
    let summary = wb.worksheet_range("Summary").unwrap();
    let header: Vec<String> = summary.rows().next().unwrap().iter().map(text).collect();
    assert!(
        header.iter().any(|h| h == "Change in headline level"),
        "{header:?}"
    );
}

#[test]
fn csv_summary_has_one_row_per_company_and_track() {
    let out = vigilance()
        .args([
            "score",
            "--lang",
            "en",
            "--format",
            "csv",
            "tests/fixtures/good",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 2 * 2, "{text}");
    assert!(lines[1].starts_with("Acme Agro SA,"));
}

#[test]
fn csv_delimiters_for_tools_and_for_excel_in_french() {
    let csv = |delimiter: &str| {
        let out = vigilance()
            .args([
                "score",
                "--lang",
                "fr",
                "--format",
                "csv",
                "--csv-delimiter",
            ])
            .args([delimiter, "tests/fixtures/good"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let rows = |text: &str, sep: u8| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(sep)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let comma = rows(&csv("comma"), b',');
    // Tab: the same cells.
    assert_eq!(rows(&csv("tab"), b'\t'), comma);
    // Semicolon: what Excel set to French opens by a double click: a byte-order mark, `;`
    // between fields and a decimal comma; the same cells otherwise.
    let french = csv("semicolon");
    assert!(
        french.starts_with("\u{FEFF}company;sector;country;"),
        "{french}"
    );
    let mut french = rows(french.trim_start_matches('\u{FEFF}'), b';');
    let score = &comma[1][8];
    assert!(score.contains('.'), "{:?}", comma[1]);
    assert_eq!(french[1][8], score.replace('.', ","));
    for row in &mut french {
        for cell in row.iter_mut() {
            if cell.parse::<f64>().is_err() && cell.replace(',', ".").parse::<f64>().is_ok() {
                *cell = cell.replace(',', ".");
            }
        }
    }
    assert_eq!(french, comma);
}

#[test]
fn output_format_follows_the_file_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, magic) in [
        ("r.xlsx", &b"PK"[..]),
        ("r.json", b"{"),
        ("r.csv", b"company"),
    ] {
        let path = dir.path().join(name);
        vigilance()
            .args(["score", "-q", "tests/fixtures/good", "-o"])
            .arg(&path)
            .assert()
            .success();
        assert!(std::fs::read(&path).unwrap().starts_with(magic), "{name}");
    }
}

#[test]
fn templates_in_both_layouts_and_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, matrix, sheet) in [
        ("en", false, "Answers"),
        ("fr", false, "Réponses"),
        ("en", true, "Matrix"),
        ("fr", true, "Matrice"),
    ] {
        let path = dir.path().join(format!("{lang}-{matrix}.xlsx"));
        let mut cmd = vigilance();
        cmd.args(["template", "--lang", lang, "-o"]).arg(&path);
        if matrix {
            cmd.arg("--matrix");
        }
        cmd.assert().success();
        let wb = open(&path);
        assert!(
            wb.sheet_names().iter().any(|s| s == sheet),
            "{lang} {matrix}: {:?}",
            wb.sheet_names()
        );
    }
}

/// Copies every sheet of a template into a new workbook, filling the answer column from a JSON
/// sheet: what a company does in Excel.
fn fill_answer_template(template: &Path, sheet: &serde_json::Value, out: &Path) {
    let mut src = open(template);
    let mut wb = rust_xlsxwriter::Workbook::new();
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name).unwrap();
        let ws = wb.add_worksheet();
        ws.set_name(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(text).collect()).collect();
        let header = rows
            .iter()
            .position(|r| r.iter().any(|c| c == "ID") && r.iter().any(|c| c == "Answer"));
        let col = |h: &str| header.and_then(|i| rows[i].iter().position(|c| c == h));
        for (i, row) in rows.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                let (r, c) = (r0 + i as u32, (c0 as usize + j) as u16);
                if !cell.is_empty() {
                    ws.write_string(r, c, cell).unwrap();
                }
            }
            // Company name: the cell right of the "Company" label.
            if let Some(j) = row.iter().position(|c| c == "Company") {
                let name = sheet["company"]["name"].as_str().unwrap();
                ws.write_string(r0 + i as u32, (c0 as usize + j + 1) as u16, name)
                    .unwrap();
            }
            if let (Some(h), Some(id_c), Some(track_c), Some(ans_c)) =
                (header, col("ID"), col("Track"), col("Answer"))
                && i > h
            {
                let track = vigilance_core::import::parse_track(
                    &row[track_c],
                    vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
                )
                .map(|t| t.code().to_string())
                .unwrap_or_default();
                let answer = &sheet["answers"][&row[id_c]][&track];
                let value = answer.as_str().or_else(|| answer["value"].as_str());
                if let Some(v) = value {
                    ws.write_string(r0 + i as u32, (c0 as usize + ans_c) as u16, v)
                        .unwrap();
                }
                if let (Some(ev), Some(ev_c)) = (
                    answer["evidence"].as_array(),
                    col("Evidence (one per line or separated by ;)"),
                ) {
                    let joined = ev
                        .iter()
                        .filter_map(|e| e.as_str())
                        .collect::<Vec<_>>()
                        .join("; ");
                    ws.write_string(r0 + i as u32, (c0 as usize + ev_c) as u16, &joined)
                        .unwrap();
                }
            }
        }
    }
    wb.save(out).unwrap();
}

#[test]
fn filled_template_scores_like_the_json_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.xlsx");
    // The fixture answers 1.0.0: a template of that version, which the filled workbook names.
    vigilance()
        .args([
            "template",
            "--questionnaire",
            "rhsf-fir@1.0.0",
            "--lang",
            "en",
            "-o",
        ])
        .arg(&template)
        .assert()
        .success();
    let json_path = root().join("tests/fixtures/good/acme.json");
    let sheet: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    let filled = dir.path().join("acme.xlsx");
    fill_answer_template(&template, &sheet, &filled);

    for mode in ["declarative", "substantiated"] {
        let from_json = json_results(&["--evidence-mode", mode, json_path.to_str().unwrap()]);
        let from_xlsx = json_results(&["--evidence-mode", mode, filled.to_str().unwrap()]);
        assert!(from_xlsx.errors.is_empty(), "{:?}", from_xlsx.errors);
        let (a, b) = (&from_json.results[0], &from_xlsx.results[0]);
        assert_eq!(a.company.name, b.company.name);
        assert_eq!(a.headline_level, b.headline_level, "{mode}");
        assert_eq!(a.tracks, b.tracks, "{mode}");
        assert_eq!(a.next_steps, b.next_steps, "{mode}");
    }
}

/// The same company for the same period given twice: both listed in Summary, counted once in
/// Cohort, with a warning naming both files.
#[test]
fn a_company_given_twice_is_listed_twice_and_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dup.xlsx");
    let out = vigilance()
        .args([
            "score",
            "--lang",
            "en",
            "tests/fixtures/examples-1.0/examples",
            "tests/fixtures/review/agrifood-sent-twice.json",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: tests/fixtures/review/agrifood-sent-twice.json: [VG-A17] this sheet holds the same company")
            && stderr.contains("as tests/fixtures/examples-1.0/examples/02-level0-agrifood.json"),
        "{stderr}"
    );
    let mut wb = open(&path);
    let summary = wb.worksheet_range("Summary").unwrap();
    assert_eq!(summary.rows().count(), 1 + 8);
    // Companies per level: the Headline column of the first grid's table sums to 7.
    let cohort = wb.worksheet_range("Cohort").unwrap();
    let (header_row, headline_col) = (0..cohort.height())
        .find_map(|r| {
            (0..cohort.width())
                .find(|&c| cohort.get((r, c)).map(text).as_deref() == Some("Headline"))
                .map(|c| (r, c))
        })
        .expect("a Headline column");
    let counted: f64 = (header_row + 1..=header_row + 5)
        .map(|r| match cohort.get((r, headline_col)) {
            Some(Data::Float(f)) => *f,
            Some(Data::Int(i)) => *i as f64,
            _ => 0.0,
        })
        .sum();
    assert_eq!(counted, 7.0);
}

#[test]
fn a_mixed_batch_gives_per_grid_cohort_blocks_a_suppliers_sheet_and_grid_columns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mixed.xlsx");
    let csv = dir.path().join("mixed.csv");
    for target in [&out, &csv] {
        vigilance()
            .args([
                "score",
                "--lang",
                "en",
                "-q",
                "tests/fixtures/examples-1.0/examples",
                "tests/fixtures/examples-1.0/examples-suppliers",
                "-o",
            ])
            .arg(target)
            .assert()
            .success();
    }
    let mut book = open(&out);
    let names = book.sheet_names();
    assert!(names.contains(&"Suppliers".to_string()), "{names:?}");
    let cohort = book.worksheet_range("Cohort").unwrap();
    let headings: Vec<String> = cohort
        .rows()
        .filter_map(|r| r.first().map(text))
        .filter(|t| t.starts_with("Grid "))
        .collect();
    assert_eq!(
        headings.len(),
        2,
        "one block per grid (rhsf-fir 1.0.0 and rhsf-fir-sme 1.0.0): {headings:?}"
    );
    let summary = book.worksheet_range("Summary").unwrap();
    let header: Vec<String> = summary.rows().next().unwrap().iter().map(text).collect();
    let gc = header.iter().position(|h| h == "Grid").unwrap();
    let grids: std::collections::BTreeSet<String> =
        summary.rows().skip(1).map(|r| text(&r[gc])).collect();
    assert_eq!(
        grids.into_iter().collect::<Vec<_>>(),
        ["rhsf-fir-sme@1.0.0", "rhsf-fir@1.0.0"]
    );
    let csv = std::fs::read_to_string(&csv).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let gi = header.iter().position(|h| *h == "grid").unwrap();
    assert_eq!(header[gi - 6..gi - 3], ["na", "na_share", "heavy_na"]);
    assert!(csv.contains(",rhsf-fir-sme@1.0.0,"));
    assert!(csv.contains(",rhsf-fir@1.0.0,"));
}

#[test]
fn a_dossier_gives_an_evidence_sheet_in_both_languages_with_stale_documents_marked() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, sheet, stale, fresh) in [
        ("en", "Evidence", "Yes", "No"),
        ("fr", "Preuves", "Oui", "Non"),
    ] {
        let path = dir.path().join(format!("dossier-{lang}.xlsx"));
        let out = vigilance()
            .current_dir(root())
            .args(["score", "--lang", lang, "-o"])
            .arg(&path)
            .arg("tests/fixtures/dossiers/acme-dossier.zip")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut wb = open(&path);
        let range = wb.worksheet_range(sheet).unwrap();
        let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(text).collect()).collect();
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[1][0], "Acme Agro SA");
        // After the 5 key columns (company, identifier, period, NACE section, sector group).
        let q02 = rows.iter().find(|r| r[5] == "Q02").unwrap();
        assert_eq!((q02[6].as_str(), q02[9].as_str()), ("FL", "2019-05-01"));
        assert_eq!(q02[11].len(), 12);
        assert_eq!(q02[12], stale);
        let q01 = rows.iter().find(|r| r[5] == "Q01").unwrap();
        assert_eq!(q01[12], fresh);
    }
}
