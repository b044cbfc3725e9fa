//! Build script of vigilance-core: for WebAssembly builds, writes the first-download copy of the
//! default grid (`$OUT_DIR/default-grid.lite.json`: minified, without its regulation mapping, see
//! `src/lite_grid.rs`), which the registry embeds there instead of the file as written; the page
//! loads the full file when the results are first shown. Native builds embed the files as they
//! are and skip this step.

use std::env;
use std::fs;
use std::path::PathBuf;

include!("src/lite_grid.rs");

/// The default grid (keep in step with `registry::FILES`).
const DEFAULT_GRID: &str = "../questionnaires/rhsf-fir-1.1.0.json";

fn main() {
    println!("cargo:rerun-if-changed={DEFAULT_GRID}");
    println!("cargo:rerun-if-changed=src/lite_grid.rs");
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let text = match fs::read_to_string(DEFAULT_GRID) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {DEFAULT_GRID}: {e}"),
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("{DEFAULT_GRID} is not JSON: {e}"),
    };
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("default-grid.lite.json");
    if let Err(e) = fs::write(&out, lite_grid_json(value)) {
        panic!("cannot write {}: {e}", out.display());
    }
}
