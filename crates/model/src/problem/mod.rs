//! Problems found in an input: what is wrong ([`ProblemKind`], with its stable code), where
//! ([`Place`]: a JSON path with line and column, a cell, a CSV line), how serious (error or
//! warning), and what to do, in French and in English.
//!
//! [`Problem`] joins a kind to its place; [`Problems`] is the error a loader returns, holding
//! every problem found at once rather than just the first. The sentences come from the
//! catalogue ([`crate::messages`]).

mod kind;
mod samples;
mod sentence;

pub use kind::{IdKind, JsonType, NumberKind, ProblemKind, TemplateClue};

use crate::messages::{Msg, colon};
use crate::text::Lang;
use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file is still used; the problem is reported beside the result.
    Warning,
    /// The file cannot be used until the problem is fixed.
    Error,
}

/// A place in the source text: byte offset and length, and 1-based line and column (in
/// characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first character.
    pub offset: usize,
    /// Length in bytes (at least 1 where the text is not empty).
    pub len: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Span {
    /// The span of `len` bytes at byte `offset` of `text`, with its line and column.
    pub fn at(text: &str, offset: usize, len: usize) -> Span {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Span {
            offset,
            len: len.min(text.len() - offset),
            line,
            column,
        }
    }

    /// The span of a 1-based line and column (as serde_json reports them).
    pub fn from_line_column(text: &str, line: usize, column: usize) -> Span {
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col_bytes: usize = l
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                offset += col_bytes;
                break;
            }
            offset += l.len();
        }
        let len = text[offset.min(text.len())..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Span {
            offset: offset.min(text.len()),
            len,
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// Where a problem stands in its input.
///
/// Its [`Display`](fmt::Display) is the stable, machine form written in the `path` field of the
/// result JSON (`/answers/Q01/CL`, `Réponses!H63`, `line 12, column Q01 CL`);
/// [`Problem::place`] says it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A JSON pointer in the file (`/answers/Q01/CL`); empty for the whole file. The line and
    /// column, when known, are in [`Problem::span`].
    Json(String),
    /// A cell of a workbook: `Réponses!H63` (the sheet name quoted as Excel does when needed).
    Cell(String),
    /// A row of a workbook sheet (1-based), for what concerns the whole row.
    Row(u32),
    /// A line of a CSV file (1-based, as a text editor counts), with the header of the column
    /// when the problem is about one cell.
    Line {
        /// The line.
        line: u64,
        /// The column's header (or its 1-based number when the header is blank).
        column: Option<String>,
    },
}

impl Place {
    /// The whole file.
    pub fn file() -> Place {
        Place::Json(String::new())
    }

    /// Whether it is the whole file (no particular place).
    pub fn is_empty(&self) -> bool {
        matches!(self, Place::Json(p) if p.is_empty())
    }

    /// The JSON pointer, when the place is one.
    pub fn json_pointer(&self) -> Option<&str> {
        match self {
            Place::Json(p) => Some(p),
            _ => None,
        }
    }

    /// The place in words, in `lang`: « cellule Réponses!H63 », "line 12, column Q01 CL". A
    /// JSON place with a known span reads « ligne 3, colonne 7 (/answers/Q01) ».
    pub fn describe(&self, span: Option<Span>, lang: Lang) -> String {
        match self {
            Place::Json(p) => {
                let path = if p.is_empty() { "/" } else { p.as_str() };
                match span {
                    Some(s) => Msg::PlaceLineColumnPath.fill(
                        lang,
                        &[("line", &s.line), ("column", &s.column), ("path", &path)],
                    ),
                    None => Msg::PlacePath.fill(lang, &[("path", &path)]),
                }
            }
            Place::Cell(c) => Msg::PlaceCell.fill(lang, &[("cell", c)]),
            Place::Row(r) => Msg::PlaceRow.fill(lang, &[("row", r)]),
            Place::Line { line, column: None } => Msg::PlaceLine.fill(lang, &[("line", line)]),
            Place::Line {
                line,
                column: Some(c),
            } => Msg::PlaceLineHeader.fill(lang, &[("line", line), ("column", c)]),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Json(p) | Place::Cell(p) => f.write_str(p),
            Place::Row(r) => write!(f, "row {r}"),
            Place::Line { line, column: None } => write!(f, "line {line}"),
            Place::Line {
                line,
                column: Some(c),
            } => write!(f, "line {line}, column {c}"),
        }
    }
}

impl From<String> for Place {
    /// A JSON pointer.
    fn from(p: String) -> Place {
        Place::Json(p)
    }
}

impl From<&str> for Place {
    /// A JSON pointer.
    fn from(p: &str) -> Place {
        Place::Json(p.to_string())
    }
}

impl PartialEq<str> for Place {
    fn eq(&self, other: &str) -> bool {
        match self {
            Place::Json(p) | Place::Cell(p) => p == other,
            _ => other == self.to_string().as_str(),
        }
    }
}

impl PartialEq<&str> for Place {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<String> for Place {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

/// One problem: what, where and how serious.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where it stands: a JSON path, a cell, a CSV line.
    pub path: Place,
    /// Line and column in the source text, where known.
    pub span: Option<Span>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// An error for each language in which the bilingual text at JSON path `path` is missing
    /// (at `path/fr`, `path/en`).
    pub fn missing_translations(path: &str, text: &crate::text::Text) -> Vec<Problem> {
        text.missing()
            .map(|lang| {
                Problem::error(
                    format!("{path}/{}", lang.code()),
                    ProblemKind::MissingTranslation { lang },
                )
            })
            .collect()
    }

    /// An error at `path`.
    pub fn error(path: impl Into<Place>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            span: None,
            kind,
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<Place>, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Warning,
            path: path.into(),
            span: None,
            kind,
        }
    }

    /// The error for a file of `size` bytes over a `limit` in bytes.
    pub fn file_too_large(size: usize, limit: usize) -> Problem {
        Problem::error(
            "",
            ProblemKind::FileTooLarge {
                found: size as u64,
                limit: limit as u64,
            },
        )
    }

    /// Whether it prevents using the file.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable code of its kind (`VG-A07`).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The place in words, in `lang`: « ligne 4, colonne 12 (/answers/Q99) », « cellule
    /// Réponses!H63 », or just the path.
    pub fn place(&self, lang: Lang) -> String {
        self.path.describe(self.span, lang)
    }

    /// The whole sentence with its place, in `lang`: `line 4, column 12 (/answers/Q99): …`.
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{}{} {}",
            self.place(lang),
            colon(lang),
            self.kind.message(lang)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Every problem found in one input: the error a loader returns when the input cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems that prevent use.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.is_error())
    }

    /// All problems, one per line, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|p| p.describe(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors().count() as u64;
        let lang = Lang::En;
        f.write_str(&Msg::Problems.count(lang, n, &[]))?;
        for p in &self.0 {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}
