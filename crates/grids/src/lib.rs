//! # vigilance-grids
//!
//! The grids that ship with Vigilance, listed once in `questionnaires/grids.toml` (the build
//! script generates the tables from it), embedded at compile time, and how an answer sheet finds
//! the grid it answers ([`registry`]).

pub mod registry;

// The model's modules, reachable as `crate::…` here.
use vigilance_model::{mapping, problem, questionnaire};

pub use registry::{
    Audience, BuiltinGrid, DEFAULT_GRID_ID, GridChoice, available, builtin, builtin_grids, by_name,
    default_grid, find, for_sheet, is_light, latest, unnamed_sheet_grid, versions,
};
