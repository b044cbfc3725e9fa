//! # vigilance-web
//!
//! The self-assessment app companies use in their browser: a four-level grid (RHSF/FIR levels) for
//! child labour and forced labour, answered over several sittings, scored live by
//! `vigilance-core` (compiled to WebAssembly), with nothing leaving the machine.
//!
//! The layout follows Yew's `function_todomvc` example:
//! - [`state`]: the serde state and the [`state::Action`]s its reducer applies;
//! - [`storage`]: saving to localStorage and reading back without ever bricking the app;
//! - [`evidence_store`]: the documents attached to answers, in the browser's IndexedDB;
//! - [`format`]: numbers in the user's language (every word comes from the catalogue of
//!   `vigilance-text`, section `[web]`: [`vigilance_text::Web`]);
//! - [`grids`]: the grid of each assessment, and the built-in grids loaded when first needed;
//! - [`compute`]: scoring the open assessment and the files it exports (JSON, .xlsx);
//! - [`ondemand`]: the second WebAssembly module (workbook writer, xlsx reader), fetched from
//!   the app's own files only when first needed;
//! - [`components`]: the screens and their parts;
//! - [`browser`]: the few browser calls (downloads, print, focus…), with native stand-ins so that
//!   the components also render natively (Yew SSR) in the tests.

pub mod browser;
pub mod components;
pub mod compute;
pub mod evidence_store;
#[cfg(test)]
mod fixtures;
pub mod format;
pub mod grids;
pub mod ondemand;
pub mod state;
pub mod storage;

pub use components::app::{App, AppProps, Boot};

/// Starts the app in the page; called by the page's loader (`boot.js`) once the WebAssembly is
/// ready, with the object that loads the on-demand module ([`ondemand`]).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run(on_demand: ondemand::OnDemand) {
    ondemand::install(on_demand);
    // The grids the saved assessments are on, when not embedded, are loaded before the state is
    // read (nothing to load on a first visit: the app renders at once). If they cannot be
    // loaded, the state is read all the same and the recovery panel says why.
    let missing = storage::raw()
        .ok()
        .flatten()
        .map(|raw| grids::missing_in_saved(&raw))
        .unwrap_or_default();
    ondemand::load_grids(
        missing,
        yew::Callback::from(|_| {
            yew::Renderer::<App>::new().render();
        }),
    );
}
