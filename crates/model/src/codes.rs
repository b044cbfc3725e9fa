//! The stable codes of the method: tracks (`CL`, `FL`), levels (`N1`..`N4`), answer values and
//! evidence modes, with their default labels (from the catalogue, [`crate::messages`]).

use crate::messages::Msg;
use crate::text::Lang;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A track: every question is answered once per track it applies to.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum Track {
    /// Child labour (travail des enfants).
    CL,
    /// Forced labour (travail forcé).
    FL,
}

impl Track {
    /// Both tracks, in report order.
    pub const ALL: [Track; 2] = [Track::CL, Track::FL];

    /// The stable code (`CL`, `FL`).
    pub fn code(self) -> &'static str {
        match self {
            Track::CL => "CL",
            Track::FL => "FL",
        }
    }

    /// Position in [`Track::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Reads a track code (exact, upper case).
    pub fn from_code(code: &str) -> Option<Track> {
        match code {
            "CL" => Some(Track::CL),
            "FL" => Some(Track::FL),
            _ => None,
        }
    }

    /// The default label in `lang` (a questionnaire may carry its own).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Track::CL => Msg::TrackChildLabour.text(lang),
            Track::FL => Msg::TrackForcedLabour.text(lang),
        }
    }
}

impl fmt::Display for Track {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One of the four maturity levels. Level 0 ("not started") is not a `Level`: a maturity is a
/// number 0..=4 where 0 means level 1 is not achieved.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum Level {
    /// Knowledge of the subject (connaissance du sujet).
    N1,
    /// Expressed commitment (engagement exprimé).
    N2,
    /// Targeting of actions (ciblage des actions).
    N3,
    /// Relevance of the measures deployed (pertinence des mesures déployées).
    N4,
}

impl Level {
    /// The four levels in order.
    pub const ALL: [Level; 4] = [Level::N1, Level::N2, Level::N3, Level::N4];

    /// 1..=4.
    pub fn rank(self) -> u8 {
        self as u8 + 1
    }

    /// 0..=3, position in [`Level::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The level of rank 1..=4.
    pub fn from_rank(rank: u8) -> Option<Level> {
        Level::ALL.get(usize::from(rank).checked_sub(1)?).copied()
    }

    /// The stable code (`N1`..`N4`).
    pub fn code(self) -> &'static str {
        match self {
            Level::N1 => "N1",
            Level::N2 => "N2",
            Level::N3 => "N3",
            Level::N4 => "N4",
        }
    }

    /// Reads a level code (`N1`..`N4`).
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The code of a maturity number 0..=4 (`N0`..`N4`).
pub fn maturity_code(maturity: u8) -> &'static str {
    ["N0", "N1", "N2", "N3", "N4"][usize::from(maturity.min(4))]
}

/// An answer to one question for one track.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum AnswerValue {
    /// Yes: the full point.
    Yes,
    /// Partially: the half point, only where the question says what "partial" means.
    Partial,
    /// No: no point.
    No,
    /// Don't know: no point, counted as a knowledge gap.
    Unknown,
    /// Not applicable: left out of every denominator; needs a justification; invalid on critical
    /// questions.
    Na,
}

impl AnswerValue {
    /// Every value, in the order a form offers them.
    pub const ALL: [AnswerValue; 5] = [
        AnswerValue::Yes,
        AnswerValue::Partial,
        AnswerValue::No,
        AnswerValue::Unknown,
        AnswerValue::Na,
    ];

    /// The stable code (`yes`, `partial`, `no`, `unknown`, `na`).
    pub fn code(self) -> &'static str {
        match self {
            AnswerValue::Yes => "yes",
            AnswerValue::Partial => "partial",
            AnswerValue::No => "no",
            AnswerValue::Unknown => "unknown",
            AnswerValue::Na => "na",
        }
    }

    /// Reads a value code (exact, lower case).
    pub fn from_code(code: &str) -> Option<AnswerValue> {
        AnswerValue::ALL.into_iter().find(|v| v.code() == code)
    }

    /// The default label in `lang` (a questionnaire may carry its own).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            AnswerValue::Yes => Msg::Yes.text(lang),
            AnswerValue::Partial => Msg::ValuePartial.text(lang),
            AnswerValue::No => Msg::No.text(lang),
            AnswerValue::Unknown => Msg::ValueUnknown.text(lang),
            AnswerValue::Na => Msg::ValueNa.text(lang),
        }
    }
}

impl fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How answers without evidence count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceMode {
    /// Answers count as declared (what a company sees when it self-assesses).
    #[default]
    Declarative,
    /// A `yes` without evidence counts half, a `partial` without evidence a quarter (what an
    /// investor may choose when batch-scoring).
    Substantiated,
}

impl EvidenceMode {
    /// The stable code (`declarative`, `substantiated`).
    pub fn code(self) -> &'static str {
        match self {
            EvidenceMode::Declarative => "declarative",
            EvidenceMode::Substantiated => "substantiated",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EvidenceMode::Declarative => Msg::ModeDeclarative.text(lang),
            EvidenceMode::Substantiated => Msg::ModeSubstantiated.text(lang),
        }
    }
}

/// An answer value as a user writes it in `lang`, with its code for JSON files:
/// « Partiellement » (partial), "Partially" (partial).
pub fn value_shown(value: AnswerValue, lang: Lang) -> String {
    Msg::ValueShown.fill(
        lang,
        &[("label", &value.label(lang)), ("code", &value.code())],
    )
}

/// A list of answer values as users write them: « Oui » (yes), « Non » (no)…
pub fn values_shown(values: &[AnswerValue], lang: Lang) -> String {
    values
        .iter()
        .map(|v| value_shown(*v, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_appear_as_users_write_them() {
        assert_eq!(
            value_shown(AnswerValue::Partial, Lang::Fr),
            "«\u{202f}Partiellement\u{202f}» (partial)"
        );
        assert_eq!(
            value_shown(AnswerValue::Na, Lang::En),
            "\"Not applicable\" (na)"
        );
    }
}
