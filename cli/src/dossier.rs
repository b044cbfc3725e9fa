//! `vigilance dossier pack | verify | extract`: the evidence dossier (`vigilance.dossier/1`,
//! crate `vigilance-dossier`) on the command line. `pack` reads the sheet through the one reader
//! (a JSON sheet or a filled template), attaches the files (described by an optional CSV) and
//! writes the dossier atomically; `verify` checks each dossier and prints its fingerprint;
//! `extract` verifies, then writes the entries under one directory.

use crate::args::{DossierAction, DossierArgs, ExtractArgs, PackArgs, VerifyArgs};
use crate::fatal::Fatal;
use crate::inputs::{Input, Origin, describe, read_dossier};
use crate::sheets::read_sheets;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use vigilance_core::{Cli, Lang, Problem, ProblemKind};
use vigilance_dossier::{AnswerRef, Attachment, ExtractError, Limits, PackError, is_date};

/// Runs a dossier subcommand.
pub fn run(args: &DossierArgs) -> Result<ExitCode, Fatal> {
    match &args.action {
        DossierAction::Pack(a) => pack(a),
        DossierAction::Verify(a) => verify(a),
        DossierAction::Extract(a) => extract(a),
    }
}

fn shown(path: &Path) -> String {
    crate::platform::shown(path)
}

/// A refused dossier on standard error: its source, then the problem with its code and help.
fn print_refused(source: &str, problem: &Problem, lang: Lang) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "{}",
        Cli::DossierRefused.fill(lang, &[("dossier", &source)])
    );
    let _ = writeln!(err, "  [{}] {}", problem.code(), describe(problem, lang));
    if let Some(help) = problem.kind.help(lang) {
        let _ = writeln!(err, "  {help}");
    }
}

fn verify(args: &VerifyArgs) -> Result<ExitCode, Fatal> {
    let lang = Lang::from(args.lang);
    let expected = args
        .fingerprint
        .as_deref()
        .map(|f| f.trim().to_ascii_lowercase());
    let (mut ok, mut failed) = (0usize, 0usize);
    let mut out = std::io::stdout().lock();
    for path in &args.dossiers {
        let source = shown(path);
        let checked = read_dossier(path).and_then(|v| match &expected {
            Some(e) if *e != v.fingerprint => Err(Box::new(Problem::error(
                "",
                ProblemKind::DossierFingerprintMismatch {
                    found: v.fingerprint.clone(),
                    expected: e.clone(),
                },
            ))),
            _ => Ok(v),
        });
        match checked {
            Ok(v) => {
                ok += 1;
                let files = v.manifest.files.len();
                let _ = writeln!(
                    out,
                    "{}",
                    Cli::DossierVerified.fill(
                        lang,
                        &[
                            ("dossier", &source),
                            ("files", &files),
                            ("fingerprint", &v.fingerprint)
                        ]
                    )
                );
            }
            Err(p) => {
                failed += 1;
                print_refused(&source, &p, lang);
            }
        }
    }
    let _ = out.flush();
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        Cli::DossierVerifySummary.fill(lang, &[("ok", &ok), ("failed", &failed)])
    );
    Ok(ExitCode::from(u8::from(failed > 0)))
}

fn extract(args: &ExtractArgs) -> Result<ExitCode, Fatal> {
    let lang = Lang::from(args.lang);
    let source = shown(&args.dossier);
    let file = match std::fs::File::open(&args.dossier) {
        Ok(f) => f,
        Err(e) => {
            print_refused(&source, &crate::inputs::io_problem(&e), lang);
            return Ok(ExitCode::from(1));
        }
    };
    match vigilance_dossier::extract(file, &args.output, &Limits::default()) {
        Ok(v) => {
            let dir = shown(&args.output);
            let files = v.manifest.files.len();
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                Cli::DossierExtracted.fill(lang, &[("files", &files), ("dir", &dir)])
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ExtractError::Refused(p)) => {
            print_refused(&source, &p, lang);
            Ok(ExitCode::from(1))
        }
        Err(ExtractError::Write(path, e)) => Err(write_failed(lang, &path, &e)),
    }
}

fn write_failed(lang: Lang, path: &Path, e: &dyn std::fmt::Display) -> Fatal {
    Fatal::new(
        lang,
        Cli::DossierWriteFailed,
        &[("path", &shown(path)), ("detail", &e.to_string())],
    )
}

/// One row of the `--map` CSV.
struct MapRow {
    title: Option<String>,
    date: Option<String>,
    valid_until: Option<String>,
    answers: Vec<AnswerRef>,
}

/// Reads the `--map` CSV: `file,title,date,valid_until,answers` (a header row; `answers` as
/// `Q01:CL Q05:FL`, separated by spaces, commas or semicolons). Keyed by the file name.
fn read_map(path: &Path, lang: Lang) -> Result<BTreeMap<String, MapRow>, Fatal> {
    let map = shown(path);
    let line_err = |line: u64, detail: String| {
        Fatal::new(
            lang,
            Cli::DossierMapLine,
            &[("map", &map), ("line", &line), ("detail", &detail)],
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| line_err(0, e.to_string()))?;
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| line_err(0, e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| {
            record
                .get(i)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let Some(file) = field(0) else { continue };
        let date_of = |i: usize| -> Result<Option<String>, Fatal> {
            match field(i) {
                Some(d) if !is_date(&d) => Err(line_err(
                    line,
                    Cli::DossierMapBadDate.fill(lang, &[("found", &d)]),
                )),
                d => Ok(d),
            }
        };
        let mut answers = Vec::new();
        for item in field(4)
            .unwrap_or_default()
            .split([' ', ',', ';'])
            .filter(|s| !s.is_empty())
        {
            let parsed = item.split_once(':').filter(|(q, t)| {
                !q.is_empty() && ["CL", "FL"].contains(&t.to_ascii_uppercase().as_str())
            });
            let Some((q, t)) = parsed else {
                return Err(line_err(
                    line,
                    Cli::DossierMapBadAnswer.fill(lang, &[("found", &item)]),
                ));
            };
            answers.push(AnswerRef {
                question: q.to_ascii_uppercase(),
                track: t.to_ascii_uppercase(),
            });
        }
        let row = MapRow {
            title: field(1),
            date: date_of(2)?,
            valid_until: date_of(3)?,
            answers,
        };
        let key = Path::new(&file)
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
        out.insert(key, row);
    }
    Ok(out)
}

/// The modification date of a file, `YYYY-MM-DD` (UTC).
fn modified_date(path: &Path) -> Option<String> {
    let secs = std::fs::metadata(path)
        .ok()?
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let (y, m, d) = crate::reports::civil_from_days(secs / 86_400);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The creation time written in the manifest (RFC 3339, UTC); `SOURCE_DATE_EPOCH` fixes it.
fn created_now() -> String {
    let secs = crate::reports::now_secs();
    let (y, m, d) = crate::reports::civil_from_days(secs / 86_400);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

fn pack(args: &PackArgs) -> Result<ExitCode, Fatal> {
    let lang = Lang::from(args.grid.lang);
    let grids = crate::grid::choice(args.grid.questionnaire.as_deref(), lang)?;
    let sheet_source = shown(&args.sheet);
    let input = Input {
        source: sheet_source.clone(),
        origin: Origin::File(args.sheet.clone()),
    };
    let mut reads = read_sheets(&input, grids, lang);
    let one_sheet = || Fatal::new(lang, Cli::DossierOneSheet, &[("sheet", &sheet_source)]);
    if reads.len() != 1 {
        return Err(one_sheet());
    }
    let sheet = match reads.remove(0).result {
        Ok(parsed) => parsed.value,
        Err(problems) => {
            let mut message = one_sheet().message;
            for p in &problems.0 {
                message.push_str(&format!("\n  [{}] {}", p.code(), describe(p, lang)));
            }
            return Err(Fatal { message });
        }
    };
    let sheet_json: serde_json::Value = serde_json::from_str(&sheet.to_json_pretty())
        .map_err(|e| write_failed(lang, &args.output, &e))?;
    let mut map = match &args.map {
        Some(p) => read_map(p, lang)?,
        None => BTreeMap::new(),
    };
    let mut attachments = Vec::new();
    for path in &args.files {
        let name = path
            .file_name()
            .map_or_else(|| shown(path), |n| n.to_string_lossy().into_owned());
        let row = map.remove(&name);
        attachments.push(Attachment {
            path: path.clone(),
            name,
            title: row.as_ref().and_then(|r| r.title.clone()),
            date: row
                .as_ref()
                .and_then(|r| r.date.clone())
                .or_else(|| modified_date(path)),
            valid_until: row.as_ref().and_then(|r| r.valid_until.clone()),
            answers: row.map(|r| r.answers).unwrap_or_default(),
        });
    }
    if let Some(file) = map.keys().next() {
        let map_name = args.map.as_deref().map(shown).unwrap_or_default();
        return Err(Fatal::new(
            lang,
            Cli::DossierMapLine,
            &[
                ("map", &map_name),
                ("line", &"?"),
                (
                    "detail",
                    &Cli::DossierMapUnknownFile.fill(lang, &[("file", file)]),
                ),
            ],
        ));
    }
    for a in attachments.iter().flat_map(|a| &a.answers) {
        if sheet_json
            .pointer(&format!("/answers/{}/{}", a.question, a.track))
            .is_none()
        {
            return Err(Fatal {
                message: pack_error(lang, PackError::NotAnswered(a.clone())),
            });
        }
    }
    let created = created_now();
    let mut outcome = None;
    crate::output::save_atomically(&args.output, lang, |tmp: &Path| {
        let file = std::fs::File::create(tmp).map_err(|e| e.to_string())?;
        let written = vigilance_dossier::pack(
            std::io::BufWriter::new(file),
            &sheet_json,
            &attachments,
            &created,
        )
        .map_err(|e| pack_error(lang, e))?;
        outcome = Some(written);
        Ok::<(), String>(())
    })?;
    if let Some((manifest, fingerprint)) = outcome {
        let path = shown(&args.output);
        let files = manifest.files.len();
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            Cli::DossierPacked.fill(
                lang,
                &[
                    ("path", &path),
                    ("files", &files),
                    ("fingerprint", &fingerprint)
                ]
            )
        );
        // The fingerprint alone on standard output, for scripts.
        let _ = writeln!(std::io::stdout(), "{fingerprint}");
    }
    Ok(ExitCode::SUCCESS)
}

fn pack_error(lang: Lang, e: PackError) -> String {
    match e {
        PackError::Read(path, e) => Cli::DossierFileUnreadable
            .fill(lang, &[("file", &shown(&path)), ("detail", &e.to_string())]),
        PackError::Write(detail) => detail,
        PackError::NotAnswered(a) => ProblemKind::DossierManifestMismatch {
            detail: format!(
                "{} {} is not answered: no file can support it",
                a.question, a.track
            ),
        }
        .message(lang),
    }
}
