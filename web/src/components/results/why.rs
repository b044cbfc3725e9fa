//! Why a track is at its level: the sentences under each track card (the next level's score
//! against the threshold, or its critical questions not at their full point, and the levels
//! achieved out of order).

use crate::i18n::{self, K};
use vigilance_model::{Lang, Level, Questionnaire};
use vigilance_results::json::TrackEntry;

/// The reasons a track is at its level, in `lang`.
pub fn why_lines(grid: &Questionnaire, lang: Lang, t: &TrackEntry, threshold: f64) -> Vec<String> {
    let mut out = Vec::new();
    let threshold_text = i18n::threshold(lang, threshold);
    match Level::from_rank(t.level + 1) {
        None => out.push(K::AllLevelsAchieved.get(lang).to_string()),
        Some(next) => {
            let name = i18n::level_name(
                next.code(),
                grid.level(next).map_or("", |d| d.label.get(lang)),
            );
            if let Some(le) = t.levels.get(&next) {
                match le.score {
                    None => out.push(i18n::no_applicable(lang, &name)),
                    Some(score) => {
                        let score = i18n::percent(lang, score);
                        out.push(if le.meets_threshold {
                            i18n::meets_threshold(lang, &name, &score, &threshold_text)
                        } else {
                            i18n::below_threshold(lang, &name, &score, &threshold_text)
                        });
                    }
                }
                if !le.failed_critical.is_empty() {
                    out.push(i18n::failed_critical(
                        lang,
                        &name,
                        &le.failed_critical.join(", "),
                    ));
                }
            }
        }
    }
    if !t.imbalanced.is_empty() {
        let codes: Vec<&str> = t.imbalanced.iter().map(|l| l.code()).collect();
        out.push(i18n::imbalanced(lang, &codes.join(", ")));
    }
    out
}
