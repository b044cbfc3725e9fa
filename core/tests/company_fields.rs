//! The optional company fields `nace`, `buyer` and `tier`: read from JSON in every accepted
//! spelling, written in their short form, and refused with a clear problem when wrong.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigilance_core::answers::Tier;
use vigilance_core::nace::Nace;
use vigilance_core::{AnswerSheet, Lang, ProblemKind, Questionnaire};

fn sheet(company: &str) -> String {
    format!(
        "{{\"format\":\"vigilance.answers/1\",\n\"questionnaire\":{{\"id\":\"rhsf-fir\",\"version\":\"1.0.0\"}},\n\"company\":{company},\n\"answers\":{{\"Q01\":{{\"CL\":\"yes\"}}}}}}"
    )
}

fn q() -> &'static Questionnaire {
    vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap()
}

#[test]
fn nace_and_tier_are_read_in_every_spelling_and_stored_short() {
    let cases = [
        (r#""nace":"c 29","tier":1"#, "C29", "1"),
        (r#""nace":"29.10","tier":"2""#, "C29", "2"),
        (r#""nace":"I","tier":3"#, "I", "3+"),
        (r#""nace":"A.01","tier":"3 +""#, "A01", "3+"),
        (r#""nace":"55","tier":" 3+ ""#, "I55", "3+"),
        (r#""nace":29,"tier":2"#, "C29", "2"),
        (r#""nace":10.82,"tier":"1""#, "C10", "1"),
    ];
    for (fields, nace, tier) in cases {
        let text = sheet(&format!(r#"{{"name":"X","buyer":"Acheteur SA",{fields}}}"#));
        let parsed = AnswerSheet::parse(&text, q()).unwrap_or_else(|e| panic!("{fields}: {e}"));
        let c = &parsed.value.company;
        assert_eq!(c.nace.as_deref(), Some(nace), "{fields}");
        assert_eq!(c.tier.as_deref(), Some(tier), "{fields}");
        assert_eq!(c.buyer.as_deref(), Some("Acheteur SA"));
        assert_eq!(c.nace().map(|n| n.to_string()).as_deref(), Some(nace));
        assert_eq!(c.tier().map(Tier::code), Some(tier));
        // Written back as strings, and read again unchanged.
        let again = AnswerSheet::parse(&parsed.value.to_json_pretty(), q()).expect("round trip");
        assert_eq!(again.value.company, *c);
    }
    assert_eq!(Nace::parse("C29").map(|n| n.section), Some('C'));
}

#[test]
fn absent_or_blank_fields_stay_absent() {
    let parsed = AnswerSheet::parse(&sheet(r#"{"name":"X"}"#), q()).expect("valid");
    let c = &parsed.value.company;
    assert_eq!((c.nace(), c.tier(), c.buyer.as_deref()), (None, None, None));
    let json = parsed.value.to_json_pretty();
    assert!(!json.contains("nace") && !json.contains("tier") && !json.contains("buyer"));
    let parsed = AnswerSheet::parse(&sheet(r#"{"name":"X","nace":" ","tier":""}"#), q())
        .expect("blank fields are allowed");
    assert_eq!(parsed.value.company.nace, None);
    assert_eq!(parsed.value.company.tier, None);
}

#[test]
fn a_wrong_nace_code_is_an_error_naming_it_with_examples() {
    for bad in ["ZZ", "F29", "100", "C2"] {
        let text = sheet(&format!(r#"{{"name":"X","nace":"{bad}"}}"#));
        let err = AnswerSheet::parse(&text, q()).expect_err(bad);
        let p = err
            .0
            .iter()
            .find(|p| matches!(&p.kind, ProblemKind::InvalidNace { found } if found == bad))
            .unwrap_or_else(|| panic!("{bad}: {err}"));
        assert_eq!(p.kind.code(), "VG-A15");
        assert_eq!(p.path, "/company/nace");
        assert_eq!(p.span.map(|s| s.line), Some(3), "{bad}");
        let en = p.describe(Lang::En);
        assert!(
            en.contains(&format!("`{bad}` is not a NACE Rev. 2 code")),
            "{en}"
        );
        assert!(en.contains("C29"), "{en}");
        let fr = p.describe(Lang::Fr);
        assert!(fr.contains("n'est pas un code NACE rév. 2"), "{fr}");
        assert!(p.kind.help(Lang::Fr).is_some());
    }
}

#[test]
fn a_wrong_tier_is_an_error_and_a_wrong_type_too() {
    for (bad, shown) in [
        (r#""4""#, "4"),
        ("0", "0"),
        (r#""first""#, "first"),
        ("1.5", "1.5"),
    ] {
        let text = sheet(&format!(r#"{{"name":"X","tier":{bad}}}"#));
        let err = AnswerSheet::parse(&text, q()).expect_err(bad);
        let p = err
            .0
            .iter()
            .find(|p| matches!(&p.kind, ProblemKind::InvalidTier { found } if found == shown))
            .unwrap_or_else(|| panic!("{bad}: {err}"));
        assert_eq!(p.kind.code(), "VG-A16");
        assert_eq!(p.path, "/company/tier");
        assert!(p.describe(Lang::En).contains("give 1 (direct supplier)"));
    }
    let err = AnswerSheet::parse(&sheet(r#"{"name":"X","tier":true}"#), q()).expect_err("bool");
    assert!(
        err.0
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::WrongType { .. }) && p.path == "/company/tier"),
        "{err}"
    );
}

#[test]
fn an_in_memory_sheet_with_a_bad_code_is_reported_by_check() {
    let mut s = AnswerSheet::new(q());
    s.company.name = "X".into();
    s.company.nace = Some("Q99".into());
    s.company.tier = Some("2".into());
    let problems = s.check(q());
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::InvalidNace { .. }))
    );
    assert!(
        !problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::InvalidTier { .. }))
    );
}
