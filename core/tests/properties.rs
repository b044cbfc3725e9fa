//! Property tests of the scoring invariants of docs/method.md: a better answer never lowers a score, a
//! level or the headline; `na` never lowers a percentage; the order of questions changes
//! nothing; the level stays within 0..=4 and never passes a failed gate; completeness is 100 %
//! exactly when every question of the track is answered; coverage lists every covered requirement
//! once per track, shows a requirement whose linked answers all earn their full point as such, one
//! with an unanswered linked question as incomplete, and no status for frameworks that only
//! inform; the heavy-`na` warning is exactly the levels where `na` leaves out more than a quarter
//! of the question weight, and never changes a level on a grid without `na_limits`.
//! Every built-in grid (each version of
//! the full grid, and the light grid) is tested.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use vigilance_core::report::json::ResultEntry;
use vigilance_core::{
    Answer, AnswerSheet, AnswerValue, Assessment, EvidenceMode, Level, Questionnaire,
    ScoringOptions, Track, coverage, registry, score,
};

/// The properties, stated once and instantiated for each built-in grid below.
macro_rules! grid_properties {
    ($id:literal, $version:literal) => {
        use super::*;

        fn grid() -> &'static Questionnaire {
            registry::find($id, $version).expect("built-in grid")
        }

        /// Every (question position, track) pair of the grid.
        fn slots() -> Vec<(usize, Track)> {
            let q = grid();
            q.questions
                .iter()
                .enumerate()
                .flat_map(|(i, x)| x.tracks.iter().map(move |t| (i, *t)))
                .collect()
        }

        /// One generated answer: `None` = unanswered; the index picks among the allowed values.
        type Gen = Option<(u8, bool)>;

        fn build(draws: &[Gen]) -> AnswerSheet {
            let q = grid();
            let mut sheet = AnswerSheet::new(q);
            sheet.company.name = "Propriété SA".into();
            for ((qi, track), g) in slots().into_iter().zip(draws) {
                if let Some((pick, evidence)) = g {
                    let question = &q.questions[qi];
                    let allowed: Vec<AnswerValue> = question.allowed_values().collect();
                    let value = allowed[usize::from(*pick) % allowed.len()];
                    let mut a = Answer::new(value);
                    if *evidence {
                        a.evidence.push("Rapport de vigilance 2025".into());
                    }
                    if value == AnswerValue::Na {
                        a.justification = Some("Not relevant to this business model".into());
                    }
                    sheet.set_answer(&question.id, track, Some(a));
                }
            }
            sheet
        }

        fn sheets() -> impl Strategy<Value = Vec<Gen>> {
            prop::collection::vec(
                prop::option::weighted(0.8, (0u8..5, any::<bool>())),
                slots().len(),
            )
        }

        fn modes() -> impl Strategy<Value = ScoringOptions> {
            prop_oneof![
                Just(EvidenceMode::Declarative),
                Just(EvidenceMode::Substantiated)
            ]
            .prop_map(|evidence_mode| ScoringOptions {
                evidence_mode,
                threshold: None,
            })
        }

        /// Points order of non-`na` values: a "better" answer earns at least as much.
        fn rank(v: Option<AnswerValue>) -> u8 {
            match v {
                None | Some(AnswerValue::No) | Some(AnswerValue::Unknown) => 0,
                Some(AnswerValue::Partial) => 1,
                Some(AnswerValue::Yes) => 2,
                Some(AnswerValue::Na) => u8::MAX,
            }
        }

        fn level_scores(a: &Assessment) -> Vec<Option<u64>> {
            a.tracks
                .iter()
                .flat_map(|t| t.levels.iter().map(|l| l.score.percent_tenths()))
                .collect()
        }

        fn theme_scores(a: &Assessment) -> Vec<Option<u64>> {
            a.tracks
                .iter()
                .flat_map(|t| t.themes.iter().map(|r| r.percent_tenths()))
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

            #[test]
            fn a_better_answer_never_lowers_anything(draws in sheets(), slot in 0usize..10_000, better in 0u8..5, evidence in any::<bool>(), opts in modes()) {
                let q = grid();
                let (qi, track) = slots()[slot % slots().len()];
                let before_sheet = build(&draws);
                let question = &q.questions[qi];
                let old = before_sheet.answer(&question.id, track).cloned();
                let allowed: Vec<AnswerValue> =
                    question.allowed_values().filter(|v| *v != AnswerValue::Na).collect();
                let new_value = allowed[usize::from(better) % allowed.len()];
                prop_assume!(old.as_ref().is_none_or(|a| a.value != AnswerValue::Na));
                prop_assume!(rank(Some(new_value)) >= rank(old.as_ref().map(|a| a.value)));
                let mut new = Answer::new(new_value);
                let had_evidence = old.as_ref().is_some_and(|a| a.has_evidence());
                if had_evidence || evidence {
                    new.evidence.push("Audit report 2025".into());
                }
                let mut after_sheet = before_sheet.clone();
                after_sheet.set_answer(&question.id, track, Some(new));
                let before = score(q, &before_sheet, &opts);
                let after = score(q, &after_sheet, &opts);
                for (b, a) in level_scores(&before).into_iter().zip(level_scores(&after)) {
                    prop_assert!(a >= b, "level score went down: {b:?} -> {a:?}");
                }
                for (b, a) in theme_scores(&before).into_iter().zip(theme_scores(&after)) {
                    prop_assert!(a >= b, "theme score went down: {b:?} -> {a:?}");
                }
                for (b, a) in before.tracks.iter().zip(&after.tracks) {
                    prop_assert!(a.level >= b.level);
                    prop_assert!(a.index >= b.index);
                    for l in Level::ALL {
                        prop_assert!(!b.level_result(l).achieved || a.level_result(l).achieved);
                    }
                }
                prop_assert!(after.headline_level >= before.headline_level);
            }

            #[test]
            fn na_never_lowers_a_percentage(draws in sheets(), slot in 0usize..10_000, opts in modes()) {
                let q = grid();
                // Only questions that allow `na` (the light grid has few).
                let na_slots: Vec<(usize, Track)> =
                    slots().into_iter().filter(|(qi, _)| q.questions[*qi].allows_na()).collect();
                prop_assume!(!na_slots.is_empty());
                let (qi, track) = na_slots[slot % na_slots.len()];
                let question = &q.questions[qi];
                let mut with_no = build(&draws);
                with_no.set_answer(&question.id, track, Some(Answer::new(AnswerValue::No)));
                let mut with_na = with_no.clone();
                let mut na = Answer::new(AnswerValue::Na);
                na.justification = Some("Outside the scope of our operations".into());
                with_na.set_answer(&question.id, track, Some(na));
                let a = score(q, &with_no, &opts);
                let b = score(q, &with_na, &opts);
                for (x, y) in level_scores(&a).into_iter().zip(level_scores(&b)) {
                    // `None` only when `na` empties the level: no percentage to lower.
                    prop_assert!(y.is_none() || y >= x, "{x:?} -> {y:?}");
                }
                for (x, y) in theme_scores(&a).into_iter().zip(theme_scores(&b)) {
                    prop_assert!(y.is_none() || y >= x, "{x:?} -> {y:?}");
                }
                prop_assert!(b.tracks.iter().zip(&a.tracks).all(|(y, x)| y.completeness() == x.completeness()));
            }

            #[test]
            fn question_order_changes_nothing(draws in sheets(), seed in any::<u64>(), opts in modes()) {
                let q = grid();
                let sheet = build(&draws);
                let reference = ResultEntry::new("s", q, &sheet, &score(q, &sheet, &opts), &[]);
                // The answer file written in another order reads to the same result.
                let value = serde_json::to_value(&sheet).unwrap();
                let mut entries: Vec<(String, serde_json::Value)> =
                    value["answers"].as_object().unwrap().clone().into_iter().collect();
                shuffle(&mut entries, seed);
                let answers: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", serde_json::to_string(k).unwrap(), v))
                    .collect();
                let text = format!(
                    r#"{{"answers": {{{}}}, "company": {}, "questionnaire": {}, "format": "vigilance.answers/1"}}"#,
                    answers.join(","),
                    value["company"],
                    value["questionnaire"]
                );
                let reread = AnswerSheet::parse(&text, q).unwrap().value;
                let shuffled = ResultEntry::new("s", q, &reread, &score(q, &reread, &opts), &[]);
                prop_assert_eq!(&reference, &shuffled);
                // A questionnaire listing its questions in another order scores the same.
                let mut grid: serde_json::Value =
                    serde_json::to_value(grid()).unwrap();
                let questions = grid["questions"].as_array_mut().unwrap();
                let mut qs: Vec<(String, serde_json::Value)> = questions.drain(..).map(|v| (String::new(), v)).collect();
                shuffle(&mut qs, seed ^ 0x9e37_79b9);
                questions.extend(qs.into_iter().map(|(_, v)| v));
                let reordered = Questionnaire::parse(&grid.to_string()).unwrap();
                let other = score(&reordered, &sheet, &opts);
                let mine = score(q, &sheet, &opts);
                prop_assert_eq!(other.headline_level, mine.headline_level);
                for (x, y) in mine.tracks.iter().zip(&other.tracks) {
                    prop_assert_eq!(x.level, y.level);
                    prop_assert_eq!(x.index, y.index);
                    prop_assert_eq!(&x.themes, &y.themes);
                    for l in Level::ALL {
                        prop_assert_eq!(x.level_result(l).score, y.level_result(l).score);
                    }
                }
            }

            #[test]
            fn level_is_bounded_and_gated(draws in sheets(), opts in modes(), threshold in 0u32..=100) {
                let q = grid();
                let opts = ScoringOptions { threshold: vigilance_core::Percent::from_f64(f64::from(threshold)), ..opts };
                let a = score(q, &build(&draws), &opts);
                for t in &a.tracks {
                    prop_assert!(t.level <= 4);
                    for l in Level::ALL {
                        let r = t.level_result(l);
                        if l.rank() <= t.level {
                            prop_assert!(r.achieved && r.meets_threshold && r.failed_critical.is_empty());
                        }
                        if !r.achieved {
                            prop_assert!(t.level < l.rank());
                        }
                    }
                }
                prop_assert_eq!(a.headline_level, a.tracks.iter().map(|t| t.level).min().unwrap());
            }

            #[test]
            fn completeness_is_full_exactly_when_all_answered(draws in sheets()) {
                let q = grid();
                let sheet = build(&draws);
                let a = score(q, &sheet, &ScoringOptions::default());
                for t in &a.tracks {
                    let all = slots()
                        .iter()
                        .filter(|(_, tr)| *tr == t.track)
                        .all(|(qi, tr)| sheet.answer(&q.questions[*qi].id, *tr).is_some());
                    prop_assert_eq!(t.completeness() == 100.0, all);
                    prop_assert_eq!(t.is_complete(), all);
                }
                prop_assert_eq!(a.provisional, a.tracks.iter().any(|t| !t.is_complete()));
            }

            #[test]
            fn coverage_lists_every_covered_requirement_once_per_track(draws in sheets(), opts in modes()) {
                let q = grid();
                let a = score(q, &build(&draws), &opts);
                let listed = coverage::sheet_coverage(q, &a);
                let expected: usize = coverage::grid_coverage(q)
                    .iter()
                    .map(|r| Track::ALL.iter().filter(|t| !r.questions_for(**t).is_empty()).count())
                    .sum();
                prop_assert_eq!(listed.len(), expected);
                for r in &listed {
                    prop_assert!(!r.questions.is_empty());
                    // A requirement whose linked answers are all given, apply, and earn their full
                    // point shows so.
                    let track = a.track(r.track).unwrap();
                    let all_full = r.questions.iter().all(|&qi| {
                        track.answer(qi).is_some_and(|s| {
                            s.value().is_some() && s.points().is_some() && s.is_full()
                        })
                    });
                    let f = &q.frameworks[r.framework];
                    if !f.kind.has_status() {
                        // Indicators, instruments, product rules: never a status.
                        prop_assert_eq!(r.status, None);
                    } else if f.requirements[r.requirement].suspended.is_some() {
                        prop_assert_eq!(r.status, Some(coverage::RequirementStatus::NotAssessed));
                    } else if all_full {
                        prop_assert_eq!(r.status, Some(coverage::RequirementStatus::AllFull));
                    }
                    // Any unanswered linked question: incomplete, never at full point.
                    let unanswered = r
                        .questions
                        .iter()
                        .any(|&qi| track.answer(qi).is_none_or(|s| s.value().is_none()));
                    if unanswered && r.status.is_some() && f.requirements[r.requirement].suspended.is_none() {
                        prop_assert_eq!(r.status, Some(coverage::RequirementStatus::Incomplete));
                    }
                }
            }

            #[test]
            fn the_heavy_na_warning_is_exactly_the_levels_over_a_quarter(draws in sheets(), opts in modes()) {
                let q = grid();
                let a = score(q, &build(&draws), &opts);
                let mut expected = 0;
                for t in &a.tracks {
                    for l in Level::ALL {
                        let r = t.level_result(l);
                        // More than a quarter of the level's question weight left out by `na`.
                        let heavy = r.na_weight * 4 > r.weight;
                        prop_assert_eq!(r.heavy_na(), heavy);
                        expected += usize::from(heavy);
                        if q.na_limits.is_none() {
                            // No limits: the warning never changes whether a level is achieved.
                            prop_assert!(!r.too_many_na);
                            prop_assert_eq!(
                                r.achieved,
                                r.meets_threshold && r.failed_critical.is_empty()
                            );
                        }
                    }
                }
                let warnings = a.warnings();
                prop_assert_eq!(warnings.len(), expected);
                prop_assert!(warnings.iter().all(|w| w.code() == "VG-A18" && !w.is_error()));
            }
        }

        #[test]
        fn a_complete_sheet_is_not_provisional() {
            let draws: Vec<Gen> = vec![Some((0, true)); slots().len()];
            let a = score(
                grid(),
                &build(&draws),
                &ScoringOptions::default(),
            );
            assert!(!a.provisional);
            assert_eq!(a.headline_level, 4);
            // Every requirement the grid covers shows its linked answers at full point, except
            // for frameworks that only inform (no status) and requirements the grid suspends
            // (not assessed).
            for r in coverage::sheet_coverage(grid(), &a) {
                let framework = &grid().frameworks[r.framework];
                let statused = framework.kind.has_status();
                let expected = statused.then_some(
                    if framework.requirements[r.requirement].suspended.is_some() {
                        coverage::RequirementStatus::NotAssessed
                    } else {
                        coverage::RequirementStatus::AllFull
                    },
                );
                assert_eq!(r.status, expected);
            }
            assert!(a.warnings().is_empty(), "no `na`, no warning");
        }

        fn shuffle<T>(items: &mut [T], mut seed: u64) {
            for i in (1..items.len()).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let j = (seed >> 33) as usize % (i + 1);
                items.swap(i, j);
            }
        }
    };
}

mod rhsf_fir_1_0_0 {
    grid_properties!("rhsf-fir", "1.0.0");
}

mod rhsf_fir_1_1_0 {
    grid_properties!("rhsf-fir", "1.1.0");
}

mod rhsf_fir_1_2_0 {
    grid_properties!("rhsf-fir", "1.2.0");
}

mod rhsf_fir_sme_1_0_0 {
    grid_properties!("rhsf-fir-sme", "1.0.0");
}

mod rhsf_fir_sme_1_1_0 {
    grid_properties!("rhsf-fir-sme", "1.1.0");
}

/// The grids the modules above test, as (id, version).
const TESTED: [(&str, &str); 5] = [
    ("rhsf-fir", "1.0.0"),
    ("rhsf-fir", "1.1.0"),
    ("rhsf-fir", "1.2.0"),
    ("rhsf-fir-sme", "1.0.0"),
    ("rhsf-fir-sme", "1.1.0"),
];

#[test]
fn every_grid_of_the_manifest_is_tested() {
    let manifest: Vec<(&str, &str)> = registry::BUILTIN
        .iter()
        .map(|g| (g.id, g.version))
        .collect();
    assert_eq!(
        manifest, TESTED,
        "add a module above for each grid of questionnaires/grids.toml"
    );
}
