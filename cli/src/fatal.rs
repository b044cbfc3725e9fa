//! Errors that stop a command before it has produced its output (exit status 2): an invalid
//! `--questionnaire`, an output that cannot be written, an option that makes no sense for the
//! data given. The message comes from the catalogue ([`vigilance_core::messages`]), already in
//! the user's language.

use std::fmt::{self, Display};
use vigilance_core::{Cli, Lang};

/// A command cannot do its job; nothing was written.
#[derive(Debug)]
pub struct Fatal {
    /// What went wrong and what to do, in the user's language (may span several lines).
    pub message: String,
}

impl Fatal {
    /// A fatal error from its catalogue entry, filled with `args`, in `lang`.
    pub fn new(lang: Lang, msg: Cli, args: &[(&str, &dyn Display)]) -> Fatal {
        Fatal {
            message: msg.fill(lang, args),
        }
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fatal {}
