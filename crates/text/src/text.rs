//! The user's language ([`Lang`]) and the grid's bilingual text ([`Text`]).
//!
//! `Lang` is generated from the catalogue's files (`crates/text/catalogue/*.toml`, one per
//! language): a new language is a new file. Each file's header gives the language's data read
//! here: its own name, the names of the languages in it, its decimal mark and percent format, its
//! plural rule and its typography.

use crate::typography::Rules;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A language's data, from the header of its file.
struct LangData {
    code: &'static str,
    name: &'static str,
    switch_to: &'static str,
    /// The name of each language (in [`Lang::ALL`] order) in this one.
    names: &'static [&'static str],
    decimal_mark: &'static str,
    /// What separates the groups of three digits of a whole number (`10 000`, `10,000`).
    thousands: &'static str,
    /// How a percentage reads, `{n}` standing for the number (typeset).
    percent: &'static str,
    /// The counts that take the `one` form.
    plural_one: &'static [u64],
    typography: Rules<'static>,
}

include!(concat!(env!("OUT_DIR"), "/lang.rs"));

/// The form of a counted entry a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// `one` (French: 0 and 1; English: 1).
    One,
    /// `other`.
    Other,
}

impl Lang {
    fn data(self) -> &'static LangData {
        &LANGS[self as usize]
    }

    /// The language's code (`fr`, `en`), the name of its file.
    pub fn code(self) -> &'static str {
        self.data().code
    }

    /// Reads a language code such as `fr`, `en`, `fr-FR` or `en_GB` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's name in itself (« Français », "English").
    pub fn name(self) -> &'static str {
        self.data().name
    }

    /// The label of a control that switches to this language, in this language.
    pub fn switch_to(self) -> &'static str {
        self.data().switch_to
    }

    /// The name of `other` in this language, as it reads inside a sentence (« anglais »).
    pub fn name_of(self, other: Lang) -> &'static str {
        self.data().names[other as usize]
    }

    /// The next language after this one, in [`Lang::ALL`] order (the language switch).
    pub fn next(self) -> Lang {
        Lang::ALL[(self as usize + 1) % Lang::ALL.len()]
    }

    /// Which form of a counted entry `n` takes.
    pub fn plural(self, n: u64) -> Plural {
        if self.data().plural_one.contains(&n) {
            Plural::One
        } else {
            Plural::Other
        }
    }

    /// A number written with a decimal point, with this language's decimal mark (`8,5`).
    pub fn decimal(self, number: &str) -> String {
        number.replace('.', self.data().decimal_mark)
    }

    /// A whole number with this language's thousands separator: `10 000` (a narrow no-break
    /// space) in French, `10,000` in English.
    pub fn integer(self, n: u64) -> String {
        let digits = n.to_string();
        let sep = self.data().thousands;
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A percentage: `number` (written with a decimal point) with this language's decimal mark
    /// and percent sign (`83,3 %` with a no-break space in French, `83.3%` in English).
    pub fn percent(self, number: &str) -> String {
        self.data().percent.replace("{n}", &self.decimal(number))
    }

    /// The typography rules of this language (see [`crate::typography`]).
    pub fn typography(self) -> Rules<'static> {
        self.data().typography
    }

    /// `text` with this language's typography (French: no-break spaces before « ; : ? ! % »
    /// and inside « »). The catalogue is typeset when it is built; this is for other texts, such
    /// as the grid's.
    pub fn typeset(self, text: &str) -> Cow<'_, str> {
        self.data().typography.apply(text)
    }
}

/// A text given only in French and in English (the grid's texts, the NACE labels): French for
/// French, English for every other language.
pub fn bilingual<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    if reads_french(lang) { fr } else { en }
}

/// Whether `lang` reads the French of a French-and-English text.
fn reads_french(lang: Lang) -> bool {
    lang.code() == "fr"
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

    /// The text in `lang`: French for French, English for any other language; the other one
    /// when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, other) = if reads_french(lang) {
            (&self.fr, &self.en)
        } else {
            (&self.en, &self.fr)
        };
        if first.trim().is_empty() {
            other
        } else {
            first
        }
    }

    /// The text in `lang` (as [`Text::get`]) with the typography of `lang`.
    pub fn typeset(&self, lang: Lang) -> Cow<'_, str> {
        lang.typeset(self.get(lang))
    }

    /// The languages, of the two a text is given in, whose text is missing (empty or blank).
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        [(Lang::Fr, &self.fr), (Lang::En, &self.en)]
            .into_iter()
            .filter(|(_, t)| t.trim().is_empty())
            .map(|(l, _)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_grouped_by_thousands_as_each_language_writes_them() {
        for (n, fr, en) in [
            (0, "0", "0"),
            (999, "999", "999"),
            (5000, "5\u{202f}000", "5,000"),
            (10000, "10\u{202f}000", "10,000"),
            (1234567, "1\u{202f}234\u{202f}567", "1,234,567"),
        ] {
            assert_eq!(Lang::Fr.integer(n), fr);
            assert_eq!(Lang::En.integer(n), en);
        }
    }

    #[test]
    fn a_grid_text_falls_back_to_english_then_french() {
        let both = Text::new("Oui", "Yes");
        assert_eq!(both.get(Lang::Fr), "Oui");
        assert_eq!(both.get(Lang::En), "Yes");
        let french_only = Text::new("Oui", " ");
        assert_eq!(french_only.get(Lang::En), "Oui");
        let english_only = Text::new("", "Yes");
        assert_eq!(english_only.get(Lang::Fr), "Yes");
        // Every language that is not French reads the English first.
        for lang in Lang::ALL {
            let expected = if lang.code() == "fr" { "Oui" } else { "Yes" };
            assert_eq!(both.get(lang), expected, "{lang:?}");
        }
    }

    #[test]
    fn codes_read_back() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(Lang::from_code(&lang.code().to_uppercase()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::default(), Lang::ALL[0]);
    }

    #[test]
    fn numbers_follow_the_language_file() {
        assert_eq!(Lang::Fr.percent("83.3"), "83,3\u{a0}%");
        assert_eq!(Lang::En.percent("83.3"), "83.3%");
        assert_eq!(Lang::Fr.decimal("0.5"), "0,5");
        assert_eq!(Lang::Fr.name_of(Lang::En), "anglais");
        assert_eq!(Lang::En.name_of(Lang::Fr), "French");
        // The language switch goes round every language of the catalogue.
        let mut lang = Lang::ALL[0];
        for expected in Lang::ALL.into_iter().skip(1).chain([Lang::ALL[0]]) {
            lang = lang.next();
            assert_eq!(lang, expected);
        }
    }

    #[test]
    fn french_counts_zero_and_one_as_singular_english_only_one() {
        assert_eq!(Lang::Fr.plural(0), Plural::One);
        assert_eq!(Lang::Fr.plural(1), Plural::One);
        assert_eq!(Lang::Fr.plural(2), Plural::Other);
        assert_eq!(Lang::En.plural(0), Plural::Other);
        assert_eq!(Lang::En.plural(1), Plural::One);
        assert_eq!(Lang::En.plural(2), Plural::Other);
    }
}
