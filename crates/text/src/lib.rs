//! # vigilance-text
//!
//! The languages Vigilance speaks ([`Lang`]), bilingual text ([`Text`]) and the one catalogue of
//! user-facing sentences and labels ([`messages::Msg`]). Every other crate takes its words from
//! here; this crate depends on no other crate of the workspace.

pub mod messages;
pub mod text;

pub use messages::Msg;
pub use text::{Lang, Text};
