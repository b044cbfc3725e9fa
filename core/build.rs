//! Build script of vigilance-core: for WebAssembly builds, writes the default grid minified
//! (`$OUT_DIR/default-grid.min.json`, same content without the layout whitespace), which the
//! registry embeds there instead of the file as written. The browser's first download carries
//! that text; native builds embed the files as they are and skip this step.

use std::env;
use std::fs;
use std::path::PathBuf;

/// The default grid (keep in step with `registry::FILES`).
const DEFAULT_GRID: &str = "../questionnaires/rhsf-fir-1.1.0.json";

fn main() {
    println!("cargo:rerun-if-changed={DEFAULT_GRID}");
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
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("default-grid.min.json");
    if let Err(e) = fs::write(&out, value.to_string()) {
        panic!("cannot write {}: {e}", out.display());
    }
}
