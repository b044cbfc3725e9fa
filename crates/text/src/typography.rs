//! Typography: the spaces a language puts around some punctuation, in one place.
//!
//! Each language file of the catalogue declares its rules in `[language.typography]` (French:
//! a narrow no-break space, U+202F, before « ; ? ! » and inside « », a no-break space, U+00A0,
//! before « : » and « % »). [`Rules::apply`] only ever replaces a space that is already written
//! there, so it cannot touch a URL (`https://…?a=b`), a time (`10:30`), a JSON key
//! (`"justification": …`) or a `{placeholder}`; and it leaves code between backticks as it is. The build applies it to every entry of the
//! catalogue; [`crate::Lang::typeset`] applies it at run time to the grid's texts.
//!
//! This file is also compiled into the catalogue's build script (`build.rs`), so that the build
//! and the run time share the very same rule.

use std::borrow::Cow;

/// The narrow no-break space (U+202F).
pub const NARROW_NBSP: char = '\u{202f}';
/// The no-break space (U+00A0).
pub const NBSP: char = '\u{a0}';

/// The spacing rules of a language. English has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules<'a> {
    /// Signs preceded by a narrow no-break space (French: `;`, `?`, `!`, `»`).
    pub narrow_before: &'a [char],
    /// Signs followed by a narrow no-break space (French: `«`).
    pub narrow_after: &'a [char],
    /// Signs preceded by a no-break space (French: `:`, `%`).
    pub nbsp_before: &'a [char],
}

/// A space, breaking or not, as far as the rules are concerned.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NARROW_NBSP)
}

/// For each character, whether it stands between backticks (code, left as it is).
fn in_code(chars: &[char]) -> Vec<bool> {
    let mut inside = false;
    chars
        .iter()
        .map(|&c| {
            if c == '`' {
                inside = !inside;
                true
            } else {
                inside
            }
        })
        .collect()
}

impl Rules<'_> {
    /// Whether the language has no rule at all.
    pub fn is_empty(&self) -> bool {
        self.narrow_before.is_empty() && self.narrow_after.is_empty() && self.nbsp_before.is_empty()
    }

    /// The space wanted before `c`, if any.
    fn before(&self, c: char) -> Option<char> {
        if self.narrow_before.contains(&c) {
            Some(NARROW_NBSP)
        } else if self.nbsp_before.contains(&c) {
            Some(NBSP)
        } else {
            None
        }
    }

    /// `text` with the spaces before and after the rules' signs made the right no-break spaces.
    /// Only a space already written is changed: none is added or removed.
    pub fn apply<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.is_empty() {
            return Cow::Borrowed(text);
        }
        let chars: Vec<char> = text.chars().collect();
        let code = in_code(&chars);
        let mut out = String::with_capacity(text.len() + 8);
        for (i, &c) in chars.iter().enumerate() {
            let mut c = c;
            if is_space(c) && !code[i] {
                let next = chars.get(i + 1).copied();
                let prev = i.checked_sub(1).map(|p| chars[p]);
                if let Some(want) = next.and_then(|n| self.before(n)) {
                    c = want;
                } else if prev.is_some_and(|p| self.narrow_after.contains(&p)) {
                    c = NARROW_NBSP;
                }
            }
            out.push(c);
        }
        if out == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(out)
        }
    }

    /// Where `text` breaks the rules: a wrong space before or after a sign, or a sign glued to
    /// the word before it (`mot;` instead of `mot ;`) or after it (`«mot`). Empty when it follows
    /// them. A sign followed by anything but a space or the end (`10:30`, `https://`, `?a=b`) is
    /// not punctuation and is left alone.
    pub fn violations(&self, text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        let around = |i: usize| -> String {
            let from = i.saturating_sub(12);
            let to = (i + 12).min(chars.len());
            chars[from..to].iter().collect()
        };
        let code = in_code(&chars);
        for (i, &c) in chars.iter().enumerate() {
            if code[i] {
                continue;
            }
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            if let Some(want) = self.before(c) {
                match prev {
                    Some(p) if is_space(p) && p != want => found.push(format!(
                        "U+{:04X} expected before `{c}` in «{}»",
                        want as u32,
                        around(i)
                    )),
                    Some(p) if p.is_alphanumeric() && next.is_none_or(char::is_whitespace) => {
                        found.push(format!("no space before `{c}` in «{}»", around(i)))
                    }
                    _ => {}
                }
            }
            if self.narrow_after.contains(&c) {
                match next {
                    Some(n) if is_space(n) && n != NARROW_NBSP => {
                        found.push(format!("U+202F expected after `{c}` in «{}»", around(i)))
                    }
                    Some(n) if n.is_alphanumeric() => {
                        found.push(format!("no space after `{c}` in «{}»", around(i)))
                    }
                    _ => {}
                }
            }
        }
        found
    }
}
