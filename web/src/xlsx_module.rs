//! The workbook module: the same crate built with the `xlsx-module` feature gives a second
//! WebAssembly module whose only export builds the results workbook. The app loads it (a
//! script import, not a fetch) the first time a workbook is downloaded, so that the xlsx writer
//! does not weigh on the app's start.

use crate::compute::{WorkbookRequest, build_workbook};
use wasm_bindgen::prelude::*;

/// Builds the results workbook from a [`WorkbookRequest`] given as JSON.
#[wasm_bindgen]
pub fn results_workbook(request_json: &str) -> Result<Vec<u8>, JsError> {
    let req: WorkbookRequest =
        serde_json::from_str(request_json).map_err(|e| JsError::new(&e.to_string()))?;
    build_workbook(&req).map_err(|e| JsError::new(&e))
}
