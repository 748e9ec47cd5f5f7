//! Question generation: the kinds (`kinds`) build each question; this module
//! is the stable entry point the session, the game and the tools call.

pub use super::checks::Reject;
pub use super::kinds::{Candidate, Labels, OPTIONS, number_distractors, render, render_avoiding};
