//! Report writers shared by the CLI and the browser: the result document (JSON), CSV, and the
//! Excel workbook.

pub mod csv;
pub mod json;
pub mod workbook;
