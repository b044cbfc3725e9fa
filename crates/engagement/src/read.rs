//! Reading an engagement file: every problem at once, each with its JSON path, line and column,
//! stable code and sentence in both languages. Statuses, kinds, tracks and values are read as
//! text first, so that a wrong one is named with its own code rather than a parser's message.

use crate::{
    Action, ActionStatus, ActionTarget, DialogueEntry, DialogueKind, ENGAGEMENT_FORMAT, Engagement,
    EngagementCompany, MAX_ENGAGEMENT_BYTES, PastReview, Review, ReviewStatus,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::location::{
    Target, decode_text, duplicate_keys, json_error_problem, locate_all, pointer, serde_problem,
    strip_bom,
};
use vigilance_model::{AnswerValue, Parsed, Problem, ProblemKind, Problems, Questionnaire, Track};

#[derive(Deserialize)]
struct WireFile {
    format: Option<String>,
    questionnaire: QuestionnaireRef,
    company: EngagementCompany,
    period: String,
    #[serde(default)]
    updated: Option<String>,
    #[serde(default)]
    reviews: BTreeMap<String, BTreeMap<String, WireReview>>,
    #[serde(default)]
    dialogue: Vec<WireDialogue>,
    #[serde(default)]
    actions: Vec<WireAction>,
    #[serde(default)]
    context: Vec<PastReview>,
}

#[derive(Deserialize)]
struct WireReview {
    status: String,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    note: String,
    date: String,
    #[serde(default)]
    analyst: String,
    reviewed: String,
}

#[derive(Deserialize)]
struct WireDialogue {
    date: String,
    kind: String,
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    summary: String,
}

#[derive(Deserialize)]
struct WireTarget {
    question: String,
    #[serde(default)]
    track: Option<String>,
}

#[derive(Deserialize)]
struct WireAction {
    id: String,
    text: String,
    #[serde(default)]
    addresses: Vec<WireTarget>,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: Option<String>,
    status: String,
    #[serde(default)]
    dropped_reason: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    carried_from: Option<String>,
}

/// Whether `s` is a date `YYYY-MM-DD` (month 01–12, day 01–31).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u8 = s[5..7].parse().unwrap_or(0);
    let day: u8 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn is_hash(s: &str) -> bool {
    s.strip_prefix("fnv1a64:")
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|c| c.is_ascii_hexdigit()))
}

/// Checks a track key or value against a question; the track when it is asked.
fn track_of(
    question: &vigilance_model::Question,
    code: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<Track> {
    let Some(track) = Track::from_code(code) else {
        problems.push(Problem::error(
            path,
            ProblemKind::UnknownTrack {
                found: code.to_string(),
            },
        ));
        return None;
    };
    if !question.has_track(track) {
        let allowed = question
            .tracks
            .iter()
            .map(|t| t.code())
            .collect::<Vec<_>>()
            .join(", ");
        problems.push(Problem::error(
            path,
            ProblemKind::TrackNotAsked {
                question: question.id.clone(),
                track,
                allowed,
            },
        ));
        return None;
    }
    Some(track)
}

fn question_of<'q>(
    questionnaire: &'q Questionnaire,
    id: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<&'q vigilance_model::Question> {
    let q = questionnaire.question(id);
    if q.is_none() {
        problems.push(Problem::error(
            path,
            ProblemKind::UnknownQuestion {
                question: id.to_string(),
                questionnaire: questionnaire.name(),
                range: questionnaire.id_range(),
            },
        ));
    }
    q
}

fn date(s: &str, path: String, problems: &mut Vec<Problem>) {
    if !is_date(s.trim()) {
        problems.push(Problem::error(
            path,
            ProblemKind::InvalidDate {
                found: s.to_string(),
            },
        ));
    }
}

impl Engagement {
    /// Reads and checks an engagement file from its bytes (UTF-8, with or without BOM).
    pub fn parse_bytes(
        bytes: &[u8],
        questionnaire: &Questionnaire,
    ) -> Result<Parsed<Engagement>, Problems> {
        if bytes.len() > MAX_ENGAGEMENT_BYTES {
            return Err(Problems(vec![Problem::file_too_large(
                bytes.len(),
                MAX_ENGAGEMENT_BYTES,
            )]));
        }
        let text = decode_text(bytes).map_err(|p| Problems(vec![p]))?;
        Engagement::parse(&text, questionnaire)
    }

    /// The grid an engagement file names (`questionnaire.id`, `version`), read without checking
    /// the rest, so that the caller can pick the grid to check it against.
    pub fn peek_questionnaire(text: &str) -> Option<(String, String)> {
        let v: serde_json::Value = serde_json::from_str(strip_bom(text)).ok()?;
        let q = v.get("questionnaire")?;
        Some((
            q.get("id")?.as_str()?.to_string(),
            q.get("version")?.as_str()?.to_string(),
        ))
    }

    /// Reads an engagement file for one answer sheet, as `vigilance score --engagement` does:
    /// a file naming another grid (or grid version) than the sheet's is refused with that
    /// alone (`VG-E09`, before its questions are checked against the wrong grid); then the file
    /// is read against `grid` (the sheet's), every problem at once; then a file about another
    /// company or period is refused (`VG-E07`, `VG-E08`, [`crate::check_matches`]).
    pub fn read_for_sheet(
        bytes: &[u8],
        sheet: &vigilance_model::AnswerSheet,
        grid: &Questionnaire,
    ) -> Result<Parsed<Engagement>, Problems> {
        let other_grid = std::str::from_utf8(bytes)
            .ok()
            .and_then(Engagement::peek_questionnaire)
            .filter(|(id, version)| *id != grid.id || *version != grid.version);
        if let Some((id, version)) = other_grid {
            return Err(Problems(vec![Problem::error(
                "/questionnaire",
                ProblemKind::EngagementOtherGrid {
                    found: format!("{id}@{version}"),
                    expected: format!("{}@{}", grid.id, grid.version),
                },
            )]));
        }
        let parsed = Engagement::parse_bytes(bytes, grid)?;
        crate::check_matches(&parsed.value, sheet).map_err(|p| Problems(vec![p]))?;
        Ok(parsed)
    }

    /// Reads and checks an engagement file against the grid of the sheets it reviews, every
    /// problem at once; warnings come back with the file.
    pub fn parse(
        text: &str,
        questionnaire: &Questionnaire,
    ) -> Result<Parsed<Engagement>, Problems> {
        let text = strip_bom(text);
        if text.trim().is_empty() {
            return Err(Problems(vec![Problem::error("", ProblemKind::Empty)]));
        }
        if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
            return Err(Problems(vec![json_error_problem(text, "", &e)]));
        }
        let mut problems = duplicate_keys(text);
        let wire: WireFile =
            match serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text)) {
                Ok(w) => w,
                Err(e) => {
                    problems.push(serde_problem(text, e));
                    locate_all(text, &mut problems, |_| Target::Value);
                    return Err(Problems(problems));
                }
            };
        let value = check(wire, questionnaire, &mut problems);
        locate_all(text, &mut problems, |p| match p.kind {
            ProblemKind::UnknownQuestion { .. }
            | ProblemKind::UnknownTrack { .. }
            | ProblemKind::TrackNotAsked { .. } => Target::Key,
            _ => Target::Value,
        });
        if problems.iter().any(Problem::is_error) {
            Err(Problems(problems))
        } else {
            Ok(Parsed {
                value,
                warnings: problems,
            })
        }
    }
}

fn check(w: WireFile, questionnaire: &Questionnaire, problems: &mut Vec<Problem>) -> Engagement {
    match w.format.as_deref() {
        Some(ENGAGEMENT_FORMAT) => {}
        None => problems.push(Problem::error(
            "/format",
            ProblemKind::MissingField {
                field: "format".into(),
            },
        )),
        Some(other) => problems.push(Problem::error(
            "/format",
            ProblemKind::UnsupportedFormat {
                found: other.to_string(),
                expected: ENGAGEMENT_FORMAT,
            },
        )),
    }
    if w.questionnaire.id != questionnaire.id || w.questionnaire.version != questionnaire.version {
        problems.push(Problem::error(
            "/questionnaire",
            ProblemKind::EngagementOtherGrid {
                found: format!("{}@{}", w.questionnaire.id, w.questionnaire.version),
                expected: format!("{}@{}", questionnaire.id, questionnaire.version),
            },
        ));
    }
    let mut reviews: BTreeMap<String, BTreeMap<Track, Review>> = BTreeMap::new();
    for (qid, tracks) in w.reviews {
        let qpath = pointer(&["reviews", qid.as_str()]);
        let Some(question) = question_of(questionnaire, &qid, &qpath, problems) else {
            continue;
        };
        for (tk, r) in tracks {
            let path = pointer(&["reviews", qid.as_str(), tk.as_str()]);
            let Some(track) = track_of(question, &tk, &path, problems) else {
                continue;
            };
            let status = ReviewStatus::from_code(r.status.trim());
            if status.is_none() {
                problems.push(Problem::error(
                    format!("{path}/status"),
                    ProblemKind::ReviewStatus { found: r.status },
                ));
            }
            let mut value = None;
            if let Some(v) = r.value.as_deref() {
                let allowed: Vec<AnswerValue> = question.allowed_values().collect();
                match AnswerValue::from_code(v.trim()) {
                    None => problems.push(Problem::error(
                        format!("{path}/value"),
                        ProblemKind::InvalidValue {
                            found: v.to_string(),
                            allowed,
                        },
                    )),
                    Some(AnswerValue::Partial) if !question.allows_partial() => {
                        problems.push(Problem::error(
                            format!("{path}/value"),
                            ProblemKind::PartialNotDefined {
                                question: qid.clone(),
                                allowed,
                            },
                        ))
                    }
                    Some(AnswerValue::Na) if !question.allows_na() => {
                        problems.push(Problem::error(
                            format!("{path}/value"),
                            ProblemKind::NaOnCritical {
                                question: qid.clone(),
                                allowed,
                            },
                        ))
                    }
                    Some(v) => value = Some(v),
                }
                if status == Some(ReviewStatus::Rejected) {
                    problems.push(Problem::error(
                        format!("{path}/value"),
                        ProblemKind::RejectedWithValue,
                    ));
                }
            }
            date(&r.date, format!("{path}/date"), problems);
            if !is_hash(&r.reviewed) {
                problems.push(Problem::error(
                    format!("{path}/reviewed"),
                    ProblemKind::InvalidAnswerHash {
                        found: r.reviewed.clone(),
                    },
                ));
            }
            if matches!(
                status,
                Some(ReviewStatus::Challenged | ReviewStatus::Rejected)
            ) && r.note.trim().is_empty()
            {
                problems.push(Problem::warning(
                    path.clone(),
                    ProblemKind::ReviewWithoutNote,
                ));
            }
            if let Some(status) = status {
                reviews.entry(qid.clone()).or_default().insert(
                    track,
                    Review {
                        status,
                        value,
                        note: r.note,
                        date: r.date.trim().to_string(),
                        analyst: r.analyst,
                        reviewed: r.reviewed,
                    },
                );
            }
        }
    }
    let mut dialogue = Vec::new();
    for (i, d) in w.dialogue.into_iter().enumerate() {
        let path = format!("/dialogue/{i}");
        date(&d.date, format!("{path}/date"), problems);
        match DialogueKind::from_code(d.kind.trim()) {
            None => problems.push(Problem::error(
                format!("{path}/kind"),
                ProblemKind::DialogueKind { found: d.kind },
            )),
            Some(kind) => dialogue.push(DialogueEntry {
                date: d.date.trim().to_string(),
                kind,
                participants: d.participants,
                summary: d.summary,
            }),
        }
    }
    let mut actions = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, a) in w.actions.into_iter().enumerate() {
        let path = format!("/actions/{i}");
        if !ids.insert(a.id.clone()) {
            problems.push(Problem::error(
                format!("{path}/id"),
                ProblemKind::DuplicateActionId { id: a.id.clone() },
            ));
        }
        let mut addresses = Vec::new();
        for (j, t) in a.addresses.into_iter().enumerate() {
            let tpath = format!("{path}/addresses/{j}");
            let Some(q) = question_of(
                questionnaire,
                &t.question,
                &format!("{tpath}/question"),
                problems,
            ) else {
                continue;
            };
            let track = match t.track.as_deref() {
                None => None,
                Some(code) => match track_of(q, code, &format!("{tpath}/track"), problems) {
                    Some(t) => Some(t),
                    None => continue,
                },
            };
            addresses.push(ActionTarget {
                question: t.question,
                track,
            });
        }
        if let Some(d) = a.due.as_deref() {
            date(d, format!("{path}/due"), problems);
        }
        let status = ActionStatus::from_code(a.status.trim());
        match status {
            None => problems.push(Problem::error(
                format!("{path}/status"),
                ProblemKind::ActionStatus { found: a.status },
            )),
            Some(ActionStatus::Dropped)
                if a.dropped_reason
                    .as_deref()
                    .is_none_or(|r| r.trim().is_empty()) =>
            {
                problems.push(Problem::error(
                    format!("{path}/status"),
                    ProblemKind::DroppedWithoutReason,
                ))
            }
            _ => {}
        }
        if let Some(status) = status {
            actions.push(Action {
                id: a.id,
                text: a.text,
                addresses,
                owner: a.owner,
                due: a.due.map(|d| d.trim().to_string()),
                status,
                dropped_reason: a.dropped_reason,
                evidence: a.evidence,
                carried_from: a.carried_from,
            });
        }
    }
    Engagement {
        format: ENGAGEMENT_FORMAT.to_string(),
        questionnaire: w.questionnaire,
        company: w.company,
        period: w.period,
        updated: w.updated,
        reviews,
        dialogue,
        actions,
        context: w.context,
    }
}
