//! How answers are written in JSON: the shorthand `"CL": "yes"` or the object form, evidence as
//! one string or a list. Hand-written visitors read good sheets at full speed without buffering;
//! a duplicate key makes the fast path give way to the slow one, which names both places.

use super::draft::{DraftAnswer, DraftAnswers, RawAnswer};
use super::{Answer, TrackAnswers};
use crate::codes::{AnswerValue, Track};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

impl Serialize for TrackAnswers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Short<'a>(&'a Answer);
        impl Serialize for Short<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if self.0.is_bare() {
                    self.0.value.serialize(s)
                } else {
                    self.0.serialize(s)
                }
            }
        }
        let mut map = s.serialize_map(None)?;
        for track in Track::ALL {
            if let Some(a) = self.get(track) {
                map.serialize_entry(track.code(), &Short(a))?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TrackAnswers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Strict form, used once a sheet is known to be valid (e.g. the web app's own state).
        let raw: BTreeMap<String, RawAnswer> = BTreeMap::deserialize(d)?;
        let mut out = TrackAnswers::default();
        for (k, v) in raw {
            let track = Track::from_code(&k)
                .ok_or_else(|| de::Error::custom(format!("`{k}` is not a track")))?;
            let (value, comment, evidence, justification) = v.into_parts();
            let value = AnswerValue::from_code(&value)
                .ok_or_else(|| de::Error::custom(format!("`{value}` is not an answer value")))?;
            *out.slot(track) = Some(Answer {
                value,
                comment,
                evidence,
                justification,
            });
        }
        Ok(out)
    }
}

/// The object form of an answer. `evidence` may be one string or a list.
#[derive(Deserialize)]
struct FullAnswer {
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    comment: Option<String>,
    #[serde(default)]
    evidence: Option<Evidence>,
    #[serde(default)]
    justification: Option<String>,
}

/// Evidence as written: one string or a list of strings.
enum Evidence {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for Evidence {
    // A visitor rather than `#[serde(untagged)]`, which would buffer every value first.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Evidence;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Evidence, E> {
                Ok(Evidence::One(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Evidence, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(16));
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(Evidence::Many(items))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawAnswer {
    // A hand-written visitor instead of `#[serde(untagged)]`: no buffering, so good sheets are
    // read at full speed; bad shapes fall back to the slow path that names every problem.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an answer (a value string or an object with `value`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Short(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Short(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAnswer, A::Error> {
                let full = FullAnswer::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawAnswer::Full {
                    value: full.value,
                    comment: full.comment,
                    evidence: match full.evidence {
                        None => Vec::new(),
                        Some(Evidence::One(s)) => vec![s],
                        Some(Evidence::Many(v)) => v,
                    },
                    justification: full.justification,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for DraftAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RawAnswer::deserialize(d).map(|raw| DraftAnswer { raw, origin: None })
    }
}

/// Reads the answers object keeping file order (so problems come in reading order).
pub(super) fn answers_map<'de, D: Deserializer<'de>>(d: D) -> Result<DraftAnswers, D::Error> {
    struct Outer;
    impl<'de> Visitor<'de> for Outer {
        type Value = DraftAnswers;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of answers by question id")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out: DraftAnswers = Vec::with_capacity(map.size_hint().unwrap_or(40));
            while let Some((k, v)) = map.next_entry::<String, Inner>()? {
                if out.iter().any(|(q, _)| *q == k) {
                    // The slow path names both places.
                    return Err(de::Error::custom(format!("duplicate key `{k}`")));
                }
                out.push((k, v.0));
            }
            Ok(out)
        }
    }
    struct Inner(Vec<(String, DraftAnswer)>);
    impl<'de> Deserialize<'de> for Inner {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Inner;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object of answers by track")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Inner, A::Error> {
                    let mut out: Vec<(String, DraftAnswer)> = Vec::with_capacity(2);
                    while let Some(e) = map.next_entry::<String, DraftAnswer>()? {
                        if out.iter().any(|(t, _)| *t == e.0) {
                            return Err(de::Error::custom(format!("duplicate key `{}`", e.0)));
                        }
                        out.push(e);
                    }
                    Ok(Inner(out))
                }
            }
            d.deserialize_map(V)
        }
    }
    d.deserialize_map(Outer)
}

/// Reads a company's `tier` or `nace` as written: a string or a number (`1`, `"3+"`, `29`), kept
/// as text for the check, which names a wrong one.
pub(super) fn text_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(V)
        }
    }
    d.deserialize_any(V)
}
