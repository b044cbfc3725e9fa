//! Reading the file a user picks to compare the open assessment with: its bytes, the grid the
//! sheet names (loaded first when the app does not have it yet), the sheet read by the on-demand
//! module, and the one sheet such a file must hold.

use crate::browser::{self, Reading};
use crate::grids;
use crate::ondemand::{self, ImportedPart};
use crate::state::Comparison;
use vigilance_grids::registry;
use vigilance_model::{AnswerSheet, Lang};
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::Callback;

/// Reads the file picked in `input`, then calls `done` with what the open assessment is to be
/// compared with, or the message (in `lang`) that says why the file cannot be compared with.
/// The [`Reading`] returned must be kept until then.
pub fn read_compared_file(
    input: &HtmlInputElement,
    lang: Lang,
    done: Callback<Result<Comparison, String>>,
) -> Option<Reading> {
    let on_bytes = Callback::from(move |(name, bytes): (String, Result<Vec<u8>, String>)| {
        let Ok(bytes) = bytes else {
            return done.emit(Err(Web::ReadFailed.text(lang).to_string()));
        };
        // The sheet is read against the grid it names, loaded first when needed.
        let named = std::str::from_utf8(&bytes)
            .ok()
            .and_then(registry::peek_questionnaire);
        let missing = named
            .as_ref()
            .map(|(id, v)| grids::missing([(id.as_str(), v.as_str())]))
            .unwrap_or_default();
        let done = done.clone();
        let read = Callback::from(move |loaded: Result<(), String>| {
            if loaded.is_err() {
                return done.emit(Err(Web::GridLoadFailed.text(lang).to_string()));
            }
            let done = done.clone();
            let compared = name.clone();
            let parsed = Callback::from(move |parts: Result<Vec<ImportedPart>, String>| {
                done.emit(match compared_sheet(parts, lang) {
                    Ok(sheet) => Ok(Comparison::Imported {
                        name: compared.clone(),
                        sheet: Box::new(sheet),
                    }),
                    Err(why) => Err(format!("{} {why}", Web::ImportFailed.text(lang))),
                })
            });
            ondemand::read_answer_parts(&name, &bytes, lang, parsed);
        });
        ondemand::load_grids(missing, read);
    });
    browser::read_picked_file(input, on_bytes)
}

/// The one sheet of a file picked to compare with, or why it cannot be compared with (the
/// reader's own words, or a file that holds several companies).
fn compared_sheet(
    parts: Result<Vec<ImportedPart>, String>,
    lang: Lang,
) -> Result<AnswerSheet, String> {
    let mut parts = parts?;
    if parts.len() != 1 {
        return Err(Web::CompareOneSheet.text(lang).to_string());
    }
    parts.remove(0).result.map(|imported| imported.sheet)
}
