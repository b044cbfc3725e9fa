//! # vigilance-text
//!
//! The languages Vigilance speaks ([`Lang`]), the grid's bilingual text ([`Text`]), the one
//! catalogue of user-facing sentences and labels ([`catalogue`]: [`Msg`], [`Cli`],
//! [`Wb`], [`Template`], [`Review`], [`Web`]) and the typography rules ([`typography`]).
//! Every other crate takes its words from here; this crate depends on no other crate of the
//! workspace.
//!
//! A language is a file of `crates/text/catalogue/` (`fr.toml`, `en.toml`): adding one (e.g.
//! `es.toml`, with every key of `fr.toml`) adds a [`Lang`] variant and needs no code change.

pub mod catalogue;
pub mod messages;
pub mod text;
pub mod typography;

pub use catalogue::{Cli, Msg, Review, Template, Wb, Web};
pub use text::{Lang, Plural, Text};
