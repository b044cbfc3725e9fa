//! Scoring throughput: sheets scored per second (already parsed) and sheets parsed, validated and
//! scored per second from JSON text, on the example sheets of `tests/fixtures/examples-1.0/examples/` (or a
//! generated complete sheet when none are present). Run with `cargo bench -p vigilance-core`;
//! criterion prints the figures as elements per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vigilance_core::{AnswerSheet, EvidenceMode, ScoringOptions, score};

fn example_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/examples-1.0/examples");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    if texts.is_empty() {
        let Some(q) = vigilance_core::registry::find("rhsf-fir", "1.0.0") else {
            panic!("rhsf-fir 1.0.0 is built in")
        };
        let mut sheet = AnswerSheet::new(q);
        sheet.company.name = "Benchmark SA".into();
        for question in &q.questions {
            for t in &question.tracks {
                let mut a = vigilance_core::Answer::new(vigilance_core::AnswerValue::Yes);
                a.comment = Some("Documented in the 2025 vigilance plan".into());
                sheet.set_answer(&question.id, *t, Some(a));
            }
        }
        texts.push(sheet.to_json_pretty());
    }
    texts
}

fn bench(c: &mut Criterion) {
    let Some(q) = vigilance_core::registry::find("rhsf-fir", "1.0.0") else {
        panic!("rhsf-fir 1.0.0 is built in")
    };
    let texts = example_texts();
    let sheets: Vec<AnswerSheet> = texts
        .iter()
        .filter_map(|t| AnswerSheet::parse(t, q).ok().map(|p| p.value))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} example sheets, {} bytes of JSON in all",
        sheets.len(),
        bytes
    );

    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Elements(sheets.len() as u64));
    for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
        let opts = ScoringOptions {
            evidence_mode: mode,
            threshold: None,
        };
        group.bench_function(format!("parsed sheets, {}", mode.code()), |b| {
            b.iter(|| {
                for s in &sheets {
                    black_box(score(q, black_box(s), &opts));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("parse+validate+score");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("from JSON text", |b| {
        b.iter(|| {
            for t in &texts {
                if let Ok(p) = AnswerSheet::parse(black_box(t), q) {
                    black_box(score(q, &p.value, &ScoringOptions::default()));
                }
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
