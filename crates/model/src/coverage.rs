//! Regulation coverage: which requirements of each framework a grid's questions cover (per
//! track), and, for a scored sheet, what the answers linked to each covered requirement show,
//! per track and for the tracks taken together, by the exact rule of docs/method.md.
//!
//! The statuses describe the linked answers, never the company's conformity: `all_full` (every
//! linked answer at its full point), `some` (some points), `none` (no point), `incomplete`
//! (some linked question unanswered), `not_assessed` (every linked answer `na`, or the
//! requirement suspended). An `na` answer is *excluded*: left out of the status and counted
//! apart. Only frameworks whose [`FrameworkKind`] has a status (obligations, disclosure
//! standards, guidance) get one; for indicators, instruments and product rules the answers only
//! *inform* the text, and the views show them without a status.

use crate::codes::{AnswerValue, EvidenceMode, Track};
use crate::mapping::{FrameworkKind, Mapping};
use crate::messages::Msg;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;
use crate::text::Lang;
use std::collections::HashMap;

/// What the answers linked to one requirement show, for one track (or the tracks together).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RequirementStatus {
    /// Every linked answer that is not `na` earns its full point (as scored).
    AllFull,
    /// Some, not all, of the points of the linked answers that are not `na` are earned.
    SomePoints,
    /// The linked answers that are not `na` earn no point.
    NoPoints,
    /// Some linked question is unanswered.
    Incomplete,
    /// Every linked answer is `na`, or the grid marks the requirement suspended.
    NotAssessed,
}

impl RequirementStatus {
    /// Every status, in report order.
    pub const ALL: [RequirementStatus; 5] = [
        RequirementStatus::AllFull,
        RequirementStatus::SomePoints,
        RequirementStatus::NoPoints,
        RequirementStatus::Incomplete,
        RequirementStatus::NotAssessed,
    ];

    /// The stable code used in files (`all_full`, `some`, `none`, `incomplete`,
    /// `not_assessed`).
    pub fn code(self) -> &'static str {
        match self {
            RequirementStatus::AllFull => "all_full",
            RequirementStatus::SomePoints => "some",
            RequirementStatus::NoPoints => "none",
            RequirementStatus::Incomplete => "incomplete",
            RequirementStatus::NotAssessed => "not_assessed",
        }
    }

    /// The status read from its code.
    pub fn from_code(code: &str) -> Option<RequirementStatus> {
        RequirementStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The status's catalogue entry.
    pub fn msg(self) -> Msg {
        match self {
            RequirementStatus::AllFull => Msg::CovAllFull,
            RequirementStatus::SomePoints => Msg::CovSome,
            RequirementStatus::NoPoints => Msg::CovNone,
            RequirementStatus::Incomplete => Msg::CovIncomplete,
            RequirementStatus::NotAssessed => Msg::CovNotAssessed,
        }
    }

    /// The status's label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.msg().text(lang)
    }

    /// The position of the status in [`RequirementStatus::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The code written instead of a status for a framework whose kind has none: the answers
/// inform the text.
pub const INFORMS: &str = "informs";

/// The label shown instead of a status for a framework whose kind has none.
pub fn informs_label(lang: Lang) -> &'static str {
    Msg::CovInforms.text(lang)
}

/// The header of the column that shows the statuses.
pub fn column_header(lang: Lang) -> &'static str {
    Msg::CovColumn.text(lang)
}

/// The label every coverage view carries in declarative mode: the answers are self-declared.
/// `None` in substantiated mode.
pub fn self_declared(mode: EvidenceMode, lang: Lang) -> Option<&'static str> {
    (mode == EvidenceMode::Declarative).then(|| Msg::CovSelfDeclared.text(lang))
}

/// Where the grid's bar sits against the text, in words.
pub fn bar_label(position: crate::mapping::BarPosition, lang: Lang) -> &'static str {
    match position {
        crate::mapping::BarPosition::Above => Msg::CovBarAbove.text(lang),
        crate::mapping::BarPosition::Below => Msg::CovBarBelow.text(lang),
    }
}

/// A framework kind in words.
pub fn kind_label(kind: FrameworkKind, lang: Lang) -> &'static str {
    match kind {
        FrameworkKind::Obligation => Msg::KindObligation.text(lang),
        FrameworkKind::Disclosure => Msg::KindDisclosure.text(lang),
        FrameworkKind::Guidance => Msg::KindGuidance.text(lang),
        FrameworkKind::Indicator => Msg::KindIndicator.text(lang),
        FrameworkKind::Instrument => Msg::KindInstrument.text(lang),
        FrameworkKind::ProductRule => Msg::KindProductRule.text(lang),
    }
}

/// The answers linked to one requirement for one track, counted: the facts the status is
/// derived from, and what every view shows beside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LinkedAnswers {
    /// Questions linked to the requirement for the track.
    pub linked: u32,
    /// Of them, answered (any value, `na` included).
    pub answered: u32,
    /// Of the answers, `na` left out of the status (excluded).
    pub excluded: u32,
    /// Of the answers not excluded, those at their full point (as scored).
    pub full: u32,
    /// Of the answers not excluded, those earning some points.
    pub earning: u32,
    /// Of the answers, those that carry evidence (`AnswerScore::carries_evidence`).
    pub with_evidence: u32,
}

impl LinkedAnswers {
    /// Counts the answers to `questions` (positions) for `track` in `assessment`.
    pub fn count(assessment: &Assessment, track: Track, questions: &[usize]) -> LinkedAnswers {
        let mut out = LinkedAnswers {
            linked: questions.len() as u32,
            ..LinkedAnswers::default()
        };
        let Some(result) = assessment.track(track) else {
            return out;
        };
        for s in questions.iter().filter_map(|&qi| result.answer(qi)) {
            if s.value().is_none() {
                continue;
            }
            out.answered += 1;
            if s.carries_evidence() {
                out.with_evidence += 1;
            }
            match s.points() {
                None => out.excluded += 1,
                Some(p) => {
                    if s.is_full() {
                        out.full += 1;
                    }
                    if p > 0.0 {
                        out.earning += 1;
                    }
                }
            }
        }
        out
    }

    /// The status these answers show: the rule of docs/method.md, in this order —
    /// `incomplete` when a linked question is unanswered; `not_assessed` when every answer is
    /// `na` (excluded); `all_full` when every other answer is at its full point; `some` when one
    /// earns points; `none` otherwise.
    pub fn status(&self) -> RequirementStatus {
        let assessed = self.answered - self.excluded;
        if self.answered < self.linked {
            RequirementStatus::Incomplete
        } else if assessed == 0 {
            RequirementStatus::NotAssessed
        } else if self.full == assessed {
            RequirementStatus::AllFull
        } else if self.earning > 0 {
            RequirementStatus::SomePoints
        } else {
            RequirementStatus::NoPoints
        }
    }
}

/// The status of a requirement for the tracks taken together, from its status on each track
/// that covers it: `incomplete` when any track is; `not_assessed` when every track is; else,
/// over the tracks assessed, `all_full` when all are, `none` when all are, `some` otherwise.
/// `None` when no track covers it. The one rule every per-company summary uses.
pub fn combined(statuses: &[RequirementStatus]) -> Option<RequirementStatus> {
    use RequirementStatus::*;
    if statuses.is_empty() {
        return None;
    }
    if statuses.contains(&Incomplete) {
        return Some(Incomplete);
    }
    let assessed: Vec<_> = statuses.iter().filter(|s| **s != NotAssessed).collect();
    Some(if assessed.is_empty() {
        NotAssessed
    } else if assessed.iter().all(|s| **s == AllFull) {
        AllFull
    } else if assessed.iter().all(|s| **s == NoPoints) {
        NoPoints
    } else {
        SomePoints
    })
}

/// The sentence shown wherever coverage is shown.
pub fn disclaimer(lang: Lang) -> &'static str {
    Msg::CoverageDisclaimer.text(lang)
}

/// Every note the grid gives on a requirement, as lines in `lang`: the requirement's note, why
/// it is suspended, then the note of each question's link to it, in form order (`Q04: first
/// screening only`). What every view shows wherever the requirement appears, with
/// [`requirement_bars`].
pub fn requirement_notes(q: &Questionnaire, r: &RequirementMap, lang: Lang) -> Vec<String> {
    let colon = crate::messages::colon(lang);
    let mut out = Vec::new();
    let Some(req) = q
        .frameworks
        .get(r.framework)
        .and_then(|f| f.requirements.get(r.requirement))
    else {
        return out;
    };
    if let Some(n) = &req.note {
        out.push(n.get(lang).to_string());
    }
    if let Some(n) = &req.suspended {
        out.push(Msg::CovSuspended.fill(lang, &[("note", &n.get(lang))]));
    }
    for (qid, m) in r.mappings_in(q) {
        if let Some(n) = &m.note {
            out.push(format!("{qid}{colon} {}", n.get(lang)));
        }
    }
    out
}

/// Where the grid's bar sits against the requirement's text, per linked question that says
/// so, as lines in `lang` (`Q33: the grid asks more than the text — …`): shown next to the
/// status.
pub fn requirement_bars(q: &Questionnaire, r: &RequirementMap, lang: Lang) -> Vec<String> {
    let colon = crate::messages::colon(lang);
    r.mappings_in(q)
        .into_iter()
        .filter_map(|(qid, m)| {
            m.bar.as_ref().map(|b| {
                format!(
                    "{qid}{colon} {} — {}",
                    bar_label(b.position, lang),
                    b.note.get(lang)
                )
            })
        })
        .collect()
}

/// A requirement of a framework with the questions of the grid mapped to it, per track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementMap {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// Positions of the questions mapped to it that are asked for CL and for FL (indexed by
    /// `Track::index`), in form order.
    pub questions: [Vec<usize>; 2],
    /// Every mapping to it: (question position, position in the question's `mappings`), in
    /// form order, for the notes and bars the views show.
    pub mappings: Vec<(usize, usize)>,
}

impl RequirementMap {
    /// The questions mapped to the requirement for `track`.
    pub fn questions_for(&self, track: Track) -> &[usize] {
        &self.questions[track.index()]
    }

    /// Some question covers the requirement for `track`.
    pub fn is_covered(&self, track: Track) -> bool {
        !self.questions[track.index()].is_empty()
    }

    /// The mappings to the requirement, with their question's id, in form order.
    pub fn mappings_in<'q>(&self, q: &'q Questionnaire) -> Vec<(&'q str, &'q Mapping)> {
        self.mappings
            .iter()
            .filter_map(|&(qi, mi)| {
                let question = q.questions.get(qi)?;
                Some((question.id.as_str(), question.mappings.get(mi)?))
            })
            .collect()
    }

    /// Whether the framework's kind gives the requirement a status, and the requirement is not
    /// suspended: `Some(true)` statused, `Some(false)` suspended (not assessed), `None` when the
    /// kind only informs.
    fn statused(&self, q: &Questionnaire) -> Option<bool> {
        let f = q.frameworks.get(self.framework)?;
        if !f.kind.has_status() {
            return None;
        }
        Some(
            f.requirements
                .get(self.requirement)
                .is_none_or(|r| r.suspended.is_none()),
        )
    }

    /// What the answers linked for `track` show: `None` for a framework whose kind only
    /// informs; `not_assessed` for a suspended requirement; else the rule of
    /// [`LinkedAnswers::status`].
    pub fn status(
        &self,
        q: &Questionnaire,
        assessment: &Assessment,
        track: Track,
    ) -> Option<RequirementStatus> {
        match self.statused(q)? {
            false => Some(RequirementStatus::NotAssessed),
            true => {
                Some(LinkedAnswers::count(assessment, track, self.questions_for(track)).status())
            }
        }
    }

    /// What the linked answers show for the tracks taken together ([`combined`] over the
    /// tracks that cover it): `None` for a framework whose kind only informs, or when no track
    /// covers it.
    pub fn combined_status(
        &self,
        q: &Questionnaire,
        assessment: &Assessment,
    ) -> Option<RequirementStatus> {
        let statuses: Vec<RequirementStatus> = q
            .track_codes()
            .iter()
            .filter(|&&t| self.is_covered(t))
            .filter_map(|&t| self.status(q, assessment, t))
            .collect();
        combined(&statuses)
    }
}

/// Every requirement of every framework of the grid, with the questions mapped to it per
/// track, in the order the grid lists frameworks and requirements.
pub fn grid_coverage(questionnaire: &Questionnaire) -> Vec<RequirementMap> {
    let mut out = Vec::new();
    // Where each (framework, requirement) sits in `out`, so that every mapping is placed once
    // (this runs for every scored sheet: it must not scan the questions per requirement).
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    for (fi, f) in questionnaire.frameworks.iter().enumerate() {
        for (ri, r) in f.requirements.iter().enumerate() {
            at.insert((f.id.as_str(), r.reference.as_str()), out.len());
            out.push(RequirementMap {
                framework: fi,
                requirement: ri,
                questions: Default::default(),
                mappings: Vec::new(),
            });
        }
    }
    for (qi, q) in questionnaire.questions.iter().enumerate() {
        for (mi, m) in q.mappings.iter().enumerate() {
            let Some(&k) = at.get(&(m.framework.as_str(), m.reference.as_str())) else {
                continue;
            };
            out[k].mappings.push((qi, mi));
            for &t in &q.tracks {
                let list = &mut out[k].questions[t.index()];
                if m.holds_for(t, &q.tracks) && list.last() != Some(&qi) {
                    list.push(qi);
                }
            }
        }
    }
    out
}

/// How many requirements of a framework the grid covers for a track.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameworkCount {
    /// Requirements with at least one question mapped to them for the track.
    pub covered: usize,
    /// Requirements the framework lists.
    pub total: usize,
}

/// Per framework (grid order), how many requirements are covered for `track`.
pub fn framework_counts(questionnaire: &Questionnaire, track: Track) -> Vec<FrameworkCount> {
    let mut counts = vec![FrameworkCount::default(); questionnaire.frameworks.len()];
    for r in grid_coverage(questionnaire) {
        counts[r.framework].total += 1;
        if r.is_covered(track) {
            counts[r.framework].covered += 1;
        }
    }
    counts
}

/// What the answers linked to a covered requirement show, for one track of a scored sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementResult {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// The track.
    pub track: Track,
    /// The status; `None` when the framework's kind only informs (no status, ever).
    pub status: Option<RequirementStatus>,
    /// The questions mapped to the requirement for the track (positions, form order).
    pub questions: Vec<usize>,
    /// The linked answers, counted.
    pub answers: LinkedAnswers,
}

/// What the answers to `questions` (positions of the questions mapped to one requirement for
/// `track`) show in `assessment`, for a framework with a status and a requirement that is not
/// suspended: the rule of docs/method.md ([`LinkedAnswers::status`]).
pub fn status_of(assessment: &Assessment, track: Track, questions: &[usize]) -> RequirementStatus {
    LinkedAnswers::count(assessment, track, questions).status()
}

/// Every covered requirement per track for a scored sheet, in grid order (framework,
/// requirement, then CL before FL). Requirements no question covers for a track are left out.
pub fn sheet_coverage(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
) -> Vec<RequirementResult> {
    let mut out = Vec::new();
    for r in grid_coverage(questionnaire) {
        for &track in questionnaire.track_codes() {
            let questions = r.questions_for(track);
            if questions.is_empty() {
                continue;
            }
            out.push(RequirementResult {
                framework: r.framework,
                requirement: r.requirement,
                track,
                status: r.status(questionnaire, assessment, track),
                questions: questions.to_vec(),
                answers: LinkedAnswers::count(assessment, track, questions),
            });
        }
    }
    out
}

/// One company's requirement with the tracks taken together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyRequirement {
    /// Position of the framework in the grid's `frameworks`.
    pub framework: usize,
    /// Position of the requirement in the framework's `requirements`.
    pub requirement: usize,
    /// The tracks together ([`combined`]); `None` when the framework's kind only informs.
    pub status: Option<RequirementStatus>,
}

/// Every requirement some track covers, with the tracks taken together, in grid order: the
/// per-company summary of the campaign review and the workbook.
pub fn company_coverage(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
) -> Vec<CompanyRequirement> {
    grid_coverage(questionnaire)
        .into_iter()
        .filter(|r| questionnaire.track_codes().iter().any(|&t| r.is_covered(t)))
        .map(|r| CompanyRequirement {
            framework: r.framework,
            requirement: r.requirement,
            status: r.combined_status(questionnaire, assessment),
        })
        .collect()
}

/// Per framework (grid order), the requirements of one company in each status, the tracks
/// taken together (in [`RequirementStatus::ALL`] order); all zero for a framework whose kind
/// only informs.
pub fn company_counts(questionnaire: &Questionnaire, assessment: &Assessment) -> Vec<[usize; 5]> {
    let mut out = vec![[0usize; 5]; questionnaire.frameworks.len()];
    for r in company_coverage(questionnaire, assessment) {
        if let (Some(s), Some(slot)) = (r.status, out.get_mut(r.framework)) {
            slot[s.index()] += 1;
        }
    }
    out
}

/// The value of each answer linked for `track` (aligned with `questions`; `None`: unanswered).
pub fn linked_values(
    assessment: &Assessment,
    track: Track,
    questions: &[usize],
) -> Vec<Option<AnswerValue>> {
    let result = assessment.track(track);
    questions
        .iter()
        .map(|&qi| result.and_then(|r| r.answer(qi)).and_then(|s| s.value()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_round_trip() {
        for (i, s) in RequirementStatus::ALL.into_iter().enumerate() {
            assert_eq!(RequirementStatus::from_code(s.code()), Some(s));
            assert_eq!(s.index(), i);
            assert!(!s.label(Lang::Fr).is_empty() && !s.label(Lang::En).is_empty());
        }
    }

    fn linked(linked: u32, answered: u32, excluded: u32, full: u32, earning: u32) -> LinkedAnswers {
        LinkedAnswers {
            linked,
            answered,
            excluded,
            full,
            earning,
            with_evidence: 0,
        }
    }

    #[test]
    fn the_status_rule_in_its_order() {
        use RequirementStatus::*;
        // Any unanswered question: incomplete, whatever the others say (yes or no).
        assert_eq!(linked(2, 1, 0, 1, 1).status(), Incomplete);
        assert_eq!(linked(2, 1, 0, 0, 0).status(), Incomplete);
        assert_eq!(linked(2, 0, 0, 0, 0).status(), Incomplete);
        // Every answer `na`: not assessed.
        assert_eq!(linked(2, 2, 2, 0, 0).status(), NotAssessed);
        assert_eq!(linked(2, 2, 1, 1, 1).status(), AllFull);
        assert_eq!(linked(2, 2, 0, 1, 2).status(), SomePoints);
        assert_eq!(linked(2, 2, 0, 0, 0).status(), NoPoints);
    }

    #[test]
    fn tracks_together() {
        use RequirementStatus::*;
        assert_eq!(combined(&[]), None);
        assert_eq!(combined(&[AllFull, Incomplete]), Some(Incomplete));
        assert_eq!(combined(&[AllFull, AllFull]), Some(AllFull));
        assert_eq!(combined(&[AllFull, NotAssessed]), Some(AllFull));
        assert_eq!(combined(&[NotAssessed, NotAssessed]), Some(NotAssessed));
        assert_eq!(combined(&[NoPoints, NoPoints]), Some(NoPoints));
        assert_eq!(combined(&[AllFull, NoPoints]), Some(SomePoints));
    }
}
