//! Reading and checking the catalogue's language files: shared by the build script, which
//! generates the Rust from them, and by `tests/catalogue_files.rs`, which checks that a broken
//! file is refused with a message naming the file and the key.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// The folder of the language files, relative to this crate.
pub const DIR: &str = "catalogue";
/// The reference language: every other file is checked against it.
pub const REFERENCE: &str = "fr";
/// The sections of the catalogue: their name in the files, their enum, what they hold.
pub const SECTIONS: &[(&str, &str, &str)] = &[
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
pub const FORMS: [&str; 2] = ["one", "other"];

/// One entry of one language.
#[derive(Clone, Debug)]
pub enum Entry {
    /// A text.
    Plain(String),
    /// A counted text: its `one` and `other` forms.
    Counted(String, String),
}

impl Entry {
    /// Its texts (both forms of a counted entry).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Entry::Plain(t) => vec![t.as_str()],
            Entry::Counted(one, other) => vec![one.as_str(), other.as_str()],
        }
    }
}

/// One language file, read.
pub struct Language {
    pub code: String,
    pub file: String,
    pub name: String,
    pub switch_to: String,
    pub names: Table,
    pub decimal_mark: String,
    pub thousands: String,
    pub percent: String,
    pub plural_one: Vec<u64>,
    pub narrow_before: Vec<char>,
    pub narrow_after: Vec<char>,
    pub nbsp_before: Vec<char>,
    /// Per section (in `SECTIONS` order): the entries in file order.
    pub sections: Vec<Vec<(String, Entry)>>,
}

impl Language {
    /// Its typography rules.
    pub fn rules(&self) -> crate::typography::Rules<'_> {
        crate::typography::Rules {
            narrow_before: &self.narrow_before,
            narrow_after: &self.narrow_after,
            nbsp_before: &self.nbsp_before,
        }
    }
}

/// The placeholders of a text (`{name}`), or why its braces are wrong.
pub fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
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

pub fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// A variant name from a language code (`fr` → `Fr`, `pt-br` → `PtBr`).
pub fn variant(code: &str) -> String {
    code.split(['-', '_'])
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

pub fn read_language(path: &Path, errors: &mut Vec<String>) -> Option<Language> {
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
    // A space is a separator too (French's narrow no-break space): present and not empty.
    let thousands = match header.get("thousands").and_then(Value::as_str) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => {
            err("[language] thousands: missing (the separator of thousands, e.g. \",\")".into());
            String::new()
        }
    };
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
            "thousands",
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
        thousands,
        percent,
        plural_one,
        narrow_before,
        narrow_after,
        nbsp_before,
        sections,
    })
}

/// Checks `lang` against the reference, entry by entry.
pub fn check_against(lang: &Language, reference: &Language, errors: &mut Vec<String>) {
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

/// Reads every language file of `dir` (`*.toml`) and checks them against the reference: the
/// languages, the reference first and the others in the order of their codes, or every problem
/// found, each naming the file and the key.
pub fn read_dir(dir: &Path) -> Result<Vec<Language>, Vec<String>> {
    let mut errors = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    paths.sort();
    let mut langs: Vec<Language> = paths
        .iter()
        .filter_map(|p| read_language(p, &mut errors))
        .collect();
    langs.sort_by_key(|l| (l.code != REFERENCE, l.code.clone()));
    if langs.first().is_none_or(|l| l.code != REFERENCE) {
        errors.push(format!(
            "{DIR}/{REFERENCE}.toml: missing (the reference language)"
        ));
    }
    if let Some(reference) = langs.first() {
        for l in &langs {
            check_against(l, reference, &mut errors);
        }
    }
    if errors.is_empty() {
        Ok(langs)
    } else {
        Err(errors)
    }
}
