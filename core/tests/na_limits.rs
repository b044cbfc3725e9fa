//! The limits on "not applicable" of METHOD.md and docs/method.md: the worked example, the sheet
//! that answers its critical questions `yes` and everything else `na`, the substantiated mode,
//! and property tests of the rule in both evidence modes on every grid that declares
//! `na_limits`.
//!
//! No built-in grid declares `na_limits` yet (grid 1.2.0 will be the first). Until one does,
//! the rule runs on fixture grids built here from rhsf-fir 1.1.0: `limited()` adds
//! `na_limits` of 50 % (with `evidence_when_substantiated`), keeping 1.1.0's `allow_na`;
//! `per_method()` also sets `allow_na` as METHOD.md says (`false` on every question that applies
//! to any company; `na` kept, with its condition written, only where the condition is objective:
//! no recruitment intermediary (Q19), no fee found after checks (Q25), no sourcing from
//! conflict-affected areas (Q37), no hospitality, travel or transport (Q39), no agricultural
//! priority segment (Q40)). Every built-in grid that declares `na_limits` joins them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use std::sync::OnceLock;
use vigilance_core::questionnaire::NaLimits;
use vigilance_core::scoring::enough_applies;
use vigilance_core::{
    Answer, AnswerSheet, AnswerValue, Assessment, EvidenceMode, Level, Percent, Questionnaire,
    QuestionnaireFile, ScoringOptions, Text, Track, registry, score,
};

fn v11() -> &'static Questionnaire {
    registry::find("rhsf-fir", "1.1.0").unwrap()
}

/// 1.1.0 with `na_limits` of `min` % and `evidence_when_substantiated`, edited by `edit`.
fn fixture(min: f64, edit: impl Fn(&mut QuestionnaireFile)) -> Questionnaire {
    let mut file = v11().clone().into_file();
    file.na_limits = Some(NaLimits {
        min_applicable_percent: min,
        evidence_when_substantiated: true,
    });
    edit(&mut file);
    Questionnaire::try_from(file).unwrap()
}

/// The questions whose `na` condition is objective, and the condition.
const OBJECTIVE: [(&str, &str, &str); 5] = [
    (
        "Q19",
        "aucun intermédiaire de recrutement n'est utilisé dans les segments prioritaires",
        "no recruitment intermediary is used in the priority segments",
    ),
    (
        "Q25",
        "aucun frais de recrutement n'a été payé par des travailleurs, après vérification",
        "no worker paid recruitment fees, after checks",
    ),
    (
        "Q37",
        "aucun approvisionnement dans une zone de conflit ou à haut risque",
        "no sourcing from conflict-affected or high-risk areas",
    ),
    (
        "Q39",
        "aucune activité d'hôtellerie, de voyage ou de transport",
        "no hospitality, travel or transport activity",
    ),
    (
        "Q40",
        "aucune filière agricole parmi les segments prioritaires",
        "no agricultural supply chain among the priority segments",
    ),
];

/// 1.1.0 with `na_limits` 50 %, keeping 1.1.0's `allow_na`.
fn limited() -> &'static Questionnaire {
    static G: OnceLock<Questionnaire> = OnceLock::new();
    G.get_or_init(|| fixture(50.0, |_| {}))
}

/// 1.1.0 with `na_limits` 50 % and `allow_na` as METHOD.md says.
fn per_method() -> &'static Questionnaire {
    static G: OnceLock<Questionnaire> = OnceLock::new();
    G.get_or_init(|| {
        fixture(50.0, |f| {
            for q in &mut f.questions {
                match OBJECTIVE.iter().find(|(id, _, _)| *id == q.id) {
                    Some((_, fr, en)) if !q.critical => {
                        q.na_condition = Some(Text::new(*fr, *en));
                    }
                    _ if !q.critical => q.allow_na = Some(false),
                    _ => {}
                }
            }
        })
    })
}

/// Every grid that declares `na_limits`: the built-in ones, then the fixtures.
fn grids_with_limits() -> Vec<&'static Questionnaire> {
    registry::builtin_grids()
        .iter()
        .filter(|g| g.na_limits.is_some())
        .chain([limited(), per_method()])
        .collect()
}

fn options(mode: EvidenceMode) -> ScoringOptions {
    ScoringOptions {
        evidence_mode: mode,
        threshold: None,
    }
}

/// A sheet on `q` where `value_of` answers each (question, track) (`None`: unanswered).
fn sheet_of(
    q: &Questionnaire,
    value_of: impl Fn(&vigilance_core::Question, Track) -> Option<Answer>,
) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    sheet.company.name = "Exemple SA".into();
    for question in &q.questions {
        for &t in &question.tracks {
            sheet.set_answer(&question.id, t, value_of(question, t));
        }
    }
    sheet
}

fn na() -> Answer {
    let mut a = Answer::new(AnswerValue::Na);
    a.justification = Some("Sans objet pour notre modèle d'affaires.".into());
    a
}

fn yes_with_evidence() -> Answer {
    let mut a = Answer::new(AnswerValue::Yes);
    a.evidence.push("Rapport de vigilance 2025".into());
    a
}

/// The 13 critical questions `yes` (with evidence), every other question `na`.
fn critical_yes_rest_na(q: &Questionnaire) -> AnswerSheet {
    sheet_of(q, |question, _| {
        Some(if question.critical {
            yes_with_evidence()
        } else {
            na()
        })
    })
}

#[test]
fn the_worked_example_of_method_md() {
    // METHOD.md: P = 50; FL N2 has 7 questions, 2 critical; criticals `yes`, the other 5 `na`
    // → applicable weight 2/7 = 28.6 % < 50 % → N2 not achieved, although its score is 100 %.
    // In 1.1.0, FL N2 has 7 questions but 3 critical (Q08, Q09, Q11): the example's level is
    // 1.1.0's with Q11 not critical.
    let q = fixture(50.0, |f| {
        for x in &mut f.questions {
            if x.id == "Q11" {
                x.critical = false;
            }
        }
    });
    let n2: Vec<_> = q.questions_of(Track::FL, Level::N2).collect();
    assert_eq!(n2.len(), 7);
    assert_eq!(n2.iter().filter(|x| x.critical).count(), 2);
    let sheet = sheet_of(&q, |question, t| {
        (t == Track::FL).then(|| match question.level {
            Level::N1 => Answer::new(AnswerValue::Yes),
            Level::N2 if question.critical => Answer::new(AnswerValue::Yes),
            Level::N2 => na(),
            _ => Answer::new(AnswerValue::No),
        })
    });
    let a = score(&q, &sheet, &ScoringOptions::default());
    let fl = a.track(Track::FL).unwrap();
    let lr = fl.level_result(Level::N2);
    assert_eq!(lr.score.percent(), Some(100.0));
    assert!(lr.meets_threshold && lr.failed_critical.is_empty());
    assert_eq!(lr.applicable_share().percent(), Some(28.6));
    assert!(lr.too_many_na && !lr.achieved);
    assert_eq!(fl.level, 1);
    assert_eq!(a.min_applicable, Percent::from_f64(50.0));
    // Without the limits (1.1.0 as it is, Q11 made non-critical), N2 is achieved.
    let mut plain = q.clone().into_file();
    plain.na_limits = None;
    let plain = Questionnaire::try_from(plain).unwrap();
    let a = score(&plain, &sheet, &ScoringOptions::default());
    assert_eq!(a.track(Track::FL).unwrap().level, 2);
    // On 1.1.0 with its three criticals, the same answers leave 3/7 = 42.9 %: still refused.
    let sheet = sheet_of(limited(), |question, t| {
        (t == Track::FL).then(|| match question.level {
            Level::N1 => Answer::new(AnswerValue::Yes),
            Level::N2 if question.critical => Answer::new(AnswerValue::Yes),
            Level::N2 => na(),
            _ => Answer::new(AnswerValue::No),
        })
    });
    let a = score(limited(), &sheet, &ScoringOptions::default());
    let lr = a.track(Track::FL).unwrap().level_result(Level::N2);
    assert_eq!(lr.applicable_share().percent(), Some(42.9));
    assert!(lr.too_many_na && !lr.achieved);
}

#[test]
fn critical_yes_and_everything_else_na_reaches_n4_on_1_1_0_with_the_warning() {
    // The reproduction: on 1.1.0 (no `na_limits`) nothing changes in the levels…
    let q = v11();
    let sheet = critical_yes_rest_na(q);
    for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
        let a = score(q, &sheet, &options(mode));
        assert_eq!(a.headline_level, 4, "{mode:?}");
        assert!(!a.provisional);
        // …but every level of both tracks carries the heavy-N/A warning.
        let warnings = a.warnings();
        assert_eq!(warnings.len(), 8, "{warnings:?}");
        assert!(warnings.iter().all(|w| w.code() == "VG-A18"));
        for t in &a.tracks {
            assert_eq!(t.heavy_na_levels(), Level::ALL.to_vec());
            assert!(t.levels.iter().all(|l| !l.too_many_na));
        }
    }
}

#[test]
fn critical_yes_and_everything_else_na_cannot_reach_n2_with_limits_of_50() {
    for q in grids_with_limits() {
        for mode in [EvidenceMode::Declarative, EvidenceMode::Substantiated] {
            let a = score(q, &critical_yes_rest_na(q), &options(mode));
            assert!(a.headline_level < 2, "{} {mode:?}", q.version);
            for t in &a.tracks {
                assert!(t.level < 2, "{} {mode:?} {}", q.version, t.track);
            }
        }
    }
    // With 1.1.0's `allow_na`, the refusal comes from the limits: N1 applies 2/6 = 33.3 %.
    let a = score(
        limited(),
        &critical_yes_rest_na(limited()),
        &ScoringOptions::default(),
    );
    for t in &a.tracks {
        let n1 = t.level_result(Level::N1);
        assert_eq!(n1.score.percent(), Some(100.0));
        assert!(n1.too_many_na && !n1.achieved);
        assert_eq!(t.level, 0);
    }
    // With `allow_na` as METHOD.md says, the sheet is refused where `na` is not allowed, and
    // scoring counts such an `na` as unanswered.
    let q = per_method();
    let text = serde_json::to_string(&critical_yes_rest_na(q)).unwrap();
    let err = AnswerSheet::parse(&text, q).unwrap_err();
    assert!(err.0.iter().all(|p| p.code() == "VG-A19"), "{err}");
    assert!(
        err.to_string()
            .contains("the grid expects an answer from every company")
    );
    let a = score(q, &critical_yes_rest_na(q), &ScoringOptions::default());
    assert!(a.tracks.iter().all(|t| t.level == 0 && !t.is_complete()));
}

#[test]
fn substantiated_mode_puts_an_unproven_na_back_at_zero() {
    let q = limited();
    // CL N3 (11 questions, 4 critical): everything `yes` with evidence, Q20 and Q40 `na`, one
    // of them with evidence.
    let sheet = sheet_of(q, |question, t| {
        (t == Track::CL).then(|| match question.id.as_str() {
            "Q20" => na(),
            "Q40" => {
                let mut a = na();
                a.evidence
                    .push("Cartographie 2025 : aucune filière agricole".into());
                a
            }
            _ => yes_with_evidence(),
        })
    });
    let declared = score(q, &sheet, &options(EvidenceMode::Declarative));
    let n3 = declared.track(Track::CL).unwrap().level_result(Level::N3);
    assert_eq!((n3.score.percent(), n3.not_applicable), (Some(100.0), 2));
    assert_eq!(n3.na_weight, 2_000);
    let proven = score(q, &sheet, &options(EvidenceMode::Substantiated));
    let cl = proven.track(Track::CL).unwrap();
    let n3 = cl.level_result(Level::N3);
    // Q20 counts 0 of 10 (9 yes + Q20); Q40, proven, stays out.
    assert_eq!(n3.score.percent(), Some(90.0));
    assert_eq!((n3.not_applicable, n3.na_weight), (2, 1_000));
    assert_eq!(cl.unsubstantiated_count, 1);
    let q20 = q.question_index("Q20").unwrap();
    let s = cl.answer(q20).unwrap();
    assert_eq!((s.points(), s.is_unsubstantiated()), (Some(0.0), true));
    // `na` answers are never next steps, even when put back at 0.
    assert!(
        proven
            .next_steps
            .iter()
            .all(|step| step.current != Some(AnswerValue::Na))
    );
    // A grid whose limits do not ask for evidence leaves every `na` out.
    let mut file = q.clone().into_file();
    file.na_limits = Some(NaLimits {
        min_applicable_percent: 50.0,
        evidence_when_substantiated: false,
    });
    let lax = Questionnaire::try_from(file).unwrap();
    let a = score(&lax, &sheet, &options(EvidenceMode::Substantiated));
    let n3 = a.track(Track::CL).unwrap().level_result(Level::N3);
    assert_eq!((n3.score.percent(), n3.na_weight), (Some(100.0), 2_000));
}

#[test]
fn grids_without_limits_ignore_them_and_the_limit_is_exact() {
    // 50 % of 6 is 3: three applicable questions out of six pass, two do not.
    let w = 6_000;
    let half = Percent::from_f64(50.0).unwrap();
    assert!(enough_applies(3_000, w, half));
    assert!(!enough_applies(2_999, w, half));
    // 2/7 = 28.57… % is under 28.572 % and over 28.571 %.
    assert!(!enough_applies(
        2_000,
        7_000,
        Percent::from_f64(28.572).unwrap()
    ));
    assert!(enough_applies(
        2_000,
        7_000,
        Percent::from_f64(28.571).unwrap()
    ));
    for g in registry::builtin_grids() {
        if g.na_limits.is_none() {
            assert_eq!(g.min_applicable_percent(), None, "{} {}", g.id, g.version);
        }
    }
}

/// One generated answer: `None` = unanswered; the index picks among the allowed values (an
/// extra `na` is tried where the grid allows it, to exercise the limit); with evidence or not.
type Gen = Option<(u8, bool)>;

fn build(q: &Questionnaire, draws: &[Gen]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    sheet.company.name = "Propriété SA".into();
    let slots = q
        .questions
        .iter()
        .flat_map(|x| x.tracks.iter().map(move |t| (x, *t)));
    for ((question, track), g) in slots.zip(draws) {
        if let Some((pick, evidence)) = g {
            let allowed: Vec<AnswerValue> = question.allowed_values().collect();
            // Half the draws land on `na` where it is allowed: the limit must be reached.
            let value = if question.allows_na() && pick % 2 == 0 {
                AnswerValue::Na
            } else {
                allowed[usize::from(*pick) % allowed.len()]
            };
            let mut a = Answer::new(value);
            if *evidence {
                a.evidence.push("Rapport de vigilance 2025".into());
            }
            if value == AnswerValue::Na {
                a.justification = Some("Sans objet.".into());
            }
            sheet.set_answer(&question.id, track, Some(a));
        }
    }
    sheet
}

fn draws() -> impl Strategy<Value = (usize, Vec<Gen>)> {
    let grids = grids_with_limits().len();
    (
        0..grids,
        prop::collection::vec(prop::option::weighted(0.9, (0u8..10, any::<bool>())), 80),
    )
}

fn modes() -> impl Strategy<Value = EvidenceMode> {
    prop_oneof![
        Just(EvidenceMode::Declarative),
        Just(EvidenceMode::Substantiated)
    ]
}

/// `q` without its `na_limits`.
fn unlimited(q: &Questionnaire) -> Questionnaire {
    let mut file = q.clone().into_file();
    file.na_limits = None;
    Questionnaire::try_from(file).unwrap()
}

/// `sheet` with every `na` without evidence answered `no` instead.
fn unproven_na_as_no(sheet: &AnswerSheet) -> AnswerSheet {
    let mut out = sheet.clone();
    for tracks in out.answers.values_mut() {
        for a in [tracks.cl.as_mut(), tracks.fl.as_mut()]
            .into_iter()
            .flatten()
        {
            if a.value == AnswerValue::Na && !a.has_evidence() {
                a.value = AnswerValue::No;
                a.justification = None;
            }
        }
    }
    out
}

fn unproven_na(sheet: &AnswerSheet) -> u32 {
    sheet
        .answers
        .values()
        .flat_map(|t| [t.cl.as_ref(), t.fl.as_ref()])
        .flatten()
        .filter(|a| a.value == AnswerValue::Na && !a.has_evidence())
        .count() as u32
}

fn levels(a: &Assessment) -> Vec<(Track, Level, vigilance_core::Ratio, bool)> {
    a.tracks
        .iter()
        .flat_map(|t| {
            Level::ALL.map(|l| {
                let r = t.level_result(l);
                (t.track, l, r.score, r.achieved)
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_level_is_achieved_exactly_when_enough_of_it_applies((g, d) in draws(), mode in modes()) {
        let q = grids_with_limits()[g];
        let min = q.min_applicable_percent().unwrap();
        let a = score(q, &build(q, &d), &options(mode));
        for t in &a.tracks {
            for l in Level::ALL {
                let r = t.level_result(l);
                let enough = enough_applies(r.weight - r.na_weight, r.weight, min);
                prop_assert_eq!(r.too_many_na, !enough);
                prop_assert_eq!(
                    r.achieved,
                    r.meets_threshold && r.failed_critical.is_empty() && enough
                );
                if r.achieved {
                    // Exactly: applicable × 100 ≥ P × weight.
                    prop_assert!(
                        u128::from(r.weight - r.na_weight) * 100_000
                            >= u128::from(min.thousandths) * u128::from(r.weight)
                    );
                }
            }
            // The maturity never passes a refused level.
            prop_assert!(Level::ALL
                .into_iter()
                .filter(|l| l.rank() <= t.level)
                .all(|l| !t.level_result(l).too_many_na));
        }
    }

    #[test]
    fn declarative_scores_are_those_of_the_grid_without_limits((g, d) in draws()) {
        let q = grids_with_limits()[g];
        let sheet = build(q, &d);
        let opts = options(EvidenceMode::Declarative);
        let with = score(q, &sheet, &opts);
        let without = score(&unlimited(q), &sheet, &opts);
        for ((t, l, s, achieved), (_, _, s0, achieved0)) in levels(&with).into_iter().zip(levels(&without)) {
            prop_assert_eq!(s, s0, "{} {}", t, l);
            let refused = with.track(t).unwrap().level_result(l).too_many_na;
            prop_assert_eq!(achieved, achieved0 && !refused, "{} {}", t, l);
        }
        prop_assert!(with.headline_level <= without.headline_level);
        // The warning does not depend on the limits.
        prop_assert_eq!(with.warnings(), without.warnings());
    }

    #[test]
    fn substantiated_an_unproven_na_counts_as_a_no((g, d) in draws()) {
        let q = grids_with_limits()[g];
        let sheet = build(q, &d);
        let opts = options(EvidenceMode::Substantiated);
        let with = score(q, &sheet, &opts);
        let as_no = score(&unlimited(q), &unproven_na_as_no(&sheet), &opts);
        for ((t, l, s, _), (_, _, s0, _)) in levels(&with).into_iter().zip(levels(&as_no)) {
            prop_assert_eq!(s, s0, "{} {}", t, l);
        }
        prop_assert_eq!(
            with.unsubstantiated_count(),
            as_no.unsubstantiated_count() + unproven_na(&sheet)
        );
    }

    #[test]
    fn evidence_on_an_na_never_lowers_a_level_score((g, d) in draws()) {
        let q = grids_with_limits()[g];
        let sheet = build(q, &d);
        let mut proven = sheet.clone();
        for tracks in proven.answers.values_mut() {
            for a in [tracks.cl.as_mut(), tracks.fl.as_mut()].into_iter().flatten() {
                if a.value == AnswerValue::Na && !a.has_evidence() {
                    a.evidence.push("Preuve".into());
                }
            }
        }
        let opts = options(EvidenceMode::Substantiated);
        let before = score(q, &sheet, &opts);
        let after = score(q, &proven, &opts);
        for ((t, l, s, _), (_, _, s1, _)) in levels(&before).into_iter().zip(levels(&after)) {
            // earned/possible never goes down: compare cross-multiplied.
            prop_assert!(
                s.possible == 0
                    || s1.possible == 0
                    || u128::from(s1.earned) * u128::from(s.possible)
                        >= u128::from(s.earned) * u128::from(s1.possible),
                "{} {}", t, l
            );
        }
    }
}
