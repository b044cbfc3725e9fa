//! Regulation mapping and provenance as data: the frameworks a grid maps to (each defined once,
//! with every requirement it could be mapped to), a question's mappings to those requirements,
//! its bilingual references, its change log across grid versions, and the checks that keep them
//! consistent.
//!
//! A mapping says that a question asks for something the framework's text requires; it is
//! information for the reader, never a legal opinion. How answers turn into a status per
//! requirement is [`crate::coverage`]'s job.

use crate::codes::Track;
use crate::problem::{IdKind, Problem, ProblemKind};
use crate::text::{Lang, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A law, regulation, standard or guidance a grid maps its questions to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Framework {
    /// Short stable id (`FR-DV`, `CSDDD`, `ESRS-S2`…).
    pub id: String,
    /// The framework's short name.
    pub name: Text,
    /// The exact official citation of the text.
    pub citation: Text,
    /// Status notes: pending amendments, dates of application…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// What kind of text it is, which decides whether coverage shows a status for its
    /// requirements (obligations, disclosure standards, guidance) or only the answers that
    /// inform it (indicators, instruments, product rules). Grids that do not say are read as
    /// [`FrameworkKind::Obligation`].
    #[serde(default, skip_serializing_if = "FrameworkKind::is_default")]
    pub kind: FrameworkKind,
    /// Every requirement of the framework a question could be mapped to, including those no
    /// question covers (so that coverage views can show the gaps).
    pub requirements: Vec<Requirement>,
}

impl Mapping {
    /// The mapping holds for `track` of a question asked for `question_tracks`.
    pub fn holds_for(&self, track: Track, question_tracks: &[Track]) -> bool {
        question_tracks.contains(&track) && (self.tracks.is_empty() || self.tracks.contains(&track))
    }
}

impl Framework {
    /// The requirement whose reference is `reference`.
    pub fn requirement(&self, reference: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.reference == reference)
    }
}

/// What kind of text a framework is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkKind {
    /// A law binding companies (loi de vigilance, CSDDD, LkSG).
    #[default]
    Obligation,
    /// A reporting standard (ESRS).
    Disclosure,
    /// Guidance companies are expected to follow (OECD, UN Guiding Principles).
    Guidance,
    /// Indicators investors report on (SFDR principal adverse impacts).
    Indicator,
    /// International instruments: conventions, protocols, declarations (ILO).
    Instrument,
    /// A rule on products placed on a market, enforced by authorities (Regulation (EU)
    /// 2024/3015).
    ProductRule,
}

impl FrameworkKind {
    /// Every kind, in report order.
    pub const ALL: [FrameworkKind; 6] = [
        FrameworkKind::Obligation,
        FrameworkKind::Disclosure,
        FrameworkKind::Guidance,
        FrameworkKind::Indicator,
        FrameworkKind::Instrument,
        FrameworkKind::ProductRule,
    ];

    /// The stable code used in files.
    pub fn code(self) -> &'static str {
        match self {
            FrameworkKind::Obligation => "obligation",
            FrameworkKind::Disclosure => "disclosure",
            FrameworkKind::Guidance => "guidance",
            FrameworkKind::Indicator => "indicator",
            FrameworkKind::Instrument => "instrument",
            FrameworkKind::ProductRule => "product_rule",
        }
    }

    /// Whether coverage shows a status for the framework's requirements; otherwise the views
    /// show the linked answers as "informs", never a status.
    pub fn has_status(self) -> bool {
        matches!(
            self,
            FrameworkKind::Obligation | FrameworkKind::Disclosure | FrameworkKind::Guidance
        )
    }

    fn is_default(&self) -> bool {
        *self == FrameworkKind::default()
    }
}

/// One requirement of a framework (an article, paragraph, indicator or step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Requirement {
    /// Its reference in the framework (`Art. 10`, `L.225-102-4 I 1°`, `S2-1`…).
    #[serde(rename = "ref")]
    pub reference: String,
    /// The reference as a reader of each language cites it (« Annexe, partie I (travail des
    /// enfants) », « Étape 1 »), where `ref` has words of one language; absent: `ref`, in both.
    /// `ref` stays the requirement's identifier (mappings, results, files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// What it requires, in a few words.
    pub title: Text,
    /// A note (scope, pending change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Why the requirement is suspended in practice (e.g. an authority no longer enforcing it,
    /// dated): coverage then shows it as not assessed, whatever the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended: Option<Text>,
}

impl Requirement {
    /// The reference as shown to a reader of `lang`: its label, or `ref` itself.
    pub fn shown(&self, lang: Lang) -> &str {
        self.label
            .as_ref()
            .map_or(self.reference.as_str(), |l| l.get(lang))
    }
}

/// Where the grid's bar sits against the text of a requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BarPosition {
    /// The grid asks more than the text.
    Above,
    /// The grid asks less than the text.
    Below,
}

/// A mapping's statement that the grid's bar differs from the text's, with why.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// Above or below the text.
    pub position: BarPosition,
    /// How it differs.
    pub note: Text,
}

/// A question's link to one requirement of a framework.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Mapping {
    /// The framework's id (one of the grid's `frameworks`).
    pub framework: String,
    /// The requirement's reference in that framework.
    #[serde(rename = "ref")]
    pub reference: String,
    /// The tracks of the question for which the mapping holds (empty: every track of the
    /// question), e.g. a child-labour indicator mapped from a question asked for both tracks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    /// Why, or with what limit, the question answers the requirement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the grid's bar sits against the text, when it differs ("the grid asks more than
    /// the law").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bar: Option<Bar>,
}

/// A standard or source a question is anchored in: a bilingual label (grids from 1.1.0 on) or a
/// plain string (grid 1.0.0, shown as is in both languages).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Reference {
    /// A bilingual label.
    Text(Text),
    /// The same label in both languages.
    Plain(String),
}

/// Read by a visitor rather than derived as `#[serde(untagged)]`, which buffers every value in
/// serde's generic content tree first: the same JSON, with less code in the browser's module.
impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Reference, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Reference;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text, or an object with `fr` and `en`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Reference, E> {
                Ok(Reference::Plain(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Reference, E> {
                Ok(Reference::Plain(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Reference, A::Error> {
                Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Reference::Text)
            }
        }
        d.deserialize_any(V)
    }
}

impl Reference {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            Reference::Text(t) => t.get(lang),
            Reference::Plain(s) => s,
        }
    }
}

/// What a grid version did to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// The question is new in this version.
    Added,
    /// Its meaning or its bar changed: an answer given to an earlier version is not carried over.
    Revised,
    /// Its wording changed, not its meaning: earlier answers are carried over.
    Reworded,
}

/// One entry of a question's change log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// The grid version that made the change.
    pub version: String,
    /// What changed.
    pub kind: ChangeKind,
    /// Why, for the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The grid (id and version) a light grid simplifies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BasedOn {
    /// The full grid's id.
    pub id: String,
    /// The full grid's version.
    pub version: String,
}

/// The data of a grid that this module checks, borrowed from the questionnaire.
pub(crate) struct MappingData<'a> {
    pub frameworks: &'a [Framework],
    /// Per question: its JSON path base (`/questions/3`), mappings, references and changes.
    pub questions: Vec<QuestionMappingData<'a>>,
}

/// One question's mapping data.
pub(crate) struct QuestionMappingData<'a> {
    pub base: String,
    pub tracks: &'a [Track],
    pub mappings: &'a [Mapping],
    pub references: &'a [Reference],
    pub changes: &'a [Change],
}

/// Every problem of the frameworks, mappings, references and change logs of a grid.
pub(crate) fn check(data: &MappingData<'_>, out: &mut Vec<Problem>) {
    let bilingual = |out: &mut Vec<Problem>, path: String, t: &Text| {
        out.extend(Problem::missing_translations(&path, t));
    };
    let mut by_id: BTreeMap<&str, &Framework> = BTreeMap::new();
    for (i, f) in data.frameworks.iter().enumerate() {
        let base = format!("/frameworks/{i}");
        if f.id.trim().is_empty() {
            out.push(Problem::error(
                format!("{base}/id"),
                ProblemKind::MissingField { field: "id".into() },
            ));
        } else if by_id.insert(f.id.as_str(), f).is_some() {
            out.push(Problem::error(
                format!("{base}/id"),
                ProblemKind::DuplicateId {
                    what: IdKind::Framework,
                    id: f.id.clone(),
                },
            ));
        }
        bilingual(out, format!("{base}/name"), &f.name);
        bilingual(out, format!("{base}/citation"), &f.citation);
        if let Some(n) = &f.note {
            bilingual(out, format!("{base}/note"), n);
        }
        let mut refs = BTreeSet::new();
        for (j, r) in f.requirements.iter().enumerate() {
            let rbase = format!("{base}/requirements/{j}");
            if r.reference.trim().is_empty() {
                out.push(Problem::error(
                    format!("{rbase}/ref"),
                    ProblemKind::MissingField {
                        field: "ref".into(),
                    },
                ));
            } else if !refs.insert(r.reference.as_str()) {
                out.push(Problem::error(
                    format!("{rbase}/ref"),
                    ProblemKind::DuplicateId {
                        what: IdKind::Requirement,
                        id: r.reference.clone(),
                    },
                ));
            }
            bilingual(out, format!("{rbase}/title"), &r.title);
            if let Some(l) = &r.label {
                bilingual(out, format!("{rbase}/label"), l);
            }
            if let Some(n) = &r.suspended {
                bilingual(out, format!("{rbase}/suspended"), n);
            }
            if let Some(n) = &r.note {
                bilingual(out, format!("{rbase}/note"), n);
            }
        }
    }
    let known = by_id.keys().copied().collect::<Vec<_>>().join(", ");
    for q in &data.questions {
        let mut seen = BTreeSet::new();
        for (j, m) in q.mappings.iter().enumerate() {
            let mbase = format!("{}/mappings/{j}", q.base);
            match by_id.get(m.framework.as_str()) {
                None => out.push(Problem::error(
                    format!("{mbase}/framework"),
                    ProblemKind::UnknownFramework {
                        found: m.framework.clone(),
                        known: if known.is_empty() {
                            "—".into()
                        } else {
                            known.clone()
                        },
                    },
                )),
                Some(f) if f.requirement(&m.reference).is_none() => out.push(Problem::error(
                    format!("{mbase}/ref"),
                    ProblemKind::UnknownRequirement {
                        framework: m.framework.clone(),
                        found: m.reference.clone(),
                    },
                )),
                Some(_) => {
                    if !seen.insert((m.framework.as_str(), m.reference.as_str())) {
                        out.push(Problem::error(
                            format!("{mbase}/ref"),
                            ProblemKind::Repeated {
                                found: format!("{} {}", m.framework, m.reference),
                            },
                        ));
                    }
                }
            }
            for (k, t) in m.tracks.iter().enumerate() {
                if !q.tracks.contains(t) {
                    out.push(Problem::error(
                        format!("{mbase}/tracks/{k}"),
                        ProblemKind::MappingTrackNotAsked { track: *t },
                    ));
                }
            }
            if let Some(b) = &m.bar {
                bilingual(out, format!("{mbase}/bar/note"), &b.note);
            }
            if let Some(n) = &m.note {
                bilingual(out, format!("{mbase}/note"), n);
            }
        }
        for (j, r) in q.references.iter().enumerate() {
            if let Reference::Text(t) = r {
                bilingual(out, format!("{}/references/{j}", q.base), t);
            }
        }
        for (j, c) in q.changes.iter().enumerate() {
            let cbase = format!("{}/changes/{j}", q.base);
            if !crate::questionnaire::is_semver(&c.version) {
                out.push(Problem::error(
                    format!("{cbase}/version"),
                    ProblemKind::InvalidVersion {
                        found: c.version.clone(),
                    },
                ));
            }
            if let Some(n) = &c.note {
                bilingual(out, format!("{cbase}/note"), n);
            }
        }
    }
}

/// Compares two `MAJOR.MINOR.PATCH` versions numerically (pre-release and build suffixes are
/// ignored); versions that do not parse compare as text.
pub fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    fn parts(v: &str) -> Option<[u64; 3]> {
        let core = v.split(['-', '+']).next()?;
        let mut it = core.split('.').map(|p| p.parse::<u64>().ok());
        let out = [it.next()??, it.next()??, it.next()??];
        it.next().is_none().then_some(out)
    }
    match (parts(a), parts(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_reads_as_plain_text_or_bilingual_text() {
        let plain: Reference = serde_json::from_str("\"ILO C182\"").expect("plain");
        assert_eq!(plain, Reference::Plain("ILO C182".into()));
        let text: Reference =
            serde_json::from_str(r#"{"fr": "OIT C182", "en": "ILO C182"}"#).expect("text");
        assert_eq!(text, Reference::Text(Text::new("OIT C182", "ILO C182")));
        assert_eq!(text.label(Lang::Fr), "OIT C182");
        for back in [plain, text] {
            let json = serde_json::to_string(&back).expect("written");
            assert_eq!(
                serde_json::from_str::<Reference>(&json).expect("read back"),
                back
            );
        }
        let wrong = serde_json::from_str::<Reference>("12").expect_err("a number");
        assert!(wrong.to_string().contains("`fr` and `en`"), "{wrong}");
    }
    use std::cmp::Ordering;

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("1.10.0", "1.9.3"), Ordering::Greater);
        assert_eq!(compare_versions("1.0.0", "1.0.0"), Ordering::Equal);
        assert_eq!(compare_versions("1.0.0", "1.1.0"), Ordering::Less);
    }

    #[test]
    fn references_read_both_forms() {
        let r: Vec<Reference> =
            serde_json::from_str(r#"["ILO C29", {"fr": "OIT C29", "en": "ILO C29"}]"#)
                .unwrap_or_default();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].label(Lang::Fr), "ILO C29");
        assert_eq!(r[1].label(Lang::Fr), "OIT C29");
        assert_eq!(r[1].label(Lang::En), "ILO C29");
    }
}
