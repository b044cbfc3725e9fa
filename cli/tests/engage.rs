//! The engagement loop end to end (issue 21): three companies; `engage init`; the analyst
//! rejects one answer and challenges another, and agrees three actions; `score --engagement`
//! gives both levels, the reviewed one exactly as docs/method.md's rule gives it; `engage carry`
//! starts 2026 with the open actions. The answer sheets are never modified.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use calamine::{Reader, Xlsx, open_workbook};
use common::{document, root, vigilance};
use serde_json::{Value, json};

const SHEETS: [&str; 3] = [
    "questionnaires/examples/04-level2-construction.json",
    "questionnaires/examples/05-level2-hotels.json",
    "questionnaires/examples/06-level4-utilities.json",
];

fn read(p: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn a_campaign_runs_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let eng = dir.path().join("engagement");
    let before: Vec<String> = SHEETS
        .iter()
        .map(|s| std::fs::read_to_string(root().join(s)).unwrap())
        .collect();

    // 1. init: one file per sheet.
    let out = vigilance()
        .args([
            "engage",
            "init",
            "--lang",
            "en",
            "--analyst",
            "CM",
            "--date",
            "2026-03-12",
        ])
        .args(SHEETS)
        .arg("-o")
        .arg(&eng)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = eng.join("04-level2-construction.engagement.json");
    let mut e = read(&file);
    assert_eq!(e["format"], "vigilance.engagement/1");
    assert_eq!(e["reviews"]["Q08"]["FL"]["status"], "accepted");
    assert!(!e["actions"].as_array().unwrap().is_empty());

    // 2. The analyst rejects Q08 FL (critical at N2), challenges Q10 CL, agrees three actions.
    e["reviews"]["Q08"]["FL"]["status"] = json!("rejected");
    e["reviews"]["Q08"]["FL"]["note"] = json!("The policy is not signed by the board.");
    e["reviews"]["Q10"]["CL"]["status"] = json!("challenged");
    e["reviews"]["Q10"]["CL"]["note"] = json!("Ask for the supplier code of conduct.");
    let actions = e["actions"].as_array_mut().unwrap();
    actions.truncate(3);
    actions[0]["text"] = json!("Map the Lyon plant's agency workers by June.");
    actions[0]["owner"] = json!("HR director");
    actions[0]["due"] = json!("2026-01-31");
    actions[0]["status"] = json!("in_progress");
    actions[1]["owner"] = json!("J. Roux, purchasing");
    actions[1]["due"] = json!("2026-09-30");
    actions[2]["status"] = json!("done");
    actions[2]["evidence"] = json!(["2026 report p. 4"]);
    e["dialogue"] = json!([{"date": "2026-03-12", "kind": "meeting",
        "participants": ["CM", "HR director"], "summary": "Review of the 2025 answers."}]);
    std::fs::write(&file, serde_json::to_string_pretty(&e).unwrap()).unwrap();
    let out = vigilance()
        .args(["engage", "validate", "--lang", "en"])
        .arg(&eng)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // 3. score --engagement: both levels.
    let out = vigilance()
        .args(["score", "--lang", "en", "--format", "json", "-o", "-"])
        .args(SHEETS)
        .arg("--engagement")
        .arg(&eng)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = document(&out.stdout);
    let levels: Vec<(u8, u8)> = doc
        .results
        .iter()
        .map(|r| {
            let rev = r.reviewed.as_ref().expect("reviewed");
            assert!(rev.applied, "{:?}", rev.problems);
            (r.headline_level, rev.headline_level.unwrap())
        })
        .collect();
    assert_eq!(levels, vec![(2, 1), (2, 2), (4, 4)]);
    let lower = levels.iter().filter(|(d, r)| r < d).count();
    assert_eq!(lower, 1, "one company reviewed lower than declared");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("level as declared N2, as reviewed N1"),
        "{stderr}"
    );

    // The rule, applied by hand: Q08 FL rejected counts as `unknown`, the challenge changes
    // nothing. Scoring that sheet as declared gives the reviewed result exactly.
    let mut by_hand = read(&root().join(SHEETS[0]));
    let q08 = &mut by_hand["answers"]["Q08"]["FL"];
    if q08.is_string() {
        *q08 = json!("unknown");
    } else {
        q08["value"] = json!("unknown");
        q08.as_object_mut().unwrap().remove("justification");
    }
    let hand = dir.path().join("by-hand.json");
    std::fs::write(&hand, serde_json::to_string(&by_hand).unwrap()).unwrap();
    let out = vigilance()
        .args(["score", "--format", "json", "-o", "-"])
        .arg(&hand)
        .output()
        .unwrap();
    let expected = &document(&out.stdout).results[0];
    let reviewed = doc.results[0].reviewed.as_ref().unwrap();
    assert_eq!(Some(expected.headline_level), reviewed.headline_level);
    // The reviewed result carries its texts (as in the self-contained shape): compare without.
    let reviewed_tracks: std::collections::BTreeMap<_, vigilance_core::report::lean::CompactTrack> =
        reviewed
            .tracks
            .clone()
            .into_iter()
            .map(|(t, e)| (t, e.into()))
            .collect();
    assert_eq!(expected.tracks, reviewed_tracks);

    // The CSV shows both, side by side.
    let out = vigilance()
        .args(["score", "--lang", "en", "--format", "csv", "-o", "-"])
        .args(SHEETS)
        .arg("--engagement")
        .arg(&eng)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",reviewed_level,reviewed_n1,reviewed_n2,reviewed_n3,reviewed_n4,reviewed_headline,engagement,engagement_error"), "{header}");

    // The workbook: the level as reviewed in the Summary, the Analyst review and Actions sheets.
    let xlsx = dir.path().join("results.xlsx");
    let out = vigilance()
        .env("SOURCE_DATE_EPOCH", "1773316800") // 2026-03-12
        .args(["score", "--lang", "en", "-q", "-o"])
        .arg(&xlsx)
        .args(SHEETS)
        .arg("--engagement")
        .arg(&eng)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let summary = book.worksheet_range("Summary").unwrap();
    let header: Vec<String> = summary
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = header
        .iter()
        .position(|h| h == "Level as reviewed by the analyst")
        .expect("reviewed column");
    let reviewed: Vec<String> = summary.rows().skip(1).map(|r| r[col].to_string()).collect();
    assert_eq!(reviewed, vec!["1", "2", "4"]);
    assert!(
        header.contains(&"FL level reviewed".to_string()),
        "{header:?}"
    );
    let review = book.worksheet_range("Analyst review").unwrap();
    let rows: Vec<Vec<String>> = review
        .rows()
        .skip(1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(&rows[0][2..5], ["Q08", "FL", "Rejected"]);
    assert_eq!(rows[0][7], "\"Don't know\" (unknown)");
    assert_eq!(rows[0][8], "The policy is not signed by the board.");
    assert_eq!(&rows[1][2..5], ["Q10", "CL", "Challenged"]);
    let actions = book.worksheet_range("Actions").unwrap();
    let rows: Vec<Vec<String>> = actions
        .rows()
        .skip(1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert!(rows.len() >= 3 + 5, "{rows:?}");
    assert_eq!(
        &rows[0][5..9],
        ["In progress", "HR director", "2026-01-31", "Overdue"]
    );
    assert_eq!(rows[1][8], "", "due 2026-09-30: not overdue");
    assert_eq!(rows[2][5], "Done");

    // The campaign review: levels as reviewed beside the declared ones, the open actions; the
    // company pages show the challenged answers, the dialogue and the plan.
    let report = |lang: &str, anonymize: bool| -> String {
        let html = dir.path().join(format!("review-{lang}-{anonymize}.html"));
        let mut cmd = vigilance();
        cmd.env("SOURCE_DATE_EPOCH", "1773316800") // 2026-03-12
            .args(["report", "-q", "--lang", lang, "-o"])
            .arg(&html)
            .args(SHEETS)
            .arg("--engagement")
            .arg(&eng);
        if anonymize {
            cmd.arg("--anonymize");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(&html).unwrap()
    };
    let en = report("en", false);
    assert!(
        en.contains("Reviewed at a lower headline level than declared: 1; higher: 0."),
        "{en}"
    );
    assert!(en.contains("3 companies of 3 reviewed by an analyst."));
    assert!(en.contains("<small>level as reviewed: N1</small>"));
    assert!(en.contains("The policy is not signed by the board."));
    assert!(en.contains("Meeting (CM, HR director) — Review of the 2025 answers."));
    // (What the anonymised edition must leave out is there when named.)
    assert!(en.contains("Map the Lyon plant") && en.contains("J. Roux"));
    assert!(en.contains(
        "<td>HR director</td><td class=\"nw\">2026-01-31</td><td>In progress — <b>Overdue</b></td>"
    ));
    let fr = report("fr", false);
    assert!(fr.contains("Revues à un niveau global inférieur au niveau déclaré\u{a0}: 1"));
    assert!(fr.contains("Réponses contestées ou rejetées par l&#39;analyste"));
    assert!(fr.contains("En cours — <b>En retard</b>"));
    // Anonymised: the figures stay, no company, note, owner or action text appears.
    for anonymous in [report("en", true), report("fr", true)] {
        assert!(anonymous.contains("id=\"engagement\""));
        let mut secrets = vec![
            "The policy is not signed by the board.".to_string(),
            "HR director".to_string(),
            "J. Roux".to_string(),
            "Review of the 2025 answers.".to_string(),
        ];
        secrets.extend(SHEETS.iter().map(|s| {
            read(&root().join(s))["company"]["name"]
                .as_str()
                .unwrap()
                .to_string()
        }));
        secrets.push("Lyon plant".to_string());
        for secret in &secrets {
            assert!(!anonymous.contains(secret.as_str()), "{secret}");
        }
    }

    // 4. carry to 2026: the open actions carried over, the done one kept as history, the
    // challenges listed as context.
    let next = dir.path().join("engagement-2026");
    let out = vigilance()
        .args(["engage", "carry", "--lang", "en", "--to-period", "2026"])
        .arg(&eng)
        .arg("-o")
        .arg(&next)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let n = read(&next.join("04-level2-construction.engagement.json"));
    assert_eq!(n["period"], "2026");
    assert_eq!(n["reviews"], json!({}));
    let statuses: Vec<&str> = n["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["in_progress", "planned", "done"]);
    assert!(
        n["actions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["carried_from"] == "2025")
    );
    assert_eq!(n["context"].as_array().unwrap().len(), 2);
    // A 2026 file is refused for the 2025 sheet, saying which period.
    let out = vigilance()
        .args([
            "score",
            "--lang",
            "en",
            "--format",
            "csv",
            "-o",
            "-",
            SHEETS[0],
            "--engagement",
        ])
        .arg(next.join("04-level2-construction.engagement.json"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("[VG-E08]"));

    // Nothing was written into the answer sheets.
    for (s, b) in SHEETS.iter().zip(&before) {
        assert_eq!(&std::fs::read_to_string(root().join(s)).unwrap(), b);
    }
}

#[test]
fn engagement_files_beside_the_sheets_are_not_read_as_sheets() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(SHEETS[0]), dir.path().join("acme.json")).unwrap();
    let out = vigilance()
        .args(["engage", "init", "--date", "2026-03-12"])
        .arg(dir.path().join("acme.json"))
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = vigilance()
        .args(["score", "--format", "json", "-o", "-"])
        .arg(dir.path())
        .arg("--engagement")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = document(&out.stdout);
    assert_eq!(doc.results.len(), 1);
    assert!(doc.results[0].reviewed.as_ref().unwrap().applied);
}

/// A folder holding a company's dossier (.zip): `engage init` lists the answers of its
/// `answers.json`, and `score --engagement` scores it as reviewed with the same evidence rule as
/// declared: the stale document behind Q02 FL (dated 2019) counts as no evidence either way.
#[test]
fn a_dossier_is_reviewed_like_a_sheet_with_the_same_evidence_rule() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("answers");
    let eng = dir.path().join("engagement");
    std::fs::create_dir(&sheets).unwrap();
    let dossier = sheets.join("acme-dossier.zip");
    std::fs::copy(
        root().join("tests/fixtures/dossiers/acme-dossier.zip"),
        &dossier,
    )
    .unwrap();
    let before = std::fs::read(&dossier).unwrap();
    let out = vigilance()
        .args(["engage", "init", "--lang", "en", "--date", "2026-03-12"])
        .arg(&sheets)
        .arg("-o")
        .arg(&eng)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = eng.join("acme-dossier.engagement.json");
    let mut e = read(&file);
    assert_eq!(e["company"]["name"], "Acme Agro SA");
    // The analyst rejects Q01 CL, declared yes with evidence that counts.
    e["reviews"]["Q01"]["CL"]["status"] = json!("rejected");
    e["reviews"]["Q01"]["CL"]["note"] = json!("The plan is a draft.");
    std::fs::write(&file, serde_json::to_string_pretty(&e).unwrap()).unwrap();

    let out = vigilance()
        // Self-contained results: the reviewed tracks are compared with the declared ones.
        .args([
            "score",
            "--format",
            "json",
            "--embed-texts",
            "-o",
            "-",
            "--lang",
            "en",
        ])
        .args(["--evidence-mode", "substantiated"])
        .arg(&sheets)
        .arg("--engagement")
        .arg(&eng)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = &doc["results"][0];
    let reviewed = &result["reviewed"];
    assert_eq!(reviewed["applied"], true, "{reviewed}");
    // FL has no review changed: as reviewed is as declared, stale evidence included.
    assert_eq!(reviewed["tracks"]["FL"], result["tracks"]["FL"]);
    assert_eq!(
        result["tracks"]["FL"]["unsubstantiated_count"],
        reviewed["tracks"]["FL"]["unsubstantiated_count"]
    );
    // CL loses Q01's yes.
    let n1 = |t: &Value| t["levels"]["N1"]["score"].as_f64().unwrap();
    assert!(
        n1(&reviewed["tracks"]["CL"]) < n1(&result["tracks"]["CL"]),
        "{reviewed}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("[VG-D18]"), "{stderr}");
    // The dossier is not modified.
    assert_eq!(std::fs::read(&dossier).unwrap(), before);
}
