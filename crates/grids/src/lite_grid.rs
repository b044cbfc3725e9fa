// The browser's first-download copy of a grid: the grid without what only some screens read.
//
// Shared, by `include!`, between core's build script (which writes that copy of the default grid
// for WebAssembly builds) and the registry's tests (which check that the copy is a valid grid
// that scores exactly like the full file). Plain functions on `serde_json::Value`, no crate
// paths, so that both can include it.

/// The text that stands, in the first-download copy, for each question's recommendation and
/// help (both required to be given in both languages when present): the app shows neither
/// until the full file is loaded (`registry::is_partial`).
pub const LITE_PLACEHOLDER: &str = "…";

/// Removes what the first screens do not read: the grid's description, the regulation mapping (`frameworks`, every
/// question's `mappings`: the results' Regulations section and coverage), each question's
/// change log (`changes`: the upgrade to a later version), references (`references`: shown in
/// the help) and the texts of its recommendation (the results' next steps) and help (opened on
/// demand), which become [`LITE_PLACEHOLDER`] so that the copy stays a valid grid that says
/// which questions have a help. The rest (questions, levels, themes, what "partially" means,
/// the condition on `na`) is kept as written, so that the copy answers and scores like the full
/// file. Returns the copy's JSON, minified.
pub fn lite_grid_json(mut grid: serde_json::Value) -> String {
    if let Some(top) = grid.as_object_mut() {
        top.remove("frameworks");
        // The grid's description: read by the command line's `questionnaire show`, not the app.
        top.remove("description");
        if let Some(questions) = top.get_mut("questions").and_then(|q| q.as_array_mut()) {
            for q in questions.iter_mut().filter_map(|q| q.as_object_mut()) {
                for key in ["mappings", "changes", "references"] {
                    q.remove(key);
                }
                for key in ["recommendation", "help"] {
                    if let Some(text) = q.get_mut(key) {
                        *text = serde_json::json!({
                            "fr": LITE_PLACEHOLDER,
                            "en": LITE_PLACEHOLDER,
                        });
                    }
                }
            }
        }
    }
    grid.to_string()
}
