//! Engagement files (`vigilance.engagement/1`): one JSON file per company and period, kept beside
//! the answer sheets, holding what an investor's analyst made of the company's answers.
//!
//! - [`Engagement`] is the file: the reviewed answers ([`Review`]: accepted, challenged or
//!   rejected, with the value accepted, a note, a date, the analyst's initials and the hash of the
//!   declared answer reviewed), the dialogue log ([`DialogueEntry`]) and the action plan
//!   ([`Action`]).
//! - [`Engagement::parse`] reads one, every problem at once, each with its place and stable code
//!   (family `VG-E`, plus the answer-sheet codes where the same rule applies).
//! - [`reviewed_sheet`] applies it to an answer sheet: the sheet *as reviewed*, which the
//!   unchanged scoring engine then scores (the rule is in docs/method.md). The answer sheet itself
//!   is never modified: the function returns a copy.
//! - [`Engagement::init`] proposes a file for a scored sheet; [`Engagement::carry`] starts the
//!   next period's.

mod apply;
mod read;

pub use read::is_date;

pub use apply::{Applied, AppliedReview, check_matches, reviewed_sheet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::scoring::Assessment;
use vigilance_model::{Answer, AnswerSheet, AnswerValue, Questionnaire, Track};
use vigilance_text::{Lang, Msg};

/// The `format` of engagement files this version reads and writes.
pub const ENGAGEMENT_FORMAT: &str = "vigilance.engagement/1";

/// Largest engagement file accepted, in bytes.
pub const MAX_ENGAGEMENT_BYTES: usize = 8 * 1024 * 1024;

/// What the analyst made of one declared answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    /// The answer stands (as declared, or with the value the analyst accepts in `value`).
    Accepted,
    /// Questioned with the company: the answer counts as declared until settled.
    Challenged,
    /// Not accepted: the answer counts as `unknown`.
    Rejected,
}

impl ReviewStatus {
    /// The stable code (`accepted`).
    pub fn code(self) -> &'static str {
        match self {
            ReviewStatus::Accepted => "accepted",
            ReviewStatus::Challenged => "challenged",
            ReviewStatus::Rejected => "rejected",
        }
    }

    /// Reads a code.
    pub fn from_code(code: &str) -> Option<ReviewStatus> {
        [
            ReviewStatus::Accepted,
            ReviewStatus::Challenged,
            ReviewStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReviewStatus::Accepted => Msg::EngStatusAccepted,
            ReviewStatus::Challenged => Msg::EngStatusChallenged,
            ReviewStatus::Rejected => Msg::EngStatusRejected,
        }
        .text(lang)
    }
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Agreed, not started.
    Planned,
    /// Started.
    InProgress,
    /// Done.
    Done,
    /// Given up, with the reason in `dropped_reason`.
    Dropped,
}

impl ActionStatus {
    /// Every status, in order.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The stable code (`in_progress`).
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Reads a code.
    pub fn from_code(code: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the action is still to be done (planned or in progress).
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ActionStatus::Planned => Msg::EngActionPlanned,
            ActionStatus::InProgress => Msg::EngActionInProgress,
            ActionStatus::Done => Msg::EngActionDone,
            ActionStatus::Dropped => Msg::EngActionDropped,
        }
        .text(lang)
    }
}

/// The kind of an exchange with the company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DialogueKind {
    /// A meeting.
    Meeting,
    /// A letter.
    Letter,
    /// A call.
    Call,
    /// An e-mail.
    Email,
    /// Anything else.
    Other,
}

impl DialogueKind {
    /// Every kind.
    pub const ALL: [DialogueKind; 5] = [
        DialogueKind::Meeting,
        DialogueKind::Letter,
        DialogueKind::Call,
        DialogueKind::Email,
        DialogueKind::Other,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            DialogueKind::Meeting => "meeting",
            DialogueKind::Letter => "letter",
            DialogueKind::Call => "call",
            DialogueKind::Email => "email",
            DialogueKind::Other => "other",
        }
    }

    /// Reads a code.
    pub fn from_code(code: &str) -> Option<DialogueKind> {
        DialogueKind::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DialogueKind::Meeting => Msg::EngDialogueMeeting,
            DialogueKind::Letter => Msg::EngDialogueLetter,
            DialogueKind::Call => Msg::EngDialogueCall,
            DialogueKind::Email => Msg::EngDialogueEmail,
            DialogueKind::Other => Msg::EngDialogueOther,
        }
        .text(lang)
    }
}

/// The analyst's review of one declared answer (one question, one track).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Review {
    /// accepted, challenged or rejected.
    pub status: ReviewStatus,
    /// The value the analyst accepts where it differs from the declared one (a declared `yes`
    /// accepted as `partial`). Applied only when `status` is `accepted`; never on `rejected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// Why (expected on a challenged or rejected answer).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// The analyst's initials.
    #[serde(default)]
    pub analyst: String,
    /// The hash of the declared answer reviewed ([`answer_hash`]): when the company's answer no
    /// longer has it, the review is outdated and not applied.
    pub reviewed: String,
}

/// One exchange with the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DialogueEntry {
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// meeting, letter, call, email or other.
    pub kind: DialogueKind,
    /// Who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// What was said or agreed.
    #[serde(default)]
    pub summary: String,
}

/// A question (and optionally one track of it) an action addresses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActionTarget {
    /// The question id (`Q09`).
    pub question: String,
    /// The track; absent: every track the question is asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<Track>,
}

/// One action of the plan agreed with the company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// A short id, unique in the file (`A1`).
    pub id: String,
    /// What the company will do.
    pub text: String,
    /// The questions and tracks it addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<ActionTarget>,
    /// Who at the company owns it.
    #[serde(default)]
    pub owner: String,
    /// Due date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// planned, in_progress, done or dropped.
    pub status: ActionStatus,
    /// Why it was dropped (required when `status` is `dropped`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped_reason: Option<String>,
    /// Evidence that it was done: references, URLs or files of the company's dossier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// The period the action was first agreed for, when carried over from an earlier file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
}

impl Action {
    /// Whether it is open and its due date is before `today` (both `YYYY-MM-DD`).
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status.is_open() && self.due.as_deref().is_some_and(|d| d < today)
    }
}

/// A challenge or rejection of an earlier period, kept as context by [`Engagement::carry`]; it is
/// never applied to new answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PastReview {
    /// The period it was made in.
    pub period: String,
    /// The question.
    pub question: String,
    /// The track.
    pub track: Track,
    /// challenged or rejected.
    pub status: ReviewStatus,
    /// The value accepted then, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// The note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The company an engagement file is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EngagementCompany {
    /// The company's name, as in its answer sheet.
    pub name: String,
    /// Its identifier (LEI, ISIN…), as in its answer sheet; when both have one, they must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// An engagement file: one company, one period, one grid version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Engagement {
    /// Always `vigilance.engagement/1`.
    pub format: String,
    /// The grid and version of the answer sheet reviewed.
    pub questionnaire: QuestionnaireRef,
    /// The company.
    pub company: EngagementCompany,
    /// The period of the answer sheet reviewed (`2025`).
    pub period: String,
    /// When the file was last changed (free text, ISO 8601 advised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Reviewed answers: question id → track → review.
    #[serde(default)]
    pub reviews: BTreeMap<String, BTreeMap<Track, Review>>,
    /// The dialogue log, oldest first.
    #[serde(default)]
    pub dialogue: Vec<DialogueEntry>,
    /// The action plan.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Challenges of earlier periods, for context only (never applied).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<PastReview>,
}

/// The hash of a declared answer, as a review records it in `reviewed`: `fnv1a64:` and 16
/// lower-case hexadecimal digits, the 64-bit FNV-1a hash of the answer's compact JSON as the
/// answer sheet writes it (`{"value":"yes","comment":"…","evidence":[…],"justification":"…"}`,
/// absent fields left out) or of `null` when the question is unanswered. Any change to the value,
/// comment, evidence or justification changes it.
pub fn answer_hash(answer: Option<&Answer>) -> String {
    let json = match answer {
        Some(a) => serde_json::to_string(a).unwrap_or_default(),
        None => "null".to_string(),
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

impl Engagement {
    /// An empty file for `sheet`.
    pub fn for_sheet(sheet: &AnswerSheet) -> Engagement {
        Engagement {
            format: ENGAGEMENT_FORMAT.to_string(),
            questionnaire: sheet.questionnaire.clone(),
            company: EngagementCompany {
                name: sheet.company.name.clone(),
                id: sheet.company.id.clone(),
            },
            period: sheet.period.clone().unwrap_or_default(),
            updated: None,
            reviews: BTreeMap::new(),
            dialogue: Vec::new(),
            actions: Vec::new(),
            context: Vec::new(),
        }
    }

    /// The file `vigilance engage init` proposes for a scored sheet: every declared answer
    /// listed as accepted as declared (with its hash, dated `today`, initials `analyst`), for the
    /// analyst to change into challenged or rejected where needed; and one planned action per
    /// next step towards the next level (critical first, at most `max_actions`), in the
    /// language `lang`, for the analyst to keep, edit or delete.
    pub fn init(
        sheet: &AnswerSheet,
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        today: &str,
        analyst: &str,
        lang: Lang,
        max_actions: usize,
    ) -> Engagement {
        let mut e = Engagement::for_sheet(sheet);
        e.updated = Some(today.to_string());
        for (id, tracks) in &sheet.answers {
            for track in Track::ALL {
                if let Some(a) = tracks.get(track) {
                    e.reviews.entry(id.clone()).or_default().insert(
                        track,
                        Review {
                            status: ReviewStatus::Accepted,
                            value: None,
                            note: String::new(),
                            date: today.to_string(),
                            analyst: analyst.to_string(),
                            reviewed: answer_hash(Some(a)),
                        },
                    );
                }
            }
        }
        // One action per question of the next steps that aim at the next level; a BOTH question
        // listed for both tracks gives one action addressing both.
        let mut seen: Vec<usize> = Vec::new();
        for step in &assessment.next_steps {
            if step.reason == vigilance_model::scoring::StepReason::Consolidate {
                continue;
            }
            if let Some(i) = seen.iter().position(|q| *q == step.question) {
                if let Some(a) = e.actions.get_mut(i) {
                    a.addresses.push(ActionTarget {
                        question: questionnaire.questions[step.question].id.clone(),
                        track: Some(step.track),
                    });
                }
                continue;
            }
            if e.actions.len() >= max_actions {
                continue;
            }
            let q = &questionnaire.questions[step.question];
            seen.push(step.question);
            e.actions.push(Action {
                id: format!("A{}", e.actions.len() + 1),
                text: q.recommendation.get(lang).to_string(),
                addresses: vec![ActionTarget {
                    question: q.id.clone(),
                    track: Some(step.track),
                }],
                owner: String::new(),
                due: None,
                status: ActionStatus::Planned,
                dropped_reason: None,
                evidence: Vec::new(),
                carried_from: None,
            });
        }
        e
    }

    /// The next period's file (`vigilance engage carry`): the open actions carried over (with
    /// `carried_from`), done and dropped actions kept as history, the challenged and rejected
    /// answers listed in `context` (never applied to the new answers), no reviews and an empty
    /// dialogue log.
    pub fn carry(&self, to_period: &str) -> Engagement {
        let mut e = self.clone();
        e.period = to_period.to_string();
        e.updated = None;
        e.reviews = BTreeMap::new();
        e.dialogue = Vec::new();
        for a in &mut e.actions {
            if a.carried_from.is_none() {
                a.carried_from = Some(self.period.clone());
            }
        }
        for (q, tracks) in &self.reviews {
            for (t, r) in tracks {
                if r.status != ReviewStatus::Accepted {
                    e.context.push(PastReview {
                        period: self.period.clone(),
                        question: q.clone(),
                        track: *t,
                        status: r.status,
                        value: r.value,
                        note: r.note.clone(),
                    });
                }
            }
        }
        e
    }

    /// The file as pretty JSON, ending with a newline.
    pub fn to_json_pretty(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The challenged and rejected reviews, in question order.
    pub fn disputed(&self) -> impl Iterator<Item = (&str, Track, &Review)> {
        self.reviews.iter().flat_map(|(q, tracks)| {
            tracks
                .iter()
                .filter(|(_, r)| r.status != ReviewStatus::Accepted)
                .map(move |(t, r)| (q.as_str(), *t, r))
        })
    }
}

/// The JSON Schema of engagement files, pretty-printed, ending with a newline (committed as
/// `questionnaires/schema/engagement.schema.json`).
pub fn engagement_schema() -> String {
    let mut s =
        serde_json::to_string_pretty(&schemars::schema_for!(Engagement)).unwrap_or_default();
    s.push('\n');
    s
}
