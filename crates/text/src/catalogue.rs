//! The one catalogue of user-facing text: every sentence and label that Vigilance shows a user,
//! in every language, one enum per section.
//!
//! The entries live in `crates/text/catalogue/`, one TOML file per language (`fr.toml`,
//! `en.toml`…), in sections: `[messages]` ([`Msg`]: the rules' and the readers' words, problems,
//! places), `[cli]` ([`Cli`]), `[workbook]` ([`Wb`]), `[template]` ([`Template`]),
//! `[review]` ([`Review`]) and `[web]` ([`Web`]). The build script generates the enums and one
//! table per section and language, so that a program links only the sections it uses (the web
//! app's first download carries neither the command's nor the workbook's words).
//!
//! An entry is a template: `{name}` marks a placeholder that `fill` replaces; every language of
//! an entry has the same placeholders (the build checks it), so a caller never needs to know
//! which language it writes. A counted entry gives its forms (`one`, `other`) and `count`
//! chooses one with the plural rule of the language, declared in its file (French: 0 and 1 take
//! `one`; English: 1 only). French typography is applied to every French entry when the
//! catalogue is built ([`crate::typography`]).
//!
//! What stays outside: the grid's own texts (questions, levels, themes, recommendations), which
//! come from the grid files as [`Text`](crate::Text), and the texts of the answer sheets.

use crate::text::{Lang, Plural};
use std::fmt::{Display, Write as _};

include!(concat!(env!("OUT_DIR"), "/sections.rs"));

/// `template` with its placeholders replaced by `args` (`("name", &value)`), in one pass (a
/// value holding `{x}` is never itself filled). A placeholder with no argument is left as
/// written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    if args.is_empty() {
        return template.to_string();
    }
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => {
                        let _ = write!(out, "{v}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A counted form filled with `n` (as `{n}`) and `args`.
fn fill_count(form: &str, n: u64, args: &[(&str, &dyn Display)]) -> String {
    let mut all: Vec<(&str, &dyn Display)> = Vec::with_capacity(args.len() + 1);
    all.push(("n", &n));
    all.extend_from_slice(args);
    fill(form, &all)
}

/// The placeholders of `template`, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every entry of every section, in every language: (section, key, language, texts).
    fn every_text() -> Vec<(&'static str, &'static str, Lang, Vec<&'static str>)> {
        let mut out = Vec::new();
        for (section, names, texts) in &SECTIONS {
            for (i, name) in names.iter().enumerate() {
                for lang in Lang::ALL {
                    out.push((*section, *name, lang, texts(i, lang)));
                }
            }
        }
        out
    }

    #[test]
    fn every_entry_exists_in_every_language_with_the_same_placeholders() {
        assert!(every_text().len() > 600);
        for (section, name, lang, texts) in every_text() {
            for t in &texts {
                assert!(!t.trim().is_empty(), "[{section}] {name} in {lang:?}");
                assert_eq!(
                    t.matches('{').count(),
                    t.matches('}').count(),
                    "[{section}] {name} in {lang:?}"
                );
            }
        }
        for (section, names, texts) in &SECTIONS {
            for (i, name) in names.iter().enumerate() {
                let set = |lang| -> BTreeSet<&str> {
                    let mut s: BTreeSet<&str> =
                        texts(i, lang).into_iter().flat_map(placeholders).collect();
                    if texts(i, lang).len() > 1 {
                        s.remove("n");
                    }
                    s
                };
                let reference = set(Lang::ALL[0]);
                for lang in Lang::ALL {
                    assert_eq!(
                        set(lang),
                        reference,
                        "placeholders of [{section}] {name} in {lang:?}"
                    );
                }
            }
        }
    }

    /// The French typography rule holds on the rendered French of every entry: a narrow
    /// no-break space before « ; ? ! » and inside « », a no-break space before « : » (and « % »),
    /// never an ordinary space there, and no sign glued to its word.
    #[test]
    fn every_french_entry_follows_french_typography() {
        let rules = Lang::Fr.typography();
        assert!(rules.narrow_before.contains(&';') && rules.nbsp_before.contains(&':'));
        let mut broken = Vec::new();
        for (section, name, lang, texts) in every_text() {
            for t in texts {
                for v in lang.typography().violations(t) {
                    broken.push(format!("[{section}] {name} ({}): {v}", lang.code()));
                }
            }
        }
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }

    #[test]
    fn typography_changes_only_the_spaces_written() {
        let fr = Lang::Fr;
        assert_eq!(
            fr.typeset("Note : « oui » ; non ? 70 % !"),
            "Note\u{a0}: «\u{202f}oui\u{202f}»\u{202f}; non\u{202f}? 70\u{a0}%\u{202f}!"
        );
        // URLs, times, JSON keys and placeholders are left alone.
        for untouched in [
            "https://example.org/a?b=1",
            "10:30",
            "(\"justification\": \"…\")",
            "{level}: {score}",
            "Score (%)",
            "`allow_na: false`",
        ] {
            assert_eq!(fr.typeset(untouched), untouched);
        }
        // English has no rule.
        assert_eq!(Lang::En.typeset("Note : yes ; no ?"), "Note : yes ; no ?");
        assert!(fr.typography().violations("mot; autre").len() == 1);
        assert!(fr.typography().violations("«mot »").len() == 2);
    }

    #[test]
    fn fill_replaces_placeholders_once_and_keeps_unknown_ones() {
        let s = Msg::PlaceLineColumn.fill(Lang::Fr, &[("line", &3), ("column", &7)]);
        assert_eq!(s, "ligne 3, colonne 7");
        assert_eq!(Msg::PlaceCell.fill(Lang::En, &[]), "cell {cell}");
        assert_eq!(
            fill("{a}: {b}", &[("a", &"{b}"), ("b", &"x")]),
            "{b}: x",
            "a value is never filled"
        );
    }

    #[test]
    fn counted_entries_follow_each_language() {
        let c = Cli::FilesChecked;
        assert_eq!(c.count(Lang::Fr, 0, &[]), "0 fichier vérifié");
        assert_eq!(c.count(Lang::Fr, 1, &[]), "1 fichier vérifié");
        assert_eq!(c.count(Lang::Fr, 2, &[]), "2 fichiers vérifiés");
        assert_eq!(c.count(Lang::En, 0, &[]), "0 files checked");
        assert_eq!(c.count(Lang::En, 1, &[]), "1 file checked");
        assert_eq!(c.count(Lang::En, 2, &[]), "2 files checked");
        // The campaign review's company count (it printed « 0 entreprises » before).
        let companies = |lang, n| Review::Companies.count(lang, n, &[]);
        assert_eq!(companies(Lang::Fr, 0), "0 entreprise");
        assert_eq!(companies(Lang::Fr, 1), "1 entreprise");
        assert_eq!(companies(Lang::Fr, 2), "2 entreprises");
        assert_eq!(companies(Lang::En, 0), "0 companies");
        assert_eq!(companies(Lang::En, 1), "1 company");
        assert_eq!(companies(Lang::En, 2), "2 companies");
        assert_eq!(
            Cli::ReviewWritten.count(Lang::Fr, 0, &[]),
            "revue de 0 entreprise écrite"
        );
        assert_eq!(
            Web::AnsweredOf.count(Lang::Fr, 1, &[("total", &29)]),
            "1 réponse sur 29"
        );
        assert_eq!(
            Web::AnsweredOf.count(Lang::En, 12, &[("total", &29)]),
            "12 of 29 answered"
        );
        // Issue 21's counts, one plural rule each.
        let reviewed = |lang, n| Review::EngReviewedCount.count(lang, n, &[("total", &7)]);
        assert_eq!(
            reviewed(Lang::Fr, 0),
            "0 entreprise sur 7 revue par un analyste."
        );
        assert_eq!(
            reviewed(Lang::Fr, 2),
            "2 entreprises sur 7 revues par un analyste."
        );
        assert_eq!(
            reviewed(Lang::En, 1),
            "1 company of 7 reviewed by an analyst."
        );
        assert_eq!(
            Cli::EngActionsProposed.count(Lang::Fr, 0, &[]),
            "0 action proposée"
        );
        assert_eq!(
            Cli::EngReviewsListed.count(Lang::En, 1, &[]),
            "1 answer listed (accepted as declared, to review)"
        );
        assert_eq!(Msg::Problems.one(Lang::Fr), Some("{n} problème"));
        assert_eq!(Msg::Colon.one(Lang::Fr), None);
    }
}
