//! Build script of vigilance-text: reads the catalogue, one file per language in `catalogue/`
//! (`fr.toml`, `en.toml`…), checks it and writes the Rust that serves it:
//!
//! - `$OUT_DIR/lang.rs`: the `Lang` enum, one variant per file (French, the reference, first),
//!   and each language's data (its names, number formats, plural rule, typography);
//! - `$OUT_DIR/sections.rs`: one enum per section of the files (`[messages]` → `Msg`, `[web]` →
//!   `Web`…), with one table of texts per language. A binary links only the tables of the
//!   sections it uses.
//!
//! Every file must have the reference's sections and keys, no other, the same placeholders in
//! each entry, the same forms in each counted entry, and balanced braces; the build fails
//! otherwise with every problem, each naming the file and the key. French typography (and any
//! rule a file declares) is applied here, with the run time's own code (`src/typography.rs`).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use toml::Value;

#[allow(dead_code)]
#[path = "src/typography.rs"]
mod typography;

#[path = "build/read.rs"]
mod read;

use read::{DIR, Entry, SECTIONS, variant};

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn main() {
    println!("cargo:rerun-if-changed={DIR}");
    println!("cargo:rerun-if-changed=src/typography.rs");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/read.rs");
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default());

    for entry in fs::read_dir(crate_dir.join(DIR))
        .into_iter()
        .flatten()
        .flatten()
    {
        println!("cargo:rerun-if-changed={}", entry.path().display());
    }
    let langs = read::read_dir(&crate_dir.join(DIR)).unwrap_or_else(|errors| {
        panic!(
            "the catalogue (crates/text/{DIR}) has {} problem(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        )
    });
    let codes: Vec<String> = langs.iter().map(|l| l.code.clone()).collect();
    let reference = &langs[0];

    // ----- lang.rs -----
    let mut l = String::new();
    let _ = writeln!(
        l,
        "/// A language a user can read Vigilance in: one per file of `crates/text/{DIR}/`.\n\
         #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]\n\
         pub enum Lang {{"
    );
    for (i, lang) in langs.iter().enumerate() {
        let _ = writeln!(
            l,
            "    #[doc = {}]",
            lit(&format!("{} (`{}`).", lang.name, lang.code))
        );
        if i == 0 {
            let _ = writeln!(l, "    #[default]");
        }
        let _ = writeln!(l, "    #[serde(rename = {})]", lit(&lang.code));
        let _ = writeln!(l, "    {},", variant(&lang.code));
    }
    let _ = writeln!(l, "}}\n");
    let all: Vec<String> = langs
        .iter()
        .map(|x| format!("Lang::{}", variant(&x.code)))
        .collect();
    let _ = writeln!(
        l,
        "impl Lang {{\n    /// Every language, the reference ({}) first.\n    pub const ALL: [Lang; {}] = [{}];\n}}\n",
        reference.name,
        langs.len(),
        all.join(", ")
    );
    let chars = |cs: &[char]| -> String {
        format!(
            "&[{}]",
            cs.iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let _ = writeln!(l, "static LANGS: [LangData; {}] = [", langs.len());
    for lang in &langs {
        let names: Vec<String> = codes
            .iter()
            .map(|c| {
                // A language this file does not name is called by its own name.
                let own = langs
                    .iter()
                    .find(|x| &x.code == c)
                    .map_or("", |x| x.name.as_str());
                lit(lang.names.get(c).and_then(Value::as_str).unwrap_or(own))
            })
            .collect();
        let _ = writeln!(
            l,
            "    LangData {{ code: {}, name: {}, switch_to: {}, names: &[{}], decimal_mark: {}, thousands: {}, \
             percent: {}, plural_one: &{:?}, typography: Rules {{ narrow_before: {}, \
             narrow_after: {}, nbsp_before: {} }} }},",
            lit(&lang.code),
            lit(&lang.name),
            lit(&lang.rules().apply(&lang.switch_to)),
            names.join(", "),
            lit(&lang.decimal_mark),
            lit(&lang.thousands),
            lit(&lang.rules().apply(&lang.percent)),
            lang.plural_one,
            chars(&lang.narrow_before),
            chars(&lang.narrow_after),
            chars(&lang.nbsp_before),
        );
    }
    let _ = writeln!(l, "];");
    write(&out.join("lang.rs"), &l);

    // ----- sections.rs -----
    let mut s = String::new();
    for (i, (section, name, doc)) in SECTIONS.iter().enumerate() {
        let entries = &reference.sections[i];
        let upper = name.to_ascii_uppercase();
        let _ = writeln!(
            s,
            "#[doc = {}]\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum {name} {{",
            lit(&format!(
                "{doc}\n\nSection `[{section}]` of the catalogue; each variant's documentation is \
                 its {} text.",
                reference.name
            ))
        );
        for (key, entry) in entries {
            let shown = match entry {
                Entry::Plain(t) => format!("« {t} »"),
                Entry::Counted(one, other) => format!("« {one} » / « {other} » (counted)"),
            };
            let _ = writeln!(s, "    #[doc = {}]\n    {key},", lit(&shown));
        }
        let _ = writeln!(s, "}}\n");
        let variants: Vec<String> = entries
            .iter()
            .map(|(k, _)| format!("{name}::{k}"))
            .collect();
        let counted: Vec<&String> = entries
            .iter()
            .filter(|(_, e)| matches!(e, Entry::Counted(..)))
            .map(|(k, _)| k)
            .collect();
        // Texts (the `other` form of counted entries), then the `one` forms.
        let _ = writeln!(
            s,
            "static {upper}_TEXTS: [[&str; {}]; {}] = [",
            entries.len(),
            langs.len()
        );
        for lang in &langs {
            let _ = writeln!(s, "    [");
            for (key, _) in entries {
                let e = &lang.sections[i]
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, e)| e);
                let text = match e {
                    Some(Entry::Plain(t)) | Some(Entry::Counted(_, t)) => t.as_str(),
                    None => "",
                };
                let _ = writeln!(s, "        {},", lit(&lang.rules().apply(text)));
            }
            let _ = writeln!(s, "    ],");
        }
        let _ = writeln!(s, "];\n");
        if !counted.is_empty() {
            let _ = writeln!(
                s,
                "static {upper}_ONES: [[&str; {}]; {}] = [",
                counted.len(),
                langs.len()
            );
            for lang in &langs {
                let _ = write!(s, "    [");
                for key in &counted {
                    let e = lang.sections[i]
                        .iter()
                        .find(|(k, _)| k == *key)
                        .map(|(_, e)| e);
                    if let Some(Entry::Counted(one, _)) = e {
                        let _ = write!(s, "{}, ", lit(&lang.rules().apply(one)));
                    }
                }
                let _ = writeln!(s, "],");
            }
            let _ = writeln!(s, "];\n");
        }
        let _ = writeln!(s, "static {upper}_NAMES: [&str; {}] = [", entries.len());
        for (key, _) in entries {
            let _ = writeln!(s, "    {},", lit(key));
        }
        let _ = writeln!(s, "];\n");
        let one_arms: String = counted
            .iter()
            .enumerate()
            .map(|(j, k)| {
                format!("            {name}::{k} => Some({upper}_ONES[lang as usize][{j}]),\n")
            })
            .collect();
        let _ = writeln!(
            s,
            "impl {name} {{
    /// Every entry, in the order of the catalogue.
    pub const ALL: &'static [{name}] = &[{variants}];

    /// The entry's key, as written in the catalogue.
    pub fn name(self) -> &'static str {{
        {upper}_NAMES[self as usize]
    }}

    /// The entry in `lang`, placeholders unfilled (the `other` form of a counted entry).
    pub fn text(self, lang: Lang) -> &'static str {{
        {upper}_TEXTS[lang as usize][self as usize]
    }}

    /// The `one` form of a counted entry in `lang`; `None` for a plain entry.
    #[allow(clippy::match_single_binding)]
    pub fn one(self, lang: Lang) -> Option<&'static str> {{
        match self {{
{one_arms}            _ => {{
                let _ = lang;
                None
            }}
        }}
    }}

    /// The entry in `lang` with its placeholders replaced by `args` (`(\"name\", &value)`); a
    /// placeholder with no argument is left as written, so that it shows in tests.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {{
        fill(self.text(lang), args)
    }}

    /// A counted entry for `n`: the form the plural rule of `lang` chooses, filled with `n` (as
    /// `{{n}}`) and `args`.
    pub fn count(self, lang: Lang, n: u64, args: &[(&str, &dyn Display)]) -> String {{
        let form = match self.one(lang) {{
            Some(one) if lang.plural(n) == Plural::One => one,
            _ => self.text(lang),
        }};
        fill_count(form, n, args)
    }}

    /// The placeholders of the entry in `lang` (of both forms of a counted entry).
    pub fn placeholders(self, lang: Lang) -> Vec<&'static str> {{
        let mut out = placeholders(self.text(lang));
        out.extend(self.one(lang).map(placeholders).unwrap_or_default());
        out
    }}
}}
",
            variants = variants.join(", ")
        );
    }
    let _ = writeln!(
        s,
        "/// Every section, as (name in the files, every entry's key, a function giving an entry's \
         texts in a language), for the tests that check the whole catalogue.\n\
         #[doc(hidden)]\npub type SectionTexts = fn(usize, Lang) -> Vec<&'static str>;\n\
         #[doc(hidden)]\npub static SECTIONS: [(&str, &[&str], SectionTexts); {}] = [",
        SECTIONS.len()
    );
    for (section, name, _) in SECTIONS {
        let upper = name.to_ascii_uppercase();
        let _ = writeln!(
            s,
            "    ({}, &{upper}_NAMES, |i, lang| {{ let e = {name}::ALL[i]; let mut v = vec![e.text(lang)]; v.extend(e.one(lang)); v }}),",
            lit(section)
        );
    }
    let _ = writeln!(s, "];");
    write(&out.join("sections.rs"), &s);
}

fn write(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text)
        && let Err(e) = fs::write(path, text)
    {
        panic!("cannot write {}: {e}", path.display());
    }
}
