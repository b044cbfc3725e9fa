//! Numbers as people read them, in the user's language: the decimal mark and the percent sign
//! come from the language's file of the catalogue (`83,3 %` in French, `83.3%` in English).

use vigilance_model::Lang;
use vigilance_text::Web;

/// A percentage rounded to one decimal: `83,3 %` / `83.3%`.
pub fn percent(lang: Lang, value: f64) -> String {
    lang.percent(&format!("{value:.1}"))
}

/// How many questions have an answer: « 12 réponses sur 29 » / "12 of 29 answered".
pub fn answered_of(lang: Lang, answered: u32, total: u32) -> String {
    Web::AnsweredOf.count(lang, answered.into(), &[("total", &total)])
}

/// A threshold: `70 %` / `70%` (decimals only when it has some).
pub fn threshold(lang: Lang, value: f64) -> String {
    if value.fract() == 0.0 {
        lang.percent(&format!("{value:.0}"))
    } else {
        percent(lang, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent(Lang::En, 83.3), "83.3%");
        assert_eq!(percent(Lang::Fr, 83.3), "83,3\u{a0}%");
        assert_eq!(threshold(Lang::Fr, 70.0), "70\u{a0}%");
        assert_eq!(threshold(Lang::En, 72.5), "72.5%");
    }
}
