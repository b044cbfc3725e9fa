//! Issue 18 in every face the core writes (result JSON, CSV, results workbook, campaign review,
//! templates): the sheet that answers its critical questions `yes` and everything else `na`
//! carries the heavy-N/A warning on grid 1.1.0; a level the grid's `na_limits` refuse says why;
//! the one-track sheet's requirements are incomplete with the tracks taken together; the
//! templates show the condition on which `na` is acceptable and offer `na` only where allowed;
//! and no coverage output uses a conformity word, in either language.
//! (The CLI's output and the web app's are checked in their own crates.)

#![cfg(feature = "xlsx-import")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::{Cursor, Read};
use std::path::Path;
use vigilance_core::import::{answer_template, matrix_template};
use vigilance_core::questionnaire::NaLimits;
use vigilance_core::report::csv::summary_csv;
use vigilance_core::report::json::{ResultDocument, ResultEntry};
use vigilance_core::report::review::{CompanyResult, ReviewOptions, build_review};
use vigilance_core::report::workbook::{ScoredSheet, WorkbookOptions, results_workbook};
use vigilance_core::{
    AnswerSheet, EvidenceMode, Lang, Questionnaire, ScoringOptions, Text, registry, score,
};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn v11() -> &'static Questionnaire {
    registry::find("rhsf-fir", "1.1.0").unwrap()
}

/// 1.1.0 with `na_limits` of 50 % (leaked: the writers take `'static` grids).
fn limited() -> &'static Questionnaire {
    let mut file = v11().clone().into_file();
    file.na_limits = Some(NaLimits {
        min_applicable_percent: 50.0,
        evidence_when_substantiated: true,
    });
    Box::leak(Box::new(Questionnaire::try_from(file).unwrap()))
}

fn fixture(name: &str, q: &Questionnaire) -> AnswerSheet {
    let text = std::fs::read_to_string(root().join("tests/fixtures/na").join(name)).unwrap();
    AnswerSheet::parse(&text, q).unwrap().value
}

fn scored_on(q: &'static Questionnaire, name: &str, mode: EvidenceMode) -> ScoredSheet {
    let sheet = fixture(name, q);
    let options = ScoringOptions {
        evidence_mode: mode,
        threshold: None,
    };
    ScoredSheet {
        source: name.into(),
        assessment: score(q, &sheet, &options),
        sheet,
        warnings: vec![],
        grid: q,
        evidence: Vec::new(),
    }
}

fn gaming() -> ScoredSheet {
    scored_on(
        v11(),
        "critical-yes-rest-na.json",
        EvidenceMode::Declarative,
    )
}

fn one_track() -> ScoredSheet {
    scored_on(v11(), "one-track-cl.json", EvidenceMode::Declarative)
}

fn entry(s: &ScoredSheet) -> ResultEntry {
    ResultEntry::new(&s.source, s.grid, &s.sheet, &s.assessment, &s.warnings)
}

fn workbook(scored: &[ScoredSheet], lang: Lang) -> Vec<u8> {
    results_workbook(
        v11(),
        scored,
        &[],
        &WorkbookOptions {
            lang,
            generated: "2026-01-15".into(),
            tool_version: "0.1.0".into(),
            previous: None,
            targets: Vec::new(),
            constant_memory: false,
            coverage_detail: true,
            answers_sheet: Default::default(),
        },
    )
    .unwrap()
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn rows(book: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Vec<Vec<String>> {
    book.worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("{sheet}: {e}"))
        .rows()
        .map(|r| r.iter().map(text).collect())
        .collect()
}

fn review_html(current: Vec<CompanyResult>, lang: Lang) -> String {
    build_review(
        registry::default_grid(),
        current,
        None,
        &[],
        &ReviewOptions {
            lang,
            anonymize: false,
            date: "2026-09-21".into(),
            tool_version: "vigilance (test)".into(),
        },
    )
    .html
}

fn company(s: &ScoredSheet) -> CompanyResult {
    CompanyResult {
        grid: s.grid,
        source: s.source.clone(),
        company: s.sheet.company.clone(),
        period: s.sheet.period.clone(),
        assessment: s.assessment.clone(),
        engagement: None,
    }
}

#[test]
fn the_heavy_na_sheet_carries_the_warning_in_every_face() {
    let s = gaming();
    // The levels are unchanged on 1.1.0: N4 on both tracks.
    assert_eq!(s.assessment.headline_level, 4);
    // JSON: one VG-A18 warning per level and track, and the level figures.
    let e = entry(&s);
    let codes: Vec<&str> = e.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["VG-A18"; 8]);
    assert!(e.warnings.iter().all(|w| w.severity == "warning"));
    assert!(e.warnings[0].message.get(Lang::En).contains("66.7 %"));
    assert!(e.warnings[0].message.get(Lang::Fr).contains("66,7\u{a0}%"));
    for t in e.tracks.values() {
        assert!(t.levels.values().all(|l| l.heavy_na && !l.too_many_na));
        assert!(t.na_percent > 60.0);
    }
    let json = serde_json::to_value(ResultDocument::new(vec![e], vec![])).unwrap();
    assert_eq!(json["format"], "vigilance.results/2");
    assert!(
        json["coverage_disclaimer"]["fr"]
            .as_str()
            .unwrap()
            .contains("avis juridique")
    );
    // CSV.
    for lang in [Lang::Fr, Lang::En] {
        let csv = summary_csv(std::slice::from_ref(&s), &[], lang);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        let header = r.headers().unwrap().clone();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        for row in r.records().map(Result::unwrap) {
            assert_eq!(&row[at("heavy_na")], "N1 N2 N3 N4");
            assert!(row[at("na_share")].parse::<f64>().unwrap() > 60.0);
        }
    }
    // Workbook: the N/A share on the Summary, the warnings on the Warnings sheet.
    for (lang, share, warnings) in [
        (Lang::En, "CL N/A share (% of weight)", "Warnings"),
        (
            Lang::Fr,
            "Travail des enfants part N/A (% du poids)",
            "Avertissements",
        ),
    ] {
        let bytes = workbook(std::slice::from_ref(&s), lang);
        let mut book = open(&bytes);
        let summary = rows(
            &mut book,
            if lang == Lang::En {
                "Summary"
            } else {
                "Synthèse"
            },
        );
        let c = summary[0].iter().position(|h| h == share).unwrap();
        assert_eq!(summary[1][c], "63.6");
        let w = rows(&mut book, warnings);
        // The five join keys (company first), then source, code, place, problem.
        let a18: Vec<_> = w.iter().filter(|r| r[6] == "VG-A18").collect();
        assert_eq!(a18.len(), 8, "{w:?}");
        assert_eq!(a18[0][0], "Exemple Sans-Objet SA");
    }
    // Review: the company page and the cohort figure, in both languages.
    for (lang, note, tile) in [
        (
            Lang::En,
            "Many answers &quot;not applicable&quot;: Child labour N1",
            "with many answers not applicable",
        ),
        (
            Lang::Fr,
            "Beaucoup de «\u{202f}sans objet\u{202f}»\u{a0}: Travail des enfants N1",
            "avec beaucoup de «\u{202f}sans objet\u{202f}»",
        ),
    ] {
        let html = review_html(vec![company(&s)], lang);
        assert!(html.contains(note), "{lang:?}: no heavy-na note");
        let tile_at = html
            .find(tile)
            .unwrap_or_else(|| panic!("{lang:?}: no tile"));
        assert!(html[..tile_at].ends_with(&format!(
            "<b>1 <small>{}</small></b>",
            if lang == Lang::En { "of 1" } else { "sur 1" }
        )));
    }
}

#[test]
fn a_level_refused_for_too_many_na_says_why() {
    let s = scored_on(
        limited(),
        "critical-yes-rest-na.json",
        EvidenceMode::Declarative,
    );
    assert_eq!(s.assessment.headline_level, 0);
    let e = entry(&s);
    assert_eq!(e.min_applicable_percent, Some(50.0));
    assert!(
        e.tracks
            .values()
            .all(|t| t.levels[&vigilance_core::Level::N1].too_many_na)
    );
    let en = review_html(vec![company(&s)], Lang::En);
    assert!(
        en.contains("N1 (Knowledge of the subject) is not achieved — too many questions answered not applicable: 33.3% of the level&#39;s weight applies, under the grid&#39;s minimum of 50%."),
        "{}",
        &en[en.find("<div class=\"why").unwrap()..][..800]
    );
    let fr = review_html(vec![company(&s)], Lang::Fr);
    assert!(fr.contains("trop de questions «\u{202f}sans objet\u{202f}»"));
}

#[test]
fn the_one_track_sheet_shows_its_requirements_incomplete() {
    let s = one_track();
    // Review: tracks together, no requirement is at full point; the French duty of vigilance's
    // eight requirements are all incomplete (forced labour is unanswered).
    let html = review_html(vec![company(&s)], Lang::En);
    assert!(
        html.contains("<tr><td><abbr title=\"French duty of vigilance\">FR-DV</abbr></td><td class=\"num cov-all_full\">0</td><td class=\"num cov-some\">0</td><td class=\"num cov-none\">0</td><td class=\"num cov-incomplete\">8</td><td class=\"num cov-not_assessed\">0</td></tr>"),
        "{}",
        &html[html.find("cov-company").unwrap()..][..1500]
    );
    // Every statused framework: nothing at full point.
    let counts = vigilance_core::coverage::company_counts(s.grid, &s.assessment);
    for (f, c) in s.grid.frameworks.iter().zip(&counts) {
        assert_eq!(c[0], 0, "{}", f.id);
    }
    // Workbook: the tracks-together column says so on every row with a status.
    let bytes = workbook(std::slice::from_ref(&s), Lang::En);
    let mut book = open(&bytes);
    let cov = rows(&mut book, "Coverage");
    let head = &cov[1];
    let status = head
        .iter()
        .position(|h| h == "What the linked answers show")
        .unwrap();
    let together = head.iter().position(|h| h == "Tracks together").unwrap();
    let mut checked = 0;
    for r in &cov[2..] {
        if r[status] != "Informs (no status)" && r[together].as_str() != "" {
            assert_eq!(r[together], "Not all answered", "{r:?}");
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}

/// The words a coverage status must never use, by language: conformity words.
fn conformity_words(text: &str, lang: Lang) -> Vec<String> {
    let banned: &[&str] = match lang {
        Lang::En => &["met"],
        Lang::Fr => &[
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

/// The coverage parts of the review: the regulations section, the company boxes, the annex's
/// frameworks and notes.
fn review_coverage_parts(html: &str) -> String {
    let mut out = String::new();
    if let Some(i) = html.find("<section id=\"regulations\">") {
        out.push_str(&html[i..i + html[i..].find("</section>").unwrap()]);
    }
    let mut rest = html;
    while let Some(i) = rest.find("<div class=\"keep cov-company\">") {
        let end = i + rest[i..].find("</div>").unwrap();
        out.push_str(&rest[i..end]);
        rest = &rest[end..];
    }
    if let Some(i) = html.find("<table class=\"frameworks\">") {
        out.push_str(&html[i..]);
    }
    out
}

#[test]
fn no_coverage_output_uses_a_conformity_word_in_either_language() {
    // Every example company moved to 1.1.0, the heavy-na sheet and the one-track sheet, in
    // both evidence modes.
    let mut batch: Vec<ScoredSheet> = Vec::new();
    for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join("questionnaires/examples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap();
            let from = registry::find("rhsf-fir", "1.0.0").unwrap();
            let sheet = AnswerSheet::parse(&text, from).unwrap().value;
            let sheet = vigilance_core::migrate::migrate(&sheet, from, v11())
                .unwrap()
                .sheet;
            let options = ScoringOptions {
                evidence_mode: mode,
                threshold: None,
            };
            batch.push(ScoredSheet {
                source: p.display().to_string(),
                assessment: score(v11(), &sheet, &options),
                sheet,
                warnings: vec![],
                grid: v11(),
                evidence: Vec::new(),
            });
        }
        batch.push(scored_on(v11(), "critical-yes-rest-na.json", mode));
        batch.push(scored_on(v11(), "one-track-cl.json", mode));
    }
    // JSON: the whole document, both languages are in it.
    let entries: Vec<ResultEntry> = batch.iter().map(entry).collect();
    let json = ResultDocument::new(entries, vec![]).to_json_pretty();
    for lang in [Lang::Fr, Lang::En] {
        assert_eq!(conformity_words(&json, lang), Vec::<String>::new(), "JSON");
    }
    for code in [
        "\"met\"",
        "partly_met",
        "not_met",
        "not_answered",
        "not_applicable\"",
    ] {
        assert!(!json.contains(code), "JSON has {code}");
    }
    for status in [
        "\"all_full\"",
        "\"some\"",
        "\"none\"",
        "\"incomplete\"",
        "\"informs\"",
    ] {
        assert!(json.contains(status), "JSON lacks {status}");
    }
    for lang in [Lang::Fr, Lang::En] {
        // Workbook: both coverage sheets whole, and the Method sheet from its coverage heading.
        let bytes = workbook(&batch, lang);
        let mut book = open(&bytes);
        let names = vigilance_core::report::workbook::SheetNames::of(lang);
        for sheet in [names.coverage, names.coverage_summary] {
            let all = rows(&mut book, sheet).concat().join("\n");
            assert_eq!(
                conformity_words(&all, lang),
                Vec::<String>::new(),
                "{sheet}"
            );
            assert!(
                all.contains(vigilance_core::coverage::informs_label(lang)),
                "{sheet}"
            );
        }
        let method = rows(&mut book, names.method).concat();
        let heading = vigilance_core::Wb::CoverageHeading.text(lang);
        let from = method.iter().position(|c| c == heading).unwrap();
        let coverage_part = method[from..].join("\n");
        assert_eq!(
            conformity_words(&coverage_part, lang),
            Vec::<String>::new(),
            "Method"
        );
        // Review: the regulations section, the company boxes and the annex.
        let html = review_html(batch.iter().map(company).collect(), lang);
        let parts = review_coverage_parts(&html);
        assert!(parts.len() > 10_000);
        assert_eq!(
            conformity_words(&parts, lang),
            Vec::<String>::new(),
            "review"
        );
    }
    // English has no conformity word anywhere in the review or the workbook (French grid texts
    // may say « conforme » of an age, not of a company: they are outside coverage).
    let html = review_html(batch.iter().map(company).collect(), Lang::En);
    assert_eq!(conformity_words(&html, Lang::En), Vec::<String>::new());
    // The catalogues' coverage entries: every status label in both languages.
    for s in vigilance_core::coverage::RequirementStatus::ALL {
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(conformity_words(s.label(lang), lang), Vec::<String>::new());
        }
    }
    // The catalogue files themselves: no coverage entry (`Cov…`, `Coverage…`, `Regulations…`)
    // uses a conformity word, in either language.
    for (lang, file) in [(Lang::Fr, "fr.toml"), (Lang::En, "en.toml")] {
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../crates/text/catalogue/").to_string() + file;
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines() {
            let Some((key, value)) = line.split_once(" = ") else {
                continue;
            };
            if ["Cov", "Coverage", "Regulations", "CompanyCoverage"]
                .iter()
                .any(|p| key.starts_with(p))
            {
                assert_eq!(
                    conformity_words(value, lang),
                    Vec::<String>::new(),
                    "{file}: {key}"
                );
            }
        }
    }
}

/// The text of every part of an xlsx (zip) whose name contains `part`.
fn xlsx_parts(bytes: &[u8], part: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().contains(part) {
            f.read_to_string(&mut out).unwrap();
        }
    }
    out
}

#[test]
fn templates_show_the_na_condition_and_offer_na_only_where_allowed() {
    // 1.1.0 with Q19 allowing `na` on a stated condition and Q17 not allowing it.
    let mut file = v11().clone().into_file();
    for q in &mut file.questions {
        match q.id.as_str() {
            "Q19" => {
                q.na_condition = Some(Text::new(
                    "aucun intermédiaire de recrutement n'est utilisé",
                    "no recruitment intermediary is used",
                ))
            }
            "Q17" => q.allow_na = Some(false),
            _ => {}
        }
    }
    let q = Questionnaire::try_from(file).unwrap();
    for (lang, condition) in [
        (
            Lang::En,
            "\"Not applicable\" only if: no recruitment intermediary is used",
        ),
        (
            Lang::Fr,
            "« Non applicable » seulement si : aucun intermédiaire de recrutement n'est utilisé",
        ),
    ] {
        let condition = &*lang.typeset(condition);
        let escaped = condition.replace('\'', "&apos;").replace('"', "&quot;");
        for bytes in [
            answer_template(&q, lang).unwrap(),
            matrix_template(&q, lang).unwrap(),
        ] {
            let notes = xlsx_parts(&bytes, "comments");
            assert!(
                notes.contains(condition) || notes.contains(&escaped),
                "{lang:?}: no note with the condition"
            );
        }
        // The matrix's Questions sheet says it beside the allowed answers.
        let bytes = matrix_template(&q, lang).unwrap();
        let mut book = open(&bytes);
        let questions = rows(&mut book, "Questions");
        let q19 = questions.iter().find(|r| r[0] == "Q19 FL").unwrap();
        assert!(q19[6].ends_with(condition), "{q19:?}");
        // Q17 offers no "not applicable", Q18 (critical) neither, Q22 does.
        let allowed = |id: &str| questions.iter().find(|r| r[0] == id).unwrap()[6].clone();
        let na = vigilance_core::AnswerValue::Na;
        let na_label = q.value_label(na, lang);
        assert!(!allowed("Q17 CL").contains(na_label));
        assert!(!allowed("Q18 CL").contains(na_label));
        assert!(allowed("Q22 CL").contains(na_label));
    }
}
