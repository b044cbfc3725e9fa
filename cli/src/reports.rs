//! What `vigilance score` needs of the core report writers: the options of the Excel workbook
//! (streamed by `score` through `ResultsWorkbook`) and the CSV summary with its delimiter. (The
//! JSON result document is streamed by `score` itself, through serde.)

use vigilance_core::Lang;
use vigilance_core::report::csv::{Delimiter, summary_csv_reviewed};
use vigilance_core::report::json::ErrorEntry;
use vigilance_core::report::reviewed::Reviewed;
use vigilance_core::report::workbook::{AnswersSheet, ScoredSheet, WorkbookOptions};

/// Sheets above which the workbook's long sheets are streamed to temporary files (memory stays
/// flat in the number of companies, but they are then not Excel tables: just filtered).
pub const STREAM_ABOVE: usize = 500;

/// The options of the results workbook: language, date, tool version, the previous campaign,
/// the targets, constant-memory worksheets for the long sheets of a batch of more than
/// [`STREAM_ABOVE`] inputs, whether to add the detailed Coverage sheet (`--coverage-detail`),
/// and whether to write the Answers sheet whatever the number of companies (`--answers-sheet`;
/// otherwise up to `ANSWERS_SHEET_MAX_COMPANIES`).
pub fn workbook_options(
    lang: Lang,
    previous: Option<Vec<ScoredSheet>>,
    targets: Vec<vigilance_core::report::review::Target>,
    inputs: usize,
    coverage_detail: bool,
    answers_sheet: bool,
) -> WorkbookOptions {
    WorkbookOptions {
        lang,
        generated: generated_at(),
        tool_version: format!("vigilance {}", env!("CARGO_PKG_VERSION")),
        previous,
        constant_memory: inputs > STREAM_ABOVE,
        targets,
        coverage_detail,
        answers_sheet: if answers_sheet {
            AnswersSheet::Always
        } else {
            AnswersSheet::default()
        },
    }
}

/// The bytes of the CSV summary, fields separated by `delimiter`.
pub fn csv(
    scored: &[ScoredSheet],
    reviewed: Option<&[Option<Reviewed>]>,
    errors: &[ErrorEntry],
    lang: Lang,
    delimiter: Delimiter,
) -> Vec<u8> {
    summary_csv_reviewed(scored, reviewed, errors, lang, delimiter).into_bytes()
}

/// Seconds since 1970 now, or `SOURCE_DATE_EPOCH` when set (reproducible output).
pub fn now_secs() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        })
}

/// The date and time written in the workbook's Method sheet, in UTC; `SOURCE_DATE_EPOCH` (seconds
/// since 1970) fixes it for reproducible output.
pub fn generated_at() -> String {
    let secs = now_secs();
    let (y, m, d) = civil_from_days(secs / 86_400);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian calendar; Howard
/// Hinnant's `civil_from_days`).
pub fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}
