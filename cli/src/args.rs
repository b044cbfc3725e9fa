//! The command line as clap sees it: subcommands, options, their help texts and the exit
//! statuses. Everything here is in English (usage text); messages about the user's data follow
//! `--lang` and live with the commands.

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use std::path::PathBuf;
use vigilance_core::report::csv::Delimiter;
use vigilance_core::{EvidenceMode, Lang, Percent};

/// What every command's `--help` ends with: the exit statuses.
const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  every input was scored (score) or is valid (validate); the command did its job
  1  some inputs could not be scored or are invalid; with `score`, everything else is still
     scored and written, and the failures are listed on standard error and in the output
  2  usage error: unknown option, bad value, an invalid --questionnaire, or an output that
     cannot be written (nothing is written then)";

const SCORE_AFTER_HELP: &str = "\
Examples:
  vigilance score answers/ -o portfolio.xlsx            Excel workbook, in French
  vigilance score answers/ --lang en -o portfolio.xlsx  the same, in English
  vigilance score a.json b.json                         result document (JSON) on stdout
  vigilance score answers/ --format csv -o summary.csv  one row per company and track
  vigilance score answers/ -o summary.csv --csv-delimiter semicolon   for Excel set to French
  vigilance score answers/ --previous 2024/ -o 2025.xlsx
  vigilance score answers/ --engagement engagement/ -o 2025.xlsx   as declared and as reviewed
  cat sheet.json | vigilance score -                    read one sheet from standard input

Inputs: files (.json answer sheets, .xlsx workbooks from `vigilance template`, .csv in the
matrix layout), directories (searched recursively for those three kinds; hidden files and
Excel lock files `~$...` are skipped) and `-` for standard input. Results are sorted by source
path. An input that cannot be read or scored is reported by name with what to do, and the rest
of the batch is still scored.

Exit status:
  0  every input was scored
  1  some inputs could not be scored: everything else is still scored and written, and the
     failures are listed on standard error and in the output (JSON `errors`, the workbook's
     Errors sheet)
  2  usage error: unknown option, bad value, an invalid --questionnaire, or an output that
     cannot be written (nothing is written then)";

const VALIDATE_AFTER_HELP: &str = "\
Each problem is printed with its file, its line and column (or cell), the snippet of the file
around it and a line saying what to do. Warnings (for example a sheet that answers another
version of the questionnaire) are printed too but do not make a file invalid.

Exit status:
  0  every file is valid
  1  at least one file has an error (or could not be read)
  2  usage error";

const REPORT_AFTER_HELP: &str = "\
Examples:
  vigilance report answers/ -o review.html
  vigilance report answers/2025/ --previous answers/2024/ --lang en -o review.html
  vigilance report answers/ --targets targets.csv -o review.html
  vigilance report answers/ --engagement engagement/ -o review.html
  vigilance report answers/ --previous answers/2024/ --anonymize -o public-review.html

The review is one HTML file (no script, no external request) that prints to A4: cover, key
figures, companies per level, changes since --previous, theme heat map, sector view, blocking
critical questions, common next steps, targets, the analysts' review (--engagement), one page
per company, and the method.

--engagement adds the levels as reviewed beside the declared ones, how many companies were
reviewed lower, and the open actions by question; each company page shows its challenged
answers, dialogue and action plan. A bad engagement file is reported and its company is
shown as declared.

--targets reads a CSV with a header row: company (identifier or name), track (CL, FL or
headline), target (N1 to N4) and deadline (a year or a date), `,` or `;` between cells.
--anonymize leaves out every company name, identifier and company text (the analysts' notes,
the owners and the actions' text too), and groups sectors of fewer than 3 companies.

Exit status:
  0  every input was scored and the review written
  1  some inputs could not be scored: they are listed on standard error and left out
  2  usage error: bad option, an invalid --questionnaire or --targets file, no sheet to
     review, or an output that cannot be written (nothing is written then)";
/// `vigilance --version`: the package version and the commit it was built from (cli/build.rs).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("VIGILANCE_BUILD_COMMIT"),
    ")"
);

/// Score, validate and export answer sheets of the RHSF/FIR four-level maturity grid on child
/// labour and forced labour in supply chains.
#[derive(Debug, Parser)]
#[command(
    name = "vigilance",
    version = VERSION,
    about = "Score how well companies prevent child labour and forced labour in their supply chains (RHSF/FIR four-level maturity grid).",
    long_about = "Score how well companies prevent child labour and forced labour in their supply chains, \
with the four-level RHSF/FIR maturity grid (N1 knowledge, N2 commitment, N3 targeting, N4 relevance \
of the measures deployed).\n\nCompanies answer the questionnaire (in the browser app, in a workbook \
from `vigilance template`, or in JSON); `vigilance score` turns a batch of answer sheets into an \
Excel workbook, a JSON result document or a CSV summary.",
    after_help = EXIT_STATUS_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score answer sheets and write a workbook, a JSON result document or a CSV summary.
    #[command(after_help = SCORE_AFTER_HELP)]
    Score(ScoreArgs),
    /// Check answer sheets (and a questionnaire file) and print every problem found.
    #[command(after_help = VALIDATE_AFTER_HELP)]
    Validate(ValidateArgs),
    /// Write a fillable Excel answer workbook (one sheet per company, or --matrix for a portfolio).
    #[command(after_help = "Examples:\n  vigilance template -o answers.xlsx\n  vigilance template --lang en --matrix -o portfolio.xlsx\n\n\
`vigilance score` reads both layouts back.\n\n".to_string() + EXIT_STATUS_HELP)]
    Template(TemplateArgs),
    /// Write the campaign review: a printable, self-contained HTML report of a portfolio.
    #[command(after_help = REPORT_AFTER_HELP)]
    Report(ReportArgs),
    /// Print the questionnaire as a readable table, or the JSON Schemas of the file formats.
    #[command(
        after_help = "Examples:\n  vigilance questionnaire show --lang en\n  vigilance questionnaire schema answers > answers.schema.json\n  vigilance questionnaire schema --out-dir schemas/"
    )]
    Questionnaire(QuestionnaireArgs),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = COMPLETIONS_AFTER_HELP)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a directory.
    #[command(
        after_help = "Examples:\n  vigilance manpage | man -l -\n  vigilance manpage > /usr/local/share/man/man1/vigilance.1\n  vigilance manpage --out-dir man/      vigilance.1, vigilance-score.1, …"
    )]
    Manpage(ManpageArgs),
    /// Move answer sheets to a later version of their grid: carry over the answers to unchanged
    /// questions, leave new and revised ones unanswered, and report every change.
    #[command(
        after_help = "Examples:\n  vigilance migrate questionnaires/examples --to 1.1.0 -o migrated/\n  vigilance migrate acme-2025.json -o migrated/ --lang en\n\nThe original sheets are never modified. A migrated result is provisional until the new questions are answered.\n\n".to_string() + EXIT_STATUS_HELP
    )]
    Migrate(MigrateArgs),
    /// Make, check and open evidence dossiers: one zip with the answer sheet, the documents
    /// behind the answers and a manifest, whose fingerprint proves nothing was changed.
    #[command(after_help = DOSSIER_AFTER_HELP)]
    Dossier(DossierArgs),
    /// Engagement files: the analyst's review of each sheet, the dialogue log, the action plan.
    #[command(after_help = ENGAGE_AFTER_HELP)]
    Engage(EngageArgs),
}

const DOSSIER_AFTER_HELP: &str = "\
Examples:
  vigilance dossier pack acme.json plan-2025.pdf audit.pdf -o acme-dossier.zip
  vigilance dossier pack acme.xlsx *.pdf --map documents.csv -o acme-dossier.zip
  vigilance dossier verify acme-dossier.zip --fingerprint 3f5a…
  vigilance dossier extract acme-dossier.zip -o acme/

`score`, `validate`, `report` and `migrate` read dossiers (.zip) as they read sheets. The --map CSV
has the columns file,title,date,valid_until,answers (dates YYYY-MM-DD, answers as Q01:CL Q05:FL);
without it, each file supports no answer and is dated by its modification time.";

/// `vigilance dossier`.
#[derive(Debug, Args)]
pub struct DossierArgs {
    /// What to do with dossiers.
    #[command(subcommand)]
    pub action: DossierAction,
}

/// The dossier subcommands.
#[derive(Debug, Subcommand)]
pub enum DossierAction {
    /// Pack an answer sheet and its documents into one dossier file.
    Pack(PackArgs),
    /// Verify dossiers and print each one's fingerprint (exit 1 if any is refused).
    Verify(VerifyArgs),
    /// Verify a dossier, then write its entries into a directory (and nowhere else).
    Extract(ExtractArgs),
}

/// `vigilance dossier pack`.
#[derive(Debug, Args)]
pub struct PackArgs {
    /// The answer sheet (.json, or a filled .xlsx template; one company).
    #[arg(value_name = "SHEET", value_hint = ValueHint::FilePath)]
    pub sheet: PathBuf,
    /// The documents to attach.
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// The dossier to write (.zip).
    #[arg(short, long, value_name = "DOSSIER.zip", required = true)]
    pub output: PathBuf,
    /// CSV describing the documents: file,title,date,valid_until,answers.
    #[arg(long, value_name = "FILE.csv", value_hint = ValueHint::FilePath)]
    pub map: Option<PathBuf>,
    #[command(flatten)]
    pub grid: GridArgs,
}

/// `vigilance dossier verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The dossiers to verify.
    #[arg(value_name = "DOSSIER", required = true, value_hint = ValueHint::FilePath)]
    pub dossiers: Vec<PathBuf>,
    /// The fingerprint the company sent (64 hex digits): a dossier with another is refused.
    #[arg(long, value_name = "HEX")]
    pub fingerprint: Option<String>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

/// `vigilance dossier extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The dossier to extract.
    #[arg(value_name = "DOSSIER", value_hint = ValueHint::FilePath)]
    pub dossier: PathBuf,
    /// The directory to write into (created if missing; existing files are not overwritten).
    #[arg(short, long, value_name = "DIR", required = true, value_hint = ValueHint::DirPath)]
    pub output: PathBuf,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

const ENGAGE_AFTER_HELP: &str = "\
Examples:
  vigilance engage init answers/ -o engagement/ --analyst CM
  vigilance engage validate engagement/
  vigilance score answers/ --engagement engagement/ -o results.xlsx
  vigilance engage carry engagement/ --to-period 2026 -o engagement-2026/

An engagement file (vigilance.engagement/1, docs/formats.md) is JSON, edited directly: `init`
lists every declared answer as accepted as declared; change the status of those you challenge
or reject, add a note and the value you accept, and keep the actions agreed. Nothing in it is
ever written into the answer sheets.

Exit status:
  0  every file was written (init, carry) or is valid (validate)
  1  some inputs could not be used: they are listed, the others are still handled
  2  usage error";

/// `vigilance engage`.
#[derive(Debug, Args)]
pub struct EngageArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: EngageCommand,
}

/// The subcommands of `vigilance engage`.
#[derive(Debug, Subcommand)]
pub enum EngageCommand {
    /// Write one engagement file per answer sheet: its answers listed for review, an action
    /// plan proposed from the result's next steps.
    Init(EngageInitArgs),
    /// Check engagement files and print every problem found, with its code.
    Validate(EngageValidateArgs),
    /// Start the next period's engagement files: open actions carried over, done actions kept
    /// as history, past challenges listed as context.
    Carry(EngageCarryArgs),
}

/// `vigilance engage init`.
#[derive(Debug, Args)]
pub struct EngageInitArgs {
    /// Answer sheets: files (.json, .xlsx, .csv) or directories.
    #[arg(value_name = "SHEETS", required = true, value_hint = ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub grid: GridArgs,
    /// Directory to write the engagement files into (`<sheet>.engagement.json`; created if
    /// missing).
    #[arg(short, long, value_name = "DIR", required = true)]
    pub output: PathBuf,
    /// The analyst's initials, written on every review.
    #[arg(long, value_name = "INITIALS", default_value = "")]
    pub analyst: String,
    /// The date written on every review (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Most actions proposed per company.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_actions: usize,
}

/// `vigilance engage validate`.
#[derive(Debug, Args)]
pub struct EngageValidateArgs {
    /// Engagement files (.json) or directories.
    #[arg(value_name = "FILES", required = true, value_hint = ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

/// `vigilance engage carry`.
#[derive(Debug, Args)]
pub struct EngageCarryArgs {
    /// Engagement files (.json) or directories of the period that ends.
    #[arg(value_name = "DIR", required = true, value_hint = ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,
    /// The new period (`2026`).
    #[arg(long, value_name = "PERIOD", required = true)]
    pub to_period: String,
    /// Directory to write the new files into (same file names; created if missing).
    #[arg(short, long, value_name = "DIR", required = true)]
    pub output: PathBuf,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

const COMPLETIONS_AFTER_HELP: &str = "\
Examples:
  vigilance completions bash > ~/.local/share/bash-completion/completions/vigilance
  vigilance completions zsh > ~/.zfunc/_vigilance     (with fpath+=~/.zfunc in ~/.zshrc)
  vigilance completions fish > ~/.config/fish/completions/vigilance.fish
  vigilance completions powershell >> $PROFILE";

/// Language of everything Vigilance says about the data: any language of the catalogue
/// (`crates/text/catalogue/*.toml`), named by its code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangArg(pub Lang);

/// Every language, as `--lang` values.
const LANG_ARGS: [LangArg; Lang::ALL.len()] = {
    let mut out = [LangArg(Lang::ALL[0]); Lang::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = LangArg(Lang::ALL[i]);
        i += 1;
    }
    out
};

impl ValueEnum for LangArg {
    fn value_variants<'a>() -> &'a [Self] {
        &LANG_ARGS
    }

    /// The language's code, with its name in English (the language of the usage text).
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.code()).help(Lang::En.name_of(self.0)))
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        l.0
    }
}

/// How answers without evidence count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum EvidenceModeArg {
    /// Answers count as declared (self-assessment)
    #[default]
    Declarative,
    /// A `yes` without evidence counts 0.5, a `partial` without evidence 0.25
    Substantiated,
}

impl From<EvidenceModeArg> for EvidenceMode {
    fn from(m: EvidenceModeArg) -> EvidenceMode {
        match m {
            EvidenceModeArg::Declarative => EvidenceMode::Declarative,
            EvidenceModeArg::Substantiated => EvidenceMode::Substantiated,
        }
    }
}

/// Output formats of `score`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Excel workbook: Summary, Cohort, Themes, Answers, Next steps, Errors, Method
    Xlsx,
    /// The `vigilance.results/2` result document: results refer to grid texts written once
    Json,
    /// JSON Lines: a line of grid texts, then one result per line, then one line per error
    Jsonl,
    /// One row per company and track with the summary figures
    Csv,
}

impl Format {
    /// The format a file name's extension implies.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(Format::Xlsx),
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Field separators of the CSV output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum CsvDelimiterArg {
    /// `,` and a decimal point (for tools)
    #[default]
    Comma,
    /// `;`, a decimal comma and a byte-order mark (for Excel set to French)
    Semicolon,
    /// a tab and a decimal point
    Tab,
}

impl From<CsvDelimiterArg> for Delimiter {
    fn from(d: CsvDelimiterArg) -> Delimiter {
        match d {
            CsvDelimiterArg::Comma => Delimiter::Comma,
            CsvDelimiterArg::Semicolon => Delimiter::Semicolon,
            CsvDelimiterArg::Tab => Delimiter::Tab,
        }
    }
}

/// Options shared by the commands that read the questionnaire.
#[derive(Debug, Args)]
pub struct GridArgs {
    /// One grid for every sheet: a built-in grid (`rhsf-fir@1.0.0`, `rhsf-fir@1.1.0`,
    /// `rhsf-fir-sme`; see `vigilance questionnaire list`) or a questionnaire file. Default: each
    /// sheet on the built-in grid version it names (`rhsf-fir` 1.0.0 when it names none).
    #[arg(long, value_name = "GRID|FILE", value_hint = ValueHint::FilePath)]
    pub questionnaire: Option<PathBuf>,
    /// Language of messages and reports.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

/// `vigilance score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Answer sheets: files (.json, .xlsx, .csv, dossiers .zip), directories, or `-` for
    /// standard input.
    #[arg(value_name = "INPUTS", required = true, value_hint = ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub grid: GridArgs,
    /// How answers without evidence count.
    #[arg(long, value_enum, default_value_t = EvidenceModeArg::Declarative)]
    pub evidence_mode: EvidenceModeArg,
    /// Substantiated mode: an attached document dated more than this many months before the
    /// period's end (or past its valid-until date) counts as no evidence.
    #[arg(long, value_name = "MONTHS", default_value_t = 24)]
    pub evidence_max_age: u32,
    /// Level threshold in percent (0 to 100, up to three decimals); default: the questionnaire's (70).
    #[arg(long, value_name = "PERCENT", value_parser = parse_threshold)]
    pub threshold: Option<Percent>,
    /// Output format [default: from the -o file's extension, else xlsx; json on standard output].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where to write the output (`-` = standard output, the default).
    #[arg(short, long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Field separator of the CSV output. `semicolon` writes what spreadsheet apps set to French
    /// open by a double click: `;` between fields, a decimal comma, a UTF-8 byte-order mark.
    #[arg(long, value_enum, default_value_t = CsvDelimiterArg::Comma)]
    pub csv_delimiter: CsvDelimiterArg,
    /// Answer sheets of an earlier campaign (file or directory): the workbook then shows each
    /// company's change in level and scores.
    #[arg(long, value_name = "FILE_OR_DIR", value_hint = ValueHint::AnyPath)]
    pub previous: Option<PathBuf>,
    /// Engagement files (a directory, or one file): each sheet is also scored as reviewed by
    /// the analyst, shown beside the result as declared. A bad or outdated file is reported and
    /// never stops the batch.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::AnyPath)]
    pub engagement: Option<PathBuf>,
    /// Engagement targets (CSV: company, track, target, deadline, as for `report`): the
    /// workbook's Targets sheet rates each one.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub targets: Option<PathBuf>,
    /// JSON and JSON Lines: give every result its own texts (question texts, recommendations,
    /// labels, requirement references) instead of one `grids` section, as in
    /// `vigilance.results/1`: larger, but each result stands alone.
    #[arg(long)]
    pub embed_texts: bool,
    /// Workbook: add the detailed "Coverage" sheet, one row per company × requirement × track
    /// (about 200 rows per company on grid 1.2.0). Without it, per-company coverage is
    /// "Coverage (by framework)": one row per company × framework, a cell per requirement.
    #[arg(long)]
    pub coverage_detail: bool,
    /// Workbook: write the Answers sheet (one row per company and question, both tracks side
    /// by side) whatever the number of companies. By default it is written up to 5,000
    /// companies and left out past that, as the Method sheet then says; the JSON and JSON
    /// Lines outputs always hold every answer.
    #[arg(long)]
    pub answers_sheet: bool,
    /// Do not print the summary line and the progress bar on standard error (failures are
    /// still printed).
    #[arg(short, long)]
    pub quiet: bool,
}

/// `vigilance report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Answer sheets of the campaign: files (.json, .xlsx, .csv) or directories.
    #[arg(value_name = "INPUTS", required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub grid: GridArgs,
    /// Answer sheets of the previous campaign (file or directory): adds the year-over-year
    /// transitions and each company's change.
    #[arg(long, value_name = "FILE_OR_DIR")]
    pub previous: Option<PathBuf>,
    /// Engagement targets (CSV: company, track, target, deadline): each company's status.
    #[arg(long, value_name = "FILE")]
    pub targets: Option<PathBuf>,
    /// Engagement files (a file, or a directory of them, as for `score --engagement`): adds
    /// the levels as reviewed beside the declared ones and the open actions.
    #[arg(long, value_name = "FILE_OR_DIR", value_hint = ValueHint::AnyPath)]
    pub engagement: Option<PathBuf>,
    /// Name no company and show no company text: the edition a coalition publishes.
    #[arg(long)]
    pub anonymize: bool,
    /// Write the one-page summary of this company instead of the review: its identifier, else
    /// its name, as in the sheets (case and spacing ignored). Repeat for several companies.
    #[arg(long, value_name = "ID_OR_NAME")]
    pub company: Vec<String>,
    /// How answers without evidence count.
    #[arg(long, value_enum, default_value_t = EvidenceModeArg::Declarative)]
    pub evidence_mode: EvidenceModeArg,
    /// Substantiated mode: an attached document dated more than this many months before the
    /// period's end (or past its valid-until date) counts as no evidence.
    #[arg(long, value_name = "MONTHS", default_value_t = 24)]
    pub evidence_max_age: u32,
    /// Level threshold in percent; default: the questionnaire's (70).
    #[arg(long, value_name = "PERCENT", value_parser = parse_threshold)]
    pub threshold: Option<Percent>,
    /// The HTML file to write (`-` = standard output).
    #[arg(short, long, value_name = "FILE.html", required = true)]
    pub output: PathBuf,
    /// Do not print the summary line and the sheets' warnings on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `vigilance validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Answer sheets to check: files (.json, .xlsx, .csv), directories, or `-` for standard
    /// input. May be empty when only --questionnaire is checked.
    #[arg(
        value_name = "INPUTS",
        required_unless_present = "questionnaire",
        value_hint = ValueHint::AnyPath
    )]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub grid: GridArgs,
}

/// `vigilance template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Language of the workbook.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
    /// One sheet where each row is a company and each column a (question, track): how an
    /// analyst scores a portfolio by hand.
    #[arg(long)]
    pub matrix: bool,
    /// Grid to use: a built-in grid (`rhsf-fir@1.0.0`, `rhsf-fir@1.1.0`, `rhsf-fir-sme`; see
    /// `vigilance questionnaire list`) or a questionnaire file. Default: the latest `rhsf-fir`.
    #[arg(long, value_name = "GRID|FILE", value_hint = ValueHint::FilePath)]
    pub questionnaire: Option<PathBuf>,
    /// The workbook to write (`.xlsx`).
    #[arg(short, long, value_name = "FILE.xlsx", required = true, value_hint = ValueHint::FilePath)]
    pub output: PathBuf,
}

/// `vigilance questionnaire`.
#[derive(Debug, Args)]
pub struct QuestionnaireArgs {
    /// `show` (the default) or `schema`.
    #[command(subcommand)]
    pub action: Option<QuestionnaireAction>,
}

/// What `vigilance questionnaire` prints.
#[derive(Debug, Subcommand)]
pub enum QuestionnaireAction {
    /// Print the grid as a table: level, id, tracks, critical, question text.
    Show(ShowArgs),
    /// List the built-in grids and their versions.
    List(ListArgs),
    /// Print a JSON Schema of the file formats, or write all of them to a directory.
    Schema(SchemaArgs),
}

/// `vigilance questionnaire show`.
#[derive(Debug, Default, Args)]
pub struct ShowArgs {
    /// Grid to show: a built-in grid (`rhsf-fir`, `rhsf-fir@1.0.0`, `rhsf-fir-sme`) or a
    /// questionnaire file; default: the latest `rhsf-fir`.
    #[arg(long, value_name = "GRID|FILE", value_hint = ValueHint::FilePath)]
    pub questionnaire: Option<PathBuf>,
    /// Language of the table.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
    /// Width of the table in characters.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(60..=400))]
    pub width: u16,
    /// Also print, for each framework the grid maps to (duty of vigilance, CSDDD, ESRS S2…),
    /// which of its requirements the grid covers and with which questions.
    #[arg(long)]
    pub mappings: bool,
}

/// `vigilance questionnaire list`.
#[derive(Debug, Default, Args)]
pub struct ListArgs {
    /// Language of the list.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

/// `vigilance migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Answer sheets (JSON) to move to a later version of their grid.
    #[arg(value_name = "SHEETS", required = true)]
    pub inputs: Vec<PathBuf>,
    /// The target version (`1.1.0`) or grid (`rhsf-fir@1.1.0`); default: the latest version of
    /// each sheet's grid.
    #[arg(long, value_name = "VERSION")]
    pub to: Option<String>,
    /// Directory to write the migrated sheets into (same file names; created if missing).
    #[arg(short, long, value_name = "DIR", required = true)]
    pub output: PathBuf,
    /// Language of the report.
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

/// Which schema to print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// Answer sheets (`vigilance.answers/1`)
    #[default]
    Answers,
    /// Questionnaire files (`vigilance.questionnaire/1`)
    Questionnaire,
    /// Result documents (`vigilance.results/1`)
    Results,
}

/// `vigilance questionnaire schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema to print.
    #[arg(value_enum, default_value_t = SchemaKind::Answers)]
    pub kind: SchemaKind,
    /// Write all three schemas into this directory instead (answers.schema.json,
    /// questionnaire.schema.json, results.schema.json).
    #[arg(long, value_name = "DIR", conflicts_with = "kind", value_hint = ValueHint::DirPath)]
    pub out_dir: Option<PathBuf>,
}

/// `vigilance completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `vigilance manpage`.
#[derive(Debug, Args)]
pub struct ManpageArgs {
    /// Write `vigilance.1` and one page per command (`vigilance-score.1`…) into this directory
    /// instead of printing the main page.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out_dir: Option<PathBuf>,
    /// Language of error messages (the manual itself is in English, as the usage text).
    #[arg(long, value_enum, default_value_t = LangArg::default())]
    pub lang: LangArg,
}

/// Reads `70`, `70%` or `66.667` as a threshold.
fn parse_threshold(s: &str) -> Result<Percent, String> {
    let t = s.trim().trim_end_matches('%').trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .and_then(Percent::from_f64)
        .ok_or_else(|| {
            format!("`{s}` is not a percentage from 0 to 100 with at most three decimals")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn thresholds() {
        assert_eq!(parse_threshold("70").map(|p| p.thousandths), Ok(70_000));
        assert_eq!(
            parse_threshold("66.667%").map(|p| p.thousandths),
            Ok(66_667)
        );
        assert!(parse_threshold("101").is_err());
        assert!(parse_threshold("abc").is_err());
        assert!(parse_threshold("NaN").is_err());
    }
}
