//! The regulation texts a user reads are editorial (issue 23, defect 18): every built-in grid's
//! framework names, citations and notes, requirement titles, notes and `suspended` texts, and
//! mapping and bar notes say what a text is and its status as of a date, in both languages,
//! and never carry the verification trail ("not checked", « source secondaire »…), which lives
//! in docs/method.md ("Regulation mapping: sources and verification"), one row per framework.
//! The frozen grid 1.1.0 keeps the notes it was released with.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use vigilance_core::{Lang, Questionnaire, Text, registry};

/// Wording that belongs to the verification trail, not to a note a user relies on (lower case;
/// matched against the lower-cased text).
const TRAIL_WORDING: &[&str] = &[
    // French
    "non vérifi",
    "pas été vérifi",
    "pas vérifi",
    "vérifié le ",
    "vérifiée le ",
    "source secondaire",
    "sources secondaires",
    "d'après nos sources",
    "selon nos sources",
    "dans nos sources",
    "notre connaissance",
    "non relu",
    "relu sur",
    "relues sur",
    " lu sur",
    "n'a pas été lu",
    "pas été relu",
    // English
    "unverified",
    "not verified",
    "not been verified",
    "verified on",
    "not checked",
    "not been checked",
    "checked on ",
    "checked against",
    "secondary source",
    "our sources",
    "our knowledge",
    "not re-read",
    "re-read",
    " read on ",
    "not been read",
];

/// Grids released before issue 23 and frozen (docs/method.md): their notes stay as released.
const FROZEN: &[(&str, &str)] = &[("rhsf-fir", "1.1.0")];

/// Every regulation text of a grid a user reads, with where it is.
fn regulation_texts(grid: &Questionnaire) -> Vec<(String, &Text)> {
    let mut out = Vec::new();
    for f in &grid.frameworks {
        out.push((format!("{} name", f.id), &f.name));
        out.push((format!("{} citation", f.id), &f.citation));
        out.extend(f.note.iter().map(|n| (format!("{} note", f.id), n)));
        for r in &f.requirements {
            let at = format!("{} {}", f.id, r.reference);
            out.push((format!("{at} title"), &r.title));
            out.extend(r.note.iter().map(|n| (format!("{at} note"), n)));
            out.extend(r.suspended.iter().map(|n| (format!("{at} suspended"), n)));
        }
    }
    for q in &grid.questions {
        for m in &q.mappings {
            let at = format!("{} → {} {}", q.id, m.framework, m.reference);
            out.extend(m.note.iter().map(|n| (format!("{at} note"), n)));
            out.extend(m.bar.iter().map(|b| (format!("{at} bar note"), &b.note)));
        }
    }
    out
}

/// The trail wording `text` contains, in either language.
fn trail_in(text: &Text) -> Vec<(Lang, &'static str)> {
    let mut found = Vec::new();
    for lang in [Lang::Fr, Lang::En] {
        let lower = text.get(lang).to_lowercase().replace('’', "'");
        found.extend(
            TRAIL_WORDING
                .iter()
                .filter(|w| lower.contains(*w))
                .map(|w| (lang, *w)),
        );
    }
    found
}

fn is_frozen(grid: &Questionnaire) -> bool {
    FROZEN.contains(&(grid.id.as_str(), grid.version.as_str()))
}

#[test]
fn regulation_notes_carry_no_verification_trail() {
    let mut checked = 0;
    for grid in registry::builtin_grids().iter().filter(|g| !is_frozen(g)) {
        for (at, text) in regulation_texts(grid) {
            checked += 1;
            let found = trail_in(text);
            assert!(
                found.is_empty(),
                "{}@{} {at}: {found:?} belongs in docs/method.md, not in what users read",
                grid.id,
                grid.version
            );
        }
    }
    // The default grid's mapping alone has more than 200 texts: the loop did look at them.
    assert!(checked > 200, "{checked} texts checked");
}

#[test]
fn the_wording_list_catches_the_notes_it_was_written_for() {
    // The notes of grid 1.2.0 before issue 23, in both languages: each must be caught.
    let before = [
        Text::new(
            "La directive a été publiée au Journal officiel, d'après une source secondaire ; le texte consolidé n'a pas été lu.",
            "Published in the Official Journal, according to a secondary source; the consolidated text has not been read.",
        ),
        Text::new(
            "Termes finaux rapportés, non vérifiés.",
            "Final terms not checked against the published text.",
        ),
        Text::new(
            "Adoption définitive non vérifiée au 6 décembre 2026.",
            "Final adoption not verified on 6 December 2026.",
        ),
        Text::new(
            "Libellé d'après notre connaissance du texte ; numérotation non vérifiée.",
            "Wording from our knowledge of the text; numbering not checked.",
        ),
        Text::new(
            "Contenu non relu dans la version en vigueur.",
            "Content not re-read in the current version.",
        ),
    ];
    for text in &before {
        let found = trail_in(text);
        for lang in [Lang::Fr, Lang::En] {
            assert!(
                found.iter().any(|(l, _)| *l == lang),
                "not caught in {lang:?}: {}",
                text.get(lang)
            );
        }
    }
    // Editorial wording that must pass: a date, a status, where the text is read.
    let editorial = Text::new(
        "État au 6 décembre 2026 : la Commission vérifie… ; le texte consolidé se lit sur EUR-Lex. Vérification indépendante.",
        "As of 6 December 2026; the consolidated text is on EUR-Lex. Independent verification.",
    );
    assert_eq!(trail_in(&editorial), []);
}

#[test]
fn frozen_grids_still_need_their_exemption() {
    // A frozen grid is exempt only while it does carry trail wording (when it no longer does,
    // drop it from FROZEN so that the rule covers it).
    for (id, version) in FROZEN {
        let grid = registry::find(id, version).expect("the frozen grid is built in");
        assert!(
            regulation_texts(grid)
                .iter()
                .any(|(_, t)| !trail_in(t).is_empty()),
            "{id}@{version} no longer needs its exemption"
        );
    }
}

#[test]
fn method_keeps_the_verification_trail_of_every_framework() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/method.md");
    let method = std::fs::read_to_string(&path).unwrap();
    let heading = "## Regulation mapping: sources and verification";
    let start = method
        .find(heading)
        .expect("docs/method.md has the trail section");
    let section = &method[start + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let grid = registry::default_grid();
    assert!(!grid.frameworks.is_empty());
    for f in &grid.frameworks {
        assert!(
            section.contains(&format!("\n| {} |", f.id)),
            "docs/method.md's trail has no row for {}",
            f.id
        );
    }
    // Every requirement the grid annotates has its row too.
    for f in &grid.frameworks {
        for r in f
            .requirements
            .iter()
            .filter(|r| r.note.is_some() || r.suspended.is_some())
        {
            assert!(
                section.contains(&format!("\n| {} | {} |", f.id, r.reference)),
                "docs/method.md's trail has no row for {} {}",
                f.id,
                r.reference
            );
        }
    }
}

/// Words that say a requirement's `ref` is written in English: the default grid must then give
/// it a French reading label (« Étape 1 », « Annexe, partie I (travail des enfants) »), shown by
/// the web app, the campaign review and `questionnaire show`.
const ENGLISH_IN_REFS: &[&str] = &[
    "Step",
    "GP ",
    "Annex",
    "Part",
    "Database",
    "Declaration",
    "recruitment",
    "information",
    "subpara",
    "no. ",
];

#[test]
fn every_english_worded_reference_of_the_default_grid_reads_in_french() {
    let grid = registry::default_grid();
    let mut labelled = 0;
    for f in &grid.frameworks {
        for r in &f.requirements {
            let english = ENGLISH_IN_REFS.iter().any(|w| r.reference.contains(w));
            if let Some(label) = &r.label {
                labelled += 1;
                // The English label is the reference itself: the workbook and the JSON results
                // show `ref`, and an English reader must see the same words everywhere.
                assert_eq!(label.get(Lang::En), r.reference, "{} {}", f.id, r.reference);
                assert_ne!(label.get(Lang::Fr), r.reference, "{} {}", f.id, r.reference);
                assert_eq!(r.shown(Lang::Fr), label.get(Lang::Fr));
            } else {
                assert!(
                    !english,
                    "{} {}: an English-worded reference with no French label",
                    f.id, r.reference
                );
                assert_eq!(r.shown(Lang::Fr), r.reference);
            }
        }
    }
    assert!(labelled >= 30, "{labelled} labels");
}
