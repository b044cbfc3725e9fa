//! Questionnaire JSON: read + check must never panic; a grid that loads must score an empty and
//! a complete sheet.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigilance_core::{
    Answer, AnswerSheet, AnswerValue, Lang, Questionnaire, ScoringOptions, score,
};

fuzz_target!(|data: &[u8]| {
    match Questionnaire::parse_bytes(data) {
        Ok(q) => {
            let mut sheet = AnswerSheet::new(&q);
            let _ = score(&q, &sheet, &ScoringOptions::default());
            for question in &q.questions {
                for t in &question.tracks {
                    sheet.set_answer(&question.id, *t, Some(Answer::new(AnswerValue::Yes)));
                }
            }
            let a = score(&q, &sheet, &ScoringOptions::default());
            assert!(a.headline_level <= 4);
        }
        Err(problems) => {
            let _ = problems.describe(Lang::Fr);
            let _ = problems.describe(Lang::En);
        }
    }
});
