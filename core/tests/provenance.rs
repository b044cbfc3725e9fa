//! Provenance stays visible: the README and docs/method.md carry the default grid's provenance
//! text, which every built-in grid carries in both languages (the web app, the workbook, the
//! template and `vigilance questionnaire show` are checked by their own tests).

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
