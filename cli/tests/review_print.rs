//! The campaign review printed as a reader would: headless Chromium prints the HTML to an A4
//! PDF, and `pdftotext` says what landed on each page. Checks that no chart or heat map is cut
//! across two pages, that each company has exactly one page of its own, that no page is nearly
//! empty, and the page count — on grid 1.0.0, and on the examples moved to 1.1.0 (regulation
//! coverage pages, a coverage table on each company page). The company summaries
//! (`report --company`) of the seven examples print to exactly one A4 page each, in French and
//! English. One test, without printing, checks that a campaign of several grids is reviewed
//! grid by grid.
//!
//! To find where a block starts and ends, the test adds zero-height marker lines (which do not
//! move anything) as the first and last child of every figure and company section of the file
//! the command wrote, then prints that copy.
//!
//! Needs Chromium (`/usr/bin/chromium`, or `$CHROMIUM`) and poppler's `pdftotext`;
//! `scripts/setup.sh` installs both.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use std::path::Path;

mod common;
use common::root;

fn chromium() -> String {
    let c = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&c).exists(),
        "this test prints the review with Chromium, not found at {c}: run scripts/setup.sh (or set CHROMIUM)"
    );
    c
}

/// `html` with a marker line at the start and the end of every figure and company page.
fn with_markers(html: &str) -> (String, usize, usize) {
    let css = ".mk{height:0;overflow:visible;font-size:3px;line-height:3px;color:#fff;white-space:nowrap}";
    let mut out = html.replacen("</style>", &format!("{css}</style>"), 1);
    let mut figures = 0;
    while let Some(i) = out.find("<figure>") {
        out.replace_range(
            i..i + "<figure>".len(),
            &format!("<figure data-m><div class=\"mk\">mkfig{figures}start</div>"),
        );
        let j = i + out[i..].find("</figure>").unwrap();
        out.replace_range(
            j..j + "</figure>".len(),
            &format!("<div class=\"mk\">mkfig{figures}end</div></figure>"),
        );
        figures += 1;
    }
    let mut companies = 0;
    let open = "<section class=\"company\">";
    while let Some(i) = out.find(open) {
        out.replace_range(
            i..i + open.len(),
            &format!(
                "<section class=\"company\" data-m><div class=\"mk\">mkco{companies}start</div>"
            ),
        );
        let j = i + out[i..].find("</section>").unwrap();
        out.replace_range(
            j..j + "</section>".len(),
            &format!("<div class=\"mk\">mkco{companies}end</div></section>"),
        );
        companies += 1;
    }
    (out, figures, companies)
}

/// The text of each page of the PDF that Chromium prints from `html`.
fn print(html: &str, dir: &Path, name: &str) -> Vec<String> {
    let page = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&page, html).unwrap();
    let status = std::process::Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("Chromium runs");
    assert!(status.success() && pdf.exists(), "Chromium printed no PDF");
    let text = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils, or scripts/setup.sh)");
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The smallest height, in points, of the 3-pixel markers in the PDF that `print` wrote: 2.5 pt
/// when Chromium prints at full scale (3 px is 2.25 pt, plus the font's extent). Chromium
/// shrinks the whole document when one element is wider than the page, and every marker with it.
fn marker_height(dir: &Path, name: &str) -> f64 {
    let pdf = dir.join(format!("{name}.pdf"));
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let attr = |word: &str, key: &str| -> f64 {
        let at = word.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        word[at..at + word[at..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let heights: Vec<f64> = text
        .split("<word ")
        .skip(1)
        .filter(|w| {
            w.split_once('>')
                .is_some_and(|(_, rest)| rest.starts_with("mk"))
        })
        .map(|w| attr(w, "yMax") - attr(w, "yMin"))
        .collect();
    assert!(!heights.is_empty(), "{name}: no marker found in the PDF");
    heights.into_iter().fold(f64::INFINITY, f64::min)
}

fn page_of(pages: &[String], marker: &str) -> usize {
    let found: Vec<usize> = (0..pages.len())
        .filter(|&p| pages[p].split_whitespace().any(|w| w == marker))
        .collect();
    assert_eq!(found.len(), 1, "marker {marker} found on pages {found:?}");
    found[0]
}

fn review(args: &[&str], dir: &Path) -> String {
    let out = dir.join("review.html");
    Command::cargo_bin("vigilance")
        .unwrap()
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1790000000")
        .arg("report")
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

/// Prints the review and checks its pages; returns (pages, first company page).
fn check_print(args: &[&str], name: &str) -> (usize, Option<usize>) {
    let dir = tempfile::tempdir().unwrap();
    let html = review(args, dir.path());
    let plain = print(&html, dir.path(), &format!("{name}-plain"));
    let (marked, figures, companies) = with_markers(&html);
    let pages = print(&marked, dir.path(), name);
    // Printed at full scale: a table wider than the page (the company pages' coverage once was)
    // makes Chromium shrink the whole review, to 72 % then.
    let height = marker_height(dir.path(), name);
    assert!(
        height >= 2.3,
        "{name}: the review printed shrunk to {:.0} % (markers {height:.2} pt high instead of 2.5): \
         something is wider than the page",
        100.0 * height / 2.51
    );
    assert_eq!(
        pages.len(),
        plain.len(),
        "the markers moved something: the test is wrong"
    );
    assert!(figures >= 3, "{name}: figures found: {figures}");
    for f in 0..figures {
        let (a, b) = (
            page_of(&pages, &format!("mkfig{f}start")),
            page_of(&pages, &format!("mkfig{f}end")),
        );
        assert_eq!(
            a,
            b,
            "{name}: figure {f} is cut across pages {} and {}",
            a + 1,
            b + 1
        );
    }
    let mut company_pages = Vec::new();
    for c in 0..companies {
        let (a, b) = (
            page_of(&pages, &format!("mkco{c}start")),
            page_of(&pages, &format!("mkco{c}end")),
        );
        assert_eq!(
            a,
            b,
            "{name}: company {c} runs over pages {} to {}",
            a + 1,
            b + 1
        );
        company_pages.push(a);
    }
    for w in company_pages.windows(2) {
        assert_eq!(w[1], w[0] + 1, "{name}: one page per company");
    }
    for (i, p) in pages.iter().enumerate() {
        let chars: usize = p
            .split_whitespace()
            .filter(|w| !w.starts_with("mk"))
            .map(|w| w.chars().count())
            .sum();
        assert!(
            chars >= 500,
            "{name}: page {} is nearly empty ({chars} characters)",
            i + 1
        );
    }
    (pages.len(), company_pages.first().copied())
}

#[test]
fn the_review_prints_to_a4_with_whole_charts_and_one_page_per_company() {
    let (pages, first_company) = check_print(
        &[
            "tests/fixtures/examples-1.0/examples",
            "--previous",
            "tests/fixtures/examples-1.0/examples-2024",
            "--targets",
            "questionnaires/examples-targets.csv",
        ],
        "full-fr",
    );
    // Cohort pages, then the seven companies, then the one-page method annex (grid 1.0.0 maps
    // no regulation: no coverage pages, no frameworks in the annex).
    // (The key figures carry the cohort's evidence share: six cohort pages at most.)
    let cohort = first_company.unwrap();
    assert!((3..=6).contains(&cohort), "{cohort} cohort pages");
    assert_eq!(pages, cohort + 7 + 1);
}

/// The example sheets moved to grid 1.1.0 (as `vigilance migrate` writes them) in a new
/// directory.
fn examples_on_1_1(dir: &Path) -> String {
    let out = dir.join("examples-1.1.0");
    let mut cmd = Command::cargo_bin("vigilance").unwrap();
    cmd.current_dir(root()).arg("migrate");
    for e in std::fs::read_dir(root().join("tests/fixtures/examples-1.0/examples")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            cmd.arg(p);
        }
    }
    cmd.args(["--to", "1.1.0", "-o"])
        .arg(&out)
        .assert()
        .success();
    out.display().to_string()
}

#[test]
fn the_review_on_grid_1_1_prints_its_coverage_and_one_page_per_company() {
    let dir = tempfile::tempdir().unwrap();
    let examples = examples_on_1_1(dir.path());
    let (pages, first_company) = check_print(
        &[
            &examples,
            "--previous",
            "tests/fixtures/examples-1.0/examples-2024",
            "--targets",
            "questionnaires/examples-targets.csv",
        ],
        "coverage-fr",
    );
    // Cohort pages with the regulation coverage, the seven companies (each with its coverage
    // beside the profile chart, on one page), then the method annex and the frameworks'
    // citations. (The coverage tables print in a slightly smaller type since they show the
    // linked answers with evidence under each cell: six cohort pages or more. Up to 12 since the
    // review prints at full scale: no table is wider than the page any more, so Chromium no
    // longer shrinks the whole document to fit one.)
    let cohort = first_company.unwrap();
    assert!((6..=12).contains(&cohort), "{cohort} cohort pages");
    assert!(
        (cohort + 7 + 1..=cohort + 7 + 3).contains(&pages),
        "{pages} pages"
    );
}

#[test]
fn the_anonymised_review_prints_without_company_pages() {
    let (pages, first_company) = check_print(
        &[
            "tests/fixtures/examples-1.0/examples",
            "--previous",
            "tests/fixtures/examples-1.0/examples-2024",
            "--anonymize",
            "--lang",
            "en",
        ],
        "anonymised-en",
    );
    assert_eq!(first_company, None);
    assert!((4..=6).contains(&pages), "{pages} pages");
}

#[test]
fn the_anonymised_review_on_grid_1_1_prints_its_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let examples = examples_on_1_1(dir.path());
    let (pages, first_company) = check_print(
        &[&examples, "--anonymize", "--lang", "en"],
        "coverage-anonymised-en",
    );
    assert_eq!(first_company, None);
    assert!((8..=12).contains(&pages), "{pages} pages");
}

#[test]
fn a_campaign_of_several_grids_is_reviewed_grid_by_grid() {
    let dir = tempfile::tempdir().unwrap();
    let examples = examples_on_1_1(dir.path());
    let html = review(
        &[
            &examples,
            "tests/fixtures/examples-1.0/examples-suppliers",
            "--previous",
            "tests/fixtures/examples-1.0/examples-2024",
            "--lang",
            "en",
        ],
        dir.path(),
    );
    // Each sheet on the grid it names: this year's on 1.1.0 and the suppliers' on the light
    // grid, last year's on 1.0.0.
    assert!(html.contains("(rhsf-fir 1.1.0) — 7 companies"), "cover");
    assert!(html.contains("(rhsf-fir-sme 1.0.0) — 5 companies"), "cover");
    assert!(html.contains("<section id=\"key-figures-2\">"));
    assert!(html.contains("comparisons across versions compare levels"));
    assert!(html.contains("<section id=\"regulations\">"));
}

#[test]
fn each_example_company_summary_prints_to_exactly_one_a4_page() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, kicker, colophon) in [
        ("fr", "Fiche entreprise — campagne", "Établie par vigilance"),
        ("en", "Company summary — campaign", "Made by vigilance"),
    ] {
        let mut args = vec![
            "questionnaires/examples",
            "--previous",
            "questionnaires/examples-2024",
            "--targets",
            "questionnaires/examples-targets.csv",
            "--lang",
            lang,
        ];
        let ids: Vec<String> = (1..=7).map(|i| format!("EXAMPLE-000{i}")).collect();
        for id in &ids {
            args.extend(["--company", id.as_str()]);
        }
        let html = review(&args, dir.path());
        assert_eq!(
            html.matches("<section class=\"company summary\">").count(),
            7
        );
        let name = format!("summaries-{lang}");
        let pages = print(&html, dir.path(), &name);
        assert_eq!(pages.len(), 7, "{lang}: one page per company");
        for (i, p) in pages.iter().enumerate() {
            let flat = p.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(flat.matches(kicker).count(), 1, "{lang} page {}", i + 1);
            assert_eq!(
                flat.matches(colophon).count(),
                1,
                "{lang} page {}: the company's page runs over",
                i + 1
            );
        }
        let info = std::process::Command::new("pdfinfo")
            .arg(dir.path().join(format!("{name}.pdf")))
            .output()
            .expect("pdfinfo runs (poppler-utils)");
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("(A4)"), "{lang}: {info}");
    }
}
