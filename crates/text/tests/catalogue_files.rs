//! The checks of the catalogue's files, as the build runs them (`build/read.rs`): the real
//! catalogue passes, a third language is one more file, and a broken file is refused with
//! messages naming the file and the key.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../src/typography.rs"]
mod typography;

#[allow(dead_code)]
#[path = "../build/read.rs"]
mod read;

use std::fs;
use std::path::{Path, PathBuf};

fn catalogue() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalogue")
}

/// A fresh folder with the real French and English files and `es.toml` made by `spanish` from
/// the English file.
fn with_spanish(name: &str, spanish: impl Fn(String) -> String) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("vigilance-catalogue-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for f in ["fr.toml", "en.toml"] {
        fs::copy(catalogue().join(f), dir.join(f)).unwrap();
    }
    let en = fs::read_to_string(catalogue().join("en.toml")).unwrap();
    let es = spanish(en.replacen("code = \"en\"", "code = \"es\"", 1).replacen(
        "name = \"English\"",
        "name = \"Español\"",
        1,
    ));
    fs::write(dir.join("es.toml"), es).unwrap();
    dir
}

#[test]
fn the_catalogue_passes_its_checks_french_first() {
    let langs = read::read_dir(&catalogue()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let codes: Vec<&str> = langs.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["fr", "en"]);
}

#[test]
fn a_third_language_is_one_more_file() {
    let dir = with_spanish("ok", |es| es);
    let langs = read::read_dir(&dir).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let codes: Vec<&str> = langs.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["fr", "en", "es"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_language_file_is_refused_naming_the_file_and_the_key() {
    let dir = with_spanish("broken", |es| {
        es.lines()
            .filter(|l| !l.starts_with("AppTitle = "))
            .map(|l| match l {
                l if l.starts_with("Empty = ") => "Empty = \"the file {name} is empty\"".into(),
                l if l.starts_with("PlaceCell = ") => "PlaceCell = \"cell {cell\"".into(),
                l if l.starts_with("Problems = ") => "Problems = \"{n} problems\"".into(),
                l => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n[extra]\nKey = \"x\"\n"
    });
    let Err(errors) = read::read_dir(&dir) else {
        panic!("a broken file was accepted")
    };
    let all = errors.join("\n");
    for expected in [
        "catalogue/es.toml: [web] AppTitle: missing (it is in catalogue/fr.toml)",
        "catalogue/es.toml: [messages] Empty: placeholders {\"name\"}, but {} in catalogue/fr.toml",
        "catalogue/es.toml: [messages] PlaceCell: unbalanced braces",
        "catalogue/es.toml: [messages] Problems: a plain text here, counted (one, other) in catalogue/fr.toml",
        "catalogue/es.toml: [extra]: unknown section",
    ] {
        assert!(all.contains(expected), "{expected}\nnot in:\n{all}");
    }
    let _ = fs::remove_dir_all(&dir);
}
