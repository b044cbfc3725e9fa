//! Hostile spreadsheets are refused quickly and in bounded memory: zip bombs (too many entries,
//! too many decompressed bytes) and archives that are not workbooks.

#![cfg(feature = "xlsx-import")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use vigilance_core::Lang;
use vigilance_core::import::xlsx::{MAX_ZIP_ENTRIES, check_zip_limits_within, read_workbook};

fn zip_of(entries: impl IntoIterator<Item = (String, u64)>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    let chunk = vec![0u8; 1 << 20];
    for (name, size) in entries {
        w.start_file(name, opts).unwrap();
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len() as u64) as usize;
            w.write_all(&chunk[..n]).unwrap();
            left -= n as u64;
        }
    }
    w.finish().unwrap().into_inner()
}

fn message(bytes: &[u8]) -> String {
    let read = read_workbook(
        bytes,
        vigilance_core::registry::find("rhsf-fir", "1.0.0").unwrap(),
    );
    assert_eq!(read.len(), 1);
    let problems = read.into_iter().next().unwrap().result.unwrap_err();
    problems.describe(Lang::En)
}

#[test]
fn zip_bomb_of_zeros_is_refused_from_its_declared_size() {
    // 8 MiB of zeros compress to under 100 KiB; with a 4 MiB limit this is a bomb.
    let bomb = zip_of([("xl/worksheets/sheet1.xml".to_string(), 8 << 20)]);
    assert!(
        bomb.len() < 128 * 1024,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let started = std::time::Instant::now();
    let p = check_zip_limits_within(&bomb, MAX_ZIP_ENTRIES, 4 << 20).unwrap_err();
    let msg = p.describe(Lang::En);
    assert!(
        msg.contains("the decompressed workbook is too large"),
        "{msg}"
    );
    assert!(
        p.describe(Lang::Fr)
            .contains("le classeur décompressé est trop volumineux")
    );
    println!("zip bomb refused in {:?}", started.elapsed());
    // Within the limit, the same archive passes the check.
    assert!(check_zip_limits_within(&bomb, MAX_ZIP_ENTRIES, 16 << 20).is_ok());
}

#[test]
fn many_small_entries_that_add_up_are_refused() {
    let z = zip_of((0..8).map(|i| (format!("xl/f{i}.xml"), 1 << 20)));
    let p = check_zip_limits_within(&z, MAX_ZIP_ENTRIES, 4 << 20).unwrap_err();
    assert!(
        p.describe(Lang::En)
            .contains("the decompressed workbook is too large")
    );
}

#[test]
fn archive_with_too_many_entries_is_refused() {
    let many = zip_of((0..=MAX_ZIP_ENTRIES).map(|i| (format!("f{i}"), 0)));
    let msg = message(&many);
    assert!(
        msg.contains("the workbook archive is too large (10001 entries"),
        "{msg}"
    );
}

#[test]
fn a_zip_that_is_not_a_workbook_is_named_so() {
    let z = zip_of([("hello.txt".to_string(), 10)]);
    let msg = message(&z);
    assert!(msg.contains("not a readable Excel workbook"), "{msg}");
}
