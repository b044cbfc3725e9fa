//! The summary as CSV (`vigilance score --format csv`): one row per company × track with the
//! figures of the workbook's Summary, for tools that do not read Excel.
//!
//! Columns (stable snake_case names, whatever the language): `company, sector, country,
//! company_id, period, track, level, level_label, n1, n2, n3, n4, index, completeness, unknown,
//! na, na_share, heavy_na, unsubstantiated, provisional, headline, grid, source, error` (`na`:
//! questions answered not applicable; `na_share`: the share of the track's question weight they
//! leave out, in percent; `heavy_na`: the levels where they leave out more than a quarter — the
//! heavy-`na` warning `VG-A18` —, space-separated, empty when none; `grid`: the grid of the
//! result, `id@version`). Labels (`level_label`) and
//! `provisional` (Oui/Non, Yes/No) are in the chosen language; numbers use a decimal point
//! (a decimal comma with [`Delimiter::Semicolon`]); a level with no applicable question has an
//! empty score. Each input that could not be
//! scored gets one row with its `source` and its problems in `error`, the other cells empty.
//!
//! **Formula injection.** Spreadsheet apps run a cell that starts with `=`, `+`, `-` or `@` (and
//! some read a leading tab or carriage return the same way) as a formula: a company named
//! `=HYPERLINK("http://x","y")` would become a live link. Every text cell that starts with one
//! of these characters is therefore written with a leading `'`, which spreadsheet apps show as
//! text. Numbers are written as plain numbers and never start with these characters.
//!
//! **Delimiters.** Comma (the default) and tab give plain UTF-8 with a decimal point, for tools.
//! [`Delimiter::Semicolon`] gives what spreadsheet apps set to French (and other languages with a
//! decimal comma) open by a double click: `;` between fields, a decimal comma (`62,5`, which
//! they read as a number, where `62.5` would be text or even a date), and a UTF-8 byte-order
//! mark, without which Excel reads the file as Windows-1252 and garbles accented names.

use crate::codes::{Level, maturity_code};
use crate::json::ErrorEntry;
use crate::scored::ScoredSheet;
use crate::text::Lang;
use std::borrow::Cow;
use vigilance_text::Msg;

/// The header row of [`summary_csv`].
pub const SUMMARY_COLUMNS: [&str; 24] = [
    "company",
    "sector",
    "country",
    "company_id",
    "period",
    "track",
    "level",
    "level_label",
    "n1",
    "n2",
    "n3",
    "n4",
    "index",
    "completeness",
    "unknown",
    "na",
    "na_share",
    "heavy_na",
    "unsubstantiated",
    "provisional",
    "headline",
    "grid",
    "source",
    "error",
];

/// Makes a text cell inert in spreadsheet apps: a leading `'` before `=`, `+`, `-`, `@`, tab or
/// carriage return.
///
/// ```
/// use vigilance_results::csv::inert;
/// assert_eq!(inert("=1+1"), "'=1+1");
/// assert_eq!(inert("Exemple SA"), "Exemple SA");
/// ```
pub fn inert(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

fn num(v: Option<f64>, delimiter: Delimiter) -> String {
    let text = v.map(|x| format!("{x:.1}")).unwrap_or_default();
    match delimiter {
        Delimiter::Semicolon => text.replace('.', ","),
        Delimiter::Comma | Delimiter::Tab => text,
    }
}

/// The character between the fields of the CSV summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` (the default).
    #[default]
    Comma,
    /// `;`, with a decimal comma and a UTF-8 byte-order mark: what spreadsheet apps set to
    /// French and other languages with a decimal comma open by a double click.
    Semicolon,
    /// A tab.
    Tab,
}

impl Delimiter {
    /// The byte written between fields.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// The summary of a batch as CSV text (comma-separated, UTF-8, header row first, `\n` line
/// ends). Each result is labelled with its own grid (`ScoredSheet::grid`): a batch may mix grids.
pub fn summary_csv(scored: &[ScoredSheet], errors: &[ErrorEntry], lang: Lang) -> String {
    summary_csv_with(scored, errors, lang, Delimiter::Comma)
}

/// [`summary_csv`] with another delimiter (see [`Delimiter`]). Fields holding it are quoted.
pub fn summary_csv_with(
    scored: &[ScoredSheet],
    errors: &[ErrorEntry],
    lang: Lang,
    delimiter: Delimiter,
) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure would only lose rows, never panic.
    if delimiter == Delimiter::Semicolon {
        let _ = w.write_field("\u{FEFF}company");
        let _ = w.write_record(&SUMMARY_COLUMNS[1..]);
    } else {
        let _ = w.write_record(SUMMARY_COLUMNS);
    }
    for s in scored {
        let a = &s.assessment;
        // Each result with its own grid: a batch may mix grids.
        let grid = s.grid;
        let grid_key = format!("{}@{}", grid.id, grid.version);
        let c = &s.sheet.company;
        for tr in &a.tracks {
            let mut row: Vec<Cow<'_, str>> = vec![
                inert(&c.name),
                inert(c.sector.as_deref().unwrap_or("")),
                inert(c.country.as_deref().unwrap_or("")),
                inert(c.id.as_deref().unwrap_or("")),
                inert(s.sheet.period.as_deref().unwrap_or("")),
                tr.track.code().into(),
                maturity_code(tr.level).into(),
                inert(grid.maturity_label(tr.level, lang)),
            ];
            for l in Level::ALL {
                row.push(num(tr.level_result(l).score.percent(), delimiter).into());
            }
            row.push(num(Some(tr.index), delimiter).into());
            row.push(num(Some(tr.completeness()), delimiter).into());
            row.push(tr.unknown_count.to_string().into());
            let na: u32 = tr.levels.iter().map(|l| l.not_applicable).sum();
            row.push(na.to_string().into());
            row.push(num(Some(tr.na_share().percent().unwrap_or(0.0)), delimiter).into());
            let heavy: Vec<&str> = tr.heavy_na_levels().iter().map(|l| l.code()).collect();
            row.push(heavy.join(" ").into());
            row.push(tr.unsubstantiated_count.to_string().into());
            row.push(
                if a.provisional {
                    Msg::Yes.text(lang)
                } else {
                    Msg::No.text(lang)
                }
                .into(),
            );
            row.push(maturity_code(a.headline_level).into());
            row.push(inert(&grid_key));
            row.push(inert(&s.source));
            row.push("".into());
            let _ = w.write_record(row.iter().map(|x| x.as_bytes()));
        }
    }
    for e in errors {
        let mut row = vec![Cow::Borrowed(""); SUMMARY_COLUMNS.len()];
        let n = SUMMARY_COLUMNS.len();
        row[n - 2] = inert(&e.source);
        row[n - 1] = inert(&e.message);
        let _ = w.write_record(row.iter().map(|x| x.as_bytes()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
