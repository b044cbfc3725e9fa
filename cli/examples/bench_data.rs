//! Helper of `scripts/bench-cli.sh` (a developer's tool, not part of the `vigilance` command):
//!
//! - `bench_data generate DIR N` writes N varied, valid answer sheets of the default grid
//!   (deterministic: the same N gives the same files);
//! - `bench_data floor DIR OUT.xlsx` measures the floor the CLI is compared with: parse the same
//!   JSON files and write the cells of the former Answers sheet, one row per answer (11 cells
//!   per answer; the sheet now has one row per question, both tracks side by side: the floor is
//!   kept as it was to compare with earlier figures), with rust_xlsxwriter, in constant-memory
//!   mode, with no validation and no scoring;
//! - `bench_data stages DIR` prints the single-threaded time per sheet of each stage of
//!   `score --format json` (read, parse and check, score, result entry, serialisation).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A benchmark helper: failing loudly is fine.

use rust_xlsxwriter::Workbook;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::Instant;
use vigilance_core::AnswerValue;

/// A small deterministic generator (xorshift64*), enough to vary answers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SECTORS: [&str; 7] = [
    "Agroalimentaire",
    "Automobile",
    "Construction",
    "Hôtellerie",
    "Industrie",
    "Services aux collectivités",
    "Distribution",
];

fn generate(dir: &Path, n: usize) {
    let q = vigilance_core::registry::default_grid();
    std::fs::create_dir_all(dir).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..n {
        // Each company has a "maturity" that makes higher levels less likely to be met.
        let maturity = rng.below(5);
        let mut answers = serde_json::Map::new();
        for question in &q.questions {
            let mut per_track = serde_json::Map::new();
            for track in &question.tracks {
                let rank = u64::from(question.level.rank());
                let roll = rng.below(100);
                let mut value = if rank <= maturity {
                    if roll < 80 {
                        AnswerValue::Yes
                    } else {
                        AnswerValue::Partial
                    }
                } else if roll < 30 {
                    AnswerValue::Yes
                } else if roll < 55 {
                    AnswerValue::No
                } else if roll < 75 {
                    AnswerValue::Partial
                } else if roll < 93 {
                    AnswerValue::Unknown
                } else {
                    AnswerValue::Na
                };
                if value == AnswerValue::Partial && !question.allows_partial() {
                    value = AnswerValue::No;
                }
                if value == AnswerValue::Na && !question.allows_na() {
                    value = AnswerValue::Unknown;
                }
                let mut a = serde_json::Map::new();
                a.insert("value".into(), json!(value.code()));
                if value == AnswerValue::Na {
                    a.insert(
                        "justification".into(),
                        json!("Aucune activité concernée dans le périmètre."),
                    );
                }
                if rng.below(3) == 0 {
                    a.insert(
                        "comment".into(),
                        json!(format!(
                            "Commentaire {i}-{}: plan d'action en cours de déploiement.",
                            question.id
                        )),
                    );
                }
                if value == AnswerValue::Yes && rng.below(2) == 0 {
                    a.insert(
                        "evidence".into(),
                        json!([format!("Plan de vigilance 2025, p. {}", 1 + rng.below(80))]),
                    );
                }
                per_track.insert(track.code().into(), Value::Object(a));
            }
            answers.insert(question.id.clone(), Value::Object(per_track));
        }
        let sheet = json!({
            "format": "vigilance.answers/1",
            "questionnaire": { "id": q.id, "version": q.version },
            "company": {
                "name": format!("Entreprise {i:05} SA"),
                "sector": SECTORS[i % SECTORS.len()],
                "country": "FR"
            },
            "period": "2025",
            "answers": answers,
        });
        let path = dir.join(format!("sheet-{i:05}.json"));
        std::fs::write(path, serde_json::to_vec_pretty(&sheet).unwrap()).unwrap();
    }
}

fn floor(dir: &Path, out: &Path) {
    let start = Instant::now();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    let mut row = 0u32;
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    for f in &files {
        let v: Value = serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
        let company = s(&v["company"]["name"]);
        let Some(answers) = v["answers"].as_object() else {
            continue;
        };
        for (qid, tracks) in answers {
            let Some(tracks) = tracks.as_object() else {
                continue;
            };
            for (track, a) in tracks {
                let cells = [
                    company.clone(),
                    track.clone(),
                    qid.clone(),
                    "N1".into(),
                    "KNO".into(),
                    "".into(),
                    s(&a["value"]),
                    "".into(),
                    s(&a["comment"]),
                    a["evidence"]
                        .as_array()
                        .map(|e| e.iter().map(s).collect::<Vec<_>>().join("\n"))
                        .unwrap_or_default(),
                    s(&a["justification"]),
                ];
                for (c, text) in cells.iter().enumerate() {
                    if c == 7 {
                        ws.write_number(row, c as u16, 1.0).unwrap();
                    } else {
                        ws.write_string(row, c as u16, text).unwrap();
                    }
                }
                row += 1;
            }
        }
    }
    wb.save(out).unwrap();
    println!(
        "floor: {} files, {row} rows × 11 cells in {:.2} s",
        files.len(),
        start.elapsed().as_secs_f64()
    );
}

/// Single-threaded time of each stage of `vigilance score --format json`, to see where it goes.
fn stages(dir: &Path) {
    use vigilance_core::report::json::ResultEntry;
    use vigilance_core::{AnswerSheet, ScoringOptions, score};
    let q = vigilance_core::registry::default_grid();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut t = [0f64; 6];
    let mut bytes_total = 0usize;
    for f in &files {
        let t0 = Instant::now();
        let bytes = std::fs::read(f).unwrap();
        let t1 = Instant::now();
        let _v: Value = serde_json::from_slice(&bytes).unwrap();
        let t2 = Instant::now();
        let parsed = AnswerSheet::parse_bytes(&bytes, q).unwrap();
        let t3 = Instant::now();
        let a = score(q, &parsed.value, &ScoringOptions::default());
        let t4 = Instant::now();
        let entry = ResultEntry::new("x", q, &parsed.value, &a, &parsed.warnings);
        let t5 = Instant::now();
        let json = serde_json::to_string_pretty(&entry).unwrap();
        let t6 = Instant::now();
        bytes_total += json.len();
        for (i, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6)]
            .into_iter()
            .enumerate()
        {
            t[i] += (b - a).as_secs_f64();
        }
    }
    let n = files.len() as f64;
    for (name, secs) in [
        "read file",
        "serde_json::Value (reference)",
        "AnswerSheet::parse_bytes",
        "score",
        "ResultEntry::new",
        "to_string_pretty",
    ]
    .iter()
    .zip(t)
    {
        println!("{name:32} {:8.1} µs/sheet", secs / n * 1e6);
    }
    println!("JSON out: {:.1} KB/sheet", bytes_total as f64 / n / 1000.0);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", dir, n] => generate(Path::new(dir), n.parse().expect("N is a number")),
        ["floor", dir, out] => floor(Path::new(dir), Path::new(out)),
        ["stages", dir] => stages(Path::new(dir)),
        _ => {
            eprintln!("usage: bench_data generate DIR N | floor DIR OUT.xlsx | stages DIR");
            std::process::exit(2);
        }
    }
}
