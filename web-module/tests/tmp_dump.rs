#![allow(clippy::unwrap_used)]
use vigilance_dossier::AnswerRef;
use vigilance_model::{Answer, AnswerSheet, AnswerValue, Lang, Track};
use vigilance_web_module::{WorkbookRequest, build_workbook, dossier::Document, read_answer_parts};

#[test]
fn dump() {
    let text = include_str!("../../questionnaires/examples/04-level2-construction.json");
    let parts = read_answer_parts("04.json", text.as_bytes(), Lang::Fr);
    let mut s: AnswerSheet = parts[0].result.clone().unwrap().sheet;
    let _ = (Answer::new(AnswerValue::Yes), Track::CL);
    let answered: Vec<(String, String)> = s
        .answers
        .iter()
        .flat_map(|(q, t)| {
            let mut v = vec![];
            if t.cl.is_some() {
                v.push((q.clone(), "CL".to_string()));
            }
            if t.fl.is_some() {
                v.push((q.clone(), "FL".to_string()));
            }
            v
        })
        .take(4)
        .collect();
    s.period = Some("2025".into());
    let doc = |id: &str, name: &str, date: &str, a: &[(String, String)]| Document {
        id: id.into(),
        name: name.into(),
        title: Some(format!("Titre de {name}")),
        media_type: "application/pdf".into(),
        size: 3,
        date: Some(date.into()),
        valid_until: None,
        answers: a
            .iter()
            .map(|(q, t)| AnswerRef {
                question: q.clone(),
                track: t.clone(),
            })
            .collect(),
    };
    let req = WorkbookRequest {
        sheet: s,
        previous: None,
        lang: Lang::Fr,
        substantiated: false,
        generated: "2026-12-07T03:00:00Z".into(),
        tool_version: "dump".into(),
        documents: vec![
            (
                doc("k1", "plan-de-vigilance.pdf", "2025-02-01", &answered[..3]),
                "ab".repeat(32),
            ),
            (
                doc("k2", "audit-2019.pdf", "2019-05-01", &answered[3..]),
                "cd".repeat(32),
            ),
        ],
    };
    std::fs::write("/tmp/wbx/browser-fr.xlsx", build_workbook(&req).unwrap()).unwrap();
}
