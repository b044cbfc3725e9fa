//! Which grid each assessment is on, and the built-in grids that are not in the first download.
//!
//! An assessment keeps the grid its answer sheet names (`questionnaire` id and version): a sheet
//! answered on `rhsf-fir` 1.0.0 is shown and scored on 1.0.0. Only the default grid is embedded
//! in the app's module (see `vigilance_grids::registry`); the other built-in grids are static
//! files of the app (`grid-{id}-{version}.js`, written by `scripts/build-web.sh`), loaded by the
//! page's loader when an assessment needs them ([`crate::ondemand::load_grids`]) and registered
//! in the core registry. Loading happens before the assessment is shown, read or scored: at
//! start (for the saved assessments), before a new assessment on another grid, before an import.
//! The default grid itself is embedded without what the first screens do not read (its
//! regulation mapping, change log, references, and the texts of its recommendations and help:
//! see `vigilance_grids::registry::is_partial`): [`complete`] loads its full file when the
//! results are first shown, a help is first opened, or an assessment is upgraded to it.

use vigilance_grids::registry::{self, BUILTIN, BuiltinGrid};
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::mapping::compare_versions;
use vigilance_model::questionnaire::Question;
use vigilance_model::{AnswerSheet, Lang, Questionnaire};
use vigilance_text::Web;

/// The grid named by `r`: that built-in version when it is available; a version that is not
/// built in falls back to the latest of its id (as the CLI does); anything else to the default
/// grid. Callers make sure built-in grids are loaded first ([`missing`]).
pub fn of_ref(r: &QuestionnaireRef) -> &'static Questionnaire {
    registry::for_sheet(&r.id, &r.version).unwrap_or_else(registry::default_grid)
}

/// The grid `sheet` is on.
pub fn of_sheet(sheet: &AnswerSheet) -> &'static Questionnaire {
    of_ref(&sheet.questionnaire)
}

/// The grid that holds `question` (the default grid if none does).
pub fn containing(question: &Question) -> &'static Questionnaire {
    registry::available()
        .into_iter()
        .find(|g| g.questions.iter().any(|q| std::ptr::eq(q, question)))
        .unwrap_or_else(registry::default_grid)
}

/// `question` as the grids available now read it: itself, unless its grid is an embedded one
/// whose full file has since replaced it ([`complete`]): then that file's question (with its
/// help and references).
pub fn current(question: &'static Question) -> &'static Question {
    let Some(embedded) = registry::builtin_grids()
        .iter()
        .find(|g| g.questions.iter().any(|q| std::ptr::eq(q, question)))
    else {
        return question;
    };
    registry::find(&embedded.id, &embedded.version)
        .and_then(|g| g.question(&question.id))
        .unwrap_or(question)
}

/// Loads the full file of every grid embedded without its regulation mapping
/// (`registry::partial`) and registers it in its place, then calls `done` (at once when there is
/// none).
pub fn complete(done: yew::Callback<Result<(), String>>) {
    let stems = registry::partial()
        .iter()
        .map(|q| stem(&q.id, &q.version))
        .collect();
    crate::ondemand::load_grids(stems, done);
}

/// Sends `then` once every embedded grid is complete ([`complete`]: at once when they are), after
/// telling the app the grids changed; nothing more when a full file cannot be loaded (the
/// results say so). For what needs a grid's full file: the upgrade reads the later version's
/// change log, which the first download leaves out.
pub fn then_complete(dispatch: yew::Callback<crate::state::Action>, then: crate::state::Action) {
    let then = std::cell::Cell::new(Some(then));
    complete(yew::Callback::from(move |r: Result<(), String>| {
        let ok = r.is_ok();
        dispatch.emit(crate::state::Action::MappingLoaded(r));
        if let Some(then) = then.take().filter(|_| ok) {
            dispatch.emit(then);
        }
    }));
}

/// The file stem of a built-in grid: `rhsf-fir-1.0.0`.
pub fn stem(id: &str, version: &str) -> String {
    format!("{id}-{version}")
}

/// Of `refs`, the built-in grids not available yet (each once): what must be loaded before the
/// sheets naming them are read or scored.
pub fn missing<'a>(refs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut out = Vec::new();
    for (id, version) in refs {
        let s = stem(id, version);
        if registry::is_builtin(id, version)
            && registry::find(id, version).is_none()
            && !out.contains(&s)
        {
            out.push(s);
        }
    }
    out
}

/// The grids a saved state's text names (its assessments' sheets and the sheets they are
/// compared with) that are not available yet.
pub fn missing_in_saved(raw: &str) -> Vec<String> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
        return Vec::new();
    };
    let mut refs = Vec::new();
    if let Some(list) = value.get("assessments").and_then(|v| v.as_array()) {
        for a in list {
            for sheet in [a.get("sheet"), a.pointer("/comparison/sheet")]
                .into_iter()
                .flatten()
            {
                let id = sheet.pointer("/questionnaire/id").and_then(|v| v.as_str());
                let v = sheet
                    .pointer("/questionnaire/version")
                    .and_then(|v| v.as_str());
                if let (Some(id), Some(v)) = (id, v) {
                    refs.push((id.to_string(), v.to_string()));
                }
            }
        }
    }
    missing(refs.iter().map(|(i, v)| (i.as_str(), v.as_str())))
}

/// The grids a new assessment can start on: the latest built-in version of each grid, the
/// default grid first.
pub fn choices() -> Vec<QuestionnaireRef> {
    let mut out: Vec<QuestionnaireRef> = Vec::new();
    for &BuiltinGrid { id, version, .. } in BUILTIN {
        match out.iter_mut().find(|r| r.id == id) {
            Some(r) => {
                if compare_versions(version, &r.version).is_gt() {
                    r.version = version.to_string();
                }
            }
            None => out.push(QuestionnaireRef {
                id: id.to_string(),
                version: version.to_string(),
            }),
        }
    }
    out.sort_by_key(|r| r.id != registry::DEFAULT_GRID_ID);
    out
}

/// The grid new assessments start on.
pub fn default_choice() -> QuestionnaireRef {
    let g = registry::default_grid();
    QuestionnaireRef {
        id: g.id.clone(),
        version: g.version.clone(),
    }
}

/// Whether grid `id` is a light grid (for SMEs and suppliers), as `questionnaires/grids.toml`
/// says.
pub fn is_light(id: &str) -> bool {
    registry::is_light(id)
}

/// The name of grid `id` on the start page, before it is loaded.
pub fn choice_title(id: &str, lang: Lang) -> &'static str {
    if is_light(id) {
        Web::GridLightTitle.text(lang)
    } else {
        Web::GridFullTitle.text(lang)
    }
}

/// The one-line description of grid `id` on the start page: the full grid's with its counts of
/// questions and of answers (one per question and track: the unit of every counter), since the
/// two differ.
pub fn choice_description(id: &str, lang: Lang) -> String {
    if is_light(id) {
        return Web::GridLightDescription.text(lang).to_string();
    }
    match registry::latest(id) {
        Some(g) => {
            let answers: usize = g.questions.iter().map(|q| q.tracks.len()).sum();
            Web::GridFullCounted.fill(
                lang,
                &[("questions", &g.questions.len()), ("answers", &answers)],
            )
        }
        None => Web::GridFullDescription.text(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_assessments_offer_the_full_grid_first_then_the_light_grid() {
        let c = choices();
        let names: Vec<String> = c.iter().map(|r| stem(&r.id, &r.version)).collect();
        assert_eq!(names, ["rhsf-fir-1.2.0", "rhsf-fir-sme-1.1.0"]);
        assert_eq!(default_choice(), c[0]);
    }

    #[test]
    fn a_sheet_keeps_its_grid() {
        let old = registry::find("rhsf-fir", "1.0.0").map(AnswerSheet::new);
        let old = old.unwrap_or_else(|| AnswerSheet::new(registry::default_grid()));
        assert_eq!(of_sheet(&old).version, "1.0.0");
        // Natively every grid is embedded: nothing is missing.
        assert!(missing([("rhsf-fir", "1.0.0"), ("other", "1.0.0")]).is_empty());
    }
}
