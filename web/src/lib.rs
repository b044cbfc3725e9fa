//! # vigilance-web
//!
//! The self-assessment app companies use in their browser: the RHSF/FIR four-level grid for
//! child labour and forced labour, answered over several sittings, scored live by
//! `vigilance-core` (compiled to WebAssembly), with nothing leaving the machine.
//!
//! The layout follows Yew's `function_todomvc` example:
//! - [`state`]: the serde state and the [`state::Action`]s its reducer applies;
//! - [`storage`]: saving to localStorage and reading back without ever bricking the app;
//! - [`i18n`]: every interface string in French and English;
//! - [`compute`]: scoring the open assessment and the files it exports (JSON, .xlsx);
//! - [`ondemand`]: the second WebAssembly module (workbook writer, xlsx reader), fetched from
//!   the app's own files only when first needed;
//! - [`components`]: the screens and their parts;
//! - [`browser`]: the few browser calls (downloads, print, focus…), with native stand-ins so that
//!   the components also render natively (Yew SSR) in the tests.

pub mod browser;
pub mod components;
pub mod compute;
pub mod i18n;
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
    yew::Renderer::<App>::new().render();
}
