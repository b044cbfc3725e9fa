//! The words of the rules and the readers ([`Msg`], section `[messages]` of the catalogue), and
//! small helpers around them. The catalogue itself is described in [`crate::catalogue`].

use crate::text::Lang;
use std::fmt::{self, Display};

pub use crate::catalogue::Msg;
use crate::catalogue::Wb;

/// The lines of the scoring rule, in order (the Method sheet writes them).
pub const RULE_LINES: [Wb; 9] = [
    Wb::Rule1,
    Wb::Rule2,
    Wb::Rule3,
    Wb::Rule4,
    Wb::Rule5,
    Wb::Rule6,
    Wb::Rule7,
    Wb::Rule8,
    Wb::Rule9,
];

/// The colon that introduces what follows a label: ` :` in French (with the no-break space
/// French typography requires), `:` in English.
pub fn colon(lang: Lang) -> &'static str {
    Msg::Colon.text(lang)
}

/// Shows `value` with `f` (a short way to pass computed values to `fill`).
pub struct Shown<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result>(pub F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> Display for Shown<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}
