//! Scores answer sheets with the built-in grid and prints the result document:
//! `cargo run -p vigilance-core --example score -- [--substantiated] FILE...`
//! (a developer's tool; users have the `vigilance` command).

use vigilance_core::report::json::{ErrorEntry, ResultDocument, ResultEntry};
use vigilance_core::{AnswerSheet, EvidenceMode, Lang, ScoringOptions, score};

fn main() {
    let Some(q) = vigilance_core::registry::find("rhsf-fir", "1.0.0") else {
        panic!("rhsf-fir 1.0.0 is built in")
    };
    let mut opts = ScoringOptions::default();
    let (mut results, mut errors) = (Vec::new(), Vec::new());
    for arg in std::env::args().skip(1) {
        if arg == "--substantiated" {
            opts.evidence_mode = EvidenceMode::Substantiated;
            continue;
        }
        let parsed = std::fs::read(&arg)
            .map_err(|e| e.to_string())
            .and_then(|b| AnswerSheet::parse_bytes(&b, q).map_err(|e| e.describe(Lang::En)));
        match parsed {
            Ok(p) => {
                let a = score(q, &p.value, &opts);
                results.push(ResultEntry::new(&arg, q, &p.value, &a, &p.warnings));
            }
            Err(e) => errors.push(ErrorEntry {
                source: arg.clone(),
                message: e,
                problems: Vec::new(),
            }),
        }
    }
    println!("{}", ResultDocument::new(results, errors).to_json_pretty());
}
