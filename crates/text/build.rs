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

use std::collections::BTreeSet;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

#[allow(dead_code)]
#[path = "src/typography.rs"]
mod typography;

/// The folder of the language files, relative to this crate.
const DIR: &str = "catalogue";
/// The reference language: every other file is checked against it.
const REFERENCE: &str = "fr";
/// The sections of the catalogue: their name in the files, their enum, what they hold.
const SECTIONS: &[(&str, &str, &str)] = &[
    (
        "messages",
        "Msg",
        "The rules' and the readers' words: shared words, places, problems, grids, coverage, \
         migration.",
    ),
    ("cli", "Cli", "The `vigilance` command's own words."),
    ("workbook", "Wb", "The results workbook (Excel)."),
    ("template", "Template", "The fillable Excel templates."),
    (
        "review",
        "Review",
        "The campaign review (HTML) and its warnings to its author.",
    ),
    ("web", "Web", "The web app."),
];
/// The forms of a counted entry.
const FORMS: [&str; 2] = ["one", "other"];

/// One entry of one language.
#[derive(Clone, Debug)]
enum Entry {
    /// A text.
    Plain(String),
    /// A counted text: its `one` and `other` forms.
    Counted(String, String),
}

impl Entry {
    fn texts(&self) -> Vec<&str> {
        match self {
            Entry::Plain(t) => vec![t.as_str()],
            Entry::Counted(one, other) => vec![one.as_str(), other.as_str()],
        }
    }
}

/// One language file, read.
struct Language {
    code: String,
    file: String,
    name: String,
    switch_to: String,
    names: Table,
    decimal_mark: String,
    percent: String,
    plural_one: Vec<u64>,
    narrow_before: Vec<char>,
    narrow_after: Vec<char>,
    nbsp_before: Vec<char>,
    /// Per section (in `SECTIONS` order): the entries in file order.
    sections: Vec<Vec<(String, Entry)>>,
}

impl Language {
    fn rules(&self) -> typography::Rules<'_> {
        typography::Rules {
            narrow_before: &self.narrow_before,
            narrow_after: &self.narrow_after,
            nbsp_before: &self.nbsp_before,
        }
    }
}

/// The placeholders of a text (`{name}`), or why its braces are wrong.
fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    loop {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => return Ok(out),
            (Some(o), Some(c)) if o < c => {
                let name = &rest[o + 1..c];
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
                {
                    return Err(format!(
                        "`{{{name}}}` is not a placeholder (write `{{name}}`, lower case)"
                    ));
                }
                out.insert(name.to_string());
                rest = &rest[c + 1..];
            }
            _ => return Err("unbalanced braces".to_string()),
        }
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// A variant name from a language code (`fr` → `Fr`, `pt-br` → `PtBr`).
fn variant(code: &str) -> String {
    code.split(['-', '_'])
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn read_language(path: &Path, errors: &mut Vec<String>) -> Option<Language> {
    let file = format!("{DIR}/{}", path.file_name()?.to_string_lossy());
    let code = path.file_stem()?.to_string_lossy().into_owned();
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{file}: cannot be read: {e}"));
            return None;
        }
    };
    let table: Table = match toml::from_str(&text) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{file}: not valid TOML: {e}"));
            return None;
        }
    };
    let mut err = |what: String| errors.push(format!("{file}: {what}"));
    let Some(header) = table.get("language").and_then(Value::as_table) else {
        err("no [language] header (code, name, switch_to, names, decimal_mark, percent, plural_one)".into());
        return None;
    };
    let string = |key: &str, err: &mut dyn FnMut(String)| -> String {
        match header.get(key).and_then(Value::as_str) {
            Some(s) if !s.trim().is_empty() => s.to_string(),
            _ => {
                err(format!("[language] {key}: missing (a text)"));
                String::new()
            }
        }
    };
    let declared = string("code", &mut err);
    if !declared.is_empty() && declared != code {
        err(format!(
            "[language] code: `{declared}`, but the file is named for `{code}`"
        ));
    }
    let name = string("name", &mut err);
    let switch_to = string("switch_to", &mut err);
    let decimal_mark = string("decimal_mark", &mut err);
    let percent = string("percent", &mut err);
    if !percent.is_empty() && placeholders(&percent).ok() != Some(BTreeSet::from(["n".into()])) {
        err("[language] percent: must hold `{n}` and no other placeholder".into());
    }
    // Optional: a language a file does not name is called by its own name.
    let names = header
        .get("names")
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_default();
    let plural_one: Vec<u64> = match header.get("plural_one").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .filter_map(
                |v| match v.as_integer().and_then(|n| u64::try_from(n).ok()) {
                    Some(n) => Some(n),
                    None => {
                        err(format!("[language] plural_one: `{v:?}` is not a count"));
                        None
                    }
                },
            )
            .collect(),
        None => {
            err("[language] plural_one: missing (the counts that take the `one` form)".into());
            Vec::new()
        }
    };
    let signs = |key: &str, err: &mut dyn FnMut(String)| -> Vec<char> {
        let Some(list) = header
            .get("typography")
            .and_then(Value::as_table)
            .and_then(|t| t.get(key))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for v in list.as_array().into_iter().flatten() {
            let mut chars = v.as_str().unwrap_or("").chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => out.push(c),
                _ => err(format!(
                    "[language.typography] {key}: `{v:?}` is not one character"
                )),
            }
        }
        out
    };
    let narrow_before = signs("narrow_space_before", &mut err);
    let narrow_after = signs("narrow_space_after", &mut err);
    let nbsp_before = signs("space_before", &mut err);
    for (key, _) in header
        .get("typography")
        .and_then(Value::as_table)
        .into_iter()
        .flatten()
    {
        if !["narrow_space_before", "narrow_space_after", "space_before"].contains(&key.as_str()) {
            err(format!("[language.typography] {key}: unknown rule"));
        }
    }
    for key in header.keys() {
        if ![
            "code",
            "name",
            "switch_to",
            "names",
            "decimal_mark",
            "percent",
            "plural_one",
            "typography",
        ]
        .contains(&key.as_str())
        {
            err(format!("[language] {key}: unknown field"));
        }
    }

    let mut sections = Vec::new();
    for (section, _, _) in SECTIONS {
        let mut entries = Vec::new();
        match table.get(*section).map(|v| v.as_table()) {
            None => {
                if table.contains_key(*section) || code == REFERENCE {
                    err(format!("[{section}]: missing"));
                }
            }
            Some(None) => err(format!("[{section}]: not a table of entries")),
            Some(Some(t)) => {
                for (key, value) in t {
                    if !is_identifier(key) {
                        err(format!(
                            "[{section}] {key}: a key is written in CamelCase (`DocTitle`)"
                        ));
                        continue;
                    }
                    let entry = match value {
                        Value::String(s) => Entry::Plain(s.clone()),
                        Value::Table(forms) => {
                            let keys: Vec<&str> = forms.keys().map(String::as_str).collect();
                            let texts: Vec<Option<&str>> = FORMS
                                .iter()
                                .map(|f| forms.get(*f).and_then(Value::as_str))
                                .collect();
                            match (keys.len() == FORMS.len(), texts[0], texts[1]) {
                                (true, Some(one), Some(other)) => {
                                    Entry::Counted(one.to_string(), other.to_string())
                                }
                                _ => {
                                    err(format!(
                                        "[{section}] {key}: a counted entry gives exactly the \
                                         forms `one` and `other` as texts (found {keys:?})"
                                    ));
                                    continue;
                                }
                            }
                        }
                        _ => {
                            err(format!(
                                "[{section}] {key}: a text, or a table {{ one = …, other = … }}"
                            ));
                            continue;
                        }
                    };
                    for t in entry.texts() {
                        if t.trim().is_empty() {
                            err(format!("[{section}] {key}: empty"));
                        }
                        if let Err(why) = placeholders(t) {
                            err(format!("[{section}] {key}: {why}"));
                        }
                    }
                    entries.push((key.clone(), entry));
                }
            }
        }
        sections.push(entries);
    }
    for key in table.keys() {
        if key != "language" && !SECTIONS.iter().any(|(s, _, _)| s == key) {
            err(format!(
                "[{key}]: unknown section (the sections are {}; a new one is added to SECTIONS in \
                 build.rs)",
                SECTIONS
                    .iter()
                    .map(|(s, _, _)| *s)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Some(Language {
        code,
        file,
        name,
        switch_to,
        names,
        decimal_mark,
        percent,
        plural_one,
        narrow_before,
        narrow_after,
        nbsp_before,
        sections,
    })
}

/// Checks `lang` against the reference, entry by entry.
fn check_against(lang: &Language, reference: &Language, errors: &mut Vec<String>) {
    let file = &lang.file;
    for (key, value) in &lang.names {
        if value.as_str().is_none_or(|s| s.trim().is_empty()) {
            errors.push(format!("{file}: [language] names: `{key}` is not a name"));
        }
    }
    if lang.code == reference.code {
        return;
    }
    for (i, (section, _, _)) in SECTIONS.iter().enumerate() {
        let ours = &lang.sections[i];
        let theirs = &reference.sections[i];
        for (key, entry) in theirs {
            let Some((_, mine)) = ours.iter().find(|(k, _)| k == key) else {
                errors.push(format!(
                    "{file}: [{section}] {key}: missing (it is in {})",
                    reference.file
                ));
                continue;
            };
            match (entry, mine) {
                (Entry::Plain(_), Entry::Counted(..)) => errors.push(format!(
                    "{file}: [{section}] {key}: counted here, a plain text in {}",
                    reference.file
                )),
                (Entry::Counted(..), Entry::Plain(_)) => errors.push(format!(
                    "{file}: [{section}] {key}: a plain text here, counted (one, other) in {}",
                    reference.file
                )),
                _ => {
                    // A counted form may leave out the count itself (« une entreprise »).
                    let set = |e: &Entry| -> BTreeSet<String> {
                        let mut s = BTreeSet::new();
                        for t in e.texts() {
                            s.extend(placeholders(t).unwrap_or_default());
                        }
                        if matches!(e, Entry::Counted(..)) {
                            s.remove("n");
                        }
                        s
                    };
                    let (want, got) = (set(entry), set(mine));
                    if want != got {
                        errors.push(format!(
                            "{file}: [{section}] {key}: placeholders {got:?}, but {want:?} in {}",
                            reference.file
                        ));
                    }
                }
            }
        }
        for (key, _) in ours {
            if !theirs.iter().any(|(k, _)| k == key) {
                errors.push(format!(
                    "{file}: [{section}] {key}: not in {} (the reference): add it there first, or \
                     remove it",
                    reference.file
                ));
            }
        }
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn main() {
    println!("cargo:rerun-if-changed={DIR}");
    println!("cargo:rerun-if-changed=src/typography.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default());

    let mut errors = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(crate_dir.join(DIR))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    paths.sort();
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let mut langs: Vec<Language> = paths
        .iter()
        .filter_map(|p| read_language(p, &mut errors))
        .collect();
    // The reference first, the others in the order of their codes.
    langs.sort_by_key(|l| (l.code != REFERENCE, l.code.clone()));
    if langs.first().is_none_or(|l| l.code != REFERENCE) {
        errors.push(format!(
            "{DIR}/{REFERENCE}.toml: missing (the reference language)"
        ));
    }
    let codes: Vec<String> = langs.iter().map(|l| l.code.clone()).collect();
    if let Some(reference) = langs.first() {
        for l in &langs {
            check_against(l, reference, &mut errors);
        }
    }
    if !errors.is_empty() {
        panic!(
            "the catalogue (crates/text/{DIR}) has {} problem(s):\n  {}",
            errors.len(),
            errors.join("\n  ")
        );
    }
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
            "    LangData {{ code: {}, name: {}, switch_to: {}, names: &[{}], decimal_mark: {}, \
             percent: {}, plural_one: &{:?}, typography: Rules {{ narrow_before: {}, \
             narrow_after: {}, nbsp_before: {} }} }},",
            lit(&lang.code),
            lit(&lang.name),
            lit(&lang.rules().apply(&lang.switch_to)),
            names.join(", "),
            lit(&lang.decimal_mark),
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
