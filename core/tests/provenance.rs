//! Provenance stays visible: the README, docs/method.md and the answer templates (Instructions
//! sheet; the matrix's Questions sheet) carry the default grid's provenance text, which every
//! built-in grid carries in both languages (the web app, the workbook's Method sheet and
//! `vigilance questionnaire show` are checked by their own tests).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use vigilance_core::{Lang, registry};

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Folds line breaks and the `> ` of Markdown quotes, so that wrapped text compares as one line.
fn flat(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_start().trim_start_matches('>').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn readme_and_method_carry_the_provenance() {
    let en = &registry::default_grid().provenance.as_ref().unwrap().en;
    for doc in ["README.md", "docs/method.md"] {
        let text = flat(&read(doc));
        assert!(
            text.contains(en.as_str()),
            "{doc} lacks the provenance text"
        );
    }
    let method = flat(&read("docs/method.md"));
    let fr = &registry::default_grid().provenance.as_ref().unwrap().fr;
    assert!(
        method.contains(fr.as_str()),
        "docs/method.md lacks the French provenance"
    );
}

#[test]
fn every_builtin_grid_says_the_questions_are_not_endorsed() {
    for grid in registry::builtin_grids() {
        let p = grid.provenance.as_ref().unwrap();
        assert!(p.get(Lang::En).contains("not endorsed by RHSF or the FIR"));
        assert!(
            p.get(Lang::Fr)
                .contains("ni validés ni approuvés par RHSF ou le FIR")
        );
        assert!(
            !grid.title.get(Lang::En).starts_with("RHSF/FIR"),
            "{}",
            grid.name()
        );
    }
}

#[test]
fn templates_carry_the_provenance() {
    use calamine::{Reader, Xlsx};
    use vigilance_core::import::{answer_template, matrix_template};
    let grid = registry::default_grid();
    for lang in Lang::ALL {
        let p = grid.provenance.as_ref().unwrap().get(lang);
        let bytes = answer_template(grid, lang).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Instructions").unwrap();
        let cells: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
        assert!(cells.iter().any(|c| c == p), "answer template, {lang:?}");
        let bytes = matrix_template(grid, lang).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Questions").unwrap();
        let cells: Vec<String> = sheet.cells().map(|(_, _, c)| c.to_string()).collect();
        assert!(cells.iter().any(|c| c == p), "matrix, {lang:?}");
    }
}
