//! The campaign review of the example companies: the whole HTML snapshot-tested in French and
//! in English (2025 sheets compared with the 2024 ones, with the example targets), what the
//! anonymised edition must never contain, and how targets and duplicates come out.
//!
//! Update the snapshots after an intended change with `INSTA_UPDATE=always cargo test -p
//! vigilance-core --test review`, then review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use vigilance_core::migrate::migrate;
use vigilance_core::registry;
use vigilance_core::report::review::{
    CompanyResult, Review, ReviewOptions, ReviewWarning, Target, build_review, parse_targets,
};
use vigilance_core::{AnswerSheet, Lang, Questionnaire, ScoringOptions, score};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The sheets of a directory of the repository, each parsed with the grid it names, in
/// file-name order.
fn sheets(dir: &str) -> Vec<(String, &'static Questionnaire, AnswerSheet)> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let (id, version) = registry::peek_questionnaire(&text).unwrap();
            let q = registry::for_sheet(&id, &version).unwrap();
            let sheet = AnswerSheet::parse(&text, q)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
                .value;
            let name = format!("{dir}/{}", p.file_name().unwrap().to_string_lossy());
            (name, q, sheet)
        })
        .collect()
}

fn result(source: String, q: &'static Questionnaire, sheet: AnswerSheet) -> CompanyResult {
    CompanyResult {
        source,
        grid: q,
        assessment: score(q, &sheet, &ScoringOptions::default()),
        company: sheet.company,
        period: sheet.period,
    }
}

/// The sheets of a directory, scored on the grid each names.
fn scored(dir: &str) -> Vec<CompanyResult> {
    sheets(dir)
        .into_iter()
        .map(|(source, q, sheet)| result(source, q, sheet))
        .collect()
}

/// The sheets of a directory moved to grid 1.1.0 (new questions left unanswered), scored on it:
/// this year's campaign, compared with last year's on 1.0.0.
fn scored_on_1_1(dir: &str) -> Vec<CompanyResult> {
    let to = registry::find("rhsf-fir", "1.1.0").unwrap();
    sheets(dir)
        .into_iter()
        .map(|(source, from, sheet)| {
            let moved = migrate(&sheet, from, to).unwrap().sheet;
            result(source, to, moved)
        })
        .collect()
}

fn example_targets() -> Vec<Target> {
    let text = std::fs::read_to_string(root().join("questionnaires/examples-targets.csv")).unwrap();
    parse_targets(&text).unwrap()
}

/// The review of this year's examples, moved to grid 1.1.0 (so provisional: its new questions
/// are unanswered), compared with last year's on 1.0.0, with the example targets.
fn review(lang: Lang, anonymize: bool) -> Review {
    review_of(
        scored_on_1_1("tests/fixtures/examples-1.0/examples"),
        lang,
        anonymize,
    )
}

/// The review of this year's examples as they are (grid 1.0.0), compared with last year's.
fn review_1_0(lang: Lang, anonymize: bool) -> Review {
    review_of(
        scored("tests/fixtures/examples-1.0/examples"),
        lang,
        anonymize,
    )
}

fn review_of(current: Vec<CompanyResult>, lang: Lang, anonymize: bool) -> Review {
    build_review(
        registry::default_grid(),
        current,
        Some(scored("tests/fixtures/examples-1.0/examples-2024")),
        &example_targets(),
        &ReviewOptions {
            lang,
            anonymize,
            date: "2026-09-21".into(),
            tool_version: "vigilance (test)".into(),
        },
    )
}

#[test]
fn review_of_the_examples_in_french() {
    let r = review(Lang::Fr, false);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    insta::assert_snapshot!("review_fr", r.html);
}

#[test]
fn review_of_the_examples_in_english() {
    let r = review(Lang::En, false);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    insta::assert_snapshot!("review_en", r.html);
}

#[test]
fn anonymised_review_of_the_examples_in_english() {
    let r = review(Lang::En, true);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    insta::assert_snapshot!("review_anonymised_en", r.html);
}

#[test]
fn the_file_is_self_contained() {
    for lang in Lang::ALL {
        let html = review(lang, false).html;
        assert!(!html.contains("<script"), "no script");
        for reference in ["http://", "https://", "src=", "href=", "url(", "@import"] {
            let hits: Vec<&str> = html
                .match_indices(reference)
                .map(|(i, _)| &html[i.saturating_sub(40)..(i + 40).min(html.len())])
                .filter(|context| !context.contains("xmlns=\"http://www.w3.org/2000/svg\""))
                .collect();
            assert!(hits.is_empty(), "external reference {reference}: {hits:?}");
        }
    }
}

/// Every text a company supplied in its sheets (both campaigns), and the sources' names.
fn company_texts() -> Vec<String> {
    company_texts_of(&[
        "tests/fixtures/examples-1.0/examples",
        "tests/fixtures/examples-1.0/examples-2024",
    ])
}

/// Every text a company supplied in the sheets of `dirs`, and the sources' names.
fn company_texts_of(dirs: &[&str]) -> Vec<String> {
    let mut texts = Vec::new();
    for dir in dirs {
        for (source, _, sheet) in sheets(dir) {
            texts.push(source.rsplit('/').next().unwrap().to_string());
            texts.push(sheet.company.name.clone());
            texts.extend(sheet.company.id.clone());
            // Every example company is alone in its sector: no sector text may appear.
            texts.extend(sheet.company.sector.clone());
            // The buyer a supplier answers for is company text too. (A NACE code is not: its
            // section label is the standard's, and groups of fewer than 3 are merged.)
            texts.extend(sheet.company.buyer.clone());
            for tracks in sheet.answers.values() {
                for answer in [&tracks.cl, &tracks.fl].into_iter().flatten() {
                    texts.extend(answer.comment.clone());
                    texts.extend(answer.justification.clone());
                    texts.extend(answer.evidence.iter().cloned());
                }
            }
        }
    }
    for t in example_targets() {
        texts.push(t.company);
    }
    texts.retain(|t| !t.trim().is_empty());
    texts.sort();
    texts.dedup();
    texts
}

/// The HTML's escaping of a text, as it would appear if leaked.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn the_anonymised_review_leaks_no_company_text() {
    let texts = company_texts();
    assert!(texts.len() > 300, "the search covers the free texts");
    for lang in Lang::ALL {
        let r = review(lang, true);
        let html = r.html.to_lowercase();
        for t in &texts {
            for form in [t.clone(), escaped(t)] {
                assert!(
                    !html.contains(&form.to_lowercase()),
                    "{lang:?}: the anonymised review contains “{form}”"
                );
            }
        }
        // Names are also searched word by word (a distinctive word would identify).
        for word in [
            "morvanne",
            "vernaison",
            "valmorel",
            "castelmoron",
            "saint-clair",
            "rhône-durance",
            "garance",
        ] {
            assert!(!html.contains(word), "{lang:?}: {word}");
        }
    }
}

#[test]
fn the_full_review_names_companies_but_no_free_text() {
    let html = review(Lang::En, false).html;
    assert!(html.contains("Castelmoron Construction International SA"));
    assert!(html.contains("Garance &amp; Ferrier Prêt-à-Porter SAS"));
    // Comments and evidence are never shown, even in the full review.
    for (_, _, sheet) in sheets("tests/fixtures/examples-1.0/examples") {
        for tracks in sheet.answers.values() {
            for answer in [&tracks.cl, &tracks.fl].into_iter().flatten() {
                if let Some(c) = &answer.comment {
                    assert!(!html.contains(&escaped(c)), "comment shown: {c}");
                }
            }
        }
    }
}

/// The rows of the targets table in the full review: (company, track, status).
fn target_rows(html: &str) -> Vec<String> {
    let start = html.find("<section id=\"targets\">").unwrap();
    let end = start + html[start..].find("</section>").unwrap();
    html[start..end]
        .split("<tr>")
        .skip(2)
        .map(|row| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in row.chars() {
                match c {
                    '<' => {
                        in_tag = true;
                        text.push(' ');
                    }
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn targets_are_rated_reached_on_track_or_behind() {
    let rows = target_rows(&review_1_0(Lang::En, false).html);
    let expected = [
        // Not started in 2024 and 2025; one level to gain by 2026: on track.
        "Ateliers Morvanne Industrie SAS Headline level N1 2026 N0 → on track",
        // Deadline 2025 reached at N2 instead of N3.
        "Castelmoron Construction International SA Headline level N3 2025 N2 ✗ behind (deadline reached)",
        // One level to gain by 2027, but the track dropped from N3 since 2024.
        "Castelmoron Construction International SA Forced labour N3 2027 N2 ✗ behind (dropped since the previous campaign)",
        "Énergies Rhône-Durance SA Headline level N4 2026 N4 ✓ reached",
        // New this campaign: no previous level, one level to gain in two years.
        "Garance &amp; Ferrier Prêt-à-Porter SAS Forced labour N2 2027 N1 → on track",
        // Two levels to gain in one year.
        "Groupe Vernaison Chocolats SA Child labour N2 2026 N0 ✗ behind (more than one level a year still needed)",
        "Saint-Clair Hospitality Group SA Child labour N3 2025-12-31 N3 ✓ reached",
        "Saint-Clair Hospitality Group SA Forced labour N3 2026 N2 → on track",
        "Valmorel Automotive Systems SE Headline level N2 2027 N1 → on track",
    ];
    assert_eq!(rows, expected);
}

#[test]
fn anonymised_targets_are_counted_not_named() {
    let html = review_1_0(Lang::En, true).html;
    let start = html.find("<section id=\"targets\">").unwrap();
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(section.contains("<tr><td>Child labour</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">2</td></tr>"), "{section}");
    assert!(section.contains("<tr><td>Headline level</td><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">4</td></tr>"), "{section}");
}

#[test]
fn a_target_for_an_unknown_company_is_a_warning() {
    let targets = parse_targets("company,track,target,deadline\nNobody SA,CL,N2,2027\n").unwrap();
    let r = build_review(
        registry::default_grid(),
        scored("tests/fixtures/examples-1.0/examples"),
        None,
        &targets,
        &ReviewOptions::default(),
    );
    assert_eq!(
        r.warnings,
        vec![ReviewWarning::TargetWithoutCompany {
            line: 2,
            company: "Nobody SA".into()
        }]
    );
    let fr = r.warnings[0].message("targets.csv", Lang::Fr);
    let en = r.warnings[0].message("targets.csv", Lang::En);
    assert!(fr.starts_with("targets.csv, ligne 2"), "{fr}");
    assert!(en.starts_with("targets.csv, line 2"), "{en}");
}

#[test]
fn a_company_given_twice_for_a_period_is_counted_once() {
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    let mut copy = current[1].clone();
    copy.source = "copies/agrifood.json".into();
    // Same identifier, other spelling of the name: still the same company.
    copy.company.name = "GROUPE  Vernaison Chocolats SA".into();
    current.push(copy);
    let r = build_review(
        registry::default_grid(),
        current,
        None,
        &[],
        &ReviewOptions::default(),
    );
    assert_eq!(r.companies, 7);
    assert_eq!(r.warnings.len(), 1);
    let m = r.warnings[0].message("", Lang::En);
    assert!(
        m.contains("copies/agrifood.json")
            && m.contains("tests/fixtures/examples-1.0/examples/02-level0-agrifood.json"),
        "{m}"
    );
    // The same company in another period is not a duplicate.
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    let mut other = current[1].clone();
    other.period = Some("2026".into());
    current.push(other);
    let r = build_review(
        registry::default_grid(),
        current,
        None,
        &[],
        &ReviewOptions::default(),
    );
    assert_eq!((r.companies, r.warnings.len()), (8, 0));
}

#[test]
fn company_texts_are_escaped() {
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    current[0].company.name = "<script>alert('x')</script> & Co".into();
    current[0].company.sector = Some("<img src=x onerror=alert(1)>".into());
    let html = build_review(
        registry::default_grid(),
        current,
        None,
        &[],
        &ReviewOptions::default(),
    )
    .html;
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
}

#[test]
fn small_sector_groups_are_merged_when_anonymised() {
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    // Grouped by sector text: the examples' NACE codes are left out here.
    for r in current.iter_mut() {
        r.company.nace = None;
    }
    for r in current.iter_mut().take(4) {
        r.company.sector = Some("Textile".into());
    }
    let html = build_review(
        registry::default_grid(),
        current,
        None,
        &[],
        &ReviewOptions {
            anonymize: true,
            lang: Lang::En,
            ..ReviewOptions::default()
        },
    )
    .html;
    // The group of four is shown by its sector; the three others are merged.
    assert!(html.contains("<tr><td>Textile</td><td class=\"num\">4</td>"));
    assert!(html.contains("<tr><td>Other sectors</td><td class=\"num\">3</td>"));
}

/// A campaign of three grids: five examples on 1.0.0, two moved to 1.1.0, and the suppliers'
/// sheets on the light grid.
fn mixed_campaign() -> Vec<CompanyResult> {
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    let moved = scored_on_1_1("tests/fixtures/examples-1.0/examples");
    for k in [3, 5] {
        current[k] = moved[k].clone();
    }
    current.extend(scored("tests/fixtures/examples-1.0/examples-suppliers"));
    current
}

/// The text of a section of the review, its tags left out.
fn section_text(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("section {id}"));
    let end = start + html[start..].find("</section>").unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn levels_of_different_grids_are_never_mixed() {
    let html = build_review(
        registry::default_grid(),
        mixed_campaign(),
        Some(scored("tests/fixtures/examples-1.0/examples-2024")),
        &[],
        &ReviewOptions {
            lang: Lang::En,
            ..ReviewOptions::default()
        },
    )
    .html;
    // The cover lists every grid and version with its companies.
    let cover = &html[..html.find("</header>").unwrap()];
    for grid in [
        "(rhsf-fir 1.0.0) — 5 companies",
        "(rhsf-fir 1.1.0) — 2 companies",
        "(rhsf-fir-sme 1.0.0) — 5 companies",
    ] {
        assert!(cover.contains(grid), "{grid}: {cover}");
    }
    // Two parts: the full grid's seven companies (two versions, said so), then the light
    // grid's five, each with its own figures.
    assert!(html.contains("(rhsf-fir) — 7 companies</h2>"));
    assert!(html.contains("(rhsf-fir-sme) — 5 companies</h2>"));
    assert!(html.contains(
        "The figures of this part combine several versions of grid rhsf-fir: 1.0.0 (5 companies), 1.1.0 (2 companies)."
    ));
    let first = section_text(&html, "key-figures");
    let second = section_text(&html, "key-figures-2");
    assert!(
        first.starts_with("Key figures 7 companies assessed"),
        "{first}"
    );
    assert!(
        second.starts_with("Key figures 5 companies assessed"),
        "{second}"
    );
    // Last year's sheets are all on the full grid: only its part has transitions, and they
    // say that versions are compared by level.
    assert!(
        section_text(&html, "transitions").contains("comparisons across versions compare levels")
    );
    assert!(!html.contains("<section id=\"transitions-2\">"));
    // Coverage is shown for the version that maps its questions, over its two companies only.
    let coverage = section_text(&html, "regulations");
    assert!(
        coverage.contains("Grid rhsf-fir 1.1.0 — 2 companies."),
        "{coverage}"
    );
    // Each company page names its grid.
    assert!(html.contains("Grid: rhsf-fir-sme 1.0.0"));
}

/// The review counts companies with the plural rule of its language (it used `n == 1` in both,
/// hence « 0 entreprises »): « 1 entreprise », « 6 entreprises »; "1 company", "6 companies".
/// A cohort is never empty: « 0 entreprise » is checked on the catalogue entry itself.
#[test]
fn companies_are_counted_with_the_plural_rule_of_the_language() {
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    current[3] = scored_on_1_1("tests/fixtures/examples-1.0/examples")[3].clone();
    for (lang, one, many) in [
        (
            Lang::Fr,
            "(rhsf-fir 1.1.0) — 1 entreprise<",
            "(rhsf-fir 1.0.0) — 6 entreprises<",
        ),
        (
            Lang::En,
            "(rhsf-fir 1.1.0) — 1 company<",
            "(rhsf-fir 1.0.0) — 6 companies<",
        ),
    ] {
        let html = build_review(
            registry::default_grid(),
            current.clone(),
            None,
            &[],
            &ReviewOptions {
                lang,
                ..ReviewOptions::default()
            },
        )
        .html;
        let cover = &html[..html.find("</header>").unwrap()];
        assert!(cover.contains(one), "{one}: {cover}");
        assert!(cover.contains(many), "{many}: {cover}");
    }
    assert_eq!(
        vigilance_core::Review::Companies.count(Lang::Fr, 0, &[]),
        "0 entreprise"
    );
    assert_eq!(
        vigilance_core::Review::Companies.count(Lang::En, 0, &[]),
        "0 companies"
    );
}

#[test]
fn company_pages_sum_up_coverage_per_framework() {
    let html = review(Lang::En, false).html;
    let page = &html[html.find("<h2>Énergies Rhône-Durance SA</h2>").unwrap()..];
    let page = &page[..page.find("</section>").unwrap()];
    // Scored in declarative mode: labelled self-declared.
    assert!(
        page.contains("<h3>Regulation coverage (requirements) <span class=\"self-declared\">(self-declared)</span></h3>"),
        "{page}"
    );
    assert!(page.contains("<tr><td><abbr title=\"French duty of vigilance\">FR-DV</abbr></td><td class=\"num cov-all_full\">"), "{page}");
    // Frameworks that only inform show the linked answers given, never a status.
    assert!(page.contains("<abbr title=\"ILO conventions and indicators\">ILO</abbr></td><td class=\"informs\" colspan=\"5\">informs the text:") || page.contains("<td class=\"informs\" colspan=\"5\">informs the text:"), "{page}");
    assert!(page.contains("not a legal opinion") || page.contains("neither a legal opinion"));
    // The anonymised edition has no company pages, but the cohort coverage and the annex's
    // citations.
    let anon = review(Lang::En, true).html;
    assert!(!anon.contains("<h3>Regulation coverage (requirements)"));
    assert!(anon.contains("<section id=\"regulations\">"));
    assert!(anon.contains("Directive (EU) 2024/1760"));
}

#[test]
fn the_anonymised_review_of_suppliers_leaks_no_buyer_or_company_text() {
    let texts = company_texts_of(&[
        "tests/fixtures/examples-1.0/examples",
        "tests/fixtures/examples-1.0/examples-suppliers",
    ]);
    assert!(
        texts.iter().any(|t| t == "Buyer Beta GmbH"),
        "buyers are searched"
    );
    for lang in Lang::ALL {
        let html = build_review(
            registry::default_grid(),
            mixed_campaign(),
            None,
            &[],
            &ReviewOptions {
                lang,
                anonymize: true,
                ..ReviewOptions::default()
            },
        )
        .html
        .to_lowercase();
        for t in &texts {
            for form in [t.clone(), escaped(t)] {
                assert!(
                    !html.contains(&form.to_lowercase()),
                    "{lang:?}: the anonymised review contains “{form}”"
                );
            }
        }
        for word in ["alpha", "beta gmbh", "acheteur alpha"] {
            assert!(!html.contains(word), "{lang:?}: {word}");
        }
    }
    // Two companies on 1.1.0: its coverage figures are theirs, and the author is told.
    let r = build_review(
        registry::default_grid(),
        mixed_campaign(),
        None,
        &[],
        &ReviewOptions {
            anonymize: true,
            ..ReviewOptions::default()
        },
    );
    assert_eq!(
        r.warnings,
        vec![ReviewWarning::FewOnGrid {
            grid: "rhsf-fir 1.1.0".into(),
            count: 2
        }]
    );
    assert!(
        r.warnings[0]
            .message("", Lang::En)
            .contains("fewer than 3 companies (2) are assessed on grid rhsf-fir 1.1.0")
    );
}

#[test]
fn sectors_group_by_nace_section_when_companies_state_one() {
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    // Three manufacturers (food, vehicles, clothing: section C), one hotel (I); the others have
    // their sector text only.
    for r in current.iter_mut() {
        r.company.nace = None;
    }
    for (k, code) in [(1, "C10"), (2, "C29"), (6, "C14"), (4, "I55")] {
        current[k].company.nace = Some(code.into());
    }
    let full = build_review(
        registry::default_grid(),
        current.clone(),
        None,
        &[],
        &ReviewOptions {
            lang: Lang::En,
            ..ReviewOptions::default()
        },
    )
    .html;
    let sectors = section_text(&full, "sectors");
    assert!(sectors.contains("NACE C — Manufacturing 3"), "{sectors}");
    assert!(
        sectors.contains("NACE I — Accommodation and food service activities 1"),
        "{sectors}"
    );
    assert!(
        full.contains("NACE: C29 — "),
        "the company page names its division"
    );
    // Anonymised: the section of three stays, the small groups merge; the heat map follows.
    let anon = build_review(
        registry::default_grid(),
        current,
        None,
        &[],
        &ReviewOptions {
            lang: Lang::Fr,
            anonymize: true,
            ..ReviewOptions::default()
        },
    )
    .html;
    let sectors = section_text(&anon, "sectors");
    assert!(
        sectors.contains("NACE C — Industrie manufacturière 3"),
        "{sectors}"
    );
    assert!(sectors.contains("Autres secteurs 4"), "{sectors}");
    let themes = section_text(&anon, "themes");
    assert!(
        themes.contains("NACE C — Industrie manufacturière"),
        "{themes}"
    );
    assert!(!themes.contains("NACE I"), "{themes}");
}

#[test]
fn a_company_assessed_on_another_grid_last_time_is_found_but_not_compared() {
    // Ateliers Morvanne (EXAMPLE-0001) answered the full grid in 2024 and the light grid now.
    let mut current = scored("tests/fixtures/examples-1.0/examples");
    current.remove(0);
    let mut light = scored("tests/fixtures/examples-1.0/examples-suppliers").remove(0);
    light.company.id = Some("EXAMPLE-0001".into());
    light.company.name = "Ateliers Morvanne Industrie SAS".into();
    current.push(light);
    for (lang, said) in [
        (
            Lang::En,
            "In the previous campaign (2024), this company was assessed on another grid (rhsf-fir 1.0.0): its levels are not compared.",
        ),
        (
            Lang::Fr,
            // French typography: a no-break space before the colon.
            "Lors de la campagne précédente (2024), cette entreprise a été évaluée sur une autre grille (rhsf-fir 1.0.0)\u{a0}: ses niveaux ne sont pas comparés.",
        ),
    ] {
        let html = build_review(
            registry::default_grid(),
            current.clone(),
            Some(scored("tests/fixtures/examples-1.0/examples-2024")),
            &[],
            &ReviewOptions {
                lang,
                ..ReviewOptions::default()
            },
        )
        .html;
        assert!(html.contains(said), "{lang:?}: not said");
        // It is not counted as a company new to the campaign either.
        let start = html
            .find("Ateliers Morvanne Industrie SAS</h2>")
            .expect("its section");
        let section = &html[start..start + html[start..].find("</section>").expect("end")];
        assert!(
            !section.contains("not in the previous campaign"),
            "{section}"
        );
        assert!(
            !section.contains("ne figure pas dans la campagne précédente"),
            "{section}"
        );
    }
}
