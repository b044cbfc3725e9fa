//! `vigilance validate`: check answer sheets (and a questionnaire file) and print every problem
//! with its file, line and column (or cell), a snippet of the file and what to do, rendered by
//! miette. Exit status 0 only when every file is valid.

use crate::args::ValidateArgs;
use crate::fatal::Fatal;
use crate::inputs::{self, describe};
use crate::sheets::{has_error, parse_sheets, recognise};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, NamedSource,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use vigilance_core::import::FileKind;
use vigilance_core::location::{decode_text, strip_bom};
use vigilance_core::messages::colon;
use vigilance_core::registry::GridChoice;
use vigilance_core::{Cli, Lang, Problem, Severity};

/// One problem as miette renders it.
#[derive(Debug)]
struct ProblemReport {
    code: &'static str,
    message: String,
    help: Option<String>,
    severity: miette::Severity,
    source: Option<Snippet>,
    label: Option<LabeledSpan>,
}

/// Longest line a snippet shows whole. A longer one (a minified JSON file is one line) is cut to
/// a window around the problem, with `…` where text is left out.
const SNIPPET_LINE_MAX: usize = 160;

/// Longest line shown whole around the problem's (a context line); longer ones are cut after
/// [`SNIPPET_LINE_MAX`] bytes.
const SNIPPET_CONTEXT_LINE_MAX: usize = 4 * SNIPPET_LINE_MAX;

/// Bytes of the problem's line shown on each side of it when its line is cut.
const SNIPPET_CONTEXT: usize = 60;

/// What is left out of a cut line.
const ELLIPSIS: &str = "…";

/// The file's text as the snippet shows it: long lines cut. Line numbers are the file's own, and
/// the column of the problem's line is shifted back to the file's.
#[derive(Debug)]
struct Snippet {
    source: NamedSource<String>,
    /// The problem's line (0-based) and the bytes cut from its start (less the `…`).
    line: usize,
    shift: usize,
}

impl Snippet {
    /// The snippet of `text` for a problem at `offset` (`len` bytes), with the problem's offset
    /// and length in the snippet's text.
    fn new(name: &str, text: &str, offset: usize, len: usize) -> (Snippet, usize, usize) {
        let mut out = String::with_capacity(text.len().min(8 * SNIPPET_LINE_MAX));
        let (mut at, mut at_len, mut line_no, mut shift) = (offset, len, 0, 0);
        let mut start = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let end = start + line.len();
            let body = line.trim_end_matches(['\r', '\n']);
            let eol = &line[body.len()..];
            if (start..end.max(start + 1)).contains(&offset) || (offset >= end && end == text.len())
            {
                line_no = i;
                let rel = (offset - start).min(body.len());
                if body.len() > SNIPPET_LINE_MAX {
                    let from = floor(body, rel.saturating_sub(SNIPPET_CONTEXT));
                    let to = ceil(
                        body,
                        (rel + len.min(SNIPPET_CONTEXT) + SNIPPET_CONTEXT).min(body.len()),
                    );
                    let lead = if from > 0 { ELLIPSIS } else { "" };
                    at = out.len() + lead.len() + (rel - from);
                    at_len = len.min(to.saturating_sub(rel));
                    shift = from - lead.len();
                    out.push_str(lead);
                    out.push_str(&body[from..to]);
                    if to < body.len() {
                        out.push_str(ELLIPSIS);
                    }
                } else {
                    at = out.len() + rel;
                    out.push_str(body);
                }
            } else if body.len() > SNIPPET_CONTEXT_LINE_MAX {
                out.push_str(&body[..floor(body, SNIPPET_LINE_MAX)]);
                out.push_str(ELLIPSIS);
            } else {
                out.push_str(body);
            }
            out.push_str(eol);
            start = end;
        }
        let at = at.min(out.len());
        let at_len = at_len.min(out.len() - at);
        let snippet = Snippet {
            source: NamedSource::new(name, out),
            line: line_no,
            shift,
        };
        (snippet, at, at_len)
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.source.read_span(span, before, after)?;
        let shift = if inner.line() == self.line {
            self.shift
        } else {
            0
        };
        Ok(Box::new(Shifted { inner, shift }))
    }
}

/// Span contents whose column is the file's, not the cut line's.
struct Shifted<'a> {
    inner: Box<dyn SpanContents<'a> + 'a>,
    shift: usize,
}

impl<'a> SpanContents<'a> for Shifted<'a> {
    fn data(&self) -> &'a [u8] {
        self.inner.data()
    }
    fn span(&self) -> &SourceSpan {
        self.inner.span()
    }
    fn name(&self) -> Option<&str> {
        self.inner.name()
    }
    fn line(&self) -> usize {
        self.inner.line()
    }
    fn column(&self) -> usize {
        self.inner.column() + self.shift
    }
    fn line_count(&self) -> usize {
        self.inner.line_count()
    }
    fn language(&self) -> Option<&str> {
        self.inner.language()
    }
}

impl fmt::Display for ProblemReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProblemReport {}

impl Diagnostic for ProblemReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
}

/// Renders problems of one file.
struct Renderer {
    handler: GraphicalReportHandler,
    lang: Lang,
}

impl Renderer {
    fn new(lang: Lang) -> Renderer {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let theme = if colour {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Renderer {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(100)
                .with_links(false),
            lang,
        }
    }

    /// The report of `problem` found in the file `name` whose text is `text`.
    fn render(&self, name: &str, text: Option<&str>, problem: &Problem) -> String {
        let lang = self.lang;
        let located = problem.span.zip(text);
        let report = ProblemReport {
            code: problem.code(),
            message: match located {
                Some(_) => problem.kind.message(lang),
                None if problem.path.is_empty() => {
                    format!("{name}{} {}", colon(lang), describe(problem, lang))
                }
                None => format!("{name}, {}", describe(problem, lang)),
            },
            // Written below in the user's language: miette labels it "help:" in every language.
            help: None,
            severity: match problem.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            source: None,
            label: None,
        };
        let mut report = report;
        if let Some((span, t)) = located {
            let offset = span.offset.min(t.len());
            let len = span.len.min(t.len() - offset);
            let (snippet, offset, len) = Snippet::new(name, t, offset, len);
            let label = if problem.path.is_empty() {
                None
            } else {
                Some(problem.path.to_string())
            };
            report.source = Some(snippet);
            report.label = Some(LabeledSpan::new(label, offset, len));
        }
        let mut out = String::new();
        if self.handler.render_report(&mut out, &report).is_err() {
            // The snippet could not be drawn: fall back to the sentence with its place.
            out = format!(
                "  × {name}: [{}] {}\n",
                problem.code(),
                describe(problem, lang)
            );
        }
        if let Some(help) = problem.kind.help(lang) {
            out.push_str(&format!("  {} {help}\n", Cli::Help.text(lang)));
        }
        out.push('\n');
        out
    }
}

/// The text of a file as the core readers saw it (byte-order mark removed), for snippets.
fn source_text(bytes: &[u8]) -> String {
    match decode_text(bytes) {
        Ok(t) => strip_bom(&t).to_string(),
        Err(_) => {
            let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            String::from_utf8_lossy(b).into_owned()
        }
    }
}

/// Runs `vigilance validate`.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, Fatal> {
    let lang: Lang = args.grid.lang.into();
    let renderer = Renderer::new(lang);
    let mut out = std::io::stdout().lock();
    let mut checked = 0usize;
    let mut invalid = 0usize;
    let mut print = |s: &str| {
        // A closed pipe (`| head`) is not an error of ours.
        let _ = out.write_all(s.as_bytes());
    };

    let builtin = args
        .grid
        .questionnaire
        .as_deref()
        .and_then(|p| p.to_str())
        .and_then(crate::grid::builtin);
    // Without --questionnaire, each sheet is checked against the built-in grid it names.
    let grids = match (&args.grid.questionnaire, builtin) {
        (None, _) => GridChoice::named(),
        (Some(_), Some(grid)) => GridChoice::Forced(grid),
        (Some(path), None) => {
            checked += 1;
            let name = path.to_string_lossy().into_owned();
            match crate::grid::read(path) {
                Err(p) => {
                    invalid += 1;
                    print(&renderer.render(&name, None, &p));
                    print(&summary(checked, invalid, lang));
                    return Ok(ExitCode::from(1));
                }
                Ok(file) => match file.result {
                    Ok(q) => {
                        print(&format!(
                            "{} {name} ({} {})\n",
                            Cli::Valid.text(lang),
                            q.id,
                            q.version
                        ));
                        GridChoice::Forced(Box::leak(Box::new(q)))
                    }
                    Err(problems) => {
                        invalid += 1;
                        let text = source_text(&file.bytes);
                        for p in &problems.0 {
                            print(&renderer.render(&name, Some(&text), p));
                        }
                        if !args.inputs.is_empty() {
                            print(&format!("{}\n", Cli::SheetsNotChecked.text(lang)));
                        }
                        print(&summary(checked, invalid, lang));
                        return Ok(ExitCode::from(1));
                    }
                },
            }
        }
    };

    let gathered = inputs::gather(&args.inputs);
    for w in &gathered.warnings {
        print(&renderer.render(&w.source, None, &w.problem));
    }
    let mut entries: Vec<(String, Vec<String>, bool)> = Vec::new();
    for f in &gathered.failures {
        entries.push((
            f.source.clone(),
            vec![renderer.render(&f.source, None, &f.problem)],
            false,
        ));
    }
    for input in &gathered.inputs {
        let bytes = match input.read() {
            Ok(r) => r,
            Err(p) => {
                entries.push((
                    input.source.clone(),
                    vec![renderer.render(&input.source, None, &p)],
                    false,
                ));
                continue;
            }
        };
        let kind = recognise(input, &bytes);
        let text = (kind == FileKind::Json).then(|| source_text(&bytes));
        for read in parse_sheets(input, kind, &bytes, grids, lang) {
            let (problems, ok, company) = match &read.result {
                Ok(parsed) => (
                    parsed.warnings.clone(),
                    true,
                    Some(parsed.value.company.name.clone()),
                ),
                Err(p) => (p.0.clone(), !has_error(&p.0), None),
            };
            let mut lines: Vec<String> = problems
                .iter()
                .map(|p| renderer.render(&read.source, text.as_deref(), p))
                .collect();
            if ok {
                let who = company
                    .filter(|c| !c.is_empty())
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                lines.push(format!("{} {}{who}\n", Cli::Valid.text(lang), read.source));
            }
            entries.push((read.source, lines, ok));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, lines, ok) in &entries {
        checked += 1;
        if !ok {
            invalid += 1;
        }
        for l in lines {
            print(l);
        }
    }
    print(&summary(checked, invalid, lang));
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summary(checked: usize, invalid: usize, lang: Lang) -> String {
    let valid = checked - invalid;
    let (checked, valid, invalid) = (checked as u64, valid as u64, invalid as u64);
    format!(
        "{}{} {}, {}\n",
        Cli::FilesChecked.count(lang, checked, &[]),
        colon(lang),
        Cli::ValidCount.count(lang, valid, &[]),
        Cli::InvalidCount.count(lang, invalid, &[]),
    )
}
