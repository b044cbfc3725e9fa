//! `vigilance migrate`: moves JSON answer sheets to a later version of their built-in grid
//! (core's `migrate`), writes each migrated sheet under the output directory with its file name,
//! and prints what happened to every answer that was not simply carried over. The original
//! sheets are never modified; a sheet that cannot be migrated is reported and the others are
//! still migrated (exit status 1).

use crate::args::MigrateArgs;
use crate::fatal::Fatal;
use crate::inputs::{self, describe};
use crate::output::{Target, write_to};
use std::path::Path;
use std::process::ExitCode;
use vigilance_core::import::FileKind;
use vigilance_core::messages::colon;
use vigilance_core::migrate::{Migration, Outcome, migrate};
use vigilance_core::{AnswerSheet, Cli, Lang, Msg, Questionnaire, registry};

/// Runs `vigilance migrate`.
pub fn run(args: &MigrateArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    std::fs::create_dir_all(&args.output).map_err(|e| {
        Fatal::new(
            lang,
            Cli::FatalCreateDir,
            &[("path", &args.output.display()), ("error", &e)],
        )
    })?;
    let gathered = inputs::gather(&args.inputs);
    let mut report = String::new();
    let mut failed = 0usize;
    for f in &gathered.failures {
        failed += 1;
        report.push_str(&format!(
            "{}{} {}\n",
            f.source,
            colon(lang),
            describe(&f.problem, lang)
        ));
    }
    let mut written = 0usize;
    for input in &gathered.inputs {
        match migrate_one(input, args, lang) {
            Ok((name, m, to)) => {
                written += 1;
                report.push_str(&summary(&input.source, &name, &m, to, lang));
            }
            Err(message) => {
                failed += 1;
                report.push_str(&format!("{}{} {message}\n", input.source, colon(lang)));
            }
        }
    }
    report.push_str(&Cli::MigrateDone.fill(
        lang,
        &[
            ("dir", &args.output.display()),
            ("written", &written),
            ("failed", &failed),
        ],
    ));
    report.push('\n');
    write_to(&Target::Stdout, lang, |w| w.write_all(report.as_bytes()))?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads, migrates and writes one sheet; the written file's name, the migration and the
/// target grid, or the message that says why not.
fn migrate_one(
    input: &inputs::Input,
    args: &MigrateArgs,
    lang: Lang,
) -> Result<(String, Migration, &'static Questionnaire), String> {
    let bytes = input.read().map_err(|p| describe(&p, lang))?;
    if FileKind::recognise(&input.source, &bytes) != FileKind::Json {
        return Err(Cli::MigrateOnlyJson.text(lang).to_string());
    }
    let text = String::from_utf8_lossy(&bytes);
    let known = crate::grid::known_names();
    let (id, version) = registry::peek_questionnaire(&text)
        .ok_or_else(|| Cli::MigrateNoGrid.text(lang).to_string())?;
    let from = registry::find(&id, &version).ok_or_else(|| {
        Cli::MigrateNotBuiltIn.fill(
            lang,
            &[("grid", &format!("{id}@{version}")), ("known", &known)],
        )
    })?;
    let to = target(args.to.as_deref(), &id).ok_or_else(|| {
        Cli::MigrateNoVersion.fill(
            lang,
            &[
                ("asked", &args.to.as_deref().unwrap_or("")),
                ("id", &id),
                ("known", &known),
            ],
        )
    })?;
    let sheet = AnswerSheet::parse(&text, from).map_err(|problems| {
        problems
            .0
            .iter()
            .map(|p| describe(p, lang))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let m = migrate(&sheet.value, from, to).map_err(|e| e.message(lang))?;
    let mut name = Path::new(&input.source)
        .file_name()
        .map_or_else(|| "sheet.json".into(), |n| n.to_string_lossy().into_owned());
    // A dossier's answers are written as the JSON sheet they are.
    if inputs::is_dossier_name(&name) {
        name = format!("{}.json", &name[..name.len() - 4]);
    }
    let path = args.output.join(&name);
    let mut json = serde_json::to_string_pretty(&m.sheet).map_err(|e| e.to_string())?;
    json.push('\n');
    write_to(&Target::File(path), lang, |w| w.write_all(json.as_bytes())).map_err(|f| f.message)?;
    Ok((name, m, to))
}

/// The grid `to` names for a sheet of grid `id`: a version (`1.1.0`), `id@version`, or, when
/// absent, the latest version of `id`.
fn target(to: Option<&str>, id: &str) -> Option<&'static Questionnaire> {
    match to {
        None => registry::latest(id),
        Some(t) if t.contains('@') => registry::by_name(t).filter(|q| q.id == id),
        Some(version) => registry::find(id, version),
    }
}

/// What happened to one sheet, in `lang`: counts, then one line per answer not carried over.
fn summary(source: &str, name: &str, m: &Migration, to: &Questionnaire, lang: Lang) -> String {
    let dropped = m.count(Outcome::DroppedRevised)
        + m.count(Outcome::DroppedInvalid)
        + m.count(Outcome::DroppedRemoved);
    let mut out = Cli::MigrateSheet.fill(
        lang,
        &[
            ("source", &source),
            ("name", &name),
            ("grid", &to.name()),
            ("carried", &m.count(Outcome::Carried)),
            ("reworded", &m.count(Outcome::CarriedReworded)),
            ("dropped", &dropped),
            ("added", &m.count(Outcome::Added)),
        ],
    );
    out.push('\n');
    for c in m.changes.iter().filter(|c| !c.outcome.is_carried()) {
        out.push_str(&format!(
            "  {} {}{} {}\n",
            c.question,
            c.track,
            Msg::Colon.text(lang),
            c.outcome.label(lang)
        ));
    }
    out
}
