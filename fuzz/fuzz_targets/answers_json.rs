//! Answer-sheet JSON: read + check + score in both modes must never panic, and a sheet that
//! reads must survive its own export (write, read again, same sheet, same result).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigilance_core::report::json::ResultEntry;
use vigilance_core::{AnswerSheet, EvidenceMode, Lang, ScoringOptions, registry, score};

fuzz_target!(|data: &[u8]| {
    let q = registry::find("rhsf-fir", "1.0.0").expect("rhsf-fir 1.0.0 is built in");
    match AnswerSheet::parse_bytes(data, q) {
        Ok(parsed) => {
            for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
                let opts = ScoringOptions {
                    evidence_mode: mode,
                    threshold: None,
                };
                let a = score(q, &parsed.value, &opts);
                assert!(a.headline_level <= 4);
                let entry = ResultEntry::new("fuzz", q, &parsed.value, &a, &parsed.warnings);
                let _ = serde_json::to_string(&entry);
            }
            assert!(parsed.value.check(q).iter().all(|p| !p.is_error()));
            let exported = parsed.value.to_json_pretty();
            let again = match AnswerSheet::parse(&exported, q) {
                Ok(p) => p.value,
                Err(e) => panic!("an exported sheet does not read back: {e}\n{exported}"),
            };
            assert_eq!(again.answers, parsed.value.answers);
        }
        Err(problems) => {
            assert!(!problems.0.is_empty());
            let _ = problems.describe(Lang::Fr);
            let _ = problems.describe(Lang::En);
        }
    }
});
