//! `vigilance engage` (init, validate, carry) and what `vigilance score --engagement` needs: the
//! engagement files of a directory, matched to each scored sheet by company, and the sheet scored
//! as reviewed (crate `vigilance-engagement`). A bad, outdated or mismatched engagement file is
//! reported and the sheet is still scored as declared: it never stops a batch.

use crate::args::{EngageArgs, EngageCarryArgs, EngageCommand, EngageInitArgs, EngageValidateArgs};
use crate::fatal::Fatal;
use crate::inputs::{self, describe};
use crate::output::{Target, write_to};
use crate::sheets::read_sheets;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigilance_core::Track;
use vigilance_core::report::reviewed::{ReviewChange, Reviewed};
use vigilance_core::report::workbook::ScoredSheet;
use vigilance_core::report::workbook::{ActionRow, DialogueRow, DisputedRow, EngagementRows};
use vigilance_core::{
    AnswerSheet, Cli, Lang, Msg, Problem, ProblemKind, Questionnaire, ScoringOptions, registry,
    score,
};
use vigilance_engagement::{Engagement, ReviewStatus, check_matches, reviewed_sheet};

/// A sheet's review: the result as reviewed, and the engagement file when it could be read.
#[derive(Clone, Debug)]
pub struct SheetReview {
    /// The result as reviewed (or why the file was refused).
    pub reviewed: Reviewed,
    /// The engagement file, when it was read.
    pub engagement: Option<Engagement>,
}

impl SheetReview {
    /// What the workbook shows of it for the sheet `s`: the level as reviewed, the challenged,
    /// rejected and outdated reviews, the action plan.
    pub fn rows(&self, s: &ScoredSheet) -> EngagementRows {
        let rev = &self.reviewed;
        let mut disputed = Vec::new();
        let mut actions = Vec::new();
        if let Some(e) = &self.engagement {
            let outdated: BTreeSet<(String, Track)> = rev
                .problems
                .iter()
                .filter_map(|p| match &p.kind {
                    ProblemKind::ReviewOutdated { question, track } => {
                        Some((question.clone(), *track))
                    }
                    _ => None,
                })
                .collect();
            for (q, tracks) in &e.reviews {
                for (&t, r) in tracks {
                    let is_outdated = outdated.contains(&(q.clone(), t));
                    if r.status == ReviewStatus::Accepted && r.value.is_none() && !is_outdated {
                        continue;
                    }
                    let counted = rev
                        .changes
                        .iter()
                        .find(|c| &c.question == q && c.track == t)
                        .and_then(|c| c.counted);
                    disputed.push(DisputedRow {
                        question: q.clone(),
                        track: t,
                        status: r.status.code().to_string(),
                        declared: s.sheet.answer(q, t).map(|a| a.value),
                        accepted: r.value,
                        counted,
                        note: r.note.clone(),
                        date: r.date.clone(),
                        analyst: r.analyst.clone(),
                        outdated: is_outdated,
                    });
                }
            }
            actions = e
                .actions
                .iter()
                .map(|a| ActionRow {
                    id: a.id.clone(),
                    text: a.text.clone(),
                    addresses: a
                        .addresses
                        .iter()
                        .map(|t| match t.track {
                            Some(tr) => format!("{} {}", t.question, tr.code()),
                            None => t.question.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    questions: a.addresses.iter().fold(Vec::new(), |mut v, t| {
                        if !v.contains(&t.question) {
                            v.push(t.question.clone());
                        }
                        v
                    }),
                    owner: a.owner.clone(),
                    due: a.due.clone(),
                    status: a.status.code().to_string(),
                    dropped_reason: a.dropped_reason.clone(),
                    evidence: a.evidence.join("\n"),
                    carried_from: a.carried_from.clone(),
                })
                .collect();
        }
        let dialogue = self
            .engagement
            .iter()
            .flat_map(|e| &e.dialogue)
            .map(|d| DialogueRow {
                date: d.date.clone(),
                kind: d.kind.code().to_string(),
                participants: d.participants.clone(),
                summary: d.summary.clone(),
            })
            .collect();
        EngagementRows {
            engagement: rev.engagement.clone(),
            reviewed: rev.assessment.clone(),
            disputed,
            actions,
            dialogue,
        }
    }
}

/// One engagement file found for `--engagement`, read as text, with what it is about.
struct EngFile {
    source: String,
    text: String,
    name: String,
    id: Option<String>,
    period: String,
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The `.json` files under `paths` (files, or directories searched recursively, hidden entries
/// skipped), in name order.
fn json_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
                .flatten()
            {
                if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json") {
                    out.push(e.path().to_path_buf());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn shown(p: &Path) -> String {
    crate::platform::shown(p)
}

/// The engagement files of `--engagement`, matched to sheets as they are scored.
pub struct EngagementSet {
    files: Vec<EngFile>,
    /// `--engagement` named one file: it is the file of every sheet of the batch.
    single: bool,
}

impl EngagementSet {
    /// Reads the `.json` files under `path`. A file that cannot be read is kept, so that its
    /// problem is reported on the sheet it would have reviewed if its name says which.
    pub fn load(path: &Path, lang: Lang) -> Result<EngagementSet, Fatal> {
        if !path.exists() {
            return Err(Fatal::new(
                lang,
                Cli::FatalEngDir,
                &[
                    ("path", &shown(path)),
                    (
                        "error",
                        &describe(&Problem::error("", ProblemKind::FileNotFound), lang),
                    ),
                ],
            ));
        }
        let mut files = Vec::new();
        for p in json_files(&[path.to_path_buf()]) {
            let text = std::fs::read(&p)
                .ok()
                .and_then(|b| {
                    vigilance_core::location::decode_text(&b)
                        .ok()
                        .map(|t| t.into_owned())
                })
                .unwrap_or_default();
            let v: serde_json::Value =
                serde_json::from_str(vigilance_core::location::strip_bom(&text))
                    .unwrap_or_default();
            let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
            files.push(EngFile {
                source: shown(&p),
                name: normalise(&s(&v["company"]["name"]).unwrap_or_default()),
                id: s(&v["company"]["id"])
                    .map(|i| normalise(&i))
                    .filter(|i| !i.is_empty()),
                period: s(&v["period"]).unwrap_or_default().trim().to_string(),
                text,
            });
        }
        Ok(EngagementSet {
            files,
            single: path.is_file(),
        })
    }

    /// The review of a scored sheet, from its engagement file: the one file `--engagement`
    /// names; else, in the directory, the file named after the sheet (`<sheet>.engagement.json`,
    /// as `engage init` writes it), else a file about the sheet's company (same identifier, or
    /// same name) of the same period, else another of the company's files (then refused, saying
    /// which period it is for). `None` when there is none. The file is read, checked against the
    /// sheet's company, period and grid version, and applied to the sheet as declared (whose
    /// answers the reviews' hashes name); `counted` then turns the reviewed sheet into the one
    /// scored, as it does for the declared one (the evidence of a dossier that does not count
    /// is removed).
    pub fn review(
        &self,
        s: &ScoredSheet,
        options: &ScoringOptions,
        counted: impl FnOnce(&AnswerSheet) -> AnswerSheet,
    ) -> Option<SheetReview> {
        let c = &s.sheet.company;
        let id = c.id.as_deref().map(normalise).filter(|i| !i.is_empty());
        let name = normalise(&c.name);
        let period = s.sheet.period.as_deref().unwrap_or("").trim();
        let ours: Vec<&EngFile> = self
            .files
            .iter()
            .filter(|f| match (&f.id, &id) {
                (Some(a), Some(b)) => a == b,
                _ => !name.is_empty() && f.name == name,
            })
            .collect();
        let same: Vec<&&EngFile> = ours.iter().filter(|f| f.period == period).collect();
        let stem = Path::new(s.source.split(" (").next().unwrap_or(&s.source))
            .file_stem()
            .map(|x| format!("{}.engagement.json", x.to_string_lossy()));
        let named = self.files.iter().find(|f| {
            stem.as_deref().is_some_and(|n| {
                Path::new(&f.source)
                    .file_name()
                    .is_some_and(|f| f.to_string_lossy() == n)
            })
        });
        let file = if self.single {
            self.files.first()?
        } else {
            named
                .or(same.first().copied().copied())
                .or(ours.first().copied())?
        };
        let mut problems: Vec<Problem> = same
            .iter()
            .filter(|f| f.source != file.source)
            .map(|_| {
                Problem::warning(
                    "",
                    ProblemKind::DuplicateEngagement {
                        kept: file.source.clone(),
                    },
                )
            })
            .collect();
        let text = vigilance_core::location::strip_bom(&file.text);
        let locate = |problems: &mut Vec<Problem>| {
            vigilance_core::location::locate_all(text, problems, |_| {
                vigilance_core::location::Target::Value
            });
        };
        let refused = |mut problems: Vec<Problem>| {
            locate(&mut problems);
            Some(SheetReview {
                reviewed: Reviewed {
                    engagement: file.source.clone(),
                    assessment: None,
                    changes: Vec::new(),
                    problems,
                },
                engagement: None,
            })
        };
        // Another grid: said once, before the questions are checked against the wrong grid.
        if let Some((gid, gversion)) = Engagement::peek_questionnaire(&file.text)
            && (gid != s.grid.id || gversion != s.grid.version)
        {
            problems.push(Problem::error(
                "/questionnaire",
                ProblemKind::EngagementOtherGrid {
                    found: format!("{gid}@{gversion}"),
                    expected: format!("{}@{}", s.grid.id, s.grid.version),
                },
            ));
            return refused(problems);
        }
        let parsed = match Engagement::parse_bytes(file.text.as_bytes(), s.grid) {
            Ok(p) => p,
            Err(e) => {
                problems.extend(e.0);
                return refused(problems);
            }
        };
        if let Err(p) = check_matches(&parsed.value, &s.sheet) {
            problems.push(p);
            return refused(problems);
        }
        problems.extend(parsed.warnings);
        let applied = reviewed_sheet(&s.sheet, &parsed.value);
        problems.extend(applied.outdated.iter().cloned());
        let assessment = score(s.grid, &counted(&applied.sheet), options);
        locate(&mut problems);
        Some(SheetReview {
            reviewed: Reviewed {
                engagement: file.source.clone(),
                assessment: Some(assessment),
                changes: applied
                    .applied
                    .iter()
                    .map(|a| ReviewChange {
                        question: a.question.clone(),
                        track: a.track,
                        status: a.status.code().to_string(),
                        declared: a.declared,
                        counted: a.counted,
                    })
                    .collect(),
                problems,
            },
            engagement: Some(parsed.value),
        })
    }
}

/// What to print, for a sheet scored with an engagement file: the levels side by side (unless
/// `quiet`) and the file's warnings, or why the file was not applied (always).
pub fn review_lines(s: &ScoredSheet, r: &SheetReview, lang: Lang, quiet: bool) -> String {
    let rev = &r.reviewed;
    let mut out: Vec<u8> = Vec::new();
    match &rev.assessment {
        Some(a) => {
            if !quiet {
                let code = vigilance_core::codes::maturity_code;
                let _ = writeln!(
                    out,
                    "{}",
                    Cli::EngReviewedLine.fill(
                        lang,
                        &[
                            ("source", &s.source),
                            ("declared", &code(s.assessment.headline_level)),
                            ("reviewed", &code(a.headline_level)),
                            ("engagement", &rev.engagement),
                        ],
                    )
                );
                crate::score::print_warnings(&mut out, &rev.engagement, &rev.problems, lang);
            }
        }
        None => {
            let _ = writeln!(
                out,
                "{} {}",
                Cli::Warning.text(lang),
                Cli::EngNotApplied.fill(
                    lang,
                    &[("engagement", &rev.engagement), ("source", &s.source)]
                )
            );
            for p in &rev.problems {
                let _ = writeln!(out, "  [{}] {}", p.code(), describe(p, lang));
                if let Some(h) = p.kind.help(lang) {
                    let _ = writeln!(out, "    {} {h}", Cli::Help.text(lang));
                }
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Runs `vigilance engage`.
pub fn run(args: &EngageArgs) -> Result<ExitCode, Fatal> {
    match &args.command {
        EngageCommand::Init(a) => init(a),
        EngageCommand::Validate(a) => validate(a),
        EngageCommand::Carry(a) => carry(a),
    }
}

fn create_dir(dir: &Path, lang: Lang) -> Result<(), Fatal> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Fatal::new(
            lang,
            Cli::FatalCreateDir,
            &[("path", &dir.display()), ("error", &e)],
        )
    })
}

/// Today, `YYYY-MM-DD` (`SOURCE_DATE_EPOCH` fixes it, as for the workbook).
fn today() -> String {
    crate::reports::generated_at().chars().take(10).collect()
}

/// The file name of a sheet's engagement file: `<stem>.engagement.json`, numbered when a file
/// holds several sheets or two sheets share a stem.
fn file_name(source: &str, taken: &mut BTreeSet<String>) -> String {
    let base = source.split(" (").next().unwrap_or(source);
    let stem = Path::new(base)
        .file_stem()
        .map_or_else(|| "sheet".to_string(), |s| s.to_string_lossy().into_owned());
    let mut name = format!("{stem}.engagement.json");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{stem}-{n}.engagement.json");
        n += 1;
    }
    name
}

fn write_file(path: &Path, text: &str, lang: Lang) -> Result<(), String> {
    write_to(&Target::File(path.to_path_buf()), lang, |w| {
        w.write_all(text.as_bytes())
    })
    .map_err(|f| f.message)
}

fn init(args: &EngageInitArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    let grids = crate::grid::choice(args.grid.questionnaire.as_deref(), lang)?;
    let date = match &args.date {
        Some(d) if vigilance_engagement::is_date(d) => d.clone(),
        Some(d) => {
            return Err(Fatal::new(
                lang,
                Cli::FatalEngDir,
                &[
                    ("path", &"--date"),
                    (
                        "error",
                        &ProblemKind::InvalidDate { found: d.clone() }.message(lang),
                    ),
                ],
            ));
        }
        None => today(),
    };
    create_dir(&args.output, lang)?;
    let gathered = inputs::gather(&args.inputs);
    let mut report = String::new();
    let mut failed = 0usize;
    let mut written = 0usize;
    for f in &gathered.failures {
        failed += 1;
        report.push_str(&format!("{}: {}\n", f.source, describe(&f.problem, lang)));
    }
    let mut taken = BTreeSet::new();
    for input in &gathered.inputs {
        for read in read_sheets(input, grids, lang) {
            match read.result {
                Err(problems) => {
                    failed += 1;
                    for p in &problems.0 {
                        report.push_str(&format!(
                            "{}: [{}] {}\n",
                            read.source,
                            p.code(),
                            describe(p, lang)
                        ));
                    }
                }
                Ok(parsed) => {
                    let sheet = parsed.value;
                    let assessment = score(read.grid, &sheet, &ScoringOptions::default());
                    let e = Engagement::init(
                        &sheet,
                        read.grid,
                        &assessment,
                        &date,
                        &args.analyst,
                        lang,
                        args.max_actions,
                    );
                    let path = args.output.join(file_name(&read.source, &mut taken));
                    match write_file(&path, &e.to_json_pretty(), lang) {
                        Ok(()) => {
                            written += 1;
                            let reviews: usize = e.reviews.values().map(|t| t.len()).sum();
                            report.push_str(&Cli::EngWritten.fill(
                                lang,
                                &[
                                    ("source", &read.source),
                                    ("path", &shown(&path)),
                                    (
                                        "reviews",
                                        &Cli::EngReviewsListed.count(lang, reviews as u64, &[]),
                                    ),
                                    (
                                        "actions",
                                        &Cli::EngActionsProposed.count(
                                            lang,
                                            e.actions.len() as u64,
                                            &[],
                                        ),
                                    ),
                                ],
                            ));
                            report.push('\n');
                        }
                        Err(m) => {
                            failed += 1;
                            report.push_str(&format!("{}: {m}\n", read.source));
                        }
                    }
                }
            }
        }
    }
    report.push_str(&Cli::EngInitDone.fill(
        lang,
        &[
            ("dir", &shown(&args.output)),
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

/// Reads and checks one engagement file on the grid it names (the latest version of that grid
/// when the version is not built in, which then reports `VG-E09`).
fn read_one(path: &Path) -> Result<vigilance_core::Parsed<Engagement>, Vec<Problem>> {
    let bytes = std::fs::read(path).map_err(|e| vec![inputs::io_problem(&e)])?;
    let text = vigilance_core::location::decode_text(&bytes).map_err(|p| vec![p])?;
    let grid: &Questionnaire = match Engagement::peek_questionnaire(&text) {
        Some((id, version)) => registry::find(&id, &version)
            .or_else(|| registry::latest(&id))
            .unwrap_or_else(registry::default_grid),
        None => registry::default_grid(),
    };
    Engagement::parse(&text, grid).map_err(|p| p.0)
}

fn print_problems(out: &mut String, source: &str, problems: &[Problem], lang: Lang) {
    for p in problems {
        let head = if p.is_error() {
            Cli::Error.text(lang)
        } else {
            Cli::Warning.text(lang)
        };
        out.push_str(&format!(
            "{head} {source}{} [{}] {}\n",
            Msg::Colon.text(lang),
            p.code(),
            describe(p, lang)
        ));
        if let Some(h) = p.kind.help(lang) {
            out.push_str(&format!("  {} {h}\n", Cli::Help.text(lang)));
        }
    }
}

fn validate(args: &EngageValidateArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    let mut out = String::new();
    let mut invalid = 0usize;
    for path in json_files(&args.inputs) {
        let source = shown(&path);
        match read_one(&path) {
            Ok(parsed) => {
                print_problems(&mut out, &source, &parsed.warnings, lang);
                out.push_str(&Cli::EngValid.fill(lang, &[("source", &source)]));
                out.push('\n');
            }
            Err(problems) => {
                invalid += 1;
                print_problems(&mut out, &source, &problems, lang);
            }
        }
    }
    write_to(&Target::Stdout, lang, |w| w.write_all(out.as_bytes()))?;
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn carry(args: &EngageCarryArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    let files = json_files(&args.inputs);
    if files.is_empty() {
        let path = args.inputs.first().map(|p| shown(p)).unwrap_or_default();
        return Err(Fatal::new(lang, Cli::EngNoFile, &[("path", &path)]));
    }
    create_dir(&args.output, lang)?;
    let mut out = String::new();
    let (mut written, mut failed) = (0usize, 0usize);
    for path in files {
        let source = shown(&path);
        match read_one(&path) {
            Err(problems) => {
                failed += 1;
                print_problems(&mut out, &source, &problems, lang);
            }
            Ok(parsed) => {
                let next = parsed.value.carry(&args.to_period);
                let name = path.file_name().map_or_else(
                    || "engagement.json".into(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let target = args.output.join(name);
                match write_file(&target, &next.to_json_pretty(), lang) {
                    Err(m) => {
                        failed += 1;
                        out.push_str(&format!("{source}: {m}\n"));
                    }
                    Ok(()) => {
                        written += 1;
                        let open = next.actions.iter().filter(|a| a.status.is_open()).count();
                        out.push_str(&Cli::EngCarried.fill(
                            lang,
                            &[
                                ("source", &source),
                                ("path", &shown(&target)),
                                ("open", &open),
                                ("history", &(next.actions.len() - open)),
                                ("context", &next.context.len()),
                            ],
                        ));
                        out.push('\n');
                    }
                }
            }
        }
    }
    out.push_str(&Cli::EngCarryDone.fill(
        lang,
        &[
            ("period", &args.to_period),
            ("dir", &shown(&args.output)),
            ("written", &written),
            ("failed", &failed),
        ],
    ));
    out.push('\n');
    write_to(&Target::Stdout, lang, |w| w.write_all(out.as_bytes()))?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
