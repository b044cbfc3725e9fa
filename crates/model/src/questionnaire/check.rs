//! The rules a questionnaire file must follow (docs/formats.md): every problem found at once,
//! each at its JSON path.

use super::{QUESTIONNAIRE_FORMAT, QuestionnaireFile};
use crate::codes::{AnswerValue, Level};
use crate::exact::{Percent, to_thousandths};
use crate::mapping::{MappingData, QuestionMappingData};
use crate::problem::{IdKind, NumberKind, Problem, ProblemKind};
use crate::text::Text;
use std::collections::BTreeSet;

impl QuestionnaireFile {
    /// Every problem of the grid (the rules of docs/formats.md).
    pub(super) fn check(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let err = |out: &mut Vec<Problem>, path: String, kind| out.push(Problem::error(path, kind));
        let text = |out: &mut Vec<Problem>, path: &str, t: &Text| {
            out.extend(Problem::missing_translations(path, t));
        };
        if self.format != QUESTIONNAIRE_FORMAT {
            err(
                &mut out,
                "/format".into(),
                ProblemKind::UnsupportedFormat {
                    found: self.format.clone(),
                    expected: QUESTIONNAIRE_FORMAT,
                },
            );
        }
        if self.id.trim().is_empty() {
            err(
                &mut out,
                "/id".into(),
                ProblemKind::MissingField { field: "id".into() },
            );
        }
        if !is_semver(&self.version) {
            err(
                &mut out,
                "/version".into(),
                ProblemKind::InvalidVersion {
                    found: self.version.clone(),
                },
            );
        }
        text(&mut out, "/title", &self.title);
        if let Some(d) = &self.description {
            text(&mut out, "/description", d);
        }
        if Percent::from_f64(self.threshold).is_none() {
            err(
                &mut out,
                "/threshold".into(),
                ProblemKind::InvalidNumber {
                    what: NumberKind::Threshold,
                    value: self.threshold.to_string(),
                },
            );
        }
        if let Some(limits) = &self.na_limits
            && Percent::from_f64(limits.min_applicable_percent).is_none()
        {
            err(
                &mut out,
                "/na_limits/min_applicable_percent".into(),
                ProblemKind::InvalidNumber {
                    what: NumberKind::MinApplicable,
                    value: limits.min_applicable_percent.to_string(),
                },
            );
        }
        if self.index_weights.len() != 4 {
            err(
                &mut out,
                "/index_weights".into(),
                ProblemKind::IndexWeightCount {
                    found: self.index_weights.len(),
                },
            );
        }
        for (i, w) in self.index_weights.iter().enumerate() {
            if to_thousandths(*w).is_none() {
                err(
                    &mut out,
                    format!("/index_weights/{i}"),
                    ProblemKind::InvalidNumber {
                        what: NumberKind::IndexWeight,
                        value: w.to_string(),
                    },
                );
            }
        }
        let mut seen_tracks = BTreeSet::new();
        for (i, t) in self.tracks.iter().enumerate() {
            if !seen_tracks.insert(t.id) {
                err(
                    &mut out,
                    format!("/tracks/{i}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Track,
                        id: t.id.code().into(),
                    },
                );
            }
            text(&mut out, &format!("/tracks/{i}/label"), &t.label);
        }
        if self.tracks.is_empty() {
            err(
                &mut out,
                "/tracks".into(),
                ProblemKind::MissingField {
                    field: "tracks".into(),
                },
            );
        }
        let mut seen_levels = BTreeSet::new();
        for (i, l) in self.levels.iter().enumerate() {
            if !seen_levels.insert(l.id) {
                err(
                    &mut out,
                    format!("/levels/{i}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Level,
                        id: l.id.code().into(),
                    },
                );
            }
            text(&mut out, &format!("/levels/{i}/label"), &l.label);
            text(&mut out, &format!("/levels/{i}/definition"), &l.definition);
        }
        for level in Level::ALL {
            if !seen_levels.contains(&level) {
                err(
                    &mut out,
                    "/levels".into(),
                    ProblemKind::MissingField {
                        field: format!("levels[{level}]"),
                    },
                );
            }
        }
        if let Some(ns) = &self.not_started {
            text(&mut out, "/not_started/label", &ns.label);
        }
        let mut seen_themes = BTreeSet::new();
        for (i, t) in self.themes.iter().enumerate() {
            if !seen_themes.insert(t.id.as_str()) {
                err(
                    &mut out,
                    format!("/themes/{i}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Theme,
                        id: t.id.clone(),
                    },
                );
            }
            text(&mut out, &format!("/themes/{i}/label"), &t.label);
        }
        let mut seen_values = BTreeSet::new();
        for (i, v) in self.answer_values.iter().enumerate() {
            if !seen_values.insert(v.value) {
                err(
                    &mut out,
                    format!("/answer_values/{i}/value"),
                    ProblemKind::DuplicateId {
                        what: IdKind::AnswerValue,
                        id: v.value.code().into(),
                    },
                );
            }
            text(&mut out, &format!("/answer_values/{i}/label"), &v.label);
            let ok = match (v.value, v.points) {
                (AnswerValue::Na, None) => true,
                (AnswerValue::Na, Some(_)) => false,
                (_, Some(p)) => to_thousandths(p).is_some_and(|t| t <= 1000),
                (_, None) => false,
            };
            if !ok {
                err(
                    &mut out,
                    format!("/answer_values/{i}/points"),
                    ProblemKind::InvalidNumber {
                        what: if v.value == AnswerValue::Na {
                            NumberKind::NaPoints
                        } else {
                            NumberKind::Points
                        },
                        value: v.points.map_or("null".into(), |p| p.to_string()),
                    },
                );
            }
        }
        for value in AnswerValue::ALL {
            if !seen_values.contains(&value) {
                err(
                    &mut out,
                    "/answer_values".into(),
                    ProblemKind::MissingAnswerValue { value },
                );
            }
        }
        let known_themes = self
            .themes
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let mut seen_questions = BTreeSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let base = format!("/questions/{i}");
            if q.id.trim().is_empty() {
                err(
                    &mut out,
                    format!("{base}/id"),
                    ProblemKind::MissingField { field: "id".into() },
                );
            } else if !seen_questions.insert(q.id.as_str()) {
                err(
                    &mut out,
                    format!("{base}/id"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Question,
                        id: q.id.clone(),
                    },
                );
            }
            if !seen_themes.contains(q.theme.as_str()) {
                err(
                    &mut out,
                    format!("{base}/theme"),
                    ProblemKind::UnknownTheme {
                        found: q.theme.clone(),
                        known: known_themes.clone(),
                    },
                );
            }
            if q.tracks.is_empty() {
                err(&mut out, format!("{base}/tracks"), ProblemKind::NoTrack);
            }
            let mut qt = BTreeSet::new();
            for (j, t) in q.tracks.iter().enumerate() {
                if !qt.insert(*t) {
                    err(
                        &mut out,
                        format!("{base}/tracks/{j}"),
                        ProblemKind::Repeated {
                            found: t.code().into(),
                        },
                    );
                } else if !seen_tracks.contains(t) {
                    err(
                        &mut out,
                        format!("{base}/tracks/{j}"),
                        ProblemKind::TrackNotDefined { track: *t },
                    );
                }
            }
            if !(q.weight > 0.0 && to_thousandths(q.weight).is_some_and(|w| w > 0)) {
                err(
                    &mut out,
                    format!("{base}/weight"),
                    ProblemKind::InvalidNumber {
                        what: NumberKind::Weight,
                        value: q.weight.to_string(),
                    },
                );
            }
            if q.critical && q.allow_na == Some(true) {
                err(
                    &mut out,
                    format!("{base}/allow_na"),
                    ProblemKind::CriticalAllowsNa {
                        question: q.id.clone(),
                    },
                );
            }
            text(&mut out, &format!("{base}/text"), &q.text);
            text(
                &mut out,
                &format!("{base}/recommendation"),
                &q.recommendation,
            );
            if let Some(p) = &q.partial {
                text(&mut out, &format!("{base}/partial"), p);
            }
            if let Some(h) = &q.help {
                text(&mut out, &format!("{base}/help"), h);
            }
            if let Some(c) = &q.na_condition {
                text(&mut out, &format!("{base}/na_condition"), c);
                if !q.allows_na() {
                    err(
                        &mut out,
                        format!("{base}/na_condition"),
                        ProblemKind::NaConditionWithoutNa {
                            question: q.id.clone(),
                        },
                    );
                }
            }
        }
        crate::mapping::check(
            &MappingData {
                frameworks: &self.frameworks,
                questions: self
                    .questions
                    .iter()
                    .enumerate()
                    .map(|(i, q)| QuestionMappingData {
                        base: format!("/questions/{i}"),
                        tracks: &q.tracks,
                        mappings: &q.mappings,
                        references: &q.references,
                        changes: &q.changes,
                    })
                    .collect(),
            },
            &mut out,
        );
        if let Some(p) = &self.provenance {
            text(&mut out, "/provenance", p);
        }
        for t in &self.tracks {
            for level in Level::ALL {
                if !self
                    .questions
                    .iter()
                    .any(|q| q.level == level && q.has_track(t.id))
                {
                    err(
                        &mut out,
                        "/questions".into(),
                        ProblemKind::EmptyTrackLevel { track: t.id, level },
                    );
                }
            }
        }
        out
    }
}

pub(crate) fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}
