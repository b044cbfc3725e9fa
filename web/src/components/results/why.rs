//! Why a track is at its level: the sentences under each track card, what blocks the next level
//! first (its critical questions not at their full point, too many questions answered not
//! applicable on a grid with limits on `na`), then its score against the threshold (said to be
//! not enough when the level is blocked), and the levels achieved out of order.

use super::level_name;
use crate::format;
use vigilance_model::{Lang, Level, Questionnaire};
use vigilance_results::json::TrackEntry;
use vigilance_text::Web;

/// The reasons a track is at its level, in `lang` (`min_applicable`: the grid's limit on
/// `na`, when it has one).
pub fn why_lines(
    grid: &Questionnaire,
    lang: Lang,
    t: &TrackEntry,
    threshold: f64,
    min_applicable: Option<f64>,
) -> Vec<String> {
    let mut out = Vec::new();
    let threshold_text = format::threshold(lang, threshold);
    match Level::from_rank(t.level + 1) {
        None => out.push(Web::AllLevelsAchieved.text(lang).to_string()),
        Some(next) => {
            let name = level_name(
                lang,
                next.code(),
                grid.level(next).map_or("", |d| d.label.get(lang)),
            );
            if let Some(le) = t.levels.get(&next) {
                let level: (&str, &dyn std::fmt::Display) = ("level", &name);
                // What blocks the level comes first: its critical questions, too many `na`;
                // then the score against the threshold, which alone does not reach a level.
                let blocked = !le.failed_critical.is_empty() || le.too_many_na;
                if !le.failed_critical.is_empty() {
                    let ids = le.failed_critical.join(", ");
                    out.push(Web::FailedCritical.fill(lang, &[level, ("ids", &ids)]));
                }
                if le.too_many_na {
                    let min =
                        min_applicable.map_or_else(String::new, |m| format::threshold(lang, m));
                    let percent = format::percent(lang, le.na_percent);
                    out.push(
                        Web::WhyTooManyNa
                            .fill(lang, &[level, ("percent", &percent), ("min", &min)]),
                    );
                }
                match le.score {
                    None => out.push(Web::NoApplicable.fill(lang, &[level])),
                    Some(score) => {
                        let score = format::percent(lang, score);
                        let entry = match (le.meets_threshold, blocked) {
                            (true, true) => Web::MeetsThresholdBlocked,
                            (true, false) => Web::MeetsThreshold,
                            (false, _) => Web::BelowThreshold,
                        };
                        out.push(entry.fill(
                            lang,
                            &[level, ("score", &score), ("threshold", &threshold_text)],
                        ));
                    }
                }
            }
        }
    }
    if !t.imbalanced.is_empty() {
        let codes: Vec<&str> = t.imbalanced.iter().map(|l| l.code()).collect();
        out.push(Web::Imbalanced.fill(lang, &[("levels", &codes.join(", "))]));
    }
    out
}
