//! Bilingual text ([`Text`]) and the user's language ([`Lang`]): everything a user reads exists
//! in French and in English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language a user can read Vigilance in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (the default: the method and its first users are French).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a language code such as `fr`, `en`, `fr-FR` or `en_GB` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the French or the English of a pair of string literals.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// A text given in French and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Text {
    /// The French text.
    #[serde(default)]
    pub fr: String,
    /// The English text.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// A text from its French and English versions.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, other) = match lang {
            Lang::Fr => (&self.fr, &self.en),
            Lang::En => (&self.en, &self.fr),
        };
        if first.trim().is_empty() {
            other
        } else {
            first
        }
    }

    /// The languages whose text is missing (empty or blank).
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|l| match l {
            Lang::Fr => self.fr.trim().is_empty(),
            Lang::En => self.en.trim().is_empty(),
        })
    }
}
