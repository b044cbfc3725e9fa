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
//! - [`components`]: the screens and their parts;
//! - [`browser`]: the few browser calls (downloads, print, focus…), with native stand-ins so that
//!   the components also render natively (Yew SSR) in the tests.

pub mod browser;
pub mod components;
pub mod compute;
pub mod i18n;
pub mod state;
pub mod storage;

pub use components::app::{App, AppProps, Boot};

/// Starts the app in the page (called by the bundle's loader once the WebAssembly is ready).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<App>::new().render();
}
