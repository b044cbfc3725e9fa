//! Report writers shared by the CLI and the browser: the result document (JSON), CSV, the
//! Excel workbook, and the campaign review (HTML).

pub mod csv;
pub mod json;
pub mod matching;
pub mod review;
pub mod workbook;
