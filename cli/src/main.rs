//! The `vigilance` command: batch-score answer sheets of the RHSF/FIR four-level maturity grid
//! (child labour and forced labour in supply chains), validate them, make fillable templates,
//! and show the grid.
//!
//! Each subcommand lives in its own module (`score`, `validate`, `template`, `questionnaire`,
//! `review` for `vigilance report`, `migrate`, `dossier`, `manual` for the completion scripts and the manual
//! page);
//! `args` holds the clap definitions and help texts, `inputs` turns command-line inputs into
//! files to read, `sheets` reads them with the core readers, `output` writes files atomically.
//! Exit statuses: 0 success, 1 some inputs could not be scored or are invalid, 2 usage error.

mod args;
mod dossier;
mod engage;
mod fatal;
mod grid;
mod inputs;
mod manual;
mod migrate;
mod output;
mod platform;
mod questionnaire;
mod reports;
mod review;
mod score;
mod sheets;
mod template;
mod validate;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match &cli.command {
        args::Command::Score(a) => score::run(a),
        args::Command::Validate(a) => validate::run(a),
        args::Command::Template(a) => template::run(a),
        args::Command::Report(a) => review::run(a),
        args::Command::Questionnaire(a) => questionnaire::run(a),
        args::Command::Completions(a) => manual::completions(a),
        args::Command::Manpage(a) => manual::manpage(a),
        args::Command::Migrate(a) => migrate::run(a),
        args::Command::Dossier(a) => dossier::run(a),
        args::Command::Engage(a) => engage::run(a),
    };
    match result {
        Ok(code) => code,
        Err(fatal) => {
            let _ = writeln!(std::io::stderr(), "vigilance: {fatal}");
            ExitCode::from(2)
        }
    }
}
