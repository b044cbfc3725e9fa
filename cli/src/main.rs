//! The `vigilance` command (work in progress: see the CLI issue).
fn main() {}
