//! Errors that stop a command before it has produced its output (exit status 2): an invalid
//! `--questionnaire`, an output that cannot be written, an option that makes no sense for the
//! data given. The message is already in the user's language.

use std::fmt;
use vigilance_core::Lang;

/// A command cannot do its job; nothing was written.
#[derive(Debug)]
pub struct Fatal {
    /// What went wrong and what to do, in the user's language (may span several lines).
    pub message: String,
}

impl Fatal {
    /// A fatal error from its sentence in each language.
    pub fn new(lang: Lang, fr: impl Into<String>, en: impl Into<String>) -> Fatal {
        Fatal {
            message: match lang {
                Lang::Fr => fr.into(),
                Lang::En => en.into(),
            },
        }
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Fatal {}
