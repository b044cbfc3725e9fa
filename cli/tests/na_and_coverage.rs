//! Issue 18 in the command's output: `score` reports the heavy-N/A warning (VG-A18) of the sheet
//! that answers its critical questions `yes` and everything else `na`, on standard error and in
//! the JSON; `questionnaire show --mappings` gives each framework's kind, says that indicators,
//! instruments and product rules only inform, shows the grid's notes, and uses no conformity
//! word, in either language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{document, vigilance};

const SHEET: &str = "tests/fixtures/na/critical-yes-rest-na.json";

#[test]
fn score_reports_the_heavy_na_warning_in_both_languages() {
    for (lang, words) in [
        (
            "en",
            "\"not applicable\" answers leave out 66.7 % of the question weight of level N1 (CL)",
        ),
        (
            "fr",
            "les réponses «\u{202f}sans objet\u{202f}» écartent 66,7\u{a0}% du poids des questions du niveau N1 (CL)",
        ),
    ] {
        let out = vigilance()
            .args(["score", "--lang", lang, "--format", "json", SHEET])
            .assert()
            .success()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.matches("[VG-A18]").count(), 8, "{stderr}");
        assert!(stderr.contains(words), "{stderr}");
        let doc = document(&out.stdout);
        assert_eq!(doc.format, "vigilance.results/2");
        let r = &doc.results[0];
        assert_eq!(
            r.headline_level, 4,
            "1.1.0 has no na_limits: the levels stand"
        );
        assert_eq!(r.warnings.iter().filter(|w| w.code == "VG-A18").count(), 8);
    }
    // The CSV summary names the levels.
    let out = vigilance()
        .args(["score", "--format", "csv", "-q", SHEET])
        .assert()
        .success()
        .get_output()
        .clone();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.matches(",N1 N2 N3 N4,").count(), 2, "{csv}");
}

/// The conformity words of `lang`, as words of `text`.
fn conformity_words(text: &str, lang: &str) -> Vec<String> {
    let banned: &[&str] = match lang {
        "en" => &["met"],
        _ => &[
            "satisfaite",
            "satisfaites",
            "remplie",
            "remplies",
            "conforme",
            "conformes",
        ],
    };
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .map(str::to_lowercase)
        .filter(|w| banned.contains(&w.as_str()))
        .collect()
}

#[test]
fn show_mappings_gives_kinds_notes_and_no_conformity_word() {
    for (lang, heading, informs, note) in [
        (
            "en",
            "Regulation coverage",
            "Kind: investor indicators — For this kind of text the linked answers inform it: no status is given.",
            "· Q04: First screening only",
        ),
        (
            "fr",
            "Couverture réglementaire",
            "Nature : indicateurs des investisseurs — Pour ce type de texte, les réponses liées l'éclairent : aucun statut n'est donné.",
            "· Q04 : Premier repérage seulement",
        ),
    ] {
        let out = vigilance()
            .args([
                "questionnaire",
                "show",
                "--mappings",
                "--width",
                "200",
                "--lang",
                lang,
                "--questionnaire",
                "rhsf-fir@1.1.0",
            ])
            .assert()
            .success()
            .get_output()
            .clone();
        let text = String::from_utf8(out.stdout).unwrap();
        let coverage = &text[text.find(heading).unwrap()..];
        assert!(coverage.contains(informs), "{lang}");
        assert!(coverage.contains(note), "{lang}: {coverage}");
        assert_eq!(
            coverage.matches("— For this kind of text").count()
                + coverage.matches("— Pour ce type de texte").count(),
            3,
            "SFDR, ILO, EU-FLR"
        );
        assert_eq!(
            conformity_words(coverage, lang),
            Vec::<String>::new(),
            "{lang}"
        );
    }
}
