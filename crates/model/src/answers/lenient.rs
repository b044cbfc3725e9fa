//! The slow path, taken only when the typed reader refused a sheet: a lenient walk over the JSON
//! value that turns every wrong type into a problem at its path and keeps the rest, so that one
//! pass reports every problem.

use super::Company;
use super::draft::{DraftAnswer, DraftRef, RawAnswer, SheetDraft};
use crate::location::pointer;
use crate::problem::{JsonType, Problem, ProblemKind};
use serde_json::Value;

impl SheetDraft {
    /// Walks a JSON value leniently: every wrong type becomes a problem, the rest is kept.
    pub(super) fn from_value(v: &Value, problems: &mut Vec<Problem>) -> SheetDraft {
        let mut wrong = |path: String, expected: JsonType, found: &Value| {
            problems.push(Problem::error(
                path,
                ProblemKind::WrongType {
                    expected,
                    found: JsonType::of(found),
                },
            ));
        };
        let mut draft = SheetDraft::default();
        let Some(root) = v.as_object() else {
            wrong(String::new(), JsonType::Object, v);
            return draft;
        };
        let string = |path: &str,
                      v: Option<&Value>,
                      wrong: &mut dyn FnMut(String, JsonType, &Value)| {
            match v {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => {
                    wrong(path.to_string(), JsonType::String, other);
                    None
                }
            }
        };
        draft.format = string("/format", root.get("format"), &mut wrong);
        draft.period = string("/period", root.get("period"), &mut wrong);
        draft.updated = string("/updated", root.get("updated"), &mut wrong);
        match root.get("questionnaire") {
            None | Some(Value::Null) => {}
            Some(Value::Object(o)) => {
                draft.questionnaire = Some(DraftRef {
                    id: string("/questionnaire/id", o.get("id"), &mut wrong),
                    version: string("/questionnaire/version", o.get("version"), &mut wrong),
                })
            }
            Some(other) => wrong("/questionnaire".into(), JsonType::Object, other),
        }
        match root.get("company") {
            None | Some(Value::Null) => {}
            Some(Value::Object(o)) => {
                draft.company = Some(Company {
                    name: string("/company/name", o.get("name"), &mut wrong).unwrap_or_default(),
                    sector: string("/company/sector", o.get("sector"), &mut wrong),
                    country: string("/company/country", o.get("country"), &mut wrong),
                    id: string("/company/id", o.get("id"), &mut wrong),
                    nace: match o.get("nace") {
                        Some(Value::Number(n)) => Some(n.to_string()),
                        other => string("/company/nace", other, &mut wrong),
                    },
                    buyer: string("/company/buyer", o.get("buyer"), &mut wrong),
                    // A tier (or a division) may be written as a number.
                    tier: match o.get("tier") {
                        Some(Value::Number(n)) => Some(n.to_string()),
                        other => string("/company/tier", other, &mut wrong),
                    },
                })
            }
            Some(other) => wrong("/company".into(), JsonType::Object, other),
        }
        match root.get("answers") {
            None | Some(Value::Null) => {}
            Some(Value::Object(answers)) => {
                for (qid, tracks) in answers {
                    let qpath = pointer(&["answers", qid.as_str()]);
                    let Some(tracks) = tracks.as_object() else {
                        wrong(qpath, JsonType::Object, tracks);
                        continue;
                    };
                    let mut entries = Vec::new();
                    for (tk, a) in tracks {
                        let apath = format!("{qpath}{}", pointer(&[tk.as_str()]));
                        let raw = match a {
                            Value::String(s) => Some(RawAnswer::Short(s.clone())),
                            Value::Object(o) => {
                                let value = match o.get("value") {
                                    Some(Value::String(s)) => Some(s.clone()),
                                    None => Some(String::new()),
                                    Some(other) => {
                                        wrong(format!("{apath}/value"), JsonType::String, other);
                                        None
                                    }
                                };
                                let evidence = match o.get("evidence") {
                                    None | Some(Value::Null) => Vec::new(),
                                    Some(Value::String(s)) => vec![s.clone()],
                                    Some(Value::Array(items)) => items
                                        .iter()
                                        .enumerate()
                                        .filter_map(|(i, e)| match e {
                                            Value::String(s) => Some(s.clone()),
                                            other => {
                                                wrong(
                                                    format!("{apath}/evidence/{i}"),
                                                    JsonType::String,
                                                    other,
                                                );
                                                None
                                            }
                                        })
                                        .collect(),
                                    Some(other) => {
                                        wrong(
                                            format!("{apath}/evidence"),
                                            JsonType::StringList,
                                            other,
                                        );
                                        Vec::new()
                                    }
                                };
                                let comment = string(
                                    &format!("{apath}/comment"),
                                    o.get("comment"),
                                    &mut wrong,
                                );
                                let justification = string(
                                    &format!("{apath}/justification"),
                                    o.get("justification"),
                                    &mut wrong,
                                );
                                value.map(|v| RawAnswer::Full {
                                    value: Some(v),
                                    comment,
                                    evidence,
                                    justification,
                                })
                            }
                            other => {
                                wrong(apath, JsonType::Answer, other);
                                None
                            }
                        };
                        if let Some(raw) = raw {
                            entries.push((tk.clone(), DraftAnswer { raw, origin: None }));
                        }
                    }
                    draft.answers.push((qid.clone(), entries));
                }
            }
            Some(other) => wrong("/answers".into(), JsonType::Object, other),
        }
        draft
    }
}
