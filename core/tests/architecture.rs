//! docs/architecture.md names every crate of the workspace, with its folder: a crate added
//! without a line there fails here.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::Path;

/// The `members` of the workspace's Cargo.toml (one quoted folder a line, as written there).
fn members(root: &Path) -> Vec<String> {
    let text = fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let start = text.find("members = [").expect("members");
    let end = start + text[start..].find(']').expect("end of members");
    text[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The `name` of the package in `folder`.
fn package_name(root: &Path, folder: &str) -> String {
    let text = fs::read_to_string(root.join(folder).join("Cargo.toml")).expect("member manifest");
    text.lines()
        .find_map(|l| l.strip_prefix("name = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("package name")
        .to_string()
}

#[test]
fn the_architecture_doc_names_every_crate_with_its_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let doc = fs::read_to_string(root.join("docs/architecture.md")).expect("docs/architecture.md");
    let members = members(&root);
    assert!(members.len() >= 10, "{members:?}");
    for folder in &members {
        let name = package_name(&root, folder);
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
            .unwrap_or_else(|| panic!("docs/architecture.md has no row for `{name}`"));
        assert!(
            row.contains(&format!("`{folder}`")),
            "the row of `{name}` does not give its folder `{folder}`: {row}"
        );
    }
    // And names no crate that is gone.
    for line in doc.lines().filter(|l| l.starts_with("| `vigilance-")) {
        let name = line.split('`').nth(1).expect("name");
        assert!(
            members.iter().any(|f| package_name(&root, f) == name),
            "docs/architecture.md names `{name}`, which is not a workspace member"
        );
    }
}
