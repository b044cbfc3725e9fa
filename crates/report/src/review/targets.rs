//! Engagement targets (`vigilance report --targets FILE`): the CSV that investors write — one
//! row per company and track with the level expected and its deadline — and each target's
//! status against the campaign's result.
//!
//! The file has a header row naming its four columns (in French or English, any order, `,` or
//! `;` between cells):
//!
//! | column | accepted names | values |
//! |---|---|---|
//! | company | `company`, `entreprise`, `société` | the company's identifier, or its name (case and spacing ignored) |
//! | track | `track`, `volet` | `CL`, `FL`, or `headline` / `global` for the headline level |
//! | target level | `target`, `target_level`, `level`, `objectif`, `niveau`, `niveau_cible` | `N1`…`N4` (or `1`…`4`) |
//! | deadline | `deadline`, `échéance`, `echeance` | a year (`2027`) or a date (`2027-06-30`); the year counts |
//!
//! **Status** of a target, for a company whose level on the track is `c` in a campaign of year
//! `y`, with target level `t` and deadline year `d`:
//! - *reached* when `c ≥ t`;
//! - *on track* when `c < t`, `d > y`, `t − c ≤ d − y` (at most one level a year remains to be
//!   gained) and the level has not dropped since the previous campaign (when known);
//! - *behind* otherwise: the deadline is this campaign's year or earlier, more than one level a
//!   year is still needed, or the level dropped.

use super::model::norm;
use crate::codes::{Level, Track};
use crate::text::Lang;
use std::fmt::Display;
use vigilance_text::Review;

/// Which level a target is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetTrack {
    /// One track's level.
    Track(Track),
    /// The headline level (the lower of the tracks).
    Headline,
}

/// One row of the targets file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The line of the file (1 = the header).
    pub line: usize,
    /// The company's identifier or name, as written.
    pub company: String,
    /// The track.
    pub track: TargetTrack,
    /// The level expected, 1..=4.
    pub level: u8,
    /// The deadline as written.
    pub deadline: String,
    /// The deadline's year.
    pub deadline_year: i32,
}

impl Target {
    /// Whether this target is about the company with identifier `id` and name `name`.
    pub fn is_for(&self, id: Option<&str>, name: &str) -> bool {
        let key = norm(&self.company);
        id.is_some_and(|i| !i.trim().is_empty() && norm(i) == key) || norm(name) == key
    }
}

/// A row of the targets file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetError {
    /// The line of the file.
    pub line: usize,
    /// What is wrong and what to do: a catalogue entry…
    pub what: Review,
    /// …and its values.
    pub values: Vec<(&'static str, String)>,
}

impl TargetError {
    /// What is wrong and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, &dyn Display)> = self
            .values
            .iter()
            .map(|(n, v)| (*n, v as &dyn Display))
            .collect();
        self.what.fill(lang, &args)
    }
}

/// How a target stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetStatus {
    /// The level is at least the target.
    Reached,
    /// Not reached, but reachable at one level a year and not dropping.
    OnTrack,
    /// Not reached, and the deadline has come, or more than a level a year is needed, or the
    /// level dropped.
    Behind(BehindReason),
}

/// Why a target is behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BehindReason {
    /// The deadline is the campaign's year or earlier.
    Deadline,
    /// More than one level a year is still needed.
    Pace,
    /// The level dropped since the previous campaign.
    Dropped,
}

/// The status of a target of level `target` due in `deadline_year`, for a company at `current`
/// in a campaign of `campaign_year`, that was at `previous` in the previous campaign (if known).
pub fn target_status(
    target: u8,
    deadline_year: i32,
    current: u8,
    campaign_year: i32,
    previous: Option<u8>,
) -> TargetStatus {
    if current >= target {
        TargetStatus::Reached
    } else if deadline_year <= campaign_year {
        TargetStatus::Behind(BehindReason::Deadline)
    } else if i64::from(target - current) > i64::from(deadline_year) - i64::from(campaign_year) {
        TargetStatus::Behind(BehindReason::Pace)
    } else if previous.is_some_and(|p| current < p) {
        TargetStatus::Behind(BehindReason::Dropped)
    } else {
        TargetStatus::OnTrack
    }
}

/// The first run of four digits in `text` as a year (`2025`, `FY2025`, `2025-06-30`).
pub fn year_of(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let run = &b[i..i + 4];
        let before = i.checked_sub(1).map(|j| b[j]);
        let after = b.get(i + 4);
        (run.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit()))
        .then(|| text[i..i + 4].parse().ok())
        .flatten()
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Company,
    Track,
    Level,
    Deadline,
}

impl Column {
    fn from_header(h: &str) -> Option<Column> {
        let h = norm(h).replace([' ', '-'], "_");
        match h.as_str() {
            "company" | "entreprise" | "société" | "societe" => Some(Column::Company),
            "track" | "volet" => Some(Column::Track),
            "target" | "target_level" | "level" | "objectif" | "niveau" | "niveau_cible"
            | "niveau_visé" | "niveau_vise" => Some(Column::Level),
            "deadline" | "échéance" | "echeance" => Some(Column::Deadline),
            _ => None,
        }
    }
}

fn error(line: usize, what: Review, args: &[(&'static str, &dyn Display)]) -> TargetError {
    TargetError {
        line,
        what,
        values: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
    }
}

/// Reads a targets file (text already decoded). Every bad row is reported, each with its line;
/// a file with any bad row gives no target.
pub fn parse_targets(text: &str) -> Result<Vec<Target>, Vec<TargetError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(vec![error(
                1,
                Review::TargetHeaderUnreadable,
                &[("error", &e.to_string())],
            )]);
        }
        None => {
            return Err(vec![error(1, Review::TargetFileEmpty, &[])]);
        }
    };
    let columns: Vec<Option<Column>> = header.iter().map(Column::from_header).collect();
    let position = |c: Column| columns.iter().position(|x| *x == Some(c));
    let (Some(ci), Some(ti), Some(li), Some(di)) = (
        position(Column::Company),
        position(Column::Track),
        position(Column::Level),
        position(Column::Deadline),
    ) else {
        let found = header.iter().collect::<Vec<_>>().join(", ");
        return Err(vec![error(
            1,
            Review::TargetHeaderColumns,
            &[("found", &found)],
        )]);
    };

    let mut targets: Vec<Target> = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rows.enumerate() {
        let line = i + 2;
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(
                    line,
                    Review::TargetRowUnreadable,
                    &[("error", &e.to_string())],
                ));
                continue;
            }
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |k: usize| row.get(k).unwrap_or("").trim();
        let before = errors.len();
        let company = cell(ci);
        if company.is_empty() {
            errors.push(error(line, Review::TargetCompanyMissing, &[]));
        }
        let track_text = cell(ti);
        let track = match track_text.to_ascii_lowercase().as_str() {
            "headline" | "global" => Some(TargetTrack::Headline),
            t => Track::from_code(&t.to_ascii_uppercase()).map(TargetTrack::Track),
        };
        if track.is_none() {
            errors.push(error(
                line,
                Review::TargetBadTrack,
                &[("found", &track_text)],
            ));
        }
        let level_text = cell(li);
        let level = Level::from_code(&level_text.to_ascii_uppercase())
            .map(Level::rank)
            .or_else(|| {
                level_text
                    .parse::<u8>()
                    .ok()
                    .filter(|l| (1..=4).contains(l))
            });
        if level.is_none() {
            errors.push(error(
                line,
                Review::TargetBadLevel,
                &[("found", &level_text)],
            ));
        }
        let deadline = cell(di);
        let deadline_year = valid_deadline(deadline);
        if deadline_year.is_none() {
            errors.push(error(
                line,
                Review::TargetBadDeadline,
                &[("found", &deadline)],
            ));
        }
        if errors.len() > before {
            continue;
        }
        let (Some(track), Some(level), Some(deadline_year)) = (track, level, deadline_year) else {
            continue;
        };
        if let Some(earlier) = targets
            .iter()
            .find(|t| t.track == track && norm(&t.company) == norm(company))
        {
            errors.push(error(
                line,
                Review::TargetDuplicate,
                &[("line", &earlier.line.to_string()), ("company", &company)],
            ));
            continue;
        }
        targets.push(Target {
            line,
            company: company.to_string(),
            track,
            level,
            deadline: deadline.to_string(),
            deadline_year,
        });
    }
    if errors.is_empty() {
        Ok(targets)
    } else {
        Err(errors)
    }
}

/// The year of a deadline written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn valid_deadline(text: &str) -> Option<i32> {
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    ok.then(|| parts[0].parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        use BehindReason::*;
        use TargetStatus::*;
        assert_eq!(target_status(2, 2027, 2, 2025, None), Reached);
        assert_eq!(target_status(3, 2027, 1, 2025, Some(1)), OnTrack);
        assert_eq!(target_status(4, 2027, 1, 2025, None), Behind(Pace));
        assert_eq!(target_status(3, 2025, 2, 2025, None), Behind(Deadline));
        assert_eq!(target_status(3, 2027, 2, 2025, Some(3)), Behind(Dropped));
    }

    #[test]
    fn years() {
        assert_eq!(year_of("2025"), Some(2025));
        assert_eq!(year_of("FY2024"), Some(2024));
        assert_eq!(year_of("12345"), None);
        assert_eq!(year_of(""), None);
    }

    #[test]
    fn reads_french_excel_csv() {
        let t = parse_targets(
            "Entreprise;Volet;Objectif;Échéance\nAcme;CL;N3;2027-06-30\nAcme;global;2;2026\n",
        )
        .unwrap_or_default();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].track, TargetTrack::Track(Track::CL));
        assert_eq!((t[0].level, t[0].deadline_year, t[0].line), (3, 2027, 2));
        assert_eq!(t[1].track, TargetTrack::Headline);
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let e = parse_targets("company,track,target,deadline\nAcme,XX,N5,soon\n,CL,N2,2027\nB,FL,N2,2027\nb,fl,2,2028\n")
            .err()
            .unwrap_or_default();
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 2, 2, 3, 5]);
        assert!(e[0].message(Lang::En).contains("unknown track"));
        assert!(e[4].message(Lang::Fr).contains("ligne 4"));
    }
}
