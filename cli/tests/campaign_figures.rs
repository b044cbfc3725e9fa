//! Issue 24's audit, as a test: every cohort figure of the workbook and of the review is
//! recomputed independently from the JSON results, as exact fractions, and compared with what
//! the files show, in both languages. The campaign (`tests/fixtures/campaign-figures`) has a
//! duplicate sheet, a company that answered one track only, a company that left since the
//! previous campaign (with a target), and sector groups of 1, 2 and 4 companies.
//!
//! The exact fractions: a JSON score has one decimal, but it is a fraction of half points over
//! at most 15 questions; two distinct fractions of denominators up to 30 lie more than 0.1 apart,
//! so the one that rounds to the JSON value is the score itself. The index rebuilt from those
//! fractions must reproduce every JSON index (checked first).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test set-up: a failure here is a failed test.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use vigilance_core::report::json::{ResultDocument, ResultEntry};

mod common;
use common::{root, vigilance};

// ----- Exact fractions -----

/// An exact rational number, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Q {
    n: i128,
    d: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a.abs().max(1)
    } else {
        gcd(b, a % b)
    }
}

impl Q {
    fn new(n: i128, d: i128) -> Q {
        let g = gcd(n, d);
        let s = if d < 0 { -1 } else { 1 };
        Q {
            n: s * n / g,
            d: s * d / g,
        }
    }
    fn int(n: i128) -> Q {
        Q::new(n, 1)
    }
    fn add(self, o: Q) -> Q {
        Q::new(self.n * o.d + o.n * self.d, self.d * o.d)
    }
    fn sub(self, o: Q) -> Q {
        Q::new(self.n * o.d - o.n * self.d, self.d * o.d)
    }
    fn mul(self, o: Q) -> Q {
        Q::new(self.n * o.n, self.d * o.d)
    }
    fn div(self, k: i128) -> Q {
        Q::new(self.n, self.d * k)
    }
    /// Rounded half away from zero to `10^-digits`, as an integer count of those units.
    fn rounded(self, digits: u32) -> i128 {
        let scale = 10i128.pow(digits);
        let (n, d) = (self.n.abs() * scale, self.d);
        let r = (2 * n + d) / (2 * d);
        if self.n < 0 { -r } else { r }
    }
    /// As shown with one decimal.
    fn tenths(self) -> f64 {
        self.rounded(1) as f64 / 10.0
    }
}

/// The fraction (denominator up to 30) whose percentage rounds to `shown`.
fn exact(shown: f64) -> Q {
    let target = (shown * 10.0).round() as i128;
    for d in 1..=30 {
        for k in 0..=d {
            let q = Q::new(100 * k, d);
            if q.rounded(1) == target {
                return q;
            }
        }
    }
    panic!("no fraction of denominator up to 30 rounds to {shown}");
}

fn mean(v: &[Q]) -> Option<Q> {
    (!v.is_empty()).then(|| {
        v.iter()
            .fold(Q::int(0), |a, b| a.add(*b))
            .div(v.len() as i128)
    })
}

/// `QUARTILE.INC` of exact values at `quarter`/4.
fn quartile(sorted: &[Q], quarter: i128) -> Option<Q> {
    let n = sorted.len() as i128;
    if n == 0 {
        return None;
    }
    let pos4 = quarter * (n - 1); // position × 4
    let (lo, frac) = ((pos4 / 4) as usize, pos4 % 4);
    let hi = (lo + usize::from(frac > 0)).min(sorted.len() - 1);
    Some(sorted[lo].add(sorted[hi].sub(sorted[lo]).mul(Q::new(frac, 4))))
}

fn sort(v: &mut [Q]) {
    v.sort_by(|a, b| (a.n * b.d).cmp(&(b.n * a.d)));
}

/// A track's level scores, exact (N1..N4; an empty level counts 0 in the index).
fn level_scores(r: &ResultEntry, track: &str) -> Option<[Option<Q>; 4]> {
    let t = r.tracks.iter().find(|(k, _)| k.code() == track)?.1;
    let v: Vec<Option<Q>> = t.levels.values().map(|l| l.score.map(exact)).collect();
    Some([v[0], v[1], v[2], v[3]])
}

/// A track's indicative index, exact: levels weighted 1, 2, 3, 4.
fn index(r: &ResultEntry, track: &str) -> Option<Q> {
    let s = level_scores(r, track)?;
    let sum = (0..4).fold(Q::int(0), |acc, k| {
        acc.add(s[k].unwrap_or(Q::int(0)).mul(Q::int(k as i128 + 1)))
    });
    Some(sum.div(10))
}

fn track_entry<'a>(
    r: &'a ResultEntry,
    track: &str,
) -> &'a vigilance_core::report::json::TrackEntry {
    r.tracks.iter().find(|(k, _)| k.code() == track).unwrap().1
}

const TRACKS: [&str; 2] = ["CL", "FL"];

// ----- The campaign -----

fn fixture() -> PathBuf {
    root().join("tests/fixtures/campaign-figures")
}

fn results(dir: &str) -> ResultDocument {
    let out = vigilance()
        // Self-contained results (each with its texts and coverage entries), as an analyst's
        // script that wants no join would read them.
        .args(["score", "--format", "json", "--embed-texts", "--lang", "en"])
        .arg(fixture().join(dir))
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("stdout is a result document")
}

/// The results counted in the cohort: the repeat of a company for the same period set aside.
fn counted(doc: &ResultDocument) -> Vec<&ResultEntry> {
    doc.results
        .iter()
        .filter(|r| !r.warnings.iter().any(|w| w.code == "VG-A17"))
        .collect()
}

fn nace_section(r: &ResultEntry) -> char {
    r.company
        .nace
        .as_deref()
        .and_then(|n| n.chars().next())
        .unwrap()
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The previous result of `r`, by identifier, else by name.
fn previous_of<'a>(r: &ResultEntry, prev: &'a ResultDocument) -> Option<&'a ResultEntry> {
    let id = r.company.id.as_deref().map(norm).filter(|i| !i.is_empty());
    prev.results
        .iter()
        .find(|p| id.is_some() && p.company.id.as_deref().map(norm) == id)
        .or_else(|| {
            prev.results
                .iter()
                .find(|p| norm(&p.company.name) == norm(&r.company.name))
        })
}

// ----- Reading the outputs back -----

fn cell(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn num(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn sheet(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn workbook(lang: &str, dir: &Path) -> Xlsx<Cursor<Vec<u8>>> {
    let path = dir.join(format!("campaign-{lang}.xlsx"));
    vigilance()
        .args(["score", "--lang", lang, "--previous"])
        .arg(fixture().join("previous"))
        .arg("--targets")
        .arg(fixture().join("targets.csv"))
        .arg(fixture().join("current"))
        .arg("--coverage-detail")
        .arg("-o")
        .arg(&path)
        .assert()
        .success();
    open_workbook_from_rs(Cursor::new(std::fs::read(&path).unwrap())).unwrap()
}

fn review(lang: &str, anonymize: bool, dir: &Path) -> String {
    let path = dir.join(format!("review-{lang}-{anonymize}.html"));
    let mut cmd = vigilance();
    cmd.args(["report", "--lang", lang, "--previous"])
        .arg(fixture().join("previous"))
        .arg("--targets")
        .arg(fixture().join("targets.csv"))
        .arg(fixture().join("current"))
        .arg("-o")
        .arg(&path);
    if anonymize {
        cmd.arg("--anonymize");
    }
    cmd.assert().success();
    // No-break spaces of French typography read as spaces.
    std::fs::read_to_string(&path)
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// A percentage as the review shows it.
fn pct(v: f64, lang: &str) -> String {
    let s = format!("{v:.1}");
    if lang == "fr" { s.replace('.', ",") } else { s }
}

/// The text of section `id` of the review.
fn section<'h>(html: &'h str, id: &str) -> &'h str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// The cells of each `<tr>` of `table`, tags removed.
fn rows(table: &str) -> Vec<Vec<String>> {
    table
        .split("<tr>")
        .skip(1)
        .map(|tr| {
            let tr = tr.split("</tr>").next().unwrap();
            tr.split("<td")
                .skip(1)
                .map(|td| {
                    let inner = &td[td.find('>').unwrap() + 1..];
                    let inner = inner.split("</td>").next().unwrap();
                    strip_tags(inner)
                })
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

// ----- The test -----

#[test]
fn every_cohort_figure_recomputes_from_the_json_results() {
    let cur = results("current");
    let prev = results("previous");
    let counted = counted(&cur);
    assert_eq!(cur.results.len(), 8, "the fixture has 8 sheets");
    assert_eq!(counted.len(), 7, "one of them repeats a company");
    // The exact fractions reproduce every JSON index.
    for r in cur.results.iter().chain(&prev.results) {
        for t in TRACKS {
            let i = index(r, t).unwrap();
            assert_eq!(
                i.tenths(),
                track_entry(r, t).index,
                "{} {t}",
                r.company.name
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fr", "en"] {
        let mut wb = workbook(lang, dir.path());
        let names = wb.sheet_names();
        check_quartiles(&sheet(&mut wb, &names[1]), &counted, lang);
        let coverage_cohort = names
            .iter()
            .find(|n| n.contains("(cohort)") || n.contains("(cohorte)"))
            .unwrap()
            .clone();
        check_coverage_cohort(&sheet(&mut wb, &coverage_cohort), &counted, lang);
        check_summary(&sheet(&mut wb, &names[0]), &cur, &prev, lang);
        check_keys_and_left(&mut wb, &cur, &prev, lang);

        let html = review(lang, false, dir.path());
        check_review(&html, &counted, &prev, lang);
        let targets = sheet(&mut wb, if lang == "fr" { "Cibles" } else { "Targets" });
        check_targets(&targets, &html, lang);
        let anon = review(lang, true, dir.path());
        check_anonymised_heat_map(&anon, &counted, lang);
        check_evidence_share(&sheet(&mut wb, &names[0]), &html, &cur, &counted, lang);
        check_company_summaries(&counted, lang, dir.path());
    }
}

/// The evidence share, exact: the answers that carry evidence in percent of the answers given
/// (JSON `with_evidence` ÷ `answered`); `None` when nothing is answered.
fn evidence_share(with: u32, answered: u32) -> Option<Q> {
    (answered > 0).then(|| Q::new(100 * i128::from(with), i128::from(answered)))
}

/// The evidence share in the Summary (each company, each track), on each company page of the
/// review, and the cohort's (the answers of the companies counted, pooled) in the key figures.
fn check_evidence_share(
    summary: &[Vec<Data>],
    html: &str,
    cur: &ResultDocument,
    counted: &[&ResultEntry],
    lang: &str,
) {
    let header: Vec<String> = summary[0].iter().map(cell).collect();
    let suffix = if lang == "fr" {
        "avec preuve (% des réponses)"
    } else {
        "with evidence (% of answers)"
    };
    let percent = |q: Q| {
        if lang == "fr" {
            format!("{} %", pct(q.tenths(), lang))
        } else {
            format!("{}%", pct(q.tenths(), lang))
        }
    };
    let mut any = false;
    for t in TRACKS {
        let col = header
            .iter()
            .position(|h| *h == format!("{} {suffix}", track_head(t, lang)))
            .unwrap_or_else(|| panic!("{lang}: no column {t} {suffix} in {header:?}"));
        for (i, r) in cur.results.iter().enumerate() {
            let e = track_entry(r, t);
            let share = evidence_share(e.with_evidence, e.answered);
            any |= e.with_evidence > 0;
            assert_eq!(
                num(&summary[i + 1][col]),
                share.map(Q::tenths),
                "{lang} Summary evidence share {} {t}",
                r.company.name
            );
        }
        let (with, answered) = counted.iter().fold((0, 0), |(w, a), r| {
            let e = track_entry(r, t);
            (w + e.with_evidence, a + e.answered)
        });
        let cohort = percent(evidence_share(with, answered).unwrap());
        // Its own tile, naming the track.
        let tile = section(html, "key-figures")
            .split("<div class=\"tile\">")
            .find(|tile| tile.contains(&format!("<b>{cohort}</b>")))
            .unwrap_or_else(|| panic!("{lang}: no tile {cohort} for {t}"));
        assert!(tile.contains(track_name(t, lang)), "{lang}: {tile}");
    }
    assert!(any, "the fixture has answers with evidence");
    for r in counted {
        let page = company_page(html, "<section class=\"company\">", &r.company.name);
        for t in TRACKS {
            let e = track_entry(r, t);
            let Some(share) = evidence_share(e.with_evidence, e.answered) else {
                continue;
            };
            let of = if lang == "fr" { "sur" } else { "of" };
            let text = format!(
                "{} ({} {of} {})",
                percent(share),
                e.with_evidence,
                e.answered
            );
            assert!(page.contains(&text), "{lang} {}: {text}", r.company.name);
        }
    }
}

/// The track's name as the review writes it.
fn track_name(t: &str, lang: &str) -> &'static str {
    match (t, lang) {
        ("CL", "fr") => "Travail des enfants",
        ("FL", "fr") => "Travail forcé",
        ("CL", _) => "Child labour",
        _ => "Forced labour",
    }
}

/// The page of company `name` in `html`, each page opening with `open`.
fn company_page<'h>(html: &'h str, open: &str, name: &str) -> &'h str {
    html.split(open)
        .find(|p| p.contains(&format!("<h2>{}</h2>", name.replace('&', "&amp;"))))
        .unwrap_or_else(|| panic!("no page for {name}"))
}

/// The company summary (`report --company`) of each company counted: its rank in its sector
/// group (NACE section) per track, from the exact indices, and the group's mean index; its
/// three next steps in the documented order (reason, then level, then track, then each
/// track's own order; a question once).
fn check_company_summaries(counted: &[&ResultEntry], lang: &str, dir: &Path) {
    let path = dir.join(format!("summaries-{lang}.html"));
    let mut cmd = vigilance();
    cmd.args(["report", "--lang", lang, "--previous"])
        .arg(fixture().join("previous"))
        .arg("--targets")
        .arg(fixture().join("targets.csv"))
        .arg(fixture().join("current"));
    for r in counted {
        cmd.arg("--company").arg(r.company.id.as_deref().unwrap());
    }
    cmd.arg("-o").arg(&path).assert().success();
    let html = std::fs::read_to_string(&path)
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(
        html.matches("<section class=\"company summary\">").count(),
        counted.len()
    );
    let of = if lang == "fr" { "sur" } else { "of" };
    for r in counted {
        let page = company_page(
            &html,
            "<section class=\"company summary\">",
            &r.company.name,
        );
        let group: Vec<&&ResultEntry> = counted
            .iter()
            .filter(|o| nace_section(o) == nace_section(r))
            .collect();
        let position = &page[page.find("class=\"keep position\"").unwrap()..];
        let position = &position[..position.find("</div>").unwrap()];
        if group.len() == 1 {
            assert!(!position.contains("<table>"), "{lang} {}", r.company.name);
        } else {
            let shown = rows(position);
            assert_eq!(shown.len(), TRACKS.len(), "{lang} {}", r.company.name);
            for (row, t) in shown.iter().zip(TRACKS) {
                let me = index(r, t).unwrap();
                let rank = 1 + group
                    .iter()
                    .filter(|o| index(o, t).unwrap().sub(me).n > 0)
                    .count();
                let m = mean(
                    &group
                        .iter()
                        .map(|o| index(o, t).unwrap())
                        .collect::<Vec<_>>(),
                );
                assert_eq!(
                    row[2],
                    pct(me.tenths(), lang),
                    "{lang} {} {t}",
                    r.company.name
                );
                assert_eq!(
                    row[3],
                    format!("{rank} {of} {}", group.len()),
                    "{lang} {} {t}",
                    r.company.name
                );
                assert_eq!(
                    row[4],
                    pct(m.unwrap().tenths(), lang),
                    "{lang} {} {t}",
                    r.company.name
                );
            }
        }
        let reason = |code: &str| match code {
            "critical_next_level" => 0,
            "next_level" => 1,
            _ => 2,
        };
        let mut steps: Vec<(usize, &vigilance_core::report::json::StepEntry)> =
            r.next_steps.iter().enumerate().collect();
        steps.sort_by_key(|(i, s)| {
            let track = TRACKS.iter().position(|t| *t == s.track.code());
            (reason(&s.reason), s.level, track, *i)
        });
        let mut expected: Vec<&str> = Vec::new();
        for (_, s) in steps {
            if !expected.contains(&s.question.as_str()) {
                expected.push(&s.question);
            }
        }
        expected.truncate(3);
        let shown: Vec<&str> = page
            .split("<li class=\"step\"><b>")
            .skip(1)
            .map(|li| li.split("</b>").next().unwrap())
            .collect();
        assert_eq!(shown, expected, "{lang} {}: next steps", r.company.name);
    }
}

/// The track code of a Cohort or Coverage (cohort) label: the French workbook names the
/// tracks in words there (« Travail des enfants »), the English one by their codes.
fn track_code(d: &Data) -> String {
    match cell(d).as_str() {
        "Travail des enfants" => "CL".to_string(),
        "Travail forcé" => "FL".to_string(),
        t => t.to_string(),
    }
}

/// How the workbook's headers name track `code` in `lang`: words in French, the code in English.
fn track_head<'a>(code: &'a str, lang: &str) -> &'a str {
    match (code, lang) {
        ("CL", "fr") => "Travail des enfants",
        ("FL", "fr") => "Travail forcé",
        _ => code,
    }
}

/// Cohort: min, quartiles, median and max of each level score, for all the companies and per
/// sector group (NACE section), on the exact scores, rounded once.
fn check_quartiles(rows: &[Vec<Data>], counted: &[&ResultEntry], lang: &str) {
    let mut checked = 0;
    for row in rows {
        let track = track_code(&row[1]);
        let level = cell(&row[2]);
        if !TRACKS.contains(&track.as_str()) || !level.starts_with('N') || row.len() < 9 {
            continue;
        }
        let scope = cell(&row[0]);
        let all = scope
            == if lang == "fr" {
                "Toutes les entreprises"
            } else {
                "All companies"
            };
        let members: Vec<&&ResultEntry> = counted
            .iter()
            .filter(|r| all || scope.starts_with(&format!("NACE {} ", nace_section(r))))
            .collect();
        let li: usize = level[1..].parse::<usize>().unwrap() - 1;
        let mut v: Vec<Q> = members
            .iter()
            .filter_map(|r| level_scores(r, &track).and_then(|s| s[li]))
            .collect();
        sort(&mut v);
        assert_eq!(
            num(&row[3]),
            Some(v.len() as f64),
            "{scope} {track} {level}: companies"
        );
        for (k, quarter) in (0..=4).enumerate() {
            let expected = quartile(&v, quarter).map(Q::tenths);
            assert_eq!(
                num(&row[4 + k]),
                expected,
                "{lang} Cohort {scope} {track} {level}: quartile {quarter}"
            );
        }
        checked += 1;
    }
    // All companies and the sectors C, F and I, on 2 tracks × 4 levels.
    assert_eq!(checked, 4 * 2 * 4, "{lang}: quartile rows");
}

/// Coverage (cohort): companies per requirement, track and status, each counted once.
fn check_coverage_cohort(rows: &[Vec<Data>], counted: &[&ResultEntry], lang: &str) {
    // The statuses in the sheet's column order (docs/method.md, "Regulation coverage");
    // frameworks that only inform (`informs`) have no status counts.
    const STATUSES: [&str; 5] = ["all_full", "some", "none", "incomplete", "not_assessed"];
    let mut expected: BTreeMap<(String, String, String), [u32; 5]> = BTreeMap::new();
    for r in counted {
        for c in r.coverage.iter().filter(|c| c.status != "informs") {
            let k = STATUSES.iter().position(|s| *s == c.status).unwrap();
            expected
                .entry((
                    c.framework.clone(),
                    c.reference.clone(),
                    c.track.code().to_string(),
                ))
                .or_default()[k] += 1;
        }
    }
    let mut seen = 0;
    for row in rows.iter().skip(2) {
        // One row per requirement and track; the "tracks together" rows follow their own rule
        // (tested in core/tests/coverage.rs) and informing frameworks have no status counts.
        let track = track_code(&row[4]);
        if !TRACKS.contains(&track.as_str()) || num(&row[5]).is_none() {
            continue;
        }
        let key = (cell(&row[1]), cell(&row[2]), track);
        let shown: Vec<u32> = row[5..10].iter().map(|d| num(d).unwrap() as u32).collect();
        assert_eq!(
            shown,
            expected[&key].to_vec(),
            "{lang} Coverage (cohort) {key:?}"
        );
        assert_eq!(shown.iter().sum::<u32>(), counted.len() as u32);
        seen += 1;
    }
    assert_eq!(
        seen,
        expected.len(),
        "{lang}: every requirement and track has its row"
    );
}

/// Summary: each company's change in index since the previous campaign, from the exact indices.
fn check_summary(rows: &[Vec<Data>], cur: &ResultDocument, prev: &ResultDocument, lang: &str) {
    let header: Vec<String> = rows[0].iter().map(cell).collect();
    let change = if lang == "fr" {
        "évolution de l'indice"
    } else {
        "change in index"
    };
    for (i, r) in cur.results.iter().enumerate() {
        let row = &rows[i + 1];
        assert_eq!(cell(&row[0]), r.company.name);
        for t in TRACKS {
            let col = header
                .iter()
                .position(|h| *h == format!("{} {change}", track_head(t, lang)))
                .unwrap();
            let expected = previous_of(r, prev)
                .map(|p| index(r, t).unwrap().sub(index(p, t).unwrap()).tenths());
            assert_eq!(
                num(&row[col]),
                expected,
                "{lang} Summary {} {t}",
                r.company.name
            );
            // The rank in the sector group: one more than the companies counted in the same
            // NACE section with a higher exact index.
            let rank = header
                .iter()
                .position(|h| {
                    h.starts_with(track_head(t, lang)) && (h.contains("rank") || h.contains("rang"))
                })
                .unwrap();
            let counted = counted(cur);
            let expected = counted.iter().any(|c| std::ptr::eq(*c, r)).then(|| {
                let me = index(r, t).unwrap();
                1 + counted
                    .iter()
                    .filter(|o| nace_section(o) == nace_section(r))
                    .filter(|o| index(o, t).unwrap().sub(me).n > 0)
                    .count()
            });
            assert_eq!(
                num(&row[rank]),
                expected.map(|x| x as f64),
                "{lang} rank {} {t}",
                r.company.name
            );
        }
        // A repeat says which row counts.
        let quality = header
            .iter()
            .position(|h| h == "Data quality" || h == "Qualité des données")
            .unwrap();
        let flags = cell(&row[quality]);
        if r.warnings.iter().any(|w| w.code == "VG-A17") {
            let first = cur
                .results
                .iter()
                .position(|o| o.company.name == r.company.name)
                .unwrap();
            let marker = format!("{} ", first + 2);
            assert!(
                flags.contains(&marker),
                "{lang} {}: {flags}",
                r.company.name
            );
        }
    }
}

/// Every long sheet starts with the keys to join and pivot on, and the company that left has
/// its row on the « Départs » / "Left" sheet.
fn check_keys_and_left(
    wb: &mut Xlsx<Cursor<Vec<u8>>>,
    cur: &ResultDocument,
    prev: &ResultDocument,
    lang: &str,
) {
    let keys: [&str; 5] = if lang == "fr" {
        [
            "Entreprise",
            "Identifiant",
            "Période",
            "Section NACE",
            "Secteur (section NACE, sinon secteur déclaré)",
        ]
    } else {
        [
            "Company",
            "Identifier",
            "Period",
            "NACE section",
            "Sector (NACE section, else sector as given)",
        ]
    };
    // The per-company coverage by framework (the default) and in detail (`--coverage-detail`,
    // asked for by `workbook`).
    let long: [&str; 5] = if lang == "fr" {
        [
            "Thèmes",
            "Réponses",
            "Prochaines étapes",
            "Couverture (par cadre)",
            "Couverture",
        ]
    } else {
        [
            "Themes",
            "Answers",
            "Next steps",
            "Coverage (by framework)",
            "Coverage",
        ]
    };
    for name in long {
        let rows = sheet(wb, name);
        let top = usize::from(name.starts_with("Couv") || name.starts_with("Cov"));
        let header: Vec<String> = rows[top].iter().take(5).map(cell).collect();
        assert_eq!(header, keys, "{lang} {name}: key columns");
        // Every row names its company's identifier and period, as the JSON does.
        for row in &rows[top + 1..] {
            let r = cur
                .results
                .iter()
                .find(|r| r.company.name == cell(&row[0]))
                .unwrap();
            assert_eq!(cell(&row[2]), r.period.clone().unwrap_or_default());
            assert_eq!(cell(&row[3]), nace_section(r).to_string());
        }
    }
    let left = sheet(wb, if lang == "fr" { "Départs" } else { "Left" });
    let names: Vec<String> = left[2..].iter().map(|r| cell(&r[0])).collect();
    let expected: Vec<String> = prev
        .results
        .iter()
        .filter(|p| {
            !cur.results
                .iter()
                .any(|r| previous_of(r, prev).is_some_and(|x| std::ptr::eq(x, *p)))
        })
        .map(|p| p.company.name.clone())
        .collect();
    assert_eq!(names, expected, "{lang}: companies that left");
}

/// The review: key figures, sector view, blocking questions, common next steps, completeness
/// on the company pages, the company that left and its target.
fn check_review(html: &str, counted: &[&ResultEntry], prev: &ResultDocument, lang: &str) {
    let track_names = if lang == "fr" {
        ["travail des enfants", "travail forcé"]
    } else {
        ["child labour", "forced labour"]
    };
    // Key figures: the mean index per track.
    let key = section(html, "key-figures");
    for t in TRACKS {
        let m = mean(
            &counted
                .iter()
                .map(|r| index(r, t).unwrap())
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert!(
            key.contains(&format!("<b>{}</b>", pct(m.tenths(), lang))),
            "{lang}: mean index {t} {}",
            m.tenths()
        );
    }
    // Sector view: companies, headline levels and mean index per NACE section.
    let sectors = section(html, "sectors");
    let mut groups = 0;
    for row in rows(sectors) {
        let Some(letter) = row[0].strip_prefix("NACE ").and_then(|s| s.chars().next()) else {
            continue;
        };
        let members: Vec<&&ResultEntry> = counted
            .iter()
            .filter(|r| nace_section(r) == letter)
            .collect();
        assert_eq!(row[1], members.len().to_string(), "{lang} sector {letter}");
        for (k, t) in TRACKS.iter().enumerate() {
            let m = mean(
                &members
                    .iter()
                    .map(|r| index(r, t).unwrap())
                    .collect::<Vec<_>>(),
            );
            assert_eq!(
                row[7 + k],
                pct(m.unwrap().tenths(), lang),
                "{lang} sector {letter} {t}"
            );
        }
        groups += 1;
    }
    assert_eq!(groups, 3, "{lang}: sector groups of 4, 1 and 2 companies");
    // Blocking critical questions: every one, with its companies per track.
    let mut blocking: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    for r in counted {
        for (k, t) in TRACKS.iter().enumerate() {
            let e = track_entry(r, t);
            if let Some(next) = e.levels.values().nth(usize::from(e.level)) {
                for q in &next.failed_critical {
                    blocking.entry(q.clone()).or_default()[k] += 1;
                }
            }
        }
    }
    let shown = rows(section(html, "blocking"));
    assert_eq!(
        shown.len(),
        blocking.len(),
        "{lang}: every blocking question is listed"
    );
    for row in &shown {
        let id = row[0].split_whitespace().next().unwrap();
        let counts = blocking[id].map(|n| {
            if n == 0 {
                "·".to_string()
            } else {
                n.to_string()
            }
        });
        assert_eq!(row[2..4], counts, "{lang}: blocking {id}");
    }
    // Most common next steps: the first two per track, each company once per question.
    let mut steps: BTreeMap<String, usize> = BTreeMap::new();
    for r in counted {
        let mut qs = BTreeSet::new();
        for t in TRACKS {
            for s in r.next_steps.iter().filter(|s| s.track.code() == t).take(2) {
                qs.insert(s.question.clone());
            }
        }
        for q in qs {
            *steps.entry(q).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = steps.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let cut = ranked[4].1;
    let expected: Vec<&(String, usize)> = ranked.iter().filter(|(_, n)| *n >= cut).collect();
    let table = rows(section(html, "next-steps"));
    let (body, foot) = table.split_at(expected.len());
    for ((q, n), row) in expected.iter().zip(body) {
        assert!(
            row[0].starts_with(q.as_str()),
            "{lang}: step {q} in {row:?}"
        );
        assert_eq!(row[2], n.to_string(), "{lang}: step {q}");
    }
    let left_out = ranked.len() - expected.len();
    if left_out > 0 {
        assert_eq!(foot.len(), 1, "{lang}: one row says what was left out");
        assert!(
            foot[0][0].contains(&left_out.to_string()),
            "{lang}: {:?}",
            foot[0]
        );
    } else {
        assert!(foot.is_empty());
    }
    // Company pages: each track's completeness on a provisional result.
    for r in counted.iter().filter(|r| r.provisional) {
        let page = html.split("<section class=\"company\">").find(|p| {
            p.contains(&format!(
                "<h2>{}</h2>",
                r.company.name.replace('&', "&amp;")
            ))
        });
        let page = page.unwrap_or_else(|| panic!("{lang}: no page for {}", r.company.name));
        for (k, t) in TRACKS.iter().enumerate() {
            let c = pct(track_entry(r, t).completeness, lang);
            let text = if lang == "fr" {
                format!("{} : {c} % de réponses", track_names[k])
            } else {
                format!("{}: {c}% answered", track_names[k])
            };
            assert!(
                page.to_lowercase().contains(&text),
                "{lang} {}: {text}",
                r.company.name
            );
        }
    }
    // The company that left, and its target that cannot be rated.
    let left: Vec<&ResultEntry> = prev
        .results
        .iter()
        .filter(|p| {
            !counted
                .iter()
                .any(|r| previous_of(r, prev).is_some_and(|x| std::ptr::eq(x, *p)))
        })
        .collect();
    assert_eq!(left.len(), 1);
    let name = &left[0].company.name;
    let since = if lang == "fr" {
        format!("{name} : sortie depuis 2024")
    } else {
        format!("{name}: left since 2024")
    };
    assert!(
        section(html, "transitions").contains(&since),
        "{lang}: {since}"
    );
    let targets = section(html, "targets");
    let row = rows(targets)
        .into_iter()
        .find(|r| r[0] == *name)
        .expect("its target is listed");
    assert!(
        row[5].contains(if lang == "fr" {
            "non évalué"
        } else {
            "not rated"
        }),
        "{row:?}"
    );
}

/// The workbook's Targets sheet rates every target of the file as the review does, and says
/// why the target of the company that left is not rated.
fn check_targets(rows: &[Vec<Data>], html: &str, lang: &str) {
    let review = rows_of_targets(html);
    assert_eq!(rows.len() - 1, 9, "{lang}: one row per target");
    // No-break spaces of French typography read as spaces, as in the review's text.
    let text = |d: &Data| cell(d).replace(['\u{a0}', '\u{202f}'], " ");
    for row in &rows[1..] {
        let company = cell(&row[1]);
        let (target, deadline, status, why) =
            (cell(&row[3]), cell(&row[4]), text(&row[6]), text(&row[7]));
        let r = review
            .iter()
            .find(|r| r[0] == company && r[2] == target && r[3] == deadline)
            .unwrap_or_else(|| panic!("{lang}: {company} {target} {deadline} not in the review"));
        if status.is_empty() {
            assert!(r[5].contains(&why), "{lang} {company}: {why} / {}", r[5]);
        } else {
            assert!(
                r[5].contains(&status),
                "{lang} {company}: {status} / {}",
                r[5]
            );
            assert!(
                why.is_empty() || r[5].contains(&why),
                "{lang} {company}: {why}"
            );
        }
    }
}

fn rows_of_targets(html: &str) -> Vec<Vec<String>> {
    rows(section(html, "targets"))
}

/// The anonymised heat map: per sector group and theme, the mean of the exact theme scores,
/// rounded once to a whole number.
fn check_anonymised_heat_map(html: &str, counted: &[&ResultEntry], lang: &str) {
    let other = if lang == "fr" {
        "Autres secteurs"
    } else {
        "Other sectors"
    };
    let tables: Vec<&str> = html.split("<table class=\"heat\">").skip(1).collect();
    assert_eq!(tables.len(), 2);
    let mut cells = 0;
    for (t, table) in TRACKS.iter().zip(tables) {
        let table = table.split("</table>").next().unwrap();
        let head = table.split("</thead>").next().unwrap();
        let themes: Vec<String> = head.split("<th>").skip(2).map(strip_tags).collect();
        for row in rows(table) {
            let members: Vec<&&ResultEntry> = if row[0] == other {
                counted.iter().filter(|r| nace_section(r) != 'C').collect()
            } else {
                assert!(row[0].starts_with("NACE C"), "{lang}: group {}", row[0]);
                counted.iter().filter(|r| nace_section(r) == 'C').collect()
            };
            assert!(members.len() >= 3);
            for (k, theme) in themes.iter().enumerate() {
                let v: Vec<Q> = members
                    .iter()
                    .filter_map(|r| track_entry(r, t).themes.get(theme).copied().flatten())
                    .map(exact)
                    .collect();
                let expected = mean(&v).map_or("—".to_string(), |m| m.rounded(0).to_string());
                assert_eq!(
                    row[1 + k],
                    expected,
                    "{lang} heat map {t} {} {theme}",
                    row[0]
                );
                cells += 1;
            }
        }
    }
    assert!(cells > 0);
}

/// A campaign where every company is at N0, none was in the previous campaign and no target
/// names one: the review says so in words, with no "0 of 0" tile and no empty table.
#[test]
fn a_campaign_with_nothing_to_compare_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, none, no_target) in [
        (
            "en",
            "nothing to compare",
            "No target names a company of this campaign.",
        ),
        (
            "fr",
            "pas de comparaison",
            "Aucun objectif ne nomme une entreprise de cette campagne.",
        ),
    ] {
        let zero = if lang == "fr" {
            "sur 0</small>"
        } else {
            "of 0</small>"
        };
        for (option, with) in [("--previous", "previous"), ("--targets", "targets.csv")] {
            let path = dir.path().join(format!("n0-{lang}-{with}.html"));
            vigilance()
                .args(["report", "--lang", lang, option])
                .arg(fixture().join(with))
                .arg(fixture().join("current/09-one-track.json"))
                .arg("-o")
                .arg(&path)
                .assert()
                .success();
            let html = std::fs::read_to_string(&path)
                .unwrap()
                .replace(['\u{a0}', '\u{202f}'], " ");
            let tiles = section(&html, "key-figures");
            assert!(!tiles.contains(zero), "{lang}: a 0-of-0 tile: {tiles}");
            if option == "--previous" {
                assert!(section(&html, "transitions").contains(none), "{lang}");
            } else {
                let targets = section(&html, "targets");
                assert!(targets.contains(no_target), "{lang}: {targets}");
                assert!(
                    !targets.contains("<table"),
                    "{lang}: an empty targets table"
                );
            }
        }
    }
}

/// An anonymised review of one company says in the file that its figures are that company's
/// own, and still tells that the company states a NACE code.
#[test]
fn a_one_company_anonymised_review_carries_its_caveat() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, nace, caveat) in [
        (
            "en",
            "Sectors by the NACE section the companies state",
            "This edition covers fewer than 3 companies (1)",
        ),
        (
            "fr",
            "section NACE",
            "Cette édition porte sur moins de 3 entreprises (1)",
        ),
    ] {
        let path = dir.path().join(format!("one-{lang}.html"));
        vigilance()
            .args(["report", "--anonymize", "--lang", lang])
            .arg(fixture().join("current/05-level2-hotels.json"))
            .arg("-o")
            .arg(&path)
            .assert()
            .success();
        let html = std::fs::read_to_string(&path)
            .unwrap()
            .replace(['\u{a0}', '\u{202f}'], " ");
        assert!(section(&html, "sectors").contains(nace), "{lang}");
        assert!(!html.contains("none states a NACE code"), "{lang}");
        assert!(
            !html.contains("aucune n&#39;indique de code NACE"),
            "{lang}"
        );
        // On the cover and in the annex.
        assert_eq!(html.matches(caveat).count(), 2, "{lang}");
    }
}
