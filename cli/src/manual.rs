//! `vigilance completions SHELL` and `vigilance manpage`: the shell completion script
//! (clap_complete) and the manual page (clap_mangen), both generated from the clap definitions
//! of `args`, so that they always match the command line.

use crate::args::{Cli, CompletionsArgs, ManpageArgs};
use crate::fatal::Fatal;
use crate::output::{Target, write_to};
use clap::CommandFactory;
use clap_complete::Generator;
use std::process::ExitCode;
use vigilance_core::Lang;

/// The name the scripts and pages give the command.
const BIN: &str = "vigilance";

/// Runs `vigilance completions SHELL`: prints the completion script on standard output.
pub fn completions(args: &CompletionsArgs) -> Result<ExitCode, Fatal> {
    let mut cmd = Cli::command().bin_name(BIN);
    cmd.build();
    // `try_generate` rather than `clap_complete::generate`, which panics on a closed pipe.
    write_to(&Target::Stdout, Lang::default(), |w| {
        args.shell.try_generate(&cmd, w)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `vigilance manpage`: prints the page of `vigilance` (roff), or writes one page per
/// command into `--out-dir` (`vigilance.1`, `vigilance-score.1`…).
pub fn manpage(args: &ManpageArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.lang.into();
    match &args.out_dir {
        None => write_to(&Target::Stdout, lang, |w| {
            clap_mangen::Man::new(Cli::command()).render(w)
        })?,
        Some(dir) => {
            let shown = dir.display();
            std::fs::create_dir_all(dir)
                .and_then(|()| clap_mangen::generate_to(Cli::command(), dir))
                .map_err(|e| {
                    Fatal::new(
                        lang,
                        vigilance_core::Cli::FatalManpages,
                        &[("path", &shown), ("error", &e)],
                    )
                })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
