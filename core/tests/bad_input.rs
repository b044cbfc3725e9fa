//! One test per kind of bad input: each problem is found, all at once, and its message names the
//! place (JSON path, and line and column where the text has them) in French and in English.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::{AnswerSheet, Lang, Problem, ProblemKind, Problems, Questionnaire, Severity};

fn sheet_with(answers: &str) -> String {
    format!(
        "{{\n  \"format\": \"vigilance.answers/1\",\n  \"questionnaire\": {{ \"id\": \"rhsf-fir\", \"version\": \"1.0.0\" }},\n  \"company\": {{ \"name\": \"Exemple SA\" }},\n  \"answers\": {{\n{answers}\n  }}\n}}\n"
    )
}

fn problems(text: &str) -> Vec<Problem> {
    match AnswerSheet::parse(
        text,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    ) {
        Ok(p) => p.warnings,
        Err(Problems(p)) => p,
    }
}

fn only_error(text: &str) -> Problem {
    let errors: Vec<Problem> = problems(text)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn syntax_error_has_line_and_column() {
    let p = only_error(
        "{\n  \"format\": \"vigilance.answers/1\",\n  \"answers\": { \"Q01\": { \"CL\": \"yes\" }\n}\n",
    );
    assert!(matches!(p.kind, ProblemKind::Syntax { .. }));
    let s = p.span.unwrap();
    assert_eq!(s.line, 5);
    assert!(
        p.describe(Lang::En).starts_with("line 5, column"),
        "{}",
        p.describe(Lang::En)
    );
    assert!(p.describe(Lang::Fr).starts_with("ligne 5, colonne"));
}

#[test]
fn trailing_comma_is_a_syntax_error_at_its_place() {
    let p = only_error(&sheet_with("    \"Q01\": { \"CL\": \"yes\", }"));
    assert!(matches!(p.kind, ProblemKind::Syntax { .. }));
    assert_eq!(p.span.unwrap().line, 6);
}

#[test]
fn unknown_question_points_at_its_key() {
    let p = only_error(&sheet_with(
        "    \"Q01\": { \"CL\": \"yes\" },\n    \"Q99\": { \"CL\": \"yes\" }",
    ));
    assert_eq!(p.path, "/answers/Q99");
    assert_eq!(
        p.describe(Lang::En),
        "line 7, column 5 (/answers/Q99): `Q99` is not a question of rhsf-fir 1.0.0"
    );
    assert_eq!(
        p.describe(Lang::Fr),
        "ligne 7, colonne 5 (/answers/Q99)\u{a0}: `Q99` n'est pas une question de rhsf-fir 1.0.0"
    );
}

#[test]
fn track_the_question_does_not_have() {
    let p = only_error(&sheet_with(
        "    \"Q02\": { \"CL\": \"yes\", \"FL\": \"yes\" }",
    ));
    assert_eq!(p.path, "/answers/Q02/CL");
    assert!(
        p.describe(Lang::En)
            .contains("Q02 is not asked for track CL (only for FL)")
    );
    assert_eq!(p.span.unwrap().line, 6);
}

#[test]
fn unknown_track_key() {
    let p = only_error(&sheet_with("    \"Q01\": { \"XX\": \"yes\" }"));
    assert!(matches!(p.kind, ProblemKind::UnknownTrack { .. }));
    assert_eq!(p.path, "/answers/Q01/XX");
}

#[test]
fn invalid_value_lists_the_allowed_ones() {
    let p = only_error(&sheet_with(
        "    \"Q07\": { \"CL\": { \"value\": \"maybe\" } }",
    ));
    assert_eq!(p.path, "/answers/Q07/CL/value");
    let en = p.describe(Lang::En);
    assert!(
        en.contains(
            "`maybe` is not an answer value (expected one of \"Yes\" (yes), \"No\" (no), \"Don't know\" (unknown), \"Not applicable\" (na))"
        ),
        "{en}"
    );
    assert_eq!(p.span.unwrap().line, 6);
    assert!(p.kind.help(Lang::Fr).unwrap().contains(
        "«\u{202f}Oui\u{202f}» (yes), «\u{202f}Non\u{202f}» (no), «\u{202f}Ne sait pas\u{202f}» (unknown), «\u{202f}Non applicable\u{202f}» (na)"
    ));
}

#[test]
fn partial_where_the_question_defines_none() {
    let p = only_error(&sheet_with("    \"Q13\": { \"CL\": \"partial\" }"));
    assert!(matches!(p.kind, ProblemKind::PartialNotDefined { .. }));
    assert!(
        p.describe(Lang::En)
            .contains("Q13 does not take \"Partially\" (partial)")
    );
    assert_eq!(p.path, "/answers/Q13/CL");
}

#[test]
fn na_on_a_critical_question() {
    let p = only_error(&sheet_with(
        "    \"Q01\": { \"FL\": { \"value\": \"na\", \"justification\": \"we think so\" } }",
    ));
    assert!(matches!(p.kind, ProblemKind::NaOnCritical { .. }));
    assert_eq!(p.path, "/answers/Q01/FL/value");
    assert!(p.kind.help(Lang::En).unwrap().contains("unknown"));
}

#[test]
fn na_without_justification() {
    for answer in [
        "\"na\"",
        "{ \"value\": \"na\" }",
        "{ \"value\": \"na\", \"justification\": \"  \" }",
    ] {
        let p = only_error(&sheet_with(&format!("    \"Q20\": {{ \"CL\": {answer} }}")));
        assert!(
            matches!(p.kind, ProblemKind::NaWithoutJustification { .. }),
            "{answer}"
        );
        assert_eq!(p.path, "/answers/Q20/CL");
        assert!(p.describe(Lang::Fr).contains("exige une justification"));
    }
}

#[test]
fn wrong_types_are_all_reported_with_their_places() {
    let text = sheet_with(
        "    \"Q01\": { \"CL\": 1 },\n    \"Q04\": { \"CL\": { \"value\": \"yes\", \"evidence\": 3 } },\n    \"Q05\": \"yes\"",
    );
    let errors: Vec<Problem> = problems(&text)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    let paths: Vec<String> = errors.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "/answers/Q01/CL",
            "/answers/Q04/CL/evidence",
            "/answers/Q05"
        ]
    );
    assert!(errors.iter().all(|p| p.span.is_some()));
    assert!(
        errors[2]
            .describe(Lang::En)
            .contains("expected an object, found a string")
    );
    assert!(
        errors[2]
            .describe(Lang::Fr)
            .contains("un objet attendu, une chaîne de caractères trouvé")
    );
}

#[test]
fn several_problems_are_reported_at_once() {
    let text = sheet_with(
        "    \"Q99\": { \"CL\": \"yes\" },\n    \"Q13\": { \"FL\": \"partial\" },\n    \"Q09\": { \"CL\": \"nope\" }",
    );
    let errors: Vec<Problem> = problems(&text)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn another_questionnaire_is_an_error_another_version_a_warning() {
    let text =
        sheet_with("    \"Q01\": { \"CL\": \"yes\" }").replace("\"rhsf-fir\"", "\"other-grid\"");
    let p = only_error(&text);
    assert!(matches!(p.kind, ProblemKind::QuestionnaireMismatch { .. }));
    assert_eq!(p.path, "/questionnaire/id");

    let text = sheet_with("    \"Q01\": { \"CL\": \"yes\" },\n    \"Q40\": { \"CL\": \"yes\" }")
        .replace("\"1.0.0\"", "\"0.9.0\"");
    let parsed = AnswerSheet::parse(
        &text,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    )
    .unwrap();
    let kinds: Vec<&ProblemKind> = parsed.warnings.iter().map(|p| &p.kind).collect();
    assert!(
        matches!(kinds[0], ProblemKind::VersionMismatch { .. }),
        "{kinds:?}"
    );
    assert!(
        matches!(kinds[1], ProblemKind::IgnoredQuestion { .. }),
        "{kinds:?}"
    );
    assert!(
        parsed
            .warnings
            .iter()
            .all(|p| p.severity == Severity::Warning)
    );
    assert!(
        parsed
            .value
            .answer("Q01", vigilance_core::Track::CL)
            .is_some()
    );
}

#[test]
fn both_answer_forms_are_accepted() {
    let text = sheet_with(
        "    \"Q01\": { \"CL\": \"yes\", \"FL\": { \"value\": \"partial\", \"comment\": \"HR only\", \"evidence\": [\"Training log 2025\"] } }",
    );
    let sheet = AnswerSheet::parse(
        &text,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    )
    .unwrap()
    .value;
    let fl = sheet.answer("Q01", vigilance_core::Track::FL).unwrap();
    assert_eq!(fl.comment.as_deref(), Some("HR only"));
    assert_eq!(fl.evidence, ["Training log 2025"]);
}

#[test]
fn empty_text_bom_and_encodings() {
    let p = only_error("   \n");
    assert!(matches!(p.kind, ProblemKind::Empty));
    let with_bom = format!("\u{FEFF}{}", sheet_with("    \"Q01\": { \"CL\": \"yes\" }"));
    assert!(
        AnswerSheet::parse(
            &with_bom,
            vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap()
        )
        .is_ok()
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "{}".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let e = AnswerSheet::parse_bytes(
        &utf16,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    )
    .unwrap_err();
    assert!(
        e.describe(Lang::En).contains("UTF-16 LE"),
        "{}",
        e.describe(Lang::En)
    );
    assert!(e.describe(Lang::Fr).contains("encodé en UTF-16 LE"));
}

#[test]
fn missing_format_and_company_name_are_warnings() {
    let text = r#"{"questionnaire": {"id": "rhsf-fir", "version": "1.0.0"}, "answers": {}}"#;
    let parsed = AnswerSheet::parse(
        text,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    )
    .unwrap();
    let paths: Vec<String> = parsed.warnings.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(paths, ["/format", "/company/name"]);
    let text = r#"{"format": "vigilance.answers/9", "answers": {}}"#;
    assert!(matches!(
        only_error(text).kind,
        ProblemKind::UnsupportedFormat { .. }
    ));
}

fn grid_problems(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<Problem> {
    let mut grid: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../questionnaires/rhsf-fir-1.0.0.json"
    )))
    .unwrap();
    edit(&mut grid);
    let text = serde_json::to_string_pretty(&grid).unwrap();
    match Questionnaire::parse(&text) {
        Ok(_) => Vec::new(),
        Err(Problems(p)) => p,
    }
}

#[test]
fn questionnaire_problems_are_all_reported_with_paths() {
    let problems = grid_problems(|g| {
        g["questions"][1]["id"] = "Q01".into();
        g["questions"][2]["theme"] = "XYZ".into();
        g["questions"][3]["text"]["en"] = "".into();
        g["questions"][4]["allow_na"] = true.into();
        g["questions"][0]["allow_na"] = true.into();
        g["threshold"] = 170.into();
    });
    let described: Vec<String> = problems.iter().map(|p| p.describe(Lang::En)).collect();
    let has = |needle: &str| described.iter().any(|d| d.contains(needle));
    assert!(
        has("(/questions/1/id): the question id `Q01` is used more than once"),
        "{described:#?}"
    );
    assert!(has(
        "(/questions/2/theme): `XYZ` is not one of the questionnaire's themes"
    ));
    assert!(has("(/questions/3/text/en): the English text is missing"));
    assert!(has(
        "(/questions/0/allow_na): question Q01 is critical, so it cannot allow `na`"
    ));
    assert!(has("(/threshold): 170 is not a valid threshold"));
    assert!(problems.iter().all(|p| p.span.is_some()), "{problems:#?}");
    assert_eq!(problems.len(), 5, "{described:#?}");
}

#[test]
fn questionnaire_with_an_empty_track_level() {
    let problems = grid_problems(|g| {
        let qs = g["questions"].as_array_mut().unwrap();
        qs.retain(|q| q["level"] != "N4");
    });
    let described: Vec<String> = problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert!(
        described
            .iter()
            .any(|d| d.contains("track CL has no question at level N4"))
    );
    assert!(
        described
            .iter()
            .any(|d| d.contains("track FL has no question at level N4"))
    );
}

#[test]
fn questionnaire_type_error_names_path_and_line() {
    let problems = grid_problems(|g| g["questions"][5]["critical"] = "yes".into());
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.path, "/questions/5/critical");
    assert!(p.span.is_some());
    assert!(
        p.describe(Lang::En).contains("invalid type"),
        "{}",
        p.describe(Lang::En)
    );
}

#[test]
fn texts_over_the_limits_are_refused_with_their_place() {
    let long = "x".repeat(vigilance_core::answers::MAX_TEXT_CHARS + 1);
    let p = only_error(&sheet_with(&format!(
        "    \"Q07\": {{ \"CL\": {{ \"value\": \"yes\", \"comment\": \"{long}\" }} }}"
    )));
    assert_eq!(p.path, "/answers/Q07/CL/comment");
    assert!(
        p.describe(Lang::En)
            .contains("too long (20001 characters; the limit is 20000 characters)")
    );
    let items: Vec<String> = (0..101).map(|i| format!("\"doc {i}\"")).collect();
    let p = only_error(&sheet_with(&format!(
        "    \"Q07\": {{ \"CL\": {{ \"value\": \"yes\", \"evidence\": [{}] }} }}",
        items.join(",")
    )));
    assert_eq!(p.path, "/answers/Q07/CL/evidence");
}

#[test]
fn deep_nesting_is_refused_without_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let p = only_error(&deep);
    assert!(
        p.describe(Lang::En).contains("recursion limit"),
        "{}",
        p.describe(Lang::En)
    );
}

#[test]
fn a_key_written_twice_is_an_error_naming_both_places() {
    let p = only_error(&sheet_with(
        "    \"Q01\": { \"CL\": \"yes\", \"FL\": \"no\", \"FL\": \"yes\" }",
    ));
    assert_eq!(p.code(), "VG-F09");
    assert_eq!(p.path, "/answers/Q01/FL");
    assert_eq!(
        p.describe(Lang::Fr),
        "ligne 6, colonne 39 (/answers/Q01/FL)\u{a0}: la clé `FL` figure deux fois dans cet objet (la première fois ligne 6, colonne 27)"
    );
    // Outside the answers too: the typed reader refuses it, the slow path names both places.
    let text = "{\"format\": \"vigilance.answers/1\", \"company\": {\"name\": \"A\"},\n \"company\": {\"name\": \"B\"}, \"answers\": {}}";
    let p = only_error(text);
    assert_eq!(p.path, "/company");
    assert!(
        p.describe(Lang::En)
            .contains("appears twice in this object (first at line 1, column 35)"),
        "{}",
        p.describe(Lang::En)
    );
}

#[test]
fn every_problem_carries_a_stable_code() {
    let p = only_error(&sheet_with("    \"Q99\": { \"CL\": \"yes\" }"));
    assert_eq!(p.code(), "VG-A07");
    let entry = vigilance_core::report::json::ProblemEntry::from(&p);
    assert_eq!(entry.code, "VG-A07");
}
