//! The sections of the review, one module each, in reading order: the cover, then per grid its
//! part heading, key figures, level distribution, transitions, theme heat maps, sector view,
//! blocking critical questions, common next steps, targets, regulation coverage and the analysts'
//! review (with `--engagement`); then one page per company and the method annex. The company
//! summary (`summary`, `vigilance report --company`) is a document of its own, one page per
//! company chosen. Each adds its
//! methods to [`super::html::Writer`], whose `document` calls them in that order; the helpers
//! they share live in `html`.

mod annex;
mod blocking;
mod company;
mod cover;
mod distribution;
mod engagement;
mod key_figures;
mod next_steps;
mod part;
mod regulations;
mod sectors;
mod summary;
mod targets;
mod themes;
mod transitions;
