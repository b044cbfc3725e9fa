//! A dossier written by `pack` verifies and extracts; each kind of damage or attack is refused
//! as a whole with its own code.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::{Cursor, Write};
use vigilance_dossier::{
    AnswerRef, Attachment, ExtractError, Limits, check_bytes, extract, pack, pack_bytes,
    read_bytes, sha256_hex, verify,
};
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

fn sheet() -> serde_json::Value {
    serde_json::json!({
        "format": "vigilance.answers/1",
        "questionnaire": {"id": "rhsf-fir", "version": "1.2.0"},
        "company": {"name": "Exemple SA"},
        "period": "2025",
        "answers": {"Q01": {"CL": "yes", "FL": {"value": "partial", "evidence": "Plan p. 3"}}}
    })
}

fn answer(q: &str, t: &str) -> AnswerRef {
    AnswerRef {
        question: q.into(),
        track: t.into(),
    }
}

/// A dossier of the sheet with two files: one supporting Q01 on both tracks, one on none.
fn dossier() -> (Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("plan.pdf");
    let b = dir.path().join("notes.txt");
    std::fs::write(&a, b"%PDF-1.7 plan de vigilance").unwrap();
    std::fs::write(&b, b"notes").unwrap();
    let attachments = vec![
        Attachment {
            path: a,
            name: "plan.pdf".into(),
            title: Some("Plan de vigilance 2025".into()),
            date: Some("2025-03-01".into()),
            valid_until: None,
            answers: vec![answer("Q01", "CL"), answer("Q01", "FL")],
        },
        Attachment {
            path: b,
            name: "notes.txt".into(),
            title: None,
            date: None,
            valid_until: None,
            answers: vec![],
        },
    ];
    let mut out = Cursor::new(Vec::new());
    let (_, fp) = pack(&mut out, &sheet(), &attachments, "2026-12-06T19:00:00Z").unwrap();
    (out.into_inner(), fp)
}

fn code(bytes: &[u8]) -> &'static str {
    check_bytes(bytes).expect_err("refused").code()
}

/// The entries of a dossier, to rebuild it with a change.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut v).unwrap();
            (f.name().unwrap().to_string(), v)
        })
        .collect()
}

fn rebuild(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        z.start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_packed_dossier_verifies_with_its_fingerprint() {
    let (bytes, fp) = dossier();
    let v = check_bytes(&bytes).unwrap();
    assert_eq!(v.fingerprint, fp);
    assert_eq!(v.manifest.files.len(), 2);
    let answers: serde_json::Value = serde_json::from_slice(&v.answers_json).unwrap();
    let plan = &v.manifest.files[0];
    assert_eq!(plan.media_type, "application/pdf");
    let cl = &answers["answers"]["Q01"]["CL"];
    assert_eq!(cl["value"], "yes");
    assert_eq!(cl["evidence"][0], format!("file:{}", plan.sha256));
    let fl = &answers["answers"]["Q01"]["FL"]["evidence"];
    assert_eq!(fl[0], "Plan p. 3");
    assert_eq!(fl[1], format!("file:{}", plan.sha256));
}

#[test]
fn a_dossier_packed_from_memory_is_the_same_dossier_and_reads_back_its_files() {
    // The web app's export and import: same writer, files in memory.
    let (from_disk, fp) = dossier();
    let v = check_bytes(&from_disk).unwrap();
    let plan = b"%PDF-1.7 plan de vigilance".as_slice();
    let notes = b"notes".as_slice();
    let attachments: Vec<(Attachment, &[u8])> = v
        .manifest
        .files
        .iter()
        .zip([plan, notes])
        .map(|(f, bytes)| {
            let a = Attachment {
                path: f.name.clone().into(),
                name: f.name.clone(),
                title: f.title.clone(),
                date: f.date.clone(),
                valid_until: f.valid_until.clone(),
                answers: f.answers.clone(),
            };
            (a, bytes)
        })
        .collect();
    let mut out = Cursor::new(Vec::new());
    let (_, fp2) = pack_bytes(&mut out, &sheet(), &attachments, "2026-12-06T19:00:00Z").unwrap();
    assert_eq!(
        fp2, fp,
        "same content, same time: same manifest, same fingerprint"
    );
    let (read, files) = read_bytes(&out.into_inner()).unwrap();
    assert_eq!(read.fingerprint, fp);
    assert_eq!(files, vec![plan.to_vec(), notes.to_vec()]);
    // One byte changed: refused, as by the command line.
    let mut bad = from_disk.clone();
    let at = find(&bad, b"plan de vigilance").unwrap();
    bad[at] ^= 1;
    assert!(read_bytes(&bad).is_err());
}

#[test]
fn one_byte_changed_in_one_file_is_refused_naming_the_file() {
    let (bytes, _) = dossier();
    let mut e = entries(&bytes);
    let i = e.iter().position(|(n, _)| n.starts_with("files/")).unwrap();
    e[i].1[0] ^= 1;
    let err = check_bytes(&rebuild(&e)).unwrap_err();
    assert_eq!(err.code(), "VG-D03");
    assert!(err.kind.to_string().contains(&e[i].0), "{}", err.kind);
}

#[test]
fn changed_answers_are_refused() {
    let (bytes, _) = dossier();
    let mut e = entries(&bytes);
    let i = e.iter().position(|(n, _)| n == "answers.json").unwrap();
    e[i].1 = String::from_utf8(e[i].1.clone())
        .unwrap()
        .replace("\"yes\"", "\"no\"")
        .into_bytes();
    assert_eq!(code(&rebuild(&e)), "VG-D03");
}

#[test]
fn a_missing_or_extra_file_is_refused() {
    let (bytes, _) = dossier();
    let e = entries(&bytes);
    let without: Vec<_> = e
        .iter()
        .filter(|(n, _)| !n.starts_with("files/") || n.contains(&sha256_hex(b"notes")))
        .cloned()
        .collect();
    assert_eq!(code(&rebuild(&without)), "VG-D04");
    let mut extra = e.clone();
    extra.push((format!("files/{}", sha256_hex(b"x")), b"x".to_vec()));
    assert_eq!(code(&rebuild(&extra)), "VG-D05");
    let mut other = e.clone();
    other.push(("readme.txt".into(), b"x".to_vec()));
    assert_eq!(code(&rebuild(&other)), "VG-D05");
    let no_manifest: Vec<_> = e
        .iter()
        .filter(|(n, _)| n != "manifest.json")
        .cloned()
        .collect();
    assert_eq!(code(&rebuild(&no_manifest)), "VG-D01");
}

#[test]
fn unsafe_paths_are_refused() {
    let (bytes, _) = dossier();
    for name in [
        "../evil.txt",
        "/etc/evil",
        "C:/evil",
        "files\\..\\evil",
        "files/../../evil",
    ] {
        let mut e = entries(&bytes);
        e.insert(0, (name.into(), b"x".to_vec()));
        assert_eq!(code(&rebuild(&e)), "VG-D06", "{name}");
    }
}

#[test]
fn duplicate_and_case_colliding_names_are_refused() {
    let (bytes, _) = dossier();
    let mut e = entries(&bytes);
    e.push(("Manifest.json".into(), b"{}".to_vec()));
    assert_eq!(code(&rebuild(&e)), "VG-D07");
    // The zip writer refuses an exact duplicate: write one name in two spellings of one length,
    // then make them equal in the bytes.
    let mut e = entries(&bytes);
    e.push(("answers.jsoX".into(), b"{}".to_vec()));
    let mut raw = rebuild(&e);
    let mut i = 0;
    while let Some(p) = find(&raw[i..], b"answers.jsoX") {
        raw[i + p + 11] = b'n';
        i += p + 1;
    }
    assert_eq!(code(&raw), "VG-D07");
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_zip_bomb_is_refused_by_ratio_and_by_total_size() {
    let (bytes, _) = dossier();
    let zeros = vec![0u8; 16 << 20];
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries(&bytes) {
        z.start_file(name, SimpleFileOptions::default()).unwrap();
        z.write_all(&data).unwrap();
    }
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file(format!("files/{}", sha256_hex(&zeros)), deflated)
        .unwrap();
    z.write_all(&zeros).unwrap();
    let bomb = z.finish().unwrap().into_inner();
    assert_eq!(code(&bomb), "VG-D09");
    let small = Limits {
        max_total: 1000,
        ..Limits::default()
    };
    let err = verify(Cursor::new(&bytes), &small).unwrap_err();
    assert_eq!(err.code(), "VG-D08");
}

#[test]
fn a_huge_or_deeply_nested_manifest_is_refused() {
    let (bytes, _) = dossier();
    let mut e = entries(&bytes);
    let i = e.iter().position(|(n, _)| n == "manifest.json").unwrap();
    e[i].1 = vec![b' '; 5 << 20];
    assert_eq!(code(&rebuild(&e)), "VG-D11");
    e[i].1 = format!("{}{}", "[".repeat(100), "]".repeat(100)).into_bytes();
    assert_eq!(code(&rebuild(&e)), "VG-D17");
    e[i].1 = b"{\"format\": 1}".to_vec();
    assert_eq!(code(&rebuild(&e)), "VG-D10");
}

#[test]
fn a_non_utf8_name_is_refused() {
    let (bytes, _) = dossier();
    let mut e = entries(&bytes);
    e.insert(0, ("odd-X.txt".into(), b"x".to_vec()));
    let mut raw = rebuild(&e);
    let mut i = 0;
    while let Some(p) = find(&raw[i..], b"odd-X") {
        raw[i + p + 4] = 0xff;
        i += p + 1;
    }
    assert_eq!(code(&raw), "VG-D12");
}

#[test]
fn an_encrypted_entry_is_refused() {
    let (bytes, _) = dossier();
    let mut raw = bytes.clone();
    // Set the "encrypted" flag of every entry, in the local and central headers.
    for (sig, off) in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)] {
        let mut i = 0;
        while let Some(p) = find(&raw[i..], sig) {
            raw[i + p + off] |= 1;
            i += p + 4;
        }
    }
    assert_eq!(code(&raw), "VG-D13");
}

#[test]
fn a_truncated_archive_is_refused() {
    let (bytes, _) = dossier();
    for cut in [bytes.len() / 2, bytes.len() - 10, 10, 0] {
        assert!(
            ["VG-D02", "VG-D03"].contains(&code(&bytes[..cut])),
            "cut at {cut}"
        );
    }
}

#[test]
fn the_manifest_must_agree_with_the_answers() {
    let (bytes, _) = dossier();
    let mut e = entries(&bytes);
    let a = e.iter().position(|(n, _)| n == "answers.json").unwrap();
    let m = e.iter().position(|(n, _)| n == "manifest.json").unwrap();
    let text = String::from_utf8(e[a].1.clone())
        .unwrap()
        .replace("Exemple SA", "Autre SA");
    e[a].1 = text.into_bytes();
    let manifest = String::from_utf8(e[m].1.clone()).unwrap();
    let old = serde_json::from_str::<serde_json::Value>(&manifest).unwrap()["answers_sha256"]
        .as_str()
        .unwrap()
        .to_string();
    e[m].1 = manifest.replace(&old, &sha256_hex(&e[a].1)).into_bytes();
    assert_eq!(code(&rebuild(&e)), "VG-D14");
}

#[test]
fn extract_writes_under_the_folder_only() {
    let (bytes, _) = dossier();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let v = extract(Cursor::new(&bytes), &out, &Limits::default()).unwrap();
    assert!(out.join("answers.json").is_file());
    assert!(out.join("manifest.json").is_file());
    for f in &v.manifest.files {
        assert!(out.join("files").join(&f.sha256).is_file());
    }
    // A refused dossier writes nothing.
    let mut e = entries(&bytes);
    e.insert(0, ("../evil.txt".into(), b"x".to_vec()));
    let out2 = dir.path().join("out2");
    let err = extract(Cursor::new(rebuild(&e)), &out2, &Limits::default()).unwrap_err();
    assert!(matches!(err, ExtractError::Refused(p) if p.code() == "VG-D06"));
    assert!(!dir.path().join("evil.txt").exists());
    assert!(!out2.join("answers.json").exists());
}

#[test]
fn the_committed_manifest_schema_matches_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questionnaires/schema/dossier-manifest.schema.json");
    let fresh = vigilance_dossier::manifest_schema();
    if std::env::var_os("VIGILANCE_UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date: run `VIGILANCE_UPDATE_SCHEMAS=1 cargo test -p vigilance-dossier --test dossier`",
        path.display()
    );
}

#[test]
fn an_answer_backed_only_by_a_2019_document_has_no_evidence_for_period_2025() {
    use vigilance_dossier::evidence::{Staleness, effective_evidence};
    use vigilance_model::{AnswerSheet, Track};
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit-2019.pdf");
    std::fs::write(&audit, b"audit 2019").unwrap();
    let attachments = vec![Attachment {
        path: audit,
        name: "audit-2019.pdf".into(),
        title: None,
        date: Some("2019-05-01".into()),
        valid_until: None,
        answers: vec![answer("Q01", "CL")],
    }];
    let mut out = Cursor::new(Vec::new());
    pack(&mut out, &sheet(), &attachments, "2026-12-06T19:00:00Z").unwrap();
    let v = check_bytes(out.get_ref()).unwrap();
    let q = vigilance_model::Questionnaire::parse(include_str!(
        "../../../questionnaires/rhsf-fir-1.2.0.json"
    ))
    .unwrap();
    let sheet = AnswerSheet::parse(std::str::from_utf8(&v.answers_json).unwrap(), &q)
        .unwrap()
        .value;
    assert!(sheet.answer("Q01", Track::CL).unwrap().has_evidence());
    let e = effective_evidence(&sheet, Some(&v.manifest), 24);
    assert!(!e.sheet.answer("Q01", Track::CL).unwrap().has_evidence());
    assert_eq!(e.uses[0].stale, Some(Staleness::TooOld));
    assert_eq!(e.warnings[0].code(), "VG-D18");
    // Text evidence still counts; within 120 months the document counts too.
    assert!(e.sheet.answer("Q01", Track::FL).unwrap().has_evidence());
    let e = effective_evidence(&sheet, Some(&v.manifest), 120);
    assert!(e.sheet.answer("Q01", Track::CL).unwrap().has_evidence());
    // Outside a dossier, a `file:` reference names no verified file.
    let e = effective_evidence(&sheet, None, 120);
    assert!(!e.sheet.answer("Q01", Track::CL).unwrap().has_evidence());
}

#[test]
fn the_fuzz_check_holds_on_the_fixtures_and_the_seed_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut seen = 0;
    for dir in [
        "tests/bad-inputs/sheets",
        "tests/fixtures/dossiers",
        "fuzz/corpus/dossier_zip",
    ] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "zip") {
                vigilance_dossier::fuzz_check(&std::fs::read(&path).unwrap());
                seen += 1;
            }
        }
    }
    assert!(seen >= 15, "{seen}");
    let (bytes, _) = dossier();
    for cut in (0..bytes.len()).step_by(97) {
        vigilance_dossier::fuzz_check(&bytes[..cut]);
    }
}
