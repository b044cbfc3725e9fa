//! # vigilance-read
//!
//! Every reader of a user's answer file, for the command line and the browser alike: JSON answer
//! sheets, matrix CSV and (feature `xlsx`) filled Excel templates and matrices. [`kind`]
//! recognises a file and reads it through the one entry point, [`read`]; [`layout`] is the vocabulary the
//! readers share with the template writer (sheet names, headers, the hidden marker).
//!
//! Every reader builds a `SheetDraft` whose answers carry the cell they came from and calls its
//! checks, so a spreadsheet gets the very messages a JSON sheet gets, naming the cell.

pub mod csv;
pub mod kind;
pub mod layout;
pub mod xlsx;

// The modules of the crates below, reachable as `crate::…` here.
use vigilance_grids::registry;
use vigilance_model::{answers, codes, location, problem, questionnaire};
use vigilance_text::text;

pub use self::csv::{read_matrix_csv, read_matrix_csv_bytes};
pub use kind::{FileKind, ReadFile, read, read_as};
pub use layout::*;
pub use xlsx::read_workbook;
