// The browser's first-download copy of a grid: the grid without its regulation mapping.
//
// Shared, by `include!`, between core's build script (which writes that copy of the default grid
// for WebAssembly builds) and the registry's tests (which check that the copy is a valid grid
// that scores exactly like the full file). Plain functions on `serde_json::Value`, no crate
// paths, so that both can include it.

/// Removes what only the results' regulation section and coverage read (`frameworks` and every
/// question's `mappings`): the rest (questions, levels, themes, recommendations, help,
/// references, change log) is kept as written, so that the copy answers, scores and migrates
/// like the full file. Returns the copy's JSON, minified.
pub fn lite_grid_json(mut grid: serde_json::Value) -> String {
    if let Some(top) = grid.as_object_mut() {
        top.remove("frameworks");
        if let Some(questions) = top.get_mut("questions").and_then(|q| q.as_array_mut()) {
            for q in questions.iter_mut().filter_map(|q| q.as_object_mut()) {
                q.remove("mappings");
            }
        }
    }
    grid.to_string()
}
